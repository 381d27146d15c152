//! The key table: no clashes, specific contexts first, user files checked.
use std::path::Path;

use super::*;

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for (i, a) in BINDINGS.iter().enumerate() {
        for bnd in &BINDINGS[i + 1..] {
            if a.ctx != bnd.ctx {
                continue;
            }
            for ka in a.keys {
                for kb in bnd.keys {
                    assert!(
                        !(ka.code == kb.code && ka.mods == kb.mods),
                        "{:?} and {:?} share a key in {:?}",
                        a.command,
                        bnd.command,
                        a.ctx
                    );
                }
            }
        }
    }
}

#[test]
fn specific_contexts_win() {
    let ev = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE);
    assert_eq!(
        lookup(&ev, &[Ctx::Audience, Ctx::Editor, Ctx::Global]),
        Some(Command::AddAttribute)
    );
    assert_eq!(
        lookup(&ev, &[Ctx::Library, Ctx::Global]),
        Some(Command::Archive)
    );
    let shifted = KeyEvent::new(KeyCode::Char('K'), KeyModifiers::SHIFT);
    assert_eq!(lookup(&shifted, &[Ctx::Audience]), Some(Command::MoveUp));
}

#[test]
fn a_key_a_specific_context_takes_is_not_offered_from_a_general_one() {
    // In text to read, q goes back (Scroll), so "q quit" (Global) would be a wrong hint.
    let shown = bindings_for(&[Ctx::Scroll, Ctx::Global]);
    assert!(shown.iter().all(|b| b.command != Command::Quit));
    assert!(shown.iter().any(|b| b.command == Command::Help));
    // Where nothing takes q, it still quits.
    let shown = bindings_for(&[Ctx::Library, Ctx::Global]);
    assert!(shown.iter().any(|b| b.command == Command::Quit));
}

fn parse(text: &str) -> Result<Vec<Override>, String> {
    parse_user_keys(text, Path::new("keys.ron"))
}

#[test]
fn a_key_file_rebinds_a_command_in_one_context() {
    let o =
        parse("(bindings: [ (command: Filter, context: Library, keys: [\"f\", \"/\"]) ])").unwrap();
    let table = build(&o);
    let filter = table
        .iter()
        .find(|b| b.command == Command::Filter && b.ctx == Ctx::Library)
        .unwrap();
    assert!(filter.changed);
    assert_eq!(filter.keys_label, "f//");
    assert_eq!(filter.keys.len(), 2);
    // Other contexts keep their keys.
    assert!(table.iter().filter(|b| b.changed).count() == 1);
}

#[test]
fn every_problem_in_a_key_file_is_located() {
    let cases = [
        (
            "(bindings: [ (command: Quitt, context: Global, keys: [\"x\"]) ])",
            "keys.ron:1:24",
        ),
        (
            "(bindings: [ (command: Quit, context: Editr, keys: [\"x\"]) ])",
            "keys.ron:1:",
        ),
        (
            "(bindings: [\n (command: Approve, context: Library, keys: [\"x\"]) ])",
            "keys.ron:2:12",
        ),
        (
            "(bindings: [ (command: Quit, context: Global, keys: [\"<nope>\"]) ])",
            "unknown key <nope>",
        ),
        (
            "(bindings: [ (command: Quit, context: Global, keys: [\"ab\"]) ])",
            "is not one key",
        ),
        (
            "(bindings: [ (command: Quit, context: Global, keys: []) ])",
            "needs at least one key",
        ),
        // n already starts a new campaign in the library.
        (
            "(bindings: [ (command: Filter, context: Library, keys: [\"n\"]) ])",
            "would do both Filter and New",
        ),
        ("(bindngs: [])", "keys.ron:1:2"),
    ];
    for (text, want) in cases {
        let err = parse(text).unwrap_err();
        assert!(err.contains(want), "{text}: {err}");
    }
}
