//! `claimcheck parse`: every sentence's tokens, tags, lemmas, heads and
//! relations, as CoNLL-U or JSON, so anyone can see what the claims are
//! built on.

use serde_json::{json, Value as Json};

use super::json_end;
use crate::document::Analyzed;
use crate::pipeline::Outcome;
use crate::values::Value;

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// CoNLL-U: a `# text` line per sentence, one token a line; MISC holds
/// the token's byte span and, for a value, its kind.
pub fn conllu(outcome: &Outcome) -> String {
    let mut out = String::new();
    for a in &outcome.docs {
        out.push_str(&format!("# newdoc id = {}\n", a.doc.display_name()));
        for (k, s) in a.sentences.iter().enumerate() {
            out.push_str(&format!("# sent_id = {}\n", k + 1));
            out.push_str(&format!("# text = {}\n", one_line(a.sentence_text(s))));
            for (i, t) in a.parse(s).tokens.iter().enumerate() {
                let misc = match t.value {
                    Some(v) => format!("Value={}|Span={}:{}", v.as_str(), t.start, t.end),
                    None => format!("Span={}:{}", t.start, t.end),
                };
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}\n",
                    i + 1,
                    one_line(&t.form),
                    one_line(&t.lemma),
                    t.upos,
                    t.xpos,
                    t.head.map_or(0, |h| h + 1),
                    t.deprel,
                    misc
                ));
            }
            out.push('\n');
        }
    }
    out
}

/// A value as the recognizer read it, before any claim is made of it.
fn value_json(a: &Analyzed, v: &Value) -> Json {
    let (line, column) = a.doc.position(v.start);
    let mut o = json!({
        "kind": v.kind.as_str(),
        "text": v.text,
        "start": v.start,
        "end": v.end,
        "line": line,
        "column": column,
        "interval": v.interval.map(|i| json!([json_end(v.kind, i.lo), json_end(v.kind, i.hi)])),
        "unit": v.unit,
        "modality": v.modality,
    });
    if let Some(i) = v.interval {
        if i.lo_open || i.hi_open {
            o["open"] = json!([i.lo_open, i.hi_open]);
        }
    }
    if let Some(t) = &v.time {
        o["anchoring"] = json!(t.anchoring);
        o["granularity"] = json!(t.granularity);
    }
    o
}

fn document_json(a: &Analyzed) -> Json {
    let sentences: Vec<Json> = a
        .sentences
        .iter()
        .map(|s| {
            let tokens: Vec<Json> = a
                .parse(s)
                .tokens
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    json!({
                        "id": i + 1,
                        "form": t.form,
                        "lemma": t.lemma,
                        "upos": t.upos,
                        "xpos": t.xpos,
                        "head": t.head.map_or(0, |h| h + 1),
                        "deprel": t.deprel,
                        "start": t.start,
                        "end": t.end,
                        "value": t.value.map(|v| v.as_str()),
                    })
                })
                .collect();
            json!({
                "text": a.sentence_text(s),
                "start": s.start,
                "end": s.end,
                "tokens": tokens,
                "values": s.values.iter().map(|v| value_json(a, v)).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({"path": a.doc.display_name(), "sentences": sentences})
}

pub fn json(outcome: &Outcome) -> String {
    let out = json!({
        "documents": outcome.docs.iter().map(document_json).collect::<Vec<_>>(),
        "errors": outcome.errors,
    });
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}
