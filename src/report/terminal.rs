//! Text bound for a terminal, made harmless: a file name, a JSONL id or
//! an article's own words may hold escape sequences (`\e[2J` clears the
//! screen) or bidirectional overrides that reorder what is shown. Every
//! terminal format (human, github, diff, claims text) and the binary's
//! stderr pass what they did not write themselves through here.

use std::borrow::Cow;
use std::fmt::Write;

/// Characters a terminal would act on rather than show.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// One-line text with every control character written out: `\n`, `\t`,
/// `\r`, `\u{1b}`.
pub fn escape(s: &str) -> Cow<'_, str> {
    escape_where(s, is_unsafe)
}

/// A line of an article as quoted under a diagnostic: tabs stay (the
/// renderer lays them out), everything else unsafe is written out.
pub fn escape_line(s: &str) -> Cow<'_, str> {
    escape_where(s, |c| c != '\t' && is_unsafe(c))
}

fn escape_where(s: &str, unsafe_char: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !unsafe_char(c) {
            out.push(c);
            continue;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            _ => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_written_out() {
        assert_eq!(escape("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape("x\ny\tz\u{7f}"), "x\\ny\\tz\\u{7f}");
        assert_eq!(escape("abc\u{202e}def"), "abc\\u{202e}def");
        assert!(matches!(escape("plain café"), Cow::Borrowed(_)));
        assert_eq!(escape_line("a\tb\u{1b}c"), "a\tb\\u{1b}c");
    }
}
