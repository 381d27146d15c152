use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::disclosure::Verdict;

pub const RULE: Rule = Rule {
    id: "missing-value-exchange",
    severity: Severity::Error,
    risk: Risk::Invasive,
    summary: "Data is collected and no benefit to the customer is stated",
    explanation: r#"## What it checks
Campaigns that collect data but state no benefit: no immediate offer, no ongoing benefit, no
email promise and no login benefit in `value_exchange`.

## Risk
Personalization that feels invasive or unwanted.

## Why it matters
Personalization is a service to the customer. People who share data expect something useful
back; when nothing is offered, the campaign only takes.

## Example
    value_exchange: (),

## Instead
    value_exchange: ( immediate: "Free shipping on this order",
        ongoing: ["Recommendations that match your size"] ),

## Fix
Say what the customer gets, now and later, in `value_exchange`."#,
    check,
    instant: false,
    intent_advice: false,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    if ctx.value_exchange.verdict == Verdict::NothingOffered {
        out.push(Finding::new(
            &RULE,
            "value_exchange",
            "Customers give data and are offered nothing in return",
            "Say what the customer gets right away or over time (Value & consent).",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;
    use crate::model::ValueExchange;

    #[test]
    fn fires_when_nothing_is_offered() {
        let mut c = good();
        c.value_exchange = ValueExchange::default();
        assert_fires(&c, "missing-value-exchange", "value_exchange");
    }

    #[test]
    fn silent_with_a_benefit_or_without_data() {
        assert_silent(&good(), "missing-value-exchange");
        // Nothing declared and nothing read: nothing to give back for.
        let mut c = good();
        c.value_exchange = ValueExchange::default();
        c.data.clear();
        c.audience = all(vec![]);
        c.zones.clear();
        c.channels = vec![crate::model::Channel::Web];
        assert_silent(&c, "missing-value-exchange");
    }

    #[test]
    fn fires_when_data_is_read_but_not_declared_and_nothing_is_offered() {
        let mut c = good();
        c.value_exchange = ValueExchange::default();
        c.data.clear();
        assert_fires(&c, "missing-value-exchange", "value_exchange");
    }
}
