//! A set of byte spans that answers "does this span overlap one already
//! taken?" in O(log n): every stage that keeps the first of overlapping
//! matches (values, mentions, names) asks it once per candidate, so a
//! sentence or document with many matches costs n·log n, not n².

use std::collections::BTreeMap;

/// Spans taken so far, kept as the union of what was inserted: a query
/// overlaps the union exactly when it overlaps some inserted span.
#[derive(Debug, Clone, Default)]
pub struct SpanSet {
    /// start → end of disjoint, non-touching-merged runs.
    runs: BTreeMap<usize, usize>,
}

impl SpanSet {
    pub fn new() -> Self {
        SpanSet::default()
    }

    /// True when some inserted span `x` has `start < x.end && x.start < end`
    /// (the overlap test the stages used pairwise).
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        // The run starting last before `end` has the largest end of all
        // runs that start before `end`, since runs are disjoint.
        self.runs
            .range(..end)
            .next_back()
            .is_some_and(|(&s, &e)| start < e && s < end)
    }

    /// Adds a span, merging it with the runs it overlaps. An empty span
    /// covers no byte and is not kept (no stage produces one).
    pub fn insert(&mut self, start: usize, end: usize) {
        if end <= start {
            return;
        }
        let (mut s, mut e) = (start, end);
        let overlapping: Vec<(usize, usize)> = self
            .runs
            .range(..end)
            .rev()
            .take_while(|(_, &re)| re > start)
            .map(|(&rs, &re)| (rs, re))
            .filter(|&(rs, re)| start < re && rs < end)
            .collect();
        for (rs, re) in overlapping {
            self.runs.remove(&rs);
            s = s.min(rs);
            e = e.max(re);
        }
        self.runs.insert(s, e);
    }

    /// Inserts the span unless it overlaps one already taken; says which.
    pub fn take(&mut self, start: usize, end: usize) -> bool {
        if self.overlaps(start, end) {
            return false;
        }
        self.insert(start, end);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

        /// The set answers as the pairwise test over every inserted span.
        #[test]
        fn agrees_with_the_pairwise_test(
            spans in prop::collection::vec((0usize..60, 1usize..8), 0..40),
            queries in prop::collection::vec((0usize..70, 1usize..8), 1..20),
        ) {
            let mut set = SpanSet::new();
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for (s, len) in spans {
                let e = s + len;
                let pairwise = taken.iter().any(|&(a, b)| s < b && a < e);
                prop_assert_eq!(set.take(s, e), !pairwise);
                if !pairwise {
                    taken.push((s, e));
                }
            }
            for (s, len) in queries {
                let e = s + len;
                let pairwise = taken.iter().any(|&(a, b)| s < b && a < e);
                prop_assert_eq!(set.overlaps(s, e), pairwise);
            }
        }
    }
}
