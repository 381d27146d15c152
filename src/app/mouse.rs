//! The mouse: the screen on top takes clicks and the wheel.

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Position;

use super::*;
use fields::Section;
use keymap::Command as A;

impl App {
    // ---------------------------------------------------------------- mouse

    pub fn handle_mouse(&mut self, m: MouseEvent) {
        if !self.dialogs.is_empty() {
            if m.kind == MouseEventKind::Down(MouseButton::Left) {
                return self.click_in_dialog(Position::new(m.column, m.row));
            }
            if let MouseEventKind::ScrollDown | MouseEventKind::ScrollUp = m.kind {
                let code = if m.kind == MouseEventKind::ScrollDown {
                    KeyCode::Down
                } else {
                    KeyCode::Up
                };
                self.dialog_key(KeyEvent::new(code, KeyModifiers::NONE));
            }
            return;
        }
        let pos = Position::new(m.column, m.row);
        let scroll = match m.kind {
            MouseEventKind::ScrollDown => Some(A::Down),
            MouseEventKind::ScrollUp => Some(A::Up),
            _ => None,
        };
        let click = m.kind == MouseEventKind::Down(MouseButton::Left);
        let status = self.status_rows(self.area.width);
        // The screen on top takes the mouse, as it takes the keys (see `contexts`).
        let top = self.top();
        if top == ScreenId::History
            && let Some(h) = self.history.as_mut()
        {
            if let Some(a) = scroll {
                return self.history_action(a);
            }
            let rows = layout::history_rows(self.area, status);
            if click && h.diff.is_none() && rows.contains(pos) {
                let offset = layout::scroll_offset(h.selected, usize::from(rows.height));
                let target = offset + usize::from(pos.y - rows.y);
                if target < h.revisions.len() {
                    if target == h.selected {
                        return self.history_action(A::Edit);
                    }
                    h.selected = target;
                }
            }
            return;
        }
        if top == ScreenId::Review
            && let Some(r) = self.review.as_mut()
        {
            if let Some(a) = scroll {
                return self.review_action(a);
            }
            let tabs = layout::editor(self.area, status).tabs;
            if click && tabs.contains(pos) {
                let titles = r.tab_titles();
                let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
                if let Some(t) = layout::tab_at(&titles, tabs.x, pos.x) {
                    r.tab = review::ReviewTab::ALL[t];
                    r.scroll = 0;
                }
            }
            return;
        }
        match self.editor.as_mut().filter(|_| top == ScreenId::Editor) {
            None => {
                let l = layout::library(self.area, status);
                if let Some(a) = scroll {
                    return self.library_action(a);
                }
                if m.kind == MouseEventKind::Down(MouseButton::Left) && l.table.contains(pos) {
                    // The first two lines of the table are its border and header.
                    let row = usize::from(pos.y.saturating_sub(l.table.y + 2));
                    let offset = layout::scroll_offset(
                        self.library.selected,
                        usize::from(l.table.height.saturating_sub(3)),
                    );
                    let target = offset + row;
                    if target < self.library.total {
                        if target == self.library.selected {
                            self.library_action(A::Open);
                        } else {
                            self.library.selected = target;
                        }
                    }
                }
            }
            Some(e) => {
                let l = layout::editor(self.area, status);
                let in_panel = l.panel.contains(pos);
                if let Some(a) = scroll {
                    e.focus = if in_panel { Focus::Panel } else { Focus::Form };
                    return self.editor_action(a);
                }
                if m.kind != MouseEventKind::Down(MouseButton::Left) {
                    return;
                }
                if l.tabs.contains(pos) {
                    let titles = self.section_titles();
                    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
                    if let Some(s) = layout::tab_at(&titles, l.tabs.x, pos.x)
                        && let Some(e) = self.editor.as_mut()
                    {
                        e.focus = Focus::Form;
                        self.set_section(Section::ALL[s]);
                    }
                } else if in_panel {
                    e.focus = Focus::Panel;
                    let width = l.panel.width.saturating_sub(2);
                    let titles = self.panel_titles(width);
                    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
                    let pad = u16::from(layout::tabs_fit_padded(&titles, width));
                    if pos.y == l.panel.y + 1
                        && let Some(t) = layout::tab_at_padded(&titles, l.panel.x + 1, pos.x, pad)
                        && let Some(e) = self.editor.as_mut()
                    {
                        e.panel = PanelTab::ALL[t];
                        e.panel_scroll = 0;
                    }
                } else if l.form.contains(pos) {
                    e.focus = Focus::Form;
                    let banner = layout::banner_height(e, l.form);
                    let body_top = l.form.y + 1 + banner;
                    let offset = layout::scroll_offset(
                        e.selected,
                        usize::from(l.form.height.saturating_sub(2 + banner)),
                    );
                    if pos.y >= body_top {
                        let target = offset + usize::from(pos.y - body_top);
                        if target < e.derived.rows.len() {
                            if target == e.selected {
                                self.edit_selected();
                            } else {
                                e.selected = target;
                            }
                        }
                    }
                }
            }
        }
    }

    /// A click on a choice selects it; a click on the selected one takes it (ticks it in a
    /// checklist), as a second click opens a row elsewhere.
    fn click_in_dialog(&mut self, pos: Position) {
        let area = self.area;
        let (list, selected) = match self.dialogs.last_mut() {
            Some(Dialog::Pick(p)) => (&mut p.list, None),
            Some(Dialog::Checklist(c)) => (&mut c.list, Some(())),
            _ => return,
        };
        let (_, rows) = layout::pick_areas(area, list.options.len());
        if !rows.contains(pos) {
            return;
        }
        let offset = layout::scroll_offset(list.selected, usize::from(rows.height));
        let target = offset + usize::from(pos.y - rows.y);
        if target >= list.options.len() {
            return;
        }
        if target != list.selected {
            list.selected = target;
            return;
        }
        let key = if selected.is_some() {
            KeyCode::Char(' ')
        } else {
            KeyCode::Enter
        };
        self.dialog_key(KeyEvent::new(key, KeyModifiers::NONE));
    }
}
