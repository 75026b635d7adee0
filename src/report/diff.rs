//! `claimcheck diff`: a revision's changed, added and removed claims and
//! the findings it introduces or resolves, for a terminal or as JSON.

use serde_json::json;

use super::counted;
use super::terminal::escape;
use crate::revision::{ClaimView, FindingView, RevisionDiff};

/// The diff as a fact-checker reads it in a terminal.
pub fn human(d: &RevisionDiff) -> String {
    let mut out = format!("claimcheck diff {} → {}\n", escape(&d.old), escape(&d.new));
    let claim = |c: &ClaimView| {
        format!(
            "{}, {}{}: {}",
            escape(&c.subject),
            escape(&c.predicate),
            c.period
                .as_ref()
                .map(|p| format!(" ({})", escape(p)))
                .unwrap_or_default(),
            escape(&c.value)
        )
    };
    let section = |out: &mut String, title: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            out.push_str(&format!("\n{title}:\n"));
            for l in lines {
                out.push_str(&format!("  {l}\n"));
            }
        }
    };
    section(
        &mut out,
        "claims changed",
        d.changed
            .iter()
            .map(|c| {
                let (from, to) = match c.changed {
                    "period" => (c.old.period.clone(), c.new.period.clone()),
                    "subject" => (Some(c.old.subject.clone()), Some(c.new.subject.clone())),
                    _ => (Some(c.old.value.clone()), Some(c.new.value.clone())),
                };
                format!(
                    "{:<8}{}:{}:{}  {}  [{} → {}]",
                    c.changed,
                    escape(&c.new.path),
                    c.new.line,
                    c.new.column,
                    claim(&c.new),
                    escape(&from.unwrap_or_else(|| "none".into())),
                    escape(&to.unwrap_or_else(|| "none".into()))
                )
            })
            .collect(),
    );
    section(
        &mut out,
        "claims added",
        d.added
            .iter()
            .map(|c| {
                format!(
                    "+ {}:{}:{}  {}",
                    escape(&c.path),
                    c.line,
                    c.column,
                    claim(c)
                )
            })
            .collect(),
    );
    section(
        &mut out,
        "claims removed",
        d.removed
            .iter()
            .map(|c| {
                format!(
                    "- {}:{}:{}  {}",
                    escape(&c.path),
                    c.line,
                    c.column,
                    claim(c)
                )
            })
            .collect(),
    );
    let finding = |f: &FindingView| {
        format!(
            "{}: [{}] {}\n      at {}",
            f.severity,
            escape(&f.rule),
            escape(&f.message),
            escape(&f.evidence.join(", "))
        )
    };
    section(
        &mut out,
        "findings introduced",
        d.introduced.iter().map(finding).collect(),
    );
    section(
        &mut out,
        "findings resolved",
        d.resolved.iter().map(finding).collect(),
    );
    out.push_str(&format!(
        "\n{} changed, {} added, {} removed; {} introduced, {} resolved\n",
        counted(d.changed.len(), "claim", "claims"),
        d.added.len(),
        d.removed.len(),
        counted(d.introduced.len(), "finding", "findings"),
        d.resolved.len()
    ));
    out
}

/// The diff as data, with the input errors.
pub fn json(d: &RevisionDiff) -> String {
    let mut v = serde_json::to_value(d).unwrap_or_default();
    v["errors"] = json!(d.errors);
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}
