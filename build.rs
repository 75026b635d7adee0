//! Lists the rule files under rules/ so the binary embeds every one of
//! them: adding a file to rules/ is all it takes to ship it. Also tells
//! the tests whether this machine has a browser, so the browser test is
//! reported as ignored (with why) in the test summary where it cannot run,
//! instead of passing without doing anything.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

/// `cfg(no_browser)` when Chromium or ChromeDriver is missing, except
/// under CI=1, where the browser test must run (and fail if they are gone).
fn browser_cfg() {
    println!("cargo::rustc-check-cfg=cfg(no_browser)");
    println!("cargo:rerun-if-env-changed=CI");
    // Installing or removing a package changes the folder.
    println!("cargo:rerun-if-changed=/usr/bin");
    let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false");
    let present = ["/usr/bin/chromium", "/usr/bin/chromedriver"]
        .iter()
        .all(|p| Path::new(p).exists());
    if !present && !ci {
        println!("cargo:rustc-cfg=no_browser");
    }
}

/// The PostgreSQL store tests run when a server is named
/// (CLAIMCHECK_TEST_POSTGRES) or under CI, which must start one; otherwise
/// they are ignored, with the reason in the test summary.
fn postgres_tests() {
    println!("cargo:rustc-check-cfg=cfg(claimcheck_pg_tests)");
    println!("cargo:rerun-if-env-changed=CLAIMCHECK_TEST_POSTGRES");
    println!("cargo:rerun-if-env-changed=CI");
    let set =
        |name: &str| std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0" && v != "false");
    if set("CLAIMCHECK_TEST_POSTGRES") || set("CI") {
        println!("cargo:rustc-cfg=claimcheck_pg_tests");
    }
}

fn main() {
    browser_cfg();
    postgres_tests();
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let rules = root.join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    collect(&rules, &mut files);
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
    }
    // Sorted by name so the merge order (and so every report) is stable.
    let mut names: Vec<String> = files
        .iter()
        .filter_map(|f| f.strip_prefix(&rules).ok())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    names.sort();
    let mut code = String::from("/// Every file under rules/, as (name, contents).\npub const BUILT_IN: &[(&str, &str)] = &[\n");
    for n in &names {
        let _ = writeln!(
            code,
            "    ({n:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/rules/{n}\"))),"
        );
    }
    code.push_str("];\n");
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("built_in_rules.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
