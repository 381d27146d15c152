use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::ModelKind;

pub const RULE: Rule = Rule {
    id: "regulated-category-targeting",
    severity: Severity::Error,
    risk: Risk::Bias,
    summary: "A housing, employment or credit campaign uses restricted targeting",
    explanation: r#"## What it checks
Campaigns with a `regulated_category` (housing, employment, credit/financial) whose audience or
models use an attribute the ad platforms restrict for that category (age, gender, postal code,
marital or parental status, precise location), or that rely on a lookalike model. The lists are
in `assets/vocab/regulated.ron`, after Meta's special ad categories and Google's
personalized-advertising policy.

## Risk
Hidden bias from demographic targeting.

## Why it matters
Who sees a job, a flat or a loan decides who gets one. Anti-discrimination law covers these
areas, and the platforms reject such campaigns. Lookalike models copy the make-up of an
existing customer base, biases included. A justification does not lift the restriction.

## Example
    regulated_category: Employment,
    audience: All([ Attribute(attribute: "age", operator: AtMost, value: "35") ]),

## Instead
    regulated_category: Employment,
    audience: All([ Intent(action: Search, target: SearchTerm("warehouse jobs"), count: AtLeast(1), within_days: 14) ]),

## Fix
Remove the restricted conditions and lookalike models; target by searches and page views."#,
    check,
    instant: true,
    intent_advice: false,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let c = ctx.campaign;
    let Some(category) = c.regulated_category else {
        return;
    };
    let Some(limits) = ctx.vocab.regulated(category.key()) else {
        return;
    };
    let name = category.key().replace('_', "/");
    for input in ctx.targeting_inputs() {
        if limits.attributes.contains(&input.def.id) {
            out.push(Finding::new(
                &RULE,
                &input.path,
                format!(
                    "This {name} campaign uses {}, which is not allowed for {name} targeting",
                    input.def.label.to_lowercase()
                ),
                "Remove it; target by what people searched for or viewed.",
            ));
        }
    }
    if limits.lookalike {
        for (m, model) in c.models.iter().enumerate() {
            if model.kind == ModelKind::Lookalike {
                out.push(Finding::new(
                    &RULE,
                    format!("models[{m}].kind"),
                    format!(
                        "This {name} campaign relies on the lookalike model \"{}\", which copies the make-up of existing customers",
                        crate::text::clean(&model.name)
                    ),
                    "Remove the lookalike model; use intent conditions instead.",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;
    use crate::model::{ModelKind, RegulatedCategory};

    #[test]
    fn fires_on_restricted_attributes_and_lookalikes() {
        let mut c = with_audience(all(vec![intent(), attr("postal_code", "75019")]));
        c.regulated_category = Some(RegulatedCategory::Housing);
        assert_fires(
            &c,
            "regulated-category-targeting",
            "audience.all[1].attribute",
        );
        let mut m = model("similar-applicants", &["user.behavior.browsing_history"]);
        m.kind = ModelKind::Lookalike;
        c.models.push(m);
        assert_fires(&c, "regulated-category-targeting", "models[0].kind");
    }

    #[test]
    fn silent_for_intent_only_or_unregulated() {
        let mut c = with_audience(all(vec![intent()]));
        c.regulated_category = Some(RegulatedCategory::Employment);
        assert_silent(&c, "regulated-category-targeting");
        let c = with_audience(all(vec![intent(), attr("postal_code", "75019")]));
        assert_silent(&c, "regulated-category-targeting");
    }

    /// The restricted attributes are caught as model features in either spelling.
    #[test]
    fn restricted_attributes_are_caught_by_their_data_category_too() {
        for spelling in [
            "postal_code",
            "user.contact.address.postal_code",
            "user.demographic.gender",
        ] {
            let mut c = good();
            c.regulated_category = Some(crate::model::RegulatedCategory::Housing);
            c.models.push(model("score", &[spelling]));
            assert_fires(
                &c,
                "regulated-category-targeting",
                "models[0].features[0].input",
            );
        }
    }
}
