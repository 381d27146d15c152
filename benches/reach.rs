//! Reach: an audience counted over 100,000 and 1,000,000 synthetic people, for a typical
//! audience and a 1,000-condition one; the whole report (audience, interest, each attribute's
//! cost); and keystroke to frame with the Reach tab open, the counting off the drawing path.
//!
//! Run: cargo bench --bench reach

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use candor::app::{App, PanelTab};
use candor::model::*;
use candor::reach::eval::Evaluator;
use candor::reach::generate::generate;
use candor::store::Store;

fn sample(name: &str) -> Campaign {
    let (file, text) = candor::samples::SAMPLES
        .iter()
        .find(|(f, _)| f.starts_with(name))
        .unwrap();
    candor::model::ron_io::load_str(file, text)
        .unwrap()
        .campaign
}

/// 1,000 different conditions in groups of ten: intent conditions over the catalogue's
/// categories with windows of 1 to 750 days, and attribute conditions on age and country.
fn thousand_conditions() -> Condition {
    let cats: Vec<&str> = candor::reach::generate::INTERESTS
        .iter()
        .map(|i| i.category)
        .collect();
    let leaves: Vec<Condition> = (0..1000)
        .map(|i| {
            if i % 4 == 0 {
                let (attribute, value) = if i % 8 == 0 {
                    ("age", format!("{}", i / 8))
                } else {
                    ("postal_code", format!("{:05}", i))
                };
                Condition::Attribute(AttributeCondition {
                    attribute: attribute.into(),
                    operator: Operator::IsNot,
                    value,
                    reason: None,
                    justification: None,
                })
            } else {
                Condition::Intent(IntentCondition {
                    action: Action::CategoryView,
                    target: Target::Category(cats[i % cats.len()].into()),
                    count: Count::AtLeast(1 + (i % 3) as u32),
                    within_days: 1 + i as u32 * 3 / 4,
                })
            }
        })
        .collect();
    Condition::Any(
        leaves
            .chunks(10)
            .map(|g| Condition::All(g.to_vec()))
            .collect(),
    )
}

fn keystroke(app: &mut App, term: &mut Terminal<TestBackend>) {
    // "t" switches the audience's root group between all and any: a real edit, recounted.
    app.handle_key(KeyEvent::new(KeyCode::Char('t'), KeyModifiers::NONE));
    term.draw(|f| candor::ui::draw(f, app)).unwrap();
}

fn percentiles(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let n = times.len();
    println!(
        "{name}: p50 {:?}, p99 {:?}, max {:?} over {n}",
        times[n / 2],
        times[n * 99 / 100],
        times[n - 1]
    );
}

fn bench(c: &mut Criterion) {
    let typical = sample("skincare-recommendations").audience;
    let demographic = sample("anti-ageing-55-plus");
    let large = thousand_conditions();
    let mut large_campaign = sample("skincare-recommendations");
    large_campaign.audience = large.clone();
    for people in [100_000usize, 1_000_000] {
        let t = Instant::now();
        let pop = generate(people, 1, None);
        println!(
            "generated {people} people, {} events, in {:?}",
            pop.events(),
            t.elapsed()
        );
        let mut g = c.benchmark_group(format!("reach {people} people"));
        g.sample_size(if people >= 1_000_000 { 10 } else { 30 });
        // A new evaluator each time: it remembers each condition's people.
        g.bench_function("typical audience (3 intent conditions)", |b| {
            b.iter(|| Evaluator::new(&pop).matching(&typical).count())
        });
        g.bench_function("1,000-condition audience", |b| {
            b.iter(|| Evaluator::new(&pop).matching(&large).count())
        });
        g.bench_function("whole report, demographic-only sample", |b| {
            b.iter(|| candor::reach::report(&pop, &demographic).reached)
        });
        g.bench_function("whole report, 1,000-condition audience", |b| {
            b.iter(|| candor::reach::report(&pop, &large_campaign).reached)
        });
        g.finish();
    }

    // Keystroke to frame with the Reach tab open on 100,000 people.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("population.db");
    candor::reach::file::save(&generate(100_000, 1, None), &path, &mut |_| {}).unwrap();
    let mut store = Store::open(&dir.path().join("b.db")).unwrap();
    store.set_author("bench");
    let mut app = App::new(store);
    app.area = Rect::new(0, 0, 120, 40);
    app.use_population(&path);
    app.open_campaign("skincare-recommendations");
    app.dialogs.clear();
    app.handle_key(KeyEvent::new(KeyCode::Char(']'), KeyModifiers::NONE));
    app.editor.as_mut().unwrap().panel = PanelTab::Reach;
    app.finish_background();
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    c.bench_function("keystroke to frame, Reach tab open, 100,000 people", |b| {
        b.iter(|| keystroke(&mut app, &mut term))
    });
    app.finish_background();
    let keys: Vec<Duration> = (0..1000)
        .map(|_| {
            let t = Instant::now();
            keystroke(&mut app, &mut term);
            t.elapsed()
        })
        .collect();
    percentiles("keystroke to frame, Reach tab open", keys);
    app.finish_background();
    // How long the figures take to follow a keystroke: counted on the other thread.
    let follow: Vec<Duration> = (0..200)
        .map(|_| {
            let t = Instant::now();
            keystroke(&mut app, &mut term);
            while !app.reach.current() {
                app.tick(Instant::now());
                std::thread::sleep(Duration::from_micros(50));
            }
            t.elapsed()
        })
        .collect();
    percentiles("keystroke to updated figures", follow);
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}

// The same allocator as the `candor` binary, so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
