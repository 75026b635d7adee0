//! One function per subcommand: validate the settings, call the library,
//! render, and say which exit code the outcome means.

use claimcheck::archive::{self, Mode};
use claimcheck::model::Severity;
use claimcheck::report::{self, CheckReport};
use claimcheck::{analyze, check, compare, Config, Engine, Outcome, Side};

use super::cli::{
    ArchiveCommand, CheckFormat, ClaimsFormat, Cli, Command, DiffFormat, FailOn, Inputs,
    ParseFormat,
};
use super::progress::Bar;
use super::{emit, report_errors, report_warnings, setup, Failure, EXIT_FINDINGS, EXIT_OK};
use crate::app::changed::ChangedLines;

pub fn execute(cli: Cli) -> Result<u8, Failure> {
    let config_flag = cli.config.as_deref();
    let progress = !cli.no_progress;
    match cli.command {
        Command::Claims { inputs, format } => claims(config_flag, &inputs, format, progress),
        Command::Check {
            inputs,
            format,
            fail_on,
            changed_since,
            archive,
        } => {
            let settings = CheckSettings {
                format,
                fail_on,
                changed_since,
                progress,
                archive,
            };
            check_command(config_flag, &inputs, &settings)
        }
        Command::Diff {
            old,
            new,
            against,
            archive,
            format,
            published,
            rules,
            max_file_size,
        } => {
            let inputs = |revision: &str| Inputs {
                paths: std::iter::once(revision.to_string())
                    .chain(against.iter().cloned())
                    .collect(),
                published: published.clone(),
                rules: Vec::new(),
                max_file_size: max_file_size.clone(),
            };
            diff(
                config_flag,
                &rules,
                [(&old, inputs(&old)), (&new, inputs(&new))],
                archive.as_deref(),
                format,
            )
        }
        Command::Index {
            paths,
            archive,
            remove,
            published,
            rules,
            max_file_size,
        } => {
            let inputs = Inputs {
                paths,
                published,
                rules,
                max_file_size,
            };
            if remove {
                remove_command(&archive, &inputs.paths)
            } else {
                index_command(config_flag, &inputs, &archive, progress)
            }
        }
        Command::Archive {
            command: ArchiveCommand::Stats { archive },
        } => stats_command(&archive),
        Command::Parse { inputs, format } => parse(config_flag, &inputs, format),
        Command::Rules { rules, markdown } => list_rules(config_flag, &rules, markdown),
        Command::Explain { rule, rules } => explain(config_flag, &rules, &rule),
    }
}

fn claims(
    config_flag: Option<&str>,
    inputs: &Inputs,
    format: ClaimsFormat,
    progress: bool,
) -> Result<u8, Failure> {
    let (config, rules) = setup(config_flag, &inputs.rules)?;
    let read = inputs.settings(&config).map_err(Failure::Usage)?;
    let engine = Engine::new(rules);
    let bar = Bar::new(progress);
    let outcome = analyze(&engine, &read, &bar);
    bar.finish();
    report_warnings(&outcome.warnings);
    emit(&match format {
        ClaimsFormat::Json => report::claims::json(&outcome),
        ClaimsFormat::Text => report::claims::text(&outcome),
    });
    Ok(report_errors(&outcome.errors).unwrap_or(EXIT_OK))
}

fn parse(config_flag: Option<&str>, inputs: &Inputs, format: ParseFormat) -> Result<u8, Failure> {
    let (config, rules) = setup(config_flag, &inputs.rules)?;
    let read = inputs.settings(&config).map_err(Failure::Usage)?;
    let engine = Engine::new(rules).parsing_everything();
    let outcome = analyze(&engine, &read, &claimcheck::Quiet);
    report_warnings(&outcome.warnings);
    emit(&match format {
        ParseFormat::Conllu => report::parse::conllu(&outcome),
        ParseFormat::Json => report::parse::json(&outcome),
    });
    Ok(report_errors(&outcome.errors).unwrap_or(EXIT_OK))
}

struct CheckSettings {
    format: CheckFormat,
    fail_on: Option<FailOn>,
    changed_since: Option<String>,
    progress: bool,
    archive: Option<String>,
}

/// The outcome with what the archive holds for its claims, if one is named.
fn with_archive(
    engine: &Engine,
    outcome: Outcome,
    target: Option<&str>,
) -> Result<Outcome, Failure> {
    let Some(target) = target else {
        return Ok(outcome);
    };
    let mut store = archive::open(target, Mode::Read)?;
    Ok(archive::against(outcome, &engine.rules, store.as_mut())?)
}

fn check_command(
    config_flag: Option<&str>,
    inputs: &Inputs,
    settings: &CheckSettings,
) -> Result<u8, Failure> {
    let (config, rules) = setup(config_flag, &inputs.rules)?;
    let read = inputs.settings(&config).map_err(Failure::Usage)?;
    let engine = Engine::new(rules);
    let bar = Bar::new(settings.progress);
    let outcome = analyze(&engine, &read, &bar);
    bar.finish();
    let outcome = with_archive(&engine, outcome, settings.archive.as_deref())?;
    let mut checked = check(&engine, &outcome);
    report_warnings(&outcome.warnings);
    report_warnings(&checked.warnings);
    if let Some(rev) = &settings.changed_since {
        let changed = ChangedLines::since(rev, &outcome.docs).map_err(Failure::Usage)?;
        checked
            .findings
            .retain(|f| changed.touches(&outcome.docs, f));
    }
    let report = CheckReport {
        docs: &outcome.docs,
        findings: &checked.findings,
        errors: &outcome.errors,
        suppressed: checked.suppressed,
        rules: &engine.rules,
    };
    emit(&render(settings.format, &report));
    let threshold = fail_threshold(settings.fail_on, &config);
    let failing = checked.findings.iter().any(|f| f.severity >= threshold);
    let code = if failing { EXIT_FINDINGS } else { EXIT_OK };
    Ok(report_errors(&outcome.errors).unwrap_or(code))
}

/// The renderer for each check format.
pub fn render(format: CheckFormat, report: &CheckReport<'_>) -> String {
    match format {
        CheckFormat::Human => report::human::render_report(report),
        CheckFormat::Json => report::check_json::render(report),
        CheckFormat::Jsonl => report::jsonl::render(report),
        CheckFormat::Sarif => report::sarif::render(report),
        CheckFormat::Github => report::github::render(report),
        CheckFormat::Html => report::html::render(report),
    }
}

/// Checks each revision with the other documents, then compares the two.
fn diff(
    config_flag: Option<&str>,
    rules: &[String],
    revisions: [(&String, Inputs); 2],
    archive: Option<&str>,
    format: DiffFormat,
) -> Result<u8, Failure> {
    let (config, rules) = setup(config_flag, rules)?;
    let engine = Engine::new(rules);
    let mut runs = Vec::new();
    let mut warnings = Vec::new();
    for (path, inputs) in &revisions {
        let read = inputs.settings(&config).map_err(Failure::Usage)?;
        let outcome = analyze(&engine, &read, &claimcheck::Quiet);
        let outcome = with_archive(&engine, outcome, archive)?;
        let checked = check(&engine, &outcome);
        warnings.extend(outcome.warnings.iter().cloned());
        warnings.extend(checked.warnings.iter().cloned());
        runs.push((path.as_str(), outcome, checked));
    }
    // Both runs read the other documents: each warning once.
    let mut seen = std::collections::HashSet::new();
    warnings.retain(|w| seen.insert(w.to_string()));
    report_warnings(&warnings);
    let any_errors = runs.iter().any(|(_, o, _)| !o.errors.is_empty());
    for (path, outcome, _) in &runs {
        if !outcome.docs.iter().any(|a| a.doc.path == *path) && !any_errors {
            return Err(Failure::Usage(format!("{path}: no article read")));
        }
    }
    let sides: Vec<Side<'_>> = runs
        .iter()
        .map(|(path, outcome, checked)| Side {
            path,
            outcome,
            findings: &checked.findings,
        })
        .collect();
    let d = compare(&sides[0], &sides[1]);
    emit(&match format {
        DiffFormat::Human => report::diff::human(&d),
        DiffFormat::Json => report::diff::json(&d),
    });
    let threshold = fail_threshold(None, &config);
    let failing = d.introduced.iter().any(|f| f.severity >= threshold);
    let code = if failing { EXIT_FINDINGS } else { EXIT_OK };
    Ok(report_errors(&d.errors).unwrap_or(code))
}

/// `index PATH... --archive TARGET`: one line saying what was stored.
fn index_command(
    config_flag: Option<&str>,
    inputs: &Inputs,
    target: &str,
    progress: bool,
) -> Result<u8, Failure> {
    let (config, rules) = setup(config_flag, &inputs.rules)?;
    let read = inputs.settings(&config).map_err(Failure::Usage)?;
    let engine = Engine::new(rules);
    let mut store = archive::open(target, Mode::Write)?;
    let bar = Bar::new(progress);
    let done = archive::index(&engine, &read, store.as_mut(), &bar)?;
    bar.finish();
    report_warnings(&done.warnings);
    emit(&format!(
        "{}: {} added, {} replaced, {} unchanged; {} written\n",
        store.target(),
        report::counted(done.added, "document", "documents"),
        done.replaced,
        done.unchanged,
        report::counted(done.claims, "claim", "claims"),
    ));
    Ok(report_errors(&done.errors).unwrap_or(EXIT_OK))
}

/// `index --remove PATH... --archive TARGET`.
fn remove_command(target: &str, paths: &[String]) -> Result<u8, Failure> {
    let mut store = archive::open(target, Mode::Read)?;
    let mut missing = Vec::new();
    for path in paths {
        let n = store.remove(path)?;
        if n == 0 {
            missing.push(path.as_str());
        }
        emit(&format!(
            "{}: {} removed\n",
            path,
            report::counted(n, "document", "documents")
        ));
    }
    if !missing.is_empty() {
        return Err(Failure::Usage(format!(
            "{}: nothing stored under {}",
            store.target(),
            missing.join(", ")
        )));
    }
    Ok(EXIT_OK)
}

/// `archive stats --archive TARGET`.
fn stats_command(target: &str) -> Result<u8, Failure> {
    let mut store = archive::open(target, Mode::Read)?;
    let s = store.stats()?;
    let published = s
        .published
        .map_or("none".to_string(), |(a, b)| format!("{a} to {b}"));
    emit(&format!(
        "archive: {}\nbackend: {}\nschema version: {}\ndocuments: {}\nsources: {}\nclaims: {}\nmeasure-holder keys: {}\npublished: {}\n",
        store.target(),
        s.backend,
        s.schema_version,
        s.documents,
        s.sources,
        s.claims,
        s.keys,
        published
    ));
    Ok(EXIT_OK)
}

fn list_rules(config_flag: Option<&str>, rules: &[String], markdown: bool) -> Result<u8, Failure> {
    let (_, data) = setup(config_flag, rules)?;
    if markdown {
        emit(&report::rules_doc::markdown(&data));
        return Ok(EXIT_OK);
    }
    let out: String = data
        .check
        .iter()
        .map(|c| {
            format!(
                "{:<28} {:<14} {:<8} {}\n",
                c.id,
                c.kind().to_string(),
                c.severity.to_string(),
                c.docs.finds
            )
        })
        .collect();
    emit(&out);
    Ok(EXIT_OK)
}

fn explain(config_flag: Option<&str>, rules: &[String], rule: &str) -> Result<u8, Failure> {
    let (_, data) = setup(config_flag, rules)?;
    let c = data.check.iter().find(|c| c.id == rule).ok_or_else(|| {
        Failure::Usage(format!(
            "no rule named '{rule}'; `claimcheck rules` lists them"
        ))
    })?;
    emit(&format!(
        "{} ({}, {})\n\nWhat it finds: {}\nWhy it matters: {}\nExample: {}\n",
        c.id,
        c.kind(),
        c.severity,
        c.docs.finds,
        c.docs.why,
        c.docs.example
    ));
    Ok(EXIT_OK)
}

/// `--fail-on` if given, else the config's, else error.
fn fail_threshold(flag: Option<FailOn>, config: &Config) -> Severity {
    flag.map(FailOn::severity)
        .or(config.fail_on)
        .unwrap_or(Severity::Error)
}
