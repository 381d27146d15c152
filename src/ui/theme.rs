//! Colours and emphasis. With NO_COLOR set, everything is told apart by words, symbols, bold
//! and reverse video alone.

use ratatui::style::{Color, Modifier, Style};

use crate::checks::Severity;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn severity(self, s: Severity) -> Style {
        let base = Style::default().add_modifier(Modifier::BOLD);
        if !self.color {
            return if s == Severity::Info {
                Style::default()
            } else {
                base
            };
        }
        match s {
            Severity::Error => base.fg(Color::Red),
            Severity::Warning => base.fg(Color::Yellow),
            Severity::Info => Style::default().fg(Color::Cyan),
        }
    }

    pub fn selected(self) -> Style {
        if self.color {
            Style::default()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn bold(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn dim(self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }

    pub fn accent(self) -> Style {
        if self.color {
            Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD)
        } else {
            self.bold()
        }
    }

    pub fn border(self, focused: bool) -> Style {
        match (self.color, focused) {
            (true, true) => Style::default().fg(Color::Cyan),
            (true, false) => Style::default().fg(Color::DarkGray),
            (false, true) => self.bold(),
            (false, false) => Style::default(),
        }
    }

    pub fn good(self) -> Style {
        if self.color {
            Style::default().fg(Color::Green)
        } else {
            Style::default()
        }
    }
}

/// A severity as a word, so it reads without colour.
pub fn severity_word(s: Severity) -> &'static str {
    s.word()
}
