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
    /// The `--max-file-size` used when the command line gives none, as
    /// written: bytes, or "50MB", "2MiB".
    #[serde(default, rename = "max-file-size")]
    max_file_size_written: Option<SizeSetting>,
    /// That size in bytes.
    #[serde(skip)]
    pub max_file_size: Option<u64>,
    /// Where the file was read from; empty for the defaults.
    #[serde(skip)]
    pub path: String,
}

/// A size as a config file writes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum SizeSetting {
    Bytes(u64),
    Written(String),
}

/// "50MB", "50 MB", "2MiB", "1500000", "10k": a size in bytes. K, M and G
/// are powers of 1000, KiB, MiB and GiB of 1024.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("'{s}' is not a size (write e.g. 50MB or 2000000)"))?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1_000,
        "m" | "mb" => 1_000_000,
        "g" | "gb" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        _ => return Err(format!("'{s}' is not a size (write e.g. 50MB or 2000000)")),
    };
    n.checked_mul(factor)
        .ok_or_else(|| format!("'{s}' is too large"))
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
        config.max_file_size = match &config.max_file_size_written {
            None => None,
            Some(SizeSetting::Bytes(n)) => Some(*n),
            Some(SizeSetting::Written(s)) => {
                Some(parse_size(s).map_err(|message| SetupError::Rules {
                    path: path.to_string(),
                    message: format!("max-file-size: {message}"),
                })?)
            }
        };
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
        rules.disabled.extend(self.disable.iter().cloned());
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
    fn sizes_read_in_bytes() {
        assert_eq!(parse_size("50MB"), Ok(50_000_000));
        assert_eq!(parse_size("2 MiB"), Ok(2 * 1024 * 1024));
        assert_eq!(parse_size("1500"), Ok(1500));
        assert_eq!(
            parse_size("lots"),
            Err("'lots' is not a size (write e.g. 50MB or 2000000)".to_string())
        );
        let c = Config::parse("c.toml", "max-file-size = \"1k\"\n").unwrap();
        assert_eq!(c.max_file_size, Some(1000));
        let c = Config::parse("c.toml", "max-file-size = 1234\n").unwrap();
        assert_eq!(c.max_file_size, Some(1234));
        let e = Config::parse("c.toml", "max-file-size = \"big\"\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.toml: max-file-size: 'big' is not a size (write e.g. 50MB or 2000000)"
        );
    }

    #[test]
    fn an_unknown_key_is_an_error() {
        let e = Config::parse("claimcheck.toml", "disabled = []\n").unwrap_err();
        assert!(e.to_string().starts_with("claimcheck.toml: "), "{e}");
        assert!(e.to_string().contains("unknown field `disabled`"), "{e}");
    }
}
