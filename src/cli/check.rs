//! `candor check`, `candor explain`, `candor vocab`, `candor fmt`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use candor::checks::{self, Counts, Finding, RULES, Severity};
use candor::model::ron_io::{self, LoadError};
use candor::model::vocab::{AttributeKind, closest, vocab};
use candor::text::clean;

/// The `.ron` files named by `paths`: files as given, folders searched recursively, sorted so
/// output is stable. Unreadable folders become load errors.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk_dir(p, &mut files, &mut errors);
        } else {
            files.push(p.clone());
        }
    }
    (files, errors)
}

fn walk_dir(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<LoadError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(LoadError {
                file: clean(&dir.display().to_string()),
                pos: None,
                message: format!("cannot read the folder: {}", clean(&e.to_string())),
                hint: None,
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let is_link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
        if p.is_dir() && !is_link {
            walk_dir(&p, files, errors);
        } else if p.extension().is_some_and(|e| e == "ron") {
            files.push(p);
        }
    }
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    file: String,
    campaign: String,
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    location: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    hint: &'a str,
}

/// The rule id a file that cannot be read or parsed is reported under, so a tool reading the
/// JSON sees it as an error instead of a clean run.
pub const LOAD_ERROR: &str = "load-error";

pub struct CheckOptions {
    pub json: bool,
    pub deny_warnings: bool,
}

pub fn run_check(
    paths: &[PathBuf],
    opts: &CheckOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let (files, mut failures) = collect_files(paths);
    let mut results: Vec<(String, String, Vec<Finding>)> = Vec::new();
    for file in &files {
        match ron_io::load_file(file) {
            Ok(doc) => {
                let findings = checks::check_document(&doc);
                results.push((
                    clean(&file.display().to_string()),
                    clean(&doc.campaign.id),
                    findings,
                ));
            }
            Err(e) => failures.push(e),
        }
    }
    let all: Vec<&Finding> = results.iter().flat_map(|r| r.2.iter()).collect();
    let counts = Counts::of(&all.iter().map(|f| (*f).clone()).collect::<Vec<_>>());
    if opts.json {
        let json: Vec<JsonFinding> = results
            .iter()
            .flat_map(|(file, campaign, findings)| {
                findings.iter().map(move |f| JsonFinding {
                    file: file.clone(),
                    campaign: campaign.clone(),
                    rule: f.rule,
                    severity: f.severity,
                    message: &f.message,
                    location: &f.location,
                    line: f.pos.map(|p| p.line),
                    column: f.pos.map(|p| p.column),
                    hint: &f.hint,
                })
            })
            .chain(failures.iter().map(|e| {
                JsonFinding {
                    file: e.file.clone(),
                    campaign: String::new(),
                    rule: LOAD_ERROR,
                    severity: Severity::Error,
                    message: &e.message,
                    location: "",
                    line: e.pos.map(|p| p.line),
                    column: e.pos.map(|p| p.column),
                    hint: e
                        .hint
                        .as_deref()
                        .unwrap_or("fix the file so it loads, then check again"),
                }
            }))
            .collect();
        serde_json::to_writer_pretty(&mut *out, &json)?;
        writeln!(out)?;
        for e in &failures {
            writeln!(err, "error: {e}")?;
        }
    } else {
        for (file, _, findings) in &results {
            for f in findings {
                let at = match f.pos {
                    Some(p) => format!("{file}:{}:{}", p.line, p.column),
                    None => file.clone(),
                };
                writeln!(out, "{at}: {}[{}]: {}", f.severity, f.rule, f.message)?;
                writeln!(out, "  at {}", f.location)?;
                writeln!(out, "  help: {}", f.hint)?;
            }
        }
        for e in &failures {
            writeln!(err, "error: {e}")?;
        }
        let unreadable = if failures.is_empty() {
            String::new()
        } else {
            format!(
                "; {} could not be read",
                plural(failures.len(), "file", "files")
            )
        };
        writeln!(
            out,
            "Checked {}: {}, {}, {}{unreadable}.",
            plural(results.len(), "campaign", "campaigns"),
            plural(counts.errors as usize, "error", "errors"),
            plural(counts.warnings as usize, "warning", "warnings"),
            plural(counts.infos as usize, "note", "notes"),
        )?;
        if results.is_empty() && failures.is_empty() {
            writeln!(
                err,
                "No .ron files found in {}.",
                paths
                    .iter()
                    .map(|p| clean(&p.display().to_string()))
                    .collect::<Vec<_>>()
                    .join(", ")
            )?;
        }
    }
    Ok(if !failures.is_empty() {
        ExitCode::from(2)
    } else if counts.errors > 0 || (opts.deny_warnings && counts.warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub fn run_explain(
    id: Option<&str>,
    list: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    if list || id.is_none() {
        let width = RULES.iter().map(|r| r.id.len()).max().unwrap_or(0);
        for r in RULES {
            writeln!(
                out,
                "{:width$}  {:7}  {}",
                r.id,
                r.severity.label(),
                r.summary
            )?;
        }
        if id.is_none() && !list {
            writeln!(
                out,
                "\nRun `candor explain RULE-ID` for the full explanation of one rule."
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let id = id.unwrap_or_default();
    match checks::rule(id) {
        Some(r) => {
            writeln!(out, "{} ({} by default)\n", r.id, r.severity)?;
            writeln!(out, "{}\n", r.summary)?;
            writeln!(out, "Guards against: {}.\n", r.risk.label())?;
            writeln!(out, "{}", r.explanation)?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let near = closest(id, RULES.iter().map(|r| r.id));
            write!(err, "error: there is no rule `{}`", clean(id))?;
            if near.is_empty() {
                writeln!(err, ".")?;
            } else {
                writeln!(
                    err,
                    "; did you mean {}?",
                    near.iter()
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )?;
            }
            writeln!(err, "  help: `candor explain --list` lists every rule.")?;
            Ok(ExitCode::from(2))
        }
    }
}

pub fn run_vocab(out: &mut dyn Write) -> Result<ExitCode> {
    let v = vocab();
    writeln!(out, "Attributes (audience conditions and model features):")?;
    for a in &v.attributes {
        let kind = match &a.kind {
            AttributeKind::Proxy(s) => format!("proxy for {}", s.join(", ")),
            k => k.label().to_string(),
        };
        writeln!(out, "  {:22} {:24} {}", a.id, a.label, kind)?;
    }
    writeln!(out, "\nData categories (sensitivity 1 to 8):")?;
    for c in &v.categories {
        writeln!(out, "  {:38} {}", c.name, c.sensitivity)?;
    }
    writeln!(out, "\nPurposes (data uses):")?;
    for u in &v.uses {
        let consent = if u.needs_consent { "needs consent" } else { "" };
        writeln!(out, "  {:44} {}", u.name, consent)?;
    }
    writeln!(
        out,
        "\nWhat each part of a campaign reads (assets/vocab/data_map.ron):"
    )?;
    let lists = [
        ("Intent actions", &v.actions),
        ("Zone kinds", &v.zone_kinds),
        ("Recipe ingredients", &v.ingredients),
        ("Recipe exclusions", &v.exclusions),
        ("Channels", &v.channels),
    ];
    for (title, defs) in lists {
        writeln!(out, "  {title}:")?;
        for d in defs {
            let reads = if d.reads.is_empty() {
                "nothing about the person".to_string()
            } else {
                format!("{} ({})", d.reads.join(", "), d.how.label())
            };
            writeln!(out, "    {:22} {reads}", d.name)?;
            writeln!(out, "    {:22} because {}", "", d.reason)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Rewrites campaign files in canonical form, or with `check`, lists the ones that are not.
pub fn run_fmt(
    paths: &[PathBuf],
    check: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let (files, mut failures) = collect_files(paths);
    let mut changed = 0;
    for file in &files {
        let doc = match ron_io::load_file(file) {
            Ok(d) => d,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        let canonical = ron_io::document_text(&doc.campaign, &doc.leading_comment)?;
        let current = std::fs::read_to_string(file).unwrap_or_default();
        if canonical == current {
            continue;
        }
        changed += 1;
        let shown = clean(&file.display().to_string());
        if check {
            writeln!(out, "{shown}: not in canonical form")?;
        } else {
            ron_io::write_atomic(file, &canonical)?;
            writeln!(out, "{shown}: rewritten")?;
        }
    }
    for e in &failures {
        writeln!(err, "error: {e}")?;
    }
    Ok(if !failures.is_empty() {
        ExitCode::from(2)
    } else if check && changed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
