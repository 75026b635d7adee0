//! `check --format json`: the contract in DESIGN.md (documents, findings
//! with evidence as path, line, column, quote, value), plus a summary.

use serde_json::{json, Value as Json};

use super::CheckReport;
use crate::checks::Finding;
use crate::document::Analyzed;
use crate::model::Evidence;
use crate::model::Severity;

pub fn evidence_json(docs: &[Analyzed], e: &Evidence) -> Json {
    let a = &docs[e.doc];
    let (line, column) = a.doc.position(e.start);
    json!({
        "path": a.doc.path,
        "line": line,
        "column": column,
        "quote": quote(a, e),
        "value": e.value,
    })
}

/// The sentence holding the evidence, on one line.
pub fn quote(a: &Analyzed, e: &Evidence) -> String {
    a.doc.text[e.sentence_start..e.sentence_end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn render(report: &CheckReport<'_>) -> String {
    let docs = report.docs;
    let document = |a: &Analyzed| {
        let mut o = json!({
            "path": a.doc.path,
            "published": a.published.date.map(|d| d.to_string()),
            "published_from": a.published.from,
        });
        if let Some(id) = &a.doc.id {
            o["id"] = json!(id);
        }
        if let Some(y) = a.published.estimate_year {
            o["published_estimate"] = json!(y.to_string());
        }
        o
    };
    let documents: Vec<Json> = docs.iter().filter(|a| !a.archived).map(document).collect();
    let findings_json: Vec<Json> = report
        .findings
        .iter()
        .map(|f| finding_json(docs, f))
        .collect();
    let mut out = json!({
        "documents": documents,
        "findings": findings_json,
        "summary": {
            "error": report.count(Severity::Error),
            "warning": report.count(Severity::Warning),
            "info": report.count(Severity::Info),
            "suppressed": report.suppressed,
        },
        "errors": report.errors,
    });
    // Documents from an archive that evidence cites: an added field.
    let archived: Vec<Json> = docs.iter().filter(|a| a.archived).map(document).collect();
    if !archived.is_empty() {
        out["archived_documents"] = json!(archived);
    }
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}

/// One finding as the contract has it, plus the subject it is about.
pub fn finding_json(docs: &[Analyzed], f: &Finding) -> Json {
    json!({
        "rule": f.rule,
        "kind": f.kind,
        "severity": f.severity,
        "subject": f.subject,
        "message": f.message,
        "evidence": f.evidence.iter().map(|e| evidence_json(docs, e)).collect::<Vec<_>>(),
    })
}
