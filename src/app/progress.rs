//! A progress bar on stderr for long runs: drawn only on a terminal and
//! only once a run has taken more than a second, so short runs, pipes and
//! CI logs stay clean.

use std::io::IsTerminal;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

const DELAY: Duration = Duration::from_secs(1);

pub struct Bar {
    bar: ProgressBar,
    started: Instant,
    enabled: bool,
    shown: OnceLock<()>,
}

impl Bar {
    /// A bar over the documents of a run that draws itself only when worth it.
    pub fn new(wanted: bool) -> Self {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} {pos}/{len} documents {wide_bar} {elapsed}")
        {
            bar.set_style(style);
        }
        Bar {
            bar,
            started: Instant::now(),
            enabled: wanted && std::io::stderr().is_terminal(),
            shown: OnceLock::new(),
        }
    }

    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl claimcheck::Progress for Bar {
    fn start(&self, total: usize) {
        self.bar.set_length(total as u64);
    }

    fn advance(&self) {
        self.bar.inc(1);
        if self.enabled && self.started.elapsed() >= DELAY {
            self.shown.get_or_init(|| {
                self.bar.set_draw_target(ProgressDrawTarget::stderr());
            });
        }
    }
}
