//! `check --format human`: rustc-style diagnostics (annotate-snippets), each
//! piece of evidence shown in its source line with the value underlined.

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

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

fn diagnostics(docs: &[Analyzed], findings: &[Finding]) -> String {
    let renderer = Renderer::plain();
    let mut out = String::new();
    for f in findings {
        let level = match f.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Info => Level::INFO,
        };
        let title = format!("[{}] {}", f.rule, f.message);
        let mut sources: Vec<(String, usize, usize, usize, String)> = Vec::new();
        for e in &f.evidence {
            let a = &docs[e.doc];
            let src = a.doc.map.to_source(e.start);
            let src_end = a.doc.map.to_source(e.end.max(e.start)).max(src);
            let (line, _) = a.doc.lines.line_col(&a.doc.source, src);
            let line_start = a.doc.lines.line_start(line);
            let line_text = a.doc.lines.line_text(&a.doc.source, line).to_string();
            let s = src - line_start;
            let e_off = (src_end - line_start).min(line_text.len()).max(s);
            sources.push((a.doc.path.clone(), line, s, e_off, line_text));
        }
        let snippets = sources
            .iter()
            .enumerate()
            .map(|(i, (path, line, s, e, text))| {
                let kind = if i == 0 {
                    AnnotationKind::Primary
                } else {
                    AnnotationKind::Context
                };
                let label = f.evidence[i].value.as_str();
                Snippet::source(text.as_str())
                    .line_start(*line)
                    .path(path.as_str())
                    .annotation(kind.span(*s..*e).label(label))
            });
        let mut snippets = snippets.collect::<Vec<_>>().into_iter();
        let Some(first) = snippets.next() else {
            continue;
        };
        let mut group = level.primary_title(&title).element(first);
        for s in snippets {
            group = group.element(s);
        }
        out.push_str(&renderer.render(&[group]));
        out.push_str("\n\n");
    }
    out
}
