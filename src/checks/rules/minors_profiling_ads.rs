use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::{Condition, Operator, RecipientKind};
use crate::text::clean;

/// The age from which a person is an adult for this rule.
const ADULT: u32 = 18;

pub const RULE: Rule = Rule {
    id: "minors-profiling-ads",
    severity: Severity::Error,
    risk: Risk::Invasive,
    summary: "A profile-based audience goes to an ad platform on a service minors use, with no age gate",
    explanation: r#"## What it checks
Campaigns on a service that people under 18 use (`used_by_minors: true` in the campaign, or
`used-by-minors = true` in the project's `candor.toml`) that send a profile-based audience
(built from behaviour over time, attributes or a model) to an ad platform. The audience must
then keep minors out with an age gate every member passes: an `age` condition of at least 18
that the whole audience requires (directly in the top-level `All`), or the exclusion
`Not(age at most 17)`.

## Risk
Personalization that feels invasive or unwanted.

## Why it matters
The EU Digital Services Act, Article 28(2), forbids online platforms to present
advertisements based on profiling to people they are reasonably certain are minors. A
teenager's browsing is not a market segment to sell to an ad network. The gate also makes the
exclusion visible to the reviewer, rather than trusting the ad platform to apply it.

## Example
    used_by_minors: true,
    audience: All([ Intent(action: CategoryView, target: Category("sneakers"), count: AtLeast(3), within_days: 30) ]),
    activations: [ (destination: "AdNet", kind: AdPlatform, sends: ["user.behavior.browsing_history"]) ],

## Instead
    used_by_minors: true,
    audience: All([
        Intent(action: CategoryView, target: Category("sneakers"), count: AtLeast(3), within_days: 30),
        Attribute(attribute: "age", operator: AtLeast, value: "18", reason: Some("legal_minimum_age"),
            justification: Some("Profiled ads may not be shown to minors (DSA Art. 28)")),
    ]),

## Fix
Add an age condition of at least 18 to the top of the audience, with the legal minimum age as
its reason, or keep the audience on your own site instead of sending it to an ad platform."#,
    check,
    instant: true,
    intent_advice: false,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let c = ctx.campaign;
    if !ctx.used_by_minors() || excludes_minors(&c.audience) {
        return;
    }
    let profiled = ctx.data_map.builds_profile(c) || !ctx.targeting_inputs().is_empty();
    if !profiled {
        return;
    }
    for (a, act) in c.activations.iter().enumerate() {
        if act.kind != RecipientKind::AdPlatform {
            continue;
        }
        out.push(Finding::new(
            &RULE,
            format!("activations[{a}]"),
            format!(
                "Minors use this service and the profile-based audience goes to the ad platform {} with no age gate",
                clean(&act.destination)
            ),
            "Add an age condition of at least 18 to the audience (reason: a legal minimum age), or stop sending the audience to the ad platform.",
        ));
    }
}

/// Whether every member of the audience has passed an age gate of 18 or more.
fn excludes_minors(cond: &Condition) -> bool {
    match cond {
        Condition::Attribute(a) => {
            let age = a.value.trim().parse::<u32>().ok();
            a.attribute.trim() == "age"
                && matches!(a.operator, Operator::AtLeast)
                && age.is_some_and(|n| n >= ADULT)
        }
        Condition::All(items) => items.iter().any(excludes_minors),
        Condition::Not(inner) => match inner.as_ref() {
            Condition::Attribute(a) => {
                let age = a.value.trim().parse::<u32>().ok();
                a.attribute.trim() == "age"
                    && matches!(a.operator, Operator::AtMost)
                    && age.is_some_and(|n| n + 1 >= ADULT)
            }
            _ => false,
        },
        Condition::Any(_) | Condition::Intent(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;
    use crate::checks::{Context, Settings, check_with};
    use crate::model::*;

    fn ad() -> Activation {
        Activation {
            destination: "AdNet".into(),
            kind: RecipientKind::AdPlatform,
            sends: vec!["user.behavior.browsing_history".into()],
        }
    }

    fn age(op: Operator, v: &str) -> Condition {
        let Condition::Attribute(mut a) = attr("age", v) else {
            unreachable!()
        };
        a.operator = op;
        Condition::Attribute(a)
    }

    #[test]
    fn fires_when_minors_use_the_service_and_no_gate_keeps_them_out() {
        let mut c = good();
        c.used_by_minors = true;
        c.activations.push(ad());
        assert_fires(&c, "minors-profiling-ads", "activations[0]");
        // A gate that only some members pass is no gate.
        c.audience = any(vec![intent(), age(Operator::AtLeast, "18")]);
        assert_fires(&c, "minors-profiling-ads", "activations[0]");
        c.audience = all(vec![intent(), age(Operator::AtLeast, "16")]);
        assert_fires(&c, "minors-profiling-ads", "activations[0]");
    }

    #[test]
    fn the_project_settings_can_say_minors_use_the_service() {
        let mut c = good();
        c.activations.push(ad());
        assert_silent(&c, "minors-profiling-ads");
        let s = Settings::parse("candor.toml", "used-by-minors = true").unwrap();
        let findings = check_with(Context::with_settings(&c, data_map(&c), &s));
        assert!(findings.iter().any(|f| f.rule == "minors-profiling-ads"));
    }

    #[test]
    fn silent_with_an_age_gate_or_without_an_ad_platform() {
        let mut c = good();
        c.used_by_minors = true;
        assert_silent(&c, "minors-profiling-ads");
        c.activations.push(ad());
        c.audience = all(vec![intent(), age(Operator::AtLeast, "18")]);
        assert_silent(&c, "minors-profiling-ads");
        c.audience = all(vec![intent(), not(age(Operator::AtMost, "17"))]);
        assert_silent(&c, "minors-profiling-ads");
    }
}
