use crate::checks::{Context, Finding, Risk, Rule, Severity, accepted_reason, reason_advice};
use crate::model::vocab::AttributeKind;

pub const RULE: Rule = Rule {
    id: "sensitive-attribute",
    severity: Severity::Error,
    risk: Risk::Bias,
    summary: "Targeting or a model uses a special category of data, or age",
    explanation: r#"## What it checks
Audience conditions (exclusions included) and model features that use a special category:
racial or ethnic origin, religion or belief, national origin, health, sexual orientation,
political opinion, trade-union membership, genetic or biometric data. Age is checked too, at a
lower severity.

Severity: error for special categories, whatever reason is given. Age is a warning, lowered to
info only when the condition names the kind of reason age accepts (a legal minimum age) and
says why in at least four words; the finding quotes both so a reviewer can judge them.
"Because we want to" lowers nothing.

## Risk
Hidden bias from demographic targeting.

## Why it matters
Using these categories treats people differently for who they are. It is forbidden or tightly
restricted in most places (GDPR Art. 9) and by the ad platforms. An exclusion is targeting too:
"everyone except people of religion X" uses religion.

## Example
    Not(Attribute(attribute: "religion", operator: Is, value: "..."))
    Attribute(attribute: "age", operator: AtLeast, value: "55")

## Instead
    Intent(action: CategoryView, target: Category("anti-ageing"), count: AtLeast(2), within_days: 30)
    Attribute(attribute: "age", operator: AtLeast, value: "18",
        reason: "legal_minimum_age",
        justification: "Legal age gate: alcohol may only be advertised to adults")

## Fix
Remove the condition or feature. Reach the same people by what they do. For age, keep it only
where the law sets an age for the product: choose that kind of reason (`reason`) and say why
(`justification`)."#,
    check,
    instant: true,
    intent_advice: true,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for input in ctx.targeting_inputs() {
        let label = input.def.label.to_lowercase();
        match &input.def.kind {
            AttributeKind::SpecialCategory(_) => {
                let note = if input.justification.is_some() || input.reason.is_some() {
                    " No reason can lower a special category."
                } else {
                    ""
                };
                out.push(Finding::new(
                    &RULE,
                    &input.path,
                    format!("{} {label}, a special category of personal data.{note}", capital(&input.used_by())),
                    format!("Remove it; reach people by what they do instead: {}.", input.def.alternative),
                ));
            }
            AttributeKind::Age => match accepted_reason(input) {
                Some(reason) => out.push(
                    Finding::new(
                        &RULE,
                        &input.path,
                        format!(
                            "{} {label}; accepted for the reason \"{}\": \"{}\"",
                            capital(&input.used_by()),
                            reason.kind.to_lowercase(),
                            reason.text
                        ),
                        "A reviewer should confirm the reason holds: the law really sets this age for the product.",
                    )
                    .with_severity(Severity::Info),
                ),
                None => out.push(
                    Finding::new(
                        &RULE,
                        &input.path,
                        format!("{} {label}, which stereotypes people and loses interested buyers of other ages", capital(&input.used_by())),
                        format!(
                            "Instead, target {}. If the law sets an age for the product, {}.",
                            input.def.alternative,
                            reason_advice(input.def).unwrap_or_else(|| "say so in a reason".into())
                        ),
                    )
                    .with_severity(Severity::Warning),
                ),
            },
            _ => {}
        }
    }
}

pub(crate) fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::Severity;
    use crate::checks::rules::test_support::*;

    #[test]
    fn fires_on_religion_even_as_an_exclusion() {
        let c = with_audience(all(vec![intent(), not(attr("religion", "x"))]));
        let f = assert_fires(&c, "sensitive-attribute", "audience.all[1].not.attribute");
        assert_eq!(f.severity, Severity::Error);
        assert!(f.message.contains("excludes"), "{}", f.message);
    }

    #[test]
    fn justification_never_lowers_a_special_category() {
        let mut c = with_audience(all(vec![
            intent(),
            attr_j(
                "health_condition",
                "x",
                "we really need this for the campaign",
            ),
        ]));
        let f = assert_fires(&c, "sensitive-attribute", "audience.all[1].attribute");
        assert_eq!(f.severity, Severity::Error);
        c.models.push(model("m", &["race_ethnicity"]));
        assert_fires(&c, "sensitive-attribute", "models[0].features[0].input");
    }

    #[test]
    fn age_is_a_warning_and_info_only_with_an_accepted_reason() {
        let c = with_audience(all(vec![intent(), attr("age", "55")]));
        assert_eq!(
            assert_fires(&c, "sensitive-attribute", "audience.all[1].attribute").severity,
            Severity::Warning
        );
        let c = with_audience(all(vec![
            intent(),
            attr_r(
                "age",
                "18",
                "legal_minimum_age",
                "Legal age gate for alcohol advertising",
            ),
        ]));
        let f = assert_fires(&c, "sensitive-attribute", "audience.all[1].attribute");
        assert_eq!(f.severity, Severity::Info);
        assert!(
            f.message
                .contains("\"a legal minimum age\": \"Legal age gate"),
            "{}",
            f.message
        );
        // Words alone, however many, lower nothing; nor does a kind age does not accept, nor
        // a kind with too few words to judge.
        for cond in [
            attr_j("age", "55", "because we want to reach them"),
            attr_r(
                "age",
                "55",
                "nearest_store",
                "the store is near where they live",
            ),
            attr_r("age", "18", "legal_minimum_age", "needed"),
        ] {
            let c = with_audience(all(vec![intent(), cond]));
            let f = assert_fires(&c, "sensitive-attribute", "audience.all[1].attribute");
            assert_eq!(f.severity, Severity::Warning, "{}", f.message);
            assert!(f.hint.contains("a legal minimum age"), "{}", f.hint);
        }
    }

    #[test]
    fn silent_on_behaviour_and_neutral_attributes() {
        let c = with_audience(all(vec![intent(), attr("loyalty_tier", "gold")]));
        assert_silent(&c, "sensitive-attribute");
    }

    /// A model feature meets the same rule whether it names the attribute or the data
    /// category the attribute is read from (`race_ethnicity` or
    /// `user.demographic.race_ethnicity`), for every special category and age in the vocabulary.
    #[test]
    fn every_special_category_and_age_is_caught_in_both_spellings() {
        use crate::model::vocab::{AttributeKind, vocab};
        let mut checked = 0;
        for a in &vocab().attributes {
            let want = match a.kind {
                AttributeKind::SpecialCategory(_) => Severity::Error,
                AttributeKind::Age => Severity::Warning,
                _ => continue,
            };
            for spelling in [a.id.as_str(), a.category.as_str()] {
                let mut c = good();
                c.models.push(model("score", &[spelling]));
                assert_fires(&c, "sensitive-attribute", "models[0].features[0].input");
                // A broader category (user.biometric) also reads the narrower ones inside it:
                // the finding for this attribute is among those at the feature.
                let f = crate::checks::check(&c)
                    .into_iter()
                    .find(|f| {
                        f.rule == "sensitive-attribute"
                            && f.message.contains(&a.label.to_lowercase())
                    })
                    .unwrap_or_else(|| panic!("{spelling}: no finding names {}", a.label));
                assert_eq!(f.severity, want, "{spelling}");
            }
            checked += 1;
        }
        assert!(checked >= 11, "only {checked} attributes checked");
        // A broad category reads the special categories inside it.
        let mut c = good();
        c.models.push(model("score", &["user.demographic"]));
        assert_fires(&c, "sensitive-attribute", "models[0].features[0].input");
        // Behaviour named by its category is not a special category.
        let mut c = good();
        c.models
            .push(model("score", &["user.behavior.browsing_history"]));
        assert_silent(&c, "sensitive-attribute");
    }
}
