//! What each fuzz target does with one input, shared by the libFuzzer targets
//! (fuzz/fuzz_targets/*.rs, run with `scripts/fuzz TARGET SECONDS` on nightly) and by
//! tests/fuzz_corpus.rs, which replays every corpus file on stable in `cargo test`.
//! Each function panics when an invariant breaks; that is what the fuzzer looks for.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use candor::app::App;
use candor::disclosure::{self, locale, render};
use candor::model::ron_io;
use candor::store::{Store, Summary};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;
use ratatui::layout::{Position, Size};

/// RON loading, the checks, the disclosure in every language and the canonical save: a file
/// that loads must save, and what it saves must load back to an equal campaign and save to
/// the same text again.
pub fn load_check_save(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(doc) = ron_io::load_str("fuzz.ron", text) else {
        return;
    };
    let c = &doc.campaign;
    let findings = candor::checks::check(c);
    for f in &findings {
        assert!(!f.message.is_empty(), "a finding without a message");
    }
    for code in locale::codes() {
        let l = locale::locale(code).expect("listed locale");
        let d = disclosure::generate(c, l);
        let _ = render::text(&d);
        let _ = render::markdown(&d);
        let _ = render::html(&d);
    }
    let saved = ron_io::document_text(c, &doc.leading_comment).expect("a loaded campaign saves");
    let again = ron_io::load_str("saved.ron", &saved)
        .unwrap_or_else(|e| panic!("the canonical save does not load: {e}\n{saved}"));
    assert_eq!(
        &again.campaign, c,
        "the canonical save loads to another campaign"
    );
    let twice = ron_io::document_text(&again.campaign, &again.leading_comment).unwrap();
    assert_eq!(twice, saved, "saving is not stable");
}

/// The key-string parser (`--keys`, screen tests): never a panic; every token gives at least
/// one key.
pub fn keys_parse(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok(keys) = candor::app::keys::parse(&text) {
        assert!(keys.len() >= text.split_whitespace().count());
    }
}

/// The keys the event fuzzer presses: every kind the bindings use.
const KEYS: &[KeyCode] = &[
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::F(1),
];

/// A terminal that keeps nothing. Each frame is still drawn in full into ratatui's buffer (so
/// every widget and layout runs), but not compared with the last frame nor copied out: under
/// the fuzzer's instrumentation, that comparison and copy cost a third of each run, and nothing
/// read their result.
struct Discard(Size);

impl Backend for Discard {
    type Error = std::convert::Infallible;
    fn draw<'a, I>(&mut self, _content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        Ok(())
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        Ok(Position::ORIGIN)
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, _: P) -> Result<(), Self::Error> {
        Ok(())
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
    fn clear_region(&mut self, _: ClearType) -> Result<(), Self::Error> {
        Ok(())
    }
    fn size(&self) -> Result<Size, Self::Error> {
        Ok(self.0)
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        Ok(WindowSize {
            columns_rows: self.0,
            pixels: Size::ZERO,
        })
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// A library seeded once per process, copied for each input (seeding costs far more than a
/// copy), with the library rows it holds.
struct Template {
    _dir: tempfile::TempDir,
    path: PathBuf,
    rows: Vec<Summary>,
}

fn template() -> &'static Template {
    static T: OnceLock<Template> = OnceLock::new();
    T.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("template.db");
        let mut s = Store::open_unseeded(&path).unwrap();
        s.set_clock("2026-11-20T09:30:00Z");
        s.set_author("fuzz");
        s.seed_samples().unwrap();
        assert_eq!(s.integrity_check().unwrap(), "ok");
        for id in s.ids().unwrap() {
            s.get(&id).unwrap();
        }
        let rows = s.all_summaries().unwrap();
        drop(s);
        Template {
            _dir: dir,
            path,
            rows,
        }
    })
}

/// Key, mouse, paste, resize and autosave events, decoded from the input, applied to the app
/// on the sample library at random terminal sizes, a frame drawn after each. Never a panic;
/// afterwards the database is sound and every campaign in it (so every save) loads again,
/// and the campaign being edited saves and loads back equal.
pub fn app_events(data: &[u8]) {
    if data.len() < 2 {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    // libFuzzer's timer signal (for -timeout) is installed without SA_RESTART, so a copy in
    // flight can fail with EINTR: that is the harness's own I/O, retried, not Candor's.
    loop {
        match std::fs::copy(&template().path, &db) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            done => {
                done.unwrap();
                break;
            }
        };
    }
    let mut store = Store::open(&db).unwrap();
    store.set_clock("2026-11-20T09:30:00Z");
    store.set_author("fuzz");
    let written_at_open = store.rows_written();
    let mut app = App::new(store);
    // Edits kept as files (a read-only library) and exports typed as relative paths stay
    // inside the scratch folder, never in the folder the fuzzer runs from.
    app.unsaved_dirs = vec![dir.path().join("unsaved")];
    app.workdir = Some(dir.path().to_path_buf());
    let (mut w, mut h) = (u16::from(data[0]) % 160 + 1, u16::from(data[1]) % 60 + 1);
    app.handle_event(&Event::Resize(w, h));
    let mut term = Terminal::new(Discard(Size::new(w, h))).unwrap();
    let start = std::time::Instant::now();
    // At most 64 events an input, so one input stays quick; the fuzzer chains many inputs.
    // (scripts/fuzz caps inputs at 2 + 64 * 2 bytes to match: change both together.)
    for pair in data[2..].chunks(2).take(64) {
        let (a, b) = (pair[0], pair.get(1).copied().unwrap_or(0));
        let ev = match a % 16 {
            0..=6 => Event::Key(KeyEvent::new(
                KeyCode::Char(char::from(b' ' + b % 95)),
                KeyModifiers::NONE,
            )),
            7..=9 => Event::Key(KeyEvent::new(
                KeyCode::Char(char::from(b'a' + b % 26)),
                if a & 16 == 0 {
                    KeyModifiers::CONTROL
                } else {
                    KeyModifiers::SHIFT
                },
            )),
            10..=12 => Event::Key(KeyEvent::new(
                KEYS[usize::from(b) % KEYS.len()],
                KeyModifiers::NONE,
            )),
            13 => Event::Mouse(MouseEvent {
                kind: match b % 3 {
                    0 => MouseEventKind::Down(MouseButton::Left),
                    1 => MouseEventKind::ScrollDown,
                    _ => MouseEventKind::ScrollUp,
                },
                column: u16::from(b) % w.max(1),
                row: u16::from(a / 16) % h.max(1),
                modifiers: KeyModifiers::NONE,
            }),
            14 => {
                w = u16::from(b) % 200 + 1;
                h = u16::from(a / 16) * 5 % 70 + 1;
                term = Terminal::new(Discard(Size::new(w, h))).unwrap();
                Event::Resize(w, h)
            }
            _ => {
                if b % 2 == 0 {
                    // The autosave deadline passes.
                    app.tick(start + std::time::Duration::from_secs(3600));
                    // The draft is written on the autosave thread; waiting for it keeps a
                    // replayed input doing the same thing every time.
                    app.finish_background();
                    continue;
                }
                Event::Paste(format!("p\u{1b}[31m{b}\u{2028}x"))
            }
        };
        app.handle_event(&ev);
        app.area = Rect::new(0, 0, w, h);
        term.draw(|f| candor::ui::draw(f, &app)).unwrap();
        if app.quit {
            break;
        }
    }
    app.finish_background();
    // Whatever was saved loads again, drafts too; the database is sound. Only campaigns whose
    // library row changed are parsed (a save, restore, rename, draft or review changes the
    // row); the rest hold the template's text, checked once. Skipping them, and the whole
    // check when nothing was written, keeps the fuzzer fast.
    if app.store.rows_written() > written_at_open {
        assert_eq!(app.store.integrity_check().unwrap(), "ok");
        for row in app.store.all_summaries().unwrap() {
            if template().rows.contains(&row) {
                continue;
            }
            let id = &row.id;
            app.store
                .get(id)
                .unwrap_or_else(|e| panic!("{id} was saved but does not load: {e}"));
            app.store
                .draft(id)
                .unwrap_or_else(|e| panic!("the draft of {id} was kept but does not load: {e}"));
        }
    }
    // The campaign being edited may be mid-edit (an empty name, say), but whatever loads
    // from its text must be that campaign.
    if let Some(e) = &app.editor {
        let text = ron_io::to_ron(&e.campaign).expect("the edited campaign saves");
        if let Ok(back) = ron_io::load_str("edited", &text) {
            assert_eq!(back.campaign, e.campaign);
        }
    }
}
