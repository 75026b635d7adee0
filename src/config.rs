//! A project's settings in `claimcheck.toml`, found by walking up from the
//! working directory (as rustfmt.toml and ruff.toml are) or named with
//! `--config`: extra rule directories, disabled rules, severities, the
//! default `--fail-on`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::SetupError;
use crate::model::Severity;
use crate::rules::RuleData;

pub const FILE_NAME: &str = "claimcheck.toml";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Directories of rule files (claim frames, checks, entities, lexicon)
    /// added to the built-in rules, relative to the config file.
    #[serde(default)]
    pub rules: Vec<String>,
    /// Rule ids that never report.
    #[serde(default)]
    pub disable: Vec<String>,
    /// Rule id → severity, replacing the rule's own.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// The `--fail-on` used when the command line gives none.
    #[serde(default)]
    pub fail_on: Option<Severity>,
    /// Where the file was read from; empty for the defaults.
    #[serde(skip)]
    pub path: String,
}

impl Config {
    /// The file named on the command line, else the nearest
    /// `claimcheck.toml` at or above `start`, else the defaults.
    pub fn find(explicit: Option<&str>, start: &Path) -> Result<Config, SetupError> {
        let path = match explicit {
            Some(p) => Some(PathBuf::from(p)),
            None => start
                .ancestors()
                .map(|d| d.join(FILE_NAME))
                .find(|p| p.is_file()),
        };
        let Some(path) = path else {
            return Ok(Config::default());
        };
        let shown = path.to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).map_err(|e| SetupError::Rules {
            path: shown.clone(),
            message: format!("cannot read config: {e}"),
        })?;
        let mut config = Config::parse(&shown, &text)?;
        // Rule directories are relative to the file that names them.
        let base = path.parent().unwrap_or(Path::new("."));
        config.rules = config
            .rules
            .iter()
            .map(|r| base.join(r).to_string_lossy().into_owned())
            .collect();
        Ok(config)
    }

    pub fn parse(path: &str, text: &str) -> Result<Config, SetupError> {
        let mut config: Config = toml::from_str(text).map_err(|e| SetupError::Rules {
            path: path.to_string(),
            message: e.to_string().trim_end().to_string(),
        })?;
        config.path = path.to_string();
        Ok(config)
    }

    /// Disables and re-grades rules; a rule id the rules do not know is an
    /// error, so a typo never silently leaves a rule on.
    pub fn apply(&self, rules: &mut RuleData) -> Result<(), SetupError> {
        let unknown = self
            .disable
            .iter()
            .chain(self.severity.keys())
            .find(|id| !rules.check.iter().any(|c| &c.id == *id));
        if let Some(id) = unknown {
            return Err(SetupError::Rules {
                path: self.path.clone(),
                message: format!("no rule named '{id}'; `claimcheck rules` lists them"),
            });
        }
        rules.check.retain(|c| !self.disable.contains(&c.id));
        for c in &mut rules.check {
            if let Some(s) = self.severity.get(&c.id) {
                c.severity = *s;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disables_and_regrades_rules() {
        let config = Config::parse(
            "claimcheck.toml",
            "disable = [\"name-variant\"]\nfail-on = \"warning\"\n[severity]\ncorroborated = \"warning\"\n",
        )
        .unwrap();
        let mut rules = RuleData::load(&[]).unwrap();
        config.apply(&mut rules).unwrap();
        assert!(!rules.check.iter().any(|c| c.id == "name-variant"));
        let corroborated = rules.check.iter().find(|c| c.id == "corroborated").unwrap();
        assert_eq!(corroborated.severity, Severity::Warning);
        assert_eq!(config.fail_on, Some(Severity::Warning));
    }

    #[test]
    fn an_unknown_rule_is_an_error_naming_the_file() {
        let config =
            Config::parse("cfg/claimcheck.toml", "disable = [\"no-such-rule\"]\n").unwrap();
        let mut rules = RuleData::load(&[]).unwrap();
        let e = config.apply(&mut rules).unwrap_err().to_string();
        assert_eq!(
            e,
            "cfg/claimcheck.toml: no rule named 'no-such-rule'; `claimcheck rules` lists them"
        );
    }

    #[test]
    fn an_unknown_key_is_an_error() {
        let e = Config::parse("claimcheck.toml", "disabled = []\n").unwrap_err();
        assert!(e.to_string().starts_with("claimcheck.toml: "), "{e}");
        assert!(e.to_string().contains("unknown field `disabled`"), "{e}");
    }
}
