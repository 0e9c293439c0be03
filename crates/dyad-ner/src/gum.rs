//! Named entities from GUM's coreference annotation (`Entity=` in the MISC column).
//!
//! GUM marks every mention, named or not. A mention counts as a name when its syntactic
//! head is a proper noun (`NNP`/`NNPS`); the name is the run of proper nouns around the head
//! (joined by `of`, `and`, `&`, `de`), without leading titles. GUM types map to CoNLL classes:
//! person → PER, organization → ORG, place → LOC; named events, objects and abstractions
//! (CoNLL MISC or nothing) are marked [`IGNORED`].

use crate::corpus::{GoldDocument, GoldSentence};

struct Row {
    word: String,
    xpos: String,
    head: usize,
    entity: String,
}

/// The class name given to GUM names whose CoNLL class is unclear (MISC or nothing): the
/// trainer makes no updates on their tokens.
pub const IGNORED: &str = "IGNORE";

const TITLES: &[&str] = &[
    "President",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Prof.",
    "Professor",
    "Sen.",
    "Senator",
    "Gov.",
    "Governor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Saint",
    "St.",
    "Sir",
    "Lord",
    "Lady",
    "General",
    "Gen.",
    "Captain",
    "Judge",
    "Prime",
    "Minister",
    "Chancellor",
    "Rev.",
];

/// Reads GUM CoNLL-U text into documents with named spans.
pub fn read_gum(text: &str) -> Vec<GoldDocument> {
    let mut docs: Vec<GoldDocument> = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    for line in text.lines() {
        if line.starts_with("# newdoc") {
            finish(&mut docs, &mut rows);
            docs.push(Vec::new());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            finish(&mut docs, &mut rows);
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let entity = cols[9]
            .split('|')
            .find_map(|f| f.strip_prefix("Entity="))
            .unwrap_or("")
            .to_string();
        rows.push(Row {
            word: cols[1].to_string(),
            xpos: cols[4].to_string(),
            head: cols[6].parse().unwrap_or(0),
            entity,
        });
    }
    finish(&mut docs, &mut rows);
    docs.retain(|d| !d.is_empty());
    docs
}

fn finish(docs: &mut Vec<GoldDocument>, rows: &mut Vec<Row>) {
    if rows.is_empty() {
        return;
    }
    let mentions = mentions(rows);
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    // Outer mentions first, so that nested names inside a name are dropped.
    let mut ordered = mentions;
    ordered.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    for (start, end, kind) in ordered {
        let Some(class) = class_of(&kind) else {
            continue;
        };
        let Some((s, e)) = name_span(rows, start, end, class == "PER") else {
            continue;
        };
        if spans.iter().any(|&(a, b, _)| a < e && s < b) {
            continue;
        }
        spans.push((s, e, class.to_string()));
    }
    spans.sort();
    let words = rows.drain(..).map(|r| r.word).collect();
    if docs.is_empty() {
        docs.push(Vec::new());
    }
    if let Some(doc) = docs.last_mut() {
        doc.push(GoldSentence { words, spans });
    }
}

fn class_of(kind: &str) -> Option<&'static str> {
    match kind {
        "person" => Some("PER"),
        "organization" => Some("ORG"),
        "place" => Some("LOC"),
        "event" | "object" | "abstract" => Some(IGNORED),
        _ => None,
    }
}

/// Mentions `(start, end exclusive, type)` of a sentence from the bracket notation.
fn mentions(rows: &[Row]) -> Vec<(usize, usize, String)> {
    let mut open: Vec<(String, usize, String)> = Vec::new();
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let s = row.entity.as_str();
        let bytes = s.as_bytes();
        let mut pos = 0;
        while pos < bytes.len() {
            if bytes[pos] == b'(' {
                let rest = &s[pos + 1..];
                let len = rest.find(['(', ')']).unwrap_or(rest.len());
                let content = &rest[..len];
                let mut fields = content.split('-');
                let id = fields.next().unwrap_or("").to_string();
                let kind = fields.next().unwrap_or("").to_string();
                pos += 1 + len;
                if bytes.get(pos) == Some(&b')') {
                    out.push((i, i + 1, kind));
                    pos += 1;
                } else {
                    open.push((id, i, kind));
                }
            } else {
                let rest = &s[pos..];
                let len = rest.find(')').unwrap_or(rest.len());
                let id = &rest[..len];
                if let Some(k) = open.iter().rposition(|(oid, _, _)| oid == id) {
                    let (_, start, kind) = open.remove(k);
                    out.push((start, i + 1, kind));
                }
                pos += len + 1;
            }
        }
    }
    out
}

fn is_proper(row: &Row) -> bool {
    row.xpos == "NNP" || row.xpos == "NNPS"
}

/// The name inside mention `[start, end)`: the proper-noun run around its head.
fn name_span(rows: &[Row], start: usize, end: usize, person: bool) -> Option<(usize, usize)> {
    let head = (start..end).find(|&i| {
        let h = rows[i].head;
        h == 0 || h - 1 < start || h > end
    })?;
    if !is_proper(&rows[head]) {
        return None;
    }
    let connector = |i: usize| matches!(rows[i].word.as_str(), "of" | "and" | "&" | "de" | "-");
    let mut s = head;
    while s > start
        && (is_proper(&rows[s - 1])
            || (s >= start + 2 && connector(s - 1) && is_proper(&rows[s - 2])))
    {
        s -= if is_proper(&rows[s - 1]) { 1 } else { 2 };
    }
    let mut e = head + 1;
    while e < end
        && (is_proper(&rows[e]) || (e + 1 < end && connector(e) && is_proper(&rows[e + 1])))
    {
        e += if is_proper(&rows[e]) { 1 } else { 2 };
    }
    if person {
        while s + 1 < e && TITLES.contains(&rows[s].word.as_str()) {
            s += 1;
        }
    }
    Some((s, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_named_mentions() {
        let text = "# newdoc id = d\n\
1\tClaire\tClaire\tPROPN\tNNP\t_\t0\troot\t_\tEntity=(6-person-new-x-cf1-1-coref\n\
2\tRoss\tRoss\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=6)\n\
3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_\n\
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\tEntity=(7-organization-new-x-cf1-1-coref\n\
5\tUniversity\tUniversity\tPROPN\tNNP\t_\t1\tnmod\t_\t_\n\
6\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_\n\
7\tPortsmouth\tPortsmouth\tPROPN\tNNP\t_\t5\tnmod\t_\tEntity=(9-place-new-x-cf4-3-sgl)7)\n\
8\tbooks\tbook\tNOUN\tNNS\t_\t1\tobj\t_\tEntity=(10-object-new-x-cf4-3-sgl)\n\n";
        let docs = read_gum(text);
        assert_eq!(docs.len(), 1);
        let s = &docs[0][0];
        assert_eq!(
            s.spans,
            vec![(0, 2, "PER".to_string()), (4, 7, "ORG".to_string())]
        );
    }
}
