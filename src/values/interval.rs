//! Closed, open and unbounded intervals over numbers (and day numbers for
//! dates): the one representation every comparison uses.

use serde::Serialize;

use super::number::Amount;
use crate::model::QualifierKind;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
    pub lo_open: bool,
    pub hi_open: bool,
}

impl Interval {
    pub fn closed(lo: f64, hi: f64) -> Self {
        Interval {
            lo,
            hi,
            lo_open: false,
            hi_open: false,
        }
    }

    /// The interval a written amount stands for once its qualifier is read.
    pub fn shaped(a: Amount, q: Option<QualifierKind>) -> Self {
        let (x, h) = (a.value, a.half_unit);
        let inf = f64::INFINITY;
        match q {
            // Rounding half up: "2.3" is [2.25, 2.35), so 2.3 and 2.4
            // cannot both be right.
            None => Interval {
                lo: x - h,
                hi: x + h,
                lo_open: false,
                hi_open: h > 0.0,
            },
            Some(QualifierKind::Above) => Interval {
                lo: x,
                hi: inf,
                lo_open: true,
                hi_open: true,
            },
            Some(QualifierKind::AtLeast) => Interval {
                lo: x,
                hi: inf,
                lo_open: false,
                hi_open: true,
            },
            Some(QualifierKind::Below) => Interval {
                lo: -inf,
                hi: x,
                lo_open: true,
                hi_open: true,
            },
            Some(QualifierKind::AtMost) => Interval {
                lo: -inf,
                hi: x,
                lo_open: true,
                hi_open: false,
            },
            Some(QualifierKind::Approx) => {
                let spread = (0.05 * x.abs()).max(h);
                Interval::closed(x - spread, x + spread)
            }
            Some(QualifierKind::Almost) => Interval {
                lo: x - 0.1 * x.abs(),
                hi: x,
                lo_open: false,
                hi_open: true,
            },
        }
    }

    /// True when no number lies in both. Ends that meet are compared with
    /// a relative epsilon: 2.3e9 + 0.05e9 and 2.4e9 - 0.05e9 are one point
    /// though floating point writes them two ways.
    pub fn disjoint(&self, other: &Interval) -> bool {
        let meet = |x: f64, y: f64| {
            x == y
                || (x.is_finite()
                    && y.is_finite()
                    && (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0))
        };
        let below = |a: &Interval, b: &Interval| {
            if meet(a.hi, b.lo) {
                a.hi_open || b.lo_open
            } else {
                a.hi < b.lo
            }
        };
        below(self, other) || below(other, self)
    }

    /// The interval of the negated numbers.
    pub fn negated(&self) -> Interval {
        Interval {
            lo: -self.hi,
            hi: -self.lo,
            lo_open: self.hi_open,
            hi_open: self.lo_open,
        }
    }

    /// Widens both ends by a relative slack (a rule's tolerance).
    pub fn widened(&self, tolerance: f64) -> Interval {
        let lo = self.lo - self.lo.abs() * tolerance;
        let hi = self.hi + self.hi.abs() * tolerance;
        Interval { lo, hi, ..*self }
    }

    pub fn contains(&self, x: f64) -> bool {
        (x > self.lo || (x == self.lo && !self.lo_open))
            && (x < self.hi || (x == self.hi && !self.hi_open))
    }

    /// The point a reader takes the value to be, for arithmetic.
    pub fn midpoint(&self) -> Option<f64> {
        (self.lo.is_finite() && self.hi.is_finite()).then(|| (self.lo + self.hi) / 2.0)
    }

    pub fn is_bounded(&self) -> bool {
        self.lo.is_finite() && self.hi.is_finite()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_ends_make_touching_intervals_disjoint() {
        let above4 = Interval::shaped(
            Amount {
                value: 4.0,
                half_unit: 0.5,
            },
            Some(QualifierKind::Above),
        );
        assert!(above4.disjoint(&Interval::closed(3.5, 4.0)));
        assert!(!above4.disjoint(&Interval::closed(3.5, 4.1)));
        assert!(!Interval::closed(1.0, 2.0).disjoint(&Interval::closed(2.0, 3.0)));
        // Rounding is half-open: "2.3 billion" and "2.4 billion" disagree,
        // though 2.3e9 + 0.05e9 and 2.4e9 - 0.05e9 differ in the last bit.
        let round = |x: f64| {
            Interval::shaped(
                Amount {
                    value: x * 1e9,
                    half_unit: 0.05e9,
                },
                None,
            )
        };
        assert!(round(2.3).disjoint(&round(2.4)));
        assert!(!round(2.3).disjoint(&round(2.3)));
    }
}
