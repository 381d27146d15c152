//! Key sequences written as text, for `candor screenshot --keys` and screen tests:
//! `"] i <enter> 3 <c-s>"`. Words in angle brackets are named keys; anything else is typed
//! character by character; spaces separate (use `<space>` for a space).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn parse(spec: &str) -> Result<Vec<KeyEvent>, String> {
    let mut out = Vec::new();
    for token in spec.split_whitespace() {
        if let Some(name) = token.strip_prefix('<').and_then(|t| t.strip_suffix('>')) {
            out.push(named(name).ok_or_else(|| {
                format!("unknown key <{name}>; try <enter>, <esc>, <tab>, <up>, <c-s>")
            })?);
        } else {
            for c in token.chars() {
                let mods = if c.is_ascii_uppercase() {
                    KeyModifiers::SHIFT
                } else {
                    KeyModifiers::NONE
                };
                out.push(KeyEvent::new(KeyCode::Char(c), mods));
            }
        }
    }
    Ok(out)
}

fn named(name: &str) -> Option<KeyEvent> {
    let plain = |code| Some(KeyEvent::new(code, KeyModifiers::NONE));
    if let Some(c) = name.strip_prefix("c-").and_then(|r| r.chars().next()) {
        return Some(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    }
    match name {
        "enter" => plain(KeyCode::Enter),
        "esc" => plain(KeyCode::Esc),
        "tab" => plain(KeyCode::Tab),
        "backtab" => Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        "up" => plain(KeyCode::Up),
        "down" => plain(KeyCode::Down),
        "left" => plain(KeyCode::Left),
        "right" => plain(KeyCode::Right),
        "home" => plain(KeyCode::Home),
        "end" => plain(KeyCode::End),
        "pgup" => plain(KeyCode::PageUp),
        "pgdn" => plain(KeyCode::PageDown),
        "del" => plain(KeyCode::Delete),
        "bs" => plain(KeyCode::Backspace),
        "space" => plain(KeyCode::Char(' ')),
        "f1" => plain(KeyCode::F(1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_and_text() {
        let k = parse("ab <enter> <c-s> K").unwrap();
        assert_eq!(k.len(), 5);
        assert_eq!(k[2].code, KeyCode::Enter);
        assert_eq!(
            k[3],
            KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)
        );
        assert_eq!(k[4].modifiers, KeyModifiers::SHIFT);
        assert!(parse("<nope>").is_err());
    }
}
