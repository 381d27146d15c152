//! Applying a campaign's waivers to the findings of the other rules. A waiver the
//! `invalid-waiver` rule finds fault with (no reason, no one, expired, an unwaivable rule)
//! accepts nothing; one that accepts nothing is itself a finding.

use std::path::Path;

use super::rules::invalid_waiver;
use super::{Context, Finding, Waived};
use crate::text::clean;

pub(super) fn apply(ctx: &Context, file: Option<&Path>, out: &mut Vec<Finding>) {
    let report_unused =
        ctx.settings
            .level(invalid_waiver::RULE.id, invalid_waiver::RULE.severity, file);
    for (i, w) in ctx.campaign.waivers.iter().enumerate() {
        let Some(rule) = invalid_waiver::valid(ctx, w) else {
            continue;
        };
        let mut matched = false;
        for f in out.iter_mut() {
            if f.rule == rule.id && f.waived.is_none() && w.covers(&f.location) {
                f.waived = Some(Waived {
                    reason: clean(w.reason.trim()),
                    accepted_by: clean(w.accepted_by.trim()),
                    expires: w.expires.as_deref().map(|d| clean(d.trim())),
                    waiver: format!("waivers[{i}]"),
                });
                matched = true;
            }
        }
        // A rule the project turns off here finds nothing, so its waiver is not stale.
        let rule_runs = ctx.settings.level(rule.id, rule.severity, file).is_some();
        if !matched
            && rule_runs
            && let Some(level) = report_unused
        {
            out.push(
                invalid_waiver::matches_nothing(i, w)
                    .with_severity(level.min(super::Severity::Warning)),
            );
        }
    }
}
