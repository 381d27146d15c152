//! `candor check`, `explain`, `fmt` on real files, including every kind of malformed input.

use std::path::Path;
use std::process::{Command, Output};

fn candor(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_candor"))
        .args(args)
        .output()
        .unwrap()
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn sample(name: &str) -> String {
    std::fs::read_to_string(Path::new("campaigns").join(name)).unwrap()
}

/// Checks one file written from `content` and returns (exit code, stdout, stderr).
fn check_bytes(content: &[u8]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("input.ron");
    std::fs::write(&path, content).unwrap();
    let o = candor(&["check", path.to_str().unwrap()]);
    let (out, err) = text(&o);
    for stream in [&o.stdout, &o.stderr] {
        assert!(
            !stream.contains(&0x1b),
            "raw escape byte reached the terminal"
        );
        assert!(
            !stream.windows(2).any(|w| w == [0xc2, 0x9b]),
            "raw C1 CSI reached the terminal"
        );
    }
    (o.status.code().unwrap(), out, err)
}

/// Within a severity, a file's findings come in the order of its lines, so a reader goes down
/// the file once.
#[test]
fn a_files_findings_come_in_the_order_of_its_lines() {
    let o = candor(&["check", "campaigns/quiet-ad-sync.ron"]);
    let (out, _) = text(&o);
    let places: Vec<(String, usize, usize)> = out
        .lines()
        .filter_map(|l| {
            let rest = l.strip_prefix("campaigns/quiet-ad-sync.ron:")?;
            let mut parts = rest.splitn(3, ':');
            let line = parts.next()?.parse().ok()?;
            let column = parts.next()?.parse().ok()?;
            let severity = parts.next()?.trim_start().split('[').next()?.to_string();
            Some((severity, line, column))
        })
        .collect();
    assert!(places.len() >= 4, "{out}");
    for pair in places.windows(2) {
        if pair[0].0 == pair[1].0 {
            assert!(
                (pair[0].1, pair[0].2) <= (pair[1].1, pair[1].2),
                "out of line order: {pair:?}\n{out}"
            );
        }
    }
}

#[test]
fn check_reports_findings_in_rustc_style_and_exits_1_on_errors() {
    let o = candor(&["check", "campaigns/"]);
    let (out, _) = text(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out.contains("campaigns/makeup-for-women.ron:33:13: warning[binary-gender-segment]:"),
        "{out}"
    );
    assert!(out.contains("  help: "));
    assert!(out.lines().last().unwrap().starts_with(&format!(
        "Checked {} campaigns:",
        candor::samples::SAMPLES.len()
    )));
}

#[test]
fn exemplary_files_exit_0_and_deny_warnings_exits_1() {
    let o = candor(&[
        "check",
        "campaigns/welcome-email.ron",
        "campaigns/wine-club-age-gate.ron",
    ]);
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    let o = candor(&[
        "check",
        "campaigns/skincare-recommendations.ron",
        "--deny-warnings",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let o = candor(&["check", "campaigns/sofa-recommendations.ron"]);
    assert_eq!(o.status.code(), Some(0), "warnings alone pass by default");
    let o = candor(&[
        "check",
        "campaigns/sofa-recommendations.ron",
        "--deny-warnings",
    ]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn json_output_is_one_document_with_every_field() {
    let o = candor(&["check", "--format", "json", "campaigns/"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let list = v.as_array().unwrap();
    assert!(list.len() > 10);
    for f in list {
        for key in [
            "file", "campaign", "rule", "severity", "message", "location", "line", "column", "hint",
        ] {
            assert!(f.get(key).is_some(), "missing {key} in {f}");
        }
    }
    let g = list
        .iter()
        .find(|f| f["rule"] == "binary-gender-segment")
        .unwrap();
    assert_eq!(g["campaign"], "makeup-for-women");
    assert_eq!(g["severity"], "warning");
    assert_eq!(g["line"], 33);
    assert_eq!(g["location"], "audience.all[0].value");
}

#[test]
fn one_bad_file_exits_2_and_the_others_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-bad.ron"), "(version: 1,").unwrap();
    std::fs::write(
        dir.path().join("b-good.ron"),
        sample("sofa-recommendations.ron"),
    )
    .unwrap();
    let o = candor(&["check", dir.path().to_str().unwrap()]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(out.contains("recommends-purchased"), "{out}");
    assert!(err.contains("a-bad.ron:1:"), "{err}");
    assert!(out.contains("1 file could not be read"));
    // JSON carries the unreadable file as an error entry: a parser never sees a clean run.
    let o = candor(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let bad = v
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "load-error")
        .expect("an entry for the unreadable file");
    assert_eq!(bad["severity"], "error");
    assert!(
        bad["file"].as_str().unwrap().ends_with("a-bad.ron"),
        "{bad}"
    );
    assert_eq!(bad["line"], 1);
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == "recommends-purchased")
    );
}

#[test]
fn broken_syntax_is_located() {
    let bad = sample("welcome-email.ron").replacen("    name: ", "    name ", 1);
    let (code, _, err) = check_bytes(bad.as_bytes());
    assert_eq!(code, 2);
    assert!(err.contains("input.ron:9:9: expected `:`"), "{err}");
}

#[test]
fn unknown_field_suggests_the_closest() {
    let bad = sample("welcome-email.ron").replacen("objective:", "objectiv:", 1);
    let (code, _, err) = check_bytes(bad.as_bytes());
    assert_eq!(code, 2);
    assert!(err.contains("unknown field `objectiv`"), "{err}");
    assert!(err.contains("did you mean `objective`"), "{err}");
    assert!(err.contains("input.ron:10:5"), "{err}");
    assert!(
        err.contains("? The fields here are `version`, `id`"),
        "{err}"
    );
}

#[test]
fn misspelt_variant_suggests_the_closest() {
    let bad = sample("welcome-email.ron").replacen("PageView", "PageVeiw", 1);
    let (code, _, err) = check_bytes(bad.as_bytes());
    assert_eq!(code, 2);
    assert!(err.contains("unknown choice `PageVeiw`"), "{err}");
    assert!(err.contains("did you mean `PageView`"), "{err}");
    assert!(err.contains("? Expected one of `PageView`"), "{err}");
}

#[test]
fn misspelt_vocabulary_name_is_an_error_not_a_silent_pass() {
    let bad = sample("nearest-store-banner.ron").replacen("\"postal_code\"", "\"postcode\"", 1);
    let (code, _, err) = check_bytes(bad.as_bytes());
    assert_eq!(code, 2);
    assert!(err.contains("unknown attribute \"postcode\""), "{err}");
    assert!(err.contains("\"postal_code\""), "{err}");
}

#[test]
fn wrong_type_is_located() {
    let bad = sample("welcome-email.ron").replacen("within_days: 7", "within_days: \"seven\"", 1);
    let (code, _, err) = check_bytes(bad.as_bytes());
    assert_eq!(code, 2);
    assert!(err.contains("input.ron:"), "{err}");
    assert!(err.to_lowercase().contains("expected"), "{err}");
}

#[test]
fn empty_and_comment_only_files_are_clear_errors() {
    for content in ["", "   \n\n", "// only a comment\n"] {
        let (code, _, err) = check_bytes(content.as_bytes());
        assert_eq!(code, 2);
        assert!(err.contains("is empty"), "{err}");
    }
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = format!(
        "(audience: {}Intent(){})",
        "Not(".repeat(50_000),
        ")".repeat(50_000)
    );
    let (code, _, err) = check_bytes(deep.as_bytes());
    assert_eq!(code, 2);
    assert!(err.contains("nested more than"), "{err}");
    let brackets = "[".repeat(200_000);
    let (code, _, _) = check_bytes(brackets.as_bytes());
    assert_eq!(code, 2);
}

#[test]
fn a_20_mb_file_is_refused_before_reading() {
    let big = vec![b' '; 20 * 1024 * 1024];
    let (code, _, err) = check_bytes(&big);
    assert_eq!(code, 2);
    assert!(err.contains("over the limit of 8,388,608 (8 MiB)"), "{err}");
}

#[test]
fn invalid_utf8_is_located() {
    let mut bytes = b"(\n    version: 1,\n    id: \"x".to_vec();
    bytes.extend([0xff, 0xfe]);
    let (code, _, err) = check_bytes(&bytes);
    assert_eq!(code, 2);
    assert!(err.contains("input.ron:3:11: is not valid UTF-8"), "{err}");
}

#[test]
fn a_folder_given_as_a_file_and_a_missing_file_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("looks-like-a-file.ron");
    std::fs::create_dir(&folder).unwrap();
    let err = candor::model::ron_io::load_file(&folder).unwrap_err();
    assert!(err.to_string().contains("is a folder"), "{err}");
    let o = candor(&["check", dir.path().join("nope.ron").to_str().unwrap()]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(err.contains("no such file"), "{err}");
}

#[test]
fn escape_sequences_in_strings_are_never_echoed_raw() {
    // Valid RON whose strings carry escapes: names show up in findings.
    let bad = sample("sofa-recommendations.ron")
        .replacen("Complete the room", "\\u{1b}[2J\\u{1b}]0;pwned\\u{7}", 1)
        .replacen("\"Recently viewed\"", "\"\u{1b}[31mred\"", 1);
    let (code, out, _) = check_bytes(bad.as_bytes());
    assert_eq!(code, 0);
    assert!(out.contains("\\u{1b}[2J"), "{out}");
    // A raw escape in an unknown field name, and one in an unknown variant.
    let bad = sample("welcome-email.ron").replacen("objective:", "obj\u{1b}[2Jective:", 1);
    let (code, _, _) = check_bytes(bad.as_bytes());
    assert_eq!(code, 2);
    let bad = sample("loyalty-preview-undeclared.ron").replacen(
        "attribute: \"loyalty_tier\"",
        "attribute: \"\u{1b}[2J\u{9b}\"",
        1,
    );
    let (code, _, err) = check_bytes(bad.as_bytes());
    assert_eq!(code, 2);
    assert!(err.contains("\\u{1b}"), "{err}");
}

#[test]
fn explain_prints_the_rule_and_suggests_on_typos() {
    let o = candor(&["explain", "proxy-attribute"]);
    let (out, _) = text(&o);
    assert_eq!(o.status.code(), Some(0));
    for part in [
        "## What it checks",
        "## Example",
        "## Instead",
        "## Fix",
        "Guards against:",
    ] {
        assert!(out.contains(part), "{out}");
    }
    let o = candor(&["explain", "proxy-atribute"]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(err.contains("did you mean `proxy-attribute`"), "{err}");
    let o = candor(&["explain", "--list"]);
    let (out, _) = text(&o);
    for r in candor::checks::RULES {
        assert!(out.contains(r.id));
    }
    // `check` reports an unreadable file as `load-error`; explain knows that id too.
    let o = candor(&["explain", "load-error"]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(out.contains("could not be read or parsed"), "{out}");
}

#[test]
fn fmt_check_flags_non_canonical_files_and_fmt_rewrites_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.ron");
    let messy = sample("welcome-email.ron").replace("    version: 1,\n", "version:1,");
    std::fs::write(&path, &messy).unwrap();
    let o = candor(&["fmt", "--check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        messy,
        "--check must not write"
    );
    let o = candor(&["fmt", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        sample("welcome-email.ron")
    );
}

#[test]
fn screenshot_renders_every_kind_of_screen_without_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let run = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_candor"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap();
        (
            o.status.code().unwrap(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let (code, out, _) = run(&["screenshot", "--size", "80x24", "library"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 24);
    assert!(out.contains("Campaign library"));
    let (_, out, _) = run(&[
        "screenshot",
        "--size",
        "100x30",
        "edit",
        "welcome-email",
        "--keys",
        "]",
    ]);
    assert!(out.contains("All of these (1)"), "{out}");
    let (_, out, _) = run(&["screenshot", "review", "campaigns/quiet-ad-sync.ron"]);
    assert!(
        out.contains("· Review ·") && out.contains("quiet-ad-sync.ron"),
        "{out}"
    );
    let (code, _, err) = run(&["screenshot", "--size", "10", "library"]);
    assert_eq!(code, 2);
    assert!(err.contains("--size must look like 120x40"), "{err}");
    let (code, _, err) = run(&["screenshot", "edit", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("no campaign with id \"nope\""), "{err}");
}

/// The acceptance case: an intent-only audience with no data fields exits 1 with
/// undeclared-data-use, and its notice names the browsing data in every language.
#[test]
fn an_intent_only_campaign_with_no_data_fields_fails_and_its_notice_names_the_data() {
    let (code, out, _) = check_bytes(sample("trail-shoes-undeclared.ron").as_bytes());
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("error[undeclared-data-use]: \"user.behavior.browsing_history\""),
        "{out}"
    );
    let file = Path::new("campaigns").join("trail-shoes-undeclared.ron");
    // The zone has no headline: the notice calls it by its kind, in the visitor's language.
    for (locale, words, zone) in [
        ("en", "the pages you visit", "The banner: "),
        ("es", "las páginas que visitas", "El banner: "),
        (
            "fr",
            "les pages que vous consultez",
            "La bannière\u{202f}: ",
        ),
    ] {
        let o = candor(&["disclosure", file.to_str().unwrap(), "--locale", locale]);
        let (notice, err) = text(&o);
        // Printed, and said not to be true yet: the campaign reads what it does not declare.
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(err.contains("[undeclared-data-use]"), "{err}");
        assert!(notice.contains(words), "{locale}: {notice}");
        assert!(!notice.contains("any personal data"), "{notice}");
        for format in ["markdown", "html"] {
            let o = candor(&[
                "disclosure",
                file.to_str().unwrap(),
                "--locale",
                locale,
                "--format",
                format,
            ]);
            let (notice, _) = text(&o);
            let zone = if format == "html" {
                "data-zone=\"Trail shoe banner\""
            } else {
                zone
            };
            assert!(notice.contains(zone), "{format}: {notice}");
        }
    }
    let o = candor(&["explain", "undeclared-data-use"]);
    let (explained, _) = text(&o);
    assert!(explained.contains("## Why it matters") || explained.contains("Why it matters"));
}

/// A language the campaign does not offer is said in every format: in the text format's notes,
/// and beside a Markdown or HTML notice on standard error, never inside what is published.
/// Language codes are taken in any case.
#[test]
fn a_language_the_campaign_does_not_offer_is_said_in_every_format() {
    let said = "The campaign does not offer Español (es); its languages: en, fr.";
    for format in ["text", "markdown", "html"] {
        let o = candor(&[
            "disclosure",
            "campaigns/sofa-recommendations.ron",
            "--locale",
            "ES",
            "--format",
            format,
        ]);
        let (notice, err) = text(&o);
        assert!(o.status.success(), "{format}: {err}");
        assert!(notice.contains("Con el tiempo"), "{format}: {notice}");
        if format == "text" {
            assert!(notice.contains(said), "{notice}");
            assert_eq!(err, "");
        } else {
            assert!(!notice.contains("does not offer"), "{format}: {notice}");
            assert_eq!(
                err.trim_end(),
                format!("note: {said} Texts missing in es are shown in en.")
            );
        }
    }
    let o = candor(&[
        "disclosure",
        "campaigns/sofa-recommendations.ron",
        "--locale",
        "fr",
    ]);
    let (notice, err) = text(&o);
    assert!(
        !notice.contains("does not offer") && err.is_empty(),
        "{err}"
    );
}

/// A notice that leaves out who receives the data is printed, for the reviewer who asked, but
/// said on stderr not to be true yet, in every format, and the command fails; a true one
/// succeeds with nothing on stderr.
#[test]
fn an_untrue_notice_is_said_to_be_so_and_fails() {
    for format in ["text", "markdown", "html"] {
        let o = candor(&[
            "disclosure",
            "campaigns/quiet-ad-sync.ron",
            "--format",
            format,
        ]);
        let (notice, err) = text(&o);
        assert_eq!(o.status.code(), Some(1), "{format}: {err}");
        assert!(notice.contains("what you put in your cart"), "{notice}");
        // Marked in the output itself, before the notice, should stdout go to a file.
        let mark = "it leaves out what the campaign does. Do not publish it until `candor check campaigns/quiet-ad-sync.ron` finds none of: undisclosed-sharing, undeclared-data-use.";
        let first = notice.lines().next().unwrap();
        match format {
            "text" => assert_eq!(first, format!("NOT TRUE YET: {mark}")),
            "markdown" => assert_eq!(first, format!("> **Not true yet: {mark}**")),
            _ => assert_eq!(
                first,
                format!("<p class=\"candor-not-true\"><strong>Not true yet: {mark}</strong></p>")
            ),
        }
        assert!(
            err.starts_with("candor: this notice is not true to the campaign yet"),
            "{err}"
        );
        assert!(
            err.contains("is sent to AdReach, but its declaration does not name AdReach"),
            "{err}"
        );
        assert!(err.contains("[undisclosed-sharing]"), "{err}");
        assert!(
            err.contains("`candor check campaigns/quiet-ad-sync.ron` shows where"),
            "{err}"
        );
    }
    let o = candor(&["disclosure", "campaigns/welcome-email.ron"]);
    let (_, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert_eq!(err, "");
}

/// Candor's notes under a notice are English, whatever the notice's language: the score has a
/// decimal point (not the Spanish or French comma) and counts agree with their nouns.
#[test]
fn the_notes_under_a_notice_write_numbers_the_english_way() {
    let file = Path::new("campaigns").join("legalese-notice.ron");
    for locale in ["en", "es", "fr"] {
        let o = candor(&["disclosure", file.to_str().unwrap(), "--locale", locale]);
        let (notice, err) = text(&o);
        assert!(o.status.success(), "{err}");
        let notes = notice.split("---- Candor's notes").nth(1).unwrap();
        assert!(
            notes.contains("Readability: -34.4 on Flesch reading ease"),
            "{locale}: {notes}"
        );
        assert!(notes.contains(" 1 sentence, "), "{locale}: {notes}");
        // The campaign is in English only: asked for another language, the notes say why
        // the notice reads as it does.
        let told = notes.contains(&format!(
            "The campaign does not offer {}; its languages: en. Texts missing in {locale} are shown in en.",
            if locale == "es" { "Español (es)" } else { "Français (fr)" }
        )) && notes.contains("): it is shown, and scored, in English.");
        assert_eq!(told, locale != "en", "{locale}: {notes}");
    }
}

/// Runs candor with a deadline: a command that hangs fails the test instead of the suite.
fn candor_within(args: &[&str], secs: u64) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_candor"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed().as_secs() >= secs {
            child.kill().unwrap();
            panic!("candor {args:?} still running after {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// D14: a named pipe called *.ron, and a link to /dev/zero, are refused at once with what
/// they are, by check, import and review; nothing waits for a writer or reads forever.
#[test]
fn pipes_and_devices_are_refused_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(
        "campaigns/welcome-email.ron",
        folder.join("welcome-email.ron"),
    )
    .unwrap();
    let fifo = folder.join("pipe.ron");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let zero = dir.path().join("zero.ron");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let db = dir.path().join("c.db");
    let f = folder.to_str().unwrap();
    let o = candor_within(&["check", f], 20);
    assert_eq!(o.status.code(), Some(2));
    let text =
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(
        text.contains("is a named pipe (FIFO), not a regular file"),
        "{text}"
    );
    let o = candor_within(&["--db", db.to_str().unwrap(), "import", f], 20);
    let text =
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(
        text.contains("named pipe") && text.contains("Imported 1 campaign"),
        "{text}"
    );
    let o = candor_within(
        &[
            "--db",
            db.to_str().unwrap(),
            "review",
            "--print",
            zero.to_str().unwrap(),
        ],
        20,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stdout).contains("is a device, not a regular file"));
    let o = candor_within(&["check", zero.to_str().unwrap()], 20);
    let text =
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(
        text.contains("is a device") && !text.contains("MiB"),
        "{text}"
    );
}

/// D15: an error's help line is a line (not a literal \u{a}); a size just over the limit is
/// told exactly; a javascript: opt-out link does not pass.
#[test]
fn small_messages_say_exactly_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.ron");
    let o = candor(&["disclosure", missing.to_str().unwrap()]);
    let e = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(e.contains("\n  help: ") && !e.contains("\\u{a}"), "{e}");
    let big = dir.path().join("big.ron");
    std::fs::write(&big, vec![b' '; 8 * 1024 * 1024 + 1]).unwrap();
    let o = candor(&["check", big.to_str().unwrap()]);
    let text =
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(
        text.contains("is 8,388,609 bytes, over the limit of 8,388,608 (8 MiB)"),
        "{text}"
    );
    let js = dir.path().join("js.ron");
    let sample = std::fs::read_to_string("campaigns/welcome-email.ron").unwrap();
    let url = sample
        .split("Link(\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("the sample has an opt-out link")
        .to_string();
    std::fs::write(&js, sample.replacen(&url, "javascript:alert(1)", 1)).unwrap();
    let o = candor(&["check", js.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let text =
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(
        text.contains("consent.opt_out[0]") && text.contains("not a web address"),
        "{text}"
    );
}
