//! The shapes of the entity files (rules/entities): countries, regions and
//! organizations with their aliases, and names readers confuse.

use serde::Deserialize;

use crate::model::EntityKind;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityDef {
    pub name: String,
    pub kind: EntityKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    #[serde(default)]
    pub capital: Option<String>,
    /// "MM-DD": where the government's fiscal year starts.
    #[serde(default)]
    pub fiscal_year_start: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfusableDef {
    pub names: Vec<String>,
}
