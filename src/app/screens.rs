//! The screen stack: the library at the bottom, then what was opened over it (the editor, a
//! review, the history of a campaign). The screen on top takes the keys, the mouse and pastes
//! and says which key contexts are in force; drawing goes up the same stack. Each screen's
//! state lives in its own typed slot on `App`; these functions are the only ones that fill or
//! empty a slot, so the stack and the slots always agree.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenId {
    Library,
    Editor,
    /// The revisions of one campaign, drawn over the screen it was opened from.
    History,
    Review,
}

impl ScreenId {
    /// Whether it covers the whole terminal (else it is drawn over the screen below).
    pub fn full(self) -> bool {
        self != ScreenId::History
    }
}

impl App {
    /// The screen on top.
    pub fn top(&self) -> ScreenId {
        self.screens.last().copied().unwrap_or(ScreenId::Library)
    }

    /// Every open screen, bottom first; the library is always there.
    pub fn screen_stack(&self) -> Vec<ScreenId> {
        std::iter::once(ScreenId::Library)
            .chain(self.screens.iter().copied())
            .collect()
    }

    fn push_screen(&mut self, id: ScreenId) {
        self.screens.retain(|s| *s != id);
        self.screens.push(id);
    }

    pub(super) fn show_editor(&mut self, e: Editor) {
        self.editor = Some(e);
        self.push_screen(ScreenId::Editor);
    }

    pub(super) fn show_history(&mut self, h: HistoryState) {
        self.history = Some(h);
        self.push_screen(ScreenId::History);
    }

    pub(super) fn show_review(&mut self, r: review::ReviewState) {
        self.review = Some(r);
        self.push_screen(ScreenId::Review);
    }

    /// Closes a screen (and its state) wherever it is in the stack.
    pub(super) fn close_screen(&mut self, id: ScreenId) {
        self.screens.retain(|s| *s != id);
        match id {
            ScreenId::Library => {}
            ScreenId::Editor => self.editor = None,
            ScreenId::History => self.history = None,
            ScreenId::Review => self.review = None,
        }
    }

    /// Closes the editor and hands back its state.
    pub(super) fn take_editor(&mut self) -> Option<Editor> {
        self.screens.retain(|s| *s != ScreenId::Editor);
        self.editor.take()
    }
}
