//! A large library in a moment, for tests and benchmarks: copies of every campaign (revisions
//! and texts too) under new ids, written straight in SQL.

use std::path::Path;

/// Adds `copies` copies of every campaign in the library at `db`, under ids ending in `-xN`
/// and names ending in ` xN`, so it holds `copies + 1` times as many.
pub fn grow_library(db: &Path, copies: i64) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let step: i64 = conn
        .query_row("SELECT max(id) FROM revisions", [], |r| r.get(0))
        .unwrap();
    for k in 1..=copies {
        let off = k * step;
        conn.execute_batch(&format!(
            "BEGIN;
             INSERT INTO revisions (id, campaign_id, number, content_hash, author, message, created_at, status, errors, warnings, infos)
               SELECT id + {off}, campaign_id || '-x{k}', number, content_hash, author, message, created_at, status, errors, warnings, infos FROM revisions WHERE id <= {step};
             INSERT INTO revision_texts (revision_id, ron) SELECT revision_id + {off}, ron FROM revision_texts WHERE revision_id <= {step};
             INSERT INTO campaigns (id, name, status, channels, head_revision, errors, warnings, infos, created_at, updated_at, head_number, sort_name, status_rank, head_subject)
               SELECT id || '-x{k}', name || ' x{k}', status, channels, head_revision + {off}, errors, warnings, infos, created_at, updated_at, head_number, sort_name || ' x{k}', status_rank, head_subject
               FROM campaigns WHERE head_revision <= {step};
             COMMIT;"
        ))
        .unwrap();
    }
}
