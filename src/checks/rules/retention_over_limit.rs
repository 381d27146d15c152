use crate::checks::{Context, Finding, Risk, Rule, Settings, Severity};
use crate::text::clean;

pub const RULE: Rule = Rule {
    id: "retention-over-limit",
    severity: Severity::Warning,
    risk: Risk::Security,
    summary: "A field is kept longer than the project allows for its purpose, or has no retention",
    explanation: r#"## What it checks
Each data field's `retention_days`. It must be set (0 means nobody decided), and it must not
exceed the longest the project allows for any of the field's purposes: `[max-retention-days]`
in `candor.toml` gives a number of days per purpose, and an entry for a purpose family
(`"marketing"`) covers every purpose inside it unless a more specific entry says otherwise.

## Risk
Security incidents.

## Why it matters
The GDPR's storage limitation principle, Article 5(1)(e), says personal data is kept no longer
than its purpose needs. Data kept "just in case" is what leaks in a breach, and a number nobody
chose is not a decision. A project-wide limit per purpose lets the privacy team decide once,
and this rule holds every campaign to it.

## Example
    # candor.toml
    [max-retention-days]
    "marketing.communications.email" = 730

    (category: "user.contact.email", purposes: ["marketing.communications.email"], ..., retention_days: 3650)

## Instead
    (category: "user.contact.email", purposes: ["marketing.communications.email"], ..., retention_days: 730)

## Fix
Keep the field no longer than its purpose needs; `candor check --fix --unsafe-fixes` lowers it
to the project's limit. A field with no retention needs someone to decide one."#,
    check,
    instant: false,
    intent_advice: false,
    waivable: true,
    fix: Some(crate::checks::Fix {
        safe: false,
        summary: "lowers the retention to the project's limit for the field's purposes",
        apply: fix,
    }),
};

/// The smallest limit among the field's purposes: the purpose and its limit in days.
fn limit<'a>(settings: &Settings, purposes: &'a [String]) -> Option<(&'a str, u32)> {
    purposes
        .iter()
        .filter_map(|p| {
            settings
                .max_retention(p.trim())
                .map(|(_, days)| (p.as_str(), days))
        })
        .min_by_key(|(_, days)| *days)
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (i, field) in ctx.campaign.data.iter().enumerate() {
        let category = clean(&field.category);
        if field.retention_days == 0 {
            out.push(Finding::new(
                &RULE,
                format!("data[{i}].retention_days"),
                format!("\"{category}\" has no retention: nobody decided how long it is kept"),
                "Set how many days it is kept, no longer than its purpose needs.",
            ));
            continue;
        }
        if let Some((purpose, days)) = limit(ctx.settings, &field.purposes)
            && field.retention_days > days
        {
            out.push(Finding::new(
                &RULE,
                format!("data[{i}].retention_days"),
                format!(
                    "\"{category}\" is kept {}; the project allows {days} for \"{}\"",
                    crate::text::plural(field.retention_days as usize, "day", "days"),
                    clean(purpose)
                ),
                format!("Keep it {days} days or fewer (candor.toml, max-retention-days)."),
            ));
        }
    }
}

fn fix(c: &mut crate::model::Campaign, f: &Finding, settings: &Settings) -> bool {
    let field = crate::checks::fixes::index(&f.location, "data").and_then(|i| c.data.get_mut(i));
    // A field with no retention needs someone to decide one: no limit is a decision.
    match field {
        Some(field) => match limit(settings, &field.purposes) {
            Some((_, days)) if field.retention_days > days => {
                field.retention_days = days;
                true
            }
            _ => false,
        },
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;
    use crate::checks::{Context, Settings, check_with};
    use crate::model::*;

    fn project() -> Settings {
        Settings::parse(
            "candor.toml",
            "[max-retention-days]\n\"marketing\" = 400\n\"marketing.communications.email\" = 200\n",
        )
        .unwrap()
    }

    fn findings(c: &Campaign, s: &Settings) -> Vec<crate::checks::Finding> {
        check_with(Context::with_settings(c, data_map(c), s))
            .into_iter()
            .filter(|f| f.rule == "retention-over-limit")
            .collect()
    }

    #[test]
    fn fires_over_the_most_specific_limit_and_without_retention() {
        let mut c = good();
        c.data[0].retention_days = 365;
        let f = findings(&c, &project());
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].location, "data[0].retention_days");
        assert!(f[0].message.contains("allows 200"), "{}", f[0].message);
        c.data[1].retention_days = 0;
        assert_fires(&c, "retention-over-limit", "data[1].retention_days");
    }

    #[test]
    fn silent_within_the_limit_or_without_one() {
        let mut c = good();
        c.data[0].retention_days = 200;
        assert!(findings(&c, &project()).is_empty());
        c.data[0].retention_days = 5000;
        assert_silent(&c, "retention-over-limit");
    }

    #[test]
    fn the_fix_lowers_to_the_limit() {
        let mut c = good();
        c.data[0].retention_days = 365;
        let f = findings(&c, &project()).remove(0);
        // Without the project's limits there is nothing to lower to.
        assert!(!(super::RULE.fix.unwrap().apply)(
            &mut c,
            &f,
            Settings::defaults()
        ));
        assert!((super::RULE.fix.unwrap().apply)(&mut c, &f, &project()));
        assert_eq!(c.data[0].retention_days, 200);
        assert!(findings(&c, &project()).is_empty());
    }
}
