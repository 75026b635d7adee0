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
    let mut i = 0;
    while i < src.len() {
        let rest = &src[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with('<') {
            let Some(tag) = parse_tag(src, i) else {
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

fn parse_tag(src: &str, start: usize) -> Option<Tag<'_>> {
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
        if key.is_empty() {
            i += 1;
        } else {
            attrs.push((key, value));
        }
    }
}

/// Offset just past the element that starts before `from`, nesting counted.
fn skip_element(src: &str, from: usize, name: &str) -> usize {
    let lower = src[from..].to_ascii_lowercase();
    let open = format!("<{name}");
    let close = format!("</{name}");
    let mut depth = 1;
    let mut pos = 0;
    while depth > 0 {
        let next_open = lower[pos..].find(&open).map(|p| p + pos);
        let next_close = lower[pos..].find(&close).map(|p| p + pos);
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
    let after = lower[pos..].find('>').map_or(lower.len(), |p| pos + p + 1);
    from + after
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
    fn time_datetime_is_a_fallback_date() {
        let d = doc("<p>Posted <time datetime=\"2024-02-01\">Feb 1</time></p><p>Text.</p>");
        assert_eq!(d.meta_published.as_ref().unwrap().0, "2024-02-01");
        assert!(d.text.contains("Text."));
    }
}
