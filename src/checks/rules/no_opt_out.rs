use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::{Channel, OptOut};

pub const RULE: Rule = Rule {
    id: "no-opt-out",
    severity: Severity::Error,
    risk: Risk::Invasive,
    summary: "There is no way to opt out of collection or messages",
    explanation: r#"## What it checks
Campaigns that collect data or send messages (email, SMS, app) with an empty
`consent.opt_out` list, or whose only way out is a STOP reply while the campaign sends no
text messages.

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
    if !(messages || ctx.handles_data()) {
        return;
    }
    if c.consent.opt_out.is_empty() {
        out.push(Finding::new(
            &RULE,
            "consent.opt_out",
            "There is no way to opt out: people cannot stop the collection or the messages",
            "Add a one-click unsubscribe link or a preference centre (and STOP replies for SMS).",
        ));
        return;
    }
    // A STOP reply is a way out only for people who get texts: a web or email campaign whose
    // only way out is "reply STOP" leaves its visitors none, while its notice reads as if it
    // offered one.
    let texts = c.channels.contains(&Channel::Sms);
    if !texts && c.consent.opt_out.iter().all(|o| *o == OptOut::ReplyStop) {
        let reached: Vec<&str> = c.channels.iter().map(|ch| ch.label()).collect();
        let by = if reached.is_empty() {
            String::new()
        } else {
            format!(" (it reaches people by {})", reached.join(" and "))
        };
        out.push(Finding::new(
            &RULE,
            "consent.opt_out",
            format!(
                "The only way out is replying STOP to a text, but this campaign sends no texts{by}: the people it reaches cannot stop it"
            ),
            "Add a one-click unsubscribe link, a preference centre or an account setting, which work wherever people meet the campaign.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;
    use crate::model::{Channel, OptOut};

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

    #[test]
    fn fires_when_the_only_way_out_is_a_stop_reply_and_no_text_is_sent() {
        let mut c = good();
        c.consent.opt_out = vec![OptOut::ReplyStop];
        let f = assert_fires(&c, "no-opt-out", "consent.opt_out");
        assert!(
            f.message
                .contains("sends no texts (it reaches people by web and email)"),
            "{}",
            f.message
        );
    }

    #[test]
    fn silent_when_a_stop_reply_goes_with_texts_or_another_way_out() {
        let mut c = good();
        c.consent.opt_out = vec![OptOut::ReplyStop];
        c.channels.push(Channel::Sms);
        assert_silent(&c, "no-opt-out");
        let mut c = good();
        c.consent.opt_out.push(OptOut::ReplyStop);
        assert_silent(&c, "no-opt-out");
    }
}
