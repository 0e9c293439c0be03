//! A sentence of prose has a finite verb: where the greedy passes read none, the word
//! likeliest to be one is made one.
use dyad_syntax::Tagger;

fn tags(tagger: &Tagger, sentence: &str) -> Vec<(String, String)> {
    let words: Vec<&str> = sentence.split(' ').collect();
    tagger
        .tag(&words)
        .into_iter()
        .zip(&words)
        .map(|(t, w)| (w.to_string(), t.xpos))
        .collect()
}

fn tag_of(tagged: &[(String, String)], word: &str) -> String {
    tagged
        .iter()
        .find(|(w, _)| w == word)
        .map(|(_, t)| t.clone())
        .unwrap_or_default()
}

/// Asserts that in each sentence (words split by spaces) the word given is tagged `xpos`.
fn assert_tagged(tagger: &Tagger, cases: &[(&str, &str)], xpos: &str) {
    for (sentence, word) in cases {
        let tagged = tags(tagger, sentence);
        assert_eq!(tag_of(&tagged, word), xpos, "{sentence}: {tagged:?}");
    }
}

#[test]
fn a_past_tense_verb_read_as_a_participle_is_made_finite() {
    let tagger = Tagger::embedded().expect("committed tagger model");
    assert_tagged(
        &tagger,
        &[
            (
                "The Greens accused Mr Jones of ducking the question of rail fares .",
                "accused",
            ),
            (
                "The council also highlighted \" deeply troubling \" gaps in its own records .",
                "highlighted",
            ),
            (
                "The chairman of the inquiry also called for an end to the scheme .",
                "called",
            ),
        ],
        "VBD",
    );
}

#[test]
fn imperatives_headings_and_fragments_keep_their_tags() {
    let tagger = Tagger::embedded().expect("committed tagger model");
    // An imperative has its verb.
    let tagged = tags(
        &tagger,
        "In a sunny corner , simply sprinkle the seeds over the soil .",
    );
    assert_eq!(tag_of(&tagged, "sprinkle"), "VB", "{tagged:?}");
    // A list item is not a sentence of prose.
    let tagged = tags(&tagger, "- A ban on smoking in enclosed public places");
    assert!(
        tagged
            .iter()
            .all(|(_, t)| !["VBD", "VBZ", "VBP"].contains(&t.as_str())),
        "{tagged:?}"
    );
}

#[test]
fn a_participle_right_after_its_subject_is_made_finite_further_from_the_past_tense() {
    let tagger = Tagger::embedded().expect("committed tagger model");
    assert_tagged(
        &tagger,
        &[
            (
                "The opposition called for protests against Maduro .",
                "called",
            ),
            (
                "Venezuela 's opposition called for protests against Maduro .",
                "called",
            ),
        ],
        "VBD",
    );
}

#[test]
fn a_participle_opening_an_agent_or_inside_an_opener_stays_a_participle() {
    let tagger = Tagger::embedded().expect("committed tagger model");
    assert_tagged(
        &tagger,
        &[
        (
            "According to a registration document filed with the Securities and Exchange Commission , Nasdaq Stock Market plans to raise $ 100m from the sale .",
            "filed",
        ),
        (
            "The inquiry led by Lord Hutton into the death of Dr Kelly .",
            "led",
        ),
        (
            "In a statement issued on Wednesday night , Parmalat Finanziaria detailed administrators ' latest plans for re-listing the shares .",
            "issued",
        ),
        ],
        "VBN",
    );
}
