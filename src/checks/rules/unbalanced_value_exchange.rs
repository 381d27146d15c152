use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::disclosure::Verdict;

pub const RULE: Rule = Rule {
    id: "unbalanced-value-exchange",
    severity: Severity::Warning,
    risk: Risk::Invasive,
    summary: "The benefit is small for the sensitivity of what is collected",
    explanation: r#"## What it checks
The value-exchange verdict. Each collected category weighs its sensitivity (1 for a device id,
up to 8 for a special category; `assets/vocab/data_categories.ron`); benefits score 4 for an
immediate offer, 2 for each ongoing benefit (three at most), 1 for an email promise and 1 for a
login benefit. The exchange is thin when what is given weighs more than twice what is offered.

## Risk
Personalization that feels invasive or unwanted.

## Why it matters
Asking for a birthday, gender and postal code in return for a newsletter is out of proportion,
and people notice. The more sensitive the data, the more the customer should get.

## Example
    data: [ email, date of birth, gender, postal code ],
    value_exchange: ( ongoing: ["Our newsletter"] ),

## Instead
    data: [ email ],
    value_exchange: ( immediate: "15% off today", ongoing: ["Early access to sales"] ),

## Fix
Ask for less, or offer more."#,
    check,
    instant: false,
    intent_advice: false,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let ve = &ctx.value_exchange;
    if ve.verdict == Verdict::Thin {
        out.push(Finding::new(
            &RULE,
            "value_exchange",
            format!(
                "Customers give more than they get: {} of data for {} of benefit",
                crate::disclosure::value_exchange::points(ve.given),
                crate::disclosure::value_exchange::points(ve.offered)
            ),
            "Stop collecting the most sensitive fields, or add an immediate offer or ongoing benefits.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;
    use crate::model::ValueExchange;

    #[test]
    fn fires_when_sensitive_data_buys_little() {
        let mut c = good();
        for cat in [
            "user.demographic.date_of_birth",
            "user.demographic.gender",
            "user.contact.address.postal_code",
        ] {
            c.data.push(field(cat, &["personalize.content.limited"]));
        }
        c.value_exchange = ValueExchange {
            ongoing: vec!["Our newsletter".into()],
            ..Default::default()
        };
        assert_fires(&c, "unbalanced-value-exchange", "value_exchange");
    }

    #[test]
    fn silent_when_balanced() {
        assert_silent(&good(), "unbalanced-value-exchange");
    }
}
