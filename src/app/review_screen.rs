//! Review mode and revision history with diffs.

use super::*;
use crate::checks::Severity;
use crate::disclosure::{self};
use crate::text::clean;
use keymap::Command as A;

impl App {
    /// Opens a RON file read-only, with earlier decisions on it.
    pub fn open_review(&mut self, file: &std::path::Path) {
        self.show_review(review::ReviewState::open(&self.store, file));
        if let Some(problem) = self
            .review
            .as_ref()
            .and_then(|r| r.decisions_problem.clone())
        {
            return self.fail(format!(
                "Could not read the earlier decisions on this file: {problem}"
            ));
        }
        if let Some((r, same)) = self.review.as_ref().and_then(|r| r.latest()) {
            let exact = self.review.as_ref().is_some_and(|s| s.hash == r.file_hash);
            let text = if same && !exact {
                format!(
                    "Last decision: {} by {}, on this campaign before its status or top comment changed",
                    r.decision.label(),
                    clean(&r.reviewer)
                )
            } else if same {
                format!(
                    "Last decision: {} by {}",
                    r.decision.label(),
                    clean(&r.reviewer)
                )
            } else {
                format!(
                    "Last decision ({}) was for a different version of this file: see Decisions",
                    r.decision.label()
                )
            };
            self.say(text, if same { None } else { Some(Severity::Warning) });
        }
    }

    /// After a resize, text rewraps to the new width: whatever is scrolled (help, an
    /// explanation, a review, a history diff) stops at its new last line at once, not on the
    /// next key.
    pub(super) fn clamp_scrolls(&mut self) {
        let area = self.area;
        let status = self.status_rows(area.width);
        for d in &mut self.dialogs {
            match d {
                Dialog::Help(h) => h.scroll = h.scroll.min(h.max_scroll(area)),
                Dialog::Explain(x) => x.scroll = x.scroll.min(x.max_scroll(area)),
                _ => {}
            }
        }
        if let Some(r) = self.review.as_mut().filter(|r| r.scroll > 0) {
            let body = layout::review_body(area, status);
            let rows = r.rows(layout::review_text_width(body));
            let max = layout::max_scroll(rows.iter().map(|(_, s)| s.as_str()), body);
            r.scroll = r.scroll.min(max);
        }
        if let Some(d) = self
            .history
            .as_mut()
            .and_then(|h| h.diff.as_mut())
            .filter(|d| d.scroll > 0)
        {
            let max = layout::max_scroll(
                d.lines.iter().map(|(_, s)| s.as_str()),
                layout::history(area, status),
            );
            d.scroll = d.scroll.min(max);
        }
    }

    pub(super) fn review_action(&mut self, action: A) {
        let area = self.area;
        let status = self.status_rows(area.width);
        let Some(r) = self.review.as_mut() else {
            return;
        };
        let n = review::ReviewTab::ALL.len();
        let i = review::ReviewTab::ALL
            .iter()
            .position(|t| *t == r.tab)
            .unwrap_or(0);
        match action {
            A::NextSection => {
                r.tab = review::ReviewTab::ALL[(i + 1) % n];
                r.scroll = 0;
            }
            A::PrevSection => {
                r.tab = review::ReviewTab::ALL[(i + n - 1) % n];
                r.scroll = 0;
            }
            // Scrolling stops with the last line at the bottom of the box.
            A::Down | A::PageDown | A::Bottom => {
                let body = layout::review_body(area, status);
                let rows = r.rows(layout::review_text_width(body));
                let max = layout::max_scroll(rows.iter().map(|(_, s)| s.as_str()), body);
                r.scroll = match action {
                    A::Down => r.scroll.saturating_add(1),
                    A::PageDown => r.scroll.saturating_add(15),
                    _ => max,
                }
                .min(max);
            }
            A::Up => r.scroll = r.scroll.saturating_sub(1),
            A::PageUp => r.scroll = r.scroll.saturating_sub(15),
            A::Top => r.scroll = 0,
            A::CycleLocale => {
                let codes: Vec<&'static str> = match &r.doc {
                    Ok((c, _)) => c
                        .locales
                        .iter()
                        .filter_map(|l| disclosure::locale(l))
                        .map(|l| l.code)
                        .collect(),
                    Err(_) => Vec::new(),
                };
                if let Some(pos) = codes.iter().position(|c| *c == r.locale) {
                    r.locale = codes[(pos + 1) % codes.len()];
                } else if let Some(first) = codes.first() {
                    r.locale = first;
                }
                r.tab = review::ReviewTab::Disclosure;
            }
            // Said before any notes are typed: a read-only library cannot keep a decision.
            A::Approve | A::RequestChanges if self.store.read_only().is_some() => {
                let why = self.store.read_only().map(clean).unwrap_or_default();
                self.fail(format!(
                    "No decision can be recorded: this library is open read-only ({why}). To record one, open the file with a library you can write to: candor --db PATH review FILE."
                ));
            }
            A::Approve | A::RequestChanges if r.unreadable => {
                let file = r.shown.clone();
                self.fail(format!(
                    "Nothing to decide on: {file} could not be read. Fix the path or the file, then open it again."
                ));
            }
            A::Approve if r.approval_refusal().is_some() => {
                let why = r.approval_refusal().unwrap_or_default();
                // The way on comes first: the reason can be long, and a narrow status line
                // keeps only its first rows.
                let key = keymap::label(A::RequestChanges, Ctx::Review);
                self.fail(format!(
                    "Cannot approve; press {key} to request changes instead. {}.",
                    review::capitalise(why.trim_end_matches('.'))
                ));
            }
            A::Approve | A::RequestChanges => {
                let d = if action == A::Approve {
                    crate::store::Decision::Approve
                } else {
                    crate::store::Decision::RequestChanges
                };
                // Warnings do not block an approval, but it says why they can stand.
                let warnings = r.standing_warnings();
                let (title, hint) = match (action, warnings) {
                    (A::Approve, 0) => (
                        "Approve: notes for the record".to_string(),
                        "optional: what you checked".to_string(),
                    ),
                    (A::Approve, n) => (
                        format!(
                            "Approve with {}: why can {} stand?",
                            crate::text::plural(n, "warning", "warnings"),
                            if n == 1 { "it" } else { "they" }
                        ),
                        format!(
                            "required, {} words or more: the Findings tab lists them",
                            crate::checks::MIN_JUSTIFICATION_WORDS
                        ),
                    ),
                    _ => (
                        "Request changes: what must change?".to_string(),
                        "required: what must change before this can be approved".to_string(),
                    ),
                };
                self.prompt(&title, &hint, String::new(), Then::Decision(d), false);
            }
            A::Back => {
                self.close_screen(ScreenId::Review);
                self.reload_library();
            }
            _ => {}
        }
    }

    pub(super) fn open_history(&mut self) {
        let id = match (&self.editor, self.library.current()) {
            (Some(e), _) => e.campaign.id.clone(),
            (None, Some(s)) => s.id.clone(),
            _ => return,
        };
        match self.store.history(&id) {
            Ok(revisions) => self.show_history(HistoryState {
                id,
                revisions,
                selected: 0,
                marked: None,
                diff: None,
            }),
            Err(e) => self.fail(e.to_string()),
        }
    }

    pub(super) fn history_action(&mut self, action: A) {
        let (area, status) = (self.area, self.status_rows(self.area.width));
        let Some(h) = self.history.as_mut() else {
            return;
        };
        if let Some(d) = h.diff.as_mut() {
            // The last line stops at the bottom of the box: paging on shows no empty box.
            let max = layout::max_scroll(
                d.lines.iter().map(|(_, s)| s.as_str()),
                layout::history(area, status),
            );
            match action {
                A::Down => d.scroll = d.scroll.saturating_add(1).min(max),
                A::Up => d.scroll = d.scroll.saturating_sub(1),
                A::PageDown => d.scroll = d.scroll.saturating_add(15).min(max),
                A::PageUp => d.scroll = d.scroll.saturating_sub(15),
                A::Top => d.scroll = 0,
                A::Bottom => d.scroll = max,
                A::Back => h.diff = None,
                _ => {}
            }
            return;
        }
        let n = h.revisions.len();
        match action {
            A::Down => h.selected = (h.selected + 1).min(n.saturating_sub(1)),
            A::Up => h.selected = h.selected.saturating_sub(1),
            A::Top => h.selected = 0,
            A::Bottom => h.selected = n.saturating_sub(1),
            A::Mark => {
                h.marked = if h.marked == Some(h.selected) {
                    None
                } else {
                    Some(h.selected)
                }
            }
            A::Back => self.close_screen(ScreenId::History),
            A::Edit => self.show_diff(),
            A::Restore => self.restore_selected(),
            _ => {}
        }
    }

    pub(super) fn show_diff(&mut self) {
        let Some(h) = self.history.as_ref() else {
            return;
        };
        let Some(sel) = h.revisions.get(h.selected) else {
            return;
        };
        let id = h.id.clone();
        let text = |n: i64| self.store.revision_text(&id, n);
        let parse = move |name: String, t: &str| {
            crate::model::ron_io::load_str(&name, t)
                .map(|d| d.campaign)
                .map_err(|e| e.to_string())
        };
        // Only the stored texts are read here (SQL, quick); parsing and comparing them, which
        // for revisions of megabytes takes long, happen on the diff's own thread.
        type Work = Box<
            dyn FnOnce() -> Result<
                    (
                        crate::model::Campaign,
                        crate::model::Campaign,
                        String,
                        String,
                    ),
                    String,
                > + Send,
        >;
        // Older on the left: the marked revision, else the selected one against the current
        // version. The latest revision is the current version, unless edits are not saved: it
        // is compared with the one before it, what it changed.
        let unsaved = matches!(&self.editor, Some(e) if e.campaign.id == id && e.dirty());
        let latest = h.revisions.iter().map(|r| r.number).max();
        let pair = match h.marked.and_then(|m| h.revisions.get(m)) {
            Some(m) if m.number != sel.number => Some(if m.number < sel.number {
                (m, sel)
            } else {
                (sel, m)
            }),
            _ if !unsaved && latest == Some(sel.number) => {
                let before = h
                    .revisions
                    .iter()
                    .filter(|r| r.number < sel.number)
                    .max_by_key(|r| r.number);
                match before {
                    Some(b) => Some((b, sel)),
                    None => {
                        let n = sel.number;
                        return self.say(
                            format!(
                                "Revision {n} is the only revision: nothing to compare it with yet"
                            ),
                            None,
                        );
                    }
                }
            }
            _ => None,
        };
        let (title, work): (String, Work) = match pair {
            Some((a, b)) => {
                let (Ok(ta), Ok(tb)) = (text(a.number), text(b.number)) else {
                    return self.fail("Could not read those revisions");
                };
                let (na, nb) = (a.number, b.number);
                let id = id.clone();
                (
                    format!("Revision {na} → revision {nb}"),
                    Box::new(move || {
                        let x = parse(format!("{id} revision {na}"), &ta)?;
                        let y = parse(format!("{id} revision {nb}"), &tb)?;
                        Ok((x, y, ta, tb))
                    }),
                )
            }
            _ => {
                // Only edits not yet saved are "your unsaved edit", compared as they are.
                // Otherwise the comparison is with the latest revision, read from the store:
                // the editor's copy is older when another window has saved since.
                let editing = match &self.editor {
                    Some(e) if unsaved => Some(e.campaign.clone()),
                    _ => None,
                };
                let label = if unsaved {
                    "your unsaved edit"
                } else {
                    "the latest revision"
                };
                let current: Result<crate::model::Campaign, String> = match editing {
                    Some(c) => Ok(c),
                    None => match self.store.get(&id) {
                        Ok(s) => Ok(s.campaign),
                        Err(e) => return self.fail(e.to_string()),
                    },
                };
                let Ok(old_text) = text(sel.number) else {
                    return self.fail("Could not read that revision");
                };
                let n = sel.number;
                let id = id.clone();
                (
                    format!("Revision {n} → {label}"),
                    Box::new(move || {
                        let cur = current?;
                        let old = parse(format!("{id} revision {n}"), &old_text)?;
                        let new_text = crate::model::ron_io::to_ron(&cur).unwrap_or_default();
                        let old_body = crate::model::ron_io::to_ron(&old).unwrap_or(old_text);
                        Ok((old, cur, old_body, new_text))
                    }),
                )
            }
        };
        // Worked out on another thread: keys keep working, and Esc cancels.
        let cancel = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (tx, rx) = std::sync::mpsc::channel();
        let stop = cancel.clone();
        std::thread::spawn(move || {
            let stopped = || stop.load(std::sync::atomic::Ordering::Relaxed);
            let (old, new, old_text, new_text) = match work() {
                Ok(x) => x,
                Err(e) => {
                    let _ = tx.send(vec![(
                        review::Tone::Plain,
                        format!("Could not read the revisions: {}", clean(&e)),
                    )]);
                    return;
                }
            };
            if stopped() {
                return;
            }
            let mut lines = vec![(review::Tone::Heading, "Field by field".to_string())];
            lines.extend(review::field_diff(&old, &new));
            if stopped() {
                return;
            }
            lines.push((review::Tone::Plain, String::new()));
            lines.push((review::Tone::Heading, "RON text".to_string()));
            lines.extend(review::text_diff(&old_text, &new_text));
            let _ = tx.send(lines);
        });
        if let Some(h) = self.history.as_mut() {
            h.diff = Some(DiffState {
                title,
                lines: vec![(
                    review::Tone::Dim,
                    "Comparing the two versions… Esc cancels.".to_string(),
                )],
                scroll: 0,
                job: Some(DiffJob { result: rx, cancel }),
            });
        }
    }

    /// Takes the lines of a diff worked out on another thread, once they are ready. With
    /// `wait`, blocks until they are (screenshots and tests want the finished screen).
    pub(super) fn collect_diff(&mut self, wait: bool) {
        let Some(d) = self.history.as_mut().and_then(|h| h.diff.as_mut()) else {
            return;
        };
        let Some(job) = d.job.as_ref() else {
            return;
        };
        let got = if wait {
            job.result.recv().ok()
        } else {
            match job.result.try_recv() {
                Ok(lines) => Some(lines),
                Err(std::sync::mpsc::TryRecvError::Empty) => return,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => None,
            }
        };
        d.job = None;
        d.lines = got.unwrap_or_else(|| {
            vec![(
                review::Tone::Plain,
                "The diff could not be worked out.".to_string(),
            )]
        });
    }

    /// Whether work is running on another thread whose result the screen waits for.
    pub fn background_pending(&self) -> bool {
        self.history
            .as_ref()
            .and_then(|h| h.diff.as_ref())
            .is_some_and(|d| d.job.is_some())
            || self.reach_pending()
            || self.autosave.pending()
    }

    /// Waits for work running on another thread to finish and shows its result.
    pub fn finish_background(&mut self) {
        self.collect_diff(true);
        self.collect_reach(true);
        self.settle_autosave();
    }

    /// Asks before restoring the selected revision.
    pub(super) fn restore_selected(&mut self) {
        let Some(h) = self.history.as_ref() else {
            return;
        };
        let Some(sel) = h.revisions.get(h.selected).cloned() else {
            return;
        };
        let Some(head) = h.revisions.iter().max_by_key(|r| r.number).cloned() else {
            return;
        };
        let latest = head.number;
        if sel.number == latest {
            return self.say("This is already the latest revision", None);
        }
        if sel.content_hash == head.content_hash {
            return self.say(
                format!(
                    "Revision {} has the same text as the latest, revision {latest}: there is nothing to restore",
                    sel.number
                ),
                None,
            );
        }
        if self.editor.as_ref().is_some_and(|e| e.dirty()) {
            return self
                .fail("Save (Ctrl-S) or undo your edits before restoring an older revision.");
        }
        let id = h.id.clone();
        self.open(Dialog::Confirm(
            Confirm::new(
                "Restore an older revision",
                vec![
                    format!(
                        "Make revision {} the current one again, as revision {}?",
                        sel.number,
                        latest + 1
                    ),
                    "Nothing is lost: every revision stays in the history.".into(),
                ],
                vec![
                    ('y', "restore it", Confirmed::RestoreRevision(sel.number)),
                    ('n', "keep the current revision", Confirmed::Dismiss),
                ],
            )
            .about(&id),
        ));
    }

    pub(super) fn restore_revision(&mut self, number: i64) {
        self.settle_autosave();
        let Some(id) = self.history.as_ref().map(|h| h.id.clone()) else {
            return;
        };
        match self.store.restore(&id, number) {
            Ok(meta) => {
                let in_editor = self.editor.is_some();
                self.close_screen(ScreenId::History);
                if in_editor {
                    self.close_screen(ScreenId::Editor);
                    self.open_campaign(&id);
                } else {
                    self.reload_library();
                    self.select_in_library(&id);
                }
                self.say(
                    format!(
                        "Restored revision {number} as revision {}; history keeps every version",
                        meta.number
                    ),
                    None,
                );
            }
            Err(e @ crate::store::StoreError::AlreadyCurrent { .. }) => {
                self.say(e.to_string(), None)
            }
            Err(e) => self.fail(e.to_string()),
        }
    }

    // ---------------------------------------------------------------- overlays
}
