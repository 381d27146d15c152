//! The reach of a campaign over a population: who the audience takes in, who of them can be
//! reached with their consent, what each attribute condition shuts out, and how the audience
//! compares with the intent condition the advice suggests.

use serde::Serialize;

use crate::model::audience::{path_of, remove, suggestion};
use crate::model::vocab::vocab;
use crate::model::{Campaign, Condition, IntentCondition, Target};
use crate::text::clean;

use super::eval::Evaluator;
use super::population::{CONSENT_FLAGS, Permission, Population, consent};

/// What one attribute condition costs: of the people who meet the rest of the audience, how
/// many it leaves out, and how many of those showed interest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttributeCost {
    /// Where it is in the file: `audience.all[0]`.
    pub location: String,
    /// "age is at least 55".
    pub condition: String,
    /// People who meet every other condition.
    pub rest: usize,
    /// Of those, the ones this condition leaves out.
    pub excluded: usize,
    /// People who meet every other condition and showed interest.
    pub interested_rest: usize,
    /// Of those, the ones this condition leaves out.
    pub interested_excluded: usize,
    /// The population holds no value of this attribute for anyone.
    pub unknown_attribute: bool,
}

impl AttributeCost {
    /// Whom its cost is counted among: "everyone (50,000)" when it is the whole audience,
    /// else "the 4,480 people who meet the rest of the audience".
    pub fn among(&self, people: usize) -> String {
        if self.rest == people {
            format!("everyone ({})", thousands(self.rest))
        } else {
            format!(
                "the {} people who meet the rest of the audience",
                thousands(self.rest)
            )
        }
    }
}

/// The suggested intent condition, and how the audience fares against it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interest {
    /// "viewed category "skincare" at least twice in 30 days".
    pub condition: String,
    /// Where the interest comes from: "from About", or why it could not.
    pub source: &'static str,
    #[serde(skip)]
    pub intent: IntentCondition,
    /// People who meet it.
    pub interested: usize,
    /// Of those, the ones the campaign could reach with their consent.
    pub interested_reachable: usize,
    /// People the audience takes in who meet it.
    pub reached_interested: usize,
    /// People who meet it and the audience leaves out.
    pub missed: usize,
}

/// Why people the audience takes in cannot be reached, with how many each time. One person
/// may lack several things.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unreachable {
    pub why: String,
    pub people: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub campaign: String,
    pub population: String,
    /// The moment windows count back from: 2026-11-01 00:00:00 (UTC).
    pub as_of: String,
    pub people: usize,
    /// People the audience takes in.
    pub reached: usize,
    /// Of those, the ones with consent for every purpose and permission for a channel.
    pub reachable: usize,
    pub unreachable: Vec<Unreachable>,
    pub attributes: Vec<AttributeCost>,
    pub interest: Interest,
    /// The audience can be entered on demographics alone.
    pub demographic_only: bool,
    /// What the audience's intent conditions name that no event in the population is about,
    /// in words (`category "outerwear/rain-gear"`): such a condition matches nobody here, and
    /// a count of 0 is more often a spelling than a fact.
    pub unknown_targets: Vec<String>,
}

impl Report {
    /// The short form, for the audience banner: "On the population, it leaves out 3,123 of
    /// the 4,963 interested people."
    pub fn demographic_only_short(&self) -> Option<String> {
        self.demographic_only.then(|| {
            format!(
                "On the population, it leaves out {} of the {} interested people.",
                thousands(self.interest.missed),
                thousands(self.interest.interested)
            )
        })
    }

    /// The sentence the demographic-only warning adds when a population is loaded.
    pub fn demographic_only_figure(&self) -> Option<String> {
        if !self.demographic_only {
            return None;
        }
        Some(format!(
            "On {}: it leaves out {} of the {} people who {}, and {} of the {} it takes in showed that interest.",
            self.population,
            thousands(self.interest.missed),
            thousands(self.interest.interested),
            self.interest.condition,
            share_words(self.interest.reached_interested, self.reached),
            thousands(self.reached),
        ))
    }
}

/// Said under the reasons people cannot be reached, when there are several: each person is
/// counted under every reason that applies, so the counts add up to more than the audience.
pub const REASONS_OVERLAP: &str = "one person can lack several of these, so the counts overlap";

/// "12%", or "none" / "all" at the ends, so that 0.4% does not read as 0%.
pub fn share_words(part: usize, whole: usize) -> String {
    match percent(part, whole) {
        None => "none".into(),
        Some(_) if part == 0 => "none".into(),
        Some(_) if part == whole => "all".into(),
        Some(0) => "under 1%".into(),
        Some(p) => format!("{p}%"),
    }
}

pub fn percent(part: usize, whole: usize) -> Option<usize> {
    (whole > 0).then(|| (part * 100 + whole / 2) / whole)
}

/// 12345 as "12,345".
pub fn thousands(n: usize) -> String {
    crate::text::thousands(n as u64)
}

/// An intent condition in words: viewed category "skincare" at least twice in 30 days.
pub fn intent_words(i: &IntentCondition) -> String {
    let what = if i.target == Target::Anything {
        i.action.anything().to_string()
    } else {
        clean(&i.target.describe())
    };
    format!(
        "{} {what} {} in {}",
        i.action.verb(),
        i.count.describe(),
        crate::text::plural(i.within_days as usize, "day", "days")
    )
}

fn attribute_words(c: &Condition) -> String {
    match c {
        Condition::Attribute(a) => {
            let label = vocab()
                .attribute(a.attribute.trim())
                .map_or_else(|| clean(&a.attribute), |d| d.label.to_lowercase());
            format!("{label} {} {}", a.operator.label(), clean(a.value.trim()))
        }
        _ => String::new(),
    }
}

/// The consents a campaign needs of each person: those of its declared purposes that need
/// consent, and profiling whenever its audience or models read behaviour over time.
pub fn consents_needed(c: &Campaign) -> u8 {
    let v = vocab();
    let mut flags = 0;
    for field in &c.data {
        for p in &field.purposes {
            let p = p.trim();
            if !v.data_use(p).is_some_and(|u| u.needs_consent) {
                continue;
            }
            if p.starts_with("personalize") {
                flags |= consent::PROFILING;
            } else if p.starts_with("marketing.advertising") {
                flags |= consent::ADVERTISING;
            } else if p == "third_party_sharing" {
                flags |= consent::SHARING;
            }
        }
    }
    let profiles = c.conditions().iter().any(|r| match r.condition {
        Condition::Intent(i) => v.action(i.action).how.builds_profile(),
        _ => false,
    });
    if profiles || !c.models.is_empty() {
        flags |= consent::PROFILING;
    }
    flags
}

fn demographic_only(c: &Campaign) -> bool {
    !crate::checks::rules::demographic_only_targeting::requires_intent(&c.audience)
        && c.conditions().iter().any(|r| match r.condition {
            Condition::Attribute(a) => vocab()
                .attribute(a.attribute.trim())
                .is_some_and(|d| d.kind.is_demographic()),
            _ => false,
        })
}

/// Computes the whole report.
pub fn report(pop: &Population, c: &Campaign) -> Report {
    let mut ev = Evaluator::new(pop);
    let reached = ev.matching(&c.audience);
    let flags = consents_needed(c);
    let consented = pop.consented(flags);
    let channels = pop.reachable_on(&c.channels, Permission::needed(c.consent.email_permission));
    let mut reachable = reached.clone();
    reachable.and(&consented);
    reachable.and(&channels);

    let mut unreachable = Vec::new();
    for (_, flag, why) in CONSENT_FLAGS {
        if flags & flag != 0 {
            let n = reached.count_and_not(&pop.consented(flag));
            unreachable.push(Unreachable {
                why: why.into(),
                people: n,
            });
        }
    }
    let n = reached.count_and_not(&channels);
    if n > 0 {
        unreachable.push(Unreachable {
            why: "no permission for the campaign's channels".into(),
            people: n,
        });
    }

    let (intent, source) = suggestion(c);
    let interested = ev.matching(&Condition::Intent(intent.clone()));
    let mut interested_ok = interested.clone();
    interested_ok.and(&pop.consented(flags | consent::PROFILING));
    interested_ok.and(&channels);
    let reached_interested = reached.count_and(&interested);
    let interest = Interest {
        condition: intent_words(&intent),
        source,
        intent,
        interested: interested.count(),
        interested_reachable: interested_ok.count(),
        reached_interested,
        missed: interested.count_and_not(&reached),
    };

    let mut attributes = Vec::new();
    for r in c.conditions() {
        let Condition::Attribute(a) = r.condition else {
            continue;
        };
        let Some(path) = path_of(&r.path) else {
            continue;
        };
        // Taking away the attribute also takes away a Not around it.
        let mut rest_tree = c.audience.clone();
        remove(&mut rest_tree, &path);
        let rest = ev.matching(&rest_tree);
        let mut excluded = rest.clone();
        let mut keep = reached.clone();
        keep.not();
        excluded.and(&keep);
        attributes.push(AttributeCost {
            location: r.path.clone(),
            condition: attribute_words(r.condition),
            rest: rest.count(),
            excluded: excluded.count(),
            interested_rest: rest.count_and(&interested),
            interested_excluded: excluded.count_and(&interested),
            unknown_attribute: pop
                .column(a.attribute.trim())
                .is_none_or(|col| !super::population::column_has_values(col)),
        });
    }

    let mut unknown_targets = Vec::new();
    for r in c.conditions() {
        if let Condition::Intent(i) = r.condition
            && let Some(name) = i.target.value()
            && !pop
                .targets
                .iter()
                .any(|t| super::eval::target_matches(t, &i.target))
        {
            let what = format!("{} \"{}\"", i.target.kind_words(), clean(name));
            if !unknown_targets.contains(&what) {
                unknown_targets.push(what);
            }
        }
    }

    Report {
        unknown_targets,
        campaign: clean(&c.id),
        population: pop.origin.description.clone(),
        as_of: super::population::format_moment(pop.origin.as_of),
        people: pop.len(),
        reached: reached.count(),
        reachable: reachable.count(),
        unreachable,
        attributes,
        interest,
        demographic_only: demographic_only(c),
    }
}
