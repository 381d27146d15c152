//! Checking campaign files, one per core: load, fix when asked, check. What `candor check` and
//! the benchmarks run. Results come back in the order of the files given, whatever order the
//! cores finish in, so output is stable.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::fixes::{Applied, fix_campaign};
use super::{Finding, Settings, check_document_in};
use crate::model::ron_io::{self, LoadError};
use crate::text::clean;

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    None,
    /// Only the fixes that change nothing beyond what the rule asks.
    Safe,
    /// Every fix.
    Unsafe,
}

/// What checking one file gave.
#[derive(Debug)]
pub struct Checked {
    pub path: PathBuf,
    /// The path made safe to print.
    pub file: String,
    pub campaign: String,
    /// Findings on the campaign as it is after any fixes.
    pub findings: Vec<Finding>,
    pub fixed: Vec<Applied>,
    /// With fixes applied: the file's text before and after, when they differ.
    pub rewrite: Option<Rewrite>,
    /// Fixes that could not be written, and why.
    pub fix_refused: Option<String>,
}

#[derive(Debug)]
pub struct Rewrite {
    pub before: String,
    pub after: String,
}

/// Checks every file, on every core when `parallel`.
pub fn check_files(
    files: &[PathBuf],
    settings: &Settings,
    fix: FixMode,
    parallel: bool,
) -> Vec<Result<Checked, LoadError>> {
    let one = |p: &PathBuf| check_file(p, settings, fix);
    if parallel {
        files.par_iter().map(one).collect()
    } else {
        files.iter().map(one).collect()
    }
}

/// Loads, fixes (when asked) and checks one file. Nothing is written here.
pub fn check_file(path: &Path, settings: &Settings, fix: FixMode) -> Result<Checked, LoadError> {
    // The text is read once: it is parsed, and with fixes it is the "before" of the rewrite.
    let (file, before) = ron_io::read_text(path)?;
    let doc = ron_io::load_str(&file, &before)?;
    let mut checked = Checked {
        path: path.to_path_buf(),
        file,
        campaign: clean(&doc.campaign.id),
        findings: Vec::new(),
        fixed: Vec::new(),
        rewrite: None,
        fix_refused: None,
    };
    if fix != FixMode::None {
        let mut campaign = doc.campaign.clone();
        let fixed = fix_campaign(&mut campaign, settings, Some(path), fix == FixMode::Unsafe);
        if !fixed.is_empty() {
            match rewrite(&checked.file, &before, &campaign, &doc.leading_comment) {
                Ok(after) => {
                    let fixed_doc = ron_io::load_str(&checked.file, &after)?;
                    checked.findings = check_document_in(&fixed_doc, settings, Some(path));
                    checked.fixed = fixed;
                    checked.rewrite = Some(Rewrite { before, after });
                    return Ok(checked);
                }
                Err(why) => checked.fix_refused = Some(why),
            }
        }
    }
    checked.findings = check_document_in(&doc, settings, Some(path));
    Ok(checked)
}

/// The canonical text of the fixed campaign, unless the file has comments the canonical form
/// would drop.
fn rewrite(
    file: &str,
    before: &str,
    campaign: &crate::model::Campaign,
    leading_comment: &str,
) -> Result<String, String> {
    if let Some(p) = ron_io::inner_comment(before) {
        return Err(format!(
            "{file}:{}:{}: not fixed: the comment here would be lost, as only the comment block at the top of a file is kept; move it there, then run --fix again",
            p.line, p.column
        ));
    }
    ron_io::document_text(campaign, leading_comment).map_err(|e| format!("{file}: {e}"))
}
