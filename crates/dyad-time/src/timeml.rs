//! TimeML in and out: the `--dct` date parser, writing tagged text as TimeML, and reading
//! the TEXT and TIMEX3s of a TimeML file.

use chrono::NaiveDate;
use dyad_types::{Timex, TimexType};

use crate::error::{Error, Result};

/// Parses a document date: `YYYY-MM-DD`, optionally followed by a time (`T…` or ` …`);
/// `YYYYMMDD` is accepted too. Anything else is an error.
pub fn parse_dct(s: &str) -> Result<NaiveDate> {
    let s = s.trim();
    let bad = || Error::BadDate(s.to_string());
    let date_part = s.split(['T', ' ']).next().unwrap_or("");
    if date_part.len() == 8 && date_part.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(date_part, "%Y%m%d").map_err(|_| bad());
    }
    let parts: Vec<&str> = date_part.split('-').collect();
    if parts.len() != 3
        || parts[0].len() != 4
        || parts[1].len() != 2
        || parts[2].len() != 2
        || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad());
    }
    NaiveDate::parse_from_str(date_part, "%Y-%m-%d").map_err(|_| bad())
}

/// The TimeML type name.
pub fn type_name(kind: TimexType) -> &'static str {
    match kind {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

/// Escapes text for XML content (`&`, `<`, `>`).
pub fn escape_text(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

fn escape_attr(text: &str) -> String {
    let mut out = String::new();
    escape_text(text, &mut out);
    out.replace('"', "&quot;")
}

/// Writes `text` with its time expressions as a TimeML document (DCT element when known,
/// TEXT element with inline TIMEX3s). Offsets are byte offsets into `text`; timexes that
/// overlap an earlier one are left out.
pub fn to_timeml(text: &str, timexes: &[Timex], dct: Option<NaiveDate>) -> String {
    let mut out = String::from("<?xml version=\"1.0\" ?>\n<TimeML>\n");
    if let Some(dct) = dct {
        let d = dct.format("%Y-%m-%d");
        out.push_str(&format!(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{d}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{d}</TIMEX3></DCT>\n"
        ));
    }
    out.push_str("<TEXT>");
    let mut last = 0;
    let mut sorted: Vec<&Timex> = timexes.iter().collect();
    sorted.sort_by_key(|t| (t.start, std::cmp::Reverse(t.end)));
    for (n, t) in sorted.into_iter().enumerate() {
        if t.start < last
            || t.end > text.len()
            || !text.is_char_boundary(t.start)
            || !text.is_char_boundary(t.end)
        {
            continue;
        }
        escape_text(&text[last..t.start], &mut out);
        out.push_str(&format!(
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\"",
            n + 1,
            type_name(t.kind),
            escape_attr(&t.value)
        ));
        if let Some(m) = &t.modifier {
            out.push_str(&format!(" mod=\"{}\"", escape_attr(m)));
        }
        out.push('>');
        escape_text(&text[t.start..t.end], &mut out);
        out.push_str("</TIMEX3>");
        last = t.end;
    }
    escape_text(&text[last..], &mut out);
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

/// A TIMEX3 read from gold data, with character offsets into the document's text.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldTimex {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// TimeML type as written.
    pub kind: String,
    /// TimeML value as written.
    pub value: String,
}

/// Decodes XML character references and the predefined entities.
pub fn decode_entities(raw: &str, out: &mut String) {
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[..rest.len().min(12)].find(';');
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ if name.starts_with("#x") || name.starts_with("#X") => {
                    u32::from_str_radix(&name[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// The value of attribute `name` in the inside of a tag.
pub fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = at == 0 || tag.as_bytes()[at - 1].is_ascii_whitespace();
        let after = tag[from..].trim_start();
        if !before_ok || !after.starts_with('=') {
            continue;
        }
        let after = after[1..].trim_start();
        let quote = after.chars().next()?;
        if quote != '"' && quote != '\'' {
            return None;
        }
        let value = &after[1..];
        let end = value.find(quote)?;
        let mut out = String::new();
        decode_entities(&value[..end], &mut out);
        return Some(out);
    }
    None
}

/// A TimeML document: its DCT, the text of its TEXT element with tags removed, and the
/// non-empty TIMEX3s inside TEXT (character offsets, whitespace trimmed as the TempEval-3
/// scorer does).
pub fn read_timeml(raw: &str) -> Result<(Option<NaiveDate>, String, Vec<GoldTimex>), String> {
    let mut dct = None;
    let mut search = 0;
    while let Some(i) = raw[search..].find("<TIMEX3") {
        let at = search + i;
        let close = raw[at..].find('>').ok_or("unclosed TIMEX3 tag")? + at;
        let tag = &raw[at..close];
        if attribute(tag, "functionInDocument")
            .is_some_and(|f| f.eq_ignore_ascii_case("CREATION_TIME"))
        {
            dct = attribute(tag, "value").and_then(|v| parse_dct(&v).ok());
            break;
        }
        search = close;
    }
    let begin = raw.find("<TEXT>").ok_or("no <TEXT> element")? + "<TEXT>".len();
    let end = raw[begin..].find("</TEXT>").ok_or("no </TEXT>")? + begin;
    let body = &raw[begin..end];
    let mut text = String::new();
    let mut chars = 0usize;
    let mut open: Vec<(usize, String, String)> = Vec::new();
    let mut spans = Vec::new();
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        let before = text.len();
        decode_entities(&rest[..lt], &mut text);
        chars += text[before..].chars().count();
        let gt = rest[lt..].find('>').ok_or("unclosed tag")? + lt;
        let tag = &rest[lt + 1..gt];
        if tag.starts_with("TIMEX3") && !tag.ends_with('/') {
            let kind = attribute(tag, "type").unwrap_or_default();
            let value = attribute(tag, "value").unwrap_or_default();
            open.push((chars, kind, value));
        } else if tag.starts_with("/TIMEX3") {
            if let Some((start, kind, value)) = open.pop() {
                spans.push((start, chars, kind, value));
            }
        }
        rest = &rest[gt + 1..];
    }
    decode_entities(rest, &mut text);
    let all: Vec<char> = text.chars().collect();
    let mut timexes = Vec::new();
    for (mut s, mut e, kind, value) in spans {
        while s < e && all[s].is_whitespace() {
            s += 1;
        }
        while e > s && all[e - 1].is_whitespace() {
            e -= 1;
        }
        if s < e {
            timexes.push(GoldTimex {
                start: s,
                end: e,
                kind,
                value,
            });
        }
    }
    timexes.sort_by_key(|t| (t.start, t.end));
    Ok((dct, text, timexes))
}
