//! The tone stage over segmented invented articles: the document tone, and each event's
//! sentence tone and contexts.

use dyad_segment::Segmenter;
use dyad_tone::ToneStage;
use dyad_types::{Analysis, Document, Event, Stage};

/// Segments `text` and adds one event per sentence index given.
fn analysed(text: &str, event_sentences: &[usize]) -> Analysis {
    let mut analysis = Analysis::new(Document::from_text(text));
    Segmenter::new().process(&mut analysis);
    for &sentence in event_sentences {
        analysis.events.push(Event {
            id: format!("e{sentence}"),
            sentence,
            ..Event::default()
        });
    }
    ToneStage::new().process(&mut analysis);
    analysis
}

#[test]
fn events_take_their_sentences_tone_and_the_document_sums_all() {
    let analysis = analysed(
        "The army attacked the rebels and killed dozens of civilians. \
         Leaders welcomed the peace agreement as a great success.",
        &[0, 1],
    );
    assert_eq!(analysis.sentences.len(), 2);
    let attack = analysis.events[0].tone.unwrap();
    let peace = analysis.events[1].tone.unwrap();
    assert!(attack < 0.0 && peace > 0.0, "{attack} {peace}");
    let doc = analysis.tone.unwrap();
    assert!(doc.words >= 18, "{doc:?}");
    assert!(
        (doc.tone - (doc.positive - doc.negative)).abs() < 1e-3,
        "{doc:?}"
    );
    assert!(doc.tone > attack && doc.tone < peace, "{doc:?}");
}

#[test]
fn a_denied_attack_is_less_negative_than_an_attack() {
    let attack = analysed("Troops attacked the village.", &[0]).events[0]
        .tone
        .unwrap();
    let denied = analysed("Troops did not attack the village.", &[0]).events[0]
        .tone
        .unwrap();
    assert!(attack < denied, "{attack} {denied}");
}

#[test]
fn contexts_of_the_sentence_come_before_the_articles() {
    let analysis = analysed(
        "Voters went to the polls in the presidential election on Sunday. \
         The electoral commission said turnout was high and the ballot was fair. \
         Police arrested two men outside a school.",
        &[2],
    );
    let contexts = &analysis.events[0].contexts;
    assert_eq!(
        contexts.first().map(String::as_str),
        Some("crime"),
        "{contexts:?}"
    );
    assert!(contexts.iter().any(|c| c == "election"), "{contexts:?}");
}

#[test]
fn an_article_without_sentiment_or_context_words_is_neutral() {
    let analysis = analysed("The committee met on Tuesday at noon.", &[0]);
    let doc = analysis.tone.unwrap();
    assert_eq!((doc.tone, doc.polarity), (0.0, 0.0), "{doc:?}");
    assert_eq!(analysis.events[0].tone, Some(0.0));
    assert!(analysis.events[0].contexts.is_empty());
    // Nothing to read: a zero tone over zero words.
    assert_eq!(analysed("", &[]).tone.unwrap().words, 0);
}
