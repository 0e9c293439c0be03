use std::sync::{Arc, OnceLock};

use dyad_types::{Analysis, Sentence, Span, Stage, Token};

use crate::boundary::{
    document_bucket, features, punctuation_distances, BoundaryModel, Context, TokenView,
};
use crate::case_profile::CaseProfile;
use crate::lexicon::Lexicon;
use crate::tokenizer::tokenize;
use crate::word_classes::WordClasses;

const MODEL: &str = include_str!("../data/boundary_model.tsv");

/// The loosest [`document_bucket`] of edited prose: at most 35 tokens per sentence-final
/// punctuation mark (the last bucket, 6, holds lists, notes and unpunctuated e-mails).
const WELL_PUNCTUATED: u64 = 5;

/// The [`document_bucket`] of texts under 40 tokens, where punctuation says little about the
/// text: in them a bare word followed by a name-like word ([`TokenView::name_like`]) goes on
/// the sentence ("Pakistan President Mohammad | Zia-ul-Haq", "converging | Thursday").
const SHORT: u64 = 0;

/// Splits text into sentences and UD-style tokens, with byte offsets.
///
/// Tokens follow the UD English EWT/GUM conventions (clitics such as `n't` and `'s` split,
/// punctuation split, abbreviations keep their period). A sentence ends where the boundary
/// model says so, and always at a line break.
///
/// In a text laid out in lines (paragraphs, a headline on its own line) and punctuated like
/// edited prose, a sentence never ends on a bare word inside a line: headlines and sign-offs
/// are already set apart by their line breaks, and what remains are names and subjects the
/// model would otherwise cut off ("Former Worldcom boss | Bernie Ebbers …"). The treebank
/// text the model learns from has no line breaks, so it has to guess headlines there.
/// In a text too short to show how it is punctuated, a bare word is not cut off from a
/// name-like word after it (a review's title before its text still is: "Poor Service |
/// After firing them …").
#[derive(Debug, Clone)]
pub struct Segmenter {
    lexicon: Arc<Lexicon>,
    model: Arc<BoundaryModel>,
    profiles: Option<Arc<CaseProfile>>,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

impl Segmenter {
    /// The segmenter with the word lists and boundary model shipped in the crate.
    pub fn new() -> Segmenter {
        static BUILTIN: OnceLock<(Arc<Lexicon>, Arc<BoundaryModel>)> = OnceLock::new();
        let (lexicon, model) = BUILTIN.get_or_init(|| {
            // The shipped model is checked by a unit test; a broken one splits only at
            // line breaks.
            let model = BoundaryModel::parse(MODEL).unwrap_or_default();
            (Arc::new(Lexicon::builtin()), Arc::new(model))
        });
        Segmenter {
            lexicon: Arc::clone(lexicon),
            model: Arc::clone(model),
            profiles: None,
        }
    }

    /// A segmenter with other word lists or another boundary model (training, experiments).
    pub fn with_parts(lexicon: Lexicon, model: BoundaryModel) -> Segmenter {
        Segmenter {
            lexicon: Arc::new(lexicon),
            model: Arc::new(model),
            profiles: None,
        }
    }

    /// This segmenter with another word profile table than the shipped one (the table the
    /// boundary model was trained with; cross-validation).
    pub fn with_profiles(mut self, profiles: CaseProfile) -> Segmenter {
        self.profiles = Some(Arc::new(profiles));
        self
    }

    /// The word lists in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Token spans of `text`, without sentence boundaries.
    pub fn tokenize(&self, text: &str) -> Vec<Span> {
        let mut spans = Vec::with_capacity(text.len() / 5 + 1);
        tokenize(text, &self.lexicon, &mut spans);
        spans
    }

    /// Sentences and tokens of `text`. Every token lies inside its sentence; sentences cover
    /// all tokens, in order.
    pub fn segment(&self, text: &str) -> (Vec<Sentence>, Vec<Token>) {
        let spans = self.tokenize(text);
        let starts = self.sentence_starts(text, &spans);
        let mut sentences = Vec::with_capacity(starts.len());
        for (k, &first) in starts.iter().enumerate() {
            let last = starts.get(k + 1).copied().unwrap_or(spans.len());
            sentences.push(Sentence {
                start: spans[first].start,
                end: spans[last - 1].end,
                first_token: first,
                last_token: last,
            });
        }
        let tokens = spans.iter().map(|s| Token::new(s.start, s.end)).collect();
        (sentences, tokens)
    }

    /// Indices of the tokens that start a sentence.
    fn sentence_starts(&self, text: &str, spans: &[Span]) -> Vec<usize> {
        if spans.is_empty() {
            return Vec::new();
        }
        let classes = WordClasses::builtin();
        let profiles = if self.model.uses_profiles() {
            self.profiles
                .as_deref()
                .unwrap_or_else(|| CaseProfile::builtin())
        } else {
            CaseProfile::empty()
        };
        let views: Vec<TokenView> = spans
            .iter()
            .map(|s| TokenView::new(&text[s.start..s.end], classes, profiles))
            .collect();
        let distances = punctuation_distances(&views);
        let document = document_bucket(&views);
        let lined_prose = text.contains('\n') && document <= WELL_PUNCTUATED;
        let mut starts = vec![0];
        let mut context = Context::default();
        let bytes = text.as_bytes();
        for i in 1..spans.len() {
            context.observe(&views[i - 1]);
            let gap = &bytes[spans[i - 1].end..spans[i].start];
            let boundary = if gap.is_empty() {
                false
            } else if gap.contains(&b'\n') {
                true
            } else if views[i - 1].is_word()
                && (lined_prose || (document == SHORT && views[i].name_like()))
            {
                false
            } else if lined_prose && closes_scare_quotes(&views, i - 1) {
                // A quotation of a word or three ends no sentence of a text whose sentences
                // end with stops: 'The head of the "failing" Child Support Agency', 'Marion
                // "Suge" Knight' (not the long quotation some writer closed without a stop).
                false
            } else {
                self.model
                    .score(&features(&views, &distances, document, i, &context))
                    > 0.0
            };
            if boundary {
                starts.push(i);
                context.reset();
            }
        }
        starts
    }
}

/// Whether the token at `i` closes a quotation of one to three words opened right before them
/// ("failing", "shock jock").
fn closes_scare_quotes(views: &[TokenView], i: usize) -> bool {
    if !views[i].may_close_quote() {
        return false;
    }
    let words = views[..i].iter().rev().take_while(|v| v.is_word()).count();
    (1..=3).contains(&words) && i > words && views[i - words - 1].may_open_quote()
}

impl Stage for Segmenter {
    fn name(&self) -> &str {
        "segment@1"
    }

    fn process(&self, analysis: &mut Analysis) {
        let (sentences, tokens) = self.segment(&analysis.doc.text);
        analysis.sentences = sentences;
        analysis.tokens = tokens;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_model_parses() {
        assert!(BoundaryModel::parse(MODEL).is_ok());
    }

    #[test]
    fn empty_and_blank_texts_have_nothing() {
        let segmenter = Segmenter::new();
        for text in ["", "   ", "\n\t \u{a0}"] {
            let (sentences, tokens) = segmenter.segment(text);
            assert!(sentences.is_empty() && tokens.is_empty());
        }
    }

    #[test]
    fn a_line_of_prose_is_not_cut_after_a_bare_word() {
        // The body's opening lines, each one sentence, after a headline on its own line.
        let lines = [
            "Former Worldcom chief Bernie Ebbers was found guilty of fraud in 2005.",
            "Swiss drugmaker Novartis said its sales grew in every region.",
            "American conglomerate General Electric said its orders rose.",
            "Hotel group Rank is expected to sell its hotels by the summer.",
        ];
        let segmenter = Segmenter::new();
        for line in lines {
            let text = format!("Results day\n\n{line} The shares rose.");
            let (sentences, _) = segmenter.segment(&text);
            let found: Vec<&str> = sentences.iter().map(|s| &text[s.start..s.end]).collect();
            assert_eq!(found, ["Results day", line, "The shares rose."], "{text}");
        }
    }

    #[test]
    fn lined_prose_is_not_cut_after_a_quoted_word_or_three() {
        let segmenter = Segmenter::new();
        let body = [
            "The head of the \"failing\" Child Support Agency is still at the helm.",
            "Rap mogul Marion \"Suge\" Knight has been arrested.",
        ];
        for line in body {
            let text = format!("Agency news\n\n{line} The agency said so.");
            let (sentences, _) = segmenter.segment(&text);
            let found: Vec<&str> = sentences.iter().map(|s| &text[s.start..s.end]).collect();
            assert_eq!(
                found,
                ["Agency news", line, "The agency said so."],
                "{text}"
            );
        }
        // A long quotation its writer closed without a stop may still end a sentence.
        let text = "School news\n\nHe said: \"Then every rural school in Africa would have \
                    access to the same libraries as the students in Oxford and Harvard\" \
                    Currently the project is operating in an area with mains electricity.";
        let (sentences, _) = segmenter.segment(text);
        assert_eq!(sentences.len(), 3, "{sentences:?}");
        // So may one whose last words follow a comma, not the opening quote.
        let text = "School news\n\nHe said: \"The project has gone well in every way, \
                    truly well\" Currently the project is operating in an area with mains \
                    electricity.";
        let (sentences, _) = segmenter.segment(text);
        assert_eq!(sentences.len(), 3, "{sentences:?}");
    }

    #[test]
    fn a_short_text_is_not_cut_inside_a_name() {
        let segmenter = Segmenter::new();
        for text in [
            "Pakistan President Mohammad Zia-ul-Haq met the Afghan envoy in Islamabad.",
            "Arab League Secretary General Chadli Klibi arrived in Tunis on Monday.",
            "Thousands of farmers were marching Thursday towards the capital.",
        ] {
            let (sentences, _) = segmenter.segment(text);
            assert_eq!(sentences.len(), 1, "{text}");
        }
    }

    #[test]
    fn stage_fills_sentences_and_tokens() {
        let mut analysis = Analysis::new(dyad_types::Document::from_text("One line.\nTwo."));
        Segmenter::new().process(&mut analysis);
        assert_eq!(analysis.sentences.len(), 2);
        assert_eq!(analysis.tokens.len(), 5);
        assert_eq!(analysis.sentence_tokens(1).len(), 2);
    }
}
