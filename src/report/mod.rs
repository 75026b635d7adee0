//! Renders results as text; one file per output format, each a function
//! from a report to a string. Renderers never print: the binary does.

pub mod check_json;
pub mod claims;
pub mod diff;
pub mod github;
pub mod html;
pub mod human;
pub mod jsonl;
pub mod parse;
pub mod rules_doc;
pub mod sarif;
pub mod terminal;

use crate::calendar::from_day_number;
use crate::checks::Finding;
use crate::document::Analyzed;
use crate::error::InputError;
use crate::model::{Evidence, Severity};
use crate::rules::RuleData;
use crate::values::ValueKind;

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

/// Where a piece of evidence is: path, 1-based line and column (in chars),
/// and the line and column where its value ends.
pub struct Place {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

pub fn place(docs: &[Analyzed], e: &Evidence) -> Place {
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
/// totals line of the human and HTML reports. Documents from an archive
/// are counted apart: "1 document checked against 3 archived documents".
pub fn totals(docs: &[Analyzed], findings: &[Finding], suppressed: usize) -> String {
    let count = |s: Severity| count(findings, s);
    let archived = docs.iter().filter(|a| a.archived).count();
    let mut checked = counted(
        docs.len() - archived,
        "document checked",
        "documents checked",
    );
    if archived > 0 {
        checked.push_str(&format!(
            " against {}",
            counted(archived, "archived document", "archived documents")
        ));
    }
    let mut line = format!(
        "{checked}: {}, {}, {} info",
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
