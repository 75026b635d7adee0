//! The embedded archive: one SQLite file (rusqlite, bundled), in WAL mode
//! so a check reads a consistent snapshot while an index run writes, and
//! writers take turns (`BEGIN IMMEDIATE`, waiting up to a minute for
//! each other) instead of failing.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use rusqlite::types::{ToSqlOutput, Value as SqlValue, ValueRef};
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, ToSql};

use super::rows::{claim_columns, Cell, DocRow, Ty};
use super::schema::{self, Dialect, Plan, APPLICATION, VERSION};
use super::{ArchiveError, Entry, Fetched, Mode, Put, Query, Stats, Store};

pub struct SqliteStore {
    conn: Connection,
    target: String,
    version: i64,
}

impl ToSql for Cell {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Cell::Null => ToSqlOutput::Owned(SqlValue::Null),
            Cell::Int(x) => ToSqlOutput::Owned(SqlValue::Integer(*x)),
            Cell::Real(x) => ToSqlOutput::Owned(SqlValue::Real(*x)),
            Cell::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        })
    }
}

const DOC_COLUMNS: &str =
    "d.path, d.doc_id, d.hash, d.format, d.first_line, d.title, d.published, \
     d.published_from, d.published_estimate, d.published_day, d.claim_count, s.text";

impl SqliteStore {
    pub fn open(target: &str, mode: Mode) -> Result<Self, ArchiveError> {
        let exists = Path::new(target).exists();
        if mode == Mode::Read && !exists {
            return Err(ArchiveError::Missing {
                target: target.to_string(),
            });
        }
        let flags = if mode == Mode::Read {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::default()
        };
        let conn = Connection::open_with_flags(target, flags).map_err(|e| ArchiveError::Open {
            target: target.to_string(),
            message: e.to_string(),
        })?;
        let mut store = SqliteStore {
            conn,
            target: target.to_string(),
            version: 0,
        };
        store.configure()?;
        store.version = store.migrate(mode, VERSION)?;
        Ok(store)
    }

    fn err(&self, e: rusqlite::Error) -> ArchiveError {
        if e.sqlite_error_code() == Some(ErrorCode::NotADatabase) {
            return ArchiveError::NotAnArchive {
                target: self.target.clone(),
                reason: "not an SQLite database".into(),
            };
        }
        ArchiveError::Database {
            target: self.target.clone(),
            message: e.to_string(),
        }
    }

    fn configure(&mut self) -> Result<(), ArchiveError> {
        self.conn
            .busy_timeout(Duration::from_secs(60))
            .map_err(|e| self.err(e))?;
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(ArchiveError::Open {
                target: self.target.clone(),
                message: format!("cannot use write-ahead logging (journal mode is {mode})"),
            });
        }
        self.conn
            .execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
            .map_err(|e| self.err(e))
    }

    /// The version the archive is at (None: no tables), checking it is a
    /// claimcheck archive.
    fn found_version(&self) -> Result<Option<i64>, ArchiveError> {
        let tables: Vec<String> = self
            .conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(|e| self.err(e))?;
        if tables.is_empty() {
            return Ok(None);
        }
        if !tables.iter().any(|t| t == "meta") {
            return Err(ArchiveError::NotAnArchive {
                target: self.target.clone(),
                reason: "an SQLite database without claimcheck's tables".into(),
            });
        }
        let get = |name: &str| -> Result<Option<String>, ArchiveError> {
            self.conn
                .query_row("SELECT value FROM meta WHERE name = ?1", [name], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(|e| self.err(e))
        };
        if get("application")?.as_deref() != Some(APPLICATION) {
            return Err(ArchiveError::NotAnArchive {
                target: self.target.clone(),
                reason: "its meta table is not claimcheck's".into(),
            });
        }
        let raw = get("schema_version")?.unwrap_or_default();
        raw.parse()
            .map(Some)
            .map_err(|_| ArchiveError::NotAnArchive {
                target: self.target.clone(),
                reason: format!("schema version '{raw}' is not a number"),
            })
    }

    /// Brings the archive to version `want`: read without a lock first, and
    /// only an archive that needs migrating takes the write lock (and looks
    /// again, since another run may have migrated it meanwhile).
    fn migrate(&mut self, mode: Mode, want: i64) -> Result<i64, ArchiveError> {
        let found = self.found_version()?;
        match schema::plan(found, want) {
            Plan::Current => return Ok(found.unwrap_or(0)),
            Plan::Newer(v) => return Err(self.newer(v)),
            Plan::Upgrade(_) if found.is_none() && mode == Mode::Read => {
                return Err(ArchiveError::Missing {
                    target: self.target.clone(),
                })
            }
            Plan::Upgrade(_) => {}
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| ArchiveError::Database {
                target: self.target.clone(),
                message: e.to_string(),
            })?;
        // Looked at again under the lock.
        let store = SqliteStore::found_version_in(&tx, &self.target)?;
        let steps = match schema::plan(store, want) {
            Plan::Current => Vec::new(),
            Plan::Newer(v) => {
                return Err(ArchiveError::Newer {
                    target: self.target.clone(),
                    found: v,
                    supported: VERSION,
                })
            }
            Plan::Upgrade(steps) => steps,
        };
        for v in steps {
            for sql in schema::migration(Dialect::Sqlite, v) {
                tx.execute_batch(&sql).map_err(|e| ArchiveError::Database {
                    target: self.target.clone(),
                    message: format!("upgrading to schema version {v}: {e}"),
                })?;
            }
        }
        tx.commit().map_err(|e| ArchiveError::Database {
            target: self.target.clone(),
            message: e.to_string(),
        })?;
        Ok(want)
    }

    fn found_version_in(
        tx: &rusqlite::Transaction<'_>,
        target: &str,
    ) -> Result<Option<i64>, ArchiveError> {
        let raw: Option<String> = tx
            .query_row(
                "SELECT value FROM meta WHERE name = 'schema_version'",
                [],
                |r| r.get(0),
            )
            .optional()
            .or_else(|e| match e {
                // No meta table yet: a new archive.
                rusqlite::Error::SqliteFailure(_, Some(ref m)) if m.contains("no such table") => {
                    Ok(None)
                }
                e => Err(e),
            })
            .map_err(|e| ArchiveError::Database {
                target: target.to_string(),
                message: e.to_string(),
            })?;
        Ok(raw.and_then(|r| r.parse().ok()))
    }

    fn newer(&self, found: i64) -> ArchiveError {
        ArchiveError::Newer {
            target: self.target.clone(),
            found,
            supported: VERSION,
        }
    }

    fn read_cells(
        row: &rusqlite::Row<'_>,
        from: usize,
        version: i64,
    ) -> rusqlite::Result<Vec<Cell>> {
        claim_columns(version)
            .iter()
            .enumerate()
            .map(|(i, (_, ty))| {
                let i = from + i;
                Ok(match ty {
                    Ty::Int => row.get::<_, Option<i64>>(i)?.map_or(Cell::Null, Cell::Int),
                    Ty::Real => row.get::<_, Option<f64>>(i)?.map_or(Cell::Null, Cell::Real),
                    Ty::Text => row
                        .get::<_, Option<String>>(i)?
                        .map_or(Cell::Null, Cell::Text),
                })
            })
            .collect()
    }

    fn doc_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<DocRow> {
        Ok(DocRow {
            path: row.get(0)?,
            id: row.get(1)?,
            hash: row.get(2)?,
            format: row.get(3)?,
            first_line: row.get(4)?,
            title: row.get(5)?,
            published: row.get(6)?,
            published_from: row.get(7)?,
            published_estimate: row.get(8)?,
            published_day: row.get(9)?,
            claim_count: row.get(10)?,
            source: row.get(11)?,
        })
    }

    fn put_one(
        tx: &rusqlite::Transaction<'_>,
        e: &Entry,
        insert_claim: &str,
    ) -> rusqlite::Result<Put> {
        let d = &e.doc;
        let old: Option<(i64, String)> = tx
            .prepare_cached("SELECT id, hash FROM documents WHERE path = ?1 AND doc_id = ?2")?
            .query_row(params![d.path, d.id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        if old.as_ref().is_some_and(|(_, h)| *h == d.hash) {
            return Ok(Put::Unchanged);
        }
        tx.prepare_cached("INSERT OR IGNORE INTO sources (hash, text) VALUES (?1, ?2)")?
            .execute(params![d.hash, d.source])?;
        let values = params![
            d.path,
            d.id,
            d.hash,
            d.format,
            d.first_line,
            d.title,
            d.published,
            d.published_from,
            d.published_estimate,
            d.published_day,
            d.claim_count
        ];
        let id = match &old {
            Some((id, _)) => {
                tx.prepare_cached("DELETE FROM claims WHERE doc = ?1")?
                    .execute([id])?;
                tx.prepare_cached(
                    "UPDATE documents SET path = ?1, doc_id = ?2, hash = ?3, format = ?4, first_line = ?5, \
                     title = ?6, published = ?7, published_from = ?8, published_estimate = ?9, \
                     published_day = ?10, claim_count = ?11 WHERE id = ?12",
                )?
                .execute(rusqlite::params_from_iter(values.iter().copied().chain([id as &dyn ToSql])))?;
                *id
            }
            None => {
                tx.prepare_cached(
                    "INSERT INTO documents (path, doc_id, hash, format, first_line, title, published, \
                     published_from, published_estimate, published_day, claim_count) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                )?
                .execute(values)?;
                tx.last_insert_rowid()
            }
        };
        let mut insert = tx.prepare_cached(insert_claim)?;
        for cells in &e.claims {
            let doc = Cell::Int(id);
            insert.execute(rusqlite::params_from_iter(
                std::iter::once(&doc).chain(cells),
            ))?;
        }
        match old {
            Some((_, old_hash)) => {
                forget_source(tx, &old_hash)?;
                Ok(Put::Replaced)
            }
            None => Ok(Put::Added),
        }
    }
}

/// Deletes a source no document refers to any more.
fn forget_source(tx: &rusqlite::Transaction<'_>, hash: &str) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "DELETE FROM sources WHERE hash = ?1 AND NOT EXISTS (SELECT 1 FROM documents WHERE hash = ?1)",
    )?
    .execute([hash])?;
    Ok(())
}

fn insert_claim_sql(version: i64) -> String {
    let columns = claim_columns(version);
    let names: Vec<&str> = columns.iter().map(|c| c.0).collect();
    let marks: Vec<String> = (1..=columns.len() + 1).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO claims (doc, {}) VALUES ({})",
        names.join(", "),
        marks.join(", ")
    )
}

impl Store for SqliteStore {
    fn target(&self) -> &str {
        &self.target
    }

    fn hashes(&mut self, path: &str) -> Result<BTreeMap<String, String>, ArchiveError> {
        self.conn
            .prepare_cached("SELECT doc_id, hash FROM documents WHERE path = ?1")
            .and_then(|mut s| {
                s.query_map([path], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect()
            })
            .map_err(|e| self.err(e))
    }

    fn put(&mut self, entries: &[Entry]) -> Result<Vec<Put>, ArchiveError> {
        let insert = insert_claim_sql(self.version);
        let result = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let mut done = Vec::with_capacity(entries.len());
            for e in entries {
                done.push(SqliteStore::put_one(&tx, e, &insert)?);
            }
            tx.commit()?;
            Ok(done)
        })();
        result.map_err(|e| self.err(e))
    }

    fn remove(&mut self, path: &str) -> Result<usize, ArchiveError> {
        let result = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let hashes: Vec<String> = tx
                .prepare("SELECT DISTINCT hash FROM documents WHERE path = ?1")?
                .query_map([path], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let n = tx.execute("DELETE FROM documents WHERE path = ?1", [path])?;
            for h in &hashes {
                forget_source(&tx, h)?;
            }
            tx.commit()?;
            Ok(n)
        })();
        result.map_err(|e| self.err(e))
    }

    fn stats(&mut self) -> Result<Stats, ArchiveError> {
        let version = self.version;
        let result = (|| {
            let tx = self.conn.transaction()?;
            let count = |sql: &str| tx.query_row(sql, [], |r| r.get::<_, i64>(0));
            let documents = count("SELECT COUNT(*) FROM documents")?;
            let claims = count("SELECT COUNT(*) FROM claims")?;
            let keys = count("SELECT COUNT(*) FROM (SELECT DISTINCT lookup FROM claims)")?;
            let sources = count("SELECT COUNT(*) FROM sources")?;
            let published: (Option<String>, Option<String>) = tx.query_row(
                "SELECT MIN(published), MAX(published) FROM documents",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            tx.commit()?;
            Ok(Stats {
                backend: "sqlite",
                schema_version: version,
                documents,
                claims,
                keys,
                sources,
                published: published.0.zip(published.1),
            })
        })();
        result.map_err(|e| self.err(e))
    }

    fn fetch(&mut self, query: &Query) -> Result<Vec<Fetched>, ArchiveError> {
        let version = self.version;
        let names: Vec<&str> = claim_columns(version).iter().map(|c| c.0).collect();
        let columns = names.join(", ");
        let result = (|| {
            // One read transaction: one snapshot of the WAL for every lookup.
            let tx = self.conn.transaction()?;
            let mut found: BTreeMap<i64, BTreeMap<i64, Vec<Cell>>> = BTreeMap::new();
            let mut keep = |row: &rusqlite::Row<'_>| -> rusqlite::Result<()> {
                let doc: i64 = row.get(0)?;
                let cells = SqliteStore::read_cells(row, 1, version)?;
                let seq = match cells.first() {
                    Some(Cell::Int(s)) => *s,
                    _ => 0,
                };
                found.entry(doc).or_default().insert(seq, cells);
                Ok(())
            };
            {
                let mut by_key = tx.prepare_cached(&format!(
                    "SELECT doc, {columns} FROM claims WHERE lookup = ?1"
                ))?;
                for key in &query.lookups {
                    let mut rows = by_key.query([key])?;
                    while let Some(row) = rows.next()? {
                        keep(row)?;
                    }
                }
            }
            if version >= 2 {
                let mut by_pair = tx.prepare_cached(&format!(
                    "SELECT doc, {columns} FROM claims \
                     WHERE conv_pair = ?1 AND published_day BETWEEN ?2 AND ?3"
                ))?;
                for (pair, lo, hi) in &query.conversions {
                    let mut rows = by_pair.query(params![pair, lo, hi])?;
                    while let Some(row) = rows.next()? {
                        keep(row)?;
                    }
                }
            }
            let mut out = Vec::with_capacity(found.len());
            {
                let mut doc = tx.prepare_cached(&format!(
                    "SELECT {DOC_COLUMNS} FROM documents d JOIN sources s ON s.hash = d.hash WHERE d.id = ?1"
                ))?;
                for (id, claims) in found {
                    let row = doc.query_row([id], SqliteStore::doc_row)?;
                    out.push(Fetched {
                        doc: row,
                        claims: claims.into_values().collect(),
                    });
                }
            }
            tx.commit()?;
            out.sort_by(|a, b| (&a.doc.path, &a.doc.id).cmp(&(&b.doc.path, &b.doc.id)));
            Ok(out)
        })();
        result.map_err(|e| self.err(e))
    }

    fn execute_raw(&mut self, sql: &str) -> Result<(), ArchiveError> {
        self.conn.execute_batch(sql).map_err(|e| self.err(e))
    }
}
