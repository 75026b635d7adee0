//! Values as a person reads them: "3.735e9", "[2024-01-01, 2024-12-31]".
//! Messages and reports both show numbers this way.

#[cfg(test)]
use super::{Interval, Value, ValueKind};
#[cfg(test)]
use crate::calendar::from_day_number;

/// A number as a person reads it: "3.735e9", "20.65", "191".
pub fn fmt_num(x: f64) -> String {
    if x.is_infinite() {
        return if x > 0.0 { "∞".into() } else { "-∞".into() };
    }
    if x != 0.0 && (x.abs() >= 1e6 || x.abs() < 1e-3) {
        // Twelve significant digits: "4.05e6", not the float's
        // "4.0499999999999995e6".
        let s = format!("{x:.12e}");
        let (mantissa, exponent) = s.split_once('e').unwrap_or((&s, "0"));
        let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
        return format!("{mantissa}e{exponent}");
    }
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
/// An interval in the value's own terms: dates for times, numbers else.
pub fn fmt_interval(v: &Value) -> String {
    let Some(i) = v.interval else {
        return "unanchored".into();
    };
    let end = |x: f64| -> String {
        if x.is_infinite() {
            return if x > 0.0 { "∞".into() } else { "-∞".into() };
        }
        if v.kind == ValueKind::Time {
            from_day_number(x).map_or_else(|| fmt_num(x), |d| d.to_string())
        } else {
            fmt_num(x)
        }
    };
    bracketed(&i, end(i.lo), end(i.hi))
}

#[cfg(test)]
fn bracketed(i: &Interval, lo: String, hi: String) -> String {
    format!(
        "{}{lo}, {hi}{}",
        if i.lo_open { '(' } else { '[' },
        if i.hi_open { ')' } else { ']' }
    )
}
