//! Key bindings as data: one table of commands, their keys, where they apply and their help
//! text. The footer hints, the `?` overlay and key dispatch all read this table. (A `Command` is
//! what a key asks Candor to do; the model's `Action` is what a visitor did.)

use std::sync::OnceLock;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

mod bindings;
mod user_file;

pub use bindings::BINDINGS;
pub use user_file::{install_from_config, parse_user_keys, user_keys_path};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum Command {
    Quit,
    Help,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Back,
    Filter,
    Sort,
    New,
    Duplicate,
    Rename,
    Archive,
    Delete,
    Import,
    Export,
    Save,
    /// Save, asking for the revision's message first.
    SaveWithMessage,
    NextSection,
    PrevSection,
    SwitchPane,
    Edit,
    AddIntent,
    AddAttribute,
    AddGroup,
    AddItem,
    Negate,
    CycleGroup,
    Remove,
    MoveUp,
    MoveDown,
    Undo,
    Redo,
    CycleLocale,
    NextPanelTab,
    Explain,
    /// Declares the data an undeclared-data-use finding names.
    Declare,
    /// Accepts a finding with a reason and an end date: a waiver in the campaign.
    Waive,
    /// Takes the intent condition a targeting warning suggests.
    FollowAdvice,
    /// Makes the sample population reach is counted on, when there is none.
    MakePopulation,
    History,
    Review,
    Mark,
    Restore,
    Approve,
    RequestChanges,
    /// Enter in a dialog or the filter: take what is chosen or typed.
    Accept,
    /// Space in a checklist.
    Toggle,
    /// Shift-Tab in a step-by-step builder: back to the step before, its answer kept.
    StepBack,
}

impl Command {
    /// Whether the command adds, changes or removes campaigns in the library itself: a
    /// read-only library refuses it before asking anything, and its footer leaves it out.
    pub fn changes_library(self) -> bool {
        matches!(
            self,
            Command::New
                | Command::Duplicate
                | Command::Rename
                | Command::Archive
                | Command::Delete
                | Command::Import
        )
    }
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Ctx {
    /// Everywhere (unless an overlay takes the keys).
    Global,
    Library,
    /// The campaign editor's form.
    Editor,
    /// The audience section only.
    Audience,
    /// Sections with lists of things to add and remove (zones, data, value and consent).
    Lists,
    /// The live side panel, when it has the focus.
    Panel,
    /// The panel's findings tab, when the panel has the focus.
    Findings,
    /// The panel's reach tab, when the panel has the focus.
    Reach,
    /// Review mode for a RON file.
    Review,
    /// The list of revisions.
    History,
    /// A dialog asking for a line of text.
    Prompt,
    /// A dialog to choose one of a list.
    Pick,
    /// A dialog to tick several of a list (the pick keys apply too).
    Checklist,
    /// A question with lettered answers.
    Confirm,
    /// A step of a step-by-step builder after its first (the dialog's keys apply too).
    Step,
    /// Help or an explanation to read.
    Scroll,
    /// Typing the library's filter.
    Filter,
}

#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}
const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

pub struct Binding {
    pub command: Command,
    pub keys: &'static [Key],
    pub ctx: Ctx,
    /// How the keys are written in hints.
    pub keys_label: &'static str,
    pub help: &'static str,
    /// A few words for the footer; empty to show it only in `?`.
    pub footer: &'static str,
}

const fn b(
    action: Command,
    keys: &'static [Key],
    ctx: Ctx,
    keys_label: &'static str,
    help: &'static str,
    footer: &'static str,
) -> Binding {
    Binding {
        command: action,
        keys,
        ctx,
        keys_label,
        help,
        footer,
    }
}

fn matches(key: &Key, ev: &KeyEvent) -> bool {
    // Shifted letters arrive as the capital with or without SHIFT, depending on the terminal.
    let mods = ev.modifiers - KeyModifiers::SHIFT;
    key.code == ev.code && key.mods == mods
}

/// The command bound to `ev` in the given contexts, most specific context first.
pub fn lookup(ev: &KeyEvent, contexts: &[Ctx]) -> Option<Command> {
    let table = table();
    for ctx in contexts {
        if let Some(bnd) = table
            .iter()
            .find(|bnd| bnd.ctx == *ctx && bnd.keys.iter().any(|key| matches(key, ev)))
        {
            return Some(bnd.command);
        }
    }
    None
}

/// The bindings that apply in these contexts, most specific first, without repeats. A binding
/// whose first key (the one its hint names) a more specific context takes is left out: in a
/// diff, `q` goes back, so the global "q quit" is not offered there (Ctrl-C still quits).
pub fn bindings_for(contexts: &[Ctx]) -> Vec<&'static Effective> {
    let mut out: Vec<&Effective> = Vec::new();
    for ctx in contexts {
        for bnd in table().iter().filter(|bnd| bnd.ctx == *ctx) {
            let taken = |key: &Key| {
                out.iter().any(|o| {
                    o.keys
                        .iter()
                        .any(|k| k.code == key.code && k.mods == key.mods)
                })
            };
            let shadowed = bnd.keys.first().is_some_and(taken);
            if !shadowed && !out.iter().any(|o| o.keys_label == bnd.keys_label) {
                out.push(bnd);
            }
        }
    }
    out
}

/// How the keys for `command` in `ctx` are written, as they are in force (the user's keys
/// when the key file changed them), for messages that name a key.
pub fn label(command: Command, ctx: Ctx) -> String {
    table()
        .iter()
        .find(|b| b.command == command && b.ctx == ctx)
        .map(|b| b.keys_label.clone())
        .unwrap_or_default()
}

/// A binding as it is in force: the default's keys, or the user's.
#[derive(Debug, Clone)]
pub struct Effective {
    pub command: Command,
    pub keys: Vec<Key>,
    pub ctx: Ctx,
    pub keys_label: String,
    pub help: &'static str,
    pub footer: &'static str,
    /// Whether the user's key file set these keys.
    pub changed: bool,
}

/// The user's keys for one command in one context, from the key file.
#[derive(Debug, Clone)]
pub struct Override {
    pub command: Command,
    pub ctx: Ctx,
    pub keys: Vec<Key>,
    pub label: String,
}

static EFFECTIVE: OnceLock<Vec<Effective>> = OnceLock::new();
static PROBLEM: OnceLock<String> = OnceLock::new();

/// The key table in force: the defaults, with the user's overrides if [`install`] was called.
pub fn table() -> &'static [Effective] {
    EFFECTIVE.get_or_init(|| build(&[]))
}

/// Puts the user's overrides in force, once, before the first key is read.
pub fn install(overrides: &[Override]) {
    let _ = EFFECTIVE.set(build(overrides));
}

/// Why the user's key file was not used, for the first screen to say.
pub fn startup_problem() -> Option<&'static str> {
    PROBLEM.get().map(String::as_str)
}

fn build(overrides: &[Override]) -> Vec<Effective> {
    BINDINGS
        .iter()
        .map(|b| {
            match overrides
                .iter()
                .find(|o| o.command == b.command && o.ctx == b.ctx)
            {
                Some(o) => Effective {
                    command: b.command,
                    keys: o.keys.clone(),
                    ctx: b.ctx,
                    keys_label: o.label.clone(),
                    help: b.help,
                    footer: b.footer,
                    changed: true,
                },
                None => Effective {
                    command: b.command,
                    keys: b.keys.to_vec(),
                    ctx: b.ctx,
                    keys_label: b.keys_label.to_string(),
                    help: b.help,
                    footer: b.footer,
                    changed: false,
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
