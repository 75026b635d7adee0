//! Property: a value written out as an article would write it and read
//! back gives the interval its digits, scale and qualifier promise — the
//! rounding of what is written ("3.74" is [3.735, 3.745)), the scale
//! word, the open end a qualifier makes.

use std::sync::LazyLock;

use proptest::prelude::*;

use super::*;
use crate::rules::RuleData;

static READER: LazyLock<ValueReader> =
    LazyLock::new(|| ValueReader::new(&RuleData::load(&[]).unwrap()));

/// How a value is written: digits, a scale word, a unit, a qualifier.
#[derive(Debug, Clone)]
struct Written {
    whole: u32,
    decimals: Vec<u8>,
    scale: Option<(&'static str, f64)>,
    unit: Unit,
    qualifier: Option<(&'static str, QualifierKind)>,
}

#[derive(Debug, Clone, Copy)]
enum Unit {
    Dollars,
    Percent,
    Tonnes,
}

impl Written {
    fn text(&self) -> String {
        let mut number = self.whole.to_string();
        if !self.decimals.is_empty() {
            number.push('.');
            number.extend(self.decimals.iter().map(|d| char::from(b'0' + d)));
        }
        let scale = self.scale.map(|(w, _)| format!(" {w}")).unwrap_or_default();
        let value = match self.unit {
            Unit::Dollars => format!("${number}{scale}"),
            Unit::Percent => format!("{number}%"),
            Unit::Tonnes => format!("{number}{scale} tonnes"),
        };
        match self.qualifier {
            Some((q, _)) => format!("{q} {value}"),
            None => value,
        }
    }

    /// The interval the writing promises, worked out from the digits.
    fn interval(&self) -> Interval {
        let digits: String = self.whole.to_string();
        let factor = self.scale.map_or(1.0, |(_, f)| f);
        let frac: f64 = self
            .decimals
            .iter()
            .enumerate()
            .map(|(i, d)| f64::from(*d) * 10f64.powi(-(i as i32 + 1)))
            .sum();
        let x = (f64::from(self.whole) + frac) * factor;
        let half = if self.decimals.is_empty() {
            let zeros = digits.len() - digits.trim_end_matches('0').len();
            if zeros >= 2 && zeros < digits.len() {
                0.5 * 10f64.powi(zeros as i32)
            } else {
                0.5
            }
        } else {
            0.5 * 10f64.powi(-(self.decimals.len() as i32))
        } * factor;
        Interval::shaped(
            number::Amount {
                value: x,
                half_unit: half,
            },
            self.qualifier.map(|(_, k)| k),
        )
    }
}

fn written() -> impl Strategy<Value = Written> {
    let scale = prop_oneof![
        Just(None),
        Just(Some(("thousand", 1e3))),
        Just(Some(("million", 1e6))),
        Just(Some(("billion", 1e9))),
    ];
    let unit = prop_oneof![Just(Unit::Dollars), Just(Unit::Percent), Just(Unit::Tonnes)];
    let qualifier = prop_oneof![
        Just(None),
        Just(Some(("more than", QualifierKind::Above))),
        Just(Some(("at least", QualifierKind::AtLeast))),
        Just(Some(("less than", QualifierKind::Below))),
        Just(Some(("up to", QualifierKind::AtMost))),
        Just(Some(("about", QualifierKind::Approx))),
        Just(Some(("almost", QualifierKind::Almost))),
    ];
    (
        1u32..1000,
        prop::collection::vec(0u8..10, 0..4),
        scale,
        unit,
        qualifier,
    )
        .prop_map(|(whole, decimals, scale, unit, qualifier)| Written {
            whole,
            decimals,
            // A percentage takes no scale word.
            scale: if matches!(unit, Unit::Percent) {
                None
            } else {
                scale
            },
            unit,
            qualifier,
        })
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_written_value_reads_back_as_its_interval(w in written()) {
        let sentence = format!("Officials said the figure was {} on the record.", w.text());
        let values = READER.read(&sentence, 0, sentence.len(), &TimeContext::default());
        prop_assert_eq!(values.len(), 1, "{} → {:?}", sentence, values);
        let got = values[0].interval.unwrap();
        let want = w.interval();
        prop_assert!(
            close(got.lo, want.lo) && close(got.hi, want.hi)
                && got.lo_open == want.lo_open && got.hi_open == want.hi_open,
            "{}: read {:?}, written {:?}", sentence, got, want
        );
    }
}
