//! Full-text search over the evidence in PostgreSQL: the words as indexed and as queried,
//! both lowercase and without diacritics, so that a search ignores case and accents as
//! SQLite's FTS5 index (`remove_diacritics 2`) does.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The words of `text`: runs of letters and digits, lowercase, diacritics removed.
pub(crate) fn words(text: &str) -> Vec<String> {
    let folded: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The text whose `to_tsvector('simple', …)` indexes the evidence: its [`words`].
pub(crate) fn indexed_text(evidence: &str) -> String {
    words(evidence).join(" ")
}

/// A `to_tsquery('simple', …)` argument finding all the words and `"quoted phrases"` of
/// `text`; a trailing `*` makes a word a prefix. Only [`words`] reach the query, each
/// quoted, so no input is read as query syntax. `None` when `text` has no word.
pub(crate) fn tsquery(text: &str) -> Option<String> {
    let mut terms = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        let (term, after) = if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or(quoted.len());
            (&quoted[..end], quoted.get(end + 1..).unwrap_or(""))
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (&rest[..end], &rest[end..])
        };
        rest = after;
        let (term, prefix) = match term.strip_suffix('*') {
            Some(word) => (word, true),
            None => (term, false),
        };
        let words = words(term);
        if words.is_empty() {
            continue;
        }
        let last = words.len() - 1;
        let phrase: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(i, w)| format!("'{w}'{}", if prefix && i == last { ":*" } else { "" }))
            .collect();
        terms.push(format!("({})", phrase.join(" <-> ")));
    }
    (!terms.is_empty()).then(|| terms.join(" & "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_quote_every_word_and_fold_accents() {
        assert_eq!(tsquery("drug boats").unwrap(), "('drug') & ('boats')");
        assert_eq!(
            tsquery(r#" "Drug boat"  strike* "#).unwrap(),
            "('drug' <-> 'boat') & ('strike':*)"
        );
        assert_eq!(tsquery("Nicolás & ! ( )").unwrap(), "('nicolas')");
        assert_eq!(tsquery(" ( * ) "), None);
        assert_eq!(
            indexed_text("Nicolás Maduro's boats."),
            "nicolas maduro s boats"
        );
    }
}
