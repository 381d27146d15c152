//! The store on real database files in temporary folders.

use std::path::{Path, PathBuf};

use candor::model::{OptOut, Status, ron_io};
use candor::samples::SAMPLES;
use candor::store::import_export::{BATCH, Outcome, import_files, prepare_file};
use candor::store::{Decision, LibraryQuery, SortKey, Store, StoreError};

fn db_in(dir: &Path) -> PathBuf {
    dir.join("nested").join("candor.db")
}

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

#[test]
fn first_open_creates_private_files_and_seeds_the_samples() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(dir.path());
    let store = Store::open(&path).unwrap();
    assert_eq!(store.count().unwrap() as usize, SAMPLES.len());
    assert_eq!(store.integrity_check().unwrap(), "ok");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }
    drop(store);
    // Opening again does not seed twice.
    assert_eq!(
        Store::open(&path).unwrap().count().unwrap() as usize,
        SAMPLES.len()
    );
}

#[test]
fn summaries_come_without_parsing_and_match_the_checks() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&db_in(dir.path())).unwrap();
    let all = store.all_summaries().unwrap();
    let quiet = all.iter().find(|s| s.id == "quiet-ad-sync").unwrap();
    assert_eq!((quiet.errors, quiet.warnings), (4, 1));
    assert_eq!(quiet.status, Status::Draft);
    assert_eq!(
        store
            .library_page(&candor::store::LibraryQuery::default(), 0, 5)
            .unwrap()
            .len(),
        5
    );
}

#[test]
fn every_save_is_a_revision_and_restore_adds_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(dir.path());
    let mut store = Store::open(&path).unwrap();
    store.set_author("ines");
    let head = store.get("welcome-email").unwrap();
    let mut c = head.campaign.clone();
    c.objective = "Second version".into();
    let r2 = store
        .save(&c, head.revision.id, "clearer objective")
        .unwrap();
    assert_eq!(r2.number, 2);
    assert_eq!(r2.author, "ines");
    c.objective = "Third version".into();
    let r3 = store.save(&c, r2.id, "").unwrap();
    let restored = store.restore("welcome-email", 1).unwrap();
    assert_eq!(restored.number, 4);
    drop(store);
    let store = Store::open(&path).unwrap();
    let history = store.history("welcome-email").unwrap();
    assert_eq!(
        history.iter().map(|r| r.number).collect::<Vec<_>>(),
        vec![4, 3, 2, 1]
    );
    assert_eq!(history[0].message, "restored revision 1");
    assert_eq!(store.get("welcome-email").unwrap().campaign, head.campaign);
    assert_eq!(
        store.revision("welcome-email", 3).unwrap().revision.id,
        r3.id
    );
    // The leading comment of the sample survives edits.
    assert!(
        store
            .revision_text("welcome-email", 3)
            .unwrap()
            .starts_with("// Exemplary")
    );
}

#[test]
fn a_stale_save_is_a_conflict_and_the_edit_is_kept_as_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(dir.path());
    let mut a = Store::open(&path).unwrap();
    let mut b = Store::open(&path).unwrap();
    let start = a.get("sofa-recommendations").unwrap();
    let mut theirs = start.campaign.clone();
    theirs.objective = "B was here".into();
    b.set_author("bea");
    b.save(&theirs, start.revision.id, "").unwrap();
    let mut mine = start.campaign.clone();
    mine.objective = "A's edit".into();
    match a.save(&mine, start.revision.id, "") {
        Err(StoreError::Conflict { by, number, .. }) => {
            assert_eq!(by, "bea");
            assert_eq!(number, 2);
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(
        a.get("sofa-recommendations").unwrap().campaign.objective,
        "B was here"
    );
    let draft = a.draft("sofa-recommendations").unwrap().unwrap();
    assert_eq!(draft.campaign.objective, "A's edit");
    assert_eq!(draft.base_revision, start.revision.id);
    // Saving it as a copy keeps both.
    a.duplicate("sofa-recommendations", "sofa-copy", "Copy")
        .unwrap();
    assert!(a.exists("sofa-copy").unwrap());
}

#[test]
fn the_review_gate_refuses_to_move_a_campaign_with_errors_past_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&db_in(dir.path())).unwrap();
    match store.set_status("quiet-ad-sync", Status::InReview) {
        Err(StoreError::ReviewGate { count, .. }) => assert_eq!(count, 4),
        other => panic!("expected the gate, got {other:?}"),
    }
    assert_eq!(
        store.get("quiet-ad-sync").unwrap().campaign.status,
        Status::Draft
    );
    // Warnings alone do not block.
    store
        .set_status("sofa-recommendations", Status::InReview)
        .unwrap();
    assert_eq!(store.history("sofa-recommendations").unwrap().len(), 2);
}

#[test]
fn drafts_are_kept_apart_from_revisions_and_cleared_by_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(dir.path());
    let mut store = Store::open(&path).unwrap();
    let head = store.get("welcome-email").unwrap();
    let mut c = head.campaign.clone();
    c.name = "Typing in progress".into();
    store.save_draft(&c, head.revision.id).unwrap();
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.drafts().unwrap(), vec!["welcome-email".to_string()]);
    assert_eq!(
        store.draft("welcome-email").unwrap().unwrap().campaign.name,
        "Typing in progress"
    );
    assert_eq!(store.history("welcome-email").unwrap().len(), 1);
    assert!(
        store
            .all_summaries()
            .unwrap()
            .iter()
            .any(|s| s.id == "welcome-email" && s.has_draft)
    );
    store.save(&c, head.revision.id, "").unwrap();
    assert!(store.draft("welcome-email").unwrap().is_none());
}

/// A draft is crash recovery for edits in progress, and edits in progress are often not yet a
/// campaign that could be saved (the name cleared to be retyped, a rule half-built). Such a
/// draft must come back as it was, not be refused as damaged.
#[test]
fn a_draft_of_an_unfinished_campaign_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(dir.path());
    let mut store = Store::open(&path).unwrap();
    let head = store.get("welcome-email").unwrap();
    let mut c = head.campaign.clone();
    c.name.clear();
    assert!(
        !candor::model::validate::validate(&c).is_empty(),
        "the test needs a campaign that could not be saved"
    );
    store.save_draft(&c, head.revision.id).unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    let draft = store.draft("welcome-email").unwrap().unwrap();
    assert_eq!(draft.campaign, c);
}

/// Found by the app fuzzer: an opt-out link the loader refuses was saved, and the campaign
/// then could not be opened. The store now refuses, before writing, anything that would not
/// load again, and says which field and why.
#[test]
fn a_campaign_that_would_not_load_again_is_never_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(dir.path());
    let mut store = Store::open(&path).unwrap();
    let head = store.get("welcome-email").unwrap();
    let mut c = head.campaign.clone();
    c.consent.opt_out.push(OptOut::Link("|".into()));
    let history = store.history("welcome-email").unwrap();
    let err = store.save(&c, head.revision.id, "bad link").unwrap_err();
    assert!(matches!(err, StoreError::Invalid { .. }), "{err:?}");
    let said = err.to_string();
    assert!(
        said.contains("\"welcome-email\" was not saved")
            && said.contains("consent.opt_out[")
            && said.contains("https://"),
        "{said}"
    );
    assert_eq!(store.history("welcome-email").unwrap(), history);
    c.id = "welcome-email-2".into();
    assert!(matches!(
        store.create(&c, "bad link"),
        Err(StoreError::Invalid { .. })
    ));
    assert!(!store.exists("welcome-email-2").unwrap());
    // The same campaign with a real address saves and loads.
    c.id = "welcome-email".into();
    c.consent.opt_out.pop();
    c.consent
        .opt_out
        .push(OptOut::Link("https://shop.example/stop".into()));
    store.save(&c, head.revision.id, "good link").unwrap();
    assert_eq!(store.get("welcome-email").unwrap().campaign, c);
}

#[test]
fn reviews_and_ui_state_persist_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(dir.path());
    let mut store = Store::open(&path).unwrap();
    let text = store.revision_text("nearest-store-banner", 1).unwrap();
    store.set_author("rui");
    let r = store
        .add_review(
            &text,
            "campaigns/nearest-store-banner.ron",
            Decision::Approve,
            "Proxy reason holds.",
        )
        .unwrap();
    assert_eq!(r.campaign_id.as_deref(), Some("nearest-store-banner"));
    assert!(
        r.revision_id.is_some(),
        "tied to the library revision with the same content"
    );
    store.ui_set("preview_locale", "fr").unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    let reviews = store
        .reviews_for("campaigns/nearest-store-banner.ron", None)
        .unwrap();
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0].reviewer, "rui");
    assert_eq!(reviews[0].decision, Decision::Approve);
    assert_eq!(
        store.ui_get("preview_locale").unwrap().as_deref(),
        Some("fr")
    );
}

#[test]
fn a_newer_schema_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(dir.path());
    drop(Store::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = bytes(&path);
    match Store::open(&path) {
        Err(e @ StoreError::NewerSchema { .. }) => {
            assert!(e.to_string().contains("newer Candor"), "{e}")
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
    assert_eq!(bytes(&path), before);
}

#[test]
fn other_files_are_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "my shopping list\n").unwrap();
    assert!(matches!(
        Store::open(&text),
        Err(StoreError::NotCandor { .. })
    ));
    assert_eq!(bytes(&text), b"my shopping list\n");

    let other = dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    let before = bytes(&other);
    let err = Store::open(&other).unwrap_err();
    assert!(
        err.to_string()
            .contains("another program's SQLite database"),
        "{err}"
    );
    assert_eq!(bytes(&other), before);

    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::NotCandor { .. })
    ));
}

#[test]
fn a_read_only_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(dir.path());
    drop(Store::open(&path).unwrap());
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let before = bytes(&path);
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    assert!(err.to_string().contains("chmod u+w"));
    assert_eq!(bytes(&path), before);
}

#[test]
fn import_validates_each_file_and_one_bad_file_stops_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_unseeded(&db_in(dir.path())).unwrap();
    let files = dir.path().join("in");
    std::fs::create_dir(&files).unwrap();
    for (name, text) in SAMPLES.iter().take(3) {
        std::fs::write(files.join(name), text).unwrap();
    }
    std::fs::write(files.join("broken.ron"), "(version: 1, id: ").unwrap();
    let mut ready = Vec::new();
    let mut failed = Vec::new();
    for entry in std::fs::read_dir(&files).unwrap() {
        match prepare_file(&entry.unwrap().path()) {
            Ok(r) => ready.push(r),
            Err(e) => failed.push(e),
        }
    }
    assert_eq!(failed.len(), 1);
    assert!(
        failed[0].to_string().contains("broken.ron:1:"),
        "{}",
        failed[0]
    );
    let done = store.import_ready(ready).unwrap();
    assert!(done.iter().all(|d| d.outcome == Outcome::Created));
    assert_eq!(store.count().unwrap(), 3);
    // Same content again: nothing new. Changed content: a new revision, not a duplicate.
    let (name, text) = SAMPLES[0];
    let again = store
        .import_ready(vec![prepare_file(&files.join(name)).unwrap()])
        .unwrap();
    assert_eq!(again[0].outcome, Outcome::Unchanged);
    std::fs::write(
        files.join(name),
        text.replace("objective: \"", "objective: \"Updated. "),
    )
    .unwrap();
    let changed = store
        .import_ready(vec![prepare_file(&files.join(name)).unwrap()])
        .unwrap();
    assert_eq!(changed[0].outcome, Outcome::NewRevision(2));
    assert_eq!(store.count().unwrap(), 3);
}

/// Many files, shared between threads in small chunks, still come out in file order: the same
/// id twice gets its revisions in the order of the files, and failures are listed in order.
#[test]
fn a_large_import_writes_in_file_order_and_reports_every_failure() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_unseeded(&db_in(dir.path())).unwrap();
    let files = dir.path().join("in");
    std::fs::create_dir(&files).unwrap();
    let n = 2 * BATCH + 137;
    let (_, template) = SAMPLES.iter().find(|s| s.0 == "welcome-email.ron").unwrap();
    let broken = [3, BATCH, n - 1];
    let paths: Vec<PathBuf> = (0..n)
        .map(|i| {
            let path = files.join(format!("f{i:05}.ron"));
            let text = if broken.contains(&i) {
                "(version: 1, id: ".to_string()
            } else if i == 7 || i == n - 20 {
                // The same campaign twice, far apart: the later file is the newer revision.
                template.replace("objective: \"", &format!("objective: \"File {i}. "))
            } else {
                template.replace("id: \"welcome-email\"", &format!("id: \"welcome-{i}\""))
            };
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();
    let mut seen = Vec::new();
    let report = import_files(&mut store, &paths, |done| seen.push(done)).unwrap();

    assert_eq!(report.imported.len(), n - broken.len());
    let failed: Vec<String> = report.failures.iter().map(|e| e.file.clone()).collect();
    assert_eq!(failed.len(), broken.len());
    for (f, i) in failed.iter().zip(broken) {
        assert!(f.ends_with(&format!("f{i:05}.ron")), "{f}");
    }
    let sources: Vec<&str> = report.imported.iter().map(|d| d.source.as_str()).collect();
    let out_of_order = sources.windows(2).find(|w| w[0] > w[1]);
    assert_eq!(out_of_order, None, "imported out of file order");
    let twice: Vec<&Outcome> = report
        .imported
        .iter()
        .filter(|d| d.id == "welcome-email")
        .map(|d| &d.outcome)
        .collect();
    assert_eq!(twice, [&Outcome::Created, &Outcome::NewRevision(2)]);
    let head = store.get("welcome-email").unwrap();
    assert!(
        head.campaign
            .objective
            .starts_with(&format!("File {}. ", n - 20))
    );
    assert_eq!(store.count().unwrap() as usize, n - broken.len() - 1);
    // Progress after each committed transaction and at the end, never going back.
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert_eq!(seen.last(), Some(&n));
    assert!(seen.len() >= 3, "{seen:?}");
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn import_demotes_a_file_past_draft_with_errors() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_unseeded(&db_in(dir.path())).unwrap();
    let f = dir.path().join("q.ron");
    let text = SAMPLES
        .iter()
        .find(|s| s.0 == "quiet-ad-sync.ron")
        .unwrap()
        .1;
    let published = text.replace("status: Draft", "status: Published");
    let mut import = |text: &str| {
        std::fs::write(&f, text).unwrap();
        let done = store.import_ready(vec![prepare_file(&f).unwrap()]).unwrap();
        done[0].outcome.clone()
    };
    let demoted = |revision| Outcome::DemotedToDraft {
        errors: 4,
        was: Status::Published,
        revision,
    };
    assert_eq!(import(&published), demoted(1));
    // Again with a change: a later revision of the same campaign, still a draft.
    let changed = published.replacen("objective: \"", "objective: \"Changed: ", 1);
    assert_eq!(import(&changed), demoted(2));
    assert_eq!(
        store.get("quiet-ad-sync").unwrap().campaign.status,
        Status::Draft
    );
}

#[test]
fn export_then_import_gives_identical_campaigns() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&db_in(dir.path())).unwrap();
    let out = dir.path().join("export");
    let ids: Vec<String> = store
        .all_summaries()
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    let written = store.export(&ids, &out).unwrap();
    assert_eq!(written.len(), SAMPLES.len());
    for (name, text) in SAMPLES {
        assert_eq!(
            std::fs::read_to_string(out.join(name)).unwrap(),
            *text,
            "{name} exported exactly"
        );
    }
    let mut fresh = Store::open_unseeded(&dir.path().join("b.db")).unwrap();
    let ready = written.iter().map(|p| prepare_file(p).unwrap()).collect();
    fresh.import_ready(ready).unwrap();
    for id in &ids {
        assert_eq!(
            fresh.get(id).unwrap().campaign,
            store.get(id).unwrap().campaign
        );
    }
}

#[cfg(unix)]
#[test]
fn export_never_writes_through_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&db_in(dir.path())).unwrap();
    let out = dir.path().join("export");
    std::fs::create_dir(&out).unwrap();
    let target = dir.path().join("precious.txt");
    std::fs::write(&target, "keep me").unwrap();
    std::os::unix::fs::symlink(&target, out.join("welcome-email.ron")).unwrap();
    let err = store
        .export(&["welcome-email".to_string()], &out)
        .unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
}

#[test]
fn a_corrupt_revision_is_a_clear_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(dir.path());
    drop(Store::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute(
            "UPDATE revision_texts SET ron = '(broken' WHERE revision_id IN (SELECT id FROM revisions WHERE campaign_id = 'welcome-email')",
            [],
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let err = store.get("welcome-email").unwrap_err();
    assert!(
        err.to_string()
            .contains("revision 1 of \"welcome-email\" could not be read"),
        "{err}"
    );
    let _ = ron_io::load_str("x", "(broken").unwrap_err();
}

#[test]
fn io_errors_say_what_to_do_next() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    // A database "inside" a plain file: its folder cannot exist.
    let err = Store::open(&file.join("candor.db")).unwrap_err();
    assert!(
        err.to_string().contains("choose another file with --db"),
        "{err}"
    );
    let store = Store::open(&dir.path().join("ok.db")).unwrap();
    let err = store
        .export(&["welcome-email".to_string()], &file.join("out"))
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("Choose a folder you may write to with --out"),
        "{err}"
    );
}

/// The library list carries each campaign's latest decision, and whether it was made on the
/// revision the library holds now.
#[test]
fn summaries_carry_the_latest_decision_and_whether_it_is_current() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&db_in(dir.path())).unwrap();
    let find = |s: &Store| {
        s.all_summaries()
            .unwrap()
            .into_iter()
            .find(|s| s.id == "welcome-email")
            .unwrap()
            .review
    };
    assert_eq!(find(&store), None);
    let head = store.get("welcome-email").unwrap();
    let text = store
        .revision_text("welcome-email", head.revision.number)
        .unwrap();
    store
        .add_review(
            &text,
            "welcome-email.ron",
            Decision::RequestChanges,
            "shorter",
        )
        .unwrap();
    store
        .add_review(&text, "welcome-email.ron", Decision::Approve, "")
        .unwrap();
    let r = find(&store).unwrap();
    assert_eq!((r.decision, r.current), (Decision::Approve, true));
    assert_eq!(r.short(), "approved");
    // Moving the status on after the approval (a new revision) keeps it: the approval covers
    // what visitors are shown, and the status is not part of that.
    let mut c = head.campaign.clone();
    c.status = match c.status {
        Status::Published => Status::Approved,
        _ => Status::Published,
    };
    let moved = store.save(&c, head.revision.id, "status moved on").unwrap();
    assert_eq!(moved.number, head.revision.number + 1);
    let r = find(&store).unwrap();
    assert_eq!((r.decision, r.current), (Decision::Approve, true));
    // A change to what visitors read does not.
    c.objective = "Changed after the approval".into();
    let changed = store.save(&c, moved.id, "changed").unwrap();
    let r = find(&store).unwrap();
    assert_eq!((r.decision, r.current), (Decision::Approve, false));
    assert_eq!(r.short(), "approved·old");
    // Restoring the approved text brings the approval back; restoring another does not.
    store
        .restore("welcome-email", head.revision.number)
        .unwrap();
    assert!(find(&store).unwrap().current);
    store.restore("welcome-email", changed.number).unwrap();
    assert!(!find(&store).unwrap().current);
}

/// A library written by the release before schema 3 (tests/data/library-schema-2.db: the
/// samples; welcome-email approved while in review, then imported again as approved;
/// sofa-recommendations approved, then its objective changed) moves forward and judges its
/// reviews by text: the status change keeps the approval, the objective change does not.
#[test]
fn a_library_from_schema_2_keeps_approvals_the_status_change_did_not_touch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    std::fs::copy("tests/data/library-schema-2.db", &path).unwrap();
    let before: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(before, 2);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let all = store.all_summaries().unwrap();
    let review = |id: &str| all.iter().find(|s| s.id == id).unwrap().review.unwrap();
    let welcome = all.iter().find(|s| s.id == "welcome-email").unwrap();
    assert_eq!(welcome.status, Status::Approved);
    assert_eq!(welcome.revision, 3);
    assert_eq!(
        (
            review("welcome-email").decision,
            review("welcome-email").current
        ),
        (Decision::Approve, true)
    );
    assert_eq!(review("sofa-recommendations").short(), "approved·old");
}

/// A library written by the release before schema 2 (tests/data/library-schema-1.db: the
/// samples, a restored revision, a draft and a review) opens, moves forward, and keeps
/// everything: texts, the draft (now with an unknown author), the review, the head numbers.
#[test]
fn a_library_from_the_previous_release_is_migrated_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    std::fs::copy("tests/data/library-schema-1.db", &path).unwrap();
    let version = |p: &Path| -> i64 {
        rusqlite::Connection::open(p)
            .unwrap()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap()
    };
    assert_eq!(version(&path), 1);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(version(&path), candor::store::latest_version());
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert_eq!(store.count().unwrap() as usize, SAMPLES.len());
    // The head number comes from the campaign row now.
    let all = store.all_summaries().unwrap();
    let anti = all.iter().find(|s| s.id == "anti-ageing-55-plus").unwrap();
    assert_eq!(anti.revision, 2);
    assert_eq!(store.get("anti-ageing-55-plus").unwrap().revision.number, 2);
    assert!(
        store
            .revision_text("anti-ageing-55-plus", 1)
            .unwrap()
            .contains("anti-ageing-55-plus")
    );
    // The old draft has no author: it is offered, saying so.
    store.set_author("ana");
    let welcome = all.iter().find(|s| s.id == "welcome-email").unwrap();
    assert!(welcome.has_draft);
    let draft = store.draft("welcome-email").unwrap().unwrap();
    assert!(!draft.author_known());
    // The review still marks the campaign approved on its current revision.
    let review = welcome.review.unwrap();
    assert_eq!((review.decision, review.current), (Decision::Approve, true));
    // Sorting by name runs on the stored sort key, which the migration filled.
    let by_name = store
        .library_page(
            &candor::store::LibraryQuery {
                filter: String::new(),
                sort: candor::store::SortKey::Name,
            },
            0,
            3,
        )
        .unwrap();
    assert_eq!(by_name[0].id, "anti-ageing-55-plus");
    // And it saves.
    let head = store.get("sofa-recommendations").unwrap();
    store
        .save(&head.campaign, head.revision.id, "after the migration")
        .unwrap();
    // That release's welcome email went to people who had not signed up for email, and was
    // approved: today's checks hold it at the review gate rather than let it save as approved.
    let head = store.get("welcome-email").unwrap();
    let err = store
        .save(&head.campaign, head.revision.id, "after the migration")
        .unwrap_err();
    assert!(
        err.to_string().contains("email-without-permission"),
        "{err}"
    );
}

/// Listing reads only the `campaigns` table (and the small review and draft indexes), and
/// looking a revision up by its content hash uses an index: checked on SQLite's own plans.
#[test]
fn lists_never_touch_revision_text_and_hash_lookups_use_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(dir.path());
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let plan = |sql: &str| -> String {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        stmt.query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .map(Result::unwrap)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let hash = plan("SELECT id FROM revisions WHERE content_hash = 'x'");
    assert!(hash.contains("INDEX revisions_hash"), "{hash}");
    // Every sort walks an index instead of sorting the table.
    for order in [
        "updated_at DESC, id",
        "sort_name, id",
        "status_rank, sort_name, id",
        "errors DESC, warnings DESC, id",
        "warnings DESC, errors DESC, id",
    ] {
        let p = plan(&format!(
            "SELECT id, name FROM campaigns ORDER BY {order} LIMIT 40"
        ));
        assert!(!p.contains("TEMP B-TREE"), "{order}: {p}");
    }
    let schema: String = conn
        .query_row(
            "SELECT group_concat(name) FROM pragma_table_info('revisions')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!schema.contains("ron"), "{schema}");
    // With the revisions and their texts gone, the library still lists, sorts, filters and
    // finds a campaign in every order: none of it reads those tables.
    conn.execute_batch("DROP TABLE revision_texts; DROP TABLE revisions;")
        .unwrap();
    let store = Store::open(&path).unwrap();
    for sort in [
        SortKey::Updated,
        SortKey::Name,
        SortKey::Status,
        SortKey::Errors,
        SortKey::Warnings,
    ] {
        let q = LibraryQuery {
            filter: String::new(),
            sort,
        };
        assert_eq!(store.library_page(&q, 0, 40).unwrap().len(), SAMPLES.len());
        assert!(
            store
                .library_position(&q, "welcome-email")
                .unwrap()
                .is_some()
        );
        let filtered = LibraryQuery {
            filter: "draft".into(),
            sort,
        };
        assert!(store.library_count(&filtered).unwrap() > 0);
        assert!(!store.library_page(&filtered, 0, 40).unwrap().is_empty());
    }
}

/// D1: two people editing one campaign keep their own drafts; neither restores the other's.
#[test]
fn drafts_belong_to_their_author() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(dir.path());
    let mut ana = Store::open(&path).unwrap();
    ana.set_author("ana");
    let mut ben = Store::open(&path).unwrap();
    ben.set_author("ben");
    let head = ana.get("welcome-email").unwrap();
    let mut a = head.campaign.clone();
    a.objective = "Ana's edit".into();
    let mut b = head.campaign.clone();
    b.objective = "Ben's edit".into();
    ana.save_draft(&a, head.revision.id).unwrap();
    ben.save_draft(&b, head.revision.id).unwrap();
    let mine = ana.draft("welcome-email").unwrap().unwrap();
    assert_eq!(mine.campaign.objective, "Ana's edit");
    assert_eq!(mine.author, "ana");
    assert_eq!(mine.base_revision, head.revision.id);
    assert_eq!(
        ben.draft("welcome-email")
            .unwrap()
            .unwrap()
            .campaign
            .objective,
        "Ben's edit"
    );
    let others = ana.others_drafts("welcome-email").unwrap();
    assert_eq!(others.len(), 1);
    assert_eq!(others[0].0, "ben");
    // Ben saving removes his draft, not Ana's.
    ben.save(&b, head.revision.id, "").unwrap();
    assert!(ben.draft("welcome-email").unwrap().is_none());
    assert_eq!(
        ana.draft("welcome-email")
            .unwrap()
            .unwrap()
            .campaign
            .objective,
        "Ana's edit"
    );
    ana.discard_draft("welcome-email").unwrap();
    assert!(ana.draft("welcome-email").unwrap().is_none());
}

/// Revision 2 of welcome-email, with another objective, for a restore to change something.
fn save_a_second_objective(s: &mut Store) {
    let head = s.get("welcome-email").unwrap();
    let mut c = head.campaign;
    c.objective = "second".into();
    s.save(&c, head.revision.id, "").unwrap();
}

/// D8: two restores at the same moment both land, one after the other, and neither claims to
/// have kept a draft. Each thread alternates between revisions 1 and 2, so most restores
/// change the text; one that finds its revision's text already current adds nothing and says
/// so, and is the only other answer.
#[test]
fn restores_racing_each_other_both_land() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(dir.path());
    save_a_second_objective(&mut Store::open(&path).unwrap());
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut s = Store::open(&path).unwrap();
                (0..10)
                    .map(|i| {
                        s.restore("welcome-email", 1 + (t + i) % 2)
                            .map(|m| m.number)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut numbers = Vec::new();
    for h in handles {
        for r in h.join().unwrap() {
            match r {
                Ok(n) => numbers.push(n),
                Err(StoreError::AlreadyCurrent { .. }) => {}
                Err(e) => panic!("a racing restore failed: {e}"),
            }
        }
    }
    numbers.sort();
    assert!(numbers.len() >= 2, "{numbers:?}");
    assert_eq!(numbers, (3..3 + numbers.len() as i64).collect::<Vec<_>>());
    let s = Store::open(&path).unwrap();
    assert_eq!(s.history("welcome-email").unwrap().len(), 2 + numbers.len());
    assert!(s.drafts().unwrap().is_empty());
}

/// Restoring a revision whose text is already the current one is refused and writes nothing:
/// it would only add a copy of the current revision.
#[test]
fn restoring_the_current_text_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(dir.path());
    let mut s = Store::open(&path).unwrap();
    save_a_second_objective(&mut s);
    assert_eq!(s.restore("welcome-email", 1).unwrap().number, 3);
    let err = s.restore("welcome-email", 1).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::AlreadyCurrent {
                number: 1,
                head: 3,
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("Nothing was restored"), "{err}");
    assert_eq!(s.history("welcome-email").unwrap().len(), 3);
    // The current revision itself is named as such, not compared with itself.
    let err = s.restore("welcome-email", 3).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Revision 3 is the current revision of \"welcome-email\". Nothing was restored."
    );
    // Revision 2 differs from the current text, so it restores.
    assert_eq!(s.restore("welcome-email", 2).unwrap().number, 4);
}

/// The library's size is kept by triggers; it matches a real count after creating, copying,
/// deleting and importing.
#[test]
fn the_kept_library_size_matches_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(dir.path());
    let mut store = Store::open(&path).unwrap();
    let real = |p: &Path| -> i64 {
        rusqlite::Connection::open(p)
            .unwrap()
            .query_row("SELECT count(*) FROM campaigns", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(store.count().unwrap(), real(&path));
    store
        .duplicate("welcome-email", "welcome-copy", "Copy")
        .unwrap();
    store.delete("quiet-ad-sync").unwrap();
    store.delete("blast-to-everyone").unwrap();
    let file = dir.path().join("one.ron");
    let (name, text) = SAMPLES[0];
    let id = name.trim_end_matches(".ron");
    std::fs::write(
        &file,
        text.replace(&format!("\"{id}\""), "\"imported-one\""),
    )
    .unwrap();
    let report = import_files(&mut store, &[file], |_| {}).unwrap();
    assert_eq!(report.imported[0].outcome, Outcome::Created, "{report:?}");
    assert_eq!(store.count().unwrap(), real(&path));
    assert_eq!(store.count().unwrap() as usize, SAMPLES.len());
}

/// D11: damage in an index page is found when a small library is opened, before anything is
/// written: the open fails saying so, and the file's bytes stay as they were.
#[test]
fn a_damaged_index_is_found_on_open_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(dir.path());
    drop(Store::open(&path).unwrap());
    let (root, page): (i64, i64) = {
        let conn = rusqlite::Connection::open(&path).unwrap();
        (
            conn.query_row(
                "SELECT rootpage FROM sqlite_master WHERE name = 'campaigns_updated'",
                [],
                |r| r.get(0),
            )
            .unwrap(),
            conn.pragma_query_value(None, "page_size", |r| r.get(0))
                .unwrap(),
        )
    };
    let mut b = bytes(&path);
    let at = ((root - 1) * page) as usize;
    // Keep the page header, scramble the cells: the index no longer matches the table.
    for (i, x) in b[at + 40..at + page as usize - 8].iter_mut().enumerate() {
        *x = (i * 31 % 251) as u8;
    }
    std::fs::write(&path, &b).unwrap();
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Damaged { .. }), "{err:?}");
    assert!(
        err.to_string().contains("without writing anything"),
        "{err}"
    );
    assert_eq!(bytes(&path), b);
}
