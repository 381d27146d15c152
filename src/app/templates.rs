//! Starting points for a new campaign. Each starts clean: intent targeting, consent first, a
//! way out, and something in return, so the first thing a marketer sees is a good example.
//! What only the brand can say (its name, addresses, the offer) is a placeholder, such as
//! `<your brand>` or an address on example.com, which `placeholder-text` reports until it is
//! written: a template never reaches visitors with a made-up brand or offer.

use crate::model::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    Blank,
    WebBanner,
    WelcomeEmail,
    Recommendations,
}

impl Template {
    pub const ALL: [Template; 4] = [
        Template::Blank,
        Template::WebBanner,
        Template::WelcomeEmail,
        Template::Recommendations,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Template::Blank => "Blank",
            Template::WebBanner => "Web banner",
            Template::WelcomeEmail => "Welcome email",
            Template::Recommendations => "Recommendations",
        }
    }

    pub fn detail(self) -> &'static str {
        match self {
            Template::Blank => "nothing filled in",
            Template::WebBanner => "a banner for people who browsed a category",
            Template::WelcomeEmail => "an email sign-up with double opt-in and a clear promise",
            Template::Recommendations => "a recipe that leaves out what people bought",
        }
    }

    pub fn build(self, id: &str, name: &str) -> Campaign {
        let mut c = Campaign::blank(id, name);
        if self == Template::Blank {
            return c;
        }
        c.controller = Controller {
            name: "<your brand>".into(),
            contact: "privacy@example.com".into(),
            security_page: Some("https://example.com/security".into()),
            technology_partner: None,
            authority: None,
        };
        let browsing = DataField {
            category: "user.behavior.browsing_history".into(),
            purposes: vec!["personalize.content.limited".into()],
            collected_by: Collection::Tracking,
            consent: ConsentMoment::BeforeCollection,
            legal_basis: LegalBasis::Consent,
            retention_days: 30,
            recipients: Vec::new(),
            source: None,
        };
        let views = |days| {
            Condition::Intent(IntentCondition {
                action: Action::CategoryView,
                target: Target::Category("new-collection".into()),
                count: Count::AtLeast(2),
                within_days: days,
            })
        };
        c.consent.opt_out = vec![OptOut::PreferenceCentre(
            "https://example.com/preferences".into(),
        )];
        match self {
            Template::WebBanner => {
                c.objective = "Show the new collection to people who browsed it".into();
                c.audience = Condition::All(vec![views(30)]);
                c.zones = vec![Zone::new(
                    "Home banner",
                    ZoneKind::Banner,
                    Visibility::Anyone,
                    1,
                )];
                c.data = vec![browsing];
                c.value_exchange.immediate =
                    Some("<your offer, such as free delivery on the new collection>".into());
            }
            Template::WelcomeEmail => {
                c.objective = "Welcome new subscribers with a clear offer".into();
                c.channels = vec![Channel::Web, Channel::Email];
                c.audience = Condition::All(vec![Condition::Intent(IntentCondition {
                    action: Action::PageView,
                    target: Target::Anything,
                    count: Count::AtLeast(2),
                    within_days: 7,
                })]);
                c.zones = vec![Zone::new(
                    "Sign-up form",
                    ZoneKind::Form,
                    Visibility::AnonymousOnly,
                    1,
                )];
                c.data = vec![
                    DataField {
                        category: "user.contact.email".into(),
                        purposes: vec!["marketing.communications.email".into()],
                        collected_by: Collection::Form,
                        retention_days: 730,
                        ..browsing.clone()
                    },
                    browsing,
                ];
                c.value_exchange.immediate =
                    Some("<your offer, such as 10% off the first order>".into());
                c.value_exchange.email_promise = Some(
                    "<what subscribers get, such as a code now, then one email a week>".into(),
                );
                c.consent
                    .opt_out
                    .insert(0, OptOut::Link("https://example.com/unsubscribe".into()));
                c.consent.email_permission = Some(EmailPermission::DoubleOptIn);
            }
            Template::Recommendations => {
                c.objective = "Suggest products that go with what people look at".into();
                c.audience = Condition::All(vec![views(30)]);
                c.zones = vec![Zone {
                    recipe: Some(Recipe {
                        ingredients: vec![Ingredient::ViewedTogether],
                        exclusions: vec![Exclusion::AlreadyPurchased, Exclusion::OutOfStock],
                        boosters: vec![],
                    }),
                    ..Zone::new(
                        "You may also like",
                        ZoneKind::Recommendations,
                        Visibility::Anyone,
                        1,
                    )
                }];
                c.data = vec![
                    browsing.clone(),
                    DataField {
                        category: "user.behavior.purchase_history".into(),
                        retention_days: 365,
                        ..browsing
                    },
                ];
                c.value_exchange.ongoing = vec!["Suggestions that fit what you like".into()];
            }
            Template::Blank => {}
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A template is valid and finds fault only with its placeholders; with them written, it
    /// has no findings at all.
    #[test]
    fn templates_start_valid_with_only_their_placeholders_to_write() {
        for t in Template::ALL {
            let mut c = t.build("t", "T");
            assert!(crate::model::validate::validate(&c).is_empty(), "{t:?}");
            if t == Template::Blank {
                continue;
            }
            let f = crate::checks::check(&c);
            assert!(!f.is_empty(), "{t:?}");
            assert!(
                f.iter().all(|f| f.rule == "placeholder-text"),
                "{t:?}: {f:#?}"
            );
            // Written by the brand: the fault goes.
            let text = crate::model::ron_io::to_ron(&c).unwrap();
            let text = text
                .replace("<your brand>", "Lumen Beauty")
                .replace("example.com", "lumen.example");
            let text = regex_free_placeholders(&text);
            c = crate::model::ron_io::load_str("t.ron", &text)
                .unwrap()
                .campaign;
            let f = crate::checks::check(&c);
            assert!(f.is_empty(), "{t:?}: {f:#?}");
        }
    }

    /// Each `<your offer, such as X>` or `<what subscribers get, such as X>` replaced by X.
    fn regex_free_placeholders(text: &str) -> String {
        let mut out = text.to_string();
        while let Some(open) = out.find('<') {
            let close = open + out[open..].find('>').unwrap();
            let inner = &out[open + 1..close];
            let example = inner.split_once("such as ").unwrap().1.to_string();
            out.replace_range(open..=close, &example);
        }
        out
    }
}
