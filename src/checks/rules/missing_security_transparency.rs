use crate::checks::{Context, Finding, Risk, Rule, Severity};

pub const RULE: Rule = Rule {
    id: "missing-security-transparency",
    severity: Severity::Info,
    risk: Risk::Security,
    summary: "The campaign says neither how data is protected nor who runs the personalization, or links to a security page that is not a web address",
    explanation: r#"## What it checks
Campaigns that collect data but name neither a security page or contact
(`controller.security_page`) nor the technology partner that runs the personalization
(`controller.technology_partner`); and a security page that is not a web address, which the
notice would send visitors to all the same ("Read how we keep your data safe: see website.").

## Risk
Security incidents.

## Why it matters
People fear identity theft and careless handling. Saying plainly how the data is protected,
and which company runs the personalization, builds the trust that makes people share.

## Example
    controller: ( name: "Lumen", contact: "privacy@lumen.example" ),

## Instead
    controller: ( name: "Lumen", contact: "privacy@lumen.example",
        security_page: "https://lumen.example/security", technology_partner: "Acme Personalization" ),

## Fix
Name the security page and the technology partner; the disclosure will mention both."#,
    check,
    instant: false,
    intent_advice: false,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let c = ctx.campaign;
    let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
    if let Some(page) = c.controller.security_page.as_deref()
        && !page.trim().is_empty()
        && !crate::model::validate::is_web_address(page.trim())
    {
        out.push(Finding::new(
            &RULE,
            "controller.security_page",
            format!(
                "The security page \"{}\" is not a web address, yet the notice sends visitors there to read how their data is kept safe",
                crate::text::clean(page)
            ),
            "Write the page's whole address, starting with https:// (or a path on the site starting with /).",
        ));
    }
    if ctx.handles_data()
        && blank(&c.controller.security_page)
        && blank(&c.controller.technology_partner)
    {
        out.push(Finding::new(
            &RULE,
            "controller",
            "The disclosure cannot say how the data is protected or who runs the personalization",
            "Add the security page and the technology partner under Who is asking (Overview).",
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;

    #[test]
    fn fires_when_both_are_missing() {
        let mut c = good();
        c.controller.security_page = None;
        c.controller.technology_partner = None;
        assert_fires(&c, "missing-security-transparency", "controller");
    }

    #[test]
    fn fires_when_the_security_page_is_not_a_web_address() {
        let mut c = good();
        c.controller.security_page = Some("Esc".into());
        assert_fires(
            &c,
            "missing-security-transparency",
            "controller.security_page",
        );
        c.controller.security_page = Some("https://lumen.example/security".into());
        assert_silent(&c, "missing-security-transparency");
    }

    #[test]
    fn silent_when_either_is_named() {
        let mut c = good();
        c.controller.security_page = None;
        assert_silent(&c, "missing-security-transparency");
    }
}
