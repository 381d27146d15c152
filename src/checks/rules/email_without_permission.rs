use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::{AttributeCondition, Condition, Operator};

pub const RULE: Rule = Rule {
    id: "email-without-permission",
    severity: Severity::Error,
    risk: Risk::Invasive,
    summary: "Email goes to people who did not give explicit email permission",
    explanation: r#"## What it checks
Campaigns that send email (the `Email` channel or an `EmailBlock` zone) whose
`consent.email_permission` is missing, `NotAsked` or `SoftOptIn`. Only `ExplicitOptIn` and
`DoubleOptIn` count as permission.

It also fires when the audience itself is made of people who have not signed up for email
(`email_opt_in` is `no`, or is not `yes`): whatever `email_permission` says, every email of
such a campaign goes to someone who never said yes, and the visitor's "why you see this" would
tell them so.

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
that as `email_permission`. A campaign that asks people to sign up does not also email them:
show the sign-up on the web, and send the welcome from a campaign for subscribers."#,
    check,
    instant: false,
    intent_advice: false,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let c = ctx.campaign;
    if !c.sends_email() {
        return;
    }
    let mut required = Vec::new();
    required_attributes(&c.audience, "audience".to_string(), false, &mut required);
    for (path, negated, a) in required {
        if not_signed_up(a, negated) {
            out.push(Finding::new(
                &RULE,
                path,
                "This campaign sends email, but its audience is people who have not signed up for \
                 email (email opt-in status is no): every email goes to someone who never said yes",
                "Take this condition out of the audience, or take email out of this campaign (the \
                 Email channel and email zones) and send it from a campaign for subscribers.",
            ));
        }
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

/// The attribute conditions every member of the audience meets, with their paths and whether
/// they are negated: those reached through groups that need all their members (an `All`, a
/// negated `Any`, a group of one) and `Not`s only.
fn required_attributes<'a>(
    node: &'a Condition,
    path: String,
    negated: bool,
    out: &mut Vec<(String, bool, &'a AttributeCondition)>,
) {
    match node {
        Condition::All(items) | Condition::Any(items) => {
            let every = matches!(node, Condition::All(_)) != negated || items.len() == 1;
            if !every {
                return;
            }
            let key = node.group_key().unwrap_or("all");
            for (i, item) in items.iter().enumerate() {
                required_attributes(item, format!("{path}.{key}[{i}]"), negated, out);
            }
        }
        Condition::Not(inner) => required_attributes(inner, format!("{path}.not"), !negated, out),
        Condition::Attribute(a) => out.push((path, negated, a)),
        Condition::Intent(_) => {}
    }
}

/// Whether a condition that every member meets says they have not signed up for email.
fn not_signed_up(a: &AttributeCondition, negated: bool) -> bool {
    if a.attribute != "email_opt_in" {
        return false;
    }
    let is = match a.operator {
        Operator::Is | Operator::OneOf => !negated,
        Operator::IsNot | Operator::NoneOf => negated,
        Operator::AtLeast | Operator::AtMost => return false,
    };
    let values = a.operator.values(&a.value);
    let yes = |v: &String| matches!(v.to_lowercase().as_str(), "yes" | "true");
    let no = |v: &String| matches!(v.to_lowercase().as_str(), "no" | "false");
    if is {
        !values.is_empty() && values.iter().all(no)
    } else {
        values.iter().any(yes)
    }
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

    #[test]
    fn fires_when_the_audience_has_not_signed_up() {
        // Double opt-in is set, but the audience is the people who said no.
        let mut c = good();
        c.audience = all(vec![intent(), attr("email_opt_in", "no")]);
        assert_fires(&c, "email-without-permission", "audience.all[1]");
        // "Not signed up" said the other way round, and under a negated Any.
        let mut not_yes = attr("email_opt_in", "yes");
        if let crate::model::Condition::Attribute(a) = &mut not_yes {
            a.operator = crate::model::Operator::IsNot;
        }
        c.audience = all(vec![intent(), not_yes]);
        assert_fires(&c, "email-without-permission", "audience.all[1]");
        c.audience = all(vec![
            intent(),
            not(any(vec![
                attr("email_opt_in", "yes"),
                attr("loyalty_tier", "gold"),
            ])),
        ]);
        assert_fires(&c, "email-without-permission", "audience.all[1].not.any[0]");
    }

    #[test]
    fn silent_when_the_audience_has_signed_up_or_may_have() {
        let mut c = good();
        c.audience = all(vec![intent(), attr("email_opt_in", "yes")]);
        assert_silent(&c, "email-without-permission");
        c.audience = all(vec![intent(), not(attr("email_opt_in", "no"))]);
        assert_silent(&c, "email-without-permission");
        // One way in among others is not the whole audience.
        c.audience = any(vec![intent(), attr("email_opt_in", "no")]);
        assert_silent(&c, "email-without-permission");
        // Without email, asking people who have not signed up is the point.
        c.channels = vec![crate::model::Channel::Web];
        c.audience = all(vec![intent(), attr("email_opt_in", "no")]);
        assert_silent(&c, "email-without-permission");
    }
}
