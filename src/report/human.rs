//! `check --format human`: rustc-style diagnostics (annotate-snippets), each
//! piece of evidence shown in its source line with the value underlined.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::terminal::{escape, escape_line};
use super::{totals, CheckReport};
use crate::checks::Finding;
use crate::document::Analyzed;
use crate::model::Severity;

/// The findings, then a totals line that counts suppressed findings too.
pub fn render_report(report: &CheckReport<'_>) -> String {
    diagnostics(report.docs, report.findings)
        + &totals(report.docs, report.findings, report.suppressed)
        + "\n"
}

/// The findings and their totals, for callers without suppressions.
pub fn render(docs: &[Analyzed], findings: &[Finding]) -> String {
    diagnostics(docs, findings) + &totals(docs, findings, 0) + "\n"
}

/// A source line longer than this is shown as a window around the value:
/// a diagnostic reads at a glance, and a megabyte-long line is not laid
/// out once per piece of evidence.
const LONG_LINE: usize = 512;
/// Characters kept on each side of the value in a window.
const CONTEXT: usize = 100;

/// One piece of evidence as shown: where it is and the text of its line
/// (windowed and escaped), with the value's byte span in that text.
struct Shown {
    path: String,
    line: usize,
    column: usize,
    text: String,
    span: (usize, usize),
    windowed: bool,
}

fn shown(a: &Analyzed, start: usize, end: usize) -> Shown {
    let src = a.doc.map.to_source(start);
    let src_end = a.doc.map.to_source(end.max(start)).max(src);
    let (line, column) = a.doc.lines.line_col(&a.doc.source, src);
    let line_start = a.doc.lines.line_start(line);
    let full = a.doc.lines.line_text(&a.doc.source, line);
    let s = floor_char(full, (src - line_start).min(full.len()));
    let e = floor_char(full, (src_end - line_start).min(full.len())).max(s);
    let (from, to, windowed) = if full.len() > LONG_LINE {
        let from = full[..s]
            .char_indices()
            .rev()
            .nth(CONTEXT - 1)
            .map_or(0, |(i, _)| i);
        let to = full[e..]
            .char_indices()
            .nth(CONTEXT)
            .map_or(full.len(), |(i, _)| e + i);
        (from, to, from > 0 || to < full.len())
    } else {
        (0, full.len(), false)
    };
    let mut text = String::new();
    if from > 0 {
        text.push('…');
    }
    let before = escape_line(&full[from..s]);
    let value = escape_line(&full[s..e]);
    let after = escape_line(&full[e..to]);
    text.push_str(&before);
    let span_start = text.len();
    text.push_str(&value);
    let span_end = text.len();
    text.push_str(&after);
    if to < full.len() {
        text.push('…');
    }
    Shown {
        path: escape(&a.doc.path).into_owned(),
        line,
        column,
        text,
        span: (span_start, span_end),
        windowed,
    }
}

/// The largest char boundary of `s` at or before `i`.
fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn diagnostics(docs: &[Analyzed], findings: &[Finding]) -> String {
    let renderer = Renderer::plain();
    let mut out = String::new();
    for f in findings {
        let level = match f.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        let title = format!("[{}] {}", escape(&f.rule), escape(&f.message));
        let sources: Vec<Shown> = f
            .evidence
            .iter()
            .map(|e| shown(&docs[e.doc], e.start, e.end))
            .collect();
        let labels: Vec<String> = f
            .evidence
            .iter()
            .map(|e| escape(&e.value).into_owned())
            .collect();
        let mut group = Group::with_title(level.primary_title(&title));
        for (i, src) in sources.iter().enumerate() {
            let kind = if i == 0 {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            let annotation = kind.span(src.span.0..src.span.1).label(labels[i].as_str());
            let snippet = Snippet::source(src.text.as_str()).line_start(src.line);
            group = if src.windowed {
                // The window starts mid-line: the place is said outright.
                group
                    .element(
                        Origin::path(src.path.as_str())
                            .line(src.line)
                            .char_column(src.column),
                    )
                    .element(snippet.annotation(annotation))
            } else {
                group.element(snippet.path(src.path.as_str()).annotation(annotation))
            };
        }
        if sources.is_empty() {
            continue;
        }
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    out
}
