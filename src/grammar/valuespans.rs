//! The one place the grammar meets the value recognizer: the value spans
//! of a sentence, as tokens the tokenizer must keep whole. When `values`
//! changes, the model is retrained through this function.

use super::ValueSpan;
use crate::values::{TimeContext, ValueReader};

/// Value spans of `text[start..end]`, sorted, without overlaps.
pub fn value_spans(reader: &ValueReader, text: &str, start: usize, end: usize) -> Vec<ValueSpan> {
    let ctx = TimeContext {
        published: None,
        estimate_year: None,
    };
    let mut v: Vec<ValueSpan> = reader
        .read(text, start, end, &ctx)
        .into_iter()
        .map(|v| ValueSpan {
            start: v.start,
            end: v.end,
            kind: v.kind,
        })
        .collect();
    v.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<ValueSpan> = Vec::with_capacity(v.len());
    for s in v {
        if out.last().is_none_or(|l| s.start >= l.end) {
            out.push(s);
        }
    }
    out
}
