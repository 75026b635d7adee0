//! Splits article text into sentences with byte spans, never inside "U.S.",
//! "US$3.74", "Dec. 3", "No. 5", initials, decimals or quotations.

use crate::model::Span;
use crate::rules::language::english;

/// The longest run of text read as one sentence. Real sentences stay well
/// under it (the longest of 19,000 Reuters stories is about 1,100 bytes);
/// a longer "sentence" is a table, a list or a file with no punctuation,
/// and every stage after this one reads a sentence as a whole, so a bound
/// here keeps each of them linear in the document.
pub const MAX_SENTENCE: usize = 2_000;

/// Sentences, and what was done to those over [`MAX_SENTENCE`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmented {
    pub sentences: Vec<Span>,
    /// Sentences that had to be split, if any.
    pub split: Option<Split>,
}

/// The sentences over the bound in one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    pub count: usize,
    /// Where the first one starts, in the text.
    pub first_start: usize,
    pub longest: usize,
}

/// Sentences with byte spans; any over [`MAX_SENTENCE`] split at line
/// breaks, then semicolons, then at a space before the bound.
pub fn segment(text: &str) -> Segmented {
    let mut raw = Vec::new();
    for (p_start, p_end) in paragraphs(text) {
        split_paragraph(text, p_start, p_end, &mut raw);
    }
    let mut out = Segmented::default();
    for span in raw {
        let len = span.end - span.start;
        if len <= MAX_SENTENCE {
            out.sentences.push(span);
            continue;
        }
        let split = out.split.get_or_insert(Split {
            count: 0,
            first_start: span.start,
            longest: 0,
        });
        split.count += 1;
        split.longest = split.longest.max(len);
        bound(text, span, &mut out.sentences);
    }
    out
}

/// Cuts a long span at line breaks, then semicolons, then windows.
fn bound(text: &str, span: Span, out: &mut Vec<Span>) {
    let mut pieces = vec![span];
    for sep in ['\n', ';'] {
        pieces = pieces
            .into_iter()
            .flat_map(|p| {
                if p.end - p.start <= MAX_SENTENCE {
                    return vec![p];
                }
                let mut cut = Vec::new();
                let mut start = p.start;
                for (i, _) in text[p.start..p.end].match_indices(sep) {
                    let at = p.start + i + sep.len_utf8();
                    cut.push(Span { start, end: at });
                    start = at;
                }
                cut.push(Span { start, end: p.end });
                cut
            })
            .collect();
    }
    for p in pieces {
        let mut start = p.start;
        while p.end - start > MAX_SENTENCE {
            let mut limit = start + MAX_SENTENCE;
            while !text.is_char_boundary(limit) {
                limit -= 1;
            }
            // At the last space in the window's second half, else anywhere.
            let window = &text[start..limit];
            let at = window
                .rfind(char::is_whitespace)
                .filter(|&i| i >= MAX_SENTENCE / 2)
                .map_or(limit, |i| start + i);
            push(out, 0, &text[start..at], start);
            start = at;
        }
        push(out, 0, &text[start..p.end], start);
    }
}

/// Paragraphs: runs of lines separated by blank lines, and also lines that
/// cannot continue the previous one (after a heading or list item, or after a
/// line that ended its sentence).
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev_line: Option<&str> = None;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let line_start = offset;
        offset += raw.len();
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push((s, line_start));
            }
            prev_line = None;
            continue;
        }
        if let (Some(s), Some(prev)) = (start, prev_line) {
            if line_break_ends_paragraph(prev, line) {
                out.push((s, line_start));
                start = None;
            }
        }
        start.get_or_insert(line_start);
        prev_line = Some(line);
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// "RIGA, April 14, 2025 - ...": a dateline opens the story, so the line
/// before it (a headline) has ended.
fn starts_dateline(line: &str) -> bool {
    let Some((place, _)) = line.split_once(", ") else {
        return false;
    };
    place.len() >= 2
        && place.chars().any(char::is_alphabetic)
        && place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
}

fn line_break_ends_paragraph(prev: &str, next: &str) -> bool {
    let p = prev.trim();
    let n = next.trim_start();
    if starts_list_item(p) || starts_list_item(n) {
        return true;
    }
    if p.ends_with(['.', '!', '?', ':', ';', '"', '”', '…']) || starts_dateline(n) {
        return true;
    }
    let words: Vec<&str> = p.split_whitespace().collect();
    let capitalized = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    // A short title-case line with no closing punctuation is a heading.
    words.len() <= 14 && capitalized * 5 >= words.len() * 3
}

fn starts_list_item(line: &str) -> bool {
    let l = line.trim_start();
    l.starts_with("- ") || l.starts_with("* ") || l.starts_with("• ") || l.starts_with('#') || {
        let digits = l.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && l[digits..].starts_with(". ")
    }
}

fn split_paragraph(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let para = &text[start..end];
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let words = Words::new(&chars);
    let mut in_quote = false;
    let mut sent_start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        match c {
            '“' => in_quote = true,
            '”' => in_quote = false,
            '"' => in_quote = opens_quote(&chars, i),
            '.' | '!' | '?' | '…' => {
                let mut j = i + 1;
                let mut quote_after = in_quote;
                while j < chars.len() && matches!(chars[j].1, '”' | '"' | '’' | '\'' | ')' | ']')
                {
                    if matches!(chars[j].1, '”' | '"') {
                        quote_after = false;
                    }
                    j += 1;
                }
                if !quote_after && is_boundary(para, &chars, &words, i, j) {
                    let end_pos = chars.get(j).map_or(para.len(), |&(p, _)| p);
                    push(out, start, &para[sent_start..end_pos], sent_start);
                    sent_start = end_pos;
                    in_quote = false;
                    i = j;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    push(out, start, &para[sent_start..], sent_start);
}

fn opens_quote(chars: &[(usize, char)], i: usize) -> bool {
    i == 0 || chars[i - 1].1.is_whitespace() || matches!(chars[i - 1].1, '(' | '[' | '—' | '–')
}

fn push(out: &mut Vec<Span>, base: usize, s: &str, offset: usize) {
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = base + offset + lead;
    out.push(Span {
        start,
        end: start + trimmed.len(),
    });
}

/// For each character, where the word (letters, digits, '.', '$') that
/// runs up to it starts, and where the last '.' before it is: found in
/// one pass, so a long run of "1.2.3.4" costs nothing per full stop.
struct Words {
    start: Vec<usize>,
    last_dot: Vec<Option<usize>>,
}

impl Words {
    fn new(chars: &[(usize, char)]) -> Self {
        let mut start = Vec::with_capacity(chars.len());
        let mut last_dot = Vec::with_capacity(chars.len());
        let (mut word, mut dot) = (0, None);
        for (i, &(_, c)) in chars.iter().enumerate() {
            start.push(word);
            last_dot.push(dot);
            if !(c.is_alphanumeric() || c == '.' || c == '$') {
                word = i + 1;
            }
            if c == '.' {
                dot = Some(i);
            }
        }
        Words { start, last_dot }
    }
}

/// The punctuation at `i` (closers up to `j`) ends a sentence when white
/// space and a plausible sentence start follow and the word before is no
/// abbreviation.
fn is_boundary(para: &str, chars: &[(usize, char)], words: &Words, i: usize, j: usize) -> bool {
    let Some(&(_, next)) = chars.get(j) else {
        return true;
    };
    if !next.is_whitespace() {
        return false;
    }
    let following = chars[j..]
        .iter()
        .map(|&(_, c)| c)
        .find(|c| !c.is_whitespace());
    let Some(f) = following else {
        return true;
    };
    if !(f.is_uppercase()
        || f.is_ascii_digit()
        || matches!(f, '“' | '"' | '(' | '‘' | '\'' | '[' | '-' | '—'))
    {
        return false;
    }
    if chars[i].1 != '.' {
        return true;
    }
    let word_start = words.start[i];
    if word_start >= i {
        return true;
    }
    if words.last_dot[i].is_some_and(|d| d >= word_start) {
        return false; // U.S., e.g., a.m.
    }
    let word = &para[chars[word_start].0..chars[i].0];
    let mut letters = word.chars();
    if let (Some(c), None) = (letters.next(), letters.next()) {
        if c.is_uppercase() {
            return false; // an initial
        }
    }
    !english()
        .sentences
        .abbreviations
        .contains(&word.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        segment(text)
            .sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn keeps_abbreviations_decimals_and_quotes_whole() {
        let t = "The U.S. Treasury paid US$3.74 billion on Dec. 3 to No. 5 Holdings. J. K. Rowling agreed. \
                 He said “Sales rose. Costs fell.” Then he left! Did it work? Yes.";
        assert_eq!(
            split(t),
            vec![
                "The U.S. Treasury paid US$3.74 billion on Dec. 3 to No. 5 Holdings.",
                "J. K. Rowling agreed.",
                "He said “Sales rose. Costs fell.”",
                "Then he left!",
                "Did it work?",
                "Yes."
            ]
        );
    }

    #[test]
    fn a_long_sentence_is_cut_at_line_breaks_semicolons_then_spaces() {
        let line = "word ".repeat(300); // 1,500 bytes
        let text = format!("{line}\n{line}; {line}{}", "x".repeat(2_500));
        let seg = segment(&text);
        let split = seg.split.unwrap();
        assert_eq!((split.count, split.first_start), (1, 0));
        assert_eq!(split.longest, text.trim_end().len());
        for s in &seg.sentences {
            assert!(s.end - s.start <= MAX_SENTENCE, "{s:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        let lens: Vec<usize> = seg.sentences.iter().map(|s| s.end - s.start).collect();
        // "word ×300", "word ×300 ;", "word ×300", then the x run in windows.
        assert_eq!(lens, [1_499, 1_501, 1_499, 1_999, 501]);
    }

    #[test]
    fn headings_list_items_and_soft_wraps() {
        let t = "01 Port Results: Record Year\nThe port handled more cargo\nthan ever before. It grew.\n- Dec 30, 2025\n\nNext paragraph.";
        assert_eq!(
            split(t),
            vec![
                "01 Port Results: Record Year",
                "The port handled more cargo\nthan ever before.",
                "It grew.",
                "- Dec 30, 2025",
                "Next paragraph."
            ]
        );
    }
}
