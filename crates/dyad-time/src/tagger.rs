//! The tagger: tokens → rule matches → normalised TIMEX3s.

use chrono::{Datelike, NaiveDate};
use dyad_types::{Timex, TimexType};

use crate::error::{Error, Result};
use crate::found::{Classes, Found};
use crate::lexicon::Lexicon;
use crate::normalize::{normalise, FUNCTIONS};
use crate::rules::{QtyTable, RuleMatch, RuleSet};
use crate::tokens::{tokenize, ShapeIds, Tok};

const LEXICON: &str = include_str!("../data/lexicon.tsv");
const RULES: &str = include_str!("../data/rules.txt");
const MODIFIERS: &str = include_str!("../data/modifiers.tsv");

/// A modifier phrase ("late", "the end of", "more than") that may open an expression.
#[derive(Debug, Clone)]
struct Modifier {
    words: Vec<String>,
    value: String,
    types: Vec<TimexType>,
    /// Words the expression must start with (any word when empty).
    first_words: Vec<String>,
}

/// Recognises and normalises time expressions. Build it once and share it: the rules are
/// compiled from the embedded data files by [`TimexTagger::new`].
#[derive(Debug, Clone)]
pub struct TimexTagger {
    lexicon: Lexicon,
    rules: RuleSet,
    modifiers: Vec<Modifier>,
    shapes: ShapeIds,
    classes: Classes,
}

/// The result of tagging one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagged {
    /// The expressions found, in text order.
    pub timexes: Vec<Timex>,
    /// Whether values were anchored on a document date; without one, relative
    /// expressions keep unresolved values (`XXXX-11-24`, `XXXX-WXX-1`).
    pub anchored: bool,
}

impl Default for TimexTagger {
    fn default() -> Self {
        TimexTagger::new()
    }
}

impl TimexTagger {
    /// The tagger with the embedded English news rules.
    ///
    /// The embedded data are checked by the crate's tests, so this does not fail; use
    /// [`TimexTagger::from_data`] to load other rule files with errors reported.
    pub fn new() -> TimexTagger {
        TimexTagger::from_data(LEXICON, RULES, MODIFIERS).expect("embedded time rules are valid")
    }

    /// A tagger from the text of a lexicon, a rule file and a modifier table.
    pub fn from_data(lexicon: &str, rules: &str, modifiers: &str) -> Result<TimexTagger> {
        let mut lexicon = Lexicon::parse(lexicon, "lexicon.tsv")?;
        let classes = Classes::new(&mut lexicon);
        let rules = RuleSet::parse(rules, &mut lexicon)?;
        for (index, rule) in rules.rules.iter().enumerate() {
            if !FUNCTIONS.contains(&rule.function.as_str()) {
                return Err(Error::BadRule {
                    file: "rules.txt",
                    line: index + 1,
                    message: format!("rule {}: unknown function {}", rule.name, rule.function),
                });
            }
        }
        let modifiers = parse_modifiers(modifiers)?;
        let shapes = ShapeIds::new(&lexicon);
        Ok(TimexTagger {
            lexicon,
            rules,
            modifiers,
            shapes,
            classes,
        })
    }

    /// The time expressions of `text` (byte offsets), anchored on `dct` when given.
    pub fn tag(&self, text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
        self.tag_document(text, dct).timexes
    }

    /// Like [`TimexTagger::tag`], saying whether the values are anchored.
    pub fn tag_document(&self, text: &str, dct: Option<NaiveDate>) -> Tagged {
        let tokens = tokenize(text, &self.lexicon, &self.shapes);
        let qty = self.quantities(&tokens);
        let mut timexes = Vec::new();
        let mut candidates = Vec::new();
        let mut matches: Vec<RuleMatch> = Vec::new();
        let mut i = 0;
        let mut last_end = 0;
        let mut reference: Option<(NaiveDate, u8)> = None;
        let mut last_quarter: Option<(i32, u32)> = None;
        while i < tokens.len() {
            self.rules.candidates(&tokens, &qty, i, &mut candidates);
            matches.clear();
            for &r in &candidates {
                self.rules.match_rule(r, &tokens, &qty, i, &mut matches);
            }
            matches.sort_by(|a, b| b.end.cmp(&a.end).then(a.rule.cmp(&b.rule)));
            let mut taken = None;
            for m in &matches {
                let rule = &self.rules.rules[m.rule];
                // anaphoric rules ("the next day", "that year") anchor on the last date
                // mentioned when it is precise enough, else on the DCT
                let anchor = match (rule.args.get("anchor"), reference) {
                    (Some(need), Some((date, precision))) if precision_covers(precision, need) => {
                        Some(date)
                    }
                    _ => dct,
                };
                let found = Found {
                    tokens: &tokens,
                    found: m,
                    rule,
                    classes: &self.classes,
                    qty: &qty,
                    dct: anchor,
                    last_quarter,
                };
                if let Some(normal) = normalise(&found) {
                    taken = Some((m.start, m.end, rule.kind, normal, m.rule));
                    break;
                }
            }
            let Some((start, end, kind, normal, rule_index)) = taken else {
                i += 1;
                continue;
            };
            let mut normal = normal;
            if let (Some(_), Some(previous)) = (
                self.rules.rules[rule_index].args.get("follow"),
                timexes.last(),
            ) {
                normal.value = follow_granularity(&normal.value, previous);
            }
            let (first, modifier) = self.modifier_before(&tokens, &qty, start, last_end, kind);
            let byte_start = tokens[first].start;
            let byte_end = tokens[end - 1].end;
            timexes.push(Timex {
                start: byte_start,
                end: byte_end,
                text: text[byte_start..byte_end].to_string(),
                kind,
                value: normal.value,
                modifier: normal.modifier.or(modifier),
            });
            if let Some(r) = reference_of(&timexes[timexes.len() - 1]) {
                reference = Some(r);
            }
            if let Some(q) = quarter_of_value(&timexes[timexes.len() - 1]) {
                // a current or recent quarter, not the year-ago one it is compared with
                let recent = dct.is_none_or(|d| {
                    let months = (d.year() - q.0) * 12 + d.month() as i32 - 3 * q.1 as i32;
                    (-3..9).contains(&months)
                });
                if recent {
                    last_quarter = Some(q);
                }
            }
            last_end = end;
            i = end;
        }
        Tagged {
            timexes,
            anchored: dct.is_some(),
        }
    }

    /// The token where the expression starts once a modifier phrase before `start` joins it.
    fn modifier_before(
        &self,
        tokens: &[Tok],
        qty: &QtyTable,
        start: usize,
        floor: usize,
        kind: TimexType,
    ) -> (usize, Option<String>) {
        let starts_with_the = tokens[start].lower == "the";
        for m in &self.modifiers {
            let len = m.words.len();
            if start < floor + len || !m.types.contains(&kind) {
                continue;
            }
            if starts_with_the && m.words.last().map(String::as_str) != Some("of") {
                continue;
            }
            let first_ok = m.first_words.iter().any(|w| {
                *w == tokens[start].lower
                    || (w == "#" && (qty[start].is_some() || tokens[start].is(self.classes.clock)))
            });
            if !m.first_words.is_empty() && !first_ok {
                continue;
            }
            let before = &tokens[start - len..start];
            if before.iter().zip(&m.words).all(|(t, w)| t.lower == *w) {
                return (start - len, Some(m.value.clone()));
            }
        }
        (start, None)
    }

    /// Cardinal phrases starting at each token: "twenty four", "a couple of", "several", "22".
    fn quantities(&self, tokens: &[Tok]) -> QtyTable {
        let c = &self.classes;
        let vague = self.lexicon.get_class("VAGUE");
        let couple = self.lexicon.get_class("COUPLE");
        let one = self.lexicon.get_class("ONE");
        let mut table: QtyTable = vec![None; tokens.len()];
        for i in 0..tokens.len() {
            let tok = &tokens[i];
            let next = tokens.get(i + 1);
            let is = |t: Option<&Tok>, class: Option<u16>| match (t, class) {
                (Some(t), Some(class)) => t.is(class),
                _ => false,
            };
            let of_after = |k: usize| tokens.get(k).is_some_and(|t| t.lower == "of");
            table[i] = if is(Some(tok), couple) {
                Some((1 + usize::from(of_after(i + 1)), Some(2)))
            } else if is(Some(tok), vague) {
                Some((1, None))
            } else if is(Some(tok), one) && tok.lower != "one" {
                // "a", "an": "a couple of", "a few", "a dozen", "a hundred", or 1
                if is(next, couple) {
                    Some((2 + usize::from(of_after(i + 2)), Some(2)))
                } else if is(next, vague) && next.is_some_and(|t| t.lower == "few") {
                    Some((2, None))
                } else if next.is_some_and(|t| t.lower == "dozen" || t.lower == "hundred") {
                    let v = if next.is_some_and(|t| t.lower == "dozen") {
                        12
                    } else {
                        100
                    };
                    Some((2, Some(v)))
                } else {
                    Some((1, Some(1)))
                }
            } else if let Some(v) = tok.value(c.num) {
                v.parse::<u32>()
                    .ok()
                    .filter(|v| *v < 100_000)
                    .map(|v| (1, Some(v)))
            } else if tok.is(c.numw) {
                number_words(tokens, i, c.numw)
            } else {
                None
            };
        }
        table
    }
}

/// The date a DATE or TIME expression names, with its precision (3 day, 2 month, 1 year).
fn reference_of(timex: &Timex) -> Option<(NaiveDate, u8)> {
    if !matches!(timex.kind, TimexType::Date | TimexType::Time) {
        return None;
    }
    let v = timex.value.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = timex.value.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let year = digits(0..4)? as i32;
    if v.len() >= 10 && v[4] == b'-' && v[7] == b'-' {
        return NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?).map(|d| (d, 3));
    }
    if v.len() == 7 && v[4] == b'-' {
        return NaiveDate::from_ymd_opt(year, digits(5..7)?, 1).map(|d| (d, 2));
    }
    if v.len() == 4 {
        return NaiveDate::from_ymd_opt(year, 1, 1).map(|d| (d, 1));
    }
    None
}

/// The year and quarter of a DATE valued `YYYY-Qn`.
fn quarter_of_value(timex: &Timex) -> Option<(i32, u32)> {
    let (year, quarter) = timex.value.split_once("-Q")?;
    if timex.kind != TimexType::Date || year.len() != 4 || quarter.len() != 1 {
        return None;
    }
    let quarter: u32 = quarter.parse().ok()?;
    (1..=4)
        .contains(&quarter)
        .then_some((year.parse().ok()?, quarter))
}

fn precision_covers(precision: u8, need: &str) -> bool {
    let need = match need {
        "D" => 3,
        "M" => 2,
        _ => 1,
    };
    precision >= need
}

/// "A year earlier" after a quarter or a half-year speaks of that period a year before:
/// a year-granular `value` takes the period of the `previous` expression when it is one.
fn follow_granularity(value: &str, previous: &Timex) -> String {
    let Ok(year) = value.parse::<i32>() else {
        return value.to_string();
    };
    let p = previous.value.as_str();
    let period = p.get(4..).filter(|rest| {
        p.len() == 7
            && p[..4].bytes().all(|b| b.is_ascii_digit())
            && (rest.starts_with("-Q") || rest.starts_with("-H"))
    });
    match (previous.kind, period) {
        (TimexType::Date, Some(rest)) => format!("{year:04}{rest}"),
        _ => value.to_string(),
    }
}

/// "twenty four", "one hundred and twenty" → value and length in tokens.
fn number_words(tokens: &[Tok], i: usize, numw: u16) -> Option<(usize, Option<u32>)> {
    let (mut total, mut current) = (0u32, 0u32);
    let mut k = i;
    while let Some(tok) = tokens.get(k) {
        let value: u32 = match tok.value(numw) {
            Some(v) => v.parse().ok()?,
            None if tok.lower == "and"
                && k > i
                && tokens.get(k + 1).is_some_and(|t| t.is(numw)) =>
            {
                k += 1;
                continue;
            }
            None => break,
        };
        match value {
            100 => current = current.max(1) * 100,
            1000 => {
                total += current.max(1) * 1000;
                current = 0;
            }
            v => {
                // "twenty four" adds up; "four twenty" is two numbers
                let low = current % 100;
                let fits = low == 0 || (v < 10 && low >= 20 && low % 10 == 0);
                if !fits {
                    break;
                }
                current += v;
            }
        }
        k += 1;
    }
    (k > i).then_some((k - i, Some(total + current)))
}

fn parse_modifiers(source: &str) -> Result<Vec<Modifier>> {
    let mut out = Vec::new();
    for (index, line) in source.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let bad = || Error::BadRule {
            file: "modifiers.tsv",
            line: index + 1,
            message: "expected phrase, mod, types".into(),
        };
        if fields.len() != 3 && fields.len() != 4 {
            return Err(bad());
        }
        let types = fields[2]
            .split(',')
            .map(|t| match t.trim() {
                "DATE" => Some(TimexType::Date),
                "TIME" => Some(TimexType::Time),
                "DURATION" => Some(TimexType::Duration),
                "SET" => Some(TimexType::Set),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()
            .ok_or_else(bad)?;
        out.push(Modifier {
            words: fields[0].split_whitespace().map(str::to_string).collect(),
            value: fields[1].to_string(),
            types,
            first_words: fields
                .get(3)
                .map(|w| w.split('|').map(str::to_string).collect())
                .unwrap_or_default(),
        });
    }
    out.sort_by_key(|m| std::cmp::Reverse(m.words.len()));
    Ok(out)
}
