//! Crash and concurrency tests with real processes. The test binary re-runs itself as the child
//! (selected by an environment variable), so the child is real code saving through the store.
//!
//! `scripts/crash-test` runs the crash test 1,000 times; the suite runs it 100 times.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use candor::store::{Store, StoreError};

const CHILD_ENV: &str = "CANDOR_TEST_CHILD";
const RACE_ATTEMPTS: usize = 100;

/// Runs this test binary's `child_entry` with the given role and arguments.
fn spawn_child(role: &str, db: &Path, ack: &Path, tag: &str) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["child_entry", "--exact", "--nocapture", "--test-threads=1"])
        .env(
            CHILD_ENV,
            format!("{role}|{}|{}|{tag}", db.display(), ack.display()),
        )
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

/// The child: does nothing unless started by one of the tests below.
#[test]
fn child_entry() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let parts: Vec<&str> = spec.splitn(4, '|').collect();
    let (role, db, ack, tag) = (
        parts[0],
        PathBuf::from(parts[1]),
        PathBuf::from(parts[2]),
        parts[3],
    );
    let mut store = Store::open_unseeded(&db).unwrap();
    let mut acks = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&ack)
        .unwrap();
    match role {
        // Save forever, acknowledging each save only after it returned success.
        "saver" => {
            let head = store.get("welcome-email").unwrap();
            let mut base = head.revision.id;
            let mut c = head.campaign;
            for i in 0.. {
                c.objective = format!("{tag} save {i}");
                let meta = store.save(&c, base, &c.objective).unwrap();
                base = meta.id;
                ack_line(&mut acks, &format!("{tag} save {i}"));
            }
        }
        // Race another writer: read the head, edit, save against it.
        "racer" => {
            // Start together, so the two really race.
            let go = db.with_extension("go");
            while !go.exists() {
                std::thread::sleep(Duration::from_millis(1));
            }
            for i in 0..RACE_ATTEMPTS {
                let head = store.get("welcome-email").unwrap();
                let mut c = head.campaign;
                c.objective = format!("{tag} attempt {i}");
                match store.save(&c, head.revision.id, &format!("base {}", head.revision.id)) {
                    Ok(_) => ack_line(&mut acks, &format!("{tag} attempt {i}")),
                    Err(StoreError::Conflict { .. }) => {}
                    Err(e) => panic!("unexpected error in racer {tag}: {e}"),
                }
            }
        }
        _ => panic!("unknown role"),
    }
}

/// Appends one line with a single write, so a kill can never leave half an acknowledgement.
fn ack_line(file: &mut std::fs::File, line: &str) {
    file.write_all(format!("{line}\n").as_bytes()).unwrap();
}

/// Complete lines only: a write cut short by the kill has no newline and acknowledges nothing.
fn read_acks(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.split_inclusive('\n')
        .filter(|l| l.ends_with('\n'))
        .map(|l| l.trim_end().to_string())
        .collect()
}

mod common;
use common::Rng;

fn setup(dir: &Path) -> PathBuf {
    let db = dir.join("crash.db");
    let mut store = Store::open_unseeded(&db).unwrap();
    let text = candor::samples::SAMPLES
        .iter()
        .find(|s| s.0 == "welcome-email.ron")
        .unwrap()
        .1;
    let doc = candor::model::ron_io::load_str("welcome-email.ron", text).unwrap();
    store.create(&doc.campaign, "start").unwrap();
    db
}

/// The messages of every revision; savers put the tag they acknowledge there. The campaign text
/// is checked too, for the latest revision only (parsing every revision after every kill would
/// make the test quadratic).
fn saved_tags(db: &Path) -> BTreeSet<String> {
    let store = Store::open_unseeded(db).unwrap();
    let history = store.history("welcome-email").unwrap();
    let head = store.get("welcome-email").unwrap();
    if head.revision.number > 1 {
        assert_eq!(
            head.campaign.objective, head.revision.message,
            "the head's text matches its message"
        );
    }
    history.into_iter().map(|r| r.message).collect()
}

#[test]
fn sigkill_mid_save_never_corrupts_or_loses_an_acknowledged_save() {
    let runs: usize = std::env::var("CANDOR_CRASH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let dir = tempfile::tempdir().unwrap();
    let db = setup(dir.path());
    let ack = dir.path().join("acks.txt");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut total_acked = 0;
    for run in 0..runs {
        let mut child = spawn_child("saver", &db, &ack, &format!("run{run}"));
        std::thread::sleep(Duration::from_millis(5 + rng.next() % 60));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let store = Store::open_unseeded(&db).unwrap();
        assert_eq!(store.integrity_check().unwrap(), "ok", "run {run}");
        drop(store);
        let saved = saved_tags(&db);
        let acked = read_acks(&ack);
        for a in &acked {
            assert!(
                saved.contains(a),
                "run {run}: acknowledged save {a:?} is missing"
            );
        }
        total_acked = acked.len();
    }
    assert!(
        total_acked > runs,
        "the children saved too little ({total_acked}) for the test to mean anything"
    );
    eprintln!("{runs} kills, {total_acked} acknowledged saves, all present");
}

#[test]
fn two_processes_saving_one_campaign_lose_no_update_and_never_see_locked() {
    let dir = tempfile::tempdir().unwrap();
    let db = setup(dir.path());
    let ack = dir.path().join("acks.txt");
    let started = Instant::now();
    let a = spawn_child("racer", &db, &ack, "A");
    let b = spawn_child("racer", &db, &ack, "B");
    std::fs::write(db.with_extension("go"), "").unwrap();
    for mut child in [a, b] {
        assert!(
            child.wait().unwrap().success(),
            "a racer failed (see its output above)"
        );
    }
    let store = Store::open_unseeded(&db).unwrap();
    let history = store.history("welcome-email").unwrap();
    let acked = read_acks(&ack);
    assert_eq!(
        history.len(),
        acked.len() + 1,
        "every success is one revision and nothing else is"
    );
    // Each revision was based on the one before it: a straight line, no overwritten update.
    let mut chronological = history.clone();
    chronological.reverse();
    for pair in chronological.windows(2) {
        assert_eq!(pair[1].message, format!("base {}", pair[0].id));
    }
    let texts: BTreeSet<String> = (1..=history.len() as i64)
        .map(|n| {
            store
                .revision("welcome-email", n)
                .unwrap()
                .campaign
                .objective
        })
        .collect();
    for a in &acked {
        assert!(texts.contains(a), "acknowledged {a:?} is missing");
    }
    let won_by = |w: &str| acked.iter().filter(|a| a.starts_with(w)).count();
    assert!(
        won_by("A") > 0 && won_by("B") > 0,
        "both writers must get saves in"
    );
    eprintln!(
        "{} saves won (A {}, B {}), {} refused as conflicts, in {:?}",
        acked.len(),
        won_by("A"),
        won_by("B"),
        2 * RACE_ATTEMPTS - acked.len(),
        started.elapsed()
    );
}
