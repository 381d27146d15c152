//! "Why am I seeing this?": for each zone, one or two sentences a visitor can open next to the
//! content, in their language. The first says which conditions let a person in (the main
//! targeting parameters, in the spirit of the EU Digital Services Act Art. 26(1)(d)); the second
//! what the zone draws on. Where an `any` group lets people in several ways, the notice cannot
//! know which one matched, so it lists the ways in and says so.

use super::{Arg, Locale, category_label};
use crate::model::datamap::Source;
use crate::model::vocab::vocab;
use crate::model::{
    Action, AttributeCondition, Campaign, Condition, Count, DataMap, Exclusion, Ingredient,
    IntentCondition, Operator, Target, Visibility, Zone, ZoneKind,
};
use crate::text::clean;

/// The explanation of one zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneWhy {
    /// The zone's name, as the marketer typed it (made safe).
    pub zone: String,
    pub text: String,
    /// "Zone: text", joined as the language writes a colon. The zone is named as the visitor
    /// knows it (see [`zone_labels`]), not by the marketer's name for it.
    pub line: String,
}

/// The explanation of every zone of `c`, in `l`.
pub fn explain(c: &Campaign, map: &DataMap, l: &Locale) -> Vec<ZoneWhy> {
    let roots: Vec<&Condition> = match &c.audience {
        Condition::All(items) => items.iter().collect(),
        other => vec![other],
    };
    // Reasons that are lists of their own ("at least one of these: a, b or c") go last, so the
    // "and" that joins the reasons is never read as part of the inner list.
    let mut simple: Vec<String> = Vec::new();
    let mut lists: Vec<String> = Vec::new();
    for node in roots {
        if let Some(p) = phrase(node, false, l) {
            if is_list(node) {
                lists.push(p);
            } else {
                simple.push(p);
            }
        }
    }
    for (m, model) in c.models.iter().enumerate() {
        let prefix = format!("models[{m}].");
        let mut data: Vec<String> = Vec::new();
        for u in &map.uses {
            let by_model = u
                .places
                .iter()
                .any(|p| p.source == Source::Model && p.path.starts_with(&prefix));
            let label = category_label(l, &u.category);
            if by_model && !data.contains(&label) {
                data.push(label);
            }
        }
        if !data.is_empty() && !model.features.is_empty() {
            simple.push(l.text_with("why-model", &[("data", Arg::Text(l.join(&data)))]));
        }
    }
    let labels = zone_labels(c, l);
    c.zones
        .iter()
        .zip(labels)
        .map(|(z, label)| {
            let mut reasons = simple.clone();
            match (z.kind, z.visibility) {
                // Nobody reads an email because they are logged in: it reaches them because they
                // said yes to emails, when the campaign sends only to those who did.
                (ZoneKind::EmailBlock, _) => {
                    let said_yes = l.text("attr-email-opt-in-yes");
                    if c.consent.email_permission.is_some_and(|p| p.is_explicit())
                        && !reasons.contains(&said_yes)
                    {
                        reasons.push(said_yes);
                    }
                }
                (_, Visibility::LoggedInOnly) => reasons.push(l.text("why-logged-in")),
                (_, Visibility::AnonymousOnly) => reasons.push(l.text("why-anonymous")),
                (_, Visibility::Anyone) => {}
            }
            reasons.extend(lists.iter().cloned());
            let reasons = if reasons.is_empty() {
                l.text("why-everyone")
            } else {
                l.text_with("why-because", &[("reasons", Arg::Text(l.join(&reasons)))])
            };
            let mut text = reasons.clone();
            if let Some(draws) = draws_on(z, l) {
                text.push(' ');
                text.push_str(&draws);
            }
            let zone = clean(z.name.trim());
            // Where the label already says the zone is an email ("The email we send you"), the
            // line does not say it again.
            let (label, by_kind) = label;
            let line_text = if by_kind && z.kind == ZoneKind::EmailBlock {
                &reasons
            } else {
                &text
            };
            // After the zone's name and a colon, some languages go on in lower case.
            let after_colon = if l.lowercase_after_colon {
                let mut cs = line_text.chars();
                cs.next()
                    .map(|f| f.to_lowercase().chain(cs).collect())
                    .unwrap_or_default()
            } else {
                line_text.clone()
            };
            let line = l.text_with(
                "why-zone",
                &[("zone", Arg::Text(label)), ("text", Arg::Text(after_colon))],
            );
            ZoneWhy { zone, text, line }
        })
        .collect()
}

/// What the notice calls each zone where it lists them all: the zone's headline as the visitor
/// reads it, quoted, or else what kind of zone it is, in the notice's language. Never the name
/// the marketer gave it, which is in the marketer's language and words. Zones that would read
/// alike are numbered. Each label comes with whether it names the kind.
fn zone_labels(c: &Campaign, l: &Locale) -> Vec<(String, bool)> {
    let first = c.first_locale();
    let labels: Vec<(String, bool)> = c
        .zones
        .iter()
        .map(|z| {
            let headline = z.content.headline.as_ref();
            match headline.and_then(|h| h.exact(l.code, first)) {
                Some(h) => (
                    l.text_with(
                        "why-quoted",
                        &[(
                            "name",
                            Arg::Text(crate::text::truncate(&clean(h.trim()), 60)),
                        )],
                    ),
                    false,
                ),
                None => (l.text(kind_label(z.kind)), true),
            }
        })
        .collect();
    labels
        .iter()
        .enumerate()
        .map(|(i, (label, by_kind))| {
            let alike = |other: &&(String, bool)| other.0 == *label;
            if labels.iter().filter(alike).count() < 2 {
                return (label.clone(), *by_kind);
            }
            let nth = labels[..=i].iter().filter(alike).count();
            (format!("{label} ({nth})"), *by_kind)
        })
        .collect()
}

fn kind_label(kind: ZoneKind) -> &'static str {
    match kind {
        ZoneKind::Banner => "why-zone-banner",
        ZoneKind::Recommendations => "why-zone-recommendations",
        ZoneKind::RecentlyViewed => "why-zone-recently-viewed",
        ZoneKind::PurchaseHistory => "why-zone-purchase-history",
        ZoneKind::SavedItems => "why-zone-saved-items",
        ZoneKind::Form => "why-zone-form",
        ZoneKind::ProgressiveForm => "why-zone-progressive-form",
        ZoneKind::EmailBlock => "why-zone-email",
        ZoneKind::PopUp => "why-zone-pop-up",
    }
}

/// Whether a condition reads as a list of its own: a group of two or more under `any`, or any
/// group under `not`.
fn is_list(node: &Condition) -> bool {
    let filled = |items: &[Condition]| items.iter().filter(|i| !i.holds_no_condition()).count();
    match node {
        Condition::Any(items) => filled(items) >= 2 || items.iter().any(is_list),
        Condition::All(items) => items.iter().any(is_list),
        Condition::Not(inner) => match inner.as_ref() {
            Condition::All(items) | Condition::Any(items) => filled(items) >= 2,
            other => is_list(other),
        },
        _ => false,
    }
}

/// A condition as a reason in words, `negated` when it sits under an odd number of `Not`s.
fn phrase(node: &Condition, negated: bool, l: &Locale) -> Option<String> {
    match node {
        Condition::Not(inner) => phrase(inner, !negated, l),
        Condition::Intent(i) => Some(intent(i, negated, l)),
        Condition::Attribute(a) => attribute(a, negated, l),
        Condition::All(items) | Condition::Any(items) => {
            let parts: Vec<String> = items.iter().filter_map(|i| phrase(i, false, l)).collect();
            let any = matches!(node, Condition::Any(_));
            match (parts.len(), any, negated) {
                (0, _, _) => None,
                (1, _, _) => items.iter().find_map(|i| phrase(i, negated, l)),
                (_, false, false) => Some(l.join(&parts)),
                (_, true, false) => {
                    Some(l.text_with("why-one-of", &[("list", Arg::Text(l.join_or(&parts)))]))
                }
                (_, false, true) => {
                    Some(l.text_with("why-not-all", &[("list", Arg::Text(l.join(&parts)))]))
                }
                (_, true, true) => {
                    Some(l.text_with("why-none-of", &[("list", Arg::Text(l.join_or(&parts)))]))
                }
            }
        }
    }
}

fn action_key(a: Action) -> &'static str {
    match a {
        Action::PageView => "page-view",
        Action::CategoryView => "category-view",
        Action::ProductClick => "product-click",
        Action::AddToCart => "add-to-cart",
        Action::Purchase => "purchase",
        Action::Search => "search",
        Action::PreferenceSet => "preference-set",
        Action::EmailEngagement => "email-engagement",
        Action::CatalogAffinity => "catalog-affinity",
    }
}

fn intent(i: &IntentCondition, negated: bool, l: &Locale) -> String {
    // A negated count reads as its positive counterpart: "not at least 3 times" is "at most
    // twice", which a visitor can check against what they did. Only "not at all" and "not
    // exactly" stay negative; a count of zero is said as "not at all" too.
    let (negated, count) = match (negated, i.count) {
        (true, Count::AtLeast(n)) if n > 1 => (false, Some(Count::AtMost(n - 1))),
        (true, Count::AtMost(n)) => (false, Some(Count::AtLeast(n.saturating_add(1)))),
        (true, Count::Exactly(0)) => (false, Some(Count::AtLeast(1))),
        (true, Count::AtLeast(_)) => (true, None),
        // "At most 0 times" and "exactly 0 times" are "not at all".
        (false, Count::AtMost(0) | Count::Exactly(0)) => (true, None),
        (_, c) => (negated, Some(c)),
    };
    // An affinity is a score built over the whole window: counting it says nothing.
    let count = count.filter(|_| i.action != Action::CatalogAffinity);
    let action = action_key(i.action);
    let (kind, name) = match &i.target {
        Target::Anything => ("anything", ""),
        Target::Page(v) => ("page", v.as_str()),
        Target::Category(v) => ("category", v.as_str()),
        Target::Product(v) => ("product", v.as_str()),
        Target::Brand(v) => ("brand", v.as_str()),
        Target::Style(v) => ("style", v.as_str()),
        Target::SearchTerm(v) => ("search-term", v.as_str()),
        Target::Preference(v) => ("preference", v.as_str()),
    };
    let yes_no = if negated { "yes" } else { "no" };
    let target = l.text_with(
        &format!("why-target-{kind}"),
        &[
            ("name", Arg::Text(clean(name.trim()))),
            ("action", Arg::Text(action.to_string())),
            ("negated", Arg::Text(yes_no.to_string())),
        ],
    );
    // "Not ... anything" has a phrase of its own: French says "vous n'avez rien acheté", not
    // "vous n'avez pas acheté quoi que ce soit".
    let nothing = format!("why-didnt-{action}-anything");
    let did = if negated && i.target == Target::Anything && l.has(&nothing) {
        l.text(&nothing)
    } else {
        l.text_with(
            &format!("why-{}-{action}", if negated { "didnt" } else { "did" }),
            &[("target", Arg::Text(target))],
        )
    };
    let window = l.text_with(
        "why-window",
        &[
            ("days", Arg::Count(i.within_days)),
            ("n", Arg::Text(l.count_words(i.within_days))),
        ],
    );
    let Some(count) = count else {
        return l.text_with(
            "why-intent-no-count",
            &[("did", Arg::Text(did)), ("window", Arg::Text(window))],
        );
    };
    let (count_kind, n) = match count {
        Count::AtLeast(n) => ("at-least", n),
        Count::AtMost(n) => ("at-most", n),
        Count::Exactly(n) => ("exactly", n),
    };
    let count = l.text_with(
        "why-count",
        &[
            ("kind", Arg::Text(count_kind.to_string())),
            ("count", Arg::Count(n)),
            ("n", Arg::Text(l.count_words(n))),
        ],
    );
    l.text_with(
        "why-intent",
        &[
            ("did", Arg::Text(did)),
            ("count", Arg::Text(count)),
            ("window", Arg::Text(window)),
        ],
    )
}

fn attribute(a: &AttributeCondition, negated: bool, l: &Locale) -> Option<String> {
    let def = vocab().attribute(&a.attribute)?;
    let op = match (a.operator, negated) {
        (Operator::Is, false) | (Operator::IsNot, true) => "is",
        (Operator::IsNot, false) | (Operator::Is, true) => "is-not",
        (Operator::OneOf, false) | (Operator::NoneOf, true) => "one-of",
        (Operator::NoneOf, false) | (Operator::OneOf, true) => "none-of",
        (Operator::AtLeast, false) => "at-least",
        (Operator::AtMost, false) => "at-most",
        (Operator::AtLeast, true) => "below",
        (Operator::AtMost, true) => "above",
    };
    let values: Vec<String> = a
        .operator
        .values(&a.value)
        .iter()
        .map(|v| {
            let v = clean(v);
            // Yes and no are words of the visitor's language, not codes to quote.
            match v.to_lowercase().as_str() {
                "yes" | "true" => l.text("why-value-yes"),
                "no" | "false" => l.text("why-value-no"),
                _ if v.parse::<f64>().is_ok() => v,
                _ => value_words(def, &v, l)
                    .unwrap_or_else(|| l.text_with("why-quoted", &[("name", Arg::Text(v))])),
            }
        })
        .collect();
    // The attribute's own name ("your email sign-up status"), not its category's.
    let label = format!("attr-{}", def.id.replace('_', "-"));
    // A yes/no attribute reads as a sentence of its own: "you have not signed up for our emails".
    let raw = a.operator.values(&a.value);
    // (One of a single value is that value.)
    if let [v] = raw.as_slice()
        && matches!(op, "is" | "is-not" | "one-of" | "none-of")
    {
        let positive = matches!(op, "is" | "one-of");
        let yes = match v.to_lowercase().as_str() {
            "yes" | "true" => Some(true),
            "no" | "false" => Some(false),
            _ => None,
        };
        if let Some(yes) = yes {
            let yes = yes == positive;
            let id = format!("{label}-{}", if yes { "yes" } else { "no" });
            if l.has(&id) {
                return Some(l.text(&id));
            }
        }
        // So does a list value that is no value at all: "you have no loyalty level yet", not
        // "your loyalty level is none".
        if matches!(def.value, crate::model::vocab::ValueType::OneOf(_)) {
            let not = if positive { "" } else { "not-" };
            let id = format!("{label}-{not}{}", v.trim().to_lowercase().replace(' ', "-"));
            if id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') && l.has(&id) {
                return Some(l.text(&id));
            }
        }
    }
    // An attribute a language words as a sentence of its own ("you are 18 or older", not "your
    // age is at least 18") has a message named after it, with the same arguments.
    let own = format!("why-{label}");
    let id = if l.has(&own) {
        own.as_str()
    } else {
        "why-attr"
    };
    Some(l.text_with(
        id,
        &[
            ("data", Arg::Text(l.text(&label))),
            (
                "number",
                Arg::Text(l.grammatical_number(&label).to_string()),
            ),
            ("op", Arg::Text(op.to_string())),
            ("value", Arg::Text(l.join_or(&values))),
            ("values", Arg::Text(l.join(&values))),
            ("nor", Arg::Text(l.join_nor(&values))),
        ],
    ))
}

/// A value of a list or country attribute in the visitor's words ("féminin", "la France"),
/// when the locale has them. Anything else is quoted as typed: a code the visitor would not
/// read as a word of their language must at least show as a value.
fn value_words(def: &crate::model::vocab::AttributeDef, v: &str, l: &Locale) -> Option<String> {
    use crate::model::vocab::ValueType;
    let id = match def.value {
        ValueType::Country => format!("country-{}", v.trim().to_ascii_uppercase()),
        ValueType::OneOf(_) => format!(
            "attr-value-{}-{}",
            def.id.replace('_', "-"),
            v.trim().to_lowercase().replace(' ', "-")
        ),
        _ => return None,
    };
    // Only ids made of plain letters, digits and dashes name a message.
    let plain = id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    (plain && l.has(&id)).then(|| l.text(&id))
}

/// What the zone itself draws on, when that is something about the person.
fn draws_on(z: &Zone, l: &Locale) -> Option<String> {
    let key = match z.kind {
        ZoneKind::RecentlyViewed => "why-shows-viewed",
        ZoneKind::PurchaseHistory => "why-shows-bought",
        ZoneKind::SavedItems => "why-shows-saved",
        ZoneKind::ProgressiveForm => "why-shows-form",
        ZoneKind::EmailBlock => "why-shows-email",
        ZoneKind::Recommendations => return picks(z, l),
        ZoneKind::Banner | ZoneKind::Form | ZoneKind::PopUp => return None,
    };
    Some(l.text(key))
}

fn picks(z: &Zone, l: &Locale) -> Option<String> {
    let recipe = z.recipe.as_ref()?;
    let mut from: Vec<String> = Vec::new();
    for i in &recipe.ingredients {
        let key = match i {
            Ingredient::Trending => "why-from-trending",
            Ingredient::ViewedTogether => "why-from-viewed-together",
            Ingredient::BoughtTogether => "why-from-bought-together",
            Ingredient::SimilarItems => "why-from-similar",
            Ingredient::RecentlyViewedItems => "why-from-recently-viewed",
            Ingredient::Replenishment => "why-from-replenishment",
        };
        let text = l.text(key);
        if !from.contains(&text) {
            from.push(text);
        }
    }
    if from.is_empty() {
        return None;
    }
    // Stock is about the catalogue, not the person: not a reason worth a visitor's time.
    let left: Vec<String> = recipe
        .exclusions
        .iter()
        .filter_map(|e| match e {
            Exclusion::AlreadyPurchased => Some(l.text("why-without-purchased")),
            Exclusion::RecentlyViewedItems => Some(l.text("why-without-viewed")),
            Exclusion::OutOfStock => None,
        })
        .collect();
    let sources = Arg::Text(l.join(&from));
    Some(if left.is_empty() {
        l.text_with("why-picks", &[("sources", sources)])
    } else {
        l.text_with(
            "why-picks-without",
            &[("sources", sources), ("left", Arg::Text(l.join(&left)))],
        )
    })
}
