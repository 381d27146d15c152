//! Builds a [`Population`] person by person and event by event: the one way in for the
//! generator, the CSV import, the population file and the tests.

use rustc_hash::FxHashMap;

use crate::model::Action;
use crate::model::vocab::{ValueType, vocab};

use super::population::{
    Column, ColumnType, MISSING, Origin, Permission, Population, Product, RawEvent, TargetEntry,
    TargetKind, action_index, attribute_columns, fold, index, parse_day,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PersonRef(pub u32);

pub struct Builder {
    description: String,
    ids: Vec<String>,
    by_id: FxHashMap<String, u32>,
    kinds: Vec<(&'static str, ColumnType)>,
    columns: Vec<Column>,
    dict_index: Vec<FxHashMap<String, u32>>,
    consent: Vec<u8>,
    email: Vec<u8>,
    catalogue: FxHashMap<String, (Option<String>, Option<String>)>,
    targets: Vec<TargetEntry>,
    target_index: FxHashMap<(TargetKind, String), u32>,
    ev: Vec<(u8, u32, u32, i64)>,
}

impl Builder {
    pub fn new(description: impl Into<String>) -> Builder {
        let kinds = attribute_columns();
        let columns = kinds
            .iter()
            .map(|(_, t)| match t {
                ColumnType::Text => Column::Text {
                    dict: Vec::new(),
                    codes: Vec::new(),
                },
                ColumnType::Number => Column::Number(Vec::new()),
                ColumnType::Date => Column::Date(Vec::new()),
            })
            .collect();
        let dict_index = kinds.iter().map(|_| FxHashMap::default()).collect();
        Builder {
            description: description.into(),
            ids: Vec::new(),
            by_id: FxHashMap::default(),
            kinds,
            columns,
            dict_index,
            consent: Vec::new(),
            email: Vec::new(),
            catalogue: FxHashMap::default(),
            targets: Vec::new(),
            target_index: FxHashMap::default(),
            ev: Vec::new(),
        }
    }

    pub fn people(&self) -> usize {
        self.ids.len()
    }

    pub fn find(&self, id: &str) -> Option<PersonRef> {
        self.by_id.get(id).copied().map(PersonRef)
    }

    /// Adds a person with no attribute known and no consent given. Refuses an id already used.
    pub fn person(&mut self, id: &str) -> Result<PersonRef, String> {
        let id = id.trim();
        if id.is_empty() {
            return Err("the person id is empty".into());
        }
        if self.by_id.contains_key(id) {
            return Err(format!("the person id {id} appears twice"));
        }
        let i = u32::try_from(self.ids.len()).map_err(|_| "too many people".to_string())?;
        self.ids.push(id.to_string());
        self.by_id.insert(id.to_string(), i);
        for c in &mut self.columns {
            match c {
                Column::Text { codes, .. } => codes.push(MISSING),
                Column::Number(v) => v.push(None),
                Column::Date(v) => v.push(None),
            }
        }
        self.consent.push(0);
        self.email.push(0);
        Ok(PersonRef(i))
    }

    /// Sets one attribute. The value must be of the attribute's type; an empty one is unknown.
    pub fn set(&mut self, p: PersonRef, attribute: &str, value: &str) -> Result<(), String> {
        let Some(col) = self.kinds.iter().position(|(a, _)| *a == attribute) else {
            return Err(format!(
                "{attribute} is not an attribute a population holds"
            ));
        };
        let value = value.trim();
        let i = p.0 as usize;
        if value.is_empty() {
            return Ok(());
        }
        let def = vocab().attribute(attribute).map(|d| &d.value);
        let value = &canonical(def, value);
        if let Some(t) = def
            && !t.accepts(value)
        {
            return Err(format!("expected {}", t.describe()));
        }
        match &mut self.columns[col] {
            Column::Text { dict, codes } => {
                let v = value.clone();
                let index = &mut self.dict_index[col];
                let code = match index.get(&v) {
                    Some(c) => *c,
                    None => {
                        dict.push(v.clone());
                        let c = (dict.len() - 1) as u32;
                        index.insert(v, c);
                        c
                    }
                };
                codes[i] = code;
            }
            Column::Number(v) => {
                v[i] = Some(value.parse().map_err(|_| "expected a whole number")?);
            }
            Column::Date(v) => {
                v[i] = Some(parse_day(value).ok_or("expected a date such as 2026-12-01")?);
            }
        }
        Ok(())
    }

    pub fn set_consent(&mut self, p: PersonRef, flags: u8) {
        self.consent[p.0 as usize] = flags;
    }

    pub fn set_email(&mut self, p: PersonRef, permission: Permission) {
        self.email[p.0 as usize] = permission as u8;
    }

    /// Files a product under a category and a brand, for every event on it (earlier or later).
    pub fn product(&mut self, product: &str, category: &str, brand: &str) {
        let opt = |s: &str| Some(fold(s)).filter(|s| !s.is_empty());
        self.catalogue
            .insert(fold(product), (opt(category), opt(brand)));
    }

    fn target(&mut self, kind: TargetKind, name: &str) -> u32 {
        let key = (kind, fold(name));
        if let Some(t) = self.target_index.get(&key) {
            return *t;
        }
        let t = self.targets.len() as u32;
        self.targets.push(TargetEntry {
            kind,
            name: key.1.clone(),
            category: None,
            brand: None,
        });
        self.target_index.insert(key, t);
        t
    }

    /// Records that `p` did `action` on a target at `at` (seconds since 1970, UTC).
    pub fn event(&mut self, p: PersonRef, at: i64, action: Action, kind: TargetKind, target: &str) {
        let t = self.target(kind, target);
        self.ev.push((action_index(action) as u8, t, p.0, at));
    }

    /// The latest moment of any event, for an import that does not say when it was taken.
    pub fn latest_event(&self) -> Option<i64> {
        self.ev.iter().map(|e| e.3).max()
    }

    /// Indexes the events and returns the population as of `as_of`. Events after it are left
    /// out and counted in the second value.
    pub fn finish(mut self, as_of: i64) -> (Population, usize) {
        for t in &mut self.targets {
            if t.kind == TargetKind::Product
                && let Some((cat, brand)) = self.catalogue.get(&t.name)
            {
                t.category = cat.clone();
                t.brand = brand.clone();
            }
        }
        let mut later = 0;
        let events: Vec<RawEvent> = self
            .ev
            .iter()
            .filter_map(|&(action, target, person, at)| {
                let age = as_of - at;
                if age < 0 {
                    later += 1;
                    return None;
                }
                Some(RawEvent {
                    action,
                    target,
                    person,
                    age: u32::try_from(age).unwrap_or(u32::MAX),
                })
            })
            .collect();
        self.ev = Vec::new();
        let catalogue = self.catalogue();
        let columns = self
            .kinds
            .iter()
            .map(|(a, _)| a.to_string())
            .zip(self.columns)
            .collect();
        let (postings, ev_person, ev_age) = index(events);
        let pop = Population {
            origin: Origin {
                description: self.description,
                as_of,
            },
            ids: self.ids,
            columns,
            consent: self.consent,
            email: self.email,
            targets: self.targets,
            postings,
            ev_person,
            ev_age,
            catalogue,
        };
        (pop, later)
    }

    fn catalogue(&self) -> Vec<Product> {
        let mut out: Vec<_> = self
            .catalogue
            .iter()
            .map(|(p, (c, b))| Product {
                product: p.clone(),
                category: c.clone(),
                brand: b.clone(),
            })
            .collect();
        out.sort();
        out
    }
}

/// A value as the vocabulary lists it ("female", "FR"), so that files written back read again.
fn canonical(t: Option<&ValueType>, value: &str) -> String {
    match t {
        Some(ValueType::OneOf(all)) => all
            .iter()
            .find(|a| a.eq_ignore_ascii_case(value))
            .cloned()
            .unwrap_or_else(|| value.to_string()),
        Some(ValueType::Country) => value.to_ascii_uppercase(),
        _ => value.to_string(),
    }
}

/// The text of one person's attribute, as files write it; empty when unknown.
pub fn value_text(c: &Column, person: usize) -> String {
    match c {
        Column::Text { dict, codes } => match codes[person] {
            MISSING => String::new(),
            code => dict[code as usize].clone(),
        },
        Column::Number(v) => v[person].map(|n| n.to_string()).unwrap_or_default(),
        Column::Date(v) => v[person]
            .map(super::population::format_day)
            .unwrap_or_default(),
    }
}
