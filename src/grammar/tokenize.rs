//! Cuts a sentence into words the way UD English EWT does ("don't" → do +
//! n't, possessive 's split, punctuation split, hyphenated words split
//! except after prefixes), with byte spans into the original text; a value
//! the recognizer found stays one token.

use crate::values::ValueKind;

/// A value the caller found: its bytes must stay one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueSpan {
    pub start: usize,
    pub end: usize,
    pub kind: ValueKind,
}

/// One word: a byte span of the text, and its value kind if it is a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub value: Option<ValueKind>,
}

/// Words of `text[start..end]`. Value spans outside the range, empty or
/// overlapping an earlier one are ignored.
pub fn tokenize(text: &str, start: usize, end: usize, values: &[ValueSpan]) -> Vec<Token> {
    let end = end.min(text.len());
    let mut out = Vec::new();
    if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return out;
    }
    let mut spans: Vec<ValueSpan> = values
        .iter()
        .copied()
        .filter(|v| {
            v.start >= start
                && v.end <= end
                && v.start < v.end
                && text.is_char_boundary(v.start)
                && text.is_char_boundary(v.end)
        })
        .collect();
    spans.sort_by_key(|v| (v.start, v.end));
    let mut at = start;
    for v in spans {
        if v.start < at {
            continue;
        }
        words(text, at, v.start, &mut out);
        out.push(Token {
            start: v.start,
            end: v.end,
            value: Some(v.kind),
        });
        at = v.end;
        // "57.2 pct-owned": the hyphen glued to a value is a token of its
        // own, as inside any hyphenated word, and the word after it too.
        if text[at..end].starts_with('-')
            && text[at + 1..end].starts_with(|c: char| c.is_alphabetic())
        {
            push(&mut out, at, at + 1);
            at += 1;
        }
    }
    words(text, at, end, &mut out);
    out
}

fn push(out: &mut Vec<Token>, a: usize, b: usize) {
    if a < b {
        out.push(Token {
            start: a,
            end: b,
            value: None,
        });
    }
}

/// Whitespace-separated chunks of `text[a..b]`, each cut further.
fn words(text: &str, a: usize, b: usize, out: &mut Vec<Token>) {
    let mut chunk: Option<usize> = None;
    for (i, c) in text[a..b].char_indices() {
        let i = a + i;
        if c.is_whitespace() {
            if let Some(s) = chunk.take() {
                chunk_tokens(text, s, i, out);
            }
        } else if chunk.is_none() {
            chunk = Some(i);
        }
    }
    if let Some(s) = chunk {
        chunk_tokens(text, s, b, out);
    }
}

const LEADING: &[char] = &[
    '(', '[', '{', '"', '\'', '“', '‘', '«', '`', '*', '<', '$', '£', '€', '¥', '#', '~',
];
const TRAILING: &[char] = &[
    ')', ']', '}', '"', '”', '’', '\'', ',', ';', ':', '!', '?', '.', '%', '»', '*', '>', '…',
];
const EMOTICONS: &[&str] = &[
    ":)", ":(", ";)", ":D", ":-)", ";-)", ":P", ";P", ":-(", ":/",
];

/// Words ending with a period that keep it.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs",
    "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "gen", "gov", "sen",
    "rep", "reps", "rev", "lt", "col", "capt", "sgt", "ft", "mt", "attn", "approx", "dept", "est",
    "fig", "bros", "la", "ave", "blvd", "rd", "ph.d", "e.g", "i.e", "a.m", "p.m", "u.s", "u.k",
    "u.n", "vol", "pp", "cf", "al",
];

/// Prefixes EWT keeps joined to the rest of a hyphenated word.
const PREFIXES: &[&str] = &[
    "e", "non", "mid", "pre", "anti", "re", "post", "co", "over", "pro", "multi", "ex", "sub",
    "semi", "psycho", "neo", "inter", "intra", "counter", "self", "cross", "micro", "macro",
    "mini", "ultra", "un", "bi", "tri", "de", "vice",
];

fn is_url(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.starts_with("http://")
        || l.starts_with("https://")
        || l.starts_with("www.")
        || (l.contains('@') && l.contains('.') && !l.starts_with('@'))
}

/// One chunk without whitespace: leading and trailing punctuation off,
/// then clitics, hyphens, slashes and inner punctuation.
fn chunk_tokens(text: &str, a: usize, b: usize, out: &mut Vec<Token>) {
    let s = &text[a..b];
    if EMOTICONS.contains(&s) {
        push(out, a, b);
        return;
    }
    let mut a = a;
    let mut b = b;
    // Leading punctuation, one character at a time.
    while a < b {
        let rest = &text[a..b];
        let c = match rest.chars().next() {
            Some(c) => c,
            None => break,
        };
        if !LEADING.contains(&c) || is_clitic(rest) {
            break;
        }
        if rest.len() == c.len_utf8() {
            break;
        }
        if c == '\'' || c == '’' {
            // "'90s" stays; a quote before a word goes.
            if rest[1..].starts_with(|d: char| d.is_ascii_digit()) {
                break;
            }
        }
        push(out, a, a + c.len_utf8());
        a += c.len_utf8();
    }
    // Trailing punctuation, collected from the end.
    let mut tail: Vec<(usize, usize)> = Vec::new();
    while a < b {
        let core = &text[a..b];
        if is_url(core) && !core.ends_with(['.', ',', ';', ':', '!', '?', ')', '"', '\'']) {
            break;
        }
        let c = match core.chars().next_back() {
            Some(c) => c,
            None => break,
        };
        if !TRAILING.contains(&c) || core.len() == c.len_utf8() {
            break;
        }
        if c == '.' {
            let body = core.trim_end_matches('.');
            let dots = core.len() - body.len();
            if dots == 1 && is_abbreviation(body) {
                break;
            }
            if dots > 1 || body.is_empty() {
                tail.push((b - dots, b));
                b -= dots;
                continue;
            }
        }
        if (c == '!' || c == '?') && core.len() > 1 {
            let body = core.trim_end_matches(['!', '?']);
            let n = core.len() - body.len();
            if !body.is_empty() {
                tail.push((b - n, b));
                b -= n;
                continue;
            }
        }
        if c == '\'' || c == '’' {
            // "parents'" → parents + '; "rock'n'roll" keeps its quotes.
            let before = &core[..core.len() - c.len_utf8()];
            if before.is_empty() {
                break;
            }
        }
        tail.push((b - c.len_utf8(), b));
        b -= c.len_utf8();
    }
    if a < b {
        core_tokens(text, a, b, out);
    }
    for &(x, y) in tail.iter().rev() {
        push(out, x, y);
    }
}

fn is_abbreviation(body: &str) -> bool {
    if body.is_empty() {
        return false;
    }
    let l = body.to_lowercase();
    if ABBREVIATIONS.contains(&l.as_str()) {
        return true;
    }
    let chars: Vec<char> = body.chars().collect();
    // "A." (an initial) and "U.S." (letters between periods).
    if chars.len() == 1 && chars[0].is_alphabetic() {
        return true;
    }
    body.contains('.')
        && body
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
}

const CLITICS: &[&str] = &[
    "n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m",
];

fn is_clitic(s: &str) -> bool {
    let l = s.to_lowercase();
    CLITICS.contains(&l.as_str())
}

/// Clitics, fused forms, then hyphens and slashes.
fn core_tokens(text: &str, a: usize, b: usize, out: &mut Vec<Token>) {
    let s = &text[a..b];
    if is_url(s) || is_clitic(s) {
        push(out, a, b);
        return;
    }
    let l = s.to_lowercase();
    if l.len() == s.len() {
        for (fused, cut) in [("cannot", 3), ("gonna", 3), ("wanna", 3), ("gotta", 3)] {
            if l == fused {
                push(out, a, a + cut);
                push(out, a + cut, b);
                return;
            }
        }
        for stem in [
            "dont", "didnt", "doesnt", "isnt", "wasnt", "wouldnt", "couldnt", "shouldnt", "arent",
            "havent", "hasnt",
        ] {
            if l == stem {
                push(out, a, b - 2);
                push(out, b - 2, b);
                return;
            }
        }
    }
    for c in CLITICS {
        if l.len() > c.len() && l.ends_with(c) && l.len() == s.len() {
            let cut = b - c.len();
            if text.is_char_boundary(cut) && cut > a {
                inner_tokens(text, a, cut, out);
                push(out, cut, b);
                return;
            }
        }
    }
    inner_tokens(text, a, b, out);
}

/// Hyphens and slashes between words, commas and other punctuation inside a
/// chunk; numbers ("1,000", "3.5", "9/11", "571-9571") stay whole.
fn inner_tokens(text: &str, a: usize, b: usize, out: &mut Vec<Token>) {
    let s = &text[a..b];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let mut start = 0usize; // byte offset in s
    let mut k = 0;
    while k < n {
        let (i, c) = chars[k];
        let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
        let next = chars.get(k + 1).map(|x| x.1);
        let digits_around =
            prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|x| x.is_ascii_digit());
        let split = match c {
            '-' => {
                if i == start || next.is_none() {
                    false
                } else if next == Some('-') || prev == Some('-') {
                    true
                } else if digits_around {
                    // Ranges split; phone numbers and dates with two hyphens stay.
                    let left = s[start..i].len();
                    let right = s[i + 1..]
                        .find(|d: char| !d.is_ascii_digit())
                        .unwrap_or(s.len() - i - 1);
                    !(s.matches('-').count() >= 2 || (left >= 3 && right >= 4))
                } else {
                    let first = s[start..i].to_lowercase();
                    !PREFIXES.contains(&first.as_str())
                }
            }
            '/' => !digits_around && i != start && next.is_some(),
            ',' | ';' | '(' | ')' | '"' | '[' | ']' => !digits_around || c != ',',
            '&' => false,
            _ => false,
        };
        if split {
            // "--" runs are one token.
            let mut j = k;
            while j + 1 < n && chars[j + 1].1 == c && c == '-' {
                j += 1;
            }
            let end_byte = chars.get(j + 1).map_or(s.len(), |x| x.0);
            push(out, a + start, a + i);
            push(out, a + i, a + end_byte);
            start = end_byte;
            k = j + 1;
            continue;
        }
        k += 1;
    }
    push(out, a + start, b);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<&str> {
        tokenize(text, 0, text.len(), &[])
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect()
    }

    #[test]
    fn ud_conventions() {
        assert_eq!(forms("I don't know."), ["I", "do", "n't", "know", "."]);
        assert_eq!(
            forms("We can't, won't."),
            ["We", "ca", "n't", ",", "wo", "n't", "."]
        );
        assert_eq!(forms("the firm's chief"), ["the", "firm", "'s", "chief"]);
        assert_eq!(forms("the parents' car"), ["the", "parents", "'", "car"]);
        assert_eq!(forms("(£600m)"), ["(", "£", "600m", ")"]);
        assert_eq!(
            forms("Al-Zaman and non-stop"),
            ["Al", "-", "Zaman", "and", "non-stop"]
        );
        assert_eq!(
            forms("the U.S. and Mr. Smith."),
            ["the", "U.S.", "and", "Mr.", "Smith", "."]
        );
        assert_eq!(
            forms("up 12% on 1,000.5"),
            ["up", "12", "%", "on", "1,000.5"]
        );
        assert_eq!(forms("and/or 9/11"), ["and", "/", "or", "9/11"]);
        assert_eq!(forms("I cannot"), ["I", "can", "not"]);
        assert_eq!(forms("Wait... what?!"), ["Wait", "...", "what", "?!"]);
        assert_eq!(
            forms("see http://x.org/a-b."),
            ["see", "http://x.org/a-b", "."]
        );
    }

    #[test]
    fn values_stay_whole() {
        let text = "Revenue rose to $1.13bn (£600m).";
        let a = text.find('$').unwrap();
        let b = text.find(" (").unwrap();
        let c = text.find('£').unwrap();
        let d = text.find(')').unwrap();
        let v = [
            ValueSpan {
                start: a,
                end: b,
                kind: ValueKind::Money,
            },
            ValueSpan {
                start: c,
                end: d,
                kind: ValueKind::Money,
            },
        ];
        let toks = tokenize(text, 0, text.len(), &v);
        let f: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            f,
            ["Revenue", "rose", "to", "$1.13bn", "(", "£600m", ")", "."]
        );
        assert_eq!(toks[3].value, Some(ValueKind::Money));
    }

    #[test]
    fn a_hyphen_after_a_value_is_its_own_token() {
        let text = "a 57.2 pct-held unit, 3 mln-";
        let at = |w: &str| text.find(w).unwrap();
        let v = [
            ValueSpan {
                start: at("57.2"),
                end: at("-held"),
                kind: ValueKind::Percent,
            },
            ValueSpan {
                start: at("3 mln"),
                end: text.len() - 1,
                kind: ValueKind::Count,
            },
        ];
        let toks = tokenize(text, 0, text.len(), &v);
        let f: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(f, ["a", "57.2 pct", "-", "held", "unit", ",", "3 mln", "-"]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        assert!(forms("").is_empty());
        assert!(forms("   ").is_empty());
        let _ = forms("''''\"\"--—…“”’ 'x' -a- /b/ ,,,");
        let bad = [ValueSpan {
            start: 3,
            end: 99,
            kind: ValueKind::Count,
        }];
        let _ = tokenize("ab é", 0, 5, &bad);
        let _ = tokenize("é", 1, 2, &[]);
    }
}
