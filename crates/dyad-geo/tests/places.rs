//! Toponym resolution and event location on invented sentences, through the real pipeline.

use dyad_geo::{Gazetteer, GeoStage, Kind};
use dyad_pipeline::{Pipeline, PipelineOptions};
use dyad_types::{Analysis, Document, Entity, EntityType, GeoPrecision, Sentence, Token};

fn places(text: &str) -> (Analysis, Vec<dyad_geo::Toponym>) {
    let pipeline = Pipeline::places().expect("models");
    let analysis = pipeline.analyze(Document::from_text(text));
    let tops = GeoStage::embedded().toponyms(&analysis);
    (analysis, tops)
}

fn coded(text: &str) -> Analysis {
    Pipeline::standard(&PipelineOptions::default())
        .expect("models")
        .analyze(Document::from_text(text))
}

fn feature_of(tops: &[dyad_geo::Toponym], name: &str) -> dyad_geo::Feature {
    let t = tops
        .iter()
        .find(|t| t.text == name)
        .unwrap_or_else(|| panic!("no toponym {name} in {tops:?}"));
    Gazetteer::embedded().feature(t.feature.expect("resolved"))
}

#[test]
fn a_state_after_a_comma_picks_the_town_inside_it() {
    let (_, tops) = places("The county fair opened in Paris, Texas, on Friday.");
    let paris = feature_of(&tops, "Paris");
    assert_eq!(
        (paris.country.as_str(), paris.admin1.as_str()),
        ("US", "TX")
    );
    let (_, tops) = places("The exhibition opened in Paris on Friday.");
    assert_eq!(feature_of(&tops, "Paris").country, "FR");
}

#[test]
fn the_documents_country_decides_between_namesakes() {
    let (_, tops) = places(
        "Floods hit Colombia this week. In Cartagena, hundreds of families left their homes, \
         and officials in Bogota promised help.",
    );
    assert_eq!(feature_of(&tops, "Cartagena").country, "CO");
}

#[test]
fn a_capital_that_acts_is_an_actor_not_a_place() {
    let (_, tops) = places("Caracas refused the offer on Tuesday.");
    let t = tops.iter().find(|t| t.text == "Caracas").expect("Caracas");
    assert!(t.metonym, "{t:?}");
    let (_, tops) = places("Thousands marched in Caracas on Tuesday.");
    let t = tops.iter().find(|t| t.text == "Caracas").expect("Caracas");
    assert!(!t.metonym, "{t:?}");
}

#[test]
fn demonyms_resolve_to_their_country() {
    let (_, tops) = places("Kenyan officials met their Turkish counterparts.");
    assert_eq!(feature_of(&tops, "Kenyan").kind, Kind::Country);
    assert_eq!(feature_of(&tops, "Turkish").country, "TR");
}

/// A hand-made analysis with one GPE mention, to test names the NER would not type.
fn one_mention(text: &str, name: &str) -> Analysis {
    let start = text.find(name).expect("name in text");
    let mut analysis = Analysis::new(Document::from_text(text));
    analysis.tokens = vec![Token::new(start, start + name.len())];
    analysis.sentences = vec![Sentence {
        start: 0,
        end: text.len(),
        first_token: 0,
        last_token: 1,
    }];
    analysis.entities = vec![Entity {
        start,
        end: start + name.len(),
        text: name.to_string(),
        kind: EntityType::Gpe,
        actor: None,
    }];
    analysis
}

#[test]
fn a_place_not_in_the_gazetteer_keeps_its_text_without_coordinates() {
    let analysis = one_mention("They fled to Qwxzborough.", "Qwxzborough");
    let tops = GeoStage::embedded().toponyms(&analysis);
    assert_eq!(tops.len(), 1);
    assert_eq!(tops[0].feature, None);
    let l = dyad_geo::location(Gazetteer::embedded(), &tops[0]);
    assert_eq!(l.text, "Qwxzborough");
    assert_eq!((l.lat, l.lon, l.precision), (None, None, None));
}

#[test]
fn an_ambiguous_name_alone_gets_the_likeliest_place_with_low_confidence() {
    let gaz = Gazetteer::embedded();
    let name = "Springfield";
    let candidates = gaz.lookup(name);
    assert!(candidates.len() > 5, "Springfield is ambiguous");
    let biggest = candidates
        .iter()
        .map(|&(i, _)| gaz.feature(i))
        .max_by_key(|f| f.population)
        .unwrap();
    let analysis = one_mention("They moved to Springfield.", name);
    let tops = GeoStage::embedded().toponyms(&analysis);
    let chosen = gaz.feature(tops[0].feature.expect("resolved"));
    assert_eq!(chosen.geonameid, biggest.geonameid);
    assert!(tops[0].confidence < 0.6, "{}", tops[0].confidence);
    // Deterministic: the same answer every time.
    let again = GeoStage::embedded().toponyms(&analysis);
    assert_eq!(again, tops);
}

#[test]
fn a_rally_is_located_where_it_was_held() {
    let analysis = coded("Venezuelan students held a rally in downtown Caracas on Saturday.");
    let located: Vec<_> = analysis
        .events
        .iter()
        .filter_map(|e| e.location.as_ref())
        .collect();
    assert!(!located.is_empty(), "{:#?}", analysis.events);
    for l in located {
        assert_eq!(l.text, "Caracas");
        assert_eq!(l.country.as_deref(), Some("VEN"));
        assert_eq!(l.precision, Some(GeoPrecision::City));
        assert_eq!(l.adm1.as_deref(), Some("VE25"));
    }
}

#[test]
fn each_event_of_a_sentence_keeps_its_own_place() {
    let analysis = coded(
        "Peruvian police arrested two protesters in Lima, and Afghan soldiers attacked rebels near Kandahar.",
    );
    for e in &analysis.events {
        let Some(l) = &e.location else { continue };
        let arrest = e.trigger.text.starts_with("arrest");
        let expected = if arrest { "PER" } else { "AFG" };
        assert_eq!(l.country.as_deref(), Some(expected), "{e:#?}");
    }
    assert!(
        analysis.events.iter().any(|e| e.location.is_some()),
        "{:#?}",
        analysis.events
    );
}

#[test]
fn a_region_is_a_location_of_region_precision() {
    let analysis = coded("The United States deployed warships in the Caribbean last month.");
    let l = analysis
        .events
        .iter()
        .find_map(|e| e.location.as_ref())
        .unwrap_or_else(|| panic!("{:#?}", analysis.events));
    assert_eq!(l.precision, Some(GeoPrecision::Region));
    assert!(l.text.contains("Caribbean"));
}
