use ratatui::Frame;
use ratatui::layout::Constraint;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};

use super::theme::{Theme, severity_word};
use crate::app::{App, layout, short_time};
use crate::model::Channel;
use crate::text::{clean, truncate};

/// The end of `s` in at most `max` characters, starting with an ellipsis when cut: where a
/// line being typed goes on.
fn tail(s: &str, max: usize) -> String {
    let n = s.chars().count();
    if n <= max {
        return s.to_string();
    }
    let keep = max.saturating_sub(1);
    std::iter::once('…')
        .take(usize::from(max > 0))
        .chain(s.chars().skip(n - keep))
        .collect()
}

pub fn draw(frame: &mut Frame, app: &App, theme: Theme) {
    let l = layout::library(frame.area(), app.status_rows(frame.area().width));
    let lib = &app.library;
    let mut head = vec![Span::styled(" Candor ", theme.accent())];
    if app.store.read_only().is_some() {
        head.push(Span::styled("read-only ", theme.bold()));
    }
    // The counts say what the table shows, and the filter is what the user is typing: both
    // keep their room (the filter its end, with the cursor, when it is longer than the line);
    // the screen's name gives way first, then the order.
    let width = usize::from(frame.area().width);
    let counts = format!("{} of {}", lib.total, lib.size);
    let mut filter = Vec::new();
    if lib.filtering || !lib.filter.value().is_empty() {
        filter.push(Span::raw("   filter: "));
        let room = width.saturating_sub(
            Line::from(head.clone()).width()
                + 2
                + counts.chars().count()
                + 11
                + usize::from(lib.filtering),
        );
        filter.push(Span::styled(
            tail(&clean(lib.filter.value()), room),
            theme.bold(),
        ));
        if lib.filtering {
            filter.push(Span::styled("▏", theme.accent()));
        }
    }
    let used = Line::from(head.clone()).width() + Line::from(filter.clone()).width();
    let sorted = format!("{counts} · sorted by {}", lib.sort.label());
    let title = [
        format!("· Campaign library · {sorted}"),
        format!("· {sorted}"),
        format!("· {counts}"),
    ]
    .into_iter()
    .find(|t| used + t.chars().count() <= width)
    .unwrap_or_default();
    head.push(Span::raw(title));
    head.extend(filter);
    frame.render_widget(Paragraph::new(Line::from(head)), l.header);

    // Wide: channels and the time of the last edit; narrow: the date only, no channels (both
    // are in the side pane), so names keep room.
    let wide = l.table.width >= 110;
    let edited_w: u16 = if wide { 16 } else { 10 };
    let mut titles = vec!["Name", "Status", "Review"];
    let mut widths = vec![
        Constraint::Min(10),
        Constraint::Length(9),
        Constraint::Length(12),
    ];
    if wide {
        titles.push("Channels");
        widths.push(Constraint::Length(10));
    }
    titles.extend(["Edited", "Err", "Warn"]);
    widths.extend([
        Constraint::Length(edited_w),
        Constraint::Length(3),
        Constraint::Length(4),
    ]);
    let header = Row::new(titles.clone()).style(theme.bold());
    // The name column gets what the fixed columns leave (borders, the "> " mark and the
    // spaces between columns included); a longer name is cut with an ellipsis.
    let fixed = 9 + 12 + if wide { 10 } else { 0 } + edited_w + 3 + 4;
    let name_w = usize::from(
        l.table
            .width
            .saturating_sub(2 + 2 + (titles.len() as u16 - 1) + fixed),
    )
    .max(10);
    // Only the rows on screen are built, from the window the app read around the selection.
    let visible = usize::from(l.table.height.saturating_sub(3));
    let first = layout::scroll_offset(lib.selected, visible);
    let rows: Vec<Row> = (first..(first + visible).min(lib.total))
        .filter_map(|i| lib.row(i))
        .map(|s| {
            let name = if s.has_draft {
                // The mark stays whole: it is what the row is telling. ("draft" would read as
                // the status in the next column.)
                format!(
                    "{} (unsaved)",
                    truncate(&clean(&s.name), name_w.saturating_sub(10))
                )
            } else {
                truncate(&clean(&s.name), name_w)
            };
            let channels = Channel::labels(&s.channels);
            let err = Cell::from(s.errors.to_string()).style(if s.errors > 0 {
                theme.severity(crate::checks::Severity::Error)
            } else {
                theme.dim()
            });
            let warn = Cell::from(s.warnings.to_string()).style(if s.warnings > 0 {
                theme.severity(crate::checks::Severity::Warning)
            } else {
                theme.dim()
            });
            // A status that claims approval with no approval on the text as it is now is
            // marked, as `candor list` marks it with '*': the status alone would read as one.
            let claims = matches!(
                s.status,
                crate::model::Status::Approved | crate::model::Status::Published
            );
            let warn_style = theme.severity(crate::checks::Severity::Warning);
            let review = match s.review {
                Some(r) => {
                    let style = match (r.decision, r.current) {
                        (crate::store::Decision::Approve, true) => theme.good(),
                        (_, false) if claims => warn_style,
                        (_, false) => theme.dim(),
                        _ => warn_style,
                    };
                    Cell::from(r.short()).style(style)
                }
                None if claims => Cell::from("unreviewed").style(warn_style),
                None => Cell::from("—").style(theme.dim()),
            };
            let edited = short_time(&s.updated);
            let edited: String = edited.chars().take(usize::from(edited_w)).collect();
            let mut cells = vec![Cell::from(name), Cell::from(s.status.label()), review];
            if wide {
                cells.push(Cell::from(channels));
            }
            cells.extend([Cell::from(edited), err, warn]);
            Row::new(cells)
        })
        .collect();
    let mut state = TableState::default().with_selected(if lib.total == 0 {
        None
    } else {
        Some(lib.selected - first)
    });
    let table = Table::new(rows, widths)
        .header(header)
        .row_highlight_style(theme.selected())
        .highlight_symbol("> ")
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border(true))
                .title(" Campaigns "),
        );
    frame.render_stateful_widget(table, l.table, &mut state);
    if lib.total == 0 {
        let problem;
        let msg = if let Some(p) = &lib.problem {
            problem = format!("The library could not be read: {}", clean(p));
            problem.as_str()
        } else if lib.size == 0 && app.store.read_only().is_some() {
            "The library is empty, and read-only: nothing can be added to it here."
        } else if lib.size == 0 {
            "The library is empty. Press n for a new campaign, or i to import RON files."
        } else {
            "No campaign matches the filter. Esc clears it."
        };
        let inner = ratatui::layout::Rect::new(
            l.table.x + 2,
            l.table.y + 2,
            l.table.width.saturating_sub(4),
            l.table.height.saturating_sub(3).min(6),
        );
        frame.render_widget(
            Paragraph::new(msg)
                .style(theme.dim())
                .wrap(Wrap { trim: true }),
            inner,
        );
    }

    if l.summary.height > 2 {
        draw_summary(frame, app, theme, l.summary);
    }
    frame.render_widget(
        Paragraph::new(super::status_line(
            app,
            theme,
            "Enter opens a campaign; ? lists every key.",
            l.status.width,
        ))
        .wrap(Wrap { trim: false }),
        l.status,
    );
    frame.render_widget(
        Paragraph::new(super::footer(app, theme, l.footer.width)),
        l.footer,
    );
}

fn draw_summary(frame: &mut Frame, app: &App, theme: Theme, area: ratatui::layout::Rect) {
    let Some(s) = app.library.current() else {
        frame.render_widget(
            Block::default().borders(Borders::ALL).title(" Summary "),
            area,
        );
        return;
    };
    // Status, revision and review side by side where they fit, each whole: a narrow pane puts
    // the next on a new line rather than wrapping one inside.
    let claims = matches!(
        s.status,
        crate::model::Status::Approved | crate::model::Status::Published
    );
    let facts = [
        ("Status ", s.status.label().to_string()),
        ("Revision ", s.revision.to_string()),
        (
            "Review ",
            match s.review {
                // The status says approved; no review in Candor says so.
                None if claims => format!("none, though it is {}", s.status.label()),
                None => "none yet".to_string(),
                Some(r) if r.current => format!("{} for this version", r.decision.label()),
                Some(r) => format!("{} for a different version", r.decision.label()),
            },
        ),
    ];
    let room = usize::from(area.width.saturating_sub(2));
    let mut lines: Vec<Line> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    for (label, value) in facts {
        let w = label.chars().count() + value.chars().count();
        if used > 0 && used + 3 + w > room {
            lines.push(Line::from(std::mem::take(&mut spans)));
            used = 0;
        }
        if used > 0 {
            spans.push(Span::raw("   "));
            used += 3;
        }
        spans.push(Span::styled(label, theme.dim()));
        spans.push(Span::raw(value));
        used += w;
    }
    lines.push(Line::from(spans));
    if let Some(d) = app.library.detail.as_ref().filter(|d| d.id == s.id) {
        if let Some(file) = &d.kept_in {
            lines.push(Line::styled(
                "Shown below: your edits, kept in a file as this library cannot be changed:",
                theme.bold(),
            ));
            lines.push(Line::raw(file.clone()));
        }
        if !d.objective.is_empty() {
            lines.push(Line::from(vec![
                Span::styled("Objective ", theme.dim()),
                Span::raw(clean(&d.objective)),
            ]));
        }
        if !d.owner.is_empty() {
            lines.push(Line::from(vec![
                Span::styled("Owner ", theme.dim()),
                Span::raw(clean(&d.owner)),
            ]));
        }
        if let Some(runs) = &d.runs {
            lines.push(Line::from(vec![
                Span::styled("Runs ", theme.dim()),
                Span::raw(runs.clone()),
            ]));
        }
        if let Some(at) = &d.draft_at {
            lines.push(Line::styled(
                format!("Unsaved edits kept as a draft ({at})"),
                theme.bold(),
            ));
        }
        lines.push(Line::raw(""));
        if d.findings.is_empty() {
            lines.push(Line::styled(d.no_findings.clone(), theme.good()));
        }
        for f in d.findings.iter().take(6) {
            let (mark, style) = match f.waived {
                Some(_) => ("~ WAIVED".to_string(), theme.dim()),
                None => (
                    format!("{} {}", f.severity.symbol(), severity_word(f.severity)),
                    theme.severity(f.severity),
                ),
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{mark} "), style),
                Span::raw(f.message.clone()),
            ]));
        }
        if d.findings.len() > 6 {
            lines.push(Line::styled(
                format!("… and {} more", d.findings.len() - 6),
                theme.dim(),
            ));
        }
    }
    let title = format!(
        " {} ",
        truncate(&clean(&s.name), usize::from(area.width.saturating_sub(4)))
    );
    let p = Paragraph::new(lines).wrap(Wrap { trim: true }).block(
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border(false))
            .title(title),
    );
    frame.render_widget(p, area);
}
