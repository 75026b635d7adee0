//! A progress bar on stderr for long runs: drawn only on a terminal and
//! only once a run has taken more than a second, so short runs, pipes and
//! CI logs stay clean.

use std::io::IsTerminal;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

const DELAY: Duration = Duration::from_secs(1);

pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    enabled: bool,
    shown: OnceLock<()>,
}

impl Progress {
    /// A bar over `total` documents that draws itself only when worth it.
    pub fn new(total: u64, wanted: bool) -> Self {
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} {pos}/{len} documents {wide_bar} {elapsed}")
        {
            bar.set_style(style);
        }
        Progress {
            bar,
            started: Instant::now(),
            enabled: wanted && std::io::stderr().is_terminal(),
            shown: OnceLock::new(),
        }
    }

    /// Never draws: for the library's callers and tests.
    pub fn hidden() -> Self {
        Progress::new(0, false)
    }

    pub fn inc(&self) {
        self.bar.inc(1);
        if self.enabled && self.started.elapsed() >= DELAY {
            self.shown.get_or_init(|| {
                self.bar.set_draw_target(ProgressDrawTarget::stderr());
            });
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
