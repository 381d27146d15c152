//! Screen geometry, shared by drawing (ui) and mouse hit-testing (app), so the two never
//! disagree about where things are.

use ratatui::layout::{Constraint, Direction, Layout, Rect};

use super::Editor;
use crate::checks::Finding;

pub struct LibraryLayout {
    pub header: Rect,
    pub table: Rect,
    pub summary: Rect,
    pub status: Rect,
    pub footer: Rect,
}

pub struct EditorLayout {
    pub header: Rect,
    pub tabs: Rect,
    pub form: Rect,
    pub panel: Rect,
    pub status: Rect,
    pub footer: Rect,
}

fn frame(area: Rect) -> [Rect; 4] {
    let v = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .split(area);
    [v[0], v[1], v[2], v[3]]
}

pub fn library(area: Rect) -> LibraryLayout {
    let [header, body, status, footer] = frame(area);
    let (table, summary) = if area.width >= 110 {
        let h = Layout::default()
            .direction(Direction::Horizontal)
            .constraints([Constraint::Percentage(66), Constraint::Percentage(34)])
            .split(body);
        (h[0], h[1])
    } else {
        let summary_h = if body.height >= 16 { 8 } else { 0 };
        let v = Layout::default()
            .direction(Direction::Vertical)
            .constraints([Constraint::Min(1), Constraint::Length(summary_h)])
            .split(body);
        (v[0], v[1])
    };
    LibraryLayout {
        header,
        table,
        summary,
        status,
        footer,
    }
}

pub fn editor(area: Rect) -> EditorLayout {
    let [header, rest, status, footer] = frame(area);
    let v = Layout::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Length(1), Constraint::Min(1)])
        .split(rest);
    let pct = if area.width >= 100 { 50 } else { 55 };
    let h = Layout::default()
        .direction(Direction::Horizontal)
        .constraints([
            Constraint::Percentage(pct),
            Constraint::Percentage(100 - pct),
        ])
        .split(v[1]);
    EditorLayout {
        header,
        tabs: v[0],
        form: h[0],
        panel: h[1],
        status,
        footer,
    }
}

/// The history box, over the whole screen but a margin and the status lines.
pub fn history(area: Rect) -> Rect {
    Rect::new(
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(2),
        area.height.saturating_sub(3),
    )
}

/// The revision rows of the history box: inside its border, under the column headings.
pub fn history_rows(area: Rect) -> Rect {
    let r = history(area);
    let inner_h = r.height.saturating_sub(2);
    Rect::new(
        r.x + 1,
        r.y + 2,
        r.width.saturating_sub(2),
        inner_h.saturating_sub(4),
    )
}

/// The text area of review mode: the editor's form and panel joined, inside a border.
pub fn review_body(area: Rect) -> Rect {
    let l = editor(area);
    Rect::new(
        l.form.x,
        l.form.y,
        l.form.width + l.panel.width,
        l.form.height,
    )
}

/// How far text of `lines` can scroll in a bordered box of `body`: its last row at the bottom.
pub fn max_scroll<'a>(lines: impl Iterator<Item = &'a str>, body: Rect) -> u16 {
    let width = usize::from(body.width.saturating_sub(2));
    let rows: usize = lines.map(|l| crate::text::wrapped_rows(l, width)).sum();
    let visible = usize::from(body.height.saturating_sub(2));
    u16::try_from(rows.saturating_sub(visible)).unwrap_or(u16::MAX)
}

/// The first visible item when `selected` must stay in view of `visible` lines.
pub fn scroll_offset(selected: usize, visible: usize) -> usize {
    if visible == 0 || selected < visible {
        0
    } else {
        selected + 1 - visible
    }
}

/// Which of the tab titles, drawn from `start_x` as " title │", is at column `x`.
pub fn tab_at(titles: &[&str], start_x: u16, x: u16) -> Option<usize> {
    let mut left = start_x;
    for (i, t) in titles.iter().enumerate() {
        let w = t.chars().count() as u16 + 2;
        if x >= left && x < left + w {
            return Some(i);
        }
        left += w + 1;
    }
    None
}

/// The audience findings that get the banner: targeting problems, worst first.
pub fn audience_warnings(e: &Editor) -> Vec<&Finding> {
    let mut v: Vec<&Finding> = e
        .derived
        .findings
        .iter()
        .filter(|f| {
            crate::checks::rule(f.rule).is_some_and(|r| r.instant)
                && f.location.starts_with("audience")
        })
        .filter(|f| f.severity >= crate::checks::Severity::Warning)
        .collect();
    // Errors first; among equals, the demographic-only warning speaks for the whole audience.
    v.sort_by_key(|f| {
        (
            std::cmp::Reverse(f.severity),
            f.rule != "demographic-only-targeting",
        )
    });
    v
}

/// How many lines `text` takes when wrapped at word boundaries to `width` columns.
pub fn wrapped_lines(text: &str, width: usize) -> usize {
    let width = width.max(1);
    let mut lines = 1;
    let mut col = 0;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if col > 0 && col + 1 + w > width {
            lines += 1;
            col = 0;
        }
        col += if col == 0 { w } else { w + 1 };
        while col > width {
            lines += 1;
            col -= width;
        }
    }
    lines
}

/// The banner's text lines: each warning's message, then what to do instead.
pub fn banner_lines(e: &Editor) -> Vec<(Option<&Finding>, String)> {
    let warnings = audience_warnings(e);
    let mut out = Vec::new();
    for f in warnings.iter().take(2) {
        out.push((
            Some(*f),
            format!(
                "{} {} {}",
                f.severity.symbol(),
                f.severity.word(),
                f.message
            ),
        ));
        out.push((None, format!("→ {}", f.hint)));
    }
    if warnings.len() > 2 {
        out.push((
            None,
            format!("… {} more in the Findings tab (p)", warnings.len() - 2),
        ));
    }
    out
}

/// How many lines the audience banner takes in a form of this size, borders included: the
/// wrapped warnings, but never more than half the form.
pub fn banner_height(e: &Editor, form: Rect) -> u16 {
    if e.section != super::Section::Audience {
        return 0;
    }
    let lines = banner_lines(e);
    if lines.is_empty() {
        return 0;
    }
    let width = usize::from(form.width.saturating_sub(4));
    let total: usize = lines.iter().map(|(_, t)| wrapped_lines(t, width)).sum();
    (total as u16 + 2).min(form.height.saturating_sub(2) / 2)
}

/// A dialog `w` by `h` cells centred in `area`, kept inside it.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width.saturating_sub(2)).max(10).min(area.width);
    let h = h.min(area.height.saturating_sub(2)).max(3).min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Where a picker or checklist of `n` options is drawn: its outer box, and the rows of its
/// list (the lines below the list hold the detail and the keys).
pub fn pick_areas(area: Rect, n: usize) -> (Rect, Rect) {
    let h = (n as u16 + 6).min(area.height.saturating_sub(2));
    let outer = centered(area, 76, h);
    let inner = Rect::new(
        outer.x + 1,
        outer.y + 1,
        outer.width.saturating_sub(2),
        outer.height.saturating_sub(2),
    );
    let visible = inner.height.saturating_sub(4).max(1).min(inner.height);
    (outer, Rect::new(inner.x, inner.y, inner.width, visible))
}
