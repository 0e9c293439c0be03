//! One test per tokenisation or sentence phenomenon, on our own example sentences.

use dyad_segment::Segmenter;

fn words(text: &str) -> Vec<&str> {
    let (_, tokens) = Segmenter::new().segment(text);
    tokens.iter().map(|t| t.text(text)).collect()
}

fn sentences(text: &str) -> Vec<&str> {
    let (sentences, _) = Segmenter::new().segment(text);
    sentences.iter().map(|s| &text[s.start..s.end]).collect()
}

#[test]
fn clitics_split() {
    let w =
        words("They don't know it's what we'll do; you're sure I'm right, she'd say we've won.");
    for piece in [
        "do", "n't", "it", "'s", "'ll", "you", "'re", "I", "'m", "she", "'d", "'ve",
    ] {
        assert!(w.contains(&piece), "{piece} missing in {w:?}");
    }
}

#[test]
fn curly_apostrophes_split() {
    assert_eq!(
        words("It’s late. Won’t they?"),
        ["It", "’s", "late", ".", "Wo", "n’t", "they", "?"]
    );
}

#[test]
fn contractions_without_apostrophe() {
    assert_eq!(
        words("I cannot stay, we're gonna go"),
        ["I", "can", "not", "stay", ",", "we", "'re", "gon", "na", "go"]
    );
}

#[test]
fn names_with_apostrophes_stay_whole() {
    assert!(words("Mary O'Neill came.").contains(&"O'Neill"));
}

#[test]
fn punctuation_splits() {
    assert_eq!(
        words("Hello, world! (Really?)"),
        ["Hello", ",", "world", "!", "(", "Really", "?", ")"]
    );
}

#[test]
fn hyphenated_words_follow_ud() {
    assert_eq!(
        words("a well-known non-profit group"),
        ["a", "well", "-", "known", "non-profit", "group"]
    );
    assert_eq!(
        words("call 555-867-5309 now"),
        ["call", "555-867-5309", "now"]
    );
}

#[test]
fn urls_and_emails_stay_whole() {
    let w = words("See https://example.org/a?b=1, or write to jane.doe@example.com.");
    assert!(w.contains(&"https://example.org/a?b=1"), "{w:?}");
    assert!(w.contains(&"jane.doe@example.com"), "{w:?}");
    assert_eq!(w.last(), Some(&"."));
}

#[test]
fn numbers_money_and_percentages() {
    assert_eq!(
        words("It cost $1,000.50, up 85% at 10:30."),
        ["It", "cost", "$", "1,000.50", ",", "up", "85", "%", "at", "10:30", "."]
    );
}

#[test]
fn abbreviations_keep_their_period() {
    let text = "Gen. Dan Caine met Mr. Lee of the U.S. Army in Washington, D.C. on Jan. 27, e.g. at St. Paul's.";
    let w = words(text);
    for piece in ["Gen.", "Mr.", "U.S.", "D.C.", "Jan.", "e.g.", "St."] {
        assert!(w.contains(&piece), "{piece} missing in {w:?}");
    }
    assert_eq!(sentences(text).len(), 1);
}

#[test]
fn number_abbreviation() {
    assert_eq!(
        words("Room No. 5 is free."),
        ["Room", "No.", "5", "is", "free", "."]
    );
}

#[test]
fn no_split_after_title_or_party_state() {
    let text = "The Chairman of the Joint Chiefs of Staff Gen. Dan Caine spoke on Monday. \
                Senator Rand Paul (R-Ky.) recently predicted a close vote.";
    let s = sentences(text);
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(s[1].starts_with("Senator"));
    let w = words(text);
    assert!(w.windows(3).any(|x| x == ["R", "-", "Ky."]), "{w:?}");
}

#[test]
fn closing_quote_belongs_to_the_sentence_before() {
    let s = sentences("\"We will win.\" The crowd cheered.");
    assert_eq!(s, ["\"We will win.\"", "The crowd cheered."]);
    let s = sentences("He said: “It is over.” Then he left.");
    assert_eq!(s, ["He said: “It is over.”", "Then he left."]);
}

#[test]
fn ellipses() {
    assert_eq!(
        words("Wait... what? Well… fine"),
        ["Wait", "...", "what", "?", "Well", "…", "fine"]
    );
}

#[test]
fn dashes() {
    assert_eq!(
        words("He came—and left -- quickly."),
        ["He", "came", "—", "and", "left", "--", "quickly", "."]
    );
}

#[test]
fn a_separator_line_starts_a_sentence() {
    // Sayings signed with their author and separated by rule lines of any length, all on
    // one line: a rule never runs on from the sentence before it.
    let text = "Patience is a slow river that still reaches the sea. - Ada Brook ------- \
                Haste spills more soup than it serves. - Tom Vale ========== Every road bends \
                somewhere, and the bend is where you learn to drive. - Lin Rowe ____ A kind word \
                costs nothing and buys a great deal. - Sam Oduya";
    let s = sentences(text);
    for rule in ["-------", "==========", "____"] {
        let holder = s.iter().find(|x| x.contains(rule)).expect("rule kept");
        assert!(holder.starts_with(rule), "{rule}: {s:?}");
    }
}

#[test]
fn plain_sentences_split() {
    let s = sentences("He left the room. She stayed behind! Why did she stay? Nobody knows.");
    assert_eq!(s.len(), 4, "{s:?}");
}

#[test]
fn a_line_break_ends_a_sentence() {
    let text = "Troops Move North\n\nThe army moved on Tuesday. Officials said little.";
    assert_eq!(
        sentences(text),
        [
            "Troops Move North",
            "The army moved on Tuesday.",
            "Officials said little."
        ]
    );
    let text = "The options are:\n\nFirst, wait.";
    assert_eq!(sentences(text), ["The options are:", "First, wait."]);
}

#[test]
fn tokens_lie_inside_their_sentences() {
    let text = "One. Two? \"Three!\" (Four.)\nFive";
    let (sentences, tokens) = Segmenter::new().segment(text);
    for s in &sentences {
        for t in &tokens[s.first_token..s.last_token] {
            assert!(s.start <= t.start && t.end <= s.end);
        }
    }
    assert_eq!(sentences.last().map(|s| s.last_token), Some(tokens.len()));
}

#[test]
fn party_and_state_in_brackets_stay_in_the_sentence() {
    let text = "Senator Rand Paul (R-Ky.) recently predicted that X.";
    assert_eq!(sentences(text), [text]);
}

#[test]
fn runs_of_names_and_titles_do_not_split() {
    let text = "Gen. Dan Caine and Secretary of State Marco Rubio met the press.";
    assert_eq!(sentences(text), [text]);
    let text = "Sen. Rand Paul (R-Ky.) didn't agree. He left.";
    assert_eq!(sentences(text).len(), 2);
}

#[test]
fn dotted_abbreviations_keep_their_periods_and_clitics() {
    let w = words("The U.S. envoy praised D.C.’s mayor and the U.S.'s allies.");
    assert!(w.contains(&"U.S."), "{w:?}");
    assert!(w.windows(2).any(|x| x == ["D.C.", "’s"]), "{w:?}");
    assert!(w.windows(2).any(|x| x == ["U.S.", "'s"]), "{w:?}");
}

#[test]
fn letter_slash_letter_stays_whole() {
    let w = words("I left b/c it was cold w/o a coat, and/or wet");
    assert!(w.contains(&"b/c") && w.contains(&"w/o"), "{w:?}");
    assert!(w.windows(3).any(|x| x == ["and", "/", "or"]), "{w:?}");
}

#[test]
fn its_before_a_verb_phrase_is_a_contraction() {
    assert_eq!(words("its not"), ["it", "s", "not"]);
    assert_eq!(words("its own"), ["its", "own"]);
}
