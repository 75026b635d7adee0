//! The shape of a rule instance (rules/checks): what every rule has (id,
//! severity, message, documentation) and, per rule kind, the parameters
//! that kind takes. A field the kind does not take, or a value it does not
//! know, is a load error naming the rule, so a typo never silently runs
//! another check.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

use crate::model::{CheckKind, Severity};

/// The documentation every rule carries; `claimcheck explain`, SARIF help
/// and docs/rules.md are generated from it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CheckDocs {
    pub finds: String,
    pub why: String,
    pub example: String,
}

/// One rule: an instance of a rule kind with its parameters.
#[derive(Debug, Clone)]
pub struct CheckDef {
    pub id: String,
    pub severity: Severity,
    /// The finding's message, with `{name}` placeholders the kind fills.
    pub message: String,
    pub docs: CheckDocs,
    pub params: CheckParams,
}

/// Per kind, what a rule of that kind is told.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum CheckParams {
    Conflict(ConflictParams),
    Arithmetic(ArithmeticParams),
    Misnaming(SimilarityParams),
    Anachronism(NoParams),
    Variant(SimilarityParams),
    Corroboration(FrameParams),
}

/// What a conflict rule compares two claims by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConflictOn {
    /// Their values, for the same period.
    #[default]
    Value,
    /// Their dates: one event placed at two times.
    Date,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictParams {
    /// Which claim predicates (frame ids) the rule watches; empty: all.
    #[serde(default)]
    pub frames: Vec<String>,
    /// Relative slack allowed beyond the values' intervals.
    #[serde(default)]
    pub tolerance: f64,
    #[serde(default)]
    pub compare: ConflictOn,
}

/// Which sum an arithmetic rule checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArithmeticOn {
    /// A growth rate against the values for its two periods.
    #[default]
    Growth,
    /// A total for a longer period against a part of it.
    Cumulative,
    /// A currency conversion against the rate the other conversions of
    /// the corpus imply.
    Conversion,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArithmeticParams {
    #[serde(default)]
    pub frames: Vec<String>,
    #[serde(default)]
    pub tolerance: f64,
    #[serde(default)]
    pub compare: ArithmeticOn,
    /// For conversions: how many other conversions of the same currencies
    /// must agree on a rate before it is the reference.
    #[serde(default = "three")]
    pub min_agreeing: usize,
    /// For conversions: the days within which other articles' rates count.
    #[serde(default = "thirty")]
    pub within_days: i64,
    /// For cumulative figures: the measures that only add up over time
    /// (a profit can fall in a later quarter; revenue cannot).
    #[serde(default)]
    pub additive: Vec<String>,
}

fn three() -> usize {
    3
}

fn thirty() -> i64 {
    30
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SimilarityParams {
    /// Similarity (0..1, Jaro-Winkler over folded names) at which two
    /// names count as one.
    pub similarity: f64,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameParams {
    #[serde(default)]
    pub frames: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoParams {}

impl CheckDef {
    pub fn kind(&self) -> CheckKind {
        match self.params {
            CheckParams::Conflict(_) => CheckKind::Conflict,
            CheckParams::Arithmetic(_) => CheckKind::Arithmetic,
            CheckParams::Misnaming(_) => CheckKind::Misnaming,
            CheckParams::Anachronism(_) => CheckKind::Anachronism,
            CheckParams::Variant(_) => CheckKind::Variant,
            CheckParams::Corroboration(_) => CheckKind::Corroboration,
        }
    }

    /// The frames the rule watches (empty: every frame).
    pub fn frames(&self) -> &[String] {
        match &self.params {
            CheckParams::Conflict(p) => &p.frames,
            CheckParams::Arithmetic(p) => &p.frames,
            CheckParams::Corroboration(p) => &p.frames,
            _ => &[],
        }
    }
}

/// The fields every rule has; the rest of the table belongs to its kind.
#[derive(Deserialize)]
struct Common {
    severity: Severity,
    message: String,
    docs: CheckDocs,
}

impl<'de> Deserialize<'de> for CheckDef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut table = toml::Table::deserialize(d)?;
        let id = match table.remove("id") {
            Some(toml::Value::String(id)) => id,
            Some(_) => return Err(D::Error::custom("a check's `id` must be a string")),
            None => return Err(D::Error::custom("a check has no `id`")),
        };
        let named = |e: toml::de::Error| D::Error::custom(format!("check '{id}': {}", e.message()));
        let mut common = toml::Table::new();
        for key in ["severity", "message", "docs"] {
            if let Some(v) = table.remove(key) {
                common.insert(key.to_string(), v);
            }
        }
        let common: Common = toml::Value::Table(common).try_into().map_err(named)?;
        let params: CheckParams = toml::Value::Table(table).try_into().map_err(named)?;
        Ok(CheckDef {
            id,
            severity: common.severity,
            message: common.message,
            docs: common.docs,
            params,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct File {
        check: Vec<CheckDef>,
    }

    const DOCS: &str = "[check.docs]\nfinds = \"f\"\nwhy = \"w\"\nexample = \"e\"\n";

    fn parse(body: &str) -> Result<CheckDef, String> {
        let text =
            format!("[[check]]\nid = \"r\"\nseverity = \"error\"\nmessage = \"m\"\n{body}{DOCS}");
        toml::from_str::<File>(&text)
            .map(|mut f| f.check.remove(0))
            .map_err(|e| e.message().to_string())
    }

    #[test]
    fn a_kind_reads_only_its_own_parameters() {
        let c = parse("kind = \"conflict\"\ncompare = \"date\"\nframes = [\"x\"]\n").unwrap();
        assert_eq!(c.kind(), CheckKind::Conflict);
        assert_eq!(c.frames(), ["x".to_string()]);
        let CheckParams::Conflict(p) = c.params else {
            panic!("conflict parameters")
        };
        assert_eq!(p.compare, ConflictOn::Date);
    }

    #[test]
    fn a_misspelt_or_foreign_parameter_is_an_error_naming_the_rule() {
        let e = parse("kind = \"conflict\"\ncompar = \"date\"\n").unwrap_err();
        assert!(e.starts_with("check 'r': unknown field `compar`"), "{e}");
        let e = parse("kind = \"variant\"\nsimilarity = 0.8\nframes = []\n").unwrap_err();
        assert!(e.starts_with("check 'r': unknown field `frames`"), "{e}");
        let e = parse("kind = \"arithmetic\"\ncompare = \"sum\"\n").unwrap_err();
        assert!(e.starts_with("check 'r': unknown variant `sum`"), "{e}");
        let e = parse("kind = \"conflicts\"\n").unwrap_err();
        assert!(
            e.starts_with("check 'r': unknown variant `conflicts`"),
            "{e}"
        );
    }
}
