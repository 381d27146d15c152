//! The state the screens share: the library, the editor and its derived preview, dialogs, wizards and the app itself.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use tui_input::Input;

use super::*;
use crate::checks::{self, Finding, Severity};
use crate::disclosure::{self, Disclosure, ValueExchangeView};
use crate::model::vocab::vocab;
use crate::model::*;
use crate::store::{Store, Summary};
use crate::text::clean;
use fields::{Field, Row, Section};
use templates::Template;

/// How long typing must pause before unsaved edits are written as a draft.
pub const AUTOSAVE_AFTER: Duration = Duration::from_secs(2);
/// How many edits undo remembers.
pub(super) const UNDO_DEPTH: usize = 200;
/// Below this size the layout is replaced by a request to enlarge the terminal.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

pub use crate::store::SortKey;

/// More about the selected campaign than its summary row: for the library's side pane.
pub struct Detail {
    pub id: String,
    pub objective: String,
    pub owner: String,
    pub findings: Vec<Finding>,
    /// What to say when there are no findings (see `checks::no_findings_words`).
    pub no_findings: String,
    pub draft_at: Option<String>,
    /// The file this session kept edits to it in (the library could not be changed); the
    /// findings are then those of the edits.
    pub kept_in: Option<String>,
    /// When it runs, when a schedule is set.
    pub runs: Option<String>,
}

/// The library screen. Only a window of rows around the selection is held, read from the
/// store a page at a time: the library may hold 100,000 campaigns.
pub struct Library {
    pub detail: Option<Detail>,
    /// How many campaigns the filter keeps.
    pub total: usize,
    /// How many campaigns the library holds.
    pub size: usize,
    /// Rows `window_start..window_start + window.len()` of the filtered, sorted library.
    pub window: Vec<Summary>,
    pub window_start: usize,
    /// Position of the selected row among the `total`.
    pub selected: usize,
    pub filter: Input,
    pub filtering: bool,
    pub sort: SortKey,
    /// Why the library could not be read, when it could not: shown instead of the rows.
    pub problem: Option<String>,
}

impl Library {
    pub fn current(&self) -> Option<&Summary> {
        self.row(self.selected)
    }

    /// Row `i` of the filtered, sorted library, when it is in the window.
    pub fn row(&self, i: usize) -> Option<&Summary> {
        self.window.get(i.checked_sub(self.window_start)?)
    }

    pub fn query(&self) -> crate::store::LibraryQuery {
        crate::store::LibraryQuery {
            filter: self.filter.value().to_string(),
            sort: self.sort,
        }
    }

    /// Whether rows `from..to` (cut to the total) are all in the window.
    pub(super) fn covers(&self, from: usize, to: usize) -> bool {
        let to = to.min(self.total);
        from >= self.window_start && to <= self.window_start + self.window.len()
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
    /// Each zone as the visitor sees it, with its "why am I seeing this?".
    Why,
    Value,
    /// How many people the audience takes in, on a population.
    Reach,
    Findings,
}

impl PanelTab {
    pub const ALL: [PanelTab; 5] = [
        PanelTab::Disclosure,
        PanelTab::Why,
        PanelTab::Value,
        PanelTab::Findings,
        PanelTab::Reach,
    ];

    pub fn title(self) -> &'static str {
        match self {
            PanelTab::Disclosure => "Disclosure",
            PanelTab::Why => "Zones & why",
            PanelTab::Value => "Value exchange",
            PanelTab::Reach => "Reach",
            PanelTab::Findings => "Findings",
        }
    }
}

/// What the checks and the disclosure computed from the campaign being edited.
pub struct Derived {
    pub findings: Vec<Finding>,
    /// Where each finding sits in the form, in its words (see [`fields::place_of`]).
    pub places: Vec<String>,
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
    /// How far the panel's text can scroll, as last drawn (its length depends on the tab, the
    /// language and the width): scrolling stops there, so a key up moves the text at once.
    /// `u16::MAX` until the first draw.
    pub panel_max_scroll: std::cell::Cell<u16>,
    pub finding: usize,
    /// The disclosure language shown.
    pub locale: &'static str,
    pub derived: Derived,
    pub(super) undo: Vec<Campaign>,
    pub(super) redo: Vec<Campaign>,
    /// When the last edit not yet written as a draft happened.
    pub edited_at: Option<Instant>,
    pub draft_note: Option<String>,
    /// Whether the draft in the store holds this session's edits (autosaved or restored here),
    /// so going back to the saved text may remove it. A draft the user chose to keep for later
    /// is never removed just because nothing was edited.
    pub(super) owns_draft: bool,
    /// Whether the user chose to decide later about the unsaved edits kept for this campaign:
    /// until they restore or discard them, an edit here (whose autosave would replace them)
    /// asks again instead.
    pub(super) kept_for_later: bool,
    /// On a library that cannot be written: the file the edits were last kept in. Later saves
    /// of this session write the same file.
    pub kept_in: Option<std::path::PathBuf>,
    /// On a library that cannot be changed, the file the edits were autosaved to before they
    /// were ever kept (a kept file takes the autosaves itself).
    pub draft_file: Option<std::path::PathBuf>,
    /// What the demographic-only warning adds when reach is counted: the interested people
    /// the audience leaves out, on the population loaded.
    /// The long form for the Findings tab, the short one for the audience banner.
    pub reach_note: Option<(String, String)>,
}

impl Editor {
    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an undone edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn dirty(&self) -> bool {
        self.campaign != self.saved
    }

    pub fn row(&self) -> Option<&Row> {
        self.derived.rows.get(self.selected)
    }

    pub(super) fn recompute(&mut self) {
        let loc = disclosure::locale(self.locale).unwrap_or(&disclosure::locales()[0]);
        self.derived = derive(&self.campaign, self.section, loc);
        self.selected = self.selected.min(self.derived.rows.len().saturating_sub(1));
        self.finding = self
            .finding
            .min(self.derived.findings.len().saturating_sub(1));
    }

    /// The most severe finding about this row (see [`Row::covers`]) that counts: a waived one
    /// is accepted, and listed as such in the Findings tab.
    pub fn row_severity(&self, row: &Row) -> Option<Severity> {
        self.derived
            .findings
            .iter()
            .filter(|f| f.counts() && row.covers(&f.location))
            .map(|f| f.severity)
            .max()
    }
}

pub(super) fn derive(c: &Campaign, section: Section, l: &'static disclosure::Locale) -> Derived {
    // One data map for the preview and the checks: with a large audience it is worth sharing.
    let map = data_map(c);
    let disclosure = disclosure::generate_with(c, &map, l);
    let ctx = checks::Context::with_map(c, map);
    let value = ctx.value_exchange.clone();
    let findings = checks::check_with(ctx);
    let lang = editing_language(c, l.code);
    let rows = fields::rows(section, c, lang);
    // The rows of the other sections are built only when a finding is there.
    let mut others: Vec<(Section, Vec<Row>)> = Vec::new();
    let places = findings
        .iter()
        .map(|f| {
            let at = Section::of_location(&f.location);
            if at == section {
                return fields::place_of(&rows, &f.location);
            }
            let i = match others.iter().position(|(s, _)| *s == at) {
                Some(i) => i,
                None => {
                    others.push((at, fields::rows(at, c, lang)));
                    others.len() - 1
                }
            };
            fields::place_of(&others[i].1, &f.location)
        })
        .collect();
    Derived {
        disclosure,
        value,
        findings,
        places,
        rows,
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

pub(super) fn opt(label: impl Into<String>, detail: impl Into<String>) -> PickOption {
    PickOption {
        label: label.into(),
        detail: detail.into(),
        mark: None,
    }
}

/// The choices for the authority a visitor can complain to: the ones suggested for the
/// campaign's languages, the current one if typed by hand, none, and typing another (the last
/// option, past the end of the values).
pub(super) fn authority_options(c: &Campaign) -> (Vec<PickOption>, Vec<Option<String>>, usize) {
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

#[derive(Debug, Clone)]
pub enum Then {
    Field(Field),
    Wizard(wizards::Running),
    Template,
    NewCampaign(Template),
    Rename(String),
    Duplicate(String),
    Import,
    Export(String),
    AddMenu(Vec<wizards::AddChoice>),
    /// The message for the revision being saved.
    SaveMessage,
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
    /// The reason for waiving `rule`'s finding at `location`.
    WaiveReason {
        rule: String,
        location: String,
    },
    /// The end date of the waiver, once its reason is written.
    WaiveUntil {
        rule: String,
        location: String,
        reason: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirmed {
    Delete,
    QuitSave,
    /// Quit, keeping the edits as a draft for the next open.
    QuitKeep,
    QuitDiscard,
    /// Go on from the edits an earlier session kept in a file (the subject is its path).
    UseKeptFile,
    RestoreDraft,
    DiscardDraft,
    SaveAsCopy,
    OpenTheirs,
    /// Restore this revision number of the campaign in the history, as a new revision.
    RestoreRevision(i64),
    Archive,
    /// Esc on the restore question: the draft stays for the next open.
    KeepDraft,
    /// Make the sample population beside the library.
    MakeSample,
    /// Write an export over a file that holds another text (the subject is the file's path).
    ReplaceExport,
    Dismiss,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub severity: Option<Severity>,
}

/// One piece of a message on the status line, in the order it is shown. Drawing styles each
/// piece and `App::status_rows` measures the same pieces, so the rows drawn and the rows laid
/// out never disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusPiece {
    /// The banner of a library opened read-only.
    ReadOnly,
    /// The space after the banner.
    Gap,
    /// The message's severity word: ERROR, WARNING, NOTE.
    Severity(Severity),
    /// The message itself.
    Text,
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
    /// The diff being worked out on another thread, until its lines arrive.
    pub(super) job: Option<DiffJob>,
}

/// A diff computed off the input thread. Dropping it (Esc) cancels: the thread stops at its
/// next step and its result is thrown away.
pub struct DiffJob {
    pub(super) result: std::sync::mpsc::Receiver<review::Lines>,
    pub(super) cancel: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Drop for DiffJob {
    fn drop(&mut self) {
        self.cancel
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// The search for `.ron` files under the path an import was given, on another thread: a folder
/// as large as a whole disk must not freeze the screen. Dropping it (Esc, or leaving Candor)
/// stops the search.
pub struct ScanJob {
    pub(super) result:
        std::sync::mpsc::Receiver<(Vec<std::path::PathBuf>, Vec<crate::model::LoadError>)>,
    /// Folders searched so far.
    pub(super) searched: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    pub(super) cancel: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// The path given, made safe to show.
    pub(super) shown: String,
}

impl Drop for ScanJob {
    fn drop(&mut self) {
        self.cancel
            .store(true, std::sync::atomic::Ordering::Relaxed);
    }
}

/// An import started from the library: the files are found first (`scan`), then imported a
/// batch at a time.
pub struct ImportJob {
    pub scan: Option<ScanJob>,
    pub files: Vec<std::path::PathBuf>,
    pub total: usize,
    /// What the imported files did: new campaigns, new revisions, nothing (same text).
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// How many were kept as drafts because of errors (counted in `created` or `updated`).
    pub drafts: usize,
    /// How many claim approved or published with no review here that approves them.
    /// Campaigns approved or published here that a file put back to an earlier status.
    pub withdrawn: usize,
    pub unreviewed: usize,
    pub failures: Vec<crate::model::LoadError>,
}

impl ImportJob {
    /// Files written so far, whatever each did to the library.
    pub fn imported(&self) -> usize {
        self.created + self.updated + self.unchanged
    }
}

/// Files imported per tick: enough to finish quickly, few enough to redraw often.
pub(super) const IMPORT_STEP: usize = 100;

pub struct App {
    pub import_job: Option<ImportJob>,
    pub review: Option<review::ReviewState>,
    pub history: Option<HistoryState>,
    pub store: Store,
    pub library: Library,
    pub editor: Option<Editor>,
    /// The screens open over the library, bottom first (see `screens`).
    pub(super) screens: Vec<ScreenId>,
    /// Open dialogs; the last one takes the keys.
    pub dialogs: Vec<Dialog>,
    pub message: Option<Message>,
    pub quit: bool,
    pub color: bool,
    /// The size of the last frame, for mouse hit-testing.
    pub area: Rect,
    /// Where edits to a read-only library are kept as RON files, first that works.
    pub unsaved_dirs: Vec<std::path::PathBuf>,
    /// The folder a relative path typed in a prompt (import, export) is taken from; the
    /// current folder when unset.
    pub workdir: Option<std::path::PathBuf>,
    /// The population reach is counted on, and the threads that load and count it.
    pub reach: super::reach::ReachState,
    /// The thread drafts are autosaved on.
    pub autosave: super::autosave::Autosave,
    /// Where this session kept edits as files, by campaign id, because the library could not
    /// be changed: the library shows those edits and the editor reopens them.
    pub kept_files: std::collections::BTreeMap<String, std::path::PathBuf>,
}

pub(super) fn key_char(ev: &KeyEvent) -> Option<char> {
    match ev.code {
        KeyCode::Char(c) if !ev.modifiers.contains(KeyModifiers::CONTROL) => Some(c),
        _ => None,
    }
}
