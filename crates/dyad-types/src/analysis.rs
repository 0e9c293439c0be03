use serde::{Deserialize, Serialize};

use crate::{Actor, Document, Event, Sentence, Token};

/// The type of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// People.
    Person,
    /// Organisations.
    Org,
    /// Geo-political entities: countries, cities, states.
    Gpe,
    /// Nationalities, religious or political groups.
    Norp,
    /// Non-GPE locations.
    Loc,
    /// Facilities.
    Fac,
    /// Named events.
    Event,
    /// Other names.
    Misc,
}

impl EntityType {
    /// The record name (`PERSON`, `ORG`…).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Norp => "NORP",
            EntityType::Loc => "LOC",
            EntityType::Fac => "FAC",
            EntityType::Event => "EVENT",
            EntityType::Misc => "MISC",
        }
    }
}

/// A named-entity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Byte offset of the mention.
    pub start: usize,
    /// Byte offset one past the mention.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// The actor this mention resolves to, if any.
    pub actor: Option<Actor>,
}

/// The TimeML type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurrence.
    Set,
}

/// A time expression with its normalised TimeML value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte offset of the expression.
    pub start: usize,
    /// Byte offset one past the expression.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// TimeML type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TimeML value (`2025-11-29`, `2025-W48`, `P2M`, `PAST_REF`…).
    pub value: String,
    /// TimeML `mod` (`START`, `END`, `APPROX`…), if any.
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
}

/// Whether a quote is verbatim, paraphrased or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Quoted verbatim.
    Direct,
    /// Reported speech ("X said that …").
    Indirect,
    /// Partly verbatim.
    Mixed,
}

/// A quotation with its speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Byte offset of the quoted content.
    pub start: usize,
    /// Byte offset one past the quoted content.
    pub end: usize,
    /// The quoted content.
    pub text: String,
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// Who said it, if known.
    pub speaker: Option<Actor>,
    /// The cue word or phrase ("said", "according to").
    pub cue: Option<String>,
    /// The sources it passed through, outermost first.
    pub via: Vec<String>,
}

/// One article being analysed: the document plus everything the stages found in it.
/// Serialised, it is the record of `CONTRACT.md`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Analysis {
    /// The article.
    pub doc: Document,
    /// Sentences, in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens, in text order (not part of the record).
    #[serde(skip)]
    pub tokens: Vec<Token>,
    /// Named entities.
    pub entities: Vec<Entity>,
    /// Time expressions.
    pub timexes: Vec<Timex>,
    /// Quotations.
    pub quotes: Vec<Quote>,
    /// Coded events.
    pub events: Vec<Event>,
    /// The tone of the whole article (GDELT's AvgTone and its parts); `None` until the tone
    /// stage has run.
    #[serde(default)]
    pub tone: Option<Tone>,
}

/// The tone of a text in the convention of GDELT's AvgTone and its GKG tone fields: shares
/// of words, in percent, that carry positive or negative sentiment. A sentiment word's
/// weight is 1, scaled by the words around it (a negator before it flips and damps it, an
/// intensifier raises it, a dampener lowers it, "but" shifts weight to what follows).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Tone {
    /// AvgTone: `positive − negative`, from −100 to +100 (news is usually within ±10).
    pub tone: f64,
    /// Weighted positive words per 100 words.
    pub positive: f64,
    /// Weighted negative words per 100 words.
    pub negative: f64,
    /// `positive + negative`: how charged the text is, whichever way.
    pub polarity: f64,
    /// Words counted (tokens with a letter or digit).
    pub words: usize,
}

impl Analysis {
    /// An analysis with nothing found yet.
    pub fn new(doc: Document) -> Self {
        Analysis {
            doc,
            ..Analysis::default()
        }
    }

    /// The tokens of sentence `index`.
    pub fn sentence_tokens(&self, index: usize) -> &[Token] {
        let s = &self.sentences[index];
        &self.tokens[s.first_token..s.last_token]
    }

    /// The text of a token.
    pub fn token_text(&self, token: &Token) -> &str {
        token.text(&self.doc.text)
    }
}
