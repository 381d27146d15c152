//! A list of options with a selection: what pickers and checklists share.

use super::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Choices {
    pub options: Vec<PickOption>,
    pub selected: usize,
}

impl Choices {
    pub fn new(options: Vec<PickOption>, selected: usize) -> Choices {
        let selected = selected.min(options.len().saturating_sub(1));
        Choices { options, selected }
    }

    /// Moves the selection; true when `cmd` was a movement.
    pub fn step(&mut self, cmd: Option<A>) -> bool {
        let last = self.options.len().saturating_sub(1);
        let s = &mut self.selected;
        match cmd {
            Some(A::Up) => *s = s.saturating_sub(1),
            Some(A::Down) => *s = (*s + 1).min(last),
            Some(A::PageUp) => *s = s.saturating_sub(10),
            Some(A::PageDown) => *s = (*s + 10).min(last),
            Some(A::Top) => *s = 0,
            Some(A::Bottom) => *s = last,
            _ => return false,
        }
        true
    }
}
