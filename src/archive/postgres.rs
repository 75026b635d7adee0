//! The shared archive: PostgreSQL (the `postgres` crate, behind the
//! `postgres` feature), for a newsroom whose editors and CI jobs index and
//! check at once. Writers lock the documents they replace (`FOR UPDATE`)
//! and retry a transaction that lost a race (a serialization failure, a
//! deadlock, a row another run inserted first); a check reads in one
//! `REPEATABLE READ` snapshot.

use std::collections::{BTreeMap, HashMap};

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
        store.version = store.migrate(mode, VERSION)?;
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
        let mut read = |name: &str| -> Result<Option<String>, postgres::Error> {
            Ok(
                c.query_opt("SELECT value FROM meta WHERE name = $1", &[&name])?
                    .map(|r| r.get(0)),
            )
        };
        if read("application")?.as_deref() != Some(APPLICATION) {
            return Ok(Err(ArchiveError::NotAnArchive {
                target: target.to_string(),
                reason: "its meta table is not claimcheck's".into(),
            }));
        }
        let raw = read("schema_version")?.unwrap_or_default();
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

/// Stores the rows of a batch of documents (not their claims), locking
/// those already stored in one order; for each entry, its document id and
/// what was done, or None when its content hash is unchanged.
fn put_docs(
    tx: &mut Transaction<'_>,
    entries: &[Entry],
    order: &[usize],
) -> Result<Vec<Option<(i64, Put)>>, postgres::Error> {
    let docs: Vec<&DocRow> = order.iter().map(|&i| &entries[i].doc).collect();
    let paths: Vec<&str> = docs.iter().map(|d| d.path.as_str()).collect();
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let mut stored: HashMap<(String, String), (i64, String)> = HashMap::new();
    for r in tx.query(
        "SELECT d.id, d.path, d.doc_id, d.hash FROM documents d \
         JOIN unnest($1::text[], $2::text[]) AS k (path, doc_id) \
         ON d.path = k.path AND d.doc_id = k.doc_id \
         ORDER BY d.path, d.doc_id FOR UPDATE OF d",
        &[&paths, &ids],
    )? {
        stored.insert((r.get(1), r.get(2)), (r.get(0), r.get(3)));
    }
    let mut out: Vec<Option<(i64, Put)>> = vec![None; entries.len()];
    let old = |d: &DocRow| stored.get(&(d.path.clone(), d.id.clone()));
    let changed: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| old(&entries[i].doc).is_none_or(|(_, h)| *h != entries[i].doc.hash))
        .collect();
    let mut sources: Vec<(&str, &str)> = changed
        .iter()
        .map(|&i| (entries[i].doc.hash.as_str(), entries[i].doc.source.as_str()))
        .collect();
    sources.sort_unstable();
    sources.dedup_by_key(|s| s.0);
    let (hashes, texts): (Vec<&str>, Vec<&str>) = sources.into_iter().unzip();
    tx.execute(
        "INSERT INTO sources (hash, text) SELECT * FROM unnest($1::text[], $2::text[]) \
         ON CONFLICT (hash) DO NOTHING",
        &[&hashes, &texts],
    )?;
    let mut new = Vec::new();
    for &i in &changed {
        let d = &entries[i].doc;
        let Some((id, old_hash)) = old(d).cloned() else {
            new.push(i);
            continue;
        };
        tx.execute("DELETE FROM claims WHERE doc = $1", &[&id])?;
        tx.execute(
            "UPDATE documents SET hash = $1, format = $2, first_line = $3, title = $4, \
             published = $5, published_from = $6, published_estimate = $7, published_day = $8, \
             claim_count = $9 WHERE id = $10",
            &[
                &d.hash,
                &d.format,
                &d.first_line,
                &d.title,
                &d.published,
                &d.published_from,
                &d.published_estimate,
                &d.published_day,
                &d.claim_count,
                &id,
            ],
        )?;
        tx.execute(
            "DELETE FROM sources WHERE hash = $1 \
             AND NOT EXISTS (SELECT 1 FROM documents WHERE hash = $1)",
            &[&old_hash],
        )?;
        out[i] = Some((id, Put::Replaced));
    }
    if new.is_empty() {
        return Ok(out);
    }
    let col = |f: fn(&DocRow) -> Option<String>| -> Vec<Option<String>> {
        new.iter().map(|&i| f(&entries[i].doc)).collect()
    };
    let num = |f: fn(&DocRow) -> Option<i64>| -> Vec<Option<i64>> {
        new.iter().map(|&i| f(&entries[i].doc)).collect()
    };
    let rows = tx.query(
        "INSERT INTO documents (path, doc_id, hash, format, first_line, title, published, \
         published_from, published_estimate, published_day, claim_count) \
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int8[], \
         $6::text[], $7::text[], $8::text[], $9::int8[], $10::int8[], $11::int8[]) \
         RETURNING id, path, doc_id",
        &[
            &col(|d| Some(d.path.clone())),
            &col(|d| Some(d.id.clone())),
            &col(|d| Some(d.hash.clone())),
            &col(|d| Some(d.format.clone())),
            &num(|d| Some(d.first_line)),
            &col(|d| d.title.clone()),
            &col(|d| d.published.clone()),
            &col(|d| Some(d.published_from.clone())),
            &num(|d| d.published_estimate),
            &num(|d| d.published_day),
            &num(|d| Some(d.claim_count)),
        ],
    )?;
    let mut ids: HashMap<(String, String), i64> = rows
        .iter()
        .map(|r| ((r.get(1), r.get(2)), r.get(0)))
        .collect();
    for i in new {
        let d = &entries[i].doc;
        if let Some(id) = ids.remove(&(d.path.clone(), d.id.clone())) {
            out[i] = Some((id, Put::Added));
        }
    }
    Ok(out)
}

impl Store for PgStore {
    fn target(&self) -> &str {
        &self.target
    }

    fn hashes(&mut self, path: &str) -> Result<BTreeMap<String, String>, ArchiveError> {
        self.client
            .query(
                "SELECT doc_id, hash FROM documents WHERE path = $1",
                &[&path],
            )
            .map(|rows| rows.iter().map(|r| (r.get(0), r.get(1))).collect())
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
            for (i, put) in put_docs(tx, entries, &order)?.into_iter().enumerate() {
                if let Some((id, put)) = put {
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
