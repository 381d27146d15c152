use crate::checks::{Context, Finding, Risk, Rule, Severity};

pub const RULE: Rule = Rule {
    id: "missing-translation",
    severity: Severity::Warning,
    risk: Risk::UnexpectedUse,
    summary: "A text a visitor reads lacks one of the campaign's languages",
    explanation: r#"## What it checks
Every text a marketer types that a visitor reads (the offer, each benefit over time, the email
promise, the login benefit, a custom notice) against the campaign's `locales`. A plain string
counts as the first language; the per-language form names each language. One finding per text,
naming the languages it lacks. When the project's `candor.toml` lists `languages`, every
campaign must also offer its notice in each of them.

## Risk
Data collected, shared or used in ways people did not expect.

## Why it matters
A visitor who reads the notice in Spanish and meets the offer in English does not know what
they are agreeing to. Candor shows the first language's text in its place, marked with its
language (and tagged in HTML so a screen reader switches voice), but a person should not have
to read a notice in two languages.

## Example
    locales: ["en", "es"],
    value_exchange: ( immediate: "10% off your first order" ),

## Instead
    value_exchange: ( immediate: {
        "en": "10% off your first order",
        "es": "10 % de descuento en tu primer pedido",
    } ),

## Fix
Write the text in each language. In the editor, `L` switches to the next language, and the
row is then edited in that language; adding a language in the Overview asks for each text. Or
send the texts to translators with `candor translations export` and bring them back with
`candor translations import`."#,
    check,
    instant: false,
    intent_advice: false,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let c = ctx.campaign;
    let lacking: Vec<String> = ctx
        .settings
        .languages
        .iter()
        .filter(|l| !c.locales.iter().any(|have| have.trim() == l.as_str()))
        .map(|code| {
            crate::disclosure::locale(code).map_or_else(
                || crate::text::clean(code),
                |l| format!("{} ({code})", l.name),
            )
        })
        .collect();
    if !lacking.is_empty() {
        out.push(Finding::new(
            &RULE,
            "locales",
            format!(
                "The project serves visitors in {} too, and this campaign has no notice in it",
                lacking.join(", ")
            ),
            "Add the language in the Overview and write the texts in it (candor.toml lists the project's languages).",
        ));
    }
    let first = c.first_locale();
    for (path, what, text) in c.visitor_texts() {
        if text.is_blank() {
            continue;
        }
        let missing = text.missing(&c.locales, first);
        if missing.is_empty() {
            continue;
        }
        let names: Vec<String> = missing
            .iter()
            .map(|code| {
                crate::disclosure::locale(code).map_or_else(
                    || crate::text::clean(code),
                    |l| format!("{} ({code})", l.name),
                )
            })
            .collect();
        let shown_in = text.resolve(first, first).map_or(first, |t| t.lang);
        let shown_in = crate::disclosure::locale(shown_in)
            .map_or_else(|| crate::text::clean(shown_in), |l| l.name.clone());
        out.push(Finding::new(
            &RULE,
            &path,
            format!(
                "{} has no text in {}: those visitors read it in {shown_in}",
                crate::checks::rules::sensitive_attribute::capital(what),
                names.join(", "),
            ),
            "Write it in each of the campaign's languages, or export it for translators.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;
    use crate::model::Text;

    #[test]
    fn fires_on_an_offer_in_one_language_of_two() {
        let mut c = good();
        c.locales = vec!["en".into(), "es".into()];
        let f = assert_fires(&c, "missing-translation", "value_exchange.immediate");
        assert!(f.message.contains("Español (es)"), "{}", f.message);
        // Every typed text is checked, one finding each.
        assert_fires(&c, "missing-translation", "value_exchange.ongoing[0]");
        assert_fires(&c, "missing-translation", "value_exchange.email_promise");
    }

    #[test]
    fn fires_when_the_project_serves_a_language_the_campaign_lacks() {
        use crate::checks::{Context, Settings, check_with};
        let c = good();
        let s = Settings::parse("candor.toml", "languages = [\"en\", \"fr\"]").unwrap();
        let found = check_with(Context::with_settings(&c, crate::model::data_map(&c), &s));
        let f = found
            .iter()
            .find(|f| f.rule == "missing-translation" && f.location == "locales")
            .expect("fires at locales");
        assert!(f.message.contains("(fr)"), "{}", f.message);
        let s = Settings::parse("candor.toml", "languages = [\"en\"]").unwrap();
        let found = check_with(Context::with_settings(&c, crate::model::data_map(&c), &s));
        assert!(found.iter().all(|f| f.rule != "missing-translation"));
    }

    #[test]
    fn silent_when_every_language_has_its_text() {
        assert_silent(&good(), "missing-translation");
        let mut c = good();
        c.locales = vec!["en".into(), "es".into()];
        let ve = &mut c.value_exchange;
        for t in [
            ve.immediate.as_mut().unwrap(),
            &mut ve.ongoing[0],
            ve.email_promise.as_mut().unwrap(),
            ve.login_benefit.as_mut().unwrap(),
        ] {
            t.set("es", "en", "texto en español");
        }
        assert_silent(&c, "missing-translation");
        // A translated form naming only Spanish lacks English.
        c.value_exchange.immediate = Some(Text::new_in("es", "en", "10 % de descuento"));
        assert_fires(&c, "missing-translation", "value_exchange.immediate");
    }
}
