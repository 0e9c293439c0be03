//! One short text per phenomenon: where the quote is, who said it, how.
use dyad_quotes::{find_marked_quotes, find_quotes};
use dyad_types::{Analysis, Document, Quote, QuoteKind, Stage};

fn quotes(text: &str) -> Vec<Quote> {
    let mut analysis = Analysis::new(Document::from_text(text));
    let (sentences, tokens) = dyad_segment::Segmenter::new().segment(&analysis.doc.text);
    analysis.sentences = sentences;
    analysis.tokens = tokens;
    dyad_syntax::SyntaxStage::embedded()
        .expect("syntax models")
        .process(&mut analysis);
    let found = find_quotes(&analysis);
    for q in &found {
        assert_eq!(&text[q.start..q.end], q.text, "offsets of {q:?}");
        if let Some(s) = &q.speaker {
            assert_eq!(&text[s.start..s.end], s.text, "speaker offsets of {q:?}");
        }
    }
    found
}

fn one<'a>(found: &'a [Quote], starts: &str) -> &'a Quote {
    found
        .iter()
        .find(|q| q.text.starts_with(starts))
        .unwrap_or_else(|| panic!("no quote starting {starts:?} in {found:#?}"))
}

fn speaker(q: &Quote) -> Option<&str> {
    q.speaker.as_ref().map(|s| s.text.as_str())
}

#[test]
fn curly_quote_before_the_cue() {
    let found = quotes("“We will win this war,” the minister said.");
    let q = one(&found, "We will win");
    assert_eq!(q.text, "We will win this war");
    assert_eq!(
        (speaker(q), q.kind),
        (Some("the minister"), QuoteKind::Direct)
    );
    assert_eq!(q.cue.as_deref(), Some("said"));
}

#[test]
fn straight_quote_with_inverted_cue() {
    let found = quotes(
        "\"The talks have failed,\" said the spokesman, speaking on condition of anonymity.",
    );
    assert_eq!(
        speaker(one(&found, "The talks have failed")),
        Some("the spokesman")
    );
}

#[test]
fn cue_before_a_colon() {
    let found = quotes("The president said: “We are ready to defend our country.”");
    assert_eq!(speaker(one(&found, "We are ready")), Some("The president"));
}

#[test]
fn interrupted_quote_keeps_its_speaker() {
    let found = quotes("“We are ready,” he said. “We will fight for every village.”");
    assert_eq!(speaker(one(&found, "We are ready")), Some("he"));
    assert_eq!(speaker(one(&found, "We will fight")), Some("he"));
}

#[test]
fn indirect_speech_with_that() {
    let found = quotes("The minister said that the talks had failed.");
    let q = one(&found, "the talks");
    assert_eq!(
        (q.text.as_str(), q.kind),
        ("the talks had failed", QuoteKind::Indirect)
    );
    assert_eq!(speaker(q), Some("The minister"));
}

#[test]
fn told_reporters_on_monday() {
    let found = quotes("Karoline Leavitt told reporters on Monday that the strikes will continue.");
    let q = one(&found, "the strikes");
    assert_eq!(speaker(q), Some("Karoline Leavitt"));
    assert_eq!(q.cue.as_deref(), Some("told reporters"));
}

#[test]
fn according_to() {
    let found = quotes("According to the ministry, three soldiers were killed in the attack.");
    let q = one(&found, "three soldiers");
    assert_eq!(speaker(q), Some("the ministry"));
    assert_eq!(q.cue.as_deref(), Some("According to"));
}

#[test]
fn belief_is_attributed() {
    let found = quotes("Paul believes that the war will split the movement.");
    assert_eq!(speaker(one(&found, "the war")), Some("Paul"));
}

#[test]
fn mixed_quote_keeps_the_clause() {
    let found = quotes("He said that his enemies “will never be able to stop us.”");
    let q = one(&found, "his enemies");
    assert_eq!((speaker(q), q.kind), (Some("He"), QuoteKind::Mixed));
}

#[test]
fn block_quote_after_a_colon() {
    let text =
        "The leader also addressed the threats:\nWe are strong. We will resist every attack.\n";
    let found = quotes(text);
    let q = one(&found, "We are strong");
    assert_eq!(q.text, "We are strong. We will resist every attack.");
    assert_eq!(speaker(q), Some("The leader"));
}

#[test]
fn source_chain_through_an_outlet() {
    let text = "The Miami Herald reported the news. The sources who talked to the Herald said the \
                army was ready.";
    let found = quotes(text);
    let q = one(&found, "the army");
    assert_eq!(speaker(q), Some("The sources"));
    assert_eq!(q.via, vec!["Miami Herald".to_string()]);
}

#[test]
fn marks_pair_nested_and_multi_paragraph_quotes() {
    let text = "“He told me, ‘leave now,’ and I left,” she said.";
    let marks = find_marked_quotes(text);
    let spans: Vec<&str> = marks.iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(spans, ["He told me, ‘leave now,’ and I left", "leave now"]);
    let text = "“The first part.\n“The second part,” she said.";
    let marks = find_marked_quotes(text);
    assert_eq!(marks.len(), 1);
    assert_eq!(
        &text[marks[0].start..marks[0].end],
        "The first part.\n“The second part"
    );
    // Apostrophes are no quotation marks.
    assert!(find_marked_quotes("It’s the Saudis’ oil, not ’91.").is_empty());
}

#[test]
fn quote_signed_after_a_dash() {
    let found = quotes(
        "“Oil runs out, but brains are limitless and renew themselves.” — Peres, on wealth.",
    );
    let q = one(&found, "Oil runs out");
    assert_eq!(speaker(q), Some("Peres"));
    assert_eq!(q.kind, QuoteKind::Direct);
}

#[test]
fn quote_introduced_by_in_the_words_of() {
    let found = quotes(
        "In the words of the chief prosecutor, “the family ignored every warning the doctors gave them.”",
    );
    let q = one(&found, "the family ignored");
    assert!(
        speaker(q).is_some_and(|s| s.contains("prosecutor")),
        "{q:?}"
    );
}

#[test]
fn pull_quote_signed_at_the_end_of_its_paragraph() {
    let text = "The senator spoke at length.\n\
                This policy is a disgrace to everything this country stands for. — Anna Lindqvist\n\
                I was told to leave the building and never come back to it again. Marco Bellini\n\
                The vote is expected next week.";
    let found = quotes(text);
    assert_eq!(
        speaker(one(&found, "This policy is a disgrace")),
        Some("Anna Lindqvist")
    );
    assert_eq!(
        speaker(one(&found, "I was told to leave")),
        Some("Marco Bellini")
    );
    assert!(
        !found.iter().any(|q| q.text.starts_with("The vote")),
        "an unsigned paragraph is no quote"
    );
}
