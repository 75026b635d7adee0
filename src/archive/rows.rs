//! What the archive stores for a document and for each of its claims, as
//! plain cells (integers, reals, text) both backends bind and read the same
//! way, and the conversions from an analyzed document and its claims to
//! rows and back. The columns are listed once, here.

use chrono::Datelike;

use crate::claims::{Claim, ClaimValue, Role, Sureness};
use crate::document::Analyzed;
use crate::link::{holder_measure_key, subject_key};
use crate::model::{Evidence, Modality};
use crate::report::check_json::quote;
use crate::rules::FrameKind;
use crate::values::{Interval, ValueKind};

/// One stored value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

/// A column's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Int,
    Real,
    Text,
}

/// The columns of a stored claim after its document's id, in order.
pub const CLAIM_COLUMNS: &[(&str, Ty)] = &[
    ("seq", Ty::Int),
    ("claim_key", Ty::Text),
    ("lookup", Ty::Text),
    ("frame", Ty::Text),
    ("kind", Ty::Text),
    ("predicate", Ty::Text),
    ("subject", Ty::Text),
    ("label", Ty::Text),
    ("period_start", Ty::Real),
    ("period_end", Ty::Real),
    ("period_text", Ty::Text),
    ("base_start", Ty::Real),
    ("base_end", Ty::Real),
    ("value_type", Ty::Text),
    ("lo", Ty::Real),
    ("hi", Ty::Real),
    ("open_ends", Ty::Int),
    ("unit", Ty::Text),
    ("value_label", Ty::Text),
    ("value_text", Ty::Text),
    ("value_kind", Ty::Text),
    ("modality", Ty::Text),
    ("holder", Ty::Text),
    ("measure", Ty::Text),
    ("role", Ty::Text),
    ("sure", Ty::Int),
    ("restates_lo", Ty::Real),
    ("restates_hi", Ty::Real),
    ("restates_open", Ty::Int),
    ("restates_unit", Ty::Text),
    ("cue", Ty::Text),
    ("dated_outright", Ty::Int),
    ("ev_start", Ty::Int),
    ("ev_end", Ty::Int),
    ("sentence_start", Ty::Int),
    ("sentence_end", Ty::Int),
    ("ev_value", Ty::Text),
    ("line", Ty::Int),
    ("col", Ty::Int),
    ("quote", Ty::Text),
    // Schema version 2: conversions are looked up by currency pair and day.
    ("conv_pair", Ty::Text),
    ("published_day", Ty::Int),
];

/// How many claim columns a schema version has.
pub fn claim_columns(version: i64) -> &'static [(&'static str, Ty)] {
    if version >= 2 {
        CLAIM_COLUMNS
    } else {
        &CLAIM_COLUMNS[..CLAIM_COLUMNS.len() - 2]
    }
}

/// A stored document: who it is, its content hash, its publication date
/// and its source (the part of the file it was read from, so evidence is
/// quoted and placed exactly as when it was indexed).
#[derive(Debug, Clone, PartialEq)]
pub struct DocRow {
    pub path: String,
    /// The JSONL row's id; empty for other formats.
    pub id: String,
    pub hash: String,
    pub format: String,
    /// The line of its file the source starts on (a JSONL row's line).
    pub first_line: i64,
    pub title: Option<String>,
    pub published: Option<String>,
    pub published_from: String,
    pub published_estimate: Option<i64>,
    /// The publication date as days from the common era.
    pub published_day: Option<i64>,
    pub claim_count: i64,
    pub source: String,
}

/// A publication date as the archive counts days.
pub fn day_of(date: chrono::NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

/// "USD>GBP": the units a conversion converts between.
pub fn conversion_pair(c: &Claim) -> Option<String> {
    let (_, from) = c.restates.as_ref()?;
    match &c.value {
        ClaimValue::Number { unit, .. } if unit != from => Some(format!("{from}>{unit}")),
        _ => None,
    }
}

const SEP: char = '\u{1f}';

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn opt_text(s: Option<&str>) -> Cell {
    s.map_or(Cell::Null, text)
}

fn opt_real(x: Option<f64>) -> Cell {
    x.map_or(Cell::Null, Cell::Real)
}

fn int(x: usize) -> Cell {
    Cell::Int(x as i64)
}

fn open_bits(i: &Interval) -> i64 {
    i64::from(i.lo_open) | (i64::from(i.hi_open) << 1)
}

/// A claim of an analyzed document as cells in `CLAIM_COLUMNS` order.
pub fn claim_cells(seq: usize, c: &Claim, a: &Analyzed) -> Vec<Cell> {
    let e = &c.evidence;
    let (line, col) = a.doc.position(e.start);
    let (value_type, number, unit, label) = match &c.value {
        ClaimValue::Number { interval, unit } => {
            ("number", Some(*interval), Some(unit.as_str()), None)
        }
        ClaimValue::Date { interval } => ("date", Some(*interval), None, None),
        ClaimValue::Label { text } => ("label", None, None, Some(text.as_str())),
    };
    let sure = i64::from(c.sure.holder)
        | (i64::from(c.sure.measure) << 1)
        | (i64::from(c.sure.period) << 2);
    let pair = conversion_pair(c);
    let day = pair
        .as_ref()
        .and(a.published.date)
        .map_or(Cell::Null, |d| Cell::Int(day_of(d)));
    let kind: &'static str = c.kind.into();
    let value_kind: &'static str = c.value_kind.into();
    let modality: &'static str = c.modality.into();
    vec![
        int(seq),
        text(&subject_key(c, true)),
        text(&holder_measure_key(c)),
        text(&c.frame),
        text(kind),
        text(&c.predicate),
        text(&c.subject.join(&SEP.to_string())),
        opt_text(c.label.as_deref()),
        opt_real(c.period.map(|p| p.0)),
        opt_real(c.period.map(|p| p.1)),
        opt_text(c.period_text.as_deref()),
        opt_real(c.base_period.map(|p| p.0)),
        opt_real(c.base_period.map(|p| p.1)),
        text(value_type),
        opt_real(number.map(|i| i.lo)),
        opt_real(number.map(|i| i.hi)),
        number.map_or(Cell::Null, |i| Cell::Int(open_bits(&i))),
        opt_text(unit),
        opt_text(label),
        text(&c.value_text),
        text(value_kind),
        text(modality),
        opt_text(c.holder.as_deref()),
        text(&c.measure),
        text(&c.role.to_string()),
        Cell::Int(sure),
        opt_real(c.restates.as_ref().map(|r| r.0.lo)),
        opt_real(c.restates.as_ref().map(|r| r.0.hi)),
        c.restates
            .as_ref()
            .map_or(Cell::Null, |r| Cell::Int(open_bits(&r.0))),
        opt_text(c.restates.as_ref().map(|r| r.1.as_str())),
        opt_text(c.cue.as_deref()),
        Cell::Int(i64::from(c.dated_outright)),
        int(e.start),
        int(e.end),
        int(e.sentence_start),
        int(e.sentence_end),
        text(&e.value),
        int(line),
        int(col),
        text(&quote(a, e)),
        opt_text(pair.as_deref()),
        day,
    ]
}

/// A claim read back from its cells, with the line and column stored for
/// its evidence (to check against the restored document).
pub struct StoredClaim {
    pub claim: Claim,
    pub line: usize,
    pub column: usize,
    pub quote: String,
}

/// Reads cells in column order, naming the column a bad cell is in.
struct Reader<'a> {
    cells: &'a [Cell],
    at: usize,
}

impl<'a> Reader<'a> {
    fn next(&mut self, name: &str) -> Result<&'a Cell, String> {
        debug_assert_eq!(CLAIM_COLUMNS.get(self.at).map(|c| c.0), Some(name));
        let cell = self
            .cells
            .get(self.at)
            .ok_or_else(|| format!("no column {name}"))?;
        self.at += 1;
        Ok(cell)
    }

    fn opt_text(&mut self, name: &str) -> Result<Option<String>, String> {
        match self.next(name)? {
            Cell::Null => Ok(None),
            Cell::Text(s) => Ok(Some(s.clone())),
            other => Err(format!("{name} is {other:?}, not text")),
        }
    }

    fn text(&mut self, name: &str) -> Result<String, String> {
        self.opt_text(name)?
            .ok_or_else(|| format!("{name} is empty"))
    }

    fn opt_int(&mut self, name: &str) -> Result<Option<i64>, String> {
        match self.next(name)? {
            Cell::Null => Ok(None),
            Cell::Int(x) => Ok(Some(*x)),
            other => Err(format!("{name} is {other:?}, not an integer")),
        }
    }

    fn int(&mut self, name: &str) -> Result<i64, String> {
        self.opt_int(name)?
            .ok_or_else(|| format!("{name} is empty"))
    }

    fn offset(&mut self, name: &str) -> Result<usize, String> {
        usize::try_from(self.int(name)?).map_err(|_| format!("{name} is negative"))
    }

    fn opt_real(&mut self, name: &str) -> Result<Option<f64>, String> {
        match self.next(name)? {
            Cell::Null => Ok(None),
            Cell::Real(x) => Ok(Some(*x)),
            // A backend may hand back a whole real as an integer.
            Cell::Int(x) => Ok(Some(*x as f64)),
            other => Err(format!("{name} is {other:?}, not a number")),
        }
    }

    fn parsed<T: std::str::FromStr>(&mut self, name: &str) -> Result<T, String> {
        let s = self.text(name)?;
        s.parse()
            .map_err(|_| format!("{name} '{s}' is not one this claimcheck knows"))
    }
}

fn pair(a: Option<f64>, b: Option<f64>) -> Option<(f64, f64)> {
    Some((a?, b?))
}

fn interval(lo: f64, hi: f64, bits: i64) -> Interval {
    Interval {
        lo,
        hi,
        lo_open: bits & 1 != 0,
        hi_open: bits & 2 != 0,
    }
}

/// The claim stored in `cells`, its evidence in document `doc`.
pub fn claim_from_cells(cells: &[Cell], doc: usize) -> Result<StoredClaim, String> {
    let mut r = Reader { cells, at: 0 };
    r.int("seq")?;
    r.text("claim_key")?;
    r.next("lookup")?;
    let frame = r.text("frame")?;
    let kind: FrameKind = r.parsed("kind")?;
    let predicate = r.opt_text("predicate")?.unwrap_or_default();
    let subject = r.opt_text("subject")?.unwrap_or_default();
    let subject = if subject.is_empty() {
        Vec::new()
    } else {
        subject.split(SEP).map(str::to_string).collect()
    };
    let label = r.opt_text("label")?;
    let period = pair(r.opt_real("period_start")?, r.opt_real("period_end")?);
    let period_text = r.opt_text("period_text")?;
    let base_period = pair(r.opt_real("base_start")?, r.opt_real("base_end")?);
    let value_type = r.text("value_type")?;
    let (lo, hi) = (r.opt_real("lo")?, r.opt_real("hi")?);
    let open = r.opt_int("open_ends")?.unwrap_or(0);
    let unit = r.opt_text("unit")?;
    let value_label = r.opt_text("value_label")?;
    let bounded = |name: &str| match (lo, hi) {
        (Some(lo), Some(hi)) => Ok(interval(lo, hi, open)),
        _ => Err(format!("a {name} value without its interval")),
    };
    let value = match value_type.as_str() {
        "number" => ClaimValue::Number {
            interval: bounded("number")?,
            unit: unit.unwrap_or_default(),
        },
        "date" => ClaimValue::Date {
            interval: bounded("date")?,
        },
        "label" => ClaimValue::Label {
            text: value_label.unwrap_or_default(),
        },
        other => {
            return Err(format!(
                "value type '{other}' is not one this claimcheck knows"
            ))
        }
    };
    let value_text = r.opt_text("value_text")?.unwrap_or_default();
    let value_kind: ValueKind = r.parsed("value_kind")?;
    let modality: Modality = r.parsed("modality")?;
    let holder = r.opt_text("holder")?;
    let measure = r.opt_text("measure")?.unwrap_or_default();
    let role: Role = r.parsed("role")?;
    let sure = r.int("sure")?;
    let (rlo, rhi) = (r.opt_real("restates_lo")?, r.opt_real("restates_hi")?);
    let ropen = r.opt_int("restates_open")?.unwrap_or(0);
    let runit = r.opt_text("restates_unit")?;
    let restates = match (rlo, rhi, runit) {
        (Some(lo), Some(hi), Some(unit)) => Some((interval(lo, hi, ropen), unit)),
        _ => None,
    };
    let cue = r.opt_text("cue")?;
    let dated_outright = r.int("dated_outright")? != 0;
    let evidence = Evidence {
        doc,
        start: r.offset("ev_start")?,
        end: r.offset("ev_end")?,
        sentence_start: r.offset("sentence_start")?,
        sentence_end: r.offset("sentence_end")?,
        value: r.opt_text("ev_value")?.unwrap_or_default(),
    };
    let line = r.offset("line")?;
    let column = r.offset("col")?;
    let quote = r.opt_text("quote")?.unwrap_or_default();
    let claim = Claim {
        frame,
        kind,
        predicate,
        subject,
        label,
        period,
        period_text,
        base_period,
        value,
        value_text,
        value_kind,
        modality,
        evidence,
        holder,
        measure,
        role,
        sure: Sureness {
            holder: sure & 1 != 0,
            measure: sure & 2 != 0,
            period: sure & 4 != 0,
        },
        restates,
        cue,
        dated_outright,
        // (Stored with its period already the instant it was read for.)
        instant: false,
        of_writing: false,
        to_date: crate::claims::ToDate::No,
    };
    Ok(StoredClaim {
        claim,
        line,
        column,
        quote,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::test_claim;

    fn analyzed(text: &str) -> Analyzed {
        let rules = crate::rules::RuleData::load(&[]).unwrap();
        let reader = crate::document::DocumentReader::new(&rules);
        let doc = crate::ingest::parse("a.txt", text.to_string(), crate::ingest::Format::Text)
            .0
            .remove(0);
        reader
            .read(doc, chrono::NaiveDate::from_ymd_opt(2025, 3, 4))
            .0
    }

    #[test]
    fn every_field_of_a_claim_survives_the_round_trip() {
        let a = analyzed("Intro line.\nAcme sold 5 tonnes, or 4.5 tonnes.\n");
        let mut c = test_claim("Acme", "sales", 5.0);
        c.subject = vec!["Acme".into(), "Birch".into()];
        c.label = Some("first".into());
        c.period = Some((10.0, 20.0));
        c.period_text = Some("2024".into());
        c.base_period = Some((1.0, 9.0));
        c.value = ClaimValue::Number {
            interval: Interval {
                lo: 4.5,
                hi: f64::INFINITY,
                lo_open: true,
                hi_open: true,
            },
            unit: "t".into(),
        };
        c.restates = Some((Interval::closed(1.0, 2.0), "kg".into()));
        c.cue = Some("will".into());
        c.dated_outright = true;
        c.role = Role::Conversion;
        c.modality = Modality::Forecast;
        c.sure = Sureness {
            holder: true,
            measure: false,
            period: true,
        };
        c.evidence = Evidence {
            doc: 0,
            start: 22,
            end: 30,
            sentence_start: 12,
            sentence_end: 46,
            value: "5 tonnes".into(),
        };
        let cells = claim_cells(3, &c, &a);
        assert_eq!(cells.len(), CLAIM_COLUMNS.len());
        assert_eq!(cells[CLAIM_COLUMNS.len() - 2], Cell::Text("kg>t".into()));
        let back = claim_from_cells(&cells, 7).unwrap();
        let mut expected = c.clone();
        expected.evidence.doc = 7;
        assert_eq!(back.claim, expected);
        assert_eq!((back.line, back.column), (2, 11));
        assert_eq!(back.quote, "Acme sold 5 tonnes, or 4.5 tonnes.");
    }

    #[test]
    fn a_bad_cell_is_named() {
        let a = analyzed("Acme sold 5 tonnes.\n");
        let mut cells = claim_cells(0, &test_claim("Acme", "sales", 5.0), &a);
        cells[4] = Cell::Text("telepathy".into());
        let err = claim_from_cells(&cells, 0).err().unwrap();
        assert_eq!(err, "kind 'telepathy' is not one this claimcheck knows");
    }
}
