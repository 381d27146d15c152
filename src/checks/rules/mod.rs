//! The rule registry: one module per rule, each with its explanation beside its code.

use super::Rule;

mod binary_gender_segment;
mod collection_before_consent;
pub mod demographic_only_targeting;
mod email_ask_without_promise;
mod email_without_permission;
mod hard_to_read_disclosure;
pub(crate) mod invalid_waiver;
mod minors_profiling_ads;
mod missing_purpose;
mod missing_security_transparency;
mod missing_source;
mod missing_translation;
mod missing_value_exchange;
mod no_opt_out;
mod opt_out_harder_than_opt_in;
mod personal_content_anonymous;
mod placeholder_text;
mod proxy_attribute;
mod recommends_purchased;
mod regulated_category_targeting;
mod retention_over_limit;
mod sensitive_attribute;
mod special_category_ads;
mod unbalanced_value_exchange;
mod undeclared_data_use;
mod undisclosed_sharing;
pub mod unused_data_field;

/// Every rule, in the order `candor explain --list` shows them: the catalogue order of
/// DOMAIN.md, then rules added since.
pub static RULES: &[Rule] = &[
    demographic_only_targeting::RULE,
    sensitive_attribute::RULE,
    binary_gender_segment::RULE,
    proxy_attribute::RULE,
    collection_before_consent::RULE,
    missing_purpose::RULE,
    unused_data_field::RULE,
    no_opt_out::RULE,
    email_without_permission::RULE,
    email_ask_without_promise::RULE,
    undisclosed_sharing::RULE,
    recommends_purchased::RULE,
    personal_content_anonymous::RULE,
    missing_value_exchange::RULE,
    unbalanced_value_exchange::RULE,
    hard_to_read_disclosure::RULE,
    regulated_category_targeting::RULE,
    missing_security_transparency::RULE,
    undeclared_data_use::RULE,
    missing_translation::RULE,
    special_category_ads::RULE,
    minors_profiling_ads::RULE,
    retention_over_limit::RULE,
    opt_out_harder_than_opt_in::RULE,
    invalid_waiver::RULE,
    placeholder_text::RULE,
    missing_source::RULE,
];

#[cfg(test)]
pub(crate) mod test_support {
    //! Small builders for rule tests: a known-good campaign and ways to bend it.

    use crate::checks::{Finding, check};
    use crate::model::*;

    pub fn intent() -> Condition {
        Condition::Intent(IntentCondition {
            action: Action::CategoryView,
            target: Target::Category("skincare".into()),
            count: Count::AtLeast(2),
            within_days: 30,
        })
    }

    pub fn attr(attribute: &str, value: &str) -> Condition {
        Condition::Attribute(AttributeCondition {
            attribute: attribute.into(),
            operator: Operator::Is,
            value: value.into(),
            reason: None,
            justification: None,
        })
    }

    pub fn attr_j(attribute: &str, value: &str, justification: &str) -> Condition {
        let Condition::Attribute(mut a) = attr(attribute, value) else {
            unreachable!()
        };
        a.justification = Some(justification.into());
        Condition::Attribute(a)
    }

    /// An attribute condition with a kind of reason and the words for it.
    pub fn attr_r(attribute: &str, value: &str, reason: &str, justification: &str) -> Condition {
        let Condition::Attribute(mut a) = attr_j(attribute, value, justification) else {
            unreachable!()
        };
        a.reason = Some(reason.into());
        Condition::Attribute(a)
    }

    pub fn all(items: Vec<Condition>) -> Condition {
        Condition::All(items)
    }

    pub fn any(items: Vec<Condition>) -> Condition {
        Condition::Any(items)
    }

    pub fn not(item: Condition) -> Condition {
        Condition::Not(Box::new(item))
    }

    pub fn model(name: &str, inputs: &[&str]) -> PredictiveModel {
        PredictiveModel {
            name: name.into(),
            kind: ModelKind::Propensity,
            features: inputs
                .iter()
                .map(|i| Feature {
                    input: (*i).into(),
                    reason: None,
                    justification: None,
                })
                .collect(),
        }
    }

    pub fn field(category: &str, purposes: &[&str]) -> DataField {
        DataField {
            category: category.into(),
            purposes: purposes.iter().map(|p| (*p).into()).collect(),
            collected_by: Collection::Tracking,
            consent: ConsentMoment::BeforeCollection,
            legal_basis: LegalBasis::Consent,
            retention_days: 365,
            recipients: Vec::new(),
            source: None,
        }
    }

    /// An exemplary campaign: every rule is silent on it.
    pub fn good() -> Campaign {
        let mut c = Campaign::blank("good", "Good");
        c.channels = vec![Channel::Web, Channel::Email];
        c.controller = Controller {
            name: "Lumen".into(),
            contact: "privacy@lumen.example".into(),
            security_page: Some("https://lumen.example/security".into()),
            technology_partner: Some("Acme Personalization".into()),
            authority: None,
        };
        c.audience = all(vec![intent()]);
        let mut email = field("user.contact.email", &["marketing.communications.email"]);
        email.collected_by = Collection::Form;
        email.recipients.push(Recipient {
            name: "Postbox".into(),
            kind: RecipientKind::Processor,
        });
        c.data = vec![
            email,
            field(
                "user.behavior.browsing_history",
                &["personalize.content.profiling"],
            ),
            field(
                "user.behavior.purchase_history",
                &["personalize.content.profiling"],
            ),
        ];
        c.zones = vec![
            Zone::new("Hero", ZoneKind::Banner, Visibility::LoggedInOnly, 1),
            Zone {
                recipe: Some(Recipe {
                    ingredients: vec![Ingredient::BoughtTogether],
                    exclusions: vec![Exclusion::AlreadyPurchased],
                    boosters: vec![],
                }),
                ..Zone::new("For you", ZoneKind::Recommendations, Visibility::Anyone, 2)
            },
            Zone::new(
                "You looked at",
                ZoneKind::RecentlyViewed,
                Visibility::LoggedInOnly,
                3,
            ),
        ];
        c.value_exchange = ValueExchange {
            immediate: Some("10% off today".into()),
            ongoing: vec!["Early access to sales".into()],
            email_promise: Some("One email a week with new arrivals".into()),
            login_benefit: Some("Your saved items on every device".into()),
        };
        c.consent = Consent {
            opt_out: vec![OptOut::Link("https://lumen.example/unsubscribe".into())],
            email_permission: Some(EmailPermission::DoubleOptIn),
        };
        c
    }

    pub fn with_audience(audience: Condition) -> Campaign {
        let mut c = good();
        c.audience = audience;
        c
    }

    /// Asserts that `rule` fires at `location` and returns that finding.
    pub fn assert_fires(c: &Campaign, rule: &str, location: &str) -> Finding {
        let findings = check(c);
        findings
            .iter()
            .find(|f| f.rule == rule && f.location == location)
            .cloned()
            .unwrap_or_else(|| panic!("{rule} did not fire at {location}; findings: {findings:#?}"))
    }

    pub fn assert_silent(c: &Campaign, rule: &str) {
        let findings: Vec<_> = check(c).into_iter().filter(|f| f.rule == rule).collect();
        assert!(findings.is_empty(), "{rule} fired: {findings:#?}");
    }

    #[test]
    fn the_good_campaign_has_no_findings() {
        let findings = check(&good());
        assert!(findings.is_empty(), "{findings:#?}");
        assert!(crate::model::validate::validate(&good()).is_empty());
    }
}
