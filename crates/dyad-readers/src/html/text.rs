//! The article text of a page: the content root, walked block by block.

use std::collections::{HashMap, HashSet};

use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node};

use super::boilerplate::{has_debris_name, is_furniture, is_link_list, text_and_link_chars};

/// Tags that start and end a block of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "body",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dd",
    "dt",
    "dl",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "tr",
    "table",
    "thead",
    "tbody",
    "address",
    "center",
    "hr",
    "details",
    "summary",
    "fieldset",
    "hgroup",
];

/// A candidate content root is taken when its text is at least this share of the body's.
const ROOT_MIN_SHARE: f64 = 0.25;

/// An element whose class names debris is kept anyway when it holds more than this share
/// of the root's text: a page-wide wrapper with an unlucky class name.
const DEBRIS_NAME_MAX_SHARE: f64 = 0.6;

/// Fewest characters of paragraph text that make a container the main text block.
const MAIN_BLOCK_MIN_CHARS: usize = 200;

/// The article text of `page`: blocks (paragraphs, headings, list items) separated by blank
/// lines, page furniture left out, and a first block equal to `title` dropped.
pub(crate) fn extract_text(page: &Html, title: Option<&str>) -> String {
    let (root, mut blocks) = content_root(page);
    let is_body = root.value().name() == "body";
    if let Some(candidate) = candidate_blocks(root) {
        // The best container must hold a fair part of the page's prose: a page whose
        // text is spread over many containers keeps the whole body. Inside an article
        // element, the container must hold most of it: it only trims what surrounds it.
        let (kept, all) = (text_len(&candidate), text_len(&blocks));
        let take = if is_body {
            kept as f64 >= CANDIDATE_MIN_SHARE * all as f64 || kept >= CANDIDATE_ENOUGH_CHARS
        } else {
            kept as f64 >= CANDIDATE_MIN_SHARE_IN_ROOT * all as f64
        };
        if take {
            blocks = candidate;
        }
    }
    trim_tail(&mut blocks);
    if let (Some(first), Some(title)) = (blocks.first(), title) {
        if same_words(first, title) {
            blocks.remove(0);
        }
    }
    blocks.join("\n\n")
}

/// The element holding the article: the largest `itemprop=articleBody`, else the largest
/// `<article>`, else `<main>`, when it holds a fair share of the body's text; else `<body>`.
/// Returned with its text blocks.
fn content_root(page: &Html) -> (ElementRef<'_>, Vec<String>) {
    let body = page
        .select(selector!("body"))
        .next()
        .unwrap_or_else(|| page.root_element());
    let body_blocks = walk_blocks(body);
    let body_len = text_len(&body_blocks);
    let groups = [
        selector!("[itemprop=articleBody]"),
        selector!("article"),
        selector!("main, [role=main]"),
    ];
    for group in groups {
        let best = page
            .select(group)
            .map(|el| {
                let blocks = walk_blocks(el);
                (text_len(&blocks), el, blocks)
            })
            .max_by_key(|(len, _, _)| *len);
        if let Some((len, el, blocks)) = best {
            if len > 0 && len as f64 >= ROOT_MIN_SHARE * body_len as f64 {
                return (el, blocks);
            }
        }
    }
    (body, body_blocks)
}

/// The best paragraph container replaces the body when it holds at least this share of the
/// body's text ...
const CANDIDATE_MIN_SHARE: f64 = 0.3;

/// ... or at least this many bytes of text.
const CANDIDATE_ENOUGH_CHARS: usize = 2000;

/// Within an article (or `main`) element, the best paragraph container replaces it when it
/// holds at least this share of its text.
const CANDIDATE_MIN_SHARE_IN_ROOT: f64 = 0.8;

/// Shortest paragraph that scores its containers, in characters.
const MIN_SCORED_CHARS: usize = 25;

/// A sibling of the best container joins it when its own score is at least this share of
/// the best score.
const SIBLING_SHARE: f64 = 0.2;

/// A sibling of the best container with this much text, little of it in links, joins it.
const SIBLING_MIN_CHARS: usize = 80;

/// The container whose paragraphs hold the
/// most prose (each paragraph scores its parent fully and its grandparent half, by length
/// and commas; a container's score shrinks with the share of its text in links), with those
/// of its siblings that score well too or are long paragraphs of their own. `None` when no
/// paragraph scores.
fn candidate_blocks(body: ElementRef<'_>) -> Option<Vec<String>> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let mut order: Vec<NodeId> = Vec::new();
    for p in body.select(selector!("p, pre, td, blockquote")) {
        let chars: usize = p.text().map(|t| t.trim().chars().count()).sum();
        if chars < MIN_SCORED_CHARS {
            continue;
        }
        let commas = p
            .text()
            .map(|t| t.matches([',', '，', '、']).count())
            .sum::<usize>();
        let score = 1.0 + commas as f64 + (chars as f64 / 100.0).min(3.0);
        let mut ancestors = p.ancestors().filter_map(ElementRef::wrap);
        for share in [1.0, 0.5] {
            let Some(a) = ancestors.next() else { break };
            let entry = scores.entry(a.id()).or_insert_with(|| {
                order.push(a.id());
                0.0
            });
            *entry += score * share;
        }
    }
    let tree = body.tree();
    let mut best: Option<(NodeId, f64)> = None;
    let mut adjusted: HashMap<NodeId, f64> = HashMap::new();
    for id in order {
        let Some(el) = tree.get(id).and_then(ElementRef::wrap) else {
            continue;
        };
        if is_furniture(el.value()) {
            continue;
        }
        let (total, linked) = text_and_link_chars(el);
        let density = if total > 0 {
            linked as f64 / total as f64
        } else {
            1.0
        };
        let mut score = scores[&id] * (1.0 - density);
        if has_debris_name(el.value()) {
            score *= 0.3;
        }
        adjusted.insert(id, score);
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((id, score));
        }
    }
    let (top_id, top_score) = best?;
    let top = tree.get(top_id).and_then(ElementRef::wrap)?;
    let Some(parent) = top.parent().and_then(ElementRef::wrap) else {
        return Some(walk_blocks(top));
    };
    let threshold = (top_score * SIBLING_SHARE).max(10.0);
    let mut blocks = Vec::new();
    for child in parent.children() {
        let Some(el) = ElementRef::wrap(child) else {
            continue;
        };
        if is_furniture(el.value()) || (el.id() != top_id && has_debris_name(el.value())) {
            continue;
        }
        let joins =
            el.id() == top_id || adjusted.get(&el.id()).is_some_and(|s| *s >= threshold) || {
                let (total, linked) = text_and_link_chars(el);
                let density = if total > 0 {
                    linked as f64 / total as f64
                } else {
                    1.0
                };
                let heading = matches!(el.value().name(), "h2" | "h3" | "h4" | "h5" | "h6");
                (total > SIBLING_MIN_CHARS && density < 0.25) || (heading && density < 0.5)
            };
        if joins {
            blocks.extend(walk_blocks_of(el));
        }
    }
    Some(blocks)
}

/// The blocks of an element itself: those of its children, or its own text as one block.
fn walk_blocks_of(el: ElementRef<'_>) -> Vec<String> {
    let blocks = walk_blocks(el);
    if BLOCK_TAGS.contains(&el.value().name()) || blocks.len() <= 1 {
        return blocks;
    }
    vec![blocks.join(" ")]
}

/// Trailing blocks shorter than this, not ending a sentence, are page furniture that
/// followed the article ("Mehr zum Thema", "Print", a credit line).
const TAIL_MAX_CHARS: usize = 100;

/// Drop short unpunctuated blocks from the end of the article (one block always stays).
fn trim_tail(blocks: &mut Vec<String>) {
    while blocks.len() > 1 {
        let last = blocks[blocks.len() - 1].trim_end();
        let core = last.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '«', '“']);
        let sentence = core.ends_with(['.', '!', '?', '…', ':']);
        if last.chars().count() < TAIL_MAX_CHARS && !sentence {
            blocks.pop();
        } else {
            break;
        }
    }
}

fn text_len(blocks: &[String]) -> usize {
    blocks.iter().map(String::len).sum()
}

/// Whether two strings hold the same words, ignoring case and punctuation.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let a = words(a);
    !a.is_empty() && a == words(b)
}

/// The text blocks under `root`, in document order.
fn walk_blocks(root: ElementRef<'_>) -> Vec<String> {
    let (root_chars, _) = text_and_link_chars(root);
    let mut walker = Walker {
        blocks: Vec::new(),
        current: String::new(),
        pending_space: false,
        in_pre: 0,
        max_debris_chars: (root_chars as f64 * DEBRIS_NAME_MAX_SHARE) as usize,
        protected: main_block_ancestors(root),
    };
    for child in root.children() {
        walker.walk(child);
    }
    walker.flush();
    walker.blocks
}

/// The main text block (the element whose `<p>` children hold the most text) and its
/// ancestors up to `root`: never dropped for their class names ("with-sidebar" wrappers).
fn main_block_ancestors(root: ElementRef<'_>) -> HashSet<NodeId> {
    // Parents in document order, with the paragraph text each holds.
    let mut index: HashMap<NodeId, usize> = HashMap::new();
    let mut parents: Vec<(NodeId, usize)> = Vec::new();
    for p in root.select(selector!("p")) {
        let Some(parent) = p.parent() else { continue };
        let chars = p.text().map(|t| t.trim().chars().count()).sum::<usize>();
        let at = *index.entry(parent.id()).or_insert_with(|| {
            parents.push((parent.id(), 0));
            parents.len() - 1
        });
        parents[at].1 += chars;
    }
    // The first of the largest.
    let mut best: Option<(NodeId, usize)> = None;
    for &(id, chars) in &parents {
        if best.is_none_or(|(_, most)| chars > most) {
            best = Some((id, chars));
        }
    }
    let Some((main, chars)) = best else {
        return HashSet::new();
    };
    if chars < MAIN_BLOCK_MIN_CHARS {
        return HashSet::new();
    }
    let mut protected = HashSet::new();
    let mut node = root.tree().get(main);
    while let Some(n) = node {
        protected.insert(n.id());
        if n.id() == root.id() {
            break;
        }
        node = n.parent();
    }
    protected
}

struct Walker {
    protected: HashSet<NodeId>,
    blocks: Vec<String>,
    current: String,
    pending_space: bool,
    in_pre: usize,
    max_debris_chars: usize,
}

impl Walker {
    fn walk(&mut self, node: NodeRef<'_, Node>) {
        match node.value() {
            Node::Text(text) => self.push_text(text),
            Node::Element(element) => {
                let Some(el) = ElementRef::wrap(node) else {
                    return;
                };
                if is_furniture(element) || is_link_list(el) || self.is_named_debris(el) {
                    return;
                }
                match element.name() {
                    "br" => self.line_break(),
                    "td" | "th" => {
                        self.pending_space = !self.current.is_empty();
                        self.walk_children(node);
                        self.pending_space = !self.current.is_empty();
                    }
                    name if BLOCK_TAGS.contains(&name) => {
                        self.flush();
                        let pre = name == "pre";
                        self.in_pre += usize::from(pre);
                        self.walk_children(node);
                        self.in_pre -= usize::from(pre);
                        self.flush();
                    }
                    _ => self.walk_children(node),
                }
            }
            _ => {}
        }
    }

    fn walk_children(&mut self, node: NodeRef<'_, Node>) {
        for child in node.children() {
            self.walk(child);
        }
    }

    /// A class or id naming debris, unless the element holds most of the text.
    fn is_named_debris(&self, el: ElementRef<'_>) -> bool {
        has_debris_name(el.value())
            && !self.protected.contains(&el.id())
            && text_and_link_chars(el).0 <= self.max_debris_chars
    }

    /// Inline text: whitespace runs collapse to one space (kept as is inside `<pre>`).
    fn push_text(&mut self, text: &str) {
        if self.in_pre > 0 {
            self.current.push_str(text);
            return;
        }
        for c in text.chars() {
            if c.is_whitespace() {
                self.pending_space = !self.current.is_empty() && !self.current.ends_with('\n');
            } else {
                if self.pending_space {
                    self.current.push(' ');
                    self.pending_space = false;
                }
                self.current.push(c);
            }
        }
    }

    /// `<br>`: a new line in the block; a second one in a row ends the block.
    fn line_break(&mut self) {
        if self.current.ends_with('\n') {
            self.flush();
        } else if !self.current.is_empty() {
            self.current.push('\n');
        }
        self.pending_space = false;
    }

    fn flush(&mut self) {
        let block = std::mem::take(&mut self.current);
        self.pending_space = false;
        let lines: Vec<&str> = block
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if !lines.is_empty() {
            self.blocks.push(lines.join("\n"));
        }
    }
}
