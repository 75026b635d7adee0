//! The shapes of the lexicon files (rules/lexicon): currencies, units,
//! qualifiers and modality cues, the words value recognition is built from.

use serde::Deserialize;

use crate::model::{Modality, QualifierKind};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Currency {
    pub code: String,
    #[serde(default)]
    pub symbols: Vec<String>,
    #[serde(default)]
    pub words: Vec<String>,
    /// What one of these is worth in `code` (a subunit: 0.01 for cents).
    #[serde(default = "whole")]
    pub factor: f64,
    /// A word several countries' currencies share ("shillings"): it has
    /// no one exchange rate.
    #[serde(default)]
    pub shared: bool,
}

fn whole() -> f64 {
    1.0
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitDef {
    pub base: String,
    pub factor: f64,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualifierDef {
    pub kind: QualifierKind,
    pub words: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModalityDef {
    pub modality: Modality,
    pub cues: Vec<String>,
}
