//! Links claims that can disagree: every claim gets a subject key, and the
//! claims of one key are grouped in one pass, so rules compare claims
//! within a group and never all pairs of a corpus.

use std::collections::BTreeMap;

use crate::claims::{Claim, ClaimValue};

/// Claims by subject key (predicate, subject, label, unit).
pub struct ClaimGroups {
    pub groups: BTreeMap<String, Vec<usize>>,
}

/// The key claims about the same thing share, whatever their values.
pub fn subject_key(c: &Claim, with_label: bool) -> String {
    let unit = match &c.value {
        ClaimValue::Number { unit, .. } => unit.as_str(),
        _ => "",
    };
    let label = if with_label {
        c.label.as_deref().unwrap_or("")
    } else {
        ""
    };
    format!("{}|{}|{}|{}", c.predicate, c.subject.join("+"), label, unit)
}

impl ClaimGroups {
    pub fn build(claims: &[Claim]) -> Self {
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, c) in claims.iter().enumerate() {
            groups.entry(subject_key(c, true)).or_default().push(i);
        }
        ClaimGroups { groups }
    }

    /// Claims about one subject whatever their label (for label conflicts).
    pub fn without_label(&self, claims: &[Claim]) -> BTreeMap<String, Vec<usize>> {
        let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for ids in self.groups.values() {
            for &i in ids {
                out.entry(subject_key(&claims[i], false))
                    .or_default()
                    .push(i);
            }
        }
        out
    }
}
