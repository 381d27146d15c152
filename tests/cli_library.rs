//! `candor import`, `export`, `list`, `history`, `show`, `restore` against real database files.

use std::path::Path;
use std::process::{Command, Output};

fn candor(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_candor"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

/// Exit code, standard output and standard error.
fn outcome(o: Output) -> (i32, String, String) {
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn list_seeds_on_first_use_and_prints_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let o = candor(&db, &["list"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("welcome-email"));
    assert!(out(&o).contains(&format!("{} campaigns in", candor::samples::SAMPLES.len())));
    let o = candor(&db, &["list", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), candor::samples::SAMPLES.len());
    for key in [
        "id", "name", "status", "review", "channels", "updated", "errors", "warnings",
    ] {
        assert!(list[0].get(key).is_some(), "missing {key}");
    }
}

#[test]
fn candor_db_variable_chooses_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.db");
    let o = Command::new(env!("CARGO_BIN_EXE_candor"))
        .arg("list")
        .env("CANDOR_DB", &db)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", err(&o));
    assert!(db.exists());
}

#[test]
fn import_reports_each_bad_file_with_its_position_and_imports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let src = dir.path().join("src");
    std::fs::create_dir(&src).unwrap();
    let text = std::fs::read_to_string("campaigns/sofa-recommendations.ron").unwrap();
    std::fs::write(
        src.join("a.ron"),
        text.replace("sofa-recommendations", "sofa-two"),
    )
    .unwrap();
    std::fs::write(src.join("b.ron"), text.replace("objective:", "objectve:")).unwrap();
    let o = candor(&db, &["import", src.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("b.ron:10:5: unknown field `objectve`"),
        "{}",
        err(&o)
    );
    assert!(
        out(&o).contains("Imported 1 campaign: 1 new"),
        "{}",
        out(&o)
    );
    // Importing changed content for an existing id adds a revision.
    std::fs::write(
        src.join("a.ron"),
        text.replace("sofa-recommendations", "sofa-two")
            .replace("Cross-sell", "Upsell"),
    )
    .unwrap();
    std::fs::remove_file(src.join("b.ron")).unwrap();
    let o = candor(&db, &["import", src.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(out(&o).contains("1 updated"), "{}", out(&o));
    let o = candor(&db, &["history", "sofa-two"]);
    assert!(out(&o).contains("   2  "), "{}", out(&o));
    // A folder with no campaign files in it says so, rather than "Imported 0 campaigns".
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let o = candor(&db, &["import", empty.to_str().unwrap()]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(
        out(&o),
        format!(
            "No .ron files found in {}: nothing was imported.\n",
            empty.display()
        )
    );
}

/// Makes revision 2 of welcome-email by importing the sample with another objective, so a
/// restore has something to change.
fn import_a_changed_welcome_email(db: &Path, dir: &Path) {
    let changed = dir.join("welcome-email.ron");
    let text = std::fs::read_to_string("campaigns/welcome-email.ron").unwrap();
    std::fs::write(
        &changed,
        text.replacen("objective: \"", "objective: \"Changed: ", 1),
    )
    .unwrap();
    let o = candor(db, &["import", changed.to_str().unwrap()]);
    assert!(o.status.success(), "{}", err(&o));
}

/// The sample welcome email says approved; no review in a new library approves a changed copy,
/// and the import says so on the file's line.
#[test]
fn import_names_a_file_whose_approval_no_review_backs() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let changed = dir.path().join("welcome-email.ron");
    let text = std::fs::read_to_string("campaigns/welcome-email.ron").unwrap();
    std::fs::write(
        &changed,
        text.replacen("objective: \"", "objective: \"Changed: ", 1),
    )
    .unwrap();
    let o = candor(&db, &["import", changed.to_str().unwrap()]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        out(&o).contains(&format!(
            "{}: \"welcome-email\" says approved, but no review in this library approves this \
             version; `candor review {}` records one",
            changed.display(),
            changed.display()
        )),
        "{}",
        out(&o)
    );
}

/// A file that puts an approved campaign back to draft is imported as it says, and the import
/// says that what went out is no longer what the library holds; an import that leaves it
/// approved, or changes nothing, says nothing of the kind.
#[test]
fn import_says_when_a_file_takes_an_approved_campaign_back_to_draft() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let f = dir.path().join("welcome-email.ron");
    let text = std::fs::read_to_string("campaigns/welcome-email.ron").unwrap();
    std::fs::write(&f, text.replace("status: Approved", "status: Draft")).unwrap();
    let o = candor(&db, &["import", f.to_str().unwrap()]);
    assert!(o.status.success(), "{}", err(&o));
    let said = format!(
        "{}: \"welcome-email\" was approved in this library and is now draft, as the file says: what went out is no longer what the library holds",
        f.display()
    );
    assert!(out(&o).contains(&said), "{}", out(&o));
    // The same file again: unchanged, nothing said.
    let o = candor(&db, &["import", f.to_str().unwrap()]);
    assert!(!out(&o).contains("was approved"), "{}", out(&o));
    // A file that keeps it approved: nothing said either.
    let o = candor(&db, &["import", "campaigns/welcome-email.ron"]);
    assert!(!out(&o).contains("is now"), "{}", out(&o));
}

/// A file that says published but has errors comes in as a draft, and the summary counts it
/// as new the first time and as updated after.
#[test]
fn import_counts_a_file_kept_as_a_draft_as_new_then_updated() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let f = dir.path().join("q.ron");
    let text = std::fs::read_to_string("campaigns/quiet-ad-sync.ron")
        .unwrap()
        .replace("status: Draft", "status: Published")
        .replace("quiet-ad-sync", "quiet-copy");
    std::fs::write(&f, &text).unwrap();
    let o = candor(&db, &["import", f.to_str().unwrap()]);
    assert!(
        out(&o).contains("imported \"quiet-copy\" as a draft, not published: it has 4 errors"),
        "{}",
        out(&o)
    );
    assert!(out(&o).contains("1 new, 0 updated"), "{}", out(&o));
    std::fs::write(
        &f,
        text.replacen("objective: \"", "objective: \"Changed: ", 1),
    )
    .unwrap();
    let o = candor(&db, &["import", f.to_str().unwrap()]);
    assert!(out(&o).contains("0 new, 1 updated"), "{}", out(&o));
}

#[test]
fn export_all_then_show_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let exp = dir.path().join("exp");
    let o = candor(&db, &["export", "--all", "--out", exp.to_str().unwrap()]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(
        std::fs::read_dir(&exp).unwrap().count(),
        candor::samples::SAMPLES.len()
    );
    let o = candor(&db, &["export", "--out", exp.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(err(&o).contains("--all"), "{}", err(&o));
    let o = candor(&db, &["show", "welcome-email"]);
    assert_eq!(
        out(&o),
        std::fs::read_to_string("campaigns/welcome-email.ron").unwrap()
    );
    import_a_changed_welcome_email(&db, dir.path());
    let o = candor(&db, &["restore", "welcome-email", "1"]);
    assert!(out(&o).contains("as revision 3"), "{}", out(&o));
    // Again: revision 1 is the current text already, so nothing is added, and that is no
    // failure.
    let o = candor(&db, &["restore", "welcome-email", "1"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("Nothing was restored"), "{}", out(&o));
    let o = candor(&db, &["history", "welcome-email"]);
    assert_eq!(out(&o).lines().count(), 4, "{}", out(&o));
    // The table leaves an 80-column terminal room for the message, and its times read as the
    // TUI's do: to the minute, UTC said once in the header.
    let text = out(&o);
    let header = text.lines().next().unwrap();
    assert_eq!(header.find("MESSAGE"), Some(71), "{header}");
    assert!(header.contains("WHEN (UTC)"), "{header}");
    for line in text.lines().skip(1) {
        let when = &line[6..22];
        assert!(
            when.as_bytes()[10] == b' ' && !when.contains('Z') && &line[22..24] == "  ",
            "{line}"
        );
    }
    let o = candor(&db, &["history", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("no campaign with id \"nope\""),
        "{}",
        err(&o)
    );
}

#[test]
fn a_non_candor_database_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.txt");
    std::fs::write(&db, "hello").unwrap();
    let o = candor(&db, &["list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("is not a Candor database"), "{}", err(&o));
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "hello");
}

/// The translation round trip on real files: export, translate, import; an import against a
/// changed source is refused with the stale keys; a library campaign gets a new revision.
#[test]
fn translations_round_trip_a_file_byte_for_byte_and_refuse_stale_sources() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("welcome-email.ron");
    let original = std::fs::read_to_string("campaigns/welcome-email.ron").unwrap();
    std::fs::write(&file, &original).unwrap();
    let po = dir.path().join("es.po");
    let db = dir.path().join("t.db");
    let run = |args: &[&str]| outcome(candor(&db, args));
    let f = file.to_str().unwrap();
    let p = po.to_str().unwrap();
    let (code, out, err) = run(&["translations", "export", f, "--to", "es", "--out", p]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Wrote 7 texts"), "{out}");
    let text = std::fs::read_to_string(&po).unwrap();
    assert!(
        text.contains("msgctxt \"value_exchange.email_promise\""),
        "{text}"
    );
    assert!(text.contains("Language: es"), "{text}");
    let (code, out, err) = run(&["translations", "import", f, p]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Nothing to import for es, nothing was written: 7 already the same"),
        "{out}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        original,
        "byte for byte"
    );

    // A translator's change is written into the file.
    let changed = text.replace(
        "msgstr \"acceso anticipado a las rebajas de temporada\"",
        "msgstr \"acceso antes que nadie a las rebajas\"",
    );
    std::fs::write(&po, &changed).unwrap();
    let (code, out, _) = run(&["translations", "import", f, p]);
    assert_eq!(code, 0);
    assert!(out.contains("Imported es: 1 text changed, "), "{out}");
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("acceso antes que nadie")
    );

    // The source changed since export: refused, the key named, the file untouched.
    let edited = std::fs::read_to_string(&file).unwrap().replace(
        "\"en\": \"10% off your first order\"",
        "\"en\": \"15% off your first order\"",
    );
    std::fs::write(&file, &edited).unwrap();
    let (code, _, err) = run(&["translations", "import", f, p]);
    assert_eq!(code, 2);
    assert!(err.contains("value_exchange.immediate"), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), edited);

    // By library id: the import is a new revision.
    let (code, out, err) = run(&["translations", "export", "welcome-email", "--to", "fr"]);
    assert_eq!(code, 0, "{err}");
    let fr = out.replace(
        "msgstr \"un accès en avant-première aux soldes\"",
        "msgstr \"l'accès aux soldes avant tout le monde\"",
    );
    let fr_file = dir.path().join("fr.po");
    std::fs::write(&fr_file, fr).unwrap();
    let (code, out, err) = run(&[
        "translations",
        "import",
        "welcome-email",
        fr_file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Imported fr: 1 text changed, "), "{out}");
    let (_, history, _) = run(&["history", "welcome-email"]);
    assert!(history.contains("Imported fr translations"), "{history}");
    // A language the campaign does not offer is a clear error.
    let (code, _, err) = run(&["translations", "export", f, "--to", "de"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("add it first, under Languages on the editor's Overview"),
        "{err}"
    );
}

/// A user key file in the config folder rebinds a key in the real program; one with an unknown
/// command is a located error and the defaults stay in force.
#[test]
fn a_user_key_file_rebinds_keys_and_a_bad_one_keeps_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir_all(config.join("candor")).unwrap();
    let db = dir.path().join("t.db");
    let run = |args: &[&str]| {
        outcome(
            Command::new(env!("CARGO_BIN_EXE_candor"))
                .env("XDG_CONFIG_HOME", &config)
                .env("HOME", dir.path())
                .arg("--db")
                .arg(&db)
                .args(args)
                .output()
                .unwrap(),
        )
    };
    let keys = config.join("candor/keys.ron");
    std::fs::write(
        &keys,
        "// Mine.\n(bindings: [\n    (command: Filter, context: Library, keys: [\"f\"]),\n])\n",
    )
    .unwrap();
    let (code, out, err) = run(&["keys"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("*f "), "{out}");
    // Each context is one section, its keys together.
    for ctx in ["Library", "Editor", "Audience", "Findings", "Pick"] {
        assert_eq!(
            out.matches(&format!("\n{ctx}\n")).count(),
            1,
            "{ctx}: {out}"
        );
    }
    // In the program itself, f now filters the library and / no longer does.
    let (_, screen, _) = run(&[
        "screenshot",
        "library",
        "--size",
        "100x30",
        "--keys",
        "f skin",
    ]);
    assert!(screen.contains("1 of"), "{screen}");
    let (_, screen, _) = run(&[
        "screenshot",
        "library",
        "--size",
        "100x30",
        "--keys",
        "/ skin",
    ]);
    assert!(!screen.contains("1 of"), "{screen}");

    std::fs::write(
        &keys,
        "(bindings: [\n    (command: Filtr, context: Library, keys: [\"f\"]),\n])\n",
    )
    .unwrap();
    let (code, out, err) = run(&["keys"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("keys.ron:2:15: unknown command \"Filtr\"; did you mean Filter?"),
        "{err}"
    );
    assert!(err.contains("using the default keys"), "{err}");
    assert!(
        out.contains("Library"),
        "the defaults are still listed: {out}"
    );
    // The program still works with the defaults, and its first screen says why.
    let (_, screen, _) = run(&[
        "screenshot",
        "library",
        "--size",
        "100x30",
        "--keys",
        "/ skin",
    ]);
    assert!(screen.contains("1 of"), "{screen}");
    let (_, screen, _) = run(&["screenshot", "library", "--size", "100x30"]);
    assert!(screen.contains("keys.ron:2:15"), "{screen}");
}

/// An empty CANDOR_DB means unset: the default database in the data folder, not an error.
#[test]
fn an_empty_candor_db_means_the_default_database() {
    let home = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_candor"))
        .arg("list")
        .env("CANDOR_DB", "")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        home.path().join("data/candor/candor.db").exists(),
        "{}",
        out(&o)
    );
}

/// A status that claims approval is not taken for one: `candor list` marks "approved" and
/// "published" with * until an approval is recorded on the text as it is, and marks it again
/// after an edit; tsv and json carry the latest decision as the TUI's Review column shows it.
#[test]
fn list_marks_an_approval_status_no_review_covers() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let row = |text: &str, id: &str| -> String {
        text.lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("no row for {id}:\n{text}"))
            .to_string()
    };
    let legend = "* approved or published, but no approval is recorded on the text as it is now";
    // The samples were never reviewed in Candor.
    let text = out(&candor(&db, &["list"]));
    assert!(
        row(&text, "welcome-email").contains(" approved* "),
        "{text}"
    );
    assert!(
        row(&text, "blast-to-everyone").contains(" draft "),
        "{text}"
    );
    assert!(text.contains(legend), "{text}");
    // Approved on its current text: no mark.
    {
        let mut s = candor::store::Store::open(&db).unwrap();
        let current = s.revision_text("welcome-email", 1).unwrap();
        s.add_review(
            &current,
            "welcome-email.ron",
            candor::store::Decision::Approve,
            "checked",
        )
        .unwrap();
    }
    let text = out(&candor(&db, &["list"]));
    assert!(row(&text, "welcome-email").contains(" approved "), "{text}");
    // JSON gives the decision's values, for scripts; none is null.
    assert_eq!(
        json_review(&db, "welcome-email"),
        serde_json::json!({ "decision": "approve", "current": true })
    );
    assert_eq!(
        json_review(&db, "blast-to-everyone"),
        serde_json::Value::Null
    );
    let tsv = out(&candor(&db, &["list", "--format", "tsv"]));
    assert!(
        row(&tsv.replace('\t', " "), "welcome-email").contains("approved approved "),
        "{tsv}"
    );
    // Edited since: marked again, and the decision is an old one.
    import_a_changed_welcome_email(&db, dir.path());
    let text = out(&candor(&db, &["list"]));
    assert!(
        row(&text, "welcome-email").contains(" approved* "),
        "{text}"
    );
    assert_eq!(
        json_review(&db, "welcome-email"),
        serde_json::json!({ "decision": "approve", "current": false })
    );
    // The approved text restored (a new revision, the same text): covered again.
    let restored = candor(&db, &["restore", "welcome-email", "1"]);
    assert!(restored.status.success(), "{}", err(&restored));
    let text = out(&candor(&db, &["list"]));
    assert!(row(&text, "welcome-email").contains(" approved "), "{text}");
}

/// `candor list` fits 80 columns by shortening names, never ids; tsv keeps everything whole.
#[test]
fn list_prints_whole_ids_within_80_columns_and_tsv_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let o = candor(&db, &["list"]);
    let text = out(&o);
    let store = candor::store::Store::open(&db).unwrap();
    for s in store.all_summaries().unwrap() {
        assert!(
            text.lines().any(|l| l.starts_with(&format!("{} ", s.id))),
            "{} is not whole:\n{text}",
            s.id
        );
    }
    for line in text.lines().filter(|l| !l.contains(" campaigns in ")) {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
    assert!(text.contains('…'), "long names are shortened with a mark");
    let o = candor(&db, &["list", "--format", "tsv"]);
    let tsv = out(&o);
    let mut lines = tsv.lines();
    assert_eq!(
        lines.next(),
        Some("id\tstatus\treview\terrors\twarnings\tchannels\tupdated\tname")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), candor::samples::SAMPLES.len());
    assert!(rows.iter().all(|r| r.len() == 8));
    // A name is whole in tsv, and the id there works with other commands.
    let long = rows.iter().max_by_key(|r| r[7].len()).unwrap();
    assert!(!long[7].contains('…'));
    let o = candor(&db, &["history", long[0]]);
    assert!(o.status.success(), "{}", err(&o));
}

/// D2 and D3: a name full of C1 controls, separators, bidirectional and invisible characters
/// reaches no output raw: JSON escapes them (and parses back to the exact name), the text
/// and TSV formats show them as `\u{..}`.
#[test]
fn list_in_every_format_escapes_controls_separators_and_invisible_characters() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    assert!(candor(&db, &["list"]).status.success());
    let name = "A\u{9b}2J\u{9c}\u{9d}\u{85}B\u{202e}C\u{200b}D\u{feff}E\u{2028}F\u{2029}G\u{fff9}\u{fffb}\u{61c}\u{2060}H";
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute(
            "UPDATE campaigns SET name = ?1 WHERE id = 'welcome-email'",
            [name],
        )
        .unwrap();
    }
    for format in ["text", "tsv", "json"] {
        let o = candor(&db, &["list", "--format", format]);
        assert!(o.status.success(), "{format}: {}", err(&o));
        let text = out(&o);
        let bad: Vec<char> = text
            .chars()
            .filter(|&c| c != '\n' && (format != "tsv" || c != '\t'))
            .filter(|&c| candor::text::needs_escape(c))
            .collect();
        assert!(bad.is_empty(), "{format} wrote {bad:?} raw");
        if format == "json" {
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            let row = v
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["id"] == "welcome-email")
                .unwrap();
            assert_eq!(row["name"], name);
        } else if format == "tsv" {
            assert!(text.contains("E\\u{2028}F"), "{format}: {text}");
        } else {
            // The text table shortens names to fit 80 columns.
            assert!(text.contains("A\\u{9b}2J"), "{format}: {text}");
        }
    }
}

fn mtime(p: &Path) -> std::time::SystemTime {
    std::fs::metadata(p).unwrap().modified().unwrap()
}

/// A library file made read-only (chmod 444) can still be listed, shown, its history read,
/// its library screen rendered and its campaigns exported; the file's bytes and modification
/// time stay exactly as they were. Writing commands say why they cannot.
#[test]
fn a_read_only_library_can_be_browsed_and_is_never_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ro.db");
    import_a_changed_welcome_email(&db, dir.path());
    assert!(
        candor(&db, &["restore", "welcome-email", "1"])
            .status
            .success()
    );
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    // A moment later, so a write would show in the modification time.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let (bytes, when) = (std::fs::read(&db).unwrap(), mtime(&db));
    let export = dir.path().join("out");
    let runs: [&[&str]; 6] = [
        &["list"],
        &["list", "--format", "json"],
        &["show", "welcome-email"],
        &["history", "welcome-email"],
        &["screenshot", "library", "--size", "100x30"],
        &["export", "--all", "--out", export.to_str().unwrap()],
    ];
    for args in runs {
        let o = candor(&db, args);
        assert!(o.status.success(), "{args:?}: {}", err(&o));
        assert!(!out(&o).is_empty(), "{args:?}");
    }
    assert!(out(&candor(&db, &["history", "welcome-email"])).contains("restored revision 1"));
    assert!(export.join("welcome-email.ron").exists());
    let (code, _, e) = outcome(candor(&db, &["restore", "welcome-email", "1"]));
    assert_eq!(code, 2);
    assert!(e.contains("read-only"), "{e}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes,
        "the file's bytes changed"
    );
    assert_eq!(mtime(&db), when, "the file's modification time changed");
}

/// `--read-only` keeps its promise on the command line too: a command that writes is refused
/// before the library is opened, one that reads never creates a library, and a PO export (which
/// only reads) works on a library that cannot be written.
#[test]
fn the_read_only_flag_refuses_writes_and_never_creates_a_library() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.db");
    assert!(candor(&db, &["list"]).status.success());
    let (bytes, count) = (
        std::fs::read(&db).unwrap(),
        out(&candor(&db, &["list", "--format", "tsv"]))
            .lines()
            .count(),
    );
    let file = std::path::Path::new("campaigns").join("welcome-email.ron");
    let po = dir.path().join("welcome-es.po");
    for (args, name) in [
        (vec!["--read-only", "import", "campaigns"], "import"),
        (
            vec!["--read-only", "restore", "welcome-email", "1"],
            "restore",
        ),
        (
            vec![
                "--read-only",
                "translations",
                "import",
                "welcome-email",
                po.to_str().unwrap(),
            ],
            "translations import",
        ),
    ] {
        let (code, _, e) = outcome(candor(&db, &args));
        assert_eq!(code, 2, "{args:?}");
        assert_eq!(
            e,
            format!(
                "error: {name} writes to the library, and --read-only says nothing may be written. Leave out --read-only to {name}.\n"
            )
        );
    }
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
    assert_eq!(
        out(&candor(&db, &["list", "--format", "tsv"]))
            .lines()
            .count(),
        count
    );
    // A translation into a file is not a write to the library.
    let copy = dir.path().join("welcome-email.ron");
    std::fs::copy(&file, &copy).unwrap();
    let o = candor(
        &db,
        &[
            "--read-only",
            "translations",
            "export",
            copy.to_str().unwrap(),
            "--to",
            "es",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    // Reading commands never create a library that is not there.
    let missing = dir.path().join("typo.db");
    let review = file.to_str().unwrap();
    for args in [
        vec!["--read-only", "list"],
        vec!["--read-only", "show", "welcome-email"],
        vec!["--read-only", "review", review, "--print"],
        vec!["--read-only", "review", review],
        vec!["--read-only"],
    ] {
        let (code, _, e) = outcome(candor(&missing, &args));
        assert_eq!(code, 2, "{args:?}");
        assert!(e.contains("there is no library at"), "{e}");
        assert!(e.contains("--read-only never creates one"), "{e}");
        assert!(!missing.exists(), "{args:?} created a library");
    }
    // A PO export from a library nobody can write.
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let o = candor(
        &db,
        &["translations", "export", "welcome-email", "--to", "es"],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("msgid"), "{}", out(&o));
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
}

/// A library in a folder that cannot be written (no journal can be created next to it) is
/// read as it is on disk.
#[test]
fn a_library_in_a_read_only_folder_is_read_in_place() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("share");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("lib.db");
    assert!(candor(&db, &["list"]).status.success());
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let before: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let o = candor(&db, &["list", "--format", "tsv"]);
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(out(&o).lines().count(), candor::samples::SAMPLES.len() + 1);
    let after: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    // As root the folder stays writable to SQLite; either way no file may be left behind.
    assert_eq!(before, after);
}

/// A library made by an older Candor, given read-only, is read through an upgraded private
/// copy; the original stays byte for byte.
#[test]
fn an_old_read_only_library_is_upgraded_in_a_copy_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    std::fs::copy("tests/data/library-schema-1.db", &db).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let bytes = std::fs::read(&db).unwrap();
    let o = candor(&db, &["history", "anti-ageing-55-plus"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("restored revision 1"), "{}", out(&o));
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
}

/// D10: a mistyped --db path is said once; a 0-byte file and an empty database of another
/// program are refused, not adopted.
#[test]
fn a_new_library_is_announced_and_empty_files_are_not_adopted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("typo.db");
    let (code, _, e) = outcome(candor(&db, &["list"]));
    assert_eq!(code, 0);
    assert!(
        e.contains("No library was at") && e.contains("check the path"),
        "{e}"
    );
    let (_, _, e) = outcome(candor(&db, &["list"]));
    assert!(!e.contains("No library was at"), "{e}");
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, "").unwrap();
    let (code, _, e) = outcome(candor(&empty, &["list"]));
    assert_eq!(code, 2);
    assert!(e.contains("an empty file"), "{e}");
    assert_eq!(std::fs::read(&empty).unwrap().len(), 0);
    let foreign = dir.path().join("foreign.db");
    drop(
        rusqlite::Connection::open(&foreign)
            .unwrap()
            .execute_batch("PRAGMA user_version = 0; VACUUM;"),
    );
    let (code, _, e) = outcome(candor(&foreign, &["import", "campaigns/welcome-email.ron"]));
    assert_eq!(code, 2, "{e}");
    assert!(e.contains("not a Candor database"), "{e}");
}

/// D5, the readers' half: while another process holds the library's write lock, `list`,
/// `show` and `history` answer at once (WAL readers never wait for a writer); before, they
/// waited out the 15-second busy timeout and failed.
#[test]
fn readers_do_not_wait_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("busy.db");
    assert!(candor(&db, &["list"]).status.success());
    let writer = rusqlite::Connection::open(&db).unwrap();
    writer
        .execute_batch("BEGIN IMMEDIATE; UPDATE ui_state SET value = value;")
        .unwrap();
    for args in [
        &["list"][..],
        &["show", "welcome-email"],
        &["history", "welcome-email"],
    ] {
        let start = std::time::Instant::now();
        let o = candor(&db, args);
        assert!(o.status.success(), "{args:?}: {}", err(&o));
        assert!(
            start.elapsed().as_secs() < 5,
            "{args:?} took {:?}",
            start.elapsed()
        );
    }
    writer.execute_batch("ROLLBACK").unwrap();
}

/// D9: a first run killed at any moment leaves no library or a whole one, never an empty or
/// half-seeded file that later runs refuse or never seed.
#[test]
fn a_first_run_killed_at_any_moment_leaves_no_library_or_a_whole_one() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..24u64 {
        let db = dir.path().join(format!("k{i}.db"));
        let mut child = Command::new(env!("CARGO_BIN_EXE_candor"))
            .arg("--db")
            .arg(&db)
            .arg("list")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(i * 3 / 2));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let o = candor(&db, &["list", "--format", "tsv"]);
        assert!(
            o.status.success(),
            "after a kill at {} ms: {}",
            i * 3 / 2,
            err(&o)
        );
        assert_eq!(out(&o).lines().count(), candor::samples::SAMPLES.len() + 1);
    }
}

/// The `review` of campaign `id` in `candor list --format json`.
fn json_review(db: &Path, id: &str) -> serde_json::Value {
    let json: serde_json::Value =
        serde_json::from_slice(&candor(db, &["list", "--format", "json"]).stdout).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap()["review"]
        .clone()
}

/// `candor disclosure` takes a campaign id as `reach` does, not only a file; the advice on an
/// untrue notice then points where an id can be checked.
#[test]
fn disclosure_takes_a_library_id() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.db");
    let o = candor(
        &db,
        &["disclosure", "skincare-recommendations", "--locale", "fr"],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        out(&o).contains("Ce que fait Lumen Beauty de vos données"),
        "{}",
        out(&o)
    );
    let o = candor(&db, &["disclosure", "quiet-ad-sync"]);
    assert_eq!(o.status.code(), Some(1));
    // The mark in the notice itself points where an id is checked, not to `candor check`,
    // which reads files.
    assert!(
        out(&o).starts_with(
            "NOT TRUE YET: it leaves out what the campaign does. Do not publish it until the editor's Findings tab shows none of: undisclosed-sharing, undeclared-data-use."
        ),
        "{}",
        out(&o)
    );
    assert!(err(&o).contains("open it in `candor`"), "{}", err(&o));
    let (code, _, e) = outcome(candor(&db, &["disclosure", "no-such-campaign"]));
    assert_eq!(code, 2);
    assert!(e.contains("neither a .ron file nor a campaign id"), "{e}");
}
