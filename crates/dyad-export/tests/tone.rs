//! GDELT's tone columns from stored events: `AvgTone` of an event row is the mean tone of
//! the articles reporting the merged event, `MentionDocTone` of a mention row the tone of
//! the mention's article; 0 when no tone was recorded.

use dyad_export::gdelt::{write_stored, COLUMNS, MENTION_COLUMNS};
use dyad_store::StoredEvent;
use dyad_types::Event;

fn stored(document_tone: Option<f64>, avg_tone: Option<f64>) -> StoredEvent {
    StoredEvent {
        event_id: "merged".into(),
        num_mentions: 2,
        num_articles: 2,
        num_sources: 2,
        merge_reason: None,
        duplicate_of: None,
        document_length: 100,
        event: Event {
            cameo: "190".into(),
            quad_class: 4,
            ..Event::default()
        },
        document_id: "doc".into(),
        content_hash: "hash".into(),
        url: None,
        title: None,
        outlet: Some("Example Wire".into()),
        published: None,
        analysed_at: "2025-12-03T10:00:00Z".into(),
        evidence: String::new(),
        document_tone,
        avg_tone,
    }
}

fn column(rows: &[u8], names: &[&str], name: &str) -> Vec<String> {
    let index = names.iter().position(|n| *n == name).unwrap();
    String::from_utf8(rows.to_vec())
        .unwrap()
        .lines()
        .map(|line| line.split('\t').nth(index).unwrap().to_string())
        .collect()
}

#[test]
fn avg_tone_and_mention_doc_tone_come_from_the_stored_tones() {
    let events = [stored(Some(-6.5), Some(-4.25)), stored(None, None)];
    let mut out = Vec::new();
    write_stored(&mut out, &events, false).unwrap();
    assert_eq!(column(&out, &COLUMNS, "AvgTone"), vec!["-4.25", "0"]);
    let mut out = Vec::new();
    write_stored(&mut out, &events, true).unwrap();
    assert_eq!(
        column(&out, &MENTION_COLUMNS, "MentionDocTone"),
        vec!["-6.5", "0"]
    );
}
