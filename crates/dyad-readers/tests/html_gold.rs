//! Extraction on real pages (../shared/data/html): floors a little under the measured
//! figures, through `dyad_readers::eval`, the code behind `dyad eval extract`, whose scorer
//! follows `../shared/tools/html_score.py` (checked equal to it on both sets).

/// Both gold sets through `dyad_readers::eval` (the code behind `dyad eval extract`), with
/// floors a little under the measured figures (docs/evaluation.md).
#[test]
fn extraction_eval_floors() {
    if let Some(dir) = dyad_testkit::shared_file("html/scrapinghub") {
        let eval = dyad_readers::eval::evaluate_dir(&dir, None).unwrap();
        let body = eval.body.unwrap();
        assert!(body.f1 >= 0.94, "ScrapingHub F1 {:.3}", body.f1);
        let english = eval.body_english.unwrap();
        assert!(english.f1 >= 0.95, "English F1 {:.3}", english.f1);
    }
    if let Some(dir) = dyad_testkit::shared_file("html/trafilatura_eval") {
        let eval = dyad_readers::eval::evaluate_dir(&dir, None).unwrap();
        let s = eval.snippets.unwrap();
        assert!(s.f1 >= 0.88, "with/without F1 {:.3}", s.f1);
        assert!(
            s.date_accuracy >= 0.86,
            "date accuracy {:.3}",
            s.date_accuracy
        );
        assert!(
            s.title_lenient_accuracy >= 0.83,
            "lenient title accuracy {:.3}",
            s.title_lenient_accuracy
        );
    }
}
