//! The ingest progress bar (indicatif), hidden when quiet or when stderr is not a terminal.

use std::io::IsTerminal;
use std::time::Instant;

use dyad_store::PutSummary;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    bar: ProgressBar,
    started: Instant,
}

impl Progress {
    pub fn new(quiet: bool) -> Progress {
        let bar = ProgressBar::new_spinner();
        if quiet || !std::io::stderr().is_terminal() {
            bar.set_draw_target(ProgressDrawTarget::hidden());
        }
        bar.set_style(
            ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
                .expect("valid template"),
        );
        Progress {
            bar,
            started: Instant::now(),
        }
    }

    pub fn tick(&self, total: &PutSummary) {
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        let articles = total.documents_added + total.documents_skipped;
        self.bar.set_message(format!(
            "{articles} articles ({:.0}/s), {} events ({:.0}/s), {} already stored",
            articles as f64 / secs,
            total.events_added,
            total.events_added as f64 / secs,
            total.documents_skipped
        ));
        self.bar.tick();
    }

    pub fn finish(&self, total: &PutSummary) {
        self.tick(total);
        self.bar.finish_and_clear();
    }
}
