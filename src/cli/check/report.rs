//! The text, JSON, GitHub and JUnit reports of a check run.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;

use super::{LOAD_ERROR, Run};
use crate::cli::files::plural;
use candor::checks::{Finding, Severity, Waived};
use candor::model::ron_io::LoadError;
use candor::text::clean;

const LOAD_HINT: &str = "fix the file so it loads, then check again";

/// "7 known findings from the baseline are not shown."
pub fn known_line(known: usize) -> String {
    format!(
        "{} from the baseline {} not shown.",
        plural(known, "known finding", "known findings"),
        if known == 1 { "is" } else { "are" }
    )
}

pub fn text(run: &Run, paths: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> Result<()> {
    for c in run.checked() {
        for f in &c.findings {
            let at = match f.pos {
                Some(p) => format!("{}:{}:{}", c.file, p.line, p.column),
                None => c.file.clone(),
            };
            let waived = if f.waived.is_some() { " (waived)" } else { "" };
            writeln!(
                out,
                "{at}: {}[{}]: {}{waived}",
                f.severity, f.rule, f.message
            )?;
            writeln!(out, "  at {}", f.location)?;
            match &f.waived {
                Some(w) => writeln!(out, "  {}", w.describe())?,
                None => writeln!(out, "  help: {}", f.hint)?,
            }
        }
    }
    for e in run.failures() {
        writeln!(err, "error: {e}")?;
    }
    let counts = run.counts();
    let mut tail = String::new();
    if counts.waived > 0 {
        tail.push_str(&format!(", {} waived", counts.waived));
    }
    let failed = run.failures().count();
    if failed > 0 {
        tail.push_str(&format!(
            "; {} could not be read",
            plural(failed, "file", "files")
        ));
    }
    writeln!(
        out,
        "Checked {}: {}, {}, {}{tail}.",
        plural(run.checked().count(), "campaign", "campaigns"),
        plural(counts.errors as usize, "error", "errors"),
        plural(counts.warnings as usize, "warning", "warnings"),
        plural(counts.infos as usize, "note", "notes"),
    )?;
    if run.known > 0 {
        writeln!(out, "{}", known_line(run.known))?;
    }
    if run.entries.is_empty() {
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
    Ok(())
}

/// One finding, or a file that could not be loaded, in every machine-read format.
pub struct Item<'a> {
    pub file: &'a str,
    pub campaign: &'a str,
    pub rule: &'a str,
    pub severity: Severity,
    pub message: &'a str,
    pub location: &'a str,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub hint: &'a str,
    pub waived: Option<&'a Waived>,
    /// Whether it fails the run.
    pub fails: bool,
}

/// Every finding, then every file that could not be loaded, in a stable order.
pub fn items(run: &Run) -> Vec<Item<'_>> {
    let mut all = Vec::new();
    for c in run.checked() {
        for f in &c.findings {
            all.push(finding_item(run, &c.file, &c.campaign, f));
        }
    }
    for e in run.failures() {
        all.push(load_item(e));
    }
    all
}

fn finding_item<'a>(run: &Run, file: &'a str, campaign: &'a str, f: &'a Finding) -> Item<'a> {
    Item {
        file,
        campaign,
        rule: f.rule,
        severity: f.severity,
        message: &f.message,
        location: &f.location,
        line: f.pos.map(|p| p.line),
        column: f.pos.map(|p| p.column),
        hint: &f.hint,
        waived: f.waived.as_ref(),
        fails: run.fails(f),
    }
}

fn load_item(e: &LoadError) -> Item<'_> {
    Item {
        file: &e.file,
        campaign: "",
        rule: LOAD_ERROR,
        severity: Severity::Error,
        message: &e.message,
        location: "",
        line: e.pos.map(|p| p.line),
        column: e.pos.map(|p| p.column),
        hint: e.hint.as_deref().unwrap_or(LOAD_HINT),
        waived: None,
        fails: true,
    }
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    file: &'a str,
    campaign: &'a str,
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    location: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    hint: &'a str,
    help_uri: String,
    waived: Option<&'a Waived>,
}

pub fn json(run: &Run, out: &mut dyn Write) -> Result<()> {
    let list: Vec<JsonFinding> = items(run)
        .into_iter()
        .map(|i| JsonFinding {
            file: i.file,
            campaign: i.campaign,
            rule: i.rule,
            severity: i.severity,
            message: i.message,
            location: i.location,
            line: i.line,
            column: i.column,
            hint: i.hint,
            help_uri: help_uri(run, i.rule),
            waived: i.waived,
        })
        .collect();
    candor::text::json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)?;
    Ok(())
}

/// Where a rule is explained (`load-error` has its page beside the rules').
pub fn help_uri(run: &Run, rule: &str) -> String {
    run.settings.help_uri(rule)
}

/// GitHub Actions workflow commands, one per finding: the code host shows each on its line.
pub fn github(run: &Run, out: &mut dyn Write) -> Result<()> {
    for i in items(run) {
        let command = match (i.waived, i.severity) {
            (Some(_), _) | (None, Severity::Info) => "notice",
            (None, Severity::Warning) => "warning",
            (None, Severity::Error) => "error",
        };
        let mut props = vec![format!("file={}", property(i.file))];
        if let Some(l) = i.line {
            props.push(format!("line={l}"));
        }
        if let Some(c) = i.column {
            props.push(format!("col={c}"));
        }
        props.push(format!("title={}", property(&format!("candor {}", i.rule))));
        let message = match i.waived {
            Some(w) => format!("{} (waived) {}", i.message, w.describe()),
            None => format!("{}. {}", i.message.trim_end_matches('.'), i.hint),
        };
        writeln!(out, "::{command} {}::{}", props.join(","), data(&message))?;
    }
    let counts = run.counts();
    writeln!(
        out,
        "candor: {}, {}, {}, {} waived; {} could not be read.",
        plural(counts.errors as usize, "error", "errors"),
        plural(counts.warnings as usize, "warning", "warnings"),
        plural(counts.infos as usize, "note", "notes"),
        counts.waived,
        plural(run.failures().count(), "file", "files"),
    )?;
    Ok(())
}

/// A workflow command's message, escaped as the runner expects.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value, escaped as the runner expects.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// JUnit XML: a test suite per file, a test case per finding (and one for a clean file).
/// Findings that fail the run are failures; waived ones are skipped; the rest pass with the
/// finding as output, so the report shows them without failing the build.
pub fn junit(run: &Run, out: &mut dyn Write) -> Result<()> {
    let all = items(run);
    let mut files: Vec<&str> = Vec::new();
    for i in &all {
        if !files.contains(&i.file) {
            files.push(i.file);
        }
    }
    for c in run.checked() {
        if !files.contains(&c.file.as_str()) {
            files.push(&c.file);
        }
    }
    let failures = all.iter().filter(|i| i.fails).count();
    let tests: usize = files
        .iter()
        .map(|f| all.iter().filter(|i| i.file == *f).count().max(1))
        .sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="candor check" tests="{tests}" failures="{failures}">"#
    )?;
    for file in files {
        let mine: Vec<&Item> = all.iter().filter(|i| i.file == file).collect();
        let failed = mine.iter().filter(|i| i.fails).count();
        let skipped = mine.iter().filter(|i| i.waived.is_some()).count();
        writeln!(
            out,
            r#"  <testsuite name="{}" tests="{}" failures="{failed}" skipped="{skipped}">"#,
            xml(file),
            mine.len().max(1)
        )?;
        if mine.is_empty() {
            writeln!(
                out,
                r#"    <testcase classname="{}" name="no findings"/>"#,
                xml(file)
            )?;
        }
        for i in mine {
            let at = match (i.line, i.column) {
                (Some(l), Some(c)) => format!("{}:{l}:{c}", i.file),
                _ => i.file.to_string(),
            };
            let name = if i.location.is_empty() {
                i.rule.to_string()
            } else {
                format!("{} at {}", i.rule, i.location)
            };
            writeln!(
                out,
                r#"    <testcase classname="{}" name="{}" file="{}"{}>"#,
                xml(i.file),
                xml(&name),
                xml(i.file),
                i.line
                    .map(|l| format!(r#" line="{l}""#))
                    .unwrap_or_default()
            )?;
            let body = format!(
                "{at}: {}
help: {}",
                i.message, i.hint
            );
            if let Some(w) = i.waived {
                writeln!(out, r#"      <skipped message="{}"/>"#, xml(&w.describe()))?;
            } else if i.fails {
                writeln!(
                    out,
                    r#"      <failure type="{}" message="{}">{}</failure>"#,
                    i.severity,
                    xml(i.message),
                    xml(&body)
                )?;
            } else {
                writeln!(
                    out,
                    "      <system-out>{}: {}</system-out>",
                    i.severity,
                    xml(&body)
                )?;
            }
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")?;
    Ok(())
}

/// Text made safe inside XML attributes and elements.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            // XML 1.0 allows no other control characters, even escaped.
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn workflow_commands_and_xml_are_escaped() {
        assert_eq!(super::property("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
        assert_eq!(super::data("50% off\r\n"), "50%25 off%0D%0A");
        assert_eq!(
            super::xml("<a href=\"x\">&'\u{1b}"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
    }
}
