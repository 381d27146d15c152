//! The audience: the condition tree, one row per group or condition (edited by the wizards).
//! Its rows, how each is edited and how an edit is applied, in one place.

use super::*;
use crate::model::vocab::AttributeKind;

pub(super) fn rows(c: &Campaign, _lang: &str, out: &mut Vec<Row>) {
    audience_rows(&c.audience, Vec::new(), "audience".to_string(), 0, out);
    if c.audience.holds_no_condition() {
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

/// Conditions are edited by the intent and attribute wizards, groups by their own keys.
pub(super) fn edit_kind(_: &Campaign, f: &Field, _: &str) -> EditKind {
    match f {
        Field::Node(_) => EditKind::Wizard,
        _ => EditKind::None,
    }
}

pub(super) fn apply(_: &mut Campaign, _: &Field, _: EditValue, _: &str) -> Result<(), String> {
    Err("a condition is changed with its wizard: press Enter on it".into())
}

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

/// How many of a group's items take effect (an empty group takes none).
fn in_effect(items: &[Condition]) -> usize {
    items.iter().filter(|c| !c.holds_no_condition()).count()
}

/// One line describing a condition, in words.
pub fn describe_condition(c: &Condition) -> String {
    match c {
        // An empty group does nothing (reach, SQL and the notice skip it): say so, not "(0)".
        Condition::All(_) | Condition::Any(_) if c.holds_no_condition() => format!(
            "{} of these (empty, no effect yet)",
            if matches!(c, Condition::All(_)) {
                "All"
            } else {
                "Any"
            }
        ),
        // The count is of what takes effect: an empty group inside is shown, not counted.
        Condition::All(items) => format!("All of these ({})", in_effect(items)),
        Condition::Any(items) => format!("Any of these ({})", in_effect(items)),
        Condition::Not(_) => "Not:".to_string(),
        Condition::Intent(i) => format!(
            "Did: {} {}{} in the last {}",
            i.action.verb(),
            if i.target == Target::Anything {
                i.action.anything().to_string()
            } else {
                clean(&i.target.describe())
            },
            // An affinity is a score over the whole window: a count says nothing (as in the
            // notice).
            if i.action == crate::model::Action::CatalogAffinity {
                String::new()
            } else {
                format!(" {}", i.count.describe())
            },
            crate::text::plural(i.within_days as usize, "day", "days")
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

/// A condition's line fitted to `room` columns without hiding what defines it: the full line
/// when it fits; else a short form that keeps every number ("viewed category "running" ≥3× in
/// 30 d"), cutting only the name of what was viewed or the compared value.
pub fn condition_fitted(c: &Condition, room: usize) -> String {
    let full = describe_condition(c);
    if full.chars().count() <= room {
        return full;
    }
    let (head, name, tail) = match c {
        Condition::Intent(i) => {
            let count = match i.count {
                Count::AtLeast(n) => format!("≥{n}×"),
                Count::AtMost(n) => format!("≤{n}×"),
                Count::Exactly(n) => format!("{n}×"),
            };
            let tail = if i.action == crate::model::Action::CatalogAffinity {
                format!(" in {} d", i.within_days)
            } else {
                format!(" {count} in {} d", i.within_days)
            };
            match i.target.value() {
                None => (
                    format!("Did: {} {}", i.action.verb(), i.action.anything()),
                    String::new(),
                    tail,
                ),
                Some(v) => (
                    format!("Did: {} {} \"", i.action.verb(), i.target.kind_words()),
                    clean(v),
                    format!("\"{tail}"),
                ),
            }
        }
        Condition::Attribute(a) => {
            let label = vocab()
                .attribute(&a.attribute)
                .map_or_else(|| clean(&a.attribute), |d| d.label.clone());
            (
                format!("Is: {label} {} \"", a.operator.label()),
                clean(&a.value),
                "\"".to_string(),
            )
        }
        _ => return crate::text::truncate(&full, room),
    };
    // Shorter and shorter heads ("Did: " goes first, then the kind of target) while the name
    // would get fewer than 12 columns; the numbers in the tail always stay.
    let name_len = name.chars().count();
    let without_prefix = head
        .trim_start_matches("Did: ")
        .trim_start_matches("Is: ")
        .to_string();
    let verb_only = match c {
        Condition::Intent(i) if i.target != Target::Anything => format!("{} \"", i.action.verb()),
        _ => without_prefix.clone(),
    };
    let tail_len = tail.chars().count();
    let heads = [head, without_prefix, verb_only];
    let fits = |h: &String| h.chars().count() + tail_len + name_len.min(12) <= room;
    let head = match heads.iter().find(|h| fits(h)) {
        Some(h) => h.clone(),
        None => heads[2].clone(),
    };
    let fixed = head.chars().count() + tail_len;
    if fixed >= room {
        return crate::text::truncate(&format!("{head}{name}{tail}"), room);
    }
    format!("{head}{}{tail}", crate::text::truncate(&name, room - fixed))
}
