//! `candor check` over 10,000 campaign files: one core against every core (rayon). The files
//! are the samples copied over and over, so each run loads, parses and checks real campaigns.
//!
//!     cargo bench --bench check
//!
//! Compare the two lines of one run: the ratio is what the cores buy, whatever the machine.

use std::path::PathBuf;

use candor::checks::Settings;
use candor::checks::files::{FixMode, check_files};
use criterion::{Criterion, criterion_group, criterion_main};

const FILES: usize = 10_000;

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<PathBuf> = Vec::with_capacity(FILES);
    for i in 0..FILES {
        let (name, text) = candor::samples::SAMPLES[i % candor::samples::SAMPLES.len()];
        let path = dir.path().join(format!("{i:05}-{name}"));
        std::fs::write(&path, text).unwrap();
        files.push(path);
    }
    let settings = Settings::default();
    let mut g = c.benchmark_group("check 10,000 files");
    g.sample_size(10);
    g.bench_function("one core", |b| {
        b.iter(|| check_files(&files, &settings, FixMode::None, false))
    });
    g.bench_function(
        format!("every core ({})", rayon::current_num_threads()),
        |b| b.iter(|| check_files(&files, &settings, FixMode::None, true)),
    );
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
