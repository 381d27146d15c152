//! The program's state and how it changes: `App::handle_key`, `App::handle_mouse`, `App::tick`.
//! No drawing and no terminal here; the UI is a pure function of this state, and tests drive it
//! with key events.

pub mod fields;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod review;
pub mod templates;

pub mod advice;
pub mod autosave;
pub mod dialog;
pub mod editor_screen;
pub mod error;
pub mod library_screen;
pub mod mouse;
pub mod reach;
pub mod replies;
pub mod review_screen;
pub mod saving;
pub mod screens;
pub mod state;
pub mod waive;
pub mod wizards;

use ratatui::crossterm::event::{Event, KeyEvent};
use ratatui::layout::Rect;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use crate::checks::{self, Severity};
use crate::store::Store;
use crate::text::clean;
use fields::Section;
use keymap::{Command as A, Ctx};

pub use dialog::{Checklist, Confirm, Dialog, Explain, Help, Pick, Prompt};
pub use error::{AppError, AppResult};
pub use screens::ScreenId;
pub use state::*;

impl App {
    pub fn new(store: Store) -> App {
        let mut app = App {
            import_job: None,
            review: None,
            history: None,
            store,
            library: Library {
                detail: None,
                total: 0,
                size: 0,
                window: Vec::new(),
                window_start: 0,
                selected: 0,
                filter: Input::default(),
                filtering: false,
                sort: SortKey::Updated,
                problem: None,
            },
            editor: None,
            dialogs: Vec::new(),
            screens: Vec::new(),
            message: None,
            quit: false,
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            area: Rect::new(0, 0, 80, 24),
            unsaved_dirs: saving::unsaved_dirs(),
            workdir: None,
            reach: reach::ReachState::default(),
            autosave: autosave::Autosave::default(),
            kept_files: Default::default(),
        };
        app.reload_library();
        if let Some(problem) = keymap::startup_problem() {
            app.fail(problem.to_string());
        }
        app
    }

    /// Section tab titles, each with a mark when the section has findings (readable without colour).
    pub fn section_titles(&self) -> Vec<String> {
        let Some(e) = &self.editor else {
            return Vec::new();
        };
        Section::ALL
            .iter()
            .map(|s| {
                let worst = e
                    .derived
                    .findings
                    .iter()
                    // A waived finding is counted on the findings tab ("~"), not marked here.
                    .filter(|f| f.counts() && Section::of_location(&f.location) == *s)
                    .map(|f| f.severity)
                    .max();
                match worst {
                    Some(Severity::Error) => format!("{} x", s.title()),
                    Some(Severity::Warning) => format!("{} !", s.title()),
                    _ => s.title().to_string(),
                }
            })
            .collect()
    }

    /// Side panel tab titles for a panel `width` columns wide inside its border; the findings
    /// tab carries the counts by severity.
    pub fn panel_titles(&self, width: u16) -> Vec<String> {
        let Some(e) = &self.editor else {
            return Vec::new();
        };
        let c = checks::Counts::of(&e.derived.findings);
        let mut counts: Vec<String> = Vec::new();
        // Waived ones too ("~", as the list marks them): accepted, not gone.
        for (n, sym) in [
            (c.errors, "x"),
            (c.warnings, "!"),
            (c.infos, "i"),
            (c.waived, "~"),
        ] {
            if n > 0 {
                counts.push(format!("{n}{sym}"));
            }
        }
        // The tabs fit a narrow panel only in short form; the findings tab then shows its
        // counts alone, which read as findings beside the severity marks of the form.
        // Short names first; the word "Findings" goes last, where nothing else fits.
        let titles = |short: bool, counts_only: bool| -> Vec<String> {
            PanelTab::ALL
                .iter()
                .map(|t| match t {
                    PanelTab::Findings if counts.is_empty() => "Findings".to_string(),
                    PanelTab::Findings if counts_only => counts.join(" "),
                    PanelTab::Findings => format!("Findings {}", counts.join(" ")),
                    PanelTab::Disclosure if short => "Notice".to_string(),
                    PanelTab::Why if short => "Zones".to_string(),
                    PanelTab::Value if short => "Value".to_string(),
                    t => t.title().to_string(),
                })
                .collect()
        };
        [titles(false, false), titles(true, false)]
            .into_iter()
            .find(|t| layout::tabs_fit_padded(t, width))
            .unwrap_or_else(|| titles(true, true))
    }

    /// A path typed in a prompt, relative to [`App::workdir`] when it is relative.
    fn typed_path(&self, typed: &str) -> std::path::PathBuf {
        let p = std::path::PathBuf::from(typed.trim());
        match &self.workdir {
            Some(dir) if p.is_relative() => dir.join(p),
            _ => p,
        }
    }

    /// Rows the status line takes at `width`: a long message (an error and what to do about
    /// it, most often) wraps onto up to three rows rather than losing its end. Counted on the
    /// text as drawn: the read-only banner, the severity word, the message.
    pub fn status_rows(&self, width: u16) -> u16 {
        let text: String = self.status_pieces().into_iter().map(|(_, t)| t).collect();
        if text.is_empty() {
            return 1;
        }
        crate::text::wrapped_rows(&text, usize::from(width)).clamp(1, 3) as u16
    }

    /// The message on the status line as the pieces it is drawn from; empty when there is no
    /// message (the screen's own hint, one row, is shown instead).
    pub fn status_pieces(&self) -> Vec<(StatusPiece, String)> {
        let Some(m) = &self.message else {
            return Vec::new();
        };
        let mut pieces = Vec::new();
        if self.store.read_only().is_some() {
            pieces.push((StatusPiece::ReadOnly, " READ-ONLY ".to_string()));
            pieces.push((StatusPiece::Gap, " ".to_string()));
        }
        if let Some(s) = m.severity {
            pieces.push((StatusPiece::Severity(s), format!("{} ", s.word())));
        }
        pieces.push((StatusPiece::Text, m.text.clone()));
        pieces
    }

    /// Shows a note on the status line (a library just created, say).
    pub fn note(&mut self, text: impl Into<String>) {
        self.say(text, None);
    }

    fn say(&mut self, text: impl Into<String>, severity: Option<Severity>) {
        let text = text.into();
        log::info!("{text}");
        self.message = Some(Message { text, severity });
    }

    fn fail(&mut self, text: impl Into<String>) {
        self.say(text, Some(Severity::Error));
    }

    /// Reads the library again (after a change, or a new filter or order): how many campaigns
    /// there are and the rows around the selection. A library that cannot be read stays an
    /// error on the screen, never an empty list.
    pub fn reload_library(&mut self) {
        let q = self.library.query();
        let counts = self.store.library_count(&q).and_then(|total| {
            let size = if q.filter.is_empty() {
                total
            } else {
                self.store.count()? as usize
            };
            Ok((total, size))
        });
        self.library.window.clear();
        self.library.window_start = 0;
        match counts {
            Ok((total, size)) => {
                self.library.total = total;
                self.library.size = size;
                self.library.problem = None;
            }
            Err(e) => {
                self.library.total = 0;
                self.library.problem = Some(e.to_string());
                self.fail(format!("Could not read the library: {e}"));
            }
        }
        self.library.selected = self
            .library
            .selected
            .min(self.library.total.saturating_sub(1));
        self.library.detail = None;
        self.fill_library_window();
        self.sync_detail();
    }

    /// Makes sure the rows the screen may show around the selection are read: the window
    /// reaches a screen's height either side of it, and is read again, two screens either
    /// side, only when the selection nears its edge.
    pub(super) fn fill_library_window(&mut self) {
        let lib = &self.library;
        if lib.problem.is_some() {
            return;
        }
        let screen = usize::from(self.area.height).max(1);
        let from = lib.selected.saturating_sub(screen);
        if lib.covers(from, lib.selected + screen) && !lib.window.is_empty() || lib.total == 0 {
            return;
        }
        let start = lib.selected.saturating_sub(2 * screen);
        match self.store.library_page(&lib.query(), start, 4 * screen + 1) {
            Ok(rows) => {
                self.library.window = rows;
                self.library.window_start = start;
            }
            Err(e) => {
                self.library.problem = Some(e.to_string());
                self.library.total = 0;
                self.library.window.clear();
                self.fail(format!("Could not read the library: {e}"));
            }
        }
    }

    fn select_in_library(&mut self, id: &str) {
        match self.store.library_position(&self.library.query(), id) {
            Ok(Some(pos)) => {
                self.library.selected = pos;
                self.fill_library_window();
            }
            Ok(None) => {}
            Err(e) => self.fail(format!("Could not read the library: {e}")),
        }
    }

    /// The contexts whose key bindings apply now, most specific first.
    pub fn contexts(&self) -> Vec<Ctx> {
        if let Some(d) = self.dialog() {
            return d.contexts();
        }
        let e = match (self.top(), &self.editor) {
            (ScreenId::Library, _) if self.library.filtering => return vec![Ctx::Filter],
            (ScreenId::Library, _) => return vec![Ctx::Library, Ctx::Global],
            // A diff is text to read: it scrolls, and Esc goes back to the revisions.
            (ScreenId::History, _) if self.history.as_ref().is_some_and(|h| h.diff.is_some()) => {
                return vec![Ctx::Scroll, Ctx::Global];
            }
            (ScreenId::History, _) => return vec![Ctx::History, Ctx::Global],
            (ScreenId::Review, _) => return vec![Ctx::Review, Ctx::Global],
            (ScreenId::Editor, Some(e)) => e,
            (ScreenId::Editor, None) => return vec![Ctx::Global],
        };
        match e {
            e if e.focus == Focus::Panel && e.panel == PanelTab::Findings => {
                vec![Ctx::Findings, Ctx::Panel, Ctx::Editor, Ctx::Global]
            }
            e if e.focus == Focus::Panel && e.panel == PanelTab::Reach => {
                vec![Ctx::Reach, Ctx::Panel, Ctx::Editor, Ctx::Global]
            }
            e if e.focus == Focus::Panel => vec![Ctx::Panel, Ctx::Editor, Ctx::Global],
            e => {
                let section = match e.section {
                    Section::Audience => Some(Ctx::Audience),
                    Section::Zones | Section::Data | Section::Value => Some(Ctx::Lists),
                    Section::Overview => None,
                };
                section
                    .into_iter()
                    .chain([Ctx::Editor, Ctx::Global])
                    .collect()
            }
        }
    }

    /// Whether the terminal is below the size the screens need: only the request to enlarge
    /// it is drawn then.
    pub fn too_small(&self) -> bool {
        self.area.width < MIN_WIDTH || self.area.height < MIN_HEIGHT
    }

    pub fn handle_event(&mut self, ev: &Event) {
        if self.too_small() && !matches!(ev, Event::Resize(..)) {
            // Nothing hidden may act: a key here could confirm a dialog nobody can see. Only
            // Ctrl-C does something, quitting with unsaved edits kept as a draft.
            if let Event::Key(k) = ev
                && k.kind != ratatui::crossterm::event::KeyEventKind::Release
                && k.code == ratatui::crossterm::event::KeyCode::Char('c')
                && k.modifiers
                    .contains(ratatui::crossterm::event::KeyModifiers::CONTROL)
            {
                self.dialogs.clear();
                if self.editor.is_some() {
                    self.close_editor();
                }
                self.quit = self.editor.is_none();
            }
            return;
        }
        match ev {
            Event::Key(k) if k.kind != ratatui::crossterm::event::KeyEventKind::Release => {
                self.handle_key(*k)
            }
            Event::Mouse(m) => self.handle_mouse(*m),
            Event::Paste(text) => self.handle_paste(text),
            Event::Resize(w, h) => {
                self.area = Rect::new(0, 0, *w, *h);
                // Too small, nothing is laid out: positions wait for a size they can be read at.
                if !self.too_small() {
                    self.clamp_scrolls();
                }
            }
            _ => {}
        }
        self.fill_library_window();
        self.sync_detail();
        self.send_reach();
    }

    fn handle_paste(&mut self, text: &str) {
        // Pasted text goes into the open text field.
        let filtering = self.top() == ScreenId::Library && self.library.filtering;
        match self.dialogs.last_mut() {
            Some(Dialog::Prompt(p)) => p.paste(text),
            None if filtering => {
                for c in dialog::prompt::one_line(text).chars() {
                    self.library
                        .filter
                        .handle(tui_input::InputRequest::InsertChar(c));
                }
                self.reload_library();
            }
            _ => {}
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        if self.too_small() {
            return self.handle_event(&Event::Key(key));
        }
        self.handle_key_inner(key);
        self.fill_library_window();
        self.sync_detail();
        self.send_reach();
    }

    /// Loads the selected campaign's details for the library pane when the selection moved.
    pub fn sync_detail(&mut self) {
        if self.editor.is_some() {
            return;
        }
        let Some(id) = self.library.current().map(|s| s.id.clone()) else {
            self.library.detail = None;
            return;
        };
        if self.library.detail.as_ref().is_some_and(|d| d.id == id) {
            return;
        }
        let stored = match self.store.get(&id) {
            Ok(st) => st,
            Err(e) => {
                self.library.detail = None;
                return self.fail(format!("Could not read \"{}\": {e}", clean(&id)));
            }
        };
        let draft_at = match self.store.draft(&id) {
            Ok(d) => d.map(|d| short_time(&d.updated_at)),
            Err(e) => Some(format!("unreadable ({e})")),
        };
        // Edits kept in a file this session are what the user last did to it: shown instead.
        let (campaign, kept_in) = match self.kept_version(&id) {
            Some((c, path)) => (c, Some(clean(&path.display().to_string()))),
            None => (stored.campaign, None),
        };
        let runs = campaign
            .schedule
            .is_some()
            .then(|| review::schedule_text(&campaign));
        self.library.detail = Some(Detail {
            runs,
            findings: checks::check(&campaign),
            no_findings: checks::no_findings_words(&campaign),
            objective: campaign.objective,
            owner: campaign.owner,
            draft_at,
            kept_in,
            id,
        });
    }

    fn handle_key_inner(&mut self, key: KeyEvent) {
        if !self.dialogs.is_empty() {
            self.dialog_key(key);
            return;
        }
        if self.top() == ScreenId::Library && self.library.filtering {
            match keymap::lookup(&key, &[Ctx::Filter]) {
                Some(A::Back) => {
                    self.library.filtering = false;
                    self.library.filter.reset();
                    self.reload_library();
                }
                Some(A::Accept) => self.library.filtering = false,
                Some(A::Help) => self.open(Dialog::Help(Help::new(vec![Ctx::Filter]))),
                Some(a @ (A::Up | A::Down)) => self.library_action(a),
                _ => {
                    self.library.filter.handle_event(&Event::Key(key));
                    self.library.selected = 0;
                    self.reload_library();
                }
            }
            return;
        }
        let Some(action) = keymap::lookup(&key, &self.contexts()) else {
            // A letter that does nothing here says so, and where to find the ones that do:
            // silence reads as a key that failed.
            if let Some(c) = state::key_char(&key).filter(|c| c.is_ascii_graphic())
                && !key
                    .modifiers
                    .contains(ratatui::crossterm::event::KeyModifiers::ALT)
            {
                let help = keymap::label(A::Help, Ctx::Global);
                self.say(
                    format!("{c} does nothing here; {help} lists the keys that do"),
                    None,
                );
            }
            return;
        };
        self.message = None;
        match action {
            A::Help => {
                let read_only = self.store.read_only().is_some();
                self.open(Dialog::Help(
                    Help::new(self.contexts()).read_only(read_only),
                ))
            }
            A::Quit => self.request_quit(),
            _ if self.top() == ScreenId::History => self.history_action(action),
            _ if self.top() == ScreenId::Review => self.review_action(action),
            A::History => self.open_history(),
            _ if self.top() == ScreenId::Editor => self.editor_action(action),
            A::Review => self.prompt(
                "Review a RON file",
                "the path of a .ron campaign file",
                String::new(),
                Then::OpenReview,
                false,
            ),
            _ => self.library_action(action),
        }
    }

    fn request_quit(&mut self) {
        let read_only = self.store.read_only().is_some();
        match &self.editor {
            Some(e) if e.dirty() && read_only => self.open(Dialog::Confirm(Confirm::new(
                "Unsaved changes",
                vec![
                    format!(
                        "\"{}\" has edits, and this library cannot be changed.",
                        clean(&e.campaign.name)
                    ),
                    "They can be written to a file you import into another library.".into(),
                ],
                vec![
                    (
                        's',
                        "write the edits to a file and quit",
                        Confirmed::QuitSave,
                    ),
                    ('d', "discard the edits and quit", Confirmed::QuitDiscard),
                    ('c', "cancel", Confirmed::Dismiss),
                ],
            ))),
            Some(e) if e.dirty() => self.open(Dialog::Confirm(Confirm::new(
                "Unsaved changes",
                vec![
                    format!(
                        "\"{}\" has edits that are not saved as a revision.",
                        clean(&e.campaign.name)
                    ),
                    "Keep them as a draft to pick up next time, save them as a revision now, or discard them.".into(),
                ],
                vec![
                    ('k', "keep them as a draft and quit", Confirmed::QuitKeep),
                    ('s', "save a revision and quit", Confirmed::QuitSave),
                    ('d', "discard the edits and quit", Confirmed::QuitDiscard),
                    ('c', "cancel", Confirmed::Dismiss),
                ],
            ))),
            _ => self.quit = true,
        }
    }
}

/// The time of day now, "17:15", for the editor's title: a note about something done a moment
/// ago needs no date, and the campaign's name keeps the room.
pub fn time_now() -> String {
    let at = short_time(&crate::store::now());
    at.get(11..).unwrap_or(&at).to_string()
}

/// "2026-11-22T14:57:44Z" as "2026-11-22 14:57".
pub fn short_time(ts: &str) -> String {
    let t = ts.replace('T', " ");
    t.get(..16).unwrap_or(&t).to_string()
}
