//! Verb dictionaries in the PETRARCH-1/TABARI format.
//!
//! ```text
//! &TIETYPES                 a synset: +member lines (members may name other synsets)
//! +MILITARY
//! +ECONOMIC
//!
//! --- RESTORE  [064] ---    a block: its name and default code
//! RESTORE                   verbs of the block (irregular forms in { })
//! +REESTABLISH [064]        more verbs; a verb may carry its own code
//! - * DIPLOMATIC TIES [064] patterns: * the verb, $ source, + target, % compound actor,
//! - NOT * RELATIONS  [112]  ^ skips a phrase, &NAME a synset; `_` joins words that must be
//!                           adjacent, a space lets other words come between
//! ```
//! A code `x:y` makes two events (source to target with x, target to source with y);
//! `---` makes none.

use std::collections::HashMap;

use super::text::{split_code, strip_block_comments, strip_line_comment};

/// An event code of a verb or pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Code {
    /// `---`: no event.
    Null,
    /// One event, source to target.
    One(String),
    /// `x:y`: source to target with x, and target to source with y.
    Paired(String, String),
}

impl Code {
    /// Parses a bracket's inside; `None` when empty.
    pub fn parse(s: &str) -> Option<Code> {
        let s = s.trim();
        if s.is_empty() {
            return None;
        }
        if codes_nothing(s) {
            return Some(Code::Null);
        }
        Some(match s.split_once(':') {
            Some((a, b)) => Code::Paired(a.trim().to_string(), b.trim().to_string()),
            None => Code::One(s.to_string()),
        })
    }
}

/// Whether a code, or one half of a paired code, codes no event: `---`, or empty (the half
/// before the colon of PETRARCH-2's `[:030]`, where only the target acts).
pub fn codes_nothing(code: &str) -> bool {
    code.chars().all(|c| c == '-')
}

/// One element of a pattern or synset member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    /// A word (upper case), matched whole or as a stem.
    Word(String),
    /// A synset by name (`&TIETYPES`, without `&`).
    Synset(String),
    /// `$`: the source actor.
    Source,
    /// `+`: the target actor.
    Target,
    /// `%`: a compound actor, both source and target.
    Compound,
    /// `^`: skips one actor phrase.
    Skip,
}

/// An element and whether it must touch the element before it (nearer the verb).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The element.
    pub elem: Elem,
    /// `_` connects it to its neighbour nearer the verb: no words may come between.
    pub adjacent: bool,
}

/// A pattern of a verb block.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// Elements before the verb, nearest the verb first.
    pub lower: Vec<Step>,
    /// Elements after the verb, nearest first.
    pub upper: Vec<Step>,
    /// Its code.
    pub code: Code,
    /// The pattern as written, for explanations.
    pub text: String,
}

impl Pattern {
    /// Number of elements: longer patterns are tried first.
    pub fn len(&self) -> usize {
        self.lower.len() + self.upper.len()
    }

    /// Whether the pattern is only the verb.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A verb block: the verbs sharing a default code and patterns.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The header's name.
    pub name: String,
    /// The header's code (`None` when missing).
    pub code: Option<Code>,
    /// Patterns, longest first (file order among equals).
    pub patterns: Vec<Pattern>,
}

/// One verb form (a word or phrase) and its block.
#[derive(Debug, Clone, PartialEq)]
pub struct VerbForm {
    /// Upper-case words.
    pub words: Vec<String>,
    /// Index of the verb word in `words`.
    pub head: usize,
    /// Index of the block in [`Verbs::blocks`].
    pub block: usize,
    /// The verb's own code, over the block's.
    pub code: Option<Code>,
    /// Whether this is the form as written (not a generated inflection): the base form is
    /// also matched against token lemmas.
    pub base: bool,
}

/// A parsed verb dictionary.
#[derive(Debug, Clone, Default)]
pub struct Verbs {
    /// Verb blocks in file order.
    pub blocks: Vec<Block>,
    /// All verb forms (base forms, listed and generated inflections).
    pub forms: Vec<VerbForm>,
    /// Synsets by name (without `&`): each member is a list of adjacent elements.
    pub synsets: HashMap<String, Vec<Vec<Step>>>,
}

/// Regular inflections of an English verb: -s, -ed, -ing (with the usual spelling rules).
pub fn inflections(base: &str) -> Vec<String> {
    let b = base.to_uppercase();
    let mut out = Vec::new();
    let vowel = |c: char| "AEIOU".contains(c);
    if let Some(stem) = b.strip_suffix('E') {
        out.extend([format!("{b}S"), format!("{b}D"), format!("{stem}ING")]);
    } else if b.ends_with('Y') && b.len() > 1 && !vowel(b.chars().rev().nth(1).unwrap_or('A')) {
        let stem = &b[..b.len() - 1];
        out.extend([
            format!("{stem}IES"),
            format!("{stem}IED"),
            format!("{b}ING"),
        ]);
    } else if b.ends_with('S') || b.ends_with("SH") || b.ends_with("CH") || b.ends_with('X') {
        out.extend([format!("{b}ES"), format!("{b}ED"), format!("{b}ING")]);
    } else {
        out.extend([format!("{b}S"), format!("{b}ED"), format!("{b}ING")]);
        // stop → stopped: a final consonant after one vowel may double.
        let c: Vec<char> = b.chars().collect();
        let n = c.len();
        if n >= 3
            && !vowel(c[n - 1])
            && vowel(c[n - 2])
            && !vowel(c[n - 3])
            && !"WXY".contains(c[n - 1])
        {
            out.extend([format!("{b}{}ED", c[n - 1]), format!("{b}{}ING", c[n - 1])]);
        }
    }
    out
}

/// Splits pattern text into elements with their connectors.
fn tokenize(body: &str) -> Vec<(String, bool)> {
    // (token, joined to the previous token by `_`)
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut cur = String::new();
    let mut joined = false;
    let flush = |cur: &mut String, joined: &mut bool, out: &mut Vec<(String, bool)>| {
        if !cur.is_empty() {
            out.push((std::mem::take(cur), *joined));
            *joined = false;
        }
    };
    for ch in body.chars() {
        match ch {
            '_' => {
                flush(&mut cur, &mut joined, &mut out);
                joined = true;
            }
            c if c.is_whitespace() || c == '(' || c == ')' => {
                flush(&mut cur, &mut joined, &mut out);
                // `WORD_ ` before a space marks a whole word, not a join (TABARI).
                joined = false;
            }
            '*' | '$' | '+' | '%' | '^' if cur.is_empty() || !cur.starts_with('&') => {
                flush(&mut cur, &mut joined, &mut out);
                out.push((ch.to_string(), joined));
                joined = false;
            }
            c => cur.push(c),
        }
    }
    flush(&mut cur, &mut joined, &mut out);
    out
}

fn elem_of(tok: &str) -> Option<Elem> {
    Some(match tok {
        "$" => Elem::Source,
        "+" => Elem::Target,
        "%" => Elem::Compound,
        "^" => Elem::Skip,
        t if t.starts_with('&') => Elem::Synset(t[1..].trim_end_matches('_').to_uppercase()),
        t => Elem::Word(t.trim_matches('~').to_uppercase()),
    })
}

/// Expands TABARI alternatives in a pattern: `DEMAND_{ GENEVA_ | INTERNATIONAL }_TALKS`
/// is two patterns. A brace group without `|` is left alone.
pub fn expand_alternatives(body: &str) -> Vec<String> {
    let Some(open) = body.find('{') else {
        return vec![body.to_string()];
    };
    let Some(len) = body[open..].find('}') else {
        return vec![body.to_string()];
    };
    let inner = &body[open + 1..open + len];
    if !inner.contains('|') {
        return vec![body.to_string()];
    }
    let (before, after) = (&body[..open], &body[open + len + 1..]);
    inner
        .split('|')
        .flat_map(|alt| expand_alternatives(&format!("{before} {} {after}", alt.trim())))
        .collect()
}

/// Parses a pattern body (without the leading `-` and the code).
pub fn parse_pattern(body: &str, code: Code) -> Option<Pattern> {
    let toks = tokenize(body);
    let star = toks.iter().position(|(t, _)| t == "*")?;
    // Lower part, nearest the verb first: adjacency is the `_` between an element and the
    // one after it (toward the verb).
    let mut lower = Vec::new();
    let mut next_joined = toks[star].1;
    for (tok, joined) in toks[..star].iter().rev() {
        if let Some(elem) = elem_of(tok) {
            lower.push(Step {
                elem,
                adjacent: next_joined,
            });
        }
        next_joined = *joined;
    }
    let mut upper = Vec::new();
    for (tok, joined) in &toks[star + 1..] {
        if tok == "*" {
            continue;
        }
        if let Some(elem) = elem_of(tok) {
            upper.push(Step {
                elem,
                adjacent: *joined,
            });
        }
    }
    Some(Pattern {
        lower,
        upper,
        code,
        text: body.split_whitespace().collect::<Vec<_>>().join(" "),
    })
}

/// Parses a verb phrase (`BREAK_DOWN`, `WIRE_+TAP`, `LASH OUT`): words and the verb word.
fn verb_phrase(phrase: &str) -> Option<(Vec<String>, usize)> {
    let mut head = None;
    let mut words = Vec::new();
    for w in phrase.split(|c: char| c == '_' || c.is_whitespace()) {
        if w.is_empty() {
            continue;
        }
        if let Some(rest) = w.strip_prefix('+') {
            if rest.is_empty() {
                continue;
            }
            head = Some(words.len());
            words.push(rest.to_uppercase());
        } else {
            words.push(w.to_uppercase());
        }
    }
    (!words.is_empty()).then(|| (words, head.unwrap_or(0)))
}

enum Context {
    None,
    Synset(String),
    Block,
}

impl Verbs {
    fn add_verb_line(&mut self, line: &str) {
        let block = self.blocks.len() - 1;
        let (head_part, code, _) = split_code(line);
        let code = code.and_then(Code::parse);
        let (phrase, listed) = match (head_part.find('{'), head_part.find('}')) {
            (Some(o), Some(c)) if c > o => (&head_part[..o], Some(&head_part[o + 1..c])),
            _ => (head_part, None),
        };
        let phrase = phrase.trim().trim_start_matches('+');
        let Some((words, head)) = verb_phrase(phrase) else {
            return;
        };
        let mut add = |words: Vec<String>, head: usize, base: bool| {
            self.forms.push(VerbForm {
                words,
                head,
                block,
                code: code.clone(),
                base,
            })
        };
        for infl in inflections(&words[head]) {
            let mut w = words.clone();
            w[head] = infl;
            add(w, head, false);
        }
        add(words.clone(), head, true);
        for form in listed.into_iter().flat_map(str::split_whitespace) {
            let form = form.trim_start_matches('+');
            // A listed form of a phrase verb names the whole phrase; `+` marks its verb.
            if let Some((w, h)) = verb_phrase(form) {
                let h = if form.contains("_+") {
                    h
                } else {
                    head.min(w.len() - 1)
                };
                add(w, h, false);
            }
        }
    }

    fn add_synset_member(&mut self, name: &str, member: &str) {
        let steps: Vec<Step> = tokenize(member)
            .into_iter()
            .filter(|(t, _)| !matches!(t.as_str(), "*" | "$" | "+" | "%" | "^"))
            .filter_map(|(t, _)| elem_of(&t))
            .map(|elem| Step {
                elem,
                adjacent: true,
            })
            .collect();
        if !steps.is_empty() {
            self.synsets
                .entry(name.to_string())
                .or_default()
                .push(steps);
        }
    }
}

/// Reads a verb dictionary: PETRARCH-1 (`--- NAME [code] ---` block headers) or TABARI
/// (no headers: each `VERB [code]` line starts its own block, `{ FORMS }` on the next line).
pub fn parse_verbs(text: &str) -> Verbs {
    let text = strip_block_comments(text);
    let tabari = !text.lines().any(|l| l.trim_start().starts_with("---"));
    let mut verbs = Verbs::default();
    let mut ctx = Context::None;
    for raw in text.lines() {
        let line = strip_line_comment(raw);
        if line.is_empty() {
            continue;
        }
        if let Some(header) = line.strip_prefix("---") {
            let header = header.trim_end_matches('-').trim();
            let (name, code, _) = split_code(header);
            verbs.blocks.push(Block {
                name: name.to_string(),
                code: code.and_then(Code::parse),
                patterns: Vec::new(),
            });
            ctx = Context::Block;
            continue;
        }
        if let Some(name) = line.strip_prefix('&') {
            let name = name.trim().trim_end_matches('_').to_uppercase();
            verbs.synsets.entry(name.clone()).or_default();
            ctx = Context::Synset(name);
            continue;
        }
        if tabari && !line.starts_with(['-', '+', '&', '{']) {
            let (name, code, _) = split_code(line);
            verbs.blocks.push(Block {
                name: name.to_string(),
                code: code.and_then(Code::parse),
                patterns: Vec::new(),
            });
            verbs.add_verb_line(name);
            ctx = Context::Block;
            continue;
        }
        if tabari && line.starts_with('{') && matches!(ctx, Context::Block) {
            // Forms of the verb above: `{ BROKE_ BROKEN_ }`.
            if let Some(f) = verbs.forms.iter().rev().find(|f| f.base).cloned() {
                let inner = line.trim_matches(|c| c == '{' || c == '}');
                for form in inner.split_whitespace() {
                    if let Some((words, head)) = verb_phrase(form) {
                        verbs.forms.push(VerbForm {
                            words,
                            head: head.min(f.head),
                            block: f.block,
                            code: f.code.clone(),
                            base: false,
                        });
                    }
                }
            }
            continue;
        }
        match &ctx {
            Context::Synset(name) => {
                if let Some(member) = line.strip_prefix('+') {
                    let name = name.clone();
                    verbs.add_synset_member(&name, member);
                }
            }
            Context::Block => {
                if let Some(body) = line.strip_prefix('-') {
                    // The code is the last bracket on the line.
                    let (body, code) = match (body.rfind('['), body.rfind(']')) {
                        (Some(o), Some(c)) if c > o => (&body[..o], Code::parse(&body[o + 1..c])),
                        _ => (body, None),
                    };
                    let block = verbs.blocks.last_mut().expect("in a block");
                    let code = code.or_else(|| block.code.clone()).unwrap_or(Code::Null);
                    for body in expand_alternatives(body) {
                        if let Some(p) = parse_pattern(&body, code.clone()) {
                            block.patterns.push(p);
                        }
                    }
                } else {
                    verbs.add_verb_line(line);
                }
            }
            Context::None => {}
        }
    }
    for block in &mut verbs.blocks {
        // Longest first; a stable sort keeps file order among equals.
        block.patterns.sort_by_key(|p| std::cmp::Reverse(p.len()));
    }
    verbs
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "<!-- x -->\n&TIES\n+MILITARY\n+ECONOMIC_AID\n\n--- RESTORE  [064] ---\nRESTORE # c\n+REESTABLISH [065]\n- NOT * RELATIONS  [112]\n- * &TIES_TIES [902]\n- + WAS_ * TO_ ^ FROM $  [174]\n\n--- BREAK [1717] ---\nBREAK { BROKE BROKEN }\nWIRE_+TAP {WIRE_+TAPPED}\n- * OFF_ [195]\n--- LEFT [032:033] ---\nLEFT\n--- SAY [---] ---\nSAY\n";

    #[test]
    fn blocks_forms_and_codes() {
        let v = parse_verbs(SAMPLE);
        assert_eq!(v.blocks.len(), 4);
        assert_eq!(v.blocks[0].code, Some(Code::One("064".into())));
        assert_eq!(
            v.blocks[2].code,
            Some(Code::Paired("032".into(), "033".into()))
        );
        assert_eq!(v.blocks[3].code, Some(Code::Null));
        let form = |w: &str| v.forms.iter().find(|f| f.words.join(" ") == w);
        assert_eq!(form("RESTORED").unwrap().block, 0);
        assert_eq!(
            form("REESTABLISH").unwrap().code,
            Some(Code::One("065".into()))
        );
        assert_eq!(form("BROKE").unwrap().block, 1);
        let tap = form("WIRE TAPPED").unwrap();
        assert_eq!(tap.head, 1);
        assert!(form("WIRE TAPS").is_some());
    }

    #[test]
    fn patterns_parts_and_order() {
        let v = parse_verbs(SAMPLE);
        let p = &v.blocks[0].patterns;
        assert_eq!(p[0].text, "+ WAS_ * TO_ ^ FROM $");
        assert_eq!(
            p[0].lower[0],
            // `WAS_ *`: a trailing `_` before a space marks a whole word, not a join.
            Step {
                elem: Elem::Word("WAS".into()),
                adjacent: false
            }
        );
        assert_eq!(p[0].lower[1].elem, Elem::Target);
        assert!(!p[0].lower[1].adjacent);
        assert_eq!(
            p[0].upper[0],
            Step {
                elem: Elem::Word("TO".into()),
                adjacent: false
            }
        );
        assert_eq!(
            p[0].upper[1],
            Step {
                elem: Elem::Skip,
                adjacent: false
            }
        );
        assert_eq!(
            p[0].upper[2],
            Step {
                elem: Elem::Word("FROM".into()),
                adjacent: false
            }
        );
        assert_eq!(p[0].upper[3].elem, Elem::Source);
        let ties = p
            .iter()
            .find(|x| x.code == Code::One("902".into()))
            .unwrap();
        assert_eq!(ties.upper[0].elem, Elem::Synset("TIES".into()));
        assert!(ties.upper[1].adjacent);
        assert_eq!(v.synsets["TIES"][1].len(), 2);
        assert_eq!(
            v.blocks[1].patterns[0].upper[0].elem,
            Elem::Word("OFF".into())
        );
    }

    #[test]
    fn joins_only_without_spaces() {
        let p = parse_pattern("IN_*", Code::Null).unwrap();
        assert!(p.lower[0].adjacent);
        let p = parse_pattern("IN_ *", Code::Null).unwrap();
        assert!(!p.lower[0].adjacent);
        let p = parse_pattern("* DEMAND_&GENINT_CONVENTIONS", Code::Null).unwrap();
        assert!(!p.upper[0].adjacent && p.upper[1].adjacent && p.upper[2].adjacent);
    }

    #[test]
    fn tabari_format() {
        let v = parse_verbs("ABANDON  [345] ;pas\n- * EFFORT  [987]\nACT_ [100]\n{ ACTING_ ACTXD_ }\n- SUGGESTED * DEMAND_{ GENEVA_ | INTERNATIONAL }_TALKS [111]\n");
        assert_eq!(v.blocks.len(), 2);
        assert_eq!(v.blocks[1].code, Some(Code::One("100".into())));
        assert!(v.forms.iter().any(|f| f.words == ["ACTXD"] && f.block == 1));
        assert_eq!(v.blocks[1].patterns.len(), 2);
        assert_eq!(
            v.blocks[1].patterns[0].upper[1].elem,
            Elem::Word("GENEVA".into())
        );
        assert_eq!(
            v.blocks[1].patterns[1].upper[1].elem,
            Elem::Word("INTERNATIONAL".into())
        );
    }

    #[test]
    fn regular_inflections() {
        assert_eq!(
            inflections("restore"),
            ["RESTORES", "RESTORED", "RESTORING"]
        );
        assert_eq!(inflections("DENY"), ["DENIES", "DENIED", "DENYING"]);
        assert!(inflections("STOP").contains(&"STOPPED".to_string()));
        assert_eq!(inflections("PLAY")[1], "PLAYED");
    }
}
