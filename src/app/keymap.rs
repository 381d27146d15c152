//! Key bindings as data: one table of commands, their keys, where they apply and their help
//! text. The footer hints, the `?` overlay and key dispatch all read this table. (A `Command` is
//! what a key asks Candor to do; the model's `Action` is what a visitor did.)

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

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

use Command as A;
use Ctx as C;

pub static BINDINGS: &[Binding] = &[
    b(
        A::Help,
        &[k('?'), code(KeyCode::F(1))],
        C::Global,
        "?",
        "help: every key",
        "help",
    ),
    b(
        A::Quit,
        &[k('q'), ctrl('c')],
        C::Global,
        "q",
        "quit (asks first if there are unsaved edits)",
        "quit",
    ),
    b(
        A::Up,
        &[code(KeyCode::Up), k('k')],
        C::Global,
        "↑/k",
        "move up",
        "",
    ),
    b(
        A::Down,
        &[code(KeyCode::Down), k('j')],
        C::Global,
        "↓/j",
        "move down",
        "",
    ),
    b(
        A::PageUp,
        &[code(KeyCode::PageUp)],
        C::Global,
        "PgUp",
        "page up",
        "",
    ),
    b(
        A::PageDown,
        &[code(KeyCode::PageDown)],
        C::Global,
        "PgDn",
        "page down",
        "",
    ),
    b(
        A::Top,
        &[code(KeyCode::Home), k('g')],
        C::Global,
        "Home/g",
        "first item",
        "",
    ),
    b(
        A::Bottom,
        &[code(KeyCode::End), k('G')],
        C::Global,
        "End/G",
        "last item",
        "",
    ),
    // Library
    b(
        A::Open,
        &[code(KeyCode::Enter)],
        C::Library,
        "Enter",
        "open the campaign",
        "open",
    ),
    b(
        A::Filter,
        &[k('/')],
        C::Library,
        "/",
        "filter as you type",
        "filter",
    ),
    b(
        A::Sort,
        &[k('s')],
        C::Library,
        "s",
        "sort by the next column",
        "",
    ),
    b(
        A::New,
        &[k('n')],
        C::Library,
        "n",
        "new campaign from a template",
        "new",
    ),
    b(
        A::Duplicate,
        &[k('c')],
        C::Library,
        "c",
        "copy the campaign",
        "",
    ),
    b(A::Rename, &[k('r')], C::Library, "r", "rename", ""),
    b(A::Archive, &[k('a')], C::Library, "a", "archive", ""),
    b(
        A::Delete,
        &[code(KeyCode::Delete), k('d')],
        C::Library,
        "Del/d",
        "delete (asks first)",
        "",
    ),
    b(
        A::Import,
        &[k('i')],
        C::Library,
        "i",
        "import RON files",
        "",
    ),
    b(
        A::Export,
        &[k('e')],
        C::Library,
        "e",
        "export the campaign as RON",
        "",
    ),
    // Editor
    b(
        A::Save,
        &[ctrl('s')],
        C::Editor,
        "Ctrl-S",
        "save a revision",
        "save",
    ),
    b(
        A::NextSection,
        &[k(']'), code(KeyCode::Right)],
        C::Editor,
        "]/→",
        "next section",
        "section",
    ),
    b(
        A::PrevSection,
        &[k('['), code(KeyCode::Left)],
        C::Editor,
        "[/←",
        "previous section",
        "",
    ),
    b(
        A::SwitchPane,
        &[code(KeyCode::Tab), code(KeyCode::BackTab)],
        C::Editor,
        "Tab",
        "form ↔ side panel",
        "preview",
    ),
    b(
        A::Edit,
        &[code(KeyCode::Enter)],
        C::Editor,
        "Enter",
        "edit the field",
        "edit",
    ),
    b(
        A::Back,
        &[code(KeyCode::Esc)],
        C::Editor,
        "Esc",
        "back to the library",
        "",
    ),
    b(A::Undo, &[ctrl('z'), k('u')], C::Editor, "u", "undo", ""),
    b(
        A::Redo,
        &[ctrl('y'), ctrl('r')],
        C::Editor,
        "Ctrl-Y",
        "redo",
        "",
    ),
    b(
        A::CycleLocale,
        &[k('L')],
        C::Editor,
        "L",
        "next campaign language, for the preview and typed texts",
        "",
    ),
    b(
        A::NextPanelTab,
        &[k('p')],
        C::Editor,
        "p",
        "side panel: notice, why, value, findings",
        "",
    ),
    b(
        A::AddIntent,
        &[k('i')],
        C::Audience,
        "i",
        "add an intent condition",
        "intent",
    ),
    b(
        A::AddAttribute,
        &[k('a')],
        C::Audience,
        "a",
        "add an attribute condition",
        "attribute",
    ),
    b(
        A::AddGroup,
        &[k('+')],
        C::Audience,
        "+",
        "add a group (all / any)",
        "",
    ),
    b(
        A::Negate,
        &[k('!')],
        C::Audience,
        "!",
        "wrap in Not / unwrap",
        "",
    ),
    b(
        A::CycleGroup,
        &[k('t')],
        C::Audience,
        "t",
        "switch group: all ↔ any",
        "",
    ),
    b(
        A::Remove,
        &[code(KeyCode::Delete), k('x')],
        C::Audience,
        "x",
        "delete",
        "",
    ),
    b(A::MoveUp, &[k('K')], C::Audience, "K", "move up", ""),
    b(A::MoveDown, &[k('J')], C::Audience, "J", "move down", ""),
    b(A::AddItem, &[k('a')], C::Lists, "a", "add", "add"),
    b(
        A::Remove,
        &[code(KeyCode::Delete), k('x')],
        C::Lists,
        "x",
        "delete",
        "",
    ),
    b(A::MoveUp, &[k('K')], C::Lists, "K", "move up", ""),
    b(A::MoveDown, &[k('J')], C::Lists, "J", "move down", ""),
    b(
        A::Explain,
        &[code(KeyCode::Enter), k('e')],
        C::Findings,
        "Enter",
        "go to the finding and explain it",
        "go to finding",
    ),
    b(
        A::Declare,
        &[k('d')],
        C::Findings,
        "d",
        "declare the data an undeclared-data-use finding names",
        "declare",
    ),
    b(
        A::NextPanelTab,
        &[k('p')],
        C::Panel,
        "p",
        "next panel tab",
        "",
    ),
    b(
        A::History,
        &[k('h')],
        C::Library,
        "h",
        "revision history",
        "",
    ),
    b(
        A::Review,
        &[k('o')],
        C::Library,
        "o",
        "open a RON file for review",
        "",
    ),
    b(
        A::History,
        &[k('h')],
        C::Editor,
        "h",
        "revision history and diffs",
        "history",
    ),
    b(
        A::Approve,
        &[k('A')],
        C::Review,
        "A",
        "approve, with notes",
        "approve",
    ),
    b(
        A::RequestChanges,
        &[k('R')],
        C::Review,
        "R",
        "request changes, with notes",
        "request changes",
    ),
    b(
        A::NextSection,
        &[code(KeyCode::Tab), k(']'), code(KeyCode::Right)],
        C::Review,
        "Tab",
        "next tab",
        "next tab",
    ),
    b(
        A::PrevSection,
        &[code(KeyCode::BackTab), k('['), code(KeyCode::Left)],
        C::Review,
        "[",
        "previous tab",
        "",
    ),
    b(
        A::CycleLocale,
        &[k('L')],
        C::Review,
        "L",
        "next language of the campaign's disclosure",
        "",
    ),
    b(
        A::Back,
        &[code(KeyCode::Esc)],
        C::Review,
        "Esc",
        "close the review",
        "close",
    ),
    b(
        A::Edit,
        &[code(KeyCode::Enter)],
        C::History,
        "Enter",
        "diff with the marked revision, or with the current version",
        "diff",
    ),
    b(
        A::Mark,
        &[k(' ')],
        C::History,
        "Space",
        "mark a revision to compare with",
        "mark",
    ),
    b(
        A::Restore,
        &[k('r')],
        C::History,
        "r",
        "restore this revision (as a new revision)",
        "restore",
    ),
    b(
        A::Back,
        &[code(KeyCode::Esc)],
        C::History,
        "Esc",
        "close",
        "close",
    ),
    // Dialogs and the filter: no global keys here, letters are typed or answer the question.
    b(
        A::Accept,
        &[code(KeyCode::Enter)],
        C::Prompt,
        "Enter",
        "accept what is typed",
        "accept",
    ),
    b(
        A::Back,
        &[code(KeyCode::Esc)],
        C::Prompt,
        "Esc",
        "cancel",
        "cancel",
    ),
    b(
        A::Help,
        &[code(KeyCode::F(1))],
        C::Prompt,
        "F1",
        "help: every key",
        "help",
    ),
    b(
        A::Up,
        &[code(KeyCode::Up), k('k')],
        C::Pick,
        "↑↓",
        "move through the choices",
        "choose",
    ),
    b(
        A::Down,
        &[code(KeyCode::Down), k('j')],
        C::Pick,
        "↓/j",
        "next choice",
        "",
    ),
    b(
        A::PageUp,
        &[code(KeyCode::PageUp)],
        C::Pick,
        "PgUp",
        "ten choices up",
        "",
    ),
    b(
        A::PageDown,
        &[code(KeyCode::PageDown)],
        C::Pick,
        "PgDn",
        "ten choices down",
        "",
    ),
    b(
        A::Top,
        &[code(KeyCode::Home)],
        C::Pick,
        "Home",
        "first choice",
        "",
    ),
    b(
        A::Bottom,
        &[code(KeyCode::End)],
        C::Pick,
        "End",
        "last choice",
        "",
    ),
    b(
        A::Accept,
        &[code(KeyCode::Enter)],
        C::Pick,
        "Enter",
        "take the choice",
        "confirm",
    ),
    b(
        A::Back,
        &[code(KeyCode::Esc)],
        C::Pick,
        "Esc",
        "cancel",
        "cancel",
    ),
    b(
        A::Help,
        &[k('?'), code(KeyCode::F(1))],
        C::Pick,
        "?",
        "help: every key",
        "help",
    ),
    b(
        A::Toggle,
        &[k(' ')],
        C::Checklist,
        "Space",
        "tick or untick the choice",
        "ticks",
    ),
    b(
        A::Back,
        &[code(KeyCode::Esc)],
        C::Confirm,
        "Esc",
        "close the question (its last line says what that does)",
        "close",
    ),
    b(
        A::Help,
        &[k('?'), code(KeyCode::F(1))],
        C::Confirm,
        "?",
        "help: every key",
        "help",
    ),
    b(
        A::Up,
        &[code(KeyCode::Up), k('k')],
        C::Scroll,
        "↑↓",
        "scroll",
        "scroll",
    ),
    b(
        A::Down,
        &[code(KeyCode::Down), k('j')],
        C::Scroll,
        "↓/j",
        "scroll down",
        "",
    ),
    b(
        A::PageUp,
        &[code(KeyCode::PageUp)],
        C::Scroll,
        "PgUp",
        "page up",
        "",
    ),
    b(
        A::PageDown,
        &[code(KeyCode::PageDown)],
        C::Scroll,
        "PgDn",
        "page down",
        "",
    ),
    b(
        A::Top,
        &[code(KeyCode::Home), k('g')],
        C::Scroll,
        "Home/g",
        "back to the top",
        "",
    ),
    b(
        A::Back,
        &[code(KeyCode::Esc), k('q')],
        C::Scroll,
        "Esc",
        "close",
        "close",
    ),
    b(
        A::Accept,
        &[code(KeyCode::Enter)],
        C::Filter,
        "Enter",
        "keep the filter and go back to the list",
        "keep filter",
    ),
    b(
        A::Back,
        &[code(KeyCode::Esc)],
        C::Filter,
        "Esc",
        "clear the filter",
        "clear",
    ),
    b(
        A::Up,
        &[code(KeyCode::Up)],
        C::Filter,
        "↑↓",
        "move through the matches",
        "move",
    ),
    b(
        A::Down,
        &[code(KeyCode::Down)],
        C::Filter,
        "↓",
        "next match",
        "",
    ),
    b(
        A::Help,
        &[code(KeyCode::F(1))],
        C::Filter,
        "F1",
        "help: every key",
        "help",
    ),
];

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

/// The bindings that apply in these contexts, most specific first, without repeats.
pub fn bindings_for(contexts: &[Ctx]) -> Vec<&'static Effective> {
    let mut out: Vec<&Effective> = Vec::new();
    for ctx in contexts {
        for bnd in table().iter().filter(|bnd| bnd.ctx == *ctx) {
            if !out.iter().any(|o| o.keys_label == bnd.keys_label) {
                out.push(bnd);
            }
        }
    }
    out
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

/// Where a user's key bindings live: `keys.ron` in Candor's config folder.
pub fn user_keys_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "candor").map(|d| d.config_dir().join("keys.ron"))
}

/// Reads the user's key file and puts it in force. No file is no change; a file with any
/// problem changes nothing and the problem is kept for the first screen (and returned).
pub fn install_from_config() -> Option<String> {
    let path = user_keys_path()?;
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            let msg = format!("{}: {e}; using the default keys", path.display());
            let _ = PROBLEM.set(msg.clone());
            return Some(msg);
        }
    };
    match parse_user_keys(&text, &path) {
        Ok(overrides) => {
            install(&overrides);
            None
        }
        Err(e) => {
            let msg = format!("{e}; using the default keys");
            let _ = PROBLEM.set(msg.clone());
            Some(msg)
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    bindings: Vec<KeyFileEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFileEntry {
    command: Command,
    context: Ctx,
    keys: Vec<String>,
}

/// Parses a key file such as
///
/// ```text
/// (bindings: [
///     (command: Filter, context: Library, keys: ["f", "/"]),
/// ])
/// ```
///
/// Every problem is an error naming the file, line and column: a command or context that does
/// not exist, a command not bound in that context, a key that cannot be read, or a key another
/// command of the same context already uses.
pub fn parse_user_keys(text: &str, path: &Path) -> Result<Vec<Override>, String> {
    let shown = crate::text::clean(&path.display().to_string());
    let file: KeyFile = ron::from_str(text).map_err(|e| {
        let what = match &e.code {
            // A misspelt command or context: the closest names, not all forty of them.
            ron::Error::NoSuchEnumVariant {
                expected,
                found,
                outer,
            } => {
                let kind = if outer.as_deref() == Some("Ctx") {
                    "context"
                } else {
                    "command"
                };
                let near = crate::model::vocab::closest(found, expected.iter().copied());
                let hint = if near.is_empty() {
                    format!("`candor keys` lists every {kind}")
                } else {
                    format!("did you mean {}?", near.join(" or "))
                };
                format!("unknown {kind} \"{}\"; {hint}", crate::text::clean(found))
            }
            other => crate::text::clean(&other.to_string()),
        };
        format!("{shown}:{}:{}: {what}", e.span.start.line, e.span.start.col)
    })?;
    // Where a quoted string first appears, for errors serde cannot place.
    let at = |needle: &str| {
        let quoted = format!("\"{needle}\"");
        let i = text
            .find(&quoted)
            .or_else(|| text.find(needle))
            .unwrap_or(0);
        let line = text[..i].matches('\n').count() + 1;
        let col = i - text[..i].rfind('\n').map_or(0, |n| n + 1) + 1;
        format!("{shown}:{line}:{col}")
    };
    let mut out: Vec<Override> = Vec::new();
    for entry in &file.bindings {
        if !BINDINGS
            .iter()
            .any(|b| b.command == entry.command && b.ctx == entry.context)
        {
            let mut places: Vec<String> = BINDINGS
                .iter()
                .filter(|b| b.command == entry.command)
                .map(|b| format!("{:?}", b.ctx))
                .collect();
            places.dedup();
            return Err(format!(
                "{}: {:?} has no key in the {:?} context; it can be bound in: {}",
                at(&format!("{:?}", entry.command)),
                entry.command,
                entry.context,
                places.join(", ")
            ));
        }
        if entry.keys.is_empty() {
            return Err(format!(
                "{}: {:?} needs at least one key",
                at(&format!("{:?}", entry.command)),
                entry.command
            ));
        }
        let mut keys = Vec::new();
        for spec in &entry.keys {
            let parsed = super::keys::parse(spec).map_err(|e| format!("{}: {e}", at(spec)))?;
            let [ev] = parsed.as_slice() else {
                return Err(format!(
                    "{}: \"{}\" is not one key; write keys as \"x\", \"<enter>\" or \"<c-s>\"",
                    at(spec),
                    crate::text::clean(spec)
                ));
            };
            keys.push(Key {
                code: ev.code,
                mods: ev.modifiers - KeyModifiers::SHIFT,
            });
        }
        out.push(Override {
            command: entry.command,
            ctx: entry.context,
            label: entry.keys.join("/"),
            keys,
        });
    }
    // No key may do two things in one context once the overrides are in.
    let table = build(&out);
    for (i, a) in table.iter().enumerate() {
        for bnd in &table[i + 1..] {
            if a.ctx != bnd.ctx || a.command == bnd.command {
                continue;
            }
            if let Some(k) = a.keys.iter().find(|ka| {
                bnd.keys
                    .iter()
                    .any(|kb| ka.code == kb.code && ka.mods == kb.mods)
            }) {
                let changed = if a.changed { a } else { bnd };
                let other = if a.changed { bnd } else { a };
                if !changed.changed {
                    continue;
                }
                let name = format!("{:?}", k.code);
                return Err(format!(
                    "{}: the key {} would do both {:?} and {:?} in the {:?} context",
                    at(&format!("{:?}", changed.command)),
                    crate::text::clean(&name),
                    changed.command,
                    other.command,
                    a.ctx
                ));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for bnd in &BINDINGS[i + 1..] {
                if a.ctx != bnd.ctx {
                    continue;
                }
                for ka in a.keys {
                    for kb in bnd.keys {
                        assert!(
                            !(ka.code == kb.code && ka.mods == kb.mods),
                            "{:?} and {:?} share a key in {:?}",
                            a.command,
                            bnd.command,
                            a.ctx
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn specific_contexts_win() {
        let ev = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE);
        assert_eq!(
            lookup(&ev, &[Ctx::Audience, Ctx::Editor, Ctx::Global]),
            Some(Command::AddAttribute)
        );
        assert_eq!(
            lookup(&ev, &[Ctx::Library, Ctx::Global]),
            Some(Command::Archive)
        );
        let shifted = KeyEvent::new(KeyCode::Char('K'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&shifted, &[Ctx::Audience]), Some(Command::MoveUp));
    }

    fn parse(text: &str) -> Result<Vec<Override>, String> {
        parse_user_keys(text, Path::new("keys.ron"))
    }

    #[test]
    fn a_key_file_rebinds_a_command_in_one_context() {
        let o = parse("(bindings: [ (command: Filter, context: Library, keys: [\"f\", \"/\"]) ])")
            .unwrap();
        let table = build(&o);
        let filter = table
            .iter()
            .find(|b| b.command == Command::Filter && b.ctx == Ctx::Library)
            .unwrap();
        assert!(filter.changed);
        assert_eq!(filter.keys_label, "f//");
        assert_eq!(filter.keys.len(), 2);
        // Other contexts keep their keys.
        assert!(table.iter().filter(|b| b.changed).count() == 1);
    }

    #[test]
    fn every_problem_in_a_key_file_is_located() {
        let cases = [
            (
                "(bindings: [ (command: Quitt, context: Global, keys: [\"x\"]) ])",
                "keys.ron:1:24",
            ),
            (
                "(bindings: [ (command: Quit, context: Editr, keys: [\"x\"]) ])",
                "keys.ron:1:",
            ),
            (
                "(bindings: [\n (command: Approve, context: Library, keys: [\"x\"]) ])",
                "keys.ron:2:12",
            ),
            (
                "(bindings: [ (command: Quit, context: Global, keys: [\"<nope>\"]) ])",
                "unknown key <nope>",
            ),
            (
                "(bindings: [ (command: Quit, context: Global, keys: [\"ab\"]) ])",
                "is not one key",
            ),
            (
                "(bindings: [ (command: Quit, context: Global, keys: []) ])",
                "needs at least one key",
            ),
            // n already starts a new campaign in the library.
            (
                "(bindings: [ (command: Filter, context: Library, keys: [\"n\"]) ])",
                "would do both Filter and New",
            ),
            ("(bindngs: [])", "keys.ron:1:2"),
        ];
        for (text, want) in cases {
            let err = parse(text).unwrap_err();
            assert!(err.contains(want), "{text}: {err}");
        }
    }
}
