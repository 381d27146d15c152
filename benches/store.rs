//! Store benchmarks: one save; opening a 10,000-campaign library and reading its first screen;
//! importing 10,000 RON files beside a raw rusqlite insert of the same rows.
//!
//! Run: cargo bench --bench store

use std::path::{Path, PathBuf};
use std::time::Instant;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

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
    revision: [rusqlite::types::Value; 11],
    campaign: [rusqlite::types::Value; 9],
}

/// Reads back, in file order, exactly what the import wrote to `db`.
fn rows_written(db: &Path) -> Vec<Row> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT r.campaign_id, r.number, r.ron, r.content_hash, r.author, r.message, r.created_at, r.status, r.errors, r.warnings, r.infos,
                    c.id, c.name, c.status, c.channels, c.errors, c.warnings, c.infos, c.created_at, c.updated_at
             FROM revisions r JOIN campaigns c ON c.id = r.campaign_id WHERE r.number = 1 ORDER BY r.id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok(Row {
            revision: std::array::from_fn(|i| r.get(i).unwrap()),
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
                .prepare_cached("INSERT INTO revisions (campaign_id, number, ron, content_hash, author, message, created_at, status, errors, warnings, infos) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                .unwrap();
            let mut camp = tx
                .prepare_cached("INSERT INTO campaigns (id, name, status, channels, errors, warnings, infos, created_at, updated_at, head_revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .unwrap();
            for row in part {
                rev.execute(params_from_iter(&row.revision)).unwrap();
                let head = rusqlite::types::Value::Integer(tx.last_insert_rowid());
                camp.execute(params_from_iter(row.campaign.iter().chain([&head])))
                    .unwrap();
            }
        }
        tx.commit().unwrap();
    }
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
            .prepare("SELECT quote(c.id) || quote(c.name) || quote(c.status) || quote(c.channels) || quote(c.errors) || quote(c.warnings) || quote(c.infos) || quote(c.updated_at) || quote(r.ron) || quote(r.content_hash) || quote(r.author) || quote(r.message) || quote(r.status) || quote(r.infos) FROM campaigns c JOIN revisions r ON r.campaign_id = c.id AND r.number = 1 ORDER BY r.id")
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

    c.bench_function("open 10,000-campaign library and read first screen", |b| {
        b.iter(|| {
            let store = Store::open(&lib).unwrap();
            let page = store.summaries(0, 40).unwrap();
            assert_eq!(page.len(), 40);
            store.count().unwrap()
        })
    });

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
