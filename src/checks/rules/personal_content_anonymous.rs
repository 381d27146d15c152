use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::Visibility;

pub const RULE: Rule = Rule {
    id: "personal-content-anonymous",
    severity: Severity::Warning,
    risk: Risk::Invasive,
    summary: "A personal zone (history, saved items, progressive form) is shown without login",
    explanation: r#"## What it checks
Zones that reveal a person's own history or build their profile (recently viewed, purchase
history, saved items, progressive forms) whose visibility is not `LoggedInOnly`.

## Risk
Personalization that feels invasive or unwanted.

## Why it matters
A cookie recognises a browser, not a person. On a shared computer, "recently viewed" can spoil
a birthday surprise or reveal a health search to a family member. A login proves who is looking,
and gives people a clear reason to log in.

## Example
    (name: "You looked at", kind: RecentlyViewed, visibility: Anyone, priority: 2)

## Instead
    (name: "You looked at", kind: RecentlyViewed, visibility: LoggedInOnly, priority: 2)

## Fix
Show personal zones to logged-in customers only; for anonymous visitors, use a zone built from
the current visit or from what is trending."#,
    check,
    instant: false,
    intent_advice: false,
    waivable: true,
    fix: Some(crate::checks::Fix {
        safe: true,
        summary: "shows the zone to logged-in customers only",
        apply: fix,
    }),
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (z, zone) in ctx.campaign.zones.iter().enumerate() {
        if zone.kind.is_personal() && zone.visibility != Visibility::LoggedInOnly {
            out.push(Finding::new(
                &RULE,
                format!("zones[{z}].visibility"),
                format!(
                    "\"{}\" ({}) is shown to {}: on a shared device, someone else sees this person's activity",
                    crate::text::clean(&zone.name),
                    zone.kind.label(),
                    zone.visibility.label()
                ),
                "Show it to logged-in customers only (the zone's Shown to), and show anonymous visitors something from their current visit.",
            ));
        }
    }
}

fn fix(c: &mut crate::model::Campaign, f: &Finding, _: &crate::checks::Settings) -> bool {
    let z = crate::checks::fixes::index(&f.location, "zones");
    match z.and_then(|z| c.zones.get_mut(z)) {
        Some(zone) => {
            zone.visibility = Visibility::LoggedInOnly;
            true
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;
    use crate::model::*;

    #[test]
    fn fires_for_personal_zones_without_login() {
        let mut c = good();
        c.zones[2].visibility = Visibility::Anyone;
        assert_fires(&c, "personal-content-anonymous", "zones[2].visibility");
        c.zones[2].kind = ZoneKind::ProgressiveForm;
        c.zones[2].visibility = Visibility::AnonymousOnly;
        assert_fires(&c, "personal-content-anonymous", "zones[2].visibility");
    }

    #[test]
    fn silent_behind_a_login_or_for_banners() {
        let mut c = good();
        assert_silent(&c, "personal-content-anonymous");
        c.zones[0].visibility = Visibility::Anyone;
        assert_silent(&c, "personal-content-anonymous");
    }
}
