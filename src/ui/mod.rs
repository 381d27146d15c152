//! Drawing only: a pure function of the app's state into a frame. Screens never look at the
//! database and never decide what is a problem; they show what the checks found.

mod editor;
mod library;
mod overlay;
mod reach;
mod review;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::keymap::bindings_for;
use crate::app::{App, MIN_HEIGHT, MIN_WIDTH, ScreenId, StatusPiece};
use crate::text::clean;
use theme::Theme;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let theme = Theme { color: app.color };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = vec![
            Line::styled("Candor needs a larger terminal.", theme.bold()),
            Line::raw(format!(
                "Make it at least {MIN_WIDTH}×{MIN_HEIGHT}; it is {}×{} now.",
                area.width, area.height
            )),
            Line::styled(
                if app.store.read_only().is_some() {
                    "Until then only Ctrl-C works: it quits, writing unsaved edits to a file."
                } else {
                    "Until then only Ctrl-C works: it quits, keeping unsaved edits as a draft."
                },
                theme.dim(),
            ),
        ];
        let y = area.height.saturating_sub(2) / 2;
        let r = Rect::new(area.x, area.y + y, area.width, area.height - y);
        frame.render_widget(
            Paragraph::new(text)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            r,
        );
        return;
    }
    // Up the screen stack from the topmost screen that fills the terminal.
    let stack = app.screen_stack();
    let from = stack.iter().rposition(|s| s.full()).unwrap_or(0);
    for screen in &stack[from..] {
        match screen {
            ScreenId::Library => library::draw(frame, app, theme),
            ScreenId::Editor => {
                if let Some(e) = &app.editor {
                    editor::draw(frame, app, e, theme)
                }
            }
            ScreenId::Review => {
                if let Some(r) = &app.review {
                    review::draw(frame, app, r, theme)
                }
            }
            ScreenId::History => {
                if let Some(h) = &app.history {
                    review::draw_history(frame, h, theme, app.status_rows(frame.area().width))
                }
            }
        }
    }
    for d in &app.dialogs {
        overlay::draw(frame, d, theme);
    }
}

/// The status line: the latest message, or a quiet hint. On a read-only library the banner
/// comes first, and the hint gives way when both do not fit in `width`.
fn status_line(app: &App, theme: Theme, fallback: &str, width: u16) -> Line<'static> {
    let pieces = app.status_pieces();
    if !pieces.is_empty() {
        return Line::from(
            pieces
                .into_iter()
                .map(|(piece, text)| Span::styled(text, piece_style(piece, theme)))
                .collect::<Vec<_>>(),
        );
    }
    // The screen's hint is about the screen: under a dialog or the history box drawn over
    // it, the footer has the keys of what is on top.
    let covered = app.dialog().is_some() || !app.top().full();
    let hint = if covered { "" } else { fallback };
    let hint = Span::styled(hint.to_string(), theme.dim());
    match app.store.read_only() {
        // The banner stays on every screen: nothing typed here is saved in the library.
        Some(why) => {
            let mut spans = vec![
                Span::styled(" READ-ONLY ", piece_style(StatusPiece::ReadOnly, theme)),
                Span::raw(" "),
                Span::styled(
                    if app.top() == ScreenId::Review {
                        format!("decisions are not recorded ({})", clean(why))
                    } else {
                        format!("saving writes a copy to import later ({})", clean(why))
                    },
                    theme.dim(),
                ),
            ];
            let banner = Line::from(spans.clone()).width();
            if hint.width() > 0 && banner + 3 + hint.width() <= usize::from(width) {
                spans.push(Span::styled(" · ".to_string(), theme.dim()));
                spans.push(hint);
            }
            Line::from(spans)
        }
        None => Line::from(hint),
    }
}

fn piece_style(piece: StatusPiece, theme: Theme) -> ratatui::style::Style {
    match piece {
        StatusPiece::ReadOnly => theme
            .severity(crate::checks::Severity::Warning)
            .add_modifier(ratatui::style::Modifier::REVERSED),
        StatusPiece::Severity(s) => theme.severity(s),
        StatusPiece::Gap | StatusPiece::Text => ratatui::style::Style::default(),
    }
}

/// Whether `command` applies now: a key that acts on the selected finding, to that finding;
/// undo and redo, to the edits made.
fn key_applies(app: &App, command: crate::app::keymap::Command) -> bool {
    use crate::app::keymap::Command;
    let Some(e) = app.editor.as_ref() else {
        return true;
    };
    let on_findings =
        e.focus == crate::app::Focus::Panel && e.panel == crate::app::PanelTab::Findings;
    let finding = e.derived.findings.get(e.finding);
    match command {
        Command::Waive => finding.is_some_and(|f| {
            f.waived.is_none() && crate::checks::rule(f.rule).is_some_and(|r| r.waivable)
        }),
        Command::Declare if on_findings => finding.is_some_and(|f| f.rule == "undeclared-data-use"),
        // In the form, while something in the section reads data no field declares.
        Command::Declare => App::form_undeclared(e).is_some(),
        // Undo and redo are offered while they would do something.
        Command::Undo => e.can_undo(),
        Command::Redo => e.can_redo(),
        Command::MakePopulation => app.can_make_population(),
        _ => true,
    }
}

/// Key hints for the footer, from the same table as `?` and key dispatch.
fn footer(app: &App, theme: Theme, width: u16) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0usize;
    // Help and quit first, so they survive on narrow terminals.
    let mut shown: Vec<_> = bindings_for(&app.contexts())
        .into_iter()
        .filter(|b| !b.footer.is_empty())
        // A read-only library offers only what it can do.
        .filter(|b| app.store.read_only().is_none() || !b.command.changes_library())
        // On a finding, only what applies to it: waiving one that cannot be waived, or
        // declaring what no field is missing, would only be refused.
        .filter(|b| key_applies(app, b.command))
        .collect();
    // Undo and redo last: every editor has them, so they give way to what is Candor's own.
    shown.sort_by_key(|b| {
        (
            b.ctx != crate::app::keymap::Ctx::Global,
            matches!(
                b.command,
                crate::app::keymap::Command::Undo | crate::app::keymap::Command::Redo
            ),
        )
    });
    // Tab goes to the preview from the form, and back to the form from the preview.
    let in_panel = app
        .editor
        .as_ref()
        .is_some_and(|e| e.focus == crate::app::Focus::Panel);
    for b in shown {
        let label = match b.command {
            crate::app::keymap::Command::SwitchPane if in_panel => "form",
            _ => b.footer,
        };
        let w = b.keys_label.chars().count() + label.chars().count() + 3;
        if used + w > usize::from(width) {
            break;
        }
        used += w;
        spans.push(Span::styled(b.keys_label.to_string(), theme.accent()));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    Line::from(spans)
}
