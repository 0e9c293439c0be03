//! Offset invariants on arbitrary text.

use dyad_segment::Segmenter;
use proptest::prelude::*;

fn check(text: &str) {
    let (sentences, tokens) = Segmenter::new().segment(text);
    let mut previous_end = 0;
    for token in &tokens {
        assert!(token.start < token.end && token.end <= text.len());
        assert!(
            token.start >= previous_end,
            "overlap or disorder in {text:?}"
        );
        assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
        assert!(!text[token.start..token.end]
            .chars()
            .all(char::is_whitespace));
        previous_end = token.end;
    }
    let mut next_token = 0;
    for sentence in &sentences {
        assert_eq!(sentence.first_token, next_token);
        assert!(sentence.first_token < sentence.last_token);
        assert_eq!(sentence.start, tokens[sentence.first_token].start);
        assert_eq!(sentence.end, tokens[sentence.last_token - 1].end);
        next_token = sentence.last_token;
    }
    assert_eq!(next_token, tokens.len());
}

proptest! {
    #[test]
    fn offsets_hold_on_any_string(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn offsets_hold_on_texty_strings(
        text in r"([A-Za-z0-9]{1,6}|[ .,;:!?'\x22()\-$%@/&]|\n|’|“|”|—|…|é|ü|中|😀|\u{301}|\u{a0}){0,60}"
    ) {
        check(&text);
    }
}
