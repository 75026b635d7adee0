//! `claimcheck.toml`: found by walking up from the working directory or
//! named with --config; it adds rule directories, disables and re-grades
//! rules and sets the default --fail-on. Run as the binary a user runs.

mod common;

use common::claimcheck;

use std::path::PathBuf;

/// A project: claimcheck.toml at the top, house rules, articles in news/.
fn project(name: &str, config: &str) -> PathBuf {
    let root =
        std::env::temp_dir().join(format!("claimcheck-config-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("news")).unwrap();
    std::fs::create_dir_all(root.join("house-rules")).unwrap();
    std::fs::write(root.join("claimcheck.toml"), config).unwrap();
    std::fs::write(
        root.join("house-rules/airports.toml"),
        "[[check]]\nid = \"passenger-conflict\"\nkind = \"conflict\"\nseverity = \"warning\"\n\
         message = \"{subject}: {predicate} for {period} is {a} in one place and {b} in another\"\n\
         frames = [\"generic\"]\n[check.docs]\nfinds = \"House rule: passenger counts that disagree.\"\n\
         why = \"Our desk checks airports.\"\nexample = \"8.4 million against 7.9 million.\"\n",
    )
    .unwrap();
    for f in ["summit-pool.txt", "wire-service.txt"] {
        std::fs::copy(
            format!("tests/fixtures/rules/name-variant/fires/{f}"),
            root.join("news").join(f),
        )
        .unwrap();
    }
    root
}

#[test]
fn config_is_found_above_the_working_directory() {
    let root = project(
        "walk",
        "rules = [\"house-rules\"]\ndisable = [\"figure-conflict\"]\nfail-on = \"info\"\n\n[severity]\nname-variant = \"warning\"\n",
    );
    let news = root.join("news");
    let out = claimcheck(&news, &["check", "."]);
    let text = String::from_utf8_lossy(&out.stdout);
    // name-variant is re-graded to a warning, and fail-on info fails the run.
    assert!(text.starts_with("warning: [name-variant]"), "{text}");
    assert_eq!(out.status.code(), Some(1));
    // --fail-on on the command line wins over the config.
    assert_eq!(
        claimcheck(&news, &["check", "--fail-on", "error", "."])
            .status
            .code(),
        Some(0)
    );

    let rules = String::from_utf8_lossy(&claimcheck(&news, &["rules"]).stdout).into_owned();
    assert!(rules.contains("passenger-conflict"), "house rule listed");
    assert!(
        !rules.contains("figure-conflict "),
        "disabled rule not listed"
    );
    let explain = claimcheck(&news, &["explain", "passenger-conflict"]);
    assert!(String::from_utf8_lossy(&explain.stdout)
        .contains("Why it matters: Our desk checks airports."));
}

#[test]
fn explicit_config_and_its_errors() {
    let root = project("explicit", "disable = [\"no-such-rule\"]\n");
    let out = claimcheck(&root, &["check", "news"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("claimcheck.toml: no rule named 'no-such-rule'"),
        "{err}"
    );

    let good = root.join("other.toml");
    std::fs::write(&good, "disable = [\"name-variant\"]\n").unwrap();
    let out = claimcheck(
        &root,
        &["--config", good.to_str().unwrap(), "check", "news"],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "2 documents checked: 0 errors, 0 warnings, 0 info\n"
    );
    assert_eq!(out.status.code(), Some(0));
}
