//! Text to read and scroll: the key help and a rule's explanation. Esc closes.

use super::*;

fn scrolled(scroll: &mut u16, cmd: Option<A>) -> Outcome<()> {
    match cmd {
        Some(A::Down) => *scroll = scroll.saturating_add(1),
        Some(A::Up) => *scroll = scroll.saturating_sub(1),
        Some(A::PageDown) => *scroll = scroll.saturating_add(10),
        Some(A::PageUp) => *scroll = scroll.saturating_sub(10),
        Some(A::Top) => *scroll = 0,
        // The dialog's owner stops it at the last line (see `Help::max_scroll`).
        Some(A::Bottom) => *scroll = u16::MAX,
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
    /// Whether the library is read-only: its help leaves out what it refuses.
    pub read_only: bool,
}

/// A line of the key help as drawn: its kind gives its style.
#[derive(Debug, Clone, PartialEq)]
pub enum HelpLine {
    Title(String),
    Blank,
    /// Keys and what they do; a long text goes on under it with no keys.
    Key(String, String),
    Note(String),
}

impl Help {
    pub fn new(contexts: Vec<Ctx>) -> Help {
        Help {
            scroll: 0,
            contexts,
            read_only: false,
        }
    }

    /// Help for a read-only library, without the keys that would change it.
    pub fn read_only(mut self, read_only: bool) -> Help {
        self.read_only = read_only;
        self
    }

    /// The help's lines wrapped to `width` columns, so none is cut at the box's edge and the
    /// scroll can stop at the last.
    pub fn lines(&self, width: u16) -> Vec<HelpLine> {
        // A column kept free at the right, so no text touches the border.
        let width = usize::from(width).saturating_sub(1);
        let mut lines = vec![
            HelpLine::Title("Keys that work here".into()),
            HelpLine::Blank,
        ];
        for b in keymap::bindings_for(&self.contexts)
            .into_iter()
            .filter(|b| !(self.read_only && b.command.changes_library()))
        {
            let keys = format!("  {:10}", b.keys_label);
            let keys_width = keys.chars().count();
            let text_width = width.saturating_sub(keys_width).max(10);
            for (i, part) in layout::wrap_words(b.help, text_width)
                .into_iter()
                .enumerate()
            {
                let keys = if i == 0 {
                    keys.clone()
                } else {
                    " ".repeat(keys_width)
                };
                lines.push(HelpLine::Key(keys, part));
            }
        }
        lines.push(HelpLine::Blank);
        for note in [
            "In text fields: arrows, Home/End, Ctrl-W deletes a word, paste works.",
            "In lists: Space ticks a box, Enter confirms, Esc cancels.",
            "Mouse: click to select, click again to open or edit, wheel scrolls.",
            "",
            "Esc closes this help; ↑↓ PgUp PgDn scroll.",
        ] {
            if note.is_empty() {
                lines.push(HelpLine::Blank);
            }
            for part in layout::wrap_words(note, width)
                .into_iter()
                .filter(|p| !p.is_empty())
            {
                lines.push(HelpLine::Note(part));
            }
        }
        lines
    }

    /// How far the help can scroll on a screen of `area`: its last line at the bottom.
    pub fn max_scroll(&self, area: Rect) -> u16 {
        let r = layout::help_box(area);
        let inner = r.height.saturating_sub(2);
        let n = self.lines(r.width.saturating_sub(2)).len();
        u16::try_from(n.saturating_sub(usize::from(inner))).unwrap_or(u16::MAX)
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

/// A line of a rule's explanation; its kind gives its style. Lines wrap in the box.
#[derive(Debug, Clone, PartialEq)]
pub enum ExplainLine {
    /// The rule's id, then its default severity.
    Title(&'static str, String),
    Heading(String),
    /// An example, or what is said about the text rather than in it.
    Quiet(String),
    Text(String),
}

impl ExplainLine {
    pub fn text(&self) -> String {
        match self {
            ExplainLine::Title(id, rest) => format!("{id}{rest}"),
            ExplainLine::Heading(t) | ExplainLine::Quiet(t) | ExplainLine::Text(t) => t.clone(),
        }
    }
}

impl Explain {
    pub fn new(rule: &'static str) -> Explain {
        Explain { rule, scroll: 0 }
    }

    /// What the explanation says, a line per paragraph.
    pub fn lines(&self) -> Vec<ExplainLine> {
        let mut lines = Vec::new();
        if let Some(rl) = crate::checks::rule(self.rule) {
            lines.push(ExplainLine::Title(
                rl.id,
                format!(" · {} by default", rl.severity),
            ));
            lines.push(ExplainLine::Quiet(format!(
                "Guards against: {}",
                rl.risk.label()
            )));
            lines.push(ExplainLine::Text(String::new()));
            for para in reflow(rl.explanation) {
                lines.push(if let Some(h) = para.strip_prefix("## ") {
                    ExplainLine::Heading(h.to_string())
                } else if para.starts_with("    ") {
                    ExplainLine::Quiet(para)
                } else {
                    ExplainLine::Text(para)
                });
            }
        }
        lines.push(ExplainLine::Text(String::new()));
        lines.push(ExplainLine::Quiet(
            "Esc closes; ↑↓ scroll. The field it is about is selected.".into(),
        ));
        lines
    }

    /// How far the explanation can scroll on a screen of `area`: its last line at the bottom.
    pub fn max_scroll(&self, area: Rect) -> u16 {
        let texts: Vec<String> = self.lines().iter().map(ExplainLine::text).collect();
        layout::max_scroll(texts.iter().map(String::as_str), layout::explain_box(area))
    }

    pub fn handle(&mut self, cmd: Option<A>) -> Outcome<()> {
        scrolled(&mut self.scroll, cmd)
    }
}

/// Joins the hard-wrapped lines of an explanation into paragraphs so they wrap to the window;
/// headings and indented example lines stay as they are.
fn reflow(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut para = String::new();
    for line in text.lines() {
        let keep = line.starts_with("## ") || line.starts_with("    ") || line.trim().is_empty();
        if keep {
            if !para.is_empty() {
                out.push(std::mem::take(&mut para));
            }
            out.push(line.to_string());
        } else {
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(line.trim());
        }
    }
    if !para.is_empty() {
        out.push(para);
    }
    out
}
