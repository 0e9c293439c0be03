//! Training the tagger: greedy averaged perceptron, one pass per epoch in a seeded shuffled
//! order, updating after each word on the tags predicted so far.
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{describe, read_all, training_files, write_model, TrainReport};
use crate::codec;
use crate::conllu::{read_conllu, TreebankSentence};
use crate::error::Result;
use crate::hash::{hash_str, Rng, U64Map};
use crate::lemmatizer::Lemmatizer;
use crate::lexical::{Clusters, WordAttrs, LOWER_KEY};
use crate::perceptron::Weights;
use crate::perceptron::{argmax, Trainer};
use crate::tag_features::{upos_features, xpos2_features, xpos_features};
use crate::tagger::{
    decode_xpos, dictionary_entries, previous_tags, static_upos, AffixRule, Tagger,
};

/// A training sentence: word attributes, gold XPOS and UPOS classes.
type Example = (Vec<WordAttrs>, Vec<usize>, Vec<usize>);

/// Folds of the jackknife that gives the second XPOS pass its first-pass tags.
const SECOND_PASS_FOLDS: usize = 4;

/// One online step of an XPOS pass: predicts the class of a word from `features`, learns
/// from `gold`, and returns the prediction.
fn learn_xpos(model: &mut Trainer, features: &[u64], gold: usize, scores: &mut [f32]) -> usize {
    model.score(features, scores);
    let guess = argmax(scores, |_| true).unwrap_or(0);
    model.update(features, gold, guess);
    model.tick();
    guess
}

/// One online XPOS pass over a sentence, left to right: a word in the tag dictionary takes
/// its tag, any other is predicted from the features `fill` writes for it (given the tags
/// so far) and learnt from `gold`. Returns the tags, as classes + 1.
fn learn_xpos_pass(
    model: &mut Trainer,
    tagdict: &U64Map<u32>,
    attrs: &[WordAttrs],
    gold: &[usize],
    features: &mut Vec<u64>,
    scores: &mut [f32],
    mut fill: impl FnMut(usize, &[u64], &mut Vec<u64>),
) -> Vec<u64> {
    let mut pred: Vec<u64> = Vec::with_capacity(attrs.len());
    for i in 0..attrs.len() {
        let guess = match tagdict.get(&attrs[i].word) {
            Some(c) => (*c & 0xffff) as usize,
            None => {
                fill(i, &pred, features);
                learn_xpos(model, features, gold[i], scores)
            }
        };
        pred.push(guess as u64 + 1);
    }
    pred
}

/// How many of the tags `pred` (classes + 1) are the `gold` classes.
fn right_tags(pred: &[u64], gold: &[usize]) -> usize {
    pred.iter()
        .zip(gold)
        .filter(|(p, g)| **p == **g as u64 + 1)
        .count()
}

/// Trains a first XPOS pass alone on `data` (the same epochs and seed as the full tagger).
fn fit_first_pass(
    config: &TaggerConfig,
    data: &[&Example],
    tagdict: &U64Map<u32>,
    classes: usize,
) -> Weights {
    let mut model = Trainer::new(config.xpos_bits, classes);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng::new(config.seed);
    let mut features = Vec::with_capacity(64);
    let mut scores = vec![0f32; classes];
    for _ in 0..config.epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let (attrs, gold, _) = data[si];
            learn_xpos_pass(
                &mut model,
                tagdict,
                attrs,
                gold,
                &mut features,
                &mut scores,
                |i, pred, f| {
                    let prev = previous_tags(pred);
                    xpos_features(attrs, i, prev.0, prev.1, f);
                },
            );
        }
    }
    model.finish()
}

/// First-pass XPOS classes (+ 1) of every training sentence, each predicted by a first pass
/// trained on the other folds, as the second pass will see them on new text.
fn jackknifed_first_pass(
    config: &TaggerConfig,
    data: &[Example],
    tagdict: &U64Map<u32>,
    classes: usize,
    progress: &dyn Fn(&str),
) -> Vec<Vec<u64>> {
    let k = SECOND_PASS_FOLDS;
    let mut out = vec![Vec::new(); data.len()];
    let mut features = Vec::with_capacity(64);
    for fold in 0..k {
        let train: Vec<&Example> = data
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .map(|(_, d)| d)
            .collect();
        let model = fit_first_pass(config, &train, tagdict, classes);
        for (i, (attrs, _, _)) in data.iter().enumerate().filter(|(i, _)| i % k == fold) {
            let entries = dictionary_entries(tagdict, attrs);
            out[i] = decode_xpos(&model, &entries, attrs, None, None, &mut features);
        }
        progress(&format!("tagger: first-pass fold {}/{k} tagged", fold + 1));
    }
    out
}

/// Settings of a tagger training run.
#[derive(Debug, Clone)]
pub struct TaggerConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// The XPOS table has `2^bits` rows.
    pub xpos_bits: u32,
    /// The table of the second XPOS pass has `2^bits` rows (0: no second pass).
    pub xpos2_bits: u32,
    /// The UPOS table has `2^bits` rows.
    pub upos_bits: u32,
    /// Shuffling seed.
    pub seed: u64,
    /// Brown clusters (gzipped JSON word → cluster), if any.
    pub clusters: Option<PathBuf>,
    /// How many of the most frequent cluster words to keep besides the training vocabulary.
    pub cluster_top: usize,
    /// A word joins the tag dictionary when seen this often…
    pub dict_min_count: u32,
    /// …with one tag at least this share of the time.
    pub dict_min_share: f64,
    /// Words seen this often get their set of tags as a feature.
    pub ambiguity_min_count: u32,
    /// Also train on the dev file beside each training file (the dev scores then only check
    /// the model).
    pub with_dev: bool,
}

impl Default for TaggerConfig {
    fn default() -> Self {
        TaggerConfig {
            epochs: 8,
            xpos_bits: 17,
            xpos2_bits: 0,
            upos_bits: 15,
            seed: 42,
            clusters: None,
            cluster_top: 120_000,
            dict_min_count: 20,
            dict_min_share: 0.995,
            ambiguity_min_count: 3,
            with_dev: false,
        }
    }
}

/// The Brown cluster file beside the treebanks (`<data>/ud/<bank>/<file>` →
/// `<data>/lexicons/spacy_en/en_lexeme_cluster.json.gz`), if present.
pub(crate) fn default_clusters(train: &[PathBuf]) -> Option<PathBuf> {
    let data = train.first()?.parent()?.parent()?.parent()?;
    let p = data.join("lexicons/spacy_en/en_lexeme_cluster.json.gz");
    p.is_file().then_some(p)
}

/// Trains a tagger as the committed one was: default settings, clusters found beside the
/// treebanks, on the training files and the dev file beside each (`dev` is only scored).
pub fn train_tagger(
    train: &[PathBuf],
    dev: &Path,
    out: &Path,
    progress: &dyn Fn(&str),
) -> Result<TrainReport> {
    let config = TaggerConfig {
        clusters: default_clusters(train),
        with_dev: true,
        ..TaggerConfig::default()
    };
    train_tagger_with(&config, train, dev, out, progress)
}

/// Trains a tagger model in memory.
pub(crate) fn fit_tagger(
    config: &TaggerConfig,
    sentences: &[TreebankSentence],
    clusters: &Clusters,
    progress: &dyn Fn(&str),
) -> Tagger {
    // Tag sets, most frequent first (ties by name, for reproducibility).
    let count_tags = |get: &dyn Fn(&TreebankSentence) -> &Vec<String>| {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for s in sentences {
            for t in get(s) {
                *counts.entry(t.as_str()).or_default() += 1;
            }
        }
        let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.into_iter()
            .map(|(t, _)| t.to_string())
            .collect::<Vec<_>>()
    };
    let xpos_tags = count_tags(&|s| &s.xpos);
    let upos_names: Vec<String> = count_tags(&|s| &s.upos);
    let xpos_index: HashMap<&str, usize> = xpos_tags
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i))
        .collect();
    let upos_index: HashMap<&str, usize> = upos_names
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i))
        .collect();

    // Tag dictionary of frequent unambiguous words.
    let mut word_tags: HashMap<&str, HashMap<usize, u32>> = HashMap::new();
    let mut word_upos: HashMap<&str, HashMap<usize, u32>> = HashMap::new();
    for s in sentences {
        for ((w, t), u) in s.words.iter().zip(&s.xpos).zip(&s.upos) {
            *word_tags
                .entry(w)
                .or_default()
                .entry(xpos_index[t.as_str()])
                .or_default() += 1;
            *word_upos
                .entry(w)
                .or_default()
                .entry(upos_index[u.as_str()])
                .or_default() += 1;
        }
    }
    let mut tagdict = U64Map::default();
    let mut ambiguity = U64Map::default();
    for (w, tags) in &word_tags {
        let total: u32 = tags.values().sum();
        let (best, n) = tags
            .iter()
            .max_by_key(|(t, n)| (**n, usize::MAX - **t))
            .map(|(t, n)| (*t, *n))
            .unwrap_or((0, 0));
        if total >= config.ambiguity_min_count {
            let set = tags.keys().fold(0u64, |m, t| m | 1 << (t % 64));
            ambiguity.insert(hash_str(w), set);
        }
        if total >= config.dict_min_count
            && f64::from(n) / f64::from(total) >= config.dict_min_share
        {
            // The UPOS class too (plus one, in the high half) when it is as unambiguous.
            let upos = word_upos.get(w).and_then(|u| {
                let (best, n) = u.iter().max_by_key(|(t, n)| (**n, usize::MAX - **t))?;
                (f64::from(*n) / f64::from(total) >= config.dict_min_share).then_some(*best)
            });
            let packed = upos.map_or(0, |u| (u as u32 + 1) << 16);
            tagdict.insert(hash_str(w), best as u32 | packed);
        }
    }

    let mut lower_tags: HashMap<String, (u32, u64)> = HashMap::new();
    for (w, tags) in &word_tags {
        let e = lower_tags.entry(w.to_lowercase()).or_default();
        e.0 += tags.values().sum::<u32>();
        e.1 |= tags.keys().fold(0u64, |m, t| m | 1 << (t % 64));
    }
    for (w, (total, set)) in &lower_tags {
        if *total >= config.ambiguity_min_count {
            ambiguity.insert(hash_str(w) ^ LOWER_KEY, *set);
        }
    }
    let data: Vec<Example> = sentences
        .iter()
        .map(|s| {
            let attrs = s
                .words
                .iter()
                .map(|w| WordAttrs::new(w, clusters).with_ambiguity(&ambiguity))
                .collect();
            let x = s.xpos.iter().map(|t| xpos_index[t.as_str()]).collect();
            let u = s.upos.iter().map(|t| upos_index[t.as_str()]).collect();
            (attrs, x, u)
        })
        .collect();
    let first = (config.xpos2_bits > 0)
        .then(|| jackknifed_first_pass(config, &data, &tagdict, xpos_tags.len(), progress));
    let mut xpos_model = Trainer::new(config.xpos_bits, xpos_tags.len());
    let mut xpos2_model = first
        .as_ref()
        .map(|_| Trainer::new(config.xpos2_bits, xpos_tags.len()));
    let mut upos_model = Trainer::new(config.upos_bits, upos_names.len());
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng::new(config.seed);
    let mut features = Vec::with_capacity(64);
    let mut xs = vec![0f32; xpos_tags.len()];
    let mut us = vec![0f32; upos_names.len()];
    for epoch in 0..config.epochs {
        rng.shuffle(&mut order);
        let (mut right, mut right2, mut total) = (0usize, 0usize, 0usize);
        for &si in &order {
            let (attrs, gold_x, gold_u) = &data[si];
            let mut pred = learn_xpos_pass(
                &mut xpos_model,
                &tagdict,
                attrs,
                gold_x,
                &mut features,
                &mut xs,
                |i, pred, f| {
                    let prev = previous_tags(pred);
                    xpos_features(attrs, i, prev.0, prev.1, f);
                },
            );
            right += right_tags(&pred, gold_x);
            total += attrs.len();
            if let (Some(model), Some(first)) = (&mut xpos2_model, &first) {
                pred = learn_xpos_pass(
                    model,
                    &tagdict,
                    attrs,
                    gold_x,
                    &mut features,
                    &mut xs,
                    |i, pred, f| xpos2_features(attrs, i, previous_tags(pred), &first[si], f),
                );
                right2 += right_tags(&pred, gold_x);
            }
            for (i, gold) in gold_u.iter().enumerate() {
                if tagdict.get(&attrs[i].word).is_some_and(|c| *c >> 16 != 0) {
                    continue;
                }
                upos_features(attrs, &pred, i, &mut features);
                upos_model.score(&features, &mut us);
                let g = argmax(&us, |_| true).unwrap_or(0);
                upos_model.update(&features, *gold, g);
                upos_model.tick();
            }
        }
        let second = if xpos2_model.is_some() {
            format!(", second pass {:.4}", right2 as f64 / total as f64)
        } else {
            String::new()
        };
        progress(&format!(
            "tagger epoch {}: train XPOS accuracy {:.4}{second}",
            epoch + 1,
            right as f64 / total as f64
        ));
    }
    let affix = AffixRule::new(&xpos_tags);
    Tagger {
        info: codec::ModelInfo {
            hash: String::new(),
            description: String::new(),
        },
        xpos_tags,
        upos_tags: upos_names.iter().map(|t| static_upos(t)).collect(),
        xpos_model: xpos_model.finish(),
        xpos2_model: xpos2_model.map(|m| m.finish()),
        upos_model: upos_model.finish(),
        tagdict,
        clusters: clusters.clone(),
        lemmatizer: Lemmatizer::learn(sentences),
        ambiguity,
        affix,
    }
}

/// Loads the clusters of `config`, pruned to the frequent words and the training vocabulary.
pub(crate) fn load_clusters(
    config: &TaggerConfig,
    sentences: &[TreebankSentence],
) -> Result<Clusters> {
    let Some(path) = &config.clusters else {
        return Ok(Clusters::default());
    };
    let vocab: HashSet<&str> = sentences
        .iter()
        .flat_map(|s| s.words.iter().map(String::as_str))
        .collect();
    Clusters::load_json_gz(path, config.cluster_top, |w| vocab.contains(w))
}

/// Tagging accuracy (UPOS, XPOS, lemma) of `tagger` on gold sentences.
pub(crate) fn tag_accuracy(tagger: &Tagger, gold: &[TreebankSentence]) -> (f64, f64, f64) {
    let (mut u, mut x, mut l, mut n) = (0usize, 0usize, 0usize, 0usize);
    for s in gold {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        for (i, r) in tagger.tag(&words).iter().enumerate() {
            u += usize::from(r.upos == s.upos[i]);
            x += usize::from(r.xpos == s.xpos[i]);
            l += usize::from(r.lemma == s.lemmas[i]);
            n += 1;
        }
    }
    let n = n.max(1) as f64;
    (u as f64 / n, x as f64 / n, l as f64 / n)
}

/// Trains a tagger with explicit settings and writes it to `out`.
pub fn train_tagger_with(
    config: &TaggerConfig,
    train: &[PathBuf],
    dev: &Path,
    out: &Path,
    progress: &dyn Fn(&str),
) -> Result<TrainReport> {
    let start = Instant::now();
    let train = &training_files(train, config.with_dev)?;
    let sentences = read_all(train)?;
    let dev_sentences = read_conllu(dev)?;
    let clusters = load_clusters(config, &sentences)?;
    progress(&format!(
        "tagger: {} training sentences, {} cluster words",
        sentences.len(),
        clusters.len()
    ));
    let tagger = fit_tagger(config, &sentences, &clusters, progress);
    let description = describe(
        train,
        &format!(
            "tagger epochs={} xpos_bits={}{} upos_bits={} seed={} cluster_words={} ambiguity_min={}",
            config.epochs,
            config.xpos_bits,
            if config.xpos2_bits > 0 {
                format!(" xpos2_bits={}", config.xpos2_bits)
            } else {
                String::new()
            },
            config.upos_bits,
            config.seed,
            clusters.len(),
            config.ambiguity_min_count
        ),
    )?;
    let bytes = tagger.to_bytes(&description);
    write_model(out, &bytes)?;
    let tagger = Tagger::from_bytes(&bytes, out)?;
    let (u, x, l) = tag_accuracy(&tagger, &dev_sentences);
    progress(&format!("tagger dev: UPOS {u:.4} XPOS {x:.4} lemma {l:.4}"));
    Ok(TrainReport {
        model: out.to_path_buf(),
        model_bytes: bytes.len(),
        model_hash: tagger.info().hash.clone(),
        description,
        sentences: sentences.len(),
        dev_scores: vec![("upos".into(), u), ("xpos".into(), x), ("lemma".into(), l)],
        seconds: start.elapsed().as_secs_f64(),
    })
}
