//! The shape of a claim frame (rules/claims): which values a frame reads
//! and how it finds the claim's subject.

use serde::{Deserialize, Serialize};

/// How a frame finds its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SubjectShape {
    /// One entity: the one nearest before the value, else the document's.
    Single,
    /// A symmetric relation between two parties.
    Pair,
    /// The label is a proper name ("the Harbour Access Agreement") and is
    /// its own subject; the parties, when named, are added to it.
    Named,
}

/// What a frame reads from a sentence.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum FrameKind {
    /// An amount (money, quantity, count) of a named measure for a period.
    Measure,
    /// A change of a named measure (percent or multiplier) for a period.
    Growth,
    /// A dated event with a label: a partnership, treaty or membership.
    Event,
    /// An office and who holds it.
    Office,
    /// Entity + number + noun, for topics without a frame of their own.
    Generic,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameDef {
    pub id: String,
    pub kind: FrameKind,
    pub predicate: String,
    #[serde(default)]
    pub cues: Vec<String>,
    #[serde(default)]
    pub labels: Vec<String>,
    #[serde(default)]
    pub label_patterns: Vec<String>,
    /// The label when a cue speaks without one ("joined NATO" → "member").
    #[serde(default)]
    pub default_label: Option<String>,
    /// The claim is about the subject's tie to the organization named
    /// after the cue ("member of NATO"), which joins the label.
    #[serde(default)]
    pub of_organization: bool,
    #[serde(default = "default_subject")]
    pub subject: SubjectShape,
    #[serde(default)]
    pub values: Vec<String>,
    /// Words that, near the cue, mean the sentence is about something else.
    #[serde(default)]
    pub exclude: Vec<String>,
}

fn default_subject() -> SubjectShape {
    SubjectShape::Single
}
