//! A short mutation stress test: samples with random edits must load or fail with a located
//! error, and whatever loads must survive the checks, the disclosure and the review summary.
//! Nothing may panic. Deterministic (seeded), so a failure can be replayed.

use candor::disclosure::{generate, locales};
use candor::model::{SpanIndex, ron_io};
use candor::samples::SAMPLES;

mod common;
use common::Rng;

const INSERTS: &[&[u8]] = &[
    b"(",
    b")",
    b"[",
    b"]",
    b"{",
    b"\"",
    b",",
    b":",
    b"\\",
    b"\\u{1b}",
    b"Some(",
    b"r#\"",
    b"/*",
    b"\xff",
    b"\x1b[2J",
    b"9999999999999999999999",
];

fn mutate(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut v = src.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(v.len());
        match rng.below(3) {
            0 => v[at] = (rng.next() & 0xff) as u8,
            1 => {
                let end = (at + 1 + rng.below(12)).min(v.len());
                v.drain(at..end);
            }
            _ => {
                let ins = INSERTS[rng.below(INSERTS.len())];
                v.splice(at..at, ins.iter().copied());
            }
        }
        if v.is_empty() {
            break;
        }
    }
    v
}

#[test]
fn mutated_samples_never_panic() {
    // The suite runs 300 per sample; scripts/mutation-stress runs many more.
    let per_sample: usize = std::env::var("CANDOR_MUTATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let seed: u64 = std::env::var("CANDOR_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_cafe_f00d_beef);
    let mut rng = Rng(seed | 1);
    let (mut loaded, mut refused) = (0, 0);
    for (name, text) in SAMPLES {
        for _ in 0..per_sample {
            let bytes = mutate(&mut rng, text.as_bytes());
            let _ = SpanIndex::build(&String::from_utf8_lossy(&bytes));
            match ron_io::load_bytes(name, &bytes) {
                Ok(doc) => {
                    loaded += 1;
                    let _ = candor::checks::check_document(&doc);
                    for l in locales() {
                        let _ = generate(&doc.campaign, l);
                    }
                    let _ = candor::app::review::summary(&doc.campaign);
                }
                Err(e) => {
                    refused += 1;
                    let shown = e.to_string();
                    assert!(
                        e.pos.is_some() || shown.starts_with(name),
                        "an error without a place: {shown}"
                    );
                    assert!(
                        !shown.contains('\u{1b}'),
                        "raw escape in an error: {shown:?}"
                    );
                }
            }
        }
    }
    assert!(
        loaded > per_sample / 3 && refused > per_sample * 3,
        "loaded {loaded}, refused {refused}"
    );
    eprintln!(
        "{} mutations: {loaded} loaded, {refused} refused with a located error",
        loaded + refused
    );
}
