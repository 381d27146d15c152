//! The campaign types. Field and variant names are what reviewers read in RON files, so they are
//! words, never codes, and their declaration order is the order they are saved in.

use serde::{Deserialize, Serialize};

pub use super::text::{InLanguage, Text};

/// The RON format version this build writes. Older versions are migrated on load.
pub const FORMAT_VERSION: u32 = 1;

/// A named personalization effort: who it targets, what it shows, what it collects and what it
/// gives back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    pub version: u32,
    /// Stable identifier: lowercase letters, digits and dashes. Never changes after creation.
    pub id: String,
    pub name: String,
    pub objective: String,
    /// The catalogue categories the campaign offers, such as "skincare". Reach counts interest
    /// in the first one, and the advice suggests an intent condition on it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub about: Vec<String>,
    pub owner: String,
    pub status: Status,
    pub channels: Vec<Channel>,
    /// When it runs; none means until it is paused or archived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    /// Housing, employment and credit campaigns carry legal targeting restrictions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regulated_category: Option<RegulatedCategory>,
    /// Whether people under 18 use the service this campaign runs on (the project's
    /// `candor.toml` can say so for every campaign).
    #[serde(default, skip_serializing_if = "is_false")]
    pub used_by_minors: bool,
    /// Languages the visitor disclosure is offered in, as language codes ("en", "es", "fr").
    pub locales: Vec<String>,
    /// Who is asking for the data, how to reach them, and how the data is protected.
    pub controller: Controller,
    /// Who sees this campaign. An empty `All([])` means every visitor.
    pub audience: Condition,
    /// Propensity, affinity and lookalike scores the campaign relies on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub models: Vec<PredictiveModel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub zones: Vec<Zone>,
    /// Every piece of data the campaign collects or reads, with why and for how long.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<DataField>,
    /// Where the audience or its data is actually sent. Compared against the recipients declared
    /// in `data`, which are what the disclosure tells the visitor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activations: Vec<Activation>,
    pub value_exchange: ValueExchange,
    pub consent: Consent,
    /// A hand-written notice shown instead of the generated one. It is still checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_disclosure: Option<Text>,
    /// Findings the team accepts, each with why, who and until when.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waivers: Vec<Waiver>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A finding the team accepts: which rule, where (or the whole campaign), why, who said so
/// and until when. A waived finding is still reported, marked as waived, and no longer counts
/// toward `candor check`'s exit code or the review gate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    /// The rule id, as `candor explain --list` shows it.
    pub rule: String,
    /// The part of the campaign it covers, as a finding's location (`zones[1]`), with
    /// everything inside it. None covers the whole campaign.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Why the team accepts the finding, for the reviewer who reads the file.
    pub reason: String,
    /// Who accepted it.
    pub accepted_by: String,
    /// The last day it applies, as YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<String>,
}

impl Waiver {
    /// Whether it covers a finding at `location`: the same place or a part inside it.
    pub fn covers(&self, location: &str) -> bool {
        match self.location.as_deref().map(str::trim) {
            None | Some("") => true,
            Some(at) => {
                location == at
                    || location
                        .strip_prefix(at)
                        .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Status {
    Draft,
    InReview,
    Approved,
    Published,
    Archived,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Draft,
        Status::InReview,
        Status::Approved,
        Status::Published,
        Status::Archived,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InReview => "in review",
            Status::Approved => "approved",
            Status::Published => "published",
            Status::Archived => "archived",
        }
    }

    /// Statuses that a campaign with error-level findings may not reach (the review gate).
    pub fn is_past_draft(self) -> bool {
        matches!(
            self,
            Status::InReview | Status::Approved | Status::Published
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Channel {
    Web,
    Email,
    MobileApp,
    Sms,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Web,
        Channel::Email,
        Channel::MobileApp,
        Channel::Sms,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Channel::Web => "web",
            Channel::Email => "email",
            Channel::MobileApp => "app",
            Channel::Sms => "sms",
        }
    }

    /// Short names joined by commas, as the library lists them: "web,email".
    pub fn labels(channels: &[Channel]) -> String {
        channels
            .iter()
            .map(|c| c.label())
            .collect::<Vec<_>>()
            .join(",")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RegulatedCategory {
    Housing,
    Employment,
    CreditFinancial,
}

impl RegulatedCategory {
    /// The name used for this category in `assets/vocab/regulated.ron`.
    pub fn key(self) -> &'static str {
        match self {
            RegulatedCategory::Housing => "housing",
            RegulatedCategory::Employment => "employment",
            RegulatedCategory::CreditFinancial => "credit_financial",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Controller {
    /// The brand the visitor is dealing with.
    pub name: String,
    /// Where a visitor can ask about their data: an email address or a web page.
    pub contact: String,
    /// A page or contact explaining how the data is protected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_page: Option<String>,
    /// The company that runs the personalization on the brand's behalf.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technology_partner: Option<String>,
    /// The data-protection authority a visitor can complain to, as the notice prints it:
    /// "Commission nationale de l'informatique et des libertés (cnil.fr)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
}

/// A node of the audience tree: a group of conditions or one condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    /// Every condition inside must hold.
    All(Vec<Condition>),
    /// At least one condition inside must hold.
    Any(Vec<Condition>),
    /// The condition inside must not hold. An exclusion is still targeting.
    Not(Box<Condition>),
    /// Something the person did.
    Intent(IntentCondition),
    /// Something the person is or has.
    Attribute(AttributeCondition),
}

/// How deep an audience may nest groups and exclusions (a condition alone is 1 deep, a group of
/// conditions 2). Marketers use two or three levels; the limit keeps every campaign the editor
/// makes, drafts included, well within what the file format reads back
/// (`ron_io::MAX_NESTING`, which counts several levels for each of these).
pub const MAX_AUDIENCE_DEPTH: usize = 12;

impl Condition {
    /// How many levels deep the tree goes: 1 for a condition, 1 more for each group or Not
    /// around it (an empty group is 1).
    pub fn depth(&self) -> usize {
        // Iterative, so a hostile tree cannot exhaust the stack while it is measured.
        let mut deepest = 0;
        let mut stack = vec![(self, 1)];
        while let Some((c, d)) = stack.pop() {
            deepest = deepest.max(d);
            match c {
                Condition::All(items) | Condition::Any(items) => {
                    stack.extend(items.iter().map(|i| (i, d + 1)));
                }
                Condition::Not(inner) => stack.push((inner, d + 1)),
                Condition::Intent(_) | Condition::Attribute(_) => {}
            }
        }
        deepest
    }

    /// Whether the tree holds no intent or attribute condition at all: an empty group, or groups
    /// and Nots around nothing. Such a part has no effect: the editor adds groups empty for the
    /// marketer to fill, and until then the audience, its reach, its SQL and the notice all
    /// read as if the group were not there (not as "nobody", which an empty "any of these" would
    /// otherwise mean).
    pub fn holds_no_condition(&self) -> bool {
        let mut stack = vec![self];
        while let Some(c) = stack.pop() {
            match c {
                Condition::All(items) | Condition::Any(items) => stack.extend(items),
                Condition::Not(inner) => stack.push(inner),
                Condition::Intent(_) | Condition::Attribute(_) => return false,
            }
        }
        true
    }

    /// How a group's children appear in readable paths: `audience.all[0]`, `audience.any[1]`.
    pub fn group_key(&self) -> Option<&'static str> {
        match self {
            Condition::All(_) => Some("all"),
            Condition::Any(_) => Some("any"),
            _ => None,
        }
    }
}

impl Default for Condition {
    fn default() -> Self {
        Condition::All(Vec::new())
    }
}

/// A behavioural condition: did `action` on `target`, `count` times, in the last `within_days`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntentCondition {
    pub action: Action,
    pub target: Target,
    pub count: Count,
    pub within_days: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Action {
    PageView,
    CategoryView,
    ProductClick,
    AddToCart,
    Purchase,
    Search,
    PreferenceSet,
    EmailEngagement,
    CatalogAffinity,
}

impl Action {
    pub const ALL: [Action; 9] = [
        Action::PageView,
        Action::CategoryView,
        Action::ProductClick,
        Action::AddToCart,
        Action::Purchase,
        Action::Search,
        Action::PreferenceSet,
        Action::EmailEngagement,
        Action::CatalogAffinity,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Action::PageView => "viewed a page",
            Action::CategoryView => "viewed a category",
            Action::ProductClick => "clicked a product",
            Action::AddToCart => "added to cart",
            Action::Purchase => "bought",
            Action::Search => "searched for",
            Action::PreferenceSet => "set a preference",
            Action::EmailEngagement => "opened or clicked an email",
            Action::CatalogAffinity => "showed steady interest in a category",
        }
    }

    /// The verb a condition of this kind reads with, in "Did: viewed category "shoes"".
    pub fn verb(self) -> &'static str {
        match self {
            Action::PageView | Action::CategoryView => "viewed",
            Action::ProductClick => "clicked",
            Action::AddToCart => "added to cart",
            Action::Purchase => "bought",
            Action::Search => "searched for",
            Action::PreferenceSet => "set",
            Action::EmailEngagement => "opened or clicked",
            // Said in the past, as every other verb after "Did:", and as the notice says it.
            Action::CatalogAffinity => "showed steady interest in",
        }
    }

    /// What "anything" means for this action: "any page", "any product"...
    pub fn anything(self) -> &'static str {
        match self {
            Action::PageView => "any page",
            Action::CategoryView => "any category",
            Action::ProductClick | Action::AddToCart => "any product",
            Action::EmailEngagement => "any email",
            Action::PreferenceSet => "any preference",
            _ => "anything",
        }
    }
}

/// What an intent condition is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    Anything,
    Page(String),
    Category(String),
    Product(String),
    Brand(String),
    Style(String),
    SearchTerm(String),
    Preference(String),
}

impl Target {
    /// "category \"running\"", or "anything".
    pub fn describe(&self) -> String {
        match self.value() {
            None => "anything".to_string(),
            Some(v) => format!("{} \"{v}\"", self.kind_words()),
        }
    }

    /// What kind of thing it names, in words: "category", "the term".
    pub fn kind_words(&self) -> &'static str {
        match self {
            Target::Anything => "anything",
            Target::Page(_) => "page",
            Target::Category(_) => "category",
            Target::Product(_) => "product",
            Target::Brand(_) => "brand",
            Target::Style(_) => "style",
            Target::SearchTerm(_) => "the term",
            Target::Preference(_) => "preference",
        }
    }

    /// The name it holds; none for `Anything`.
    pub fn value(&self) -> Option<&str> {
        match self {
            Target::Anything => None,
            Target::Page(v)
            | Target::Category(v)
            | Target::Product(v)
            | Target::Brand(v)
            | Target::Style(v)
            | Target::SearchTerm(v)
            | Target::Preference(v) => Some(v),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Count {
    AtLeast(u32),
    AtMost(u32),
    Exactly(u32),
}

impl Count {
    /// Whether only someone who did the thing at least once meets the count. "At most twice"
    /// and "exactly 0 times" are met by people who did nothing, so they show no interest.
    pub fn needs_an_action(self) -> bool {
        match self {
            Count::AtLeast(n) | Count::Exactly(n) => n > 0,
            Count::AtMost(_) => false,
        }
    }

    pub fn describe(self) -> String {
        let times = |n: u32| {
            if n == 1 {
                "once".to_string()
            } else {
                format!("{n} times")
            }
        };
        match self {
            Count::AtLeast(n) => format!("at least {}", times(n)),
            Count::AtMost(n) => format!("at most {}", times(n)),
            Count::Exactly(n) => format!("exactly {}", times(n)),
        }
    }
}

/// A demographic or account condition on an attribute from `assets/vocab/attributes.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeCondition {
    /// An attribute id from the vocabulary, such as "loyalty_tier" or "postal_code".
    pub attribute: String,
    pub operator: Operator,
    /// The value compared against. For `OneOf` and `NoneOf`, values separated by commas.
    pub value: String,
    /// The kind of reason this attribute is needed, from the reasons the vocabulary lets this
    /// attribute use (such as "legal_minimum_age" for age).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The reason in the team's words. With an accepted `reason` it lowers a proxy or an age
    /// finding to a note; never a special category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Operator {
    Is,
    IsNot,
    OneOf,
    NoneOf,
    AtLeast,
    AtMost,
}

impl Operator {
    pub const ALL: [Operator; 6] = [
        Operator::Is,
        Operator::IsNot,
        Operator::OneOf,
        Operator::NoneOf,
        Operator::AtLeast,
        Operator::AtMost,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Operator::Is => "is",
            Operator::IsNot => "is not",
            Operator::OneOf => "is one of",
            Operator::NoneOf => "is none of",
            Operator::AtLeast => "is at least",
            Operator::AtMost => "is at most",
        }
    }

    /// The individual values a condition compares against.
    pub fn values(self, value: &str) -> Vec<String> {
        match self {
            Operator::OneOf | Operator::NoneOf => value
                .split(',')
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .collect(),
            _ => vec![value.trim().to_string()],
        }
    }
}

/// A propensity, affinity or lookalike score. Its features are checked like audience conditions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PredictiveModel {
    pub name: String,
    pub kind: ModelKind,
    pub features: Vec<Feature>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ModelKind {
    Propensity,
    Affinity,
    Lookalike,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feature {
    /// An attribute id from the vocabulary, or a data category for behavioural features.
    pub input: String,
    /// As for an attribute condition: the kind of reason, then the team's words for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
}

/// A place in an experience where personalized content appears.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    pub name: String,
    pub kind: ZoneKind,
    pub visibility: Visibility,
    pub priority: u32,
    /// Data categories the zone reads beyond what its kind implies (a greeting reads a name).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uses: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipe: Option<Recipe>,
    /// What the visitor sees in it.
    #[serde(default, skip_serializing_if = "ZoneContent::is_empty")]
    pub content: ZoneContent,
}

/// What a visitor sees in a zone. The words are typed per language, like the value exchange;
/// addresses and the coupon code are the same in every language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneContent {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Text>,
    /// The call to action's label; `link` is where it goes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub button: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The image's web address; `image_alt` says what it shows, for screen readers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_alt: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coupon: Option<String>,
}

impl ZoneContent {
    pub fn is_empty(&self) -> bool {
        *self == ZoneContent::default()
    }
}

/// When a campaign runs. Times are written "2026-12-01" or "2026-12-01 09:00", in `time_zone`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    pub start: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// A zone name such as "Europe/Madrid", or "UTC".
    pub time_zone: String,
}

impl Zone {
    /// A zone that reads only what its kind implies and has no recipe.
    pub fn new(
        name: impl Into<String>,
        kind: ZoneKind,
        visibility: Visibility,
        priority: u32,
    ) -> Zone {
        Zone {
            name: name.into(),
            kind,
            visibility,
            priority,
            uses: Vec::new(),
            recipe: None,
            content: ZoneContent::default(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ZoneKind {
    Banner,
    Recommendations,
    RecentlyViewed,
    PurchaseHistory,
    SavedItems,
    Form,
    /// Asks for one more detail on each visit, building a profile over time.
    ProgressiveForm,
    EmailBlock,
    PopUp,
}

impl ZoneKind {
    pub const ALL: [ZoneKind; 9] = [
        ZoneKind::Banner,
        ZoneKind::Recommendations,
        ZoneKind::RecentlyViewed,
        ZoneKind::PurchaseHistory,
        ZoneKind::SavedItems,
        ZoneKind::Form,
        ZoneKind::ProgressiveForm,
        ZoneKind::EmailBlock,
        ZoneKind::PopUp,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ZoneKind::Banner => "banner",
            ZoneKind::Recommendations => "recommendations",
            ZoneKind::RecentlyViewed => "recently viewed",
            ZoneKind::PurchaseHistory => "purchase history",
            ZoneKind::SavedItems => "saved items",
            ZoneKind::Form => "form",
            ZoneKind::ProgressiveForm => "progressive form",
            ZoneKind::EmailBlock => "email block",
            ZoneKind::PopUp => "pop-up",
        }
    }

    /// Zones that reveal a person's own history or build their profile: they belong behind a
    /// login, where a shared screen cannot give them away.
    pub fn is_personal(self) -> bool {
        matches!(
            self,
            ZoneKind::RecentlyViewed
                | ZoneKind::PurchaseHistory
                | ZoneKind::SavedItems
                | ZoneKind::ProgressiveForm
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Visibility {
    /// Shown to anonymous visitors and logged-in customers alike.
    Anyone,
    AnonymousOnly,
    LoggedInOnly,
}

impl Visibility {
    pub const ALL: [Visibility; 3] = [
        Visibility::Anyone,
        Visibility::AnonymousOnly,
        Visibility::LoggedInOnly,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Visibility::Anyone => "anyone",
            Visibility::AnonymousOnly => "anonymous visitors only",
            Visibility::LoggedInOnly => "logged-in customers only",
        }
    }
}

/// How a recommendations zone chooses items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipe {
    pub ingredients: Vec<Ingredient>,
    #[serde(default)]
    pub exclusions: Vec<Exclusion>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub boosters: Vec<Booster>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Ingredient {
    Trending,
    ViewedTogether,
    BoughtTogether,
    SimilarItems,
    RecentlyViewedItems,
    /// Items the person buys again and again (refills). Deliberately includes past purchases.
    Replenishment,
}

impl Ingredient {
    pub const ALL: [Ingredient; 6] = [
        Ingredient::Trending,
        Ingredient::ViewedTogether,
        Ingredient::BoughtTogether,
        Ingredient::SimilarItems,
        Ingredient::RecentlyViewedItems,
        Ingredient::Replenishment,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Exclusion {
    AlreadyPurchased,
    OutOfStock,
    RecentlyViewedItems,
}

impl Exclusion {
    pub const ALL: [Exclusion; 3] = [
        Exclusion::AlreadyPurchased,
        Exclusion::OutOfStock,
        Exclusion::RecentlyViewedItems,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Booster {
    Category(String),
    Brand(String),
    NewArrivals,
    OnSale,
}

/// Something the campaign collects or reads about a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataField {
    /// A data category from `assets/vocab/data_categories.ron`, such as "user.contact.email".
    pub category: String,
    /// Data uses from `assets/vocab/data_uses.ron`, such as "personalize.content.limited".
    pub purposes: Vec<String>,
    pub collected_by: Collection,
    /// Where the data comes from when the person did not give it: "our loyalty programme's
    /// records". The notice tells it for imported fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub consent: ConsentMoment,
    pub legal_basis: LegalBasis,
    pub retention_days: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<Recipient>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Collection {
    /// The person types it into a form.
    Form,
    /// Recorded from what the person does on the site or in the app.
    Tracking,
    /// Brought in from another system.
    Import,
}

impl Collection {
    pub const ALL: [Collection; 3] = [Collection::Form, Collection::Tracking, Collection::Import];
}

/// When the person is asked for consent relative to collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsentMoment {
    BeforeCollection,
    AfterCollection,
    NotAsked,
}

impl ConsentMoment {
    pub const ALL: [ConsentMoment; 3] = [
        ConsentMoment::BeforeCollection,
        ConsentMoment::AfterCollection,
        ConsentMoment::NotAsked,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum LegalBasis {
    Consent,
    Contract,
    LegalObligation,
    VitalInterests,
    PublicInterest,
    LegitimateInterests,
}

impl LegalBasis {
    pub const ALL: [LegalBasis; 6] = [
        LegalBasis::Consent,
        LegalBasis::Contract,
        LegalBasis::LegalObligation,
        LegalBasis::VitalInterests,
        LegalBasis::PublicInterest,
        LegalBasis::LegitimateInterests,
    ];

    /// The message id of this basis in the locale files.
    pub fn key(self) -> &'static str {
        match self {
            LegalBasis::Consent => "consent",
            LegalBasis::Contract => "contract",
            LegalBasis::LegalObligation => "legal-obligation",
            LegalBasis::VitalInterests => "vital-interests",
            LegalBasis::PublicInterest => "public-interest",
            LegalBasis::LegitimateInterests => "legitimate-interests",
        }
    }
}

/// Someone outside the brand who receives a field, as told to the visitor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    pub name: String,
    pub kind: RecipientKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RecipientKind {
    AdPlatform,
    Analytics,
    /// Works on the brand's behalf and uses the data for nothing else (an email service).
    Processor,
    /// Uses the data for its own purposes.
    Partner,
}

impl RecipientKind {
    pub const ALL: [RecipientKind; 4] = [
        RecipientKind::AdPlatform,
        RecipientKind::Analytics,
        RecipientKind::Processor,
        RecipientKind::Partner,
    ];

    pub fn key(self) -> &'static str {
        match self {
            RecipientKind::AdPlatform => "ad-platform",
            RecipientKind::Analytics => "analytics",
            RecipientKind::Processor => "processor",
            RecipientKind::Partner => "partner",
        }
    }
}

/// Where the audience or its data is actually sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activation {
    pub destination: String,
    pub kind: RecipientKind,
    /// Data categories sent to the destination.
    pub sends: Vec<String>,
}

/// What the customer gets in return.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueExchange {
    /// Given at once, such as a discount on the first order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub immediate: Option<Text>,
    /// Given over time, such as better recommendations or early access.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ongoing: Vec<Text>,
    /// What an email subscriber will receive, and how often.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_promise: Option<Text>,
    /// Why logging in is worth it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login_benefit: Option<Text>,
}

/// Consent and choice.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// The ways a person can stop collection or messages.
    pub opt_out: Vec<OptOut>,
    /// The permission the email audience must have given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_permission: Option<EmailPermission>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum OptOut {
    /// A link that stops it in one click.
    Link(String),
    /// A page where every choice can be changed.
    PreferenceCentre(String),
    /// Replying STOP to a text message.
    ReplyStop,
    /// A setting in the customer's account.
    AccountSettings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmailPermission {
    /// The person ticked an unticked box saying yes to emails.
    ExplicitOptIn,
    /// As explicit, and confirmed by clicking a link sent to the address.
    DoubleOptIn,
    /// Assumed from an earlier purchase; not explicit.
    SoftOptIn,
    NotAsked,
}

impl EmailPermission {
    pub const ALL: [EmailPermission; 4] = [
        EmailPermission::ExplicitOptIn,
        EmailPermission::DoubleOptIn,
        EmailPermission::SoftOptIn,
        EmailPermission::NotAsked,
    ];

    pub fn is_explicit(self) -> bool {
        matches!(
            self,
            EmailPermission::ExplicitOptIn | EmailPermission::DoubleOptIn
        )
    }
}

mod parts;
pub use parts::ConditionRef;
