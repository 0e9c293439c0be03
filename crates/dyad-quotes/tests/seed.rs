//! The quotes of the seed article, found by the general rules.
use dyad_quotes::{find_quotes_detailed, FoundQuote};
use dyad_types::{Analysis, Document, QuoteKind, Stage};

fn analyse(text: &str) -> Analysis {
    let mut analysis = Analysis::new(Document::from_text(text));
    let (sentences, tokens) = dyad_segment::Segmenter::new().segment(&analysis.doc.text);
    analysis.sentences = sentences;
    analysis.tokens = tokens;
    dyad_syntax::SyntaxStage::embedded()
        .expect("syntax models")
        .process(&mut analysis);
    analysis
}

fn seed() -> Option<(Analysis, Vec<FoundQuote>)> {
    let path = dyad_testkit::shared_file("seed/article.txt")?;
    let raw = std::fs::read_to_string(path).expect("seed article");
    let text = dyad_readers::clean_text(&raw);
    let analysis = analyse(&text);
    let found = find_quotes_detailed(&analysis);
    Some((analysis, found))
}

fn speaker_of<'a>(found: &'a [FoundQuote], content_start: &str) -> Option<&'a str> {
    let quote = found
        .iter()
        .find(|f| f.quote.text.starts_with(content_start));
    let quote = quote.unwrap_or_else(|| panic!("no quote starting {content_start:?}"));
    quote.quote.speaker.as_ref().map(|s| s.text.as_str())
}

#[test]
fn seed_quotes_have_their_speakers() {
    let Some((_, found)) = seed() else { return };
    assert_eq!(speaker_of(&found, "We have almost stopped"), Some("Trump"));
    assert_eq!(speaker_of(&found, "And we will also begin"), Some("Trump"));
    assert_eq!(
        speaker_of(&found, "his enemies “will never be able"),
        Some("He")
    );
    assert_eq!(
        speaker_of(&found, "We have lived through 22 weeks"),
        Some("The communist dictator")
    );
    assert_eq!(
        speaker_of(&found, "This administration has designated"),
        Some("Leavitt")
    );
    assert_eq!(
        speaker_of(&found, "The political cover"),
        Some("the Journal’s editors")
    );
    assert_eq!(
        speaker_of(&found, "Lindsey Graham has not changed"),
        Some("Paul")
    );
    assert_eq!(
        speaker_of(&found, "First, Maduro asked"),
        Some("the source")
    );
    assert_eq!(speaker_of(&found, "Second, they asked"), Some("the source"));
}

#[test]
fn seed_quotes_keep_their_offsets_and_sources() {
    let Some((analysis, found)) = seed() else {
        return;
    };
    for f in &found {
        let q = &f.quote;
        assert_eq!(&analysis.doc.text[q.start..q.end], q.text);
        if let Some(s) = &q.speaker {
            assert_eq!(&analysis.doc.text[s.start..s.end], s.text);
        }
    }
    let source = found
        .iter()
        .find(|f| f.quote.text.starts_with("First, Maduro asked"));
    assert_eq!(
        source.map(|f| f.quote.via.clone()),
        Some(vec!["Miami Herald".to_string()])
    );
    let block = found
        .iter()
        .find(|f| f.quote.text.starts_with("We have lived through"));
    assert_eq!(block.map(|f| f.quote.kind), Some(QuoteKind::Direct));
    let maduro = found
        .iter()
        .find(|f| f.quote.text.starts_with("his enemies"));
    assert_eq!(maduro.map(|f| f.quote.kind), Some(QuoteKind::Mixed));
    assert_eq!(
        maduro.map(|f| f.quote.via.clone()),
        Some(vec!["reports".to_string()])
    );
}
