//! Starting points for a new campaign. Each starts clean: intent targeting, consent first, a
//! way out, and something in return, so the first thing a marketer sees is a good example.

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
            name: "Your brand".into(),
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
                    Some("Free delivery on the new collection this week".into());
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
                c.value_exchange.immediate = Some("10% off your first order".into());
                c.value_exchange.email_promise =
                    Some("Your code now, then one email a week with new arrivals".into());
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

    #[test]
    fn templates_start_without_findings_and_valid() {
        for t in Template::ALL {
            let c = t.build("t", "T");
            assert!(crate::model::validate::validate(&c).is_empty(), "{t:?}");
            if t != Template::Blank {
                let f = crate::checks::check(&c);
                assert!(f.is_empty(), "{t:?}: {f:#?}");
            }
        }
    }
}
