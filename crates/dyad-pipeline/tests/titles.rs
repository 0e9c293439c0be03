//! People the dictionaries do not know, resolved from the title the text gives them, whole
//! pipeline, own parse: the office a title names is the one its holder's code says, whatever
//! words the title has.

use dyad_pipeline::{Pipeline, PipelineOptions};
use dyad_types::Document;

/// The source code of each event of `text`, undated.
fn sources(pipeline: &Pipeline, text: &str) -> Vec<Option<String>> {
    dated_sources(pipeline, text, None)
}

/// The source code of each event of `text`, published on `date` if any.
fn dated_sources(pipeline: &Pipeline, text: &str, date: Option<&str>) -> Vec<Option<String>> {
    let doc = Document {
        published: date.map(str::to_string),
        ..Document::from_text(text)
    };
    pipeline
        .analyze(doc)
        .events
        .iter()
        .map(|e| e.source.code.clone())
        .collect()
}

#[test]
fn an_office_the_dictionary_knows_as_a_body_is_held_by_the_name_after_it() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for (text, code) in [
        (
            "Secretary of State Hans Dorfmann criticised Iran.",
            "USAGOV",
        ),
        (
            "Iran was criticised. US Defense Secretary Hans Dorfmann criticised Iran.",
            "USAGOVMIL",
        ),
    ] {
        let found = sources(&pipeline, text);
        assert_eq!(found.last(), Some(&Some(code.to_string())), "{text}");
    }
}

#[test]
fn a_judges_title_of_several_words_keeps_the_country_named_before_it() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for title in ["Magistrate Judge", "District Judge"] {
        let text = format!(
            "Bail was set for a French national charged with lying. U.S. {title} Robert Carr \
             criticised the government of Mexico."
        );
        let found = sources(&pipeline, &text);
        assert_eq!(found.last(), Some(&Some("USAJUD".to_string())), "{text}");
    }
}

#[test]
fn a_title_gives_an_office_the_dictionaries_know_the_person_in_none_on_the_date() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Venezuelan Interior Minister Diosdado Cabello accused the CIA of plotting attacks.";
    let found = dated_sources(&pipeline, text, Some("2025-11-20"));
    assert_eq!(
        found.first(),
        Some(&Some("VENGOV".to_string())),
        "{found:?}"
    );
    // Without the title, the dictionaries' word stands.
    let bare = "Diosdado Cabello accused the CIA of plotting attacks.";
    let found = dated_sources(&pipeline, bare, Some("2025-11-20"));
    assert_eq!(
        found.first(),
        Some(&Some("VENELI".to_string())),
        "{found:?}"
    );
}

#[test]
fn leaders_of_a_chamber_and_officers_of_the_fleet_have_their_sector() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for (title, code) in [
        ("Senate Majority Leader", "USALEG"),
        ("House Minority Leader", "USALEG"),
        ("Adm.", "USAMIL"),
        ("Rear Admiral", "USAMIL"),
    ] {
        let text = format!(
            "The United States sent more ships to the Caribbean. {title} John Smith praised \
             the government of Colombia."
        );
        let found = sources(&pipeline, &text);
        assert_eq!(
            found.last(),
            Some(&Some(code.to_string())),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_lowercase_title_of_several_words_opening_with_an_adjective_joins_the_name() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    let text = "Former national security adviser John Bolton criticized Venezuela.";
    let found = dated_sources(&pipeline, text, Some("2025-11-24"));
    assert_eq!(
        found.first(),
        Some(&Some("USAELI".to_string())),
        "{found:?}"
    );
    let text = "The United States sent more ships to the Caribbean. The national security \
                adviser Bob Smith criticized the government of Colombia.";
    let found = sources(&pipeline, text);
    assert_eq!(found.last(), Some(&Some("USAGOV".to_string())), "{found:?}");
}

#[test]
fn a_ministry_written_in_lower_case_and_the_us_treasury_are_a_government() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for (text, code) in [
        (
            "Venezuela's foreign ministry rejected the designation.",
            "VENGOV",
        ),
        (
            "The foreign ministry of Venezuela rejected the designation.",
            "VENGOV",
        ),
        ("The US Treasury sanctioned Petro.", "USAGOV"),
    ] {
        let found = sources(&pipeline, text);
        assert_eq!(found, [Some(code.to_string())], "{text}");
    }
}

#[test]
fn venezuelan_state_bodies_and_us_commands_are_known_by_name() {
    let pipeline = Pipeline::standard(&PipelineOptions::default()).unwrap();
    for (text, code) in [
        ("The US Coast Guard seized a tanker.", "USAMIL"),
        ("Southern Command struck a boat.", "USAMIL"),
        (
            "The Bolivarian National Armed Forces condemned the strike.",
            "VENMIL",
        ),
    ] {
        let found = sources(&pipeline, text);
        assert_eq!(
            found.first(),
            Some(&Some(code.to_string())),
            "{text}: {found:?}"
        );
    }
    // Venezuela's state oil company is a Venezuelan business.
    let events = pipeline
        .analyze(Document::from_text(
            "The United States imposed sanctions on PDVSA.",
        ))
        .events;
    let targets: Vec<_> = events
        .iter()
        .map(|e| e.target.as_ref().and_then(|t| t.code.clone()))
        .collect();
    assert_eq!(targets, [Some("VENBUS".to_string())]);
    // A coast guard is not the American one unless named so.
    let found = sources(
        &pipeline,
        "The Coast Guard of India arrested the fishermen.",
    );
    assert!(
        found.iter().all(|c| c.as_deref() != Some("USAMIL")),
        "{found:?}"
    );
}
