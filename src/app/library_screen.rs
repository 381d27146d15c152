//! The library: moving, filtering, sorting, creating, copying, archiving and importing campaigns.

use super::*;
use crate::checks::Severity;
use crate::disclosure::{self};
use crate::model::*;
use crate::text::clean;
use fields::Section;
use keymap::Command as A;
use templates::Template;

impl App {
    // ---------------------------------------------------------------- library

    pub(super) fn library_action(&mut self, action: A) {
        if let Some(why) = self.store.read_only()
            && action.changes_library()
        {
            // Said before any question or prompt: a confirmation that can only fail misleads.
            let why = clean(why);
            return self.say(
                format!(
                    "This library is read-only ({why}): campaigns cannot be added, copied, renamed, archived or deleted in it. You can still open, edit and export them; a save goes to a file to import elsewhere."
                ),
                Some(Severity::Warning),
            );
        }
        let len = self.library.total;
        let page = usize::from(self.area.height.saturating_sub(8)).max(1);
        let sel = &mut self.library.selected;
        match action {
            A::Up => *sel = sel.saturating_sub(1),
            A::Down => *sel = (*sel + 1).min(len.saturating_sub(1)),
            A::PageUp => *sel = sel.saturating_sub(page),
            A::PageDown => *sel = (*sel + page).min(len.saturating_sub(1)),
            A::Top => *sel = 0,
            A::Bottom => *sel = len.saturating_sub(1),
            A::Filter => self.library.filtering = true,
            A::Back => self.stop_import(),
            A::Sort => {
                self.library.sort = self.library.sort.next();
                let id = self.library.current().map(|s| s.id.clone());
                self.reload_library();
                if let Some(id) = id {
                    self.select_in_library(&id);
                }
                self.say(format!("Sorted by {}", self.library.sort.label()), None);
            }
            A::New => {
                let options = Template::ALL
                    .iter()
                    .map(|t| opt(t.label(), t.detail()))
                    .collect();
                self.pick("New campaign from a template", options, 0, Then::Template)
            }
            A::Import => self.prompt(
                "Import RON files",
                "a .ron file or a folder of them",
                String::new(),
                Then::Import,
                false,
            ),
            _ => {
                let Some(s) = self.library.current().cloned() else {
                    if action == A::Open && self.store.read_only().is_some() {
                        self.say(
                            "The library is empty, and read-only: nothing can be added to it here.",
                            None,
                        );
                    } else if action == A::Open {
                        self.say("The library is empty: press n to create a campaign.", None);
                    }
                    return;
                };
                match action {
                    A::Open => self.open_campaign(&s.id),
                    A::Rename => self.prompt(
                        "Rename",
                        "the new name",
                        s.name.clone(),
                        Then::Rename(s.id.clone()),
                        false,
                    ),
                    A::Duplicate => self.prompt(
                        "Copy campaign",
                        "a name for the copy",
                        format!("{} (copy)", s.name),
                        Then::Duplicate(s.id.clone()),
                        false,
                    ),
                    A::Export => {
                        // The folder used last, else "export" where Candor was started: whole,
                        // so the user sees where the file will go before it is written.
                        let last = self.store.ui_get("export_dir").ok().flatten();
                        let folder = last.unwrap_or_else(|| {
                            let p = self.typed_path("export");
                            std::path::absolute(&p)
                                .unwrap_or(p)
                                .display()
                                .to_string()
                        });
                        self.prompt(
                            "Export as RON",
                            "the folder to write to (the last one used is offered)",
                            crate::text::clean(&folder),
                            Then::Export(s.id.clone()),
                            false,
                        )
                    }
                    A::Archive if s.status == Status::Archived => {
                        self.say("Already archived; change its status in the editor to bring it back", None)
                    }
                    A::Archive => self.open(Dialog::Confirm(
                        Confirm::new(
                            "Archive campaign",
                            vec![
                                format!("Archive \"{}\"?", clean(&s.name)),
                                "It stays in the library with its history, marked archived; its status can be changed back in the editor.".into(),
                            ],
                            vec![
                                ('y', "archive it", Confirmed::Archive),
                                ('n', "keep it as it is", Confirmed::Dismiss),
                            ],
                        )
                        .about(&s.id),
                    )),
                    A::Delete => self.open(Dialog::Confirm(
                        Confirm::new(
                            "Delete campaign",
                            vec![
                                format!(
                                    "Delete \"{}\" and all {} of its revisions?",
                                    clean(&s.name),
                                    s.revision
                                ),
                                "This cannot be undone. Export it first if you may need it.".into(),
                            ],
                            vec![
                                ('y', "delete it", Confirmed::Delete),
                                ('n', "keep it", Confirmed::Dismiss),
                            ],
                        )
                        .about(&s.id),
                    )),
                    _ => {}
                }
            }
        }
    }

    pub(super) fn unique_id(&self, name: &str) -> String {
        let base = validate::slugify(name);
        let mut id = base.clone();
        let mut n = 2;
        while self.store.exists(&id).unwrap_or(false) {
            let suffix = format!("-{n}");
            id = format!("{}{suffix}", &base[..base.len().min(64 - suffix.len())]);
            n += 1;
        }
        id
    }

    /// Opens a campaign in the editor, offering to restore a newer unsaved draft.
    pub fn open_campaign(&mut self, id: &str) {
        let stored = match self.store.get(id) {
            Ok(s) => s,
            Err(e) => return self.fail(e.to_string()),
        };
        let locale = stored
            .campaign
            .locales
            .first()
            .and_then(|l| disclosure::locale(l))
            .map_or("en", |l| l.code);
        let locale = self
            .store
            .ui_get("preview_locale")
            .ok()
            .flatten()
            .and_then(|l| disclosure::locale(&l))
            // The remembered language only where this campaign is offered in it.
            .filter(|l| stored.campaign.locales.iter().any(|c| c == l.code))
            .map_or(locale, |l| l.code);
        let loc = disclosure::locale(locale).unwrap_or(&disclosure::locales()[0]);
        // Edits this session kept in a file (the library could not be changed) are where the
        // work stands: the editor goes on from them, not from the library's older version.
        let kept = self.kept_version(id);
        let (campaign, kept_in) = match kept {
            Some((c, path)) => (c, Some(path)),
            None => (stored.campaign, None),
        };
        let derived = derive(&campaign, Section::Overview, loc);
        let reopened = kept_in.is_some();
        self.show_editor(Editor {
            saved: campaign.clone(),
            campaign,
            base: stored.revision.id,
            revision_number: stored.revision.number,
            section: Section::Overview,
            selected: 0,
            focus: Focus::Form,
            panel: PanelTab::Disclosure,
            panel_scroll: 0,
            panel_max_scroll: std::cell::Cell::new(u16::MAX),
            finding: 0,
            locale,
            derived,
            undo: Vec::new(),
            redo: Vec::new(),
            edited_at: None,
            draft_note: None,
            owns_draft: false,
            kept_for_later: false,
            kept_in,
            draft_file: None,
            reach_note: None,
        });
        if reopened {
            // The file's path is in the library's summary and in the dialog that kept it.
            self.say(
                "Opened your edits kept in a file (this library cannot be changed)",
                None,
            );
        }
        // Remembered for convenience only: a failure costs the next start its selection.
        if let Err(err) = self.store.ui_set("last_campaign", id) {
            log::warn!("could not remember the last campaign: {err}");
        }
        log::info!("opened {id}");
        if !self.offer_draft(id, None) && !reopened && self.store.read_only().is_some() {
            self.offer_earlier_kept_file(id);
        }
    }

    /// Asks whether to restore the unsaved edits kept for campaign `id`, when there are any
    /// that differ from the editor's saved text; `why` goes first in the question. Says
    /// whether it asked.
    pub(super) fn offer_draft(&mut self, id: &str, why: Option<&str>) -> bool {
        let draft = match self.store.draft(id) {
            Ok(d) => d,
            Err(err) => {
                // The draft stays where it is; say so rather than open as if there were none.
                self.fail(format!(
                    "Could not read the unsaved edits kept for this campaign ({err}); they are left as they were"
                ));
                None
            }
        };
        if let Some(draft) = draft
            && draft.campaign
                != self
                    .editor
                    .as_ref()
                    .map(|e| e.saved.clone())
                    .unwrap_or_else(|| draft.campaign.clone())
        {
            let base = self.editor.as_ref().map_or(draft.base_revision, |e| e.base);
            let stale = draft.base_revision != base;
            let mut body: Vec<String> = why.map(str::to_string).into_iter().collect();
            body.push(if draft.author_known() {
                format!(
                    "Candor kept edits you ({}) made to this campaign and never saved (last change {}).",
                    clean(&draft.author),
                    short_time(&draft.updated_at)
                )
            } else {
                format!(
                    "Candor kept edits to this campaign that were never saved (last change {}). An older Candor kept them without noting whose they are.",
                    short_time(&draft.updated_at)
                )
            });
            if stale {
                body.push(
                    "They started from an older revision, so saving them will offer to keep them as a new copy or to open the newer revision first."
                        .into(),
                );
            }
            if let Ok(others) = self.store.others_drafts(id)
                && !others.is_empty()
            {
                let names: Vec<String> = others.iter().map(|(a, _)| clean(a)).collect();
                body.push(format!(
                    "{} also has unsaved edits here; theirs stay theirs.",
                    names.join(", ")
                ));
            }
            self.open(Dialog::Confirm(
                Confirm::new(
                    "Restore unsaved edits?",
                    body,
                    vec![
                        ('r', "restore them", Confirmed::RestoreDraft),
                        ('d', "discard them", Confirmed::DiscardDraft),
                    ],
                )
                .about(id)
                // Esc keeps the draft for later rather than losing it.
                .on_esc(Confirmed::KeepDraft),
            ));
            true
        } else {
            false
        }
    }

    /// On a library that cannot be changed, an earlier session may have kept edits to this
    /// campaign in a file (`<id>-<stamp>.ron` in Candor's folder for them): offers the newest,
    /// when it differs from the library's version, so the work goes on from it instead of
    /// splitting into two files.
    fn offer_earlier_kept_file(&mut self, id: &str) {
        let prefix = format!("{id}-");
        let mut found: Vec<(String, std::path::PathBuf)> = Vec::new();
        for dir in &self.unsaved_dirs {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let Some(stamp) = name
                    .strip_prefix(&prefix)
                    .and_then(|rest| rest.strip_suffix(".ron"))
                else {
                    continue;
                };
                if stamp.len() == 14 && stamp.bytes().all(|b| b.is_ascii_digit()) {
                    found.push((stamp.to_string(), entry.path()));
                }
            }
        }
        let Some(saved) = self.editor.as_ref().map(|e| e.saved.clone()) else {
            return;
        };
        // The newest file of this library's for this campaign (the folder is shared by every
        // library); nothing is offered when it holds the library's own version.
        let ours = self.kept_file_comment();
        found.sort_unstable_by(|a, b| b.cmp(a));
        let newest = found.into_iter().find_map(|(stamp, path)| {
            let (name, text) = crate::model::ron_io::read_text(&path).ok()?;
            let (c, _) = crate::model::ron_io::parse_unfinished(&name, &text).ok()?;
            (c.id == id && text.starts_with(&ours)).then_some((stamp, path, c))
        });
        let Some((stamp, path, c)) = newest else {
            return;
        };
        if c == saved {
            return;
        }
        let when = format!(
            "{}-{}-{} {}:{}",
            &stamp[..4],
            &stamp[4..6],
            &stamp[6..8],
            &stamp[8..10],
            &stamp[10..12]
        );
        let mut body = vec![format!(
            "On {when}, edits to this campaign were kept in a file, as this library cannot be changed:"
        )];
        body.extend(super::saving::path_lines(&path));
        body.push(
            "Go on from them, or start from the library's version. The file stays either way."
                .into(),
        );
        self.open(Dialog::Confirm(
            Confirm::new(
                "Edits kept in a file earlier",
                body,
                vec![
                    ('e', "go on from my edits", Confirmed::UseKeptFile),
                    ('l', "the library's version", Confirmed::Dismiss),
                ],
            )
            .about(&path.to_string_lossy()),
        ));
    }
}
