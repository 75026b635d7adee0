//! Issue 12, one test per item: no input crashes or stalls claimcheck,
//! nothing is skipped in silence, reports are stable. Each runs the binary
//! as a user does and asserts the exact message, the exit code, and that
//! the other files' findings are intact.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value as Json;

const PORT: &str = "tests/fixtures/port";

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = common::claimcheck(dir, args);
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn run(args: &[&str]) -> Run {
    run_in(Path::new("."), args)
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimcheck-rel-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The findings of a JSON report whose evidence is all in the port
/// fixtures, as (rule, message, places).
fn port_findings(json: &str) -> Vec<(String, String, Vec<String>)> {
    let report: Json = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let places = f["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    format!(
                        "{}:{}:{}",
                        e["path"].as_str().unwrap(),
                        e["line"],
                        e["column"]
                    )
                })
                .collect::<Vec<_>>();
            (
                f["rule"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
                places,
            )
        })
        .filter(|(_, _, places)| places.iter().all(|p| p.starts_with(PORT)))
        .collect()
}

/// The port fixtures checked alone.
fn port_alone() -> Vec<(String, String, Vec<String>)> {
    let r = run(&["check", "--format", "json", PORT]);
    assert_eq!(r.code, Some(1));
    let found = port_findings(&r.stdout);
    assert_eq!(found.len(), 9);
    found
}

// 1. A double or non-breaking space before a surname ending in a
// non-ASCII letter put a byte offset inside a character: exit 101.
#[test]
fn item1_spaces_inside_a_name_neither_panic_nor_lose_the_affiliation() {
    let dir = tempdir("item1");
    let c = dir.join("c.txt");
    std::fs::write(
        &c,
        "Prime Minister Andrej  Plenković said the budget would grow.\n\
         Prime Minister Andrej\u{a0}Plenković spoke again.\n",
    )
    .unwrap();
    for format in ["human", "json", "jsonl", "sarif", "github", "html"] {
        let r = run(&["check", "--format", format, s(&c), PORT]);
        assert_eq!(r.code, Some(1), "{format}: {}", r.stderr);
        assert_eq!(r.stderr, "", "{format}");
        assert!(!r.stdout.is_empty(), "{format}");
    }
    let r = run(&["check", "--format", "json", s(&c), PORT]);
    assert_eq!(port_findings(&r.stdout), port_alone());

    // With an ASCII ending the affiliation after "of" was lost.
    let d = dir.join("d.txt");
    std::fs::write(
        &d,
        "Foreign Minister Jane  Roe of Estonia said the port would grow.\n",
    )
    .unwrap();
    let r = run(&["claims", "--format", "json", s(&c), s(&d)]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let json: Json = serde_json::from_str(&r.stdout).unwrap();
    let people = |i: usize| -> Vec<(String, String, Json, u64)> {
        json["documents"][i]["people"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["name"].as_str().unwrap().to_string(),
                    p["title"].as_str().unwrap().to_string(),
                    p["affiliation"].clone(),
                    p["column"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(
        people(0),
        vec![
            (
                "Andrej Plenković".into(),
                "Prime Minister".into(),
                Json::Null,
                16
            ),
            (
                "Andrej Plenković".into(),
                "Prime Minister".into(),
                Json::Null,
                16
            ),
        ]
    );
    assert_eq!(
        people(1),
        vec![(
            "Jane Roe".into(),
            "Foreign Minister".into(),
            Json::from("Estonia"),
            18
        )]
    );
}

// 2. A "sentence" over the bound is cut, with one warning per file.
#[test]
fn item2_a_long_sentence_is_cut_with_one_warning_per_file() {
    let dir = tempdir("item2");
    let long = dir.join("table.txt");
    let row = "The Port of Vellmar Sound handled 7.1 million tonnes of cargo in 2024, ";
    std::fs::write(
        &long,
        format!(
            "{}and more.\n\n{}and so on.\n",
            row.repeat(40),
            row.repeat(30)
        ),
    )
    .unwrap();
    let r = run(&["check", "--format", "json", s(&long), PORT]);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.stderr,
        format!(
            "claimcheck: warning: {}:1:1: 2 sentences over 2000 bytes (the longest 2849) cut at line breaks, semicolons or every 2000 bytes; values on either side of a cut are read apart\n",
            s(&long)
        )
    );
    assert_eq!(port_findings(&r.stdout), port_alone());
    // The values on the cut line are all still read.
    let r = run(&["parse", "--format", "json", s(&long)]);
    let json: Json = serde_json::from_str(&r.stdout).unwrap();
    let quantities = json["documents"][0]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["values"].as_array().unwrap().clone())
        .filter(|v| v["kind"] == "quantity")
        .count();
    assert_eq!(quantities, 70);
}

// 2b. The human renderer re-walked long lines: a finding on a long line is
// shown as a window around its value, at its true column.
#[test]
fn item2_a_long_line_is_shown_as_a_window_at_its_true_column() {
    let dir = tempdir("item2-line");
    let a = dir.join("a.txt");
    let filler = "The harbour board met and talked at length about dredging. ".repeat(20);
    std::fs::write(
        &a,
        format!("{filler}The Port of Vellmar Sound handled 6.2 million tonnes of cargo in 2024.\n"),
    )
    .unwrap();
    let b = dir.join("b.txt");
    std::fs::write(
        &b,
        "The Port of Vellmar Sound handled 7.1 million tonnes of cargo in 2024.\n",
    )
    .unwrap();
    let r = run(&["check", s(&a), s(&b)]);
    assert_eq!((r.code, r.stderr.as_str()), (Some(1), ""));
    let column = filler.chars().count() + "The Port of Vellmar Sound handled ".len() + 1;
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "error: [figure-conflict] Port of Vellmar Sound: cargo handled for 2024 is 6.2 million tonnes in one place and 7.1 million tonnes in another"
    );
    assert_eq!(lines[1], format!(" --> {}:1:{column}", s(&a)));
    assert!(
        lines.iter().all(|l| l.chars().count() < 300),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "dredging. The Port of Vellmar Sound handled 6.2 million tonnes of cargo in 2024."
        ),
        "{}",
        r.stdout
    );
}

// 3 is tests/order.rs. 4. SARIF fingerprints churned.
#[test]
fn item4_fingerprints_survive_path_spellings_order_and_agreeing_articles() {
    let prints = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["check", "--format", "sarif"];
        all.extend(args);
        let r = run(&all);
        assert_eq!(r.code, Some(1), "{}", r.stderr);
        let log: Json = serde_json::from_str(&r.stdout).unwrap();
        let mut p: Vec<String> = log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                r["partialFingerprints"]["claimcheckFinding/v2"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        p.sort();
        p
    };
    let base = prints(&[PORT]);
    assert_eq!(base.len(), 9);
    assert_eq!(prints(&["./tests/fixtures/port"]), base, "path spelling");
    let mut files: Vec<String> = std::fs::read_dir(PORT)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| !p.ends_with(".json"))
        .collect();
    files.sort();
    files.reverse();
    let reversed: Vec<&str> = files.iter().map(String::as_str).collect();
    assert_eq!(prints(&reversed), base, "argument order");

    // An article that sorts first and agrees with one side of the 2024
    // cargo conflict, and one about something else.
    let dir = tempdir("item4");
    std::fs::write(
        dir.join("aaa-agrees.txt"),
        "The Port of Kestrel Bay handled 7.1 million tonnes of cargo in 2024, the ministry said.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("aab-other.txt"),
        "Lindholm Airport handled 8.4 million passengers in 2024.\n",
    )
    .unwrap();
    let mut with_more = vec![PORT, s(&dir)];
    let more = prints(&with_more);
    for p in &base {
        assert!(
            more.contains(p),
            "{p} lost when agreeing articles were added"
        );
    }
    with_more.reverse();
    assert_eq!(prints(&with_more), more);
}

// 5a. A folder whose articles are all in a hidden subfolder: "0 documents
// checked", exit 0.
#[test]
fn item5_hidden_articles_are_named() {
    let dir = tempdir("item5-hidden");
    std::fs::create_dir_all(dir.join("desk/.drafts")).unwrap();
    std::fs::copy(
        "tests/fixtures/port/shipping-wire.txt",
        dir.join("desk/.drafts/wire.txt"),
    )
    .unwrap();
    let desk = dir.join("desk");
    let r = run(&["check", "--format", "json", s(&desk), PORT]);
    assert_eq!(r.code, Some(2));
    assert_eq!(
        r.stderr,
        format!(
            "claimcheck: error: {}: no article read: 1 article file in hidden folders not read (.drafts/wire.txt); name it to read it\n",
            s(&desk)
        )
    );
    assert_eq!(port_findings(&r.stdout), port_alone());
    // Beside articles that are read, the hidden ones are a warning.
    std::fs::write(
        desk.join("brief.txt"),
        "The harbour board met on Tuesday.\n",
    )
    .unwrap();
    std::fs::write(desk.join(".note.md"), "A hidden note.\n").unwrap();
    let r = run(&["check", s(&desk)]);
    assert_eq!(r.code, Some(0));
    assert_eq!(
        r.stderr,
        format!(
            "claimcheck: warning: {}: 2 article files in hidden folders not read (.drafts/wire.txt, .note.md); name them to read them\n",
            s(&desk)
        )
    );
    assert_eq!(
        r.stdout,
        "1 document checked: 0 errors, 0 warnings, 0 info\n"
    );
}

// 5b. Symbolic links to articles inside a folder were skipped.
#[test]
fn item5_symlinked_articles_are_read() {
    let dir = tempdir("item5-links");
    let abs = |p: &str| std::fs::canonicalize(p).unwrap();
    for f in ["coast-gazette.html", "harbour-weekly.md"] {
        std::os::unix::fs::symlink(abs(&format!("{PORT}/{f}")), dir.join(f)).unwrap();
    }
    std::os::unix::fs::symlink(dir.join("nowhere.txt"), dir.join("gone.txt")).unwrap();
    std::os::unix::fs::symlink(abs("tests/fixtures/budget"), dir.join("budget")).unwrap();
    let r = run(&["check", "--format", "json", s(&dir)]);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.stderr,
        format!(
            "claimcheck: warning: {d}/budget: a symbolic link to a folder; not followed (name the folder to read it)\n\
             claimcheck: warning: {d}/gone.txt: a symbolic link to nothing; not read\n",
            d = s(&dir)
        )
    );
    let report: Json = serde_json::from_str(&r.stdout).unwrap();
    let docs: Vec<&str> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        docs,
        [
            format!("{}/coast-gazette.html", s(&dir)),
            format!("{}/harbour-weekly.md", s(&dir))
        ]
    );
    assert!(!report["findings"].as_array().unwrap().is_empty());
}

// 5c. A metadata date that is no date was dropped without a word.
#[test]
fn item5_bad_metadata_dates_are_warned_about() {
    let dir = tempdir("item5-dates");
    let md = |name: &str, date: &str| {
        let p = dir.join(name);
        std::fs::write(
            &p,
            format!("---\ntitle: T\ndate: {date}\n---\nThe port said.\n"),
        )
        .unwrap();
        p
    };
    let feb = md("feb.md", "2025-02-30");
    let month = md("month.md", "2025-13-45");
    let list = md("list.md", "[2025-03-04");
    let html = dir.join("page.html");
    std::fs::write(
        &html,
        "<meta property=\"article:published_time\" content=\"2025-02-30\"><p>The port said.</p>",
    )
    .unwrap();
    let r = run(&["check", s(&feb), s(&month), s(&list), s(&html), PORT]);
    assert_eq!(r.code, Some(1));
    let why = "ignored, so the publication date comes from the text";
    assert_eq!(
        r.stderr,
        format!(
            "claimcheck: warning: {}: front-matter date '2025-02-30' is not a date (no such day in the calendar); {why}\n\
             claimcheck: warning: {}: front-matter date '[2025-03-04' is not a date (an unclosed YAML list); {why}\n\
             claimcheck: warning: {}: front-matter date '2025-13-45' is not a date (no such day in the calendar); {why}\n\
             claimcheck: warning: {}: meta date '2025-02-30' is not a date (no such day in the calendar); {why}\n",
            s(&feb),
            s(&list),
            s(&month),
            s(&html)
        )
    );
    let r = run(&["check", "--format", "json", s(&feb), PORT]);
    assert_eq!(port_findings(&r.stdout), port_alone());
}

// 5d. `--published missing.md=...` was accepted.
#[test]
fn item5_published_for_a_file_not_given_is_an_error() {
    let r = run(&[
        "check",
        "--format",
        "json",
        "--published",
        "missing.md=2025-01-02",
        PORT,
    ]);
    assert_eq!(r.code, Some(2));
    assert_eq!(
        r.stderr,
        "claimcheck: error: missing.md: --published names a file that is not among the documents read; its date is not used\n"
    );
    assert_eq!(port_findings(&r.stdout), port_alone());
    // Another spelling of a path read is that path.
    let r = run(&[
        "check",
        "--published",
        "./tests/fixtures/port/shipping-wire.txt=2025-06-02",
        PORT,
    ]);
    assert_eq!((r.code, r.stderr.as_str()), (Some(1), ""));
}

// 5e. A suppression comment naming an unknown rule was ignored.
#[test]
fn item5_a_suppression_of_an_unknown_rule_is_named() {
    let dir = tempdir("item5-suppress");
    let f = dir.join("notes.md");
    std::fs::write(
        &f,
        "Notes.\n\n<!-- claimcheck-disable-next-line figure-conflct -->\n\nThe port said.\n",
    )
    .unwrap();
    let r = run(&["check", "--format", "json", s(&f), PORT]);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.stderr,
        format!(
            "claimcheck: warning: {}:3:1: suppression comment names 'figure-conflct', which is not a rule; it silences nothing (`claimcheck rules` lists them)\n",
            s(&f)
        )
    );
    assert_eq!(port_findings(&r.stdout), port_alone());
    // A rule the config disables is still a rule.
    std::fs::write(
        dir.join("claimcheck.toml"),
        "disable = [\"figure-conflict\"]\n",
    )
    .unwrap();
    std::fs::write(
        &f,
        "Notes.\n\n<!-- claimcheck-disable-next-line figure-conflict -->\n\nThe port said.\n",
    )
    .unwrap();
    let r = run_in(&dir, &["check", "notes.md"]);
    assert_eq!((r.code, r.stderr.as_str()), (Some(0), ""));
}

// 5f. .gitignore was not respected outside a git repository.
#[test]
fn item5_gitignore_is_respected_outside_git() {
    let dir = tempdir("item5-ignore");
    assert!(!dir.join(".git").exists());
    std::fs::create_dir_all(dir.join("drafts")).unwrap();
    std::fs::copy(
        "tests/fixtures/port/shipping-wire.txt",
        dir.join("wire.txt"),
    )
    .unwrap();
    std::fs::copy(
        "tests/fixtures/port/baltic-freight.txt",
        dir.join("drafts/baltic.txt"),
    )
    .unwrap();
    std::fs::write(dir.join(".gitignore"), "drafts/\n").unwrap();
    let r = run(&["check", "--format", "json", s(&dir)]);
    assert_eq!((r.code, r.stderr.as_str()), (Some(0), ""));
    let report: Json = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(report["documents"].as_array().unwrap().len(), 1);
    assert_eq!(
        report["documents"][0]["path"],
        format!("{}/wire.txt", s(&dir))
    );
}

// 5g. A lone CR line ending put the file on one line.
#[test]
fn item5_lone_carriage_returns_are_line_breaks() {
    let dir = tempdir("item5-cr");
    let f = dir.join("mac.txt");
    std::fs::write(
        &f,
        "Airport news\r\rLindholm Airport handled 8.4 million passengers in 2024.\r",
    )
    .unwrap();
    let other = dir.join("other.txt");
    std::fs::write(
        &other,
        "Lindholm Airport handled 7.9 million passengers in 2024.\n",
    )
    .unwrap();
    let r = run(&["check", "--format", "json", s(&f), s(&other), PORT]);
    assert_eq!(r.code, Some(1));
    assert_eq!(
        r.stderr,
        format!(
            "claimcheck: warning: {}: lines end in a lone carriage return (old Mac style); read as line breaks\n",
            s(&f)
        )
    );
    let report: Json = serde_json::from_str(&r.stdout).unwrap();
    let places: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["evidence"].as_array().unwrap().clone())
        .filter(|e| e["path"] == s(&f))
        .map(|e| format!("{}:{}", e["line"], e["column"]))
        .collect();
    assert_eq!(places, ["3:26"]);
    assert_eq!(port_findings(&r.stdout), port_alone());
}

// 6. Reading what is not a file: a FIFO hung forever, /dev/zero ran out of
// memory; a file over the size limit is refused with its size.
#[test]
fn item6_only_regular_files_within_the_limit_are_read() {
    let dir = tempdir("item6");
    let fifo = dir.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let r = run(&["check", "--format", "json", s(&fifo), "/dev/zero", PORT]);
    assert_eq!(r.code, Some(2));
    assert_eq!(
        r.stderr,
        format!(
            "claimcheck: error: /dev/zero: not a regular file (a character device); not read\n\
             claimcheck: error: {}: not a regular file (a named pipe (FIFO)); not read\n",
            s(&fifo)
        )
    );
    assert_eq!(port_findings(&r.stdout), port_alone());
    // Inside a folder, a FIFO named like an article is a warning.
    let r = run(&["check", s(&dir)]);
    assert_eq!(
        r.stderr,
        format!(
            "claimcheck: warning: {}: not a regular file (a named pipe (FIFO)); not read\n",
            s(&fifo)
        )
    );

    let big = dir.join("big.txt");
    std::fs::write(&big, "x".repeat(2_000)).unwrap();
    let r = run(&[
        "check",
        "--format",
        "json",
        "--max-file-size",
        "1k",
        s(&big),
        PORT,
    ]);
    assert_eq!(r.code, Some(2));
    assert_eq!(
        r.stderr,
        format!(
            "claimcheck: error: {}: a file of 2,000 bytes is over the limit of 1,000 bytes (--max-file-size, or max-file-size in claimcheck.toml); not read\n",
            s(&big)
        )
    );
    assert_eq!(port_findings(&r.stdout), port_alone());
    // The config key, and a flag that is no size.
    std::fs::write(dir.join("claimcheck.toml"), "max-file-size = \"1KiB\"\n").unwrap();
    let r = run_in(&dir, &["check", "big.txt"]);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            Some(2),
            "claimcheck: error: big.txt: a file of 2,000 bytes is over the limit of 1,024 bytes (--max-file-size, or max-file-size in claimcheck.toml); not read\n"
        )
    );
    let r = run(&["check", "--max-file-size", "huge", PORT]);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            Some(2),
            "claimcheck: error: --max-file-size: 'huge' is not a size (write e.g. 50MB or 2000000)\n"
        )
    );
}

// 7. Escape sequences in file names and ids were printed raw.
#[test]
fn item7_control_characters_are_escaped_in_terminal_formats() {
    let dir = tempdir("item7");
    let name = dir.join("clear\u{1b}[2J.txt");
    std::fs::write(
        &name,
        "The Port of Kestrel Bay handled 6.2 million tonnes of cargo in 2024 \u{1b}[31m.\n",
    )
    .unwrap();
    let other = dir.join("other.txt");
    std::fs::write(
        &other,
        "The Port of Kestrel Bay handled 7.1 million tonnes of cargo in 2024.\n",
    )
    .unwrap();
    let rows = dir.join("wire.jsonl");
    std::fs::write(
        &rows,
        "{\"id\": \"a\\u001b]0;owned\\u0007\", \"published\": \"2025-01-02\", \"text\": \"The Port of Kestrel Bay handled 5 million tonnes of cargo in 2024.\"}\n",
    )
    .unwrap();
    let shown = s(&dir).to_string() + "/clear\\u{1b}[2J.txt";
    for args in [
        vec!["check", s(&name), s(&other), s(&rows)],
        vec!["check", "--format", "github", s(&name), s(&other), s(&rows)],
        vec!["claims", s(&name), s(&rows)],
        vec!["diff", s(&other), s(&name), "--against", s(&rows)],
    ] {
        let r = run(&args);
        assert!(
            !r.stdout.contains('\u{1b}') && !r.stderr.contains('\u{1b}'),
            "{args:?}: {}",
            r.stdout
        );
        assert!(!r.stdout.contains('\u{7}'), "{args:?}");
        assert!(r.stdout.contains(&shown), "{args:?}: {}", r.stdout);
    }
    let r = run(&["claims", s(&rows)]);
    assert!(
        r.stdout
            .starts_with(&format!("{}#a\\u{{1b}}]0;owned\\u{{7}}\n", s(&rows))),
        "{}",
        r.stdout
    );
    // Machine formats keep the name exact, JSON-escaped.
    let r = run(&["check", "--format", "json", s(&name), s(&other)]);
    let report: Json = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(report["documents"][0]["path"], s(&name));
}

// 7b. --changed-since ran git in the article's repository, whose config
// can run programs.
#[test]
fn item7_changed_since_runs_no_program_of_the_repository() {
    let dir = tempdir("item7-git");
    let git = |args: &[&str]| {
        let ok = Command::new("git")
            .current_dir(&dir)
            .args(["-c", "user.email=t@example.org", "-c", "user.name=t"])
            .args(args)
            .status()
            .unwrap();
        assert!(ok.success(), "git {args:?}");
    };
    std::fs::copy(
        "tests/fixtures/revisions/harbour-weekly-v1.md",
        dir.join("harbour-weekly.md"),
    )
    .unwrap();
    std::fs::copy(
        "tests/fixtures/port/coast-gazette.html",
        dir.join("coast-gazette.html"),
    )
    .unwrap();
    std::fs::copy(
        "tests/fixtures/port/shipping-wire.txt",
        dir.join("shipping-wire.txt"),
    )
    .unwrap();
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "first"]);
    let fsmonitor = dir.join("ran-fsmonitor");
    let filter = dir.join("ran-filter");
    git(&[
        "config",
        "core.fsmonitor",
        &format!("touch {}; false", s(&fsmonitor)),
    ]);
    git(&[
        "config",
        "filter.evil.clean",
        &format!("touch {}; cat", s(&filter)),
    ]);
    git(&[
        "config",
        "diff.evil.textconv",
        &format!("touch {}; cat", s(&filter)),
    ]);
    std::fs::write(dir.join(".gitattributes"), "*.md filter=evil diff=evil\n").unwrap();
    std::fs::copy(
        "tests/fixtures/revisions/harbour-weekly-v2.md",
        dir.join("harbour-weekly.md"),
    )
    .unwrap();
    let r = run_in(
        &dir,
        &[
            "check",
            "--changed-since",
            "HEAD",
            "harbour-weekly.md",
            "coast-gazette.html",
            "shipping-wire.txt",
        ],
    );
    assert!(!fsmonitor.exists(), "core.fsmonitor ran");
    assert!(!filter.exists(), "a filter or textconv ran");
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stdout.contains("harbour-weekly.md:7:"), "{}", r.stdout);
    assert!(!r.stdout.contains("cumulative-below-part"), "{}", r.stdout);
}

// 8. A possessive split a name: not compared.
#[test]
fn item8_a_possessive_does_not_split_a_name() {
    let dir = tempdir("item8");
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    std::fs::write(&a, "Port of Vellmar Sound's cargo grew 5% in 2024.\n").unwrap();
    std::fs::write(&b, "Port of Vellmar Sound cargo grew 9% in 2024.\n").unwrap();
    let r = run(&["check", "--format", "json", s(&a), s(&b), PORT]);
    assert_eq!((r.code, r.stderr.as_str()), (Some(1), ""));
    let report: Json = serde_json::from_str(&r.stdout).unwrap();
    let messages: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["evidence"][0]["path"] == s(&a))
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        ["Port of Vellmar Sound: growth of cargo handled for 2024 is 5% in one place and 9% in another"]
    );
    assert_eq!(port_findings(&r.stdout), port_alone());
}
