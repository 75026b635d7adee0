//! The archive tests every `Store` backend passes, run against SQLite (a
//! temp file) and against a real PostgreSQL server (a fresh database per
//! test on the server CLAIMCHECK_TEST_POSTGRES names; `.ci/run` starts
//! one). Without a server the PostgreSQL tests are ignored with the
//! reason; under CI they run and fail without one.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use claimcheck::archive::{self, ArchiveError, Mode, Query, Store};
use claimcheck::report::{check_json, CheckReport};
use claimcheck::{analyze, check, Engine, Inputs, Quiet};

const PUBLISHED: &str = "tests/fixtures/archive/published";
const DRAFT: &str = "tests/fixtures/archive/drafts/larkspur-profile.md";

/// A new, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimcheck-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn sqlite_target(name: &str) -> String {
    scratch(name).join("claims.db").display().to_string()
}

#[cfg(feature = "postgres")]
fn postgres_target(name: &str) -> String {
    let base = std::env::var("CLAIMCHECK_TEST_POSTGRES").expect(
        "CLAIMCHECK_TEST_POSTGRES must name a PostgreSQL server (postgres://user@127.0.0.1:PORT/db); \
         .ci/run starts one with scripts/pg-server.sh",
    );
    let db = format!("store_{name}").replace('-', "_");
    let mut admin =
        ::postgres::Client::connect(&base, ::postgres::NoTls).expect("the test server answers");
    admin
        .execute(&format!("DROP DATABASE IF EXISTS {db}"), &[])
        .unwrap();
    admin
        .execute(&format!("CREATE DATABASE {db}"), &[])
        .unwrap();
    let (server, _) = base.rsplit_once('/').unwrap();
    format!("{server}/{db}")
}

fn engine() -> Engine {
    common::engine()
}

fn open(target: &str) -> Box<dyn Store> {
    archive::open(target, Mode::Write).unwrap()
}

fn index(engine: &Engine, store: &mut dyn Store, paths: &[&str]) -> archive::IndexReport {
    archive::index(engine, &Inputs::of(paths), store, &Quiet).unwrap()
}

/// `check --format json` of the drafts against the archive.
fn check_against(engine: &Engine, store: &mut dyn Store, drafts: &[&str]) -> serde_json::Value {
    let outcome = analyze(engine, &Inputs::of(drafts), &Quiet);
    let outcome = archive::against(outcome, &engine.rules, store).unwrap();
    let checked = check(engine, &outcome);
    let json = check_json::render(&CheckReport {
        docs: &outcome.docs,
        findings: &checked.findings,
        errors: &outcome.errors,
        suppressed: checked.suppressed,
        rules: &engine.rules,
    });
    serde_json::from_str(&json).unwrap()
}

/// The files of the published fixtures, copied into a folder a test may
/// change.
fn copy_published(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(PUBLISHED).unwrap() {
        let from = e.unwrap().path();
        let to = dir.join(from.file_name().unwrap());
        std::fs::copy(&from, &to).unwrap();
        out.push(to.display().to_string());
    }
    out.sort();
    out
}

pub fn indexing_stores_documents_and_skips_unchanged(target: &str) {
    let engine = engine();
    let mut store = open(target);
    let first = index(&engine, store.as_mut(), &[PUBLISHED]);
    assert_eq!(
        (first.added, first.replaced, first.unchanged, first.claims),
        (4, 0, 0, 13)
    );
    assert!(first.errors.is_empty());
    let again = index(&engine, store.as_mut(), &[PUBLISHED]);
    assert_eq!(
        (again.added, again.replaced, again.unchanged, again.claims),
        (0, 0, 4, 0)
    );
    let s = store.stats().unwrap();
    assert_eq!(
        (s.schema_version, s.documents, s.sources, s.claims),
        (archive::SCHEMA_VERSION, 4, 4, 13)
    );
    assert_eq!(s.keys, 6);
    assert_eq!(
        s.published,
        Some(("2025-03-10".to_string(), "2025-03-14".to_string()))
    );
}

pub fn a_changed_file_replaces_its_claims(target: &str) {
    let engine = engine();
    let mut store = open(target);
    let dir = scratch(&format!("changed-{}", archive::is_postgres(target)));
    let files = copy_published(&dir);
    let paths: Vec<&str> = files.iter().map(String::as_str).collect();
    index(&engine, store.as_mut(), &paths);
    let gazette = files
        .iter()
        .find(|f| f.ends_with("rail-gazette.md"))
        .unwrap();
    let text = std::fs::read_to_string(gazette).unwrap();
    std::fs::write(gazette, text.replace("41.2 million", "44.0 million")).unwrap();
    let done = index(&engine, store.as_mut(), &paths);
    assert_eq!((done.added, done.replaced, done.unchanged), (0, 1, 3));
    assert_eq!(done.claims, 7);
    let s = store.stats().unwrap();
    // The old version's source is gone with it.
    assert_eq!((s.documents, s.sources, s.claims), (4, 4, 13));
    // The gazette's 44.0 million now stands with the draft's.
    let found = check_against(&engine, store.as_mut(), &[DRAFT]);
    let conflict = found["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "figure-conflict")
        .unwrap();
    let cited: Vec<(&str, &str)> = conflict["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let path = e["path"].as_str().unwrap();
            (
                path.rsplit('/').next().unwrap(),
                e["value"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        cited,
        [
            ("larkspur-profile.md", "44.0 million"),
            ("city-post.html", "41.2 million"),
            ("rail-gazette.md", "44.0 million"),
            ("wire.jsonl", "41.2 million"),
        ]
    );
}

pub fn removing_a_path_removes_its_documents(target: &str) {
    let engine = engine();
    let mut store = open(target);
    index(&engine, store.as_mut(), &[PUBLISHED]);
    let jsonl = format!("{PUBLISHED}/wire.jsonl");
    assert_eq!(store.remove(&jsonl).unwrap(), 2);
    assert_eq!(store.remove(&jsonl).unwrap(), 0);
    let s = store.stats().unwrap();
    assert_eq!((s.documents, s.sources, s.claims), (2, 2, 10));
}

/// Checking a draft against the archive finds what checking it beside the
/// archived files finds, evidence for evidence: the same path, line,
/// column and quote for every archived piece.
pub fn the_archive_finds_what_the_files_find(target: &str) {
    let engine = engine();
    let mut store = open(target);
    index(&engine, store.as_mut(), &[PUBLISHED]);
    let archived = check_against(&engine, store.as_mut(), &[DRAFT]);
    let files = serde_json::from_str::<serde_json::Value>(&common::check_json(&[DRAFT, PUBLISHED]))
        .unwrap();
    // The same findings with the same evidence; only the order differs (a
    // conflict against the archive puts the draft's side first, in its
    // evidence and in its message).
    let unordered = |findings: Vec<&serde_json::Value>| {
        let mut out: Vec<String> = findings
            .into_iter()
            .map(|f| {
                let mut f = f.clone();
                let mut evidence: Vec<String> = f["evidence"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| e.to_string())
                    .collect();
                evidence.sort();
                f["evidence"] = evidence.into();
                f.as_object_mut().unwrap().remove("message");
                f.to_string()
            })
            .collect();
        out.sort();
        out
    };
    let of_draft: Vec<&serde_json::Value> = files["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["path"] == DRAFT)
        })
        .collect();
    let from_archive: Vec<&serde_json::Value> =
        archived["findings"].as_array().unwrap().iter().collect();
    assert_eq!(unordered(from_archive.clone()), unordered(of_draft));
    let rules: Vec<&str> = from_archive
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        [
            "figure-conflict",
            "growth-arithmetic",
            "growth-conflict",
            "corroborated",
            "corroborated"
        ]
    );
    assert_eq!(archived["documents"].as_array().unwrap().len(), 1);
    assert_eq!(archived["archived_documents"].as_array().unwrap().len(), 4);
}

/// A draft already in the archive is not checked against its own copy.
pub fn a_draft_is_not_its_own_evidence(target: &str) {
    let engine = engine();
    let mut store = open(target);
    index(&engine, store.as_mut(), &[DRAFT]);
    let found = check_against(&engine, store.as_mut(), &[DRAFT]);
    assert_eq!(found["findings"], serde_json::json!([]));
    assert!(found.get("archived_documents").is_none());
}

/// Version 1 had no conversion lookup; opening it adds the columns and
/// fills them from what is stored.
pub fn an_older_archive_is_upgraded(target: &str) {
    let engine = engine();
    let mut store = open(target);
    index(&engine, store.as_mut(), &[PUBLISHED]);
    // As claimcheck with schema version 1 left it.
    store
        .execute_raw(
            "DROP INDEX claims_conversions;
             ALTER TABLE claims DROP COLUMN conv_pair;
             ALTER TABLE claims DROP COLUMN published_day;
             ALTER TABLE documents DROP COLUMN published_day;
             UPDATE meta SET value = '1' WHERE name = 'schema_version';",
        )
        .unwrap();
    drop(store);
    let mut store = archive::open(target, Mode::Read).unwrap();
    assert_eq!(store.stats().unwrap().schema_version, 2);
    // The gazette's "$50 million (£40 million)", published 2025-03-10.
    let day = 739_320;
    let query = Query {
        lookups: Vec::new(),
        conversions: vec![("USD>GBP".into(), day - 30, day + 30)],
    };
    let found = store.fetch(&query).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].doc.path, format!("{PUBLISHED}/rail-gazette.md"));
    assert_eq!(found[0].doc.published_day, Some(day));
    assert_eq!(found[0].claims.len(), 1);
    let outside = Query {
        lookups: Vec::new(),
        conversions: vec![("USD>GBP".into(), day + 1, day + 30)],
    };
    assert!(store.fetch(&outside).unwrap().is_empty());
}

pub fn a_newer_archive_is_refused(target: &str) {
    let mut store = open(target);
    store
        .execute_raw("UPDATE meta SET value = '99' WHERE name = 'schema_version'")
        .unwrap();
    drop(store);
    let err = archive::open(target, Mode::Read).err().unwrap();
    assert!(matches!(
        err,
        ArchiveError::Newer {
            found: 99,
            supported: 2,
            ..
        }
    ));
    assert_eq!(
        err.to_string(),
        format!(
            "{}: the archive has schema version 99, newer than this claimcheck reads (up to 2); use a newer claimcheck",
            archive::redact(target)
        )
    );
}

pub fn a_database_of_something_else_is_refused(target: &str) {
    let mut store = open(target);
    store
        .execute_raw("DROP TABLE claims; DROP TABLE documents; DROP TABLE sources; DROP TABLE meta; CREATE TABLE documents (x INTEGER)")
        .unwrap();
    drop(store);
    let err = archive::open(target, Mode::Write).err().unwrap();
    assert!(matches!(err, ArchiveError::NotAnArchive { .. }), "{err}");
}

/// Two index runs and a check at once: the check sees whole documents
/// only (one snapshot), and when the runs end nothing is lost.
pub fn two_index_runs_and_a_check_at_once(target: &str) {
    let engine = engine();
    let dir = scratch(&format!("concurrent-{}", archive::is_postgres(target)));
    let article = |n: usize, tonnes: usize| {
        format!(
            "Firm{n} Freight moved {tonnes}.0 million tonnes of cargo in 2024.\n\n\
             Firm{n} Freight said it moved {tonnes}.0 million tonnes of cargo in 2024.\n"
        )
    };
    let files: Vec<String> = (0..12)
        .map(|n| {
            let p = dir.join(format!("firm{n}.txt"));
            std::fs::write(&p, article(n, n + 1)).unwrap();
            p.display().to_string()
        })
        .collect();
    let flip = dir.join("flip").join("firm99.txt");
    std::fs::create_dir_all(flip.parent().unwrap()).unwrap();
    std::fs::write(&flip, article(99, 1)).unwrap();
    let flip = flip.display().to_string();
    let key = {
        let outcome = analyze(&engine, &Inputs::of(&[&flip]), &Quiet);
        archive::lookups(&outcome, &engine.rules)
    };
    assert_eq!(key.lookups.len(), 1);
    drop(open(target));
    let writing = AtomicBool::new(true);
    let first: Vec<&str> = files[..8].iter().map(String::as_str).collect();
    let second: Vec<&str> = files[4..].iter().map(String::as_str).collect();
    std::thread::scope(|s| {
        let runs = [first.clone(), second.clone()].map(|paths| {
            let engine = &engine;
            let flip = flip.as_str();
            s.spawn(move || {
                let mut store = archive::open(target, Mode::Write).unwrap();
                for round in 0..6 {
                    index(engine, store.as_mut(), &paths);
                    // Both runs also keep rewriting one article, as an
                    // editor's save does: whole (written aside, then
                    // renamed), so an index run never reads half a file.
                    if paths.len() == 8 {
                        let aside = format!("{flip}.{:?}.tmp", std::thread::current().id());
                        std::fs::write(&aside, article(99, round + 2)).unwrap();
                        std::fs::rename(&aside, flip).unwrap();
                        index(engine, store.as_mut(), &[flip]);
                    }
                }
            })
        });
        let check = s.spawn(|| {
            let mut store = archive::open(target, Mode::Read).unwrap();
            let mut seen = 0;
            while writing.load(Ordering::SeqCst) || seen == 0 {
                let found = store.fetch(&key).unwrap();
                for f in &found {
                    // Both claims of the one version stored, never parts of two.
                    assert_eq!(f.claims.len(), 2, "{:?}", f.doc.path);
                    assert_eq!(f.claims[0][19], f.claims[1][19]);
                    seen += 1;
                }
                if found.is_empty() && !writing.load(Ordering::SeqCst) {
                    break;
                }
            }
        });
        for r in runs {
            r.join().unwrap();
        }
        writing.store(false, Ordering::SeqCst);
        check.join().unwrap();
    });
    let mut store = archive::open(target, Mode::Read).unwrap();
    let s = store.stats().unwrap();
    assert_eq!((s.documents, s.claims, s.sources), (13, 26, 13));
    let found = store.fetch(&key).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].claims[0][19],
        archive::Cell::Text("7.0 million tonnes".into())
    );
    let every: BTreeSet<String> = files.iter().chain([&flip]).cloned().collect();
    for path in &every {
        assert_eq!(
            store.hashes(path).unwrap().get("").map(|h| h.len()),
            Some(64),
            "{path}"
        );
    }
}

/// The suite, once per backend.
macro_rules! suite {
    ($backend:ident, $target:path $(, #[$attr:meta])*) => {
        mod $backend {
            use super::*;

            macro_rules! case {
                ($name:ident) => {
                    #[test]
                    $(#[$attr])*
                    fn $name() {
                        super::$name(&$target(stringify!($name)));
                    }
                };
            }

            case!(indexing_stores_documents_and_skips_unchanged);
            case!(a_changed_file_replaces_its_claims);
            case!(removing_a_path_removes_its_documents);
            case!(the_archive_finds_what_the_files_find);
            case!(a_draft_is_not_its_own_evidence);
            case!(an_older_archive_is_upgraded);
            case!(a_newer_archive_is_refused);
            case!(a_database_of_something_else_is_refused);
            case!(two_index_runs_and_a_check_at_once);
        }
    };
}

suite!(sqlite, sqlite_target);

#[cfg(feature = "postgres")]
suite!(
    postgres,
    postgres_target,
    #[cfg_attr(
        not(claimcheck_pg_tests),
        ignore = "no PostgreSQL server: set CLAIMCHECK_TEST_POSTGRES=postgres://... (.ci/run starts one)"
    )]
);

#[cfg(not(feature = "postgres"))]
#[test]
#[cfg_attr(
    not(claimcheck_pg_tests),
    ignore = "built without the postgres feature (cargo test --features postgres)"
)]
fn postgres_store_suite() {
    panic!("CI must run the PostgreSQL store tests: cargo test --features postgres");
}
