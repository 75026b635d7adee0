//! Loads rule data (lexicon, entities, claim frames, checks) from TOML: the
//! files under rules/ are built in, and directories given by the user add
//! to them, so world knowledge changes without recompiling. The shapes of
//! the files are in the submodules, one per kind of file.

mod checks;
mod claims;
mod entities;
mod frames;
pub mod language;
mod lexicon;

use std::path::Path;

use serde::Deserialize;

use crate::error::SetupError;

pub use checks::{
    ArithmeticOn, ArithmeticParams, CheckDef, CheckDocs, CheckParams, ConflictOn, ConflictParams,
    SimilarityParams,
};
pub use claims::{EventClass, Markers, MeasureDef, NounClasses, TableWords, VerbClasses};
pub use entities::{ConfusableDef, EntityDef};
pub use frames::{FrameDef, FrameKind, SubjectShape};
pub use lexicon::{Currency, ModalityDef, QualifierDef, UnitDef};

// `BUILT_IN`: every file under rules/, listed by build.rs.
include!(concat!(env!("OUT_DIR"), "/built_in_rules.rs"));

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
    /// Titles several people hold at once (ambassadors, senators).
    #[serde(default)]
    pub shared_titles: Vec<String>,
    /// Words before a title that say the person no longer holds it.
    #[serde(default)]
    pub past_title_words: Vec<String>,
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
    pub measure: Vec<MeasureDef>,
    #[serde(default)]
    pub nouns: NounClasses,
    #[serde(default)]
    pub verbs: VerbClasses,
    #[serde(default)]
    pub markers: Markers,
    #[serde(default)]
    pub tables: TableWords,
    #[serde(default)]
    pub event: Vec<EventClass>,
    #[serde(default)]
    pub check: Vec<CheckDef>,
    /// Rules a config disabled: still rules, so a suppression naming one
    /// is no typo.
    #[serde(skip)]
    pub disabled: Vec<String>,
}

impl RuleData {
    /// Whether `id` names a rule, enabled or disabled.
    pub fn knows(&self, id: &str) -> bool {
        self.check.iter().any(|c| c.id == id) || self.disabled.iter().any(|d| d == id)
    }

    fn merge(&mut self, other: RuleData) {
        self.currency.extend(other.currency);
        self.unit.extend(other.unit);
        self.qualifier.extend(other.qualifier);
        self.modality.extend(other.modality);
        self.superlatives.extend(other.superlatives);
        self.titles.extend(other.titles);
        self.shared_titles.extend(other.shared_titles);
        self.past_title_words.extend(other.past_title_words);
        self.relation_nouns.extend(other.relation_nouns);
        self.collective_references
            .extend(other.collective_references);

        self.determiners.extend(other.determiners);
        self.neutral_heads.extend(other.neutral_heads);
        self.org_suffixes.extend(other.org_suffixes);
        self.org_prefixes.extend(other.org_prefixes);
        self.entity.extend(other.entity);
        self.confusable.extend(other.confusable);
        self.measure.extend(other.measure);
        self.nouns.extend(other.nouns);
        self.verbs.extend(other.verbs);
        self.markers.extend(other.markers);
        self.tables.extend(other.tables);
        self.event.extend(other.event);
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
        // The language file is read once, by `language::english`.
        for (name, text) in BUILT_IN.iter().filter(|(n, _)| *n != language::FILE) {
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
        // Rules are listed (and run, and documented) by kind, then in the
        // order their files give them.
        data.check.sort_by_key(|c| c.kind());
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
    fn every_file_under_rules_is_built_in_and_parses() {
        let mut on_disk = Vec::new();
        collect_toml(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("rules"),
            &mut on_disk,
        )
        .unwrap();
        let prefix = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/");
        let mut on_disk: Vec<String> = on_disk
            .iter()
            .map(|p| p.strip_prefix(prefix).unwrap_or(p).to_string())
            .collect();
        on_disk.sort();
        let built_in: Vec<String> = BUILT_IN.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(built_in, on_disk);
        for (name, text) in BUILT_IN.iter().filter(|(n, _)| *n != language::FILE) {
            parse_file(name, text).unwrap();
        }
        assert_eq!(language::english().month_number("Sept."), Some(9));
    }

    #[test]
    fn unknown_fields_are_errors_naming_the_file() {
        let err = parse_file("x.toml", "[[check]]\nid = 1\n").unwrap_err();
        assert!(err.to_string().starts_with("x.toml: "), "{err}");
    }
}
