//! Review mode, decisions, history and diffs.

use std::path::{Path, PathBuf};
use std::process::Command;

use ratatui::layout::Rect;

use candor::app::App;
use candor::store::Store;

mod common;
use common::{press, render};

struct Ctx {
    app: App,
    dir: tempfile::TempDir,
}

fn setup() -> Ctx {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_unseeded(&dir.path().join("t.db")).unwrap();
    store.set_clock("2026-11-20T09:30:00Z");
    store.set_author("rui");
    store.seed_samples().unwrap();
    let mut app = App::new(store);
    app.color = true;
    Ctx { app, dir }
}

/// Copies a sample (optionally changed) into the test folder and returns its path.
fn file(c: &Ctx, name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let text = std::fs::read_to_string(Path::new("campaigns").join(name)).unwrap();
    let p = c.dir.path().join(name);
    std::fs::write(&p, edit(text)).unwrap();
    p
}

fn both_sizes(name: &str, mut make: impl FnMut() -> Ctx, keys: &str, open: impl Fn(&mut Ctx)) {
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let mut c = make();
        c.app.area = Rect::new(0, 0, w, h);
        open(&mut c);
        press(&mut c.app, keys);
        // Temporary folders differ on every run; the snapshot shows a fixed name instead.
        insta::with_settings!({ filters => vec![(r"/tmp/\.tmp\w+/", "[tmp]/")] }, {
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(&mut c.app, w, h));
        });
    }
}

#[test]
fn review_of_a_clean_campaign() {
    both_sizes("review_clean", setup, "", |c| {
        let p = file(c, "welcome-email.ron", |t| t);
        c.app.open_review(&p);
    });
}

#[test]
fn review_of_a_flawed_campaign_shows_findings_with_reasons() {
    both_sizes("review_flawed_findings", setup, "<tab>", |c| {
        let p = file(c, "quiet-ad-sync.ron", |t| t);
        c.app.open_review(&p);
    });
}

#[test]
fn review_of_an_unparsable_file_shows_the_located_error() {
    both_sizes("review_unparsable", setup, "", |c| {
        let p = file(c, "welcome-email.ron", |t| {
            t.replacen("status: Approved", "status: Aproved", 1)
        });
        c.app.open_review(&p);
    });
}

#[test]
fn review_shows_escape_sequences_instead_of_running_them() {
    both_sizes("review_escapes", setup, "", |c| {
        let p = file(c, "welcome-email.ron", |t| {
            t.replacen(
                "Welcome email with first-order discount",
                "Welcome \\u{1b}[2J\\u{1b}]0;owned\\u{7} email",
                1,
            )
            .replacen(
                "Turn first-time",
                "Turn \u{1b}[31mred\u{1b}[0m first-time",
                1,
            )
        });
        c.app.open_review(&p);
    });
    let mut c = setup();
    let p = file(&c, "welcome-email.ron", |t| {
        t.replacen("Turn first-time", "Turn \u{1b}[31mred first-time", 1)
    });
    c.app.open_review(&p);
    let screen = render(&mut c.app, 120, 40);
    assert!(!screen.contains('\u{1b}'));
    assert!(screen.contains("\\u{1b}[31mred"));
}

#[test]
fn a_changed_file_shows_the_older_decision_and_what_changed() {
    both_sizes("review_changed_since_decision", setup, "", |c| {
        let p = file(c, "nearest-store-banner.ron", |t| t);
        c.app.open_review(&p);
        press(
            &mut c.app,
            "A Checked <space> the <space> proxy <space> reason <enter> <esc>",
        );
        std::fs::write(
            &p,
            std::fs::read_to_string(&p)
                .unwrap()
                .replace("within five kilometres", "within fifty kilometres"),
        )
        .unwrap();
        c.app.open_review(&p);
        press(&mut c.app, "<tab> <tab> <tab>");
    });
}

#[test]
fn decisions_persist_across_restarts_and_go_stale_when_the_file_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let f = dir.path().join("c.ron");
    std::fs::copy("campaigns/nearest-store-banner.ron", &f).unwrap();
    {
        let mut app = App::new(Store::open(&db).unwrap());
        app.open_review(&f);
        press(
            &mut app,
            "R Please <space> confirm <space> the <space> radius <enter>",
        );
        let r = app.review.as_ref().unwrap();
        assert_eq!(r.decisions.len(), 1);
        assert!(r.latest().unwrap().1, "made on this version");
    }
    {
        let mut app = App::new(Store::open(&db).unwrap());
        app.open_review(&f);
        let r = app.review.as_ref().unwrap();
        let (d, same) = r.latest().unwrap();
        assert_eq!(d.decision, candor::store::Decision::RequestChanges);
        assert_eq!(d.notes, "Please confirm the radius");
        assert!(same);
        assert!(
            d.revision_id.is_some(),
            "the file matches a library revision"
        );
        assert_eq!(d.revision_number, Some(1), "the seeded sample's revision");
        let text: String = r.decision_lines().into_iter().map(|(_, l)| l).collect();
        assert!(
            text.contains("(same text as library revision 1)"),
            "the decision names the revision: {text}"
        );
    }
    std::fs::write(
        &f,
        std::fs::read_to_string(&f)
            .unwrap()
            .replace("Your nearest store", "Your closest store"),
    )
    .unwrap();
    let mut app = App::new(Store::open(&db).unwrap());
    app.open_review(&f);
    let r = app.review.as_ref().unwrap();
    assert!(!r.latest().unwrap().1, "stale after the change");
    let text: String = r
        .decision_lines()
        .into_iter()
        .map(|(_, l)| l + "\n")
        .collect();
    assert!(text.contains("different version"), "{text}");
    assert!(
        text.contains("+     name: \"Your closest store\","),
        "{text}"
    );
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("different version")
    );
}

#[test]
fn an_unparsable_file_cannot_be_approved_but_changes_can_be_requested() {
    let mut c = setup();
    let p = file(&c, "welcome-email.ron", |t| {
        t.replacen("version: 1,", "version: 1,,", 1)
    });
    c.app.open_review(&p);
    press(&mut c.app, "A");
    assert!(
        c.app.dialog().is_none(),
        "no notes are asked for a refused approval"
    );
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert!(
        said.contains(
            "Cannot approve; press R to request changes instead. The file does not load."
        ),
        "{said}"
    );
    assert!(c.app.review.as_ref().unwrap().decisions.is_empty());
    press(&mut c.app, "R Fix <space> the <space> syntax <enter>");
    assert_eq!(c.app.review.as_ref().unwrap().decisions.len(), 1);
}

#[test]
fn history_list_and_diffs() {
    let make = || {
        let mut c = setup();
        // Three revisions: the sample, a new objective, then the app channel added.
        press(
            &mut c.app,
            "/ welcome <enter> <enter> j <enter> <c-u> Second <space> objective <enter> <c-s> j j j j <enter> j j <space> <enter> <c-s>",
        );
        assert_eq!(c.app.editor.as_ref().unwrap().revision_number, 3);
        c
    };
    both_sizes("history_list", make, "h", |_| {});
    both_sizes("history_diff_with_current", make, "h j j <enter>", |_| {});
    both_sizes(
        "history_diff_two_revisions",
        make,
        "h j j <space> k <enter>",
        |_| {},
    );
    both_sizes(
        "restore_draft_prompt",
        setup,
        "/ welcome <enter> <enter> j <enter> <c-u> Draft <space> goal <enter> <esc> <enter>",
        |_| {},
    );
}

/// The latest revision is the current version: Enter on it shows what it changed from the one
/// before, not "No differences". A campaign with one revision says there is nothing to compare.
#[test]
fn enter_on_the_latest_revision_shows_what_it_changed() {
    let mut c = setup();
    press(
        &mut c.app,
        "/ welcome <enter> <enter> j <enter> <c-u> Second <space> objective <enter> <c-s> h <enter>",
    );
    c.app.finish_background();
    let screen = render(&mut c.app, 120, 40);
    assert!(screen.contains("Revision 1 → revision 2"), "{screen}");
    assert!(screen.contains("Second objective"), "{screen}");
    assert!(!screen.contains("No differences"), "{screen}");

    let mut c = setup();
    press(&mut c.app, "/ welcome <enter> h <enter>");
    c.app.finish_background();
    assert!(c.app.history.as_ref().unwrap().diff.is_none());
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert_eq!(
        said,
        "Revision 1 is the only revision: nothing to compare it with yet"
    );
}

/// A diff is text to read: its keys are the scroll keys, not the revision list's, and paging
/// stops with its last line at the bottom of the box. Under the history box the editor's own
/// hint gives way.
#[test]
fn a_diff_scrolls_as_text_and_stops_at_its_last_line() {
    let mut c = setup();
    // Two changes (the objective, then a channel added), for a diff longer than a small box.
    press(
        &mut c.app,
        "/ welcome <enter> <enter> j <enter> <c-u> Second <space> objective <enter> <c-s> j j j j <enter> j j <space> <enter> <c-s> h",
    );
    let screen = render(&mut c.app, 80, 24);
    assert!(
        !screen.contains("Enter edits the selected field"),
        "the editor's hint shows under the history box:\n{screen}"
    );
    assert!(screen.contains("r restore"), "{screen}");
    press(&mut c.app, "j j <enter>");
    let screen = render(&mut c.app, 80, 24);
    assert!(
        screen.contains("Revision 1 → the latest revision"),
        "nothing is unsaved, so the diff is with the latest revision:\n{screen}"
    );
    assert!(
        !screen.contains("r restore") && !screen.contains("Space mark"),
        "the diff's footer offers the revision list's keys:\n{screen}"
    );
    render(&mut c.app, 60, 20);
    press(&mut c.app, "<pgdn> <pgdn> <pgdn> <pgdn>");
    let screen = render(&mut c.app, 60, 20);
    let d = c.app.history.as_ref().unwrap().diff.as_ref().unwrap();
    let last = d.lines.last().unwrap().1.trim().to_string();
    assert!(d.scroll > 0, "the diff is longer than the box");
    assert!(
        screen.contains(&last),
        "paging on scrolled the last line ({last:?}) out of the box:\n{screen}"
    );
    let bottom = d.scroll;
    press(&mut c.app, "<home> <end>");
    assert_eq!(
        c.app
            .history
            .as_ref()
            .unwrap()
            .diff
            .as_ref()
            .unwrap()
            .scroll,
        bottom
    );
    // A terminal large enough for the whole diff: it shows from its first line at once.
    c.app
        .handle_event(&ratatui::crossterm::event::Event::Resize(160, 60));
    let scroll =
        |app: &candor::app::App| app.history.as_ref().unwrap().diff.as_ref().unwrap().scroll;
    assert_eq!(scroll(&c.app), 0);
    // Esc goes back to the revisions, and Esc again closes the history.
    press(&mut c.app, "<esc>");
    assert!(c.app.history.as_ref().unwrap().diff.is_none());
}

/// Restoring a revision whose text is already the current one adds nothing: the TUI says so
/// instead of asking, and the history keeps its length.
#[test]
fn restoring_the_current_text_adds_no_revision() {
    let mut c = setup();
    press(
        &mut c.app,
        "/ welcome <enter> <enter> j <enter> <c-u> Second <enter> <c-s> h j r y",
    );
    assert_eq!(c.app.store.history("welcome-email").unwrap().len(), 3);
    // Revision 1 is now the current text: restoring it again is refused, before any question.
    press(&mut c.app, "h j j r");
    assert!(
        c.app.dialog().is_none(),
        "it asked to restore the current text"
    );
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert!(said.contains("nothing to restore"), "{said}");
    assert_eq!(c.app.store.history("welcome-email").unwrap().len(), 3);
}

/// A file that cannot be read has no content to decide on: neither an approval nor a request
/// for changes is recorded against it, and `candor review` of a missing path says so before any
/// screen opens.
#[test]
fn a_file_that_cannot_be_read_takes_no_decision() {
    let mut c = setup();
    let gone = c.dir.path().join("gone.ron");
    let folder = c.dir.path().to_path_buf();
    for path in [&gone, &folder] {
        c.app.open_review(path);
        for key in ["A", "R"] {
            press(&mut c.app, key);
            assert!(
                c.app.dialog().is_none(),
                "{key} asked for notes on {path:?}"
            );
            let said = c.app.message.as_ref().unwrap().text.clone();
            assert!(said.starts_with("Nothing to decide on:"), "{said}");
        }
        let shown = c.app.review.as_ref().unwrap().shown.clone();
        assert!(c.app.store.reviews_for(&shown, None).unwrap().is_empty());
    }
    let out = Command::new(env!("CARGO_BIN_EXE_candor"))
        .arg("--db")
        .arg(c.dir.path().join("x.db"))
        .arg("review")
        .arg(&gone)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("gone.ron does not exist; give the path of a campaign's .ron file"),
        "{err}"
    );
}

/// A library open read-only keeps no decision, and says so before the reviewer types notes:
/// the banner names what is lost here (decisions), not the editor's saving.
#[test]
fn a_read_only_library_refuses_a_decision_before_asking_for_notes() {
    let c = setup();
    let p = file(&c, "welcome-email.ron", |t| t);
    let db = c.dir.path().join("t.db");
    drop(c.app);
    let mut app = App::new(Store::open_read_only(&db, "opened with --read-only").unwrap());
    app.open_review(&p);
    let screen = render(&mut app, 80, 24);
    assert!(
        screen.contains("READ-ONLY  decisions are not recorded"),
        "{screen}"
    );
    assert!(!screen.contains("saving writes a copy"), "{screen}");
    for key in ["A", "R"] {
        press(&mut app, key);
        assert!(app.dialog().is_none(), "{key} asked for notes");
        let said = app.message.as_ref().unwrap().text.clone();
        assert!(
            said.starts_with("No decision can be recorded: this library is open read-only"),
            "{said}"
        );
    }
    let shown = app.review.as_ref().unwrap().shown.clone();
    assert!(app.store.reviews_for(&shown, None).unwrap().is_empty());
}

/// Warnings do not stop an approval, but the reviewer says why they can stand: the prompt
/// counts them, and an empty note is refused with the reason while the prompt stays open.
#[test]
fn approving_over_warnings_needs_a_note_saying_why() {
    let mut c = setup();
    let p = file(&c, "makeup-for-women.ron", |t| t);
    c.app.open_review(&p);
    let warnings = c.app.review.as_ref().unwrap().standing_warnings();
    assert!(warnings > 1);
    press(&mut c.app, "A");
    let screen = render(&mut c.app, 120, 40);
    assert!(
        screen.contains(&format!(
            "Approve with {warnings} warnings: why can they stand?"
        )),
        "{screen}"
    );
    press(&mut c.app, "<enter>");
    assert!(
        c.app.dialog().is_some(),
        "the prompt stays open for the note"
    );
    let screen = render(&mut c.app, 120, 40);
    assert!(
        screen.contains(&format!(
            "Say why its {warnings} warnings can stand, in 4 words"
        )),
        "{screen}"
    );
    // A word is not a reason, as it would not be for a waiver.
    press(&mut c.app, "ok <enter>");
    assert!(c.app.dialog().is_some(), "'ok' is not a reason");
    press(&mut c.app, "<c-u>");
    assert!(c.app.review.as_ref().unwrap().decisions.is_empty());
    press(
        &mut c.app,
        "Reach <space> is <space> set <space> by <space> the <space> brief <enter>",
    );
    let r = c.app.review.as_ref().unwrap();
    assert_eq!(r.decisions.len(), 1);
    assert_eq!(r.decisions[0].notes, "Reach is set by the brief");
}

/// Decisions follow the campaign into any file that holds it; one made on another file says
/// which, so a reviewer does not take it for a decision on the file open now.
#[test]
fn a_decision_made_on_another_file_names_it() {
    let mut c = setup();
    let first = file(&c, "welcome-email.ron", |t| t);
    c.app.open_review(&first);
    press(&mut c.app, "A <enter>");
    let copy = c.dir.path().join("w2.ron");
    std::fs::copy(&first, &copy).unwrap();
    c.app.open_review(&copy);
    let r = c.app.review.as_ref().unwrap();
    let text: Vec<String> = r.decision_lines().into_iter().map(|(_, s)| s).collect();
    let on_first = format!("  on another file: {}", first.display());
    assert!(text.contains(&on_first), "{text:#?}");
    // The same file by another spelling of its path is not another file.
    let respelled = c.dir.path().join(".").join("welcome-email.ron");
    c.app.open_review(&respelled);
    let r = c.app.review.as_ref().unwrap();
    let text: Vec<String> = r.decision_lines().into_iter().map(|(_, s)| s).collect();
    assert!(text.iter().any(|l| l.contains(" by rui on ")), "{text:#?}");
    assert!(
        !text.iter().any(|l| l.contains("on another file")),
        "{text:#?}"
    );
    // On the file it was made on, no such line.
    c.app.open_review(&first);
    let r = c.app.review.as_ref().unwrap();
    let text: Vec<String> = r.decision_lines().into_iter().map(|(_, s)| s).collect();
    assert!(
        !text.iter().any(|l| l.contains("on another file")),
        "{text:#?}"
    );
}

/// With nothing unsaved, "the latest revision" is the store's, even when another window saved
/// after this one opened the campaign.
#[test]
fn a_diff_with_the_latest_revision_reads_it_from_the_library() {
    let mut c = setup();
    press(
        &mut c.app,
        "/ welcome <enter> <enter> j <enter> <c-u> Second <enter> <c-s>",
    );
    let mut other = Store::open(c.app.store.path()).unwrap();
    let head = other.get("welcome-email").unwrap();
    let mut theirs = head.campaign.clone();
    theirs.objective = "Saved in another window".into();
    other.save(&theirs, head.revision.id, "").unwrap();
    // Revision 1 (the oldest) against the latest: revision 3, not the editor's revision 2.
    press(&mut c.app, "h j j <enter>");
    c.app.finish_background();
    let screen = render(&mut c.app, 120, 40);
    assert!(
        screen.contains("Revision 1 → the latest revision"),
        "{screen}"
    );
    assert!(screen.contains("Saved in another window"), "{screen}");
}

#[test]
fn restoring_from_history_adds_a_revision() {
    let mut c = setup();
    press(
        &mut c.app,
        "/ welcome <enter> <enter> j <enter> <c-u> Second <enter> <c-s> h j r",
    );
    // It asks first; n keeps everything as it is.
    assert!(c.app.dialog().is_some(), "restore asks before it acts");
    press(&mut c.app, "n");
    assert_eq!(c.app.store.history("welcome-email").unwrap().len(), 2);
    press(&mut c.app, "r y");
    let e = c.app.editor.as_ref().unwrap();
    assert_eq!(e.revision_number, 3);
    assert_ne!(e.campaign.objective, "Second");
    assert_eq!(c.app.store.history("welcome-email").unwrap().len(), 3);
}

#[test]
fn review_print_exit_codes() {
    let run = |args: &[&str]| {
        let dir = tempfile::tempdir().unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_candor"))
            .arg("--db")
            .arg(dir.path().join("x.db"))
            .args(args)
            .output()
            .unwrap();
        (
            o.status.code().unwrap(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
        )
    };
    let (code, out) = run(&["review", "campaigns/welcome-email.ron", "--print"]);
    assert_eq!(code, 0);
    for part in [
        "== Audience",
        "== Findings",
        "== Disclosure (es)",
        "== Disclosure (fr)",
        "== Decisions",
    ] {
        assert!(out.contains(part), "{part}");
    }
    assert_eq!(
        run(&["review", "campaigns/quiet-ad-sync.ron", "--print"]).0,
        1
    );
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(version: 1, id: \"x\u{1b}[2J\",").unwrap();
    let (code, out) = run(&["review", bad.to_str().unwrap(), "--print"]);
    assert_eq!(code, 2);
    assert!(out.contains("could not be read"), "{out}");
    assert!(!out.contains('\u{1b}'));
}

/// A reviewer sees what the campaign reads beside what it declares, and what a visitor would
/// read next to each zone.
#[test]
fn review_shows_the_data_map_and_why_each_zone_is_shown() {
    let (code, out) = {
        let dir = tempfile::tempdir().unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_candor"))
            .arg("--db")
            .arg(dir.path().join("x.db"))
            .args(["review", "campaigns/trail-shoes-undeclared.ron", "--print"])
            .output()
            .unwrap();
        (
            o.status.code().unwrap(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
        )
    };
    assert_eq!(code, 1, "errors keep the file from approval");
    for part in [
        "What it reads (2 categories)",
        "user.behavior.browsing_history: NOT DECLARED (tracks behaviour, builds a profile)",
        "read by: the audience condition \"viewed a category\"; the audience condition \"showed steady interest in a category\"",
        "Why you see this",
        "The banner: You see this because at least one of these is true",
        "Por qué ves esto",
        "Pourquoi vous voyez ce contenu",
    ] {
        assert!(out.contains(part), "{part} missing:\n{out}");
    }
}

#[test]
fn review_disclosure_tab_ends_with_why() {
    both_sizes("review_disclosure_why", setup, "<tab> <tab> G", |c| {
        let p = file(c, "skincare-recommendations.ron", |t| t);
        c.app.open_review(&p);
    });
}

/// A message of two lines under the history box is not drawn over: the box ends above it.
#[test]
fn the_history_box_leaves_a_long_message_in_view() {
    let mut c = setup();
    press(
        &mut c.app,
        "/ welcome <enter> <enter> j <enter> <c-u> Second <enter> <c-s> h j r y h j j r",
    );
    let said = c.app.message.clone().unwrap().text;
    assert!(
        said.starts_with("Revision 1 has the same text as the latest"),
        "{said}"
    );
    let screen = render(&mut c.app, 80, 24);
    assert!(
        screen.contains("Revision 1 has the same text as the latest"),
        "{screen}"
    );
}

/// Saving a changed text of an approved campaign says at once that no approval covers it any
/// more; a change of status alone, on an approved text, does not.
#[test]
fn saving_over_an_approval_says_it_needs_a_new_review() {
    let mut c = setup();
    press(
        &mut c.app,
        "/ welcome <enter> <enter> j <enter> <c-u> Second <enter> <c-s>",
    );
    let m = c.app.message.clone().unwrap();
    assert!(
        m.text.starts_with("Saved revision 2 of \"Welcome email with first-order discount\". It says approved, but no approval covers this text: it needs a new review"),
        "{}",
        m.text
    );
    assert_eq!(m.severity, Some(candor::checks::Severity::Warning));
    // Approved as it is now, then only published: the approval still covers it.
    let text = c.app.store.revision_text("welcome-email", 2).unwrap();
    c.app
        .store
        .add_review(
            &text,
            "welcome-email.ron",
            candor::store::Decision::Approve,
            "checked",
        )
        .unwrap();
    press(&mut c.app, "j j j <enter> j <enter> <c-s>");
    assert_eq!(
        c.app.editor.as_ref().unwrap().campaign.status,
        candor::model::Status::Published
    );
    let m = c.app.message.clone().unwrap();
    assert_eq!(
        m.text,
        "Saved revision 3 of \"Welcome email with first-order discount\""
    );
    assert_eq!(m.severity, None);
}

/// The Disclosure tab says which key shows the next language where it names the language, and
/// the key does it; a campaign in one language does not offer it.
#[test]
fn the_disclosure_tab_names_the_key_for_the_next_language() {
    let mut c = setup();
    let p = file(&c, "welcome-email.ron", |t| t);
    c.app.open_review(&p);
    press(&mut c.app, "<tab> <tab>");
    let screen = render(&mut c.app, 120, 40);
    assert!(screen.contains("English (L: next language) ·"), "{screen}");
    assert!(screen.contains("Esc library  L language"), "{screen}");
    press(&mut c.app, "L");
    let screen = render(&mut c.app, 120, 40);
    assert!(screen.contains("Disclosure (es)"), "{screen}");
    assert!(screen.contains("Español (L: next language) ·"), "{screen}");
    let p = file(&c, "quiet-ad-sync.ron", |t| t);
    c.app.open_review(&p);
    press(&mut c.app, "<tab> <tab>");
    let screen = render(&mut c.app, 120, 40);
    assert!(screen.contains("English · readability"), "{screen}");
    // This notice leaves out the ad platform: said before it, where the reviewer reads it.
    assert!(
        screen.contains(
            "x NOT TRUE YET: it leaves out what the campaign does; 3 findings say so (undisclosed-sharing, undeclared-data-use):"
        ),
        "{screen}"
    );
    // Printed, there are no tabs or keys: the line points at the findings printed above it,
    // and the language names no key.
    let printed = c.app.review.as_ref().unwrap().print();
    assert!(
        printed.contains(
            "3 findings say so (undisclosed-sharing, undeclared-data-use): see Findings above"
        ),
        "{printed}"
    );
    assert!(
        !printed.contains("Findings tab") && !printed.contains("(L:"),
        "{printed}"
    );
}

mod mouse {
    use super::*;
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

    fn mouse(app: &mut App, kind: MouseEventKind, column: u16, row: u16) {
        app.handle_event(&Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }));
    }

    /// The wheel and clicks act on review mode, never on the library hidden behind it.
    #[test]
    fn the_mouse_acts_on_review_mode_not_the_library_behind_it() {
        let mut c = setup();
        c.app.area = Rect::new(0, 0, 80, 24);
        let p = file(&c, "skincare-recommendations.ron", |t| t);
        c.app.open_review(&p);
        let selected = c.app.library.selected;
        for _ in 0..3 {
            mouse(&mut c.app, MouseEventKind::ScrollDown, 10, 10);
        }
        assert_eq!(c.app.review.as_ref().unwrap().scroll, 3);
        assert_eq!(
            c.app.library.selected, selected,
            "the hidden library did not move"
        );
        // Two clicks where a library row would be open nothing behind the review.
        mouse(&mut c.app, MouseEventKind::Down(MouseButton::Left), 10, 5);
        mouse(&mut c.app, MouseEventKind::Down(MouseButton::Left), 10, 5);
        assert!(c.app.editor.is_none());
        assert!(c.app.review.is_some());
        // A click on a tab switches to it: row 1 is the tab bar, "Findings" starts at 11.
        mouse(&mut c.app, MouseEventKind::Down(MouseButton::Left), 14, 1);
        assert_eq!(
            c.app.review.as_ref().unwrap().tab,
            candor::app::review::ReviewTab::Findings
        );
    }

    /// In history, the wheel moves between revisions, a click selects one and a second click
    /// opens its diff.
    #[test]
    fn the_mouse_acts_on_history() {
        let mut c = setup();
        c.app.area = Rect::new(0, 0, 120, 40);
        // Two more revisions of the welcome email.
        press(
            &mut c.app,
            "/ welcome <enter> <enter> j <enter> <c-u> One <enter> <c-s> <enter> <c-u> Two <enter> <c-s> h",
        );
        let h = c.app.history.as_ref().expect("history is open");
        assert_eq!(h.revisions.len(), 3);
        assert_eq!(h.selected, 0);
        mouse(&mut c.app, MouseEventKind::ScrollDown, 20, 10);
        assert_eq!(c.app.history.as_ref().unwrap().selected, 1);
        // Rows start under the border and the column headings: row 3 is the first revision.
        mouse(&mut c.app, MouseEventKind::Down(MouseButton::Left), 20, 5);
        assert_eq!(c.app.history.as_ref().unwrap().selected, 2);
        assert!(c.app.history.as_ref().unwrap().diff.is_none());
        mouse(&mut c.app, MouseEventKind::Down(MouseButton::Left), 20, 5);
        assert!(
            c.app.history.as_ref().unwrap().diff.is_some(),
            "a second click opens the diff"
        );
        assert!(c.app.editor.is_some(), "the editor behind is untouched");
    }
}

/// Earlier decisions that cannot be read are reported, not shown as "no decisions yet".
#[test]
fn unreadable_decisions_are_reported_instead_of_hidden() {
    let mut c = setup();
    let f = file(&c, "quiet-ad-sync.ron", |t| t);
    let conn = rusqlite::Connection::open(c.dir.path().join("t.db")).unwrap();
    conn.execute("ALTER TABLE reviews RENAME TO reviews_gone", [])
        .unwrap();
    c.app.open_review(&f);
    let screen = render(&mut c.app, 100, 30);
    assert!(
        screen.contains("Could not read the earlier decisions"),
        "{screen}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_candor"))
        .args(["review", "--print", "--db"])
        .arg(c.dir.path().join("t.db"))
        .arg(&f)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("could not read the earlier decisions"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A reviewer cannot approve what the editor would refuse: a file with error findings. A
/// request for changes needs a note.
#[test]
fn approval_follows_the_review_gate_and_a_change_request_needs_a_note() {
    let mut c = setup();
    let p = file(&c, "quiet-ad-sync.ron", |t| t);
    c.app.open_review(&p);
    press(&mut c.app, "A");
    let said = c.app.message.as_ref().unwrap().text.clone();
    // It names the key that does request changes in review mode, as the footer does, first,
    // then the reason.
    assert!(
        said.starts_with(
            "Cannot approve; press R to request changes instead. 4 errors must be fixed first"
        ),
        "{said}"
    );
    assert!(c.app.dialog().is_none());
    // The message takes the status line's hint over; the frame still says the file is only read.
    let screen = render(&mut c.app, 80, 24);
    assert!(screen.contains("Cannot approve"), "{screen}");
    assert!(!screen.contains("the file is never changed"), "{screen}");
    assert!(
        screen.lines().nth(2).unwrap().contains(" read-only "),
        "{screen}"
    );
    // Request changes with an empty note: refused in the dialog, nothing recorded.
    press(&mut c.app, "R <enter>");
    assert!(c.app.dialog().is_some(), "the note prompt stays open");
    let screen = render(&mut c.app, 100, 30);
    assert!(screen.contains("Say what must change"), "{screen}");
    assert!(c.app.review.as_ref().unwrap().decisions.is_empty());
    press(
        &mut c.app,
        "Drop <space> the <space> ad <space> sync <enter>",
    );
    assert_eq!(c.app.review.as_ref().unwrap().decisions.len(), 1);
    // A clean file is approved with an optional note.
    let clean = file(&c, "welcome-email.ron", |t| t);
    c.app.open_review(&clean);
    press(&mut c.app, "A <enter>");
    assert_eq!(c.app.review.as_ref().unwrap().decisions.len(), 1);
}

/// The Decisions tab of the open review, a line each.
fn decision_text(app: &App) -> Vec<String> {
    app.review
        .as_ref()
        .unwrap()
        .decision_lines()
        .into_iter()
        .map(|(_, l)| l)
        .collect()
}

/// Two decisions on earlier versions: each says what changed since, none is left empty.
#[test]
fn every_stale_decision_says_what_changed_since() {
    let mut c = setup();
    let p = file(&c, "welcome-email.ron", |t| t);
    c.app.open_review(&p);
    press(&mut c.app, "A First <enter>");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, text.replacen("Welcome", "Hello", 1)).unwrap();
    c.app.open_review(&p);
    press(&mut c.app, "A Second <enter>");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, text.replacen("Hello", "Hi", 1)).unwrap();
    c.app.open_review(&p);
    let lines = decision_text(&c.app);
    let headers: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.contains("What changed since:"))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(headers.len(), 2, "{lines:#?}");
    for i in headers {
        assert!(
            lines.get(i + 1).is_some_and(|l| l.starts_with("    ")),
            "nothing under the header at {i}: {lines:#?}"
        );
    }
}

/// A decision covers a file whose status (or top comment) changed since, as the library does:
/// review mode says it still covers it, names the change, and does not warn; a change to what
/// the campaign says still makes it stale.
#[test]
fn a_decision_still_covers_a_file_whose_status_alone_changed() {
    let mut c = setup();
    let f = file(&c, "nearest-store-banner.ron", |t| t);
    c.app.open_review(&f);
    press(&mut c.app, "A Checked <enter>");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(
        &f,
        format!(
            "// approved on Monday\n{}",
            text.replace("status: InReview,", "status: Approved,")
        ),
    )
    .unwrap();
    c.app.open_review(&f);
    assert!(
        c.app.review.as_ref().unwrap().latest().unwrap().1,
        "the approval covers the file"
    );
    let said = c.app.message.clone().unwrap();
    assert!(
        said.text
            .contains("on this campaign before its status or top comment changed"),
        "{}",
        said.text
    );
    assert_eq!(said.severity, None);
    let screen = render(&mut c.app, 120, 40);
    assert!(
        screen
            .lines()
            .next()
            .unwrap()
            .contains("approved by rui, status changed since"),
        "{screen}"
    );
    let lines = decision_text(&c.app).join("\n");
    assert!(lines.contains("so it still covers it"), "{lines}");
    assert!(lines.contains("+     status: Approved,"), "{lines}");
    assert!(!lines.contains("different version"), "{lines}");
    // What visitors read changes: stale.
    std::fs::write(&f, text.replace("Your nearest store", "Your closest store")).unwrap();
    c.app.open_review(&f);
    assert!(!c.app.review.as_ref().unwrap().latest().unwrap().1);
}
