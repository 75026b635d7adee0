//! Paths as reports show and compare them: one file named two ways
//! (`tests/fixtures/port` and `./tests/fixtures/port`) is one file in the
//! order of a report, in `--published` and in SARIF fingerprints.

/// A path with `.` segments, doubled slashes and `x/..` pairs removed,
/// lexically (the file system is not asked; symbolic links are not
/// resolved). `-` (stdin) and empty paths stay as they are.
pub fn normalize(path: &str) -> String {
    if path == "-" || path.is_empty() {
        return path.to_string();
    }
    let absolute = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            ".." if absolute => {}
            _ => parts.push(part),
        }
    }
    let joined = parts.join("/");
    match (absolute, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_path_are_one() {
        assert_eq!(normalize("./tests/fixtures/port"), "tests/fixtures/port");
        assert_eq!(normalize("tests//fixtures/./port/"), "tests/fixtures/port");
        assert_eq!(normalize("a/b/../c.md"), "a/c.md");
        assert_eq!(normalize("../shared/x.txt"), "../shared/x.txt");
        assert_eq!(normalize("/x/../../y"), "/y");
        assert_eq!(normalize("./"), ".");
        assert_eq!(normalize("-"), "-");
    }
}
