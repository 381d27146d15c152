//! Dialogs: one file each, each taking keys through the key table (its own context, so the
//! footer and `?` list its keys) and ending in an [`Outcome`]: stay open, cancelled (each
//! dialog says what Esc means), or a typed reply that [`App::reply`] routes back to whoever
//! opened it through the dialog's `then`.
//!
//! Dialogs stack: help opened from a picker sits on top of it and Esc returns to the picker.

mod checklist;
mod choices;
mod confirm;
mod pick;
pub mod prompt;
mod scroll;

pub use checklist::Checklist;
pub use choices::Choices;
pub use confirm::Confirm;
pub use pick::Pick;
pub use prompt::Prompt;
pub use scroll::{Explain, ExplainLine, Help, HelpLine};

use ratatui::crossterm::event::KeyEvent;

use super::*;
use fields::EditValue;
use keymap::Command as A;

/// What a key did to a dialog.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome<T> {
    Stay,
    /// Esc, or a choice that means no.
    Cancel,
    Reply(T),
}

pub enum Dialog {
    Help(Help),
    Explain(Explain),
    Prompt(Prompt),
    Pick(Pick),
    Checklist(Checklist),
    Confirm(Confirm),
}

impl Dialog {
    /// The key contexts in force while this dialog is on top, most specific first.
    pub fn contexts(&self) -> Vec<Ctx> {
        let mut contexts = match self {
            Dialog::Help(_) | Dialog::Explain(_) => vec![Ctx::Scroll],
            Dialog::Prompt(_) => vec![Ctx::Prompt],
            Dialog::Pick(_) => vec![Ctx::Pick],
            Dialog::Checklist(_) => vec![Ctx::Checklist, Ctx::Pick],
            Dialog::Confirm(_) => vec![Ctx::Confirm],
        };
        if self.later_step().is_some() {
            contexts.push(Ctx::Step);
        }
        contexts
    }

    /// The builder this dialog asks a step of, when that step is not its first.
    fn later_step(&self) -> Option<&wizards::Running> {
        let then = match self {
            Dialog::Prompt(p) => &p.then,
            Dialog::Pick(p) => &p.then,
            Dialog::Checklist(c) => &c.then,
            _ => return None,
        };
        match then {
            Then::Wizard(r) if r.at > 0 => Some(r),
            _ => None,
        }
    }
}

impl App {
    /// The dialog on top, which takes the keys.
    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialogs.last()
    }

    pub(super) fn open(&mut self, d: Dialog) {
        self.dialogs.push(d);
    }

    /// Sends a key to the dialog on top and routes what came of it.
    pub(super) fn dialog_key(&mut self, key: KeyEvent) {
        let Some(top) = self.dialogs.last_mut() else {
            return;
        };
        let contexts = top.contexts();
        let cmd = keymap::lookup(&key, &contexts);
        if cmd == Some(A::Help) && !matches!(top, Dialog::Help(_)) {
            // Help on top of the dialog lists the dialog's own keys.
            return self.open(Dialog::Help(Help::new(contexts)));
        }
        // Back a step: what was typed on this one is dropped, the earlier answers stay.
        if cmd == Some(A::StepBack)
            && let Some(mut earlier) = top.later_step().cloned()
        {
            earlier.at -= 1;
            self.dialogs.pop();
            return self.run_wizard(earlier);
        }
        match top {
            Dialog::Help(h) => {
                if h.handle(cmd) == Outcome::Cancel {
                    self.dialogs.pop();
                } else {
                    h.scroll = h.scroll.min(h.max_scroll(self.area));
                }
            }
            Dialog::Explain(x) => {
                if x.handle(cmd) == Outcome::Cancel {
                    self.dialogs.pop();
                } else {
                    x.scroll = x.scroll.min(x.max_scroll(self.area));
                }
            }
            Dialog::Confirm(c) => match c.handle(cmd, &key) {
                Outcome::Stay => {}
                Outcome::Cancel => {
                    let on_esc = c.on_esc;
                    let subject = std::mem::take(&mut c.subject);
                    self.dialogs.pop();
                    self.confirmed(on_esc, &subject);
                }
                Outcome::Reply(what) => {
                    let subject = std::mem::take(&mut c.subject);
                    self.dialogs.pop();
                    self.confirmed(what, &subject);
                }
            },
            Dialog::Prompt(p) => match p.handle(cmd, &key) {
                Outcome::Stay => {}
                Outcome::Cancel => {
                    self.dialogs.pop();
                }
                Outcome::Reply(text) => self.reply_from_top(EditValue::Text(text)),
            },
            Dialog::Pick(p) => match p.handle(cmd) {
                Outcome::Stay => {}
                Outcome::Cancel => {
                    self.dialogs.pop();
                }
                Outcome::Reply(i) => self.reply_from_top(EditValue::Index(i)),
            },
            Dialog::Checklist(c) => match c.handle(cmd) {
                Outcome::Stay => {}
                Outcome::Cancel => {
                    self.dialogs.pop();
                }
                Outcome::Reply(flags) => self.reply_from_top(EditValue::Flags(flags)),
            },
        }
    }

    /// Closes the dialog on top and routes its reply; a refused reply reopens it with the reason.
    fn reply_from_top(&mut self, v: EditValue) {
        let Some(mut d) = self.dialogs.pop() else {
            return;
        };
        let then = match &d {
            Dialog::Prompt(p) => p.then.clone(),
            Dialog::Pick(p) => p.then.clone(),
            Dialog::Checklist(c) => c.then.clone(),
            _ => return,
        };
        if let Err(err) = self.reply(then, v) {
            let msg = err.to_string();
            match &mut d {
                Dialog::Prompt(p) => p.error = Some(msg),
                Dialog::Pick(p) => p.error = Some(msg),
                Dialog::Checklist(c) => c.error = Some(msg),
                _ => {}
            }
            self.dialogs.push(d);
        }
    }

    pub(super) fn prompt(
        &mut self,
        title: &str,
        hint: &str,
        value: String,
        then: Then,
        numeric: bool,
    ) {
        self.open(Dialog::Prompt(Prompt::new(
            title, hint, value, then, numeric,
        )));
    }

    pub(super) fn pick(
        &mut self,
        title: &str,
        options: Vec<PickOption>,
        selected: usize,
        then: Then,
    ) {
        self.open(Dialog::Pick(Pick::new(title, options, selected, then)));
    }

    pub(super) fn checklist(
        &mut self,
        title: &str,
        options: Vec<PickOption>,
        checked: Vec<bool>,
        then: Then,
    ) {
        self.open(Dialog::Checklist(Checklist::new(
            title, options, checked, then,
        )));
    }
}

/// Key hints for a dialog's own line, from the key table: "Enter choose · Esc cancel".
pub fn hint(contexts: &[Ctx]) -> String {
    keymap::bindings_for(contexts)
        .iter()
        .filter(|b| !b.footer.is_empty())
        .map(|b| format!("{} {}", b.keys_label, b.footer))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests;
