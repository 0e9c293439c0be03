//! Attribution candidates read off the dependency parse: a cue, its speaker and its content.
use crate::cues::{CueClass, CueLexicon};
use crate::phrase::{mention, source_name};
use crate::tree::Tree;

/// How a candidate's content is tied to its cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Link {
    /// A clausal complement ("said that …", "said …").
    Complement {
        /// Introduced by "that", "if" or "whether".
        marked: bool,
    },
    /// The cue is a parenthetical or adverbial clause of its content ("…, he said",
    /// "as X pointed out, …").
    Parenthetical,
    /// "according to X, …".
    According,
    /// The cue ends its sentence with a colon; the content follows ("X addressed the threats:").
    Colon,
}

/// One attribution read off the parse.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// The cue's head token.
    pub(crate) cue: usize,
    /// The cue phrase as written.
    pub(crate) cue_text: String,
    /// Head of the speaker mention.
    pub(crate) speaker_head: Option<usize>,
    /// Token range of the speaker mention.
    pub(crate) speaker: Option<(usize, usize)>,
    /// Byte span of the content.
    pub(crate) content: (usize, usize),
    /// How content and cue are tied.
    pub(crate) link: Link,
    /// Sources named inside the speaker mention ("the sources who talked to the Herald").
    pub(crate) via: Vec<String>,
}

const COMPLEMENTIZERS: &[&str] = &["that", "if", "whether"];

/// Whether token `t` is a complementizer ("that", "if", "whether") introducing its head's
/// clause: attached as `mark`, or tagged SCONJ though the parser gave it another relation
/// ("told reporters that the strikes …" with "that" as `obj` of "continue").
fn is_complementizer(tree: &Tree, t: usize) -> bool {
    COMPLEMENTIZERS.contains(&tree.lemma(t).as_str())
        && (tree.deprel(t) == "mark" || tree.upos(t) == "SCONJ")
}

/// The complementizer introducing clause `c`, if any (a dependent before it).
fn complementizer_of(tree: &Tree, c: usize) -> Option<usize> {
    tree.children[c]
        .iter()
        .copied()
        .find(|&m| m < c && is_complementizer(tree, m))
}

/// All candidates of the document, in text order of their cue.
pub(crate) fn candidates(tree: &Tree, lexicon: &CueLexicon) -> Vec<Candidate> {
    let mut out = Vec::new();
    for v in 0..tree.len() {
        if let Some(c) = according_to(tree, v) {
            out.push(c);
            continue;
        }
        if !matches!(tree.upos(v), "VERB" | "AUX") && !tree.token(v).xpos.starts_with("VB") {
            continue;
        }
        let Some(entry) = lexicon.get(&tree.lemma(v)) else {
            continue;
        };
        let particle = tree.children_with(v, &["compound:prt"]).next();
        // "point out" needs its particle; "think out" is no cue.
        if particle.map(|t| tree.text(t).to_lowercase()) != entry.particle {
            continue;
        }
        let Some((content, link)) = content_of(tree, v, entry.class) else {
            continue;
        };
        let speaker_head = speaker_of(tree, v)
            .or_else(|| name_before(tree, v))
            .or_else(|| nearest_subject(tree, v));
        let speaker = speaker_head.map(|h| mention(tree, h));
        let via = speaker_head.map(|h| via_of(tree, h)).unwrap_or_default();
        out.push(Candidate {
            cue: v,
            cue_text: cue_text(tree, v, particle),
            speaker_head,
            speaker,
            content,
            link,
            via,
        });
    }
    out
}

fn content_of(tree: &Tree, v: usize, class: CueClass) -> Option<((usize, usize), Link)> {
    let mut complement: Vec<usize> = Vec::new();
    let mut marked = false;
    let speech = class == CueClass::Speech;
    for c in tree.children[v].iter().copied() {
        let rel = tree.deprel(c);
        let mark = complementizer_of(tree, c);
        let infinitive = tree
            .children_with(c, &["mark"])
            .any(|m| tree.lemma(m) == "to");
        let quoted = tree.subtree(c).iter().any(|&t| is_quote_mark(tree.text(t)));
        let takes = !infinitive
            && match rel {
                "ccomp" => class != CueClass::Colon,
                // A "that" clause or a quotation the parser took for an adverbial clause.
                "advcl" => {
                    class != CueClass::Colon
                        && (mark.is_some_and(|m| tree.lemma(m) == "that") || (speech && quoted))
                }
                // "insisted Maduro resign": a bare clause with its own subject.
                "xcomp" => speech && tree.children_with(v, &["obj"]).next().is_some(),
                // "said: …" / "I think, …" with the content after the cue.
                "parataxis" => {
                    c > v && class != CueClass::Colon && colon_or_comma_between(tree, v, c)
                }
                _ => false,
            };
        if takes {
            marked |= mark.is_some();
            complement.extend(tree.subtree(c));
        }
    }
    // A "that" clause the parser hung on a noun of the cue's clause ("said during the
    // meeting that …").
    if complement.is_empty() && class != CueClass::Colon {
        if let Some(c) = stray_that_clause(tree, v) {
            marked = true;
            complement.extend(tree.subtree(c));
        }
    }
    if !complement.is_empty() {
        complement.sort_unstable();
        let span = trim(tree, &complement)?;
        return Some((span, Link::Complement { marked }));
    }
    // Parenthetical cue: "…, he said." / "as the board pointed out, …".
    let rel = tree.deprel(v);
    let as_clause = rel == "advcl"
        && tree
            .children_with(v, &["mark"])
            .any(|m| tree.lemma(m) == "as");
    let bare = tree
        .children_with(v, &["obj", "xcomp", "ccomp", "iobj"])
        .next()
        .is_none();
    if (rel == "parataxis" || as_clause) && class != CueClass::Colon && bare {
        let head = tree.head[v]?;
        let own = tree.subtree(v);
        let rest: Vec<usize> = tree
            .subtree(head)
            .into_iter()
            .filter(|t| own.binary_search(t).is_err())
            .collect();
        let side = longer_side(&rest, v);
        return trim(tree, &side).map(|s| (s, Link::Parenthetical));
    }
    // A cue ending its sentence with a colon: the content follows.
    if ends_with_colon(tree, v) && tree.children_with(v, &["nsubj"]).next().is_some() {
        return following_block(tree, v).map(|s| (s, Link::Colon));
    }
    None
}

/// Whether a token is a quotation mark.
pub(crate) fn is_quote_mark(text: &str) -> bool {
    matches!(text, "\"" | "“" | "”" | "``" | "''" | "«" | "»" | "„")
}

fn stray_that_clause(tree: &Tree, v: usize) -> Option<usize> {
    tree.subtree(v).into_iter().filter(|&c| c > v).find(|&c| {
        matches!(tree.base_rel(c), "acl" | "advcl" | "ccomp")
            && complementizer_of(tree, c).is_some_and(|m| tree.lemma(m) == "that")
            && {
                // Only nominal tokens between the clause and the cue.
                let mut h = tree.head[c];
                let mut ok = true;
                while let Some(x) = h {
                    if x == v {
                        break;
                    }
                    if matches!(tree.upos(x), "VERB" | "AUX") {
                        ok = false;
                        break;
                    }
                    h = tree.head[x];
                }
                ok && h == Some(v)
            }
    })
}

fn colon_or_comma_between(tree: &Tree, a: usize, b: usize) -> bool {
    (a + 1..b).any(|t| matches!(tree.text(t), ":" | ",")) || b == a + 1
}

fn longer_side(rest: &[usize], v: usize) -> Vec<usize> {
    let before: Vec<usize> = rest.iter().copied().filter(|&t| t < v).collect();
    let after: Vec<usize> = rest.iter().copied().filter(|&t| t > v).collect();
    if before.len() >= after.len() {
        before
    } else {
        after
    }
}

/// Whether the sentence of `v` ends with a colon that belongs to `v`'s clause.
fn ends_with_colon(tree: &Tree, v: usize) -> bool {
    let (_, last) = tree.sentence_bounds(v);
    let text = &tree.analysis.doc.text;
    let end = tree.token(last - 1).end;
    text[..end].trim_end().ends_with(':') && tree.head[v].is_none()
}

/// The content after a sentence ending with a colon: the rest of its paragraph, or the next
/// paragraph when the sentence ends its own.
pub(crate) fn following_block(tree: &Tree, v: usize) -> Option<(usize, usize)> {
    let (_, last) = tree.sentence_bounds(v);
    let text = &tree.analysis.doc.text;
    let from = tree.token(last - 1).end;
    let rest = &text[from..];
    let line_end = rest.find('\n').map_or(text.len(), |p| from + p);
    let same = text[from..line_end].trim();
    let (start, end) = if !same.is_empty() {
        (from, line_end)
    } else {
        let next_start = line_end + 1;
        if next_start >= text.len() {
            return None;
        }
        let lead = text[next_start..].len() - text[next_start..].trim_start().len();
        let s = next_start + lead;
        let e = text[s..].find('\n').map_or(text.len(), |p| s + p);
        (s, e)
    };
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let s = start + lead;
    let e = start + slice.trim_end().len();
    (s < e).then_some((s, e))
}

/// Byte span of content tokens without leading complementizers and edge punctuation; a quote
/// mark whose partner lies inside the span is kept.
pub(crate) fn trim(tree: &Tree, tokens: &[usize]) -> Option<(usize, usize)> {
    let mut lo = 0;
    let mut hi = tokens.len();
    while lo < hi && (tree.is_punct(tokens[lo]) || (lo == 0 && is_complementizer(tree, tokens[lo])))
    {
        lo += 1;
    }
    while hi > lo && tree.is_punct(tokens[hi - 1]) {
        hi -= 1;
    }
    if lo >= hi {
        return None;
    }
    let text = &tree.analysis.doc.text;
    let mut start = tree.token(tokens[lo]).start;
    let mut end = tree.token(tokens[hi - 1]).end;
    // Balance quotation marks at the edges.
    let inside = &text[start..end];
    let opens = inside.matches(['“', '"']).count();
    let closes = inside.matches('”').count();
    if inside.contains('“') && opens > closes {
        if let Some(p) = text[end..].find('”') {
            if text[end..end + p].chars().all(|c| !c.is_alphanumeric()) && p < 8 {
                end += p + '”'.len_utf8();
            }
        }
    } else if closes > inside.matches('“').count() {
        if let Some(p) = text[..start].rfind('“') {
            if text[p..start].chars().all(|c| !c.is_alphanumeric()) {
                start = p;
            }
        }
    }
    Some((start, end))
}

/// The speaker of cue verb `v`: its subject, the agent of a passive, the subject of the verb
/// it is coordinated with, or the noun a relative or participial clause modifies.
/// A name or pronoun right before the cue (adverbs between), after a closing quote or a
/// comma: "…,” Paul recently said" when the parse lost the subject.
fn name_before(tree: &Tree, v: usize) -> Option<usize> {
    let (first, _) = tree.sentence_bounds(v);
    let mut k = v.checked_sub(1)?;
    while k > first && tree.upos(k) == "ADV" {
        k -= 1;
    }
    let named = matches!(tree.upos(k), "PROPN" | "PRON");
    let opened = k > first && (tree.is_punct(k - 1) || tree.upos(k - 1) == "PROPN");
    (named && opened).then_some(k)
}

pub(crate) fn speaker_of(tree: &Tree, v: usize) -> Option<usize> {
    let mut v = v;
    for _ in 0..4 {
        // Punctuation heads nothing in UD, so a subject the parser hung on the verb's own
        // punctuation ("…,” said the source, speaking …" with "source" under the final period)
        // is the verb's.
        let on_punct = tree
            .children_with(v, &["punct"])
            .flat_map(|p| tree.children_with(p, &["nsubj"]));
        if let Some(s) = tree
            .children_with(v, &["nsubj"])
            .chain(on_punct)
            .find(|&s| tree.deprel(s) != "nsubj:pass")
        {
            let relative = matches!(tree.lemma(s).as_str(), "who" | "that" | "which");
            if relative && tree.base_rel(v) == "acl" {
                return tree.head[v];
            }
            return Some(s);
        }
        if let Some(a) = tree.children_with(v, &["obl:agent"]).next() {
            return Some(a);
        }
        match tree.base_rel(v) {
            "conj" | "xcomp" | "advcl" => v = tree.head[v]?,
            "acl" => return tree.head[v],
            _ => return None,
        }
    }
    None
}

/// The subject closest before a cue verb whose own subject the parser lost ("Senior researcher
/// Mu Li, of the university's school, said").
pub(crate) fn nearest_subject(tree: &Tree, v: usize) -> Option<usize> {
    let (first, _) = tree.sentence_bounds(v);
    (first..v).rev().find(|&t| {
        tree.base_rel(t) == "nsubj"
            && matches!(tree.upos(t), "NOUN" | "PROPN" | "PRON")
            && !matches!(tree.lemma(t).as_str(), "who" | "that" | "which")
            && (t + 1..v).all(|k| !crate::candidates::is_quote_mark(tree.text(k)))
    })
}

/// Sources named in a speaker mention's relative clause: "the sources who talked to the Herald".
pub(crate) fn via_of(tree: &Tree, head: usize) -> Vec<String> {
    let mut via = Vec::new();
    for r in tree.children_with(head, &["acl"]) {
        if !matches!(tree.lemma(r).as_str(), "talk" | "speak" | "tell") {
            continue;
        }
        for o in tree.children_with(r, &["obl", "obj", "iobj"]) {
            let to = tree
                .children_with(o, &["case"])
                .any(|c| tree.lemma(c) == "to");
            if to || tree.lemma(r) == "tell" {
                via.push(source_name(tree, o));
            }
        }
    }
    via
}

pub(crate) fn cue_text(tree: &Tree, v: usize, particle: Option<usize>) -> String {
    let mut end = v;
    if let Some(p) = particle.filter(|&p| p > v && p <= v + 2) {
        end = p;
    }
    // "told reporters": an addressee right after "tell" that is a common noun.
    if tree.lemma(v) == "tell" {
        if let Some(o) = tree
            .children_with(v, &["obj", "iobj"])
            .find(|&o| o == end + 1 && tree.upos(o) == "NOUN")
        {
            end = o;
        }
    }
    let text = &tree.analysis.doc.text;
    text[tree.token(v).start..tree.token(end).end].to_string()
}

/// "according to X": the speaker is X, the content the clause it modifies.
fn according_to(tree: &Tree, t: usize) -> Option<Candidate> {
    if !tree.text(t).eq_ignore_ascii_case("according") {
        return None;
    }
    let to = t + 1;
    if to >= tree.len() || !tree.text(to).eq_ignore_ascii_case("to") {
        return None;
    }
    // X is the head of "according" (case) or the object of "to".
    let x = match tree.deprel(t) {
        "case" => tree.head[t]?,
        _ => tree.children[to]
            .first()
            .copied()
            .or_else(|| tree.head[to].filter(|&h| h > to))?,
    };
    let speaker = Some(mention(tree, x));
    let cue_text = tree.analysis.doc.text[tree.token(t).start..tree.token(to).end].to_string();
    // When the parse hangs X under "according" itself, the content is the clause that
    // "according" modifies, or else the rest of the sentence.
    let attached = tree.head[x].filter(|&h| h != t && h != to);
    let under_cue = tree.head[x].is_some() && attached.is_none();
    let (content, link) = match (
        attached.or(if under_cue { tree.head[t] } else { None }),
        under_cue,
    ) {
        (None, false) => {
            // "According to the ministry, three soldiers were killed" parsed with the
            // ministry as root: the content is what follows the comma.
            let (_, last) = tree.sentence_bounds(t);
            let comma = (x + 1..last).find(|&k| tree.text(k) == ",");
            match comma.filter(|&c| (c + 1..last).any(|k| !tree.is_punct(k))) {
                Some(c) => {
                    let rest: Vec<usize> = (c + 1..last).collect();
                    (trim(tree, &rest)?, Link::According)
                }
                None => (following_block(tree, x)?, Link::Colon),
            }
        }
        (scope, _) => {
            let own = tree.subtree(x);
            let own_start = own.iter().copied().min().unwrap_or(x).min(t);
            let span: Vec<usize> = match scope {
                Some(h) => tree.subtree(h),
                None => {
                    let (first, last) = tree.sentence_bounds(t);
                    (first..last).collect()
                }
            };
            let rest: Vec<usize> = span
                .into_iter()
                .filter(|&k| own.binary_search(&k).is_err() && k != t && k != to)
                .collect();
            (trim(tree, &longer_side(&rest, own_start))?, Link::According)
        }
    };
    Some(Candidate {
        cue: t,
        cue_text,
        speaker_head: Some(x),
        speaker,
        content,
        link,
        via: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use dyad_types::{Analysis, Document, Sentence, Token};

    /// A one-sentence analysis from `(word, upos, lemma, head, deprel)` rows, words separated
    /// by one space.
    fn analysis(rows: &[(&str, &str, &str, Option<usize>, &str)]) -> Analysis {
        let text = rows.iter().map(|r| r.0).collect::<Vec<_>>().join(" ");
        let mut a = Analysis::new(Document::from_text(text.clone()));
        let mut at = 0;
        for (word, upos, lemma, head, deprel) in rows {
            a.tokens.push(Token {
                upos: upos.to_string(),
                lemma: lemma.to_string(),
                head: *head,
                deprel: deprel.to_string(),
                ..Token::new(at, at + word.len())
            });
            at += word.len() + 1;
        }
        a.sentences.push(Sentence {
            start: 0,
            end: text.len(),
            first_token: 0,
            last_token: rows.len(),
        });
        a
    }

    #[test]
    fn sconj_that_starts_the_reported_clause_whatever_its_relation() {
        // "that" hung as `obj` of the clause's verb instead of `mark`.
        for rel in ["mark", "obj"] {
            let a = analysis(&[
                ("Leavitt", "PROPN", "Leavitt", Some(1), "nsubj"),
                ("told", "VERB", "tell", None, "root"),
                ("reporters", "NOUN", "reporter", Some(1), "iobj"),
                ("that", "SCONJ", "that", Some(7), rel),
                ("the", "DET", "the", Some(5), "det"),
                ("strikes", "NOUN", "strike", Some(7), "nsubj"),
                ("will", "AUX", "will", Some(7), "aux"),
                ("continue", "VERB", "continue", Some(1), "ccomp"),
            ]);
            let found = crate::find_quotes(&a);
            let texts: Vec<&str> = found.iter().map(|q| q.text.as_str()).collect();
            assert_eq!(texts, ["the strikes will continue"], "with {rel}");
        }
    }

    #[test]
    fn subject_hung_on_the_cue_punctuation_is_the_speaker() {
        for head in [3, 6] {
            let a = analysis(&[
                ("We", "PRON", "we", Some(1), "nsubj"),
                ("won", "VERB", "win", Some(3), "ccomp"),
                (",", "PUNCT", ",", Some(1), "punct"),
                ("said", "VERB", "say", None, "root"),
                ("the", "DET", "the", Some(5), "det"),
                ("source", "NOUN", "source", Some(head), "nsubj"),
                (".", "PUNCT", ".", Some(3), "punct"),
            ]);
            let found = crate::find_quotes(&a);
            let speakers: Vec<Option<&str>> = found
                .iter()
                .map(|q| q.speaker.as_ref().map(|s| s.text.as_str()))
                .collect();
            assert_eq!(speakers, [Some("the source")], "subject under token {head}");
        }
    }

    #[test]
    fn that_pronoun_object_is_kept() {
        // "that" as a demonstrative pronoun stays in the content.
        let a = analysis(&[
            ("He", "PRON", "he", Some(1), "nsubj"),
            ("said", "VERB", "say", None, "root"),
            ("they", "PRON", "they", Some(3), "nsubj"),
            ("know", "VERB", "know", Some(1), "ccomp"),
            ("that", "PRON", "that", Some(3), "obj"),
        ]);
        let found = crate::find_quotes(&a);
        let texts: Vec<&str> = found.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["they know that"]);
    }
}
