use std::collections::BTreeSet;

use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::{Channel, Condition, Exclusion};

pub const RULE: Rule = Rule {
    id: "unused-data-field",
    severity: Severity::Warning,
    risk: Risk::UnexpectedUse,
    summary: "A collected field is used by no rule, zone, model or stand-alone purpose",
    explanation: r#"## What it checks
Data fields that nothing in the campaign reads. A field is used when an audience condition, a
model feature, a zone (by its kind, its recipe or its `uses` list), a channel (email needs an
address), or an activation reads its category, or when one of its purposes stands on its own
(essential, analytics, identification, sharing; see `assets/vocab/data_uses.ron`). A broader
category covers its narrower ones: reading `user.name.first` uses a field `user.name`.

## Risk
Data collected, shared or used in ways people did not expect.

## Why it matters
Data minimization: collect only what has a use. Every extra field is one more thing to leak,
one more question that makes a form longer, and one more line in the disclosure.

## Example
    (category: "user.name.last", purposes: ["personalize.content.limited"], ...)
    // ...and no zone ever shows or reads a last name.

## Instead
    // Do not collect the last name, or add the zone that uses it:
    zones: [ (name: "Greeting", kind: EmailBlock, visibility: LoggedInOnly, priority: 1, uses: ["user.name.last"]) ],

## Fix
Stop collecting the field, or add what uses it."#,
    check,
};

/// Every data category the campaign reads somewhere.
pub fn used_categories<'a>(ctx: &Context<'a>) -> BTreeSet<&'a str> {
    let c = ctx.campaign;
    let mut used = BTreeSet::new();
    for cond in c.conditions() {
        match cond.condition {
            Condition::Intent(i) => {
                used.insert(i.action.data_category());
            }
            Condition::Attribute(a) => {
                if let Some(def) = ctx.vocab.attribute(&a.attribute) {
                    used.insert(def.category.as_str());
                }
            }
            _ => {}
        }
    }
    for model in &c.models {
        for f in &model.features {
            match ctx.vocab.attribute(&f.input) {
                Some(def) => used.insert(def.category.as_str()),
                None => used.insert(f.input.as_str()),
            };
        }
    }
    for zone in &c.zones {
        used.extend(zone.uses.iter().map(String::as_str));
        used.extend(zone.kind.implied_uses());
        if let Some(recipe) = &zone.recipe {
            used.extend(recipe.ingredients.iter().filter_map(|i| i.data_category()));
            // Leaving out what was bought, or seen, means reading that history.
            for e in &recipe.exclusions {
                match e {
                    Exclusion::AlreadyPurchased => used.insert("user.behavior.purchase_history"),
                    Exclusion::RecentlyViewedItems => used.insert("user.behavior.browsing_history"),
                    Exclusion::OutOfStock => false,
                };
            }
        }
    }
    if c.channels.contains(&Channel::Email) {
        used.insert("user.contact.email");
    }
    if c.channels.contains(&Channel::Sms) {
        used.insert("user.contact.phone_number");
    }
    for act in &c.activations {
        used.extend(act.sends.iter().map(String::as_str));
    }
    used
}

/// Whether one category is the other or contains it ("user.contact" covers
/// "user.contact.email").
fn covers(a: &str, b: &str) -> bool {
    let within = |inner: &str, outer: &str| {
        inner
            .strip_prefix(outer)
            .is_some_and(|rest| rest.starts_with('.'))
    };
    a == b || within(b, a) || within(a, b)
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let used = used_categories(ctx);
    for (i, field) in ctx.campaign.data.iter().enumerate() {
        let stands_alone = field
            .purposes
            .iter()
            .any(|p| ctx.vocab.data_use(p).is_some_and(|u| u.stands_alone));
        if stands_alone || used.iter().any(|u| covers(u, &field.category)) {
            continue;
        }
        out.push(Finding::new(
            &RULE,
            format!("data[{i}].category"),
            format!(
                "\"{}\" is collected, but no condition, zone, model or channel uses it",
                crate::text::clean(&field.category)
            ),
            "Stop collecting it (less to protect, a shorter form), or add the zone or rule that needs it.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;

    #[test]
    fn a_category_covers_itself_and_what_it_contains_only() {
        use super::covers;
        assert!(covers("user.contact", "user.contact"));
        assert!(covers("user.contact", "user.contact.email"));
        assert!(covers("user.contact.email", "user.contact"));
        assert!(!covers("user.contact", "user.contacts"));
        assert!(!covers("user.contact.email", "user.contact.phone_number"));
    }

    #[test]
    fn fires_on_a_field_nothing_reads() {
        let mut c = good();
        c.data
            .push(field("user.name.last", &["personalize.content.limited"]));
        let i = c.data.len() - 1;
        assert_fires(&c, "unused-data-field", &format!("data[{i}].category"));
    }

    #[test]
    fn silent_when_a_zone_reads_it_or_the_purpose_stands_alone() {
        let mut c = good();
        c.data
            .push(field("user.name.last", &["personalize.content.limited"]));
        c.zones[0].uses.push("user.name".into());
        assert_silent(&c, "unused-data-field");
        let mut c = good();
        c.data
            .push(field("user.device.cookie_id", &["identification"]));
        assert_silent(&c, "unused-data-field");
    }
}
