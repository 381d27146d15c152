//! A question with lettered answers. Each confirmation says what Esc means: usually the same as
//! its "no", and for a restore question "decide later", which keeps the draft.

use super::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub title: String,
    pub body: Vec<String>,
    pub choices: Vec<(char, &'static str, Confirmed)>,
    /// The campaign it is about, when there is one.
    pub subject: String,
    /// What Esc does.
    pub on_esc: Confirmed,
}

impl Confirm {
    /// A question whose Esc dismisses it.
    pub fn new(
        title: &str,
        body: Vec<String>,
        choices: Vec<(char, &'static str, Confirmed)>,
    ) -> Confirm {
        Confirm {
            title: title.into(),
            body,
            choices,
            subject: String::new(),
            on_esc: Confirmed::Dismiss,
        }
    }

    pub fn about(mut self, subject: &str) -> Confirm {
        self.subject = subject.into();
        self
    }

    pub fn on_esc(mut self, what: Confirmed) -> Confirm {
        self.on_esc = what;
        self
    }

    /// Whether Esc is one of the lettered answers (else the dialog names it "decide later").
    pub fn esc_is_a_choice(&self) -> bool {
        self.choices.iter().any(|c| c.2 == self.on_esc)
    }

    pub fn handle(&mut self, cmd: Option<A>, key: &KeyEvent) -> Outcome<Confirmed> {
        if cmd == Some(A::Back) {
            return Outcome::Cancel;
        }
        match state::key_char(key).and_then(|c| self.choices.iter().find(|ch| ch.0 == c)) {
            Some(&(_, _, what)) => Outcome::Reply(what),
            None => Outcome::Stay,
        }
    }
}
