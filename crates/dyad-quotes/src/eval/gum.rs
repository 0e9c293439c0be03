//! Reading the GUM Wikinews attribution data: token files (`xml/`) and eRST trees (`rst/`).
use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result};

/// One GUM document rebuilt as running text, with its gold attributions and quotes.
#[derive(Debug, Clone)]
pub struct GumDocument {
    /// Document name (`GUM_news_defector`).
    pub name: String,
    /// The text rebuilt from the tokens (paragraphs on their own lines).
    pub text: String,
    /// Byte span of each token in `text`.
    pub tokens: Vec<(usize, usize)>,
    /// Gold attribution relations.
    pub relations: Vec<GoldRelation>,
    /// Gold quotations (`<quote>` elements) as token ranges, with the relation giving their
    /// speaker, if any.
    pub quotes: Vec<GoldQuote>,
}

/// An attribution relation: the satellite (source and cue) and its content.
#[derive(Debug, Clone)]
pub struct GoldRelation {
    /// Token indices of the content, sorted.
    pub content: Vec<usize>,
    /// Token indices of the satellite (source and cue), sorted.
    pub satellite: Vec<usize>,
    /// Token indices of the source (from the `attribution_source` signal, else the satellite).
    pub source: Vec<usize>,
    /// Whether the satellite is an image credit ("Image: …").
    pub credit: bool,
}

/// A `<quote>` element.
#[derive(Debug, Clone)]
pub struct GoldQuote {
    /// First token index.
    pub first: usize,
    /// One past the last token index.
    pub end: usize,
    /// Index into [`GumDocument::relations`] of the relation attributing it.
    pub relation: Option<usize>,
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

const BLOCKS: &[&str] = &[
    "p", "head", "sp", "item", "caption", "figure", "list", "quote",
];
const NO_SPACE_BEFORE: &[&str] = &[
    ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "n't", "n’t", "''",
];
const NO_SPACE_AFTER: &[&str] = &["(", "[", "{", "$", "#", "``"];

/// Loads one document from the `xml/` and `rst/` files of `dir`.
pub fn load_document(dir: &Path, name: &str) -> Result<GumDocument> {
    let xml_path = dir.join("xml").join(format!("{name}.xml"));
    let xml = read(&xml_path)?;
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut quotes = Vec::new();
    let mut quote_open: Option<usize> = None;
    let mut block_break = false;
    let mut in_word = false;
    let mut word_started = false;
    let mut straight_open = false;
    for line in xml.lines() {
        if let Some(tag) = line.strip_prefix('<') {
            let closing = tag.starts_with('/');
            let name_part: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if BLOCKS.contains(&name_part.as_str())
                && (name_part != "quote" || tag.contains("block"))
            {
                block_break = true;
            }
            match (name_part.as_str(), closing) {
                ("w", false) => {
                    in_word = true;
                    word_started = false;
                }
                ("w", true) => in_word = false,
                ("quote", false) => quote_open = Some(tokens.len()),
                ("quote", true) => {
                    if let Some(first) = quote_open.take() {
                        if first < tokens.len() {
                            quotes.push(GoldQuote {
                                first,
                                end: tokens.len(),
                                relation: None,
                            });
                        }
                    }
                }
                _ => {}
            }
            continue;
        }
        let word = unescape(line.split('\t').next().unwrap_or(""));
        if word.is_empty() {
            continue;
        }
        let prev = tokens
            .last()
            .map(|&(s, e): &(usize, usize)| text[s..e].to_string());
        let sep = if prev.is_none() {
            ""
        } else if block_break {
            straight_open = false;
            "\n"
        } else if in_word && word_started {
            ""
        } else if word == "\"" {
            if straight_open {
                ""
            } else {
                " "
            }
        } else if NO_SPACE_BEFORE.contains(&word.as_str())
            || ((word.starts_with('\'') || word.starts_with('’'))
                && word.len() <= 4
                && word.len() > 1)
            || prev.as_deref().is_some_and(|p| NO_SPACE_AFTER.contains(&p))
            || (prev.as_deref() == Some("\"") && straight_open)
        {
            ""
        } else {
            " "
        };
        if word == "\"" {
            straight_open = !straight_open;
        }
        text.push_str(sep);
        let start = text.len();
        text.push_str(&word);
        tokens.push((start, text.len()));
        block_break = false;
        if in_word {
            word_started = true;
        }
    }
    let rst_path = dir.join("rst").join(format!("{name}.rs4"));
    let relations = read_relations(&rst_path, &read(&rst_path)?, &text, &tokens)?;
    for q in &mut quotes {
        q.relation = speaker_relation(&relations, q.first, q.end);
    }
    Ok(GumDocument {
        name: name.to_string(),
        text,
        tokens,
        relations,
        quotes,
    })
}

fn attr<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let pat = format!(" {key}=\"");
    let from = line.find(&pat)? + pat.len();
    let len = line[from..].find('"')?;
    Some(&line[from..from + len])
}

fn read_relations(
    path: &Path,
    rst: &str,
    text: &str,
    tokens: &[(usize, usize)],
) -> Result<Vec<GoldRelation>> {
    // node id -> (parent, relname); segment id -> token range
    let mut parent: HashMap<u32, (Option<u32>, String)> = HashMap::new();
    let mut range: HashMap<u32, (usize, usize)> = HashMap::new();
    let mut segments: Vec<(u32, usize)> = Vec::new();
    let mut sources: HashMap<u32, Vec<usize>> = HashMap::new();
    for line in rst.lines() {
        let line = line.trim();
        let id = attr(line, "id").and_then(|v| v.parse::<u32>().ok());
        if line.starts_with("<segment ") || line.starts_with("<group ") {
            let Some(id) = id else { continue };
            let p = attr(line, "parent").and_then(|v| v.parse().ok());
            parent.insert(id, (p, attr(line, "relname").unwrap_or("").to_string()));
            if line.starts_with("<segment ") {
                let body = line.split_once('>').map_or("", |(_, b)| b);
                let body = body.strip_suffix("</segment>").unwrap_or(body);
                segments.push((id, body.split(' ').filter(|w| !w.is_empty()).count()));
            }
        } else if line.starts_with("<signal ")
            && attr(line, "subtype") == Some("attribution_source")
        {
            let Some(src) = attr(line, "source").and_then(|v| v.parse().ok()) else {
                continue;
            };
            let toks = attr(line, "tokens").unwrap_or("");
            let list = sources.entry(src).or_default();
            list.extend(
                toks.split(',')
                    .filter_map(|t| t.parse::<usize>().ok())
                    .map(|t| t - 1),
            );
        }
    }
    segments.sort_by_key(|&(id, _)| id);
    let mut at = 0;
    for (id, n) in segments {
        range.insert(id, (at, at + n));
        at += n;
    }
    if at != tokens.len() {
        return Err(Error::Data {
            path: path.to_path_buf(),
            message: format!("{at} segment tokens for {} xml tokens", tokens.len()),
        });
    }
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    for (&id, (p, _)) in &parent {
        if let Some(p) = p {
            children.entry(*p).or_default().push(id);
        }
    }
    let descendants = |root: u32| -> Vec<u32> {
        let mut out = vec![root];
        let mut stack = vec![root];
        while let Some(n) = stack.pop() {
            for &c in children.get(&n).map(Vec::as_slice).unwrap_or(&[]) {
                out.push(c);
                stack.push(c);
            }
        }
        out
    };
    let token_set = |nodes: &[u32]| -> Vec<usize> {
        let mut out: Vec<usize> = nodes
            .iter()
            .filter_map(|n| range.get(n))
            .flat_map(|&(a, b)| a..b)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    let mut ids: Vec<&u32> = parent.keys().collect();
    ids.sort();
    let mut relations = Vec::new();
    for &id in ids {
        let (Some(p), rel) = &parent[&id] else {
            continue;
        };
        if !rel.starts_with("attribution") {
            continue;
        }
        let sat_nodes = descendants(id);
        let satellite = token_set(&sat_nodes);
        let content_nodes: Vec<u32> = descendants(*p)
            .into_iter()
            .filter(|n| !sat_nodes.contains(n))
            .collect();
        let content = token_set(&content_nodes);
        let source = sources
            .get(&id)
            .cloned()
            .filter(|s| !s.is_empty())
            .unwrap_or(satellite.clone());
        let credit = satellite.first().is_some_and(|&t| {
            matches!(
                text[tokens[t].0..tokens[t].1].to_lowercase().as_str(),
                "image" | "photo"
            )
        });
        if !content.is_empty() {
            relations.push(GoldRelation {
                content,
                satellite,
                source,
                credit,
            });
        }
    }
    Ok(relations)
}

/// The relation whose content covers most of a quote (at least half), the narrowest on ties.
fn speaker_relation(relations: &[GoldRelation], first: usize, end: usize) -> Option<usize> {
    let len = end - first;
    relations
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let covered = r.content.iter().filter(|&&t| t >= first && t < end).count();
            (i, covered, r.content.len())
        })
        .filter(|&(_, covered, _)| covered * 2 >= len && covered > 0)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|(i, _, _)| i)
}

/// Names of the documents in `dir/xml`, sorted.
pub fn document_names(dir: &Path) -> Result<Vec<String>> {
    let xml = dir.join("xml");
    let entries = std::fs::read_dir(&xml).map_err(|source| Error::Io {
        path: xml.clone(),
        source,
    })?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".xml"))
                .map(str::to_string)
        })
        .collect();
    names.sort();
    Ok(names)
}
