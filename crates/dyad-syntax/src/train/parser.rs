//! Training the parser: averaged perceptron with the arc-eager dynamic oracle and error
//! exploration (Goldberg & Nivre 2012). Non-projective training trees are made projective by
//! lifting, the best dev epoch is kept, and the models of several shuffling seeds are averaged
//! into one.
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::tagger::{default_clusters, fit_tagger, load_clusters, TaggerConfig};
use super::{describe, read_all, training_files, write_model, TrainReport};
use crate::codec;
use crate::conllu::{read_conllu, TreebankSentence};
use crate::error::Result;
use crate::hash::Rng;
use crate::lexical::Clusters;
use crate::parser::features::{action_features, label_features, ParseToken};
use crate::parser::oracle::{Gold, Oracle};
use crate::parser::state::{State, ACTIONS, NONE};
use crate::parser::{Parser, ROOT_LABEL};
use crate::perceptron::{argmax, Trainer, Weights};
use crate::tagger::Tagger;

/// Settings of a parser training run.
#[derive(Debug, Clone)]
pub struct ParserConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// The transition table has `2^bits` rows.
    pub action_bits: u32,
    /// The label table has `2^bits` rows.
    pub label_bits: u32,
    /// Shuffling and exploration seed.
    pub seed: u64,
    /// From this epoch on (0-based), follow the model's own wrong choices…
    pub explore_from: usize,
    /// …with this probability.
    pub explore_p: f64,
    /// Train on tags predicted by taggers trained on the other folds (0: gold tags).
    pub jackknife_folds: usize,
    /// Settings of the jackknife taggers.
    pub tagger: TaggerConfig,
    /// A file keeping the jackknifed tags between runs (recomputed when the training files or
    /// tagger settings differ).
    pub jackknife_cache: Option<PathBuf>,
    /// From this epoch on (1-based), the averaged model is scored on the dev set after each
    /// epoch and the best one (UAS + LAS) is kept; later than `epochs`: the last one.
    pub select_from: usize,
    /// The quantile of the absolute weights that quantisation maps to the largest step
    /// (see [`crate::perceptron::Trainer::finish_clipped`]).
    pub clip_quantile: f64,
    /// Models trained with this many shuffling seeds are averaged into one (1: no mixing).
    pub mix: usize,
    /// Also train on a copy of each sentence with its gold tags.
    pub gold_copy: bool,
    /// Also train on the dev file beside each training file; the dev set then cannot choose
    /// the epoch, so set `select_from` to `epochs` (the last one is kept).
    pub with_dev: bool,
}

impl Default for ParserConfig {
    fn default() -> Self {
        ParserConfig {
            epochs: 12,
            action_bits: 20,
            label_bits: 17,
            seed: 7,
            explore_from: 1,
            explore_p: 0.9,
            jackknife_folds: 4,
            tagger: TaggerConfig {
                epochs: 5,
                ..TaggerConfig::default()
            },
            jackknife_cache: None,
            select_from: 6,
            clip_quantile: 1.0,
            mix: 5,
            gold_copy: false,
            with_dev: false,
        }
    }
}

/// Trains a parser as the committed one was: default settings, on the training files and the
/// dev file beside each, keeping the last epoch (`dev` is only scored).
pub fn train_parser(
    train: &[PathBuf],
    dev: &Path,
    out: &Path,
    progress: &dyn Fn(&str),
) -> Result<TrainReport> {
    let mut config = ParserConfig {
        with_dev: true,
        ..ParserConfig::default()
    };
    config.select_from = config.epochs;
    config.tagger.clusters = default_clusters(train);
    train_parser_with(&config, train, dev, out, progress)
}

/// Replaces the gold tags of `sentences` by tags predicted by taggers trained on the other folds.
fn jackknife(
    config: &ParserConfig,
    sentences: &mut [TreebankSentence],
    clusters: &Clusters,
    key: &str,
    progress: &dyn Fn(&str),
) -> Result<()> {
    let k = config.jackknife_folds;
    if let Some(cache) = &config.jackknife_cache {
        if read_tag_cache(cache, key, sentences) {
            progress(&format!("parser: jackknifed tags from {}", cache.display()));
            return Ok(());
        }
    }
    let mut predicted: Vec<Option<(Vec<String>, Vec<String>)>> = vec![None; sentences.len()];
    for fold in 0..k {
        let train: Vec<TreebankSentence> = sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .map(|(_, s)| s.clone())
            .collect();
        let tagger = fit_tagger(&config.tagger, &train, clusters, &|_| {});
        for (i, s) in sentences.iter().enumerate().filter(|(i, _)| i % k == fold) {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let tags = tagger.tag(&words);
            predicted[i] = Some((
                tags.iter().map(|t| t.upos.to_string()).collect(),
                tags.iter().map(|t| t.xpos.clone()).collect(),
            ));
        }
        progress(&format!("parser: jackknife fold {}/{k} tagged", fold + 1));
    }
    for (s, p) in sentences.iter_mut().zip(predicted) {
        if let Some((u, x)) = p {
            s.upos = u;
            s.xpos = x;
        }
    }
    if let Some(cache) = &config.jackknife_cache {
        write_tag_cache(cache, key, sentences)?;
    }
    Ok(())
}

/// Replaces the tags of `sentences` by those cached under `key`; false when the cache is
/// missing or was made for other data or settings.
fn read_tag_cache(path: &Path, key: &str, sentences: &mut [TreebankSentence]) -> bool {
    let Ok(text) = std::fs::read_to_string(path) else {
        return false;
    };
    let mut lines = text.lines();
    if lines.next() != Some(key) {
        return false;
    }
    let rows: Vec<&str> = lines.collect();
    if rows.len() != sentences.len() {
        return false;
    }
    let mut tags = Vec::with_capacity(rows.len());
    for (row, s) in rows.iter().zip(sentences.iter()) {
        let (u, x) = row.split_once('\t').unwrap_or(("", ""));
        let u: Vec<String> = u.split(' ').map(str::to_string).collect();
        let x: Vec<String> = x.split(' ').map(str::to_string).collect();
        if u.len() != s.len() || x.len() != s.len() {
            return false;
        }
        tags.push((u, x));
    }
    for (s, (u, x)) in sentences.iter_mut().zip(tags) {
        s.upos = u;
        s.xpos = x;
    }
    true
}

fn write_tag_cache(path: &Path, key: &str, sentences: &[TreebankSentence]) -> Result<()> {
    let mut text = format!("{key}\n");
    for s in sentences {
        text.push_str(&s.upos.join(" "));
        text.push('\t');
        text.push_str(&s.xpos.join(" "));
        text.push('\n');
    }
    write_model(path, text.as_bytes())
}

/// Whether `k` is `h` or below it in the tree of `heads`.
fn dominates(heads: &[u32], h: u32, mut k: u32) -> bool {
    for _ in 0..=heads.len() {
        if k == h {
            return true;
        }
        match heads.get(k as usize) {
            Some(&up) if up != NONE => k = up,
            _ => return false,
        }
    }
    false
}

/// Makes a tree projective by lifting (Nivre & Nilsson 2005, without encoding the lifts in
/// the labels): while some arc spans a word its head does not dominate, the shortest such
/// arc moves up to the head's head. False when a lift would need the root's head (the
/// sentence is then left out of training).
fn projectivise(heads: &mut [u32]) -> bool {
    for _ in 0..heads.len() * heads.len() + 1 {
        let mut shortest: Option<(u32, u32)> = None;
        for (d, &h) in heads.iter().enumerate() {
            if h == NONE {
                continue;
            }
            let d = d as u32;
            let (a, b) = (h.min(d), h.max(d));
            let crossing = (a + 1..b).any(|k| !dominates(heads, h, k));
            if crossing && shortest.is_none_or(|(_, sd)| b - a < heads[sd as usize].abs_diff(sd)) {
                shortest = Some((h, d));
            }
        }
        let Some((h, d)) = shortest else {
            return true;
        };
        let up = heads[h as usize];
        if up == NONE {
            return false;
        }
        heads[d as usize] = up;
    }
    false
}

fn tokens_of(s: &TreebankSentence, clusters: &Clusters) -> Vec<ParseToken> {
    let mut tokens: Vec<ParseToken> = s
        .words
        .iter()
        .zip(&s.upos)
        .zip(&s.xpos)
        .map(|((w, u), x)| ParseToken::new(w, u, x, clusters))
        .collect();
    crate::parser::features::count_context(&mut tokens);
    tokens
}

/// Trains a parser model in memory.
pub(crate) fn fit_parser(
    config: &ParserConfig,
    sentences: &[TreebankSentence],
    clusters: &Clusters,
    dev: &[TreebankSentence],
    progress: &dyn Fn(&str),
) -> Parser {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for s in sentences {
        for l in &s.deprels {
            *counts.entry(l.as_str()).or_default() += 1;
        }
    }
    counts.entry(ROOT_LABEL).or_insert(0);
    let mut labels: Vec<(&str, usize)> = counts.into_iter().collect();
    labels.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let labels: Vec<String> = labels.into_iter().map(|(l, _)| l.to_string()).collect();
    let index: HashMap<&str, u16> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i as u16))
        .collect();
    let root = index[ROOT_LABEL] as usize;

    let data: Vec<(Vec<ParseToken>, Gold)> = sentences
        .iter()
        .filter_map(|s| {
            let mut heads: Vec<u32> = s
                .heads
                .iter()
                .map(|h| h.map_or(NONE, |h| h as u32))
                .collect();
            if !s.is_projective() && !projectivise(&mut heads) {
                return None;
            }
            let labels = s.deprels.iter().map(|l| index[l.as_str()]).collect();
            Some((tokens_of(s, clusters), Gold::new(heads, labels)))
        })
        .collect();
    progress(&format!(
        "parser: {} (made) projective training sentences of {}",
        data.len(),
        sentences.len()
    ));

    let mut actions = Trainer::new(config.action_bits, ACTIONS.len());
    let mut label_model = Trainer::new(config.label_bits, labels.len());
    let mut oracle = Oracle::default();
    let mut rng = Rng::new(config.seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut features = Vec::with_capacity(128);
    let mut scores = vec![0f32; ACTIONS.len()];
    let mut lscores = vec![0f32; labels.len()];
    let mut best: Option<(f64, usize, Parser)> = None;
    for epoch in 0..config.epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &si in &order {
            let (tokens, gold) = &data[si];
            let mut state = State::new(tokens.len());
            while !state.is_terminal() {
                if state.stack.is_empty() {
                    // Only a shift is possible: nothing to learn.
                    state.apply(crate::parser::state::Action::Shift, 0);
                    continue;
                }
                oracle.sync(&state);
                action_features(tokens, &state, &mut features);
                actions.score(&features, &mut scores);
                let valid = |a: usize| state.is_valid(ACTIONS[a]);
                let guess = argmax(&scores, valid).unwrap_or(0);
                let costs: Vec<usize> = (0..ACTIONS.len())
                    .map(|a| {
                        if valid(a) {
                            oracle.cost(&state, gold, ACTIONS[a])
                        } else {
                            usize::MAX
                        }
                    })
                    .collect();
                let min_cost = costs.iter().copied().min().unwrap_or(0);
                let best = argmax(&scores, |a| costs[a] == min_cost).unwrap_or(guess);
                if costs[guess] > min_cost {
                    actions.update(&features, best, guess);
                }
                actions.tick();
                let follow = if costs[guess] == min_cost
                    || (epoch >= config.explore_from && rng.next_f64() < config.explore_p)
                {
                    guess
                } else {
                    best
                };
                let action = ACTIONS[follow];
                let arc = match action {
                    crate::parser::state::Action::Left => Some((state.b, state.s0())),
                    crate::parser::state::Action::Right => Some((state.s0(), state.b)),
                    _ => None,
                };
                let mut label = 0u16;
                if let Some((h, d)) = arc {
                    label_features(tokens, &state, h, d, &mut features);
                    label_model.score(&features, &mut lscores);
                    let g = argmax(&lscores, |c| c != root).unwrap_or(0);
                    label = g as u16;
                    if gold.heads[d as usize] == h {
                        let truth = gold.labels[d as usize] as usize;
                        label_model.update(&features, truth, g);
                        label_model.tick();
                        right += usize::from(truth == g);
                        total += 1;
                    }
                }
                state.apply(action, label);
            }
        }
        progress(&format!(
            "parser epoch {}: train label accuracy on gold arcs {:.4}",
            epoch + 1,
            right as f64 / total.max(1) as f64
        ));
        let last = epoch + 1 == config.epochs;
        if (epoch + 1 < config.select_from || dev.is_empty()) && !last {
            continue;
        }
        let parser = Parser {
            info: codec::ModelInfo {
                hash: String::new(),
                description: String::new(),
            },
            punct: crate::parser::punct_class(&labels),
            root: crate::parser::root_class(&labels),
            labels: labels.clone(),
            actions: actions.finish_clipped(config.clip_quantile),
            label_model: label_model.finish_clipped(config.clip_quantile),
            clusters: clusters.clone(),
            beam: crate::parser::BEAM_WIDTH,
            temperature: crate::parser::BEAM_TEMPERATURE,
            prune: crate::parser::BEAM_PRUNE,
        };
        if dev.is_empty() {
            return parser;
        }
        if std::env::var_os("DYAD_PARSER_QUANTILES").is_some() {
            for q in [1.0, 0.99999, 0.9999, 0.999, 0.99] {
                let p = Parser {
                    actions: actions.finish_clipped(q),
                    label_model: label_model.finish_clipped(q),
                    ..parser.clone()
                };
                let (uas, las) = attachment(&p, dev);
                progress(&format!("  quantile {q}: dev UAS {uas:.4} LAS {las:.4}"));
            }
        }
        let (uas, las) = attachment(&parser, dev);
        progress(&format!(
            "parser epoch {}: dev UAS {uas:.4} LAS {las:.4}",
            epoch + 1
        ));
        if best.as_ref().is_none_or(|(score, _, _)| uas + las > *score) {
            best = Some((uas + las, epoch + 1, parser));
        }
    }
    match best {
        Some((_, epoch, parser)) => {
            progress(&format!("parser: kept the model of epoch {epoch}"));
            parser
        }
        None => Parser {
            info: codec::ModelInfo {
                hash: String::new(),
                description: String::new(),
            },
            punct: crate::parser::punct_class(&labels),
            root: crate::parser::root_class(&labels),
            labels,
            actions: actions.finish_clipped(config.clip_quantile),
            label_model: label_model.finish_clipped(config.clip_quantile),
            clusters: clusters.clone(),
            beam: crate::parser::BEAM_WIDTH,
            temperature: crate::parser::BEAM_TEMPERATURE,
            prune: crate::parser::BEAM_PRUNE,
        },
    }
}

/// The parser whose weights are the mean of those of `runs` (the first run when there is
/// one, or the shapes differ).
fn mix(mut runs: Vec<Parser>, dev: &[TreebankSentence], progress: &dyn Fn(&str)) -> Parser {
    let first = runs.swap_remove(0);
    if runs.is_empty() {
        return first;
    }
    let actions: Vec<&Weights> = std::iter::once(&first.actions)
        .chain(runs.iter().map(|p| &p.actions))
        .collect();
    let labels: Vec<&Weights> = std::iter::once(&first.label_model)
        .chain(runs.iter().map(|p| &p.label_model))
        .collect();
    let (Some(actions), Some(label_model)) = (Weights::mean(&actions), Weights::mean(&labels))
    else {
        return first;
    };
    let mixed = Parser {
        actions,
        label_model,
        ..first
    };
    if !dev.is_empty() {
        let (uas, las) = attachment(&mixed, dev);
        progress(&format!(
            "parser: mean of {} runs: dev UAS {uas:.4} LAS {las:.4}",
            runs.len() + 1
        ));
    }
    mixed
}

/// Unlabelled and labelled attachment scores of `parser` on sentences (with their own tags).
pub(crate) fn attachment(parser: &Parser, gold: &[TreebankSentence]) -> (f64, f64) {
    let (mut u, mut l, mut n) = (0usize, 0usize, 0usize);
    for s in gold {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        for (i, (h, rel)) in parser.parse(&words, &s.upos, &s.xpos).iter().enumerate() {
            let ok = *h == s.heads[i];
            u += usize::from(ok);
            l += usize::from(ok && *rel == s.deprels[i]);
            n += 1;
        }
    }
    let n = n.max(1) as f64;
    (u as f64 / n, l as f64 / n)
}

/// Trains a parser with explicit settings and writes it to `out`. With `tagger`, the dev
/// scores use its predicted tags; otherwise gold tags.
pub fn train_parser_with(
    config: &ParserConfig,
    train: &[PathBuf],
    dev: &Path,
    out: &Path,
    progress: &dyn Fn(&str),
) -> Result<TrainReport> {
    let start = Instant::now();
    let train = &training_files(train, config.with_dev)?;
    let mut sentences = read_all(train)?;
    let dev_sentences = read_conllu(dev)?;
    let clusters = load_clusters(&config.tagger, &sentences)?;
    // Dev sentences with the committed tagger's tags when there is one (as the parser
    // will see them), for choosing the epoch; the gold-tagged copy is scored too.
    let tagger = Tagger::load(&out.with_file_name("tagger.bin")).ok();
    let mut tagged_dev = dev_sentences.clone();
    if let Some(tagger) = &tagger {
        for s in &mut tagged_dev {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let tags = tagger.tag(&words);
            s.upos = tags.iter().map(|t| t.upos.to_string()).collect();
            s.xpos = tags.iter().map(|t| t.xpos.clone()).collect();
        }
    }
    let gold_tagged = sentences.clone();
    if config.jackknife_folds > 1 {
        let key = describe(
            train,
            &format!(
                "jackknife={} tagger={:?}",
                config.jackknife_folds, config.tagger
            ),
        )?;
        jackknife(config, &mut sentences, &clusters, &key, progress)?;
        if config.gold_copy {
            sentences.extend(gold_tagged);
        }
    }
    let mut runs = Vec::new();
    for r in 0..config.mix.max(1) {
        let run = ParserConfig {
            seed: config.seed.wrapping_add(r as u64 * 7919),
            ..config.clone()
        };
        runs.push(fit_parser(
            &run,
            &sentences,
            &clusters,
            &tagged_dev,
            progress,
        ));
    }
    let parser = mix(runs, &tagged_dev, progress);
    let description = describe(
        train,
        &format!(
            "parser epochs={} mix={} gold_copy={} select_from={} clip={} action_bits={} label_bits={} seed={} explore={}@{} jackknife={}",
            config.epochs,
            config.mix,
            config.gold_copy,
            config.select_from,
            config.clip_quantile,
            config.action_bits,
            config.label_bits,
            config.seed,
            config.explore_p,
            config.explore_from,
            config.jackknife_folds
        ),
    )?;
    let bytes = parser.to_bytes(&description);
    write_model(out, &bytes)?;
    let parser = Parser::from_bytes(&bytes, out)?;
    let (uas, las) = attachment(&parser, &dev_sentences);
    progress(&format!(
        "parser dev (gold tags): UAS {uas:.4} LAS {las:.4}"
    ));
    let mut dev_scores = vec![("uas_gold_tags".into(), uas), ("las_gold_tags".into(), las)];
    if tagger.is_some() {
        let (uas, las) = attachment(&parser, &tagged_dev);
        progress(&format!(
            "parser dev (predicted tags): UAS {uas:.4} LAS {las:.4}"
        ));
        dev_scores.push(("uas".into(), uas));
        dev_scores.push(("las".into(), las));
    }
    Ok(TrainReport {
        model: out.to_path_buf(),
        model_bytes: bytes.len(),
        model_hash: parser.info().hash.clone(),
        description,
        sentences: sentences.len(),
        dev_scores,
        seconds: start.elapsed().as_secs_f64(),
    })
}
