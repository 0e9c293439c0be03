//! PETRARCH records files: `<Sentence>` records with their text, date and expected
//! `<EventCoding>` triples, and the `<Config option=... value=...>` settings between them.
//!
//! The reader is lenient, as the files demand: unclosed tags, records without `<Text>`
//! (the sentence is the bare text before the parse tree) and records inside `<!-- -->`
//! comments (ignored).

use std::path::Path;

use crate::coder::Settings;
use crate::dictionary::text::parse_record_date;
use crate::Error;

/// An expected (source, target, code) triple.
pub type Triple = (String, String, String);

/// One record.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The `id` attribute.
    pub id: String,
    /// The `category` attribute (else `?`).
    pub category: String,
    /// The `date` attribute as YYYYMMDD.
    pub date: Option<u32>,
    /// The sentence text.
    pub text: String,
    /// Expected triples.
    pub gold: Vec<Triple>,
    /// `noevents="True"`: nothing should be coded.
    pub noevents: bool,
    /// `error="..."`: the record should be discarded.
    pub error: Option<String>,
    /// The settings in force for this record.
    pub settings: Settings,
    /// The record's own parse tree has unbalanced brackets: PETRARCH rejects such input,
    /// and so does the evaluation (the tree is otherwise not read).
    pub malformed: bool,
}

/// Whether a record body's `<Parse>` tree has unbalanced parentheses.
fn malformed_parse(body: &str) -> bool {
    let Some(open) = body.find("<Parse>") else {
        return false;
    };
    let inner = &body[open + 7..];
    let Some(end) = inner.find("</Parse>") else {
        return false;
    };
    let tree = &inner[..end];
    let mut depth = 0i64;
    for c in tree.chars() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth < 0 {
                    return true;
                }
            }
            _ => {}
        }
    }
    depth != 0
}

/// The `key="value"` attributes of a tag's inside.
pub fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq]
            .trim_end()
            .rsplit(|c: char| c.is_whitespace() || c == '<')
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        let after = rest[eq + 1..].trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => match after[1..].find(q) {
                Some(end) => (&after[1..1 + end], &after[end + 2..]),
                None => (&after[1..], ""),
            },
            _ => {
                let end = after
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        if !key.is_empty() {
            out.push((key, value.to_string()));
        }
        rest = next;
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v.as_str())
}

fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start..].find("-->") {
            Some(end) => rest = &rest[start + end + 3..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

/// The sentence text of a record body.
fn record_text(body: &str) -> String {
    if let Some(open) = body.find("<Text>") {
        let inner = &body[open + 6..];
        let end = inner.find("</Text>").unwrap_or(inner.len());
        return inner[..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
    }
    // No <Text>: the lines before the parse tree that are not tags.
    let mut words = Vec::new();
    for line in body.lines() {
        let t = line.trim();
        if t.starts_with('(') || t.starts_with("<Parse") {
            break;
        }
        if t.starts_with('<') || t.is_empty() {
            continue;
        }
        // TABARI-style text lines may start with `>`.
        words.extend(t.trim_start_matches('>').split_whitespace());
    }
    words.join(" ")
}

fn apply_config(settings: &mut Settings, option: &str, value: &str) {
    let flag = value.trim().eq_ignore_ascii_case("true");
    let num = value.trim().parse::<usize>().ok();
    match option.trim().to_lowercase().as_str() {
        "require_dyad" => settings.require_dyad = flag,
        "new_actor_length" => settings.new_actor_length = num.unwrap_or(0),
        "comma_min" => settings.comma_min = num.unwrap_or(settings.comma_min),
        "comma_max" => settings.comma_max = num.unwrap_or(settings.comma_max),
        "comma_bmin" => settings.comma_bmin = num.unwrap_or(settings.comma_bmin),
        "comma_bmax" => settings.comma_bmax = num.unwrap_or(settings.comma_bmax),
        "comma_emin" => settings.comma_emin = num.unwrap_or(settings.comma_emin),
        "comma_emax" => settings.comma_emax = num.unwrap_or(settings.comma_emax),
        _ => {}
    }
}

/// Reads the records of a records file's text.
pub fn parse_records(text: &str) -> Vec<Record> {
    let text = strip_comments(text);
    let mut settings = Settings::default();
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        let next_config = text[pos..].find("<Config").map(|i| i + pos);
        let next_sentence = text[pos..].find("<Sentence ").map(|i| i + pos);
        match (next_config, next_sentence) {
            (Some(c), s) if s.is_none_or(|s| c < s) => {
                let end = text[c..].find('>').map(|e| c + e).unwrap_or(text.len());
                let attrs = attributes(&text[c + 7..end]);
                if let (Some(o), Some(v)) = (attr(&attrs, "option"), attr(&attrs, "value")) {
                    apply_config(&mut settings, o, v);
                }
                pos = end;
            }
            (_, Some(s)) => {
                let tag_end = text[s..].find('>').map(|e| s + e).unwrap_or(text.len());
                let attrs = attributes(&text[s + 9..tag_end]);
                let rest = &text[tag_end.min(text.len())..];
                let body_end = [
                    rest.find("</Sentence>"),
                    rest.find("<Sentence "),
                    rest.find("<Config"),
                ]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(rest.len());
                let body = &rest[..body_end];
                out.push(record(&attrs, body, &settings));
                pos = tag_end + body_end;
            }
            (None, None) => break,
            (Some(_), None) => unreachable!("covered by the first arm"),
        }
    }
    out
}

fn record(attrs: &[(String, String)], body: &str, settings: &Settings) -> Record {
    let mut gold = Vec::new();
    let mut noevents = false;
    let mut error = None;
    let mut rest = body;
    while let Some(i) = rest.find("<EventCoding") {
        let end = rest[i..].find('>').map(|e| i + e).unwrap_or(rest.len());
        let a = attributes(&rest[i + 12..end]);
        if attr(&a, "noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
            noevents = true;
        } else if let Some(e) = attr(&a, "error") {
            error = Some(e.to_string());
        } else if let Some(code) = attr(&a, "eventcode") {
            let t = (
                attr(&a, "sourcecode").unwrap_or("").trim().to_string(),
                attr(&a, "targetcode").unwrap_or("").trim().to_string(),
                code.trim().to_string(),
            );
            if !gold.contains(&t) {
                gold.push(t);
            }
        }
        rest = &rest[end..];
    }
    Record {
        id: attr(attrs, "id").unwrap_or("").to_string(),
        category: attr(attrs, "category")
            .or_else(|| attr(attrs, "source"))
            .unwrap_or("?")
            .to_string(),
        date: attr(attrs, "date").and_then(parse_record_date),
        text: record_text(body),
        gold,
        noevents,
        error,
        settings: settings.clone(),
        malformed: malformed_parse(body),
    }
}

/// Reads a records file.
pub fn read_records(path: &Path) -> Result<Vec<Record>, Error> {
    let bytes = std::fs::read(path).map_err(|cause| Error::Io {
        path: path.to_path_buf(),
        cause,
    })?;
    let text = String::from_utf8_lossy(&bytes);
    let records = parse_records(&text);
    if records.is_empty() {
        return Err(Error::NoRecords(path.to_path_buf()));
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_configs_and_bare_text() {
        let text = r#"<Sentences>
<!-- <Sentence id="X-0" category="X"> commented out </Sentence> -->
<Sentence date="19950101" id="A-1" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor restored
ties with Gondor.
</Text>
<Parse>(ROOT (S))</Parse>
</Sentence>
<Config option="require_dyad" value="False"></Config>
<Config option="comma_emax" value="0"></Config>
<Sentence date="19950102" id="B-2" category="PATTERN" valid="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="111">
Arnor rejected Gondor.
(ROOT
  (S (NP (NNP Arnor))))
<Sentence date="19950103" id="C-3" category="DEMO">
<EventCoding noevents="True"></EventCoding>
<Text>Nothing.</Text>
</Sentence>"#;
        let r = parse_records(text);
        assert_eq!(r.len(), 3);
        assert!(!r[0].malformed);
        let bad =
            parse_records("<Sentence id=\"E\"><Text>x</Text><Parse>(ROOT (S)</Parse></Sentence>");
        assert!(bad[0].malformed);
        assert_eq!(r[0].id, "A-1");
        assert_eq!(r[0].text, "Arnor restored ties with Gondor.");
        assert_eq!(r[0].date, Some(19950101));
        assert!(r[0].settings.require_dyad);
        assert_eq!(r[1].text, "Arnor rejected Gondor.");
        assert_eq!(r[1].gold, vec![("ARN".into(), "GON".into(), "111".into())]);
        assert!(!r[1].settings.require_dyad);
        assert_eq!(r[1].settings.comma_emax, 0);
        assert!(r[2].noevents && r[2].gold.is_empty());
    }

    #[test]
    fn attributes_are_lenient() {
        let a = attributes(r#" option = "comma_min" value='3' bare=x>"#);
        assert_eq!(a[0], ("option".into(), "comma_min".into()));
        assert_eq!(a[1].1, "3");
        assert_eq!(a[2], ("bare".into(), "x".into()));
    }
}
