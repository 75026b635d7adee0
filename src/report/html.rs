//! `check --format html`: one self-contained page (no scripts, fonts or
//! images from elsewhere) an editor can open or attach: a summary by kind
//! and severity, the documents and their publication dates, and each
//! finding with its sentences side by side and the values highlighted,
//! grouped by subject.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{place, totals, CheckReport};
use crate::checks::Finding;
use crate::document::Analyzed;
use crate::model::Evidence;
use crate::model::Severity;

const STYLE: &str = "
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}
h3{font-size:1.1rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.25rem .6rem;text-align:left}
.finding{border:1px solid #ddd;border-left:6px solid #999;border-radius:4px;padding:.6rem .9rem;margin:.8rem 0}
.finding.error{border-left-color:#c62828}.finding.warning{border-left-color:#ef6c00}.finding.info{border-left-color:#1565c0}
.badge{font-size:.75rem;font-weight:600;text-transform:uppercase;padding:.1rem .4rem;border-radius:3px;color:#fff;background:#999}
.error .badge{background:#c62828}.warning .badge{background:#ef6c00}.info .badge{background:#1565c0}
.rule{font-family:ui-monospace,monospace;font-size:.85rem;color:#555}
.evidence{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:.6rem;margin-top:.5rem}
.quote{background:#fafafa;border:1px solid #eee;border-radius:4px;padding:.5rem .7rem}
.where{font-family:ui-monospace,monospace;font-size:.8rem;color:#555;display:block;margin-bottom:.25rem}
mark{background:#ffe082;padding:0 .1rem;border-radius:2px}
.muted{color:#777}
";

pub fn render(report: &CheckReport<'_>) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>claimcheck report</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<h1>claimcheck report</h1>\n");
    summary(&mut out, report);
    documents(&mut out, report.docs);
    findings(&mut out, report);
    errors(&mut out, report);
    out.push_str("</body>\n</html>\n");
    out
}

fn summary(out: &mut String, report: &CheckReport<'_>) {
    let line = totals(report.docs, report.findings, report.suppressed);
    let _ = writeln!(out, "<p id=\"totals\">{}.</p>", esc(&line));
    let mut by_kind: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for f in report.findings {
        let row = by_kind.entry(<&str>::from(f.kind)).or_default();
        row[severity_column(f.severity)] += 1;
    }
    if by_kind.is_empty() {
        return;
    }
    out.push_str("<table id=\"summary\">\n<tr><th>Kind</th><th>Error</th><th>Warning</th><th>Info</th></tr>\n");
    for (kind, [e, w, i]) in &by_kind {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{e}</td><td>{w}</td><td>{i}</td></tr>",
            esc(kind)
        );
    }
    out.push_str("</table>\n");
}

fn severity_column(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

fn documents(out: &mut String, docs: &[Analyzed]) {
    out.push_str("<h2>Documents</h2>\n<table id=\"documents\">\n<tr><th>Document</th><th>Title</th><th>Published</th></tr>\n");
    for a in docs {
        let published = match (a.published.date, a.published.estimate_year) {
            (Some(d), _) => format!(
                "{d} <span class=\"muted\">(from {})</span>",
                a.published.from
            ),
            (None, Some(y)) => {
                format!("unknown <span class=\"muted\">(the text points to {y})</span>")
            }
            (None, None) => "unknown".to_string(),
        };
        let archived = if a.archived {
            " <span class=\"muted\">(archived)</span>"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr><td>{}{archived}</td><td>{}</td><td>{published}</td></tr>",
            esc(&a.doc.display_name()),
            esc(a.doc.title.as_deref().unwrap_or(""))
        );
    }
    out.push_str("</table>\n");
}

fn findings(out: &mut String, report: &CheckReport<'_>) {
    out.push_str("<h2>Findings</h2>\n");
    if report.findings.is_empty() {
        out.push_str("<p>No contradictions found.</p>\n");
        return;
    }
    let mut by_subject: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in report.findings {
        by_subject.entry(f.subject.as_str()).or_default().push(f);
    }
    for (subject, group) in by_subject {
        let heading = if subject.is_empty() { "Other" } else { subject };
        let _ = writeln!(
            out,
            "<section class=\"subject\">\n<h3>{}</h3>",
            esc(heading)
        );
        for f in group {
            let sev: &str = f.severity.into();
            let _ = writeln!(
                out,
                "<div class=\"finding {sev}\">\n<span class=\"badge\">{sev}</span> <span class=\"rule\">{}</span>\n<p class=\"message\">{}</p>\n<div class=\"evidence\">",
                esc(&f.rule),
                esc(&f.message)
            );
            for e in &f.evidence {
                evidence(out, report.docs, e);
            }
            out.push_str("</div>\n</div>\n");
        }
        out.push_str("</section>\n");
    }
}

/// The sentence with the value marked, and where it is.
fn evidence(out: &mut String, docs: &[Analyzed], e: &Evidence) {
    let p = place(docs, e);
    let text = &docs[e.doc].doc.text;
    let (s, v0, v1, end) = (
        e.sentence_start,
        e.start,
        e.end.max(e.start),
        e.sentence_end,
    );
    let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let before = flat(&text[s..v0]);
    let value = flat(&text[v0..v1]);
    let after = flat(&text[v1..end]);
    let gap = |t: &str, at_start: bool| {
        let spaced = if at_start {
            t.starts_with(char::is_whitespace)
        } else {
            t.ends_with(char::is_whitespace)
        };
        if spaced {
            " "
        } else {
            ""
        }
    };
    let _ = writeln!(
        out,
        "<div class=\"quote\"><span class=\"where\">{}:{}:{}</span>{}{}<mark>{}</mark>{}{}</div>",
        esc(&p.path),
        p.line,
        p.column,
        esc(&before),
        gap(&text[s..v0], false),
        esc(&value),
        gap(&text[v1..end], true),
        esc(&after)
    );
}

fn errors(out: &mut String, report: &CheckReport<'_>) {
    if report.errors.is_empty() {
        return;
    }
    out.push_str("<h2>Inputs not read</h2>\n<ul id=\"errors\">\n");
    for e in report.errors {
        let _ = writeln!(out, "<li>{}</li>", esc(&e.to_string()));
    }
    out.push_str("</ul>\n");
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
