//! The program's state and how it changes: `App::handle_key`, `App::handle_mouse`, `App::tick`.
//! No drawing and no terminal here; the UI is a pure function of this state, and tests drive it
//! with key events.

pub mod fields;
pub mod keymap;
pub mod keys;
pub mod layout;
pub mod review;
pub mod templates;

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use crate::checks::{self, Finding, Severity};
use crate::disclosure::{self, Disclosure, ValueExchangeView};
use crate::model::vocab::{AttributeKind, vocab};
use crate::model::*;
use crate::store::{Store, StoreError, Summary};
use crate::text::clean;
use fields::{EditKind, EditValue, Field, Item, Row, Section, flags, picked, required};
use keymap::{Command as A, Ctx};
use templates::Template;

/// How long typing must pause before unsaved edits are written as a draft.
pub const AUTOSAVE_AFTER: Duration = Duration::from_secs(2);
/// How many edits undo remembers.
const UNDO_DEPTH: usize = 200;
/// Below this size the layout is replaced by a request to enlarge the terminal.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Updated,
    Name,
    Status,
    Errors,
    Warnings,
}

impl SortKey {
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Updated => "last edited",
            SortKey::Name => "name",
            SortKey::Status => "status",
            SortKey::Errors => "errors",
            SortKey::Warnings => "warnings",
        }
    }

    fn next(self) -> SortKey {
        match self {
            SortKey::Updated => SortKey::Name,
            SortKey::Name => SortKey::Status,
            SortKey::Status => SortKey::Errors,
            SortKey::Errors => SortKey::Warnings,
            SortKey::Warnings => SortKey::Updated,
        }
    }
}

/// More about the selected campaign than its summary row: for the library's side pane.
pub struct Detail {
    pub id: String,
    pub objective: String,
    pub owner: String,
    pub findings: Vec<Finding>,
    pub draft_at: Option<String>,
}

pub struct Library {
    pub detail: Option<Detail>,
    pub all: Vec<Summary>,
    /// Indices into `all`: filtered and sorted.
    pub view: Vec<usize>,
    pub selected: usize,
    pub filter: Input,
    pub filtering: bool,
    pub sort: SortKey,
}

impl Library {
    pub fn current(&self) -> Option<&Summary> {
        self.view.get(self.selected).map(|&i| &self.all[i])
    }

    fn refresh_view(&mut self) {
        let needle = self.filter.value().to_lowercase();
        let mut view: Vec<usize> = (0..self.all.len())
            .filter(|&i| {
                let s = &self.all[i];
                needle.is_empty()
                    || s.name.to_lowercase().contains(&needle)
                    || s.id.contains(&needle)
                    || s.status.label().contains(&needle)
            })
            .collect();
        let all = &self.all;
        match self.sort {
            SortKey::Updated => view.sort_by(|a, b| {
                all[*b]
                    .updated
                    .cmp(&all[*a].updated)
                    .then(all[*a].id.cmp(&all[*b].id))
            }),
            SortKey::Name => view.sort_by_key(|i| all[*i].name.to_lowercase()),
            SortKey::Status => view.sort_by_key(|i| (all[*i].status, all[*i].name.to_lowercase())),
            SortKey::Errors => view.sort_by(|a, b| {
                all[*b]
                    .errors
                    .cmp(&all[*a].errors)
                    .then(all[*b].warnings.cmp(&all[*a].warnings))
            }),
            SortKey::Warnings => view.sort_by(|a, b| {
                all[*b]
                    .warnings
                    .cmp(&all[*a].warnings)
                    .then(all[*b].errors.cmp(&all[*a].errors))
            }),
        }
        self.view = view;
        self.selected = self.selected.min(self.view.len().saturating_sub(1));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Form,
    Panel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelTab {
    Disclosure,
    /// "Why am I seeing this?" for each zone.
    Why,
    Value,
    Findings,
}

impl PanelTab {
    pub const ALL: [PanelTab; 4] = [
        PanelTab::Disclosure,
        PanelTab::Why,
        PanelTab::Value,
        PanelTab::Findings,
    ];

    pub fn title(self) -> &'static str {
        match self {
            PanelTab::Disclosure => "Disclosure",
            PanelTab::Why => "Why this?",
            PanelTab::Value => "Value exchange",
            PanelTab::Findings => "Findings",
        }
    }
}

/// What the checks and the disclosure computed from the campaign being edited.
pub struct Derived {
    pub findings: Vec<Finding>,
    pub disclosure: Disclosure,
    pub value: ValueExchangeView,
    pub rows: Vec<Row>,
}

pub struct Editor {
    pub campaign: Campaign,
    /// As last saved: unsaved edits are the difference.
    pub saved: Campaign,
    /// The revision the edits started from.
    pub base: i64,
    pub revision_number: i64,
    pub section: Section,
    pub selected: usize,
    pub focus: Focus,
    pub panel: PanelTab,
    pub panel_scroll: u16,
    pub finding: usize,
    /// The disclosure language shown.
    pub locale: &'static str,
    pub derived: Derived,
    undo: Vec<Campaign>,
    redo: Vec<Campaign>,
    /// When the last edit not yet written as a draft happened.
    pub edited_at: Option<Instant>,
    pub draft_note: Option<String>,
}

impl Editor {
    pub fn dirty(&self) -> bool {
        self.campaign != self.saved
    }

    pub fn row(&self) -> Option<&Row> {
        self.derived.rows.get(self.selected)
    }

    fn recompute(&mut self) {
        let loc = disclosure::locale(self.locale).unwrap_or(&disclosure::locales()[0]);
        self.derived = derive(&self.campaign, self.section, loc);
        self.selected = self.selected.min(self.derived.rows.len().saturating_sub(1));
        self.finding = self
            .finding
            .min(self.derived.findings.len().saturating_sub(1));
    }

    /// The most severe finding whose location is this row's path or below it.
    pub fn row_severity(&self, row: &Row) -> Option<Severity> {
        self.derived
            .findings
            .iter()
            .filter(|f| {
                f.location == row.path
                    || f.location.starts_with(&format!("{}.", row.path))
                    || f.location.starts_with(&format!("{}[", row.path))
            })
            .filter(|f| !matches!(row.field, Field::Note) || f.location == row.path)
            .map(|f| f.severity)
            .max()
    }
}

fn derive(c: &Campaign, section: Section, l: &'static disclosure::Locale) -> Derived {
    // One data map for the preview and the checks: with a large audience it is worth sharing.
    let map = data_map(c);
    let disclosure = disclosure::generate_with(c, &map, l);
    let ctx = checks::Context::with_map(c, map);
    Derived {
        disclosure,
        value: ctx.value_exchange.clone(),
        findings: checks::check_with(ctx),
        rows: fields::rows(section, c, editing_language(c, l.code)),
    }
}

/// The language typed texts are shown and edited in: the preview's, when the campaign offers
/// it, else the campaign's first.
pub fn editing_language<'a>(c: &'a Campaign, preview: &'a str) -> &'a str {
    if c.locales.iter().any(|l| l == preview) {
        preview
    } else {
        c.first_locale()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PickOption {
    pub label: String,
    pub detail: String,
    pub mark: Option<&'static str>,
}

fn opt(label: impl Into<String>, detail: impl Into<String>) -> PickOption {
    PickOption {
        label: label.into(),
        detail: detail.into(),
        mark: None,
    }
}

/// The activation a path such as `activations[0].sends[1]` points into.
fn activation_at<'a>(c: &'a Campaign, path: &str) -> Option<&'a Activation> {
    let rest = path.strip_prefix("activations[")?;
    let i: usize = rest[..rest.find(']')?].parse().ok()?;
    c.activations.get(i)
}

/// The choices for the authority a visitor can complain to: the ones suggested for the
/// campaign's languages, the current one if typed by hand, none, and typing another (the last
/// option, past the end of the values).
fn authority_options(c: &Campaign) -> (Vec<PickOption>, Vec<Option<String>>, usize) {
    let mut options = Vec::new();
    let mut values: Vec<Option<String>> = Vec::new();
    for a in vocab().authorities_for(&c.locales) {
        options.push(opt(a.name.clone(), a.country.clone()));
        values.push(Some(a.name.clone()));
    }
    let current = c.controller.authority.clone();
    if let Some(cur) = &current
        && !values.contains(&current)
    {
        options.push(opt(clean(cur), "typed for this campaign"));
        values.push(Some(cur.clone()));
    }
    options.push(opt(
        "None named",
        "the notice says: the authority where you live",
    ));
    values.push(None);
    options.push(opt(
        "Another authority…",
        "type the one that supervises the brand",
    ));
    let selected = values.iter().position(|v| *v == current).unwrap_or(0);
    (options, values, selected)
}

/// A condition, zone or other item being built step by step.
#[derive(Debug, Clone, PartialEq)]
pub enum Wizard {
    Intent {
        cond: IntentCondition,
        at: Vec<usize>,
        replace: bool,
        step: u8,
    },
    Attribute {
        cond: AttributeCondition,
        at: Vec<usize>,
        replace: bool,
        step: u8,
    },
    Zone {
        zone: Zone,
        step: u8,
    },
    DataField {
        field: DataField,
        step: u8,
    },
    Recipient {
        data: usize,
        index: Option<usize>,
        recipient: Recipient,
        step: u8,
    },
    Activation {
        act: Activation,
        step: u8,
    },
    Model {
        model: PredictiveModel,
        step: u8,
    },
    OptOut {
        kind: usize,
        step: u8,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Then {
    Field(Field),
    Wizard(Box<Wizard>),
    Template,
    NewCampaign(Template),
    Rename(String),
    Duplicate(String),
    Import,
    Export(String),
    AddMenu,
    Ongoing,
    OpenReview,
    Decision(crate::store::Decision),
    /// The authority picked from suggestions; `None` clears it; past the end, type one.
    Authority(Vec<Option<String>>),
    /// Filling in a newly added language: the texts at `paths`, the one at `at` being asked.
    Translate {
        lang: String,
        paths: Vec<String>,
        at: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmed {
    Delete,
    QuitSave,
    QuitDiscard,
    RestoreDraft,
    DiscardDraft,
    SaveAsCopy,
    OpenTheirs,
    Dismiss,
}

pub enum Overlay {
    Help {
        scroll: u16,
    },
    Prompt {
        title: String,
        hint: String,
        input: Input,
        then: Then,
        error: Option<String>,
        numeric: bool,
    },
    Pick {
        title: String,
        options: Vec<PickOption>,
        selected: usize,
        then: Then,
        checked: Option<Vec<bool>>,
        error: Option<String>,
    },
    Confirm {
        title: String,
        body: Vec<String>,
        choices: Vec<(char, &'static str, Confirmed)>,
        subject: String,
    },
    Explain {
        rule: &'static str,
        scroll: u16,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub severity: Option<Severity>,
}

/// The list of revisions of one campaign, and a diff when one is asked for.
pub struct HistoryState {
    pub id: String,
    pub revisions: Vec<crate::store::RevisionMeta>,
    pub selected: usize,
    pub marked: Option<usize>,
    pub diff: Option<DiffState>,
}

pub struct DiffState {
    pub title: String,
    pub lines: review::Lines,
    pub scroll: u16,
}

/// An import started from the library, done a batch at a time.
pub struct ImportJob {
    pub files: Vec<std::path::PathBuf>,
    pub total: usize,
    pub imported: usize,
    pub failures: Vec<crate::model::LoadError>,
}

/// Files imported per tick: enough to finish quickly, few enough to redraw often.
const IMPORT_STEP: usize = 100;

pub struct App {
    pub import_job: Option<ImportJob>,
    pub review: Option<review::ReviewState>,
    pub history: Option<HistoryState>,
    pub store: Store,
    pub library: Library,
    pub editor: Option<Editor>,
    pub overlay: Option<Overlay>,
    pub message: Option<Message>,
    pub quit: bool,
    pub color: bool,
    /// The size of the last frame, for mouse hit-testing.
    pub area: Rect,
}

fn key_char(ev: &KeyEvent) -> Option<char> {
    match ev.code {
        KeyCode::Char(c) if !ev.modifiers.contains(KeyModifiers::CONTROL) => Some(c),
        _ => None,
    }
}

impl App {
    pub fn new(store: Store) -> App {
        let mut app = App {
            import_job: None,
            review: None,
            history: None,
            store,
            library: Library {
                detail: None,
                all: Vec::new(),
                view: Vec::new(),
                selected: 0,
                filter: Input::default(),
                filtering: false,
                sort: SortKey::Updated,
            },
            editor: None,
            overlay: None,
            message: None,
            quit: false,
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            area: Rect::new(0, 0, 80, 24),
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
                    .filter(|f| Section::of_location(&f.location) == *s)
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
        for (n, sym) in [(c.errors, "x"), (c.warnings, "!"), (c.infos, "i")] {
            if n > 0 {
                counts.push(format!("{n}{sym}"));
            }
        }
        // Four tabs fit a 34-column panel only in short form; the findings tab then shows its
        // counts alone, which read as findings beside the severity marks of the form.
        let narrow = width < 58;
        PanelTab::ALL
            .iter()
            .map(|t| match t {
                PanelTab::Findings if counts.is_empty() => "Findings".to_string(),
                PanelTab::Findings if narrow => counts.join(" "),
                PanelTab::Findings => format!("Findings {}", counts.join(" ")),
                PanelTab::Disclosure if narrow => "Notice".to_string(),
                PanelTab::Why if narrow => "Why".to_string(),
                PanelTab::Value if narrow => "Value".to_string(),
                t => t.title().to_string(),
            })
            .collect()
    }

    fn say(&mut self, text: impl Into<String>, severity: Option<Severity>) {
        let text = text.into();
        log::info!("{text}");
        self.message = Some(Message { text, severity });
    }

    fn fail(&mut self, text: impl Into<String>) {
        self.say(text, Some(Severity::Error));
    }

    pub fn reload_library(&mut self) {
        match self.store.all_summaries() {
            Ok(all) => self.library.all = all,
            Err(e) => self.fail(format!("Could not read the library: {e}")),
        }
        self.library.refresh_view();
        self.library.detail = None;
        self.sync_detail();
    }

    fn select_in_library(&mut self, id: &str) {
        if let Some(pos) = self
            .library
            .view
            .iter()
            .position(|&i| self.library.all[i].id == id)
        {
            self.library.selected = pos;
        }
    }

    /// The contexts whose key bindings apply now, most specific first.
    pub fn contexts(&self) -> Vec<Ctx> {
        if self.history.is_some() {
            return vec![Ctx::History, Ctx::Global];
        }
        if self.review.is_some() {
            return vec![Ctx::Review, Ctx::Global];
        }
        match &self.editor {
            None => vec![Ctx::Library, Ctx::Global],
            Some(e) if e.focus == Focus::Panel && e.panel == PanelTab::Findings => {
                vec![Ctx::Findings, Ctx::Panel, Ctx::Editor, Ctx::Global]
            }
            Some(e) if e.focus == Focus::Panel => vec![Ctx::Panel, Ctx::Editor, Ctx::Global],
            Some(e) => {
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

    pub fn handle_event(&mut self, ev: &Event) {
        match ev {
            Event::Key(k) if k.kind != ratatui::crossterm::event::KeyEventKind::Release => {
                self.handle_key(*k)
            }
            Event::Mouse(m) => self.handle_mouse(*m),
            Event::Paste(text) => self.handle_paste(text),
            Event::Resize(w, h) => self.area = Rect::new(0, 0, *w, *h),
            _ => {}
        }
    }

    fn handle_paste(&mut self, text: &str) {
        // Pasted text goes into the open text field, one line, control characters dropped.
        let line: String = text
            .chars()
            .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
            .filter(|c| !c.is_control())
            .collect();
        match &mut self.overlay {
            Some(Overlay::Prompt { input, .. }) => {
                for c in line.chars() {
                    input.handle(tui_input::InputRequest::InsertChar(c));
                }
            }
            None if self.library.filtering => {
                for c in line.chars() {
                    self.library
                        .filter
                        .handle(tui_input::InputRequest::InsertChar(c));
                }
                self.library.refresh_view();
            }
            _ => {}
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        self.handle_key_inner(key);
        self.sync_detail();
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
        self.library.detail = self.store.get(&id).ok().map(|st| Detail {
            findings: checks::check(&st.campaign),
            objective: st.campaign.objective,
            owner: st.campaign.owner,
            draft_at: self
                .store
                .draft(&id)
                .ok()
                .flatten()
                .map(|d| short_time(&d.updated_at)),
            id,
        });
    }

    fn handle_key_inner(&mut self, key: KeyEvent) {
        if self.overlay.is_some() {
            self.overlay_key(key);
            return;
        }
        if self.editor.is_none() && self.library.filtering {
            match key.code {
                KeyCode::Esc => {
                    self.library.filtering = false;
                    self.library.filter.reset();
                    self.library.refresh_view();
                }
                KeyCode::Enter => self.library.filtering = false,
                KeyCode::Up | KeyCode::Down => {
                    let action = if key.code == KeyCode::Up {
                        A::Up
                    } else {
                        A::Down
                    };
                    self.library_action(action);
                }
                _ => {
                    self.library.filter.handle_event(&Event::Key(key));
                    self.library.selected = 0;
                    self.library.refresh_view();
                }
            }
            return;
        }
        let Some(action) = keymap::lookup(&key, &self.contexts()) else {
            return;
        };
        self.message = None;
        match action {
            A::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            A::Quit => self.request_quit(),
            _ if self.history.is_some() => self.history_action(action),
            _ if self.review.is_some() => self.review_action(action),
            A::History => self.open_history(),
            _ if self.editor.is_some() => self.editor_action(action),
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
        match &self.editor {
            Some(e) if e.dirty() => {
                self.overlay = Some(Overlay::Confirm {
                    title: "Unsaved changes".into(),
                    body: vec![
                        format!(
                            "\"{}\" has edits that are not saved as a revision.",
                            clean(&e.campaign.name)
                        ),
                        "They are kept as a draft either way until you discard them.".into(),
                    ],
                    choices: vec![
                        ('s', "save a revision and quit", Confirmed::QuitSave),
                        ('d', "discard the edits and quit", Confirmed::QuitDiscard),
                        ('c', "cancel", Confirmed::Dismiss),
                    ],
                    subject: String::new(),
                })
            }
            _ => self.quit = true,
        }
    }

    // ---------------------------------------------------------------- library

    fn library_action(&mut self, action: A) {
        let len = self.library.view.len();
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
            A::Sort => {
                self.library.sort = self.library.sort.next();
                let id = self.library.current().map(|s| s.id.clone());
                self.library.refresh_view();
                if let Some(id) = id {
                    self.select_in_library(&id);
                }
                self.say(format!("Sorted by {}", self.library.sort.label()), None);
            }
            A::New => {
                self.overlay = Some(Overlay::Pick {
                    title: "New campaign from a template".into(),
                    options: Template::ALL
                        .iter()
                        .map(|t| opt(t.label(), t.detail()))
                        .collect(),
                    selected: 0,
                    then: Then::Template,
                    checked: None,
                    error: None,
                })
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
                    if action == A::Open {
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
                    A::Export => self.prompt(
                        "Export as RON",
                        "the folder to write to",
                        "export".into(),
                        Then::Export(s.id.clone()),
                        false,
                    ),
                    A::Archive => match self.store.set_status(&s.id, Status::Archived) {
                        Ok(_) => {
                            self.reload_library();
                            self.say(format!("Archived \"{}\"", clean(&s.name)), None);
                        }
                        Err(e) => self.fail(e.to_string()),
                    },
                    A::Delete => {
                        self.overlay = Some(Overlay::Confirm {
                            title: "Delete campaign".into(),
                            body: vec![
                                format!(
                                    "Delete \"{}\" and all {} of its revisions?",
                                    clean(&s.name),
                                    s.revision
                                ),
                                "This cannot be undone. Export it first if you may need it.".into(),
                            ],
                            choices: vec![
                                ('y', "delete it", Confirmed::Delete),
                                ('n', "keep it", Confirmed::Dismiss),
                            ],
                            subject: s.id.clone(),
                        })
                    }
                    _ => {}
                }
            }
        }
    }

    fn prompt(&mut self, title: &str, hint: &str, value: String, then: Then, numeric: bool) {
        let input = Input::new(value);
        self.overlay = Some(Overlay::Prompt {
            title: title.into(),
            hint: hint.into(),
            input,
            then,
            error: None,
            numeric,
        });
    }

    fn pick(&mut self, title: &str, options: Vec<PickOption>, selected: usize, then: Then) {
        self.overlay = Some(Overlay::Pick {
            title: title.into(),
            options,
            selected,
            then,
            checked: None,
            error: None,
        });
    }

    fn unique_id(&self, name: &str) -> String {
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
        let derived = derive(&stored.campaign, Section::Overview, loc);
        self.editor = Some(Editor {
            saved: stored.campaign.clone(),
            campaign: stored.campaign,
            base: stored.revision.id,
            revision_number: stored.revision.number,
            section: Section::Overview,
            selected: 0,
            focus: Focus::Form,
            panel: PanelTab::Disclosure,
            panel_scroll: 0,
            finding: 0,
            locale,
            derived,
            undo: Vec::new(),
            redo: Vec::new(),
            edited_at: None,
            draft_note: None,
        });
        // Remembered for convenience only: a failure costs the next start its selection.
        if let Err(err) = self.store.ui_set("last_campaign", id) {
            log::warn!("could not remember the last campaign: {err}");
        }
        log::info!("opened {id}");
        if let Ok(Some(draft)) = self.store.draft(id)
            && draft.campaign
                != self
                    .editor
                    .as_ref()
                    .map(|e| e.saved.clone())
                    .unwrap_or_else(|| draft.campaign.clone())
        {
            let stale = draft.base_revision != stored.revision.id;
            let mut body = vec![format!(
                "Candor kept edits to this campaign that were never saved (last change {}).",
                short_time(&draft.updated_at)
            )];
            if stale {
                body.push(
                    "They started from an older revision; saving them will ask how to merge."
                        .into(),
                );
            }
            self.overlay = Some(Overlay::Confirm {
                title: "Restore unsaved edits?".into(),
                body,
                choices: vec![
                    ('r', "restore them", Confirmed::RestoreDraft),
                    ('d', "discard them", Confirmed::DiscardDraft),
                ],
                subject: id.to_string(),
            });
        }
    }

    // ---------------------------------------------------------------- editor

    fn editor_action(&mut self, action: A) {
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
                A::Down => e.panel_scroll = e.panel_scroll.saturating_add(1),
                A::PageUp => e.panel_scroll = e.panel_scroll.saturating_sub(page as u16),
                A::PageDown => e.panel_scroll = e.panel_scroll.saturating_add(page as u16),
                A::Top => {
                    e.panel_scroll = 0;
                    e.finding = 0;
                }
                A::Explain if on_findings => return self.jump_to_finding(),
                A::Explain => {}
                A::Declare => return self.declare_finding(),
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
            A::AddAttribute => self.start_attribute(None),
            A::AddGroup => self.audience_edit(|root, at| {
                Some(audience::insert(root, at, Condition::Any(Vec::new())))
            }),
            A::Negate => self.audience_edit(|root, at| {
                if at.is_empty() {
                    return None;
                }
                audience::toggle_not(root, at)?;
                Some(at.to_vec())
            }),
            A::CycleGroup => self.audience_edit(|root, at| {
                audience::toggle_group(root, at)?;
                Some(at.to_vec())
            }),
            A::Remove => self.remove_selected(),
            A::MoveUp | A::MoveDown => self.move_selected(action == A::MoveUp),
            A::AddItem => self.add_item(),
            _ => self.editor_common(action),
        }
    }

    fn editor_common(&mut self, action: A) {
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
                        to.push(std::mem::replace(&mut e.campaign, prev));
                        e.edited_at = Some(Instant::now());
                        e.recompute();
                        self.say(
                            if action == A::Undo {
                                "Undone"
                            } else {
                                "Redone"
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
            A::Back => self.close_editor(),
            _ => {}
        }
    }

    fn set_section(&mut self, s: Section) {
        if let Some(e) = self.editor.as_mut() {
            e.section = s;
            e.selected = 0;
            e.recompute();
        }
    }

    /// Leaves the editor. Unsaved edits stay as a draft, so nothing is lost.
    fn close_editor(&mut self) {
        if let Some(e) = self.editor.take() {
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
                        self.editor = Some(e);
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
    fn commit_edit(&mut self, before: Campaign) {
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

    /// Applies `f` to the campaign; on error the campaign is left as it was.
    fn change(&mut self, f: impl FnOnce(&mut Campaign) -> Result<(), String>) -> bool {
        let Some(e) = self.editor.as_mut() else {
            return false;
        };
        let before = e.campaign.clone();
        let mut next = before.clone();
        match f(&mut next) {
            Ok(()) => {
                e.campaign = next;
                self.commit_edit(before);
                true
            }
            Err(msg) => {
                self.fail(msg);
                false
            }
        }
    }

    fn select_path(&mut self, path: &str) {
        if let Some(e) = self.editor.as_mut()
            && let Some(i) = e.derived.rows.iter().position(|r| r.path == path)
        {
            e.selected = i;
        }
    }

    fn audience_edit(&mut self, op: impl FnOnce(&mut Condition, &[usize]) -> Option<Vec<usize>>) {
        let Some(e) = self.editor.as_ref() else {
            return;
        };
        if e.section != Section::Audience {
            return;
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
    }

    fn select_tree(&mut self, tree: &[usize]) {
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

    fn edit_selected(&mut self) {
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
                Some(Condition::All(_) | Condition::Any(_)) => self.audience_edit(|root, at| {
                    audience::toggle_group(root, at)?;
                    Some(at.to_vec())
                }),
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
                self.run_wizard(Wizard::Recipient {
                    data: *i,
                    index: Some(*j),
                    recipient: r,
                    step: 0,
                });
            }
            f => {
                let lang = editing_language(&e.campaign, e.locale);
                let kind = fields::edit_kind(&e.campaign, f, lang);
                // A typed text is edited in one language at a time: the title says which.
                let title = if f.is_typed_text() && e.campaign.locales.len() > 1 {
                    let name =
                        disclosure::locale(lang).map_or(lang.to_string(), |l| l.name.clone());
                    format!("{} ({name}; L switches)", row.label)
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
                        let options = options.into_iter().map(|o| opt(o, String::new())).collect();
                        self.pick(&title, options, selected, Then::Field(f.clone()))
                    }
                    EditKind::Multi { options, checked } => {
                        let options = options.into_iter().map(|o| opt(o, String::new())).collect();
                        self.overlay = Some(Overlay::Pick {
                            title,
                            options,
                            selected: 0,
                            then: Then::Field(f.clone()),
                            checked: Some(checked),
                            error: None,
                        });
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

    fn apply_field(&mut self, f: &Field, v: EditValue) -> Result<(), String> {
        // The review gate, refused here already so the picker can say why.
        if *f == Field::Status
            && let (Some(e), EditValue::Index(i)) = (self.editor.as_ref(), &v)
            && let Some(status) = Status::ALL.get(*i)
            && let Some(refusal) = checks::review_gate(*status, &e.derived.findings)
        {
            return Err(format!("Cannot move to {}: {refusal}", status.label()));
        }
        let e = self.editor.as_mut().ok_or("no campaign is open")?;
        let before = e.campaign.clone();
        let mut next = before.clone();
        let lang = editing_language(&before, e.locale).to_string();
        fields::apply(&mut next, f, v, &lang)?;
        let problems = validate::validate(&next);
        if let Some(p) = problems
            .iter()
            .find(|p| !validate::validate(&before).contains(p))
        {
            return Err(format!("{}: {}", p.path, p.message));
        }
        e.campaign = next;
        self.commit_edit(before);
        Ok(())
    }

    fn remove_selected(&mut self) {
        let Some(e) = self.editor.as_ref() else {
            return;
        };
        let Some(row) = e.row().cloned() else { return };
        if let Field::Node(path) = &row.field {
            let mut removed = None;
            self.change(|c| {
                removed = audience::remove(&mut c.audience, path);
                removed
                    .as_ref()
                    .map(|_| ())
                    .ok_or_else(|| "nothing to delete here".to_string())
            });
            if let Some(r) = removed {
                self.say(
                    format!("Deleted: {} (u undoes)", fields::describe_condition(&r)),
                    None,
                );
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
        self.change(|c| {
            what = fields::remove(c, item);
            Ok(())
        });
        self.say(format!("{what} (u undoes)"), None);
    }

    fn move_selected(&mut self, up: bool) {
        let Some(e) = self.editor.as_ref() else {
            return;
        };
        let Some(row) = e.row().cloned() else { return };
        if let Field::Node(path) = &row.field {
            let mut to = None;
            self.change(|c| {
                to = audience::move_node(&mut c.audience, path, up);
                to.as_ref()
                    .map(|_| ())
                    .ok_or_else(|| "It is already at the end of its group.".into())
            });
            if let Some(p) = to {
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
        self.change(|c| {
            moved = fields::move_item(c, item, up);
            moved
                .map(|_| ())
                .ok_or_else(|| "It is already at the end of its list.".into())
        });
        if let (Some(to), Some(e)) = (moved, self.editor.as_mut())
            && let Some(start) = e
                .derived
                .rows
                .iter()
                .position(|r| fields::item_of(&r.field) == Some(to))
        {
            e.selected = start + offset;
        }
    }

    fn add_item(&mut self) {
        let Some(e) = self.editor.as_ref() else {
            return;
        };
        match e.section {
            Section::Zones => self.run_wizard(Wizard::Zone {
                zone: Zone::new(
                    "",
                    ZoneKind::Banner,
                    Visibility::Anyone,
                    e.campaign.zones.len() as u32 + 1,
                ),
                step: 0,
            }),
            Section::Data => {
                let mut options = vec![opt(
                    "Data field",
                    "something the campaign collects or reads",
                )];
                if let Some(Item::Data(i) | Item::Recipient(i, _)) =
                    e.row().and_then(|r| fields::item_of(&r.field))
                {
                    options.push(opt(
                        format!("Recipient of field {}", i + 1),
                        "someone outside the brand who receives it",
                    ));
                }
                options.push(opt(
                    "Activation",
                    "where the audience or its data is actually sent",
                ));
                options.push(opt(
                    "Predictive model",
                    "a score the campaign relies on, with its features",
                ));
                self.pick("Add", options, 0, Then::AddMenu);
            }
            Section::Value => self.pick(
                "Add",
                vec![
                    opt("Benefit over time", "something the customer keeps getting"),
                    opt("Opt-out method", "a way to say stop"),
                ],
                0,
                Then::AddMenu,
            ),
            _ => {}
        }
    }

    fn add_menu(&mut self, label: &str) {
        let Some(e) = self.editor.as_ref() else {
            return;
        };
        let selected_data = match e.row().and_then(|r| fields::item_of(&r.field)) {
            Some(Item::Data(i) | Item::Recipient(i, _)) => Some(i),
            _ => None,
        };
        if label == "Data field" {
            self.run_wizard(Wizard::DataField {
                field: DataField {
                    category: String::new(),
                    purposes: Vec::new(),
                    collected_by: Collection::Form,
                    consent: ConsentMoment::BeforeCollection,
                    legal_basis: LegalBasis::Consent,
                    retention_days: 365,
                    recipients: Vec::new(),
                    source: None,
                },
                step: 0,
            });
        } else if label.starts_with("Recipient") {
            if let Some(i) = selected_data {
                self.run_wizard(Wizard::Recipient {
                    data: i,
                    index: None,
                    recipient: Recipient {
                        name: String::new(),
                        kind: RecipientKind::Processor,
                    },
                    step: 0,
                });
            }
        } else if label == "Activation" {
            self.run_wizard(Wizard::Activation {
                act: Activation {
                    destination: String::new(),
                    kind: RecipientKind::AdPlatform,
                    sends: Vec::new(),
                },
                step: 0,
            });
        } else if label == "Predictive model" {
            self.run_wizard(Wizard::Model {
                model: PredictiveModel {
                    name: String::new(),
                    kind: ModelKind::Propensity,
                    features: Vec::new(),
                },
                step: 0,
            });
        } else if label == "Benefit over time" {
            self.prompt(
                "Benefit over time",
                "what the customer keeps getting",
                String::new(),
                Then::Ongoing,
                false,
            );
        } else if label == "Opt-out method" {
            self.run_wizard(Wizard::OptOut { kind: 0, step: 0 });
        }
    }

    fn selected_node(&self) -> Vec<usize> {
        match self.editor.as_ref().and_then(|e| e.row()).map(|r| &r.field) {
            Some(Field::Node(p)) => p.clone(),
            _ => Vec::new(),
        }
    }

    /// Conditions are added in the audience section; go there first.
    fn ensure_audience(&mut self) {
        if self
            .editor
            .as_ref()
            .is_some_and(|e| e.section != Section::Audience)
        {
            self.set_section(Section::Audience);
        }
    }

    fn start_intent(&mut self, existing: Option<(IntentCondition, Vec<usize>)>) {
        self.ensure_audience();
        let (cond, at, replace) = match existing {
            Some((c, p)) => (c, p, true),
            None => (
                IntentCondition {
                    action: Action::CategoryView,
                    target: Target::Category(String::new()),
                    count: Count::AtLeast(1),
                    within_days: 30,
                },
                self.selected_node(),
                false,
            ),
        };
        self.run_wizard(Wizard::Intent {
            cond,
            at,
            replace,
            step: 0,
        });
    }

    fn start_attribute(&mut self, existing: Option<(AttributeCondition, Vec<usize>)>) {
        self.ensure_audience();
        let (cond, at, replace) = match existing {
            Some((c, p)) => (c, p, true),
            None => (
                AttributeCondition {
                    attribute: "loyalty_tier".into(),
                    operator: Operator::Is,
                    value: String::new(),
                    justification: None,
                },
                self.selected_node(),
                false,
            ),
        };
        self.run_wizard(Wizard::Attribute {
            cond,
            at,
            replace,
            step: 0,
        });
    }

    /// Shows the overlay for the wizard's current step, or finishes it.
    fn run_wizard(&mut self, w: Wizard) {
        let then = |w: &Wizard| Then::Wizard(Box::new(w.clone()));
        match &w {
            Wizard::Intent { cond, step, .. } => match step {
                0 => {
                    let options = Action::ALL.iter().map(|a| opt(a.label(), "")).collect();
                    let sel = Action::ALL
                        .iter()
                        .position(|a| *a == cond.action)
                        .unwrap_or(0);
                    self.pick(
                        "Intent 1/5: what did the person do?",
                        options,
                        sel,
                        then(&w),
                    );
                }
                1 => {
                    let sel = TARGET_KINDS
                        .iter()
                        .position(|(k, _)| *k == target_kind(&cond.target))
                        .unwrap_or(0);
                    let options = TARGET_KINDS.iter().map(|(k, d)| opt(*k, *d)).collect();
                    self.pick("Intent 2/5: on what?", options, sel, then(&w));
                }
                2 => {
                    let hint = format!("the {} (a name or a path)", target_kind(&cond.target));
                    self.prompt(
                        "Intent 3/5: which one?",
                        &hint,
                        target_value(&cond.target),
                        then(&w),
                        false,
                    );
                }
                3 => {
                    let (kind, n) = count_parts(cond.count);
                    let options = ["at least", "at most", "exactly"]
                        .iter()
                        .map(|k| opt(format!("{k} … times"), ""))
                        .collect();
                    let _ = n;
                    self.pick("Intent 4/5: how often?", options, kind, then(&w));
                }
                4 => {
                    let (_, n) = count_parts(cond.count);
                    self.prompt(
                        "Intent 4/5: how many times?",
                        "a whole number from 0 to 1000",
                        n.to_string(),
                        then(&w),
                        true,
                    );
                }
                5 => self.prompt(
                    "Intent 5/5: within how many days?",
                    "a whole number of days from 1 to 3650",
                    cond.within_days.to_string(),
                    then(&w),
                    true,
                ),
                _ => self.finish_wizard(w),
            },
            Wizard::Attribute { cond, step, .. } => match step {
                0 => {
                    let attrs = attributes_by_risk();
                    let options = attrs
                        .iter()
                        .map(|a| PickOption {
                            label: a.label.clone(),
                            detail: attribute_detail(&a.kind),
                            mark: fields::attribute_mark(&a.id),
                        })
                        .collect();
                    let sel = attrs
                        .iter()
                        .position(|a| a.id == cond.attribute)
                        .unwrap_or(0);
                    self.pick(
                        "Attribute 1/3: which attribute? (marked ones are checked)",
                        options,
                        sel,
                        then(&w),
                    );
                }
                1 => {
                    let options = Operator::ALL.iter().map(|o| opt(o.label(), "")).collect();
                    let sel = Operator::ALL
                        .iter()
                        .position(|o| *o == cond.operator)
                        .unwrap_or(0);
                    self.pick("Attribute 2/3: how to compare?", options, sel, then(&w));
                }
                2 => {
                    let hint = if matches!(cond.operator, Operator::OneOf | Operator::NoneOf) {
                        "values separated by commas"
                    } else {
                        "the value"
                    };
                    self.prompt(
                        "Attribute 3/3: the value",
                        hint,
                        cond.value.clone(),
                        then(&w),
                        false,
                    );
                }
                3 => {
                    let needs = vocab().attribute(&cond.attribute).is_some_and(|a| {
                        matches!(a.kind, AttributeKind::Proxy(_) | AttributeKind::Age)
                    });
                    if needs {
                        self.prompt(
                            "Why is this needed?",
                            "a written reason (4 words or more) lowers the finding to a note, e.g. a legal age gate or the nearest store; leave empty if there is none",
                            cond.justification.clone().unwrap_or_default(),
                            then(&w),
                            false,
                        );
                    } else {
                        self.finish_wizard(w);
                    }
                }
                _ => self.finish_wizard(w),
            },
            Wizard::Zone { zone, step } => match step {
                0 => self.prompt(
                    "New zone 1/3: name",
                    "a name for this place on the page",
                    zone.name.clone(),
                    then(&w),
                    false,
                ),
                1 => {
                    let options = ZoneKind::ALL
                        .iter()
                        .map(|k| PickOption {
                            label: k.label().into(),
                            detail: String::new(),
                            mark: k.is_personal().then_some("PERSONAL"),
                        })
                        .collect();
                    self.pick("New zone 2/3: kind", options, 0, then(&w));
                }
                2 => {
                    let options = Visibility::ALL.iter().map(|v| opt(v.label(), "")).collect();
                    let sel = if zone.kind.is_personal() { 2 } else { 0 };
                    self.pick("New zone 3/3: shown to", options, sel, then(&w));
                }
                _ => self.finish_wizard(w),
            },
            Wizard::DataField { field, step } => match step {
                0 => {
                    let options = vocab()
                        .categories
                        .iter()
                        .map(|c| opt(c.name.clone(), format!("sensitivity {}", c.sensitivity)))
                        .collect();
                    self.pick("New field 1/3: what is collected?", options, 0, then(&w));
                }
                1 => {
                    let uses: Vec<PickOption> = vocab()
                        .uses
                        .iter()
                        .map(|u| {
                            opt(
                                u.name.clone(),
                                if u.needs_consent { "needs consent" } else { "" },
                            )
                        })
                        .collect();
                    let checked = vocab()
                        .uses
                        .iter()
                        .map(|u| field.purposes.contains(&u.name))
                        .collect();
                    self.overlay = Some(Overlay::Pick {
                        title: "New field 2/3: why? (space ticks)".into(),
                        options: uses,
                        selected: 0,
                        then: then(&w),
                        checked: Some(checked),
                        error: None,
                    });
                }
                2 => {
                    let options = Collection::ALL
                        .iter()
                        .map(|c| opt(format!("{c:?}"), ""))
                        .collect();
                    self.pick("New field 3/3: collected by", options, 0, then(&w));
                }
                _ => self.finish_wizard(w),
            },
            Wizard::Recipient {
                recipient, step, ..
            } => match step {
                0 => self.prompt(
                    "Recipient: name",
                    "the company that receives the data",
                    recipient.name.clone(),
                    then(&w),
                    false,
                ),
                1 => {
                    let options = recipient_kind_options();
                    let sel = RecipientKind::ALL
                        .iter()
                        .position(|k| *k == recipient.kind)
                        .unwrap_or(0);
                    self.pick("Recipient: kind", options, sel, then(&w));
                }
                _ => self.finish_wizard(w),
            },
            Wizard::Activation { act, step } => match step {
                0 => self.prompt(
                    "Activation 1/3: destination",
                    "the platform or company the data goes to",
                    act.destination.clone(),
                    then(&w),
                    false,
                ),
                1 => {
                    let options = recipient_kind_options();
                    self.pick("Activation 2/3: kind", options, 0, then(&w));
                }
                2 => {
                    let options = vocab()
                        .categories
                        .iter()
                        .map(|c| opt(c.name.clone(), ""))
                        .collect();
                    let checked = vocab()
                        .categories
                        .iter()
                        .map(|c| act.sends.contains(&c.name))
                        .collect();
                    self.overlay = Some(Overlay::Pick {
                        title: "Activation 3/3: what is sent? (space ticks)".into(),
                        options,
                        selected: 0,
                        then: then(&w),
                        checked: Some(checked),
                        error: None,
                    });
                }
                _ => self.finish_wizard(w),
            },
            Wizard::Model { model, step } => match step {
                0 => self.prompt(
                    "Model 1/2: name",
                    "what the score is called",
                    model.name.clone(),
                    then(&w),
                    false,
                ),
                1 => {
                    let options = [
                        ModelKind::Propensity,
                        ModelKind::Affinity,
                        ModelKind::Lookalike,
                    ]
                    .iter()
                    .map(|k| opt(format!("{k:?}"), ""))
                    .collect();
                    self.pick("Model 2/2: kind", options, 0, then(&w));
                }
                _ => self.finish_wizard(w),
            },
            Wizard::OptOut { kind, step } => match step {
                0 => {
                    let options = OPT_OUT_KINDS.iter().map(|k| opt(*k, "")).collect();
                    self.pick("Opt-out: how?", options, 0, then(&w));
                }
                1 if *kind < 2 => self.prompt(
                    "Opt-out: web address",
                    "https://…",
                    String::new(),
                    then(&w),
                    false,
                ),
                _ => self.finish_wizard(w),
            },
        }
    }

    /// Feeds a step's answer into the wizard and moves on. Errors keep the step open.
    fn wizard_answer(&mut self, w: Wizard, v: EditValue) -> Result<(), String> {
        let idx = |v: &EditValue| if let EditValue::Index(i) = v { *i } else { 0 };
        let txt = |v: &EditValue| {
            if let EditValue::Text(t) = v {
                t.trim().to_string()
            } else {
                String::new()
            }
        };
        let num = |v: &EditValue, min: u32, max: u32| -> Result<u32, String> {
            let n: u32 = txt(v)
                .parse()
                .map_err(|_| "enter a whole number".to_string())?;
            if (min..=max).contains(&n) {
                Ok(n)
            } else {
                Err(format!("enter a number from {min} to {max}"))
            }
        };
        let next = match w {
            Wizard::Intent {
                mut cond,
                at,
                replace,
                step,
            } => {
                let mut step = step + 1;
                match step - 1 {
                    0 => cond.action = picked(&Action::ALL, &v)?,
                    1 => {
                        let kind = picked(&TARGET_KINDS, &v)?.0;
                        cond.target = make_target(kind, target_value(&cond.target));
                        if kind == "anything" {
                            step = 3;
                        }
                    }
                    2 => {
                        let value = txt(&v);
                        if value.is_empty() {
                            return Err("enter a name, or go back and choose \"anything\"".into());
                        }
                        cond.target = make_target(target_kind(&cond.target), value);
                    }
                    3 => cond.count = make_count(idx(&v), count_parts(cond.count).1),
                    4 => cond.count = make_count(count_parts(cond.count).0, num(&v, 0, 1000)?),
                    _ => cond.within_days = num(&v, 1, 3650)?,
                }
                Wizard::Intent {
                    cond,
                    at,
                    replace,
                    step,
                }
            }
            Wizard::Attribute {
                mut cond,
                at,
                replace,
                step,
            } => {
                match step {
                    0 => {
                        cond.attribute = picked(&attributes_by_risk(), &v)?.id.clone();
                    }
                    1 => cond.operator = picked(&Operator::ALL, &v)?,
                    2 => cond.value = required(txt(&v), "the value")?,
                    _ => cond.justification = Some(txt(&v)).filter(|t| !t.is_empty()),
                }
                Wizard::Attribute {
                    cond,
                    at,
                    replace,
                    step: step + 1,
                }
            }
            Wizard::Zone { mut zone, step } => {
                match step {
                    0 => zone.name = required(txt(&v), "the zone name")?,
                    1 => {
                        zone.kind = picked(&ZoneKind::ALL, &v)?;
                        if zone.kind == ZoneKind::Recommendations {
                            zone.recipe = Some(Recipe {
                                ingredients: vec![Ingredient::ViewedTogether],
                                exclusions: vec![
                                    Exclusion::AlreadyPurchased,
                                    Exclusion::OutOfStock,
                                ],
                                boosters: Vec::new(),
                            });
                        }
                    }
                    _ => zone.visibility = picked(&Visibility::ALL, &v)?,
                }
                Wizard::Zone {
                    zone,
                    step: step + 1,
                }
            }
            Wizard::DataField { mut field, step } => {
                match step {
                    0 => field.category = picked(&vocab().categories, &v)?.name,
                    1 => {
                        field.purposes = flags(&vocab().uses, &v)?
                            .into_iter()
                            .map(|u| u.name)
                            .collect();
                    }
                    _ => field.collected_by = picked(&Collection::ALL, &v)?,
                }
                Wizard::DataField {
                    field,
                    step: step + 1,
                }
            }
            Wizard::Recipient {
                data,
                index,
                mut recipient,
                step,
            } => {
                match step {
                    0 => recipient.name = required(txt(&v), "the recipient's name")?,
                    _ => recipient.kind = picked(&RecipientKind::ALL, &v)?,
                }
                Wizard::Recipient {
                    data,
                    index,
                    recipient,
                    step: step + 1,
                }
            }
            Wizard::Activation { mut act, step } => {
                match step {
                    0 => act.destination = required(txt(&v), "the destination")?,
                    1 => act.kind = picked(&RecipientKind::ALL, &v)?,
                    _ => {
                        act.sends = flags(&vocab().categories, &v)?
                            .into_iter()
                            .map(|c| c.name)
                            .collect();
                    }
                }
                Wizard::Activation {
                    act,
                    step: step + 1,
                }
            }
            Wizard::Model { mut model, step } => {
                match step {
                    0 => model.name = required(txt(&v), "the model name")?,
                    _ => {
                        model.kind = picked(
                            &[
                                ModelKind::Propensity,
                                ModelKind::Affinity,
                                ModelKind::Lookalike,
                            ],
                            &v,
                        )?
                    }
                }
                Wizard::Model {
                    model,
                    step: step + 1,
                }
            }
            Wizard::OptOut { kind, step } => match step {
                0 => Wizard::OptOut {
                    kind: idx(&v).min(OPT_OUT_KINDS.len() - 1),
                    step: 1,
                },
                _ => {
                    let url = required(txt(&v), "the web address")?;
                    let o = if kind == 0 {
                        OptOut::Link(url)
                    } else {
                        OptOut::PreferenceCentre(url)
                    };
                    self.change(|c| {
                        c.consent.opt_out.push(o);
                        Ok(())
                    });
                    return Ok(());
                }
            },
        };
        self.run_wizard(next);
        Ok(())
    }

    fn finish_wizard(&mut self, w: Wizard) {
        match w {
            Wizard::Intent {
                cond, at, replace, ..
            } => self.place_condition(Condition::Intent(cond), at, replace),
            Wizard::Attribute {
                cond, at, replace, ..
            } => self.place_condition(Condition::Attribute(cond), at, replace),
            Wizard::Zone { zone, .. } => self.append("zones", zone, |c| &mut c.zones),
            Wizard::DataField { field, .. } => self.append("data", field, |c| &mut c.data),
            Wizard::Recipient {
                data,
                index,
                recipient,
                ..
            } => {
                self.change(|c| {
                    let list = &mut c.data.get_mut(data).ok_or("that field is gone")?.recipients;
                    match index {
                        Some(j) if j < list.len() => list[j] = recipient,
                        _ => list.push(recipient),
                    }
                    Ok(())
                });
            }
            Wizard::Activation { act, .. } => {
                self.append("activations", act, |c| &mut c.activations)
            }
            Wizard::Model { model, .. } => self.append("models", model, |c| &mut c.models),
            Wizard::OptOut { kind, .. } => {
                let o = if kind == 2 {
                    OptOut::ReplyStop
                } else {
                    OptOut::AccountSettings
                };
                self.change(|c| {
                    c.consent.opt_out.push(o);
                    Ok(())
                });
            }
        }
    }

    /// Adds `item` at the end of one of the campaign's lists (`list` is its name in the file)
    /// and selects it.
    fn append<T>(&mut self, list: &str, item: T, of: fn(&mut Campaign) -> &mut Vec<T>) {
        let mut at = 0;
        let added = self.change(|c| {
            let items = of(c);
            items.push(item);
            at = items.len() - 1;
            Ok(())
        });
        if added {
            self.select_path(&format!("{list}[{at}]"));
        }
    }

    fn place_condition(&mut self, cond: Condition, at: Vec<usize>, replace: bool) {
        let mut placed = at.clone();
        let ok = self.change(|c| {
            if replace {
                let slot =
                    audience::node_mut(&mut c.audience, &at).ok_or("that condition is gone")?;
                *slot = cond;
            } else {
                placed = audience::insert(&mut c.audience, &at, cond);
            }
            Ok(())
        });
        if ok {
            self.select_tree(&placed);
            let note = self.editor.as_ref().and_then(|e| {
                e.derived
                    .findings
                    .iter()
                    .find(|f| f.location.starts_with("audience") && f.severity >= Severity::Warning)
                    .map(|f| f.message.clone())
            });
            match note {
                Some(n) => self.say(format!("Added. Candor warns: {n}"), Some(Severity::Warning)),
                None => self.say(
                    if replace {
                        "Condition updated"
                    } else {
                        "Condition added"
                    },
                    None,
                ),
            }
        }
    }

    /// After languages were added, offers to write each visitor text in the first new one.
    fn offer_translations(&mut self, before: &[String]) {
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
    fn ask_translation(&mut self, lang: String, paths: Vec<String>, at: usize) {
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
                n => format!(
                    "{n} text(s) still have no {name} version: missing-translation lists them."
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

    /// Declares the category an undeclared-data-use finding names, with the suggestion from
    /// `assets/vocab/data_map.ron`, and shows the new field to adjust.
    fn declare_finding(&mut self) {
        let Some(e) = self.editor.as_ref() else {
            return;
        };
        if e.panel != PanelTab::Findings {
            return self.say(
                "Open the findings tab (p) and pick an undeclared-data-use finding.",
                None,
            );
        }
        let Some(f) = e.derived.findings.get(e.finding) else {
            return;
        };
        if f.rule != "undeclared-data-use" {
            return self.say(
                "d declares undeclared data; this finding is about something else (Enter explains it).",
                None,
            );
        }
        let map = data_map(&e.campaign);
        let Some(read) = map
            .undeclared(&e.campaign)
            .find(|u| u.places.first().is_some_and(|p| p.path == f.location))
            .cloned()
        else {
            return;
        };
        let Some(s) = vocab().suggestion(&read.category, read.main_how()) else {
            return;
        };
        // Data sent out by an activation goes to its destination: the notice must name it.
        let mut recipients: Vec<Recipient> = Vec::new();
        for p in &read.places {
            if p.source == datamap::Source::Activation
                && let Some(a) = activation_at(&e.campaign, &p.path)
                && !recipients.iter().any(|r| r.name == a.destination)
            {
                recipients.push(Recipient {
                    name: a.destination.clone(),
                    kind: a.kind,
                });
            }
        }
        let field = DataField {
            category: read.category.clone(),
            purposes: vec![s.purpose.clone()],
            collected_by: s.collected_by,
            source: None,
            consent: ConsentMoment::BeforeCollection,
            legal_basis: LegalBasis::Consent,
            retention_days: s.retention_days,
            recipients,
        };
        let note = format!(
            "Declared {}; adjust what Candor suggested.",
            clean(&field.category)
        );
        self.set_section(Section::Data);
        if let Some(e) = self.editor.as_mut() {
            e.focus = Focus::Form;
        }
        self.append("data", field, |c| &mut c.data);
        self.say(note, None);
    }

    fn jump_to_finding(&mut self) {
        let Some(e) = self.editor.as_mut() else {
            return;
        };
        let Some(f) = e.derived.findings.get(e.finding).cloned() else {
            return;
        };
        e.section = Section::of_location(&f.location);
        e.focus = Focus::Form;
        e.recompute();
        // The row whose path is the longest prefix of the finding's location.
        let best = e
            .derived
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                f.location == r.path
                    || f.location.starts_with(&format!("{}.", r.path))
                    || f.location.starts_with(&format!("{}[", r.path))
            })
            .max_by_key(|(_, r)| r.path.len())
            .map(|(i, _)| i);
        if let Some(i) = best {
            e.selected = i;
        }
        self.overlay = Some(Overlay::Explain {
            rule: f.rule,
            scroll: 0,
        });
    }

    pub fn save(&mut self) {
        let Some(e) = self.editor.as_mut() else {
            return;
        };
        if !e.dirty() {
            return self.say("No changes to save", None);
        }
        // The history says what changed: the top-level parts touched since the last save.
        let mut parts: Vec<String> = review::field_diff(&e.saved, &e.campaign)
            .iter()
            .filter_map(|(_, line)| {
                line.get(2..)
                    .and_then(|l| l.split(['.', '[', ':']).next())
                    .map(str::to_string)
            })
            .collect();
        parts.dedup();
        parts.truncate(4);
        let message = format!("changed {}", parts.join(", ").replace('_', " "));
        match self.store.save(&e.campaign, e.base, &message) {
            Ok(meta) => {
                e.base = meta.id;
                e.revision_number = meta.number;
                e.saved = e.campaign.clone();
                e.edited_at = None;
                e.draft_note = None;
                let name = clean(&e.campaign.name);
                self.say(
                    format!("Saved revision {} of \"{name}\"", meta.number),
                    None,
                );
            }
            Err(StoreError::Conflict { number, by, at, .. }) => {
                e.edited_at = None;
                self.overlay = Some(Overlay::Confirm {
                    title: "Someone else saved first".into(),
                    body: vec![
                        format!(
                            "{} saved revision {number} at {} while you were editing.",
                            clean(&by),
                            short_time(&at)
                        ),
                        "Nothing was overwritten. Your edits are kept as a draft.".into(),
                    ],
                    choices: vec![
                        ('c', "save my edits as a new copy", Confirmed::SaveAsCopy),
                        (
                            'o',
                            "open their revision (my draft stays)",
                            Confirmed::OpenTheirs,
                        ),
                        ('k', "keep editing", Confirmed::Dismiss),
                    ],
                    subject: String::new(),
                });
            }
            Err(err) => self.fail(err.to_string()),
        }
    }

    /// Writes the draft if typing paused long enough. Called by the event loop.
    pub fn tick(&mut self, now: Instant) {
        self.import_step();
        let Some(e) = self.editor.as_mut() else {
            return;
        };
        let Some(at) = e.edited_at else { return };
        if now.duration_since(at) < AUTOSAVE_AFTER {
            return;
        }
        e.edited_at = None;
        if !e.dirty() {
            // Back to the saved text (undone to it, say): a stale draft must not come back.
            let id = e.campaign.id.clone();
            if let Err(err) = self.store.discard_draft(&id) {
                self.fail(format!(
                    "Could not remove the old draft ({err}); Candor may offer it again"
                ));
            }
            return;
        }
        match self.store.save_draft(&e.campaign, e.base) {
            Ok(()) => {
                e.draft_note = Some(format!("draft kept {}", short_time(&crate::store::now())))
            }
            Err(err) => self.fail(format!("Could not autosave the draft: {err}")),
        }
    }

    /// When `tick` next has work to do, so an idle loop can sleep until then.
    pub fn next_deadline(&self) -> Option<Instant> {
        if self.import_job.is_some() {
            return Some(Instant::now());
        }
        self.editor
            .as_ref()
            .and_then(|e| e.edited_at)
            .map(|t| t + AUTOSAVE_AFTER)
    }

    /// Imports the next batch of a running import and reports progress, then the outcome.
    fn import_step(&mut self) {
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
        let written = match self.store.import_ready(ready) {
            Ok(done) => done.len(),
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
        job.imported += written;
        let done = job.total - job.files.len();
        if !job.files.is_empty() {
            let text = format!("Importing… {done} of {} files", job.total);
            return self.say(text, None);
        }
        let Some(job) = self.import_job.take() else {
            return;
        };
        self.reload_library();
        let mut text = format!("Imported {} of {} file(s)", job.imported, job.total);
        match job.failures.first() {
            Some(first) => {
                text.push_str(&format!(
                    "; {} could not be read, first: {first}",
                    job.failures.len()
                ));
                self.say(text.replace('\n', " "), Some(Severity::Error));
            }
            None => self.say(text, None),
        }
    }

    // ---------------------------------------------------------------- review and history

    /// Opens a RON file read-only, with earlier decisions on it.
    pub fn open_review(&mut self, file: &std::path::Path) {
        self.review = Some(review::ReviewState::open(&self.store, file));
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

    fn review_action(&mut self, action: A) {
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
                self.prompt(
                    title,
                    "optional for an approval; say what you checked or what must change",
                    String::new(),
                    Then::Decision(d),
                    false,
                );
            }
            A::Back => {
                self.review = None;
                self.reload_library();
            }
            _ => {}
        }
    }

    fn open_history(&mut self) {
        let id = match (&self.editor, self.library.current()) {
            (Some(e), _) => e.campaign.id.clone(),
            (None, Some(s)) => s.id.clone(),
            _ => return,
        };
        match self.store.history(&id) {
            Ok(revisions) => {
                self.history = Some(HistoryState {
                    id,
                    revisions,
                    selected: 0,
                    marked: None,
                    diff: None,
                })
            }
            Err(e) => self.fail(e.to_string()),
        }
    }

    fn history_action(&mut self, action: A) {
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
            A::Back => self.history = None,
            A::Edit => self.show_diff(),
            A::Restore => self.restore_selected(),
            _ => {}
        }
    }

    fn show_diff(&mut self) {
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

    fn restore_selected(&mut self) {
        let Some(h) = self.history.as_ref() else {
            return;
        };
        let Some(sel) = h.revisions.get(h.selected).cloned() else {
            return;
        };
        let id = h.id.clone();
        if self.editor.as_ref().is_some_and(|e| e.dirty()) {
            return self
                .fail("Save (Ctrl-S) or undo your edits before restoring an older revision.");
        }
        match self.store.restore(&id, sel.number) {
            Ok(meta) => {
                let in_editor = self.editor.is_some();
                self.history = None;
                if in_editor {
                    self.editor = None;
                    self.open_campaign(&id);
                } else {
                    self.reload_library();
                }
                self.say(
                    format!(
                        "Restored revision {} as revision {}; history keeps every version",
                        sel.number, meta.number
                    ),
                    None,
                );
            }
            Err(e) => self.fail(e.to_string()),
        }
    }

    // ---------------------------------------------------------------- overlays

    fn overlay_key(&mut self, key: KeyEvent) {
        let Some(overlay) = self.overlay.take() else {
            return;
        };
        match overlay {
            Overlay::Help { scroll } => match key.code {
                KeyCode::Down | KeyCode::Char('j') => {
                    self.overlay = Some(Overlay::Help {
                        scroll: scroll.saturating_add(1),
                    })
                }
                KeyCode::Up | KeyCode::Char('k') => {
                    self.overlay = Some(Overlay::Help {
                        scroll: scroll.saturating_sub(1),
                    })
                }
                _ => {}
            },
            Overlay::Explain { rule, scroll } => match key.code {
                KeyCode::Down | KeyCode::Char('j') => {
                    self.overlay = Some(Overlay::Explain {
                        rule,
                        scroll: scroll.saturating_add(1),
                    })
                }
                KeyCode::Up | KeyCode::Char('k') => {
                    self.overlay = Some(Overlay::Explain {
                        rule,
                        scroll: scroll.saturating_sub(1),
                    })
                }
                KeyCode::PageDown => {
                    self.overlay = Some(Overlay::Explain {
                        rule,
                        scroll: scroll.saturating_add(10),
                    })
                }
                KeyCode::PageUp => {
                    self.overlay = Some(Overlay::Explain {
                        rule,
                        scroll: scroll.saturating_sub(10),
                    })
                }
                _ => {}
            },
            Overlay::Confirm {
                title,
                body,
                choices,
                subject,
            } => {
                if key.code == KeyCode::Esc {
                    let dismiss = choices
                        .iter()
                        .find(|c| c.2 == Confirmed::Dismiss || c.2 == Confirmed::DiscardDraft);
                    if dismiss.is_some_and(|d| d.2 == Confirmed::DiscardDraft) {
                        // Esc on the restore question keeps the draft for later rather than losing it.
                        self.say("The unsaved edits stay as a draft; reopen the campaign to restore them.", None);
                    }
                    return;
                }
                match key_char(&key).and_then(|c| choices.iter().find(|ch| ch.0 == c)) {
                    Some(&(_, _, what)) => self.confirmed(what, &subject),
                    None => {
                        self.overlay = Some(Overlay::Confirm {
                            title,
                            body,
                            choices,
                            subject,
                        })
                    }
                }
            }
            Overlay::Prompt {
                title,
                hint,
                mut input,
                then,
                numeric,
                ..
            } => match key.code {
                KeyCode::Esc => {}
                KeyCode::Enter => {
                    let value = input.value().to_string();
                    if let Err(msg) = self.answer(then.clone(), EditValue::Text(value)) {
                        self.overlay = Some(Overlay::Prompt {
                            title,
                            hint,
                            input,
                            then,
                            error: Some(msg),
                            numeric,
                        });
                    }
                }
                _ => {
                    let digit_or_edit =
                        !numeric || key_char(&key).is_none_or(|c| c.is_ascii_digit());
                    let error = if digit_or_edit {
                        input.handle_event(&Event::Key(key));
                        None
                    } else {
                        Some("digits only".to_string())
                    };
                    self.overlay = Some(Overlay::Prompt {
                        title,
                        hint,
                        input,
                        then,
                        error,
                        numeric,
                    });
                }
            },
            Overlay::Pick {
                title,
                options,
                mut selected,
                then,
                mut checked,
                ..
            } => {
                let n = options.len();
                match key.code {
                    KeyCode::Esc => return,
                    KeyCode::Up | KeyCode::Char('k') => selected = selected.saturating_sub(1),
                    KeyCode::Down | KeyCode::Char('j') => {
                        selected = (selected + 1).min(n.saturating_sub(1))
                    }
                    KeyCode::PageUp => selected = selected.saturating_sub(10),
                    KeyCode::PageDown => selected = (selected + 10).min(n.saturating_sub(1)),
                    KeyCode::Home => selected = 0,
                    KeyCode::End => selected = n.saturating_sub(1),
                    KeyCode::Char(' ') if checked.is_some() => {
                        if let Some(flag) = checked.as_mut().and_then(|c| c.get_mut(selected)) {
                            *flag = !*flag;
                        }
                    }
                    KeyCode::Enter => {
                        let value = match &checked {
                            Some(flags) => EditValue::Flags(flags.clone()),
                            None => EditValue::Index(selected),
                        };
                        let label = options
                            .get(selected)
                            .map(|o| o.label.clone())
                            .unwrap_or_default();
                        let result = if then == Then::AddMenu {
                            self.add_menu(&label);
                            Ok(())
                        } else {
                            self.answer(then.clone(), value)
                        };
                        if let Err(msg) = result {
                            self.overlay = Some(Overlay::Pick {
                                title,
                                options,
                                selected,
                                then,
                                checked,
                                error: Some(msg),
                            });
                        }
                        return;
                    }
                    _ => {}
                }
                self.overlay = Some(Overlay::Pick {
                    title,
                    options,
                    selected,
                    then,
                    checked,
                    error: None,
                });
            }
        }
    }

    /// Handles the answer to a prompt or picker. An error keeps the overlay open with the message.
    fn answer(&mut self, then: Then, v: EditValue) -> Result<(), String> {
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
            Then::Wizard(w) => self.wizard_answer(*w, v),
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
            Then::Ongoing => {
                let EditValue::Text(t) = v else { return Ok(()) };
                let lang = self.editor.as_ref().map_or("en", |e| e.locale).to_string();
                if t.trim().is_empty() {
                    return Err("describe the benefit".into());
                }
                self.change(|c| {
                    let lang = editing_language(c, &lang).to_string();
                    let first = c.first_locale().to_string();
                    c.value_exchange
                        .ongoing
                        .push(Text::new_in(&lang, &first, t.trim()));
                    Ok(())
                });
                Ok(())
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
                self.store
                    .create(&c, "created")
                    .map_err(|e| e.to_string())?;
                self.reload_library();
                self.open_campaign(&id);
                self.say(
                    format!(
                        "Created \"{}\" from the {} template",
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
                self.store.rename(&id, &name).map_err(|e| e.to_string())?;
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
                self.store
                    .duplicate(&id, &new_id, &name)
                    .map_err(|e| e.to_string())?;
                self.reload_library();
                self.select_in_library(&new_id);
                self.say(format!("Copied as \"{}\"", clean(&name)), None);
                Ok(())
            }
            Then::Import => {
                let EditValue::Text(path) = v else {
                    return Ok(());
                };
                let path = std::path::PathBuf::from(path.trim());
                if !path.exists() {
                    return Err(format!(
                        "{} does not exist",
                        clean(&path.display().to_string())
                    ));
                }
                let files = if path.is_dir() {
                    ron_files(&path)
                } else {
                    vec![path]
                };
                // Imported a batch per tick of the event loop, so the screen stays live and shows
                // how far it got.
                self.import_job = Some(ImportJob {
                    total: files.len(),
                    files,
                    imported: 0,
                    failures: Vec::new(),
                });
                self.say(
                    format!(
                        "Importing {} file(s)…",
                        self.import_job.as_ref().map_or(0, |j| j.total)
                    ),
                    None,
                );
                Ok(())
            }
            Then::Export(id) => {
                let EditValue::Text(dir) = v else {
                    return Ok(());
                };
                let written = self
                    .store
                    .export(std::slice::from_ref(&id), std::path::Path::new(dir.trim()))
                    .map_err(|e| e.to_string())?;
                let shown = written
                    .first()
                    .map(|p| clean(&p.display().to_string()))
                    .unwrap_or_default();
                self.say(format!("Exported to {shown}"), None);
                Ok(())
            }
            Then::AddMenu => Ok(()),
            Then::OpenReview => {
                let EditValue::Text(path) = v else {
                    return Ok(());
                };
                let path = std::path::PathBuf::from(path.trim());
                if !path.exists() {
                    return Err(format!(
                        "{} does not exist",
                        clean(&path.display().to_string())
                    ));
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
                if d == crate::store::Decision::Approve && r.doc.is_err() {
                    return Err(
                        "A file that does not parse cannot be approved; request changes instead."
                            .into(),
                    );
                }
                let (text, shown, file) = (r.text.clone(), r.shown.clone(), r.file.clone());
                self.store
                    .add_review(&text, &shown, d, notes.trim())
                    .map_err(|e| e.to_string())?;
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

    fn confirmed(&mut self, what: Confirmed, subject: &str) {
        match what {
            Confirmed::Dismiss => {}
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
            Confirmed::QuitDiscard => {
                if let Some(e) = &self.editor
                    && let Err(err) = self.store.discard_draft(&e.campaign.id)
                {
                    // Quitting anyway: the draft is offered again on the next open.
                    log::warn!("could not discard the draft of {}: {err}", e.campaign.id);
                }
                self.quit = true;
            }
            Confirmed::RestoreDraft => {
                if let (Some(e), Ok(Some(d))) = (self.editor.as_mut(), self.store.draft(subject)) {
                    let before = e.campaign.clone();
                    e.campaign = d.campaign;
                    e.base = d.base_revision;
                    e.undo.push(before);
                    e.recompute();
                    self.say(
                        "Restored the unsaved edits; Ctrl-S saves them as a revision",
                        None,
                    );
                }
            }
            Confirmed::DiscardDraft => match self.store.discard_draft(subject) {
                Ok(()) => self.say("Discarded the unsaved edits", None),
                Err(err) => self.fail(format!("Could not discard the edits: {err}")),
            },
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
                        self.editor = None;
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
                    self.overlay = None;
                    return self.fail(format!(
                        "Could not keep your edits as a draft ({err}), so they are still open here: save them as a copy (Ctrl-S, then c) or export them"
                    ));
                }
                self.editor = None;
                self.open_campaign(&id);
                self.overlay = None;
                self.say(
                    "Opened the latest revision; your edits are kept as a draft (open the campaign again to restore them)",
                    None,
                );
            }
        }
    }

    // ---------------------------------------------------------------- mouse

    pub fn handle_mouse(&mut self, m: MouseEvent) {
        if self.overlay.is_some() {
            if let MouseEventKind::ScrollDown | MouseEventKind::ScrollUp = m.kind {
                let code = if m.kind == MouseEventKind::ScrollDown {
                    KeyCode::Down
                } else {
                    KeyCode::Up
                };
                self.overlay_key(KeyEvent::new(code, KeyModifiers::NONE));
            }
            return;
        }
        let pos = Position::new(m.column, m.row);
        let scroll = match m.kind {
            MouseEventKind::ScrollDown => Some(A::Down),
            MouseEventKind::ScrollUp => Some(A::Up),
            _ => None,
        };
        let click = m.kind == MouseEventKind::Down(MouseButton::Left);
        // The screen on top takes the mouse, as it takes the keys (see `contexts`).
        if let Some(h) = self.history.as_mut() {
            if let Some(a) = scroll {
                return self.history_action(a);
            }
            let rows = layout::history_rows(self.area);
            if click && h.diff.is_none() && rows.contains(pos) {
                let offset = layout::scroll_offset(h.selected, usize::from(rows.height));
                let target = offset + usize::from(pos.y - rows.y);
                if target < h.revisions.len() {
                    if target == h.selected {
                        return self.history_action(A::Edit);
                    }
                    h.selected = target;
                }
            }
            return;
        }
        if let Some(r) = self.review.as_mut() {
            if let Some(a) = scroll {
                return self.review_action(a);
            }
            let tabs = layout::editor(self.area).tabs;
            if click && tabs.contains(pos) {
                let titles = r.tab_titles();
                let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
                if let Some(t) = layout::tab_at(&titles, tabs.x, pos.x) {
                    r.tab = review::ReviewTab::ALL[t];
                    r.scroll = 0;
                }
            }
            return;
        }
        match self.editor.as_mut() {
            None => {
                let l = layout::library(self.area);
                if let Some(a) = scroll {
                    return self.library_action(a);
                }
                if m.kind == MouseEventKind::Down(MouseButton::Left) && l.table.contains(pos) {
                    // The first two lines of the table are its border and header.
                    let row = usize::from(pos.y.saturating_sub(l.table.y + 2));
                    let offset = layout::scroll_offset(
                        self.library.selected,
                        usize::from(l.table.height.saturating_sub(3)),
                    );
                    let target = offset + row;
                    if target < self.library.view.len() {
                        if target == self.library.selected {
                            self.library_action(A::Open);
                        } else {
                            self.library.selected = target;
                        }
                    }
                }
            }
            Some(e) => {
                let l = layout::editor(self.area);
                let in_panel = l.panel.contains(pos);
                if let Some(a) = scroll {
                    e.focus = if in_panel { Focus::Panel } else { Focus::Form };
                    return self.editor_action(a);
                }
                if m.kind != MouseEventKind::Down(MouseButton::Left) {
                    return;
                }
                if l.tabs.contains(pos) {
                    let titles = self.section_titles();
                    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
                    if let Some(s) = layout::tab_at(&titles, l.tabs.x, pos.x)
                        && let Some(e) = self.editor.as_mut()
                    {
                        e.focus = Focus::Form;
                        self.set_section(Section::ALL[s]);
                    }
                } else if in_panel {
                    e.focus = Focus::Panel;
                    let titles = self.panel_titles(l.panel.width.saturating_sub(2));
                    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
                    if pos.y == l.panel.y + 1
                        && let Some(t) = layout::tab_at(&titles, l.panel.x + 1, pos.x)
                        && let Some(e) = self.editor.as_mut()
                    {
                        e.panel = PanelTab::ALL[t];
                        e.panel_scroll = 0;
                    }
                } else if l.form.contains(pos) {
                    e.focus = Focus::Form;
                    let banner = layout::banner_height(e, l.form);
                    let body_top = l.form.y + 1 + banner;
                    let offset = layout::scroll_offset(
                        e.selected,
                        usize::from(l.form.height.saturating_sub(2 + banner)),
                    );
                    if pos.y >= body_top {
                        let target = offset + usize::from(pos.y - body_top);
                        if target < e.derived.rows.len() {
                            if target == e.selected {
                                self.edit_selected();
                            } else {
                                e.selected = target;
                            }
                        }
                    }
                }
            }
        }
    }
}

const TARGET_KINDS: [(&str, &str); 8] = [
    ("anything", "any page or product"),
    ("page", "a page of the site"),
    ("category", "a catalogue category"),
    ("product", "one product"),
    ("brand", "a brand in the catalogue"),
    ("style", "a style in the catalogue"),
    ("search term", "words the person searched for"),
    ("preference", "a preference the person set"),
];

const OPT_OUT_KINDS: [&str; 4] = [
    "one-click link",
    "preference centre",
    "reply STOP to texts",
    "account settings",
];

fn target_kind(t: &Target) -> &'static str {
    match t {
        Target::Anything => "anything",
        Target::Page(_) => "page",
        Target::Category(_) => "category",
        Target::Product(_) => "product",
        Target::Brand(_) => "brand",
        Target::Style(_) => "style",
        Target::SearchTerm(_) => "search term",
        Target::Preference(_) => "preference",
    }
}

fn target_value(t: &Target) -> String {
    match t {
        Target::Anything => String::new(),
        Target::Page(v)
        | Target::Category(v)
        | Target::Product(v)
        | Target::Brand(v)
        | Target::Style(v)
        | Target::SearchTerm(v)
        | Target::Preference(v) => v.clone(),
    }
}

fn make_target(kind: &str, v: String) -> Target {
    match kind {
        "page" => Target::Page(v),
        "category" => Target::Category(v),
        "product" => Target::Product(v),
        "brand" => Target::Brand(v),
        "style" => Target::Style(v),
        "search term" => Target::SearchTerm(v),
        "preference" => Target::Preference(v),
        _ => Target::Anything,
    }
}

fn count_parts(c: Count) -> (usize, u32) {
    match c {
        Count::AtLeast(n) => (0, n),
        Count::AtMost(n) => (1, n),
        Count::Exactly(n) => (2, n),
    }
}

fn make_count(kind: usize, n: u32) -> Count {
    match kind {
        1 => Count::AtMost(n),
        2 => Count::Exactly(n),
        _ => Count::AtLeast(n),
    }
}

/// The attributes in the order a picker offers them: the person's relationship with the brand
/// first, special categories last.
fn attributes_by_risk() -> Vec<&'static crate::model::vocab::AttributeDef> {
    let rank = |k: &AttributeKind| match k {
        AttributeKind::Neutral => 0,
        AttributeKind::Demographic => 1,
        AttributeKind::Gender | AttributeKind::Age => 2,
        AttributeKind::Proxy(_) => 3,
        AttributeKind::SpecialCategory(_) => 4,
    };
    let mut v: Vec<_> = vocab().attributes.iter().collect();
    v.sort_by_key(|a| rank(&a.kind));
    v
}

fn attribute_detail(k: &AttributeKind) -> String {
    match k {
        AttributeKind::SpecialCategory(_) => {
            "special category: always an error, no reason lowers it".into()
        }
        AttributeKind::Age => "age: a warning unless a legal reason is written down".into(),
        AttributeKind::Gender => "gender: binary values are flagged".into(),
        AttributeKind::Proxy(s) => {
            let names: Vec<String> = s
                .iter()
                .map(|id| {
                    vocab()
                        .attribute(id)
                        .map_or_else(|| id.replace('_', " "), |a| a.label.to_lowercase())
                })
                .collect();
            format!(
                "can stand in for {}: needs a written reason",
                names.join(" and ")
            )
        }
        AttributeKind::Demographic => "demographic: pair it with an intent condition".into(),
        AttributeKind::Neutral => "the person's relationship with the brand".into(),
    }
}

fn recipient_kind_options() -> Vec<PickOption> {
    RecipientKind::ALL
        .iter()
        .map(|k| opt(format!("{k:?}"), recipient_detail(*k)))
        .collect()
}

fn recipient_detail(k: RecipientKind) -> &'static str {
    match k {
        RecipientKind::AdPlatform => "shows ads elsewhere",
        RecipientKind::Analytics => "measures use of the site",
        RecipientKind::Processor => "works for you, uses the data for nothing else",
        RecipientKind::Partner => "uses the data for its own purposes",
    }
}

fn ron_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// "2026-11-22T14:57:44Z" as "2026-11-22 14:57".
pub fn short_time(ts: &str) -> String {
    let t = ts.replace('T', " ");
    t.get(..16).unwrap_or(&t).to_string()
}
