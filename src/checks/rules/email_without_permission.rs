use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::{Channel, ZoneKind};

pub const RULE: Rule = Rule {
    id: "email-without-permission",
    severity: Severity::Error,
    risk: Risk::Invasive,
    summary: "Email goes to people who did not give explicit email permission",
    explanation: r#"## What it checks
Campaigns that send email (the `Email` channel or an `EmailBlock` zone) whose
`consent.email_permission` is missing, `NotAsked` or `SoftOptIn`. Only `ExplicitOptIn` and
`DoubleOptIn` count as permission.

## Risk
Personalization that feels invasive or unwanted.

## Why it matters
Email to someone who never said yes is spam, however personal it looks. It breaks the law in
most places (ePrivacy, CAN-SPAM for some cases, CASL) and teaches people to distrust the brand.

## Example
    channels: [Email],
    consent: ( opt_out: [Link("...")], email_permission: SoftOptIn ),

## Instead
    channels: [Email],
    consent: ( opt_out: [Link("...")], email_permission: DoubleOptIn ),

## Fix
Send only to people who ticked an unticked box for email (better, confirmed it), and record
that as `email_permission`."#,
    check,
    instant: false,
    intent_advice: false,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let c = ctx.campaign;
    let sends_email = c.channels.contains(&Channel::Email)
        || c.zones.iter().any(|z| z.kind == ZoneKind::EmailBlock);
    if !sends_email {
        return;
    }
    let permission = c.consent.email_permission;
    if permission.is_some_and(|p| p.is_explicit()) {
        return;
    }
    let what = match permission {
        None => "no email permission is required of the audience".to_string(),
        Some(p) => format!(
            "the audience's email permission is only \"{}\"",
            crate::text::variant_words(&p)
        ),
    };
    out.push(Finding::new(
        &RULE,
        "consent.email_permission",
        format!("This campaign sends email, but {what}: people who never said yes will get it"),
        "Send only to people who opted in explicitly: set Email opt-in (Value & consent) to explicit or double opt-in, and filter the list.",
    ));
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;
    use crate::model::EmailPermission;

    #[test]
    fn fires_without_explicit_permission() {
        let mut c = good();
        c.consent.email_permission = Some(EmailPermission::SoftOptIn);
        assert_fires(&c, "email-without-permission", "consent.email_permission");
        c.consent.email_permission = None;
        assert_fires(&c, "email-without-permission", "consent.email_permission");
    }

    #[test]
    fn silent_with_double_opt_in() {
        assert_silent(&good(), "email-without-permission");
    }
}
