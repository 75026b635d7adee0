//! The shared vocabulary every stage speaks: severities, modalities, rule
//! and entity kinds, qualifiers, and where a piece of evidence sits. Each
//! name is written once, here, and reads and writes the same way in rule
//! files, reports and messages (serde and strum derive both from one
//! spelling).

use serde::{Deserialize, Serialize};
use strum::{Display, EnumString, IntoStaticStr};

/// How loud a finding is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    Display,
    EnumString,
    IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// Whether a value states what happened or what is expected, aimed at or
/// scheduled.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    Display,
    EnumString,
    IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Modality {
    Actual,
    Forecast,
    Target,
    Plan,
}

/// The family a rule belongs to; each kind is one file under src/checks.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    Display,
    EnumString,
    IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum CheckKind {
    Conflict,
    Arithmetic,
    Misnaming,
    Anachronism,
    Variant,
    Corroboration,
}

/// What kind of thing a name names.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    Display,
    EnumString,
    IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum EntityKind {
    Country,
    Organization,
    Region,
    Company,
    Person,
    City,
}

/// The words before a value that bound it ("more than", "almost").
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    Display,
    EnumString,
    IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum QualifierKind {
    Above,
    AtLeast,
    Below,
    AtMost,
    Approx,
    Almost,
}

/// A byte range of a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Where something is stated: a value's span in a sentence of document
/// `doc`, with the value as the finding shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub doc: usize,
    pub start: usize,
    pub end: usize,
    pub sentence_start: usize,
    pub sentence_end: usize,
    /// The value as shown beside the quote ("7.1 million tonnes", "2022").
    pub value: String,
}

impl Evidence {
    /// The same place, labelled with another rendering of what is there.
    pub fn showing(&self, value: impl Into<String>) -> Evidence {
        Evidence {
            value: value.into(),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn names_read_and_write_as_the_rule_files_spell_them() {
        assert_eq!(Severity::Warning.to_string(), "warning");
        assert_eq!(Severity::from_str("error").unwrap(), Severity::Error);
        assert_eq!(CheckKind::Corroboration.to_string(), "corroboration");
        assert_eq!(QualifierKind::AtLeast.to_string(), "at-least");
        let s: &'static str = Modality::Forecast.into();
        assert_eq!(s, "forecast");
        assert_eq!(
            serde_json::to_string(&QualifierKind::AtMost).unwrap(),
            "\"at-most\""
        );
    }
}
