//! Text to read and scroll: the key help and a rule's explanation. Esc closes.

use super::*;

fn scrolled(scroll: &mut u16, cmd: Option<A>) -> Outcome<()> {
    match cmd {
        Some(A::Down) => *scroll = scroll.saturating_add(1),
        Some(A::Up) => *scroll = scroll.saturating_sub(1),
        Some(A::PageDown) => *scroll = scroll.saturating_add(10),
        Some(A::PageUp) => *scroll = scroll.saturating_sub(10),
        Some(A::Top) => *scroll = 0,
        Some(A::Back) => return Outcome::Cancel,
        _ => {}
    }
    Outcome::Stay
}

/// Every key that works where help was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Help {
    pub scroll: u16,
    /// The contexts of the screen or dialog underneath.
    pub contexts: Vec<Ctx>,
}

impl Help {
    pub fn new(contexts: Vec<Ctx>) -> Help {
        Help {
            scroll: 0,
            contexts,
        }
    }

    pub fn handle(&mut self, cmd: Option<A>) -> Outcome<()> {
        scrolled(&mut self.scroll, cmd)
    }
}

/// Why a rule matters.
#[derive(Debug, Clone, PartialEq)]
pub struct Explain {
    pub rule: &'static str,
    pub scroll: u16,
}

impl Explain {
    pub fn new(rule: &'static str) -> Explain {
        Explain { rule, scroll: 0 }
    }

    pub fn handle(&mut self, cmd: Option<A>) -> Outcome<()> {
        scrolled(&mut self.scroll, cmd)
    }
}
