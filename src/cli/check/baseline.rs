//! A baseline: the findings a team already knows about, recorded by stable fingerprints (rule,
//! campaign id, location in the campaign; never line numbers, which move with every edit), so
//! a folder of flawed campaigns can adopt `candor check` and fail only on new findings.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Result;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Entry;
use candor::model::Pos;
use candor::model::ron_io::{self, LoadError};
use candor::text::clean;

/// The format version written; a newer one is refused rather than misread.
const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    candor_baseline: u32,
    findings: Vec<Known>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Known {
    fingerprint: String,
    rule: String,
    campaign: String,
    location: String,
    message: String,
}

/// A finding's fingerprint: the first 16 hex digits of SHA-256 over its rule, campaign id and
/// location. The message is left out, so rewording a rule keeps the baseline valid.
pub fn fingerprint(rule: &str, campaign: &str, location: &str) -> String {
    let mut h = Sha256::new();
    for part in [rule, campaign, location] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Records every finding that counts (waived ones are already accepted); returns how many.
pub fn write(path: &Path, entries: &[Entry]) -> Result<usize> {
    let mut findings = Vec::new();
    for e in entries {
        let Entry::Checked(c) = e else { continue };
        for f in c.findings.iter().filter(|f| f.counts()) {
            findings.push(Known {
                fingerprint: fingerprint(f.rule, &c.campaign, &f.location),
                rule: f.rule.to_string(),
                campaign: c.campaign.clone(),
                location: f.location.clone(),
                message: f.message.clone(),
            });
        }
    }
    let n = findings.len();
    let text = candor::text::json::to_string_pretty(&File {
        candor_baseline: VERSION,
        findings,
    })?;
    ron_io::write_atomic(path, &format!("{text}\n"))?;
    Ok(n)
}

/// The fingerprints of a baseline, each with how many findings it stands for.
pub struct Baseline {
    known: HashMap<String, usize>,
}

pub fn read(path: &Path) -> Result<Baseline, LoadError> {
    let shown = clean(&path.display().to_string());
    let hint = "write it with `candor check --write-baseline FILE`".to_string();
    let text =
        candor::model::ron_io::read_string_capped(path, 256 << 20).map_err(|e| LoadError {
            file: shown.clone(),
            pos: None,
            message: format!("cannot read the baseline: {e}"),
            hint: Some(hint.clone()),
        })?;
    let file: File = serde_json::from_str(&text).map_err(|e| LoadError {
        file: shown.clone(),
        pos: Some(Pos {
            line: e.line(),
            column: e.column(),
        }),
        message: format!("not a Candor baseline: {}", clean(&e.to_string())),
        hint: Some(hint.clone()),
    })?;
    if file.candor_baseline != VERSION {
        return Err(LoadError {
            file: shown,
            pos: None,
            message: format!(
                "baseline format {} is not one this Candor reads (it reads {VERSION})",
                file.candor_baseline
            ),
            hint: Some(hint),
        });
    }
    let mut known = HashMap::new();
    for k in file.findings {
        *known.entry(k.fingerprint).or_insert(0) += 1;
    }
    Ok(Baseline { known })
}

impl Baseline {
    /// Removes the findings the baseline knows from the report; returns how many it removed.
    /// Each recorded fingerprint accounts for one finding, so a second identical problem is new.
    pub fn filter(mut self, entries: &mut [Entry]) -> usize {
        let mut removed = 0;
        for e in entries.iter_mut() {
            let Entry::Checked(c) = e else { continue };
            let campaign = c.campaign.clone();
            c.findings.retain(|f| {
                if !f.counts() {
                    return true;
                }
                let fp = fingerprint(f.rule, &campaign, &f.location);
                match self.known.get_mut(&fp) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        removed += 1;
                        false
                    }
                    _ => true,
                }
            });
        }
        removed
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fingerprints_are_stable_and_distinct() {
        let a = super::fingerprint("no-opt-out", "spring", "consent.opt_out");
        assert_eq!(
            a,
            super::fingerprint("no-opt-out", "spring", "consent.opt_out")
        );
        assert_eq!(a.len(), 16);
        assert_ne!(
            a,
            super::fingerprint("no-opt-out", "spring2", "consent.opt_out")
        );
        // The separator keeps "ab"+"c" apart from "a"+"bc".
        assert_ne!(
            super::fingerprint("r", "ab", "c"),
            super::fingerprint("r", "a", "bc")
        );
    }
}
