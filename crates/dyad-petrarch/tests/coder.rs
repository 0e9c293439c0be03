//! The coder on small invented dictionaries and sentences, parsed by dyad's own models.

use std::path::Path;

use dyad_petrarch::eval::TextParser;
use dyad_petrarch::{CodedEvent, Dictionaries, PetrarchCoder, Settings};

const VERBS: &str = "\
&TIES
+TRADE
+MILITARY

--- MEND [064] ---
MEND
- * &TIES RELATIONS [065]
- NOT * [112]

--- VISIT [042:043] ---
VISIT

--- CRITICIZE [121] ---
CRITICIZE
- + WAS_ * BY $ [122]

--- OBTAIN [---] ---
OBTAIN
- * ASSURANCES FROM + [:030]

--- SAY [010] ---
SAY {SAID}
";

const ACTORS: &str = "\
VALDORIA [VAL]
+VALDORIAN
KESTRIA_ [KES]
OLD_REGENT
\t[VALGOV <20000101]
\t[VALELI]
";

const AGENTS: &str = "POLICE {} [~COP]\nFOREIGN_MINISTER [~GOVFRM]\n";

fn coder(dir: &Path) -> PetrarchCoder {
    std::fs::write(dir.join("test.verbs.txt"), VERBS).unwrap();
    std::fs::write(dir.join("test.actors.txt"), ACTORS).unwrap();
    std::fs::write(dir.join("test.agents.txt"), AGENTS).unwrap();
    std::fs::write(dir.join("test.discards.txt"), "FOOTBALL MATCH\n").unwrap();
    PetrarchCoder::new(Dictionaries::from_dir(dir).unwrap())
}

fn code(
    coder: &PetrarchCoder,
    text: &str,
    date: u32,
    settings: &Settings,
) -> Vec<(String, String, String)> {
    let parser = TextParser::embedded().unwrap();
    let mut out = Vec::new();
    for words in parser.sentence(text) {
        for CodedEvent {
            source,
            target,
            code,
        } in coder.code_words(&words, Some(date), settings)
        {
            out.push((source, target, code));
        }
    }
    out.sort();
    out
}

fn t(s: &str, t: &str, c: &str) -> (String, String, String) {
    (s.into(), t.into(), c.into())
}

#[test]
fn verbs_patterns_synsets_and_paired_codes() {
    let dir = tempfile::tempdir().unwrap();
    let c = coder(dir.path());
    let s = Settings::default();
    assert_eq!(
        code(&c, "Valdoria mended ties with Kestria.", 20100101, &s),
        [t("VAL", "KES", "064")]
    );
    assert_eq!(
        code(
            &c,
            "Valdoria mended military relations with Kestria.",
            20100101,
            &s
        ),
        [t("VAL", "KES", "065")]
    );
    assert_eq!(
        code(&c, "Valdoria visited Kestria on Monday.", 20100101, &s),
        [t("KES", "VAL", "043"), t("VAL", "KES", "042")]
    );
    // The pattern binds the target before the verb and the source after it.
    assert_eq!(
        code(&c, "Kestria was criticized by Valdoria.", 20100101, &s),
        [t("VAL", "KES", "122")]
    );
    // With no pattern, a passive is done by its agent to its subject.
    assert_eq!(
        code(&c, "Kestria was visited by Valdoria.", 20100101, &s),
        [t("KES", "VAL", "043"), t("VAL", "KES", "042")]
    );
    // A paired code with an empty half (PETRARCH-2's `[:030]`): only the target acts.
    assert_eq!(
        code(
            &c,
            "Valdoria obtained assurances from Kestria.",
            20100101,
            &s
        ),
        [t("KES", "VAL", "030")]
    );
}

#[test]
fn petrarch2_names_its_verbs_file_after_the_codebook() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("CAMEO.2.0.txt"), VERBS).unwrap();
    std::fs::write(dir.path().join("Phoenix.Countries.actors.txt"), ACTORS).unwrap();
    std::fs::write(dir.path().join("Phoenix.prepositions.txt"), "FROM\n").unwrap();
    let c = PetrarchCoder::new(Dictionaries::from_dir(dir.path()).unwrap());
    assert_eq!(
        code(
            &c,
            "Valdoria visited Kestria.",
            20100101,
            &Settings::default()
        ),
        [t("KES", "VAL", "043"), t("VAL", "KES", "042")]
    );
}

#[test]
fn actors_agents_dates_and_compounds() {
    let dir = tempfile::tempdir().unwrap();
    let c = coder(dir.path());
    let s = Settings::default();
    assert_eq!(
        code(&c, "The Valdorian police visited Kestria.", 20100101, &s),
        [t("KES", "VALCOP", "043"), t("VALCOP", "KES", "042")]
    );
    assert_eq!(
        code(&c, "The Old Regent mended ties with Kestria.", 19990101, &s),
        [t("VALGOV", "KES", "064")]
    );
    assert_eq!(
        code(&c, "The Old Regent mended ties with Kestria.", 20050101, &s),
        [t("VALELI", "KES", "064")]
    );
    // Each member of a compound is coded; the police of Valdoria are not Valdoria.
    assert_eq!(
        code(
            &c,
            "Valdoria and Kestria mended ties with the police of Valdoria.",
            20100101,
            &s
        ),
        [t("KES", "VALCOP", "064"), t("VAL", "VALCOP", "064")]
    );
}

#[test]
fn settings_and_discards() {
    let dir = tempfile::tempdir().unwrap();
    let c = coder(dir.path());
    let mut s = Settings::default();
    assert!(
        code(&c, "Valdoria mended its ties on Monday.", 20100101, &s).is_empty(),
        "no target: no event"
    );
    s.require_dyad = false;
    assert_eq!(
        code(&c, "Valdoria mended its ties on Monday.", 20100101, &s),
        [t("VAL", "---", "064")]
    );
    let s = Settings::default();
    assert!(code(
        &c,
        "Valdoria mended ties with Kestria after the football match.",
        20100101,
        &s
    )
    .is_empty());
}

#[test]
fn new_actors_up_to_the_set_length() {
    let dir = tempfile::tempdir().unwrap();
    let c = coder(dir.path());
    let mut s = Settings::default();
    let text = "The Grey Council visited Kestria on Monday.";
    assert!(
        code(&c, text, 20100101, &s).is_empty(),
        "unknown actors are not kept by default"
    );
    s.new_actor_length = 3;
    assert_eq!(
        code(&c, text, 20100101, &s),
        [
            t("\"THE GREY COUNCIL\"", "KES", "042"),
            t("KES", "\"THE GREY COUNCIL\"", "043")
        ]
    );
    s.new_actor_length = 2;
    assert!(
        code(&c, text, 20100101, &s).is_empty(),
        "three words are too many"
    );
}
