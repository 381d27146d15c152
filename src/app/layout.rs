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

/// Header, body, status (`status` rows: see [`super::App::status_rows`]) and footer.
fn frame(area: Rect, status: u16) -> [Rect; 4] {
    let v = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(status.max(1)),
            Constraint::Length(1),
        ])
        .split(area);
    [v[0], v[1], v[2], v[3]]
}

pub fn library(area: Rect, status_rows: u16) -> LibraryLayout {
    let [header, body, status, footer] = frame(area, status_rows);
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

pub fn editor(area: Rect, status_rows: u16) -> EditorLayout {
    let [header, rest, status, footer] = frame(area, status_rows);
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

/// The history box, over the whole screen but the header, the footer and the `status_rows`
/// rows the status line takes, so a long message is not drawn over.
pub fn history(area: Rect, status_rows: u16) -> Rect {
    // The whole width, over the screen's own boxes: a narrower box left their corners showing
    // down both sides ("┌┌", "└│").
    Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(2 + status_rows),
    )
}

/// The revision rows of the history box: inside its border, under the column headings.
pub fn history_rows(area: Rect, status_rows: u16) -> Rect {
    let r = history(area, status_rows);
    let inner_h = r.height.saturating_sub(2);
    Rect::new(
        r.x + 1,
        r.y + 2,
        r.width.saturating_sub(2),
        inner_h.saturating_sub(4),
    )
}

/// The text area of review mode: the editor's form and panel joined, inside a border.
pub fn review_body(area: Rect, status_rows: u16) -> Rect {
    let l = editor(area, status_rows);
    Rect::new(
        l.form.x,
        l.form.y,
        l.form.width + l.panel.width,
        l.form.height,
    )
}

/// How wide the review's text is in `body`: inside the border, with one blank column either
/// side so text does not run into the frame.
pub fn review_text_width(body: Rect) -> u16 {
    body.width.saturating_sub(4)
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
    tab_at_padded(titles, start_x, x, 1)
}

/// Whether tabs with a space either side of each title fit in `width`; when not, the panel
/// draws them without the spaces.
pub fn tabs_fit_padded<S: AsRef<str>>(titles: &[S], width: u16) -> bool {
    let total: usize = titles.iter().map(|t| t.as_ref().chars().count() + 3).sum();
    total.saturating_sub(1) <= usize::from(width)
}

/// As [`tab_at`], for titles drawn with `pad` spaces either side.
pub fn tab_at_padded(titles: &[&str], start_x: u16, x: u16, pad: u16) -> Option<usize> {
    let mut left = start_x;
    for (i, t) in titles.iter().enumerate() {
        let w = t.chars().count() as u16 + 2 * pad;
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
        .filter(|f| f.severity >= crate::checks::Severity::Warning && f.counts())
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

/// Words of `text` wrapped to lines of at most `width` columns (a word longer than a line is
/// cut across lines).
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    // No-break spaces ("10 %", "newsletter :") hold their words together, as they must.
    let breaks = |c: char| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}');
    for word in text.split(breaks).filter(|w| !w.is_empty()) {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            // A path or an address breaks after a '/' that fits, not in the middle of a name.
            let cut = word[..width]
                .iter()
                .rposition(|c| *c == '/')
                .filter(|i| *i > 0)
                .map_or(width, |i| i + 1);
            out.push(word.drain(..cut).collect());
        }
        let w = word.len();
        let used = line.chars().count();
        if used > 0 && used + 1 + w > width {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.extend(word);
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

/// What a line of the audience banner is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BannerLine<'a> {
    /// A line of a warning's message, in its colour.
    Message(&'a Finding),
    /// A line of what to do about it, indented by two.
    Hint,
    /// How much more the Findings tab holds.
    More,
}

/// The audience banner's lines, wrapped to `width` and fitted into `max_lines`: whole warnings
/// (message, then what to do) while they fit; a warning that does not fit is cut with "…" and
/// the last line says how many more the Findings tab holds, so nothing is hidden silently.
pub fn banner_lines(e: &Editor, width: usize, max_lines: usize) -> Vec<(BannerLine<'_>, String)> {
    let warnings = audience_warnings(e);
    let mut out: Vec<(BannerLine, String)> = Vec::new();
    let mut complete = 0;
    let mut cut = false;
    for (k, f) in warnings.iter().enumerate() {
        let figure = match &e.reach_note {
            Some((_, short)) if f.rule == "demographic-only-targeting" => format!(". {short}"),
            _ => String::new(),
        };
        let head = format!(
            "{} {} {}{figure}",
            f.severity.symbol(),
            f.severity.word(),
            f.message
        );
        let message = wrap_words(&head, width);
        // Advice one key can follow says which key.
        let key = if crate::checks::rule(f.rule).is_some_and(|r| r.intent_advice) {
            "f: "
        } else {
            ""
        };
        let hint = wrap_words(
            &format!("→ {key}{}", f.hint),
            width.saturating_sub(2).max(1),
        );
        let later = warnings.len() - k - 1;
        let reserve = usize::from(later > 0);
        let room = max_lines.saturating_sub(out.len() + reserve);
        if message.len() + hint.len() <= room {
            out.extend(message.into_iter().map(|l| (BannerLine::Message(f), l)));
            out.extend(hint.into_iter().map(|l| (BannerLine::Hint, l)));
            complete += 1;
            continue;
        }
        // What is left shows the start of this warning, if a line is left for the mark after.
        let room = max_lines.saturating_sub(out.len() + 1);
        if room > 0 {
            let kinds = std::iter::repeat_n(BannerLine::Message(f), message.len())
                .chain(std::iter::repeat(BannerLine::Hint));
            let mut lines: Vec<(BannerLine, String)> = kinds
                .zip(message.into_iter().chain(hint))
                .take(room)
                .collect();
            if let Some((kind, last)) = lines.last_mut() {
                let max = if *kind == BannerLine::Hint {
                    width.saturating_sub(2)
                } else {
                    width
                };
                let mut t: String = last.chars().take(max.saturating_sub(1)).collect();
                t.push('…');
                *last = t;
            }
            out.extend(lines);
        }
        cut = true;
        break;
    }
    let more = warnings.len() - complete;
    if cut || more > 0 {
        let text = match (cut, more) {
            // Said by its key: on a narrow panel the findings tab is named by its counts alone.
            (true, 1) => "… the rest (p: all findings)".to_string(),
            (true, n) => format!("… the rest, +{} more (p: all findings)", n - 1),
            (false, n) => format!("+{n} more (p: all findings)"),
        };
        out.push((BannerLine::More, crate::text::truncate(&text, width)));
    }
    out
}

/// How many lines the audience banner takes in a form of this size, borders included: the
/// wrapped warnings, in half the form or in what the audience's rows leave free, whichever is
/// more.
pub fn banner_height(e: &Editor, form: Rect) -> u16 {
    if e.section != super::Section::Audience {
        return 0;
    }
    let (width, max) = banner_room(e, form);
    let lines = banner_lines(e, width, max);
    if lines.is_empty() {
        return 0;
    }
    lines.len() as u16 + 2
}

/// The width and the most lines the banner's text may use inside a form of this size: half
/// of it, or all the rows the audience's own rows leave, so a short audience does not leave
/// its advice cut above empty rows.
pub fn banner_room(e: &Editor, form: Rect) -> (usize, usize) {
    let width = usize::from(form.width.saturating_sub(4));
    let inner = usize::from(form.height.saturating_sub(2));
    let half = (inner / 2).saturating_sub(2);
    let free = inner.saturating_sub(2 + e.derived.rows.len());
    (width, half.max(free))
}

/// The key help's box: wide enough for most help texts on one line, else they wrap.
pub fn help_box(area: Rect) -> Rect {
    centered(area, 96, area.height.saturating_sub(4))
}

/// The box explaining a rule: as wide as reads well, nearly as high as the screen.
pub fn explain_box(area: Rect) -> Rect {
    centered(area, 84, area.height.saturating_sub(2))
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

#[cfg(test)]
mod tests {
    #[test]
    fn wrapping_keeps_no_break_spaces_and_cuts_only_overlong_words() {
        let lines = super::wrap_words("Inscrivez-vous à notre newsletter\u{a0}: un e-mail", 33);
        assert_eq!(
            lines,
            ["Inscrivez-vous à notre", "newsletter\u{a0}: un e-mail"]
        );
        assert_eq!(super::wrap_words("abcdefgh", 3), ["abc", "def", "gh"]);
        // A long path breaks after a slash where one fits, else where the width ends.
        assert_eq!(
            super::wrap_words("kept in /tmp/candor/unsaved/welcome-email.ron", 20),
            ["kept in", "/tmp/candor/unsaved/", "welcome-email.ron"]
        );
        assert_eq!(super::wrap_words("/abcdefgh", 4), ["/abc", "defg", "h"]);
        assert_eq!(super::wrap_words("", 10), [""]);
    }
}
