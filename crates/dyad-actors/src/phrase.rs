//! Multi-word phrase lookup over tokens.

use std::collections::HashMap;

/// Normalises a word for comparison: curly apostrophes become straight ones.
pub(crate) fn normalize(word: &str) -> String {
    word.replace('\u{2019}', "'")
}

/// Splits a dictionary form into words the way the segmenter splits text: on spaces, with a
/// possessive `'s` and surrounding brackets split off.
pub(crate) fn split_form(form: &str) -> Vec<String> {
    let mut words = Vec::new();
    for raw in form.split_whitespace() {
        let raw = normalize(raw);
        if let Some(stem) = raw.strip_suffix("'s").filter(|s| !s.is_empty()) {
            words.push(stem.to_string());
            words.push("'s".to_string());
        } else {
            words.push(raw);
        }
    }
    words
}

/// Phrases keyed by their first word, longest first, each with a value.
/// The spellings a form is looked up by: split at the hyphens inside its words, as the
/// segmenter splits "al-Qaeda" or "secretary-general", and as written, since it keeps some
/// hyphenated words whole ("co-chairman").
fn spellings(form: &str) -> Vec<String> {
    let inside = |w: &str| w.trim_matches('-').contains('-');
    if !form.split_whitespace().any(inside) {
        return vec![form.to_string()];
    }
    let words: Vec<String> = form
        .split_whitespace()
        .map(|w| {
            if inside(w) {
                w.split('-').collect::<Vec<_>>().join(" - ")
            } else {
                w.to_string()
            }
        })
        .collect();
    vec![words.join(" "), form.to_string()]
}

#[derive(Debug, Clone)]
pub(crate) struct PhraseIndex<V> {
    by_first: HashMap<String, Vec<(Vec<String>, V)>>,
    lowercase: bool,
}

impl<V: Clone> PhraseIndex<V> {
    /// An index comparing words exactly (`lowercase == false`) or case-insensitively.
    pub fn new(lowercase: bool) -> Self {
        PhraseIndex {
            by_first: HashMap::new(),
            lowercase,
        }
    }

    fn key(&self, word: &str) -> String {
        let word = normalize(word);
        if self.lowercase {
            word.to_lowercase()
        } else {
            word
        }
    }

    /// The keys of `form`'s words and its first word's, `None` for an empty form.
    fn phrase(&self, form: &str) -> Option<(String, Vec<String>)> {
        let words: Vec<String> = split_form(form).iter().map(|w| self.key(w)).collect();
        Some((words.first()?.clone(), words))
    }

    /// Adds `form` (later additions of the same form take precedence).
    pub fn insert(&mut self, form: &str, value: V) {
        for spelling in spellings(form) {
            self.insert_one(&spelling, value.clone());
        }
    }

    fn insert_one(&mut self, form: &str, value: V) {
        let Some((first, words)) = self.phrase(form) else {
            return;
        };
        let entries = self.by_first.entry(first).or_default();
        entries.retain(|(w, _)| *w != words);
        entries.push((words, value));
        entries.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }

    /// Adds `form` without ordering its bucket: for loading many forms at once, followed by
    /// [`PhraseIndex::finish`]. A form added twice keeps its first value.
    pub fn push(&mut self, form: &str, value: V) {
        for spelling in spellings(form) {
            self.push_one(&spelling, value.clone());
        }
    }

    fn push_one(&mut self, form: &str, value: V) {
        let Some((first, words)) = self.phrase(form) else {
            return;
        };
        self.by_first.entry(first).or_default().push((words, value));
    }

    /// Orders every bucket longest phrase first after [`PhraseIndex::push`]es.
    pub fn finish(&mut self) {
        for entries in self.by_first.values_mut() {
            entries.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
    }

    /// Whether text word `word` has the key `key`, without allocating.
    fn has_key(&self, key: &str, word: &str) -> bool {
        let chars = word.chars().map(|c| if c == '\u{2019}' { '\'' } else { c });
        if self.lowercase {
            key.chars().eq(chars.flat_map(char::to_lowercase))
        } else {
            key.chars().eq(chars)
        }
    }

    /// The longest phrase starting at `words[0]`: its length in words and its value.
    pub fn longest<'a>(&'a self, words: &[&str]) -> Option<(usize, &'a V)> {
        let first = self.key(words.first()?);
        let candidates = self.by_first.get(&first)?;
        candidates.iter().find_map(|(phrase, value)| {
            let matches = phrase.len() <= words.len()
                && phrase[1..]
                    .iter()
                    .zip(&words[1..])
                    .all(|(p, w)| self.has_key(p, w));
            matches.then_some((phrase.len(), value))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_wins() {
        let mut index = PhraseIndex::new(false);
        index.insert("United States", 1);
        index.insert("United States of America", 2);
        index.insert("United Nations", 3);
        let words = ["United", "States", "of", "America", "said"];
        assert_eq!(index.longest(&words), Some((4, &2)));
        assert_eq!(index.longest(&["United", "States", "said"]), Some((2, &1)));
        assert_eq!(index.longest(&["United", "Kingdom"]), None);
    }

    #[test]
    fn a_hyphenated_form_matches_whole_or_split_at_its_hyphens() {
        let mut names = PhraseIndex::new(false);
        names.insert("al-Qaeda", 1);
        names.push("Baden-Baden Club", 2);
        names.finish();
        assert_eq!(names.longest(&["al-Qaeda", "said"]), Some((1, &1)));
        assert_eq!(names.longest(&["al", "-", "Qaeda", "said"]), Some((3, &1)));
        assert_eq!(
            names.longest(&["Baden", "-", "Baden", "Club"]),
            Some((4, &2))
        );
        assert_eq!(names.longest(&["al", "Qaeda"]), None);
    }

    #[test]
    fn lowercase_index_ignores_case_and_curly_apostrophes() {
        let mut index = PhraseIndex::new(true);
        index.insert("Secretary of State", "GOV");
        assert_eq!(
            index.longest(&["secretary", "of", "state"]),
            Some((3, &"GOV"))
        );
        let mut names = PhraseIndex::new(false);
        names.insert("People's Republic of China", "CHN");
        assert_eq!(
            names.longest(&["People", "\u{2019}s", "Republic", "of", "China"]),
            Some((5, &"CHN"))
        );
    }
}
