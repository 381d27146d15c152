use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding, Paragraph, Tabs, Wrap};

use super::theme::Theme;
use crate::app::review::{ReviewState, ReviewTab, Tone};
use crate::app::{App, HistoryState, layout, short_time};
use crate::checks::Severity;
use crate::text::{clean, truncate};

pub fn style(tone: Tone, theme: Theme) -> Style {
    match tone {
        Tone::Heading => theme.accent(),
        Tone::Plain => Style::default(),
        Tone::Dim => theme.dim(),
        Tone::Error | Tone::Removed => theme.severity(Severity::Error),
        Tone::Warning => theme.severity(Severity::Warning),
        Tone::Info => theme.severity(Severity::Info),
        Tone::Good | Tone::Added => theme.good(),
    }
}

pub fn draw(frame: &mut Frame, app: &App, r: &ReviewState, theme: Theme) {
    let l = layout::editor(frame.area(), app.status_rows(frame.area().width));
    let decision = match r.latest() {
        Some((d, true)) if d.file_hash != r.hash => Span::styled(
            format!(
                " {} by {}, status changed since",
                d.decision.label(),
                clean(&d.reviewer)
            ),
            theme.good(),
        ),
        Some((d, true)) => Span::styled(
            format!(" {} by {}", d.decision.label(), clean(&d.reviewer)),
            theme.good(),
        ),
        Some((d, false)) => Span::styled(
            format!(" {} for a different version", d.decision.label()),
            theme.severity(Severity::Warning),
        ),
        None => Span::styled(" no decision yet", theme.dim()),
    };
    let name = match &r.doc {
        Ok((c, _)) => clean(&c.name),
        Err(_) => "unreadable file".to_string(),
    };
    // The file's own name: its folder is on the Summary tab.
    let file_name = r
        .file
        .file_name()
        .map_or_else(|| r.shown.clone(), |n| clean(&n.to_string_lossy()));
    // The decision is what the header is for: it comes first and is never cut; the file and
    // the campaign's name share what is left, the file first (it is what the reviewer opened;
    // that it is only read is said on the frame below and on the status line).
    let decision_w = decision.content.chars().count();
    let room = usize::from(l.header.width).saturating_sub(8 + 10 + decision_w + 3 + 3);
    let where_ = if room >= 20 {
        let file_w = file_name.chars().count().min(room * 2 / 3);
        format!(
            " · {} · {}",
            truncate(&file_name, file_w),
            truncate(&name, room - file_w)
        )
    } else {
        // Too narrow for both: the campaign's name is on the Summary tab.
        format!(" · {}", truncate(&file_name, room.max(4)))
    };
    let head = Line::from(vec![
        Span::styled(" Candor ", theme.accent()),
        Span::raw("· Review ·"),
        decision,
        Span::raw(where_),
    ]);
    frame.render_widget(Paragraph::new(head), l.header);
    let current = ReviewTab::ALL.iter().position(|t| *t == r.tab).unwrap_or(0);
    frame.render_widget(
        Tabs::new(r.tab_titles())
            .select(current)
            .highlight_style(theme.selected())
            .divider("│")
            .padding(" ", " "),
        l.tabs,
    );
    let body = layout::review_body(frame.area(), app.status_rows(frame.area().width));
    let lines: Vec<Line> = r
        .rows(layout::review_text_width(body))
        .into_iter()
        .map(|(t, s)| Line::styled(s, style(t, theme)))
        .collect();
    // Said on the frame as well as on the status line, which a message can take over.
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .padding(Padding::horizontal(1))
        .title_top(Line::styled(" read-only ", theme.dim()).right_aligned());
    // What the box cannot show says so on its frame, so a cut-off tab is not read as whole.
    let below = lines
        .len()
        .saturating_sub(usize::from(r.scroll) + usize::from(body.height.saturating_sub(2)));
    if below > 0 {
        block = block.title_bottom(
            Line::styled(
                format!(
                    " ↓ {below} more {} (↓, PgDn) ",
                    if below == 1 { "line" } else { "lines" }
                ),
                theme.dim(),
            )
            .right_aligned(),
        );
    }
    frame.render_widget(
        Paragraph::new(lines).scroll((r.scroll, 0)).block(block),
        body,
    );
    // The keys as they are in force: a user's key file may have moved them.
    let key = |c| crate::app::keymap::label(c, crate::app::keymap::Ctx::Review);
    let hint = format!(
        "Read-only: the file is never changed. {} approves, {} requests changes.",
        key(crate::app::keymap::Command::Approve),
        key(crate::app::keymap::Command::RequestChanges)
    );
    frame.render_widget(
        Paragraph::new(super::status_line(app, theme, &hint, l.status.width))
            .wrap(Wrap { trim: false }),
        l.status,
    );
    frame.render_widget(
        Paragraph::new(super::footer(app, theme, l.footer.width)),
        l.footer,
    );
}

pub fn draw_history(frame: &mut Frame, h: &HistoryState, theme: Theme, status_rows: u16) {
    let r = layout::history(frame.area(), status_rows);
    frame.render_widget(Clear, r);
    if let Some(d) = &h.diff {
        let lines: Vec<Line> = d
            .lines
            .iter()
            .map(|(t, s)| Line::styled(s.clone(), style(*t, theme)))
            .collect();
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border(true))
            .title(format!(" {} · Esc back · ↑↓ scroll ", d.title));
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((d.scroll, 0))
                .block(block),
            r,
        );
        return;
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(format!(" History of {} ", clean(&h.id)));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    // Narrow: the status column goes (the status is in the header) so the message has room.
    let wide = inner.width >= 100;
    let status_col = |s: &str| {
        if wide {
            format!("{s:10}  ")
        } else {
            String::new()
        }
    };
    let fixed = 3 + 4 + 2 + 16 + 2 + 14 + 2 + 3 + 1 + 4 + 2 + if wide { 12 } else { 0 };
    let message_w = usize::from(inner.width).saturating_sub(fixed).max(4);
    let mut lines = vec![Line::styled(
        format!(
            "   {:>4}  {:16}  {:14}  {}{:>3} {:>4}  message",
            "rev",
            "when",
            "who",
            status_col("status"),
            "err",
            "warn"
        ),
        theme.bold(),
    )];
    let visible = usize::from(layout::history_rows(frame.area(), status_rows).height);
    let offset = layout::scroll_offset(h.selected, visible);
    for (i, rev) in h.revisions.iter().enumerate().skip(offset).take(visible) {
        let mark = if h.marked == Some(i) { "*" } else { " " };
        let pointer = if i == h.selected { ">" } else { " " };
        let mut line = Line::raw(format!(
            "{pointer}{mark} {:>4}  {:16}  {:14}  {}{:>3} {:>4}  {}",
            rev.number,
            short_time(&rev.created_at),
            truncate(&clean(&rev.author), 14),
            status_col(rev.status.label()),
            rev.counts.errors,
            rev.counts.warnings,
            truncate(&clean(&rev.message), message_w)
        ));
        if i == h.selected {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    lines.push(Line::raw(""));
    // The selected revision's whole message, however narrow the table.
    if let Some(rev) = h.revisions.get(h.selected) {
        lines.push(Line::from(vec![
            Span::styled(format!("Revision {}: ", rev.number), theme.bold()),
            Span::raw(clean(&rev.message)),
        ]));
        lines.push(Line::raw(""));
    }
    let hint = match h.marked {
        Some(m) => format!("Enter compares revision {} with the selected one. Space unmarks.", h.revisions.get(m).map_or(0, |r| r.number)),
        None => "Enter compares the selected revision with the current version, or the latest with the one before it; Space marks one to compare two.".into(),
    };
    lines.push(Line::styled(hint, theme.dim()));
    lines.push(Line::styled(
        "r restores the selected revision as a new revision. Esc closes.",
        theme.dim(),
    ));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
