//! Actor dictionaries: names and synonyms with codes, possibly restricted to date ranges.
//!
//! ```text
//! GONDOR [GON]            a name and its code
//! +MINAS_TIRITH           a synonym of the entry above
//! GOLLUM                  codes on the following lines, with date restrictions:
//!     [HOB < 950601]      before 1 June 1995
//!     [HOBGOV 19950601 - 19990815]   in that interval (inclusive)
//!     [HOBREB > 990816]   after that date
//! ```
//! The first restriction that holds for the record's date gives the code; otherwise the
//! unrestricted code does. Words are matched as stems (`ARGENTIN` matches Argentina)
//! unless the phrase ends in `_` (`LIBYA_`); inner words of a phrase match whole words.

use super::text::{
    all_codes, parse_date, phrase_words, split_code, strip_block_comments, strip_line_comment,
};

/// When a code applies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Restriction {
    /// Always.
    Always,
    /// Strictly before the date.
    Before(u32),
    /// Strictly after the date.
    After(u32),
    /// From the first to the second date, inclusive.
    Between(u32, u32),
}

impl Restriction {
    fn holds(self, date: u32) -> bool {
        match self {
            Restriction::Always => true,
            Restriction::Before(d) => date < d,
            Restriction::After(d) => date > d,
            Restriction::Between(a, b) => a <= date && date <= b,
        }
    }
}

/// A code with its date restriction.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedCode {
    /// The code (`GON`, `HOBGOV`).
    pub code: String,
    /// When it applies.
    pub when: Restriction,
}

/// One actor: its names and codes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Actor {
    /// Each name as upper-case words, with `true` where the word must match whole.
    pub names: Vec<Vec<(String, bool)>>,
    /// Codes in file order.
    pub codes: Vec<DatedCode>,
}

impl Actor {
    /// The code for a record dated `date` (YYYYMMDD; `None`: undated, unrestricted code).
    pub fn code_on(&self, date: Option<u32>) -> Option<&str> {
        if let Some(date) = date {
            let dated = self
                .codes
                .iter()
                .find(|c| c.when != Restriction::Always && c.when.holds(date));
            if let Some(c) = dated {
                return Some(&c.code);
            }
        }
        self.codes
            .iter()
            .find(|c| c.when == Restriction::Always)
            .map(|c| c.code.as_str())
    }
}

/// Parses the inside of a code bracket: `HOB < 950601`, `HOBGOV 19950601 - 19990815`,
/// `GON`. Returns `None` for a malformed date part.
pub fn parse_dated_code(inner: &str) -> Option<DatedCode> {
    let inner = inner.trim();
    let split = inner.find(|c: char| c.is_whitespace() || c == '<' || c == '>');
    let (code, rest) = match split {
        Some(i) => (inner[..i].trim(), inner[i..].trim()),
        None => (inner, ""),
    };
    let when = if rest.is_empty() {
        Restriction::Always
    } else if let Some(d) = rest.strip_prefix('<') {
        Restriction::Before(parse_date(d)?)
    } else if let Some(d) = rest.strip_prefix('>') {
        Restriction::After(parse_date(d)?)
    } else {
        let (a, b) = rest.split_once('-')?;
        Restriction::Between(parse_date(a)?, parse_date(b)?)
    };
    (!code.is_empty()).then(|| DatedCode {
        code: code.to_string(),
        when,
    })
}

/// A name with hyphenated words split (`BARAD-DUR` → `BARAD - DUR`), as dyad's tokenizer
/// splits them; `None` when the name has no inner hyphen.
fn hyphen_split(name: &[(String, bool)]) -> Option<Vec<(String, bool)>> {
    if !name.iter().any(|(w, _)| w.trim_matches('-').contains('-')) {
        return None;
    }
    let mut out = Vec::new();
    for (w, exact) in name {
        let parts: Vec<&str> = w.split('-').collect();
        for (k, part) in parts.iter().enumerate() {
            if k > 0 {
                out.push(("-".to_string(), true));
            }
            if !part.is_empty() {
                out.push((part.to_string(), k + 1 < parts.len() || *exact));
            }
        }
    }
    Some(out)
}

/// Reads an actor dictionary. Malformed code lines are skipped.
pub fn parse_actors(text: &str) -> Vec<Actor> {
    let text = strip_block_comments(text);
    let mut out: Vec<Actor> = Vec::new();
    let mut open = false; // whether the last entry still takes synonyms and codes
    for raw in text.lines() {
        let line = strip_line_comment(raw);
        if line.is_empty() {
            continue;
        }
        if line.starts_with('[') {
            if let Some(actor) = out.last_mut() {
                actor
                    .codes
                    .extend(all_codes(line).into_iter().filter_map(parse_dated_code));
            }
            continue;
        }
        let (phrase, code, _) = split_code(line);
        if let Some(syn) = phrase.strip_prefix('+') {
            if let (true, Some(actor)) = (open, out.last_mut()) {
                let words = phrase_words(syn);
                if !words.is_empty() {
                    actor.names.push(words);
                }
                if let Some(c) = code.and_then(parse_dated_code) {
                    actor.codes.push(c);
                }
            }
            continue;
        }
        let words = phrase_words(phrase);
        if words.is_empty() {
            continue;
        }
        let actor = Actor {
            names: vec![words],
            codes: all_codes(line)
                .into_iter()
                .filter_map(parse_dated_code)
                .collect(),
        };
        out.push(actor);
        open = true;
    }
    for actor in &mut out {
        let split: Vec<_> = actor.names.iter().filter_map(|n| hyphen_split(n)).collect();
        actor.names.extend(split);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "<!-- test -->\nGONDOR [GON]\n+MINAS_TIRITH\n\nGOLLUM # x\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n#\t[bad]\n\t[HOBREB > 990816]\nLIBYA_ [LBY]\nENT\n\t[ENT]\n";

    #[test]
    fn names_synonyms_and_codes() {
        let a = parse_actors(SAMPLE);
        assert_eq!(a.len(), 4);
        assert_eq!(a[0].names.len(), 2);
        assert_eq!(a[0].names[1][0].0, "MINAS");
        assert_eq!(a[0].code_on(None), Some("GON"));
        assert_eq!(a[2].names[0], vec![("LIBYA".to_string(), true)]);
        assert_eq!(a[3].code_on(Some(20000101)), Some("ENT"));
    }

    #[test]
    fn hyphenated_names_also_match_split() {
        let a = parse_actors("MORDOR [MOR]\n+BARAD-DUR\n");
        assert_eq!(a[0].names.len(), 3);
        let words: Vec<&str> = a[0].names[2].iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["BARAD", "-", "DUR"]);
    }

    #[test]
    fn date_restrictions() {
        let gollum = &parse_actors(SAMPLE)[1];
        assert_eq!(gollum.names.len(), 2);
        assert_eq!(gollum.code_on(Some(19950531)), Some("HOB"));
        assert_eq!(gollum.code_on(Some(19950601)), Some("HOBGOV"));
        assert_eq!(gollum.code_on(Some(19990815)), Some("HOBGOV"));
        assert_eq!(gollum.code_on(Some(19990816)), None);
        assert_eq!(gollum.code_on(Some(20010101)), Some("HOBREB"));
    }

    #[test]
    fn first_matching_restriction_wins() {
        let a = parse_actors("SAM [HOB]\n[ORCHOB 20100109-20100112]\n[HOBMIL 20080120-20121109]\n");
        assert_eq!(a[0].code_on(Some(20100110)), Some("ORCHOB"));
        assert_eq!(a[0].code_on(Some(20100113)), Some("HOBMIL"));
        assert_eq!(a[0].code_on(Some(20200101)), Some("HOB"));
    }
}
