use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::RecipientKind;
use crate::model::vocab::AttributeKind;
use crate::text::clean;

pub const RULE: Rule = Rule {
    id: "special-category-ads",
    severity: Severity::Error,
    risk: Risk::UnexpectedUse,
    summary: "A special category of data reaches an ad platform",
    explanation: r#"## What it checks
Campaigns with an activation to an ad platform (`kind: AdPlatform`). The activation must not
send a special category of data (health, sexual orientation, religion or belief, political
opinion, racial or ethnic origin, trade-union membership, genetic or biometric data, and
national origin, which Candor treats the same way), and the audience it sends must not be built
from one: no audience condition and no model feature may read a special category, because a
model trained on one infers it for everyone it scores. This rule cannot be waived.

## Risk
Data collected, shared or used in ways people did not expect.

## Why it matters
The EU Digital Services Act, Article 26(3), forbids online platforms to present
advertisements based on profiling using the special categories of personal data listed in
Article 9(1) of the GDPR. Consent does not lift the ban, and neither does a good reason: an ad
audience built from someone's health or beliefs is not something a team may accept, which is
why no waiver applies. Even outside the EU, sending such data to an ad network exposes people
to being singled out for what they never chose to reveal.

## Example
    audience: All([ Attribute(attribute: "health_condition", operator: Is, value: "diabetes") ]),
    activations: [ (destination: "AdNet", kind: AdPlatform, sends: ["user.health"]) ],

## Instead
    audience: All([ Intent(action: CategoryView, target: Category("sugar-free"), count: AtLeast(2), within_days: 30) ]),
    activations: [ (destination: "AdNet", kind: AdPlatform, sends: ["user.behavior.browsing_history"]) ],

## Fix
Build the audience from what people did (`candor explain demographic-only-targeting`), and
take special categories out of what the activation sends; `candor check --fix --unsafe-fixes`
does the latter. If the campaign must use such data, do not send it to an ad platform."#,
    check,
    instant: true,
    intent_advice: true,
    waivable: false,
    fix: Some(crate::checks::Fix {
        safe: false,
        summary: "takes the special category out of what the activation sends",
        apply: fix,
    }),
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let c = ctx.campaign;
    let ads: Vec<&str> = c
        .activations
        .iter()
        .filter(|a| a.kind == RecipientKind::AdPlatform)
        .map(|a| a.destination.as_str())
        .collect();
    let Some(first) = ads.first() else {
        return;
    };
    for (a, act) in c.activations.iter().enumerate() {
        if act.kind != RecipientKind::AdPlatform {
            continue;
        }
        for (s, sent) in act.sends.iter().enumerate() {
            if ctx.vocab.is_special_category(sent) {
                out.push(Finding::new(
                    &RULE,
                    format!("activations[{a}].sends[{s}]"),
                    format!(
                        "\"{}\" is a special category and is sent to the ad platform {}: the law forbids ads based on it",
                        clean(sent),
                        clean(&act.destination)
                    ),
                    "Stop sending it to the ad platform.",
                ));
            }
        }
    }
    for input in ctx.targeting_inputs() {
        if !matches!(input.def.kind, AttributeKind::SpecialCategory(_)) {
            continue;
        }
        let by = match input.model {
            Some(m) => format!("Model \"{}\", which scores the audience, reads", clean(m)),
            None => "The audience selects by".to_string(),
        };
        out.push(Finding::new(
            &RULE,
            &input.path,
            format!(
                "{by} {} (a special category) and goes to the ad platform {}: the law forbids ads based on it",
                input.def.label.to_lowercase(),
                clean(first)
            ),
            format!(
                "Target {} instead, or do not send this audience to an ad platform.",
                input.def.alternative
            ),
        ));
    }
}

fn fix(c: &mut crate::model::Campaign, f: &Finding, _: &crate::checks::Settings) -> bool {
    let (Some(a), Some(rest)) = (
        crate::checks::fixes::index(&f.location, "activations"),
        f.location.split_once("].").map(|(_, r)| r),
    ) else {
        return false;
    };
    let Some(s) = crate::checks::fixes::index(rest, "sends") else {
        return false;
    };
    match c.activations.get_mut(a) {
        Some(act) if s < act.sends.len() => {
            act.sends.remove(s);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;
    use crate::model::*;

    fn ad(sends: &[&str]) -> Activation {
        Activation {
            destination: "AdNet".into(),
            kind: RecipientKind::AdPlatform,
            sends: sends.iter().map(|s| (*s).into()).collect(),
        }
    }

    #[test]
    fn fires_on_special_data_sent_or_used_for_an_ad_audience() {
        let mut c = good();
        c.activations.push(ad(&[
            "user.behavior.browsing_history",
            "user.health.conditions",
        ]));
        assert_fires(&c, "special-category-ads", "activations[0].sends[1]");
        let mut c = with_audience(all(vec![intent(), attr("health_condition", "diabetes")]));
        c.activations.push(ad(&["user.behavior.browsing_history"]));
        assert_fires(&c, "special-category-ads", "audience.all[1].attribute");
        let mut c = good();
        c.models.push(model("churn", &["religion"]));
        c.activations.push(ad(&[]));
        assert_fires(&c, "special-category-ads", "models[0].features[0].input");
    }

    #[test]
    fn silent_without_an_ad_platform_or_special_data() {
        let mut c = with_audience(all(vec![intent(), attr("health_condition", "diabetes")]));
        assert_silent(&c, "special-category-ads");
        c.audience = all(vec![intent()]);
        c.activations.push(ad(&["user.behavior.browsing_history"]));
        assert_silent(&c, "special-category-ads");
    }

    #[test]
    fn cannot_be_waived_and_the_fix_stops_the_sending() {
        let mut c = good();
        c.activations.push(ad(&["user.health"]));
        c.waivers.push(Waiver {
            rule: "special-category-ads".into(),
            location: None,
            reason: "The partner promised to be careful".into(),
            accepted_by: "Ana".into(),
            expires: None,
        });
        let f = assert_fires(&c, "special-category-ads", "activations[0].sends[0]");
        assert!(f.waived.is_none());
        assert_fires(&c, "invalid-waiver", "waivers[0].rule");
        assert!((super::RULE.fix.unwrap().apply)(
            &mut c,
            &f,
            crate::checks::Settings::defaults()
        ));
        assert!(c.activations[0].sends.is_empty());
        assert_silent(&c, "special-category-ads");
    }
}
