//! Expands the paths a user gives into a sorted list of inputs: files as
//! given, directories walked recursively with .gitignore respected, `-` for
//! stdin.

use std::io::Read;
use std::path::Path;

use crate::error::InputError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub name: String,
    pub stdin: bool,
}

impl Input {
    pub fn read(&self) -> Result<Vec<u8>, InputError> {
        if self.stdin {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| InputError::new("-", format!("cannot read stdin: {e}")))?;
            return Ok(buf);
        }
        std::fs::read(&self.name)
            .map_err(|e| InputError::new(&self.name, format!("cannot read: {e}")))
    }
}

/// Extensions read when walking a folder; a file named on the command line
/// is read whatever its name (as text unless its extension says otherwise).
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "jsonl", "ndjson",
];

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Inputs in a deterministic order; paths that do not exist are errors.
pub fn collect_inputs(paths: &[String]) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p == "-" {
            inputs.push(Input {
                name: "-".into(),
                stdin: true,
            });
            continue;
        }
        let path = Path::new(p);
        if path.is_dir() {
            let mut found = Vec::new();
            for entry in ignore::WalkBuilder::new(path)
                .sort_by_file_name(|a, b| a.cmp(b))
                .build()
            {
                match entry {
                    // In a folder only articles count: notes.json, images
                    // and configs beside them are not read.
                    Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && is_article(e.path()) => {
                        found.push(e.path().to_string_lossy().into_owned());
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(InputError::new(p, format!("cannot walk: {e}"))),
                }
            }
            found.sort();
            inputs.extend(found.into_iter().map(|name| Input { name, stdin: false }));
        } else if path.exists() {
            inputs.push(Input {
                name: p.clone(),
                stdin: false,
            });
        } else {
            errors.push(InputError::new(p, "no such file or directory"));
        }
    }
    // A file named twice, or named and also inside a named folder, is one
    // article: read twice it would corroborate itself.
    let mut seen = std::collections::HashSet::new();
    inputs.retain(|i| {
        i.stdin
            || seen.insert(std::fs::canonicalize(&i.name).unwrap_or_else(|_| i.name.clone().into()))
    });
    (inputs, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_named_twice_is_read_once() {
        let paths = [
            "tests/fixtures/port/shipping-wire.txt".to_string(),
            "tests/fixtures/port".to_string(),
            "./tests/fixtures/port/shipping-wire.txt".to_string(),
        ];
        let (inputs, errors) = collect_inputs(&paths);
        assert!(errors.is_empty());
        let names: Vec<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "tests/fixtures/port/shipping-wire.txt",
                "tests/fixtures/port/baltic-freight.txt",
                "tests/fixtures/port/coast-gazette.html",
                "tests/fixtures/port/ferry-times.md",
                "tests/fixtures/port/harbour-weekly.md",
            ]
        );
    }
}
