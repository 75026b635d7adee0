//! The `claims` report: every document with its publication date and the
//! claims read from it (holder, measure, role, period, modality, value,
//! key, evidence), as JSON (the contract of DESIGN.md, "Claims report") or
//! as a readable table.

use serde_json::{json, Value as Json};

use super::json_end;
use crate::calendar::from_day_number;
use crate::claims::{Claim, ClaimValue, Role};
use crate::document::Analyzed;
use crate::link::subject_key;
use crate::pipeline::Outcome;
use crate::values::{fmt_num, ValueKind};

/// A value kind as the claims report names it: a time is a "date".
fn kind_name(k: ValueKind) -> &'static str {
    match k {
        ValueKind::Time => "date",
        other => other.as_str(),
    }
}

fn period_json(c: &Claim) -> Json {
    match c.period {
        Some((a, b)) => json!({
            "start": from_day_number(a).map(|d| d.to_string()),
            "end": from_day_number(b).map(|d| d.to_string()),
            "text": c.period_text,
        }),
        None => Json::Null,
    }
}

fn claim_json(a: &Analyzed, c: &Claim) -> Json {
    let e = &c.evidence;
    let (line, column) = a.doc.position(e.start);
    let (interval, unit) = match &c.value {
        ClaimValue::Number { interval, unit } => (
            json!([json_end(c.value_kind, interval.lo), json_end(c.value_kind, interval.hi)]),
            json!(unit),
        ),
        ClaimValue::Date { interval } => (
            json!([json_end(ValueKind::Time, interval.lo), json_end(ValueKind::Time, interval.hi)]),
            json!("day"),
        ),
        ClaimValue::Label { text } => (json!(text), Json::Null),
    };
    let (sentence_line, sentence_column) = a.doc.position(e.sentence_start);
    json!({
        "holder": c.holder,
        "measure": c.measure,
        "role": c.role,
        // An event's date is its value, not a period it is for.
        "period": if c.role == Role::EventDate { Json::Null } else { period_json(c) },
        "modality": c.modality,
        "value": {
            "text": c.value_text,
            "kind": kind_name(c.value_kind),
            "start": e.start,
            "end": e.end,
            "line": line,
            "column": column,
            "interval": interval,
            "unit": unit,
        },
        "key": subject_key(c, true),
        "sure": c.sure,
        "evidence": {
            "start": e.sentence_start,
            "end": e.sentence_end,
            "line": sentence_line,
            "column": sentence_column,
        },
    })
}

fn document_json(a: &Analyzed, claims: &[&Claim]) -> Json {
    let mut o = json!({
        "path": a.doc.path,
        "format": a.doc.format,
        "title": a.doc.title,
        "published": a.published.date.map(|d| d.to_string()),
        "published_from": a.published.from,
        "entities": a.entities.summary(),
        "claims": claims.iter().map(|c| claim_json(a, c)).collect::<Vec<_>>(),
    });
    if let Some(id) = &a.doc.id {
        o["id"] = json!(id);
    }
    if let Some(y) = a.published.estimate_year {
        o["published_estimate"] = json!(y.to_string());
    }
    o
}

/// The claims of each document, in document order.
fn by_document(outcome: &Outcome) -> Vec<Vec<&Claim>> {
    let mut out: Vec<Vec<&Claim>> = vec![Vec::new(); outcome.docs.len()];
    for c in &outcome.claims {
        if let Some(list) = out.get_mut(c.evidence.doc) {
            list.push(c);
        }
    }
    out
}

pub fn json(outcome: &Outcome) -> String {
    let claims = by_document(outcome);
    let out = json!({
        "documents": outcome
            .docs
            .iter()
            .zip(&claims)
            .map(|(a, c)| document_json(a, c))
            .collect::<Vec<_>>(),
        "errors": outcome.errors,
    });
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}

/// A claim's value as a person reads it: the text and its interval.
fn shown_value(c: &Claim) -> String {
    match &c.value {
        ClaimValue::Number { interval, unit } => format!(
            "{} = {}{}, {}{} {}",
            one_line(&c.value_text),
            if interval.lo_open { '(' } else { '[' },
            fmt_num(interval.lo),
            fmt_num(interval.hi),
            if interval.hi_open { ')' } else { ']' },
            unit
        ),
        _ => one_line(&c.value_text),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn text(outcome: &Outcome) -> String {
    let claims = by_document(outcome);
    let mut out = String::new();
    for (a, claims) in outcome.docs.iter().zip(&claims) {
        let published = match (a.published.date, a.published.estimate_year) {
            (Some(d), _) => format!("{d} (from {})", a.published.from),
            (None, Some(y)) => format!("unknown (the text points to {y})"),
            _ => "unknown".into(),
        };
        out.push_str(&format!(
            "{}\n  published: {published}\n  claims: {}\n",
            a.doc.display_name(),
            claims.len()
        ));
        for c in claims {
            let (line, column) = a.doc.position(c.evidence.start);
            let period = c
                .period
                .and_then(|(s, e)| Some(format!("{}..{}", from_day_number(s)?, from_day_number(e)?)))
                .unwrap_or_else(|| "-".into());
            out.push_str(&format!(
                "  {:>4}:{:<4} {:<11} {:<9} {} | {} | {} | {}\n",
                line,
                column,
                c.role.to_string(),
                c.modality.to_string(),
                c.holder.as_deref().map_or_else(|| "-".into(), one_line),
                if c.measure.is_empty() { "-" } else { &c.measure },
                period,
                shown_value(c)
            ));
        }
        out.push('\n');
    }
    out
}
