//! Loads rule data (lexicon, entities, claim frames, checks) from TOML: the
//! files under rules/ are built in, and directories given by the user add
//! to them, so world knowledge changes without recompiling.

use std::path::Path;

use serde::Deserialize;

use crate::error::SetupError;

/// The rule files that ship inside the binary, as (name, contents).
const BUILT_IN: &[(&str, &str)] = &[
    (
        "lexicon/currencies.toml",
        include_str!("../rules/lexicon/currencies.toml"),
    ),
    (
        "lexicon/units.toml",
        include_str!("../rules/lexicon/units.toml"),
    ),
    (
        "lexicon/qualifiers.toml",
        include_str!("../rules/lexicon/qualifiers.toml"),
    ),
    (
        "lexicon/modality.toml",
        include_str!("../rules/lexicon/modality.toml"),
    ),
    (
        "lexicon/words.toml",
        include_str!("../rules/lexicon/words.toml"),
    ),
    (
        "entities/countries.toml",
        include_str!("../rules/entities/countries.toml"),
    ),
    (
        "entities/organizations.toml",
        include_str!("../rules/entities/organizations.toml"),
    ),
    (
        "entities/regions.toml",
        include_str!("../rules/entities/regions.toml"),
    ),
    (
        "entities/confusables.toml",
        include_str!("../rules/entities/confusables.toml"),
    ),
    (
        "claims/measures.toml",
        include_str!("../rules/claims/measures.toml"),
    ),
    (
        "claims/relations.toml",
        include_str!("../rules/claims/relations.toml"),
    ),
    (
        "checks/conflict.toml",
        include_str!("../rules/checks/conflict.toml"),
    ),
    (
        "checks/arithmetic.toml",
        include_str!("../rules/checks/arithmetic.toml"),
    ),
    (
        "checks/misnaming.toml",
        include_str!("../rules/checks/misnaming.toml"),
    ),
    (
        "checks/anachronism.toml",
        include_str!("../rules/checks/anachronism.toml"),
    ),
    (
        "checks/variant.toml",
        include_str!("../rules/checks/variant.toml"),
    ),
    (
        "checks/corroboration.toml",
        include_str!("../rules/checks/corroboration.toml"),
    ),
];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Currency {
    pub code: String,
    #[serde(default)]
    pub symbols: Vec<String>,
    #[serde(default)]
    pub words: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitDef {
    pub base: String,
    pub factor: f64,
    pub aliases: Vec<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "kebab-case")]
pub enum QualifierKind {
    Above,
    AtLeast,
    Below,
    AtMost,
    Approx,
    Almost,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualifierDef {
    pub kind: QualifierKind,
    pub words: Vec<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Actual,
    Forecast,
    Target,
    Plan,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModalityDef {
    pub modality: Modality,
    pub cues: Vec<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Country,
    Organization,
    Region,
    Company,
    Person,
    City,
}

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
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfusableDef {
    pub names: Vec<String>,
}

/// How a frame finds its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
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

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, serde::Serialize, Hash,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "lowercase")]
pub enum CheckKind {
    Conflict,
    Arithmetic,
    Misnaming,
    Anachronism,
    Variant,
    Corroboration,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct CheckDocs {
    pub finds: String,
    pub why: String,
    pub example: String,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct CheckDef {
    pub id: String,
    pub kind: CheckKind,
    pub severity: Severity,
    pub message: String,
    /// Which claim predicates (frame ids) this rule watches; empty: all.
    #[serde(default)]
    pub frames: Vec<String>,
    /// Relative slack allowed beyond the intervals (arithmetic, conflict).
    #[serde(default)]
    pub tolerance: f64,
    /// Similarity (0..1) at which two names count as one (misnaming, variant).
    #[serde(default)]
    pub similarity: f64,
    /// What a rule kind compares, where it can compare more than one thing:
    /// conflict "value" (default) or "date"; arithmetic "growth" or "cumulative".
    #[serde(default)]
    pub compare: Option<String>,
    pub docs: CheckDocs,
}

/// Everything the rule files say, merged.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleData {
    #[serde(default)]
    pub currency: Vec<Currency>,
    #[serde(default)]
    pub unit: Vec<UnitDef>,
    #[serde(default)]
    pub qualifier: Vec<QualifierDef>,
    #[serde(default)]
    pub modality: Vec<ModalityDef>,
    #[serde(default)]
    pub superlatives: Vec<String>,
    #[serde(default)]
    pub titles: Vec<String>,
    #[serde(default)]
    pub relation_nouns: Vec<String>,
    #[serde(default)]
    pub collective_references: Vec<String>,
    #[serde(default)]
    pub determiners: Vec<String>,
    #[serde(default)]
    pub neutral_heads: Vec<String>,
    #[serde(default)]
    pub org_suffixes: Vec<String>,
    #[serde(default)]
    pub org_prefixes: Vec<String>,
    #[serde(default)]
    pub entity: Vec<EntityDef>,
    #[serde(default)]
    pub confusable: Vec<ConfusableDef>,
    #[serde(default)]
    pub frame: Vec<FrameDef>,
    #[serde(default)]
    pub check: Vec<CheckDef>,
}

impl RuleData {
    fn merge(&mut self, other: RuleData) {
        self.currency.extend(other.currency);
        self.unit.extend(other.unit);
        self.qualifier.extend(other.qualifier);
        self.modality.extend(other.modality);
        self.superlatives.extend(other.superlatives);
        self.titles.extend(other.titles);
        self.relation_nouns.extend(other.relation_nouns);
        self.collective_references
            .extend(other.collective_references);
        self.determiners.extend(other.determiners);
        self.neutral_heads.extend(other.neutral_heads);
        self.org_suffixes.extend(other.org_suffixes);
        self.org_prefixes.extend(other.org_prefixes);
        self.entity.extend(other.entity);
        self.confusable.extend(other.confusable);
        // A user's frame or check with a built-in id replaces it.
        for f in other.frame {
            self.frame.retain(|x| x.id != f.id);
            self.frame.push(f);
        }
        for c in other.check {
            self.check.retain(|x| x.id != c.id);
            self.check.push(c);
        }
    }

    /// The built-in rules plus every `*.toml` under the given directories.
    pub fn load(extra_dirs: &[String]) -> Result<RuleData, SetupError> {
        let mut data = RuleData::default();
        for (name, text) in BUILT_IN {
            data.merge(parse_file(&format!("rules/{name}"), text)?);
        }
        for dir in extra_dirs {
            let mut files = Vec::new();
            collect_toml(Path::new(dir), &mut files).map_err(|e| SetupError::Rules {
                path: dir.clone(),
                message: format!("cannot read rules directory: {e}"),
            })?;
            files.sort();
            for f in files {
                let text = std::fs::read_to_string(&f).map_err(|e| SetupError::Rules {
                    path: f.clone(),
                    message: e.to_string(),
                })?;
                data.merge(parse_file(&f, &text)?);
            }
        }
        Ok(data)
    }
}

fn collect_toml(dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path.to_string_lossy().into_owned());
        }
    }
    Ok(())
}

pub fn parse_file(name: &str, text: &str) -> Result<RuleData, SetupError> {
    let data: RuleData = toml::from_str(text).map_err(|e| SetupError::Rules {
        path: name.to_string(),
        message: e.to_string().trim_end().to_string(),
    })?;
    // A pattern that does not compile would silently never match: say so
    // now, naming the file and the frame.
    for f in &data.frame {
        for p in &f.label_patterns {
            if let Err(e) = regex::Regex::new(p) {
                return Err(SetupError::Rules {
                    path: name.to_string(),
                    message: format!("frame '{}': label pattern does not compile: {e}", f.id),
                });
            }
        }
    }
    Ok(data)
}

#[cfg(test)]
mod pattern_tests {
    use super::*;

    #[test]
    fn a_broken_label_pattern_is_an_error_naming_file_and_frame() {
        let text = "[[frame]]\nid = \"treaty\"\nkind = \"event\"\npredicate = \"signed\"\nlabel_patterns = ['(Treaty']\n";
        let e = parse_file("house/treaty.toml", text)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("house/treaty.toml: frame 'treaty': label pattern does not compile"),
            "{e}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_rules_parse_and_every_check_is_documented() {
        let data = RuleData::load(&[]).unwrap();
        assert!(data.entity.len() > 100);
        assert!(!data.frame.is_empty());
        for c in &data.check {
            assert!(
                !c.docs.finds.is_empty() && !c.docs.why.is_empty() && !c.docs.example.is_empty(),
                "{}",
                c.id
            );
        }
    }

    #[test]
    fn unknown_fields_are_errors_naming_the_file() {
        let err = parse_file("x.toml", "[[check]]\nid = 1\n").unwrap_err();
        assert!(err.to_string().starts_with("x.toml: "), "{err}");
    }
}
