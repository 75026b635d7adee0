//! The shared archive: PostgreSQL (the `postgres` crate, behind the
//! `postgres` feature), for a newsroom whose editors and CI jobs index and
//! check at once. Writers lock the documents they replace (`FOR UPDATE`)
//! and retry a transaction that lost a race (a serialization failure, a
//! deadlock, a row another run inserted first); a check reads in one
//! `REPEATABLE READ` snapshot.

use std::collections::BTreeMap;

use postgres::binary_copy::BinaryCopyInWriter;
use postgres::error::SqlState;
use postgres::types::{to_sql_checked, IsNull, ToSql, Type};
use postgres::{Client, IsolationLevel, NoTls, Row, Transaction};

use super::rows::{claim_columns, Cell, DocRow, Ty};
use super::schema::{self, Dialect, Plan, APPLICATION, VERSION};
use super::{redact, ArchiveError, Entry, Fetched, Mode, Put, Query, Stats, Store};

pub struct PgStore {
    client: Client,
    target: String,
    version: i64,
}

impl ToSql for Cell {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self {
            Cell::Null => Ok(IsNull::Yes),
            Cell::Int(x) => x.to_sql(ty, out),
            Cell::Real(x) => x.to_sql(ty, out),
            Cell::Text(s) => s.as_str().to_sql(ty, out),
        }
    }

    fn accepts(ty: &Type) -> bool {
        matches!(*ty, Type::INT8 | Type::FLOAT8 | Type::TEXT | Type::VARCHAR)
    }

    to_sql_checked!();
}

/// Runs taking the migration lock (one number for every claimcheck).
const MIGRATION_LOCK: i64 = 0x0063_6c61_696d_636b; // "claimck"

/// How often a transaction that lost a race is tried again.
const TRIES: usize = 20;

const DOC_COLUMNS: &str =
    "d.id, d.path, d.doc_id, d.hash, d.format, d.first_line, d.title, d.published, \
     d.published_from, d.published_estimate, d.published_day, d.claim_count, s.text";

fn retryable(e: &postgres::Error) -> bool {
    e.code().is_some_and(|c| {
        [
            SqlState::T_R_SERIALIZATION_FAILURE,
            SqlState::T_R_DEADLOCK_DETECTED,
            SqlState::UNIQUE_VIOLATION,
            SqlState::FOREIGN_KEY_VIOLATION,
        ]
        .contains(c)
    })
}

impl PgStore {
    pub fn open(url: &str, mode: Mode) -> Result<Self, ArchiveError> {
        let target = redact(url);
        let client = Client::connect(url, NoTls).map_err(|e| ArchiveError::Open {
            target: target.clone(),
            message: e.to_string(),
        })?;
        let mut store = PgStore {
            client,
            target,
            version: 0,
        };
        let want = match mode {
            Mode::CreateAt(v) => v,
            _ => VERSION,
        };
        store.version = store.migrate(mode, want)?;
        Ok(store)
    }

    fn err(&self, e: postgres::Error) -> ArchiveError {
        let message = match e.as_db_error() {
            Some(db) => db.message().to_string(),
            None => e.to_string(),
        };
        ArchiveError::Database {
            target: self.target.clone(),
            message,
        }
    }

    fn found_version(
        target: &str,
        c: &mut impl postgres::GenericClient,
    ) -> Result<Result<Option<i64>, ArchiveError>, postgres::Error> {
        let has_meta: bool = c
            .query_one("SELECT to_regclass('meta') IS NOT NULL", &[])?
            .get(0);
        if !has_meta {
            let ours: bool = c
                .query_one(
                    "SELECT to_regclass('documents') IS NOT NULL OR to_regclass('claims') IS NOT NULL",
                    &[],
                )?
                .get(0);
            if ours {
                return Ok(Err(ArchiveError::NotAnArchive {
                    target: target.to_string(),
                    reason: "it has documents or claims tables but no claimcheck meta table".into(),
                }));
            }
            return Ok(Ok(None));
        }
        let get =
            |c: &mut dyn FnMut(&str) -> Result<Option<String>, postgres::Error>, n: &str| c(n);
        let mut read = |name: &str| -> Result<Option<String>, postgres::Error> {
            Ok(
                c.query_opt("SELECT value FROM meta WHERE name = $1", &[&name])?
                    .map(|r| r.get(0)),
            )
        };
        if get(&mut read, "application")?.as_deref() != Some(APPLICATION) {
            return Ok(Err(ArchiveError::NotAnArchive {
                target: target.to_string(),
                reason: "its meta table is not claimcheck's".into(),
            }));
        }
        let raw = get(&mut read, "schema_version")?.unwrap_or_default();
        Ok(raw
            .parse()
            .map(Some)
            .map_err(|_| ArchiveError::NotAnArchive {
                target: target.to_string(),
                reason: format!("schema version '{raw}' is not a number"),
            }))
    }

    fn migrate(&mut self, mode: Mode, want: i64) -> Result<i64, ArchiveError> {
        let target = self.target.clone();
        let found =
            PgStore::found_version(&target, &mut self.client).map_err(|e| self.err(e))??;
        match schema::plan(found, want) {
            Plan::Current => return Ok(found.unwrap_or(0)),
            Plan::Newer(v) => return Err(self.newer(v)),
            Plan::Upgrade(_) if found.is_none() && mode == Mode::Read => {
                return Err(ArchiveError::Missing { target })
            }
            Plan::Upgrade(_) => {}
        }
        let result = (|| -> Result<Result<i64, ArchiveError>, postgres::Error> {
            let mut tx = self.client.transaction()?;
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
            let found = match PgStore::found_version(&target, &mut tx)? {
                Ok(v) => v,
                Err(e) => return Ok(Err(e)),
            };
            let steps = match schema::plan(found, want) {
                Plan::Current => Vec::new(),
                Plan::Newer(v) => {
                    return Ok(Err(ArchiveError::Newer {
                        target: target.clone(),
                        found: v,
                        supported: VERSION,
                    }))
                }
                Plan::Upgrade(steps) => steps,
            };
            for v in steps {
                for sql in schema::migration(Dialect::Postgres, v) {
                    tx.batch_execute(&sql)?;
                }
            }
            tx.commit()?;
            Ok(Ok(want))
        })();
        result.map_err(|e| self.err(e))?
    }

    fn newer(&self, found: i64) -> ArchiveError {
        ArchiveError::Newer {
            target: self.target.clone(),
            found,
            supported: VERSION,
        }
    }

    /// Runs a write transaction until it does not lose a race.
    fn retrying<T>(
        &mut self,
        mut f: impl FnMut(&mut Transaction<'_>) -> Result<T, postgres::Error>,
    ) -> Result<T, ArchiveError> {
        let mut tries = 0;
        loop {
            let result = self.client.transaction().and_then(|mut tx| {
                let out = f(&mut tx)?;
                tx.commit()?;
                Ok(out)
            });
            match result {
                Err(e) if retryable(&e) && tries + 1 < TRIES => tries += 1,
                other => return other.map_err(|e| self.err(e)),
            }
        }
    }
}

fn column_type(ty: Ty) -> Type {
    match ty {
        Ty::Int => Type::INT8,
        Ty::Real => Type::FLOAT8,
        Ty::Text => Type::TEXT,
    }
}

fn read_cells(row: &Row, from: usize, version: i64) -> Result<Vec<Cell>, postgres::Error> {
    claim_columns(version)
        .iter()
        .enumerate()
        .map(|(i, (_, ty))| {
            let i = from + i;
            Ok(match ty {
                Ty::Int => row
                    .try_get::<_, Option<i64>>(i)?
                    .map_or(Cell::Null, Cell::Int),
                Ty::Real => row
                    .try_get::<_, Option<f64>>(i)?
                    .map_or(Cell::Null, Cell::Real),
                Ty::Text => row
                    .try_get::<_, Option<String>>(i)?
                    .map_or(Cell::Null, Cell::Text),
            })
        })
        .collect()
}

fn doc_row(row: &Row) -> Result<DocRow, postgres::Error> {
    Ok(DocRow {
        path: row.try_get(1)?,
        id: row.try_get(2)?,
        hash: row.try_get(3)?,
        format: row.try_get(4)?,
        first_line: row.try_get(5)?,
        title: row.try_get(6)?,
        published: row.try_get(7)?,
        published_from: row.try_get(8)?,
        published_estimate: row.try_get(9)?,
        published_day: row.try_get(10)?,
        claim_count: row.try_get(11)?,
        source: row.try_get(12)?,
    })
}

/// Stores one document's row (not its claims); None when unchanged.
fn put_doc(tx: &mut Transaction<'_>, d: &DocRow) -> Result<Option<(i64, Put)>, postgres::Error> {
    let old = tx.query_opt(
        "SELECT id, hash FROM documents WHERE path = $1 AND doc_id = $2 FOR UPDATE",
        &[&d.path, &d.id],
    )?;
    let old: Option<(i64, String)> = old.map(|r| (r.get(0), r.get(1)));
    if old.as_ref().is_some_and(|(_, h)| *h == d.hash) {
        return Ok(None);
    }
    tx.execute(
        "INSERT INTO sources (hash, text) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING",
        &[&d.hash, &d.source],
    )?;
    let values: [&(dyn ToSql + Sync); 11] = [
        &d.path,
        &d.id,
        &d.hash,
        &d.format,
        &d.first_line,
        &d.title,
        &d.published,
        &d.published_from,
        &d.published_estimate,
        &d.published_day,
        &d.claim_count,
    ];
    match old {
        Some((id, old_hash)) => {
            tx.execute("DELETE FROM claims WHERE doc = $1", &[&id])?;
            let mut with_id: Vec<&(dyn ToSql + Sync)> = values.to_vec();
            with_id.push(&id);
            tx.execute(
                "UPDATE documents SET path = $1, doc_id = $2, hash = $3, format = $4, first_line = $5, \
                 title = $6, published = $7, published_from = $8, published_estimate = $9, \
                 published_day = $10, claim_count = $11 WHERE id = $12",
                &with_id,
            )?;
            tx.execute(
                "DELETE FROM sources WHERE hash = $1 \
                 AND NOT EXISTS (SELECT 1 FROM documents WHERE hash = $1)",
                &[&old_hash],
            )?;
            Ok(Some((id, Put::Replaced)))
        }
        None => {
            let row = tx.query_one(
                "INSERT INTO documents (path, doc_id, hash, format, first_line, title, published, \
                 published_from, published_estimate, published_day, claim_count) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
                &values,
            )?;
            Ok(Some((row.get(0), Put::Added)))
        }
    }
}

impl Store for PgStore {
    fn target(&self) -> &str {
        &self.target
    }

    fn hash_of(&mut self, path: &str, id: &str) -> Result<Option<String>, ArchiveError> {
        self.client
            .query_opt(
                "SELECT hash FROM documents WHERE path = $1 AND doc_id = $2",
                &[&path, &id],
            )
            .map(|r| r.map(|r| r.get(0)))
            .map_err(|e| self.err(e))
    }

    fn put(&mut self, entries: &[Entry]) -> Result<Vec<Put>, ArchiveError> {
        let version = self.version;
        let columns = claim_columns(version);
        let names: Vec<&str> = columns.iter().map(|c| c.0).collect();
        let copy = format!("COPY claims (doc, {}) FROM STDIN BINARY", names.join(", "));
        let types: Vec<Type> = std::iter::once(Type::INT8)
            .chain(columns.iter().map(|c| column_type(c.1)))
            .collect();
        // Documents are locked in one order, so two runs wait for each
        // other rather than deadlock.
        let mut order: Vec<usize> = (0..entries.len()).collect();
        order.sort_by(|&a, &b| {
            let key = |i: usize| (&entries[i].doc.path, &entries[i].doc.id);
            key(a).cmp(&key(b))
        });
        self.retrying(|tx| {
            let mut done = vec![Put::Unchanged; entries.len()];
            let mut written: Vec<(i64, usize)> = Vec::new();
            for &i in &order {
                if let Some((id, put)) = put_doc(tx, &entries[i].doc)? {
                    done[i] = put;
                    written.push((id, i));
                }
            }
            if written.iter().any(|&(_, i)| !entries[i].claims.is_empty()) {
                let sink = tx.copy_in(copy.as_str())?;
                let mut writer = BinaryCopyInWriter::new(sink, &types);
                for &(id, i) in &written {
                    let doc = Cell::Int(id);
                    for cells in &entries[i].claims {
                        let row: Vec<&(dyn ToSql + Sync)> =
                            std::iter::once(&doc as &(dyn ToSql + Sync))
                                .chain(cells.iter().map(|c| c as &(dyn ToSql + Sync)))
                                .collect();
                        writer.write(&row)?;
                    }
                }
                writer.finish()?;
            }
            Ok(done)
        })
    }

    fn remove(&mut self, path: &str) -> Result<usize, ArchiveError> {
        self.retrying(|tx| {
            let hashes: Vec<String> = tx
                .query(
                    "SELECT DISTINCT hash FROM documents WHERE path = $1 ORDER BY hash",
                    &[&path],
                )?
                .iter()
                .map(|r| r.get(0))
                .collect();
            let n = tx.execute("DELETE FROM documents WHERE path = $1", &[&path])?;
            for h in &hashes {
                tx.execute(
                    "DELETE FROM sources WHERE hash = $1 \
                     AND NOT EXISTS (SELECT 1 FROM documents WHERE hash = $1)",
                    &[h],
                )?;
            }
            Ok(n as usize)
        })
    }

    fn stats(&mut self) -> Result<Stats, ArchiveError> {
        let version = self.version;
        let result = (|| -> Result<Stats, postgres::Error> {
            let mut tx = self
                .client
                .build_transaction()
                .isolation_level(IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()?;
            let mut count =
                |sql: &str| -> Result<i64, postgres::Error> { Ok(tx.query_one(sql, &[])?.get(0)) };
            let documents = count("SELECT COUNT(*) FROM documents")?;
            let claims = count("SELECT COUNT(*) FROM claims")?;
            let keys = count("SELECT COUNT(DISTINCT lookup) FROM claims")?;
            let sources = count("SELECT COUNT(*) FROM sources")?;
            let row = tx.query_one("SELECT MIN(published), MAX(published) FROM documents", &[])?;
            let published: (Option<String>, Option<String>) = (row.get(0), row.get(1));
            tx.commit()?;
            Ok(Stats {
                backend: "postgres",
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
        let result = (|| -> Result<Vec<Fetched>, postgres::Error> {
            let mut tx = self
                .client
                .build_transaction()
                .isolation_level(IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()?;
            let mut found: BTreeMap<i64, BTreeMap<i64, Vec<Cell>>> = BTreeMap::new();
            let mut keep = |rows: Vec<Row>| -> Result<(), postgres::Error> {
                for row in rows {
                    let doc: i64 = row.try_get(0)?;
                    let cells = read_cells(&row, 1, version)?;
                    let seq = match cells.first() {
                        Some(Cell::Int(s)) => *s,
                        _ => 0,
                    };
                    found.entry(doc).or_default().insert(seq, cells);
                }
                Ok(())
            };
            if !query.lookups.is_empty() {
                let rows = tx.query(
                    &format!("SELECT doc, {columns} FROM claims WHERE lookup = ANY($1)"),
                    &[&query.lookups],
                )?;
                keep(rows)?;
            }
            if version >= 2 {
                for (pair, lo, hi) in &query.conversions {
                    let rows = tx.query(
                        &format!(
                            "SELECT doc, {columns} FROM claims \
                             WHERE conv_pair = $1 AND published_day BETWEEN $2 AND $3"
                        ),
                        &[pair, lo, hi],
                    )?;
                    keep(rows)?;
                }
            }
            let ids: Vec<i64> = found.keys().copied().collect();
            let mut docs: BTreeMap<i64, DocRow> = BTreeMap::new();
            if !ids.is_empty() {
                for row in tx.query(
                    &format!(
                        "SELECT {DOC_COLUMNS} FROM documents d JOIN sources s ON s.hash = d.hash \
                         WHERE d.id = ANY($1)"
                    ),
                    &[&ids],
                )? {
                    docs.insert(row.try_get(0)?, doc_row(&row)?);
                }
            }
            tx.commit()?;
            let mut out: Vec<Fetched> = found
                .into_iter()
                .filter_map(|(id, claims)| {
                    Some(Fetched {
                        doc: docs.remove(&id)?,
                        claims: claims.into_values().collect(),
                    })
                })
                .collect();
            out.sort_by(|a, b| (&a.doc.path, &a.doc.id).cmp(&(&b.doc.path, &b.doc.id)));
            Ok(out)
        })();
        result.map_err(|e| self.err(e))
    }

    fn execute_raw(&mut self, sql: &str) -> Result<(), ArchiveError> {
        self.client.batch_execute(sql).map_err(|e| self.err(e))
    }
}
