//! Routing each dialog's reply back to what asked: `Then` for prompts and pickers, `Confirmed`
//! for confirmations.

use super::*;
use crate::model::*;
use crate::text::clean;
use fields::{EditValue, Field, required};
use templates::Template;

impl App {
    /// Handles the answer to a prompt or picker. An error keeps the overlay open with the message.
    pub(super) fn reply(&mut self, then: Then, v: EditValue) -> AppResult {
        match then {
            Then::Field(f) => {
                let before = self.editor.as_ref().map(|e| e.campaign.locales.clone());
                self.apply_field(&f, v)?;
                if f == Field::Locales
                    && let Some(before) = before
                {
                    self.offer_translations(&before);
                }
                if f == Field::Status {
                    self.say("Status changed; save (Ctrl-S) to record it", None);
                }
                Ok(())
            }
            Then::Wizard(w) => Ok(self.wizard_answer(w, v)?),
            Then::WaiveReason { rule, location } => match v {
                EditValue::Text(t) => self.waive_reason(rule, location, t),
                _ => Ok(()),
            },
            Then::WaiveUntil {
                rule,
                location,
                reason,
            } => match v {
                EditValue::Text(t) => self.waive_until(rule, location, reason, t),
                _ => Ok(()),
            },
            Then::Translate { lang, paths, at } => {
                let EditValue::Text(t) = v else {
                    return Ok(());
                };
                if !t.trim().is_empty() {
                    let path = paths[at].clone();
                    let lang2 = lang.clone();
                    self.change(move |c| {
                        let first = c.first_locale().to_string();
                        let text = c.visitor_text_mut(&path).ok_or("that text is gone")?;
                        text.set(&lang2, &first, &t);
                        Ok(())
                    });
                }
                self.ask_translation(lang, paths, at + 1);
                Ok(())
            }
            Then::Authority(values) => {
                let EditValue::Index(i) = v else {
                    return Ok(());
                };
                match values.get(i) {
                    Some(choice) => self.apply_field(
                        &Field::Authority,
                        EditValue::Text(choice.clone().unwrap_or_default()),
                    ),
                    None => {
                        let current = self
                            .editor
                            .as_ref()
                            .and_then(|e| e.campaign.controller.authority.clone())
                            .unwrap_or_default();
                        self.prompt(
                            "Complaints to",
                            "the authority that supervises the brand, and its web address",
                            current,
                            Then::Field(Field::Authority),
                            false,
                        );
                        Ok(())
                    }
                }
            }
            Then::Template => {
                let EditValue::Index(i) = v else {
                    return Ok(());
                };
                let t = Template::ALL[i.min(Template::ALL.len() - 1)];
                self.prompt(
                    "New campaign: name",
                    "what colleagues will call it",
                    String::new(),
                    Then::NewCampaign(t),
                    false,
                );
                Ok(())
            }
            Then::NewCampaign(t) => {
                let EditValue::Text(name) = v else {
                    return Ok(());
                };
                let name = required(name, "the name")?;
                let id = self.unique_id(&name);
                let mut c = t.build(&id, &name);
                c.owner = self.store.author().to_string();
                self.settle_autosave();
                self.store.create(&c, "created")?;
                self.reload_library();
                self.open_campaign(&id);
                // What is left to write, said where the marketer looks first.
                let then = if t == Template::Blank {
                    ""
                } else {
                    ": write your brand, addresses and offer where it shows <…> and example.com"
                };
                self.say(
                    format!(
                        "Created \"{}\" from the {} template{then}",
                        clean(&name),
                        t.label()
                    ),
                    None,
                );
                Ok(())
            }
            Then::Rename(id) => {
                let EditValue::Text(name) = v else {
                    return Ok(());
                };
                let name = required(name, "the name")?;
                self.settle_autosave();
                self.store.rename(&id, &name)?;
                self.reload_library();
                self.say(format!("Renamed to \"{}\"", clean(&name)), None);
                Ok(())
            }
            Then::Duplicate(id) => {
                let EditValue::Text(name) = v else {
                    return Ok(());
                };
                let name = required(name, "the name")?;
                let new_id = self.unique_id(&name);
                self.settle_autosave();
                self.store.duplicate(&id, &new_id, &name)?;
                self.reload_library();
                self.select_in_library(&new_id);
                self.say(format!("Copied as \"{}\"", clean(&name)), None);
                Ok(())
            }
            Then::Import => {
                let EditValue::Text(path) = v else {
                    return Ok(());
                };
                let path = self.typed_path(&path);
                if !path.exists() {
                    return Err(AppError::NoSuchPath(clean(&path.display().to_string())));
                }
                // As `candor import` does: folders searched with their subfolders, on another
                // thread; `import_step` takes the files found and imports them.
                self.start_import(path);
                Ok(())
            }
            Then::Export(id) => {
                let EditValue::Text(dir) = v else {
                    return Ok(());
                };
                let dir = self.typed_path(&dir);
                // Said whole: a relative path means nothing once you forget where Candor ran.
                let dir = std::path::absolute(&dir).unwrap_or(dir);
                // Offered next time (not kept on a read-only library; that is no loss).
                if let Err(e) = self.store.ui_set("export_dir", &dir.display().to_string()) {
                    log::info!("the export folder is not remembered: {e}");
                }
                // Ids are lowercase letters, digits and dashes: a plain file name.
                let file = dir.join(format!("{id}.ron"));
                let shown = clean(&file.display().to_string());
                if let Ok(there) = std::fs::read_to_string(&file) {
                    let head = self.store.get(&id)?.revision.number;
                    if there == self.store.revision_text(&id, head)? {
                        self.say(
                            format!("{shown} already holds this revision; left as it was"),
                            None,
                        );
                        return Ok(());
                    }
                    // Someone may have changed it since: asked, not overwritten.
                    self.open(Dialog::Confirm(
                        Confirm::new(
                            "Replace the exported file?",
                            vec![
                                format!("{shown} is already there, with another text."),
                                format!(
                                    "Replacing it writes revision {head} of the library over it."
                                ),
                            ],
                            vec![
                                ('r', "replace it", Confirmed::ReplaceExport),
                                ('k', "keep it; export nothing", Confirmed::Dismiss),
                            ],
                        )
                        .about(&file.to_string_lossy()),
                    ));
                    return Ok(());
                }
                self.export_to(&id, &dir)?;
                Ok(())
            }
            Then::SaveMessage => {
                let EditValue::Text(message) = v else {
                    return Ok(());
                };
                self.save_with(Some(message));
                Ok(())
            }
            Then::AddMenu(choices) => {
                let choice = fields::picked(&choices, &v)?;
                let Some(e) = &self.editor else {
                    return Ok(());
                };
                let wizard = choice.wizard(&e.campaign, e.locale);
                self.start_wizard(wizard);
                Ok(())
            }
            Then::OpenReview => {
                let EditValue::Text(path) = v else {
                    return Ok(());
                };
                let path = self.typed_path(&path);
                if !path.exists() {
                    return Err(AppError::NoSuchPath(clean(&path.display().to_string())));
                }
                self.open_review(&path);
                Ok(())
            }
            Then::Decision(d) => {
                let EditValue::Text(notes) = v else {
                    return Ok(());
                };
                let Some(r) = self.review.as_ref() else {
                    return Ok(());
                };
                if r.unreadable {
                    return Err(
                        format!("Nothing to decide on: {} could not be read", r.shown).into(),
                    );
                }
                if d == crate::store::Decision::Approve
                    && let Some(why) = r.approval_refusal()
                {
                    return Err(format!("Cannot approve: {why}; request changes instead").into());
                }
                if d == crate::store::Decision::RequestChanges && notes.trim().is_empty() {
                    return Err("Say what must change; the author reads this note".into());
                }
                // As a waiver's reason: a few words a later reader can weigh, not "ok".
                let warnings = r.standing_warnings();
                let min = crate::checks::MIN_JUSTIFICATION_WORDS;
                if d == crate::store::Decision::Approve
                    && warnings > 0
                    && notes.split_whitespace().count() < min
                {
                    return Err(format!(
                        "Say why its {} can stand, in {min} words or more; the note is kept with the approval",
                        crate::text::plural(warnings, "warning", "warnings")
                    )
                    .into());
                }
                let (text, shown, file) = (r.text.clone(), r.shown.clone(), r.file.clone());
                self.settle_autosave();
                self.store.add_review(&text, &shown, d, notes.trim())?;
                let tab = review::ReviewTab::Decisions;
                self.open_review(&file);
                if let Some(r) = self.review.as_mut() {
                    r.tab = tab;
                }
                self.say(
                    format!("Recorded: {} by {}", d.label(), clean(self.store.author())),
                    None,
                );
                Ok(())
            }
        }
    }

    /// Writes campaign `id`'s latest revision to `dir` and says where, whole.
    fn export_to(&mut self, id: &str, dir: &std::path::Path) -> AppResult {
        let written = self.store.export(&[id.to_string()], dir)?;
        let shown = written
            .first()
            .map(|p| clean(&p.display().to_string()))
            .unwrap_or_default();
        self.say(format!("Exported to {shown}"), None);
        Ok(())
    }

    pub(super) fn confirmed(&mut self, what: Confirmed, subject: &str) {
        // Most answers write: drafts still being written land first.
        self.settle_autosave();
        match what {
            Confirmed::Dismiss => {}
            Confirmed::ReplaceExport => {
                let file = std::path::PathBuf::from(subject);
                let (Some(dir), Some(id)) = (file.parent(), file.file_stem()) else {
                    return;
                };
                if let Err(e) = self.export_to(&id.to_string_lossy(), dir) {
                    self.fail(e.to_string());
                }
            }
            Confirmed::MakeSample => self.make_sample_population(),
            Confirmed::Archive => match self.store.set_status(subject, Status::Archived) {
                Ok(_) => {
                    self.reload_library();
                    // The list may re-sort: the cursor stays on the campaign just archived.
                    self.select_in_library(subject);
                    self.say("Archived; it stays in the library with its history", None);
                }
                Err(e) => self.fail(e.to_string()),
            },
            Confirmed::RestoreRevision(n) => self.restore_revision(n),
            Confirmed::KeepDraft => {
                if let Some(e) = self.editor.as_mut().filter(|e| e.campaign.id == subject) {
                    e.kept_for_later = true;
                }
                self.say(
                    "The unsaved edits stay as a draft; reopen the campaign, or start editing, to restore or discard them.",
                    None,
                );
            }
            Confirmed::Delete => match self.store.delete(subject) {
                Ok(()) => {
                    self.reload_library();
                    self.say("Deleted", None);
                }
                Err(e) => self.fail(e.to_string()),
            },
            Confirmed::QuitSave => {
                self.save();
                if self.editor.as_ref().is_some_and(|e| !e.dirty()) {
                    self.quit = true;
                }
            }
            Confirmed::QuitKeep => {
                let Some(e) = self.editor.as_ref() else {
                    self.quit = true;
                    return;
                };
                match self.store.save_draft(&e.campaign, e.base) {
                    Ok(()) => self.quit = true,
                    Err(err) => self.fail(format!(
                        "Could not keep the draft ({err}); the edits are still open: save them, or try again"
                    )),
                }
            }
            Confirmed::UseKeptFile => {
                let Some(id) = self.editor.as_ref().map(|e| e.campaign.id.clone()) else {
                    return;
                };
                self.kept_files
                    .insert(id.clone(), std::path::PathBuf::from(subject));
                if let Some((c, path)) = self.kept_version(&id)
                    && let Some(e) = self.editor.as_mut()
                {
                    e.undo.push(e.campaign.clone());
                    e.campaign = c.clone();
                    e.saved = c;
                    e.kept_in = Some(path);
                    e.recompute();
                    self.say(
                        "Opened your edits kept in a file (this library cannot be changed)",
                        None,
                    );
                }
            }
            Confirmed::QuitDiscard => {
                if self.store.read_only().is_some() {
                    self.discard_file_edits();
                } else if let Some(e) = &self.editor
                    && let Err(err) = self.store.discard_draft(&e.campaign.id)
                {
                    // Quitting anyway: the draft is offered again on the next open.
                    log::warn!("could not discard the draft of {}: {err}", e.campaign.id);
                }
                self.quit = true;
            }
            Confirmed::RestoreDraft => {
                let draft = match self.store.draft(subject) {
                    Ok(d) => d,
                    Err(err) => {
                        return self.fail(format!(
                            "Could not read the unsaved edits ({err}); they are left as they were"
                        ));
                    }
                };
                match (self.editor.as_mut(), draft) {
                    (Some(e), Some(d)) => {
                        let before = e.campaign.clone();
                        e.kept_for_later = false;
                        e.campaign = d.campaign;
                        e.base = d.base_revision;
                        e.undo.push(before);
                        e.owns_draft = true;
                        e.recompute();
                        self.say(
                            "Restored the unsaved edits; Ctrl-S saves them as a revision",
                            None,
                        );
                    }
                    (_, None) => self.fail("The unsaved edits are no longer there"),
                    (None, Some(_)) => {}
                }
            }
            Confirmed::DiscardDraft => {
                // One letter discards, so one letter brings them back: the edits go on the undo
                // stack of the campaign they were made to (when they started from the revision
                // open now; older ones are for the restore question, which says so).
                let kept = self.store.draft(subject).ok().flatten();
                match self.store.discard_draft(subject) {
                    Ok(()) => {
                        if let Some(e) = self.editor.as_mut().filter(|e| e.campaign.id == subject) {
                            e.kept_for_later = false;
                        }
                        let undoable = match (self.editor.as_mut(), kept) {
                            (Some(e), Some(d))
                                if e.campaign.id == subject && d.base_revision == e.base =>
                            {
                                e.undo.push(d.campaign);
                                true
                            }
                            _ => false,
                        };
                        if undoable {
                            self.say("Discarded the unsaved edits; u brings them back", None)
                        } else {
                            self.say("Discarded the unsaved edits", None)
                        }
                    }
                    Err(err) => self.fail(format!("Could not discard the edits: {err}")),
                }
            }
            Confirmed::SaveAsCopy => {
                let Some(e) = self.editor.as_ref() else {
                    return;
                };
                let mut copy = e.campaign.clone();
                copy.id = self.unique_id(&format!("{} copy", copy.id));
                copy.name = format!("{} (my copy)", copy.name);
                copy.status = Status::Draft;
                let old_id = e.campaign.id.clone();
                match self
                    .store
                    .create(&copy, &format!("copy of my edits to {old_id}"))
                {
                    Ok(_) => {
                        if let Err(err) = self.store.discard_draft(&old_id) {
                            log::warn!("the copy is saved; the old draft of {old_id} stays: {err}");
                        }
                        self.close_screen(ScreenId::Editor);
                        self.reload_library();
                        self.open_campaign(&copy.id);
                        self.say(
                            "Your edits are saved as a copy; the original keeps the other revision",
                            None,
                        );
                    }
                    Err(err) => self.fail(err.to_string()),
                }
            }
            Confirmed::OpenTheirs => {
                let Some(e) = self.editor.as_ref() else {
                    return;
                };
                let id = e.campaign.id.clone();
                // The edits are closed only once they are safely a draft; the next open of the
                // campaign offers them again.
                if let Err(err) = self.store.save_draft(&e.campaign, e.base) {
                    return self.fail(format!(
                        "Could not keep your edits as a draft ({err}), so they are still open here: save them as a copy (Ctrl-S, then c) or export them"
                    ));
                }
                self.close_screen(ScreenId::Editor);
                self.open_campaign(&id);
                self.say(
                    "Opened the latest revision; your edits are kept as a draft (open the campaign again to restore them)",
                    None,
                );
            }
        }
    }
}
