//! Each dialog driven by keys without a screen: what Esc means, what it replies, that the
//! footer's keys come from the table.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::*;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

/// The command a key means in this dialog, as the router looks it up.
fn cmd(d: &Dialog, k: &KeyEvent) -> Option<A> {
    keymap::lookup(k, &d.contexts())
}

fn options(n: usize) -> Vec<PickOption> {
    (0..n).map(|i| opt(format!("option {i}"), "")).collect()
}

#[test]
fn a_prompt_replies_with_its_text_and_esc_cancels() {
    let mut p = Prompt::new("T", "h", "ab".into(), Then::Import, false);
    let d = Dialog::Prompt(p.clone());
    // Letters are typed, even those the screens bind (q quits elsewhere).
    for c in ['q', 'j', '?'] {
        let k = ch(c);
        assert_eq!(p.handle(cmd(&d, &k), &k), Outcome::Stay);
    }
    let enter = key(KeyCode::Enter);
    assert_eq!(
        p.handle(cmd(&d, &enter), &enter),
        Outcome::Reply("abqj?".into())
    );
    let esc = key(KeyCode::Esc);
    assert_eq!(p.handle(cmd(&d, &esc), &esc), Outcome::Cancel);
}

#[test]
fn a_number_prompt_takes_digits_only_and_says_so() {
    let mut p = Prompt::new("T", "h", String::new(), Then::Import, true);
    let d = Dialog::Prompt(p.clone());
    let x = ch('x');
    p.handle(cmd(&d, &x), &x);
    assert_eq!(p.error.as_deref(), Some("digits only"));
    assert_eq!(p.input.value(), "");
    let three = ch('3');
    p.handle(cmd(&d, &three), &three);
    assert_eq!((p.input.value(), p.error.as_ref()), ("3", None));
}

#[test]
fn a_pick_moves_within_its_list_and_replies_with_the_index() {
    let mut p = Pick::new("T", options(3), 0, Then::Template);
    let d = Dialog::Pick(p.clone());
    for k in [key(KeyCode::Down), ch('j'), ch('j'), key(KeyCode::Down)] {
        assert_eq!(p.handle(cmd(&d, &k)), Outcome::Stay);
    }
    assert_eq!(p.list.selected, 2, "stops at the last");
    p.handle(cmd(&d, &key(KeyCode::Home)));
    assert_eq!(p.list.selected, 0);
    p.handle(cmd(&d, &key(KeyCode::End)));
    assert_eq!(p.handle(cmd(&d, &key(KeyCode::Enter))), Outcome::Reply(2));
    assert_eq!(p.handle(cmd(&d, &key(KeyCode::Esc))), Outcome::Cancel);
    // An empty list cannot be answered.
    let mut empty = Pick::new("T", Vec::new(), 0, Then::Template);
    assert_eq!(empty.handle(Some(A::Accept)), Outcome::Stay);
}

#[test]
fn a_checklist_ticks_with_space_and_replies_with_every_tick() {
    let mut c = Checklist::new("T", options(3), vec![false, true], Then::Template);
    assert_eq!(c.checked, [false, true, false], "ticks fill the list");
    let d = Dialog::Checklist(c.clone());
    for k in [ch(' '), key(KeyCode::Down), ch(' '), key(KeyCode::Down)] {
        c.handle(cmd(&d, &k));
    }
    assert_eq!(
        c.handle(cmd(&d, &key(KeyCode::Enter))),
        Outcome::Reply(vec![true, false, false])
    );
    assert_eq!(c.handle(cmd(&d, &key(KeyCode::Esc))), Outcome::Cancel);
}

#[test]
fn a_confirmation_answers_by_letter_and_esc_means_what_it_says() {
    let mut c = Confirm::new(
        "T",
        vec!["body".into()],
        vec![
            ('r', "restore", Confirmed::RestoreDraft),
            ('d', "discard", Confirmed::DiscardDraft),
        ],
    )
    .on_esc(Confirmed::KeepDraft);
    let d = Dialog::Confirm(c.clone());
    assert!(!c.esc_is_a_choice(), "shown as \"decide later\"");
    assert_eq!(c.handle(cmd(&d, &ch('x')), &ch('x')), Outcome::Stay);
    assert_eq!(
        c.handle(cmd(&d, &ch('d')), &ch('d')),
        Outcome::Reply(Confirmed::DiscardDraft)
    );
    let esc = key(KeyCode::Esc);
    assert_eq!(c.handle(cmd(&d, &esc), &esc), Outcome::Cancel);
    assert_eq!(c.on_esc, Confirmed::KeepDraft);
    let plain = Confirm::new("T", Vec::new(), vec![('n', "no", Confirmed::Dismiss)]);
    assert!(plain.esc_is_a_choice());
}

#[test]
fn help_and_explanations_scroll_and_close() {
    let mut h = Help::new(vec![Ctx::Library]);
    let d = Dialog::Help(h.clone());
    h.handle(cmd(&d, &key(KeyCode::PageDown)));
    h.handle(cmd(&d, &ch('k')));
    assert_eq!(h.scroll, 9);
    h.handle(cmd(&d, &ch('g')));
    assert_eq!(h.scroll, 0);
    assert_eq!(h.handle(cmd(&d, &key(KeyCode::Esc))), Outcome::Cancel);
    let mut x = Explain::new("demographic-only");
    assert_eq!(x.handle(cmd(&d, &ch('q'))), Outcome::Cancel);
}

#[test]
fn dialog_hints_come_from_the_key_table() {
    assert_eq!(hint(&[Ctx::Prompt]), "Enter accept · Esc cancel · F1 help");
    assert_eq!(
        hint(
            &Dialog::Checklist(Checklist::new("T", Vec::new(), Vec::new(), Then::Template))
                .contexts()
        ),
        "Space ticks · ↑↓ choose · Enter confirm · Esc cancel · ? help"
    );
}

/// The key help wraps what a key does under its keys instead of cutting it at the box's edge,
/// and loses no word of it.
#[test]
fn the_help_wraps_every_line_within_its_box() {
    use unicode_width::UnicodeWidthStr;
    let all = [
        Ctx::Library,
        Ctx::Editor,
        Ctx::Audience,
        Ctx::Lists,
        Ctx::Panel,
        Ctx::Findings,
        Ctx::Reach,
        Ctx::Review,
        Ctx::History,
        Ctx::Prompt,
        Ctx::Pick,
        Ctx::Checklist,
        Ctx::Confirm,
        Ctx::Scroll,
        Ctx::Filter,
    ];
    for width in [40u16, 76, 94] {
        for ctx in all {
            let h = Help::new(vec![ctx, Ctx::Global]);
            let mut entries: Vec<String> = Vec::new();
            for line in h.lines(width) {
                let shown = match &line {
                    HelpLine::Title(t) | HelpLine::Note(t) => t.width(),
                    HelpLine::Key(keys, text) => keys.width() + text.width(),
                    HelpLine::Blank => 0,
                };
                assert!(shown <= usize::from(width), "{ctx:?} at {width}: {line:?}");
                if let HelpLine::Key(keys, text) = line {
                    match entries.last_mut() {
                        Some(last) if keys.trim().is_empty() => {
                            last.push(' ');
                            last.push_str(&text);
                        }
                        _ => entries.push(text),
                    }
                }
            }
            let helps: Vec<&str> = keymap::bindings_for(&[ctx, Ctx::Global])
                .iter()
                .map(|b| b.help)
                .collect();
            assert_eq!(entries, helps, "{ctx:?} at {width}");
        }
    }
}
