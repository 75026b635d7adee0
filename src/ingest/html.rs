//! HTML articles: the article's own text (no navigation, footer, script or
//! style), with every byte mapped to its place in the HTML source, and the
//! publication date from meta tags or `<time datetime>`.

use std::sync::Arc;

use super::{Document, Format, PublishedFrom};
use crate::source::{LineIndex, OffsetMap};

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "nav", "footer", "header", "aside", "noscript", "template", "svg", "form",
    "iframe", "button", "select", "figure",
];
/// Elements that end a paragraph: their edges become blank lines.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "blockquote",
    "tr",
    "td",
    "th",
    "table",
    "main",
    "hr",
    "dd",
    "dt",
    "pre",
    "title",
    "body",
];

struct Tag<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: Vec<(String, &'a str)>,
    end: usize,
}

pub fn parse(path: &str, source: Arc<str>, lines: Arc<LineIndex>) -> Document {
    let src: &str = &source;
    let has_article = src.to_ascii_lowercase().contains("<article");
    let mut text = String::with_capacity(src.len() / 2);
    let mut map = OffsetMap::default();
    let mut title: Option<String> = None;
    let mut meta_date: Option<(String, u8)> = None;
    let mut in_title = false;
    let mut title_buf = String::new();
    let mut article_depth = 0usize;
    let ends = TagEnds::of(src);
    let mut i = 0;
    while i < src.len() {
        let rest = &src[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with('<') {
            let Some(tag) = parse_tag(src, i, &ends) else {
                push_text(&mut text, &mut map, "<", i);
                i += 1;
                continue;
            };
            note_meta(&tag, &mut meta_date);
            let name = tag.name.as_str();
            if name == "title" {
                in_title = !tag.closing;
            }
            if name == "article" {
                if tag.closing {
                    article_depth = article_depth.saturating_sub(1);
                } else if !tag.self_closing {
                    article_depth += 1;
                }
            }
            if !tag.closing && !tag.self_closing && SKIPPED.contains(&name) {
                i = skip_element(src, tag.end, name);
                continue;
            }
            if BLOCKS.contains(&name) && (!has_article || article_depth > 0 || name == "article") {
                push_text(&mut text, &mut map, "\n\n", i);
            }
            i = tag.end;
            continue;
        }
        let next = rest.find(['<', '&']).map_or(src.len(), |n| i + n.max(1));
        let (chunk, advance) = if rest.starts_with('&') {
            match decode_entity(rest) {
                Some((decoded, len)) => (decoded, len),
                None => ("&".to_string(), 1),
            }
        } else {
            (src[i..next].to_string(), next - i)
        };
        if in_title {
            title_buf.push_str(&chunk);
        } else if !has_article || article_depth > 0 {
            push_text(&mut text, &mut map, &chunk, i);
        }
        i += advance;
    }
    let t = title_buf.split_whitespace().collect::<Vec<_>>().join(" ");
    if !t.is_empty() {
        title = Some(t);
    }
    Document {
        path: path.to_string(),
        id: None,
        format: Format::Html,
        source: source.clone(),
        lines,
        text,
        map,
        title,
        meta_published: meta_date.map(|(d, _)| (d, PublishedFrom::Meta)),
        notes: Vec::new(),
    }
}

fn push_text(text: &mut String, map: &mut OffsetMap, chunk: &str, src: usize) {
    map.push(text.len(), src);
    text.push_str(chunk);
}

/// Keeps the most authoritative date: article:published_time, then
/// name=date / pubdate / datePublished, then the first `<time datetime>`.
fn note_meta(tag: &Tag<'_>, best: &mut Option<(String, u8)>) {
    let attr = |k: &str| tag.attrs.iter().find(|(n, _)| n == k).map(|(_, v)| *v);
    let (value, rank) = match tag.name.as_str() {
        "meta" => {
            let key = attr("property")
                .or(attr("name"))
                .or(attr("itemprop"))
                .unwrap_or("");
            let rank = match key.to_ascii_lowercase().as_str() {
                "article:published_time" => 0,
                "date" | "pubdate" | "datepublished" | "dc.date" | "publish-date" => 1,
                _ => return,
            };
            match attr("content") {
                Some(v) => (v, rank),
                None => return,
            }
        }
        "time" if !tag.closing => match attr("datetime") {
            Some(v) => (v, 2),
            None => return,
        },
        _ => return,
    };
    if best.as_ref().is_none_or(|(_, r)| rank < *r) {
        *best = Some((value.to_string(), rank));
    }
}

/// Where the last '>' and quotes of a page are: a tag that opens after
/// the last '>' (or a quote after the last of its kind) cannot close, and
/// is known not to at once instead of after a scan to the end.
struct TagEnds {
    gt: Option<usize>,
    double: Option<usize>,
    single: Option<usize>,
}

impl TagEnds {
    fn of(src: &str) -> Self {
        TagEnds {
            gt: src.rfind('>'),
            double: src.rfind('"'),
            single: src.rfind('\''),
        }
    }
}

/// A tag longer than this is read as text: no page needs one, and it
/// keeps a page of unclosed tags from costing a scan per '<'.
const MAX_TAG: usize = 256 * 1024;

fn parse_tag<'a>(src: &'a str, start: usize, ends: &TagEnds) -> Option<Tag<'a>> {
    if ends.gt.is_none_or(|g| g < start) {
        return None;
    }
    let mut limit = src.len().min(start + MAX_TAG);
    while !src.is_char_boundary(limit) {
        limit -= 1;
    }
    let src = &src[..limit];
    let bytes = src.as_bytes();
    let mut i = start + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    if bytes.get(i) == Some(&b'!') || bytes.get(i) == Some(&b'?') {
        let end = src[i..].find('>')? + i + 1;
        return Some(Tag {
            name: "!".into(),
            closing: false,
            self_closing: true,
            attrs: Vec::new(),
            end,
        });
    }
    let name_start = i;
    while i < bytes.len()
        && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-' || bytes[i] == b':')
    {
        i += 1;
    }
    if i == name_start {
        return None;
    }
    let name = src[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        match bytes.get(i) {
            None => return None,
            Some(b'>') => {
                let self_closing = bytes[i - 1] == b'/'
                    || matches!(
                        name.as_str(),
                        "br" | "hr" | "meta" | "img" | "link" | "input"
                    );
                return Some(Tag {
                    name,
                    closing,
                    self_closing,
                    attrs,
                    end: i + 1,
                });
            }
            Some(b'/') => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let key_start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && !matches!(bytes[i], b'=' | b'>' | b'/')
        {
            i += 1;
        }
        let key = src[key_start..i].to_ascii_lowercase();
        let mut value = "";
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let last = if q == b'"' { ends.double } else { ends.single };
                    if last.is_none_or(|l| l <= i) {
                        return None;
                    }
                    let close = src[i + 1..].find(q as char)? + i + 1;
                    value = &src[i + 1..close];
                    i = close + 1;
                }
                _ => {
                    let vs = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = &src[vs..i];
                }
            }
        }
        if !key.is_empty() {
            attrs.push((key, value));
        } else if i == key_start {
            // Nothing was read: step over one character (never into one).
            i += src[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
}

/// Offset just past the element that starts before `from`, nesting counted.
/// Tags are found case-insensitively in place: lowercasing the rest of
/// the page for every skipped element would make many elements quadratic.
fn skip_element(src: &str, from: usize, name: &str) -> usize {
    let bytes = src.as_bytes();
    let open = format!("<{name}");
    let close = format!("</{name}");
    let mut depth = 1;
    let mut pos = from;
    while depth > 0 {
        let next_open = find_ci(bytes, pos, open.as_bytes());
        let next_close = find_ci(bytes, pos, close.as_bytes());
        match (next_open, next_close) {
            (Some(o), Some(c)) if o < c && !matches!(name, "script" | "style") => {
                depth += 1;
                pos = o + open.len();
            }
            (_, Some(c)) => {
                depth -= 1;
                pos = c + close.len();
            }
            _ => return src.len(),
        }
    }
    src[pos..].find('>').map_or(src.len(), |p| pos + p + 1)
}

/// The first place at or after `from` where `needle` (ASCII, starting
/// with '<') is written, in any case.
fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(k) = hay.get(at..)?.iter().position(|&b| b == b'<') {
        let start = at + k;
        if hay
            .get(start..start + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

fn decode_entity(rest: &str) -> Option<(String, usize)> {
    let limit = rest.char_indices().nth(12).map_or(rest.len(), |(i, _)| i);
    let end = rest[..limit].find(';')?;
    let body = &rest[1..end];
    let ch = if let Some(num) = body.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        char::from_u32(code)?.to_string()
    } else {
        let s = match body {
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            "quot" => "\"",
            "apos" => "'",
            "nbsp" | "ensp" | "emsp" | "thinsp" => " ",
            "rsquo" => "’",
            "lsquo" => "‘",
            "rdquo" => "”",
            "ldquo" => "“",
            "ndash" => "–",
            "mdash" => "—",
            "hellip" => "…",
            "euro" => "€",
            "pound" => "£",
            "yen" => "¥",
            "middot" => "·",
            "deg" => "°",
            "times" => "×",
            "shy" => "",
            _ => return None,
        };
        s.to_string()
    };
    Some((ch, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(src: &str) -> Document {
        let source: Arc<str> = Arc::from(src);
        let lines = Arc::new(LineIndex::new(src));
        parse("a.html", source, lines)
    }

    #[test]
    fn keeps_article_text_and_maps_positions_to_source() {
        let src = "<html><head><title>T</title><meta property=\"article:published_time\" content=\"2025-06-20T09:00:00Z\"></head>\n<body><nav>Home News</nav><article><p>Port of X&amp;Y handled <b>7.1 million</b> tonnes.</p><script>var a=1;</script></article><footer>(c) 2025</footer></body></html>";
        let d = doc(src);
        assert_eq!(d.title.as_deref(), Some("T"));
        assert_eq!(d.meta_published.as_ref().unwrap().0, "2025-06-20T09:00:00Z");
        let t = d.text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(t, "Port of X&Y handled 7.1 million tonnes.");
        let at = d.text.find("7.1").unwrap();
        assert_eq!(&src[d.map.to_source(at)..d.map.to_source(at) + 3], "7.1");
        let y = d.text.find("Y handled").unwrap();
        assert_eq!(&src[d.map.to_source(y)..d.map.to_source(y) + 1], "Y");
    }

    #[test]
    fn a_value_without_a_name_then_a_multibyte_letter_is_no_panic() {
        // Found by fuzzing: after `="…"` the parser stepped one byte into
        // the "²" that followed.
        let d = doc("<p>A<a =\"/x\"\u{b2}b>link</a> 2019 text.</p>");
        assert!(d.text.contains("link"), "{:?}", d.text);
    }

    #[test]
    fn time_datetime_is_a_fallback_date() {
        let d = doc("<p>Posted <time datetime=\"2024-02-01\">Feb 1</time></p><p>Text.</p>");
        assert_eq!(d.meta_published.as_ref().unwrap().0, "2024-02-01");
        assert!(d.text.contains("Text."));
    }
}
