use crate::checks::{Context, Finding, Risk, Rule, Severity};

pub const RULE: Rule = Rule {
    id: "placeholder-text",
    severity: Severity::Error,
    risk: Risk::UnexpectedUse,
    summary: "Something visitors read or use is still a placeholder",
    explanation: r#"## What it checks
The texts a visitor reads (the brand's name, offers, benefits, the email promise, zone texts,
a custom notice) and the addresses a visitor would use (the contact, the security page, the
opt-out links, a zone's link and image). A text fires when it still holds a placeholder in
angle brackets, such as `<your brand>`, as Candor's templates write them; the brand's name and
its contact also fire when they are not written at all. An address fires
when it is on `example.com`, `example.net` or `example.org`: domains kept for examples, which
no visitor can reach.

## Risk
Data collected, shared or used in ways people did not expect.

## Why it matters
A template starts with placeholders so the first screen is a worked example. Left in, they
make the notice name no one: "<your brand> is asking for this data", questions sent to an
address that does not exist, an opt-out link that goes nowhere. A visitor cannot find out
who holds their data or take their consent back.

## Example
    controller: ( name: "<your brand>", contact: "privacy@example.com" ),
    consent: ( opt_out: [ PreferenceCentre("https://example.com/preferences") ] ),

## Instead
    controller: ( name: "Lumen Beauty", contact: "privacy@lumen.example" ),
    consent: ( opt_out: [ PreferenceCentre("https://lumen.example/preferences") ] ),

## Fix
Write the real name, offer and addresses. No waiver lowers it: a notice that names a
placeholder is not true."#,
    check,
    instant: false,
    intent_advice: false,
    // What visitors read must be true; a waiver cannot make it so (see the explanation).
    waivable: false,
    fix: None,
};

/// Domains reserved for examples (RFC 2606): an address there reaches no one.
const EXAMPLE_DOMAINS: [&str; 3] = ["example.com", "example.net", "example.org"];

/// The host of a web or email address, in lower case.
fn host(address: &str) -> String {
    let a = address.trim();
    let rest = match a.find("://") {
        Some(i) => &a[i + 3..],
        None => a.rsplit_once('@').map_or(a, |(_, h)| h),
    };
    let rest = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
    let end = rest.find(['/', ':', '?', '#']).unwrap_or(rest.len());
    rest[..end].trim_end_matches('.').to_lowercase()
}

/// Whether `address` is on a domain kept for examples.
pub fn on_example_domain(address: &str) -> bool {
    let h = host(address);
    EXAMPLE_DOMAINS
        .iter()
        .any(|d| h == *d || h.ends_with(&format!(".{d}")))
}

/// The first placeholder in angle brackets in `text`, such as `<your brand>`: words (and
/// figures and light punctuation) with at least one space, so an HTML tag is not one.
pub fn placeholder(text: &str) -> Option<&str> {
    let mut from = 0;
    while let Some(open) = text[from..].find('<').map(|i| from + i) {
        let close = text[open + 1..].find('>').map(|i| open + 1 + i)?;
        let inner = &text[open + 1..close];
        let wordy = inner.chars().all(|c| {
            c.is_alphanumeric() || matches!(c, ' ' | ',' | '.' | '%' | '\'' | '’' | '-' | '(' | ')')
        });
        if wordy && inner.contains(' ') && inner.chars().next().is_some_and(char::is_alphabetic) {
            return Some(&text[open..=close]);
        }
        from = open + 1;
    }
    None
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let c = ctx.campaign;
    let clean = crate::text::clean;
    let mut texts: Vec<(String, &str, &str)> = vec![
        (
            "controller.name".into(),
            "the brand's name",
            c.controller.name.as_str(),
        ),
        (
            "controller.contact".into(),
            "the contact",
            c.controller.contact.as_str(),
        ),
    ];
    if let Some(s) = &c.controller.security_page {
        texts.push(("controller.security_page".into(), "the security page", s));
    }
    if let Some(s) = &c.controller.technology_partner {
        texts.push((
            "controller.technology_partner".into(),
            "the technology partner",
            s,
        ));
    }
    for (path, what, t) in c.visitor_texts() {
        for s in t.all() {
            texts.push((path.clone(), what, s));
        }
    }
    let mut said = std::collections::HashSet::new();
    // Not written at all: the notice has a gap where the brand or its contact should be.
    for (path, what, s) in &texts[..2] {
        if s.trim().is_empty() {
            said.insert(path.clone());
            out.push(Finding::new(
                &RULE,
                path,
                format!(
                    "{} is not written yet: the notice says \"?\" in its place",
                    crate::checks::rules::sensitive_attribute::capital(what)
                ),
                "Write it under Who is asking (Overview).",
            ));
        }
    }
    for (path, what, s) in texts {
        if let Some(p) = placeholder(s)
            && said.insert(path.clone())
        {
            out.push(Finding::new(
                &RULE,
                &path,
                format!(
                    "{} is still a placeholder: \"{}\"",
                    crate::checks::rules::sensitive_attribute::capital(what),
                    clean(p)
                ),
                "Write what visitors should read in its place.",
            ));
        }
    }
    // The addresses a visitor would use.
    let mut addresses: Vec<(String, &str, &str)> = vec![(
        "controller.contact".into(),
        "the contact",
        c.controller.contact.as_str(),
    )];
    if let Some(s) = &c.controller.security_page {
        addresses.push(("controller.security_page".into(), "the security page", s));
    }
    for (i, o) in c.consent.opt_out.iter().enumerate() {
        if let crate::model::OptOut::Link(s) | crate::model::OptOut::PreferenceCentre(s) = o {
            addresses.push((format!("consent.opt_out[{i}]"), "the opt-out address", s));
        }
    }
    for (i, z) in c.zones.iter().enumerate() {
        if let Some(s) = &z.content.link {
            addresses.push((format!("zones[{i}].content.link"), "a zone's link", s));
        }
        if let Some(s) = &z.content.image {
            addresses.push((format!("zones[{i}].content.image"), "a zone's image", s));
        }
    }
    for (path, what, s) in addresses {
        if on_example_domain(s) && said.insert(path.clone()) {
            out.push(Finding::new(
                &RULE,
                &path,
                format!(
                    "{} is on {}, a domain kept for examples: \"{}\" reaches no one",
                    crate::checks::rules::sensitive_attribute::capital(what),
                    clean(&host(s)),
                    clean(s)
                ),
                "Write the real address.",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{on_example_domain, placeholder};
    use crate::checks::rules::test_support::*;
    use crate::model::{OptOut, Text};

    #[test]
    fn fires_on_a_placeholder_text_and_an_example_address() {
        let mut c = good();
        c.controller.name = "<your brand>".into();
        let f = assert_fires(&c, "placeholder-text", "controller.name");
        assert!(f.message.contains("\"<your brand>\""), "{}", f.message);
        let mut c = good();
        c.value_exchange.immediate = Some(Text::Plain(
            "<your offer, such as free delivery this week>".into(),
        ));
        assert_fires(&c, "placeholder-text", "value_exchange.immediate");
        let mut c = good();
        c.controller.contact = "privacy@example.com".into();
        let f = assert_fires(&c, "placeholder-text", "controller.contact");
        assert!(f.message.contains("example.com"), "{}", f.message);
        let mut c = good();
        c.consent.opt_out = vec![OptOut::Link("https://shop.example.org/stop".into())];
        assert_fires(&c, "placeholder-text", "consent.opt_out[0]");
        // Not written at all.
        let mut c = good();
        c.controller.name = " ".into();
        c.controller.contact.clear();
        let f = assert_fires(&c, "placeholder-text", "controller.name");
        assert!(f.message.contains("not written yet"), "{}", f.message);
        assert_fires(&c, "placeholder-text", "controller.contact");
    }

    #[test]
    fn silent_on_real_names_addresses_and_html() {
        let mut c = good();
        assert_silent(&c, "placeholder-text");
        // Angle brackets that hold no placeholder, and domains that only look alike.
        c.custom_disclosure = Some(Text::Plain(
            "We use <b>what you view</b> and 2 < 3 > 1; see <a href=\"/x\">here</a>.".into(),
        ));
        c.controller.contact = "privacy@myexample.com".into();
        c.consent.opt_out = vec![OptOut::Link("https://example.community/stop".into())];
        assert_silent(&c, "placeholder-text");
        assert!(!on_example_domain("https://lumen.example/x"));
        assert!(on_example_domain("HTTPS://WWW.EXAMPLE.COM:443/x"));
        assert_eq!(placeholder("a <your brand> b"), Some("<your brand>"));
        assert_eq!(placeholder("<br> and <p class=x>"), None);
    }
}
