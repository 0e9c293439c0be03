//! The event lexicon: trigger words and cues mapped to CAMEO codes, loaded from data files.

use std::collections::HashMap;
use std::path::Path;

use dyad_codebook::Codebook;

use crate::{Error, Result};

const EMBEDDED_VERBS: &str = include_str!("../data/verbs.tsv");
const EMBEDDED_CRITICAL: &str = include_str!("../data/critical_words.txt");

/// Part of speech of a trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerKind {
    /// A verb ("demanded").
    Verb,
    /// A noun ("the indictment").
    Noun,
}

/// A cue phrase that must occur in the clause, before or after the trigger.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// Lemmas of the phrase's words.
    pub words: Vec<String>,
    /// Whether the cue precedes the trigger.
    pub before: bool,
    /// Whether the cue must name what the trigger acts on (`@` prefix): head its object or
    /// oblique, or a noun inside it ("met all of its promises"), not merely follow it ("met
    /// his counterparts to consider proposals aimed at …").
    pub acted_on: bool,
}

/// One lexicon row.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Lemmas of the trigger's words (multi-word triggers such as "point out").
    pub trigger: Vec<String>,
    /// Verb or noun.
    pub kind: TriggerKind,
    /// Alternative cues; empty = none needed.
    pub cues: Vec<Cue>,
    /// CAMEO code; `---` makes a blocker: the match codes no event.
    pub code: String,
    /// The trigger announces a future deed (a threat): its mode is not `future`.
    pub threat: bool,
    /// A statement verb: coded only with its cue.
    pub speech: bool,
    /// With no target in the sentence, the target is the actor whose demand it answers.
    pub reply: bool,
    /// Coded only when the sentence names whom it is aimed at (a target): "support" an
    /// actor, not a policy.
    pub directed: bool,
    /// With `directed`: the target is one the trigger addresses, not one talked about in a
    /// clause with its own subject under it ("warned Iran", not "warned that the
    /// government could fall").
    pub addressed: bool,
    /// With `directed`: the target is the trigger's own object, or the subject of its
    /// passive ("ordered Menem to appear", "was ordered to appear"), not a mention inside
    /// what was ordered ("ordered the deportation of an Iranian-born actress").
    pub object: bool,
    /// The target, if any, is one of the trigger's own dependents, its object or an oblique
    /// ("resigned from the government"), not a mention deeper in the sentence ("resigned
    /// … after an inquiry uncovered … Mrs Quinn's nanny").
    pub near: bool,
    /// The code instead when the source is an armed actor (flag `armed=CODE`): "the army
    /// attacked the town" is a use of force, "the opposition attacked the plan" a criticism.
    pub armed_code: Option<String>,
    /// The code instead when the source is an armed group outside any state's forces
    /// (flag `irregular=CODE`): "the NATO bombing" is a use of force, "the IRA bombings" a
    /// non-military bombing. It comes before `armed=CODE`.
    pub irregular_code: Option<String>,
    /// The code instead when neither side is armed and one of them is a party, a
    /// legislature or the opposition (flag `political=CODE`): "the Tory attack on Labour's
    /// plans", "clashes in the Commons" are criticism, not force.
    pub political_code: Option<String>,
    /// An opinion verb: no event when it states a view ("agreed the law was unfair",
    /// "agree with this"), not an undertaking.
    pub opinion: bool,
    /// A journey: no event when it goes to a place or thing no actor stands for ("visiting
    /// constituencies in Somerset", "travel to key cities"); one that names no destination
    /// ("the general's visit this week") is coded.
    pub travel: bool,
    /// Name-calling: coded only where the verb names its object something ("called Trump a
    /// tyrant"), not where the cue stands elsewhere ("called for the arrest of a drug
    /// trafficker").
    pub naming: bool,
    /// Where the rule came from (`verbs.tsv:12`).
    pub origin: String,
    /// From the fallback tier: used only where no main rule matches.
    pub fallback: bool,
}

/// The code of a blocker row: a match that codes no event.
pub const NO_EVENT: &str = "---";

/// The event lexicon, indexed by the first lemma of each trigger: the main rules
/// (`verbs.tsv` and the user's) and a fallback tier (generated from PETRARCH-2) consulted
/// only at positions where no main rule matches.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    rules: HashMap<String, Vec<Rule>>,
    fallback: HashMap<String, Vec<Rule>>,
    critical: Vec<String>,
}

impl Lexicon {
    /// The lexicon shipped with dyad.
    pub fn embedded() -> Lexicon {
        let mut lexicon = Lexicon::default();
        lexicon
            .add_rules(EMBEDDED_VERBS, "verbs.tsv")
            .expect("embedded verbs.tsv");
        lexicon.add_critical(EMBEDDED_CRITICAL);
        lexicon
    }

    /// Adds `verbs.tsv` and `critical_words.txt` from a user folder, if present; a
    /// `verbs_cameo2.tsv` there becomes the fallback tier (none is embedded: the tier generated
    /// from PETRARCH-2, `crates/dyad-coder/lexicons/petrarch2/`, is opt-in).
    pub fn extend_from_dir(&mut self, dir: &Path) -> Result<()> {
        let verbs = dir.join("verbs.tsv");
        if let Some(text) = read_if_present(&verbs)? {
            self.add_rules(&text, &verbs.display().to_string())?;
        }
        // A fallback tier of the user's replaces any loaded before.
        let fallback = dir.join("verbs_cameo2.tsv");
        if let Some(text) = read_if_present(&fallback)? {
            self.fallback.clear();
            self.add_fallback_rules(&text, &fallback.display().to_string())?;
        }
        if let Some(text) = read_if_present(&dir.join("critical_words.txt"))? {
            self.add_critical(&text);
        }
        Ok(())
    }

    /// Parses rows in the format of `data/verbs.tsv`; codes must exist in the codebook.
    pub fn add_rules(&mut self, text: &str, file: &str) -> Result<()> {
        index(&mut self.rules, parse_rules(text, file, false)?);
        Ok(())
    }

    /// Parses rows of the fallback tier (same format as `data/verbs.tsv`).
    pub fn add_fallback_rules(&mut self, text: &str, file: &str) -> Result<()> {
        index(&mut self.fallback, parse_rules(text, file, true)?);
        Ok(())
    }

    /// Whether a fallback tier is loaded (it is opt-in).
    pub fn has_fallback(&self) -> bool {
        !self.fallback.is_empty()
    }

    fn add_critical(&mut self, text: &str) {
        let words = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        self.critical.extend(words.map(str::to_lowercase));
    }

    /// The rules whose trigger starts with `lemma`.
    pub fn rules_for(&self, lemma: &str) -> &[Rule] {
        self.rules.get(lemma).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The fallback-tier rules whose trigger starts with `lemma`.
    pub fn fallback_rules_for(&self, lemma: &str) -> &[Rule] {
        self.fallback.get(lemma).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether `word` (lowercase) marks a statement as critical.
    pub fn is_critical(&self, word: &str) -> bool {
        self.critical.iter().any(|c| c == word)
    }

    /// Number of rules (both tiers).
    pub fn len(&self) -> usize {
        self.rules
            .values()
            .chain(self.fallback.values())
            .map(Vec::len)
            .sum()
    }

    /// Whether the lexicon has no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty() && self.fallback.is_empty()
    }
}

/// Parses rows in the format of `data/verbs.tsv`; codes must exist in the codebook (or be
/// `---`, a blocker).
fn parse_rules(text: &str, file: &str, fallback: bool) -> Result<Vec<Rule>> {
    let codebook = Codebook::embedded();
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let malformed = |message: String| Error::Malformed {
            file: file.to_string(),
            line: index + 1,
            message,
        };
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        if fields.len() < 4 {
            return Err(malformed(format!(
                "expected trigger, kind, cue, code (tab-separated), found {} fields",
                fields.len()
            )));
        }
        let kind = match fields[1] {
            "verb" => TriggerKind::Verb,
            "noun" => TriggerKind::Noun,
            other => {
                return Err(malformed(format!(
                    "kind must be verb or noun, not `{other}`"
                )))
            }
        };
        let known_code = |code: &str| match codebook.get(code) {
            Some(_) => Ok(()),
            None => Err(malformed(format!("`{code}` is not a CAMEO event code"))),
        };
        let code = fields[3].to_string();
        if code != NO_EVENT {
            known_code(&code)?;
        }
        let cues: Vec<Cue> = split_alternatives(fields[2])
            .map(|alt| {
                let (before, alt) = match alt.strip_prefix('<') {
                    Some(rest) => (true, rest),
                    None => (false, alt),
                };
                let (acted_on, alt) = match alt.strip_prefix('@') {
                    Some(rest) => (true, rest),
                    None => (false, alt),
                };
                Cue {
                    words: alt.split_whitespace().map(str::to_lowercase).collect(),
                    before,
                    acted_on,
                }
            })
            .collect();
        let flags: Vec<&str> = fields
            .get(4)
            .map(|f| f.split(',').map(str::trim).collect())
            .unwrap_or_default();
        let mut armed_code = None;
        let mut irregular_code = None;
        let mut political_code = None;
        for flag in &flags {
            if let Some(armed) = flag.strip_prefix("armed=") {
                known_code(armed)?;
                armed_code = Some(armed.to_string());
            } else if let Some(irregular) = flag.strip_prefix("irregular=") {
                known_code(irregular)?;
                irregular_code = Some(irregular.to_string());
            } else if let Some(political) = flag.strip_prefix("political=") {
                known_code(political)?;
                political_code = Some(political.to_string());
            } else if !flag.is_empty()
                && ![
                    "threat",
                    "speech",
                    "reply",
                    "directed",
                    "addressed",
                    "object",
                    "near",
                    "opinion",
                    "travel",
                    "naming",
                ]
                .contains(flag)
            {
                return Err(malformed(format!("unknown flag `{flag}`")));
            }
        }
        for trigger in split_alternatives(fields[0]) {
            let words: Vec<String> = trigger.split_whitespace().map(str::to_lowercase).collect();
            if words.is_empty() {
                continue;
            }
            let rule = Rule {
                trigger: words.clone(),
                kind,
                cues: cues.clone(),
                code: code.clone(),
                threat: flags.contains(&"threat"),
                speech: flags.contains(&"speech"),
                reply: flags.contains(&"reply"),
                directed: ["directed", "addressed", "object"]
                    .iter()
                    .any(|f| flags.contains(f)),
                addressed: flags.contains(&"addressed"),
                object: flags.contains(&"object"),
                near: flags.contains(&"near"),
                opinion: flags.contains(&"opinion"),
                travel: flags.contains(&"travel"),
                naming: flags.contains(&"naming"),
                armed_code: armed_code.clone(),
                irregular_code: irregular_code.clone(),
                political_code: political_code.clone(),
                origin: format!("{file}:{}", index + 1),
                fallback,
            };
            out.push(rule);
        }
    }
    Ok(out)
}

/// Adds `rules` to `tier`, indexed by the first lemma of their trigger.
fn index(tier: &mut HashMap<String, Vec<Rule>>, rules: Vec<Rule>) {
    for rule in rules {
        tier.entry(rule.trigger[0].clone()).or_default().push(rule);
    }
}

/// The text of `path`, or `None` when there is no such file.
fn read_if_present(path: &Path) -> Result<Option<String>> {
    if !path.exists() {
        return Ok(None);
    }
    std::fs::read_to_string(path)
        .map(Some)
        .map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })
}

fn split_alternatives(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_loads_and_codes_exist() {
        let lexicon = Lexicon::embedded();
        assert!(lexicon.len() > 100);
        assert!(lexicon.rules_for("demand").iter().any(|r| r.code == "1041"));
        assert!(lexicon
            .rules_for("blow")
            .iter()
            .any(|r| r.trigger == ["blow", "up"]));
    }

    #[test]
    fn fallback_tier_and_blockers() {
        // The generated tier is opt-in: not embedded, loaded from its folder.
        assert!(Lexicon::embedded()
            .fallback_rules_for("demolish")
            .is_empty());
        let mut lexicon = Lexicon::embedded();
        lexicon
            .extend_from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons/petrarch2"))
            .unwrap();
        assert!(lexicon
            .fallback_rules_for("demolish")
            .iter()
            .all(|r| r.fallback));
        assert!(!lexicon.fallback_rules_for("demolish").is_empty());
        assert!(lexicon.rules_for("demand").iter().all(|r| !r.fallback));
        let mut own = Lexicon::default();
        own.add_rules("according to\tverb\t\t---\n", "mine.tsv")
            .unwrap();
        assert_eq!(own.rules_for("according")[0].code, NO_EVENT);
    }

    #[test]
    fn the_directed_flag_is_read() {
        let mut own = Lexicon::default();
        own.add_rules(
            "back\tverb\t\t051\tdirected\nhail\tverb\t\t051\n",
            "mine.tsv",
        )
        .unwrap();
        assert!(own.rules_for("back")[0].directed);
        assert!(!own.rules_for("hail")[0].directed);
        own.add_rules("warn\tverb\t\t130\tthreat,addressed\n", "mine.tsv")
            .unwrap();
        let warn = &own.rules_for("warn")[0];
        assert!(warn.addressed && warn.directed);
        assert!(!own.rules_for("back")[0].addressed);
        let embedded = Lexicon::embedded();
        assert!(embedded
            .rules_for("support")
            .iter()
            .filter(|r| r.code != NO_EVENT)
            .all(|r| r.directed));
    }

    #[test]
    fn the_armed_flag_is_read_and_checked() {
        let mut own = Lexicon::default();
        own.add_rules("storm\tverb\t\t111\tarmed=190\n", "mine.tsv")
            .unwrap();
        assert_eq!(own.rules_for("storm")[0].armed_code.as_deref(), Some("190"));
        own.add_rules("blast\tnoun\t\t190\tirregular=183\n", "mine.tsv")
            .unwrap();
        assert_eq!(
            own.rules_for("blast")[0].irregular_code.as_deref(),
            Some("183")
        );
        own.add_rules("raid\tnoun\t\t190\tpolitical=111\n", "mine.tsv")
            .unwrap();
        assert_eq!(
            own.rules_for("raid")[0].political_code.as_deref(),
            Some("111")
        );
        assert!(own
            .add_rules("raid\tnoun\t\t190\tpolitical=99x\n", "mine.tsv")
            .is_err());
        let err = own
            .add_rules("storm\tverb\t\t111\tarmed=999\n", "mine.tsv")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "mine.tsv:1: `999` is not a CAMEO event code"
        );
    }

    #[test]
    fn bad_rows_are_reported_with_their_line() {
        let mut lexicon = Lexicon::default();
        let err = lexicon
            .add_rules("# comment\nsnub\tverb\t\t999\n", "mine.tsv")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "mine.tsv:2: `999` is not a CAMEO event code"
        );
        let err = lexicon
            .add_rules("snub\tadverb\t\t120\n", "mine.tsv")
            .unwrap_err();
        assert!(err.to_string().contains("kind must be verb or noun"));
    }
}
