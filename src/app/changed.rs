//! `check --changed-since REV`: the lines of each document that changed
//! since a git revision, so a CI job on a pull request reports only what
//! the pull request touched. Asks git; a document git does not track is new
//! and every line of it counts as changed.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use claimcheck::{Analyzed, Finding};

/// Changed line ranges (1-based, inclusive) per document path.
pub struct ChangedLines {
    by_path: HashMap<String, Vec<(usize, usize)>>,
}

impl ChangedLines {
    pub fn since(rev: &str, docs: &[Analyzed]) -> Result<ChangedLines, String> {
        let mut by_path: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let mut verified: Vec<std::path::PathBuf> = Vec::new();
        for a in docs.iter().filter(|a| !a.archived) {
            let path = &a.doc.path;
            if path == "-" || by_path.contains_key(path) {
                continue;
            }
            // Ask git from the file's own folder, so any working directory
            // and any repository the file sits in will do.
            let file = Path::new(path);
            let dir = match file.parent() {
                Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                _ => ".".into(),
            };
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
            let Some(name) = name else { continue };
            if !verified.contains(&dir) {
                let commit = format!("{rev}^{{commit}}");
                let ok = git(&dir, &["rev-parse", "--verify", "--quiet", &commit])?;
                if !ok.status.success() {
                    return Err(format!(
                        "--changed-since: '{rev}' is not a commit in the git repository of {path}"
                    ));
                }
                verified.push(dir.clone());
            }
            let tracked = git(&dir, &["ls-files", "--error-unmatch", "--", &name])?;
            let ranges = if tracked.status.success() {
                let out = git(
                    &dir,
                    &[
                        "diff",
                        "--no-color",
                        "--no-ext-diff",
                        "-U0",
                        rev,
                        "--",
                        &name,
                    ],
                )?;
                if !out.status.success() {
                    return Err(format!(
                        "--changed-since: git diff failed for {path}: {}",
                        String::from_utf8_lossy(&out.stderr).trim()
                    ));
                }
                hunks(&String::from_utf8_lossy(&out.stdout))
            } else {
                vec![(1, usize::MAX)]
            };
            by_path.insert(path.clone(), ranges);
        }
        Ok(ChangedLines { by_path })
    }

    /// Whether a finding has evidence on a changed line (of an input: an
    /// archived document is not in the working tree).
    pub fn touches(&self, docs: &[Analyzed], f: &Finding) -> bool {
        f.evidence
            .iter()
            .filter(|e| !docs[e.doc].archived)
            .any(|e| {
                let doc = &docs[e.doc].doc;
                let line = doc.position(e.start).0;
                self.by_path
                    .get(&doc.path)
                    .is_some_and(|r| r.iter().any(|&(a, b)| a <= line && line <= b))
            })
    }
}

fn git(dir: &Path, args: &[&str]) -> Result<std::process::Output, String> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("--changed-since needs git: {e}"))
}

/// New-side line ranges of `@@ -a,b +c,d @@` hunk headers; a pure deletion
/// (d = 0) marks the line after it, where the text now joins.
pub fn hunks(diff: &str) -> Vec<(usize, usize)> {
    diff.lines()
        .filter_map(|l| {
            let new = l
                .strip_prefix("@@ ")?
                .split(' ')
                .nth(1)?
                .strip_prefix('+')?;
            let (start, count) = match new.split_once(',') {
                Some((s, c)) => (s.parse::<usize>().ok()?, c.parse::<usize>().ok()?),
                None => (new.parse::<usize>().ok()?, 1),
            };
            Some(if count == 0 {
                (start + 1, start + 1)
            } else {
                (start, start + count - 1)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_hunk_headers() {
        let diff =
            "diff --git a/x b/x\n@@ -3 +3 @@ para\n-a\n+b\n@@ -10,2 +10,3 @@\n@@ -20,4 +21,0 @@\n";
        assert_eq!(hunks(diff), vec![(3, 3), (10, 12), (22, 22)]);
    }
}
