use crate::checks::{Context, Finding, Risk, Rule, Severity, accepted_reason, reason_advice};
use crate::model::vocab::AttributeKind;

use super::sensitive_attribute::capital;

pub const RULE: Rule = Rule {
    id: "proxy-attribute",
    severity: Severity::Warning,
    risk: Risk::Bias,
    summary: "A known proxy for a sensitive attribute drives targeting without an accepted reason",
    explanation: r#"## What it checks
Audience conditions and model features that use a known proxy for a special category: postal
code, surname, first language, precise location, neighbourhood income. The list and what each
stands in for are in `assets/vocab/attributes.ron`.

A reason lowers the finding to info only when it has two parts: a kind of reason the attribute
accepts (the `reasons` of each attribute in that file: the nearest store or the delivery area
for a postal code; none for a surname) and at least four words saying why. The finding quotes
both, so a reviewer can judge them. Any other text, however long, lowers nothing.

## Risk
Hidden bias from demographic targeting.

## Why it matters
A postal code can pick out an ethnic group as surely as asking for ethnicity. Some uses serve
the customer: a postal code that finds the nearest store (5 km beats 50 km). The difference is
the reason, so the reason must be one that can serve the customer, and written down.

## Example
    Attribute(attribute: "postal_code", operator: OneOf, value: "75019, 75020")

## Instead
    Attribute(attribute: "postal_code", operator: OneOf, value: "75019, 75020",
        reason: "nearest_store",
        justification: "Shows the opening of the new store to people who live within 5 km")

## Fix
Remove the proxy, or, where it serves the customer, choose the kind of reason (`reason`) and
say why (`justification`)."#,
    check,
    instant: true,
    intent_advice: true,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for input in ctx.targeting_inputs() {
        let AttributeKind::Proxy(stands_for) = &input.def.kind else {
            continue;
        };
        let label = input.def.label.to_lowercase();
        let for_what: Vec<String> = stands_for
            .iter()
            .map(|s| {
                ctx.vocab
                    .attribute(s)
                    .map_or_else(|| s.replace('_', " "), |a| a.label.to_lowercase())
            })
            .collect();
        let for_what = for_what.join(" and ");
        match accepted_reason(input) {
            Some(reason) => out.push(
                Finding::new(
                    &RULE,
                    &input.path,
                    format!(
                        "{} {label}, a proxy for {for_what}; accepted for the reason \"{}\": \"{}\"",
                        capital(&input.used_by()),
                        reason.kind.to_lowercase(),
                        reason.text
                    ),
                    "A reviewer should confirm the reason holds and serves the customer.",
                )
                .with_severity(Severity::Info),
            ),
            None => {
                let or = match reason_advice(input.def) {
                    Some(advice) => format!("; or, if it serves the customer, {advice}"),
                    None => String::new(),
                };
                out.push(Finding::new(
                    &RULE,
                    &input.path,
                    format!(
                        "{} {label}, which can stand in for {for_what}, with no accepted reason",
                        capital(&input.used_by())
                    ),
                    format!("Instead, target {}{or}.", input.def.alternative),
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::Severity;
    use crate::checks::rules::test_support::*;

    #[test]
    fn fires_without_a_reason_in_audience_and_models() {
        let c = with_audience(all(vec![intent(), attr("postal_code", "75019")]));
        let f = assert_fires(&c, "proxy-attribute", "audience.all[1].attribute");
        assert_eq!(f.severity, Severity::Warning);
        let mut c = with_audience(all(vec![intent()]));
        c.models.push(model("propensity", &["surname"]));
        assert_fires(&c, "proxy-attribute", "models[0].features[0].input");
    }

    #[test]
    fn an_accepted_reason_lowers_it_to_info_and_is_quoted() {
        let c = with_audience(all(vec![
            intent(),
            attr_r(
                "postal_code",
                "75019",
                "nearest_store",
                "Nearest store within five kilometres",
            ),
        ]));
        let f = assert_fires(&c, "proxy-attribute", "audience.all[1].attribute");
        assert_eq!(f.severity, Severity::Info);
        assert!(
            f.message.contains("\"the nearest store\": \"Nearest store"),
            "{}",
            f.message
        );
        // Words without an accepted kind lower nothing.
        let c = with_audience(all(vec![
            intent(),
            attr_j("postal_code", "75019", "because we want to reach them"),
        ]));
        let f = assert_fires(&c, "proxy-attribute", "audience.all[1].attribute");
        assert_eq!(f.severity, Severity::Warning);
        // A surname accepts no kind of reason: the hint offers none.
        let mut c = with_audience(all(vec![intent()]));
        c.models.push(model("propensity", &["surname"]));
        let f = assert_fires(&c, "proxy-attribute", "models[0].features[0].input");
        assert!(!f.hint.contains("kind of reason"), "{}", f.hint);
    }

    #[test]
    fn silent_without_proxies() {
        assert_silent(
            &with_audience(all(vec![intent(), attr("preferred_store", "paris-11")])),
            "proxy-attribute",
        );
    }

    /// Every proxy is caught as a model feature named by its id or by its data category
    /// (`surname` or `user.name.last`).
    #[test]
    fn every_proxy_is_caught_in_both_spellings() {
        use crate::model::vocab::{AttributeKind, vocab};
        let mut checked = 0;
        for a in &vocab().attributes {
            if !matches!(a.kind, AttributeKind::Proxy(_)) {
                continue;
            }
            for spelling in [a.id.as_str(), a.category.as_str()] {
                let mut c = good();
                c.models.push(model("score", &[spelling]));
                let f = assert_fires(&c, "proxy-attribute", "models[0].features[0].input");
                assert!(
                    f.message.contains(&a.label.to_lowercase()),
                    "{spelling}: {}",
                    f.message
                );
            }
            checked += 1;
        }
        assert_eq!(checked, 5);
        // The whole name includes the surname.
        let mut c = good();
        c.models.push(model("score", &["user.name"]));
        assert_fires(&c, "proxy-attribute", "models[0].features[0].input");
    }
}
