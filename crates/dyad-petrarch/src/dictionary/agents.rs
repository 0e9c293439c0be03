//! Agent dictionaries: roles (`POLICE`, `FOREIGN_MINISTER`) whose code joins an actor's.
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN     substitution set: CONGRESS!PERSON! is CONGRESSMAN, ...
//! POLICE {} [~COP]               ~COP follows the country code: Arnor police = ARNCOP
//! ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   explicit plural
//! MSF {} [NGO~]                  NGO~ comes before the country code
//! ```
//! Every name also gets its regular plural.

use std::collections::HashMap;

use super::text::{split_code, strip_block_comments, strip_line_comment};

/// An agent's code and where it goes.
#[derive(Debug, Clone, PartialEq)]
pub struct AgentCode {
    /// The code without `~`.
    pub code: String,
    /// `CODE~`: written before the actor's code rather than after it.
    pub prefix: bool,
}

/// One agent name (a singular or plural form) and its code.
#[derive(Debug, Clone, PartialEq)]
pub struct Agent {
    /// Upper-case words.
    pub words: Vec<String>,
    /// The code.
    pub code: AgentCode,
}

/// The regular English plural of a word.
pub fn plural(word: &str) -> String {
    let w = word.to_uppercase();
    if w.ends_with('Y') && !w.ends_with("AY") && !w.ends_with("EY") && !w.ends_with("OY") {
        format!("{}IES", &w[..w.len() - 1])
    } else if w.ends_with('S') || w.ends_with('X') || w.ends_with("CH") || w.ends_with("SH") {
        format!("{w}ES")
    } else {
        format!("{w}S")
    }
}

fn words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_uppercase)
        .collect()
}

/// Replaces each `!SET!` in `name` by every member of the set.
fn expand(name: &str, sets: &HashMap<String, Vec<String>>) -> Vec<String> {
    let Some(start) = name.find('!') else {
        return vec![name.to_string()];
    };
    let Some(len) = name[start + 1..].find('!') else {
        return vec![name.to_string()];
    };
    let key = &name[start..start + len + 2];
    match sets.get(&key.to_uppercase()) {
        Some(members) => members
            .iter()
            .flat_map(|m| expand(&name.replacen(key, m, 1), sets))
            .collect(),
        None => vec![name.replace('!', "")],
    }
}

/// Reads an agent dictionary.
pub fn parse_agents(text: &str) -> Vec<Agent> {
    let text = strip_block_comments(text);
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    let mut out = Vec::new();
    for raw in text.lines() {
        let line = strip_line_comment(raw);
        if line.is_empty() {
            continue;
        }
        if line.starts_with('!') {
            if let Some((key, members)) = line.split_once('=') {
                let members = members
                    .split(',')
                    .map(|m| m.trim().to_uppercase())
                    .filter(|m| !m.is_empty())
                    .collect();
                sets.insert(key.trim().to_uppercase(), members);
                continue;
            }
        }
        let (head, code, _) = split_code(line);
        let Some(code) = code else { continue };
        let code = code.trim();
        let agent = match code.strip_prefix('~') {
            Some(c) => AgentCode {
                code: c.trim().to_string(),
                prefix: false,
            },
            None => AgentCode {
                code: code.trim_end_matches('~').trim().to_string(),
                prefix: code.ends_with('~'),
            },
        };
        if agent.code.is_empty() {
            continue;
        }
        let (name, plurals) = match (head.find('{'), head.find('}')) {
            (Some(o), Some(c)) if c > o => (head[..o].trim(), Some(&head[o + 1..c])),
            _ => (head.trim(), None),
        };
        let mut names: Vec<Vec<String>> = Vec::new();
        for form in expand(name, &sets) {
            let w = words(&form);
            if w.is_empty() {
                continue;
            }
            let mut p = w.clone();
            if let Some(last) = p.last_mut() {
                *last = plural(last);
            }
            names.push(w);
            names.push(p);
        }
        for extra in plurals.into_iter().flat_map(|p| p.split_whitespace()) {
            for form in expand(extra, &sets) {
                let w = words(&form);
                if !w.is_empty() {
                    names.push(w);
                }
            }
        }
        names.dedup();
        for w in names {
            out.push(Agent {
                words: w,
                code: agent.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_plurals_and_substitutions() {
        let a = parse_agents(
            "!PERSON! = MAN, MEN\nPOLICE {} [ ~COP] # x\nMSF {} [NGO~]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\nCONGRESS!PERSON! [~LEG]\n",
        );
        let find = |w: &[&str]| a.iter().find(|x| x.words == w).map(|x| x.code.clone());
        assert_eq!(find(&["POLICE"]).unwrap().code, "COP");
        assert!(!find(&["POLICES"]).unwrap().prefix);
        assert!(find(&["MSF"]).unwrap().prefix);
        assert_eq!(find(&["MSF"]).unwrap().code, "NGO");
        assert!(find(&["ATTORNEYS", "GENERAL"]).is_some());
        assert_eq!(find(&["CONGRESSMAN"]).unwrap().code, "LEG");
        assert!(find(&["CONGRESSMEN"]).is_some());
    }

    #[test]
    fn regular_plurals() {
        assert_eq!(plural("ministry"), "MINISTRIES");
        assert_eq!(plural("CHURCH"), "CHURCHES");
        assert_eq!(plural("ENVOY"), "ENVOYS");
    }
}
