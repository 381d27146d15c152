use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::Channel;

pub const RULE: Rule = Rule {
    id: "no-opt-out",
    severity: Severity::Error,
    risk: Risk::Invasive,
    summary: "There is no way to opt out of collection or messages",
    explanation: r#"## What it checks
Campaigns that collect data or send messages (email, SMS, app) with an empty
`consent.opt_out` list.

## Risk
Personalization that feels invasive or unwanted.

## Why it matters
A person who cannot say stop is not in control, and a message they cannot stop feels like spam.
The right to withdraw consent must be as easy to use as giving it (GDPR Art. 7(3)).

## Example
    consent: ( opt_out: [] ),

## Instead
    consent: ( opt_out: [ Link("https://example.com/unsubscribe"), PreferenceCentre("https://example.com/preferences") ] ),

## Fix
Add at least one way out: a one-click link, a preference centre, STOP replies for SMS, or an
account setting."#,
    check,
    instant: false,
    intent_advice: false,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let c = ctx.campaign;
    let messages = c
        .channels
        .iter()
        .any(|ch| matches!(ch, Channel::Email | Channel::Sms | Channel::MobileApp));
    if c.consent.opt_out.is_empty() && (messages || ctx.handles_data()) {
        out.push(Finding::new(
            &RULE,
            "consent.opt_out",
            "There is no way to opt out: people cannot stop the collection or the messages",
            "Add a one-click unsubscribe link or a preference centre (and STOP replies for SMS).",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;

    #[test]
    fn fires_without_any_way_out() {
        let mut c = good();
        c.consent.opt_out.clear();
        assert_fires(&c, "no-opt-out", "consent.opt_out");
    }

    #[test]
    fn silent_with_a_way_out() {
        assert_silent(&good(), "no-opt-out");
    }
}
