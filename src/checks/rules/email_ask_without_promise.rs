use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::Collection;

pub const RULE: Rule = Rule {
    id: "email-ask-without-promise",
    severity: Severity::Warning,
    risk: Risk::UnexpectedUse,
    summary: "Email is asked for without saying what the person will receive",
    explanation: r#"## What it checks
Campaigns that ask for an email address in a form but leave `value_exchange.email_promise`
empty.

## Risk
Data collected, shared or used in ways people did not expect.

## Why it matters
"Sign up" says nothing. People who know what comes (the discount code now, one email a week
with new arrivals) sign up more willingly and unsubscribe less.

## Example
    value_exchange: ( immediate: "10% off your first order" ),

## Instead
    value_exchange: ( immediate: "10% off your first order",
        email_promise: "Your code now, then one email a week with new arrivals" ),

## Fix
Write what the subscriber will receive, and how often, in `email_promise`."#,
    check,
    instant: false,
    intent_advice: false,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let c = ctx.campaign;
    let promised = c
        .value_exchange
        .email_promise
        .as_ref()
        .is_some_and(|p| !p.is_blank());
    if promised {
        return;
    }
    // At the promise that is missing, where the fix goes (Enter on the finding lands there);
    // once, however many form fields ask for the address.
    let asks = c
        .data
        .iter()
        .position(|f| f.category == "user.contact.email" && f.collected_by == Collection::Form);
    if let Some(i) = asks {
        out.push(Finding::new(
            &RULE,
            "value_exchange.email_promise",
            format!(
                "The form asks for an email address (data field {}) without saying what the person will receive",
                i + 1
            ),
            "Say what the email brings (Value & consent, By email): what comes now, and what comes later and how often.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;

    #[test]
    fn fires_when_the_promise_is_missing() {
        let mut c = good();
        c.value_exchange.email_promise = Some("  ".into());
        assert_fires(
            &c,
            "email-ask-without-promise",
            "value_exchange.email_promise",
        );
    }

    #[test]
    fn silent_with_a_promise() {
        assert_silent(&good(), "email-ask-without-promise");
    }
}
