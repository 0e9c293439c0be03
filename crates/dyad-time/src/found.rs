//! What a rule matched, as the normalisation functions see it.

use chrono::NaiveDate;

use crate::context::{tense_around, Tense};
use crate::lexicon::{ClassId, Lexicon};
use crate::rules::{QtyTable, Rule, RuleMatch};
use crate::tokens::Tok;

/// Ids of the classes the normalisation functions read.
#[derive(Debug, Clone, Copy)]
#[allow(missing_docs)]
pub struct Classes {
    pub month: ClassId,
    pub day: ClassId,
    pub year: ClassId,
    pub weekday: ClassId,
    pub weekdays: ClassId,
    pub rel: ClassId,
    pub unit: ClassId,
    pub units: ClassId,
    pub qunit: ClassId,
    pub part: ClassId,
    pub season: ClassId,
    pub deictic: ClassId,
    pub ago: ClassId,
    pub ampm: ClassId,
    pub zone: ClassId,
    pub num: ClassId,
    pub numw: ClassId,
    pub ord: ClassId,
    pub ordw: ClassId,
    pub decade: ClassId,
    pub decadew: ClassId,
    pub clock: ClassId,
    pub iso: ClassId,
    pub slash: ClassId,
    pub freq: ClassId,
    pub qty: ClassId,
}

impl Classes {
    /// Looks the classes up (creating any the data files do not mention).
    pub fn new(lexicon: &mut Lexicon) -> Classes {
        let mut id = |name: &str| lexicon.class_id(name);
        Classes {
            month: id("MONTH"),
            day: id("DAY"),
            year: id("YEAR"),
            weekday: id("WEEKDAY"),
            weekdays: id("WEEKDAYS"),
            rel: id("REL"),
            unit: id("UNIT"),
            units: id("UNITS"),
            qunit: id("QUNIT"),
            part: id("PART"),
            season: id("SEASON"),
            deictic: id("DEICTIC"),
            ago: id("AGO"),
            ampm: id("AMPM"),
            zone: id("ZONE"),
            num: id("NUM"),
            numw: id("NUMW"),
            ord: id("ORD"),
            ordw: id("ORDW"),
            decade: id("DECADE"),
            decadew: id("DECADEW"),
            clock: id("CLOCK"),
            iso: id("ISODATE"),
            slash: id("SLASHDATE"),
            freq: id("FREQ"),
            qty: id("QTY"),
        }
    }
}

/// A rule match with everything needed to normalise it.
pub struct Found<'a> {
    /// The tokens of the text.
    pub tokens: &'a [Tok],
    /// The match.
    pub found: &'a RuleMatch,
    /// The rule that matched.
    pub rule: &'a Rule,
    /// Class ids.
    pub classes: &'a Classes,
    /// Quantity phrases.
    pub qty: &'a QtyTable,
    /// The anchor (document creation time).
    pub dct: Option<NaiveDate>,
    /// The last quarter named before the match (year, quarter), for "the quarter".
    pub last_quarter: Option<(i32, u32)>,
}

impl Found<'_> {
    /// The value of the first token matched as `class`.
    pub fn get(&self, class: ClassId) -> Option<&str> {
        self.found
            .captures
            .iter()
            .find(|c| c.class == Some(class))
            .and_then(|c| self.tokens[c.token].value(class))
    }

    /// The numeric value of the first token matched as `class`.
    pub fn num(&self, class: ClassId) -> Option<i64> {
        self.get(class)?.parse().ok()
    }

    /// Whether the match covers the word `word`.
    pub fn has(&self, word: &str) -> bool {
        self.tokens[self.found.start..self.found.end]
            .iter()
            .any(|t| t.lower == word)
    }

    /// A rule argument.
    pub fn arg(&self, key: &str) -> Option<&str> {
        self.rule.args.get(key).map(String::as_str)
    }

    /// A numeric rule argument.
    pub fn arg_num(&self, key: &str) -> Option<i64> {
        self.arg(key)?.parse().ok()
    }

    /// The quantity matched as `@QTY`: `Some(None)` for a vague one ("several").
    pub fn quantity(&self) -> Option<Option<u32>> {
        let cap = self
            .found
            .captures
            .iter()
            .find(|c| c.class == Some(self.classes.qty))?;
        self.qty[cap.token].map(|(_, v)| v)
    }

    /// The tense around the match.
    pub fn tense(&self) -> Tense {
        tense_around(self.tokens, self.found.start, self.found.end, 10)
    }
}
