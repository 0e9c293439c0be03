//! Candidate lemmas of an English word, for lexicon lookup when no tagger lemma is available.

const IRREGULAR: &[(&str, &str)] = &[
    ("told", "tell"),
    ("said", "say"),
    ("says", "say"),
    ("held", "hold"),
    ("met", "meet"),
    ("took", "take"),
    ("taken", "take"),
    ("gave", "give"),
    ("given", "give"),
    ("left", "leave"),
    ("began", "begin"),
    ("begun", "begin"),
    ("brought", "bring"),
    ("sought", "seek"),
    ("struck", "strike"),
    ("stricken", "strike"),
    ("fought", "fight"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("led", "lead"),
    ("sent", "send"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("made", "make"),
    ("built", "build"),
    ("kept", "keep"),
    ("stood", "stand"),
    ("came", "come"),
    ("went", "go"),
    ("gone", "go"),
    ("saw", "see"),
    ("seen", "see"),
    ("won", "win"),
    ("lost", "lose"),
    ("broke", "break"),
    ("broken", "break"),
    ("shot", "shoot"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("overthrew", "overthrow"),
    ("overthrown", "overthrow"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("wrote", "write"),
    ("written", "write"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("hit", "hit"),
    ("put", "put"),
    ("cut", "cut"),
    ("set", "set"),
    ("quit", "quit"),
    ("was", "be"),
    ("were", "be"),
    ("is", "be"),
    ("are", "be"),
    ("been", "be"),
    ("has", "have"),
    ("had", "have"),
    ("did", "do"),
    ("does", "do"),
    ("done", "do"),
    ("knew", "know"),
    ("known", "know"),
    ("thought", "think"),
    ("bought", "buy"),
    ("paid", "pay"),
    ("laid", "lay"),
    ("fled", "flee"),
    ("bore", "bear"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("forces", "force"),
    ("troops", "troop"),
    ("crises", "crisis"),
];

/// Candidate lemmas of `word` (lowercased), most likely first; always includes the word.
pub fn candidates(word: &str) -> Vec<String> {
    let w = word.to_lowercase().replace('\u{2019}', "'");
    let mut out = vec![w.clone()];
    if let Some((_, lemma)) = IRREGULAR.iter().find(|(form, _)| *form == w) {
        out.insert(0, lemma.to_string());
        return out;
    }
    let mut push = |s: String| {
        if s.len() >= 2 && !out.contains(&s) {
            out.push(s);
        }
    };
    if let Some(stem) = w.strip_suffix("ies") {
        push(format!("{stem}y"));
    }
    if let Some(stem) = w.strip_suffix("ied") {
        push(format!("{stem}y"));
    }
    for suffix in ["es", "s", "ed", "d", "ing"] {
        if let Some(stem) = w.strip_suffix(suffix) {
            push(stem.to_string());
            if suffix == "ing" || suffix == "ed" {
                push(format!("{stem}e"));
                let b = stem.as_bytes();
                if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
                    push(stem[..stem.len() - 1].to_string());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::candidates;

    #[test]
    fn regular_and_irregular_forms() {
        assert!(candidates("demanded").contains(&"demand".to_string()));
        assert!(candidates("closed").contains(&"close".to_string()));
        assert!(candidates("designated").contains(&"designate".to_string()));
        assert!(candidates("stopped").contains(&"stop".to_string()));
        assert!(candidates("denies").contains(&"deny".to_string()));
        assert_eq!(candidates("told")[0], "tell");
        assert!(candidates("strikes").contains(&"strike".to_string()));
    }
}
