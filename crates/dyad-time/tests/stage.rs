//! The stage reads the publication date and fills `analysis.timexes`.

use dyad_time::TimeStage;
use dyad_types::{Analysis, Document, Stage};

#[test]
fn stage_anchors_on_the_publication_date() {
    let mut doc = Document::from_text("The minister resigned on Monday; talks resume next week.");
    doc.published = Some("2025-12-03T08:15:00Z".into());
    let mut analysis = Analysis::new(doc);
    let stage = TimeStage::new();
    stage.process(&mut analysis);
    assert!(stage.name().starts_with("time@"));
    let values: Vec<&str> = analysis.timexes.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["2025-12-01", "2025-W50"]);
    for t in &analysis.timexes {
        assert_eq!(&analysis.doc.text[t.start..t.end], t.text);
    }
}

#[test]
fn stage_without_a_date_keeps_values_relative() {
    let mut analysis = Analysis::new(Document::from_text("The minister resigned on Monday."));
    analysis.doc.published = Some("not a date".into());
    TimeStage::new().process(&mut analysis);
    assert_eq!(analysis.timexes.len(), 1);
    assert_eq!(analysis.timexes[0].value, "XXXX-WXX-1");
}
