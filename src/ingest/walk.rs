//! Expands the paths a user gives into a sorted list of inputs: files as
//! given, directories walked recursively with .gitignore respected (in a
//! git repository or not), `-` for stdin. Only regular files are read,
//! and none over the size limit; whatever a folder holds that is not read
//! is named in a warning, never skipped in silence.

use std::io::Read;
use std::path::Path;

use crate::error::{InputError, InputWarning, Warning};
use crate::paths::normalize;

/// The default `--max-file-size`: larger than any article, small enough
/// that a stray video or database dump is refused before it is read.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 50 * 1000 * 1000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub name: String,
    pub stdin: bool,
}

impl Input {
    /// The input's bytes, if it is a regular file (or stdin) of at most
    /// `limit` bytes.
    pub fn read(&self, limit: u64) -> Result<Vec<u8>, InputError> {
        let too_large = |size: String| {
            InputError::new(
                &self.name,
                format!(
                    "{size} is over the limit of {} (--max-file-size, or max-file-size in claimcheck.toml); not read",
                    bytes(limit)
                ),
            )
        };
        let mut buf = Vec::new();
        if self.stdin {
            std::io::stdin()
                .take(limit.saturating_add(1))
                .read_to_end(&mut buf)
                .map_err(|e| InputError::new("-", format!("cannot read stdin: {e}")))?;
            if buf.len() as u64 > limit {
                return Err(too_large(format!("stdin of more than {}", bytes(limit))));
            }
            return Ok(buf);
        }
        let cannot = |e: std::io::Error| InputError::new(&self.name, format!("cannot read: {e}"));
        // Asked before opening: opening a FIFO blocks until someone writes.
        let meta = std::fs::metadata(&self.name).map_err(cannot)?;
        if !meta.is_file() {
            return Err(not_regular(&self.name, &meta));
        }
        if meta.len() > limit {
            return Err(too_large(format!("a file of {}", bytes(meta.len()))));
        }
        let file = std::fs::File::open(&self.name).map_err(cannot)?;
        // The file may have grown since it was measured.
        file.take(limit.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(cannot)?;
        if buf.len() as u64 > limit {
            return Err(too_large(format!("a file of more than {}", bytes(limit))));
        }
        Ok(buf)
    }
}

/// "52,428,800 bytes".
fn bytes(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out} byte{}", if n == 1 { "" } else { "s" })
}

/// What a file that is not a regular file is, for messages.
fn what_it_is(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a file"
}

fn not_regular(name: &str, meta: &std::fs::Metadata) -> InputError {
    InputError::new(
        name,
        format!("not a regular file ({}); not read", what_it_is(meta)),
    )
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

/// Hidden files shown in a warning before "…".
const HIDDEN_EXAMPLES: usize = 3;

/// The inputs the paths name, and what could not be read or was passed over.
#[derive(Debug, Default)]
pub struct Collected {
    pub inputs: Vec<Input>,
    pub errors: Vec<InputError>,
    pub warnings: Vec<InputWarning>,
}

/// Inputs sorted by path, whatever the order of the arguments; paths that
/// do not exist or are no regular files are errors.
pub fn collect_inputs(paths: &[String]) -> Collected {
    let mut out = Collected::default();
    for p in paths {
        if p == "-" {
            out.inputs.push(Input {
                name: "-".into(),
                stdin: true,
            });
            continue;
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(p, &mut out),
            Ok(m) if m.is_file() => out.inputs.push(Input {
                name: p.clone(),
                stdin: false,
            }),
            Ok(m) => out.errors.push(not_regular(p, &m)),
            Err(_) if path.symlink_metadata().is_ok() => out
                .errors
                .push(InputError::new(p, "a symbolic link to nothing; not read")),
            Err(_) => out
                .errors
                .push(InputError::new(p, "no such file or directory")),
        }
    }
    // Sorted by the path as reports show it, so every report is in one
    // order whatever the order of the arguments.
    out.inputs.sort_by_cached_key(|i| {
        let n = normalize(&i.name);
        (n, i.name.len(), i.name.clone())
    });
    // A file named twice, or named and also inside a named folder, is one
    // article: read twice it would corroborate itself. The spelling kept
    // is the first in that order.
    let mut seen = std::collections::HashSet::new();
    out.inputs.retain(|i| {
        i.stdin
            || seen.insert(std::fs::canonicalize(&i.name).unwrap_or_else(|_| i.name.clone().into()))
    });
    out
}

/// The articles of a folder, recursively, .gitignore respected.
fn walk(p: &str, out: &mut Collected) {
    let root = Path::new(p);
    let mut found = Vec::new();
    let mut hidden: Vec<String> = Vec::new();
    let walker = ignore::WalkBuilder::new(root)
        // Hidden entries are walked to be counted, not read.
        .hidden(false)
        // README promises .gitignore is respected; outside a git
        // repository too.
        .require_git(false)
        .filter_entry(|e| e.file_name() != ".git")
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        let e = match entry {
            Ok(e) => e,
            Err(e) => {
                out.errors
                    .push(InputError::new(p, format!("cannot walk: {e}")));
                continue;
            }
        };
        if e.depth() == 0 {
            continue;
        }
        let name = e.path().to_string_lossy().into_owned();
        let under = e.path().strip_prefix(root).unwrap_or(e.path());
        let is_hidden = under
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        let Some(t) = e.file_type() else { continue };
        if t.is_dir() {
            continue;
        }
        if t.is_symlink() {
            match std::fs::metadata(e.path()) {
                Ok(m) if m.is_dir() => {
                    if !is_hidden {
                        out.warnings
                            .push(InputWarning::new(&name, Warning::SymlinkToFolder));
                    }
                    continue;
                }
                Ok(m) if m.is_file() => {}
                Ok(m) => {
                    if is_article(e.path()) && !is_hidden {
                        out.warnings.push(InputWarning::new(
                            &name,
                            Warning::NotRegularFile {
                                what: what_it_is(&m).to_string(),
                            },
                        ));
                    }
                    continue;
                }
                Err(_) => {
                    if is_article(e.path()) && !is_hidden {
                        out.warnings
                            .push(InputWarning::new(&name, Warning::BrokenSymlink));
                    }
                    continue;
                }
            }
        } else if !t.is_file() {
            // A FIFO or device named like an article is not read, and said.
            if is_article(e.path()) && !is_hidden {
                let what = std::fs::symlink_metadata(e.path())
                    .map_or("not a file", |m| what_it_is(&m))
                    .to_string();
                out.warnings
                    .push(InputWarning::new(&name, Warning::NotRegularFile { what }));
            }
            continue;
        }
        // In a folder only articles count: notes.json, images and configs
        // beside them are not read.
        if !is_article(e.path()) {
            continue;
        }
        if is_hidden {
            hidden.push(under.to_string_lossy().into_owned());
        } else {
            found.push(name);
        }
    }
    if !hidden.is_empty() {
        let count = hidden.len();
        hidden.truncate(HIDDEN_EXAMPLES);
        if found.is_empty() {
            out.errors.push(InputError::new(
                p,
                format!(
                    "no article read: {}",
                    Warning::HiddenSkipped {
                        count,
                        examples: hidden
                    }
                ),
            ));
        } else {
            out.warnings.push(InputWarning::new(
                p,
                Warning::HiddenSkipped {
                    count,
                    examples: hidden,
                },
            ));
        }
    }
    out.inputs
        .extend(found.into_iter().map(|name| Input { name, stdin: false }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_named_twice_is_read_once_and_inputs_are_sorted() {
        let paths = [
            "tests/fixtures/port/shipping-wire.txt".to_string(),
            "tests/fixtures/port".to_string(),
            "./tests/fixtures/port/shipping-wire.txt".to_string(),
        ];
        let c = collect_inputs(&paths);
        assert!(c.errors.is_empty() && c.warnings.is_empty());
        let names: Vec<&str> = c.inputs.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "tests/fixtures/port/baltic-freight.txt",
                "tests/fixtures/port/coast-gazette.html",
                "tests/fixtures/port/ferry-times.md",
                "tests/fixtures/port/harbour-weekly.md",
                "tests/fixtures/port/shipping-wire.txt",
            ]
        );
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(bytes(52_428_800), "52,428,800 bytes");
        assert_eq!(bytes(1), "1 byte");
        assert_eq!(bytes(999), "999 bytes");
    }
}
