//! The `claims` report: every document with its publication date, entities,
//! sentences and values, as JSON or as a readable table.

use serde_json::{json, Value as Json};

use super::json_end;
use super::terminal::escape;
use crate::document::Analyzed;
use crate::error::InputError;
use crate::values::fmt_interval;
use crate::values::Value;

fn value_json(a: &Analyzed, v: &Value) -> Json {
    let (line, column) = a.doc.position(v.start);
    let mut o = json!({
        "kind": v.kind.as_str(),
        "text": v.text,
        "line": line,
        "column": column,
        "interval": v.interval.map(|i| json!([json_end(v.kind, i.lo), json_end(v.kind, i.hi)])),
        "unit": v.unit,
        "qualifier": v.qualifier,
        "modality": v.modality,
    });
    if let Some(i) = v.interval {
        if i.lo_open || i.hi_open {
            o["open"] = json!([i.lo_open, i.hi_open]);
        }
    }
    if let Some(n) = &v.noun {
        o["noun"] = json!(n);
    }
    if let Some(t) = &v.time {
        o["anchoring"] = json!(t.anchoring);
        o["granularity"] = json!(t.granularity);
    }
    o
}

pub fn document_json(a: &Analyzed) -> Json {
    let sentences: Vec<Json> = a
        .sentences
        .iter()
        .map(|s| {
            let (line, column) = a.doc.position(s.start);
            json!({
                "line": line,
                "column": column,
                "text": a.sentence_text(s),
                "values": s.values.iter().map(|v| value_json(a, v)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let people: Vec<Json> = a
        .entities
        .people
        .iter()
        .map(|p| {
            let (line, column) = a.doc.position(p.start);
            json!({"name": p.name, "title": p.title, "affiliation": p.affiliation, "line": line, "column": column})
        })
        .collect();
    let mut o = json!({
        "path": a.doc.path,
        "format": a.doc.format,
        "title": a.doc.title,
        "published": a.published.date.map(|d| d.to_string()),
        "published_from": a.published.from,
        "entities": a.entities.summary(),
        "people": people,
        "sentences": sentences,
    });
    if let Some(id) = &a.doc.id {
        o["id"] = json!(id);
    }
    if let Some(y) = a.published.estimate_year {
        o["published_estimate"] = json!(y.to_string());
    }
    o
}

pub fn json(docs: &[Analyzed], errors: &[InputError]) -> String {
    let out = json!({
        "documents": docs.iter().map(document_json).collect::<Vec<_>>(),
        "errors": errors,
    });
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}

pub fn text(docs: &[Analyzed]) -> String {
    let mut out = String::new();
    for a in docs {
        let published = match (a.published.date, a.published.estimate_year) {
            (Some(d), _) => format!("{d} (from {})", a.published.from),
            (None, Some(y)) => format!("unknown (the text points to {y})"),
            _ => "unknown".into(),
        };
        out.push_str(&format!(
            "{}\n  published: {published}\n",
            escape(&a.doc.display_name())
        ));
        let entities: Vec<String> = a
            .entities
            .summary()
            .iter()
            .map(|e| format!("{} ×{}", escape(&e.name), e.mentions))
            .collect();
        if !entities.is_empty() {
            out.push_str(&format!("  entities: {}\n", entities.join(", ")));
        }
        for p in &a.entities.people {
            out.push_str(&format!(
                "  person: {} ({}{})\n",
                escape(&p.name),
                escape(&p.title),
                p.affiliation
                    .as_ref()
                    .map(|x| format!(", {}", escape(x)))
                    .unwrap_or_default()
            ));
        }
        out.push_str(&format!("  sentences: {}\n", a.sentences.len()));
        for s in &a.sentences {
            for v in &s.values {
                let (line, column) = a.doc.position(v.start);
                let mut extra = Vec::new();
                if let Some(u) = &v.unit {
                    extra.push(escape(u).into_owned());
                }
                if let Some(n) = &v.noun {
                    extra.push(escape(n).into_owned());
                }
                if let Some(q) = &v.qualifier {
                    extra.push(escape(q).into_owned());
                }
                out.push_str(&format!(
                    "  {:>4}:{:<4} {:<18} {:<32} {} {:?}{}\n",
                    line,
                    column,
                    v.kind.as_str(),
                    format!("{:?}", v.text),
                    fmt_interval(v),
                    v.modality,
                    if extra.is_empty() {
                        String::new()
                    } else {
                        format!(" [{}]", extra.join(", "))
                    }
                ));
            }
        }
        out.push('\n');
    }
    out
}
