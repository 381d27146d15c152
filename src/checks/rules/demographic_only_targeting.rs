use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::vocab::{AttributeKind, Vocabulary};
use crate::model::{Condition, Operator};

pub const RULE: Rule = Rule {
    id: "demographic-only-targeting",
    severity: Severity::Warning,
    risk: Risk::Bias,
    summary: "An audience can be entered on demographics alone, with no sign of interest",
    explanation: r#"## What it checks
Whether a person can qualify for the audience on who they are (age, gender, location,
income...) without having done anything that shows interest. An `Any` group counts as
demographic-only when one of its branches is; an intent condition inside a `Not` does not
count as interest, nor one that people who did nothing meet ("at most twice", "exactly 0
times").

## Risk
Hidden bias from demographic targeting.

## Why it matters
Demographics are a guess about interest, and a stereotyped one. Targeting an anti-ageing serum
at people over 55 tells younger buyers it is not for them and shows an ad to older people who
never asked. Behaviour (what people viewed, searched for, put in their cart) is both fairer and
more accurate.

## Example
    audience: All([
        Attribute(attribute: "age", operator: AtLeast, value: "55"),
    ]),

## Instead
    audience: All([
        Intent(action: CategoryView, target: Category("anti-ageing"), count: AtLeast(2), within_days: 30),
    ]),

## Fix
Add an intent condition that shows interest in what the campaign offers, and drop the
demographic condition unless you can say why it is needed."#,
    check,
    instant: true,
    intent_advice: true,
    waivable: true,
    fix: None,
};

/// Whether every way into the audience passes through a behavioural condition that someone
/// meets only by doing something: "viewed at most twice" is met by people who never came.
pub fn requires_intent(node: &Condition) -> bool {
    match node {
        Condition::Intent(i) => i.count.needs_an_action(),
        Condition::Attribute(_) | Condition::Not(_) => false,
        Condition::All(items) => items.iter().any(requires_intent),
        Condition::Any(items) => !items.is_empty() && items.iter().all(requires_intent),
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let c = ctx.campaign;
    if requires_intent(&c.audience) {
        return;
    }
    let demographic: Vec<_> = ctx
        .targeting_inputs()
        .iter()
        .filter(|i| i.model.is_none() && i.def.kind.is_demographic())
        .collect();
    // The advice follows the attribute that says most about who someone is, whatever the
    // order of the conditions: gender before country, so a lipstick launch is not told to
    // look for people who chose a shipping country.
    let Some(first) = demographic.iter().min_by_key(|i| telling(&i.def.kind)) else {
        return;
    };
    let mut names: Vec<String> = demographic
        .iter()
        .map(|i| i.def.label.to_lowercase())
        .collect();
    names.dedup();
    let alternative = intent_alternative(ctx.vocab, first.def.id.as_str(), first.operator);
    out.push(Finding::new(
        &RULE,
        "audience",
        format!(
            "This audience can be reached on demographics alone ({}), with no sign of interest: it bakes in a stereotype and misses interested people outside the group",
            names.join(", ")
        ),
        format!("Target by what people do instead: {alternative}."),
    ));
}

/// How much an attribute of this kind says about who someone is, most first: a special
/// category, then age and gender, then a proxy for one, then other demographics.
fn telling(kind: &AttributeKind) -> u8 {
    match kind {
        AttributeKind::SpecialCategory(_) => 0,
        AttributeKind::Age | AttributeKind::Gender => 1,
        AttributeKind::Proxy(_) => 2,
        AttributeKind::Demographic | AttributeKind::Neutral => 3,
    }
}

fn intent_alternative(v: &Vocabulary, attribute: &str, _op: Option<Operator>) -> String {
    v.attribute(attribute)
        .map(|a| a.alternative.clone())
        .filter(|a| !a.is_empty())
        .map(|a| format!("add an intent condition for {a}"))
        .unwrap_or_else(|| "add an intent condition (viewed, added to cart, searched)".to_string())
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;

    #[test]
    fn fires_on_age_only_audience() {
        let c = with_audience(all(vec![attr("age", "55")]));
        assert_fires(&c, "demographic-only-targeting", "audience");
    }

    #[test]
    fn fires_when_an_any_branch_is_demographic() {
        let c = with_audience(any(vec![intent(), attr("gender", "female")]));
        assert_fires(&c, "demographic-only-targeting", "audience");
    }

    #[test]
    fn negated_intent_is_not_interest() {
        let c = with_audience(all(vec![attr("age", "55"), not(intent())]));
        assert_fires(&c, "demographic-only-targeting", "audience");
    }

    /// A count that people who did nothing meet is no sign of interest, whatever it counts;
    /// one that takes a single action is.
    #[test]
    fn a_count_met_by_doing_nothing_is_not_interest() {
        use crate::model::{Condition, Count};
        let with_count = |count| {
            let Condition::Intent(mut i) = intent() else {
                unreachable!()
            };
            i.count = count;
            with_audience(all(vec![attr("age", "55"), Condition::Intent(i)]))
        };
        for count in [Count::AtMost(3), Count::Exactly(0), Count::AtLeast(0)] {
            assert_fires(&with_count(count), "demographic-only-targeting", "audience");
        }
        for count in [Count::AtLeast(1), Count::Exactly(2)] {
            assert_silent(&with_count(count), "demographic-only-targeting");
        }
    }

    /// The advice is the same whichever condition comes first: it follows gender, not the
    /// country beside it.
    #[test]
    fn the_advice_does_not_depend_on_the_order_of_the_conditions() {
        let advice = |c: &crate::model::Campaign| {
            crate::checks::check(c)
                .into_iter()
                .find(|f| f.rule == "demographic-only-targeting")
                .expect("fires")
                .hint
        };
        let gender_first =
            with_audience(all(vec![attr("gender", "female"), attr("country", "FR")]));
        let country_first =
            with_audience(all(vec![attr("country", "FR"), attr("gender", "female")]));
        let a = advice(&gender_first);
        assert_eq!(a, advice(&country_first));
        assert!(!a.contains("shipping country"), "{a}");
    }

    #[test]
    fn silent_with_an_intent_condition() {
        let c = with_audience(all(vec![intent(), attr("country", "FR")]));
        assert_silent(&c, "demographic-only-targeting");
    }

    #[test]
    fn silent_for_neutral_attributes_and_everyone() {
        assert_silent(
            &with_audience(all(vec![attr("loyalty_tier", "gold")])),
            "demographic-only-targeting",
        );
        assert_silent(&with_audience(all(vec![])), "demographic-only-targeting");
    }
}
