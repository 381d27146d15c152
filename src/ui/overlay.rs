use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::theme::Theme;
use crate::app::Dialog;
use crate::app::dialog::hint as key_hint;
use crate::app::dialog::{ExplainLine, HelpLine};
use crate::text::clean;

use crate::app::layout::centered;

fn frame_block(title: &str, theme: Theme) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(format!(" {title} "))
}

pub fn draw(frame: &mut Frame, d: &Dialog, theme: Theme) {
    let area = frame.area();
    match d {
        Dialog::Help(h) => {
            let r = crate::app::layout::help_box(area);
            let lines: Vec<Line> = h
                .lines(r.width.saturating_sub(2))
                .into_iter()
                .map(|l| match l {
                    HelpLine::Title(t) => Line::styled(t, theme.bold()),
                    HelpLine::Blank => Line::raw(""),
                    HelpLine::Key(keys, text) => {
                        Line::from(vec![Span::styled(keys, theme.accent()), Span::raw(text)])
                    }
                    HelpLine::Note(t) => Line::styled(t, theme.dim()),
                })
                .collect();
            frame.render_widget(Clear, r);
            frame.render_widget(
                Paragraph::new(lines)
                    .scroll((h.scroll, 0))
                    .block(frame_block("Help · Esc closes", theme)),
                r,
            );
        }
        Dialog::Explain(x) => {
            let r = crate::app::layout::explain_box(area);
            let lines: Vec<Line> = x
                .lines()
                .into_iter()
                .map(|l| match l {
                    ExplainLine::Title(id, rest) => {
                        Line::from(vec![Span::styled(id, theme.bold()), Span::raw(rest)])
                    }
                    ExplainLine::Heading(t) => Line::styled(t, theme.accent()),
                    ExplainLine::Quiet(t) => Line::styled(t, theme.dim()),
                    ExplainLine::Text(t) => Line::raw(t),
                })
                .collect();
            frame.render_widget(Clear, r);
            frame.render_widget(
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .scroll((x.scroll, 0))
                    .block(frame_block("Why this matters", theme)),
                r,
            );
        }
        Dialog::Confirm(c) => {
            let (title, body, choices) = (&c.title, &c.body, &c.choices);
            let h = body.len() as u16 * 2 + choices.len() as u16 + 4;
            let r = centered(area, 70, h);
            let mut lines: Vec<Line> = body.iter().map(|b| Line::raw(b.clone())).collect();
            lines.push(Line::raw(""));
            // The answer Esc gives says so: Esc never does something unsaid.
            let esc = choices.iter().position(|ch| ch.2 == c.on_esc);
            for (i, (k, label, _)) in choices.iter().enumerate() {
                let mut spans = vec![
                    Span::styled(format!("  {k}  "), theme.accent()),
                    Span::raw(*label),
                ];
                if esc == Some(i) {
                    spans.push(Span::styled(" (or Esc)", theme.dim()));
                }
                lines.push(Line::from(spans));
            }
            if !c.esc_is_a_choice() {
                lines.push(Line::styled("  Esc  decide later", theme.dim()));
            }
            frame.render_widget(Clear, r);
            frame.render_widget(
                Paragraph::new(lines)
                    .wrap(Wrap { trim: false })
                    .block(frame_block(title, theme)),
                r,
            );
        }
        Dialog::Prompt(p) => {
            let (title, hint, input, error) = (&p.title, &p.hint, &p.input, &p.error);
            let w = 72u16.min(area.width.saturating_sub(2));
            let text_w = usize::from(w.saturating_sub(2));
            let hint_lines = crate::app::layout::wrapped_lines(hint, text_w) as u16;
            // Room for the whole error: it says what to write instead.
            let error_lines = error
                .as_deref()
                .map_or(1, |e| crate::app::layout::wrapped_lines(e, text_w) as u16);
            let r = centered(area, w, hint_lines + 5 + error_lines.max(2));
            frame.render_widget(Clear, r);
            let block = frame_block(title, theme);
            let inner = block.inner(r);
            frame.render_widget(block, r);
            let hint_h = hint_lines.min(inner.height.saturating_sub(3));
            frame.render_widget(
                Paragraph::new(Line::styled(hint.clone(), theme.dim())).wrap(Wrap { trim: true }),
                Rect::new(inner.x, inner.y, inner.width, hint_h),
            );
            let input_y = inner.y + hint_h + 1;
            let width = usize::from(inner.width.saturating_sub(2)).max(1);
            let scroll = input.visual_scroll(width);
            let value: String = input.value().chars().skip(scroll).take(width).collect();
            let mut lines = vec![
                Line::from(vec![
                    Span::styled("> ", theme.accent()),
                    // Shown as a selection when the first key typed replaces it.
                    if p.replace_on_type {
                        Span::styled(clean(&value), theme.selected())
                    } else {
                        Span::raw(clean(&value))
                    },
                ]),
                Line::raw(""),
            ];
            match error {
                Some(e) => lines.push(Line::styled(
                    e.clone(),
                    theme.severity(crate::checks::Severity::Error),
                )),
                None => lines.push(Line::styled(key_hint(&d.contexts()), theme.dim())),
            }
            let rest = Rect::new(
                inner.x,
                input_y.min(inner.bottom()),
                inner.width,
                inner.bottom().saturating_sub(input_y),
            );
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), rest);
            let cx = inner.x + 2 + (input.visual_cursor().saturating_sub(scroll)) as u16;
            if input_y < inner.bottom() {
                frame.set_cursor_position(Position::new(
                    cx.min(inner.right().saturating_sub(1)),
                    input_y,
                ));
            }
        }
        Dialog::Pick(_) | Dialog::Checklist(_) => {
            let (title, list, checked, error) = match d {
                Dialog::Pick(p) => (&p.title, &p.list, None, &p.error),
                Dialog::Checklist(c) => (&c.title, &c.list, Some(&c.checked), &c.error),
                _ => return,
            };
            let (options, selected) = (&list.options, &list.selected);
            let (r, list_area) = crate::app::layout::pick_areas(area, options.len());
            frame.render_widget(Clear, r);
            let block = frame_block(title, theme);
            let inner = block.inner(r);
            frame.render_widget(block, r);
            // Below the list: the selected option's detail and the keys, or the error (wrapped).
            let visible = usize::from(list_area.height);
            let offset = crate::app::layout::scroll_offset(*selected, visible);
            let mut lines = Vec::new();
            for (i, o) in options.iter().enumerate().skip(offset).take(visible) {
                let pointer = if i == *selected { "> " } else { "  " };
                let tick = match checked {
                    Some(c) => {
                        if c.get(i).copied().unwrap_or(false) {
                            "[x] "
                        } else {
                            "[ ] "
                        }
                    }
                    None => "",
                };
                let mut spans = vec![
                    Span::raw(format!("{pointer}{tick}")),
                    Span::raw(o.label.clone()),
                ];
                if let Some(m) = o.mark {
                    spans.push(Span::styled(
                        format!(" [{m}]"),
                        theme.severity(crate::checks::Severity::Warning),
                    ));
                }
                let mut line = Line::from(spans);
                if i == *selected {
                    line = line.style(theme.selected());
                }
                lines.push(line);
            }
            let mut foot = Vec::new();
            if let Some(o) = options.get(*selected).filter(|o| !o.detail.is_empty()) {
                foot.push(Line::styled(o.detail.clone(), theme.dim()));
            }
            foot.push(match error {
                Some(e) => Line::styled(e.clone(), theme.severity(crate::checks::Severity::Error)),
                None => Line::styled(key_hint(&d.contexts()), theme.dim()),
            });
            let foot_area = Rect::new(
                inner.x,
                inner.y + (visible as u16).min(inner.height),
                inner.width,
                inner.height.saturating_sub(visible as u16),
            );
            frame.render_widget(Paragraph::new(foot).wrap(Wrap { trim: true }), foot_area);
            frame.render_widget(Paragraph::new(Text::from(lines)), inner);
        }
    }
}
