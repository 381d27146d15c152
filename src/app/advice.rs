//! One key to follow the audience advice: the intent condition a warning suggests, put in
//! place of the attribute it warns about, or beside a demographic-only audience. Undoable.

use super::*;
use crate::checks::{Finding, Severity};
use crate::model::*;

impl App {
    /// The finding whose advice `f` follows: the one selected in the Findings tab, else the
    /// first warning of the audience banner.
    fn advice_target(&self) -> Option<Finding> {
        let e = self.editor.as_ref()?;
        let wanted = |f: &&Finding| {
            crate::checks::rule(f.rule).is_some_and(|r| r.intent_advice)
                && f.severity >= Severity::Warning
                && f.location.starts_with("audience")
        };
        if e.focus == Focus::Panel && e.panel == PanelTab::Findings {
            return e.derived.findings.get(e.finding).filter(wanted).cloned();
        }
        layout::audience_warnings(e)
            .into_iter()
            .find(|f| wanted(f))
            .cloned()
    }

    pub(super) fn follow_advice(&mut self) {
        let Some(f) = self.advice_target() else {
            return self.say(
                "No targeting advice to follow here: f acts on a demographic or sensitive-attribute warning",
                None,
            );
        };
        let Some(e) = self.editor.as_ref() else {
            return;
        };
        let intent = audience::suggested_intent(&e.campaign);
        let words = fields::describe_condition(&Condition::Intent(intent.clone()));
        let like = Condition::Intent(intent);
        let at = audience::path_of(&f.location).unwrap_or_default();
        let root = &e.campaign.audience;
        // The attribute the warning names, if it names one (else it is about the whole audience).
        let attribute = match audience::node(root, &at) {
            Some(Condition::Attribute(a)) if !at.is_empty() => Some(a.attribute.clone()),
            _ => None,
        };
        let step = match &attribute {
            None => match audience::twin_in(root, &[], &like, None) {
                Some(twin) => {
                    self.set_section(fields::Section::Audience);
                    self.select_tree(&[twin]);
                    return self.say(
                        format!("The audience already has \"{words}\": nothing added"),
                        None,
                    );
                }
                None => Step::Add,
            },
            // An exclusion ("Not: religion is …") is taken out: the intent condition in its
            // place, still under the Not, would shut out the people most interested.
            Some(_) => match nearest_not(root, &at) {
                Some(not) => Step::DropExclusion(not),
                // Already there beside it: the attribute goes, rather than a second copy.
                None => {
                    let group = at[..at.len() - 1].to_vec();
                    match audience::twin_in(root, &group, &like, at.last().copied()) {
                        Some(twin) => Step::DropBeside(group, twin),
                        None => Step::Replace,
                    }
                }
            },
        };
        let mut placed = Vec::new();
        let mut dropped_field = None;
        let mut declared = Vec::new();
        let done = self.change(|c| {
            let undeclared_before = undeclared(c);
            match &step {
                Step::Add => placed = audience::insert(&mut c.audience, &[], like.clone()),
                Step::Replace => {
                    let slot =
                        audience::node_mut(&mut c.audience, &at).ok_or("that condition is gone")?;
                    *slot = like.clone();
                    placed = at.clone();
                }
                Step::DropBeside(group, twin) => {
                    audience::remove(&mut c.audience, &at).ok_or("that condition is gone")?;
                    let own = at.last().copied().unwrap_or(0);
                    placed = group.clone();
                    placed.push(if own < *twin { twin - 1 } else { *twin });
                }
                Step::DropExclusion(not) => {
                    audience::remove(&mut c.audience, not).ok_or("that condition is gone")?;
                    // With no interest left to select by, the suggested one comes in.
                    let any_intent = c
                        .conditions()
                        .iter()
                        .any(|r| !r.negated && matches!(r.condition, Condition::Intent(_)));
                    placed = if any_intent {
                        Vec::new()
                    } else {
                        audience::insert(&mut c.audience, &[], like.clone())
                    };
                }
            }
            // The data field of the attribute, when nothing reads it now: left declared, the
            // notice would go on telling visitors it is used.
            dropped_field = attribute.as_deref().and_then(|a| drop_unread_field(c, a));
            // What the intent condition reads is declared as `d` would, in the same step: the
            // advice must not leave the notice silent about the data it starts to read.
            for (category, location) in undeclared(c) {
                if undeclared_before.iter().any(|(b, _)| *b == category) {
                    continue;
                }
                if let Some(field) = crate::model::datamap::suggested_field(c, &location) {
                    c.data.push(field);
                    declared.push(category);
                }
            }
            Ok(())
        });
        if !done {
            return;
        }
        if let Some(e) = self.editor.as_mut() {
            e.focus = Focus::Form;
        }
        self.set_section(fields::Section::Audience);
        self.select_tree(&placed);
        let what = match &step {
            Step::Add => format!("Added \"{words}\""),
            Step::Replace => format!("Replaced it with \"{words}\""),
            Step::DropBeside(..) => {
                format!("Took the attribute out: the audience already has \"{words}\"")
            }
            Step::DropExclusion(_) if placed.is_empty() => {
                "Took out the exclusion: the audience selects by interest already".to_string()
            }
            Step::DropExclusion(_) => format!("Took out the exclusion and added \"{words}\""),
        };
        let mut field = dropped_field
            .map(|c| {
                format!(
                    ", and the data field \"{}\", which nothing reads now",
                    clean(&c)
                )
            })
            .unwrap_or_default();
        if !declared.is_empty() {
            let list: Vec<String> = declared.iter().map(|c| clean(c)).collect();
            field.push_str(&format!(
                "; declared {} as Candor suggests (check it under Data collected)",
                list.join(", ")
            ));
        }
        // Enter on the condition it placed changes its category.
        let enter = match &step {
            Step::Add | Step::Replace => ", Enter changes the category",
            _ => "",
        };
        self.say(format!("{what}{field}: u undoes{enter}"), None);
    }
}

/// What `f` does to the audience.
enum Step {
    /// Adds the suggested intent condition beside a demographic-only audience.
    Add,
    /// Puts it in place of the attribute warned about.
    Replace,
    /// Takes the attribute out: the suggested condition is its sibling already (group, index).
    DropBeside(Vec<usize>, usize),
    /// Takes out the exclusion (the `Not` at this path) that holds the attribute.
    DropExclusion(Vec<usize>),
}

/// The path of the nearest `Not` above the node at `path`, if any.
fn nearest_not(root: &Condition, path: &[usize]) -> Option<Vec<usize>> {
    (0..path.len())
        .rev()
        .map(|n| &path[..n])
        .find(|p| matches!(audience::node(root, p), Some(Condition::Not(_))))
        .map(<[usize]>::to_vec)
}

/// Each category the campaign reads without declaring it, with the first place it is read.
fn undeclared(c: &Campaign) -> Vec<(String, String)> {
    let map = crate::model::data_map(c);
    map.undeclared(c)
        .filter_map(|u| Some((u.category.clone(), u.places.first()?.path.clone())))
        .collect()
}

/// Removes the data field that declares attribute `id`'s category when nothing in `c` uses it
/// any more; returns that category.
fn drop_unread_field(c: &mut Campaign, id: &str) -> Option<String> {
    let category = crate::model::vocab::vocab().attribute(id)?.category.clone();
    let map = crate::model::data_map(c);
    let i = c.data.iter().position(|f| {
        f.category.trim() == category && crate::checks::rules::unused_data_field::unused(f, &map)
    })?;
    c.data.remove(i);
    Some(category)
}
