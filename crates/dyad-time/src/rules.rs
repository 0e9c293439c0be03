//! The rule language of `data/rules.txt` and its matcher.
//!
//! A rule is one line: `name: PATTERN => TYPE function [key=value…]`. A pattern is a
//! sequence of elements separated by spaces; an element is one or more alternatives joined
//! by `|`, each a lowercase word or `@CLASS`, optionally followed by `?` (optional) or `+`
//! (one or more). `@QTY` matches a whole cardinal phrase ("twenty four", "a couple of",
//! "several", "22"). Bracketed elements at the start or end are context that must
//! (`[for]`) or must not (`[!the]`) stand just before or after the expression without
//! joining its extent.

use std::collections::HashMap;

use dyad_types::TimexType;

use crate::error::{Error, Result};
use crate::lexicon::{ClassId, Lexicon};
use crate::tokens::Tok;

const FILE: &str = "rules.txt";

/// One alternative of a pattern element.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Alt {
    /// A lowercase word.
    Word(String),
    /// A token class.
    Class(ClassId),
}

/// How often an element may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Repeat {
    One,
    Optional,
    OneOrMore,
}

#[derive(Debug, Clone)]
struct Element {
    alts: Vec<Alt>,
    repeat: Repeat,
}

#[derive(Debug, Clone)]
struct Context {
    alts: Vec<Alt>,
    negated: bool,
}

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Rule name (for debugging).
    pub name: String,
    elements: Vec<Element>,
    before: Option<Context>,
    after: Option<Context>,
    /// TimeML type of what it finds.
    pub kind: TimexType,
    /// Name of the normalisation function.
    pub function: String,
    /// Arguments of the normalisation function.
    pub args: HashMap<String, String>,
}

/// What one pattern element matched.
#[derive(Debug, Clone)]
pub struct Capture {
    /// First token matched.
    pub token: usize,
    /// The class it matched as (`None` for a literal word).
    pub class: Option<ClassId>,
}

/// A rule match over tokens `start..end`.
#[derive(Debug, Clone)]
pub struct RuleMatch {
    /// Index of the rule.
    pub rule: usize,
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Per matched element.
    pub captures: Vec<Capture>,
}

/// Quantity phrases found before matching: `(length in tokens, value)`; `None` value = vague.
pub type QtyTable = Vec<Option<(usize, Option<u32>)>>;

/// All rules, indexed by what their first token can be.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// The rules, in file order (earlier wins ties).
    pub rules: Vec<Rule>,
    by_word: HashMap<String, Vec<usize>>,
    by_class: HashMap<ClassId, Vec<usize>>,
    qty_class: ClassId,
}

fn parse_alts(text: &str, lexicon: &mut Lexicon) -> Vec<Alt> {
    text.split('|')
        .map(|a| match a.strip_prefix('@') {
            Some(class) => Alt::Class(lexicon.class_id(class)),
            None => Alt::Word(a.to_string()),
        })
        .collect()
}

fn parse_type(name: &str) -> Option<TimexType> {
    Some(match name {
        "DATE" => TimexType::Date,
        "TIME" => TimexType::Time,
        "DURATION" => TimexType::Duration,
        "SET" => TimexType::Set,
        _ => return None,
    })
}

impl RuleSet {
    /// Parses the rule file; class names it uses are added to `lexicon`.
    pub fn parse(source: &str, lexicon: &mut Lexicon) -> Result<RuleSet> {
        let mut rules = Vec::new();
        for (index, line) in source.lines().enumerate() {
            let line = line.split(" #").next().unwrap_or("").trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: &str| Error::BadRule {
                file: FILE,
                line: index + 1,
                message: message.into(),
            };
            let (name, rest) = line.split_once(':').ok_or_else(|| bad("missing `name:`"))?;
            let (pattern, action) = rest.split_once("=>").ok_or_else(|| bad("missing `=>`"))?;
            let mut action = action.split_whitespace();
            let kind = action
                .next()
                .and_then(parse_type)
                .ok_or_else(|| bad("bad TimeML type"))?;
            let function = action
                .next()
                .ok_or_else(|| bad("missing function"))?
                .to_string();
            let args = action
                .map(|kv| {
                    kv.split_once('=')
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                })
                .collect::<Option<HashMap<_, _>>>()
                .ok_or_else(|| bad("arguments are key=value"))?;
            let mut elements = Vec::new();
            let (mut before, mut after) = (None, None);
            let parts: Vec<&str> = pattern.split_whitespace().collect();
            for (k, part) in parts.iter().enumerate() {
                if let Some(inner) = part.strip_prefix('[').and_then(|p| p.strip_suffix(']')) {
                    let (negated, inner) = match inner.strip_prefix('!') {
                        Some(rest) => (true, rest),
                        None => (false, inner),
                    };
                    let context = Context {
                        alts: parse_alts(inner, lexicon),
                        negated,
                    };
                    if k == 0 {
                        before = Some(context);
                    } else if k + 1 == parts.len() {
                        after = Some(context);
                    } else {
                        return Err(bad("context only at the start or end"));
                    }
                    continue;
                }
                let (body, repeat) = if let Some(b) = part.strip_suffix('?') {
                    (b, Repeat::Optional)
                } else if let Some(b) = part.strip_suffix('+') {
                    (b, Repeat::OneOrMore)
                } else {
                    (*part, Repeat::One)
                };
                if body.is_empty() {
                    return Err(bad("empty element"));
                }
                elements.push(Element {
                    alts: parse_alts(body, lexicon),
                    repeat,
                });
            }
            if elements.iter().all(|e| e.repeat == Repeat::Optional) {
                return Err(bad("a pattern needs a required element"));
            }
            rules.push(Rule {
                name: name.trim().to_string(),
                elements,
                before,
                after,
                kind,
                function,
                args,
            });
        }
        let qty_class = lexicon.class_id("QTY");
        let mut set = RuleSet {
            rules,
            by_word: HashMap::new(),
            by_class: HashMap::new(),
            qty_class,
        };
        set.index();
        Ok(set)
    }

    fn index(&mut self) {
        for (r, rule) in self.rules.iter().enumerate() {
            for element in &rule.elements {
                for alt in &element.alts {
                    match alt {
                        Alt::Word(w) => self.by_word.entry(w.clone()).or_default().push(r),
                        Alt::Class(c) => self.by_class.entry(*c).or_default().push(r),
                    }
                }
                if element.repeat != Repeat::Optional {
                    break;
                }
            }
        }
        for list in self.by_word.values_mut().chain(self.by_class.values_mut()) {
            list.sort_unstable();
            list.dedup();
        }
    }

    /// Rules that may start at token `i`, in rule order.
    pub fn candidates(&self, tokens: &[Tok], qty: &QtyTable, i: usize, out: &mut Vec<usize>) {
        out.clear();
        let tok = &tokens[i];
        if let Some(list) = self.by_word.get(&tok.lower) {
            out.extend_from_slice(list);
        }
        for (class, _) in &tok.classes {
            if let Some(list) = self.by_class.get(class) {
                out.extend_from_slice(list);
            }
        }
        if qty[i].is_some() {
            if let Some(list) = self.by_class.get(&self.qty_class) {
                out.extend_from_slice(list);
            }
        }
        out.sort_unstable();
        out.dedup();
    }

    /// All matches of rule `r` starting at token `i`, longest first.
    pub fn match_rule(
        &self,
        r: usize,
        tokens: &[Tok],
        qty: &QtyTable,
        i: usize,
        out: &mut Vec<RuleMatch>,
    ) {
        let rule = &self.rules[r];
        if let Some(context) = &rule.before {
            let hit = i > 0 && self.alt_len(&context.alts, tokens, qty, i - 1).is_some();
            if hit == context.negated {
                return;
            }
        }
        let mut captures = Vec::new();
        self.walk(rule, 0, tokens, qty, i, &mut captures, &mut |end, caps| {
            if let Some(context) = &rule.after {
                let hit =
                    end < tokens.len() && self.alt_len(&context.alts, tokens, qty, end).is_some();
                if hit == context.negated {
                    return;
                }
            }
            out.push(RuleMatch {
                rule: r,
                start: i,
                end,
                captures: caps.to_vec(),
            });
        });
    }

    /// Length in tokens and class of the first alternative matching at `i`.
    fn alt_len(
        &self,
        alts: &[Alt],
        tokens: &[Tok],
        qty: &QtyTable,
        i: usize,
    ) -> Option<(usize, Option<ClassId>)> {
        let tok = tokens.get(i)?;
        for alt in alts {
            match alt {
                Alt::Word(w) if *w == tok.lower => return Some((1, None)),
                Alt::Class(c) if *c == self.qty_class => {
                    if let Some((len, _)) = qty[i] {
                        return Some((len, Some(*c)));
                    }
                }
                Alt::Class(c) if tok.is(*c) => return Some((1, Some(*c))),
                _ => {}
            }
        }
        None
    }

    #[allow(clippy::too_many_arguments)]
    fn walk(
        &self,
        rule: &Rule,
        e: usize,
        tokens: &[Tok],
        qty: &QtyTable,
        i: usize,
        captures: &mut Vec<Capture>,
        done: &mut dyn FnMut(usize, &[Capture]),
    ) {
        let Some(element) = rule.elements.get(e) else {
            done(i, captures);
            return;
        };
        if let Some((len, class)) = self.alt_len(&element.alts, tokens, qty, i) {
            captures.push(Capture { token: i, class });
            if element.repeat == Repeat::OneOrMore {
                self.walk_more(rule, e, tokens, qty, i + len, captures, done);
            }
            self.walk(rule, e + 1, tokens, qty, i + len, captures, done);
            captures.pop();
        }
        if element.repeat == Repeat::Optional {
            self.walk(rule, e + 1, tokens, qty, i, captures, done);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn walk_more(
        &self,
        rule: &Rule,
        e: usize,
        tokens: &[Tok],
        qty: &QtyTable,
        i: usize,
        captures: &mut Vec<Capture>,
        done: &mut dyn FnMut(usize, &[Capture]),
    ) {
        let element = &rule.elements[e];
        if let Some((len, class)) = self.alt_len(&element.alts, tokens, qty, i) {
            captures.push(Capture { token: i, class });
            self.walk_more(rule, e, tokens, qty, i + len, captures, done);
            self.walk(rule, e + 1, tokens, qty, i + len, captures, done);
            captures.pop();
        }
    }
}
