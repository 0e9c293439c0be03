//! The part-of-speech tagger: a greedy averaged perceptron predicting the Penn Treebank tag
//! left to right (optionally a second time, seeing the first pass's tags of the next words),
//! then the Universal POS tag from the Penn tags around each word, then the
//! lemma.
use std::path::Path;

use crate::codec::{self, ModelInfo, ModelKind, Reader, Writer};
use crate::error::Result;
use crate::hash::U64Map;
use crate::lemmatizer::Lemmatizer;
use crate::lexical::{Clusters, WordAttrs};
use crate::perceptron::{argmax, Weights};
use crate::tag_features::{upos_features, xpos2_features, xpos_features};

/// The Universal POS tags.
pub const UPOS_TAGS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

/// The static name of a UPOS tag (`X` for anything outside the universal set).
pub fn static_upos(tag: &str) -> &'static str {
    UPOS_TAGS
        .iter()
        .find(|t| **t == tag)
        .copied()
        .unwrap_or("X")
}

/// The analysis of one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagResult {
    /// Universal POS tag.
    pub upos: &'static str,
    /// Penn Treebank tag.
    pub xpos: String,
    /// Lemma.
    pub lemma: String,
}

/// A trained tagger and lemmatiser.
#[derive(Debug, Clone)]
pub struct Tagger {
    pub(crate) info: ModelInfo,
    pub(crate) xpos_tags: Vec<String>,
    pub(crate) upos_tags: Vec<&'static str>,
    pub(crate) xpos_model: Weights,
    /// The second XPOS pass, if any.
    pub(crate) xpos2_model: Option<Weights>,
    pub(crate) upos_model: Weights,
    /// Frequent words that always had one XPOS class in training: the class, and in the high
    /// 16 bits their UPOS class plus one where that was as constant (0: predict it).
    pub(crate) tagdict: U64Map<u32>,
    pub(crate) clusters: Clusters,
    pub(crate) lemmatizer: Lemmatizer,
    /// Tag sets (bit `class % 64`) of the words seen often enough in training.
    pub(crate) ambiguity: U64Map<u64>,
    /// Which words may be tagged `AFX`, if the tag set has it.
    pub(crate) affix: Option<AffixRule>,
}

/// `AFX`, a detached prefix in the treebanks ("pre - war", "anti terrorism", "mid 1990s"), is
/// a closed class: the model, which learns it from a few dozen words, also gives it to words
/// that merely begin like one ("The premier insisted …", "Sale Sharks"), and such a word then
/// heads nothing. The tagger keeps it for the [`PREFIXES`] only.
#[derive(Debug, Clone)]
pub(crate) struct AffixRule {
    /// The XPOS class index + 1 of `AFX`.
    class: u64,
    /// [`PREFIXES`], hashed lowercased.
    prefixes: Vec<u64>,
}

impl AffixRule {
    pub(crate) fn new(xpos_tags: &[String]) -> Option<Self> {
        let class = xpos_tags.iter().position(|t| t == "AFX")? as u64 + 1;
        let prefixes = PREFIXES
            .iter()
            .map(|p| crate::hash::hash_lower(p))
            .collect();
        Some(AffixRule { class, prefixes })
    }

    /// Whether XPOS class index `class` may be given to the word of `attrs`.
    fn allows(&self, class: usize, attrs: &WordAttrs) -> bool {
        class as u64 + 1 != self.class || self.prefixes.contains(&attrs.lower)
    }
}

/// The English prefixes written apart from their word in the treebanks, which alone may be
/// tagged `AFX`.
const PREFIXES: [&str; 40] = [
    "anglo", "anti", "bi", "co", "counter", "cyber", "de", "e", "eco", "euro", "ex", "extra",
    "hyper", "indo", "infra", "inter", "intra", "macro", "mega", "micro", "mid", "mini", "mis",
    "miss", "multi", "neo", "non", "out", "over", "post", "pre", "pro", "re", "s", "semi", "socio",
    "sub", "super", "ultra", "under",
];

static EMBEDDED: &[u8] = include_bytes!(env!("DYAD_SYNTAX_TAGGER_MODEL"));

impl Tagger {
    /// Loads a tagger model file.
    pub fn load(path: &Path) -> Result<Self> {
        let bytes = codec::read_file(ModelKind::Tagger, path)?;
        Self::from_bytes(&bytes, path)
    }

    /// The model committed in `models/tagger.bin`, compiled into the binary.
    pub fn embedded() -> Result<Self> {
        Self::from_bytes(
            EMBEDDED,
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/models/tagger.bin")),
        )
    }

    /// Decodes a model; `path` names it in errors.
    pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Self> {
        let (info, payload) = codec::decode(ModelKind::Tagger, path, bytes)?;
        let corrupt = codec::corrupt(ModelKind::Tagger, path);
        let mut r = Reader::new(payload);
        let read = |r: &mut Reader<'_>| -> std::result::Result<Self, String> {
            let xpos_tags = r.strs()?;
            let upos_tags = r.strs()?.iter().map(|t| static_upos(t)).collect::<Vec<_>>();
            let xpos_model = Weights::read(r)?;
            let upos_model = Weights::read(r)?;
            let keys = r.u64s()?;
            let classes = r.u32s()?;
            let clusters = Clusters::read(r)?;
            let lemmatizer = Lemmatizer::read(r)?;
            let amb_keys = r.u64s()?;
            let amb_sets = r.u64s()?;
            if amb_keys.len() != amb_sets.len() {
                return Err("bad ambiguity classes".into());
            }
            let ambiguity = amb_keys.into_iter().zip(amb_sets).collect();
            let xpos2_model = if r.is_at_end() {
                None
            } else {
                Some(Weights::read(r)?)
            };
            if xpos_model.classes() != xpos_tags.len()
                || upos_model.classes() != upos_tags.len()
                || xpos2_model
                    .as_ref()
                    .is_some_and(|m| m.classes() != xpos_tags.len())
            {
                return Err("tag lists do not match the weight tables".into());
            }
            let bad = |c: &u32| {
                (c & 0xffff) as usize >= xpos_tags.len() || (c >> 16) as usize > upos_tags.len()
            };
            if keys.len() != classes.len() || classes.iter().any(bad) {
                return Err("bad tag dictionary".into());
            }
            let tagdict = keys.into_iter().zip(classes).collect();
            let affix = AffixRule::new(&xpos_tags);
            Ok(Tagger {
                info: info.clone(),
                xpos_tags,
                upos_tags,
                xpos_model,
                xpos2_model,
                upos_model,
                tagdict,
                clusters,
                lemmatizer,
                ambiguity,
                affix,
            })
        };
        read(&mut r).map_err(corrupt)
    }

    /// Encodes the model file, with `description` of the training data.
    pub fn to_bytes(&self, description: &str) -> Vec<u8> {
        let mut w = Writer::new();
        w.strs(&self.xpos_tags);
        w.strs(&self.upos_tags);
        self.xpos_model.write(&mut w);
        self.upos_model.write(&mut w);
        let mut dict: Vec<(u64, u32)> = self.tagdict.iter().map(|(k, v)| (*k, *v)).collect();
        dict.sort_unstable();
        w.u64s(&dict.iter().map(|p| p.0).collect::<Vec<_>>());
        w.u32s(&dict.iter().map(|p| p.1).collect::<Vec<_>>());
        self.clusters.write(&mut w);
        self.lemmatizer.write(&mut w);
        let mut amb: Vec<(u64, u64)> = self.ambiguity.iter().map(|(k, v)| (*k, *v)).collect();
        amb.sort_unstable();
        w.u64s(&amb.iter().map(|p| p.0).collect::<Vec<_>>());
        w.u64s(&amb.iter().map(|p| p.1).collect::<Vec<_>>());
        if let Some(m) = &self.xpos2_model {
            m.write(&mut w);
        }
        codec::encode(ModelKind::Tagger, description, &w.into_bytes())
    }

    /// The model's version hash and training description.
    pub fn info(&self) -> &ModelInfo {
        &self.info
    }

    /// The hashed attributes of a word, with its ambiguity class.
    pub(crate) fn attrs(&self, word: &str) -> WordAttrs {
        WordAttrs::new(word, &self.clusters).with_ambiguity(&self.ambiguity)
    }

    /// The XPOS class indices + 1 of a sentence (greedy, left to right; twice with a second
    /// pass), given the words' tag-dictionary entries.
    fn xpos_classes(
        &self,
        attrs: &[WordAttrs],
        entries: &[Option<u32>],
        features: &mut Vec<u64>,
    ) -> Vec<u64> {
        let affix = self.affix.as_ref();
        let first = decode_xpos(&self.xpos_model, entries, attrs, None, affix, features);
        match &self.xpos2_model {
            Some(m) => decode_xpos(m, entries, attrs, Some(&first), affix, features),
            None => first,
        }
    }

    /// Tags and lemmatises one sentence of words.
    pub fn tag(&self, words: &[&str]) -> Vec<TagResult> {
        self.tag_with_clusters(words).0
    }

    /// [`Tagger::tag`], with each word's Brown cluster path in the tagger's
    /// [clusters](Tagger::clusters) (0 when unknown).
    pub fn tag_with_clusters(&self, words: &[&str]) -> (Vec<TagResult>, Vec<u64>) {
        let attrs: Vec<WordAttrs> = words.iter().map(|w| self.attrs(w)).collect();
        let mut entries = dictionary_entries(&self.tagdict, &attrs);
        let mut features = Vec::with_capacity(64);
        let xpos = self.xpos_classes(&attrs, &entries, &mut features);
        let xpos = self.with_finite_verb(words, &attrs, &entries, xpos, &mut features);
        let xpos = self.with_object_nouns(words, &attrs, &mut entries, xpos, &mut features);
        let xpos = self.with_relative_verbs(words, &attrs, &mut entries, xpos, &mut features);
        let xpos = self.with_perfect_participles(words, &attrs, &mut entries, xpos, &mut features);
        let mut upos = self.upos_classes(&attrs, &entries, &xpos, &mut features);
        self.conjunction_as(words, &xpos, &mut upos);
        let mut out = Vec::with_capacity(words.len());
        for ((word, class), xpos) in words.iter().zip(upos).zip(&xpos) {
            let xpos = &self.xpos_tags[*xpos as usize - 1];
            let lemma = self.lemmatizer.lemma(word, xpos);
            out.push(TagResult {
                upos: self.upos_tags[class],
                xpos: xpos.clone(),
                lemma,
            });
        }
        (out, attrs.iter().map(|a| a.cluster).collect())
    }

    /// `xpos`, or where a sentence of prose came out with no finite verb, its tags decoded
    /// again with the word likeliest to be one (by the last pass's score margin) fixed as
    /// one: "Richard Thomas totally condemned the deletion …", where the greedy passes read
    /// "condemned" as a participle. A participle placed as a predicate ([`predicate_participle`]:
    /// "The opposition called for protests") may be further from the past tense
    /// ([`PARTICIPLE_FINITE_MARGIN`]). Not for headings, lists and short fragments, nor when
    /// every word is far from a finite reading.
    fn with_finite_verb(
        &self,
        words: &[&str],
        attrs: &[WordAttrs],
        entries: &[Option<u32>],
        xpos: Vec<u64>,
        features: &mut Vec<u64>,
    ) -> Vec<u64> {
        let tag = |i: usize| self.xpos_tags[xpos[i] as usize - 1].as_str();
        if !prose_sentence(words)
            || (0..xpos.len()).any(|i| FINITE_TAGS.contains(&tag(i)) || tag(i) == "MD")
            || (0..xpos.len()).any(|i| tag(i) == "VB" && opens_clause(words, i, tag))
        {
            return xpos;
        }
        let finite: Vec<usize> = FINITE_TAGS
            .iter()
            .filter_map(|t| self.xpos_tags.iter().position(|x| x == t))
            .collect();
        let past = self.xpos_tags.iter().position(|x| x == "VBD");
        let mut last_pass = LastPass::new(self, attrs, entries, &xpos, features);
        let mut best: Option<(i32, usize, usize)> = None;
        let mut best_participle: Option<(i32, usize, usize)> = None;
        for i in 0..attrs.len() {
            if entries[i].is_some() {
                continue;
            }
            let scores = last_pass.scores(i, features);
            let chosen = scores[xpos[i] as usize - 1];
            for &f in &finite {
                let margin = chosen - scores[f];
                if best.is_none_or(|b| margin < b.0) {
                    best = Some((margin, i, f));
                }
                if Some(f) == past
                    && predicate_participle(words, i, tag)
                    && best_participle.is_none_or(|b| margin < b.0)
                {
                    best_participle = Some((margin, i, f));
                }
            }
        }
        let Some((_, i, f)) = best
            .filter(|b| b.0 <= FINITE_MARGIN)
            .or(best_participle.filter(|b| b.0 <= PARTICIPLE_FINITE_MARGIN))
        else {
            return xpos;
        };
        let mut forced = entries.to_vec();
        forced[i] = Some(f as u32);
        self.xpos_classes(attrs, &forced, features)
    }

    /// `xpos`, or where a plural noun ending a verb's or a preposition's object came out as a
    /// finite verb ("attacked Tory plans to …", "backed Tory demands that …", "jeopardise
    /// Labour's election hopes", "about Labour and Conservative promises on tax"), or one of
    /// [`NO_GERUND_PLURALS`] after a noun before a gerund ("Labour poster plans attacking"), its tags
    /// decoded again with that word fixed as a plural noun. Only after a verb that takes no
    /// clause for its object (not "said Labour wants …") or a preposition that opens no
    /// clause, with nothing but the object's modifiers between, and when the plural noun
    /// scores within [`NOUN_MARGIN`] of the verb reading. The word's entry in `entries` is
    /// fixed to the noun's tags, so that its UPOS is the noun's too.
    fn with_object_nouns(
        &self,
        words: &[&str],
        attrs: &[WordAttrs],
        entries: &mut [Option<u32>],
        xpos: Vec<u64>,
        features: &mut Vec<u64>,
    ) -> Vec<u64> {
        let tag = |i: usize| self.xpos_tags[xpos[i] as usize - 1].as_str();
        let candidate = |j: usize| {
            if tag(j) != "VBZ" || entries[j].is_some() || !words[j].ends_with('s') || j < 2 {
                return false;
            }
            if !matches!(tag(j - 1), "NN" | "NNP" | "NNPS" | "JJ") {
                return false;
            }
            // "Labour poster plans attacking Mr Howard": a plan, a call or a claim as a
            // verb does not take a gerund.
            let gerund_after = j + 1 < words.len() && tag(j + 1) == "VBG";
            if gerund_after && NO_GERUND_PLURALS.contains(&words[j].to_lowercase().as_str()) {
                return true;
            }
            let verb = (0..j - 1).rev().find(|&k| {
                !matches!(
                    tag(k),
                    "NN" | "NNP" | "NNPS" | "JJ" | "DT" | "PRP$" | "POS" | "``" | "''" | "CC"
                )
            });
            verb.is_some_and(|k| {
                let verb = matches!(tag(k), "VBD" | "VBN" | "VBG" | "VB")
                    && !CLAUSE_TAKING_VERBS
                        .contains(&self.lemmatizer.lemma(words[k], tag(k)).as_str());
                let preposition = tag(k) == "IN"
                    && OBJECT_PREPOSITIONS.contains(&words[k].to_lowercase().as_str());
                k > 0 && (verb || preposition)
            })
        };
        let candidates: Vec<usize> = (0..xpos.len()).filter(|&j| candidate(j)).collect();
        let retag = Retag {
            xpos: "NNS",
            upos: "NOUN",
            margin: NOUN_MARGIN,
        };
        self.retagged(attrs, entries, xpos, features, &candidates, retag)
    }

    /// `xpos`, or where the word right after a subject "who" came out as no verb though a
    /// noun phrase follows it ("Two local councillors who back Mr Flight met …", `back` an
    /// adverb), its tags decoded again with that word fixed as a present-tense verb, when
    /// that reading scores within [`RELATIVE_VERB_MARGIN`] of the chosen one. A relative
    /// clause has a verb; "who back then" and "who only" have one after the adverb.
    fn with_relative_verbs(
        &self,
        words: &[&str],
        attrs: &[WordAttrs],
        entries: &mut [Option<u32>],
        xpos: Vec<u64>,
        features: &mut Vec<u64>,
    ) -> Vec<u64> {
        let tag = |i: usize| self.xpos_tags[xpos[i] as usize - 1].as_str();
        let candidate = |j: usize| {
            j > 0
                && j + 1 < words.len()
                && entries[j].is_none()
                && tag(j - 1) == "WP"
                && words[j - 1].eq_ignore_ascii_case("who")
                && matches!(tag(j), "RB" | "NN" | "JJ" | "RP")
                && matches!(
                    tag(j + 1),
                    "NNP" | "NNPS" | "DT" | "PRP" | "PRP$" | "NNS" | "CD"
                )
        };
        let candidates: Vec<usize> = (0..xpos.len()).filter(|&j| candidate(j)).collect();
        let retag = Retag {
            xpos: "VBP",
            upos: "VERB",
            margin: RELATIVE_VERB_MARGIN,
        };
        self.retagged(attrs, entries, xpos, features, &candidates, retag)
    }

    /// `xpos`, or where a past tense came out after a "have" with only an adverbial between
    /// ("Tony Blair had in 1997 complained", "has, since the war, refused"), its tags decoded
    /// again with that word fixed as a past participle, when that reading scores within
    /// [`PARTICIPLE_MARGIN`] of the past tense. In UD EWT and GUM, 545 of 547 such words are
    /// participles. The adverbial opens with an adverb, a preposition or a comma and holds
    /// no verb nor pronoun ("the people he had with him complained" keeps its past tense).
    fn with_perfect_participles(
        &self,
        words: &[&str],
        attrs: &[WordAttrs],
        entries: &mut [Option<u32>],
        xpos: Vec<u64>,
        features: &mut Vec<u64>,
    ) -> Vec<u64> {
        let tag = |i: usize| self.xpos_tags[xpos[i] as usize - 1].as_str();
        let candidate = |j: usize| {
            tag(j) == "VBD"
                && entries[j].is_none()
                && have_before_adverbial(|i| words[i], tag, j).is_some()
        };
        let candidates: Vec<usize> = (0..xpos.len()).filter(|&j| candidate(j)).collect();
        let retag = Retag {
            xpos: "VBN",
            upos: "VERB",
            margin: PARTICIPLE_MARGIN,
        };
        self.retagged(attrs, entries, xpos, features, &candidates, retag)
    }

    /// `xpos`, or its tags decoded again with each word of `candidates` whose `retag` reading
    /// scores within `retag.margin` of the tag it got fixed as that reading (its entry in
    /// `entries` set, so that its UPOS follows too); `xpos` itself when none is.
    fn retagged(
        &self,
        attrs: &[WordAttrs],
        entries: &mut [Option<u32>],
        xpos: Vec<u64>,
        features: &mut Vec<u64>,
        candidates: &[usize],
        retag: Retag,
    ) -> Vec<u64> {
        if candidates.is_empty() {
            return xpos;
        }
        let (Some(to_xpos), Some(to_upos)) = (
            self.xpos_tags.iter().position(|x| x == retag.xpos),
            self.upos_tags.iter().position(|x| *x == retag.upos),
        ) else {
            return xpos;
        };
        let mut last_pass = LastPass::new(self, attrs, entries, &xpos, features);
        let mut changed = false;
        for &j in candidates {
            let scores = last_pass.scores(j, features);
            if scores[xpos[j] as usize - 1] - scores[to_xpos] <= retag.margin {
                entries[j] = Some(((to_upos as u32 + 1) << 16) | to_xpos as u32);
                changed = true;
            }
        }
        if !changed {
            return xpos;
        }
        self.xpos_classes(attrs, entries, features)
    }

    /// Marks as a conjunction (SCONJ) an "as" read as a preposition that opens a clause: a
    /// name or noun phrase, then a finite verb ("He was speaking as Sir Digby Jones, CBI
    /// director general, warned Mr Brown …"). Not after "such", "so", "as" or "same", and not
    /// when the noun phrase is a name alone set off by a comma ("known as Abu Hamza, says").
    fn conjunction_as(&self, words: &[&str], xpos: &[u64], upos: &mut [usize]) {
        let (Some(adp), Some(sconj)) = (
            self.upos_tags.iter().position(|t| *t == "ADP"),
            self.upos_tags.iter().position(|t| *t == "SCONJ"),
        ) else {
            return;
        };
        let tag = |i: usize| self.xpos_tags[xpos[i] as usize - 1].as_str();
        for i in 1..words.len() {
            if upos[i] != adp
                || !words[i].eq_ignore_ascii_case("as")
                || matches!(
                    words[i - 1].to_lowercase().as_str(),
                    "such" | "so" | "as" | "same" | "well"
                )
            {
                continue;
            }
            let (mut nouns, mut commas) = (0, 0);
            for (j, word) in words.iter().enumerate().take(i + 14).skip(i + 1) {
                match tag(j) {
                    "NNP" | "NNPS" | "NN" | "NNS" => nouns += 1,
                    "DT" | "JJ" | "POS" | "PRP$" | "CD" => {}
                    // "as Cardinal Cormac Murphy O'Connor, the Archbishop of Westminster,
                    // backed": an "of" inside the apposition.
                    "IN" if commas == 1 && nouns > 0 && word.eq_ignore_ascii_case("of") => {}
                    "," => commas += 1,
                    "VBD" | "VBZ" | "VBP" | "MD" => {
                        // An apposition needs its closing comma ("Sir Digby Jones, CBI
                        // director general, warned"; not "known as Abu Hamza, says").
                        if nouns > 0 && commas != 1 {
                            upos[i] = sconj;
                        }
                        break;
                    }
                    _ => break,
                }
            }
        }
    }

    /// The Brown clusters of the words, feature values of the tagger.
    pub fn clusters(&self) -> &Clusters {
        &self.clusters
    }

    /// The UPOS class of each word given the XPOS classes: the tag dictionary's where it
    /// fixes one, else the model's, the features of [`PREFETCH_WINDOW`] words gathered and
    /// their rows prefetched before any is scored.
    fn upos_classes(
        &self,
        attrs: &[WordAttrs],
        entries: &[Option<u32>],
        xpos: &[u64],
        features: &mut Vec<u64>,
    ) -> Vec<usize> {
        let mut scores = vec![0i32; self.upos_tags.len()];
        let mut classes: Vec<Option<usize>> = entries
            .iter()
            .map(|e| e.and_then(|c| ((c >> 16) as usize).checked_sub(1)))
            .collect();
        let mut window = Window::default();
        for start in (0..attrs.len()).step_by(PREFETCH_WINDOW) {
            window.clear();
            let end = (start + PREFETCH_WINDOW).min(attrs.len());
            for (i, class) in classes.iter().enumerate().take(end).skip(start) {
                if class.is_none() {
                    upos_features(attrs, xpos, i, features);
                    window.push(i, features);
                }
            }
            self.upos_model.prefetch(&window.features);
            for &(i, from, to) in &window.spans {
                self.upos_model
                    .score_prefetched(&window.features[from..to], &mut scores);
                classes[i] = argmax(&scores, |_| true);
            }
        }
        classes.into_iter().map(|c| c.unwrap_or(0)).collect()
    }

    /// Size in bytes of the weight tables.
    pub fn weights_size(&self) -> usize {
        self.xpos_model.size_bytes()
            + self.xpos2_model.as_ref().map_or(0, Weights::size_bytes)
            + self.upos_model.size_bytes()
    }
}

/// The last decoding pass's scores of a sentence's words, as that pass saw them (the first
/// pass's tags as context for the second), for asking how far a word's chosen tag is from
/// another.
struct LastPass<'t> {
    tagger: &'t Tagger,
    attrs: &'t [WordAttrs],
    xpos: &'t [u64],
    /// The first pass's tags, where a second pass was run.
    first: Option<Vec<u64>>,
    scores: Vec<i32>,
}

impl<'t> LastPass<'t> {
    fn new(
        tagger: &'t Tagger,
        attrs: &'t [WordAttrs],
        entries: &[Option<u32>],
        xpos: &'t [u64],
        features: &mut Vec<u64>,
    ) -> Self {
        let first = tagger.xpos2_model.as_ref().map(|_| {
            let affix = tagger.affix.as_ref();
            decode_xpos(&tagger.xpos_model, entries, attrs, None, affix, features)
        });
        let model = tagger.xpos2_model.as_ref().unwrap_or(&tagger.xpos_model);
        LastPass {
            tagger,
            attrs,
            xpos,
            first,
            scores: vec![0i32; model.classes()],
        }
    }

    /// The scores of every XPOS class for word `i`.
    fn scores(&mut self, i: usize, features: &mut Vec<u64>) -> &[i32] {
        let prev = previous_tags(&self.xpos[..i]);
        let model = match (&self.tagger.xpos2_model, &self.first) {
            (Some(second), Some(first)) => {
                xpos2_features(self.attrs, i, prev, first, features);
                second
            }
            _ => {
                xpos_features(self.attrs, i, prev.0, prev.1, features);
                &self.tagger.xpos_model
            }
        };
        model.score(features, &mut self.scores);
        &self.scores
    }
}

/// The finite verb tags (with `MD`, a sentence's finite verb).
const FINITE_TAGS: [&str; 3] = ["VBD", "VBZ", "VBP"];

/// How far below a word's chosen tag (in the last pass's integer scores) a finite tag may
/// score and still be forced on it: set on the BBC politics sentences without a finite verb
/// (below it, nearly all are misread verbs: "condemned", "praised", "called for", "faces"),
/// and checked on UD EWT and GUM test, where tagging accuracy stays within ±0.02 points.
const FINITE_MARGIN: i32 = 55;

/// How far below its chosen participle reading the past tense of a [`predicate_participle`]
/// may score and still be forced on it, in a sentence of prose with no finite verb: set on
/// the BBC sentences without one, where between [`FINITE_MARGIN`] and this nearly all such
/// participles are misread past tenses ("The opposition called for protests", "Labour on
/// Monday postponed a launch"), and checked on UD EWT and GUM test.
const PARTICIPLE_FINITE_MARGIN: i32 = 85;

/// Whether the participle at `i` stands where a sentence's predicate would: right after a
/// word of its subject (a noun, a pronoun, a number or a determiner: "The opposition
/// called", "all departed") or an adverb ("also called"), not opening a passive agent
/// ("figures revealed by the commission"), and not inside a prepositional opener before its
/// comma ("In a statement issued on Wednesday night, Parmalat detailed …", "According to a
/// document filed with …, Nasdaq plans …").
fn predicate_participle<'t>(words: &[&str], i: usize, tag: impl Fn(usize) -> &'t str) -> bool {
    let opener = tag(0) == "IN" || words[0].eq_ignore_ascii_case("according");
    let in_opener = opener && !(1..i).any(|j| words[j] == ",");
    tag(i) == "VBN"
        && i > 0
        && matches!(
            tag(i - 1),
            "NN" | "NNS" | "NNP" | "NNPS" | "PRP" | "CD" | "DT" | "RB"
        )
        && !words
            .get(i + 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("by"))
        && !in_opener
}

/// How far above the plural-noun reading a finite-verb reading of a verb's object may score
/// and still be read as the noun (see `Tagger::with_object_nouns`).
const NOUN_MARGIN: i32 = 150;
/// How far below the chosen tag a present-tense verb reading may score for
/// [`Tagger::with_relative_verbs`] to take it.
const RELATIVE_VERB_MARGIN: i32 = 150;

/// The "have" a perfect split by an adverbial has before the verb at `verb` ("had in 1997
/// complained", "has, so far, refused"), given each word and its fine tag: a form of "have"
/// tagged a verb, then one to [`ADVERBIAL_MAX`] words of [`ADVERBIAL_TAGS`] that open with an
/// adverb, a preposition or a comma, then the verb. The tagger and the parser's repair both
/// read the perfect so.
pub(crate) fn have_before_adverbial<'a>(
    word: impl Fn(usize) -> &'a str,
    tag: impl Fn(usize) -> &'a str,
    verb: usize,
) -> Option<usize> {
    let have = (verb.saturating_sub(ADVERBIAL_MAX + 1)..verb)
        .rev()
        .find(|&k| !ADVERBIAL_TAGS.contains(&tag(k)))?;
    let is_have = matches!(tag(have), "VBD" | "VBZ" | "VBP" | "VB")
        && HAVE_FORMS
            .iter()
            .any(|h| h.eq_ignore_ascii_case(word(have)));
    (have + 1 < verb && is_have && matches!(tag(have + 1), "RB" | "IN" | ",")).then_some(have)
}

/// How far below a past tense the participle reading of a word after "have" and an
/// adverbial may score for [`Tagger::with_perfect_participles`] to take it.
const PARTICIPLE_MARGIN: i32 = 400;
/// Forms of "have" that make a perfect.
const HAVE_FORMS: &[&str] = &["have", "has", "had", "'ve", "'d", "having"];
/// The tags of the words of an adverbial between "have" and its participle ("in 1997", ",
/// since the war ,", "only recently").
const ADVERBIAL_TAGS: &[&str] = &[
    "RB", "RBR", "RBS", "IN", "CD", "DT", "JJ", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP$", ",",
];
/// The most words such an adverbial has.
const ADVERBIAL_MAX: usize = 6;

/// The reading [`Tagger::retagged`] fixes a word as, and how far below the tag it got that
/// reading may score.
struct Retag {
    xpos: &'static str,
    upos: &'static str,
    margin: i32,
}

/// Prepositions whose object a plural noun can end ("sceptical about Labour and Conservative
/// promises on tax"); not those that also open a clause ("because", "while", "after").
const OBJECT_PREPOSITIONS: &[&str] = &["about", "on", "of", "over", "with", "against", "into"];

/// Plural nouns whose present-tense verb reading takes no gerund ("plans to", "calls
/// for", never "plans attacking"): before a gerund they are nouns. In UD EWT and GUM every
/// present tense between a noun and a gerund is "is" or a verb that takes one ("risks
/// losing", "stops working").
const NO_GERUND_PLURALS: &[&str] = &["plans", "calls", "claims", "demands", "pledges", "promises"];

/// Verbs whose object can be a clause with no `that` ("said Labour wants …", "make sure money
/// reaches …"): a finite verb after them starts that clause.
const CLAUSE_TAKING_VERBS: &[&str] = &[
    "say",
    "tell",
    "think",
    "believe",
    "know",
    "hope",
    "suggest",
    "claim",
    "deny",
    "indicate",
    "decide",
    "insist",
    "ensure",
    "make",
    "mean",
    "show",
    "warn",
    "argue",
    "accept",
    "admit",
    "agree",
    "expect",
    "feel",
    "fear",
    "find",
    "hear",
    "note",
    "realise",
    "realize",
    "recognise",
    "recognize",
    "reckon",
    "report",
    "reveal",
    "see",
    "understand",
    "wonder",
    "worry",
    "add",
    "announce",
    "assume",
    "confirm",
    "doubt",
    "emerge",
    "estimate",
    "explain",
    "guess",
    "imagine",
    "pretend",
    "promise",
    "prove",
    "remember",
    "seem",
    "signal",
    "state",
    "stress",
    "predict",
    "acknowledge",
    "conclude",
    "discover",
    "learn",
    "notice",
    "maintain",
    "contend",
    "concede",
    "complain",
    "declare",
    "demonstrate",
    "guarantee",
    "be",
    "have",
    "do",
    "let",
    "help",
    "suppose",
    "forget",
    "proclaim",
    "mention",
    "reply",
    "respond",
    "insinuate",
    "imply",
    "hint",
    "allege",
    "assert",
    "testify",
    "swear",
    "vow",
    "pledge",
    "bet",
    "judge",
    "consider",
    "deem",
    "fancy",
    "reflect",
    "remark",
    "observe",
];

/// Whether the word at `i` opens its clause, the adverbs, interjections and quotation marks
/// before it aside: a base-form verb there is an imperative ("Please, ask …", "Do not water
/// …", "Why not put …"), a verb the sentence has.
fn opens_clause<'t>(words: &[&str], i: usize, tag: impl Fn(usize) -> &'t str) -> bool {
    let before = (0..i).rev().find(|&j| {
        !matches!(tag(j), "RB" | "UH" | "``" | "''") && !matches!(words[j], "\"" | "'" | "“" | "‘")
    });
    before.is_none_or(|j| matches!(tag(j), "," | ":" | "-LRB-" | "CC" | "WRB"))
}

/// Whether `words` read as a sentence of prose: five words or more, ending in a full stop
/// (a closing quotation mark may follow), not an item of a list.
fn prose_sentence(words: &[&str]) -> bool {
    let end = match words {
        [.., last, q] if matches!(*q, "\"" | "'" | "”" | "’") => last,
        [.., last] => last,
        [] => return false,
    };
    words.len() >= 5 && *end == "." && !matches!(words[0], "-" | "*" | "•" | "–" | "—")
}

/// Words whose features are gathered, and their weight rows prefetched, together: random
/// rows of the tables are cache misses, which overlap when requested side by side.
const PREFETCH_WINDOW: usize = 16;

/// The features of a window of words, one after the other.
#[derive(Default)]
struct Window {
    features: Vec<u64>,
    /// Word index and range in `features`.
    spans: Vec<(usize, usize, usize)>,
}

impl Window {
    fn clear(&mut self) {
        self.features.clear();
        self.spans.clear();
    }

    fn push(&mut self, i: usize, features: &[u64]) {
        let from = self.features.len();
        self.features.extend_from_slice(features);
        self.spans.push((i, from, self.features.len()));
    }
}

/// The tag-dictionary entry of each word: looked up once per sentence for all the passes.
pub(crate) fn dictionary_entries(tagdict: &U64Map<u32>, attrs: &[WordAttrs]) -> Vec<Option<u32>> {
    attrs
        .iter()
        .map(|a| tagdict.get(&a.word).copied())
        .collect()
}

/// Tags `attrs` greedily left to right with `model` (XPOS class index + 1 per word; words
/// with a tag-dictionary entry in `entries` get its class): the first pass, or, given the
/// first pass's classes, the second; `affix`, where given, keeps `AFX` to its prefixes.
///
/// In the second pass the features of each window of [`PREFETCH_WINDOW`] words are computed
/// ahead with the first pass's tags as the previous tags, and their rows prefetched; a word
/// whose previous tags the second pass kept is scored from them, the others are scored anew.
pub(crate) fn decode_xpos(
    model: &Weights,
    entries: &[Option<u32>],
    attrs: &[WordAttrs],
    first: Option<&[u64]>,
    affix: Option<&AffixRule>,
    features: &mut Vec<u64>,
) -> Vec<u64> {
    let fixed = |i: usize| entries[i].map(|c| u64::from(c & 0xffff) + 1);
    let mut scores = vec![0i32; model.classes()];
    let mut out: Vec<u64> = Vec::with_capacity(attrs.len());
    let mut window = Window::default();
    let mut next = 0;
    for i in 0..attrs.len() {
        if let (Some(first), 0) = (first, i % PREFETCH_WINDOW) {
            window.clear();
            next = 0;
            for j in i..(i + PREFETCH_WINDOW).min(attrs.len()) {
                if fixed(j).is_none() {
                    xpos2_features(attrs, j, previous_tags(&first[..j]), first, features);
                    window.push(j, features);
                }
            }
            model.prefetch(&window.features);
        }
        let class = match fixed(i) {
            Some(c) => c,
            None => {
                let prev = previous_tags(&out);
                match (first, window.spans.get(next)) {
                    (Some(first), Some(&(j, from, to)))
                        if j == i && previous_tags(&first[..i]) == prev =>
                    {
                        model.score_prefetched(&window.features[from..to], &mut scores);
                    }
                    (Some(first), _) => {
                        xpos2_features(attrs, i, prev, first, features);
                        model.score(features, &mut scores);
                    }
                    (None, _) => {
                        xpos_features(attrs, i, prev.0, prev.1, features);
                        model.score(features, &mut scores);
                    }
                }
                next += 1;
                let allowed = |c: usize| affix.is_none_or(|a| a.allows(c, &attrs[i]));
                argmax(&scores, allowed).unwrap_or(0) as u64 + 1
            }
        };
        out.push(class);
    }
    out
}

/// The last two tags of `tags` (0 before the sentence start), the last first.
pub(crate) fn previous_tags(tags: &[u64]) -> (u64, u64) {
    match tags {
        [.., p2, p1] => (*p1, *p2),
        [p1] => (*p1, 0),
        [] => (0, 0),
    }
}
