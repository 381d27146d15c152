//! Type a line of text. Esc cancels; Enter replies with the text; a number prompt takes digits
//! only.

use ratatui::crossterm::event::Event;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::*;

#[derive(Debug, Clone)]
pub struct Prompt {
    pub title: String,
    pub hint: String,
    pub input: Input,
    pub then: Then,
    pub error: Option<String>,
    pub numeric: bool,
    /// A number shown as it is now: the first digit typed replaces it rather than joining it
    /// (typing 3 over "1" gives 3, not 13). Moving or deleting first keeps it to edit.
    pub replace_on_type: bool,
}

impl Prompt {
    pub fn new(title: &str, hint: &str, value: String, then: Then, numeric: bool) -> Prompt {
        Prompt {
            title: title.into(),
            hint: hint.into(),
            replace_on_type: numeric && !value.is_empty(),
            input: Input::new(value),
            then,
            error: None,
            numeric,
        }
    }

    pub fn handle(&mut self, cmd: Option<A>, key: &KeyEvent) -> Outcome<String> {
        match cmd {
            Some(A::Back) => Outcome::Cancel,
            Some(A::Accept) => Outcome::Reply(self.input.value().to_string()),
            _ => {
                let typed = state::key_char(key);
                if self.numeric && typed.is_some_and(|c| !c.is_ascii_digit()) {
                    self.error = Some("digits only".to_string());
                } else {
                    if self.replace_on_type && typed.is_some() {
                        self.input.reset();
                    }
                    self.replace_on_type = false;
                    self.input.handle_event(&Event::Key(*key));
                    self.error = None;
                }
                Outcome::Stay
            }
        }
    }

    /// Pasted text, one line, control characters dropped.
    pub fn paste(&mut self, text: &str) {
        if self.replace_on_type {
            self.input.reset();
            self.replace_on_type = false;
        }
        for c in one_line(text).chars() {
            self.input.handle(tui_input::InputRequest::InsertChar(c));
        }
    }
}

/// Pasted text as one line: breaks and tabs become spaces, control characters are dropped.
pub fn one_line(text: &str) -> String {
    // Terminals paste line breaks as \r, \n or \r\n: each is one space, never nothing.
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control())
        .collect()
}
