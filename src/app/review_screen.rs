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
            let text = if same {
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

    pub(super) fn review_action(&mut self, action: A) {
        let area = self.area;
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
                let lines = r.lines();
                let max = layout::max_scroll(
                    lines.iter().map(|(_, s)| s.as_str()),
                    layout::review_body(area),
                );
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
            A::Approve if r.approval_refusal().is_some() => {
                let why = r.approval_refusal().unwrap_or_default();
                self.fail(format!("Cannot approve: {why}; press c to request changes"));
            }
            A::Approve | A::RequestChanges => {
                let d = if action == A::Approve {
                    crate::store::Decision::Approve
                } else {
                    crate::store::Decision::RequestChanges
                };
                let title = if action == A::Approve {
                    "Approve: notes for the record"
                } else {
                    "Request changes: what must change?"
                };
                let hint = if action == A::Approve {
                    "optional: what you checked"
                } else {
                    "required: what must change before this can be approved"
                };
                self.prompt(title, hint, String::new(), Then::Decision(d), false);
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
        let Some(h) = self.history.as_mut() else {
            return;
        };
        if let Some(d) = h.diff.as_mut() {
            match action {
                A::Down => d.scroll = d.scroll.saturating_add(1),
                A::Up => d.scroll = d.scroll.saturating_sub(1),
                A::PageDown => d.scroll = d.scroll.saturating_add(15),
                A::PageUp => d.scroll = d.scroll.saturating_sub(15),
                A::Top => d.scroll = 0,
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
        let load = |n: i64| self.store.revision(&h.id, n).map(|s| s.campaign);
        let load_text = |n: i64| self.store.revision_text(&h.id, n);
        // Older on the left: the marked revision, else the selected one against the current version.
        let (title, old, new, old_text, new_text) = match h.marked.and_then(|m| h.revisions.get(m))
        {
            Some(m) if m.number != sel.number => {
                let (a, b) = if m.number < sel.number {
                    (m, sel)
                } else {
                    (sel, m)
                };
                match (
                    load(a.number),
                    load(b.number),
                    load_text(a.number),
                    load_text(b.number),
                ) {
                    (Ok(x), Ok(y), Ok(tx), Ok(ty)) => (
                        format!("Revision {} → revision {}", a.number, b.number),
                        x,
                        y,
                        tx,
                        ty,
                    ),
                    _ => return self.fail("Could not read those revisions"),
                }
            }
            _ => {
                let current = match &self.editor {
                    Some(e) if e.campaign.id == h.id => {
                        Some((e.campaign.clone(), "your current edit"))
                    }
                    _ => None,
                };
                let (cur, label) = match current {
                    Some(x) => x,
                    None => match self.store.get(&h.id) {
                        Ok(s) => (s.campaign, "the latest revision"),
                        Err(e) => return self.fail(e.to_string()),
                    },
                };
                let Ok(old) = load(sel.number) else {
                    return self.fail("Could not read that revision");
                };
                let old_text = load_text(sel.number).unwrap_or_default();
                let new_text = crate::model::ron_io::to_ron(&cur).unwrap_or_default();
                let old_body = crate::model::ron_io::to_ron(&old).unwrap_or(old_text);
                (
                    format!("Revision {} → {label}", sel.number),
                    old,
                    cur,
                    old_body,
                    new_text,
                )
            }
        };
        let mut lines = vec![(review::Tone::Heading, "Field by field".to_string())];
        lines.extend(review::field_diff(&old, &new));
        lines.push((review::Tone::Plain, String::new()));
        lines.push((review::Tone::Heading, "RON text".to_string()));
        lines.extend(review::text_diff(&old_text, &new_text));
        if let Some(h) = self.history.as_mut() {
            h.diff = Some(DiffState {
                title,
                lines,
                scroll: 0,
            });
        }
    }

    /// Asks before restoring the selected revision.
    pub(super) fn restore_selected(&mut self) {
        let Some(h) = self.history.as_ref() else {
            return;
        };
        let Some(sel) = h.revisions.get(h.selected).cloned() else {
            return;
        };
        let latest = h.revisions.iter().map(|r| r.number).max().unwrap_or(0);
        if sel.number == latest {
            return self.say("This is already the latest revision", None);
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
            Err(e) => self.fail(e.to_string()),
        }
    }

    // ---------------------------------------------------------------- overlays
}
