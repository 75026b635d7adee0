//! The archive: every document a newsroom has published and its claims,
//! stored once so a draft can be checked against all of them by key
//! lookups instead of re-reading every article. One `Store` trait, two
//! backends: SQLite for a file path (embedded, the default) and PostgreSQL
//! for a `postgres://` URL (behind the `postgres` feature).
//!
//! `index` writes (read, analyze, store; unchanged documents are skipped),
//! `restore` reads (the archived documents and claims that share a key
//! with the drafts' claims, added to the drafts' outcome so the same rules
//! run over both), `rows` is what a row holds and `schema` the versioned
//! tables both backends create and upgrade.

use std::collections::BTreeMap;

mod index;
#[cfg(feature = "postgres")]
mod postgres;
mod restore;
mod rows;
mod schema;
mod sqlite;

pub use index::{entries_of, index, IndexReport};
pub use restore::{against, lookups};
pub use rows::{Cell, DocRow, Ty, CLAIM_COLUMNS};
pub use schema::VERSION as SCHEMA_VERSION;

/// Why the archive could not be used; every message names the archive.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("{target}: cannot open the archive: {message}")]
    Open { target: String, message: String },
    #[error("{target}: no archive there (`claimcheck index PATH --archive {target}` creates one)")]
    Missing { target: String },
    #[error("{target}: not a claimcheck archive ({reason})")]
    NotAnArchive { target: String, reason: String },
    #[error(
        "{target}: the archive has schema version {found}, newer than this claimcheck reads (up to {supported}); use a newer claimcheck"
    )]
    Newer {
        target: String,
        found: i64,
        supported: i64,
    },
    #[error("{target}: {message}")]
    Database { target: String, message: String },
    #[error("{target}: {path}: the stored claims no longer match the stored document ({detail}); re-index it")]
    Corrupt {
        target: String,
        path: String,
        detail: String,
    },
    #[error("{target}: this claimcheck was built without PostgreSQL support (cargo build --features postgres)")]
    NoPostgres { target: String },
}

/// What `put` did with one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Put {
    Added,
    Replaced,
    /// The stored copy has the same content hash: nothing was written.
    Unchanged,
}

/// A document to store with its claims, each claim as cells in
/// `CLAIM_COLUMNS` order (the `doc` column excepted).
#[derive(Debug, Clone)]
pub struct Entry {
    pub doc: DocRow,
    pub claims: Vec<Vec<Cell>>,
}

/// What a check asks the archive for: the claims of some lookup keys
/// (measure and holder), and the conversions between two units stated in
/// articles published within a span of days.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub lookups: Vec<String>,
    /// ("FROM>TO", first day, last day), days from the common era.
    pub conversions: Vec<(String, i64, i64)>,
}

/// A stored document, as fetched.
#[derive(Debug, Clone, PartialEq)]
pub struct Fetched {
    pub doc: DocRow,
    /// Its claims that answer the query, in stored order, as cells in
    /// `CLAIM_COLUMNS` order.
    pub claims: Vec<Vec<Cell>>,
}

/// The archive's size, for `claimcheck archive stats`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    pub backend: &'static str,
    pub schema_version: i64,
    pub documents: i64,
    pub claims: i64,
    pub keys: i64,
    pub sources: i64,
    /// Earliest and latest publication dates stored.
    pub published: Option<(String, String)>,
}

/// Storage for documents and claims. Every write is one transaction; every
/// read sees one consistent snapshot, whatever other runs write meanwhile.
pub trait Store {
    /// The archive as the user named it (a URL without its password).
    fn target(&self) -> &str;
    /// The content hashes stored for the documents of a path, by id (""
    /// for formats without ids).
    fn hashes(&mut self, path: &str) -> Result<BTreeMap<String, String>, ArchiveError>;
    /// Stores documents with their claims in one transaction: each replaces
    /// any stored document of the same path and id, unless its content
    /// hash is unchanged.
    fn put(&mut self, entries: &[Entry]) -> Result<Vec<Put>, ArchiveError>;
    /// Removes every document stored under a path (all rows of a JSONL
    /// file); returns how many.
    fn remove(&mut self, path: &str) -> Result<usize, ArchiveError>;
    fn stats(&mut self) -> Result<Stats, ArchiveError>;
    /// The stored claims that answer a query, with their documents, sorted
    /// by path and id; read in one snapshot, by index lookups only.
    fn fetch(&mut self, query: &Query) -> Result<Vec<Fetched>, ArchiveError>;
    /// Runs raw SQL; only the migration tests use it, to write an archive
    /// as an older claimcheck did.
    #[doc(hidden)]
    fn execute_raw(&mut self, sql: &str) -> Result<(), ArchiveError>;
}

/// How to open an archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Create it if there is none, and upgrade an older schema.
    Write,
    /// It must exist; an older schema is still upgraded.
    Read,
}

/// Opens the archive a target names: `postgres://` or `postgresql://` URLs
/// are PostgreSQL, anything else a SQLite file.
pub fn open(target: &str, mode: Mode) -> Result<Box<dyn Store>, ArchiveError> {
    if is_postgres(target) {
        return open_postgres(target, mode);
    }
    Ok(Box::new(sqlite::SqliteStore::open(target, mode)?))
}

pub fn is_postgres(target: &str) -> bool {
    target.starts_with("postgres://") || target.starts_with("postgresql://")
}

#[cfg(feature = "postgres")]
fn open_postgres(target: &str, mode: Mode) -> Result<Box<dyn Store>, ArchiveError> {
    Ok(Box::new(postgres::PgStore::open(target, mode)?))
}

#[cfg(not(feature = "postgres"))]
fn open_postgres(target: &str, _mode: Mode) -> Result<Box<dyn Store>, ArchiveError> {
    Err(ArchiveError::NoPostgres {
        target: redact(target),
    })
}

/// A target as messages show it: a URL's password replaced by `***`.
pub fn redact(target: &str) -> String {
    let Some((scheme, rest)) = target.split_once("://") else {
        return target.to_string();
    };
    let (auth, host) = match rest.rsplit_once('@') {
        Some(parts) => parts,
        None => return target.to_string(),
    };
    match auth.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => target.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_a_message() {
        assert_eq!(
            redact("postgres://ed:secret@127.0.0.1:5432/news"),
            "postgres://ed:***@127.0.0.1:5432/news"
        );
        assert_eq!(
            redact("postgres://127.0.0.1/news"),
            "postgres://127.0.0.1/news"
        );
        assert_eq!(redact("claims.db"), "claims.db");
        assert!(is_postgres("postgresql://x/y"));
        assert!(!is_postgres("archive/claims.db"));
    }
}
