use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::{Collection, LegalBasis, OptOut, Visibility};

pub const RULE: Rule = Rule {
    id: "opt-out-harder-than-opt-in",
    severity: Severity::Warning,
    risk: Risk::UnexpectedUse,
    summary: "Consent is given on the page in one step, but withdrawing it needs an account",
    explanation: r#"## What it checks
Campaigns that collect data on consent from a form or from what visitors do on the page,
where some of it is shown to visitors who are not logged in, and whose only way out is a
setting in the customer's account (`AccountSettings`). Giving consent took one step on the
page; taking it back needs a login, or an account the visitor may not have.

## Risk
Data collected, shared or used in ways people did not expect.

## Why it matters
The GDPR, Article 7(3), says it shall be as easy to withdraw consent as to give it. A visitor
who ticked a box on a landing page, or accepted tracking in a banner, must be able to change
their mind the same way: a link in every email, a preference page that works without logging
in. Hiding the exit behind an account turns a choice into a trap.

## Example
    data: [ (category: "user.contact.email", ..., collected_by: Form, legal_basis: Consent, ...) ],
    consent: ( opt_out: [AccountSettings] ),

## Instead
    consent: ( opt_out: [Link("https://shop.example/unsubscribe"), AccountSettings] ),

## Fix
Add a way out that needs no login: a one-click link in every message, or a preference page
reachable from the notice."#,
    check,
    instant: false,
    intent_advice: false,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let c = ctx.campaign;
    let opt_outs = &c.consent.opt_out;
    if opt_outs.is_empty()
        || !opt_outs
            .iter()
            .all(|o| matches!(o, OptOut::AccountSettings))
    {
        return;
    }
    let given_on_page = c.data.iter().any(|f| {
        f.legal_basis == LegalBasis::Consent
            && matches!(f.collected_by, Collection::Form | Collection::Tracking)
    });
    // Consent given by logged-in customers only can be withdrawn where it was given.
    let logged_in_only = !c.zones.is_empty()
        && c.zones
            .iter()
            .all(|z| z.visibility == Visibility::LoggedInOnly);
    if given_on_page && !logged_in_only {
        out.push(Finding::new(
            &RULE,
            "consent.opt_out",
            "Consent is given on the page in one step, but the only way to withdraw it is in the customer's account",
            "Add a way out that needs no login: a one-click link or a preference page.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;
    use crate::model::*;

    #[test]
    fn fires_when_only_the_account_lets_people_out() {
        let mut c = good();
        c.consent.opt_out = vec![OptOut::AccountSettings];
        assert_fires(&c, "opt-out-harder-than-opt-in", "consent.opt_out");
    }

    #[test]
    fn silent_with_a_way_out_without_login_or_for_logged_in_customers_only() {
        let mut c = good();
        c.consent.opt_out = vec![
            OptOut::Link("https://lumen.example/unsubscribe".into()),
            OptOut::AccountSettings,
        ];
        assert_silent(&c, "opt-out-harder-than-opt-in");
        c.consent.opt_out = vec![OptOut::AccountSettings];
        for z in &mut c.zones {
            z.visibility = Visibility::LoggedInOnly;
        }
        assert_silent(&c, "opt-out-harder-than-opt-in");
    }
}
