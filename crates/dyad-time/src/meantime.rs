//! Reading MEANTIME (NewsReader) token-based stand-off XML as text plus gold TIMEX3s.
//!
//! The text is rebuilt from the tokens (spaces between tokens, none before closing
//! punctuation). Sentence 0 is the title, sentence 1 the date line holding the document
//! creation time: it becomes the DCT and is left out of the text, as a TimeML DCT element is.
//! Only the first sentences of each article carry annotations; the text stops after the last
//! sentence with any annotation (entity, event or time), so unannotated sentences do not
//! count against precision.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::timeml::{attribute, decode_entities, parse_dct, GoldTimex};

struct Token {
    id: String,
    sentence: usize,
    text: String,
}

const NO_SPACE_BEFORE: &[&str] = &[
    ",", ".", ";", ":", "!", "?", ")", "]", "}", "'s", "'", "n't", "%", "'re", "'ve", "'ll", "'d",
    "'m", "''",
];
const NO_SPACE_AFTER: &[&str] = &["(", "[", "{", "$", "``"];

/// Parses one MEANTIME file into (DCT, text, gold timexes with character offsets).
pub fn read_meantime(raw: &str) -> Result<(Option<NaiveDate>, String, Vec<GoldTimex>), String> {
    let mut tokens = Vec::new();
    let mut rest = raw;
    while let Some(i) = rest.find("<token ") {
        rest = &rest[i..];
        let gt = rest.find('>').ok_or("unclosed token tag")?;
        let tag = &rest[..gt];
        let close = rest.find("</token>").ok_or("unclosed token")?;
        let mut text = String::new();
        decode_entities(&rest[gt + 1..close], &mut text);
        tokens.push(Token {
            id: attribute(tag, "t_id").ok_or("token without t_id")?,
            sentence: attribute(tag, "sentence")
                .and_then(|s| s.parse().ok())
                .unwrap_or(0),
            text,
        });
        rest = &rest[close..];
    }
    let mut timexes = Vec::new();
    let mut dct = None;
    let mut dct_tokens: Vec<String> = Vec::new();
    let mut rest = raw;
    while let Some(i) = rest.find("<TIMEX3") {
        rest = &rest[i..];
        let gt = rest.find('>').ok_or("unclosed TIMEX3 tag")?;
        let tag = &rest[..gt];
        if tag.ends_with('/') {
            rest = &rest[gt..];
            continue;
        }
        let close = rest.find("</TIMEX3>").ok_or("unclosed TIMEX3")?;
        let inner = &rest[gt..close];
        let ids: Vec<String> = inner
            .split("<token_anchor")
            .skip(1)
            .filter_map(|a| attribute(a, "t_id"))
            .collect();
        let kind = attribute(tag, "type").unwrap_or_default();
        let value = attribute(tag, "value").unwrap_or_default();
        if attribute(tag, "functionInDocument").as_deref() == Some("CREATION_TIME") {
            dct = parse_dct(&value)
                .ok()
                .or_else(|| NaiveDate::parse_from_str(&value, "%d-%m-%Y").ok());
            dct_tokens = ids;
        } else if !ids.is_empty() {
            timexes.push((ids, kind, value));
        }
        rest = &rest[close..];
    }
    // only the first sentences of each article are annotated: keep those
    let anchored: std::collections::HashSet<String> = raw[raw.find("<Markables").unwrap_or(0)..]
        .split("<token_anchor")
        .skip(1)
        .filter_map(|a| attribute(a, "t_id"))
        .collect();
    let last_sentence = tokens
        .iter()
        .filter(|t| anchored.contains(&t.id))
        .map(|t| t.sentence)
        .max()
        .unwrap_or(0);
    let dct_sentences: Vec<usize> = tokens
        .iter()
        .filter(|t| dct_tokens.contains(&t.id))
        .map(|t| t.sentence)
        .collect();
    let mut text = String::new();
    let mut chars = 0usize;
    let mut spans: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut previous: Option<&Token> = None;
    for token in &tokens {
        if dct_sentences.contains(&token.sentence) || token.sentence > last_sentence {
            continue;
        }
        if let Some(p) = previous {
            let sep = if p.sentence == 0 && token.sentence != 0 {
                "\n\n"
            } else if NO_SPACE_BEFORE.contains(&token.text.as_str())
                || NO_SPACE_AFTER.contains(&p.text.as_str())
            {
                ""
            } else {
                " "
            };
            text.push_str(sep);
            chars += sep.chars().count();
        }
        let start = chars;
        text.push_str(&token.text);
        chars += token.text.chars().count();
        spans.insert(&token.id, (start, chars));
        previous = Some(token);
    }
    let mut gold = Vec::new();
    for (ids, kind, value) in timexes {
        let positions: Vec<(usize, usize)> = ids
            .iter()
            .filter_map(|id| spans.get(id.as_str()).copied())
            .collect();
        if positions.len() != ids.len() {
            continue; // in the date line
        }
        let start = positions.iter().map(|p| p.0).min().unwrap_or(0);
        let end = positions.iter().map(|p| p.1).max().unwrap_or(0);
        gold.push(GoldTimex {
            start,
            end,
            kind,
            value,
        });
    }
    gold.sort_by_key(|t| (t.start, t.end));
    Ok((dct, text, gold))
}
