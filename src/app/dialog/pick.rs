//! Choose one of a list. Esc cancels; Enter replies with the index chosen.

use super::*;

#[derive(Debug, Clone)]
pub struct Pick {
    pub title: String,
    pub list: Choices,
    pub then: Then,
    pub error: Option<String>,
}

impl Pick {
    pub fn new(title: &str, options: Vec<PickOption>, selected: usize, then: Then) -> Pick {
        Pick {
            title: title.into(),
            list: Choices::new(options, selected),
            then,
            error: None,
        }
    }

    pub fn handle(&mut self, cmd: Option<A>) -> Outcome<usize> {
        if self.list.step(cmd) {
            self.error = None;
            return Outcome::Stay;
        }
        match cmd {
            Some(A::Back) => Outcome::Cancel,
            Some(A::Accept) if !self.list.options.is_empty() => Outcome::Reply(self.list.selected),
            _ => Outcome::Stay,
        }
    }
}
