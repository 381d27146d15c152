use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::vocab;

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
    instant: false,
    intent_advice: false,
    waivable: true,
    fix: Some(crate::checks::Fix {
        safe: false,
        summary: "stops collecting the field (removes it from the data collected)",
        apply: fix,
    }),
};

/// Whether one category is the other or contains it, either way round: a field `user.name`
/// is used by a zone reading `user.name.first`, and a field `user.name.first` by a model reading
/// all of `user.name`.
fn covers(a: &str, b: &str) -> bool {
    vocab::covers(a, b) || vocab::covers(b, a)
}

/// Whether nothing in the campaign uses `field`: no place of the data map reads its category
/// (or one it covers, or one covering it), and none of its purposes stands alone.
pub fn unused(field: &crate::model::DataField, map: &crate::model::DataMap) -> bool {
    let v = vocab::vocab();
    let stands_alone = field
        .purposes
        .iter()
        .any(|p| v.data_use(p).is_some_and(|u| u.stands_alone));
    !stands_alone && !map.categories().any(|u| covers(u, field.category.trim()))
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (i, field) in ctx.campaign.data.iter().enumerate() {
        if !unused(field, &ctx.data_map) {
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

fn fix(c: &mut crate::model::Campaign, f: &Finding, _: &crate::checks::Settings) -> bool {
    match crate::checks::fixes::index(&f.location, "data") {
        Some(i) if i < c.data.len() => {
            c.data.remove(i);
            true
        }
        _ => false,
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
