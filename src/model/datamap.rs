//! The data map: every data category a campaign reads, where, and how. It is worked out from the
//! campaign's parts (audience, models, zones, recipes, channels, activations) with the mapping in
//! `assets/vocab/data_map.ron` and `attributes.ron`, whatever the marketer declared in `data`.
//! The checks hold it against the declarations; the notice and the value exchange tell it.

use super::vocab::{How, Vocabulary, covers, vocab};
use super::{Campaign, Condition};

/// The part of a campaign a read comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Audience,
    Model,
    Zone,
    /// A recipe ingredient: the data picks what the zone shows.
    Recipe,
    /// A recipe exclusion: the data only leaves items out of what the zone shows.
    RecipeExclusion,
    Channel,
    Activation,
}

/// One place that reads a category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// A readable path into the campaign, as findings use: `audience.any[0].action`.
    pub path: String,
    pub source: Source,
    pub how: How,
    /// The place in words, for messages: `zone "You looked at" (recently viewed)`.
    pub what: String,
}

/// A category the campaign reads, with every place that reads it, in campaign order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryUse {
    pub category: String,
    pub places: Vec<Place>,
}

impl CategoryUse {
    /// Whether any place reads it to build a picture of the person from what they do.
    pub fn builds_profile(&self) -> bool {
        self.places.iter().any(|p| p.how.builds_profile())
    }

    /// The place that matters most for a suggestion: a profile before a plain read.
    pub fn main_how(&self) -> How {
        self.places
            .iter()
            .map(|p| p.how)
            .min()
            .unwrap_or(How::Reads)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DataMap {
    /// In the order each category is first read: audience, models, zones, channels, activations.
    pub uses: Vec<CategoryUse>,
    /// Whether a part reads nothing itself yet builds a profile (a progressive form).
    pub profiles_without_reads: bool,
}

impl DataMap {
    pub fn is_empty(&self) -> bool {
        self.uses.is_empty()
    }

    pub fn get(&self, category: &str) -> Option<&CategoryUse> {
        self.uses.iter().find(|u| u.category == category)
    }

    pub fn categories(&self) -> impl Iterator<Item = &str> {
        self.uses.iter().map(|u| u.category.as_str())
    }

    /// Categories read that no data field declares. A declared category covers the narrower
    /// ones inside it (`user.name` covers `user.name.first`), never a broader one.
    pub fn undeclared<'a>(&'a self, c: &'a Campaign) -> impl Iterator<Item = &'a CategoryUse> {
        self.uses
            .iter()
            .filter(move |u| !is_declared(c, &u.category))
    }

    /// Whether the campaign builds a profile from behaviour: intent conditions over time,
    /// affinity, a model, or a progressive form.
    pub fn builds_profile(&self, c: &Campaign) -> bool {
        self.profiles_without_reads
            || !c.models.is_empty()
            || self.uses.iter().any(CategoryUse::builds_profile)
    }

    fn add(&mut self, category: &str, place: Place) {
        match self.uses.iter_mut().find(|u| u.category == category) {
            Some(u) => u.places.push(place),
            None => self.uses.push(CategoryUse {
                category: category.to_string(),
                places: vec![place],
            }),
        }
    }
}

/// The data field that declares the category read at `location` (the first place an
/// undeclared category is read, as the undeclared-data-use finding names it), with what
/// `assets/vocab/data_map.ron` suggests: its purpose, how it is collected, its retention, and
/// the activations it is sent to as recipients.
pub fn suggested_field(c: &Campaign, location: &str) -> Option<super::DataField> {
    use super::{ConsentMoment, DataField, LegalBasis, Recipient};
    let map = data_map(c);
    let read = map
        .undeclared(c)
        .find(|u| u.places.first().is_some_and(|p| p.path == location))?;
    let s = vocab().suggestion(&read.category, read.main_how())?;
    // Data sent out by an activation goes to its destination: the notice must name it.
    let mut recipients: Vec<Recipient> = Vec::new();
    for p in &read.places {
        if p.source == Source::Activation
            && let Some(a) = activation_at(c, &p.path)
            && !recipients.iter().any(|r| r.name == a.destination)
        {
            recipients.push(Recipient {
                name: a.destination.clone(),
                kind: a.kind,
            });
        }
    }
    Some(DataField {
        category: read.category.clone(),
        purposes: vec![s.purpose.clone()],
        collected_by: s.collected_by,
        source: None,
        consent: ConsentMoment::BeforeCollection,
        legal_basis: LegalBasis::Consent,
        retention_days: s.retention_days,
        recipients,
    })
}

/// The activation a location such as `activations[2].sends[0]` is in.
pub fn activation_at<'a>(c: &'a Campaign, path: &str) -> Option<&'a super::Activation> {
    let rest = path.strip_prefix("activations[")?;
    let i: usize = rest[..rest.find(']')?].parse().ok()?;
    c.activations.get(i)
}

/// Whether a data field declares `category` or a broader category containing it.
pub fn is_declared(c: &Campaign, category: &str) -> bool {
    c.data.iter().any(|f| covers(f.category.trim(), category))
}

/// The data map of `c`.
pub fn data_map(c: &Campaign) -> DataMap {
    build(c, vocab())
}

fn build(c: &Campaign, v: &Vocabulary) -> DataMap {
    let mut map = DataMap::default();
    let clean = crate::text::clean;
    for cond in c.conditions() {
        match cond.condition {
            Condition::Intent(i) => {
                let def = v.action(i.action);
                for cat in &def.reads {
                    map.add(
                        cat,
                        Place {
                            path: format!("{}.action", cond.path),
                            source: Source::Audience,
                            how: def.how,
                            what: format!("the audience condition \"{}\"", i.action.label()),
                        },
                    );
                }
            }
            Condition::Attribute(a) => {
                if let Some(def) = v.attribute(&a.attribute) {
                    map.add(
                        &def.category,
                        Place {
                            path: format!("{}.attribute", cond.path),
                            source: Source::Audience,
                            how: How::Reads,
                            what: format!("the audience condition on {}", def.label.to_lowercase()),
                        },
                    );
                }
            }
            _ => {}
        }
    }
    for (m, model) in c.models.iter().enumerate() {
        for (f, feature) in model.features.iter().enumerate() {
            let input = feature.input.trim();
            let category = match v.attribute(input) {
                Some(def) => def.category.as_str(),
                None if input.is_empty() => continue,
                None => input,
            };
            map.add(
                category,
                Place {
                    path: format!("models[{m}].features[{f}].input"),
                    source: Source::Model,
                    how: How::Profiles,
                    what: format!("model \"{}\"", clean(&model.name)),
                },
            );
        }
    }
    for (z, zone) in c.zones.iter().enumerate() {
        let name = clean(&zone.name);
        let def = v.zone_kind(zone.kind);
        if def.how == How::Profiles && def.reads.is_empty() {
            map.profiles_without_reads = true;
        }
        for cat in &def.reads {
            map.add(
                cat,
                Place {
                    path: format!("zones[{z}].kind"),
                    source: Source::Zone,
                    how: def.how,
                    what: format!("zone \"{name}\" ({})", zone.kind.label()),
                },
            );
        }
        for (u, cat) in zone.uses.iter().enumerate() {
            let cat = cat.trim();
            if !cat.is_empty() {
                map.add(
                    cat,
                    Place {
                        path: format!("zones[{z}].uses[{u}]"),
                        source: Source::Zone,
                        how: How::Shows,
                        what: format!("zone \"{name}\""),
                    },
                );
            }
        }
        if let Some(recipe) = &zone.recipe {
            let parts = recipe
                .ingredients
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    (
                        format!("ingredients[{i}]"),
                        Source::Recipe,
                        v.ingredient(*x),
                    )
                })
                .chain(recipe.exclusions.iter().enumerate().map(|(i, x)| {
                    (
                        format!("exclusions[{i}]"),
                        Source::RecipeExclusion,
                        v.exclusion(*x),
                    )
                }));
            for (key, source, def) in parts {
                for cat in &def.reads {
                    map.add(
                        cat,
                        Place {
                            path: format!("zones[{z}].recipe.{key}"),
                            source,
                            how: def.how,
                            what: format!("the recipe of zone \"{name}\""),
                        },
                    );
                }
            }
        }
    }
    for (i, ch) in c.channels.iter().enumerate() {
        let def = v.channel(*ch);
        for cat in &def.reads {
            map.add(
                cat,
                Place {
                    path: format!("channels[{i}]"),
                    source: Source::Channel,
                    how: def.how,
                    what: format!("the {} channel", ch.label()),
                },
            );
        }
    }
    for (a, act) in c.activations.iter().enumerate() {
        for (s, cat) in act.sends.iter().enumerate() {
            let cat = cat.trim();
            if !cat.is_empty() {
                map.add(
                    cat,
                    Place {
                        path: format!("activations[{a}].sends[{s}]"),
                        source: Source::Activation,
                        how: How::SendsOut,
                        what: format!("the activation to \"{}\"", clean(&act.destination)),
                    },
                );
            }
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn campaign() -> Campaign {
        Campaign::blank("t", "T")
    }

    fn intent(action: Action) -> Condition {
        Condition::Intent(IntentCondition {
            action,
            target: Target::Anything,
            count: Count::AtLeast(1),
            within_days: 30,
        })
    }

    fn zone(kind: ZoneKind, recipe: Option<Recipe>) -> Zone {
        Zone {
            recipe,
            ..Zone::new("Z", kind, Visibility::LoggedInOnly, 1)
        }
    }

    /// The categories the map names, for a campaign bent by `f`.
    fn read(f: impl FnOnce(&mut Campaign)) -> Vec<String> {
        let mut c = campaign();
        c.channels.clear();
        f(&mut c);
        data_map(&c).uses.into_iter().map(|u| u.category).collect()
    }

    /// Every category a data-map entry names is a known data category, and every entry has a
    /// reason. A new variant without an entry fails to load (see `Vocabulary::parse`).
    #[test]
    fn every_entry_names_known_categories_and_a_reason() {
        let v = vocab();
        let lists = [
            (&v.actions, Action::ALL.len()),
            (&v.zone_kinds, ZoneKind::ALL.len()),
            (&v.ingredients, Ingredient::ALL.len()),
            (&v.exclusions, Exclusion::ALL.len()),
            (&v.channels, Channel::ALL.len()),
        ];
        for (defs, n) in lists {
            assert_eq!(defs.len(), n);
            for d in defs {
                assert!(!d.reason.trim().is_empty(), "{} has no reason", d.name);
                for cat in &d.reads {
                    assert!(v.category(cat).is_some(), "{}: unknown {cat}", d.name);
                }
            }
        }
        for s in &v.suggestions {
            assert!(v.data_use(&s.purpose).is_some(), "{}", s.purpose);
        }
        for how in [
            How::Tracks,
            How::Profiles,
            How::Reads,
            How::Shows,
            How::Selects,
            How::Contacts,
            How::SendsOut,
        ] {
            assert!(v.suggestion("user.x", how).is_some(), "{how:?}");
        }
        // The closest category wins: a phone number is for text messages, a loyalty tier comes
        // from the customer database.
        let sms = v
            .suggestion("user.contact.phone_number", How::Contacts)
            .unwrap();
        assert_eq!(sms.purpose, "marketing.communications.sms");
        let email = v.suggestion("user.contact.email", How::Contacts).unwrap();
        assert_eq!(email.purpose, "marketing.communications.email");
        let tier = v.suggestion("user.account.loyalty", How::Reads).unwrap();
        assert_eq!(tier.collected_by, crate::model::Collection::Import);
        let age = v
            .suggestion("user.demographic.age_range", How::Reads)
            .unwrap();
        assert_eq!(age.collected_by, crate::model::Collection::Form);
    }

    #[test]
    fn each_action_reads_its_category() {
        for a in Action::ALL {
            let want = &vocab().action(a).reads;
            assert!(!want.is_empty(), "{a:?} reads nothing");
            let got = read(|c| c.audience = Condition::All(vec![intent(a)]));
            assert_eq!(&got, want, "{a:?}");
        }
        // Each behaviour lands where a reader expects it.
        let one = |a| read(|c| c.audience = Condition::All(vec![intent(a)]));
        assert_eq!(
            one(Action::CategoryView),
            ["user.behavior.browsing_history"]
        );
        assert_eq!(one(Action::Search), ["user.behavior.search_history"]);
        // A cart is not a purchase: the notice must not tell a visitor "what you buy".
        assert_eq!(one(Action::AddToCart), ["user.behavior.cart"]);
        assert_eq!(one(Action::Purchase), ["user.behavior.purchase_history"]);
    }

    #[test]
    fn each_zone_kind_ingredient_exclusion_and_channel_reads_its_categories() {
        let v = vocab();
        for k in ZoneKind::ALL {
            let got = read(|c| c.zones.push(zone(k, None)));
            assert_eq!(got, v.zone_kind(k).reads, "{k:?}");
        }
        assert_eq!(
            read(|c| c.zones.push(zone(ZoneKind::RecentlyViewed, None))),
            ["user.behavior.browsing_history"]
        );
        for i in Ingredient::ALL {
            let recipe = Recipe {
                ingredients: vec![i],
                exclusions: vec![],
                boosters: vec![],
            };
            let got = read(|c| c.zones.push(zone(ZoneKind::Recommendations, Some(recipe))));
            assert_eq!(got, v.ingredient(i).reads, "{i:?}");
        }
        for e in Exclusion::ALL {
            let recipe = Recipe {
                ingredients: vec![],
                exclusions: vec![e],
                boosters: vec![],
            };
            let got = read(|c| c.zones.push(zone(ZoneKind::Recommendations, Some(recipe))));
            assert_eq!(got, v.exclusion(e).reads, "{e:?}");
        }
        assert_eq!(
            v.exclusion(Exclusion::AlreadyPurchased).reads,
            ["user.behavior.purchase_history"]
        );
        for ch in Channel::ALL {
            let got = read(|c| c.channels.push(ch));
            assert_eq!(got, v.channel(ch).reads, "{ch:?}");
        }
        assert_eq!(
            read(|c| c.channels.push(Channel::Email)),
            ["user.contact.email"]
        );
    }

    /// The notice words purchases read only to leave them out differently from purchases that
    /// pick what is shown, so the map must tell an exclusion from an ingredient by its source.
    #[test]
    fn a_recipe_exclusion_is_told_apart_from_an_ingredient() {
        let mut c = campaign();
        c.channels.clear();
        c.zones.push(zone(
            ZoneKind::Recommendations,
            Some(Recipe {
                ingredients: vec![Ingredient::Replenishment],
                exclusions: vec![Exclusion::AlreadyPurchased],
                boosters: vec![],
            }),
        ));
        let map = data_map(&c);
        let purchases = map
            .uses
            .iter()
            .find(|u| u.category == "user.behavior.purchase_history")
            .expect("purchases are read");
        let sources: Vec<_> = purchases
            .places
            .iter()
            .map(|p| (p.path.as_str(), p.source))
            .collect();
        assert_eq!(
            sources,
            [
                ("zones[0].recipe.ingredients[0]", Source::Recipe),
                ("zones[0].recipe.exclusions[0]", Source::RecipeExclusion),
            ]
        );
    }

    #[test]
    fn each_attribute_reads_its_stored_category_both_in_audiences_and_models() {
        for a in &vocab().attributes {
            let cond = Condition::Attribute(AttributeCondition {
                attribute: a.id.clone(),
                operator: Operator::Is,
                value: "x".into(),
                reason: None,
                justification: None,
            });
            let got = read(|c| c.audience = Condition::All(vec![cond]));
            assert_eq!(got, std::slice::from_ref(&a.category), "{}", a.id);
            for spelling in [&a.id, &a.category] {
                let got = read(|c| {
                    c.models.push(PredictiveModel {
                        name: "m".into(),
                        kind: ModelKind::Propensity,
                        features: vec![Feature {
                            input: spelling.clone(),
                            reason: None,
                            justification: None,
                        }],
                    })
                });
                assert_eq!(got, std::slice::from_ref(&a.category), "{spelling}");
            }
            // And back: the category leads to the attribute.
            assert!(vocab().attributes_in(&a.category).any(|b| b.id == a.id));
        }
    }

    #[test]
    fn places_are_named_in_campaign_order_and_declarations_cover_narrower_reads() {
        let mut c = campaign();
        c.audience = Condition::Any(vec![
            intent(Action::CategoryView),
            intent(Action::CatalogAffinity),
        ]);
        c.zones.push(zone(ZoneKind::RecentlyViewed, None));
        let map = data_map(&c);
        let browsing = map.get("user.behavior.browsing_history").unwrap();
        let paths: Vec<&str> = browsing.places.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "audience.any[0].action",
                "audience.any[1].action",
                "zones[0].kind"
            ]
        );
        assert!(map.builds_profile(&c));
        assert_eq!(map.undeclared(&c).count(), 1);
        let mut field = DataField {
            category: "user.behavior".into(),
            purposes: vec![],
            collected_by: Collection::Tracking,
            consent: ConsentMoment::BeforeCollection,
            legal_basis: LegalBasis::Consent,
            retention_days: 30,
            recipients: vec![],
            source: None,
        };
        c.data.push(field.clone());
        assert_eq!(map.undeclared(&c).count(), 0, "a broader field covers");
        field.category = "user.behavior.browsing_history.pages".into();
        c.data = vec![field];
        assert_eq!(map.undeclared(&c).count(), 1, "a narrower field does not");
    }

    #[test]
    fn a_campaign_that_reads_nothing_has_an_empty_map() {
        let mut c = campaign();
        c.channels = vec![Channel::Web];
        c.zones.push(zone(ZoneKind::Banner, None));
        let map = data_map(&c);
        assert!(map.is_empty());
        assert!(!map.builds_profile(&c));
    }
}
