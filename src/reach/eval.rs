//! Who in a population meets an audience: the whole condition tree, leaf by leaf, as sets of
//! people. `sql.rs` writes the same meaning as SQL; `tests/reach_sql.rs` holds them equal.
//!
//! The meaning, in one place:
//! - An intent condition counts the person's events of its action whose target matches, that
//!   happened at most `within_days` whole days before the population's moment (an event exactly
//!   D days before counts; one second more does not). `AtMost` and `Exactly(0)` include people
//!   with no such event.
//! - Targets match by name, ignoring case and surrounding spaces. A category or brand also
//!   matches products the catalogue files under it; a search term matches every search that
//!   contains it.
//! - An attribute condition holds only for people with a value: an unknown age is neither at
//!   least 55 nor under it. Text values compare by name; `AtLeast`/`AtMost` need a number or a
//!   date. A value that cannot be read matches nobody.
//! - `Not` is everyone the inner condition does not hold for; `All([])` is everyone.

use rustc_hash::FxHashMap;

use crate::model::{AttributeCondition, Condition, Count, IntentCondition, Operator, Target};

use super::population::{Column, DAY, MISSING, PeopleSet, Population, TargetEntry, TargetKind};
use super::population::{action_index, fold, parse_day};

/// Whether an event target is one a condition's target names.
pub fn target_matches(entry: &TargetEntry, target: &Target) -> bool {
    let Some(wanted) = target.value().map(fold) else {
        return true;
    };
    let named = |kind: TargetKind| entry.kind == kind && entry.name == wanted;
    match target {
        Target::Anything => true,
        Target::Page(_) => named(TargetKind::Page),
        Target::Product(_) => named(TargetKind::Product),
        Target::Style(_) => named(TargetKind::Style),
        Target::Preference(_) => named(TargetKind::Preference),
        Target::Category(_) => {
            named(TargetKind::Category)
                || (entry.kind == TargetKind::Product
                    && entry.category.as_deref() == Some(wanted.as_str()))
        }
        Target::Brand(_) => {
            named(TargetKind::Brand)
                || (entry.kind == TargetKind::Product
                    && entry.brand.as_deref() == Some(wanted.as_str()))
        }
        Target::SearchTerm(_) => entry.kind == TargetKind::Search && entry.name.contains(&wanted),
    }
}

/// A leaf of the tree, as the key of what it was found to hold for.
#[derive(PartialEq, Eq, Hash)]
enum Leaf {
    Intent(IntentCondition),
    Attribute(AttributeCondition),
}

/// Evaluates conditions over one population, reusing its scratch space between them and
/// remembering each leaf's people, so that the report's many variants of one audience (the
/// audience without each attribute condition in turn) count each condition once.
pub struct Evaluator<'p> {
    pop: &'p Population,
    counts: Vec<u32>,
    leaves: FxHashMap<Leaf, PeopleSet>,
}

impl<'p> Evaluator<'p> {
    pub fn new(pop: &'p Population) -> Evaluator<'p> {
        Evaluator {
            pop,
            counts: vec![0; pop.len()],
            leaves: FxHashMap::default(),
        }
    }

    /// The people a leaf holds for, worked out once.
    fn leaf(&mut self, c: &Condition) -> Option<&PeopleSet> {
        let key = match c {
            Condition::Intent(i) => Leaf::Intent(i.clone()),
            Condition::Attribute(a) => Leaf::Attribute(a.clone()),
            _ => return None,
        };
        if !self.leaves.contains_key(&key) {
            let set = match &key {
                Leaf::Intent(i) => self.intent(i),
                Leaf::Attribute(a) => attribute(self.pop, a),
            };
            return Some(self.leaves.entry(key).or_insert(set));
        }
        self.leaves.get(&key)
    }

    /// Everyone the condition holds for. A part that holds no condition (an empty group) has no
    /// effect, as the notice reads it: it is skipped, and an audience of nothing but such parts
    /// takes in everyone.
    pub fn matching(&mut self, c: &Condition) -> PeopleSet {
        let n = self.pop.len();
        if c.holds_no_condition() {
            return PeopleSet::full(n);
        }
        match c {
            Condition::All(items) => {
                let mut out = PeopleSet::full(n);
                for i in items.iter().filter(|i| !i.holds_no_condition()) {
                    self.combine(&mut out, i, PeopleSet::and);
                }
                out
            }
            Condition::Any(items) => {
                let mut out = PeopleSet::empty(n);
                for i in items.iter().filter(|i| !i.holds_no_condition()) {
                    self.combine(&mut out, i, PeopleSet::or);
                }
                out
            }
            Condition::Not(inner) => {
                let mut out = self.matching(inner);
                out.not();
                out
            }
            leaf => self
                .leaf(leaf)
                .cloned()
                .unwrap_or_else(|| PeopleSet::empty(n)),
        }
    }

    /// Combines `out` with the people of `c`, without copying a leaf's set.
    fn combine(&mut self, out: &mut PeopleSet, c: &Condition, op: fn(&mut PeopleSet, &PeopleSet)) {
        match c {
            Condition::Intent(_) | Condition::Attribute(_) => {
                if let Some(set) = self.leaf(c) {
                    op(out, set);
                }
            }
            group => {
                let set = self.matching(group);
                op(out, &set);
            }
        }
    }

    fn intent(&mut self, i: &IntentCondition) -> PeopleSet {
        let pop = self.pop;
        let window = (i64::from(i.within_days) * DAY).min(i64::from(u32::MAX)) as u32;
        let ranges: Vec<_> = pop.postings[action_index(i.action)]
            .iter()
            .filter(|(t, _)| target_matches(&pop.targets[*t as usize], &i.target))
            .map(|(_, r)| r.clone())
            .collect();
        // Only people with an event in the window have a count; everyone else has 0. The set
        // is built from them, never by visiting everyone: those whose answer differs from the
        // answer for 0, complemented when 0 qualifies.
        let qualifies = |k: u32| match i.count {
            Count::AtLeast(n) => k >= n,
            Count::AtMost(n) => k <= n,
            Count::Exactly(n) => k == n,
        };
        let zero = qualifies(0);
        let mut out = PeopleSet::empty(pop.len());
        if let [r] = ranges.as_slice() {
            // One target: its events are grouped by person, so one pass counts them.
            let (people, ages) = (&pop.ev_person[r.clone()], &pop.ev_age[r.clone()]);
            let mut e = 0;
            while e < people.len() {
                let p = people[e];
                let mut k = 0;
                while e < people.len() && people[e] == p {
                    k += u32::from(ages[e] <= window);
                    e += 1;
                }
                if k > 0 && qualifies(k) != zero {
                    out.insert(p as usize);
                }
            }
        } else {
            // Several targets (a category's products, say): a person's events are spread
            // over them, so they are counted per person first.
            for r in &ranges {
                for e in r.clone() {
                    if pop.ev_age[e] <= window {
                        self.counts[pop.ev_person[e] as usize] += 1;
                    }
                }
            }
            for r in &ranges {
                for e in r.clone() {
                    let p = pop.ev_person[e] as usize;
                    let k = self.counts[p];
                    if k > 0 && qualifies(k) != zero {
                        out.insert(p);
                    }
                }
            }
            for r in ranges {
                for e in r {
                    self.counts[pop.ev_person[e] as usize] = 0;
                }
            }
        }
        if zero {
            out.not();
        }
        out
    }
}

/// The values an attribute condition compares with, read for a column's type; `None` when
/// one cannot be read, which makes the condition match nobody.
pub enum Wanted {
    Text(Vec<String>),
    Number(Vec<i64>),
    Date(Vec<i32>),
}

pub fn wanted(a: &AttributeCondition, number: bool, date: bool) -> Option<Wanted> {
    let values = a.operator.values(&a.value);
    if values.is_empty() {
        return None;
    }
    if number {
        let v: Option<Vec<i64>> = values.iter().map(|v| v.parse().ok()).collect();
        v.map(Wanted::Number)
    } else if date {
        let v: Option<Vec<i32>> = values.iter().map(|v| parse_day(v)).collect();
        v.map(Wanted::Date)
    } else if matches!(a.operator, Operator::AtLeast | Operator::AtMost) {
        None
    } else {
        Some(Wanted::Text(values.iter().map(|v| fold(v)).collect()))
    }
}

/// Whether a known value meets the operator against the wanted values.
fn compare<T: PartialOrd>(op: Operator, v: &T, wanted: &[T]) -> bool {
    match op {
        Operator::Is | Operator::OneOf => wanted.contains(v),
        Operator::IsNot | Operator::NoneOf => !wanted.contains(v),
        Operator::AtLeast => wanted.first().is_some_and(|w| v >= w),
        Operator::AtMost => wanted.first().is_some_and(|w| v <= w),
    }
}

fn attribute(pop: &Population, a: &AttributeCondition) -> PeopleSet {
    let n = pop.len();
    let Some(column) = pop.column(a.attribute.trim()) else {
        return PeopleSet::empty(n);
    };
    let op = a.operator;
    match column {
        Column::Text { dict, codes } => {
            let Some(Wanted::Text(w)) = wanted(a, false, false) else {
                return PeopleSet::empty(n);
            };
            let meets: Vec<bool> = dict.iter().map(|d| compare(op, &fold(d), &w)).collect();
            PeopleSet::from_fn(n, |p| codes[p] != MISSING && meets[codes[p] as usize])
        }
        Column::Number(values) => {
            let Some(Wanted::Number(w)) = wanted(a, true, false) else {
                return PeopleSet::empty(n);
            };
            PeopleSet::from_fn(n, |p| values[p].is_some_and(|v| compare(op, &v, &w)))
        }
        Column::Date(values) => {
            let Some(Wanted::Date(w)) = wanted(a, false, true) else {
                return PeopleSet::empty(n);
            };
            PeopleSet::from_fn(n, |p| values[p].is_some_and(|v| compare(op, &v, &w)))
        }
    }
}
