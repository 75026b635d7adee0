//! Closed, open and unbounded intervals over numbers (and day numbers for
//! dates): the one representation every comparison uses.

use serde::Serialize;

use super::number::Amount;
use crate::rules::QualifierKind;

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
            None => Interval::closed(x - h, x + h),
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

    /// True when no number lies in both.
    pub fn disjoint(&self, other: &Interval) -> bool {
        let below =
            |a: &Interval, b: &Interval| a.hi < b.lo || (a.hi == b.lo && (a.hi_open || b.lo_open));
        below(self, other) || below(other, self)
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
    }
}
