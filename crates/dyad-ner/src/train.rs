//! Training: a greedy averaged perceptron over BILOU labels (Collins 2002), with the labels
//! given earlier in each document as features, as at prediction time.
//!
//! Reproducible: documents are shuffled with a fixed seed, hashing is deterministic, and
//! the epoch kept is the one scoring best on the development file.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::context::{aggregate, DocumentHistory};
use crate::corpus::{self, GoldDocument};
use crate::error::{Error, Result};
use crate::features::{Sentence, START_LABEL};
use crate::labels::{bilou_to_spans, spans_to_bilou, Class, ClassSpan, NUM_LABELS};
use crate::lexicon::{lists, Lexicon};
use crate::model::{Model, ModelInfo, VERSION};
use crate::names::{own_names, TrainNames};
use crate::oracle::{Oracle, Tracker};
use crate::scores::{Counter, NerScores};
use crate::second::{self, tag_document};
use crate::tagger::best_label;
use crate::weights::{Scorer, TrainWeights, WeightTable};

/// Settings of a training run.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// The shared data folder (`geo/`, `lexicons/`, `petrarch2_dictionaries/`), for
    /// gazetteers and clusters.
    pub shared_data: PathBuf,
    /// Most epochs to train.
    pub max_epochs: usize,
    /// Keep the epoch that scores best on the development file (else the last one, for
    /// runs where the development file is part of the training data).
    pub select_epoch: bool,
    /// Most weight rows kept in the model (those with the largest weights); 90,000 rows
    /// fill a table of 2^17 slots to 70%, about 5 MB.
    pub max_rows: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// Share of training documents also added in lowercase, so that the model copes with
    /// uncapitalised web text (0 = none).
    pub lowercase_share: f64,
    /// Times each in-domain web document (UNER `.iob2`) is seen per epoch (1 = like the
    /// others); more weighs the little web text against the news and GUM data.
    pub web_copies: usize,
    /// Folds of the jackknife that labels the training documents for a second stage
    /// ([`crate::second`]); 0 trains one stage only.
    pub stage_two_folds: usize,
    /// Epochs of each jackknife model.
    pub stage_two_fold_epochs: usize,
    /// Features of runs of capitalised words (first and last word, size).
    pub capitalised_runs: bool,
    /// The label taught after the model's own earlier labels ([`Oracle`]).
    pub oracle: Oracle,
    /// Models trained with different shuffling seeds whose averaged weights are averaged
    /// into the first stage (1 = one model).
    pub seed_models: usize,
}

/// What a training run did.
#[derive(Debug, Clone, Serialize)]
pub struct TrainReport {
    /// The model written.
    pub model: PathBuf,
    /// Training sentences and tokens.
    pub sentences: usize,
    /// Training tokens.
    pub tokens: usize,
    /// Development F1 (CoNLL classes) after each epoch.
    pub dev_f1_by_epoch: Vec<f64>,
    /// The epoch kept (1-based).
    pub best_epoch: usize,
    /// Development scores of the kept epoch.
    pub dev: NerScores,
    /// Development F1 of the first stage alone, when there are two stages.
    pub dev_first_stage_f1: Option<f64>,
    /// Weight rows in the model.
    pub features: usize,
    /// Size of the model file in bytes.
    pub model_bytes: usize,
}

/// The training files and development file of the shipped model, inside the shared data
/// folder: CoNLL-2003 eng.train and eng.testa, GUM train, UNER EWT dev; eng.testa is the
/// development file (so the run trains [`FIXED_EPOCHS`] epochs). CoNLL eng.testb and UNER
/// EWT test stay unseen for evaluation.
pub fn default_inputs(shared_data: &Path) -> (Vec<PathBuf>, PathBuf) {
    let dev = shared_data.join("conll2003/eng.testa");
    let train = vec![
        shared_data.join("conll2003/eng.train"),
        dev.clone(),
        shared_data.join("ud/en_gum/en_gum-ud-train.conllu"),
        shared_data.join("ud/uner_en_ewt/en_ewt-ud-dev.iob2"),
    ];
    (train, dev)
}

/// Default for [`TrainOptions::max_rows`].
pub const MAX_ROWS: usize = 90_000;
/// Default for [`TrainOptions::web_copies`].
pub const WEB_COPIES: usize = 1;
/// Most epochs of a run that picks its epoch on the development file.
pub const MAX_EPOCHS: usize = 16;
/// Epochs of a run whose development file is also training data: the best epoch of the
/// run on eng.train alone with eng.testa as development file.
pub const FIXED_EPOCHS: usize = 12;

/// Trains on `train_paths` (CoNLL-2003 files, UNER `.iob2`, GUM `.conllu`), picks the epoch
/// on `dev_path` (up to [`MAX_EPOCHS`]), writes the model to `out`. When `dev_path` is one
/// of the training files, trains [`FIXED_EPOCHS`] epochs and keeps the last. The shared data
/// folder is found above the first training file (the folder holding `geo/` and
/// `lexicons/`).
pub fn train(
    train_paths: &[PathBuf],
    dev_path: &Path,
    out: &Path,
    progress: &dyn Fn(&str),
) -> Result<TrainReport> {
    let first = train_paths
        .first()
        .ok_or_else(|| Error::Training("no training files".into()))?;
    let shared_data = first
        .ancestors()
        .find(|d| d.join("geo/countries.json").is_file() && d.join("lexicons").is_dir())
        .ok_or_else(|| {
            Error::Training(format!(
                "no shared data folder (geo/, lexicons/) above {}",
                first.display()
            ))
        })?
        .to_path_buf();
    let dev_in_training = train_paths.iter().any(|p| p == dev_path);
    let options = TrainOptions {
        shared_data,
        max_epochs: if dev_in_training {
            FIXED_EPOCHS
        } else {
            MAX_EPOCHS
        },
        select_epoch: !dev_in_training,
        max_rows: MAX_ROWS,
        seed: 0x5eed,
        lowercase_share: 0.0,
        web_copies: WEB_COPIES,
        stage_two_folds: 0,
        stage_two_fold_epochs: 0,
        capitalised_runs: true,
        oracle: Oracle::Dynamic,
        seed_models: 1,
    };
    train_with(train_paths, dev_path, out, &options, progress)
}

/// The gold label of tokens the trainer learns nothing from.
const IGNORE: usize = usize::MAX;

struct Example {
    sentence: Sentence,
    gold: Vec<usize>,
    /// Static features of all tokens, flattened; `offsets[i]..offsets[i + 1]` is token `i`.
    features: Vec<u64>,
    offsets: Vec<usize>,
}

/// [`train`] with explicit settings.
pub fn train_with(
    train_paths: &[PathBuf],
    dev_path: &Path,
    out: &Path,
    options: &TrainOptions,
    progress: &dyn Fn(&str),
) -> Result<TrainReport> {
    progress("building lexicon (Brown clusters, gazetteers)");
    let mut lexicon = Lexicon::build(&options.shared_data)?;
    lexicon.capitalised_runs = options.capitalised_runs;
    let mut gold_docs: Vec<GoldDocument> = Vec::new();
    let mut copies: Vec<usize> = Vec::new();
    let mut descriptions = Vec::new();
    let (mut n_sentences, mut n_tokens) = (0, 0);
    for path in train_paths {
        let mut gold = corpus::read(path)?;
        let name = path.to_string_lossy();
        if name.ends_with(".conllu") || name.ends_with(".iob2") {
            // Neither GUM nor UNER marks nationality words; CoNLL calls them MISC.
            mark_nationalities(&mut gold, &lexicon);
        }
        let sentences: usize = gold.iter().map(Vec::len).sum();
        let tokens: usize = gold.iter().flatten().map(|s| s.words.len()).sum();
        progress(&format!(
            "{}: {} documents, {sentences} sentences, {tokens} tokens",
            path.display(),
            gold.len()
        ));
        descriptions.push(format!(
            "{} ({} documents, {sentences} sentences, {tokens} tokens)",
            path.file_name().unwrap_or_default().to_string_lossy(),
            gold.len()
        ));
        n_sentences += sentences;
        n_tokens += tokens;
        let times = if name.ends_with(".iob2") {
            options.web_copies.max(1)
        } else {
            1
        };
        copies.extend(std::iter::repeat_n(times, gold.len()));
        gold_docs.extend(gold);
    }
    if n_tokens == 0 {
        return Err(Error::Training(
            "the training files hold no sentences".into(),
        ));
    }
    let names = TrainNames::collect(&gold_docs);
    progress(&format!(
        "{} names learnt from the training data",
        names.len()
    ));
    let mut train_lexicon = lexicon.clone();
    names.add_prefixes(&mut train_lexicon);
    names.add_all(&mut lexicon);
    let mut docs: Vec<Vec<Example>> = Vec::new();
    let mut pick = options.seed ^ 0xa5a5;
    for (doc, &times) in gold_docs.iter().zip(&copies) {
        let own = own_names(doc);
        let lists = |h: u64| names.flags_without(h, &own);
        for _ in 0..times {
            docs.push(examples(doc, &train_lexicon, &lists));
        }
        if options.lowercase_share > 0.0 && next_unit(&mut pick) < options.lowercase_share {
            let lower: GoldDocument = doc
                .iter()
                .map(|s| corpus::GoldSentence {
                    words: s.words.iter().map(|w| w.to_lowercase()).collect(),
                    spans: s.spans.clone(),
                })
                .collect();
            docs.push(examples(&lower, &train_lexicon, &lists));
        }
    }
    let dev_docs = corpus::read(dev_path)?;
    let dev: Vec<Vec<(Sentence, Vec<ClassSpan>)>> = dev_docs
        .iter()
        .map(|doc| {
            doc.iter()
                .map(|s| (sentence_of(s, &lexicon), gold_spans(s)))
                .collect()
        })
        .collect();
    let dev_aggregated: Vec<Vec<Vec<Vec<u64>>>> = dev
        .iter()
        .map(|doc| {
            let sentences: Vec<Sentence> = doc.iter().map(|(s, _)| s.clone()).collect();
            aggregate(&sentences)
        })
        .collect();

    let mut evaluate = |weights: &TrainWeights, epoch: usize, mistakes: usize| {
        let averaged = weights.averaged();
        let scores = score_classes(&dev, &dev_aggregated, &averaged, None::<&WeightTable>);
        progress(&format!(
            "epoch {epoch}: {mistakes} training mistakes, {} features, dev F1 {:.4}",
            weights.len(),
            scores.f1
        ));
        (scores, averaged)
    };
    let (mut best, mut by_epoch) = fit(&docs, options, &mut evaluate)?;
    if options.seed_models > 1 {
        for k in 1..options.seed_models {
            progress(&format!("model {} of {}", k + 1, options.seed_models));
            let seeded = TrainOptions {
                seed: options
                    .seed
                    .wrapping_add((k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)),
                ..options.clone()
            };
            let (kept, _) = fit(&docs, &seeded, &mut evaluate)?;
            for (feature, row) in kept.3 {
                let sum = best.3.entry(feature).or_insert([0.0; NUM_LABELS]);
                for (s, w) in sum.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
        let scores = score_classes(&dev, &dev_aggregated, &best.3, None::<&WeightTable>);
        progress(&format!(
            "{} models averaged: dev F1 {:.4}",
            options.seed_models, scores.f1
        ));
        by_epoch.push(scores.f1);
        best = (scores.f1, best.1, scores, best.3);
    }
    let mut second = None;
    let mut dev_first_stage_f1 = None;
    if options.stage_two_folds >= 2 {
        progress(&format!(
            "second stage: labelling the training documents with {} jackknife models",
            options.stage_two_folds
        ));
        let labels = jackknife(&docs, options);
        for (doc, labels) in docs.iter_mut().zip(&labels) {
            add_stage_one_features(doc, labels);
        }
        let table1 = &WeightTable::from_averaged(&best.3, options.max_rows);
        dev_first_stage_f1 = Some(best.0);
        let (best2, by_epoch2) = fit(&docs, options, &mut |weights, epoch, mistakes| {
            let averaged = weights.averaged();
            let scores = score_classes(&dev, &dev_aggregated, table1, Some(&averaged));
            progress(&format!(
                "second stage epoch {epoch}: {mistakes} training mistakes, dev F1 {:.4}",
                scores.f1
            ));
            (scores, averaged)
        })?;
        by_epoch = by_epoch2;
        second = Some(WeightTable::from_averaged(&best2.3, options.max_rows));
        best = (best2.0, best2.1, best2.2, best.3);
    }
    let (dev_f1, best_epoch, dev_scores, averaged) = best;
    let table = WeightTable::from_averaged(&averaged, options.max_rows);
    let (_, used) = table.occupancy();
    let info = ModelInfo {
        version: VERSION,
        training_data: descriptions,
        dev_data: dev_path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
        epochs: best_epoch,
        dev_f1,
        features: used,
        lexicon_sizes: lexicon.sizes(),
        capitalised_runs: options.capitalised_runs,
    };
    Model::save(out, &info, &lexicon, &table, second.as_ref())?;
    let model_bytes = std::fs::metadata(out).map_err(|e| Error::io(out, e))?.len() as usize;
    progress(&format!(
        "kept epoch {best_epoch} (dev F1 {dev_f1:.4}); wrote {} ({model_bytes} bytes)",
        out.display()
    ));
    Ok(TrainReport {
        model: out.to_path_buf(),
        sentences: n_sentences,
        tokens: n_tokens,
        dev_f1_by_epoch: by_epoch,
        best_epoch,
        dev: dev_scores,
        dev_first_stage_f1,
        features: used,
        model_bytes,
    })
}

/// The model kept by [`fit`]: dev F1, epoch, dev scores, averaged weights.
type Kept = (f64, usize, NerScores, Averaged);

/// Trains a perceptron over `docs` for the epochs of `options`; after each epoch
/// `evaluate` scores the weights on the development data. Returns the kept model and the
/// development F1 of each epoch.
fn fit(
    docs: &[Vec<Example>],
    options: &TrainOptions,
    evaluate: &mut dyn FnMut(&TrainWeights, usize, usize) -> (NerScores, Averaged),
) -> Result<(Kept, Vec<f64>)> {
    let mut weights = TrainWeights::new();
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = options.seed | 1;
    let mut best: Option<Kept> = None;
    let mut by_epoch = Vec::new();
    for epoch in 1..=options.max_epochs {
        shuffle(&mut order, &mut rng);
        let mistakes = train_epoch(&mut weights, docs, &order, options.oracle);
        let (dev_scores, averaged) = evaluate(&weights, epoch, mistakes);
        by_epoch.push(dev_scores.f1);
        let last = epoch == options.max_epochs;
        let better = best.as_ref().is_none_or(|b| dev_scores.f1 > b.0);
        if (options.select_epoch && better) || (!options.select_epoch && last) {
            best = Some((dev_scores.f1, epoch, dev_scores, averaged));
        }
    }
    let best = best.ok_or_else(|| Error::Training("no epochs were run".into()))?;
    Ok((best, by_epoch))
}

/// Averaged weights.
type Averaged =
    std::collections::HashMap<u64, [f32; crate::labels::NUM_LABELS], crate::hash::FxBuild>;

/// The features of token `i` of `ex` into `buf`: its own, those of the labels before it
/// (`prev`, then the one before), and the document's (`extra`).
fn token_features(
    ex: &Example,
    i: usize,
    (prev, prev2): (usize, usize),
    extra: &[u64],
    buf: &mut Vec<u64>,
) {
    buf.clear();
    buf.extend_from_slice(&ex.features[ex.offsets[i]..ex.offsets[i + 1]]);
    ex.sentence.label_features(i, prev, prev2, buf);
    buf.extend_from_slice(extra);
}

/// One perceptron pass over the documents in `order`, teaching the labels `oracle` picks;
/// returns the number of mistakes.
fn train_epoch(
    weights: &mut TrainWeights,
    docs: &[Vec<Example>],
    order: &[usize],
    oracle: Oracle,
) -> usize {
    let mut mistakes = 0usize;
    let mut buf = Vec::with_capacity(160);
    for &d in order {
        let mut history = DocumentHistory::new();
        for ex in &docs[d] {
            let extra = history.features(&ex.sentence);
            let mut labels = Vec::with_capacity(ex.gold.len());
            let (mut prev, mut prev2) = (START_LABEL, START_LABEL);
            let mut tracker = Tracker::new(oracle);
            for (i, token_extra) in extra.iter().enumerate() {
                token_features(ex, i, (prev, prev2), token_extra, &mut buf);
                let scores = weights.score(&buf);
                let last = i + 1 == ex.gold.len();
                let predicted = best_label(&scores, prev, last);
                let gold = ex.gold[i];
                let target = (gold != IGNORE)
                    .then(|| tracker.target(gold, (prev != START_LABEL).then_some(prev), last))
                    .flatten();
                if let Some(target) = target.filter(|&t| t != predicted) {
                    mistakes += 1;
                    for &f in &buf {
                        weights.update(f, target, 1.0);
                        weights.update(f, predicted, -1.0);
                    }
                }
                tracker.push(predicted, gold);
                weights.step += 1;
                labels.push(predicted);
                prev2 = prev;
                prev = predicted;
            }
            history.record(&ex.sentence, &labels);
        }
    }
    mistakes
}

/// Labels every training document with a first-stage model trained on the other folds
/// (document `d` is in fold `d % folds`), for training the second stage on labels like
/// those of unseen text.
fn jackknife(docs: &[Vec<Example>], options: &TrainOptions) -> Vec<Vec<Vec<usize>>> {
    let folds = options.stage_two_folds;
    let mut labels = vec![Vec::new(); docs.len()];
    let mut rng = options.seed.rotate_left(17) | 1;
    for fold in 0..folds {
        let mut order: Vec<usize> = (0..docs.len()).filter(|d| d % folds != fold).collect();
        let mut weights = TrainWeights::new();
        for _ in 0..options.stage_two_fold_epochs {
            shuffle(&mut order, &mut rng);
            train_epoch(&mut weights, docs, &order, options.oracle);
        }
        let table = WeightTable::from_averaged(&weights.averaged(), options.max_rows);
        for d in (0..docs.len()).filter(|d| d % folds == fold) {
            labels[d] = tag_examples(&docs[d], &table);
        }
    }
    labels
}

/// Tags the sentences of a training document in order, with the document history.
fn tag_examples<S: Scorer>(doc: &[Example], scorer: &S) -> Vec<Vec<usize>> {
    let mut history = DocumentHistory::new();
    let mut buf = Vec::with_capacity(160);
    doc.iter()
        .map(|ex| {
            let extra = history.features(&ex.sentence);
            let mut labels = Vec::with_capacity(ex.gold.len());
            let (mut prev, mut prev2) = (START_LABEL, START_LABEL);
            for (i, token_extra) in extra.iter().enumerate() {
                token_features(ex, i, (prev, prev2), token_extra, &mut buf);
                let label = best_label(&scorer.score(&buf), prev, i + 1 == ex.gold.len());
                labels.push(label);
                prev2 = prev;
                prev = label;
            }
            history.record(&ex.sentence, &labels);
            labels
        })
        .collect()
}

/// Adds the second-stage features of the first stage's `labels` to a document's examples.
fn add_stage_one_features(doc: &mut [Example], labels: &[Vec<usize>]) {
    let sentences: Vec<Sentence> = doc.iter().map(|ex| ex.sentence.clone()).collect();
    for (ex, more) in doc.iter_mut().zip(second::features(&sentences, labels)) {
        let mut features =
            Vec::with_capacity(ex.features.len() + more.iter().map(Vec::len).sum::<usize>());
        let mut offsets = vec![0];
        for (i, m) in more.iter().enumerate() {
            features.extend_from_slice(&ex.features[ex.offsets[i]..ex.offsets[i + 1]]);
            features.extend_from_slice(m);
            offsets.push(features.len());
        }
        ex.features = features;
        ex.offsets = offsets;
    }
}

fn sentence_of(s: &corpus::GoldSentence, lexicon: &Lexicon) -> Sentence {
    let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
    Sentence::new(&words, lexicon)
}

fn gold_spans(s: &corpus::GoldSentence) -> Vec<ClassSpan> {
    s.spans
        .iter()
        .filter_map(|(start, end, name)| {
            Class::parse(name).map(|class| ClassSpan {
                start: *start,
                end: *end,
                class,
            })
        })
        .collect()
}

fn examples(doc: &GoldDocument, lexicon: &Lexicon, lists: &dyn Fn(u64) -> u16) -> Vec<Example> {
    let sentences: Vec<Sentence> = doc
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            Sentence::with_lists(&words, lexicon, lists)
        })
        .collect();
    let aggregated = aggregate(&sentences);
    doc.iter()
        .zip(sentences)
        .zip(aggregated)
        .map(|((s, sentence), agg)| example(s, sentence, &agg))
        .collect()
}

fn example(s: &corpus::GoldSentence, sentence: Sentence, aggregated: &[Vec<u64>]) -> Example {
    let mut gold = spans_to_bilou(s.words.len(), &gold_spans(s));
    for (start, end, name) in &s.spans {
        if name == crate::gum::IGNORED {
            for g in gold.iter_mut().take(*end).skip(*start) {
                *g = IGNORE;
            }
        }
    }
    let mut features = Vec::with_capacity(s.words.len() * 64);
    let mut offsets = vec![0];
    for (i, token_aggregated) in aggregated.iter().enumerate().take(s.words.len()) {
        sentence.static_features(i, &mut features);
        features.extend_from_slice(token_aggregated);
        offsets.push(features.len());
    }
    Example {
        sentence,
        gold,
        features,
        offsets,
    }
}

/// GUM and UNER do not mark nationality words as names; CoNLL calls them MISC. Marks the
/// capitalised single words of our NORP list that no gold span covers.
fn mark_nationalities(docs: &mut [GoldDocument], lexicon: &Lexicon) {
    for sentence in docs.iter_mut().flatten() {
        for (i, word) in sentence.words.iter().enumerate() {
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            if !capitalised || sentence.spans.iter().any(|&(s, e, _)| s <= i && i < e) {
                continue;
            }
            if lexicon.lookup(word) & lists::NORP != 0 {
                sentence.spans.push((i, i + 1, "MISC".to_string()));
            }
        }
        sentence.spans.sort();
    }
}

fn score_classes<A: Scorer, B: Scorer>(
    docs: &[Vec<(Sentence, Vec<ClassSpan>)>],
    aggregated: &[Vec<Vec<Vec<u64>>>],
    first: &A,
    second: Option<&B>,
) -> NerScores {
    let mut counter = Counter::default();
    let named = |spans: &[ClassSpan]| -> Vec<(usize, usize, String)> {
        spans
            .iter()
            .map(|s| (s.start, s.end, s.class.as_str().to_string()))
            .collect()
    };
    for (doc, doc_aggregated) in docs.iter().zip(aggregated) {
        let sentences: Vec<Sentence> = doc.iter().map(|(s, _)| s.clone()).collect();
        let labels = tag_document(&sentences, doc_aggregated.clone(), first, second);
        for ((sentence, gold), labels) in doc.iter().zip(labels) {
            counter.add(
                sentence.len(),
                &named(gold),
                &named(&bilou_to_spans(&labels)),
            );
        }
    }
    counter.scores()
}

/// A pseudo-random number in [0, 1) (xorshift).
fn next_unit(state: &mut u64) -> f64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    (*state >> 11) as f64 / (1u64 << 53) as f64
}

fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}
