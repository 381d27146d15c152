//! Generating a disclosure must be fast enough to run on every keystroke.
//!
//! Run: cargo bench --bench disclosure

use criterion::{Criterion, criterion_group, criterion_main};

use candor::disclosure::{self, locale};
use candor::model::{Campaign, DataField, Recipient, RecipientKind, ron_io};
use candor::samples::SAMPLES;

fn sample(name: &str) -> Campaign {
    let text = SAMPLES.iter().find(|s| s.0 == name).unwrap().1;
    ron_io::load_str(name, text).unwrap().campaign
}

/// A campaign declaring 200 fields, cycling through the known categories and purposes.
pub fn large(fields: usize) -> Campaign {
    let mut c = sample("welcome-email.ron");
    let v = candor::model::vocab::vocab();
    c.data = (0..fields)
        .map(|i| DataField {
            category: v.categories[i % v.categories.len()].name.clone(),
            purposes: vec![v.uses[i % v.uses.len()].name.clone()],
            collected_by: candor::model::Collection::Form,
            source: None,
            consent: candor::model::ConsentMoment::BeforeCollection,
            legal_basis: candor::model::LegalBasis::Consent,
            retention_days: 30 * (1 + i as u32 % 24),
            recipients: if i % 10 == 0 {
                vec![Recipient {
                    name: format!("Partner {i}"),
                    kind: RecipientKind::Partner,
                }]
            } else {
                Vec::new()
            },
        })
        .collect();
    c
}

fn bench(c: &mut Criterion) {
    let typical = sample("welcome-email.ron");
    let big = large(200);
    for code in ["en", "es", "fr"] {
        let l = locale(code).unwrap();
        c.bench_function(&format!("disclosure typical ({code})"), |b| {
            b.iter(|| disclosure::generate(&typical, l))
        });
    }
    let en = locale("en").unwrap();
    // Sentences are remembered, so the figures above are the keystroke case (most of the
    // notice as it was). Here one sentence is new every time, as when typing the offer.
    let mut typing = typical.clone();
    let mut n = 0u64;
    c.bench_function("disclosure typical (en), offer new each time", |b| {
        b.iter(|| {
            n += 1;
            typing.value_exchange.immediate = Some(format!("{n}% off your next order").into());
            disclosure::generate(&typing, en)
        })
    });
    c.bench_function("disclosure 200 fields (en)", |b| {
        b.iter(|| disclosure::generate(&big, en))
    });
    c.bench_function("value exchange typical", |b| {
        b.iter(|| disclosure::value_exchange(&typical))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

// The same allocator as the `candor` binary, so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
