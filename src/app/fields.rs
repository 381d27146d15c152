//! Every editable part of a campaign, as rows of a form. Each row knows how it is edited (text,
//! number, one choice, several choices) and how an edit is applied, so the screens stay generic
//! and nobody ever has to type RON.

use crate::model::vocab::{AttributeKind, vocab};
use crate::model::*;
use crate::text::clean;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Overview,
    Audience,
    Zones,
    Data,
    Value,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Overview,
        Section::Audience,
        Section::Zones,
        Section::Data,
        Section::Value,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::Overview => "Overview",
            Section::Audience => "Audience",
            Section::Zones => "Zones",
            Section::Data => "Data collected",
            Section::Value => "Value & consent",
        }
    }

    /// The section a finding's location belongs to.
    pub fn of_location(location: &str) -> Section {
        let head = location.split(['.', '[']).next().unwrap_or("");
        match head {
            "audience" => Section::Audience,
            "zones" => Section::Zones,
            "data" | "activations" | "models" => Section::Data,
            "value_exchange" | "consent" => Section::Value,
            _ => Section::Overview,
        }
    }
}

/// What a row edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Name,
    Objective,
    Owner,
    Status,
    Channels,
    Regulated,
    Locales,
    ControllerName,
    Contact,
    SecurityPage,
    TechPartner,
    /// The data-protection authority the notice names; picked from suggestions or typed.
    Authority,
    CustomDisclosure,
    /// A group or condition of the audience, by its position in the tree.
    Node(Vec<usize>),
    ZoneHeader(usize),
    ZoneName(usize),
    ZoneKind(usize),
    ZoneVisibility(usize),
    ZonePriority(usize),
    ZoneUses(usize),
    ZoneRecipe(usize),
    RecipeIngredients(usize),
    RecipeExclusions(usize),
    RecipeBoosters(usize),
    DataHeader(usize),
    DataCategory(usize),
    DataPurposes(usize),
    DataCollected(usize),
    /// Where an imported field comes from.
    DataSource(usize),
    DataConsent(usize),
    DataBasis(usize),
    DataRetention(usize),
    Recipient(usize, usize),
    ActHeader(usize),
    ActDestination(usize),
    ActKind(usize),
    ActSends(usize),
    ModelHeader(usize),
    ModelName(usize),
    ModelKind(usize),
    ModelFeatures(usize),
    /// One feature of a model, whose written reason can be edited.
    ModelFeature(usize, usize),
    Immediate,
    Ongoing(usize),
    EmailPromise,
    LoginBenefit,
    OptOut(usize),
    EmailPermission,
    /// A line that explains; nothing to edit.
    Note,
}

impl Field {
    /// Whether the field is text a visitor reads, kept per language.
    pub fn is_typed_text(&self) -> bool {
        matches!(
            self,
            Field::Immediate
                | Field::Ongoing(_)
                | Field::EmailPromise
                | Field::LoginBenefit
                | Field::CustomDisclosure
        )
    }
}

#[derive(Debug, Clone)]
pub struct Row {
    pub label: String,
    pub value: String,
    pub field: Field,
    /// The campaign path findings use, so a finding can find its row.
    pub path: String,
    pub indent: u16,
    /// A heading row (bold, no value).
    pub header: bool,
    /// A mark readable without colour, such as "PROXY".
    pub mark: Option<&'static str>,
}

fn row(
    label: impl Into<String>,
    value: impl Into<String>,
    field: Field,
    path: impl Into<String>,
) -> Row {
    Row {
        label: label.into(),
        value: value.into(),
        field,
        path: path.into(),
        indent: 0,
        header: false,
        mark: None,
    }
}

fn header(label: impl Into<String>, field: Field, path: impl Into<String>) -> Row {
    Row {
        header: true,
        ..row(label, "", field, path)
    }
}

fn indented(mut r: Row, n: u16) -> Row {
    r.indent = n;
    r
}

/// Adds rows `depth` levels in, each for a part of the campaign under `parent` (a path such as
/// "zones[0]"), so a row names only its own key.
struct Nested<'a> {
    out: &'a mut Vec<Row>,
    depth: u16,
    parent: &'a str,
}

fn nested<'a>(out: &'a mut Vec<Row>, depth: u16, parent: &'a str) -> Nested<'a> {
    Nested { out, depth, parent }
}

impl Nested<'_> {
    fn row(&mut self, label: &str, value: impl Into<String>, field: Field, key: &str) {
        let path = format!("{}.{key}", self.parent);
        self.out
            .push(indented(row(label, value, field, path), self.depth));
    }
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map(clean).unwrap_or_else(|| "—".to_string())
}

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".to_string()
    } else {
        clean(s)
    }
}

pub fn list<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    if items.is_empty() {
        "—".to_string()
    } else {
        items.iter().map(f).collect::<Vec<_>>().join(", ")
    }
}

use crate::text::variant_words as words_of;

pub fn attribute_mark(attribute: &str) -> Option<&'static str> {
    match vocab().attribute(attribute).map(|a| &a.kind) {
        Some(AttributeKind::SpecialCategory(_)) => Some("SPECIAL"),
        Some(AttributeKind::Age) => Some("AGE"),
        Some(AttributeKind::Gender) => Some("GENDER"),
        Some(AttributeKind::Proxy(_)) => Some("PROXY"),
        Some(AttributeKind::Demographic) => Some("DEMOGRAPHIC"),
        _ => None,
    }
}

/// One line describing a condition, in words.
pub fn describe_condition(c: &Condition) -> String {
    match c {
        Condition::All(items) => format!("All of these ({})", items.len()),
        Condition::Any(items) => format!("Any of these ({})", items.len()),
        Condition::Not(_) => "Not:".to_string(),
        Condition::Intent(i) => format!(
            "Did: {} {} {} in the last {} days",
            i.action.verb(),
            if i.target == Target::Anything {
                i.action.anything().to_string()
            } else {
                clean(&i.target.describe())
            },
            i.count.describe(),
            i.within_days
        ),
        Condition::Attribute(a) => {
            let label = vocab()
                .attribute(&a.attribute)
                .map_or_else(|| clean(&a.attribute), |d| d.label.clone());
            let just = if a
                .justification
                .as_deref()
                .is_some_and(|j| !j.trim().is_empty())
            {
                " (reason given)"
            } else {
                ""
            };
            format!(
                "Is: {label} {} \"{}\"{just}",
                a.operator.label(),
                clean(&a.value)
            )
        }
    }
}

fn audience_rows(node: &Condition, tree: Vec<usize>, path: String, depth: u16, out: &mut Vec<Row>) {
    let mut r = indented(
        row(
            describe_condition(node),
            "",
            Field::Node(tree.clone()),
            path.clone(),
        ),
        depth,
    );
    if let Condition::Attribute(a) = node {
        r.mark = attribute_mark(&a.attribute);
    }
    r.header = matches!(
        node,
        Condition::All(_) | Condition::Any(_) | Condition::Not(_)
    );
    out.push(r);
    match node {
        Condition::All(items) | Condition::Any(items) => {
            let key = node.group_key().unwrap_or("all");
            for (i, item) in items.iter().enumerate() {
                let mut t = tree.clone();
                t.push(i);
                audience_rows(item, t, format!("{path}.{key}[{i}]"), depth + 1, out);
            }
        }
        Condition::Not(inner) => {
            let mut t = tree.clone();
            t.push(0);
            audience_rows(inner, t, format!("{path}.not"), depth + 1, out);
        }
        _ => {}
    }
}

/// The rows of one section of the form.
/// A typed text as a row shows it in the language being edited; when that language has no
/// text yet, the first language's is shown beside the name of what is missing.
fn shown(t: Option<&Text>, c: &Campaign, lang: &str) -> String {
    let first = c.first_locale();
    match t.and_then(|t| t.resolve(lang, first)) {
        None => "—".to_string(),
        Some(found) if found.lang == lang => clean(found.text),
        Some(found) => format!("— ({} only: {})", found.lang, clean(found.text)),
    }
}

/// The text written for `lang`, for a prompt to start from.
fn text_in(t: Option<&Text>, c: &Campaign, lang: &str) -> String {
    t.and_then(|t| t.exact(lang, c.first_locale()))
        .unwrap_or("")
        .to_string()
}

/// Writes the `lang` text of an optional typed text; no text left in any language is none.
fn set_text(slot: &mut Option<Text>, first: &str, lang: &str, value: &str) {
    match slot {
        Some(t) => t.set(lang, first, value),
        None => *slot = Some(Text::new_in(lang, first, value)),
    }
    if slot.as_ref().is_some_and(Text::is_blank) {
        *slot = None;
    }
}

/// The rows of one section. Typed texts a visitor reads show and edit the `lang` version.
pub fn rows(section: Section, c: &Campaign, lang: &str) -> Vec<Row> {
    let mut out = Vec::new();
    match section {
        Section::Overview => {
            out.push(row("Name", or_dash(&c.name), Field::Name, "name"));
            out.push(row(
                "Objective",
                or_dash(&c.objective),
                Field::Objective,
                "objective",
            ));
            out.push(row("Owner", or_dash(&c.owner), Field::Owner, "owner"));
            out.push(row("Status", c.status.label(), Field::Status, "status"));
            out.push(row(
                "Channels",
                list(&c.channels, |ch| ch.label().to_string()),
                Field::Channels,
                "channels",
            ));
            let reg = c
                .regulated_category
                .map_or("none".to_string(), |r| words_of(&r));
            out.push(row(
                "Regulated",
                reg,
                Field::Regulated,
                "regulated_category",
            ));
            out.push(row(
                "Languages",
                list(&c.locales, |l| clean(l)),
                Field::Locales,
                "locales",
            ));
            out.push(header("Who is asking", Field::Note, "controller"));
            let mut under = nested(&mut out, 1, "controller");
            under.row(
                "Brand",
                or_dash(&c.controller.name),
                Field::ControllerName,
                "name",
            );
            under.row(
                "Contact",
                or_dash(&c.controller.contact),
                Field::Contact,
                "contact",
            );
            under.row(
                "Security",
                opt(&c.controller.security_page),
                Field::SecurityPage,
                "security_page",
            );
            under.row(
                "Partner",
                opt(&c.controller.technology_partner),
                Field::TechPartner,
                "technology_partner",
            );
            under.row(
                "Authority",
                opt(&c.controller.authority),
                Field::Authority,
                "authority",
            );
            let custom = match &c.custom_disclosure {
                None => "— (Candor writes it)".to_string(),
                Some(_) => crate::text::truncate(&shown(c.custom_disclosure.as_ref(), c, lang), 60),
            };
            out.push(row(
                "Custom notice",
                custom,
                Field::CustomDisclosure,
                "custom_disclosure",
            ));
        }
        Section::Audience => {
            audience_rows(&c.audience, Vec::new(), "audience".to_string(), 0, &mut out);
            if matches!(&c.audience, Condition::All(v) | Condition::Any(v) if v.is_empty()) {
                out.push(indented(
                    row(
                        "Everyone sees this campaign. Press i to target by intent.",
                        "",
                        Field::Note,
                        "audience",
                    ),
                    1,
                ));
            }
        }
        Section::Zones => {
            if c.zones.is_empty() {
                out.push(row(
                    "No content zones yet. Press a to add one.",
                    "",
                    Field::Note,
                    "zones",
                ));
            }
            for (i, z) in c.zones.iter().enumerate() {
                let p = format!("zones[{i}]");
                out.push(header(
                    format!("Zone {}: {}", i + 1, clean(&z.name)),
                    Field::ZoneHeader(i),
                    p.clone(),
                ));
                let mut under = nested(&mut out, 1, &p);
                under.row("Name", or_dash(&z.name), Field::ZoneName(i), "name");
                under.row("Kind", z.kind.label(), Field::ZoneKind(i), "kind");
                under.row(
                    "Shown to",
                    z.visibility.label(),
                    Field::ZoneVisibility(i),
                    "visibility",
                );
                under.row(
                    "Priority",
                    z.priority.to_string(),
                    Field::ZonePriority(i),
                    "priority",
                );
                under.row(
                    "Also reads",
                    list(&z.uses, |u| clean(u)),
                    Field::ZoneUses(i),
                    "uses",
                );
                let recipe = if z.recipe.is_some() { "yes" } else { "none" };
                nested(&mut out, 1, &p).row("Recipe", recipe, Field::ZoneRecipe(i), "recipe");
                if let Some(r) = &z.recipe {
                    let mut under = nested(&mut out, 2, &p);
                    under.row(
                        "Made from",
                        list(&r.ingredients, words_of),
                        Field::RecipeIngredients(i),
                        "recipe.ingredients",
                    );
                    under.row(
                        "Leave out",
                        list(&r.exclusions, words_of),
                        Field::RecipeExclusions(i),
                        "recipe.exclusions",
                    );
                    under.row(
                        "Boost",
                        list(&r.boosters, booster_text),
                        Field::RecipeBoosters(i),
                        "recipe.boosters",
                    );
                }
            }
        }
        Section::Data => {
            // What the campaign reads without declaring it comes first: it is what the notice
            // cannot explain yet. Each row sits at the finding's location, so it carries its mark.
            let map = crate::model::data_map(c);
            let undeclared: Vec<_> = map.undeclared(c).collect();
            if c.data.is_empty() && undeclared.is_empty() {
                out.push(row(
                    "Nothing is collected or read. Press a to declare a field.",
                    "",
                    Field::Note,
                    "data",
                ));
            }
            if !undeclared.is_empty() {
                out.push(header(
                    "Read, not declared (d in Findings)",
                    Field::Note,
                    "data",
                ));
                for u in undeclared {
                    let Some(first) = u.places.first() else {
                        continue;
                    };
                    let more = match u.places.len() {
                        1 => String::new(),
                        n => format!(" +{} more", n - 1),
                    };
                    // In words first, as the notice says it; the place after.
                    let words = crate::disclosure::locale("en")
                        .zip(vocab().category(&u.category))
                        .map_or_else(|| clean(&u.category), |(l, d)| l.text(&d.label));
                    out.push(indented(
                        row(
                            format!("{words}: {}{more}", first.what),
                            "",
                            Field::Note,
                            first.path.clone(),
                        ),
                        1,
                    ));
                }
            }
            for (i, d) in c.data.iter().enumerate() {
                let p = format!("data[{i}]");
                out.push(header(
                    format!("Field {}: {}", i + 1, clean(&d.category)),
                    Field::DataHeader(i),
                    p.clone(),
                ));
                let mut under = nested(&mut out, 1, &p);
                under.row(
                    "Category",
                    clean(&d.category),
                    Field::DataCategory(i),
                    "category",
                );
                under.row(
                    "Purposes",
                    list(&d.purposes, |u| clean(u)),
                    Field::DataPurposes(i),
                    "purposes",
                );
                under.row(
                    "Collected by",
                    words_of(&d.collected_by),
                    Field::DataCollected(i),
                    "collected_by",
                );
                if d.collected_by == Collection::Import || d.source.is_some() {
                    under.row("Comes from", opt(&d.source), Field::DataSource(i), "source");
                }
                under.row(
                    "Consent",
                    words_of(&d.consent),
                    Field::DataConsent(i),
                    "consent",
                );
                under.row(
                    "Legal basis",
                    words_of(&d.legal_basis),
                    Field::DataBasis(i),
                    "legal_basis",
                );
                under.row(
                    "Kept (days)",
                    d.retention_days.to_string(),
                    Field::DataRetention(i),
                    "retention_days",
                );
                for (j, r) in d.recipients.iter().enumerate() {
                    let value = format!("{} ({})", clean(&r.name), words_of(&r.kind));
                    let key = format!("recipients[{j}]");
                    nested(&mut out, 1, &p).row("Recipient", value, Field::Recipient(i, j), &key);
                }
            }
            for (i, a) in c.activations.iter().enumerate() {
                let p = format!("activations[{i}]");
                out.push(header(
                    format!("Activation {}: sends to {}", i + 1, clean(&a.destination)),
                    Field::ActHeader(i),
                    p.clone(),
                ));
                let mut under = nested(&mut out, 1, &p);
                under.row(
                    "Destination",
                    or_dash(&a.destination),
                    Field::ActDestination(i),
                    "destination",
                );
                under.row("Kind", words_of(&a.kind), Field::ActKind(i), "kind");
                under.row(
                    "Sends",
                    list(&a.sends, |s| clean(s)),
                    Field::ActSends(i),
                    "sends",
                );
            }
            for (i, m) in c.models.iter().enumerate() {
                let p = format!("models[{i}]");
                out.push(header(
                    format!("Model {}: {}", i + 1, clean(&m.name)),
                    Field::ModelHeader(i),
                    p.clone(),
                ));
                let mut under = nested(&mut out, 1, &p);
                under.row("Name", or_dash(&m.name), Field::ModelName(i), "name");
                under.row("Kind", words_of(&m.kind), Field::ModelKind(i), "kind");
                under.row(
                    "Features",
                    list(&m.features, |f| clean(&f.input)),
                    Field::ModelFeatures(i),
                    "features",
                );
                for (j, f) in m.features.iter().enumerate() {
                    let reason = match f.justification.as_deref().filter(|r| !r.trim().is_empty()) {
                        Some(r) => format!("{}: \"{}\"", clean(&f.input), clean(r)),
                        None => format!("{} (no reason written)", clean(&f.input)),
                    };
                    let mut r = row(
                        "Reason",
                        reason,
                        Field::ModelFeature(i, j),
                        format!("{p}.features[{j}].input"),
                    );
                    r.mark = attribute_mark(&f.input);
                    out.push(indented(r, 2));
                }
            }
        }
        Section::Value => {
            let ve = &c.value_exchange;
            out.push(header(
                "What the customer gets",
                Field::Note,
                "value_exchange",
            ));
            nested(&mut out, 1, "value_exchange").row(
                "Right away",
                shown(ve.immediate.as_ref(), c, lang),
                Field::Immediate,
                "immediate",
            );
            for (i, b) in ve.ongoing.iter().enumerate() {
                let key = format!("ongoing[{i}]");
                nested(&mut out, 1, "value_exchange").row(
                    "Over time",
                    shown(Some(b), c, lang),
                    Field::Ongoing(i),
                    &key,
                );
            }
            let mut under = nested(&mut out, 1, "value_exchange");
            under.row(
                "By email",
                shown(ve.email_promise.as_ref(), c, lang),
                Field::EmailPromise,
                "email_promise",
            );
            under.row(
                "If logged in",
                shown(ve.login_benefit.as_ref(), c, lang),
                Field::LoginBenefit,
                "login_benefit",
            );
            out.push(header("Consent and choice", Field::Note, "consent"));
            for (i, o) in c.consent.opt_out.iter().enumerate() {
                let key = format!("opt_out[{i}]");
                nested(&mut out, 1, "consent").row(
                    "Opt-out",
                    opt_out_text(o),
                    Field::OptOut(i),
                    &key,
                );
            }
            if c.consent.opt_out.is_empty() {
                nested(&mut out, 1, "consent").row(
                    "Opt-out",
                    "none (press a to add one)",
                    Field::Note,
                    "opt_out",
                );
            }
            let perm = c
                .consent
                .email_permission
                .map_or("not required".to_string(), |p| words_of(&p));
            nested(&mut out, 1, "consent").row(
                "Email opt-in",
                perm,
                Field::EmailPermission,
                "email_permission",
            );
        }
    }
    out
}

pub fn booster_text(b: &Booster) -> String {
    match b {
        Booster::Category(v) => format!("category: {}", clean(v)),
        Booster::Brand(v) => format!("brand: {}", clean(v)),
        Booster::NewArrivals => "new arrivals".into(),
        Booster::OnSale => "on sale".into(),
    }
}

fn parse_boosters(s: &str) -> Result<Vec<Booster>, String> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lower = p.to_lowercase();
            if lower == "new arrivals" {
                Ok(Booster::NewArrivals)
            } else if lower == "on sale" {
                Ok(Booster::OnSale)
            } else if let Some(v) = lower.strip_prefix("category:") {
                Ok(Booster::Category(p[p.len() - v.len()..].trim().to_string()))
            } else if let Some(v) = lower.strip_prefix("brand:") {
                Ok(Booster::Brand(p[p.len() - v.len()..].trim().to_string()))
            } else {
                Err(format!("\"{}\" is not a booster: write new arrivals, on sale, category: NAME or brand: NAME", clean(p)))
            }
        })
        .collect()
}

pub fn opt_out_text(o: &OptOut) -> String {
    match o {
        OptOut::Link(u) => format!("link {}", clean(u)),
        OptOut::PreferenceCentre(u) => format!("preference centre {}", clean(u)),
        OptOut::ReplyStop => "reply STOP".into(),
        OptOut::AccountSettings => "account settings".into(),
    }
}

/// How a field is edited.
#[derive(Debug, Clone, PartialEq)]
pub enum EditKind {
    Text {
        value: String,
        optional: bool,
        hint: &'static str,
    },
    Number {
        value: u32,
        min: u32,
        max: u32,
    },
    Choice {
        options: Vec<String>,
        selected: usize,
    },
    Multi {
        options: Vec<String>,
        checked: Vec<bool>,
    },
    /// Audience conditions and some list items are edited by a wizard instead.
    Wizard,
    None,
}

/// A value coming back from an editor.
#[derive(Debug, Clone, PartialEq)]
pub enum EditValue {
    Text(String),
    Index(usize),
    Flags(Vec<bool>),
}

fn choice<T: PartialEq + Copy>(all: &[T], current: T, label: impl Fn(T) -> String) -> EditKind {
    EditKind::Choice {
        options: all.iter().map(|v| label(*v)).collect(),
        selected: all.iter().position(|v| *v == current).unwrap_or(0),
    }
}

fn multi(options: Vec<String>, chosen: &[String]) -> EditKind {
    let checked = options.iter().map(|o| chosen.contains(o)).collect();
    EditKind::Multi { options, checked }
}

fn text(value: &str, optional: bool, hint: &'static str) -> EditKind {
    EditKind::Text {
        value: value.to_string(),
        optional,
        hint,
    }
}

fn opt_text(value: &Option<String>, hint: &'static str) -> EditKind {
    text(value.as_deref().unwrap_or(""), true, hint)
}

fn categories() -> Vec<String> {
    vocab().categories.iter().map(|c| c.name.clone()).collect()
}

pub const REGULATED: [Option<RegulatedCategory>; 4] = [
    None,
    Some(RegulatedCategory::Housing),
    Some(RegulatedCategory::Employment),
    Some(RegulatedCategory::CreditFinancial),
];
pub const PERMISSIONS: [Option<EmailPermission>; 5] = [
    None,
    Some(EmailPermission::ExplicitOptIn),
    Some(EmailPermission::DoubleOptIn),
    Some(EmailPermission::SoftOptIn),
    Some(EmailPermission::NotAsked),
];

pub fn edit_kind(c: &Campaign, f: &Field, lang: &str) -> EditKind {
    let v = vocab();
    match f {
        Field::Name => text(&c.name, false, "what colleagues will call it"),
        Field::Objective => text(&c.objective, true, "what the campaign is for, in one line"),
        Field::Owner => text(&c.owner, true, "who answers for it"),
        Field::Status => choice(&Status::ALL, c.status, |s| s.label().to_string()),
        Field::Channels => EditKind::Multi {
            options: Channel::ALL
                .iter()
                .map(|ch| ch.label().to_string())
                .collect(),
            checked: Channel::ALL
                .iter()
                .map(|ch| c.channels.contains(ch))
                .collect(),
        },
        Field::Regulated => choice(&REGULATED, c.regulated_category, |r| {
            r.map_or("none".into(), |r| words_of(&r))
        }),
        Field::Locales => {
            let codes: Vec<String> = crate::model::vocab::LOCALE_CODES
                .iter()
                .map(|s| s.to_string())
                .collect();
            multi(codes, &c.locales)
        }
        Field::ControllerName => text(
            &c.controller.name,
            false,
            "the brand the visitor deals with",
        ),
        Field::Contact => text(
            &c.controller.contact,
            false,
            "an email address or web page for data questions",
        ),
        Field::SecurityPage => opt_text(
            &c.controller.security_page,
            "a page explaining how data is protected",
        ),
        Field::TechPartner => opt_text(
            &c.controller.technology_partner,
            "the company that runs the personalization",
        ),
        Field::Authority => opt_text(
            &c.controller.authority,
            "the authority a visitor can complain to, and its web address",
        ),
        Field::DataSource(i) => opt_text(
            &c.data[*i].source,
            "where the data comes from, as a visitor should read it",
        ),
        Field::CustomDisclosure => text(
            &text_in(c.custom_disclosure.as_ref(), c, lang),
            true,
            "replaces the generated notice; leave empty to let Candor write it",
        ),
        Field::Node(_) => EditKind::Wizard,
        Field::ZoneName(i) => text(
            &c.zones[*i].name,
            false,
            "a name for this place on the page",
        ),
        Field::ZoneKind(i) => choice(&ZoneKind::ALL, c.zones[*i].kind, |k| k.label().to_string()),
        Field::ZoneVisibility(i) => choice(&Visibility::ALL, c.zones[*i].visibility, |k| {
            k.label().to_string()
        }),
        Field::ZonePriority(i) => EditKind::Number {
            value: c.zones[*i].priority,
            min: 0,
            max: 1000,
        },
        Field::ZoneUses(i) => multi(categories(), &c.zones[*i].uses),
        Field::ZoneRecipe(i) => EditKind::Choice {
            options: vec!["none".into(), "yes".into()],
            selected: usize::from(c.zones[*i].recipe.is_some()),
        },
        Field::RecipeIngredients(i) => {
            let r = c.zones[*i].recipe.as_ref();
            EditKind::Multi {
                options: Ingredient::ALL.iter().map(words_of).collect(),
                checked: Ingredient::ALL
                    .iter()
                    .map(|x| r.is_some_and(|r| r.ingredients.contains(x)))
                    .collect(),
            }
        }
        Field::RecipeExclusions(i) => {
            let r = c.zones[*i].recipe.as_ref();
            EditKind::Multi {
                options: Exclusion::ALL.iter().map(words_of).collect(),
                checked: Exclusion::ALL
                    .iter()
                    .map(|x| r.is_some_and(|r| r.exclusions.contains(x)))
                    .collect(),
            }
        }
        Field::RecipeBoosters(i) => {
            let value = c.zones[*i].recipe.as_ref().map(|r| {
                r.boosters
                    .iter()
                    .map(booster_text)
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            text(
                &value.unwrap_or_default(),
                true,
                "e.g. new arrivals, on sale, category: skincare, brand: Lumen",
            )
        }
        Field::DataCategory(i) => {
            let all = categories();
            let selected = all
                .iter()
                .position(|x| *x == c.data[*i].category)
                .unwrap_or(0);
            EditKind::Choice {
                options: all,
                selected,
            }
        }
        Field::DataPurposes(i) => multi(
            v.uses.iter().map(|u| u.name.clone()).collect(),
            &c.data[*i].purposes,
        ),
        Field::DataCollected(i) => {
            choice(&Collection::ALL, c.data[*i].collected_by, |x| words_of(&x))
        }
        Field::DataConsent(i) => choice(&ConsentMoment::ALL, c.data[*i].consent, |x| words_of(&x)),
        Field::DataBasis(i) => choice(&LegalBasis::ALL, c.data[*i].legal_basis, |x| words_of(&x)),
        Field::DataRetention(i) => EditKind::Number {
            value: c.data[*i].retention_days,
            min: 0,
            max: 36_500,
        },
        Field::Recipient(..) => EditKind::Wizard,
        Field::ActDestination(i) => text(
            &c.activations[*i].destination,
            false,
            "the platform or company the data goes to",
        ),
        Field::ActKind(i) => choice(&RecipientKind::ALL, c.activations[*i].kind, |x| {
            words_of(&x)
        }),
        Field::ActSends(i) => multi(categories(), &c.activations[*i].sends),
        Field::ModelName(i) => text(&c.models[*i].name, false, "what the score is called"),
        Field::ModelKind(i) => choice(
            &[
                ModelKind::Propensity,
                ModelKind::Affinity,
                ModelKind::Lookalike,
            ],
            c.models[*i].kind,
            |x| words_of(&x),
        ),
        Field::ModelFeatures(i) => {
            let mut options: Vec<String> = v.attributes.iter().map(|a| a.id.clone()).collect();
            options.extend(
                categories()
                    .into_iter()
                    .filter(|c| c.starts_with("user.behavior")),
            );
            let chosen: Vec<String> = c.models[*i]
                .features
                .iter()
                .map(|f| f.input.clone())
                .collect();
            multi(options, &chosen)
        }
        Field::ModelFeature(i, j) => opt_text(
            &c.models[*i].features[*j].justification,
            "why the model needs this input; 4 words or more lower a proxy or age finding to a note (never a special category)",
        ),
        Field::Immediate => text(
            &text_in(c.value_exchange.immediate.as_ref(), c, lang),
            true,
            "what the customer gets right away",
        ),
        Field::Ongoing(i) => text(
            &text_in(Some(&c.value_exchange.ongoing[*i]), c, lang),
            true,
            "a benefit over time; empty in every language removes it",
        ),
        Field::EmailPromise => text(
            &text_in(c.value_exchange.email_promise.as_ref(), c, lang),
            true,
            "what subscribers will receive, and how often",
        ),
        Field::LoginBenefit => text(
            &text_in(c.value_exchange.login_benefit.as_ref(), c, lang),
            true,
            "why logging in is worth it",
        ),
        Field::OptOut(i) => match &c.consent.opt_out[*i] {
            OptOut::Link(u) | OptOut::PreferenceCentre(u) => text(u, false, "the web address"),
            _ => EditKind::None,
        },
        Field::EmailPermission => choice(&PERMISSIONS, c.consent.email_permission, |p| {
            p.map_or("not required".into(), |p| words_of(&p))
        }),
        _ => EditKind::None,
    }
}

fn set_opt(slot: &mut Option<String>, s: String) {
    *slot = if s.trim().is_empty() {
        None
    } else {
        Some(s.trim().to_string())
    };
}

/// The trimmed text, or an error naming what may not be left empty.
pub(super) fn required(s: String, what: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        Err(format!("{what} cannot be empty"))
    } else {
        Ok(s.trim().to_string())
    }
}

/// The entry of `all` a picker chose.
pub(super) fn picked<T: Clone>(all: &[T], v: &EditValue) -> Result<T, String> {
    match v {
        EditValue::Index(i) => all
            .get(*i)
            .cloned()
            .ok_or_else(|| "no such choice".to_string()),
        _ => Err("expected a choice".into()),
    }
}

/// The entries of `all` a checklist ticked.
pub(super) fn flags<T: Clone>(all: &[T], v: &EditValue) -> Result<Vec<T>, String> {
    match v {
        EditValue::Flags(f) => Ok(all
            .iter()
            .zip(f)
            .filter(|(_, on)| **on)
            .map(|(x, _)| x.clone())
            .collect()),
        _ => Err("expected a selection".into()),
    }
}

fn text_of(v: EditValue) -> Result<String, String> {
    match v {
        EditValue::Text(t) => Ok(t),
        _ => Err("expected text".into()),
    }
}

fn number_of(v: EditValue) -> Result<u32, String> {
    text_of(v)?
        .trim()
        .parse::<u32>()
        .map_err(|_| "enter a whole number".to_string())
}

/// Applies an edit. Errors say what is wrong, in words, and leave the campaign unchanged.
pub fn apply(c: &mut Campaign, f: &Field, v: EditValue, lang: &str) -> Result<(), String> {
    let cats = categories();
    match f {
        Field::Name => c.name = required(text_of(v)?, "the name")?,
        Field::Objective => c.objective = text_of(v)?.trim().to_string(),
        Field::Owner => c.owner = text_of(v)?.trim().to_string(),
        Field::Status => c.status = picked(&Status::ALL, &v)?,
        Field::Channels => {
            let chosen = flags(&Channel::ALL, &v)?;
            if chosen.is_empty() {
                return Err("choose at least one channel".into());
            }
            c.channels = chosen;
        }
        Field::Regulated => c.regulated_category = picked(&REGULATED, &v)?,
        Field::Locales => {
            let codes: Vec<String> = crate::model::vocab::LOCALE_CODES
                .iter()
                .map(|s| s.to_string())
                .collect();
            let chosen = flags(&codes, &v)?;
            if chosen.is_empty() {
                return Err("choose at least one language for the disclosure".into());
            }
            c.locales = chosen;
        }
        Field::ControllerName => c.controller.name = required(text_of(v)?, "the brand")?,
        Field::Contact => c.controller.contact = required(text_of(v)?, "the privacy contact")?,
        Field::SecurityPage => set_opt(&mut c.controller.security_page, text_of(v)?),
        Field::TechPartner => set_opt(&mut c.controller.technology_partner, text_of(v)?),
        Field::Authority => set_opt(&mut c.controller.authority, text_of(v)?),
        Field::DataSource(i) => set_opt(&mut c.data[*i].source, text_of(v)?),
        Field::CustomDisclosure => {
            let first = c.first_locale().to_string();
            set_text(&mut c.custom_disclosure, &first, lang, &text_of(v)?)
        }
        Field::ZoneName(i) => c.zones[*i].name = required(text_of(v)?, "the zone name")?,
        Field::ZoneKind(i) => c.zones[*i].kind = picked(&ZoneKind::ALL, &v)?,
        Field::ZoneVisibility(i) => c.zones[*i].visibility = picked(&Visibility::ALL, &v)?,
        Field::ZonePriority(i) => c.zones[*i].priority = in_range(number_of(v)?, 0, 1000)?,
        Field::ZoneUses(i) => c.zones[*i].uses = flags(&cats, &v)?,
        Field::ZoneRecipe(i) => {
            let on = picked(&[false, true], &v)?;
            let z = &mut c.zones[*i];
            if on && z.recipe.is_none() {
                z.recipe = Some(Recipe {
                    ingredients: vec![Ingredient::ViewedTogether],
                    exclusions: vec![Exclusion::AlreadyPurchased, Exclusion::OutOfStock],
                    boosters: Vec::new(),
                });
            } else if !on {
                z.recipe = None;
            }
        }
        Field::RecipeIngredients(i) => {
            let chosen = flags(&Ingredient::ALL, &v)?;
            if chosen.is_empty() {
                return Err("a recipe needs at least one ingredient".into());
            }
            recipe(c, *i)?.ingredients = chosen;
        }
        Field::RecipeExclusions(i) => recipe(c, *i)?.exclusions = flags(&Exclusion::ALL, &v)?,
        Field::RecipeBoosters(i) => {
            let b = parse_boosters(&text_of(v)?)?;
            recipe(c, *i)?.boosters = b;
        }
        Field::DataCategory(i) => {
            c.data[*i].category =
                picked(&cats.iter().map(String::as_str).collect::<Vec<_>>(), &v)?.to_string()
        }
        Field::DataPurposes(i) => {
            let uses: Vec<String> = vocab().uses.iter().map(|u| u.name.clone()).collect();
            c.data[*i].purposes = flags(&uses, &v)?;
        }
        Field::DataCollected(i) => c.data[*i].collected_by = picked(&Collection::ALL, &v)?,
        Field::DataConsent(i) => c.data[*i].consent = picked(&ConsentMoment::ALL, &v)?,
        Field::DataBasis(i) => c.data[*i].legal_basis = picked(&LegalBasis::ALL, &v)?,
        Field::DataRetention(i) => c.data[*i].retention_days = in_range(number_of(v)?, 0, 36_500)?,
        Field::ActDestination(i) => {
            c.activations[*i].destination = required(text_of(v)?, "the destination")?
        }
        Field::ActKind(i) => c.activations[*i].kind = picked(&RecipientKind::ALL, &v)?,
        Field::ActSends(i) => c.activations[*i].sends = flags(&cats, &v)?,
        Field::ModelName(i) => c.models[*i].name = required(text_of(v)?, "the model name")?,
        Field::ModelKind(i) => {
            c.models[*i].kind = picked(
                &[
                    ModelKind::Propensity,
                    ModelKind::Affinity,
                    ModelKind::Lookalike,
                ],
                &v,
            )?
        }
        Field::ModelFeatures(i) => {
            let mut options: Vec<String> =
                vocab().attributes.iter().map(|a| a.id.clone()).collect();
            options.extend(cats.into_iter().filter(|c| c.starts_with("user.behavior")));
            let chosen = flags(&options, &v)?;
            let old = std::mem::take(&mut c.models[*i].features);
            c.models[*i].features = chosen
                .into_iter()
                .map(|input| {
                    let justification = old
                        .iter()
                        .find(|f| f.input == input)
                        .and_then(|f| f.justification.clone());
                    Feature {
                        input,
                        justification,
                    }
                })
                .collect();
        }
        Field::ModelFeature(i, j) => {
            set_opt(&mut c.models[*i].features[*j].justification, text_of(v)?)
        }
        Field::Immediate => {
            let first = c.first_locale().to_string();
            set_text(&mut c.value_exchange.immediate, &first, lang, &text_of(v)?)
        }
        Field::Ongoing(i) => {
            let first = c.first_locale().to_string();
            let mut slot = Some(c.value_exchange.ongoing[*i].clone());
            set_text(&mut slot, &first, lang, &text_of(v)?);
            match slot {
                Some(t) => c.value_exchange.ongoing[*i] = t,
                None => {
                    c.value_exchange.ongoing.remove(*i);
                }
            }
        }
        Field::EmailPromise => {
            let first = c.first_locale().to_string();
            set_text(
                &mut c.value_exchange.email_promise,
                &first,
                lang,
                &text_of(v)?,
            )
        }
        Field::LoginBenefit => {
            let first = c.first_locale().to_string();
            set_text(
                &mut c.value_exchange.login_benefit,
                &first,
                lang,
                &text_of(v)?,
            )
        }
        Field::OptOut(i) => {
            let url = required(text_of(v)?, "the address")?;
            match &mut c.consent.opt_out[*i] {
                OptOut::Link(u) | OptOut::PreferenceCentre(u) => *u = url,
                _ => {}
            }
        }
        Field::EmailPermission => c.consent.email_permission = picked(&PERMISSIONS, &v)?,
        _ => return Err("this row cannot be edited".into()),
    }
    Ok(())
}

fn recipe(c: &mut Campaign, i: usize) -> Result<&mut Recipe, String> {
    c.zones[i]
        .recipe
        .as_mut()
        .ok_or_else(|| "this zone has no recipe; set Recipe to yes first".to_string())
}

fn in_range(n: u32, min: u32, max: u32) -> Result<u32, String> {
    if (min..=max).contains(&n) {
        Ok(n)
    } else {
        Err(format!("enter a number from {min} to {max}"))
    }
}

/// The list item a row belongs to, for add, delete and move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Zone(usize),
    Data(usize),
    Recipient(usize, usize),
    Activation(usize),
    Model(usize),
    Feature(usize, usize),
    Ongoing(usize),
    OptOut(usize),
}

pub fn item_of(f: &Field) -> Option<Item> {
    use Field as F;
    Some(match f {
        F::ZoneHeader(i)
        | F::ZoneName(i)
        | F::ZoneKind(i)
        | F::ZoneVisibility(i)
        | F::ZonePriority(i)
        | F::ZoneUses(i)
        | F::ZoneRecipe(i)
        | F::RecipeIngredients(i)
        | F::RecipeExclusions(i)
        | F::RecipeBoosters(i) => Item::Zone(*i),
        F::DataHeader(i)
        | F::DataCategory(i)
        | F::DataPurposes(i)
        | F::DataCollected(i)
        | F::DataSource(i)
        | F::DataConsent(i)
        | F::DataBasis(i)
        | F::DataRetention(i) => Item::Data(*i),
        F::Recipient(i, j) => Item::Recipient(*i, *j),
        F::ActHeader(i) | F::ActDestination(i) | F::ActKind(i) | F::ActSends(i) => {
            Item::Activation(*i)
        }
        F::ModelFeature(i, j) => Item::Feature(*i, *j),
        F::ModelHeader(i) | F::ModelName(i) | F::ModelKind(i) | F::ModelFeatures(i) => {
            Item::Model(*i)
        }
        F::Ongoing(i) => Item::Ongoing(*i),
        F::OptOut(i) => Item::OptOut(*i),
        _ => return None,
    })
}

fn swap_in<T>(v: &mut [T], i: usize, up: bool) -> Option<usize> {
    let j = if up { i.checked_sub(1)? } else { i + 1 };
    if j >= v.len() {
        return None;
    }
    v.swap(i, j);
    Some(j)
}

/// Removes an item. Returns a description for the status line.
pub fn remove(c: &mut Campaign, item: Item) -> String {
    match item {
        Item::Zone(i) => format!("Deleted zone \"{}\"", clean(&c.zones.remove(i).name)),
        Item::Data(i) => format!("Deleted field {}", clean(&c.data.remove(i).category)),
        Item::Recipient(i, j) => format!(
            "Removed recipient {}",
            clean(&c.data[i].recipients.remove(j).name)
        ),
        Item::Activation(i) => format!(
            "Deleted activation to {}",
            clean(&c.activations.remove(i).destination)
        ),
        Item::Model(i) => format!("Deleted model \"{}\"", clean(&c.models.remove(i).name)),
        Item::Feature(i, j) => format!(
            "Removed feature {}",
            clean(&c.models[i].features.remove(j).input)
        ),
        Item::Ongoing(i) => {
            c.value_exchange.ongoing.remove(i);
            "Removed the benefit".into()
        }
        Item::OptOut(i) => format!(
            "Removed opt-out: {}",
            opt_out_text(&c.consent.opt_out.remove(i))
        ),
    }
}

/// Moves an item up or down in its list. Returns its new place, or None at an end.
pub fn move_item(c: &mut Campaign, item: Item, up: bool) -> Option<Item> {
    Some(match item {
        Item::Zone(i) => Item::Zone(swap_in(&mut c.zones, i, up)?),
        Item::Data(i) => Item::Data(swap_in(&mut c.data, i, up)?),
        Item::Recipient(i, j) => Item::Recipient(i, swap_in(&mut c.data[i].recipients, j, up)?),
        Item::Activation(i) => Item::Activation(swap_in(&mut c.activations, i, up)?),
        Item::Model(i) => Item::Model(swap_in(&mut c.models, i, up)?),
        Item::Feature(i, j) => Item::Feature(i, swap_in(&mut c.models[i].features, j, up)?),
        Item::Ongoing(i) => Item::Ongoing(swap_in(&mut c.value_exchange.ongoing, i, up)?),
        Item::OptOut(i) => Item::OptOut(swap_in(&mut c.consent.opt_out, i, up)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Campaign {
        let text = crate::samples::SAMPLES
            .iter()
            .find(|s| s.0 == "welcome-email.ron")
            .unwrap()
            .1;
        crate::model::ron_io::load_str("x", text).unwrap().campaign
    }

    #[test]
    fn every_row_of_every_section_has_an_editor_or_is_a_note() {
        let c = sample();
        for s in Section::ALL {
            for r in rows(s, &c, "en") {
                let k = edit_kind(&c, &r.field, "en");
                if k == EditKind::None {
                    assert!(
                        matches!(
                            r.field,
                            Field::Note
                                | Field::ZoneHeader(_)
                                | Field::DataHeader(_)
                                | Field::ActHeader(_)
                                | Field::ModelHeader(_)
                                | Field::OptOut(_)
                        ),
                        "{:?} has no editor",
                        r.field
                    );
                }
            }
        }
    }

    #[test]
    fn edits_apply_and_bad_values_are_refused_without_change() {
        let mut c = sample();
        apply(
            &mut c,
            &Field::DataRetention(0),
            EditValue::Text("90".into()),
            "en",
        )
        .unwrap();
        assert_eq!(c.data[0].retention_days, 90);
        let before = c.clone();
        assert!(
            apply(
                &mut c,
                &Field::DataRetention(0),
                EditValue::Text("ninety".into()),
                "en"
            )
            .is_err()
        );
        assert!(apply(&mut c, &Field::Name, EditValue::Text("  ".into()), "en").is_err());
        assert!(
            apply(
                &mut c,
                &Field::Channels,
                EditValue::Flags(vec![false; 4]),
                "en"
            )
            .is_err()
        );
        assert_eq!(c, before);
        apply(&mut c, &Field::ZoneRecipe(0), EditValue::Index(1), "en").unwrap();
        apply(
            &mut c,
            &Field::RecipeBoosters(0),
            EditValue::Text("on sale, category: Skin Care".into()),
            "en",
        )
        .unwrap();
        assert_eq!(
            c.zones[0].recipe.as_ref().unwrap().boosters,
            vec![Booster::OnSale, Booster::Category("Skin Care".into())]
        );
        assert!(
            apply(
                &mut c,
                &Field::RecipeBoosters(0),
                EditValue::Text("cheap stuff".into()),
                "en"
            )
            .is_err()
        );
    }

    #[test]
    fn a_model_feature_reason_can_be_written_and_lowers_the_proxy_finding() {
        let mut c = sample();
        c.models.push(PredictiveModel {
            name: "Store visits".into(),
            kind: ModelKind::Propensity,
            features: vec![Feature {
                input: "postal_code".into(),
                justification: None,
            }],
        });
        let sev = |c: &Campaign| {
            crate::checks::check(c)
                .into_iter()
                .find(|f| f.rule == "proxy-attribute")
                .map(|f| f.severity)
        };
        assert_eq!(sev(&c), Some(crate::checks::Severity::Warning));
        let row = rows(Section::Data, &c, "en")
            .into_iter()
            .find(|r| r.field == Field::ModelFeature(0, 0))
            .unwrap();
        assert_eq!(row.mark, Some("PROXY"));
        apply(
            &mut c,
            &Field::ModelFeature(0, 0),
            EditValue::Text("Finds the store nearest to the customer".into()),
            "en",
        )
        .unwrap();
        assert_eq!(sev(&c), Some(crate::checks::Severity::Info));
    }

    #[test]
    fn sections_of_locations() {
        assert_eq!(
            Section::of_location("audience.all[1].attribute"),
            Section::Audience
        );
        assert_eq!(
            Section::of_location("activations[0].sends[1]"),
            Section::Data
        );
        assert_eq!(Section::of_location("consent.opt_out"), Section::Value);
        assert_eq!(Section::of_location("locales[0]"), Section::Overview);
    }
}
