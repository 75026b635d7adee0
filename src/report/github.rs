//! `check --format github`: GitHub Actions workflow commands, which the
//! runner turns into annotations on the pull request's changed files.

use super::terminal::escape;
use super::{place, CheckReport};
use crate::model::Severity;

pub fn render(report: &CheckReport<'_>) -> String {
    let mut out = String::new();
    for f in report.findings {
        let Some(first) = f.evidence.first() else {
            continue;
        };
        let p = place(report.docs, first);
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = escape(&f.message).into_owned();
        for e in &f.evidence[1..] {
            let q = place(report.docs, e);
            message.push_str(&format!(
                "\nsee {}:{}:{} ({})",
                escape(&q.path),
                q.line,
                q.column,
                escape(&e.value)
            ));
        }
        out.push_str(&format!(
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            property(&escape(&p.path)),
            p.line,
            p.column,
            p.end_line,
            p.end_column,
            property(&format!("claimcheck {}", escape(&f.rule))),
            data(&message)
        ));
    }
    for e in report.errors {
        out.push_str(&format!(
            "::error file={},line={},col={}::{}\n",
            property(&escape(&e.path)),
            e.line.unwrap_or(1),
            e.column.unwrap_or(1),
            data(&escape(&e.message))
        ));
    }
    out
}

/// Escapes a message as the runner expects: %, CR and LF.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: also `:` and `,`, which end properties.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_ends_a_command() {
        assert_eq!(data("50% up\nnext"), "50%25 up%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
