use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::vocab::AttributeKind;

pub const RULE: Rule = Rule {
    id: "binary-gender-segment",
    severity: Severity::Warning,
    risk: Risk::Bias,
    summary: "An audience selects people by a binary gender value",
    explanation: r#"## What it checks
Audience conditions (exclusions included) on a gender attribute whose value is one of the
binary values (male, female, man, woman, m, f...), listed in `assets/vocab/attributes.ron`.

## Risk
Hidden bias from demographic targeting.

## Why it matters
"Makeup for women" misses every other person who buys makeup and tells people who do not fit a
binary label that the brand is not for them. The gender field is often a guess, too.

## Example
    Attribute(attribute: "gender", operator: Is, value: "female")

## Instead
    Intent(action: CategoryView, target: Category("makeup"), count: AtLeast(1), within_days: 30)

## Fix
Replace the gender condition with the interest it stood in for: views, clicks or purchases in
the category."#,
    check,
    instant: true,
    intent_advice: true,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for input in ctx.targeting_inputs() {
        if input.model.is_some() || !matches!(input.def.kind, AttributeKind::Gender) {
            continue;
        }
        let (Some(op), Some(value)) = (input.operator, input.value) else {
            continue;
        };
        let binary: Vec<String> = op
            .values(value)
            .into_iter()
            .filter(|v| ctx.vocab.is_binary_gender_value(v))
            .collect();
        if binary.is_empty() {
            continue;
        }
        out.push(Finding::new(
            &RULE,
            input.path.replace(".attribute", ".value"),
            format!(
                "The audience {} people by binary gender ({}): it loses everyone else with the same interest",
                if input.negated { "excludes" } else { "selects" },
                crate::text::clean(&binary.join(", "))
            ),
            format!("Select by interest instead: {}.", input.def.alternative),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;

    #[test]
    fn fires_on_binary_values_and_exclusions() {
        let c = with_audience(all(vec![intent(), attr("gender", "Female")]));
        assert_fires(&c, "binary-gender-segment", "audience.all[1].value");
        let c = with_audience(all(vec![intent(), not(attr("gender", "male"))]));
        assert_fires(&c, "binary-gender-segment", "audience.all[1].not.value");
    }

    #[test]
    fn silent_for_behaviour_and_non_binary_values() {
        assert_silent(&with_audience(all(vec![intent()])), "binary-gender-segment");
        assert_silent(
            &with_audience(all(vec![intent(), attr("gender", "self-described")])),
            "binary-gender-segment",
        );
    }
}
