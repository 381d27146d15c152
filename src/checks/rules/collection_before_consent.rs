use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::{ConsentMoment, LegalBasis};

pub const RULE: Rule = Rule {
    id: "collection-before-consent",
    severity: Severity::Error,
    risk: Risk::UnexpectedUse,
    summary: "A field is collected before, or without, the visitor's consent",
    explanation: r#"## What it checks
Data fields that need consent (their legal basis is consent, or one of their purposes needs it
whatever the basis: profiling, marketing, advertising, sharing; see
`assets/vocab/data_uses.ron`) but whose `consent` is `AfterCollection` or `NotAsked`.

## Risk
Data collected, shared or used in ways people did not expect.

## Why it matters
Consent asked after the fact is not consent: the data is already taken. People who find out
feel tricked, and regulators agree (GDPR Art. 6 and 7, ePrivacy rules on cookies).

## Example
    (category: "user.behavior.browsing_history", purposes: ["personalize.content.profiling"],
     collected_by: Tracking, consent: AfterCollection, legal_basis: Consent, ...)

## Instead
    (category: "user.behavior.browsing_history", purposes: ["personalize.content.profiling"],
     collected_by: Tracking, consent: BeforeCollection, legal_basis: Consent, ...)

## Fix
Ask first: set up the consent prompt so tracking starts only after a yes, then record
`consent: BeforeCollection`."#,
    check,
    instant: false,
    intent_advice: false,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (i, field) in ctx.campaign.data.iter().enumerate() {
        if field.consent == ConsentMoment::BeforeCollection {
            continue;
        }
        let consent_purpose = field
            .purposes
            .iter()
            .find(|p| ctx.vocab.data_use(p).is_some_and(|u| u.needs_consent));
        if field.legal_basis != LegalBasis::Consent && consent_purpose.is_none() {
            continue;
        }
        let when = match field.consent {
            ConsentMoment::AfterCollection => "before the visitor is asked for consent",
            _ => "without ever asking for consent",
        };
        let why = match consent_purpose {
            Some(p) if field.legal_basis != LegalBasis::Consent => {
                format!(
                    " (its purpose \"{}\" needs consent whatever the legal basis)",
                    crate::text::clean(p)
                )
            }
            _ => String::new(),
        };
        out.push(Finding::new(
            &RULE,
            format!("data[{i}].consent"),
            format!("\"{}\" is collected {when}{why}", crate::text::clean(&field.category)),
            "Ask for consent first and collect only after a yes; then set the field's Consent to \"before collection\".",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;
    use crate::model::{ConsentMoment, LegalBasis};

    #[test]
    fn fires_when_consent_comes_late_or_never() {
        let mut c = good();
        c.data[0].consent = ConsentMoment::AfterCollection;
        assert_fires(&c, "collection-before-consent", "data[0].consent");
        c.data[0].consent = ConsentMoment::NotAsked;
        assert_fires(&c, "collection-before-consent", "data[0].consent");
    }

    #[test]
    fn a_profiling_purpose_needs_consent_even_on_legitimate_interests() {
        let mut c = good();
        let i = c
            .data
            .iter()
            .position(|d| {
                d.purposes
                    .iter()
                    .any(|p| p == "personalize.content.profiling")
            })
            .unwrap();
        c.data[i].legal_basis = LegalBasis::LegitimateInterests;
        c.data[i].consent = ConsentMoment::NotAsked;
        assert_fires(
            &c,
            "collection-before-consent",
            &format!("data[{i}].consent"),
        );
    }

    #[test]
    fn silent_when_asked_first_or_not_needed() {
        let mut c = good();
        assert_silent(&c, "collection-before-consent");
        // An order email under contract, for an essential purpose, needs no consent.
        c.data[0].legal_basis = LegalBasis::Contract;
        c.data[0].purposes = vec!["essential".into()];
        c.data[0].consent = ConsentMoment::NotAsked;
        assert_silent(&c, "collection-before-consent");
    }
}
