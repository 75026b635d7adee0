//! Markdown articles: front matter (YAML or TOML) gives title and date; the
//! body keeps its byte positions by blanking markup instead of removing it.

use std::sync::Arc;

use regex::Regex;
use std::sync::LazyLock;

use super::{Document, Format, PublishedFrom};
use crate::error::Warning;
use crate::source::{LineIndex, OffsetMap};

static LINK_TARGET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\]\([^)\s]*(?:\s+\x22[^\x22]*\x22)?\)").unwrap());
static HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^\s{0,3}#{1,6}\s").unwrap());
static QUOTE_MARK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^\s{0,3}>\s?").unwrap());
static COMMENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").unwrap());
static FENCE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?ms)^```.*?^```[^\n]*$").unwrap());

pub fn parse(path: &str, source: Arc<str>, lines: Arc<LineIndex>) -> Document {
    let mut body: Vec<u8> = source.as_bytes().to_vec();
    let mut title = None;
    let mut date = None;
    let mut notes = Vec::new();
    if let Some((end, fields, error)) = front_matter(&source) {
        if let Some(message) = error {
            notes.push(Warning::BadFrontMatter { message });
        }
        blank(&mut body, 0, end);
        title = fields
            .iter()
            .find(|(k, _)| k == "title")
            .map(|(_, v)| v.clone());
        date = fields
            .iter()
            .find(|(k, _)| k == "date" || k == "published")
            .map(|(_, v)| v.clone());
    }
    let text_now = String::from_utf8_lossy(&body).into_owned();
    for re in [&*FENCE, &*COMMENT, &*LINK_TARGET] {
        for m in re.find_iter(&text_now) {
            blank(&mut body, m.start(), m.end());
        }
    }
    for re in [&*HEADING, &*QUOTE_MARK] {
        for m in re.find_iter(&text_now) {
            blank(&mut body, m.start(), m.end());
        }
    }
    for b in body.iter_mut() {
        if matches!(*b, b'*' | b'`' | b'[' | b']') {
            *b = b' ';
        }
    }
    blank_underscore_emphasis(&mut body);
    // Blanking replaces whole UTF-8 sequences with ASCII spaces, so the body
    // stays valid UTF-8 of the same length as the source.
    let text = String::from_utf8(body)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Document {
        path: path.to_string(),
        id: None,
        format: Format::Markdown,
        source,
        lines,
        text,
        map: OffsetMap::identity(),
        title,
        meta_published: date.map(|d| (d, PublishedFrom::FrontMatter)),
        notes,
    }
}

/// Replaces bytes with spaces, keeping newlines so lines stay where they are.
fn blank(body: &mut [u8], start: usize, end: usize) {
    for b in &mut body[start..end] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// `_word_` emphasis, but not snake_case inside words.
fn blank_underscore_emphasis(body: &mut [u8]) {
    for i in 0..body.len() {
        if body[i] != b'_' {
            continue;
        }
        let before = i.checked_sub(1).map(|j| body[j]);
        let after = body.get(i + 1).copied();
        let word = |c: Option<u8>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if !(word(before) && word(after)) {
            body[i] = b' ';
        }
    }
}

/// Front matter fields, the byte offset where the body starts, and why
/// the fields could not be read, if they could not.
type FrontMatter = (usize, Vec<(String, String)>, Option<String>);

fn front_matter(source: &str) -> Option<FrontMatter> {
    let (fence, toml) = if source.starts_with("---") {
        ("---", false)
    } else if source.starts_with("+++") {
        ("+++", true)
    } else {
        return None;
    };
    let first_nl = source.find('\n')?;
    let rest = &source[first_nl + 1..];
    let mut offset = first_nl + 1;
    let mut block_end = None;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == fence {
            block_end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let (inner_end, end) = block_end?;
    let inner = &source[first_nl + 1..inner_end];
    let (fields, error) = if toml {
        match toml_fields(inner) {
            Ok(f) => (f, None),
            Err(e) => (Vec::new(), Some(e)),
        }
    } else {
        (yaml_fields(inner), None)
    };
    Some((end, fields, error))
}

fn toml_fields(inner: &str) -> Result<Vec<(String, String)>, String> {
    let table = inner.parse::<toml::Table>().map_err(|e| {
        // The first line of toml's message says what; the rest draws it.
        e.to_string()
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .to_string()
    })?;
    Ok(table
        .into_iter()
        .map(|(k, v)| {
            let s = match v {
                toml::Value::String(s) => s,
                other => other.to_string(),
            };
            (k.to_ascii_lowercase(), s)
        })
        .collect())
}

/// Flat `key: value` pairs; nested YAML is not needed for article metadata.
fn yaml_fields(inner: &str) -> Vec<(String, String)> {
    inner
        .lines()
        .filter(|l| !l.starts_with(' ') && !l.starts_with('#'))
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| {
            let v = v.trim().trim_matches('"').trim_matches('\'').to_string();
            (k.trim().to_ascii_lowercase(), v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(src: &str) -> Document {
        let source: Arc<str> = Arc::from(src);
        let lines = Arc::new(LineIndex::new(src));
        parse("a.md", source, lines)
    }

    #[test]
    fn yaml_front_matter_and_blanked_markup_keep_offsets() {
        let d = doc("---\ntitle: Port news\ndate: 2025-03-04\n---\n# Head\nSee [the **port**](http://x.y) now.\n");
        assert_eq!(d.title.as_deref(), Some("Port news"));
        assert_eq!(d.meta_published.as_ref().unwrap().0, "2025-03-04");
        assert_eq!(d.text.len(), d.source.len());
        assert!(d.text.contains("  Head"));
        assert!(
            d.text
                .contains(&format!("See  the   port{}now.", " ".repeat(16))),
            "{:?}",
            d.text
        );
    }

    #[test]
    fn toml_front_matter() {
        let d = doc("+++\ntitle = \"Budget\"\ndate = 2024-11-02\n+++\nBody.\n");
        assert_eq!(d.title.as_deref(), Some("Budget"));
        assert_eq!(d.meta_published.as_ref().unwrap().0, "2024-11-02");
    }
}
