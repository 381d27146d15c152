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
        let at = audience::path_of(&f.location).unwrap_or_default();
        // An attribute named by the warning is replaced; a warning about the whole audience
        // gets the intent condition beside what is there.
        let replace = matches!(
            audience::node(&e.campaign.audience, &at),
            Some(Condition::Attribute(_))
        ) && !at.is_empty();
        // Already there beside it: the attribute is taken out, or nothing is added, rather
        // than the same condition twice.
        let group = if replace {
            at[..at.len() - 1].to_vec()
        } else {
            Vec::new()
        };
        let own = if replace { at.last().copied() } else { None };
        let like = Condition::Intent(intent.clone());
        if let Some(twin) = audience::twin_in(&e.campaign.audience, &group, &like, own) {
            if !replace {
                let mut path = group;
                path.push(twin);
                self.set_section(fields::Section::Audience);
                self.select_tree(&path);
                return self.say(
                    format!("The audience already has \"{words}\": nothing added"),
                    None,
                );
            }
            let done = self.change(|c| {
                audience::remove(&mut c.audience, &at).ok_or("that condition is gone")?;
                Ok(())
            });
            if done {
                let mut path = group;
                path.push(if own.is_some_and(|o| o < twin) {
                    twin - 1
                } else {
                    twin
                });
                if let Some(e) = self.editor.as_mut() {
                    e.focus = Focus::Form;
                }
                self.set_section(fields::Section::Audience);
                self.select_tree(&path);
                self.say(
                    format!(
                        "Took the attribute out: the audience already has \"{words}\". u undoes"
                    ),
                    None,
                );
            }
            return;
        }
        let mut placed = Vec::new();
        let done = self.change(|c| {
            if replace {
                let slot =
                    audience::node_mut(&mut c.audience, &at).ok_or("that condition is gone")?;
                *slot = Condition::Intent(intent);
                placed = at.clone();
            } else {
                placed = audience::insert(&mut c.audience, &[], Condition::Intent(intent));
            }
            Ok(())
        });
        if done {
            if let Some(e) = self.editor.as_mut() {
                e.focus = Focus::Form;
            }
            self.set_section(fields::Section::Audience);
            self.select_tree(&placed);
            let what = if replace { "Replaced it with" } else { "Added" };
            self.say(
                format!("{what} \"{words}\": u undoes, Enter changes the category"),
                None,
            );
        }
    }
}
