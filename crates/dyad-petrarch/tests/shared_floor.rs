//! Floors on the shared PETRARCH records (skipped with a notice when ../shared is missing,
//! failing under CI=true). Measured with `dyad eval petrarch`; see docs/evaluation.md.

use dyad_petrarch::eval::evaluate;

#[test]
fn unit_test_records_with_their_dictionaries() {
    let Some(records) =
        dyad_testkit::shared_file("petrarch_unittest/PETR.UnitTest.records.shared.xml")
    else {
        return;
    };
    let s = evaluate(&records, None, None).unwrap();
    assert_eq!(s.records, 176);
    assert!(s.f1 >= 0.90, "triple F1 {:.3} under the 0.90 floor", s.f1);
}

#[test]
fn validation_suite_with_its_dictionaries() {
    let Some(records) = dyad_testkit::shared_file(
        "petrarch_validation_140226/PETR.Validate.records.140226.shared.txt",
    ) else {
        return;
    };
    let s = evaluate(&records, None, None).unwrap();
    assert_eq!(s.records, 268);
    assert!(s.f1 >= 0.55, "triple F1 {:.3} under the 0.55 floor", s.f1);
}
