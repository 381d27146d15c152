//! What the customer gives against what they get.
//!
//! Each distinct data category collected weighs its `sensitivity` from
//! `assets/vocab/data_categories.ron` (1 = a device id, 8 = a special category). Benefits score
//! by kind: an immediate offer 4, each ongoing benefit 2 (at most three count), a login benefit 1,
//! an email promise 1. The exchange is *thin* when what is given weighs more than twice what is
//! offered. The numbers are a reviewer's rule of thumb, not a law: they rank campaigns sensibly
//! and make the verdict explainable in one line.

use crate::model::vocab::vocab;
use crate::model::{Campaign, DataMap, Text, data_map};

pub const IMMEDIATE_POINTS: u32 = 4;
pub const ONGOING_POINTS: u32 = 2;
pub const ONGOING_COUNTED: usize = 3;
pub const SMALL_POINTS: u32 = 1;
/// What is given may weigh at most this many times what is offered.
pub const MAX_RATIO: u32 = 2;

/// How the points of the verdict are counted, for a reader who meets them for the first time.
pub fn how_counted() -> String {
    format!(
        "Points: each kind of data weighs its sensitivity, from 1 (a country) to 8 (health, \
         religion); an offer right away weighs {IMMEDIATE_POINTS}, each of the first \
         {ONGOING_COUNTED} benefits over time {ONGOING_POINTS}, an email promise or a login \
         benefit {SMALL_POINTS}. The exchange is thin when the data weighs more than \
         {MAX_RATIO} times the benefit."
    )
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Give {
    pub category: String,
    /// Message id of the plain-language name in the locale files.
    pub label: String,
    pub weight: u32,
    /// False when the campaign reads it without a data field declaring it.
    pub declared: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BenefitKind {
    Immediate,
    Ongoing,
    EmailPromise,
    LoginBenefit,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Get {
    pub kind: BenefitKind,
    pub text: String,
    pub points: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing is collected, so nothing needs to be given back.
    NothingCollected,
    Balanced,
    Thin,
    NothingOffered,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::NothingCollected => "nothing collected",
            Verdict::Balanced => "balanced",
            Verdict::Thin => "thin",
            Verdict::NothingOffered => "nothing offered",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueExchangeView {
    pub gives: Vec<Give>,
    pub gets: Vec<Get>,
    pub given: u32,
    pub offered: u32,
    pub verdict: Verdict,
    /// The verdict's reason in one line.
    pub reason: String,
}

pub fn value_exchange(c: &Campaign) -> ValueExchangeView {
    value_exchange_with(c, &data_map(c))
}

/// The value exchange, weighing what the campaign declares and whatever else it reads.
pub fn value_exchange_with(c: &Campaign, map: &DataMap) -> ValueExchangeView {
    let v = vocab();
    let mut gives: Vec<Give> = Vec::new();
    let declared = c.data.iter().map(|f| (f.category.trim(), true));
    let undeclared = map.undeclared(c).map(|u| (u.category.as_str(), false));
    for (category, declared) in declared.chain(undeclared) {
        if gives.iter().any(|g| g.category == category) {
            continue;
        }
        let label = v
            .category(category)
            .map_or_else(|| "data-other".to_string(), |d| d.label.clone());
        gives.push(Give {
            category: category.to_string(),
            label,
            weight: v.sensitivity(category),
            declared,
        });
    }
    let ve = &c.value_exchange;
    let first = c.first_locale();
    let mut gets = Vec::new();
    // Benefits are weighed once, as written in the campaign's first language.
    let filled = |t: Option<&Text>| {
        t.and_then(|t| t.source(first))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    if let Some(t) = filled(ve.immediate.as_ref()) {
        gets.push(Get {
            kind: BenefitKind::Immediate,
            text: t,
            points: IMMEDIATE_POINTS,
        });
    }
    for (i, t) in ve
        .ongoing
        .iter()
        .filter_map(|t| filled(Some(t)))
        .enumerate()
    {
        let points = if i < ONGOING_COUNTED {
            ONGOING_POINTS
        } else {
            0
        };
        gets.push(Get {
            kind: BenefitKind::Ongoing,
            text: t,
            points,
        });
    }
    if let Some(t) = filled(ve.email_promise.as_ref()) {
        gets.push(Get {
            kind: BenefitKind::EmailPromise,
            text: t,
            points: SMALL_POINTS,
        });
    }
    if let Some(t) = filled(ve.login_benefit.as_ref()) {
        gets.push(Get {
            kind: BenefitKind::LoginBenefit,
            text: t,
            points: SMALL_POINTS,
        });
    }
    let given: u32 = gives.iter().map(|g| g.weight).sum();
    let offered: u32 = gets.iter().map(|g| g.points).sum();
    let (verdict, reason) = if given == 0 {
        (
            Verdict::NothingCollected,
            "No personal data is collected.".to_string(),
        )
    } else if offered == 0 {
        (
            Verdict::NothingOffered,
            format!(
                "Customers give {} of data and are offered nothing in return.",
                points(given)
            ),
        )
    } else if given > offered * MAX_RATIO {
        (
            Verdict::Thin,
            format!(
                "Customers give {} of data for {} of benefit: offer more or ask for less.",
                points(given),
                points(offered)
            ),
        )
    } else {
        (
            Verdict::Balanced,
            format!(
                "Customers give {} of data for {} of benefit.",
                points(given),
                points(offered)
            ),
        )
    };
    ValueExchangeView {
        gives,
        gets,
        given,
        offered,
        verdict,
        reason,
    }
}

/// "1 point", "4 points".
pub fn points(n: u32) -> String {
    crate::text::plural(n as usize, "point", "points")
}
