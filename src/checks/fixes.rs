//! Fixes: the change that resolves a finding, which `candor check --fix` applies. Each rule
//! that has one names it beside its check; this file applies them to a campaign.

use std::path::Path;

use super::{Context, Finding, Settings, check_at, rule};
use crate::model::{Campaign, data_map};

/// How a rule's finding is resolved.
#[derive(Clone, Copy)]
pub struct Fix {
    /// Whether it changes nothing beyond what the rule asks, so `--fix` applies it; the others
    /// need `--unsafe-fixes`, as they change what the campaign does.
    pub safe: bool,
    /// What it does, for `candor explain` and `--list`.
    pub summary: &'static str,
    /// Applies it for one finding, in a project with these settings; false when this finding
    /// is one the fix cannot resolve. Facts come from the campaign and the settings, never from
    /// the finding's wording.
    pub apply: fn(&mut Campaign, &Finding, &Settings) -> bool,
}

/// One fix applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub rule: &'static str,
    pub location: String,
    pub summary: &'static str,
}

/// Applies fixes to `campaign` until none is left to apply: safe ones, and the others when
/// `unsafe_too`. Findings a waiver accepts are left alone. One fix at a time, checking again
/// after each, as removing a list item moves the ones after it.
pub fn fix_campaign(
    campaign: &mut Campaign,
    settings: &Settings,
    file: Option<&Path>,
    unsafe_too: bool,
) -> Vec<Applied> {
    let mut applied: Vec<Applied> = Vec::new();
    let mut refused: Vec<(&'static str, String)> = Vec::new();
    // Every fix removes a finding or is refused, so this ends; the limit guards a rule whose
    // fix brings its own finding back.
    for _ in 0..1000 {
        let ctx = Context::with_settings(campaign, data_map(campaign), settings);
        let findings = check_at(ctx, file);
        let next = findings.iter().find_map(|f| {
            let fix = rule(f.rule)?.fix?;
            let wanted = (fix.safe || unsafe_too)
                && f.counts()
                && !refused
                    .iter()
                    .any(|(r, l)| *r == f.rule && *l == f.location);
            wanted.then(|| (f.clone(), fix))
        });
        let Some((finding, fix)) = next else {
            break;
        };
        let before = campaign.clone();
        if (fix.apply)(campaign, &finding, settings) && *campaign != before {
            applied.push(Applied {
                rule: finding.rule,
                location: finding.location.clone(),
                summary: fix.summary,
            });
        } else {
            *campaign = before;
        }
        // Never the same fix twice at one place: a fix that did not resolve its finding is
        // not tried again.
        refused.push((finding.rule, finding.location));
    }
    applied
}

/// The index in `list` a finding's location starts with: 2 for `zones[2].visibility` and
/// `zones`.
pub fn index(location: &str, list: &str) -> Option<usize> {
    let rest = location.strip_prefix(list)?.strip_prefix('[')?;
    rest[..rest.find(']')?].parse().ok()
}
