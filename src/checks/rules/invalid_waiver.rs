use time::macros::format_description;

use crate::checks::{Context, Finding, Risk, Rule, Severity, rule};
use crate::model::Waiver;
use crate::text::clean;

pub const RULE: Rule = Rule {
    id: "invalid-waiver",
    severity: Severity::Error,
    risk: Risk::UnexpectedUse,
    summary: "A waiver has no reason or owner, has expired, or accepts nothing",
    explanation: r#"## What it checks
Each entry of the campaign's `waivers` list. A waiver accepts the findings of one rule, in one
part of the campaign or in all of it, so that they no longer count toward `candor check`'s exit
code or the review gate. It must name a rule that exists and may be waived, give a reason of 4
words or more and who accepted it, and its `expires` date, when there is one, must be a date
such as 2027-06-30. An error stops the waiver from accepting anything. An expired waiver, or
one that accepts no finding (the problem was fixed, or the location is wrong), is a warning:
remove it.

## Risk
Data collected, shared or used in ways people did not expect.

## Why it matters
A waiver is a decision someone made on the team's behalf. Without its reason, the next
reviewer cannot tell a considered trade-off from a silenced warning; without an end date, a
temporary exception becomes the rule; a waiver left behind after the fix would silently accept
the same problem if it came back.

## Example
    waivers: [
        (rule: "recommends-purchased", reason: "ok", accepted_by: ""),
    ],

## Instead
    waivers: [
        (
            rule: "recommends-purchased",
            location: "zones[1]",
            reason: "Refills are bought every month; the recipe change ships in June",
            accepted_by: "Ana Ruiz",
            expires: "2027-06-30",
        ),
    ],

## Fix
Write the reason and who accepted it, or remove the waiver. `candor check --fix` removes
waivers that have expired or accept nothing."#,
    check,
    instant: false,
    intent_advice: false,
    waivable: false,
    fix: Some(crate::checks::Fix {
        safe: true,
        summary: "removes a waiver that has expired or accepts nothing",
        apply: fix,
    }),
};

/// The last day a waiver applies, if it is written as a date.
pub fn expiry(w: &Waiver) -> Option<Result<time::Date, ()>> {
    let text = w.expires.as_deref()?.trim();
    Some(time::Date::parse(text, format_description!("[year]-[month]-[day]")).map_err(|_| ()))
}

/// The rule a waiver accepts findings of, when nothing is wrong with it.
pub fn valid(ctx: &Context, w: &Waiver) -> Option<&'static Rule> {
    let mut problems = Vec::new();
    problems_of(ctx, 0, w, &mut problems);
    if problems.is_empty() {
        rule(w.rule.trim())
    } else {
        None
    }
}

/// The finding for a waiver that accepts nothing.
pub fn matches_nothing(i: usize, w: &Waiver) -> Finding {
    let place = match w.location.as_deref().map(str::trim) {
        Some(at) if !at.is_empty() => format!("at {}", clean(at)),
        _ => "anywhere in the campaign".to_string(),
    };
    Finding::new(
        &RULE,
        format!("waivers[{i}]"),
        format!(
            "The waiver for {} accepts nothing: the rule finds nothing {place}",
            clean(w.rule.trim())
        ),
        "Remove the waiver (candor check --fix does it), or correct its location.",
    )
    .with_severity(Severity::Warning)
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (i, w) in ctx.campaign.waivers.iter().enumerate() {
        problems_of(ctx, i, w, out);
    }
}

fn problems_of(ctx: &Context, i: usize, w: &Waiver, out: &mut Vec<Finding>) {
    let id = clean(w.rule.trim());
    match rule(w.rule.trim()) {
        None => out.push(Finding::new(
            &RULE,
            format!("waivers[{i}].rule"),
            format!("The waiver names no rule Candor has: \"{id}\""),
            "Write the id as `candor explain --list` shows it.",
        )),
        Some(r) if !r.waivable => out.push(Finding::new(
            &RULE,
            format!("waivers[{i}].rule"),
            format!("{id} cannot be waived: what it finds is not the team's to accept"),
            format!("Fix what {id} finds (candor explain {id} says how) and remove the waiver."),
        )),
        Some(_) => {}
    }
    let words = w.reason.split_whitespace().count();
    if words < crate::checks::MIN_JUSTIFICATION_WORDS {
        out.push(Finding::new(
            &RULE,
            format!("waivers[{i}].reason"),
            format!("The waiver for {id} gives no reason a reviewer can judge"),
            format!(
                "Say why the team accepts this finding, in {} words or more.",
                crate::checks::MIN_JUSTIFICATION_WORDS
            ),
        ));
    }
    if w.accepted_by.trim().is_empty() {
        out.push(Finding::new(
            &RULE,
            format!("waivers[{i}].accepted_by"),
            format!("The waiver for {id} does not say who accepted it"),
            "Name the person who decided, so a reviewer knows whom to ask.",
        ));
    }
    match expiry(w) {
        Some(Err(())) => out.push(Finding::new(
            &RULE,
            format!("waivers[{i}].expires"),
            format!(
                "The waiver's end date \"{}\" is not a date",
                clean(w.expires.as_deref().unwrap_or_default())
            ),
            "Write it as year-month-day, such as 2027-06-30, or leave it out.",
        )),
        Some(Ok(day)) if day < ctx.today => out.push(
            Finding::new(
                &RULE,
                format!("waivers[{i}].expires"),
                format!("The waiver for {id} expired on {day}: its findings count again"),
                "Fix what it accepted and remove it, or renew it with a new date and reason.",
            )
            .with_severity(Severity::Warning),
        ),
        _ => {}
    }
}

fn fix(c: &mut crate::model::Campaign, f: &Finding, _: &crate::checks::Settings) -> bool {
    let Some(i) = crate::checks::fixes::index(&f.location, "waivers") else {
        return false;
    };
    let Some(w) = c.waivers.get(i) else {
        return false;
    };
    // Stale: it accepts nothing (the finding is on the waiver itself), or its end date is a
    // date (a finding on a readable date is only ever "expired").
    let rest = &f.location[format!("waivers[{i}]").len()..];
    let stale = rest.is_empty() || (rest == ".expires" && matches!(expiry(w), Some(Ok(_))));
    if stale {
        c.waivers.remove(i);
    }
    stale
}

#[cfg(test)]
mod tests {
    use crate::checks::check;
    use crate::checks::rules::test_support::*;
    use crate::model::*;

    fn waiver(rule: &str, location: Option<&str>, reason: &str, expires: Option<&str>) -> Waiver {
        Waiver {
            rule: rule.into(),
            location: location.map(Into::into),
            reason: reason.into(),
            accepted_by: "Ana Ruiz".into(),
            expires: expires.map(Into::into),
        }
    }

    fn flawed() -> Campaign {
        let mut c = good();
        c.zones[1].recipe.as_mut().unwrap().exclusions.clear();
        c
    }

    const WHY: &str = "Refills are bought every month anyway";

    #[test]
    fn a_waiver_accepts_the_finding_but_keeps_it_in_the_report() {
        let mut c = flawed();
        c.waivers.push(waiver(
            "recommends-purchased",
            Some("zones[1]"),
            WHY,
            Some("2999-01-01"),
        ));
        let findings = check(&c);
        let f = findings
            .iter()
            .find(|f| f.rule == "recommends-purchased")
            .expect("still reported");
        let w = f.waived.as_ref().expect("marked as waived");
        assert_eq!(w.reason, WHY);
        assert_eq!(w.waiver, "waivers[0]");
        assert_eq!(crate::checks::Counts::of(&findings).warnings, 0);
        assert_eq!(crate::checks::Counts::of(&findings).waived, 1);
        assert_silent(&c, "invalid-waiver");
    }

    #[test]
    fn a_waived_error_does_not_hold_the_review_gate() {
        use crate::checks::review_gate;
        let mut c = good();
        c.consent.opt_out.clear();
        let gate = review_gate(Status::Approved, &check(&c));
        assert!(gate.is_some_and(|g| g.first.contains("[no-opt-out]")));
        c.waivers.push(waiver("no-opt-out", None, WHY, None));
        let findings = check(&c);
        assert!(
            findings
                .iter()
                .any(|f| f.rule == "no-opt-out" && f.waived.is_some())
        );
        assert_eq!(review_gate(Status::Approved, &findings), None);
    }

    #[test]
    fn a_waiver_elsewhere_accepts_nothing_and_says_so() {
        let mut c = flawed();
        c.waivers
            .push(waiver("recommends-purchased", Some("zones[0]"), WHY, None));
        let f = assert_fires(&c, "invalid-waiver", "waivers[0]");
        assert!(f.message.contains("accepts nothing"), "{}", f.message);
        assert!(check(&c).iter().all(|f| f.waived.is_none()));
    }

    #[test]
    fn expired_reasonless_and_ownerless_waivers_are_findings_and_accept_nothing() {
        let mut c = flawed();
        c.waivers.push(waiver(
            "recommends-purchased",
            None,
            WHY,
            Some("2020-01-31"),
        ));
        let f = assert_fires(&c, "invalid-waiver", "waivers[0].expires");
        assert_eq!(f.severity, crate::checks::Severity::Warning);
        assert!(check(&c).iter().all(|f| f.waived.is_none()));

        c.waivers[0] = waiver("recommends-purchased", None, "  ", None);
        let f = assert_fires(&c, "invalid-waiver", "waivers[0].reason");
        assert_eq!(f.severity, crate::checks::Severity::Error);
        assert!(check(&c).iter().all(|f| f.waived.is_none()));

        c.waivers[0] = waiver("recommends-purchased", None, WHY, Some("next June"));
        assert_fires(&c, "invalid-waiver", "waivers[0].expires");
        c.waivers[0] = waiver("recommends-purchased", None, WHY, None);
        c.waivers[0].accepted_by.clear();
        assert_fires(&c, "invalid-waiver", "waivers[0].accepted_by");
        c.waivers[0] = waiver("recomends-purchased", None, WHY, None);
        assert_fires(&c, "invalid-waiver", "waivers[0].rule");
    }

    /// Every rule whose finding makes the notice untrue exists, and no waiver lowers it.
    #[test]
    fn the_rules_of_an_untrue_notice_cannot_be_waived() {
        for id in crate::checks::NOTICE_UNTRUE {
            let r = crate::checks::rule(id).unwrap_or_else(|| panic!("no rule {id}"));
            assert!(!r.waivable, "{id}");
        }
    }

    #[test]
    fn an_unwaivable_rule_cannot_be_waived() {
        let mut c = good();
        c.waivers.push(waiver("invalid-waiver", None, WHY, None));
        let f = assert_fires(&c, "invalid-waiver", "waivers[0].rule");
        assert!(f.message.contains("cannot be waived"));
        // Nor can a finding that means the notice says less than the campaign does.
        for rule in ["undisclosed-sharing", "undeclared-data-use"] {
            c.waivers[0] = waiver(rule, None, WHY, None);
            let f = assert_fires(&c, "invalid-waiver", "waivers[0].rule");
            assert!(f.message.starts_with(rule), "{}", f.message);
        }
    }

    #[test]
    fn the_fix_removes_stale_waivers_only() {
        let mut c = good();
        c.waivers.push(waiver(
            "recommends-purchased",
            None,
            WHY,
            Some("2020-01-31"),
        ));
        let f = assert_fires(&c, "invalid-waiver", "waivers[0].expires");
        assert!((super::RULE.fix.unwrap().apply)(
            &mut c,
            &f,
            crate::checks::Settings::defaults()
        ));
        assert!(c.waivers.is_empty());
        c.waivers
            .push(waiver("recommends-purchased", None, "no", None));
        let f = assert_fires(&c, "invalid-waiver", "waivers[0].reason");
        assert!(!(super::RULE.fix.unwrap().apply)(
            &mut c,
            &f,
            crate::checks::Settings::defaults()
        ));
        assert_eq!(c.waivers.len(), 1);
    }
}
