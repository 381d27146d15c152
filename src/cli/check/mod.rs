//! `candor check`: files checked on every core, with the project's settings, the campaign's
//! waivers, a baseline of known findings, fixes, and the output formats CI tools read.

mod baseline;
mod report;
mod sarif;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use super::files::collect_files;
use candor::checks::Settings;
use candor::checks::files::{Checked, FixMode, check_files};
use candor::model::ron_io::{self, LoadError};
use candor::text::clean;

pub use baseline::fingerprint;

/// The rule id a file that cannot be read or parsed is reported under, so a tool reading the
/// output sees it as an error instead of a clean run.
pub const LOAD_ERROR: &str = "load-error";

/// The paths to check: those given, or ./campaigns when none are. Without that folder the
/// answer says what to give, not that "campaigns" cannot be read; `--show-settings` reads no
/// files (the settings are found from here upwards), so it needs no folder.
pub fn paths_or_default(paths: Vec<PathBuf>, settings_only: bool) -> Result<Vec<PathBuf>> {
    if !paths.is_empty() {
        return Ok(paths);
    }
    let default = PathBuf::from("campaigns");
    if !settings_only && !default.is_dir() {
        anyhow::bail!(
            "no files given, and there is no campaigns/ folder here to check by default; name the .ron files or folders to check, as in `candor check my-campaigns/`"
        );
    }
    Ok(vec![default])
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// Lines for people: file:line:col, severity, rule, message, help.
    Text,
    /// A JSON list of findings.
    Json,
    /// SARIF 2.1.0, which code hosts show on the lines of a pull request.
    Sarif,
    /// GitHub Actions workflow commands: one annotation per finding.
    Github,
    /// JUnit XML, which CI servers show as test results.
    Junit,
}

pub struct CheckOptions {
    pub format: CheckFormat,
    pub deny_warnings: bool,
    /// A settings file instead of the nearest `candor.toml`.
    pub config: Option<PathBuf>,
    pub show_settings: bool,
    pub write_baseline: Option<PathBuf>,
    pub baseline: Option<PathBuf>,
    pub fix: FixMode,
    /// Show what the fixes would change instead of writing them.
    pub diff: bool,
    /// Check on one core (for comparison; the output is the same).
    pub single_thread: bool,
}

impl Default for CheckOptions {
    fn default() -> CheckOptions {
        CheckOptions {
            format: CheckFormat::Text,
            deny_warnings: false,
            config: None,
            show_settings: false,
            write_baseline: None,
            baseline: None,
            fix: FixMode::None,
            diff: false,
            single_thread: false,
        }
    }
}

/// One file's result, as every format reads it.
pub(crate) enum Entry {
    Checked(Checked),
    Failed(LoadError),
}

/// What a run found, after the baseline.
pub(crate) struct Run {
    pub entries: Vec<Entry>,
    /// Findings the baseline knows, left out of the report.
    pub known: usize,
    pub deny_warnings: bool,
    pub settings: Settings,
}

impl Run {
    pub fn checked(&self) -> impl Iterator<Item = &Checked> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Checked(c) => Some(c),
            Entry::Failed(_) => None,
        })
    }

    pub fn failures(&self) -> impl Iterator<Item = &LoadError> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Failed(f) => Some(f),
            Entry::Checked(_) => None,
        })
    }

    pub fn counts(&self) -> candor::checks::Counts {
        candor::checks::Counts::of(self.checked().flat_map(|c| &c.findings))
    }

    /// Whether a finding of this severity, not waived, fails the run.
    pub fn fails(&self, f: &candor::checks::Finding) -> bool {
        use candor::checks::Severity;
        f.counts()
            && (f.severity == Severity::Error
                || (self.deny_warnings && f.severity == Severity::Warning))
    }

    fn exit_code(&self) -> ExitCode {
        if self.failures().next().is_some() {
            ExitCode::from(2)
        } else if self
            .checked()
            .flat_map(|c| &c.findings)
            .any(|f| self.fails(f))
        {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// The settings for a run: the file given, else the nearest `candor.toml` above the first path.
pub fn settings_for(config: Option<&Path>, paths: &[PathBuf]) -> Result<Settings, LoadError> {
    match config {
        Some(file) => Settings::load(file),
        None => Settings::discover(paths.first().map_or(Path::new("."), PathBuf::as_path)),
    }
}

pub fn run_check(
    paths: &[PathBuf],
    opts: &CheckOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let settings = match settings_for(opts.config.as_deref(), paths) {
        Ok(s) => s,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(ExitCode::from(2));
        }
    };
    if opts.show_settings {
        write!(out, "{}", settings.show())?;
        return Ok(ExitCode::SUCCESS);
    }
    // A baseline that cannot be read stops the run before any file is checked.
    let baseline = match opts.baseline.as_deref().map(baseline::read).transpose() {
        Ok(b) => b,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(ExitCode::from(2));
        }
    };
    let (files, walk_failures) = collect_files(paths);
    let results = check_files(&files, &settings, opts.fix, !opts.single_thread);
    let mut entries: Vec<Entry> = walk_failures.into_iter().map(Entry::Failed).collect();
    for r in results {
        entries.push(match r {
            Ok(c) => Entry::Checked(c),
            Err(e) => Entry::Failed(e),
        });
    }
    if opts.fix != FixMode::None {
        let changed = apply_fixes(&mut entries, &settings, opts.diff, out, err)?;
        if opts.diff {
            // Only the diff is printed, so say which files could not be looked at.
            let mut unreadable = false;
            for e in &entries {
                if let Entry::Failed(e) = e {
                    writeln!(err, "error: {e}")?;
                    unreadable = true;
                }
            }
            return Ok(if unreadable {
                ExitCode::from(2)
            } else if changed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            });
        }
    }
    if let Some(file) = &opts.write_baseline {
        let written = baseline::write(file, &entries)?;
        writeln!(
            err,
            "Wrote {} to {}; check with --baseline {} to see only new ones.",
            super::files::plural(written, "finding", "findings"),
            clean(&file.display().to_string()),
            clean(&file.display().to_string()),
        )?;
    }
    let known = baseline.map_or(0, |b| b.filter(&mut entries));
    let run = Run {
        entries,
        known,
        deny_warnings: opts.deny_warnings,
        settings,
    };
    match opts.format {
        CheckFormat::Text => report::text(&run, paths, out, err)?,
        CheckFormat::Json => report::json(&run, out)?,
        CheckFormat::Github => report::github(&run, out)?,
        CheckFormat::Junit => report::junit(&run, out)?,
        CheckFormat::Sarif => sarif::write(&run, out)?,
    }
    if opts.format != CheckFormat::Text {
        // People reading the log still see why a file is missing from the report.
        for e in run.failures() {
            writeln!(err, "error: {e}")?;
        }
        if run.known > 0 {
            writeln!(err, "{}", report::known_line(run.known))?;
        }
    }
    Ok(run.exit_code())
}

/// Writes the fixed files (or prints what would change, with `diff`); returns how many files
/// change.
fn apply_fixes(
    entries: &mut [Entry],
    settings: &Settings,
    diff: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<usize> {
    let mut changed = 0;
    for e in entries.iter_mut() {
        let Entry::Checked(c) = e else { continue };
        if let Some(why) = &c.fix_refused {
            writeln!(err, "{why}")?;
        }
        let Some(rw) = &c.rewrite else { continue };
        changed += 1;
        if diff {
            let text = similar::TextDiff::from_lines(&rw.before, &rw.after);
            write!(
                out,
                "{}",
                text.unified_diff()
                    .context_radius(3)
                    .header(&c.file, &format!("{} (fixed)", c.file))
            )?;
            continue;
        }
        if let Err(why) = ron_io::write_atomic(&c.path, &rw.after) {
            // The file is untouched; report what was found in it, not the fixed version.
            writeln!(err, "error: {why}")?;
            if let Ok(again) = candor::checks::files::check_file(&c.path, settings, FixMode::None) {
                c.findings = again.findings;
            }
            c.fixed.clear();
            continue;
        }
        for f in &c.fixed {
            writeln!(
                err,
                "{}: fixed {} at {}: {}",
                c.file, f.rule, f.location, f.summary
            )?;
        }
    }
    if !diff && changed > 0 {
        let fixes: usize = entries
            .iter()
            .map(|e| match e {
                Entry::Checked(c) => c.fixed.len(),
                Entry::Failed(_) => 0,
            })
            .sum();
        writeln!(
            err,
            "Applied {} in {}.",
            super::files::plural(fixes, "fix", "fixes"),
            super::files::plural(changed, "file", "files")
        )?;
    }
    Ok(changed)
}
