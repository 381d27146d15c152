//! The campaign editor: moving in the form, editing fields, the audience tree, lists, undo, findings.

use std::time::Instant;

use super::*;
use crate::checks::{self, Severity};
use crate::disclosure::{self};
use crate::model::*;
use crate::text::clean;
use fields::{EditKind, EditValue, Field, Item, Section};
use keymap::Command as A;
use wizards::AddChoice;

impl App {
    // ---------------------------------------------------------------- editor

    pub(super) fn editor_action(&mut self, action: A) {
        let Some(e) = self.editor.as_mut() else {
            return;
        };
        let rows = e.derived.rows.len();
        let page = usize::from(self.area.height.saturating_sub(10)).max(1);
        if e.focus == Focus::Panel {
            let n = e.derived.findings.len();
            let on_findings = e.panel == PanelTab::Findings;
            match action {
                A::Up if on_findings => e.finding = e.finding.saturating_sub(1),
                A::Down if on_findings => e.finding = (e.finding + 1).min(n.saturating_sub(1)),
                A::Up => e.panel_scroll = e.panel_scroll.saturating_sub(1),
                A::Down => {
                    e.panel_scroll = e
                        .panel_scroll
                        .saturating_add(1)
                        .min(e.panel_max_scroll.get())
                }
                A::PageUp => e.panel_scroll = e.panel_scroll.saturating_sub(page as u16),
                A::PageDown => {
                    e.panel_scroll = e
                        .panel_scroll
                        .saturating_add(page as u16)
                        .min(e.panel_max_scroll.get())
                }
                A::Top => {
                    e.panel_scroll = 0;
                    e.finding = 0;
                }
                A::Explain if on_findings => return self.jump_to_finding(),
                A::Explain => {}
                A::Declare => return self.declare_finding(),
                A::Waive => return self.waive_finding(),
                A::FollowAdvice => return self.follow_advice(),
                A::MakePopulation => return self.make_sample_population(),
                _ => return self.editor_common(action),
            }
            return;
        }
        match action {
            A::Up => e.selected = e.selected.saturating_sub(1),
            A::Down => e.selected = (e.selected + 1).min(rows.saturating_sub(1)),
            A::PageUp => e.selected = e.selected.saturating_sub(page),
            A::PageDown => e.selected = (e.selected + page).min(rows.saturating_sub(1)),
            A::Top => e.selected = 0,
            A::Bottom => e.selected = rows.saturating_sub(1),
            A::Edit => self.edit_selected(),
            A::AddIntent => self.start_intent(None),
            A::FollowAdvice => self.follow_advice(),
            A::Declare => self.declare_finding(),
            A::AddAttribute => self.start_attribute(None),
            A::AddGroup => self.add_group(),
            A::Negate => {
                self.audience_edit(|root, at| {
                    if at.is_empty() {
                        return None;
                    }
                    audience::toggle_not(root, at)?;
                    Some(at.to_vec())
                });
            }
            A::CycleGroup => self.switch_group(),
            A::Remove => self.remove_selected(),
            A::MoveUp | A::MoveDown => self.move_selected(action == A::MoveUp),
            A::AddItem => self.add_item(),
            _ => self.editor_common(action),
        }
    }

    pub(super) fn editor_common(&mut self, action: A) {
        let Some(e) = self.editor.as_mut() else {
            return;
        };
        match action {
            A::NextSection | A::PrevSection => {
                let i = Section::ALL
                    .iter()
                    .position(|s| *s == e.section)
                    .unwrap_or(0);
                let n = Section::ALL.len();
                let j = if action == A::NextSection {
                    (i + 1) % n
                } else {
                    (i + n - 1) % n
                };
                self.set_section(Section::ALL[j]);
            }
            A::SwitchPane => {
                e.focus = if e.focus == Focus::Form {
                    Focus::Panel
                } else {
                    Focus::Form
                };
            }
            A::NextPanelTab => {
                let i = PanelTab::ALL
                    .iter()
                    .position(|t| *t == e.panel)
                    .unwrap_or(0);
                e.panel = PanelTab::ALL[(i + 1) % PanelTab::ALL.len()];
                e.panel_scroll = 0;
            }
            A::CycleLocale => {
                // The campaign's own languages, in its order: a visitor never reads the others.
                let mut codes: Vec<&'static str> = e
                    .campaign
                    .locales
                    .iter()
                    .filter_map(|l| disclosure::locale(l))
                    .map(|l| l.code)
                    .collect();
                if codes.is_empty() {
                    codes = disclosure::locale::codes();
                }
                let next = match codes.iter().position(|c| *c == e.locale) {
                    Some(i) => (i + 1) % codes.len(),
                    None => 0,
                };
                e.locale = codes[next];
                e.recompute();
                let name = disclosure::locale(e.locale).map_or(String::new(), |l| l.name.clone());
                let locale = e.locale;
                if let Err(err) = self.store.ui_set("preview_locale", locale) {
                    log::warn!("could not remember the preview language: {err}");
                }
                self.say(format!("Disclosure shown in {name}"), None);
            }
            A::Undo | A::Redo => {
                let (from, to) = if action == A::Undo {
                    (&mut e.undo, &mut e.redo)
                } else {
                    (&mut e.redo, &mut e.undo)
                };
                match from.pop() {
                    Some(prev) => {
                        // Said by what it changed back, so an undo far from the edit is not
                        // a guess.
                        let parts = saving::changed_parts(&prev, &e.campaign);
                        to.push(std::mem::replace(&mut e.campaign, prev));
                        e.edited_at = Some(Instant::now());
                        e.recompute();
                        let what = if action == A::Undo {
                            "Undone"
                        } else {
                            "Redone"
                        };
                        let shown: Vec<String> =
                            parts.iter().take(3).map(|p| p.replace('_', " ")).collect();
                        self.say(
                            match parts.len() {
                                0 => what.to_string(),
                                1..=3 => format!("{what}: the change to {}", shown.join(", ")),
                                n => format!(
                                    "{what}: the change to {} and {} more",
                                    shown.join(", "),
                                    n - 3
                                ),
                            },
                            None,
                        );
                    }
                    None => self.say(
                        if action == A::Undo {
                            "Nothing to undo"
                        } else {
                            "Nothing to redo"
                        },
                        None,
                    ),
                }
            }
            A::Save => self.save(),
            A::SaveWithMessage => self.save_asking(),
            A::Back => self.close_editor(),
            _ => {}
        }
    }

    pub(super) fn set_section(&mut self, s: Section) {
        if let Some(e) = self.editor.as_mut() {
            e.section = s;
            e.selected = 0;
            e.recompute();
        }
    }

    /// Leaves the editor. Unsaved edits stay as a draft, so nothing is lost.
    pub(super) fn close_editor(&mut self) {
        self.settle_autosave();
        if self.editor.as_ref().is_some_and(|e| !e.dirty()) {
            // Undone back to the saved text: the draft written on the way must not come back.
            self.drop_own_draft();
        }
        if let Some(why) = self.store.read_only()
            && self.editor.as_ref().is_some_and(|e| e.dirty())
        {
            // Nothing can be kept in the library: keep the edits as a file first.
            self.keep_as_file(why.to_string());
            if self.editor.as_ref().is_some_and(|e| e.dirty()) {
                return; // could not write the file: the edits stay open
            }
        }
        if let Some(e) = self.take_editor() {
            if e.dirty() {
                match self.store.save_draft(&e.campaign, e.base) {
                    Ok(()) => self.say(
                        format!(
                            "Unsaved edits to \"{}\" are kept as a draft",
                            clean(&e.campaign.name)
                        ),
                        None,
                    ),
                    Err(err) => {
                        self.fail(format!("Could not keep the draft: {err}"));
                        self.show_editor(e);
                        return;
                    }
                }
            }
            let id = e.campaign.id.clone();
            self.reload_library();
            self.select_in_library(&id);
        }
    }

    /// Records an edit: undo history, autosave timer, recomputed findings and preview.
    pub(super) fn commit_edit(&mut self, before: Campaign) {
        let Some(e) = self.editor.as_mut() else {
            return;
        };
        if before == e.campaign {
            return;
        }
        e.undo.push(before);
        if e.undo.len() > UNDO_DEPTH {
            e.undo.remove(0);
        }
        e.redo.clear();
        e.edited_at = Some(Instant::now());
        e.recompute();
    }

    /// The unsaved edits the user chose to decide about later would be replaced by the
    /// autosave of a new edit: the edit is not made, and the restore question comes back,
    /// saying why. Says whether it came back.
    fn draft_kept_for_later(&mut self) -> bool {
        let Some(id) = self
            .editor
            .as_ref()
            .filter(|e| e.kept_for_later)
            .map(|e| e.campaign.id.clone())
        else {
            return false;
        };
        self.dialogs.clear();
        let why = "Editing now would replace the unsaved edits kept earlier, so this edit was not made: restore or discard them first.";
        if self.offer_draft(&id, Some(why)) {
            true
        } else {
            // Gone meanwhile (discarded elsewhere, or saved): nothing is in the way any more.
            if let Some(e) = self.editor.as_mut() {
                e.kept_for_later = false;
            }
            false
        }
    }

    /// Applies `f` to the campaign; on error, or when the result breaks a rule a file must
    /// keep (and so could not be saved and loaded again), the campaign is left as it was.
    pub(super) fn change(&mut self, f: impl FnOnce(&mut Campaign) -> AppResult) -> bool {
        if self.draft_kept_for_later() {
            return false;
        }
        let Some(e) = self.editor.as_mut() else {
            return false;
        };
        let before = e.campaign.clone();
        let mut next = before.clone();
        match f(&mut next).and_then(|()| refuse_new_problem(&before, &next)) {
            Ok(()) => {
                e.campaign = next;
                self.commit_edit(before);
                true
            }
            Err(err) => {
                self.fail(err.to_string());
                false
            }
        }
    }

    pub(super) fn select_path(&mut self, path: &str) {
        if let Some(e) = self.editor.as_mut()
            && let Some(i) = e.derived.rows.iter().position(|r| r.path == path)
        {
            e.selected = i;
        }
    }

    /// Adds an empty "any of these" group. Not inside a group that is still empty: that would
    /// only nest empty groups in each other, none of them doing anything.
    fn add_group(&mut self) {
        let Some(e) = self.editor.as_ref() else {
            return;
        };
        if let Some(Field::Node(p)) = e.row().map(|r| &r.field)
            && let Some(node @ (Condition::All(_) | Condition::Any(_))) =
                audience::node(&e.campaign.audience, p)
            && node.holds_no_condition()
        {
            self.say(
                "This group is still empty: give it a condition first (i intent, a attribute), \
                 or select another group to add one beside it.",
                Some(crate::checks::Severity::Warning),
            );
            return;
        }
        self.audience_edit(|root, at| Some(audience::insert(root, at, Condition::Any(Vec::new()))));
    }

    /// Switches the selected group between all and any, and says what that means now: the
    /// switch changes who is reached, so it is never silent.
    fn switch_group(&mut self) {
        let mut now_any = None;
        let changed = self.audience_edit(|root, at| {
            audience::toggle_group(root, at)?;
            now_any = Some(matches!(audience::node(root, at), Some(Condition::Any(_))));
            Some(at.to_vec())
        });
        let said = match now_any.filter(|_| changed) {
            Some(true) => "Now any of these: one of its conditions is enough. u undoes",
            Some(false) => "Now all of these: every one of its conditions must hold. u undoes",
            None => return,
        };
        self.say(said, None);
    }

    /// Applies `op` to the audience at the selected node; whether it changed anything.
    pub(super) fn audience_edit(
        &mut self,
        op: impl FnOnce(&mut Condition, &[usize]) -> Option<Vec<usize>>,
    ) -> bool {
        let Some(e) = self.editor.as_ref() else {
            return false;
        };
        if e.section != Section::Audience {
            return false;
        }
        let at = match e.row().map(|r| &r.field) {
            Some(Field::Node(p)) => p.clone(),
            _ => Vec::new(),
        };
        let mut moved = None;
        let changed = self.change(|c| match op(&mut c.audience, &at) {
            Some(p) => {
                moved = Some(p);
                Ok(())
            }
            None => Err("That does not apply here: select a group or a condition.".into()),
        });
        if changed && let Some(p) = moved {
            self.select_tree(&p);
        }
        changed
    }

    pub(super) fn select_tree(&mut self, tree: &[usize]) {
        if let Some(e) = self.editor.as_mut()
            && let Some(i) = e
                .derived
                .rows
                .iter()
                .position(|r| r.field == Field::Node(tree.to_vec()))
        {
            e.selected = i;
        }
    }

    pub(super) fn edit_selected(&mut self) {
        let Some(e) = self.editor.as_ref() else {
            return;
        };
        let Some(row) = e.row().cloned() else { return };
        match &row.field {
            Field::Node(path) => match audience::node(&e.campaign.audience, path) {
                Some(Condition::Intent(i)) => self.start_intent(Some((i.clone(), path.clone()))),
                Some(Condition::Attribute(a)) => {
                    self.start_attribute(Some((a.clone(), path.clone())))
                }
                Some(Condition::All(_) | Condition::Any(_)) => self.switch_group(),
                _ => self.say(
                    "Press ! to remove the Not, or select the condition inside it.",
                    None,
                ),
            },
            Field::Authority => {
                let (options, values, selected) = authority_options(&e.campaign);
                self.pick(
                    "Complaints to: the data-protection authority",
                    options,
                    selected,
                    Then::Authority(values),
                );
            }
            Field::Recipient(i, j) => {
                let r = e.campaign.data[*i].recipients[*j].clone();
                self.start_wizard(Box::new(wizards::RecipientWizard::edit(*i, *j, r)));
            }
            f => {
                let lang = editing_language(&e.campaign, e.locale);
                let kind = fields::edit_kind(&e.campaign, f, lang);
                // A typed text is edited in one language at a time: the title says which.
                // (L changes the language on the form; in the box it is a letter like any.)
                let title = if f.is_typed_text() && e.campaign.locales.len() > 1 {
                    let name =
                        disclosure::locale(lang).map_or(lang.to_string(), |l| l.name.clone());
                    format!("{}, in {name}", row.label)
                } else if matches!(f, Field::ZoneUses(_)) {
                    // The row's two words need their meaning where the choice is made.
                    "Also reads: data the zone shows beyond its kind (a greeting reads a first name)"
                        .to_string()
                } else {
                    row.label.clone()
                };
                match kind {
                    EditKind::Text { value, hint, .. } => {
                        self.prompt(&title, hint, value, Then::Field(f.clone()), false)
                    }
                    EditKind::Number { value, min, max } => self.prompt(
                        &title,
                        &format!("a whole number from {min} to {max}"),
                        value.to_string(),
                        Then::Field(f.clone()),
                        true,
                    ),
                    EditKind::Choice { options, selected } => {
                        let options = options
                            .into_iter()
                            .map(|o| fields::display_option(f, o))
                            .collect();
                        self.pick(&title, options, selected, Then::Field(f.clone()))
                    }
                    EditKind::Multi { options, checked } => {
                        let options = options
                            .into_iter()
                            .map(|o| fields::display_option(f, o))
                            .collect();
                        self.checklist(&title, options, checked, Then::Field(f.clone()));
                    }
                    // A placeholder ("none yet, press a") starts adding what it is about.
                    EditKind::None if matches!(f, Field::Note) && row.path == "consent.opt_out" => {
                        let w = wizards::NewOptOut::for_campaign(&e.campaign);
                        self.start_wizard(Box::new(w))
                    }
                    EditKind::None if matches!(f, Field::Note) && row.path == "zones" => {
                        self.add_item()
                    }
                    EditKind::None
                        if matches!(f, Field::Note) && row.path == "audience" && !row.header =>
                    {
                        self.start_intent(None)
                    }
                    EditKind::Wizard | EditKind::None => {
                        if !row.header && !matches!(f, Field::Note) {
                            self.say(
                                "Nothing to edit here: delete it with x and add a new one with a.",
                                None,
                            );
                        }
                    }
                }
            }
        }
    }

    pub(super) fn apply_field(&mut self, f: &Field, v: EditValue) -> AppResult {
        if self.draft_kept_for_later() {
            return Ok(());
        }
        // The review gate, refused here already so the picker can say why.
        if *f == Field::Status
            && let (Some(e), EditValue::Index(i)) = (self.editor.as_ref(), &v)
            && let Some(status) = Status::ALL.get(*i)
            && let Some(refusal) = checks::review_gate(*status, &e.derived.findings)
        {
            return Err(format!("Cannot move to {}: {refusal}", status.label()).into());
        }
        let e = self.editor.as_mut().ok_or(AppError::NoCampaign)?;
        let before = e.campaign.clone();
        let mut next = before.clone();
        let lang = editing_language(&before, e.locale).to_string();
        fields::apply(&mut next, f, v, &lang)?;
        refuse_new_problem(&before, &next)?;
        e.campaign = next;
        self.commit_edit(before);
        Ok(())
    }

    pub(super) fn remove_selected(&mut self) {
        let Some(e) = self.editor.as_ref() else {
            return;
        };
        let Some(row) = e.row().cloned() else { return };
        if let Field::Node(path) = &row.field {
            let mut removed = None;
            let applied = self.change(|c| {
                removed = audience::remove(&mut c.audience, path);
                removed
                    .as_ref()
                    .map(|_| ())
                    .ok_or_else(|| "nothing to delete here".into())
            });
            // A refused change has said why; it deleted nothing.
            if let Some(r) = removed.filter(|_| applied) {
                // The top group itself stays: what went is what it held.
                let said = if path.is_empty() {
                    let n = match &r {
                        Condition::All(items) | Condition::Any(items) => items.len(),
                        _ => 1,
                    };
                    format!(
                        "Took out {}: everyone sees this campaign now (u undoes)",
                        if n == 1 {
                            "the audience's only condition".to_string()
                        } else {
                            format!("all {n} of the audience's conditions")
                        }
                    )
                } else {
                    format!("Deleted: {} (u undoes)", fields::describe_condition(&r))
                };
                self.say(said, None);
            }
            return;
        }
        let Some(item) = fields::item_of(&row.field) else {
            return self.say(
                "Select a zone, field, recipient or other item to delete.",
                None,
            );
        };
        let mut what = String::new();
        if self.change(|c| {
            what = fields::remove(c, item);
            Ok(())
        }) {
            self.say(format!("{what} (u undoes)"), None);
        }
    }

    pub(super) fn move_selected(&mut self, up: bool) {
        let Some(e) = self.editor.as_ref() else {
            return;
        };
        let Some(row) = e.row().cloned() else { return };
        if let Field::Node(path) = &row.field {
            let mut to = None;
            let applied = self.change(|c| {
                to = audience::move_node(&mut c.audience, path, up);
                to.as_ref()
                    .map(|_| ())
                    .ok_or_else(|| "It is already at the end of its group.".into())
            });
            if let Some(p) = to.filter(|_| applied) {
                self.select_tree(&p);
            }
            return;
        }
        let Some(item) = fields::item_of(&row.field) else {
            return;
        };
        let offset = e.selected
            - e.derived
                .rows
                .iter()
                .position(|r| fields::item_of(&r.field) == Some(item))
                .unwrap_or(e.selected);
        let mut moved = None;
        let applied = self.change(|c| {
            moved = fields::move_item(c, item, up);
            moved
                .map(|_| ())
                .ok_or_else(|| "It is already at the end of its list.".into())
        });
        if let (Some(to), Some(e)) = (moved.filter(|_| applied), self.editor.as_mut())
            && let Some(start) = e
                .derived
                .rows
                .iter()
                .position(|r| fields::item_of(&r.field) == Some(to))
        {
            e.selected = start + offset;
        }
    }

    pub(super) fn add_item(&mut self) {
        let Some(e) = self.editor.as_ref() else {
            return;
        };
        let choices = match e.section {
            Section::Zones => {
                let w = wizards::NewZone::new(e.campaign.zones.len() as u32 + 1);
                return self.start_wizard(Box::new(w));
            }
            Section::Data => {
                let mut choices = vec![AddChoice::DataField];
                if let Some(Item::Data(i) | Item::Recipient(i, _)) =
                    e.row().and_then(|r| fields::item_of(&r.field))
                {
                    choices.push(AddChoice::Recipient(i));
                }
                choices.extend([AddChoice::Activation, AddChoice::Model]);
                choices
            }
            Section::Value => vec![AddChoice::Benefit, AddChoice::OptOut],
            _ => return,
        };
        // On the consent rows, the opt-out is what is being added.
        let on_consent = e.row().is_some_and(|r| r.path.starts_with("consent"));
        let selected = choices
            .iter()
            .position(|c| on_consent && *c == AddChoice::OptOut)
            .unwrap_or(0);
        let options = choices.iter().map(|c| c.option()).collect();
        self.pick("Add", options, selected, Then::AddMenu(choices));
    }

    pub(super) fn selected_node(&self) -> Vec<usize> {
        match self.editor.as_ref().and_then(|e| e.row()).map(|r| &r.field) {
            Some(Field::Node(p)) => p.clone(),
            _ => Vec::new(),
        }
    }

    /// Conditions are added in the audience section; go there first.
    pub(super) fn ensure_audience(&mut self) {
        if self
            .editor
            .as_ref()
            .is_some_and(|e| e.section != Section::Audience)
        {
            self.set_section(Section::Audience);
        }
    }

    /// After a condition wizard placed a condition: select it and say what Candor thinks of
    /// the audience now.
    pub(super) fn condition_placed(&mut self, placed: &[usize], replaced: bool) {
        self.select_tree(placed);
        // The most severe of what counts (first of equals), said at its own severity: an
        // error is not a warning.
        let note = self.editor.as_ref().and_then(|e| {
            e.derived
                .findings
                .iter()
                .enumerate()
                .filter(|(_, f)| {
                    f.location.starts_with("audience")
                        && f.severity >= Severity::Warning
                        && f.waived.is_none()
                })
                .max_by_key(|(i, f)| (f.severity, std::cmp::Reverse(*i)))
                .map(|(_, f)| (f.message.clone(), f.severity))
        });
        match note {
            Some((n, severity)) => {
                // And the key that deals with it, where one does.
                let key = self.editor.as_ref().and_then(|e| {
                    let worst = e.derived.findings.iter().find(|f| f.message == n)?;
                    if worst.rule == "undeclared-data-use" {
                        Some("d declares it")
                    } else if crate::checks::rule(worst.rule).is_some_and(|r| r.intent_advice) {
                        Some("f follows the advice")
                    } else {
                        None
                    }
                });
                let key = key.map(|k| format!(" ({k})")).unwrap_or_default();
                self.say(format!("Added, but: {n}{key}"), Some(severity))
            }
            None => self.say(
                if replaced {
                    "Condition updated"
                } else {
                    "Condition added"
                },
                None,
            ),
        }
    }

    /// After languages were added, offers to write each visitor text in the first new one.
    pub(super) fn offer_translations(&mut self, before: &[String]) {
        let Some(e) = self.editor.as_ref() else {
            return;
        };
        let c = &e.campaign;
        let Some(lang) = c.locales.iter().find(|l| !before.contains(l)).cloned() else {
            return;
        };
        let paths: Vec<String> = c
            .visitor_texts()
            .into_iter()
            .filter(|(_, _, t)| !t.is_blank() && t.exact(&lang, c.first_locale()).is_none())
            .map(|(p, _, _)| p)
            .collect();
        if !paths.is_empty() {
            self.ask_translation(lang, paths, 0);
        }
    }

    /// Asks for the `at`-th text in `lang`, showing the first language's text to translate.
    pub(super) fn ask_translation(&mut self, lang: String, paths: Vec<String>, at: usize) {
        let Some(e) = self.editor.as_ref() else {
            return;
        };
        let c = &e.campaign;
        let name = disclosure::locale(&lang).map_or(lang.clone(), |l| l.name.clone());
        let texts = c.visitor_texts();
        let Some(path) = paths.get(at) else {
            let left = texts
                .iter()
                .filter(|(p, _, t)| paths.contains(p) && t.exact(&lang, c.first_locale()).is_none())
                .count();
            let note = match left {
                0 => format!("Every text now has its {name} version."),
                1 => format!("1 text still has no {name} version: missing-translation lists it."),
                n => format!(
                    "{n} texts still have no {name} version: missing-translation lists them."
                ),
            };
            return self.say(note, None);
        };
        let Some((_, what, text)) = texts.iter().find(|(p, _, _)| p == path) else {
            return self.ask_translation(lang, paths, at + 1);
        };
        let source = text.source(c.first_locale()).map(clean).unwrap_or_default();
        let title = format!("{name} {}/{}: {what}", at + 1, paths.len());
        let from = disclosure::locale(c.first_locale()).map_or(String::new(), |l| l.name.clone());
        let hint = format!(
            "{from}: \"{}\"; leave empty to skip",
            crate::text::truncate(&source, 56)
        );
        self.prompt(
            &title,
            &hint,
            String::new(),
            Then::Translate { lang, paths, at },
            false,
        );
    }

    /// The undeclared-data-use finding `d` acts on in the form: the one about the selected row
    /// (a condition or zone that reads data no field declares, or a row of Data collected's
    /// "Read, not declared"), else the first about this section. Data collected lists what
    /// every section reads, so there it is any of them.
    pub fn form_undeclared(e: &Editor) -> Option<&crate::checks::Finding> {
        let here = e.derived.rows.get(e.selected).map(|r| r.path.as_str());
        let undeclared = || {
            e.derived.findings.iter().filter(|f| {
                f.rule == "undeclared-data-use"
                    && (e.section == Section::Data
                        || Section::of_location(&f.location) == e.section)
            })
        };
        undeclared()
            .find(|f| here.is_some_and(|p| !p.is_empty() && f.location.starts_with(p)))
            .or_else(|| undeclared().next())
    }

    /// Declares the category an undeclared-data-use finding names, with the suggestion from
    /// `assets/vocab/data_map.ron`, and shows the new field to adjust.
    pub(super) fn declare_finding(&mut self) {
        let Some(e) = self.editor.as_ref() else {
            return;
        };
        // On the findings tab, the finding shown; in the audience, what a condition reads.
        let in_findings = e.focus == Focus::Panel && e.panel == PanelTab::Findings;
        let f = if in_findings {
            e.derived.findings.get(e.finding)
        } else {
            Self::form_undeclared(e)
        };
        let Some(f) = f else {
            if !in_findings {
                let what = match e.section {
                    Section::Audience => "the audience reads",
                    Section::Data => "the campaign reads",
                    _ => "this section reads",
                };
                self.say(
                    format!("Nothing to declare: a data field declares everything {what}"),
                    None,
                );
            }
            return;
        };
        if f.rule != "undeclared-data-use" {
            return self.say(
                "d declares undeclared data; this finding is about something else (Enter explains it).",
                None,
            );
        }
        let Some(field) = datamap::suggested_field(&e.campaign, &f.location) else {
            return;
        };
        let note = format!(
            "Declared {}; adjust what Candor suggested.",
            clean(&field.category)
        );
        self.set_section(Section::Data);
        if let Some(e) = self.editor.as_mut() {
            e.focus = Focus::Form;
        }
        let mut placed = wizards::Placed::Elsewhere("");
        if self.change(|c| {
            placed = wizards::append("data", &mut c.data, field);
            Ok(())
        }) && let wizards::Placed::Row(path) = placed
        {
            self.select_path(&path);
            self.say(note, None);
        }
    }

    pub(super) fn jump_to_finding(&mut self) {
        let Some(e) = self.editor.as_mut() else {
            return;
        };
        let Some(f) = e.derived.findings.get(e.finding).cloned() else {
            return;
        };
        e.section = Section::of_location(&f.location);
        e.focus = Focus::Form;
        e.recompute();
        let best = fields::row_for(&e.derived.rows, &f.location);
        if let Some(i) = best {
            e.selected = i;
        }
        self.open(Dialog::Explain(Explain::new(f.rule)));
    }
}

/// Refuses an edit that breaks a rule of the file format `before` kept: such a campaign could
/// be neither saved nor loaded again. A problem `before` already had (from an older file) does
/// not block other edits.
fn refuse_new_problem(before: &Campaign, next: &Campaign) -> AppResult {
    if let Some(p) = validate::deeper_than_allowed(before, next) {
        return Err(p.sentence().into());
    }
    let problems = validate::validate(next);
    if problems.is_empty() {
        return Ok(());
    }
    let had = validate::validate(before);
    match problems.into_iter().find(|p| !had.contains(p)) {
        // Said in words, with what to do; the path is for files, not for the person typing.
        Some(p) => Err(p.sentence().into()),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every edit goes through `change` or `apply_field`; neither lets the campaign break a rule
    /// a file must keep, so what is saved always loads again.
    #[test]
    fn an_edit_that_would_not_load_again_is_refused_and_said() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(&dir.path().join("t.db")).unwrap();
        let mut app = App::new(store);
        app.open_campaign("welcome-email");
        let before = app.editor.as_ref().unwrap().campaign.clone();
        let applied = app.change(|c| {
            c.consent.opt_out.push(OptOut::Link("|".into()));
            Ok(())
        });
        assert!(!applied);
        assert_eq!(app.editor.as_ref().unwrap().campaign, before);
        let said = &app.message.as_ref().unwrap().text;
        assert!(said.contains("\"|\") is not a web address"), "{said}");
        // A change that keeps the rules still lands.
        assert!(app.change(|c| {
            c.consent
                .opt_out
                .push(OptOut::Link("https://shop.example/stop".into()));
            Ok(())
        }));
        assert_eq!(
            app.editor.as_ref().unwrap().campaign.consent.opt_out.len(),
            before.consent.opt_out.len() + 1
        );
    }
}
