//! Words the greedy passes misread, tagged again: a plural noun ending a verb's object is not
//! a finite verb ("attacked Tory plans to …"), while a finite verb after a verb that takes a
//! clause stays one ("said Labour wants …"); an "as" that opens a clause is a conjunction.
use dyad_syntax::Tagger;

fn tag_of(tagger: &Tagger, sentence: &str, word: &str) -> (String, String) {
    let words: Vec<&str> = sentence.split(' ').collect();
    let at = words
        .iter()
        .position(|w| *w == word)
        .expect("word in sentence");
    let tagged = &tagger.tag(&words)[at];
    (tagged.xpos.clone(), tagged.upos.to_string())
}

#[test]
fn a_plural_noun_ending_an_object_is_a_noun() {
    let tagger = Tagger::embedded().expect("committed tagger model");
    for (sentence, noun) in [
        (
            "He attacked Tory plans to process asylum claims abroad .",
            "plans",
        ),
        (
            "The Liberal Democrats backed Tory demands that the plans be put on hold .",
            "demands",
        ),
        (
            "Mr Smith derided Tory claims they could cut taxes .",
            "claims",
        ),
        (
            "And he said people were highly sceptical about Labour and Conservative promises on tax .",
            "promises",
        ),
    ] {
        assert_eq!(
            tag_of(&tagger, sentence, noun),
            ("NNS".to_string(), "NOUN".to_string()),
            "{sentence}"
        );
    }
}

#[test]
fn a_plan_or_a_call_before_a_gerund_is_a_noun_and_a_verb_taking_one_stays_a_verb() {
    let tagger = Tagger::embedded().expect("committed tagger model");
    let plans = "He said Mr Smith 's return and Labour poster plans attacking Mr Jones were a sign of abusive politics .";
    assert_eq!(tag_of(&tagger, plans, "plans").0, "NNS", "{plans}");
    let risks = "He said the Labour leader risks losing the next election .";
    assert_eq!(tag_of(&tagger, risks, "risks").0, "VBZ", "{risks}");
}

#[test]
fn a_verb_after_a_verb_that_takes_a_clause_stays_a_verb() {
    let tagger = Tagger::embedded().expect("committed tagger model");
    for (sentence, verb) in [
        ("He said Labour wants a new vote on the treaty .", "wants"),
        (
            "The vote was delayed because Labour wants a new debate .",
            "wants",
        ),
        (
            "Critics criticised the way Tony Blair 's government operates , saying it was wrong .",
            "operates",
        ),
    ] {
        assert_eq!(tag_of(&tagger, sentence, verb).0, "VBZ", "{sentence}");
    }
}

#[test]
fn an_as_that_opens_a_clause_is_a_conjunction() {
    let tagger = Tagger::embedded().expect("committed tagger model");
    let opens = "He was speaking as Sir John Smith , CBI director general , warned the minister .";
    assert_eq!(tag_of(&tagger, opens, "as").1, "SCONJ", "{opens}");
    let of_inside =
        "His words came as Cardinal Sean Doyle , the Archbishop of Leeds , backed the plan .";
    assert_eq!(tag_of(&tagger, of_inside, "as").1, "SCONJ", "{of_inside}");
    let names = "He worked for the party as its treasurer until 2004 .";
    assert_eq!(tag_of(&tagger, names, "as").1, "ADP", "{names}");
}

#[test]
fn the_word_after_a_subject_who_before_its_object_is_a_verb() {
    let tagger = Tagger::embedded().expect("committed tagger model");
    let back = "Two local councillors who back Mr Smith met the chairman on Tuesday .";
    assert_eq!(
        tag_of(&tagger, back, "back"),
        ("VBP".to_string(), "VERB".to_string()),
        "{back}"
    );
    // An adverb with the relative clause's verb after it stays one.
    let came = "The councillors who came back on Tuesday met the chairman .";
    assert_ne!(tag_of(&tagger, came, "back").1, "VERB", "{came}");
}
