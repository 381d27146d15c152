//! The vocabularies in `assets/vocab/`: which attributes are special categories or proxies, the
//! data categories and their sensitivity, the data uses, and the regulated-category limits.
//! They are data so that a privacy lead can change a list without touching code.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::model::{Action, Channel, Exclusion, Ingredient, ZoneKind};

include!(concat!(env!("OUT_DIR"), "/locale_codes.rs"));

const ATTRIBUTES: &str = include_str!("../../assets/vocab/attributes.ron");
const CATEGORIES: &str = include_str!("../../assets/vocab/data_categories.ron");
const USES: &str = include_str!("../../assets/vocab/data_uses.ron");
const REGULATED: &str = include_str!("../../assets/vocab/regulated.ron");
const DATA_MAP: &str = include_str!("../../assets/vocab/data_map.ron");
const AUTHORITIES: &str = include_str!("../../assets/vocab/authorities.ron");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum SpecialCategory {
    RacialOrEthnicOrigin,
    PoliticalOpinion,
    ReligiousBelief,
    TradeUnionMembership,
    Genetic,
    Biometric,
    Health,
    SexualOrientation,
    NationalOrigin,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum AttributeKind {
    SpecialCategory(SpecialCategory),
    Age,
    Gender,
    /// Stands in for the listed attribute ids.
    Proxy(Vec<String>),
    Demographic,
    Neutral,
}

impl AttributeKind {
    /// Demographic in the sense of DOMAIN.md: about who someone is, not what they did or chose.
    pub fn is_demographic(&self) -> bool {
        !matches!(self, AttributeKind::Neutral)
    }

    pub fn label(&self) -> &'static str {
        match self {
            AttributeKind::SpecialCategory(_) => "special category",
            AttributeKind::Age => "age",
            AttributeKind::Gender => "gender",
            AttributeKind::Proxy(_) => "proxy",
            AttributeKind::Demographic => "demographic",
            AttributeKind::Neutral => "neutral",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeDef {
    pub id: String,
    pub label: String,
    /// One line for the marketer choosing it.
    pub description: String,
    pub kind: AttributeKind,
    pub category: String,
    pub alternative: String,
    /// What a condition may compare it with.
    #[serde(default)]
    pub value: ValueType,
    /// The kinds of reason that can lower a finding on it (ids of [`ReasonDef`]s).
    #[serde(default)]
    pub reasons: Vec<String>,
    pub source: String,
}

/// What an attribute's values are, so a condition cannot compare a date of birth with "female".
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub enum ValueType {
    #[default]
    Text,
    Number {
        min: u32,
        max: u32,
    },
    OneOf(Vec<String>),
    /// A two-letter country code such as "FR".
    Country,
    /// A date such as 2026-12-01.
    Date,
    /// "yes" or "no".
    YesNo,
}

impl ValueType {
    /// Whether one value (not a comma-separated list) is of this type.
    pub fn accepts(&self, v: &str) -> bool {
        let v = v.trim();
        match self {
            ValueType::Text => !v.is_empty(),
            ValueType::Number { min, max } => {
                v.parse::<u32>().is_ok_and(|n| (*min..=*max).contains(&n))
            }
            ValueType::OneOf(all) => all.iter().any(|a| a.eq_ignore_ascii_case(v)),
            ValueType::Country => v.len() == 2 && v.chars().all(|c| c.is_ascii_uppercase()),
            ValueType::Date => super::validate::parse_moment(v).is_some() && !v.contains(' '),
            ValueType::YesNo => matches!(v, "yes" | "no"),
        }
    }

    /// What a value must be, in words: "a whole number from 0 to 120".
    pub fn describe(&self) -> String {
        match self {
            ValueType::Text => "some text".into(),
            ValueType::Number { min, max } => format!("a whole number from {min} to {max}"),
            ValueType::OneOf(all) => format!("one of {}", all.join(", ")),
            ValueType::Country => "a two-letter country code such as FR or ES".into(),
            ValueType::Date => "a date such as 2026-12-01".into(),
            ValueType::YesNo => "yes or no".into(),
        }
    }

    /// The choices, when the type is a list to pick from.
    pub fn choices(&self) -> Option<Vec<String>> {
        match self {
            ValueType::OneOf(all) => Some(all.clone()),
            ValueType::YesNo => Some(vec!["yes".into(), "no".into()]),
            _ => None,
        }
    }
}

/// A kind of reason that may lower a finding on an attribute, with the text written for it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonDef {
    pub id: String,
    pub label: String,
    pub description: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryDef {
    pub name: String,
    pub sensitivity: u32,
    pub label: String,
    /// One line for the marketer choosing it.
    pub description: String,
    /// What kind of data it is, which picks the wording of a purpose in the notice ("to show
    /// you products like the ones you viewed" for browsing, not for a religion).
    pub topic: String,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UseDef {
    pub name: String,
    /// One line for the marketer choosing it.
    pub description: String,
    pub needs_consent: bool,
    pub stands_alone: bool,
    pub label: String,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegulatedDef {
    pub category: String,
    pub attributes: Vec<String>,
    pub lookalike: bool,
    pub source: String,
}

/// What one building block of a campaign (an intent action, a zone kind, a recipe ingredient or
/// exclusion, a channel) reads about a person: an entry of `assets/vocab/data_map.ron`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadDef {
    /// The variant as written in a campaign file, such as "CategoryView".
    pub name: String,
    pub reads: Vec<String>,
    pub how: How,
    pub reason: String,
}

/// What a part of the campaign does with the data it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
pub enum How {
    /// Records what the person does over time.
    Tracks,
    /// Works out a picture of the person's tastes from their behaviour.
    Profiles,
    /// Reads something stored about the person.
    Reads,
    /// Shows the person's own data back to them.
    Shows,
    /// Uses it to choose or leave out items.
    Selects,
    /// Uses a contact detail to reach the person.
    Contacts,
    /// Sends it outside the brand.
    SendsOut,
}

impl How {
    pub fn label(self) -> &'static str {
        match self {
            How::Tracks => "tracks behaviour",
            How::Profiles => "builds a profile",
            How::Reads => "reads a stored value",
            How::Shows => "shows it back",
            How::Selects => "chooses items from it",
            How::Contacts => "contacts the person",
            How::SendsOut => "sends it out",
        }
    }

    /// Whether reading data this way builds a picture of the person from what they do.
    pub fn builds_profile(self) -> bool {
        matches!(self, How::Tracks | How::Profiles)
    }
}

/// What the editor proposes when a marketer declares a category the campaign reads.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suggestion {
    pub how: How,
    #[serde(default)]
    pub category: Option<String>,
    pub collected_by: crate::model::Collection,
    pub purpose: String,
    pub retention_days: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DataMapFile {
    actions: Vec<ReadDef>,
    zone_kinds: Vec<ReadDef>,
    ingredients: Vec<ReadDef>,
    exclusions: Vec<ReadDef>,
    channels: Vec<ReadDef>,
    suggestions: Vec<Suggestion>,
}

/// A data-protection authority a visitor can complain to, suggested for a campaign's languages.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorityDef {
    /// The name and address as the notice prints them.
    pub name: String,
    pub country: String,
    /// The languages whose visitors most often live under this authority.
    pub languages: Vec<String>,
    pub source: String,
}

#[derive(Debug, Deserialize)]
struct AuthoritiesFile {
    authorities: Vec<AuthorityDef>,
}

#[derive(Debug, Deserialize)]
struct AttributesFile {
    reasons: Vec<ReasonDef>,
    binary_gender_values: Vec<String>,
    attributes: Vec<AttributeDef>,
}

#[derive(Debug, Deserialize)]
struct CategoriesFile {
    categories: Vec<CategoryDef>,
}

#[derive(Debug, Deserialize)]
struct UsesFile {
    uses: Vec<UseDef>,
}

#[derive(Debug, Deserialize)]
struct RegulatedFile {
    categories: Vec<RegulatedDef>,
}

/// All vocabularies, loaded once from the files embedded at build time.
#[derive(Debug)]
pub struct Vocabulary {
    pub reasons: Vec<ReasonDef>,
    pub binary_gender_values: Vec<String>,
    pub attributes: Vec<AttributeDef>,
    pub categories: Vec<CategoryDef>,
    pub uses: Vec<UseDef>,
    pub regulated: Vec<RegulatedDef>,
    /// Entries of the data map, one per variant, in the order of each type's `ALL`.
    pub actions: Vec<ReadDef>,
    pub zone_kinds: Vec<ReadDef>,
    pub ingredients: Vec<ReadDef>,
    pub exclusions: Vec<ReadDef>,
    pub channels: Vec<ReadDef>,
    pub suggestions: Vec<Suggestion>,
    pub authorities: Vec<AuthorityDef>,
}

/// The vocabulary shipped in `assets/vocab/`. The files are compiled in and covered by tests,
/// so a parse failure here is a build defect, not a user error.
pub fn vocab() -> &'static Vocabulary {
    static VOCAB: OnceLock<Vocabulary> = OnceLock::new();
    VOCAB.get_or_init(|| Vocabulary::parse().expect("assets/vocab files are valid (tested)"))
}

impl Vocabulary {
    fn parse() -> Result<Vocabulary, String> {
        fn load<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Result<T, String> {
            ron::from_str(text).map_err(|e| format!("assets/vocab/{name}:{e}"))
        }
        let attributes: AttributesFile = load("attributes.ron", ATTRIBUTES)?;
        let categories: CategoriesFile = load("data_categories.ron", CATEGORIES)?;
        let uses: UsesFile = load("data_uses.ron", USES)?;
        let regulated: RegulatedFile = load("regulated.ron", REGULATED)?;
        let map: DataMapFile = load("data_map.ron", DATA_MAP)?;
        let authorities: AuthoritiesFile = load("authorities.ron", AUTHORITIES)?;
        Ok(Vocabulary {
            reasons: attributes.reasons,
            binary_gender_values: attributes.binary_gender_values,
            attributes: attributes.attributes,
            categories: categories.categories,
            uses: uses.uses,
            regulated: regulated.categories,
            actions: in_order("actions", map.actions, &Action::ALL)?,
            zone_kinds: in_order("zone_kinds", map.zone_kinds, &ZoneKind::ALL)?,
            ingredients: in_order("ingredients", map.ingredients, &Ingredient::ALL)?,
            exclusions: in_order("exclusions", map.exclusions, &Exclusion::ALL)?,
            channels: in_order("channels", map.channels, &Channel::ALL)?,
            suggestions: map.suggestions,
            authorities: authorities.authorities,
        })
    }

    /// What an intent condition with this action reads.
    pub fn action(&self, a: Action) -> &ReadDef {
        &self.actions[position(&Action::ALL, a)]
    }

    pub fn zone_kind(&self, k: ZoneKind) -> &ReadDef {
        &self.zone_kinds[position(&ZoneKind::ALL, k)]
    }

    pub fn ingredient(&self, i: Ingredient) -> &ReadDef {
        &self.ingredients[position(&Ingredient::ALL, i)]
    }

    pub fn exclusion(&self, e: Exclusion) -> &ReadDef {
        &self.exclusions[position(&Exclusion::ALL, e)]
    }

    pub fn channel(&self, c: Channel) -> &ReadDef {
        &self.channels[position(&Channel::ALL, c)]
    }

    /// The suggestion for declaring `category`, read the way `how` says: the entry for the
    /// closest category containing it, else the one for the how alone.
    pub fn suggestion(&self, category: &str, how: How) -> Option<&Suggestion> {
        self.suggestions
            .iter()
            .filter(|s| s.how == how)
            .filter(|s| s.category.as_deref().is_none_or(|c| covers(c, category)))
            .max_by_key(|s| s.category.as_deref().map_or(0, str::len))
    }

    /// Every attribute read from `category` or from a narrower category inside it: the way back
    /// from a data category to the attributes the sensitive and proxy rules judge. A model
    /// feature named `user.name.last` is the attribute `surname`; one named `user.name` reads
    /// the surname too.
    pub fn attributes_in(&self, category: &str) -> impl Iterator<Item = &AttributeDef> {
        self.attributes
            .iter()
            .filter(move |a| covers(category, &a.category))
    }

    /// Authorities suggested for visitors who read one of `languages`.
    pub fn authorities_for<'a>(
        &'a self,
        languages: &'a [String],
    ) -> impl Iterator<Item = &'a AuthorityDef> {
        self.authorities
            .iter()
            .filter(move |a| a.languages.iter().any(|l| languages.contains(l)))
    }

    pub fn attribute(&self, id: &str) -> Option<&AttributeDef> {
        self.attributes.iter().find(|a| a.id == id)
    }

    pub fn category(&self, name: &str) -> Option<&CategoryDef> {
        self.categories.iter().find(|c| c.name == name)
    }

    pub fn data_use(&self, name: &str) -> Option<&UseDef> {
        self.uses.iter().find(|u| u.name == name)
    }

    pub fn regulated(&self, key: &str) -> Option<&RegulatedDef> {
        self.regulated.iter().find(|r| r.category == key)
    }

    pub fn is_binary_gender_value(&self, value: &str) -> bool {
        let v = value.trim().to_lowercase();
        self.binary_gender_values.contains(&v)
    }

    /// Sensitivity weight of a data category; an unknown one counts as moderately sensitive.
    pub fn sensitivity(&self, category: &str) -> u32 {
        self.category(category).map_or(3, |c| c.sensitivity)
    }

    /// Whether a data category is, or lies inside, a special category of personal data (GDPR
    /// Art. 9(1): the categories of sensitivity 8), or is one a special-category attribute is
    /// read from.
    pub fn is_special_category(&self, category: &str) -> bool {
        let category = category.trim();
        self.categories
            .iter()
            .any(|c| c.sensitivity >= 8 && covers(&c.name, category))
            || self.attributes.iter().any(|a| {
                matches!(a.kind, AttributeKind::SpecialCategory(_)) && covers(&a.category, category)
            })
    }

    /// A kind of reason by its id.
    pub fn reason(&self, id: &str) -> Option<&ReasonDef> {
        self.reasons.iter().find(|r| r.id == id)
    }

    /// Whether `name` is a known model-feature input: an attribute id or a data category.
    pub fn is_feature_input(&self, name: &str) -> bool {
        self.attribute(name).is_some() || self.category(name).is_some()
    }
}

/// The entries of one data-map list, reordered to follow `all`; a variant without an entry, or
/// an entry for no variant, is an error.
fn in_order<T: std::fmt::Debug + Copy>(
    list: &str,
    mut defs: Vec<ReadDef>,
    all: &[T],
) -> Result<Vec<ReadDef>, String> {
    let mut out = Vec::with_capacity(all.len());
    for v in all {
        let name = format!("{v:?}");
        let i = defs
            .iter()
            .position(|d| d.name == name)
            .ok_or_else(|| format!("assets/vocab/data_map.ron: {list} has no entry for {name}"))?;
        out.push(defs.remove(i));
    }
    match defs.first() {
        Some(extra) => Err(format!(
            "assets/vocab/data_map.ron: {list} names {}, which is not a variant",
            extra.name
        )),
        None => Ok(out),
    }
}

fn position<T: PartialEq>(all: &[T], v: T) -> usize {
    all.iter().position(|x| *x == v).unwrap_or(0)
}

/// Whether category `outer` is `inner` or contains it: "user.contact" covers
/// "user.contact.email", not "user.contacts".
pub fn covers(outer: &str, inner: &str) -> bool {
    outer == inner
        || inner
            .strip_prefix(outer)
            .is_some_and(|rest| rest.starts_with('.'))
}

/// Up to three known names closest to `wanted`, best first, for "did you mean" hints.
pub fn closest<'a>(wanted: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted = wanted.to_lowercase();
    let mut scored: Vec<(f64, &str)> = known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(&wanted, &k.to_lowercase()), k))
        .filter(|(score, _)| *score >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, k)| k).collect()
}

#[cfg(test)]
mod tests {

    /// A data picker lists categories by their words: no two read alike in any language, or
    /// the list shows "Income" twice and the notice cannot tell them apart.
    #[test]
    fn no_two_data_categories_read_alike() {
        for l in crate::disclosure::locales() {
            let mut seen = std::collections::HashMap::new();
            for c in &vocab().categories {
                if let Some(other) = seen.insert(l.text(&c.label), &c.name) {
                    panic!(
                        "{}: {} and {other} both read \"{}\"",
                        l.code,
                        c.name,
                        l.text(&c.label)
                    );
                }
            }
        }
    }
    use super::*;

    #[test]
    fn vocabularies_parse_and_cross_reference() {
        let v = Vocabulary::parse().unwrap();
        for a in &v.attributes {
            assert!(
                v.category(&a.category).is_some(),
                "{} has unknown category {}",
                a.id,
                a.category
            );
            if let AttributeKind::Proxy(stands_for) = &a.kind {
                for s in stands_for {
                    assert!(
                        v.attribute(s).is_some() || s == "income",
                        "{} is a proxy for unknown {s}",
                        a.id
                    );
                }
            }
            assert!(!a.source.is_empty(), "{} has no source", a.id);
        }
        for r in &v.regulated {
            for a in &r.attributes {
                assert!(v.attribute(a).is_some(), "regulated list names unknown {a}");
            }
        }
        for c in &v.categories {
            assert!(
                (1..=8).contains(&c.sensitivity),
                "{} sensitivity out of range",
                c.name
            );
        }
    }

    #[test]
    fn closest_suggests_near_names() {
        let known = ["postal_code", "precise_location", "age"];
        assert_eq!(closest("postcode", known), vec!["postal_code"]);
        assert!(closest("zzzzzz", known).is_empty());
    }
}
