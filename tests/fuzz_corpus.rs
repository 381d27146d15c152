//! Replays every file of the fuzz corpora (fuzz/corpus/TARGET/, seeded from the samples and
//! grown by `scripts/fuzz`) through the same code the fuzz targets run, so `cargo test` on
//! stable catches a regression on any input the fuzzer ever kept, and every crash it found
//! (saved under fuzz/regressions/TARGET/) stays fixed.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::Path;

/// Runs `run` on every input of the target's corpus and regressions, spread over the
/// machine's cores (the app corpus holds over a thousand inputs); returns how many ran.
fn replay(target: &str, run: fn(&[u8])) -> usize {
    let mut files = Vec::new();
    for dir in ["fuzz/corpus", "fuzz/regressions"] {
        let dir = Path::new(dir).join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        files.extend(entries.map(|e| e.unwrap().path()));
    }
    files.sort();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = files.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        for part in files.chunks(chunk) {
            s.spawn(move || {
                for f in part {
                    let data = std::fs::read(f).unwrap();
                    let result = std::panic::catch_unwind(|| run(&data));
                    assert!(result.is_ok(), "{target}: {} fails", f.display());
                }
            });
        }
    });
    files.len()
}

#[test]
fn load_check_save_corpus() {
    let n = replay("load_check_save", harness::load_check_save);
    assert!(n >= candor::samples::SAMPLES.len(), "only {n} inputs");
}

#[test]
fn keys_parse_corpus() {
    assert!(replay("keys_parse", harness::keys_parse) > 0);
}

/// Also: nothing the events do (an export to a typed folder, say) writes outside the input's
/// scratch folder, so fuzzing never litters the folder it runs from.
#[test]
fn app_events_corpus() {
    let here = || -> Vec<std::ffi::OsString> {
        let mut v: Vec<_> = std::fs::read_dir(".")
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        v.sort();
        v
    };
    let before = here();
    assert!(replay("app_events", harness::app_events) > 0);
    assert_eq!(
        here(),
        before,
        "the app events wrote into the working folder"
    );
}

/// The samples themselves, whatever the corpus holds.
#[test]
fn every_sample_passes_the_load_check_save_target() {
    for (_, text) in candor::samples::SAMPLES {
        harness::load_check_save(text.as_bytes());
    }
}
