//! `candor explain`, `candor vocab`, `candor fmt`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::check::LOAD_ERROR;
use super::files::collect_files;
use candor::checks::{self, RULES};
use candor::model::ron_io;
use candor::model::vocab::{AttributeKind, closest, vocab};
use candor::text::clean;

/// What a file that cannot be loaded links to: its page, and `candor explain load-error`.
const LOAD_ERROR_TEXT: &str =
    "A campaign file could not be read or parsed, so no rule could look at it. `candor check`
reports it in every format with the file, the line and column where reading stopped, and what
to do; the run exits with code 2, so a CI job never mistakes it for a clean file.

Common causes: a misspelt field or choice (the message names the closest one), a missing comma
or bracket, text that is not UTF-8, or a file that is not a campaign at all. Fix the file and
check again; `candor fmt` rewrites a file that loads in its canonical form.
";

/// Writes each rule's explanation as `DIR/RULE-ID.md`, the pages findings link to.
pub fn write_docs(dir: &std::path::Path, out: &mut dyn Write) -> Result<ExitCode> {
    std::fs::create_dir_all(dir)?;
    for r in RULES {
        let path = dir.join(format!("{}.md", r.id));
        ron_io::write_atomic(&path, &r.markdown())?;
    }
    let page = format!(
        "<!-- Written by `candor explain --write-docs docs/rules`. -->\n# {LOAD_ERROR}\n\n{LOAD_ERROR_TEXT}"
    );
    ron_io::write_atomic(&dir.join(format!("{LOAD_ERROR}.md")), &page)?;
    writeln!(
        out,
        "Wrote {} rule pages to {}.",
        RULES.len(),
        clean(&dir.display().to_string())
    )?;
    Ok(ExitCode::SUCCESS)
}

pub fn run_explain(
    id: Option<&str>,
    list: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    if list || id.is_none() {
        let width = RULES.iter().map(|r| r.id.len()).max().unwrap_or(0);
        writeln!(
            out,
            "{:width$}  {:7}  {:10}  SUMMARY",
            "RULE", "LEVEL", "FIX"
        )?;
        for r in RULES {
            writeln!(
                out,
                "{:width$}  {:7}  {:10}  {}",
                r.id,
                r.severity.label(),
                r.fix_label(),
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
    // `check` reports a file it cannot read under this id, so it is explained like a rule.
    if id == LOAD_ERROR {
        writeln!(
            out,
            "{LOAD_ERROR} (error; not a rule: the file could not be checked at all)\n"
        )?;
        write!(out, "{LOAD_ERROR_TEXT}")?;
        return Ok(ExitCode::SUCCESS);
    }
    match checks::rule(id) {
        Some(r) => {
            writeln!(out, "{} ({} by default)\n", r.id, r.severity)?;
            writeln!(out, "{}\n", r.summary)?;
            writeln!(out, "Guards against: {}.", r.risk.label())?;
            writeln!(out, "{}", r.fix_sentence())?;
            if !r.waivable {
                writeln!(
                    out,
                    "Cannot be waived: a waiver in the campaign does not accept its findings."
                )?;
            }
            writeln!(out, "\n{}", r.explanation)?;
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
        let loaded = ron_io::read_text(file)
            .and_then(|(shown, text)| Ok((ron_io::load_str(&shown, &text)?, shown, text)));
        let (doc, shown, current) = match loaded {
            Ok(l) => l,
            Err(e) => {
                failures.push(e);
                continue;
            }
        };
        let canonical = ron_io::document_text(&doc.campaign, &doc.leading_comment)?;
        if canonical == current {
            continue;
        }
        if let Some(pos) = ron_io::inner_comment(&current) {
            failures.push(ron_io::LoadError {
                file: shown,
                pos: Some(pos),
                message: "not rewritten: this comment would be lost, as the canonical form keeps only the comment block at the top".into(),
                hint: Some("move the comment into the block at the top of the file".into()),
            });
            continue;
        }
        changed += 1;
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
