//! `AFX`, a prefix written apart from its word, is a closed class: a word that only begins
//! like a prefix ("premier") is tagged as what it is.
use dyad_syntax::Tagger;

fn xpos_of(tagger: &Tagger, sentence: &str, word: &str) -> String {
    let words: Vec<&str> = sentence.split(' ').collect();
    let at = words
        .iter()
        .position(|w| *w == word)
        .expect("word in sentence");
    tagger.tag(&words)[at].xpos.clone()
}

#[test]
fn only_a_prefix_is_tagged_an_affix() {
    let tagger = Tagger::embedded().expect("committed tagger model");
    let sentence = "The premier insisted Mr Brown will have a key role .";
    assert_ne!(xpos_of(&tagger, sentence, "premier"), "AFX", "{sentence}");
}
