//! Tick any number of a list. Esc cancels; Enter replies with the ticks.

use super::*;

#[derive(Debug, Clone)]
pub struct Checklist {
    pub title: String,
    pub list: Choices,
    pub checked: Vec<bool>,
    pub then: Then,
    pub error: Option<String>,
}

impl Checklist {
    pub fn new(title: &str, options: Vec<PickOption>, checked: Vec<bool>, then: Then) -> Checklist {
        let mut checked = checked;
        checked.resize(options.len(), false);
        Checklist {
            title: title.into(),
            list: Choices::new(options, 0),
            checked,
            then,
            error: None,
        }
    }

    pub fn handle(&mut self, cmd: Option<A>) -> Outcome<Vec<bool>> {
        if self.list.step(cmd) {
            return Outcome::Stay;
        }
        match cmd {
            Some(A::Toggle) => {
                if let Some(flag) = self.checked.get_mut(self.list.selected) {
                    *flag = !*flag;
                }
                self.error = None;
                Outcome::Stay
            }
            Some(A::Back) => Outcome::Cancel,
            Some(A::Accept) => Outcome::Reply(self.checked.clone()),
            _ => Outcome::Stay,
        }
    }
}
