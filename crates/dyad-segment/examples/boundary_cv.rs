//! Cross-validates the sentence-boundary model for feature and training experiments: the
//! EWT train documents are split into folds; each fold is scored by a model trained on the
//! other folds plus GUM train. Prints pooled sentence F1 per threshold, and the dev scores of
//! the model trained on all of train. Writes nothing.
//!
//! ```text
//! cargo run --release -p dyad-segment --example boundary_cv [-- FOLDS]
//! ```
//! The training settings default to those of `train_boundaries` and can be varied through
//! environment variables: `EPOCHS`, `MARGIN`, `SEEDS` (how many data orders are averaged, up
//! to 8), `EWT_COPIES` and `GUM_COPIES` (how often each training set is included). With
//! `BREAKDOWN` set, the cross-validation errors at threshold -4 are counted by genre and by
//! what lies on either side of the boundary, and listed on stderr. `NO_CV` scores dev only.
//! `SPLIT_EVAL` scores the held-out folds cut into short pieces ([`PIECE_SENTENCES`]): EWT
//! train documents run to dozens of sentences, its dev and test documents mostly to one to
//! five, so the pieces are the closer stand-in for the test set. `SPLIT_TRAIN=1` trains on
//! the pieces of the EWT documents instead of the documents, `SPLIT_TRAIN=2` on both.
//! With `PROFILES` set, the models also use the word-profile features; each fold's model
//! then uses a word profile table (`case_profile`) counted from GUM train and the EWT train
//! folds it is trained on, as `learn_case_profile` counts the committed table
//! (`PROFILE_MIN`: least count of a word, default 30; `PROFILE_EWT=0`, `PROFILE_GUM=0` leave
//! those treebanks out of the counts; `PROFILE_NEWS=1` adds BBC news text).
//! The EWT cross-validation pools about 12,500 sentences, six times the dev set, so it is the
//! steadier guide when comparing features.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};

use dyad_segment::boundary::{train_with_profile, TrainingDocument};
use dyad_segment::case_profile::{news_texts, punctuation_starts, Counter};
use dyad_segment::conllu::{read_documents, GoldDocument, PIECE_SENTENCES};
use dyad_segment::eval::SegmentScores;
use dyad_segment::{BoundaryModel, CaseProfile, Segmenter};

const SEEDS: [u64; 8] = [
    0x5eed, 0xbead, 0xcafe, 0xf00d, 0xd00d, 0xfeed, 0xbeef, 0xface,
];

fn knob(name: &str, default: f32) -> f32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn shared() -> PathBuf {
    std::env::var_os("DYAD_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
}

fn main() -> Result<(), dyad_segment::Error> {
    let folds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    let ud = shared().join("ud");
    let segmenter = Segmenter::new();
    let training = |docs: &[GoldDocument]| -> Vec<TrainingDocument> {
        docs.iter()
            .map(|doc| TrainingDocument {
                text: doc.text.clone(),
                tokens: segmenter.tokenize(&doc.text),
                sentence_starts: doc.sentence_starts.clone(),
            })
            .collect()
    };
    let (epochs, margin) = (knob("EPOCHS", 10.0) as usize, knob("MARGIN", 10.0));
    let (ewt_copies, gum_copies) = (
        knob("EWT_COPIES", 1.0) as usize,
        knob("GUM_COPIES", 1.0) as usize,
    );
    let use_profiles = std::env::var("PROFILES").is_ok();
    let train_averaged = |documents: &[TrainingDocument], profiles: &CaseProfile| {
        let profiles = use_profiles.then_some(profiles);
        let models: Vec<BoundaryModel> = SEEDS
            .iter()
            .take(knob("SEEDS", 4.0) as usize)
            .map(|&seed| train_with_profile(documents, epochs, seed, margin, profiles))
            .collect();
        BoundaryModel::average(&models).unwrap_or_default()
    };
    let ewt = read_documents(&ud.join("en_ewt/en_ewt-ud-train.conllu"))?;
    let split_train = knob("SPLIT_TRAIN", 0.0) as usize;
    let split_eval = std::env::var("SPLIT_EVAL").is_ok();
    let pieces = |docs: &[GoldDocument]| -> Vec<GoldDocument> {
        docs.iter()
            .flat_map(|d| d.split(&PIECE_SENTENCES))
            .collect()
    };
    let ewt_train_docs = |docs: &[GoldDocument]| -> Vec<GoldDocument> {
        match split_train {
            0 => docs.to_vec(),
            1 => pieces(docs),
            _ => GoldDocument::with_pieces(docs, &PIECE_SENTENCES),
        }
    };
    let gum = read_documents(&ud.join("en_gum/en_gum-ud-train.conllu"))?;
    let gum_training = training(&gum);
    // Word profiles: GUM train (and BBC) always, EWT train without the held-out fold.
    let mut base_counts = Counter::default();
    let gum_profile = if knob("PROFILE_GUM", 1.0) > 0.0 {
        &gum[..]
    } else {
        &[]
    };
    for doc in gum_profile {
        base_counts.add(
            &doc.text,
            &segmenter.tokenize(&doc.text),
            &doc.sentence_starts,
        );
    }
    let bbc = if knob("PROFILE_NEWS", 0.0) > 0.0 {
        std::fs::read_to_string(shared().join("news/bbc.jsonl")).unwrap_or_default()
    } else {
        String::new()
    };
    for text in news_texts(&bbc) {
        let tokens = segmenter.tokenize(&text);
        base_counts.add(&text, &tokens, &punctuation_starts(&text, &tokens));
    }
    let profiles_without = |docs: &[GoldDocument]| -> CaseProfile {
        let mut counts = base_counts.clone();
        let ewt_docs = if knob("PROFILE_EWT", 1.0) > 0.0 {
            docs
        } else {
            &[]
        };
        for doc in ewt_docs {
            counts.add(
                &doc.text,
                &segmenter.tokenize(&doc.text),
                &doc.sentence_starts,
            );
        }
        counts.profile_with(50_000, knob("PROFILE_MIN", 30.0) as u32)
    };
    let thresholds: Vec<f32> = (-8..=8).map(|s| s as f32 * 2.0).collect();
    let make = |model: &BoundaryModel, threshold: f32, profiles: &CaseProfile| {
        let mut m = model.clone();
        m.set_threshold(threshold);
        Segmenter::with_parts(segmenter.lexicon().clone(), m).with_profiles(profiles.clone())
    };
    let score = |model: &BoundaryModel,
                 profiles: &CaseProfile,
                 docs: &[GoldDocument],
                 scores: &mut [SegmentScores]| {
        for (k, &threshold) in thresholds.iter().enumerate() {
            let candidate = make(model, threshold, profiles);
            for doc in docs {
                let (sentences, tokens) = candidate.segment(&doc.text);
                let spans: Vec<(usize, usize)> = tokens.iter().map(|t| (t.start, t.end)).collect();
                let starts: Vec<usize> = sentences.iter().map(|s| s.start).collect();
                scores[k].add(doc, &spans, &starts);
            }
        }
    };
    let breakdown = std::env::var("BREAKDOWN").is_ok();
    let mut kinds: std::collections::BTreeMap<String, usize> = Default::default();
    let mut tally = |model: &BoundaryModel, profiles: &CaseProfile, docs: &[GoldDocument]| {
        let candidate = make(model, -4.0, profiles);
        for doc in docs {
            let (sentences, tokens) = candidate.segment(&doc.text);
            let predicted: std::collections::HashSet<usize> =
                sentences.iter().map(|s| s.start).collect();
            let gold: std::collections::HashSet<usize> =
                doc.sentence_starts.iter().copied().collect();
            let class = |at: usize| {
                let before = doc.text[..at].trim_end();
                let last = before.chars().last().unwrap_or(' ');
                let next = doc.text[at..].chars().next().unwrap_or(' ');
                let l = if ".?!".contains(last) {
                    "term"
                } else if last.is_alphanumeric() {
                    "word"
                } else {
                    "punct"
                };
                let r = if next.is_uppercase() {
                    "Upper"
                } else if next.is_lowercase() {
                    "lower"
                } else {
                    "other"
                };
                format!("{l}|{r}")
            };
            let _ = tokens;
            let genre = doc.id.split('-').next().unwrap_or("").to_string();
            let window = |at: usize| {
                let text = &doc.text;
                let mut a = at.saturating_sub(40);
                while !text.is_char_boundary(a) {
                    a -= 1;
                }
                let mut b = (at + 40).min(text.len());
                while !text.is_char_boundary(b) {
                    b += 1;
                }
                format!("{}|{}", &text[a..at], &text[at..b])
            };
            for &s in gold.difference(&predicted) {
                *kinds
                    .entry(format!("missed {} {genre}", class(s)))
                    .or_default() += 1;
                eprintln!("MISSED {genre} {} {}", class(s), window(s));
            }
            for &s in predicted.difference(&gold) {
                *kinds
                    .entry(format!("extra  {} {genre}", class(s)))
                    .or_default() += 1;
                eprintln!("EXTRA  {genre} {} {}", class(s), window(s));
            }
        }
    };
    let mut cv = vec![SegmentScores::default(); thresholds.len()];
    let folds = if std::env::var("NO_CV").is_ok() {
        0
    } else {
        folds
    };
    for fold in 0..folds {
        let (held, kept): (Vec<_>, Vec<_>) =
            ewt.iter().enumerate().partition(|(k, _)| k % folds == fold);
        let held: Vec<GoldDocument> = held.into_iter().map(|(_, d)| d.clone()).collect();
        let held = if split_eval { pieces(&held) } else { held };
        let kept: Vec<GoldDocument> = kept.into_iter().map(|(_, d)| d.clone()).collect();
        let profiles = profiles_without(&kept);
        let mut documents = Vec::new();
        for _ in 0..ewt_copies {
            documents.extend(training(&ewt_train_docs(&kept)));
        }
        for _ in 0..gum_copies {
            documents.extend(gum_training.iter().cloned());
        }
        let model = train_averaged(&documents, &profiles);
        score(&model, &profiles, &held, &mut cv);
        if breakdown {
            tally(&model, &profiles, &held);
        }
    }
    for (k, n) in &kinds {
        println!("{n:>5} {k}");
    }
    let mut documents = Vec::new();
    for _ in 0..ewt_copies {
        documents.extend(training(&ewt_train_docs(&ewt)));
    }
    for _ in 0..gum_copies {
        documents.extend(gum_training.iter().cloned());
    }
    let profiles = profiles_without(&ewt);
    let model = train_averaged(&documents, &profiles);
    let ewt_dev = read_documents(&ud.join("en_ewt/en_ewt-ud-dev.conllu"))?;
    let gum_dev = read_documents(&ud.join("en_gum/en_gum-ud-dev.conllu"))?;
    let mut dev_e = vec![SegmentScores::default(); thresholds.len()];
    let mut dev_g = vec![SegmentScores::default(); thresholds.len()];
    score(&model, &profiles, &ewt_dev, &mut dev_e);
    score(&model, &profiles, &gum_dev, &mut dev_g);
    for (k, threshold) in thresholds.iter().enumerate() {
        for s in [&mut cv[k], &mut dev_e[k], &mut dev_g[k]] {
            s.finish();
        }
        println!(
            "threshold {threshold:>5.1}: ewt-cv {:.4} (p {:.4} r {:.4})  ewt-dev {:.4}  gum-dev {:.4}",
            cv[k].sentence_f1,
            cv[k].sentence_precision,
            cv[k].sentence_recall,
            dev_e[k].sentence_f1,
            dev_g[k].sentence_f1
        );
    }
    Ok(())
}
