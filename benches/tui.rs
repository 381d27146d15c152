//! Keystroke to frame: one key that edits the campaign, the checks and the disclosure computed
//! again, and a 200x50 frame drawn to a TestBackend.
//!
//! Run: cargo bench --bench tui

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use candor::app::App;
use candor::model::*;
use candor::store::Store;

fn large_campaign() -> Campaign {
    let mut c = Template::build();
    let v = candor::model::vocab::vocab();
    let leaves: Vec<Condition> = (0..1000)
        .map(|i| {
            if i % 4 == 0 {
                Condition::Attribute(AttributeCondition {
                    attribute: v.attributes[i % v.attributes.len()].id.clone(),
                    operator: Operator::Is,
                    value: format!("v{i}"),
                    reason: None,
                    justification: None,
                })
            } else {
                Condition::Intent(IntentCondition {
                    action: Action::ALL[i % Action::ALL.len()],
                    target: Target::Category(format!("c{i}")),
                    count: Count::AtLeast(1),
                    within_days: 30,
                })
            }
        })
        .collect();
    // Groups of ten, so the tree has depth as real audiences do.
    c.audience = Condition::All(
        leaves
            .chunks(10)
            .map(|g| Condition::Any(g.to_vec()))
            .collect(),
    );
    c.data = (0..200)
        .map(|i| DataField {
            category: v.categories[i % v.categories.len()].name.clone(),
            purposes: vec![v.uses[i % v.uses.len()].name.clone()],
            collected_by: Collection::Form,
            consent: ConsentMoment::BeforeCollection,
            legal_basis: LegalBasis::Consent,
            retention_days: 365,
            recipients: Vec::new(),
            source: None,
        })
        .collect();
    c
}

struct Template;
impl Template {
    fn build() -> Campaign {
        let mut c = candor::app::templates::Template::WelcomeEmail.build("large", "Large campaign");
        c.locales = vec!["en".into(), "es".into(), "fr".into()];
        c
    }
}

fn app_with(campaign: Option<Campaign>, id: &str) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("b.db")).unwrap();
    if let Some(c) = campaign {
        store.create(&c, "bench").unwrap();
    }
    let mut app = App::new(store);
    app.area = Rect::new(0, 0, 200, 50);
    app.open_campaign(id);
    app.dialogs.clear();
    // The audience section: "t" switches the root group between all and any, a real edit.
    app.handle_key(KeyEvent::new(KeyCode::Char(']'), KeyModifiers::NONE));
    (dir, app)
}

fn keystroke(app: &mut App, term: &mut Terminal<TestBackend>) {
    app.handle_key(KeyEvent::new(KeyCode::Char('t'), KeyModifiers::NONE));
    term.draw(|f| candor::ui::draw(f, app)).unwrap();
}

fn percentiles(name: &str, app: &mut App, term: &mut Terminal<TestBackend>, n: usize) {
    let mut times: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            keystroke(app, term);
            t.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "{name}: p50 {:?}, p99 {:?}, max {:?} over {n} keystrokes",
        times[n / 2],
        times[n * 99 / 100],
        times[n - 1]
    );
}

fn bench(c: &mut Criterion) {
    let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let (_d1, mut typical) = app_with(None, "welcome-email");
    c.bench_function("keystroke to frame, typical campaign", |b| {
        b.iter(|| keystroke(&mut typical, &mut term))
    });
    percentiles("typical", &mut typical, &mut term, 1000);

    let (_d2, mut large) = app_with(Some(large_campaign()), "large");
    let mut group = c.benchmark_group("large");
    group.sample_size(20);
    group.bench_function("keystroke to frame, 1,000 conditions and 200 fields", |b| {
        b.iter(|| keystroke(&mut large, &mut term))
    });
    group.finish();
    percentiles("large", &mut large, &mut term, 200);
}

criterion_group!(benches, bench);
// CANDOR_KEYSTROKES=N presses N keystrokes on the typical campaign and exits, so that
// scripts/count-instructions can count them under valgrind, free of timing noise.
fn main() {
    if let Some(n) = std::env::var("CANDOR_KEYSTROKES")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    {
        let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
        let (_dir, mut app) = app_with(None, "welcome-email");
        for _ in 0..n {
            keystroke(&mut app, &mut term);
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}

// The same allocator as the `candor` binary, so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
