//! Writing TimeML and reading it back keeps text, extents and values; scoring follows the
//! TempEval-3 counting.

use dyad_time::eval::{system_timexes, TimexScores};
use dyad_time::{parse_dct, read_timeml, to_timeml, GoldTimex, TimexTagger};

#[test]
fn timeml_round_trip() {
    let text =
        "Ça va: on Monday & <Tuesday>, prices rose 5% over 22 weeks — “late last week” too.\n";
    let dct = parse_dct("2024-05-15").unwrap();
    let found = TimexTagger::new().tag(text, Some(dct));
    assert!(found.len() >= 4, "{found:?}");
    let xml = to_timeml(text, &found, Some(dct));
    let (read_dct, read_text, gold) = read_timeml(&xml).unwrap();
    assert_eq!(read_dct, Some(dct));
    assert_eq!(read_text, text);
    let expected = system_timexes(text, &found);
    assert_eq!(gold, expected);
}

fn span(start: usize, end: usize, value: &str) -> GoldTimex {
    GoldTimex {
        start,
        end,
        kind: "DATE".into(),
        value: value.into(),
    }
}

#[test]
fn scoring_counts_like_tempeval3() {
    let gold = [span(0, 10, "a"), span(20, 30, "b"), span(40, 50, "c")];
    // one identical, one overlapping with the wrong value, one spurious, one gold missed
    let system = [span(0, 10, "a"), span(25, 35, "x"), span(60, 70, "d")];
    let mut scores = TimexScores::default();
    scores.add(&gold, &system);
    assert_eq!(
        (scores.relaxed_gold_matches, scores.relaxed_system_matches),
        (2, 2)
    );
    assert_eq!(
        (scores.strict_gold_matches, scores.strict_system_matches),
        (1, 1)
    );
    assert_eq!(scores.value_correct, 1);
    assert!((scores.relaxed_f1 - 2.0 / 3.0).abs() < 1e-9);
    assert!((scores.value_f1 - 1.0 / 3.0).abs() < 1e-9);
    // the identical extent is preferred over a larger overlap
    let mut scores = TimexScores::default();
    scores.add(&[span(10, 20, "v")], &[span(5, 25, "w"), span(10, 20, "v")]);
    assert_eq!(scores.value_correct, 1);
    assert!(scores.to_table().contains("relaxed"));
}
