//! Record types on our own sentences: demonyms are NORP, countries and capitals GPE.

use dyad_ner::Recognizer;
use dyad_types::EntityType;

fn found(ner: &Recognizer, sentence: &str) -> Vec<(String, EntityType)> {
    let words: Vec<&str> = sentence.split(' ').collect();
    ner.recognize(&words)
        .into_iter()
        .map(|(s, e, t)| (words[s..e].join(" "), t))
        .collect()
}

fn has(list: &[(String, EntityType)], text: &str, kind: EntityType) -> bool {
    list.iter().any(|(t, k)| t == text && *k == kind)
}

#[test]
fn demonyms_are_norp_and_countries_gpe() {
    let ner = Recognizer::embedded().unwrap();
    let cases: &[(&str, &[(&str, EntityType)])] = &[
        (
            "The Venezuelan government rejected the statement issued in Washington on Monday .",
            &[
                ("Venezuelan", EntityType::Norp),
                ("Washington", EntityType::Gpe),
            ],
        ),
        (
            "Americans and Venezuelans gathered outside the embassy in Caracas .",
            &[
                ("Americans", EntityType::Norp),
                ("Venezuelans", EntityType::Norp),
                ("Caracas", EntityType::Gpe),
            ],
        ),
        (
            "Troops from Venezuela crossed into Colombia , officials in Bogota said .",
            &[
                ("Venezuela", EntityType::Gpe),
                ("Colombia", EntityType::Gpe),
                ("Bogota", EntityType::Gpe),
            ],
        ),
        (
            "French and German ministers met in Berlin to discuss aid to Ukraine .",
            &[
                ("French", EntityType::Norp),
                ("German", EntityType::Norp),
                ("Berlin", EntityType::Gpe),
                ("Ukraine", EntityType::Gpe),
            ],
        ),
    ];
    for (sentence, expected) in cases {
        let got = found(&ner, sentence);
        for (text, kind) in *expected {
            assert!(
                has(&got, text, *kind),
                "{sentence}: expected {text} as {kind:?}, got {got:?}"
            );
        }
    }
}

#[test]
fn people_and_organisations() {
    let ner = Recognizer::embedded().unwrap();
    let got = found(
        &ner,
        "Nicolas Maduro met officials of the United Nations in New York on Tuesday .",
    );
    assert!(has(&got, "Nicolas Maduro", EntityType::Person), "{got:?}");
    assert!(has(&got, "United Nations", EntityType::Org), "{got:?}");
    assert!(has(&got, "New York", EntityType::Gpe), "{got:?}");
}

#[test]
fn natural_locations_stay_loc() {
    let ner = Recognizer::embedded().unwrap();
    let got = found(
        &ner,
        "The ship sank in the Caribbean Sea near the Orinoco River delta .",
    );
    assert!(got.iter().all(|(_, k)| *k != EntityType::Gpe), "{got:?}");
}

#[test]
fn empty_and_odd_input_do_not_panic() {
    let ner = Recognizer::embedded().unwrap();
    assert!(ner.recognize(&[]).is_empty());
    let odd = [
        "",
        " ",
        "\u{0}",
        "ÉÉÉ",
        "—",
        "1996-08-22",
        "x".repeat(500).leak(),
    ];
    let _ = ner.recognize(&odd);
    assert!(ner.recognize_document(&[&[], &["Paris"]]).len() == 2);
}
