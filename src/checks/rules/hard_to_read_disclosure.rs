use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::disclosure::locale;
use crate::text::decimal;

pub const RULE: Rule = Rule {
    id: "hard-to-read-disclosure",
    severity: Severity::Warning,
    risk: Risk::UnexpectedUse,
    summary: "The disclosure scores below the plain-language threshold for its language",
    explanation: r#"## What it checks
The readability of the disclosure in each of the campaign's languages, with the standard
formula for that language: Flesch reading ease (English), Fernández Huerta (Spanish), Kandel and
Moles (French). It fires below the threshold in `assets/locales/<lang>/locale.ron` (60 for all
three: plain language). A custom disclosure is scored instead of the generated one, in the
campaign's first language only (the language it is assumed to be written in).

## Risk
Data collected, shared or used in ways people did not expect.

## Why it matters
A notice nobody can read informs nobody. Long sentences and long words push people to click
"accept" without understanding, which is exactly the surprise later.

## Example
    custom_disclosure: "Notwithstanding the foregoing, the controller may process personal
        information for additional compatible purposes, including statistical analysis.",

## Instead
    // Remove custom_disclosure and let Candor write the notice from the declarations, or:
    custom_disclosure: "We use the pages you visit to show you products you may like.
        We keep this for 90 days. You can say no at any time.",

## Fix
Use short sentences and everyday words. The generated notice is written to pass; a custom text
has to be edited until it does."#,
    check,
    instant: false,
    intent_advice: false,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for d in &ctx.disclosures {
        let r = d.readability;
        // A custom notice is written in one language: the campaign's first. Scoring it with
        // another language's formula would mean nothing.
        let first = ctx.campaign.locales.first().map(String::as_str);
        if r.is_plain() || (d.custom.is_some() && first != Some(d.locale)) {
            continue;
        }
        let Some(l) = locale::locale(d.locale) else {
            continue;
        };
        let i = ctx
            .campaign
            .locales
            .iter()
            .position(|c| c == d.locale)
            .unwrap_or(0);
        let location = if d.custom.is_some() {
            "custom_disclosure".to_string()
        } else {
            format!("locales[{i}]")
        };
        let per_sentence = r.words as f64 / r.sentences.max(1) as f64;
        out.push(Finding::new(
            &RULE,
            location,
            format!(
                "The {} disclosure scores {} on {}; plain language needs {} (about {} words a sentence)",
                l.name,
                decimal(r.score, 0),
                r.formula.name(),
                decimal(r.threshold, 0),
                decimal(per_sentence, 0)
            ),
            if d.custom.is_some() {
                "Shorten the sentences and use everyday words, or remove the custom text and use the generated notice."
            } else {
                "Shorten the texts you typed (offers, benefits, names): the rest of the notice is written to pass."
            },
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;

    #[test]
    fn fires_on_legalese() {
        let mut c = good();
        c.custom_disclosure = Some(
            "Notwithstanding the foregoing, Lumen, as controller, may, pursuant to applicable legislation, \
             process personal information, including information disclosed to Postbox, for additional \
             compatible purposes, including statistical analysis and organizational optimization."
                .into(),
        );
        assert_fires(&c, "hard-to-read-disclosure", "custom_disclosure");
    }

    #[test]
    fn silent_on_the_generated_notice_in_every_language() {
        let mut c = good();
        c.locales = vec!["en".into(), "es".into(), "fr".into()];
        assert_silent(&c, "hard-to-read-disclosure");
    }
}
