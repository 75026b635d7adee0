//! When an article was published, and how we know: metadata, a dateline at
//! the head of the text, a command-line override, or an estimate from the
//! dates the text itself mentions. Relative times are resolved against it.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::Document;
use crate::calendar::{month_number, month_pattern, parse_iso_date, ymd};
use crate::rules::language::{alternation, english};

/// How the publication date was found; reports print it as serialized.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    serde::Serialize,
    strum::Display,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum PublishedFrom {
    FrontMatter,
    Meta,
    Dateline,
    Text,
    Flag,
    None,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub date: Option<NaiveDate>,
    pub from: PublishedFrom,
    /// Without a stated date: the year the text most likely dates from
    /// (the latest full date, else the latest past year it mentions).
    pub estimate_year: Option<i32>,
    /// Where a dateline's date ends in the text: values before it are the
    /// publication date, not something the article reports.
    pub dateline_end: Option<usize>,
}

static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let m = month_pattern();
    Regex::new(&format!(
        r"\b(?:(?P<m1>{m})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?:to|-|–)\s*\d{{1,2}})?,?\s+(?P<y1>(?:19|20)\d{{2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{m})\s+(?P<y2>(?:19|20)\d{{2}})|(?P<iso>(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}))\b"
    ))
    .unwrap()
});

/// A date standing alone at the head of the text: `ASTANA, February 3, 2026`,
/// `date 2025-05-16`, `- Dec 30, 2025`, `Jan 6`.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let m = month_pattern();
    let keywords = alternation(english().dates.dateline_keywords.iter().map(String::as_str));
    Regex::new(&format!(
        r"^(?:[-*•|]\s*)?(?:(?P<kw>(?i:{keywords})):?\s+|[A-Z][A-Z .'’-]+,\s+)?(?:(?P<iso>(?:19|20)\d{{2}}-\d{{2}}-\d{{2}})|(?P<m1>{m})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>(?:19|20)\d{{2}}))?|(?P<d2>\d{{1,2}})\s+(?P<m2>{m})(?:\s+(?P<y2>(?:19|20)\d{{2}}))?)(?P<tail>.*)$"
    ))
    .unwrap()
});

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(?:19|20)\d{2}\b").unwrap());

pub fn determine(doc: &Document, flag: Option<NaiveDate>) -> Published {
    let found = dateline(&doc.text);
    // A date given otherwise still leaves the dateline no part of the
    // story: its place holds nothing, its date dates no figure.
    let given = |date: NaiveDate, from: PublishedFrom| Published {
        dateline_end: found.map(|(_, end)| end),
        ..stated(date, from)
    };
    if let Some(date) = flag {
        return given(date, PublishedFrom::Flag);
    }
    if let Some((raw, from)) = &doc.meta_published {
        if let Ok(date) = meta_date(raw) {
            return given(date, *from);
        }
    }
    let dateline_end = found.map(|(_, end)| end);
    let mut published = match found.and_then(|(date, _)| date) {
        Some(date) => stated(date, PublishedFrom::Dateline),
        None => Published {
            date: None,
            from: PublishedFrom::None,
            estimate_year: estimate_year(&doc.text),
            dateline_end: None,
        },
    };
    published.dateline_end = dateline_end;
    published
}

/// A date as metadata writes it (ISO, an ISO timestamp, "June 3, 2025"),
/// or why it is none.
pub fn meta_date(raw: &str) -> Result<NaiveDate, String> {
    let v = raw.trim();
    if v.is_empty() {
        return Err("it is empty; a YAML block below the key is not read".into());
    }
    if v.starts_with('[') && !v.ends_with(']') {
        return Err("an unclosed YAML list".into());
    }
    if let Some(date) = parse_iso_date(v).or_else(|| full_dates(v).into_iter().next()) {
        return Ok(date);
    }
    let shape = v.len() >= 10
        && v.is_char_boundary(10)
        && v[..10].bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    Err(if shape {
        "no such day in the calendar".into()
    } else {
        "not YYYY-MM-DD or 'Month D, YYYY'".into()
    })
}

/// Why a document's metadata date cannot be used, as a warning.
pub fn meta_warning(doc: &Document) -> Option<crate::error::Warning> {
    let (raw, from) = doc.meta_published.as_ref()?;
    let reason = meta_date(raw).err()?;
    let field = match (from, doc.format) {
        (PublishedFrom::FrontMatter, _) => "front-matter date",
        (_, super::Format::Jsonl) => "\"published\"",
        _ => "meta date",
    };
    Some(crate::error::Warning::BadDate {
        field: field.to_string(),
        value: raw.clone(),
        reason,
    })
}

fn stated(date: NaiveDate, from: PublishedFrom) -> Published {
    Published {
        date: Some(date),
        from,
        estimate_year: None,
        dateline_end: None,
    }
}

fn full_dates(text: &str) -> Vec<NaiveDate> {
    FULL_DATE
        .captures_iter(text)
        .filter_map(|c| {
            if let Some(iso) = c.name("iso") {
                return parse_iso_date(iso.as_str());
            }
            let (m, d, y) = match c.name("m1") {
                Some(m) => (m, c.name("d1")?, c.name("y1")?),
                None => (c.name("m2")?, c.name("d2")?, c.name("y2")?),
            };
            ymd(
                y.as_str().parse().ok()?,
                month_number(m.as_str())?,
                d.as_str().parse().ok()?,
            )
        })
        .collect()
}

/// Looks at the first few non-empty lines only: a dateline is a header.
/// Returns the date (None when it cannot be read) and where it ends.
fn dateline(text: &str) -> Option<(Option<NaiveDate>, usize)> {
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(6)
    {
        let Some(c) = DATELINE.captures(line) else {
            continue;
        };
        let tail = c.name("tail").map_or("", |t| t.as_str()).trim();
        let keyword = c.name("kw").is_some();
        let separated = tail.is_empty() || tail.starts_with(['-', '–', '—', '(', '|', ':', '/']);
        if !(keyword || separated) {
            continue;
        }
        let line_at = line.as_ptr() as usize - text.as_ptr() as usize;
        let end = line_at + c.name("tail").map_or(line.len(), |t| t.start());
        return Some((dateline_date(&c, text), end));
    }
    None
}

fn dateline_date(c: &regex::Captures<'_>, text: &str) -> Option<NaiveDate> {
    if let Some(iso) = c.name("iso") {
        return parse_iso_date(iso.as_str());
    }
    let (m, d, y) = match c.name("m1") {
        Some(m) => (m, c.name("d1")?, c.name("y1")),
        None => (c.name("m2")?, c.name("d2")?, c.name("y2")),
    };
    let month = month_number(m.as_str())?;
    let day: u32 = d.as_str().parse().ok()?;
    if let Some(y) = y {
        return ymd(y.as_str().parse().ok()?, month, day);
    }
    // "Jan 6": the year is the first one that does not put publication
    // before the latest full date the text states.
    let latest = full_dates(text).into_iter().max()?;
    let same = ymd(latest.year(), month, day)?;
    if same >= latest {
        Some(same)
    } else {
        ymd(latest.year() + 1, month, day)
    }
}

fn estimate_year(text: &str) -> Option<i32> {
    if let Some(latest) = full_dates(text).into_iter().max() {
        return Some(latest.year());
    }
    YEAR.find_iter(text)
        .filter(|m| !looks_prospective(&text[..m.start()]))
        .filter_map(|m| m.as_str().parse().ok())
        .max()
}

/// "by 2030", "until 2040", "Vision 2035": years that are not past events.
fn looks_prospective(before: &str) -> bool {
    let prev = before.trim_end();
    let words = &english().nouns;
    let name_like = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(char::is_alphabetic)
            && !words.not_names.iter().any(|n| n.eq_ignore_ascii_case(w))
    };
    if before.ends_with(' ') && prev.split_whitespace().last().is_some_and(name_like) {
        return true;
    }
    let last = prev
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    english().dates.prospective.contains(&last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_the_json_report() {
        use PublishedFrom::*;
        for from in [FrontMatter, Meta, Dateline, Text, Flag, None] {
            assert_eq!(serde_json::to_value(from).unwrap(), from.to_string());
        }
    }
    use crate::ingest::{parse, Format};

    fn published(text: &str) -> Published {
        let (docs, _) = parse("a.txt", text.to_string(), Format::Text);
        determine(&docs[0], None)
    }

    #[test]
    fn datelines() {
        assert_eq!(
            published("ASTANA, February 3, 2026 – The port said.").date,
            ymd(2026, 2, 3)
        );
        assert_eq!(
            published(" date 2025-05-16 Wire) Text.").date,
            ymd(2025, 5, 16)
        );
        assert_eq!(
            published("Title\n- Outlet\n- Dec 30, 2025\n- 5 min read\nBody.").date,
            ymd(2025, 12, 30)
        );
        let p = published("Title\n- Jan 6\n\nOn January 5, 2026, the minister spoke.");
        assert_eq!((p.date, p.from), (ymd(2026, 1, 6), PublishedFrom::Dateline));
        let p = published("Title\n- Jan 2\n\nOn December 30, 2025, the board met.");
        assert_eq!(p.date, ymd(2026, 1, 2));
    }

    #[test]
    fn metadata_dates_that_are_none_say_why() {
        assert_eq!(
            meta_date("2025-03-04T10:00:00Z"),
            Ok(ymd(2025, 3, 4).unwrap())
        );
        assert_eq!(meta_date("[2025-03-04]"), Ok(ymd(2025, 3, 4).unwrap()));
        assert_eq!(
            meta_date("2025-02-30").unwrap_err(),
            "no such day in the calendar"
        );
        assert_eq!(
            meta_date("2025-13-45").unwrap_err(),
            "no such day in the calendar"
        );
        assert_eq!(
            meta_date("[2025-03-04").unwrap_err(),
            "an unclosed YAML list"
        );
        assert_eq!(
            meta_date("soon").unwrap_err(),
            "not YYYY-MM-DD or 'Month D, YYYY'"
        );
    }

    #[test]
    fn a_date_in_a_sentence_is_not_a_dateline() {
        let p = published("FROM April 22 to 24, 2025, the delegation toured the port.");
        assert_eq!(
            (p.date, p.from, p.estimate_year),
            (None, PublishedFrom::None, Some(2025))
        );
        let p =
            published("In 2023 the plant opened. Output will double by 2030 under Vision 2035.");
        assert_eq!(p.estimate_year, Some(2023));
    }
}
