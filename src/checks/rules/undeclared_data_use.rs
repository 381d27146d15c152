use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::text::clean;

pub const RULE: Rule = Rule {
    id: "undeclared-data-use",
    severity: Severity::Error,
    risk: Risk::UnexpectedUse,
    summary: "The campaign reads a data category that no data field declares",
    explanation: r#"## What it checks
Every data category the campaign reads, held against its `data` declarations. A campaign reads
data wherever it targets, shows or sends: an intent condition tracks behaviour (viewing pages or
categories reads browsing history, searches read search history, carts and purchases read
purchase history), an attribute condition reads the attribute's stored category, a "recently
viewed" zone reads browsing history, a recipe that leaves out past purchases reads purchase
history, the email channel reads the address, a model reads its features, an activation sends
what it lists. The mapping is data, with a reason for each entry, in
`assets/vocab/data_map.ron` and `assets/vocab/attributes.ron`.

A declared category covers the narrower ones inside it: a field `user.behavior` covers reading
`user.behavior.search_history`. There is one finding per category, at the first place that
reads it, naming every place.

## Risk
Data collected, shared or used in ways people did not expect.

## Why it matters
The notice is written from the declarations. Data read but never declared has no stated
purpose, consent moment or retention, so visitors are told less than the campaign does. The
notice Candor writes still names it, as read for a reason not yet stated; a custom disclosure,
which is shown instead, names only what its author wrote. Either way a campaign should not
ship like that.

## Example
    audience: All([
        Intent(action: CategoryView, target: Category("running"), count: AtLeast(3), within_days: 30),
    ]),
    data: [],

## Instead
    data: [
        (category: "user.behavior.browsing_history", purposes: ["personalize.content.profiling"],
            collected_by: Tracking, consent: BeforeCollection, legal_basis: Consent, retention_days: 180),
    ],

## Fix
Declare each category the campaign reads as a data field, with its purpose, when consent is
asked and how long it is kept. In the editor, select the finding and press `d`: Candor adds the
field with a suggested purpose, consent and retention for you to adjust. Or remove the part
that reads it.

No waiver lowers it: the notice is written from the declarations, so while the finding stands
the notice says less than the campaign does, and accepting that would not make it true."#,
    check,
    instant: false,
    intent_advice: false,
    // What visitors read must be true; a waiver cannot make it so (see the explanation).
    waivable: false,
    // Not safe: besides the declaration the rule asks for, it writes a consent moment, a legal
    // basis and a retention that nobody decided, and the notice tells visitors all three.
    fix: Some(crate::checks::Fix {
        safe: false,
        summary: "declares the category with Candor's suggested consent, legal basis and retention (the notice states them: check each) and no purpose, so the next check asks for one",
        apply: fix,
    }),
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let en = crate::disclosure::locale("en");
    for u in ctx.data_map.undeclared(ctx.campaign) {
        let Some(first) = u.places.first() else {
            continue;
        };
        let category = clean(&u.category);
        let words = ctx
            .vocab
            .category(&u.category)
            .zip(en)
            .map(|(def, l)| format!(" ({})", l.text(&def.label)))
            .unwrap_or_default();
        let mut places: Vec<&str> = Vec::new();
        for p in &u.places {
            if !places.contains(&p.what.as_str()) {
                places.push(&p.what);
            }
        }
        out.push(Finding::new(
            &RULE,
            &first.path,
            format!(
                "\"{category}\"{words} is read but no data field declares it; read by {}",
                places.join(", ")
            ),
            "Declare it under Data collected with its purpose, consent and retention, or remove what reads it.".to_string(),
        ));
    }
}

fn fix(c: &mut crate::model::Campaign, f: &Finding, _: &crate::checks::Settings) -> bool {
    // The purpose is the team's to state: left empty, missing-purpose asks for it and keeps
    // the campaign from approval until someone does.
    match crate::model::datamap::suggested_field(c, &f.location) {
        Some(mut field) => {
            field.purposes.clear();
            c.data.push(field);
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::Severity;
    use crate::checks::rules::test_support::*;
    use crate::model::*;

    #[test]
    fn fires_on_an_intent_only_audience_with_no_data_fields() {
        let mut c = good();
        c.data.clear();
        c.channels = vec![Channel::Web];
        c.zones.truncate(1);
        let f = assert_fires(&c, "undeclared-data-use", "audience.all[0].action");
        assert_eq!(f.severity, Severity::Error);
        assert!(
            f.message
                .contains("\"user.behavior.browsing_history\" (the pages you visit on our site)"),
            "{}",
            f.message
        );
        assert!(
            f.message
                .contains("read by the audience condition \"viewed a category\"")
        );
    }

    #[test]
    fn one_finding_per_category_at_the_first_place_naming_every_place() {
        let mut c = good();
        c.data
            .retain(|f| f.category != "user.behavior.browsing_history");
        let findings: Vec<_> = crate::checks::check(&c)
            .into_iter()
            .filter(|f| f.rule == "undeclared-data-use")
            .collect();
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].location, "audience.all[0].action");
        assert!(
            findings[0]
                .message
                .contains("zone \"You looked at\" (recently viewed)"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn fires_on_an_attribute_nobody_declared_and_on_a_recently_viewed_zone() {
        let mut c = with_audience(all(vec![intent(), attr("loyalty_tier", "gold")]));
        assert_fires(&c, "undeclared-data-use", "audience.all[1].attribute");
        // Everyone, and nothing declared for the browsing a "recently viewed" zone shows.
        c.data
            .retain(|f| f.category != "user.behavior.browsing_history");
        c.audience = Condition::All(vec![]);
        c.zones.retain(|z| z.kind == ZoneKind::RecentlyViewed);
        assert_fires(&c, "undeclared-data-use", "zones[0].kind");
    }

    #[test]
    fn silent_when_every_category_is_declared_or_covered_by_a_broader_one() {
        assert_silent(&good(), "undeclared-data-use");
        let mut c = good();
        for f in &mut c.data {
            if f.category.starts_with("user.behavior.") {
                f.category = "user.behavior".into();
            }
        }
        assert_silent(&c, "undeclared-data-use");
    }

    #[test]
    fn a_narrower_declaration_does_not_cover_a_broader_read() {
        let mut c = good();
        c.models.push(model("affinity", &["user.behavior"]));
        assert_fires(&c, "undeclared-data-use", "models[0].features[0].input");
    }
}
