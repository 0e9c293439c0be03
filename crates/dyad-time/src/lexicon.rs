//! Token classes: the word lists of `data/lexicon.tsv` plus classes read off a token's shape.

use std::collections::HashMap;

use crate::error::{Error, Result};

/// Identifier of a token class (`MONTH`, `WEEKDAY`, `NUM`…).
pub type ClassId = u16;

/// Classes given by a token's shape rather than by the word list.
pub const SHAPE_CLASSES: &[&str] = &[
    "NUM",
    "YEAR",
    "DAY",
    "ORD",
    "DECADE",
    "CLOCK",
    "ISODATE",
    "SLASHDATE",
    "POSS",
    "QTY",
];

/// Word → classes table with the names of all classes.
#[derive(Debug, Clone)]
pub struct Lexicon {
    names: Vec<String>,
    ids: HashMap<String, ClassId>,
    words: HashMap<String, Vec<Entry>>,
}

/// One class a word belongs to, with its value.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The class.
    pub class: ClassId,
    /// The value the word carries in that class (`11` for November, `W` for week).
    pub value: String,
    /// Whether the word must be capitalised to belong to the class.
    pub needs_capital: bool,
}

impl Lexicon {
    /// Parses a lexicon file (`word<TAB>CLASS<TAB>value[<TAB>cap]`, `#` comments).
    pub fn parse(source: &str, file: &'static str) -> Result<Lexicon> {
        let mut lexicon = Lexicon {
            names: Vec::new(),
            ids: HashMap::new(),
            words: HashMap::new(),
        };
        for name in SHAPE_CLASSES {
            lexicon.class_id(name);
        }
        for (index, line) in source.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() < 3 {
                return Err(Error::BadRule {
                    file,
                    line: index + 1,
                    message: "expected word, class and value".into(),
                });
            }
            let class = lexicon.class_id(fields[1]);
            let entry = Entry {
                class,
                value: fields[2].to_string(),
                needs_capital: fields.get(3) == Some(&"cap"),
            };
            lexicon
                .words
                .entry(fields[0].to_string())
                .or_default()
                .push(entry);
        }
        Ok(lexicon)
    }

    /// The id of a class name, creating it when new.
    pub fn class_id(&mut self, name: &str) -> ClassId {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as ClassId;
        self.names.push(name.to_string());
        self.ids.insert(name.to_string(), id);
        id
    }

    /// The id of an existing class.
    pub fn get_class(&self, name: &str) -> Option<ClassId> {
        self.ids.get(name).copied()
    }

    /// The classes of a lowercase word.
    pub fn lookup(&self, word: &str) -> &[Entry] {
        self.words.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether the word (lowercase, with its trailing dot) is listed.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains_key(word)
    }
}
