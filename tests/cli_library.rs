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
        "id", "name", "status", "channels", "updated", "errors", "warnings",
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
    let o = candor(&db, &["restore", "welcome-email", "1"]);
    assert!(out(&o).contains("as revision 2"), "{}", out(&o));
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
    assert!(out.contains("Wrote 7 text(s)"), "{out}");
    let text = std::fs::read_to_string(&po).unwrap();
    assert!(
        text.contains("msgctxt \"value_exchange.email_promise\""),
        "{text}"
    );
    assert!(text.contains("Language: es"), "{text}");
    let (code, out, err) = run(&["translations", "import", f, p]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("0 text(s) changed, 7 already the same"),
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
    assert!(out.contains("1 text(s) changed"), "{out}");
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
    assert!(out.contains("1 text(s) changed"), "{out}");
    let (_, history, _) = run(&["history", "welcome-email"]);
    assert!(history.contains("Imported fr translations"), "{history}");
    // A language the campaign does not offer is a clear error.
    let (code, _, err) = run(&["translations", "export", f, "--to", "de"]);
    assert_eq!(code, 2);
    assert!(err.contains("add it in the Overview first"), "{err}");
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
        Some("id\tstatus\terrors\twarnings\tchannels\tupdated\tname")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), candor::samples::SAMPLES.len());
    assert!(rows.iter().all(|r| r.len() == 7));
    // A name is whole in tsv, and the id there works with other commands.
    let long = rows.iter().max_by_key(|r| r[6].len()).unwrap();
    assert!(!long[6].contains('…'));
    let o = candor(&db, &["history", long[0]]);
    assert!(o.status.success(), "{}", err(&o));
}
