//! Turns paths and stdin into documents: the article text, where each byte
//! of it sits in the source, and the metadata the format carries.

mod html;
mod jsonl;
mod markdown;
pub mod published;
mod walk;

use std::sync::Arc;

use crate::error::{InputError, InputWarning, Warning};
use crate::source::{LineIndex, OffsetMap};

pub use published::{Published, PublishedFrom};
pub use walk::{collect_inputs, Input, DEFAULT_MAX_FILE_SIZE};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Jsonl,
}

/// One article, ready for segmentation.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it (or found by walking), `-` for stdin.
    pub path: String,
    /// For JSONL, the article's id; otherwise none.
    pub id: Option<String>,
    pub format: Format,
    /// The file as read; evidence positions are positions in it.
    pub source: Arc<str>,
    pub lines: Arc<LineIndex>,
    /// The article text claims are read from.
    pub text: String,
    pub map: OffsetMap,
    pub title: Option<String>,
    /// A publication date stated by metadata (front matter, HTML meta,
    /// JSONL field), before any dateline is looked at.
    pub meta_published: Option<(String, PublishedFrom)>,
    /// What reading the format found wrong but read past.
    pub notes: Vec<Warning>,
}

impl Document {
    /// 1-based line and column in the source of a byte offset in `text`.
    pub fn position(&self, text_offset: usize) -> (usize, usize) {
        let src = self.map.to_source(text_offset);
        self.lines.line_col(&self.source, src)
    }

    /// The name a report shows: the path, and the id for JSONL rows.
    pub fn display_name(&self) -> String {
        match &self.id {
            Some(id) => format!("{}#{}", self.path, id),
            None => self.path.clone(),
        }
    }
}

/// The documents read from one input, and what went wrong with it.
#[derive(Debug, Default)]
pub struct Loaded {
    pub docs: Vec<Document>,
    pub errors: Vec<InputError>,
    pub warnings: Vec<InputWarning>,
}

/// Reads one input (at most `limit` bytes) into documents. JSONL yields
/// many documents and may yield errors for some lines while the others
/// are still read.
pub fn load(input: &Input, limit: u64) -> Loaded {
    let mut out = Loaded::default();
    let bytes = match input.read(limit) {
        Ok(b) => b,
        Err(e) => {
            out.errors.push(e);
            return out;
        }
    };
    let text = match decode(&input.name, &bytes) {
        Ok(text) => text,
        Err(e) => {
            out.errors.push(e);
            return out;
        }
    };
    let (text, lone_cr) = lone_cr_as_newline(text);
    if lone_cr {
        out.warnings
            .push(InputWarning::new(&input.name, Warning::LoneCarriageReturns));
    }
    let (docs, errors) = parse(&input.name, text, format_of(&input.name));
    out.docs = docs;
    out.errors = errors;
    out
}

/// Old Mac files end lines in a lone CR: each becomes a LF (one byte for
/// one, so every offset stays), and the caller is told.
fn lone_cr_as_newline(text: String) -> (String, bool) {
    let b = text.as_bytes();
    let lone = |i: usize| b[i] == b'\r' && b.get(i + 1) != Some(&b'\n');
    if !(0..b.len()).any(lone) {
        return (text, false);
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // An ASCII byte replaced by another keeps the text valid UTF-8.
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (text, true)
}

/// Parses already-decoded text as the given format.
pub fn parse(path: &str, source: String, format: Format) -> (Vec<Document>, Vec<InputError>) {
    let source: Arc<str> = Arc::from(source);
    let lines = Arc::new(LineIndex::new(&source));
    match format {
        Format::Jsonl => jsonl::parse(path, source, lines),
        Format::Markdown => (vec![markdown::parse(path, source, lines)], Vec::new()),
        Format::Html => (vec![html::parse(path, source, lines)], Vec::new()),
        Format::Text => {
            let doc = Document {
                path: path.to_string(),
                id: None,
                format,
                text: source.to_string(),
                source,
                lines,
                map: OffsetMap::identity(),
                title: None,
                meta_published: None,
                notes: Vec::new(),
            };
            (vec![doc], Vec::new())
        }
    }
}

pub fn format_of(path: &str) -> Format {
    let ext = std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("md" | "markdown") => Format::Markdown,
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("jsonl" | "ndjson") => Format::Jsonl,
        _ => Format::Text,
    }
}

/// Rejects binary files and invalid UTF-8, naming the place of the fault.
pub fn decode(path: &str, bytes: &[u8]) -> Result<String, InputError> {
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::new(
            path,
            format!("binary file (NUL byte at offset {pos}); not read"),
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.strip_prefix('\u{feff}').unwrap_or(s).to_string()),
        Err(e) => {
            let good = e.valid_up_to();
            let prefix = String::from_utf8_lossy(&bytes[..good]);
            let idx = LineIndex::new(&prefix);
            let (line, column) = idx.line_col(&prefix, prefix.len());
            Err(InputError::new(
                path,
                format!("invalid UTF-8 (byte offset {good}); not read"),
            )
            .at(line, column))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_and_invalid_utf8_are_named_errors() {
        let err = decode("a.txt", b"abc\0def").unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.txt: binary file (NUL byte at offset 3); not read"
        );
        let err = decode("b.txt", b"ok\nbad \xff here").unwrap_err();
        assert_eq!(
            err.to_string(),
            "b.txt:2:5: invalid UTF-8 (byte offset 7); not read"
        );
    }

    #[test]
    fn lone_carriage_returns_become_line_breaks() {
        let (t, lone) = lone_cr_as_newline("a\rb\r\nc\r".to_string());
        assert_eq!((t.as_str(), lone), ("a\nb\r\nc\n", true));
        let (t, lone) = lone_cr_as_newline("a\r\nb\n".to_string());
        assert_eq!((t.as_str(), lone), ("a\r\nb\n", false));
    }

    #[test]
    fn formats_follow_extensions() {
        assert_eq!(format_of("x/a.MD"), Format::Markdown);
        assert_eq!(format_of("a.htm"), Format::Html);
        assert_eq!(format_of("a.ndjson"), Format::Jsonl);
        assert_eq!(format_of("notes.rst"), Format::Text);
    }
}
