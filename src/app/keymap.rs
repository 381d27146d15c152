//! Key bindings as data: one table of actions, their keys, where they apply and their help text.
//! The footer hints, the `?` overlay and key dispatch all read this table.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
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
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    pub action: Action,
    pub keys: &'static [Key],
    pub ctx: Ctx,
    /// How the keys are written in hints.
    pub keys_label: &'static str,
    pub help: &'static str,
    /// A few words for the footer; empty to show it only in `?`.
    pub footer: &'static str,
}

const fn b(
    action: Action,
    keys: &'static [Key],
    ctx: Ctx,
    keys_label: &'static str,
    help: &'static str,
    footer: &'static str,
) -> Binding {
    Binding {
        action,
        keys,
        ctx,
        keys_label,
        help,
        footer,
    }
}

use Action as A;
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
        "disclosure language",
        "",
    ),
    b(
        A::NextPanelTab,
        &[k('p')],
        C::Editor,
        "p",
        "side panel: disclosure, value, findings",
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
        "disclosure language",
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
];

fn matches(key: &Key, ev: &KeyEvent) -> bool {
    // Shifted letters arrive as the capital with or without SHIFT, depending on the terminal.
    let mods = ev.modifiers - KeyModifiers::SHIFT;
    key.code == ev.code && key.mods == mods
}

/// The action bound to `ev` in the given contexts, most specific context first.
pub fn lookup(ev: &KeyEvent, contexts: &[Ctx]) -> Option<Action> {
    for ctx in contexts {
        if let Some(bnd) = BINDINGS
            .iter()
            .find(|bnd| bnd.ctx == *ctx && bnd.keys.iter().any(|key| matches(key, ev)))
        {
            return Some(bnd.action);
        }
    }
    None
}

/// The bindings that apply in these contexts, most specific first, without repeats.
pub fn bindings_for(contexts: &[Ctx]) -> Vec<&'static Binding> {
    let mut out: Vec<&Binding> = Vec::new();
    for ctx in contexts {
        for bnd in BINDINGS.iter().filter(|bnd| bnd.ctx == *ctx) {
            if !out.iter().any(|o| o.keys_label == bnd.keys_label) {
                out.push(bnd);
            }
        }
    }
    out
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
                            a.action,
                            bnd.action,
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
            Some(Action::AddAttribute)
        );
        assert_eq!(
            lookup(&ev, &[Ctx::Library, Ctx::Global]),
            Some(Action::Archive)
        );
        let shifted = KeyEvent::new(KeyCode::Char('K'), KeyModifiers::SHIFT);
        assert_eq!(lookup(&shifted, &[Ctx::Audience]), Some(Action::MoveUp));
    }
}
