//! The screen-test harness shared by the TUI and review tests.
#![allow(dead_code)]

pub mod grow;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use candor::app::{App, keys};
use candor::store::Store;

pub struct Ctx {
    pub app: App,
    _dir: tempfile::TempDir,
}

/// A seeded library with a fixed clock and author, so screens are the same on every run.
pub fn setup() -> Ctx {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_unseeded(&dir.path().join("t.db")).unwrap();
    store.set_clock("2026-11-20T09:30:00Z");
    store.set_author("ines");
    store.seed_samples().unwrap();
    let mut app = App::new(store);
    app.color = true;
    Ctx { app, _dir: dir }
}

pub fn press(app: &mut App, spec: &str) {
    for k in keys::parse(spec).unwrap() {
        app.handle_key(k);
    }
    // A diff is worked out on another thread; the screen under test is the finished one.
    app.finish_background();
}

pub fn render(app: &mut App, w: u16, h: u16) -> String {
    app.area = Rect::new(0, 0, w, h);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| candor::ui::draw(f, app)).unwrap();
    let buf = t.backend().buffer();
    let mut text = String::new();
    // FNV-1a over every cell's style: any colour or emphasis change shows up as a new hash.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            let cell = &buf[(x, y)];
            line.push_str(cell.symbol());
            for b in format!("{:?}{:?}{:?}", cell.fg, cell.bg, cell.modifier).bytes() {
                hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    format!("{text}-- styles {hash:016x}\n")
}

/// A small deterministic random generator, so a failing run can be replayed from its seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}
