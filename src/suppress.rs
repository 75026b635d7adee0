//! Suppressions an editor writes into the article itself, in Markdown and
//! HTML comments, so a reviewed finding stays quiet without a config change:
//! `<!-- claimcheck-disable-next-line RULE -->` and
//! `<!-- claimcheck-disable RULE -->` … `<!-- claimcheck-enable RULE -->`.
//! Without a RULE the comment covers every rule.

use std::sync::LazyLock;

use regex::Regex;

use crate::ingest::{Document, Format};

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*claimcheck-(disable-next-line|disable|enable)\b([^>]*?)-->").unwrap()
});

/// Lines of one document on which some rules are silenced.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Suppressions {
    /// (rule, or None for all rules; first line; last line), 1-based.
    spans: Vec<(Option<String>, usize, usize)>,
    /// Each rule a directive names, with the directive's line and column,
    /// so a misspelt rule can be reported instead of silencing nothing.
    named: Vec<(String, usize, usize)>,
}

impl Suppressions {
    /// Reads the directives of a Markdown or HTML document; other formats
    /// have no comments and so no suppressions.
    pub fn scan(doc: &Document) -> Suppressions {
        if !matches!(doc.format, Format::Markdown | Format::Html) {
            return Suppressions::default();
        }
        let source = &doc.source;
        let line_of = |offset: usize| doc.lines.line_col(source, offset).0;
        let last_line = line_of(source.len());
        let mut spans = Vec::new();
        let mut named = Vec::new();
        let mut open: Vec<(Option<String>, usize)> = Vec::new();
        for c in DIRECTIVE.captures_iter(source) {
            let whole = c.get(0).unwrap();
            let rules = rule_list(&c[2]);
            let (line, column) = doc.lines.line_col(source, whole.start());
            named.extend(rules.iter().flatten().map(|r| (r.clone(), line, column)));
            match &c[1] {
                "disable-next-line" => {
                    let next = next_text_line(source, whole.end()).map(line_of);
                    if let Some(line) = next {
                        spans.extend(rules.into_iter().map(|r| (r, line, line)));
                    }
                }
                "disable" => {
                    let line = line_of(whole.start());
                    open.extend(rules.into_iter().map(|r| (r, line)));
                }
                _ => {
                    let line = line_of(whole.start());
                    for rule in rules {
                        // "enable" with no rule closes every open region.
                        let (closing, still): (Vec<_>, Vec<_>) = open
                            .drain(..)
                            .partition(|(r, _)| rule.is_none() || *r == rule);
                        open = still;
                        spans.extend(closing.into_iter().map(|(r, from)| (r, from, line)));
                    }
                }
            }
        }
        spans.extend(open.into_iter().map(|(r, from)| (r, from, last_line)));
        Suppressions { spans, named }
    }

    /// The rules the directives name, each with the directive's place.
    pub fn named(&self) -> impl Iterator<Item = (&str, usize, usize)> {
        self.named.iter().map(|(r, l, c)| (r.as_str(), *l, *c))
    }

    pub fn covers(&self, rule: &str, line: usize) -> bool {
        self.spans.iter().any(|(r, from, to)| {
            r.as_deref().is_none_or(|r| r == rule) && *from <= line && line <= *to
        })
    }
}

/// "figure-conflict, name-variant" → each id; nothing → every rule.
fn rule_list(raw: &str) -> Vec<Option<String>> {
    let ids: Vec<Option<String>> = raw
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(|s| Some(s.to_string()))
        .collect();
    if ids.is_empty() {
        vec![None]
    } else {
        ids
    }
}

/// The start of the first line after `from` with text on it: in Markdown
/// a blank line usually separates the comment from its paragraph.
fn next_text_line(source: &str, from: usize) -> Option<usize> {
    let rest = &source[from..];
    let first_break = rest.find('\n')?;
    let mut at = from + first_break + 1;
    for line in source[at..].split_inclusive('\n') {
        if !line.trim().is_empty() {
            return Some(at);
        }
        at += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest;

    fn doc(name: &str, text: &str) -> Document {
        ingest::parse(name, text.to_string(), ingest::format_of(name))
            .0
            .remove(0)
    }

    #[test]
    fn next_line_skips_the_blank_line_under_the_comment() {
        let d = doc(
            "a.md",
            "First.\n\n<!-- claimcheck-disable-next-line figure-conflict -->\n\nSecond.\n\nThird.\n",
        );
        let s = Suppressions::scan(&d);
        assert!(s.covers("figure-conflict", 5));
        assert!(!s.covers("figure-conflict", 7));
        assert!(!s.covers("name-variant", 5));
    }

    #[test]
    fn a_region_runs_to_its_enable_or_the_end() {
        let d = doc(
            "a.html",
            "<p>One</p>\n<!-- claimcheck-disable -->\n<p>Two</p>\n<!-- claimcheck-enable -->\n<p>Three</p>\n<!-- claimcheck-disable corroborated -->\n<p>Four</p>\n",
        );
        let s = Suppressions::scan(&d);
        assert!(!s.covers("figure-conflict", 1));
        assert!(s.covers("figure-conflict", 3));
        assert!(!s.covers("figure-conflict", 5));
        assert!(s.covers("corroborated", 7));
        assert!(!s.covers("figure-conflict", 7));
    }

    #[test]
    fn plain_text_has_no_suppressions() {
        let d = doc("a.txt", "<!-- claimcheck-disable -->\nOne.\n");
        assert!(!Suppressions::scan(&d).covers("figure-conflict", 2));
    }
}
