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
                let filters = no_filters(&dir)?;
                let out = git_with(
                    &dir,
                    &filters,
                    &[
                        "diff",
                        "--no-color",
                        "--no-ext-diff",
                        "--no-textconv",
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

/// Settings that make git run a program of the repository's choosing
/// while it reads or diffs, switched off: the articles' repository may be
/// anyone's (a contributor's pull request, a downloaded archive), and its
/// `.git/config` is theirs. Hooks are not run by the commands used here,
/// but are pointed nowhere in case a git version starts to.
const NO_PROGRAMS: &[&str] = &[
    "-c",
    "core.fsmonitor=false",
    "-c",
    "core.hooksPath=/dev/null",
    "-c",
    "diff.external=",
    "-c",
    "core.pager=cat",
];

fn git(dir: &Path, args: &[&str]) -> Result<std::process::Output, String> {
    git_with(dir, &[], args)
}

/// Runs git in `dir` with [`NO_PROGRAMS`] and the repository's clean and
/// smudge filters (each names a program in its config) emptied: `git
/// diff` against the working tree would otherwise run them. The system
/// config (/etc/gitconfig) is not read; the user's own is. git's
/// `safe.directory` check is left on: a repository owned by someone else
/// is refused by git, and claimcheck says so.
fn git_with(dir: &Path, extra: &[String], args: &[&str]) -> Result<std::process::Output, String> {
    Command::new("git")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_EXTERNAL_DIFF")
        .env_remove("GIT_PAGER")
        .arg("--no-pager")
        .args(NO_PROGRAMS)
        .args(extra)
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("--changed-since needs git: {e}"))
}

/// `-c filter.NAME.clean= -c filter.NAME.smudge= -c filter.NAME.process=`
/// for every filter driver the repository's config names.
fn no_filters(dir: &Path) -> Result<Vec<String>, String> {
    let out = git(
        dir,
        &["config", "--name-only", "--get-regexp", r"^filter\."],
    )?;
    let mut drivers: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|k| {
            let rest = k.strip_prefix("filter.")?;
            let (name, _) = rest.rsplit_once('.')?;
            Some(name.to_string())
        })
        .collect();
    drivers.sort();
    drivers.dedup();
    Ok(drivers
        .iter()
        .flat_map(|d| {
            ["clean", "smudge", "process"]
                .into_iter()
                .flat_map(move |k| ["-c".to_string(), format!("filter.{d}.{k}=")])
        })
        .chain(
            drivers
                .iter()
                .flat_map(|d| ["-c".to_string(), format!("filter.{d}.required=false")]),
        )
        .collect())
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
