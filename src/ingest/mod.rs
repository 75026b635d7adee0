//! Turns paths and stdin into documents: the article text, where each byte
//! of it sits in the source, and the metadata the format carries.

mod html;
mod jsonl;
mod markdown;
pub mod published;
mod walk;

use std::sync::Arc;

use crate::error::InputError;
use crate::source::{LineIndex, OffsetMap};

pub use published::{Published, PublishedFrom};
pub use walk::{collect_inputs, Input};

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

/// Reads one input into documents. JSONL yields many documents and may
/// yield errors for some lines while the others are still read.
pub fn load(input: &Input) -> (Vec<Document>, Vec<InputError>) {
    let bytes = match input.read() {
        Ok(b) => b,
        Err(e) => return (Vec::new(), vec![e]),
    };
    match decode(&input.name, &bytes) {
        Ok(text) => parse(&input.name, text, format_of(&input.name)),
        Err(e) => (Vec::new(), vec![e]),
    }
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
    fn formats_follow_extensions() {
        assert_eq!(format_of("x/a.MD"), Format::Markdown);
        assert_eq!(format_of("a.htm"), Format::Html);
        assert_eq!(format_of("a.ndjson"), Format::Jsonl);
        assert_eq!(format_of("notes.rst"), Format::Text);
    }
}
