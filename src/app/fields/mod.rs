//! Every editable part of a campaign, as rows of a form. Each row knows how it is edited (text,
//! number, one choice, several choices) and how an edit is applied, so the screens stay generic
//! and nobody ever has to type RON.

mod audience;
mod data;
mod overview;
mod value;
mod zones;

pub use audience::{attribute_mark, condition_fitted, describe_condition};
pub use value::opt_out_text;
pub use zones::booster_text;

use crate::model::vocab::vocab;
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
    /// The catalogue categories the campaign offers.
    About,
    Owner,
    Status,
    Channels,
    Regulated,
    Locales,
    /// When the campaign runs: its start (empty removes the schedule), end and time zone.
    ScheduleStart,
    ScheduleEnd,
    ScheduleZone,
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
    /// What the visitor sees in a zone: the words typed per language, the rest as they are.
    ZoneHeadline(usize),
    ZoneBody(usize),
    ZoneButton(usize),
    ZoneLink(usize),
    ZoneImage(usize),
    ZoneImageAlt(usize),
    ZoneCoupon(usize),
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
    /// The kind of reason of a model's feature, picked from those its attribute accepts.
    ModelFeatureReason(usize, usize),
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
    /// The section whose file shows, edits and applies this field; `None` for notes.
    pub fn section(&self) -> Option<Section> {
        use Field as F;
        Some(match self {
            F::Name
            | F::Objective
            | F::About
            | F::Owner
            | F::Status
            | F::Channels
            | F::Regulated
            | F::Locales
            | F::ScheduleStart
            | F::ScheduleEnd
            | F::ScheduleZone
            | F::ControllerName
            | F::Contact
            | F::SecurityPage
            | F::TechPartner
            | F::Authority
            | F::CustomDisclosure => Section::Overview,
            F::Node(_) => Section::Audience,
            F::ZoneHeader(_)
            | F::ZoneName(_)
            | F::ZoneKind(_)
            | F::ZoneVisibility(_)
            | F::ZonePriority(_)
            | F::ZoneUses(_)
            | F::ZoneRecipe(_)
            | F::ZoneHeadline(_)
            | F::ZoneBody(_)
            | F::ZoneButton(_)
            | F::ZoneLink(_)
            | F::ZoneImage(_)
            | F::ZoneImageAlt(_)
            | F::ZoneCoupon(_)
            | F::RecipeIngredients(_)
            | F::RecipeExclusions(_)
            | F::RecipeBoosters(_) => Section::Zones,
            F::DataHeader(_)
            | F::DataCategory(_)
            | F::DataPurposes(_)
            | F::DataCollected(_)
            | F::DataSource(_)
            | F::DataConsent(_)
            | F::DataBasis(_)
            | F::DataRetention(_)
            | F::Recipient(..)
            | F::ActHeader(_)
            | F::ActDestination(_)
            | F::ActKind(_)
            | F::ActSends(_)
            | F::ModelHeader(_)
            | F::ModelName(_)
            | F::ModelKind(_)
            | F::ModelFeatures(_)
            | F::ModelFeature(..)
            | F::ModelFeatureReason(..) => Section::Data,
            F::Immediate
            | F::Ongoing(_)
            | F::EmailPromise
            | F::LoginBenefit
            | F::OptOut(_)
            | F::EmailPermission => Section::Value,
            F::Note => return None,
        })
    }

    /// Whether the field is text a visitor reads, kept per language.
    pub fn is_typed_text(&self) -> bool {
        matches!(
            self,
            Field::Immediate
                | Field::ZoneHeadline(_)
                | Field::ZoneBody(_)
                | Field::ZoneButton(_)
                | Field::ZoneImageAlt(_)
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

impl Row {
    /// Whether a finding at `location` is about this row: the row's own path or anything below
    /// it. A note row (a heading such as "Who is asking") claims only its own path.
    pub fn covers(&self, location: &str) -> bool {
        match self.field {
            Field::Note => location == self.path,
            _ => location_under(&self.path, location),
        }
    }
}

/// The row a finding at `location` belongs to: the one with the longest path covering it.
pub fn row_for(rows: &[Row], location: &str) -> Option<usize> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| location_under(&r.path, location))
        .max_by_key(|(_, r)| r.path.len())
        .map(|(i, _)| i)
}

/// Where a finding at `location` sits in the form, in the form's own words, for a marketer who
/// never reads the file: "Data collected › Field 2: user.name.first › Consent". `rows` are the
/// rows of `Section::of_location(location)`. A location no row claims is named by its section.
pub fn place_of(rows: &[Row], location: &str) -> String {
    let section = Section::of_location(location);
    let mut parts = vec![section.title().to_string()];
    if let Some(i) = row_for(rows, location) {
        let r = &rows[i];
        // The heading the row sits under ("Field 2: …", "Zone 1: …"), if any. An audience
        // condition says enough by itself: its group's heading is only "All of these (3)".
        let heading = rows[..i]
            .iter()
            .rev()
            .find(|h| h.header && h.indent < r.indent)
            .filter(|_| section != Section::Audience);
        if let Some(h) = heading {
            // A heading's key hint, "(d declares it)", is for the form, not for a place.
            let label = h.label.trim();
            let label = match label.rfind(" (") {
                Some(cut) if label.ends_with(')') => &label[..cut],
                _ => label,
            };
            parts.push(crate::text::truncate(label, PLACE_PART));
        }
        parts.push(crate::text::truncate(r.label.trim(), PLACE_PART));
    }
    parts.join(" › ")
}

/// The longest a part of a finding's place is shown: enough to know the row on sight.
const PLACE_PART: usize = 60;

/// `location` is `path` or below it.
fn location_under(path: &str, location: &str) -> bool {
    location == path
        || location
            .strip_prefix(path)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
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
/// The rows of one section. Typed texts a visitor reads show and edit the `lang` version.
pub fn rows(section: Section, c: &Campaign, lang: &str) -> Vec<Row> {
    let mut out = Vec::new();
    match section {
        Section::Overview => overview::rows(c, lang, &mut out),
        Section::Audience => audience::rows(c, lang, &mut out),
        Section::Zones => zones::rows(c, lang, &mut out),
        Section::Data => data::rows(c, lang, &mut out),
        Section::Value => value::rows(c, lang, &mut out),
    }
    out
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

/// How a row is edited.
pub fn edit_kind(c: &Campaign, f: &Field, lang: &str) -> EditKind {
    match f.section() {
        Some(Section::Overview) => overview::edit_kind(c, f, lang),
        Some(Section::Audience) => audience::edit_kind(c, f, lang),
        Some(Section::Zones) => zones::edit_kind(c, f, lang),
        Some(Section::Data) => data::edit_kind(c, f, lang),
        Some(Section::Value) => value::edit_kind(c, f, lang),
        None => EditKind::None,
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
    match f.section() {
        Some(Section::Overview) => overview::apply(c, f, v, lang),
        Some(Section::Audience) => audience::apply(c, f, v, lang),
        Some(Section::Zones) => zones::apply(c, f, v, lang),
        Some(Section::Data) => data::apply(c, f, v, lang),
        Some(Section::Value) => value::apply(c, f, v, lang),
        None => Err("this row cannot be edited".into()),
    }
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
        | F::ZoneHeadline(i)
        | F::ZoneBody(i)
        | F::ZoneButton(i)
        | F::ZoneLink(i)
        | F::ZoneImage(i)
        | F::ZoneImageAlt(i)
        | F::ZoneCoupon(i)
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
        F::ModelFeature(i, j) | F::ModelFeatureReason(i, j) => Item::Feature(*i, *j),
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
mod tests;

/// The kinds of reason an attribute accepts, or those of every attribute a data category holds
/// (a model feature may name either).
pub fn accepted_reasons(input: &str) -> Vec<&'static crate::model::vocab::ReasonDef> {
    let v = vocab();
    let ids: Vec<&String> = match v.attribute(input) {
        Some(a) => a.reasons.iter().collect(),
        None => v
            .attributes_in(input)
            .flat_map(|a| a.reasons.iter())
            .collect(),
    };
    let mut out: Vec<&crate::model::vocab::ReasonDef> = Vec::new();
    for id in ids {
        if let Some(r) = v.reason(id)
            && !out.iter().any(|o| o.id == r.id)
        {
            out.push(r);
        }
    }
    out
}

/// A reason in words: its kind, then the team's text.
pub fn reason_text(reason: Option<&str>, text: Option<&str>) -> String {
    let kind = reason.map(|r| {
        vocab()
            .reason(r)
            .map_or_else(|| clean(r), |d| d.label.clone())
    });
    let text = text.map(str::trim).filter(|t| !t.is_empty()).map(clean);
    match (kind, text) {
        (Some(k), Some(t)) => format!("{k}: \"{t}\""),
        (Some(k), None) => format!("{k} (not yet explained)"),
        (None, Some(t)) => format!("\"{t}\" (no kind of reason chosen)"),
        (None, None) => "none given".into(),
    }
}

/// A vocabulary name as the marketer reads it: the plain words first, the name in the files
/// only as the dim detail ("Email address", detail "user.contact.email · sensitivity 2").
pub fn display_option(f: &Field, value: String) -> super::PickOption {
    match f {
        Field::DataCategory(_) | Field::ZoneUses(_) | Field::ActSends(_) => category_option(&value),
        Field::DataPurposes(_) => purpose_option(&value),
        _ => super::opt(value, ""),
    }
}

/// The English words of a vocabulary message, as a label: "your email address" reads "Email
/// address".
fn plain_label(message: &str, fallback: &str) -> String {
    let en = crate::disclosure::locale("en").map(|l| l.text(message));
    let words = en
        .filter(|t| !t.is_empty() && t != message)
        .unwrap_or_else(|| fallback.to_string());
    let words = ["your ", "the ", "a ", "an "]
        .iter()
        .find_map(|p| words.strip_prefix(p))
        .unwrap_or(&words)
        .to_string();
    let mut c = words.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A data category for a picker: its plain words, the name and sensitivity as detail.
pub fn category_option(name: &str) -> super::PickOption {
    match vocab().category(name) {
        Some(c) => super::opt(
            plain_label(&c.label, name),
            format!("{} · {name} · sensitivity {}", c.description, c.sensitivity),
        ),
        None => super::opt(clean(name), "not in the vocabulary"),
    }
}

/// A purpose for a picker: what it is for, in words; the name and whether it needs consent as
/// detail.
pub fn purpose_option(name: &str) -> super::PickOption {
    match vocab().data_use(name) {
        Some(u) => super::opt(
            plain_label(&u.label, name),
            format!(
                "{} · {name}{}",
                u.description,
                if u.needs_consent {
                    " · needs consent"
                } else {
                    ""
                }
            ),
        ),
        None => super::opt(clean(name), "not in the vocabulary"),
    }
}
