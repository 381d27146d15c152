//! The vocabularies in `assets/vocab/`: which attributes are special categories or proxies, the
//! data categories and their sensitivity, the data uses, and the regulated-category limits.
//! They are data so that a privacy lead can change a list without touching code.

use std::sync::OnceLock;

use serde::Deserialize;

include!(concat!(env!("OUT_DIR"), "/locale_codes.rs"));

const ATTRIBUTES: &str = include_str!("../../assets/vocab/attributes.ron");
const CATEGORIES: &str = include_str!("../../assets/vocab/data_categories.ron");
const USES: &str = include_str!("../../assets/vocab/data_uses.ron");
const REGULATED: &str = include_str!("../../assets/vocab/regulated.ron");

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
    pub kind: AttributeKind,
    pub category: String,
    pub alternative: String,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryDef {
    pub name: String,
    pub sensitivity: u32,
    pub label: String,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UseDef {
    pub name: String,
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

#[derive(Debug, Deserialize)]
struct AttributesFile {
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
    pub binary_gender_values: Vec<String>,
    pub attributes: Vec<AttributeDef>,
    pub categories: Vec<CategoryDef>,
    pub uses: Vec<UseDef>,
    pub regulated: Vec<RegulatedDef>,
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
        Ok(Vocabulary {
            binary_gender_values: attributes.binary_gender_values,
            attributes: attributes.attributes,
            categories: categories.categories,
            uses: uses.uses,
            regulated: regulated.categories,
        })
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

    /// Whether `name` is a known model-feature input: an attribute id or a data category.
    pub fn is_feature_input(&self, name: &str) -> bool {
        self.attribute(name).is_some() || self.category(name).is_some()
    }
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
