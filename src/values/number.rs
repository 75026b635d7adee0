//! Reads written amounts ("3.74", "6,500", "four trillion", "half a
//! billion") into a value and the half-unit of the precision written.

use std::sync::LazyLock;

use crate::rules::language::{alternation, english, words};

/// Digits with optional thousands separators and decimals, or a fraction
/// as rates and prices are quoted ("6-1/4", "7/8"; halves to 64ths).
pub const NUM: &str = r"(?:\d{1,3}-\d{1,2}/(?:64|32|16|8|4|2)\b|\d{1,2}/(?:64|32|16|8|4|2)\b|(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)";

/// Number words, alone or compound ("twenty-five"), and "a"/"half a"
/// (only meaningful before a scale word), from the language file.
pub fn word_num() -> &'static str {
    static PATTERN: LazyLock<String> = LazyLock::new(|| {
        let n = &english().numbers;
        format!(
            "(?:{}|{}|{}|{}|{})",
            compound_tens(),
            alternation(words(&n.units)),
            alternation(words(&n.teens)),
            alternation(words(&n.hundreds)),
            alternation(words(&n.before_scale))
        )
    });
    &PATTERN
}

/// Number words safe to read without a scale: not "a", "half a", nor the
/// words that are more often pronouns ("one of the ports").
pub fn word_core() -> &'static str {
    static PATTERN: LazyLock<String> = LazyLock::new(|| {
        let n = &english().numbers;
        let units = words(&n.units).filter(|w| !n.not_alone.iter().any(|x| x == w));
        format!(
            "(?:{}|{}|{})",
            compound_tens(),
            alternation(units),
            alternation(words(&n.teens))
        )
    });
    &PATTERN
}

/// Number words before a unit or scale, where "one" is a number ("one
/// pct", "one billion dlrs").
pub fn word_before_unit() -> &'static str {
    static PATTERN: LazyLock<String> = LazyLock::new(|| {
        let n = &english().numbers;
        format!(
            "(?:{}|{}|{})",
            compound_tens(),
            alternation(words(&n.units)),
            alternation(words(&n.teens))
        )
    });
    &PATTERN
}

/// "twenty", "twenty-five", "ninety nine".
fn compound_tens() -> String {
    let n = &english().numbers;
    format!(
        "(?:{})(?:[- ](?:{}))?",
        alternation(words(&n.tens)),
        alternation(words(&n.units))
    )
}

/// The scale words ("thousand", "million", ...).
pub fn scale() -> &'static str {
    static PATTERN: LazyLock<String> =
        LazyLock::new(|| format!("(?:{})", alternation(words(&english().numbers.scales))));
    &PATTERN
}

/// A number as written: its value and how precisely it was written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount {
    pub value: f64,
    /// Half of the last significant unit: "3.74" → 0.005, "412" → 0.5,
    /// "8,000" → 500 (a round figure is a rounded figure).
    pub half_unit: f64,
}

impl Amount {
    /// The same amount in a unit `factor` times larger ("8 cts" → 0.08).
    pub fn times(self, factor: f64) -> Amount {
        Amount {
            value: self.value * factor,
            half_unit: self.half_unit * factor,
        }
    }
}

pub fn scale_factor(word: &str) -> Option<f64> {
    english().scale_factor(word)
}

fn word_value(w: &str) -> Option<f64> {
    english().word_value(w)
}

/// Parses "3.74", "6,500", "four", "half a" (no scale).
pub fn parse_mantissa(s: &str) -> Option<Amount> {
    let s = s.trim();
    if let Some((whole, fraction)) = s.split_once('/') {
        // "6-1/4" is 6.25, "7/8" is 0.875; quoted to the nearest fraction.
        let (whole, numerator) = match whole.split_once('-') {
            Some((w, n)) => (w.parse::<f64>().ok()?, n),
            None => (0.0, whole),
        };
        let numerator: f64 = numerator.parse().ok()?;
        let denominator: f64 = fraction.parse().ok()?;
        if denominator == 0.0 {
            return None;
        }
        return Some(Amount {
            value: whole + numerator / denominator,
            half_unit: 0.5 / denominator,
        });
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        // Thousands come in threes: "4,126,00" is a figure mistyped (a
        // digit dropped or a group cut), read as no number at all.
        let whole = s.split('.').next().unwrap_or(s);
        let mut groups = whole.split(',');
        let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
        if whole.contains(',') && !(first_ok && groups.all(|g| g.len() == 3)) {
            return None;
        }
        let digits: String = s.chars().filter(|&c| c != ',').collect();
        let value: f64 = digits.parse().ok()?;
        let half_unit = match digits.split_once('.') {
            Some((_, frac)) => 0.5 * 10f64.powi(-(frac.len() as i32)),
            None => {
                let zeros = digits.len() - digits.trim_end_matches('0').len();
                if zeros >= 2 && zeros < digits.len() {
                    0.5 * 10f64.powi(zeros as i32)
                } else {
                    0.5
                }
            }
        };
        return Some(Amount { value, half_unit });
    }
    let value = word_value(s)?;
    // "four trillion" is as precise as "4 trillion".
    Some(Amount {
        value,
        half_unit: if value < 1.0 { 0.05 } else { 0.5 },
    })
}

/// Parses a mantissa with an optional trailing scale word.
pub fn parse_amount(s: &str) -> Option<Amount> {
    let s = s.trim();
    let (mantissa, scale) = match s.rsplit_once([' ', '-']) {
        Some((m, w)) if scale_factor(w).is_some() => (m, scale_factor(w)?),
        _ => {
            let split = s.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(s.len());
            match scale_factor(&s[split..]) {
                Some(f) if split > 0 => (&s[..split], f),
                _ => (s, 1.0),
            }
        }
    };
    let a = parse_mantissa(mantissa)?;
    Some(Amount {
        value: a.value * scale,
        half_unit: a.half_unit * scale,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_follows_what_is_written() {
        let a = parse_amount("3.74 billion").unwrap();
        assert_eq!(a.value, 3.74e9);
        assert!((a.half_unit - 5e6).abs() < 1.0);
        assert_eq!(parse_amount("412").unwrap().half_unit, 0.5);
        assert_eq!(parse_amount("8,000").unwrap().half_unit, 500.0);
        assert_eq!(parse_amount("4,800").unwrap().half_unit, 50.0);
        assert_eq!(parse_amount("1,234,567.5").unwrap().value, 1234567.5);
        // Thousands come in threes.
        assert!(parse_amount("4,126,00").is_none());
        assert!(parse_amount("12345,678").is_none());
        assert_eq!(parse_amount("20").unwrap().half_unit, 0.5);
        assert_eq!(parse_amount("four trillion").unwrap().value, 4e12);
        assert_eq!(parse_amount("half a billion").unwrap().value, 5e8);
        assert_eq!(parse_amount("twenty-five").unwrap().value, 25.0);
        assert_eq!(parse_amount("5bn").unwrap().value, 5e9);
        assert_eq!(parse_amount("545 mln").unwrap().value, 545e6);
        let a = parse_amount("6-1/4").unwrap();
        assert_eq!((a.value, a.half_unit), (6.25, 0.125));
        assert_eq!(parse_amount("7/8").unwrap().value, 0.875);
        assert_eq!(parse_amount("a hundred").unwrap().value, 100.0);
    }
}
