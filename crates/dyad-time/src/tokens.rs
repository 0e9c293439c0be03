//! Splitting text into tokens with byte offsets and token classes.
//!
//! Hyphens between words separate tokens and are dropped ("mid-November" → `mid`,
//! `November`), so the rules need not care whether an expression is hyphenated.

use crate::lexicon::{ClassId, Lexicon};

/// A token of the text being tagged.
#[derive(Debug, Clone)]
pub struct Tok {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Lowercase form.
    pub lower: String,
    /// Whether the token starts with an uppercase letter.
    pub capital: bool,
    /// Whether a line break precedes the token.
    pub after_newline: bool,
    /// Classes with their values.
    pub classes: Vec<(ClassId, String)>,
}

impl Tok {
    /// The value of the token in `class`, if it belongs to it.
    pub fn value(&self, class: ClassId) -> Option<&str> {
        self.classes
            .iter()
            .find(|(c, _)| *c == class)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the token belongs to `class`.
    pub fn is(&self, class: ClassId) -> bool {
        self.classes.iter().any(|(c, _)| *c == class)
    }

    /// Whether the token is sentence-final punctuation.
    pub fn ends_sentence(&self) -> bool {
        matches!(self.lower.as_str(), "." | "!" | "?" | ";")
    }
}

/// Ids of the shape classes, looked up once.
#[derive(Debug, Clone, Copy)]
pub struct ShapeIds {
    num: ClassId,
    year: ClassId,
    day: ClassId,
    ord: ClassId,
    decade: ClassId,
    clock: ClassId,
    iso: ClassId,
    slash: ClassId,
    poss: ClassId,
    ordw: Option<ClassId>,
}

impl ShapeIds {
    /// Looks the shape classes up in `lexicon`.
    pub fn new(lexicon: &Lexicon) -> ShapeIds {
        let id = |n: &str| lexicon.get_class(n).unwrap_or(0);
        ShapeIds {
            num: id("NUM"),
            year: id("YEAR"),
            day: id("DAY"),
            ord: id("ORD"),
            decade: id("DECADE"),
            clock: id("CLOCK"),
            iso: id("ISODATE"),
            slash: id("SLASHDATE"),
            poss: id("POSS"),
            ordw: lexicon.get_class("ORDW"),
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into classified tokens.
pub fn tokenize(text: &str, lexicon: &Lexicon, ids: &ShapeIds) -> Vec<Tok> {
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    let n = bytes.len();
    let at = |i: usize| if i < n { bytes[i].1 } else { '\0' };
    let offset = |i: usize| if i < n { bytes[i].0 } else { text.len() };
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut newline = true;
    while i < n {
        let c = at(i);
        if c.is_whitespace() || c == '-' || c == '–' || c == '—' {
            newline |= c == '\n';
            i += 1;
            continue;
        }
        let begin = i;
        if c.is_ascii_digit() {
            i += 1;
            while i < n {
                let d = at(i);
                if d.is_ascii_digit()
                    || (matches!(d, '-' | '/' | ':' | '.' | ',') && at(i + 1).is_ascii_digit())
                {
                    i += 1;
                } else {
                    break;
                }
            }
            // suffixes: 1990s, 24th, 1990's
            let mut j = i;
            while j < n && at(j).is_ascii_alphabetic() && j - i < 2 {
                j += 1;
            }
            let suffix: String = bytes[i..j]
                .iter()
                .map(|b| b.1.to_ascii_lowercase())
                .collect();
            if matches!(suffix.as_str(), "s" | "st" | "nd" | "rd" | "th") && !at(j).is_alphabetic()
            {
                i = j;
            } else if is_apostrophe(at(i))
                && at(i + 1) == 's'
                && !at(i + 2).is_alphabetic()
                && i - begin == 4
                && at(i - 1) == '0'
            {
                i += 2; // 1990's (a decade); 2003's is a year with a possessive
            }
        } else if is_apostrophe(c)
            && at(i + 1).is_ascii_digit()
            && at(i + 2).is_ascii_digit()
            && !at(i + 3).is_ascii_digit()
        {
            i += 3;
            if at(i) == 's' && !at(i + 1).is_alphabetic() {
                i += 1;
            }
        } else if is_apostrophe(c) && matches!(at(i + 1), 's' | 'S') && !at(i + 2).is_alphanumeric()
        {
            i += 2;
        } else if c.is_alphabetic() {
            while i < n && at(i).is_alphabetic() {
                i += 1;
            }
            // dotted abbreviations: a.m., U.S.
            while at(i) == '.' && at(i + 1).is_alphabetic() && !at(i + 2).is_alphabetic() {
                i += 2;
            }
            if at(i) == '.' {
                let word: String = bytes[begin..=i].iter().map(|b| b.1).collect::<String>();
                if word.contains("..") {
                } else if word[..word.len() - 1].contains('.')
                    || lexicon.contains(&word.to_lowercase())
                {
                    i += 1;
                }
            }
            // o'clock
            if is_apostrophe(at(i)) {
                let word: String = bytes[begin..i].iter().map(|b| b.1).collect();
                if word.eq_ignore_ascii_case("o") && at(i + 1).is_alphabetic() {
                    i += 1;
                    while i < n && at(i).is_alphabetic() {
                        i += 1;
                    }
                }
            }
        } else {
            i += 1;
        }
        let (start, end) = (offset(begin), offset(i));
        let surface = &text[start..end];
        let lower = surface.to_lowercase().replace('’', "'");
        let capital = surface.chars().next().is_some_and(char::is_uppercase);
        let mut tok = Tok {
            start,
            end,
            lower,
            capital,
            after_newline: newline,
            classes: Vec::new(),
        };
        newline = false;
        classify(&mut tok, lexicon, ids);
        tokens.push(tok);
    }
    tokens
}

fn classify(tok: &mut Tok, lexicon: &Lexicon, ids: &ShapeIds) {
    for entry in lexicon.lookup(&tok.lower) {
        if entry.needs_capital && !tok.capital {
            continue;
        }
        tok.classes.push((entry.class, entry.value.clone()));
        if Some(entry.class) == ids.ordw {
            tok.classes.push((ids.day, entry.value.clone()));
        }
    }
    let word = tok.lower.as_str();
    if word == "'s" {
        tok.classes.push((ids.poss, String::new()));
        return;
    }
    let first = word.chars().next().unwrap_or(' ');
    if first == '\'' {
        // '91 or '90s
        let digits = &word[1..3.min(word.len())];
        if word.ends_with('s') {
            tok.classes.push((ids.decade, format!("'{}", &digits[..1])));
        } else {
            tok.classes.push((ids.year, format!("'{digits}")));
        }
        return;
    }
    if !first.is_ascii_digit() {
        return;
    }
    if word.bytes().all(|b| b.is_ascii_digit()) {
        tok.classes.push((ids.num, word.to_string()));
        let value: u32 = word.parse().unwrap_or(u32::MAX);
        if word.len() == 4 && (1000..3000).contains(&value) {
            tok.classes.push((ids.year, word.to_string()));
        }
        if word.len() <= 2 && (1..=31).contains(&value) {
            tok.classes.push((ids.day, value.to_string()));
        }
        return;
    }
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(digits) = word.strip_suffix(suffix) {
            if let Ok(value) = digits.parse::<u32>() {
                tok.classes.push((ids.ord, value.to_string()));
                if (1..=31).contains(&value) {
                    tok.classes.push((ids.day, value.to_string()));
                }
            }
            return;
        }
    }
    let plain = word.trim_end_matches("'s").trim_end_matches('s');
    if plain.len() < word.len() && plain.bytes().all(|b| b.is_ascii_digit()) && plain.ends_with('0')
    {
        // 1990s, 90s, 1800s
        if plain.len() == 4 {
            tok.classes.push((ids.decade, plain[..3].to_string()));
        } else if plain.len() == 2 {
            tok.classes.push((ids.decade, format!("'{}", &plain[..1])));
        }
        return;
    }
    let parts: Vec<&str> = word.split(['-', '/', ':', '.']).collect();
    if word.contains(':') && parts.len() == 2 && parts[0].len() <= 2 && parts[1].len() == 2 {
        tok.classes.push((ids.clock, word.to_string()));
    } else if word.contains('-') && parts.len() == 3 && parts[0].len() == 4 {
        tok.classes.push((ids.iso, word.to_string()));
    } else if word.contains('/') && parts.len() == 3 {
        tok.classes.push((ids.slash, word.to_string()));
    } else if word.contains(',') && word.replace(',', "").bytes().all(|b| b.is_ascii_digit()) {
        tok.classes.push((ids.num, word.replace(',', "")));
    }
}
