//! Putting marks and parse together: direct, indirect and mixed quotes with their speakers.
use dyad_types::{Actor, Analysis, Quote, QuoteKind};

use crate::candidates::{
    candidates, cue_text, nearest_subject, speaker_of, via_of, Candidate, Link,
};
use crate::cues::{CueClass, CueLexicon};
use crate::marks::{find_marked_quotes, MarkedQuote};
use crate::phrase::{mention, source_name};
use crate::tree::Tree;

/// A quote with the tokens it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundQuote {
    /// The quote as it goes into the record.
    pub quote: Quote,
    /// Global index (into [`Analysis::tokens`]) of the cue's head token.
    pub cue_token: Option<usize>,
    /// Global token range `(first, one past last)` of the speaker mention.
    pub speaker_tokens: Option<(usize, usize)>,
    /// Global index of the speaker mention's head token.
    pub speaker_head: Option<usize>,
}

/// Share of a candidate's content a quote must cover to be its whole content rather than a
/// fragment of it.
const WHOLE_SHARE: f64 = 0.6;
/// Fewest words of a quote with no speaker for it to be kept.
const MIN_UNATTRIBUTED_WORDS: usize = 6;

/// Finds all quotes of an analysed document with the given cue lexicon.
pub fn find_with(analysis: &Analysis, lexicon: &CueLexicon) -> Vec<FoundQuote> {
    let text = &analysis.doc.text;
    if analysis.tokens.is_empty() {
        return Vec::new();
    }
    let tree = Tree::new(analysis);
    let mut cands = candidates(&tree, lexicon);
    let marks: Vec<MarkedQuote> = find_marked_quotes(text)
        .into_iter()
        .filter(|m| m.depth == 0)
        .collect();
    let mut consumed = vec![false; cands.len()];
    let mut attr: Vec<Option<usize>> = vec![None; marks.len()];
    let mut fragment = vec![false; marks.len()];
    let mut fragment_of: Vec<Option<usize>> = vec![None; marks.len()];

    for (qi, m) in marks.iter().enumerate() {
        let best = cands
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                let cue = tree.token(c.cue).start;
                c.link != Link::Colon
                    && !(m.open..m.close).contains(&cue)
                    && overlap((m.start, m.end), c.content) > 0
            })
            .min_by_key(|(_, c)| c.content.1 - c.content.0)
            .map(|(i, _)| i);
        if let Some(ci) = best {
            let c = &cands[ci];
            let share = overlap((m.start, m.end), c.content) as f64
                / (c.content.1 - c.content.0).max(1) as f64;
            if share >= WHOLE_SHARE {
                attr[qi] = Some(ci);
                consumed[ci] = true;
            } else {
                fragment[qi] = true;
                fragment_of[qi] = Some(ci);
            }
            continue;
        }
        if let Some(v) = adjacent_cue(&tree, lexicon, m) {
            let speaker_head = speaker_of(&tree, v)
                .or_else(|| nominal_between(&tree, m.close, v))
                .or_else(|| nearest_subject(&tree, v));
            cands.push(Candidate {
                cue: v,
                cue_text: cue_text(&tree, v, None),
                speaker_head,
                speaker: speaker_head.map(|h| mention(&tree, h)),
                content: (m.start, m.end),
                link: Link::Complement { marked: false },
                via: speaker_head.map(|h| via_of(&tree, h)).unwrap_or_default(),
            });
            consumed.push(true);
            attr[qi] = Some(cands.len() - 1);
        } else if let Some((cue, speaker_head)) = signed_quote(&tree, m) {
            cands.push(Candidate {
                cue,
                cue_text: cue_text(&tree, cue, None),
                speaker_head: Some(speaker_head),
                speaker: Some(mention(&tree, speaker_head)),
                content: (m.start, m.end),
                link: Link::Complement { marked: false },
                via: via_of(&tree, speaker_head),
            });
            consumed.push(true);
            attr[qi] = Some(cands.len() - 1);
        }
    }
    // Interrupted quotes: "“A,” he said. “B.”" — B belongs to the speaker of A.
    for qi in 1..marks.len() {
        if attr[qi].is_some() || fragment[qi] {
            continue;
        }
        let Some(cp) = attr[qi - 1].or(fragment_of[qi - 1]) else {
            continue;
        };
        let (p, m) = (&marks[qi - 1], &marks[qi]);
        let gap = &text[p.close.min(m.open)..m.open];
        if gap.contains('\n') {
            continue;
        }
        let cue_sentence = tree.sentence_of[cands[cp].cue];
        let gap_ok = tree
            .tokens_within(p.close, m.open)
            .all(|t| tree.sentence_of[t] == cue_sentence || tree.is_punct(t));
        if gap_ok {
            attr[qi] = Some(cp);
        }
    }
    // Block quotes after a colon ("X addressed the threats:" / "According to the Herald:").
    for (qi, m) in marks.iter().enumerate() {
        if attr[qi].is_some() || fragment[qi] {
            continue;
        }
        // Only quotes that open a sentence: fragments are no block quotes.
        let opens_sentence = tree
            .analysis
            .sentences
            .iter()
            .any(|s| s.start >= m.open && s.start <= m.start);
        if opens_sentence {
            attr[qi] = cands.iter().position(|c| {
                c.link == Link::Colon && c.content.0 <= m.start && m.end <= c.content.1
            });
        }
    }

    let mut found = Vec::new();
    for (qi, m) in marks.iter().enumerate() {
        if fragment[qi] {
            continue;
        }
        match attr[qi] {
            Some(ci) => {
                let c = &cands[ci];
                // "said that “…”": indirect speech quoting its whole content.
                let (span, kind) = match c.link {
                    Link::Complement { marked: true }
                        if c.content.0 < m.open || that_before(&tree, c.cue, m.open) =>
                    {
                        (c.content, QuoteKind::Mixed)
                    }
                    _ => ((m.start, m.end), QuoteKind::Direct),
                };
                if !found
                    .iter()
                    .any(|f: &FoundQuote| (f.quote.start, f.quote.end) == span)
                {
                    found.push(emit(&tree, &cands, ci, span, kind));
                }
            }
            None => {
                let words = text[m.start..m.end].split_whitespace().count();
                if words >= MIN_UNATTRIBUTED_WORDS {
                    found.push(FoundQuote {
                        quote: Quote {
                            start: m.start,
                            end: m.end,
                            text: text[m.start..m.end].to_string(),
                            kind: QuoteKind::Direct,
                            speaker: None,
                            cue: None,
                            via: Vec::new(),
                        },
                        cue_token: None,
                        speaker_tokens: None,
                        speaker_head: None,
                    });
                }
            }
        }
    }
    for ci in 0..cands.len() {
        if consumed[ci] {
            continue;
        }
        let c = &cands[ci];
        let inside = |span: (usize, usize)| c.content.0 <= span.0 && span.1 <= c.content.1;
        let holds_attributed = marks
            .iter()
            .zip(&attr)
            .any(|(m, a)| a.is_some_and(|a| a != ci) && inside((m.start, m.end)));
        let holds_cue = cands.iter().enumerate().any(|(cj, o)| {
            cj != ci && o.link != Link::According && {
                let s = tree.token(o.cue).start;
                c.content.0 <= s && s < c.content.1
            }
        });
        if (c.link == Link::Colon && (holds_attributed || attr.contains(&Some(ci))))
            || (c.link == Link::According && holds_cue)
        {
            continue;
        }
        let mixed = marks
            .iter()
            .zip(&fragment)
            .any(|(m, &f)| f && inside((m.start, m.end)));
        let kind = if mixed {
            QuoteKind::Mixed
        } else if c.link == Link::Colon && lexicon.get(&tree.lemma(c.cue)).is_some() {
            QuoteKind::Direct
        } else {
            QuoteKind::Indirect
        };
        found.push(emit(&tree, &cands, ci, c.content, kind));
    }
    for signed in signed_paragraphs(&tree) {
        let (start, end) = signed.content;
        let covered = found
            .iter()
            .any(|f| f.quote.speaker.is_some() && f.quote.start <= start && f.quote.end >= end);
        if covered {
            continue;
        }
        // Readings inside the pull quote ("you know") give way to its signature.
        found.retain(|f| {
            let inside = f.quote.start >= start && f.quote.end <= end;
            let own_speaker = f
                .quote
                .speaker
                .as_ref()
                .is_none_or(|s| s.start >= start && s.end <= end);
            !(inside && own_speaker)
        });
        found.push(signed.into_found(&tree));
    }
    found.sort_by_key(|f| (f.quote.start, f.quote.end));
    found
}

/// A paragraph quoted whole and signed at its end ("… should tolerate. — Rick Santorum",
/// "… because she was suppressive. Valeska Paris"): the pull quotes of interviews and
/// features.
struct SignedParagraph {
    content: (usize, usize),
    /// The dash, or the name's first token when there is none.
    cue: usize,
    speaker: (usize, usize),
}

impl SignedParagraph {
    fn into_found(self, tree: &Tree) -> FoundQuote {
        let text = &tree.analysis.doc.text;
        let (start, end) = self.content;
        let (first, stop) = self.speaker;
        let (s, e) = (tree.token(first).start, tree.token(stop - 1).end);
        FoundQuote {
            quote: Quote {
                start,
                end,
                text: text[start..end].to_string(),
                kind: QuoteKind::Direct,
                speaker: Some(Actor {
                    start: s,
                    end: e,
                    text: text[s..e].to_string(),
                    ..Actor::default()
                }),
                cue: Some(tree.text(self.cue).to_string()),
                via: Vec::new(),
            },
            cue_token: Some(self.cue),
            speaker_tokens: Some(self.speaker),
            speaker_head: Some(stop - 1),
        }
    }
}

/// Fewest words of a signed paragraph's content.
const MIN_SIGNED_WORDS: usize = 6;

fn signed_paragraphs(tree: &Tree) -> Vec<SignedParagraph> {
    let text = &tree.analysis.doc.text;
    let mut out = Vec::new();
    let mut paragraph_start = 0;
    for (at, _) in text
        .match_indices('\n')
        .chain(std::iter::once((text.len(), "")))
    {
        let (ps, pe) = (paragraph_start, at);
        paragraph_start = at + 1;
        let tokens: Vec<usize> = tree.tokens_within(ps, pe).collect();
        let mut last = tokens.len();
        while last > 0 && matches!(tree.text(tokens[last - 1]), "." | ")") {
            last -= 1;
        }
        let mut first_name = last;
        while first_name > 0
            && last - first_name < 4
            && tree.upos(tokens[first_name - 1]) == "PROPN"
            && tree
                .text(tokens[first_name - 1])
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            first_name -= 1;
        }
        if first_name == last || first_name < 2 {
            continue;
        }
        let before = tokens[first_name - 1];
        let dashed = matches!(tree.text(before), "\u{2014}" | "\u{2013}" | "--" | "-");
        // Without a dash the name must be a sentence of its own, after a full stop.
        let own_sentence = matches!(tree.text(before), "." | "!" | "?")
            && tree.sentence_of[tokens[first_name]] != tree.sentence_of[before];
        if !(dashed || own_sentence) {
            continue;
        }
        let content_end = if dashed {
            tokens[first_name - 2]
        } else {
            before
        };
        let (start, end) = (tree.token(tokens[0]).start, tree.token(content_end).end);
        let words = text[start..end].split_whitespace().count();
        if words < MIN_SIGNED_WORDS {
            continue;
        }
        let cue = if dashed { before } else { tokens[first_name] };
        out.push(SignedParagraph {
            content: (start, end),
            cue,
            speaker: (tokens[first_name], tokens[last - 1] + 1),
        });
    }
    out
}

fn emit(
    tree: &Tree,
    cands: &[Candidate],
    ci: usize,
    span: (usize, usize),
    kind: QuoteKind,
) -> FoundQuote {
    let text = &tree.analysis.doc.text;
    let c = &cands[ci];
    let speaker = c.speaker.map(|(first, end)| {
        let start = tree.token(first).start;
        let stop = tree.token(end - 1).end;
        Actor {
            start,
            end: stop,
            text: text[start..stop].to_string(),
            ..Actor::default()
        }
    });
    FoundQuote {
        quote: Quote {
            start: span.0,
            end: span.1,
            text: text[span.0..span.1].to_string(),
            kind,
            speaker,
            cue: Some(c.cue_text.clone()),
            via: via_chain(tree, cands, ci, span),
        },
        cue_token: Some(c.cue),
        speaker_tokens: c.speaker,
        speaker_head: c.speaker_head,
    }
}

/// Sources a quote passed through, outermost first: the speakers of the attributions whose
/// content holds this one's cue (or, for colon blocks, its content), then those named in the
/// speaker's own mention.
fn via_chain(tree: &Tree, cands: &[Candidate], ci: usize, span: (usize, usize)) -> Vec<String> {
    let c = &cands[ci];
    let cue_at = tree.token(c.cue).start;
    let mut outer: Vec<&Candidate> = cands
        .iter()
        .enumerate()
        .filter(|&(cj, o)| {
            cj != ci
                && o.cue != c.cue
                && ((o.content.0 <= cue_at && cue_at < o.content.1)
                    || (o.link == Link::Colon && o.content.0 <= span.0 && span.1 <= o.content.1))
                && !(o.content.0 >= span.0 && o.content.1 <= span.1)
        })
        .map(|(_, o)| o)
        .collect();
    outer.sort_by_key(|o| std::cmp::Reverse(o.content.1 - o.content.0));
    let mut via: Vec<String> = Vec::new();
    for o in outer {
        for v in &o.via {
            if !via.contains(v) {
                via.push(v.clone());
            }
        }
        if let Some(h) = o.speaker_head {
            let name = source_name(tree, h);
            if !via.contains(&name) {
                via.push(name);
            }
        }
    }
    for v in &c.via {
        if !via.contains(v) {
            via.push(v.clone());
        }
    }
    via
}

/// Whether "that" stands between the cue and a quote's opening mark.
fn that_before(tree: &Tree, cue: usize, open: usize) -> bool {
    let from = tree.token(cue).end;
    from < open
        && tree.analysis.doc.text[from..open]
            .split_whitespace()
            .any(|w| w.eq_ignore_ascii_case("that"))
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// A name or pronoun between a quote's closing mark and its cue ("…,” Paul recently said"),
/// for when the parse did not make it the cue's subject.
fn nominal_between(tree: &Tree, close: usize, cue: usize) -> Option<usize> {
    (0..cue)
        .rev()
        .take_while(|&t| tree.token(t).start >= close)
        .find(|&t| matches!(tree.upos(t), "PROPN" | "PRON" | "NOUN"))
}

/// A reporting verb right after a quote's closing mark ("…,” said the source", "…,” he said")
/// or right before its opening mark ("Trump said: “…”"), in the same sentence.
fn adjacent_cue(tree: &Tree, lexicon: &CueLexicon, m: &MarkedQuote) -> Option<usize> {
    let is_cue = |t: usize| {
        tree.upos(t) == "VERB"
            && lexicon.get(&tree.lemma(t)).is_some_and(|e| {
                e.class == CueClass::Speech
                    || (e.class == CueClass::Colon
                        && tree.token(t).end < m.open
                        && tree.analysis.doc.text[tree.token(t).end..m.open].trim() == ":")
            })
    };
    let after = tree.first_from(m.close);
    if let Some(after) = after {
        let (_, last) = tree.sentence_bounds(after);
        let close_sentence = tree.sentence_bounds(after);
        let before_ok = after > 0 && tree.sentence_bounds(after - 1) == close_sentence;
        if before_ok || tree.token(after).start == m.close {
            for t in after..last.min(after + 5) {
                if is_cue(t) {
                    return Some(t);
                }
                if !(tree.is_punct(t)
                    || matches!(
                        tree.upos(t),
                        "PRON" | "PROPN" | "NOUN" | "DET" | "ADJ" | "ADV"
                    ))
                {
                    break;
                }
            }
        }
    }
    let before = tree.last_until(m.open)?;
    let (first, _) = tree.sentence_bounds(before);
    let mut t = before;
    let mut steps = 0;
    while t >= first && steps < 5 {
        if is_cue(t) {
            return Some(t);
        }
        if !(tree.is_punct(t) || matches!(tree.upos(t), "NOUN" | "PROPN" | "DET" | "ADP" | "PRON"))
        {
            break;
        }
        if t == 0 {
            break;
        }
        t -= 1;
        steps += 1;
    }
    None
}

/// A quote whose speaker is named without a reporting verb: signed after a dash
/// ("“…” — Peres, on …") or introduced by "in the words of X, “…”". Returns the cue token (the
/// dash or "words") and the speaker's head.
fn signed_quote(tree: &Tree, m: &MarkedQuote) -> Option<(usize, usize)> {
    let text = &tree.analysis.doc.text;
    let is_name = |t: usize| matches!(tree.upos(t), "PROPN" | "NOUN");
    // "“…” — Peres": a dash right after the closing mark, in the same paragraph, then a name.
    if let Some(dash) = tree.first_from(m.close) {
        let gap = &text[m.close..tree.token(dash).start];
        let dash_text = tree.text(dash);
        if !gap.contains('\n') && matches!(dash_text, "\u{2014}" | "\u{2013}" | "--" | "-") {
            let name = dash + 1;
            if name < tree.len() && tree.upos(name) == "PROPN" {
                let mut last = name;
                while last + 1 < tree.len() && tree.upos(last + 1) == "PROPN" {
                    last += 1;
                }
                return Some((dash, last));
            }
        }
    }
    // "in the words of the Crown prosecutor, Mark Tedeschi, QC, “…”".
    let before = tree.last_until(m.open)?;
    let (first, _) = tree.sentence_bounds(before);
    let words = (first..before)
        .rev()
        .take(12)
        .find(|&w| tree.text(w).eq_ignore_ascii_case("words") && tree.text(w + 1) == "of")?;
    let head = (words + 2..=before)
        .take_while(|&t| !tree.is_punct(t))
        .filter(|&t| is_name(t))
        .last()?;
    Some((words, head))
}
