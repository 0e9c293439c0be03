//! `clean_text`: web debris removed, prose and paragraphs kept.

use dyad_readers::clean_text;
use proptest::prelude::*;

#[test]
fn cases() {
    let cases: &[(&str, &str)] = &[
        // Line endings, trailing whitespace, blank runs, leading/trailing blank lines.
        ("\r\n\r\nOne.  \r\nTwo.\t\r\n\r\n\r\n\r\nThree.\r\n\r\n", "One.\nTwo.\n\nThree."),
        ("One.\rTwo.", "One.\nTwo."),
        ("\u{feff}Text.", "Text."),
        // Markdown images, also with brackets and titles in them, anywhere on a line.
        ("Before.\n\n![A [WATCH] clip](https://x.org/a-350x250.jpg)\n\nAfter.", "Before.\n\nAfter."),
        ("He spoke. ![img](/a.png \"t\") Then left.", "He spoke.  Then left."),
        // Markdown links keep their text.
        ("Read [the report](https://x.org/r) today.", "Read the report today."),
        // Bare URL lines go; URLs inside prose stay.
        ("Text.\nhttps://example.org/a?b=1\n<http://x.org>\nwww.example.org/x\nMore.", "Text.\nMore."),
        ("See https://example.org for more.", "See https://example.org for more."),
        // Share bars and navigation lines.
        ("Text.\nShare this article\nFacebook Twitter Email\nShare | Tweet | Print\n12 Shares\nADVERTISEMENT\n• Read more »\nMore text.", "Text.\nMore text."),
        ("Skip to main content\nText.", "Text."),
        // Prose that merely mentions debris words stays.
        ("Share prices fell on Monday.", "Share prices fell on Monday."),
        ("Email", ""),
        ("He used Facebook and Twitter.", "He used Facebook and Twitter."),
        // Curly quotes, dashes and section breaks are untouched.
        ("“Yes,” she said — twice.\n\n* * *\n\nLater.", "“Yes,” she said — twice.\n\n* * *\n\nLater."),
        ("  Indented first line.\nSecond.", "  Indented first line.\nSecond."),
    ];
    for (raw, want) in cases {
        assert_eq!(clean_text(raw), *want, "input {raw:?}");
    }
}

#[test]
fn links_to_other_stories_go_prose_that_starts_alike_stays() {
    let text = "Talks resumed.\n\nRead more: Ministers meet in Geneva\n\nLesen Sie auch: Streik endet\n\nSee also: the full timeline of the strike";
    assert_eq!(clean_text(text), "Talks resumed.");
    let prose = format!(
        "Related: {}",
        "the union said the strike would go on. ".repeat(6)
    );
    assert_eq!(clean_text(&prose), prose.trim());
}

/// Lines of ordinary prose: words, spaces and sentence punctuation.
fn prose_line() -> impl Strategy<Value = String> {
    "[A-Z][a-z]{2,8}( [a-z]{1,9}){3,12}[.?!]"
}

proptest! {
    #[test]
    fn idempotent(raw in "[ a-zA-Z!\\[\\]()<>:/.\r\n\t|•*#-]{0,120}") {
        let once = clean_text(&raw);
        prop_assert_eq!(clean_text(&once), once.clone());
        prop_assert!(!once.starts_with('\n') && !once.ends_with('\n'));
        prop_assert!(!once.contains("\n\n\n") && !once.contains('\r'));
    }

    #[test]
    fn prose_and_paragraphs_survive(paragraphs in prop::collection::vec(prop::collection::vec(prose_line(), 1..4), 1..6)) {
        let text = paragraphs.iter().map(|p| p.join("\n")).collect::<Vec<_>>().join("\n\n");
        let noisy = format!("\n\n{}\n\n\n![x](https://x.org/i.jpg)\n", text.replace("\n\n", "\n \n\n\n"));
        prop_assert_eq!(clean_text(&noisy), text);
    }
}
