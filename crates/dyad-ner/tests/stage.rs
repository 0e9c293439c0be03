//! `NerStage` adds entities with byte offsets into the document text.

use dyad_ner::NerStage;
use dyad_types::{Analysis, Document, EntityType, Sentence, Stage, Token};

/// An analysis of `text` with whitespace tokens, one sentence per line.
fn analysis(text: &str) -> Analysis {
    let mut a = Analysis::new(Document::from_text(text));
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let first = a.tokens.len();
        let mut pos = offset;
        for word in line.split(' ') {
            let w = word.trim_end_matches('\n');
            if !w.is_empty() {
                a.tokens.push(Token::new(pos, pos + w.len()));
            }
            pos += word.len() + 1;
        }
        let end = offset + line.trim_end().len();
        a.sentences.push(Sentence {
            start: offset,
            end,
            first_token: first,
            last_token: a.tokens.len(),
        });
        offset += line.len();
    }
    a
}

#[test]
fn entities_point_into_the_text() {
    let stage = NerStage::embedded().unwrap();
    assert!(stage.name().starts_with("ner@"));
    let text = "Venezuelan officials in Caracas accused Washington of piracy .\nNicolás Maduro spoke to reporters on Friday .\n";
    let mut a = analysis(text);
    stage.process(&mut a);
    assert!(!a.entities.is_empty());
    for e in &a.entities {
        assert_eq!(&a.doc.text[e.start..e.end], e.text);
        assert!(e.actor.is_none());
    }
    let kinds: Vec<(&str, EntityType)> = a
        .entities
        .iter()
        .map(|e| (e.text.as_str(), e.kind))
        .collect();
    assert!(
        kinds.contains(&("Venezuelan", EntityType::Norp)),
        "{kinds:?}"
    );
    assert!(kinds.contains(&("Caracas", EntityType::Gpe)), "{kinds:?}");
    assert!(
        kinds.contains(&("Nicolás Maduro", EntityType::Person)),
        "{kinds:?}"
    );
}

#[test]
fn bad_token_offsets_are_skipped_not_fatal() {
    let stage = NerStage::embedded().unwrap();
    let mut a = analysis("Paris is in France .\n");
    a.tokens.push(Token::new(3, 999));
    a.sentences.push(Sentence {
        start: 0,
        end: 5,
        first_token: 5,
        last_token: 6,
    });
    a.sentences.push(Sentence {
        start: 0,
        end: 5,
        first_token: 9,
        last_token: 3,
    });
    stage.process(&mut a);
    assert!(a.entities.iter().any(|e| e.text == "France"));
}
