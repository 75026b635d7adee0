//! `check --format jsonl`: one finding per line, for `jq`, log pipelines
//! and tools that read a stream; input errors follow as `{"error": …}`.

use super::check_json::finding_json;
use super::CheckReport;

pub fn render(report: &CheckReport<'_>) -> String {
    let mut out = String::new();
    for f in report.findings {
        out.push_str(&finding_json(report.docs, f).to_string());
        out.push('\n');
    }
    for e in report.errors {
        out.push_str(&serde_json::json!({ "error": e }).to_string());
        out.push('\n');
    }
    out
}
