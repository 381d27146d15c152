use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::Text;
use crate::model::vocab::covers;

pub const RULE: Rule = Rule {
    id: "undisclosed-sharing",
    severity: Severity::Error,
    risk: Risk::UnexpectedUse,
    summary: "Data goes to an ad platform or third party the disclosure does not name",
    explanation: r#"## What it checks
Sharing is configured in one place and declared in another. Each activation (where the
audience or its data is actually sent) must match a declaration: every category it sends must
be a declared data field whose `recipients` name the destination (a category sent without any
declaration is `undeclared-data-use`). When the campaign has a
`custom_disclosure`, every recipient must also be named in that text.

## Risk
Data collected, shared or used in ways people did not expect.

## Why it matters
Finding your email address in an ad platform's audience list, after signing up for a discount,
is the classic broken promise of personalization. The notice Candor writes is generated from
the declarations, so a recipient missing there is missing from what visitors read; a custom
disclosure replaces that notice, so it has to name every recipient itself.

## Example
    data: [ (category: "user.contact.email", ..., recipients: []) ],
    activations: [ (destination: "AdNet", kind: AdPlatform, sends: ["user.contact.email"]) ],

## Instead
    data: [ (category: "user.contact.email", ..., recipients: [ (name: "AdNet", kind: AdPlatform) ]) ],
    activations: [ (destination: "AdNet", kind: AdPlatform, sends: ["user.contact.email"]) ],

## Fix
Declare the recipient on each field that is sent (the disclosure will then name it), or stop
the activation. In a custom disclosure, name every recipient.

No waiver lowers it: while the finding stands, visitors are not told who receives their data,
and accepting that would not make the notice true."#,
    check,
    instant: false,
    intent_advice: false,
    // What visitors read must be true; a waiver cannot make it so (see the explanation).
    waivable: false,
    fix: None,
};

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let c = ctx.campaign;
    let clean = crate::text::clean;
    for (a, act) in c.activations.iter().enumerate() {
        for (s, sent) in act.sends.iter().enumerate() {
            let path = format!("activations[{a}].sends[{s}]");
            // A field declared for a broader category covers what is sent. A category nobody
            // declared at all is undeclared-data-use's finding, which names this activation:
            // reported once, not twice.
            let Some(field) = c
                .data
                .iter()
                .find(|d| covers(d.category.trim(), sent.trim()))
            else {
                continue;
            };
            if !field
                .recipients
                .iter()
                .any(|r| same(&r.name, &act.destination))
            {
                out.push(Finding::new(
                    &RULE,
                    path,
                    format!(
                        "\"{}\" is sent to {}, but its declaration does not name {}, so the disclosure leaves it out",
                        clean(sent),
                        clean(&act.destination),
                        clean(&act.destination)
                    ),
                    format!(
                        "Add {} to the recipients of \"{}\", or stop sending it.",
                        clean(&act.destination),
                        clean(sent)
                    ),
                ));
            }
        }
    }
    // Every language of a custom notice must name every recipient: a Spanish reader is owed the
    // same list as an English one.
    let texts = c
        .custom_disclosure
        .as_ref()
        .map(Text::all)
        .unwrap_or_default();
    let mut names: Vec<&str> = c
        .data
        .iter()
        .flat_map(|d| d.recipients.iter().map(|r| r.name.as_str()))
        .chain(c.activations.iter().map(|a| a.destination.as_str()))
        .collect();
    names.sort_unstable_by_key(|n| n.to_lowercase());
    names.dedup_by(|a, b| same(a, b));
    for name in names {
        let wanted = name.trim().to_lowercase();
        if texts.iter().any(|t| !t.to_lowercase().contains(&wanted)) {
            out.push(Finding::new(
                &RULE,
                "custom_disclosure",
                format!(
                    "The custom disclosure does not mention {}, which receives data",
                    clean(name)
                ),
                format!(
                    "Name {} in the custom disclosure (in every language) and say why it receives data.",
                    clean(name)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;
    use crate::model::*;

    fn sharing() -> Campaign {
        let mut c = good();
        c.activations.push(Activation {
            destination: "AdNet".into(),
            kind: RecipientKind::AdPlatform,
            sends: vec!["user.contact.email".into()],
        });
        c
    }

    #[test]
    fn fires_when_the_destination_is_not_declared() {
        assert_fires(&sharing(), "undisclosed-sharing", "activations[0].sends[0]");
        // Declared under a broader category, still without the destination.
        let mut c = sharing();
        c.data[1].category = "user.behavior".into();
        c.activations[0].sends = vec!["user.behavior.search_history".into()];
        assert_fires(&c, "undisclosed-sharing", "activations[0].sends[0]");
    }

    #[test]
    fn a_category_nobody_declared_is_reported_once_by_undeclared_data_use() {
        let mut c = sharing();
        c.activations[0].sends = vec!["user.behavior.search_history".into()];
        assert_silent(&c, "undisclosed-sharing");
        let f = assert_fires(&c, "undeclared-data-use", "activations[0].sends[0]");
        assert!(
            f.message.contains("the activation to \"AdNet\""),
            "{}",
            f.message
        );
    }

    #[test]
    fn fires_when_a_custom_text_leaves_a_recipient_out() {
        let mut c = good();
        c.custom_disclosure = Some("We use your data to personalise the shop.".into());
        assert_fires(&c, "undisclosed-sharing", "custom_disclosure");
    }

    #[test]
    fn silent_when_declared_and_named() {
        let mut c = sharing();
        c.data[0].recipients.push(Recipient {
            name: "adnet".into(),
            kind: RecipientKind::AdPlatform,
        });
        assert_silent(&c, "undisclosed-sharing");
        c.custom_disclosure =
            Some("We send your email to AdNet and to Postbox, who sends our mail.".into());
        assert_silent(&c, "undisclosed-sharing");
    }
}
