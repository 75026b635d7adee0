//! JSONL corpora: one article a line (`id`, `text`, `published`, `source`),
//! with positions in the text mapped back into the JSONL file itself.

use std::sync::Arc;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::{Document, Format, PublishedFrom};
use crate::error::InputError;
use crate::source::{LineIndex, OffsetMap};

#[derive(Deserialize)]
struct Row<'a> {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(borrow)]
    text: &'a RawValue,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

pub fn parse(
    path: &str,
    source: Arc<str>,
    lines: Arc<LineIndex>,
) -> (Vec<Document>, Vec<InputError>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    let mut line_start = 0;
    for (n, raw_line) in source.split_inclusive('\n').enumerate() {
        let line_no = n + 1;
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let start = line_start;
        line_start += raw_line.len();
        if line.trim().is_empty() {
            continue;
        }
        let row: Row<'_> = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                errors.push(
                    InputError::new(path, format!("not a JSONL article: {e}"))
                        .at(line_no, e.column().max(1)),
                );
                continue;
            }
        };
        let raw = row.text.get();
        let raw_at = start + (raw.as_ptr() as usize - line.as_ptr() as usize);
        let Some((text, map)) = decode_string(raw, raw_at) else {
            errors.push(InputError::new(path, "\"text\" is not a string").at(line_no, 1));
            continue;
        };
        let id = match row.id {
            Some(serde_json::Value::String(s)) => s,
            Some(other) => other.to_string(),
            None => format!("line{line_no}"),
        };
        docs.push(Document {
            path: path.to_string(),
            id: Some(id),
            format: Format::Jsonl,
            source: source.clone(),
            lines: lines.clone(),
            text,
            map,
            title: row.title,
            meta_published: row.published.map(|p| (p, PublishedFrom::Meta)),
            notes: Vec::new(),
        });
    }
    (docs, errors)
}

/// Decodes a JSON string literal that starts at `at` in the source.
fn decode_string(raw: &str, at: usize) -> Option<(String, OffsetMap)> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    let mut text = String::with_capacity(inner.len());
    let mut map = OffsetMap::default();
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let src = at + 1 + i;
        map.push(text.len(), src);
        if c != '\\' {
            text.push(c);
            continue;
        }
        let (_, esc) = chars.next()?;
        let decoded = match esc {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'u' => {
                let hex: String = (0..4)
                    .filter_map(|_| chars.next().map(|(_, h)| h))
                    .collect();
                let mut code = u32::from_str_radix(&hex, 16).ok()?;
                if (0xD800..0xDC00).contains(&code) {
                    let mut low = String::new();
                    for _ in 0..6 {
                        low.push(chars.next()?.1);
                    }
                    let lo = u32::from_str_radix(low.strip_prefix("\\u")?, 16).ok()?;
                    // A high surrogate must be followed by a low one; any
                    // other escape is no character.
                    code = if (0xDC00..0xE000).contains(&lo) {
                        0x10000 + ((code - 0xD800) << 10) + (lo - 0xDC00)
                    } else {
                        0xFFFD
                    };
                }
                char::from_u32(code).unwrap_or('\u{fffd}')
            }
            other => other,
        };
        text.push(decoded);
    }
    Some((text, map))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_documents_and_bad_rows_errors() {
        let src = "{\"id\":\"a1\",\"text\":\"Line one.\\nSales hit $5 million.\",\"published\":\"2025-01-02\"}\nnot json\n";
        let source: Arc<str> = Arc::from(src);
        let lines = Arc::new(LineIndex::new(src));
        let (docs, errors) = parse("c.jsonl", source, lines);
        assert_eq!(docs.len(), 1);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, Some(2));
        let d = &docs[0];
        assert_eq!(d.id.as_deref(), Some("a1"));
        let at = d.text.find("$5").unwrap();
        let s = d.map.to_source(at);
        assert_eq!(&src[s..s + 2], "$5");
        assert_eq!(d.position(at), (1, 41));
    }
}
