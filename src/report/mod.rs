//! Renders results; one file per output format.

pub mod check_json;
pub mod claims;
pub mod github;
pub mod html;
pub mod human;
pub mod jsonl;
pub mod rules_doc;
pub mod sarif;

use crate::analyze::Analyzed;
use crate::calendar::from_day_number;
use crate::checks::{Cited, Finding};
use crate::cli::CheckFormat;
use crate::error::InputError;
use crate::rules::{CheckKind, RuleData, Severity};
use crate::values::{Interval, Value, ValueKind};

/// Everything a `check` report shows.
pub struct CheckReport<'a> {
    pub docs: &'a [Analyzed],
    pub findings: &'a [Finding],
    pub errors: &'a [InputError],
    /// Findings silenced by comments in the articles.
    pub suppressed: usize,
    pub rules: &'a RuleData,
}

impl CheckReport<'_> {
    pub fn count(&self, severity: Severity) -> usize {
        count(self.findings, severity)
    }
}

fn count(findings: &[Finding], severity: Severity) -> usize {
    findings.iter().filter(|f| f.severity == severity).count()
}

/// A check report in the format asked for.
pub fn render_check(format: CheckFormat, report: &CheckReport<'_>) -> String {
    match format {
        CheckFormat::Human => human::render_report(report),
        CheckFormat::Json => check_json::render(report),
        CheckFormat::Jsonl => jsonl::render(report),
        CheckFormat::Sarif => sarif::render(report),
        CheckFormat::Github => github::render(report),
        CheckFormat::Html => html::render(report),
    }
}

/// Where a piece of evidence is: path, 1-based line and column (in chars),
/// and the line and column where its value ends.
pub struct Place {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

pub fn place(docs: &[Analyzed], e: &Cited) -> Place {
    let doc = &docs[e.doc].doc;
    let (line, column) = doc.position(e.start);
    let (end_line, end_column) = doc.position(e.end.max(e.start));
    Place {
        path: doc.path.clone(),
        line,
        column,
        end_line,
        end_column,
    }
}

/// "5 documents checked: 4 errors, 1 warning, 2 info, 2 suppressed": the
/// totals line of the human and HTML reports.
pub fn totals(docs: usize, findings: &[Finding], suppressed: usize) -> String {
    let count = |s: Severity| count(findings, s);
    let mut line = format!(
        "{}: {}, {}, {} info",
        counted(docs, "document checked", "documents checked"),
        counted(count(Severity::Error), "error", "errors"),
        counted(count(Severity::Warning), "warning", "warnings"),
        count(Severity::Info)
    );
    if suppressed > 0 {
        line.push_str(&format!(", {suppressed} suppressed"));
    }
    line
}

/// "1 error", "2 errors".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A rule kind as rule files and reports write it.
pub fn kind_name(k: CheckKind) -> &'static str {
    match k {
        CheckKind::Conflict => "conflict",
        CheckKind::Arithmetic => "arithmetic",
        CheckKind::Misnaming => "misnaming",
        CheckKind::Anachronism => "anachronism",
        CheckKind::Variant => "variant",
        CheckKind::Corroboration => "corroboration",
    }
}

pub fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// A number as a person reads it: "3.735e9", "20.65", "191".
pub fn fmt_num(x: f64) -> String {
    if x.is_infinite() {
        return if x > 0.0 { "∞".into() } else { "-∞".into() };
    }
    if x != 0.0 && (x.abs() >= 1e6 || x.abs() < 1e-3) {
        let s = format!("{x:e}");
        return s;
    }
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// An interval in the value's own terms: dates for times, numbers else.
pub fn fmt_interval(v: &Value) -> String {
    let Some(i) = v.interval else {
        return "unanchored".into();
    };
    let end = |x: f64| -> String {
        if x.is_infinite() {
            return if x > 0.0 { "∞".into() } else { "-∞".into() };
        }
        if v.kind == ValueKind::Time {
            from_day_number(x).map_or_else(|| fmt_num(x), |d| d.to_string())
        } else {
            fmt_num(x)
        }
    };
    bracketed(&i, end(i.lo), end(i.hi))
}

fn bracketed(i: &Interval, lo: String, hi: String) -> String {
    format!(
        "{}{lo}, {hi}{}",
        if i.lo_open { '(' } else { '[' },
        if i.hi_open { ')' } else { ']' }
    )
}

/// JSON for one end of an interval: a date string for times, a number,
/// or null for an unbounded end.
pub fn json_end(kind: ValueKind, x: f64) -> serde_json::Value {
    if x.is_infinite() {
        return serde_json::Value::Null;
    }
    if kind == ValueKind::Time {
        return from_day_number(x).map_or(serde_json::Value::Null, |d| {
            serde_json::Value::String(d.to_string())
        });
    }
    serde_json::json!(x)
}
