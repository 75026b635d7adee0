//! `check --format sarif`: SARIF 2.1.0 for GitHub code scanning and other
//! SARIF viewers. One result per finding: the first evidence is the
//! location, the others related locations; each rule carries its docs as
//! help; fingerprints hash what was said, not where, so they survive edits
//! elsewhere in a file.

use serde_json::{json, Value as Json};

use super::{place, CheckReport};
use crate::checks::Finding;
use crate::document::Analyzed;
use crate::model::Evidence;
use crate::model::Severity;
use crate::paths::normalize;
use crate::rules::CheckDef;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(report: &CheckReport<'_>) -> String {
    let rules: Vec<Json> = report.rules.check.iter().map(rule_json).collect();
    let results: Vec<Json> = report
        .findings
        .iter()
        .filter(|f| !f.evidence.is_empty())
        .map(|f| result_json(report, f))
        .collect();
    let out = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "claimcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule_json(c: &CheckDef) -> Json {
    let help = format!(
        "What it finds: {}\n\nWhy it matters: {}\n\nExample: {}",
        c.docs.finds, c.docs.why, c.docs.example
    );
    let markdown = format!(
        "**What it finds.** {}\n\n**Why it matters.** {}\n\n**Example.** {}",
        c.docs.finds, c.docs.why, c.docs.example
    );
    json!({
        "id": c.id,
        "name": c.id,
        "shortDescription": {"text": c.docs.finds},
        "fullDescription": {"text": c.docs.finds},
        "help": {"text": help, "markdown": markdown},
        "defaultConfiguration": {"level": level(c.severity)},
        "properties": {"kind": c.kind().to_string(), "tags": ["claimcheck"]},
    })
}

fn result_json(report: &CheckReport<'_>, f: &Finding) -> Json {
    let related: Vec<Json> = f.evidence[1..]
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut l = location(report.docs, e);
            l["id"] = json!(i + 1);
            l["message"] = json!({"text": e.value});
            l
        })
        .collect();
    let mut r = json!({
        "ruleId": f.rule,
        "level": level(f.severity),
        "message": {"text": f.message},
        "locations": [location(report.docs, &f.evidence[0])],
        "partialFingerprints": {"claimcheckFinding/v2": fingerprint(report.docs, f)},
    });
    if let Some(i) = report.rules.check.iter().position(|c| c.id == f.rule) {
        r["ruleIndex"] = json!(i);
    }
    if !related.is_empty() {
        r["relatedLocations"] = json!(related);
    }
    r
}

fn location(docs: &[Analyzed], e: &Evidence) -> Json {
    let p = place(docs, e);
    json!({"physicalLocation": {
        "artifactLocation": {"uri": uri(&p.path)},
        "region": {
            "startLine": p.line,
            "startColumn": p.column,
            "endLine": p.end_line,
            "endColumn": p.end_column,
            "snippet": {"text": e.value},
        },
    }})
}

/// A relative URI reference for a path: forward slashes, `.` and `..`
/// segments resolved, and every byte outside the unreserved set
/// percent-encoded.
fn uri(path: &str) -> String {
    let path = normalize(&path.replace('\\', "/"));
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// FNV-1a over the rule, the primary location's file (its path
/// normalized, so `./a.md` is `a.md`), the finding's key (the claim key
/// and the disputed values in canonical form) and the value shown there.
/// Nothing positional goes in: the same finding gets the same print when
/// lines move, when the inputs come in another order or spelling, and
/// when an article that agrees with one side is added.
fn fingerprint(docs: &[Analyzed], f: &Finding) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |s: &str| {
        for b in s.bytes().chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    feed("claimcheckFinding/v2");
    feed(&f.rule);
    if let Some(e) = f.evidence.first() {
        let doc = &docs[e.doc].doc;
        feed(&normalize(&doc.path.replace('\\', "/")));
        feed(doc.id.as_deref().unwrap_or(""));
        feed(&e.value.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    feed(&f.key);
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("./news/port report.md"), "news/port%20report.md");
        assert_eq!(uri("a\\b.txt"), "a/b.txt");
        assert_eq!(uri("café.md"), "caf%C3%A9.md");
    }
}
