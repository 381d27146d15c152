//! A population held in memory, column by column: one array per attribute, the consent flags,
//! and the behaviour events grouped by action and target so that an intent condition reads only
//! the events it is about.

use std::ops::Range;

use crate::model::vocab::{AttributeKind, ValueType, vocab};
use crate::model::{Action, Channel, EmailPermission};

/// Seconds in a day: the windows of intent conditions are whole days.
pub const DAY: i64 = 86_400;

/// The actions as events name them, in the order of [`Action::ALL`].
pub const ACTION_NAMES: [&str; 9] = [
    "page_view",
    "category_view",
    "product_click",
    "add_to_cart",
    "purchase",
    "search",
    "preference_set",
    "email_engagement",
    "catalog_affinity",
];

pub fn action_name(a: Action) -> &'static str {
    ACTION_NAMES[action_index(a)]
}

pub fn action_index(a: Action) -> usize {
    Action::ALL.iter().position(|x| *x == a).unwrap_or(0)
}

pub fn action_named(name: &str) -> Option<Action> {
    ACTION_NAMES
        .iter()
        .position(|n| *n == name)
        .map(|i| Action::ALL[i])
}

/// What an event is about, as the `target_kind` column names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TargetKind {
    None,
    Page,
    Category,
    Product,
    Brand,
    Style,
    Search,
    Preference,
    Email,
}

impl TargetKind {
    pub const ALL: [TargetKind; 9] = [
        TargetKind::None,
        TargetKind::Page,
        TargetKind::Category,
        TargetKind::Product,
        TargetKind::Brand,
        TargetKind::Style,
        TargetKind::Search,
        TargetKind::Preference,
        TargetKind::Email,
    ];

    pub fn name(self) -> &'static str {
        match self {
            TargetKind::None => "",
            TargetKind::Page => "page",
            TargetKind::Category => "category",
            TargetKind::Product => "product",
            TargetKind::Brand => "brand",
            TargetKind::Style => "style",
            TargetKind::Search => "search",
            TargetKind::Preference => "preference",
            TargetKind::Email => "email",
        }
    }

    pub fn named(name: &str) -> Option<TargetKind> {
        TargetKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// How names are compared everywhere (population, evaluator, SQL): trimmed, lower case.
pub fn fold(s: &str) -> String {
    s.trim().to_lowercase()
}

/// One entry of the dictionary of event targets. Products carry their catalogue category and
/// brand, so that "viewed category sofas" also counts clicks on a sofa.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetEntry {
    pub kind: TargetKind,
    pub name: String,
    pub category: Option<String>,
    pub brand: Option<String>,
}

/// A set of people, one bit each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeopleSet {
    words: Vec<u64>,
    len: usize,
}

impl PeopleSet {
    pub fn empty(len: usize) -> PeopleSet {
        PeopleSet {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    pub fn full(len: usize) -> PeopleSet {
        let mut s = PeopleSet {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        s.trim();
        s
    }

    /// Builds a set from a test on each person's index.
    pub fn from_fn(len: usize, mut f: impl FnMut(usize) -> bool) -> PeopleSet {
        let mut words = Vec::with_capacity(len.div_ceil(64));
        for w in 0..len.div_ceil(64) {
            let mut word = 0u64;
            let base = w * 64;
            for b in 0..64.min(len - base) {
                word |= u64::from(f(base + b)) << b;
            }
            words.push(word);
        }
        PeopleSet { words, len }
    }

    fn trim(&mut self) {
        let extra = self.words.len() * 64 - self.len;
        if extra > 0
            && let Some(last) = self.words.last_mut()
        {
            *last &= u64::MAX >> extra;
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.count() == 0
    }

    pub fn insert(&mut self, i: usize) {
        self.words[i / 64] |= 1 << (i % 64);
    }

    pub fn contains(&self, i: usize) -> bool {
        self.words[i / 64] & (1 << (i % 64)) != 0
    }

    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn and(&mut self, other: &PeopleSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    pub fn or(&mut self, other: &PeopleSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// Everyone not in the set.
    pub fn not(&mut self) {
        for w in &mut self.words {
            *w = !*w;
        }
        self.trim();
    }

    /// How many are in both, without building the intersection.
    pub fn count_and(&self, other: &PeopleSet) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// How many are in this set and not in `other`.
    pub fn count_and_not(&self, other: &PeopleSet) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & !b).count_ones() as usize)
            .sum()
    }

    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).filter(|i| self.contains(*i))
    }
}

/// The values of one attribute, one per person.
#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    /// Names, folded, coded against a dictionary; [`MISSING`] where unknown.
    Text { dict: Vec<String>, codes: Vec<u32> },
    /// Whole numbers; `None` where unknown.
    Number(Vec<Option<i64>>),
    /// Days since 1970-01-01; `None` where unknown.
    Date(Vec<Option<i32>>),
}

pub const MISSING: u32 = u32::MAX;

/// How an attribute is stored, from what its values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Text,
    Number,
    Date,
}

impl ColumnType {
    pub fn of(v: &ValueType) -> ColumnType {
        match v {
            ValueType::Number { .. } => ColumnType::Number,
            ValueType::Date => ColumnType::Date,
            _ => ColumnType::Text,
        }
    }
}

/// The attributes a population may hold: every attribute of the vocabulary except the special
/// categories, which Candor never counts people by. In vocabulary order, which is also the
/// order of the people table's columns.
pub fn attribute_columns() -> Vec<(&'static str, ColumnType)> {
    vocab()
        .attributes
        .iter()
        .filter(|a| !matches!(a.kind, AttributeKind::SpecialCategory(_)))
        .map(|a| (a.id.as_str(), ColumnType::of(&a.value)))
        .collect()
}

/// The consent columns of the people table, before the attributes.
pub const CONSENT_COLUMNS: [&str; 5] = [
    "consent_profiling",
    "consent_advertising",
    "consent_sharing",
    "email_permission",
    "sms_permission",
];

/// The yes/no consent columns, each with its flag and how lacking it reads.
pub const CONSENT_FLAGS: [(&str, u8, &str); 4] = [
    (
        "consent_profiling",
        consent::PROFILING,
        "no consent to profiling",
    ),
    (
        "consent_advertising",
        consent::ADVERTISING,
        "no consent to advertising",
    ),
    ("consent_sharing", consent::SHARING, "no consent to sharing"),
    (
        "sms_permission",
        consent::SMS,
        "no permission for text messages",
    ),
];

/// Consent flags, one byte per person.
pub mod consent {
    pub const PROFILING: u8 = 1;
    pub const ADVERTISING: u8 = 2;
    pub const SHARING: u8 = 4;
    pub const SMS: u8 = 8;
}

/// A person's email permission, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Permission {
    None = 0,
    Soft = 1,
    Explicit = 2,
    Double = 3,
}

impl Permission {
    pub const ALL: [Permission; 4] = [
        Permission::None,
        Permission::Soft,
        Permission::Explicit,
        Permission::Double,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Permission::None => "none",
            Permission::Soft => "soft",
            Permission::Explicit => "explicit",
            Permission::Double => "double",
        }
    }

    pub fn named(s: &str) -> Option<Permission> {
        Permission::ALL.into_iter().find(|p| p.name() == s)
    }

    fn from_u8(v: u8) -> Permission {
        Permission::ALL[usize::from(v.min(3))]
    }

    /// The permission a person needs before an email campaign may write to them: explicit,
    /// or double when the campaign says it relies on double opt-in. A soft opt-in (assumed from
    /// a purchase) is never counted as permission.
    pub fn needed(c: Option<EmailPermission>) -> Permission {
        match c {
            Some(EmailPermission::DoubleOptIn) => Permission::Double,
            _ => Permission::Explicit,
        }
    }
}

/// Where the numbers come from, for the line above them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// "synthetic, seed 7" or "imported from people.csv and events.csv".
    pub description: String,
    /// The moment windows count back from, as seconds since 1970 (UTC).
    pub as_of: i64,
}

/// A population in memory.
#[derive(Debug, Clone)]
pub struct Population {
    pub origin: Origin,
    pub ids: Vec<String>,
    pub columns: Vec<(String, Column)>,
    pub consent: Vec<u8>,
    pub email: Vec<u8>,
    pub targets: Vec<TargetEntry>,
    /// Per action, the targets it has events for, each with its range in `ev_person`/`ev_age`.
    pub postings: [Vec<(u32, Range<usize>)>; 9],
    /// Who did each event, grouped by (action, target) and by person inside a group.
    pub ev_person: Vec<u32>,
    /// How long before `as_of` each event happened, in seconds.
    pub ev_age: Vec<u32>,
    /// Products with their category and brand, sorted by product.
    pub catalogue: Vec<Product>,
}

/// A catalogue entry: a product, filed under a category and a brand.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Product {
    pub product: String,
    pub category: Option<String>,
    pub brand: Option<String>,
}

/// One behaviour event before it is indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct RawEvent {
    pub action: u8,
    pub target: u32,
    pub person: u32,
    pub age: u32,
}

impl Population {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn events(&self) -> usize {
        self.ev_person.len()
    }

    pub fn column(&self, attribute: &str) -> Option<&Column> {
        self.columns
            .iter()
            .find(|(a, _)| a == attribute)
            .map(|(_, c)| c)
    }

    pub fn permission(&self, person: usize) -> Permission {
        Permission::from_u8(self.email[person])
    }

    /// A person's consent cells, in the order of [`CONSENT_COLUMNS`], as files write them.
    pub fn consent_cells(&self, person: usize) -> Vec<String> {
        CONSENT_COLUMNS
            .iter()
            .map(
                |col| match CONSENT_FLAGS.iter().find(|(c, _, _)| c == col) {
                    Some((_, flag, _)) if self.consent[person] & flag != 0 => "yes".to_string(),
                    Some(_) => "no".to_string(),
                    None => self.permission(person).name().to_string(),
                },
            )
            .collect()
    }

    /// Every event as (person, action, target, age), in index order: for writing out.
    pub fn each_event(&self) -> impl Iterator<Item = (usize, Action, &TargetEntry, u32)> + '_ {
        self.postings.iter().enumerate().flat_map(move |(a, list)| {
            list.iter().flat_map(move |(t, range)| {
                range.clone().map(move |i| {
                    (
                        self.ev_person[i] as usize,
                        Action::ALL[a],
                        &self.targets[*t as usize],
                        self.ev_age[i],
                    )
                })
            })
        })
    }

    /// Who can be reached on at least one of `channels` with the permissions that need.
    pub fn reachable_on(&self, channels: &[Channel], needed: Permission) -> PeopleSet {
        let web_like = channels.is_empty()
            || channels
                .iter()
                .any(|c| matches!(c, Channel::Web | Channel::MobileApp));
        if web_like {
            return PeopleSet::full(self.len());
        }
        PeopleSet::from_fn(self.len(), |p| {
            (channels.contains(&Channel::Email) && self.permission(p) >= needed)
                || (channels.contains(&Channel::Sms) && self.consent[p] & consent::SMS != 0)
        })
    }

    /// Who gave every consent in `flags`.
    pub fn consented(&self, flags: u8) -> PeopleSet {
        PeopleSet::from_fn(self.len(), |p| self.consent[p] & flags == flags)
    }
}

/// Events grouped by action, then target, then person: the postings of each (action,
/// target), and who did each event and how long ago.
pub type Index = ([Vec<(u32, Range<usize>)>; 9], Vec<u32>, Vec<u32>);

/// Indexes events given in any order.
pub fn index(mut events: Vec<RawEvent>) -> Index {
    events.sort_unstable();
    let mut postings: [Vec<(u32, Range<usize>)>; 9] = Default::default();
    let mut start = 0;
    for i in 1..=events.len() {
        let boundary = i == events.len()
            || (events[i].action, events[i].target) != (events[start].action, events[start].target);
        if boundary {
            let e = events[start];
            postings[usize::from(e.action)].push((e.target, start..i));
            start = i;
        }
    }
    let ev_person = events.iter().map(|e| e.person).collect();
    let ev_age = events.iter().map(|e| e.age).collect();
    (postings, ev_person, ev_age)
}

/// Whether anyone in the column has a value.
pub fn column_has_values(c: &Column) -> bool {
    match c {
        Column::Text { codes, .. } => codes.iter().any(|c| *c != MISSING),
        Column::Number(v) => v.iter().any(Option::is_some),
        Column::Date(v) => v.iter().any(Option::is_some),
    }
}

/// Days since 1970-01-01 of a date written 2026-12-01.
pub fn parse_day(s: &str) -> Option<i32> {
    let d = time::Date::parse(
        s.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()?;
    Some(d.to_julian_day() - time::macros::date!(1970 - 01 - 01).to_julian_day())
}

/// The date of a day number, written 2026-12-01.
pub fn format_day(day: i32) -> String {
    let d = time::Date::from_julian_day(time::macros::date!(1970 - 01 - 01).to_julian_day() + day)
        .unwrap_or(time::macros::date!(1970 - 01 - 01));
    d.format(time::macros::format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

/// Seconds since 1970 of a moment written 2026-11-30T12:00:00Z, 2026-11-30 12:00:00 (UTC),
/// 2026-11-30T12:00:00+01:00 or 2026-11-30 (midnight UTC).
pub fn parse_moment(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Ok(t) = time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339) {
        return Some(t.unix_timestamp());
    }
    let plain = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    let t_sep = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    for f in [plain, t_sep] {
        if let Ok(t) = time::PrimitiveDateTime::parse(s, f) {
            return Some(t.assume_utc().unix_timestamp());
        }
    }
    parse_day(s).map(|d| i64::from(d) * DAY)
}

/// A moment written the way the events files and SQL take it: 2026-11-30 12:00:00 (UTC).
pub fn format_moment(secs: i64) -> String {
    let t =
        time::OffsetDateTime::from_unix_timestamp(secs).unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    t.format(time::macros::format_description!(
        "[year]-[month]-[day] [hour]:[minute]:[second]"
    ))
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_count_and_complement_within_their_length() {
        let mut s = PeopleSet::from_fn(70, |i| i % 2 == 0);
        assert_eq!(s.count(), 35);
        s.not();
        assert_eq!(s.count(), 35);
        assert!(s.contains(69) && !s.contains(68));
        assert_eq!(PeopleSet::full(70).count(), 70);
        let evens = PeopleSet::from_fn(70, |i| i % 2 == 0);
        assert_eq!(PeopleSet::full(70).count_and_not(&evens), 35);
    }

    #[test]
    fn moments_and_days_round_trip() {
        let t = parse_moment("2026-11-30 12:00:00").unwrap();
        assert_eq!(format_moment(t), "2026-11-30 12:00:00");
        assert_eq!(parse_moment("2026-11-30T13:00:00+01:00"), Some(t));
        assert_eq!(parse_moment("2026-11-30T12:00:00Z"), Some(t));
        assert_eq!(format_day(parse_day("2024-02-29").unwrap()), "2024-02-29");
        assert_eq!(parse_moment("30/11/2026"), None);
    }

    #[test]
    fn no_special_category_is_a_population_column() {
        let cols = attribute_columns();
        assert!(cols.iter().any(|(a, _)| *a == "age"));
        assert!(
            !cols
                .iter()
                .any(|(a, _)| *a == "religion" || *a == "health_condition")
        );
    }
}
