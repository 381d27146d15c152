//! Saving revisions, autosaving drafts, and the import that runs a batch per tick.

use std::time::Instant;

use super::*;
use crate::checks::Severity;
use crate::store::StoreError;
use crate::text::clean;

impl App {
    /// Saves a revision with a message Candor writes from what changed.
    pub fn save(&mut self) {
        self.save_with(None);
    }

    /// Asks for the revision's message, starting from the one Candor would write.
    pub(super) fn save_asking(&mut self) {
        let Some(e) = self.editor.as_ref() else {
            return;
        };
        if !e.dirty() {
            return self.say("No changes to save", None);
        }
        let suggested = auto_message(e);
        let mut prompt = Prompt::new(
            "Save a revision: what changed, and why?",
            "the history shows this line. Enter keeps Candor's words, typing replaces them, ← or End edits them",
            suggested,
            Then::SaveMessage,
            false,
        );
        // Candor's words are a suggestion: the first letter typed starts the user's own.
        prompt.replace_on_type = true;
        self.open(Dialog::Prompt(prompt));
    }

    /// Saves a revision with `message`, or Candor's own when none is given.
    pub(super) fn save_with(&mut self, message: Option<String>) {
        self.settle_autosave();
        let Some(e) = self.editor.as_mut() else {
            return;
        };
        if !e.dirty() {
            return self.say("No changes to save", None);
        }
        let message = message
            .map(|m| m.trim().to_string())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| auto_message(e));
        self.save_message(message);
    }

    fn save_message(&mut self, message: String) {
        if let Some(why) = self.store.read_only() {
            return self.keep_as_file(why.to_string());
        }
        let Some(e) = self.editor.as_mut() else {
            return;
        };
        // A comment inside the campaign (an imported file's) cannot survive a save, which
        // writes the canonical form with the top comment only: said, not left to the diff.
        let from = e.revision_number;
        let comment = self
            .store
            .revision_text(&e.campaign.id, from)
            .ok()
            .and_then(|t| crate::model::ron_io::inner_comment(&t));
        match self.store.save(&e.campaign, e.base, &message) {
            Ok(meta) => {
                e.base = meta.id;
                e.revision_number = meta.number;
                e.saved = e.campaign.clone();
                e.edited_at = None;
                e.draft_note = None;
                let name = clean(&e.campaign.name);
                let status = e.campaign.status;
                let id = e.campaign.id.clone();
                let mut text = format!("Saved revision {} of \"{name}\"", meta.number);
                let before = text.len();
                // It still says approved or published, but what is approved is the older
                // text: said at once, not left for the library's "approved·old" to tell.
                let covered = matches!(
                    self.store.latest_review(&id),
                    Ok(Some(r)) if r.current && r.decision == crate::store::Decision::Approve
                );
                if matches!(
                    status,
                    crate::model::Status::Approved | crate::model::Status::Published
                ) && !covered
                {
                    text.push_str(&format!(
                        ". It says {}, but no approval covers this text: it needs a new review before it reaches visitors",
                        status.label()
                    ));
                }
                if let Some(p) = comment {
                    text.push_str(&format!(
                        ". Only the comment at the top of the file is kept: the one at line {} of revision {from} is not in this one (it stays in revision {from})",
                        p.line
                    ));
                }
                // Anything added to "Saved revision N" is a warning.
                let warn = text.len() > before;
                self.say(text, warn.then_some(Severity::Warning));
            }
            Err(StoreError::Conflict { number, by, at, .. }) => {
                e.edited_at = None;
                // The newer revision may be the user's own (a restore, another window, the
                // command line): it is only "someone else" when another author saved it.
                let mine = by == self.store.author();
                let (title, who) = if mine {
                    (
                        "A newer revision was saved",
                        format!("You ({})", clean(&by)),
                    )
                } else {
                    ("Someone else saved first", clean(&by))
                };
                self.open(Dialog::Confirm(Confirm::new(
                    title,
                    vec![
                        format!(
                            "{who} saved revision {number} at {} after these edits began.",
                            short_time(&at)
                        ),
                        "Nothing was overwritten. Your edits are kept as a draft.".into(),
                    ],
                    vec![
                        ('c', "save my edits as a new copy", Confirmed::SaveAsCopy),
                        (
                            'o',
                            "open the newer revision (my draft stays)",
                            Confirmed::OpenTheirs,
                        ),
                        ('k', "keep editing", Confirmed::Dismiss),
                    ],
                )));
            }
            Err(StoreError::Gone { .. }) => {
                self.keep_as_file("its file was deleted or replaced while Candor ran".into())
            }
            Err(err) => self.fail(err.to_string()),
        }
    }

    /// On a library that cannot be written (`why`): writes the campaign being edited as a RON
    /// file where the user may write (Candor's data folder, else the temporary folder; the same
    /// file for every save of this editing session), and says where in a dialog, whole, with
    /// how to bring it into a library. The edits then count as kept.
    pub(super) fn keep_as_file(&mut self, why: String) {
        let path = match self.write_edits_file() {
            Ok(p) => p,
            Err(tried) => {
                return self.fail(format!(
                    "This library cannot be changed ({why}) and the edits could not be written as a file ({tried}); they are still open here: copy them out before quitting"
                ));
            }
        };
        let Some(e) = self.editor.as_mut() else {
            return;
        };
        e.saved = e.campaign.clone();
        e.edited_at = None;
        e.kept_in = Some(path.clone());
        e.draft_file = None;
        e.draft_note = None;
        self.kept_files.insert(e.campaign.id.clone(), path.clone());
        let shown = clean(&path.display().to_string());
        // Also in the log: a Ctrl-C on a terminal too small for the dialog quits before
        // anyone reads it.
        log::info!("edits to {} kept in {shown}", e.campaign.id);
        self.message = None;
        let mut body = vec![format!(
            "This library cannot be changed ({why}), so your edits were not saved in it. They are in this file:"
        )];
        body.extend(path_lines(&path));
        body.push(
            "To bring them into a library you can change, pass this file to candor import.".into(),
        );
        self.open(Dialog::Confirm(Confirm::new(
            "Edits kept in a file",
            body,
            vec![('o', "ok", Confirmed::Dismiss)],
        )))
    }

    /// The comment at the top of a file of kept edits: which library they belong to (so a later
    /// session offers them only for that library) and how to bring them in.
    pub(super) fn kept_file_comment(&self) -> String {
        format!(
            "// Edits kept by Candor, as the library could not be changed: {}\n// Bring them into a library you can change with: candor import FILE\n",
            clean(&self.store.path().display().to_string())
        )
    }

    /// Writes the campaign being edited, as it is now, to this editing session's file (the
    /// one it was kept or autosaved in, else a new `<id>-<stamp>.ron` in the first folder for
    /// unsaved edits that can be written). Returns the path, or what each try said.
    fn write_edits_file(&mut self) -> Result<std::path::PathBuf, String> {
        let Some(e) = self.editor.as_ref() else {
            return Err("no campaign is open".into());
        };
        let text = crate::model::ron_io::document_text(&e.campaign, &self.kept_file_comment())
            .map_err(|err| format!("could not write the campaign as RON: {err}"))?;
        let stamp: String = crate::store::now()
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let name = format!("{}-{stamp}.ron", e.campaign.id);
        let places: Vec<std::path::PathBuf> = match e.kept_in.as_ref().or(e.draft_file.as_ref()) {
            Some(p) => vec![p.clone()],
            None => self.unsaved_dirs.iter().map(|d| d.join(&name)).collect(),
        };
        let mut tried = Vec::new();
        for path in places {
            if let Some(dir) = path.parent()
                && let Err(err) = std::fs::create_dir_all(dir)
            {
                tried.push(format!(
                    "{}: {}",
                    clean(&dir.display().to_string()),
                    clean(&err.to_string())
                ));
                continue;
            }
            match crate::model::ron_io::write_atomic(&path, &text) {
                Ok(()) => return Ok(path),
                Err(err) => tried.push(err.to_string()),
            }
        }
        Err(tried.join("; "))
    }

    /// The autosave of a library that cannot be changed: the edits go to this session's file,
    /// so a crash or a closed terminal loses nothing; the next session offers the file. They
    /// still count as unsaved until the user keeps them (Ctrl-S, leaving the editor).
    fn autosave_to_file(&mut self, now: Instant) {
        match self.write_edits_file() {
            Ok(path) => {
                if let Some(e) = self.editor.as_mut() {
                    if e.kept_in.is_none() {
                        e.draft_file = Some(path);
                    }
                    e.draft_note = Some(format!("kept in a file {}", time_now()));
                }
            }
            Err(tried) => {
                if let Some(e) = self.editor.as_mut() {
                    e.edited_at = Some(now);
                }
                self.fail(format!(
                    "Could not autosave the edits to a file ({tried}); they are still open here"
                ));
            }
        }
    }

    /// Edits discarded on a library that cannot be changed: the file this session autosaved
    /// them to goes back to what was last kept there, or away when nothing was.
    pub(super) fn discard_file_edits(&mut self) {
        let comment = self.kept_file_comment();
        let Some(e) = self.editor.as_mut() else {
            return;
        };
        let result = match (&e.kept_in, e.draft_file.take()) {
            (Some(kept), _) => crate::model::ron_io::document_text(&e.saved, &comment)
                .map_err(|err| err.to_string())
                .and_then(|text| {
                    crate::model::ron_io::write_atomic(kept, &text).map_err(|err| err.to_string())
                }),
            (None, Some(file)) => std::fs::remove_file(&file).map_err(|err| err.to_string()),
            (None, None) => Ok(()),
        };
        if let Err(err) = result {
            log::warn!("could not take the discarded edits out of their file: {err}");
        }
    }

    /// Writes the draft if typing paused long enough. Called by the event loop.
    pub fn tick(&mut self, now: Instant) {
        self.import_step();
        self.collect_diff(false);
        self.collect_reach(false);
        self.collect_autosave();
        let Some(e) = self.editor.as_mut() else {
            return;
        };
        let Some(at) = e.edited_at else { return };
        if now.duration_since(at) < AUTOSAVE_AFTER {
            return;
        }
        e.edited_at = None;
        if self.store.read_only().is_some() {
            // No drafts in a library that cannot be written: the edits go to a file.
            if e.dirty() {
                self.autosave_to_file(now);
            }
            return;
        }
        // Written on the autosave thread; back at the saved text (undone to it, say), this
        // session's draft is removed there instead, so the undone edits never come back.
        self.autosave(now);
    }

    /// Removes the draft this editing session wrote, once the edits are back to the saved text.
    pub(super) fn drop_own_draft(&mut self) {
        self.settle_autosave();
        let Some(e) = self.editor.as_mut().filter(|e| e.owns_draft) else {
            return;
        };
        let id = e.campaign.id.clone();
        match self.store.discard_draft(&id) {
            Ok(()) => {
                e.owns_draft = false;
                e.draft_note = None;
            }
            Err(err) => self.fail(format!(
                "Could not remove the old draft ({err}); Candor may offer it again"
            )),
        }
    }

    /// The edits this session kept in a file for campaign `id`, read back from the file, with
    /// its path. A file that can no longer be read is said, and forgotten.
    pub(super) fn kept_version(
        &mut self,
        id: &str,
    ) -> Option<(crate::model::Campaign, std::path::PathBuf)> {
        let path = self.kept_files.get(id)?.clone();
        let read = crate::model::ron_io::read_text(&path)
            .and_then(|(name, text)| crate::model::ron_io::parse_unfinished(&name, &text));
        match read {
            Ok((c, _)) if c.id == id => Some((c, path)),
            Ok(_) => {
                self.kept_files.remove(id);
                self.fail(format!(
                    "{} now holds another campaign, so your edits to it are no longer there; showing the library's version",
                    clean(&path.display().to_string())
                ));
                None
            }
            Err(err) => {
                self.kept_files.remove(id);
                self.fail(format!(
                    "Your edits were kept in a file that can no longer be read ({err}); showing the library's version"
                ));
                None
            }
        }
    }

    /// When `tick` next has work to do, so an idle loop can sleep until then.
    pub fn next_deadline(&self) -> Option<Instant> {
        // While files are searched for, a look a few times a second shows the count.
        if self.import_job.as_ref().is_some_and(|j| j.scan.is_some()) {
            return Some(Instant::now() + std::time::Duration::from_millis(100));
        }
        if self.import_job.is_some() {
            return Some(Instant::now());
        }
        if self.background_pending() {
            // Look for the diff's or the counts' result a few times a second.
            return Some(Instant::now() + std::time::Duration::from_millis(30));
        }
        self.editor
            .as_ref()
            .and_then(|e| e.edited_at)
            .map(|t| t + AUTOSAVE_AFTER)
    }

    /// Starts an import of the `.ron` files at `path`: a file, or a folder searched with its
    /// subfolders on another thread.
    pub(super) fn start_import(&mut self, path: std::path::PathBuf) {
        self.start_import_with(path, crate::model::ron_io::collect_files_until);
    }

    /// [`Self::start_import`] with the search given, so a test can have a folder fail to read
    /// (tests run as root, where none does).
    fn start_import_with(
        &mut self,
        path: std::path::PathBuf,
        search: impl FnOnce(
            &[std::path::PathBuf],
            &std::sync::atomic::AtomicUsize,
            &std::sync::atomic::AtomicBool,
        ) -> (Vec<std::path::PathBuf>, Vec<crate::model::LoadError>)
        + Send
        + 'static,
    ) {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicBool, AtomicUsize};
        let searched = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = std::sync::mpsc::channel();
        let (s, c) = (searched.clone(), cancel.clone());
        let paths = vec![path.clone()];
        std::thread::spawn(move || {
            let _ = tx.send(search(&paths, &s, &c));
        });
        let shown = crate::text::clean(&path.display().to_string());
        self.say(format!("Looking for .ron files in {shown}…"), None);
        self.import_job = Some(ImportJob {
            scan: Some(ScanJob {
                result: rx,
                searched,
                cancel,
                shown,
            }),
            files: Vec::new(),
            total: 0,
            created: 0,
            updated: 0,
            unchanged: 0,
            drafts: 0,
            unreviewed: 0,
            withdrawn: 0,
            failures: Vec::new(),
        });
    }

    /// Stops a running import (Esc): what was imported stays, nothing more is read.
    pub(super) fn stop_import(&mut self) {
        let Some(job) = self.import_job.take() else {
            return;
        };
        self.reload_library();
        let text = if job.scan.is_some() {
            "Stopped looking for .ron files: nothing was imported.".to_string()
        } else {
            format!(
                "Import stopped: {} of {} imported; the rest were not read.",
                job.imported(),
                crate::text::plural(job.total, "file", "files")
            )
        };
        self.say(text, Some(Severity::Warning));
    }

    /// Takes the result of the search for files when it is ready: the files to import, or what
    /// to say when there are none or a folder could not be read.
    fn import_scan_step(&mut self) {
        let Some(scan) = self.import_job.as_mut().and_then(|j| j.scan.as_ref()) else {
            return;
        };
        let (files, failures) = match scan.result.try_recv() {
            Ok(found) => found,
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                let n = scan.searched.load(std::sync::atomic::Ordering::Relaxed);
                let text = format!(
                    "Looking for .ron files in {}… {} {} searched (Esc stops)",
                    scan.shown,
                    crate::text::thousands(n as u64),
                    if n == 1 { "folder" } else { "folders" }
                );
                return self.say(text, None);
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => (Vec::new(), Vec::new()),
        };
        let Some(mut job) = self.import_job.take() else {
            return;
        };
        let shown = job.scan.take().map(|s| s.shown.clone()).unwrap_or_default();
        // A folder that cannot be read is said, not taken for an empty one; the files found in
        // the others are imported all the same, and the outcome names the folder.
        if files.is_empty()
            && let Some(first) = failures.first()
        {
            return self.say(first.to_string().replace('\n', " "), Some(Severity::Error));
        }
        job.failures.extend(failures);
        if files.is_empty() {
            return self.say(
                format!("No .ron files found in {shown}: nothing was imported."),
                Some(Severity::Warning),
            );
        }
        job.total = files.len();
        job.files = files;
        self.say(
            format!(
                "Importing {}… (Esc stops)",
                crate::text::plural(job.total, "file", "files")
            ),
            None,
        );
        self.import_job = Some(job);
    }

    /// Imports the next batch of a running import and reports progress, then the outcome.
    pub(super) fn import_step(&mut self) {
        if self.import_job.as_ref().is_some_and(|j| j.scan.is_some()) {
            return self.import_scan_step();
        }
        let Some(job) = self.import_job.as_mut() else {
            return;
        };
        let take = job.files.len().min(IMPORT_STEP);
        let batch: Vec<_> = job.files.drain(..take).collect();
        let mut ready = Vec::new();
        for f in &batch {
            match crate::store::import_export::prepare_file(f) {
                Ok(r) => ready.push(r),
                Err(e) => job.failures.push(e),
            }
        }
        match self.store.import_ready(ready) {
            Ok(done) => {
                if let Some(job) = self.import_job.as_mut() {
                    job.unreviewed += done.iter().filter(|d| d.unreviewed.is_some()).count();
                    job.withdrawn += done.iter().filter(|d| d.withdrawn.is_some()).count();
                    for d in &done {
                        use crate::store::import_export::Outcome;
                        match d.outcome {
                            Outcome::Created => job.created += 1,
                            Outcome::NewRevision(_) => job.updated += 1,
                            Outcome::Unchanged => job.unchanged += 1,
                            Outcome::DemotedToDraft { revision, .. } => {
                                job.drafts += 1;
                                if revision == 1 {
                                    job.created += 1;
                                } else {
                                    job.updated += 1;
                                }
                            }
                        }
                    }
                }
            }
            Err(e) => {
                self.import_job = None;
                self.reload_library();
                return self.fail(format!(
                    "The import stopped: {e}. The batches before this one were saved."
                ));
            }
        };
        let Some(job) = self.import_job.as_mut() else {
            return;
        };
        let done = job.total - job.files.len();
        if !job.files.is_empty() {
            let text = format!("Importing… {done} of {} files (Esc stops)", job.total);
            return self.say(text, None);
        }
        let Some(job) = self.import_job.take() else {
            return;
        };
        self.reload_library();
        // As `candor import` says it: what each file did to the library.
        let mut text = format!(
            "Imported {} of {}: {} new, {} updated, {} unchanged",
            job.imported(),
            crate::text::plural(job.total, "file", "files"),
            job.created,
            job.updated,
            job.unchanged
        );
        if job.drafts > 0 {
            text.push_str(&if job.drafts == 1 {
                "; 1 kept as a draft because it has errors".to_string()
            } else {
                format!("; {} kept as drafts because they have errors", job.drafts)
            });
        }
        if job.unreviewed > 0 {
            text.push_str(&format!(
                "; {} approved or published, with no review here that approves {}",
                crate::text::plural(job.unreviewed, "says it is", "say they are"),
                if job.unreviewed == 1 { "it" } else { "them" }
            ));
        }
        if job.withdrawn > 0 {
            text.push_str(&format!(
                "; {} approved or published here, and now back to what {} file says",
                crate::text::plural(job.withdrawn, "was", "were"),
                if job.withdrawn == 1 { "its" } else { "their" }
            ));
        }
        match job.failures.first() {
            Some(first) => {
                text.push_str(&format!(
                    "; {} could not be read, first: {first}",
                    job.failures.len()
                ));
                self.say(text.replace('\n', " "), Some(Severity::Error));
            }
            None if job.withdrawn > 0 => self.say(text, Some(Severity::Warning)),
            None => self.say(text, None),
        }
    }

    // ---------------------------------------------------------------- review and history
}

/// The message Candor writes for a revision: the top-level parts changed since the last save.
fn auto_message(e: &Editor) -> String {
    change_message(&changed_parts(&e.saved, &e.campaign))
}

/// The top-level parts that differ between `a` and `b` ("objective", "value_exchange"), each
/// once, in the order of their names.
pub(super) fn changed_parts(a: &crate::model::Campaign, b: &crate::model::Campaign) -> Vec<String> {
    let mut parts: Vec<String> = review::field_diff(a, b)
        .iter()
        .filter_map(|(_, line)| {
            line.get(2..)
                .and_then(|l| l.split(['.', '[', ':']).next())
                .map(str::to_string)
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    parts.retain(|p| seen.insert(p.clone()));
    parts
}

/// A revision message naming what changed: up to four parts, then how many more.
pub(super) fn change_message(parts: &[String]) -> String {
    let shown: Vec<String> = parts.iter().take(4).map(|p| p.replace('_', " ")).collect();
    match parts.len().saturating_sub(4) {
        0 => format!("changed {}", shown.join(", ")),
        more => format!("changed {} and {more} more", shown.join(", ")),
    }
}

/// Where edits to a read-only library are kept as files, in order of preference.
pub(super) fn unsaved_dirs() -> Vec<std::path::PathBuf> {
    let mut dirs = Vec::new();
    if let Some(d) = directories::ProjectDirs::from("", "", "candor") {
        dirs.push(d.data_dir().join("unsaved"));
    }
    dirs.push(std::env::temp_dir().join("candor-unsaved"));
    dirs
}

/// A path for a dialog's text: whole when short, else its folder on one line and its file name
/// on the next, so the name is never broken in the middle where the text wraps.
pub(super) fn path_lines(path: &std::path::Path) -> Vec<String> {
    let whole = clean(&path.display().to_string());
    match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) if whole.chars().count() > 60 => vec![
            format!(
                "{}{}",
                clean(&dir.display().to_string()),
                std::path::MAIN_SEPARATOR
            ),
            clean(&name.to_string_lossy()),
        ],
        _ => vec![whole],
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_change_message_names_four_parts_and_counts_the_rest() {
        let parts: Vec<String> = [
            "name",
            "zones",
            "data",
            "value_exchange",
            "consent",
            "models",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            super::change_message(&parts),
            "changed name, zones, data, value exchange and 2 more"
        );
        assert_eq!(super::change_message(&parts[..2]), "changed name, zones");
    }

    /// The TUI import says, as `candor import` does, when a file takes an approved campaign
    /// back to draft.
    #[test]
    fn an_import_that_takes_an_approval_back_is_said() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(&dir.path().join("t.db")).unwrap();
        let mut app = crate::app::App::new(store);
        let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/campaigns/welcome-email.ron");
        let text = std::fs::read_to_string(sample).unwrap();
        let file = dir.path().join("welcome-email.ron");
        std::fs::write(&file, text.replace("status: Approved", "status: Draft")).unwrap();
        app.start_import(file);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while app.import_job.is_some() && std::time::Instant::now() < deadline {
            app.import_step();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let m = app.message.clone().unwrap();
        assert!(
            m.text.ends_with(
                "; 1 was approved or published here, and now back to what its file says"
            ),
            "{}",
            m.text
        );
        assert_eq!(m.severity, Some(crate::checks::Severity::Warning));
    }

    /// A folder that cannot be read no longer stops the import: the files found elsewhere are
    /// imported, and the outcome names the folder as an error. With nothing found, the folder
    /// is the whole message.
    #[test]
    fn an_unreadable_folder_is_named_and_the_files_found_elsewhere_are_imported() {
        use crate::checks::Severity;
        use crate::model::LoadError;
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::Store::open(&dir.path().join("t.db")).unwrap();
        let mut app = crate::app::App::new(store);
        let file = dir.path().join("in/welcome.ron");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/campaigns/welcome-email.ron");
        let text = std::fs::read_to_string(sample).unwrap();
        let text = text.replacen("id: \"welcome-email\"", "id: \"welcome-copy\"", 1);
        assert!(text.contains("welcome-copy"));
        std::fs::write(&file, text).unwrap();
        let locked = || LoadError {
            file: "in/locked".into(),
            pos: None,
            message: "cannot read the folder: Permission denied".into(),
            hint: None,
        };
        let run = |app: &mut crate::app::App, found: Vec<std::path::PathBuf>| {
            app.start_import_with(dir.path().join("in"), move |_, _, _| {
                (found, vec![locked()])
            });
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
            while app.import_job.is_some() && std::time::Instant::now() < deadline {
                app.import_step();
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            let m = app.message.clone().unwrap();
            (m.text, m.severity)
        };
        let (text, severity) = run(&mut app, vec![file.clone()]);
        assert!(text.starts_with("Imported 1 of 1 file: 1 new"), "{text}");
        assert!(
            text.contains("1 could not be read, first: in/locked: cannot read the folder"),
            "{text}"
        );
        assert_eq!(severity, Some(Severity::Error));
        assert!(app.store.exists("welcome-copy").unwrap());
        let (text, severity) = run(&mut app, Vec::new());
        assert_eq!(text, "in/locked: cannot read the folder: Permission denied");
        assert_eq!(severity, Some(Severity::Error));
    }
}
