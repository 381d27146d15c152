//! Store benchmarks: one save; the library's first screen (opened, counted, its rows read, the
//! selected campaign loaded and checked, drawn at 120x40) on libraries of 1,000, 10,000 and
//! 100,000 campaigns; importing 10,000 RON files beside a raw rusqlite insert of the same rows.
//!
//! Run: cargo bench --bench store

use std::path::{Path, PathBuf};
use std::time::Instant;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

#[path = "../tests/common/grow.rs"]
mod grow;

use candor::model::ron_io;
use candor::samples::SAMPLES;
use candor::store::Store;
use candor::store::import_export::import_files;

const LIBRARY: usize = 10_000;

/// Writes `n` distinct campaign files, variations of the samples. Besides the id and name, the
/// offer differs from file to file, so each notice has a line no other file has, as real
/// campaigns do.
fn write_files(dir: &Path, n: usize) -> Vec<PathBuf> {
    let docs: Vec<_> = SAMPLES
        .iter()
        .map(|(name, text)| ron_io::load_str(name, text).unwrap())
        .collect();
    (0..n)
        .map(|i| {
            let doc = &docs[i % docs.len()];
            let mut c = doc.campaign.clone();
            c.id = format!("{}-{i}", c.id);
            c.name = format!("{} #{i}", c.name);
            // Every file's offer differs, in each of its languages.
            let first = c.first_locale().to_string();
            let mut offer = c
                .value_exchange
                .immediate
                .take()
                .unwrap_or_else(|| "Free delivery".into());
            for lang in c.locales.clone() {
                let text = offer.resolve(&lang, &first).map(|t| t.text.to_string());
                let text = text.unwrap_or_else(|| "Free delivery".into());
                offer.set(&lang, &first, &format!("{text} with code SPRING{i}"));
            }
            c.value_exchange.immediate = Some(offer);
            let path = dir.join(format!("{}.ron", c.id));
            std::fs::write(
                &path,
                ron_io::document_text(&c, &doc.leading_comment).unwrap(),
            )
            .unwrap();
            path
        })
        .collect()
}

fn import_all(store: &mut Store, files: &[PathBuf]) {
    let report = import_files(store, files, |_| {}).unwrap();
    assert!(report.failures.is_empty());
    assert_eq!(report.imported.len(), files.len());
}

/// The rows one import wrote, column for column: a revision and its campaign.
struct Row {
    revision: [rusqlite::types::Value; 10],
    ron: rusqlite::types::Value,
    campaign: [rusqlite::types::Value; 13],
}

/// Reads back, in file order, exactly what the import wrote to `db`.
fn rows_written(db: &Path) -> Vec<Row> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT r.campaign_id, r.number, r.content_hash, r.author, r.message, r.created_at, r.status, r.errors, r.warnings, r.infos,
                    t.ron,
                    c.id, c.name, c.status, c.channels, c.errors, c.warnings, c.infos, c.created_at, c.updated_at,
                    c.head_number, c.sort_name, c.status_rank, c.head_subject
             FROM revisions r JOIN campaigns c ON c.id = r.campaign_id JOIN revision_texts t ON t.revision_id = r.id
             WHERE r.number = 1 ORDER BY r.id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok(Row {
            revision: std::array::from_fn(|i| r.get(i).unwrap()),
            ron: r.get(10).unwrap(),
            campaign: std::array::from_fn(|i| r.get(11 + i).unwrap()),
        })
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// The same rows the import writes, with the same values, into the same schema (Candor's own,
/// with its indexes and foreign keys), in transactions of the same size, with plain rusqlite:
/// no reading, parsing, checking, hashing or looking up what is already there.
fn raw_insert(db: &Path, rows: &[Row]) {
    use rusqlite::params_from_iter;
    drop(Store::open_unseeded(db).unwrap());
    let mut conn = rusqlite::Connection::open(db).unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    for part in rows.chunks(candor::store::import_export::BATCH) {
        let tx = conn.transaction().unwrap();
        {
            let mut rev = tx
                .prepare_cached("INSERT INTO revisions (campaign_id, number, content_hash, author, message, created_at, status, errors, warnings, infos) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .unwrap();
            let mut text = tx
                .prepare_cached("INSERT INTO revision_texts (revision_id, ron) VALUES (?1, ?2)")
                .unwrap();
            let mut camp = tx
                .prepare_cached("INSERT INTO campaigns (id, name, status, channels, errors, warnings, infos, created_at, updated_at, head_number, sort_name, status_rank, head_subject, head_revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
                .unwrap();
            for row in part {
                rev.execute(params_from_iter(&row.revision)).unwrap();
                let head = rusqlite::types::Value::Integer(tx.last_insert_rowid());
                text.execute(rusqlite::params![&head, &row.ron]).unwrap();
                camp.execute(params_from_iter(row.campaign.iter().chain([&head])))
                    .unwrap();
            }
        }
        tx.commit().unwrap();
    }
}

/// What `candor` does before its first frame: open the library, count it, read the rows around
/// the selection and the selected campaign, then draw.
fn first_screen(db: &Path, expect: usize) -> usize {
    use ratatui::{Terminal, backend::TestBackend};
    let mut app = candor::app::App::new(Store::open(db).unwrap());
    app.area = ratatui::layout::Rect::new(0, 0, 120, 40);
    app.handle_event(&ratatui::crossterm::event::Event::Resize(120, 40));
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| candor::ui::draw(f, &app)).unwrap();
    assert_eq!(app.library.size, expect);
    assert!(app.library.detail.is_some());
    app.library.window.len()
}

/// Keeps the first `n` campaigns imported, with their revisions.
fn keep_first(db: &Path, n: usize) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(&format!(
        "CREATE TEMP TABLE keep AS SELECT campaign_id AS id FROM revisions WHERE number = 1 ORDER BY id LIMIT {n};
         DELETE FROM revision_texts WHERE revision_id IN (SELECT id FROM revisions WHERE campaign_id NOT IN (SELECT id FROM keep));
         DELETE FROM revisions WHERE campaign_id NOT IN (SELECT id FROM keep);
         DELETE FROM drafts WHERE campaign_id NOT IN (SELECT id FROM keep);
         DELETE FROM campaigns WHERE id NOT IN (SELECT id FROM keep);
         VACUUM;"
    ))
    .unwrap();
}

/// A fresh folder for one timed run, after the writes of the run before have reached the disk
/// (`sync`), so that no run pays for flushing its predecessor's 80 MB.
fn quiet_tempdir() -> tempfile::TempDir {
    let _ = std::process::Command::new("sync").status();
    tempfile::tempdir().unwrap()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let files = write_files(dir.path(), LIBRARY);

    // One save, on a library of 10,000.
    let lib = dir.path().join("library.db");
    {
        let mut store = Store::open_unseeded(&lib).unwrap();
        import_all(&mut store, &files);
    }
    let rows = rows_written(&lib);
    assert_eq!(rows.len(), LIBRARY);
    // The raw insert writes what the import wrote, row for row.
    let same = dir.path().join("same.db");
    raw_insert(&same, &rows);
    let dump = |db: &Path| -> Vec<String> {
        let conn = rusqlite::Connection::open(db).unwrap();
        let mut stmt = conn
            .prepare("SELECT quote(c.id) || quote(c.name) || quote(c.status) || quote(c.channels) || quote(c.errors) || quote(c.warnings) || quote(c.infos) || quote(c.updated_at) || quote(c.head_number) || quote(c.sort_name) || quote(c.status_rank) || quote(t.ron) || quote(r.content_hash) || quote(r.author) || quote(r.message) || quote(r.status) || quote(r.infos) FROM campaigns c JOIN revisions r ON r.campaign_id = c.id AND r.number = 1 JOIN revision_texts t ON t.revision_id = r.id ORDER BY r.id")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert!(
        dump(&same) == dump(&lib),
        "the raw insert writes other rows than the import"
    );
    let mut store = Store::open(&lib).unwrap();
    let head = store.get("welcome-email-0").unwrap();
    let mut base = head.revision.id;
    let mut campaign = head.campaign;
    let mut n = 0u64;
    c.bench_function("save one revision", |b| {
        b.iter(|| {
            n += 1;
            campaign.objective = format!("edit {n}");
            base = store.save(&campaign, base, "").unwrap().id;
        })
    });
    // Percentiles, which criterion does not report.
    let mut times = Vec::with_capacity(1000);
    for i in 0..1000 {
        campaign.objective = format!("timed {i}");
        let t = Instant::now();
        base = store.save(&campaign, base, "").unwrap().id;
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "save latency over 1000 saves: p50 {:?}, p99 {:?}, max {:?}",
        times[499], times[989], times[999]
    );
    drop(store);

    // The first screen, on libraries of three sizes: 1,000 (the first tenth of the import),
    // 10,000 and 100,000 (the 10,000 ten times over, under other ids, full texts and all).
    let small = dir.path().join("small.db");
    std::fs::copy(&lib, &small).unwrap();
    keep_first(&small, LIBRARY / 10);
    let large = dir.path().join("large.db");
    std::fs::copy(&lib, &large).unwrap();
    grow::grow_library(&large, 9);
    let mut screens = c.benchmark_group(
        "library first screen (open, count, rows, selected campaign, draw 120x40)",
    );
    for (label, db, n) in [
        ("1,000 campaigns", &small, LIBRARY / 10),
        ("10,000 campaigns", &lib, LIBRARY),
        ("100,000 campaigns", &large, LIBRARY * 10),
    ] {
        screens.bench_function(label, |b| b.iter(|| first_screen(db, n)));
    }
    screens.finish();

    // Where an import's time goes, for one typical file.
    let one = &files[0];
    let mut per_file = c.benchmark_group("per file");
    per_file.bench_function("read and parse", |b| {
        b.iter(|| ron_io::parse_file(one).unwrap())
    });
    let (campaign, text) = ron_io::parse_file(one).unwrap();
    per_file.bench_function("check (all rules, notices in every language)", |b| {
        b.iter(|| candor::checks::check(&campaign))
    });
    per_file.bench_function("hash", |b| b.iter(|| candor::store::hash_text(&text)));
    per_file.bench_function("prepare (read, parse, check, hash)", |b| {
        b.iter(|| candor::store::import_export::prepare_file(one).unwrap())
    });
    per_file.finish();

    let mut group = c.benchmark_group("import 10,000 files");
    group.sample_size(10);
    group.bench_function(
        "candor import (parse, validate, check, hash, insert)",
        |b| {
            b.iter_batched(
                quiet_tempdir,
                |d| {
                    let mut store = Store::open_unseeded(&d.path().join("i.db")).unwrap();
                    import_all(&mut store, &files);
                    drop(store);
                    d // removed after the clock stops
                },
                BatchSize::PerIteration,
            )
        },
    );
    group.bench_function("raw rusqlite insert of the same rows", |b| {
        b.iter_batched(
            quiet_tempdir,
            |d| {
                raw_insert(&d.path().join("r.db"), &rows);
                d // removed after the clock stops
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

// The same allocator as the `candor` binary, so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
