//! Screen tests: build the app on a real database, feed keys, render to a TestBackend, compare
//! with insta. Each snapshot carries a hash of the cell styles, so colour regressions fail too.
//! Every screen is checked at 80x24 and 120x40.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use candor::app::App;
use candor::store::Store;

mod common;
use common::*;

/// Renders the screen after `keys` at both sizes, as two snapshots.
macro_rules! snap {
    ($name:ident, $keys:expr) => {
        #[test]
        fn $name() {
            for (w, h) in [(80u16, 24u16), (120, 40)] {
                let mut c = setup();
                c.app.area = Rect::new(0, 0, w, h);
                press(&mut c.app, $keys);
                insta::assert_snapshot!(
                    format!("{}_{}x{}", stringify!($name), w, h),
                    render(&mut c.app, w, h)
                );
            }
        }
    };
}

/// The findings of the campaign open in the editor.
fn findings(app: &App) -> &[candor::checks::Finding] {
    &app.editor.as_ref().unwrap().derived.findings
}

const WELCOME: &str = "/ welcome <enter> <enter>";
const QUIET: &str = "/ quiet <enter> <enter>";
const TRAIL: &str = "/ trail <enter> <enter>";
const BLANK: &str = "n <enter> Spring <space> test <enter>";

// The library and its dialogs.
snap!(library, "");
snap!(library_filtered, "/ skin");
snap!(library_sorted_by_name, "s");
snap!(library_template_picker, "n");
snap!(library_name_prompt, "n <enter>");
snap!(library_delete_confirm, "d");
snap!(library_rename_prompt, "r");
snap!(library_help, "?");

// The editor's sections and the side panel.
snap!(editor_overview, WELCOME);
// A refused answer stays in its prompt, with the whole reason and what to write instead.
snap!(
    opt_out_address_refused,
    &format!("{WELCOME} ] ] ] ] a <down> <enter> <enter> ftp:x <enter>")
);
// The sign-up pop-up as a visitor sees it, in English and in French.
snap!(zone_preview, &format!("{WELCOME} ] ] <tab> p"));
snap!(zone_preview_french, &format!("{WELCOME} ] ] <tab> p L L"));
// A long category name at 80 columns: the name is shortened, never the count or the window.
snap!(
    audience_long_condition,
    "/ makeup <enter> <enter> ] i <enter> <enter> trail <space> running <space> shoes <space> for <space> rocky <space> mountain <space> paths <enter> <enter> 3 <enter> <enter>"
);
snap!(editor_audience, &format!("{WELCOME} ]"));
snap!(editor_zones, &format!("{WELCOME} ] ]"));
snap!(editor_data, &format!("{WELCOME} ] ] ]"));
snap!(editor_value_and_consent, &format!("{WELCOME} ] ] ] ]"));
snap!(panel_why, &format!("{WELCOME} <tab> p"));
snap!(panel_value_exchange, &format!("{WELCOME} <tab> p p"));
snap!(panel_findings, &format!("{QUIET} <tab> p p p"));
snap!(panel_spanish_disclosure, &format!("{WELCOME} L"));
snap!(panel_value_read_not_declared, &format!("{TRAIL} <tab> p p"));
snap!(panel_why_spanish, &format!("{TRAIL} <tab> p L"));
snap!(declare_from_a_finding, &format!("{TRAIL} <tab> p p p d"));
snap!(
    authority_picker,
    &format!("{WELCOME} {} <enter>", "<down> ".repeat(13))
);
snap!(editor_help, &format!("{WELCOME} ?"));

// Editing: text, choices, several choices, the audience wizards.
snap!(text_prompt, &format!("{WELCOME} <enter>"));
snap!(channels_checklist, &format!("{WELCOME} j j j j j <enter>"));
snap!(intent_wizard_action, &format!("{BLANK} ] i"));
snap!(
    intent_wizard_target_value,
    &format!("{BLANK} ] i <enter> <enter>")
);
snap!(
    attribute_picker_marks_sensitive,
    &format!("{BLANK} ] a <pgdn> <pgdn>")
);
snap!(zone_wizard_kind, &format!("{WELCOME} ] ] a Hero <enter>"));
snap!(data_add_menu, &format!("{WELCOME} ] ] ] j a"));

// The instant warnings.
snap!(
    demographic_warning_appears,
    &format!("{BLANK} ] a <pgdn> <enter> <enter> FR <enter>")
);
snap!(
    demographic_warning_disappears,
    &format!(
        "{BLANK} ] a <pgdn> <enter> <enter> FR <enter> i <enter> <enter> shoes <enter> <enter> <enter> <enter>"
    )
);
snap!(
    sensitive_attribute_chosen,
    &format!("{BLANK} ] a <pgdn> <pgdn> <enter> <enter> x <enter>")
);
snap!(
    proxy_asks_for_a_reason,
    &format!("{BLANK} ] a <pgdn> <down> <down> <down> <down> <enter> <enter> 75019 <enter>")
);

// The review gate, findings and explanations, saving.
snap!(
    review_gate_refuses,
    &format!("{QUIET} j j j j <enter> j <enter>")
);
snap!(
    finding_jump_explains,
    &format!("{QUIET} <tab> p p p <enter>")
);
snap!(
    quit_with_unsaved_changes,
    &format!("{WELCOME} j <enter> <c-u> New <space> goal <enter> q")
);
snap!(
    saved_revision,
    &format!("{WELCOME} j <enter> <c-u> New <space> goal <enter> <c-s>")
);

#[test]
fn too_small_and_tiny_sizes_never_panic() {
    let mut c = setup();
    insta::assert_snapshot!("too_small_50x15", render(&mut c.app, 50, 15));
    press(&mut c.app, WELCOME);
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 30),
        (59, 19),
        (60, 20),
        (61, 21),
        (300, 5),
        (20, 80),
    ] {
        let _ = render(&mut c.app, w, h);
    }
    press(&mut c.app, "] a");
    for (w, h) in [(1, 1), (60, 20), (61, 100)] {
        let _ = render(&mut c.app, w, h);
    }
}

#[test]
fn warnings_follow_edits_and_undo() {
    let mut c = setup();
    press(
        &mut c.app,
        &format!("{BLANK} ] a <pgdn> <enter> <enter> FR <enter>"),
    );
    let rules = |app: &App| findings(app).iter().map(|f| f.rule).collect::<Vec<_>>();
    assert!(rules(&c.app).contains(&"demographic-only-targeting"));
    press(
        &mut c.app,
        "i <enter> <enter> shoes <enter> <enter> <enter> <enter>",
    );
    assert!(!rules(&c.app).contains(&"demographic-only-targeting"));
    press(&mut c.app, "u");
    assert!(
        rules(&c.app).contains(&"demographic-only-targeting"),
        "undo brings the warning back"
    );
    press(&mut c.app, "<c-y>");
    assert!(
        !rules(&c.app).contains(&"demographic-only-targeting"),
        "redo removes it again"
    );
}

/// A condition that reads data no field declares says so and names the key that fixes it; in
/// the audience, d declares what the selected condition reads, without going to the findings.
#[test]
fn d_in_the_audience_declares_what_a_new_condition_reads() {
    let mut c = setup();
    press(
        &mut c.app,
        "/ makeup <enter> <enter> ] i <enter> <enter> makeup <enter> <enter> <enter> <enter>",
    );
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert!(
        said.starts_with("Added, but: \"user.behavior.browsing_history\"")
            && said.ends_with("(d declares it)"),
        "{said}"
    );
    let screen = render(&mut c.app, 160, 40);
    assert!(
        screen.contains("d declare"),
        "the footer offers d:\n{screen}"
    );
    press(&mut c.app, "d");
    let e = c.app.editor.as_ref().unwrap();
    assert!(
        e.campaign
            .data
            .iter()
            .any(|f| f.category == "user.behavior.browsing_history"),
        "declared"
    );
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert!(
        said.starts_with("Declared user.behavior.browsing_history"),
        "{said}"
    );
    // Back in the audience, nothing is left to declare: d says so, and the footer has no d.
    press(&mut c.app, "[ [");
    let screen = render(&mut c.app, 160, 40);
    assert!(!screen.contains("d declare"), "{screen}");
    press(&mut c.app, "d");
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert!(said.starts_with("Nothing to declare"), "{said}");
    press(&mut c.app, "u");
    assert!(
        !c.app
            .editor
            .as_ref()
            .unwrap()
            .campaign
            .data
            .iter()
            .any(|f| f.category == "user.behavior.browsing_history"),
        "u takes the declaration back"
    );
}

/// Enter on a group switches it between all and any, which changes who is reached: it says
/// so, each way, rather than switching silently.
#[test]
fn switching_a_group_says_what_it_now_means() {
    let mut c = setup();
    press(&mut c.app, "/ makeup <enter> <enter> ] <home> <enter>");
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert_eq!(
        said,
        "Now any of these: one of its conditions is enough. u undoes"
    );
    assert!(matches!(
        c.app.editor.as_ref().unwrap().campaign.audience,
        candor::model::Condition::Any(_)
    ));
    press(&mut c.app, "t");
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert_eq!(
        said,
        "Now all of these: every one of its conditions must hold. u undoes"
    );
}

/// Data collected lists what is read but not declared, and `d` there declares the selected
/// one (not merely the first), as it does in the audience and the Findings tab.
#[test]
fn d_in_data_collected_declares_the_selected_undeclared_read() {
    let mut c = setup();
    press(&mut c.app, "/ trail <enter> <enter> ] ] ]");
    let screen = render(&mut c.app, 120, 40);
    assert!(
        screen.contains("Read, not declared (d declares it)"),
        "{screen}"
    );
    assert!(
        screen.contains("d declare"),
        "the footer offers d:\n{screen}"
    );
    press(&mut c.app, "<down> <down>");
    let e = c.app.editor.as_ref().unwrap();
    assert_eq!(e.derived.rows[e.selected].path, "audience.any[1].action");
    press(&mut c.app, "d");
    let e = c.app.editor.as_ref().unwrap();
    let declared: Vec<&str> = e
        .campaign
        .data
        .iter()
        .map(|f| f.category.as_str())
        .collect();
    assert_eq!(declared, ["user.behavior.search_history"]);
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert!(
        said.starts_with("Declared user.behavior.search_history"),
        "{said}"
    );
    // The other one is still listed, and d on the heading declares it.
    press(&mut c.app, "<home> d");
    let e = c.app.editor.as_ref().unwrap();
    assert_eq!(e.campaign.data.len(), 2);
    let screen = render(&mut c.app, 120, 40);
    assert!(!screen.contains("Read, not declared"), "{screen}");
    assert!(!screen.contains("d declare"), "{screen}");
    press(&mut c.app, "d");
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert!(
        said.starts_with("Nothing to declare: a data field declares everything the campaign reads"),
        "{said}"
    );
}

/// Enter on a finding lands on the row to fix: a missing email promise is written in Value &
/// consent, By email, not in the data field that asks for the address.
#[test]
fn enter_on_a_missing_email_promise_lands_on_by_email() {
    let mut c = setup();
    press(&mut c.app, "/ birthday <enter> <enter> <tab> p p p");
    let e = c.app.editor.as_mut().unwrap();
    e.finding = e
        .derived
        .findings
        .iter()
        .position(|f| f.rule == "email-ask-without-promise")
        .expect("the sample asks for an email without a promise");
    press(&mut c.app, "<enter> <esc>");
    let e = c.app.editor.as_ref().unwrap();
    assert_eq!(e.section, candor::app::fields::Section::Value);
    assert_eq!(e.derived.rows[e.selected].label.trim(), "By email");
}

/// x on the audience's top group takes out what it holds, and says so: the group stays.
#[test]
fn x_on_the_top_group_says_it_emptied_the_audience() {
    let mut c = setup();
    press(&mut c.app, "/ makeup <enter> <enter> ]");
    let e = c.app.editor.as_ref().unwrap();
    assert!(matches!(
        e.derived.rows[e.selected].field,
        candor::app::fields::Field::Node(ref p) if p.is_empty()
    ));
    let n = e.campaign.conditions().len();
    assert!(n > 1);
    press(&mut c.app, "x");
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert_eq!(
        said,
        format!(
            "Took out all {n} of the audience's conditions: everyone sees this campaign now (u undoes)"
        )
    );
    assert!(
        c.app
            .editor
            .as_ref()
            .unwrap()
            .campaign
            .conditions()
            .is_empty()
    );
    press(&mut c.app, "u");
    assert_eq!(
        c.app.editor.as_ref().unwrap().campaign.conditions().len(),
        n
    );
}

#[test]
fn the_gate_refusal_leaves_the_status_alone() {
    let mut c = setup();
    press(&mut c.app, &format!("{QUIET} j j j j <enter> j <enter>"));
    assert_eq!(
        c.app.editor.as_ref().unwrap().campaign.status,
        candor::model::Status::Draft
    );
    assert!(
        c.app.dialog().is_some(),
        "the picker stays open with the reason"
    );
}

#[test]
fn a_new_campaign_is_saved_and_found_after_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    {
        let mut app = App::new(Store::open(&db).unwrap());
        press(
            &mut app,
            &format!("{BLANK} ] i <enter> <enter> shoes <enter> <enter> <enter> <enter> <c-s> q"),
        );
        assert!(app.quit);
    }
    let store = Store::open(&db).unwrap();
    let c = store.get("spring-test").unwrap().campaign;
    assert_eq!(c.name, "Spring test");
    assert!(matches!(&c.audience, candor::model::Condition::All(v) if v.len() == 1));
}

#[test]
fn leaving_the_editor_keeps_unsaved_edits_as_a_draft_and_offers_them_back() {
    let mut c = setup();
    press(
        &mut c.app,
        &format!("{WELCOME} j <enter> <c-u> Draft <space> goal <enter> <esc>"),
    );
    assert!(c.app.editor.is_none());
    // The library marks the row with unsaved edits, in words that do not read as a status.
    let screen = render(&mut c.app, 80, 24);
    let row = screen
        .lines()
        .find(|l| l.contains("Welcome email"))
        .unwrap();
    assert!(row.contains("(unsaved)"), "{screen}");
    press(&mut c.app, "<enter>");
    insta::assert_snapshot!("restore_draft_prompt_80x24", render(&mut c.app, 80, 24));
    press(&mut c.app, "r");
    assert_eq!(
        c.app.editor.as_ref().unwrap().campaign.objective,
        "Draft goal"
    );
}

/// The restore question answers to one letter, so a stray `d` (typed while the question was
/// not yet read) must not lose the edits: `u` brings them back, and they are kept again.
#[test]
fn discarding_a_draft_by_mistake_is_undone_with_u() {
    let mut c = setup();
    press(
        &mut c.app,
        &format!("{WELCOME} j <enter> <c-u> Draft <space> goal <enter> <esc> <enter> d"),
    );
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert_eq!(said, "Discarded the unsaved edits; u brings them back");
    assert!(c.app.store.draft("welcome-email").unwrap().is_none());
    assert_ne!(
        c.app.editor.as_ref().unwrap().campaign.objective,
        "Draft goal"
    );
    press(&mut c.app, "u");
    assert_eq!(
        c.app.editor.as_ref().unwrap().campaign.objective,
        "Draft goal"
    );
    // Leaving keeps them as a draft again.
    press(&mut c.app, "<esc>");
    let draft = c
        .app
        .store
        .draft("welcome-email")
        .unwrap()
        .expect("kept again");
    assert_eq!(draft.campaign.objective, "Draft goal");
}

/// The objective edited to "Mine" while another process saves "Theirs" first, then Ctrl-S.
fn conflicting_save() -> (Ctx, Store) {
    conflicting_save_by(Some("bea"))
}

/// The same, the other save made by `author`, or by the same person when `None`.
fn conflicting_save_by(author: Option<&str>) -> (Ctx, Store) {
    let mut c = setup();
    press(
        &mut c.app,
        &format!("{WELCOME} j <enter> <c-u> Mine <enter>"),
    );
    let path = c.app.store.path().to_path_buf();
    let mut other = Store::open(&path).unwrap();
    other.set_author(author.unwrap_or(c.app.store.author()));
    other.set_clock("2026-11-20T09:45:00Z");
    let head = other.get("welcome-email").unwrap();
    let mut theirs = head.campaign.clone();
    theirs.objective = "Theirs".into();
    other.save(&theirs, head.revision.id, "").unwrap();
    press(&mut c.app, "<c-s>");
    (c, other)
}

/// A newer revision saved by the same person (another window, a restore, the command line)
/// is not called someone else's.
#[test]
fn a_newer_revision_of_your_own_is_not_called_someone_elses() {
    let (mut c, _other) = conflicting_save_by(None);
    let me = c.app.store.author().to_string();
    let screen = render(&mut c.app, 80, 24);
    assert!(screen.contains("A newer revision was saved"), "{screen}");
    assert!(
        screen.contains(&format!("You ({me}) saved revision 2")),
        "{screen}"
    );
    assert!(!screen.contains("Someone else"), "{screen}");
}

#[test]
fn a_conflicting_save_is_shown_with_the_choices() {
    let (mut c, other) = conflicting_save();
    insta::assert_snapshot!("save_conflict_80x24", render(&mut c.app, 80, 24));
    press(&mut c.app, "c");
    let e = c.app.editor.as_ref().unwrap();
    assert_eq!(e.campaign.objective, "Mine");
    assert_ne!(e.campaign.id, "welcome-email", "saved as a copy");
    assert_eq!(
        other.get("welcome-email").unwrap().campaign.objective,
        "Theirs",
        "nothing overwritten"
    );
}

mod input {
    use super::*;
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

    fn click(app: &mut App, column: u16, row: u16) {
        app.handle_event(&Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        }));
    }

    #[test]
    fn clicking_selects_then_opens_and_switches_sections() {
        let mut c = setup();
        let _ = render(&mut c.app, 120, 40);
        // Row 3 is the first campaign (header, border, column titles); row 5 the third.
        click(&mut c.app, 10, 5);
        assert_eq!(c.app.library.selected, 2);
        click(&mut c.app, 10, 5);
        let e = c.app.editor.as_ref().expect("a second click opens it");
        assert_eq!(e.section, candor::app::fields::Section::Overview);
        // The section tabs are on row 1: " Overview │ Audience ..." — click "Audience".
        click(&mut c.app, 14, 1);
        assert_eq!(
            c.app.editor.as_ref().unwrap().section,
            candor::app::fields::Section::Audience
        );
        // The wheel over the form moves the selection.
        c.app.handle_event(&Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 5,
            row: 10,
            modifiers: KeyModifiers::NONE,
        }));
        assert_eq!(c.app.editor.as_ref().unwrap().selected, 1);
    }

    /// Clicks inside a picker: the first selects, a second on the same choice takes it; in a
    /// checklist the second click ticks.
    #[test]
    fn clicks_in_choice_dialogs_select_then_answer() {
        let mut c = setup();
        // The template picker from the library.
        press(&mut c.app, "n");
        let _ = render(&mut c.app, 120, 40);
        let (_, rows) = candor::app::layout::pick_areas(
            c.app.area,
            candor::app::templates::Template::ALL.len(),
        );
        click(&mut c.app, rows.x + 3, rows.y + 2);
        let Some(candor::app::Dialog::Pick(p)) = c.app.dialog() else {
            panic!("the picker closed")
        };
        assert_eq!(p.list.selected, 2);
        click(&mut c.app, rows.x + 3, rows.y + 2);
        let Some(candor::app::Dialog::Prompt(p)) = c.app.dialog() else {
            panic!("the second click did not take the choice")
        };
        assert_eq!(p.title, "New campaign: name");
        // A click outside the list does nothing.
        press(&mut c.app, "<esc> n");
        click(&mut c.app, 0, 0);
        assert!(matches!(c.app.dialog(), Some(candor::app::Dialog::Pick(_))));

        // A checklist: the channels of a campaign.
        press(
            &mut c.app,
            "<esc> / welcome <enter> <enter> j j j j j <enter>",
        );
        let n = match c.app.dialog() {
            Some(candor::app::Dialog::Checklist(cl)) => cl.list.options.len(),
            _ => panic!("no checklist"),
        };
        let (_, rows) = candor::app::layout::pick_areas(c.app.area, n);
        let before = match c.app.dialog() {
            Some(candor::app::Dialog::Checklist(cl)) => cl.checked[1],
            _ => unreachable!(),
        };
        click(&mut c.app, rows.x + 3, rows.y + 1);
        click(&mut c.app, rows.x + 3, rows.y + 1);
        let Some(candor::app::Dialog::Checklist(cl)) = c.app.dialog() else {
            panic!("the checklist closed")
        };
        assert_eq!(cl.list.selected, 1);
        assert_eq!(cl.checked[1], !before, "the second click ticks");
    }

    #[test]
    fn pasting_goes_into_the_open_field_without_control_characters() {
        let mut c = setup();
        press(&mut c.app, "/ welcome <enter> <enter> <enter> <c-u>");
        c.app
            .handle_event(&Event::Paste("Pasted\tname\u{1b}[2J\n".into()));
        press(&mut c.app, "<enter>");
        assert_eq!(
            c.app.editor.as_ref().unwrap().campaign.name,
            "Pasted name[2J"
        );
    }

    #[test]
    fn without_colour_every_cell_is_default_coloured_and_severity_still_reads() {
        let mut c = setup();
        c.app.color = false;
        press(&mut c.app, "/ quiet <enter> <enter> <tab> p p p");
        c.app.area = Rect::new(0, 0, 120, 40);
        let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
        t.draw(|f| candor::ui::draw(f, &c.app)).unwrap();
        let buf = t.backend().buffer();
        let mut text = String::new();
        for y in 0..40 {
            for x in 0..120 {
                let cell = &buf[(x, y)];
                assert_eq!(cell.fg, ratatui::style::Color::Reset, "colour at {x},{y}");
                assert_eq!(cell.bg, ratatui::style::Color::Reset, "colour at {x},{y}");
                text.push_str(cell.symbol());
            }
        }
        assert!(text.contains("x ERROR"));
    }
}

#[test]
fn importing_from_the_library_shows_progress_and_the_outcome() {
    let mut c = setup();
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("campaigns/sofa-recommendations.ron").unwrap();
    for i in 0..250 {
        std::fs::write(
            dir.path().join(format!("c{i:03}.ron")),
            text.replace("sofa-recommendations", &format!("sofa-{i}")),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("zz-broken.ron"), "(version: 1,").unwrap();
    press(&mut c.app, &format!("i {} <enter>", dir.path().display()));
    assert!(c.app.import_job.is_some());
    assert!(
        c.app.next_deadline().is_some(),
        "the loop wakes up to continue the import"
    );
    // The files are found on another thread, then imported a batch per tick.
    let progress = tick_until(&mut c.app, "Importing… ");
    assert!(
        progress.starts_with("Importing… 100 of 251 files (Esc stops)"),
        "{progress}"
    );
    while c.app.import_job.is_some() {
        c.app.tick(std::time::Instant::now());
    }
    let done = c.app.message.clone().unwrap();
    assert!(
        done.text.starts_with(
            "Imported 250 of 251 files: 250 new, 0 updated, 0 unchanged; 1 could not be read"
        ),
        "{}",
        done.text
    );
    assert!(done.text.contains("zz-broken.ron:1:"), "{}", done.text);
    assert_eq!(c.app.library.size, candor::samples::SAMPLES.len() + 250);
    // The samples again: the library already holds each as it is, and the outcome says so
    // (the header's count alone cannot). A file with errors that says published comes in as
    // a draft.
    let again = tempfile::tempdir().unwrap();
    for (name, text) in candor::samples::SAMPLES {
        std::fs::write(again.path().join(name), text).unwrap();
    }
    let quiet = std::fs::read_to_string("campaigns/quiet-ad-sync.ron").unwrap();
    std::fs::write(
        again.path().join("quiet-ad-sync.ron"),
        quiet
            .replace("status: Draft", "status: Published")
            .replacen("objective: \"", "objective: \"Changed: ", 1),
    )
    .unwrap();
    press(&mut c.app, &format!("i {} <enter>", again.path().display()));
    while c.app.import_job.is_some() {
        c.app.tick(std::time::Instant::now());
    }
    let said = c.app.message.clone().unwrap().text;
    assert!(
        said.starts_with(
            "Imported 19 of 19 files: 0 new, 1 updated, 18 unchanged; 1 kept as a draft because \
             it has errors"
        ),
        "{said}"
    );
    // Files that say approved with no review here behind them: the outcome says so.
    let claims = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("campaigns/welcome-email.ron").unwrap();
    for i in 0..2 {
        std::fs::write(
            claims.path().join(format!("w{i}.ron")),
            text.replace("\"welcome-email\"", &format!("\"welcome-{i}\"")),
        )
        .unwrap();
    }
    press(
        &mut c.app,
        &format!("i {} <enter>", claims.path().display()),
    );
    while c.app.import_job.is_some() {
        c.app.tick(std::time::Instant::now());
    }
    let said = c.app.message.clone().unwrap().text;
    assert_eq!(
        said,
        "Imported 2 of 2 files: 2 new, 0 updated, 0 unchanged; 2 say they are approved or \
         published, with no review here that approves them"
    );
    // A folder with no campaign files says so at once; no import is started.
    let empty = tempfile::tempdir().unwrap();
    press(&mut c.app, &format!("i {} <enter>", empty.path().display()));
    let said = tick_until(&mut c.app, "No .ron");
    assert!(c.app.import_job.is_none());
    assert_eq!(
        said,
        format!(
            "No .ron files found in {}: nothing was imported.",
            empty.path().display()
        )
    );
}

/// Ticks the app (as the event loop does) until its message starts with `start`; returns it.
fn tick_until(app: &mut App, start: &str) -> String {
    let began = std::time::Instant::now();
    loop {
        app.tick(std::time::Instant::now());
        let said = app.message.clone().map(|m| m.text).unwrap_or_default();
        if said.starts_with(start) {
            return said;
        }
        assert!(
            began.elapsed() < std::time::Duration::from_secs(30),
            "waited for {start:?}; the message is {said:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// Found by the app_events fuzzer: importing "/" searched the whole disk on the input thread,
/// and the screen froze until it was done. The search runs on another thread, says how far it
/// got, and Esc stops it (or the import after it) with what was done kept.
#[test]
fn the_search_for_files_to_import_runs_aside_and_esc_stops_it() {
    let mut c = setup();
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("campaigns/sofa-recommendations.ron").unwrap();
    for i in 0..150 {
        let sub = dir.path().join(format!("d{i:03}"));
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(
            sub.join("c.ron"),
            text.replace("sofa-recommendations", &format!("sofa-{i}")),
        )
        .unwrap();
    }
    press(&mut c.app, &format!("i {} <enter>", dir.path().display()));
    let said = c.app.message.clone().unwrap().text;
    assert!(said.starts_with("Looking for .ron files in "), "{said}");
    press(&mut c.app, "<esc>");
    assert!(c.app.import_job.is_none());
    let said = c.app.message.clone().unwrap().text;
    assert_eq!(
        said,
        "Stopped looking for .ron files: nothing was imported."
    );
    assert_eq!(c.app.library.size, candor::samples::SAMPLES.len());
    // Stopped between batches, the batches done stay.
    press(&mut c.app, &format!("i {} <enter>", dir.path().display()));
    tick_until(&mut c.app, "Importing… 100 of 150");
    press(&mut c.app, "<esc>");
    let said = c.app.message.clone().unwrap().text;
    assert_eq!(
        said,
        "Import stopped: 100 of 150 files imported; the rest were not read."
    );
    assert_eq!(c.app.library.size, candor::samples::SAMPLES.len() + 100);
}

/// Wizards and library prompts share one rule for names: empty is refused, the prompt stays
/// open and says what is missing.
#[test]
fn an_empty_name_is_refused_and_the_prompt_stays_open() {
    let (w, h) = (120, 40);
    let mut c = setup();
    c.app.area = Rect::new(0, 0, w, h);
    press(&mut c.app, &format!("{WELCOME} ] ] a <enter>"));
    let screen = render(&mut c.app, w, h);
    assert!(screen.contains("the zone name cannot be empty"), "{screen}");
    press(&mut c.app, "Hero <enter>");
    let screen = render(&mut c.app, w, h);
    assert!(!screen.contains("cannot be empty"), "{screen}");

    let mut c = setup();
    c.app.area = Rect::new(0, 0, w, h);
    press(&mut c.app, "n <enter> <enter>");
    let screen = render(&mut c.app, w, h);
    assert!(screen.contains("the name cannot be empty"), "{screen}");
}

/// The key on an undeclared-data-use finding declares the category with the suggestion from
/// the vocabulary; the finding goes, the notice updates, and undo takes it back.
#[test]
fn declaring_from_a_finding_adds_the_suggested_field_and_undo_removes_it() {
    let mut c = setup();
    press(&mut c.app, &format!("{TRAIL} <tab> p p p"));
    let undeclared = |app: &App| {
        findings(app)
            .iter()
            .filter(|f| f.rule == "undeclared-data-use")
            .count()
    };
    assert_eq!(undeclared(&c.app), 2);
    press(&mut c.app, "d");
    let e = c.app.editor.as_ref().unwrap();
    let field = &e.campaign.data[0];
    assert_eq!(field.category, "user.behavior.browsing_history");
    assert_eq!(field.purposes, ["personalize.content.profiling"]);
    assert_eq!(
        field.consent,
        candor::model::ConsentMoment::BeforeCollection
    );
    assert_eq!(field.retention_days, 180);
    assert_eq!(e.row().unwrap().path, "data[0]");
    assert_eq!(undeclared(&c.app), 1);
    assert!(
        c.app
            .message
            .as_ref()
            .unwrap()
            .text
            .starts_with("Declared user.behavior.browsing_history"),
        "{:?}",
        c.app.message
    );
    // The notice now tells why, in words that fit browsing.
    let notice = c.app.editor.as_ref().unwrap().derived.disclosure.prose();
    assert!(
        notice.contains("We collect the pages you visit on our site to learn what you like"),
        "{notice}"
    );
    // The other finding: d on it declares search history.
    // Declaring leaves the form focused and the panel on the findings: Tab, then d again.
    press(&mut c.app, "<tab> d");
    assert_eq!(undeclared(&c.app), 0);
    assert_eq!(c.app.editor.as_ref().unwrap().campaign.data.len(), 2);
    press(&mut c.app, "<tab> u u");
    assert!(c.app.editor.as_ref().unwrap().campaign.data.is_empty());
    assert_eq!(undeclared(&c.app), 2);
    // On a finding about something else, d explains itself and changes nothing.
    let mut c = setup();
    press(&mut c.app, &format!("{QUIET} <tab> p p p d"));
    let e = c.app.editor.as_ref().unwrap();
    assert_eq!(e.campaign, e.saved);
}

#[test]
fn the_authority_picker_suggests_by_language_and_accepts_a_typed_one() {
    let mut c = setup();
    press(
        &mut c.app,
        &format!("/ trail <enter> <enter> {} <enter>", "<down> ".repeat(14)),
    );
    // The campaign is in en, es and fr: the UK, Irish, Spanish, French, Belgian and
    // Luxembourg authorities are offered, the Spanish one (its current choice) selected;
    // "None named" after them clears it.
    press(&mut c.app, "<down> <down> <down> <down> <enter>");
    assert_eq!(
        c.app.editor.as_ref().unwrap().campaign.controller.authority,
        None
    );
    // "Another authority…" comes last and asks for the name.
    press(&mut c.app, "<enter> <down> <enter>");
    press(&mut c.app, "Datatilsynet <space> (datatilsynet.no) <enter>");
    assert_eq!(
        c.app
            .editor
            .as_ref()
            .unwrap()
            .campaign
            .controller
            .authority
            .as_deref(),
        Some("Datatilsynet (datatilsynet.no)")
    );
}

/// An account attribute is declared as imported, and the editor then asks where it comes from.
#[test]
fn declaring_an_account_attribute_suggests_an_import_and_asks_its_source() {
    let mut c = setup();
    press(&mut c.app, "/ loyalty <enter> <enter> <tab> p p p d");
    let e = c.app.editor.as_ref().unwrap();
    let field = e.campaign.data.last().unwrap();
    assert_eq!(field.category, "user.account.loyalty");
    assert_eq!(field.collected_by, candor::model::Collection::Import);
    assert!(
        e.derived.rows.iter().any(|r| r.label == "Comes from"),
        "the source row is offered"
    );
    assert!(
        e.derived.disclosure.prose().contains(
            "We did not get this from you, and we have not yet told you where it came from: your loyalty level."
        ),
        "{}",
        e.derived.disclosure.prose()
    );
}

/// Adding a language in the Overview offers to write each visitor text in it, showing the
/// text to translate; the notice in that language then carries no English.
#[test]
fn adding_a_language_offers_to_fill_its_translations() {
    let mut c = setup();
    press(
        &mut c.app,
        "/ anti <enter> <enter> <down> <down> <down> <down> <down> <down> <down> <enter> <down> <space> <enter>",
    );
    let title = match c.app.dialog() {
        Some(candor::app::Dialog::Prompt(p)) => p.title.clone(),
        _ => panic!("no prompt open"),
    };
    assert_eq!(title, "Español 1/1: the offer");
    let screen = render(&mut c.app, 80, 24);
    assert!(screen.contains("A free sample with any order"), "{screen}");
    press(&mut c.app, "una <space> muestra <space> gratis <enter>");
    let e = c.app.editor.as_ref().unwrap();
    assert_eq!(e.campaign.locales, ["en", "es"]);
    let offer = e.campaign.value_exchange.immediate.as_ref().unwrap();
    assert_eq!(offer.exact("es", "en"), Some("una muestra gratis"));
    assert_eq!(
        offer.exact("en", "en"),
        Some("A free sample with any order")
    );
    assert!(
        c.app
            .message
            .as_ref()
            .unwrap()
            .text
            .contains("Every text now has its Español version"),
        "{:?}",
        c.app.message
    );
    // L now cycles English and Spanish only, and the Spanish notice has no English in it.
    press(&mut c.app, "L");
    let e = c.app.editor.as_ref().unwrap();
    assert_eq!(e.locale, "es");
    assert!(e.derived.disclosure.foreign.is_empty());
    press(&mut c.app, "L");
    assert_eq!(c.app.editor.as_ref().unwrap().locale, "en");
}

/// "Open theirs" after a conflict closes the edits only once they are a draft; when the draft
/// cannot be written, the edits stay open and the message says so.
#[test]
fn open_theirs_keeps_the_edits_when_the_draft_cannot_be_written() {
    let (mut c, _) = conflicting_save();
    let path = c.app.store.path().to_path_buf();
    // The disk refuses every draft from now on: a real SQLite failure, not a test switch.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER full_disk_i BEFORE INSERT ON drafts BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;
         CREATE TRIGGER full_disk_u BEFORE UPDATE ON drafts BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
    )
    .unwrap();
    press(&mut c.app, "o");
    let e = c.app.editor.as_ref().expect("the edits stay open");
    assert_eq!(e.campaign.objective, "Mine");
    let msg = c.app.message.as_ref().unwrap().text.clone();
    assert!(
        msg.starts_with("Could not keep your edits as a draft"),
        "{msg}"
    );
    assert!(msg.contains("disk is full"), "{msg}");
    // With the disk back, the same choice works and says the edits are a draft.
    conn.execute_batch("DROP TRIGGER full_disk_i; DROP TRIGGER full_disk_u;")
        .unwrap();
    press(&mut c.app, "<c-s> o");
    let e = c.app.editor.as_ref().unwrap();
    assert_eq!(e.campaign.objective, "Theirs");
    assert!(
        c.app
            .message
            .as_ref()
            .unwrap()
            .text
            .contains("kept as a draft")
    );
}

/// Every wizard, driven to the end with its default answers, and cancelled after one step.
mod wizards {
    use super::*;
    use candor::app::Dialog;
    use candor::model::Campaign;

    /// Answers every step with its default (a name where one is needed, a tick where a
    /// checklist needs one) until the wizard closes; returns the number of steps.
    fn complete(app: &mut App) -> usize {
        let mut steps = 0;
        while app.dialog().is_some() {
            match app.dialog() {
                Some(Dialog::Prompt(p)) if p.input.value().trim().is_empty() => {
                    let answer = if p.numeric {
                        "1"
                    } else if p.hint.starts_with("https://") {
                        "https://shop.example/x"
                    } else {
                        "x"
                    };
                    press(app, answer);
                }
                Some(Dialog::Checklist(c)) if c.checked.iter().all(|on| !on) => {
                    press(app, "<space>");
                }
                _ => {}
            }
            press(app, "<enter>");
            steps += 1;
            assert!(steps < 30, "the wizard never ends");
        }
        steps
    }

    fn campaign(app: &App) -> Campaign {
        app.editor.as_ref().unwrap().campaign.clone()
    }

    /// How many of the things a wizard adds the campaign has.
    type Count = fn(&Campaign) -> usize;

    /// (name, how to start it, what it adds) for each wizard.
    fn cases() -> Vec<(&'static str, String, Count)> {
        vec![
            ("intent", format!("{WELCOME} ] i"), |c| c.conditions().len()),
            ("attribute", format!("{WELCOME} ] a"), |c| {
                c.conditions().len()
            }),
            ("zone", format!("{WELCOME} ] ] a"), |c| c.zones.len()),
            ("data field", format!("{WELCOME} ] ] ] a <enter>"), |c| {
                c.data.len()
            }),
            (
                "recipient",
                format!("{WELCOME} ] ] ] a <down> <enter>"),
                |c| c.data[0].recipients.len(),
            ),
            (
                "activation",
                format!("{WELCOME} ] ] ] a <down> <down> <enter>"),
                |c| c.activations.len(),
            ),
            (
                "model",
                format!("{WELCOME} ] ] ] a <down> <down> <down> <enter>"),
                |c| c.models.len(),
            ),
            (
                "opt-out",
                format!("{WELCOME} ] ] ] ] a <down> <enter>"),
                |c| c.consent.opt_out.len(),
            ),
        ]
    }

    #[test]
    fn each_wizard_runs_to_completion_and_adds_one_item() {
        for (name, keys, count) in cases() {
            let mut c = setup();
            press(&mut c.app, WELCOME);
            let before = count(&campaign(&c.app));
            let mut c = setup();
            press(&mut c.app, &keys);
            assert!(c.app.dialog().is_some(), "{name}: no wizard opened");
            let steps = complete(&mut c.app);
            assert!(steps >= 1, "{name}");
            assert_eq!(
                count(&campaign(&c.app)),
                before + 1,
                "{name}: nothing added"
            );
        }
    }

    #[test]
    fn each_wizard_cancelled_midway_changes_nothing() {
        for (name, keys, _) in cases() {
            let mut c = setup();
            press(&mut c.app, &keys);
            let before = campaign(&c.app);
            // One answer, then Esc.
            if let Some(Dialog::Prompt(p)) = c.app.dialog()
                && p.input.value().trim().is_empty()
            {
                press(&mut c.app, "x");
            }
            press(&mut c.app, "<enter>");
            assert!(
                c.app.dialog().is_some(),
                "{name}: a one-step wizard cannot be cancelled midway"
            );
            press(&mut c.app, "<esc>");
            assert!(c.app.dialog().is_none(), "{name}: Esc did not close it");
            assert_eq!(
                campaign(&c.app),
                before,
                "{name}: a cancelled wizard changed the campaign"
            );
        }
    }

    /// Esc closes every kind of dialog and changes nothing.
    #[test]
    fn esc_closes_every_dialog_without_a_change() {
        let dialogs = [
            ("prompt", format!("{WELCOME} <enter>")),
            (
                "pick",
                format!("{WELCOME} <down> <down> <down> <down> <enter>"),
            ),
            (
                "checklist",
                format!("{WELCOME} <down> <down> <down> <down> <down> <enter>"),
            ),
            ("help", format!("{WELCOME} ?")),
            ("explain", format!("{QUIET} <tab> p p p <enter>")),
            ("confirm", "d".to_string()),
            ("template picker", "n".to_string()),
        ];
        for (name, keys) in dialogs {
            let mut c = setup();
            press(&mut c.app, &keys);
            assert!(c.app.dialog().is_some(), "{name}: no dialog opened");
            let before = c.app.editor.as_ref().map(|e| e.campaign.clone());
            let library = c.app.library.size;
            press(&mut c.app, "<esc>");
            assert!(c.app.dialog().is_none(), "{name}: Esc did not close it");
            assert_eq!(
                c.app.editor.as_ref().map(|e| e.campaign.clone()),
                before,
                "{name}"
            );
            assert_eq!(c.app.library.size, library, "{name}");
        }
    }
}

/// The screen stack: history opened from the editor is on top and takes the keys; closing it
/// returns to the editor as it was; closing the editor returns to the library.
#[test]
fn the_screen_on_top_takes_the_keys_and_closing_it_returns_to_the_one_below() {
    use candor::app::ScreenId;
    let mut c = setup();
    press(&mut c.app, &format!("{WELCOME} ] ]"));
    assert_eq!(c.app.top(), ScreenId::Editor);
    let section = c.app.editor.as_ref().unwrap().section;
    press(&mut c.app, "h");
    assert_eq!(
        c.app.screen_stack(),
        [ScreenId::Library, ScreenId::Editor, ScreenId::History]
    );
    // ] moves sections in the editor; with history on top it must not reach the editor.
    press(&mut c.app, "] j");
    assert_eq!(c.app.editor.as_ref().unwrap().section, section);
    let screen = render(&mut c.app, 80, 24);
    assert!(screen.contains("History"), "{screen}");
    press(&mut c.app, "<esc>");
    assert_eq!(c.app.top(), ScreenId::Editor);
    assert!(c.app.history.is_none());
    press(&mut c.app, "<esc>");
    assert_eq!(c.app.screen_stack(), [ScreenId::Library]);
    assert!(c.app.editor.is_none());
}

/// Undo and redo say what they changed back, by the part of the campaign.
#[test]
fn undo_and_redo_say_what_they_changed() {
    let mut c = setup();
    press(
        &mut c.app,
        &format!("{WELCOME} j <enter> <c-u> New <space> goal <enter> u"),
    );
    let said = |app: &App| app.message.as_ref().unwrap().text.clone();
    assert_eq!(said(&c.app), "Undone: the change to objective");
    press(&mut c.app, "<c-y>");
    assert_eq!(said(&c.app), "Redone: the change to objective");
    press(&mut c.app, "u u");
    assert_eq!(said(&c.app), "Nothing to undo");
}

/// A letter that does nothing where it is pressed says so, and names the key that lists the
/// ones that do: a newcomer trying U for redo met silence.
#[test]
fn a_key_that_does_nothing_says_so() {
    let mut c = setup();
    press(&mut c.app, &format!("{WELCOME} U"));
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert_eq!(said, "U does nothing here; ? lists the keys that do");
    // In the library's filter, letters are typed, not keys.
    let mut c = setup();
    press(&mut c.app, "/ U");
    assert!(c.app.message.is_none());
}

/// The footer offers undo while there is an edit to undo, and redo while there is one to redo.
#[test]
fn the_footer_offers_undo_and_redo_only_when_they_would_act() {
    let mut c = setup();
    let footer = |app: &mut App| {
        let screen = render(app, 160, 40);
        screen.lines().nth(39).unwrap_or_default().to_string()
    };
    press(&mut c.app, WELCOME);
    let f = footer(&mut c.app);
    assert!(!f.contains("undo") && !f.contains("redo"), "{f}");
    press(&mut c.app, "j <enter> <c-u> New <space> goal <enter>");
    let f = footer(&mut c.app);
    assert!(f.contains("u undo") && !f.contains("redo"), "{f}");
    press(&mut c.app, "u");
    let f = footer(&mut c.app);
    assert!(!f.contains("u undo") && f.contains("Ctrl-Y redo"), "{f}");
}

/// Undo back to the saved text after the draft was autosaved, then leave: the undone edit
/// must not come back as a draft.
#[test]
fn undo_then_leave_does_not_bring_the_undone_edit_back() {
    let mut c = setup();
    press(
        &mut c.app,
        &format!("{WELCOME} j <enter> <c-u> Undone <space> goal <enter>"),
    );
    let later = std::time::Instant::now() + std::time::Duration::from_secs(3);
    c.app.tick(later);
    c.app.finish_background();
    assert!(c.app.store.draft("welcome-email").unwrap().is_some());
    press(&mut c.app, "u <esc>");
    assert!(c.app.editor.is_none());
    assert!(
        c.app.store.draft("welcome-email").unwrap().is_none(),
        "the undone edit is still kept as a draft"
    );
    let said = c
        .app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(!said.contains("kept as a draft"), "{said}");
    press(&mut c.app, "<enter>");
    assert!(c.app.dialog().is_none(), "reopening offers a draft again");
}

/// A draft kept for later (Esc at the restore question) survives opening and leaving without
/// an edit.
#[test]
fn a_draft_kept_for_later_is_not_dropped_by_leaving_unchanged() {
    let mut c = setup();
    press(
        &mut c.app,
        &format!("{WELCOME} j <enter> <c-u> Later <enter> <esc> <enter> <esc>"),
    );
    assert!(c.app.editor.is_some());
    press(&mut c.app, "<esc>");
    assert!(c.app.store.draft("welcome-email").unwrap().is_some());
}

/// After "decide later", an edit would have its autosave replace the kept draft: it is not
/// made, and the restore question comes back saying why; restoring brings the kept edits.
/// Once they are restored or discarded, editing goes on as usual.
#[test]
fn an_edit_after_deciding_later_asks_again_instead_of_replacing_the_draft() {
    use candor::app::Dialog;
    let mut c = setup();
    press(
        &mut c.app,
        &format!("{WELCOME} j <enter> <c-u> Later <enter> <esc> <enter> <esc>"),
    );
    let objective = |c: &common::Ctx| c.app.editor.as_ref().unwrap().campaign.objective.clone();
    assert_ne!(objective(&c), "Later");
    // Another edit: refused, and asked about.
    press(&mut c.app, "j <enter> <c-u> Other <enter>");
    let Some(Dialog::Confirm(q)) = c.app.dialog() else {
        panic!("no question: {:?}", c.app.message)
    };
    assert_eq!(q.title, "Restore unsaved edits?");
    assert!(q.body[0].starts_with("Editing now would replace the unsaved edits kept earlier"));
    assert_ne!(objective(&c), "Other");
    insta::assert_snapshot!(
        "restore_draft_asked_again_80x24",
        render(&mut c.app, 80, 24)
    );
    let draft = c.app.store.draft("welcome-email").unwrap().unwrap();
    assert_eq!(
        draft.campaign.objective, "Later",
        "the kept draft is untouched"
    );
    press(&mut c.app, "r");
    assert_eq!(objective(&c), "Later");
    // Restored: the next edit is made.
    press(&mut c.app, "<enter> <c-u> Other <enter>");
    assert!(c.app.dialog().is_none());
    assert_eq!(objective(&c), "Other");
    // Discarding clears the way too.
    let mut c = setup();
    press(
        &mut c.app,
        &format!(
            "{WELCOME} j <enter> <c-u> Later <enter> <esc> <enter> <esc> j <enter> <c-u> Other <enter> d"
        ),
    );
    press(&mut c.app, "<enter> <c-u> Other <enter>");
    assert!(c.app.dialog().is_none());
    assert_eq!(objective(&c), "Other");
}

/// Archiving asks first, and the cursor stays on the campaign archived even when the list
/// re-sorts.
#[test]
fn archiving_asks_and_keeps_the_cursor_on_the_campaign() {
    let mut c = setup();
    press(&mut c.app, "s s");
    let id = c.app.library.current().unwrap().id.clone();
    press(&mut c.app, "a");
    assert!(c.app.dialog().is_some(), "archive asks first");
    press(&mut c.app, "n");
    assert_ne!(
        c.app.library.current().unwrap().status,
        candor::model::Status::Archived
    );
    press(&mut c.app, "a y");
    let now = c.app.library.current().unwrap();
    assert_eq!(now.id, id);
    assert_eq!(now.status, candor::model::Status::Archived);
}

/// A number field shown with its value: typing replaces it; moving first edits it.
#[test]
fn typing_into_a_number_field_replaces_the_value_shown() {
    let mut c = setup();
    // The first zone's priority.
    press(&mut c.app, &format!("{WELCOME} ] ]"));
    let e = c.app.editor.as_mut().unwrap();
    e.selected = e
        .derived
        .rows
        .iter()
        .position(|r| r.path == "zones[0].priority")
        .unwrap();
    press(&mut c.app, "<enter>");
    let Some(candor::app::Dialog::Prompt(p)) = c.app.dialog() else {
        panic!("no number prompt")
    };
    assert_eq!(p.input.value(), "1");
    press(&mut c.app, "3");
    let Some(candor::app::Dialog::Prompt(p)) = c.app.dialog() else {
        panic!("no number prompt")
    };
    assert_eq!(p.input.value(), "3");
    press(&mut c.app, "<esc> <enter> <end> 0");
    let Some(candor::app::Dialog::Prompt(p)) = c.app.dialog() else {
        panic!("no number prompt")
    };
    assert_eq!(p.input.value(), "10");
}

/// Line breaks in a paste become spaces, whichever the terminal sends.
#[test]
fn pasted_line_breaks_become_spaces() {
    use ratatui::crossterm::event::Event;
    let mut c = setup();
    press(&mut c.app, &format!("{WELCOME} j <enter> <c-u>"));
    c.app
        .handle_event(&Event::Paste("pasted\rline two\r\nthree\nfour".into()));
    let Some(candor::app::Dialog::Prompt(p)) = c.app.dialog() else {
        panic!("no prompt")
    };
    assert_eq!(p.input.value(), "pasted line two three four");
}

/// A campaign made from a template says what is left to write; a blank one has nothing to
/// fill in.
#[test]
fn a_new_campaign_from_a_template_says_what_to_write() {
    let mut c = setup();
    press(&mut c.app, "n <down> <enter> Spring <enter>");
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert_eq!(
        said,
        "Created \"Spring\" from the Web banner template: write your brand, addresses and offer where it shows <…> and example.com"
    );
    let mut c = setup();
    press(&mut c.app, BLANK);
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert!(said.ends_with("from the Blank template"), "{said}");
}

/// With no opt-out yet, Enter on its row starts adding one, and `a` there offers the opt-out
/// first.
#[test]
fn the_empty_opt_out_row_adds_an_opt_out() {
    let mut c = setup();
    press(&mut c.app, &format!("{BLANK} ] ] ] ]"));
    let e = c.app.editor.as_ref().unwrap();
    assert!(
        e.campaign.consent.opt_out.is_empty(),
        "the blank template has none"
    );
    let row = e
        .derived
        .rows
        .iter()
        .position(|r| r.path == "consent.opt_out")
        .unwrap();
    c.app.editor.as_mut().unwrap().selected = row;
    press(&mut c.app, "<enter>");
    let Some(candor::app::Dialog::Pick(p)) = c.app.dialog() else {
        panic!("Enter did nothing")
    };
    assert!(p.title.starts_with("Opt-out"), "{}", p.title);
    press(&mut c.app, "<esc> a");
    let Some(candor::app::Dialog::Pick(p)) = c.app.dialog() else {
        panic!("no add menu")
    };
    assert_eq!(p.list.options[p.list.selected].label, "Opt-out method");
}

/// Three warnings in the audience banner: at 80x24 what does not fit is cut with a mark and
/// counted, never silently hidden; where there is room, all are whole.
#[test]
fn audience_banner_with_three_warnings() {
    let age = candor::app::wizards::attributes_by_risk()
        .iter()
        .position(|a| a.id == "age")
        .unwrap();
    let down = " <down>".repeat(age);
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let mut c = setup();
        c.app.area = Rect::new(0, 0, w, h);
        press(
            &mut c.app,
            &format!("/ makeup <enter> <enter> ] a{down} <enter> <enter> 30 <enter> <enter>"),
        );
        let e = c.app.editor.as_ref().unwrap();
        assert!(
            candor::app::layout::audience_warnings(e).len() >= 3,
            "{:#?}",
            e.derived.findings
        );
        let screen = render(&mut c.app, w, h);
        // At 80x24 the third is cut and counted; at 120x40 the banner takes the rows the short
        // audience leaves, and all three are whole.
        assert_eq!(screen.contains("(p: all findings)"), w == 80, "{screen}");
        insta::assert_snapshot!(format!("audience_banner_three_warnings_{w}x{h}"), screen);
    }
}

/// S asks for the revision's message, starting from Candor's; Ctrl-S saves without asking.
#[test]
fn s_saves_with_a_message_of_your_own() {
    let mut c = setup();
    press(
        &mut c.app,
        &format!("{WELCOME} j <enter> <c-u> Grow <space> the <space> list <enter> S"),
    );
    let Some(candor::app::Dialog::Prompt(p)) = c.app.dialog() else {
        panic!("S did not ask")
    };
    assert_eq!(p.input.value(), "changed objective");
    // Candor's words are a suggestion: the first letter typed replaces them.
    press(
        &mut c.app,
        "Objective <space> agreed <space> with <space> Bea <enter>",
    );
    let history = c.app.store.history("welcome-email").unwrap();
    assert_eq!(history[0].message, "Objective agreed with Bea");
    press(&mut c.app, "<enter> <c-u> Again <enter> <c-s>");
    assert!(c.app.dialog().is_none());
    let history = c.app.store.history("welcome-email").unwrap();
    assert_eq!(history[0].message, "changed objective");
    // Moving first keeps them, to add to.
    press(
        &mut c.app,
        "<enter> <c-u> Third <enter> S <end> <space> with <space> Bea <enter>",
    );
    let history = c.app.store.history("welcome-email").unwrap();
    assert_eq!(history[0].message, "changed objective with Bea");
}

/// f follows the targeting advice: beside a demographic-only audience it adds the suggested
/// intent condition; on an attribute warning it replaces that attribute; u undoes.
#[test]
fn f_follows_the_targeting_advice_and_u_undoes_it() {
    let rules = |app: &App| -> Vec<&'static str> { findings(app).iter().map(|f| f.rule).collect() };
    let mut c = setup();
    press(&mut c.app, "/ anti <enter> <enter> ]");
    assert!(rules(&c.app).contains(&"demographic-only-targeting"));
    let before = c.app.editor.as_ref().unwrap().campaign.clone();
    press(&mut c.app, "f");
    let e = c.app.editor.as_ref().unwrap();
    assert_eq!(e.campaign.conditions().len(), before.conditions().len() + 1);
    assert!(!rules(&c.app).contains(&"demographic-only-targeting"));
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert!(said.starts_with("Added \"Did: "), "{said}");
    // What the new condition reads is declared in the same step, and said: following the
    // advice leaves no undeclared data behind it.
    assert!(
        !rules(&c.app).contains(&"undeclared-data-use"),
        "{:?}",
        rules(&c.app)
    );
    assert_eq!(e.campaign.data.len(), before.data.len() + 1);
    assert!(
        said.contains("; declared user.behavior.browsing_history as Candor suggests"),
        "{said}"
    );
    // Again: the age warning is next, and its attribute is replaced.
    press(&mut c.app, "f");
    assert!(
        !rules(&c.app).contains(&"sensitive-attribute"),
        "{:?}",
        rules(&c.app)
    );
    let e = c.app.editor.as_ref().unwrap();
    assert!(
        e.campaign
            .conditions()
            .iter()
            .all(|r| matches!(r.condition, candor::model::Condition::Intent(_))),
        "only intent conditions are left"
    );
    // The suggested condition is there already: the attribute is taken out, not replaced by a
    // second copy of it.
    assert_eq!(
        e.campaign.conditions().len(),
        1,
        "{:?}",
        e.campaign.audience
    );
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert!(
        said.starts_with("Took the attribute out: the audience already has \"Did: "),
        "{said}"
    );
    press(&mut c.app, "u u");
    assert_eq!(c.app.editor.as_ref().unwrap().campaign, before);
    // Nothing to follow on a clean audience.
    let mut c = setup();
    press(&mut c.app, &format!("{WELCOME} ] f"));
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert!(said.starts_with("No targeting advice"), "{said}");
}

/// f on an exclusion ("Not: religion is …") takes the exclusion out, rather than putting the
/// intent condition under the Not, which would shut out the most interested people; and the
/// data field that nothing reads any more goes with it, so the notice stops saying it is used.
#[test]
fn f_on_an_exclusion_takes_it_out_with_the_field_nothing_reads() {
    use candor::model::Condition;
    let mut c = setup();
    press(&mut c.app, "/ holiday <enter> <enter> ]");
    let before = c.app.editor.as_ref().unwrap().campaign.clone();
    assert!(before.conditions().iter().any(|r| r.negated));
    press(&mut c.app, "f");
    let e = c.app.editor.as_ref().unwrap();
    assert!(
        e.campaign.conditions().iter().all(|r| !r.negated),
        "{:?}",
        e.campaign.audience
    );
    assert!(
        e.campaign
            .conditions()
            .iter()
            .all(|r| matches!(r.condition, Condition::Intent(_))),
        "{:?}",
        e.campaign.audience
    );
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert!(said.starts_with("Took out the exclusion"), "{said}");
    let notice = candor::disclosure::render::text(&e.derived.disclosure);
    assert!(!notice.contains("religion"), "{notice}");
    press(&mut c.app, "u");
    assert_eq!(c.app.editor.as_ref().unwrap().campaign, before);

    // Replacing an attribute takes its field too, when nothing else reads it.
    let mut c = setup();
    press(&mut c.app, "/ anti <enter> <enter> ] f f");
    let e = c.app.editor.as_ref().unwrap();
    assert!(
        !e.campaign
            .data
            .iter()
            .any(|f| f.category == "user.demographic.age_range"),
        "{:?}",
        e.campaign.data
    );
    let notice = candor::disclosure::render::text(&e.derived.disclosure);
    assert!(!notice.contains("your age"), "{notice}");
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert!(
        said.contains("and the data field \"user.demographic.age_range\", which nothing reads now"),
        "{said}"
    );
}

/// `+` adds an empty "any of these" group, which says it does nothing yet (and does nothing:
/// the notice reads as before, its parent's count stays); `+` again on it does not nest an empty
/// group in the empty one.
#[test]
fn an_empty_group_says_it_has_no_effect_and_does_not_nest() {
    use candor::model::Condition;
    let mut c = setup();
    press(&mut c.app, &format!("{WELCOME} ]"));
    let notice = |app: &App| {
        let e = app.editor.as_ref().unwrap();
        candor::disclosure::render::text(&candor::disclosure::generate(
            &e.campaign,
            candor::disclosure::locale::locale("en").unwrap(),
        ))
    };
    let before = notice(&c.app);
    press(&mut c.app, "+");
    let with_group = c.app.editor.as_ref().unwrap().campaign.clone();
    let Condition::All(items) = &with_group.audience else {
        panic!("{:?}", with_group.audience)
    };
    assert!(matches!(items.last(), Some(Condition::Any(v)) if v.is_empty()));
    let screen = render(&mut c.app, 120, 40);
    assert!(
        screen.contains("Any of these (empty, no effect yet)"),
        "{screen}"
    );
    // The group around it counts what takes effect: still the one condition.
    assert!(screen.contains("All of these (1)"), "{screen}");
    assert_eq!(notice(&c.app), before);
    press(&mut c.app, "+");
    assert_eq!(c.app.editor.as_ref().unwrap().campaign, with_group);
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert!(said.starts_with("This group is still empty"), "{said}");
}

/// A finding that means the notice says less than the campaign does cannot be waived: the
/// footer does not offer w on it, and w says why and changes nothing. d is offered only on
/// what it declares.
#[test]
fn a_finding_that_makes_the_notice_untrue_cannot_be_waived() {
    let mut c = setup();
    press(&mut c.app, "/ quiet <enter> <enter> <tab> p p p");
    let first = findings(&c.app)[0].clone();
    assert_eq!(first.rule, "undisclosed-sharing");
    let screen = render(&mut c.app, 120, 40);
    assert!(!screen.contains("  w waive  "), "{screen}");
    assert!(!screen.contains("  d declare  "), "{screen}");
    let before = c.app.editor.as_ref().unwrap().campaign.clone();
    press(&mut c.app, "w");
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert!(
        said.starts_with("This finding (undisclosed-sharing) cannot be waived: while it stands, the notice visitors read is not true"),
        "{said}"
    );
    assert_eq!(c.app.editor.as_ref().unwrap().campaign, before);
    // The next finding is undeclared-data-use: d declares it, and w is still not offered.
    press(&mut c.app, "<down>");
    let screen = render(&mut c.app, 120, 40);
    assert!(screen.contains("  d declare  "), "{screen}");
    assert!(!screen.contains("  w waive  "), "{screen}");
    // A waivable one offers w.
    let mut c = setup();
    press(&mut c.app, "/ sofa <enter> <enter> <tab> p p p");
    let screen = render(&mut c.app, 120, 40);
    assert!(screen.contains("  w waive  "), "{screen}");
}

/// Moving down the Findings tab keeps the selected finding in view, however many rows each
/// one wraps to at 80 columns; moving back up shows the first again.
#[test]
fn the_selected_finding_stays_in_view() {
    let mut c = setup();
    press(&mut c.app, &format!("{QUIET} <tab> p p p"));
    let last = "is collected before the visitor is asked for consent";
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let panel = |app: &mut App| {
        let screen = render(app, 80, 24);
        let right: Vec<String> = screen
            .lines()
            .map(|l| l.chars().skip(44).collect::<String>())
            .collect();
        flat(&right.join(" ").replace('│', " "))
    };
    assert!(!panel(&mut c.app).contains(last));
    press(&mut c.app, "<down> <down> <down>");
    assert_eq!(c.app.editor.as_ref().unwrap().finding, 3);
    assert!(panel(&mut c.app).contains(last), "{}", panel(&mut c.app));
    press(&mut c.app, "<up> <up> <up>");
    assert!(panel(&mut c.app).contains("is sent to AdReach"));
}

/// w on a finding asks why and until when, writes a waiver the whole team sees in the file,
/// keeps the finding listed as waived, and refuses a reason too short to judge or a past date.
#[test]
fn waiving_a_finding_records_who_why_and_until_when() {
    let mut c = setup();
    press(&mut c.app, "/ sofa <enter> <enter> <tab> p p p");
    let counted = |app: &App| findings(app).iter().filter(|f| f.counts()).count();
    let before = counted(&c.app);
    let first = findings(&c.app)[0].clone();
    press(&mut c.app, "w o k <enter>");
    let screen = render(&mut c.app, 100, 30);
    assert!(screen.contains("4 words or more"), "{screen}");
    press(&mut c.app, "<c-u>");
    for ch in "Sofas are bought once; reviewed with legal".chars() {
        let key = if ch == ' ' {
            "<space>".to_string()
        } else {
            ch.to_string()
        };
        press(&mut c.app, &key);
    }
    press(&mut c.app, "<enter> 2 0 2 0 - 0 1 - 0 1 <enter>");
    let screen = render(&mut c.app, 100, 30);
    assert!(screen.contains("has passed"), "{screen}");
    press(&mut c.app, "<c-u> 2 9 9 9 - 0 1 - 0 1 <enter>");
    let e = c.app.editor.as_ref().unwrap();
    assert_eq!(e.campaign.waivers.len(), 1);
    let w = &e.campaign.waivers[0];
    assert_eq!(w.rule, first.rule);
    assert_eq!(w.location.as_deref(), Some(first.location.as_str()));
    assert_eq!(w.reason, "Sofas are bought once; reviewed with legal");
    assert_eq!(w.accepted_by, "ines");
    assert_eq!(w.expires.as_deref(), Some("2999-01-01"));
    assert_eq!(counted(&c.app), before - 1);
    let waived = findings(&c.app)
        .iter()
        .find(|f| f.waived.is_some())
        .unwrap();
    assert_eq!(waived.rule, first.rule);
    let screen = render(&mut c.app, 120, 40);
    assert!(screen.contains("(waived)"), "{screen}");
    assert!(
        screen.contains("waived by ines until 2999-01-01"),
        "{screen}"
    );
    // The tab counts it apart, as accepted.
    assert!(screen.contains("│ Findings 1! 1~ │"), "{screen}");
    // Undo takes the waiver back.
    press(&mut c.app, "<tab> u");
    assert!(c.app.editor.as_ref().unwrap().campaign.waivers.is_empty());
    assert_eq!(counted(&c.app), before);
}

/// A finding a waiver accepts marks neither its row nor its section: it is listed as waived
/// and counted apart ("~") on the Findings tab.
#[test]
fn a_waived_finding_marks_no_row() {
    let mut c = setup();
    // The sneaker sample's team waived unused-data-field on its second field.
    press(&mut c.app, "/ teen <enter> <enter> ] ] ]");
    let screen = render(&mut c.app, 120, 40);
    let row = screen.lines().find(|l| l.contains("Field 2:")).unwrap();
    assert!(row.starts_with("│  Field 2:"), "{screen}");
    assert!(screen.contains("1~"), "{screen}");
}

/// The library holds only the rows around the selection, read a page at a time; moving to
/// the end, filtering and sorting still show the right rows with the right counts.
#[test]
fn a_large_library_is_read_a_page_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("big.db");
    drop(candor::store::Store::open(&db).unwrap());
    common::grow::grow_library(&db, 31);
    let n = candor::samples::SAMPLES.len() * 32;
    let mut app = App::new(candor::store::Store::open(&db).unwrap());
    app.area = ratatui::layout::Rect::new(0, 0, 80, 24);
    app.handle_event(&ratatui::crossterm::event::Event::Resize(80, 24));
    assert_eq!((app.library.total, app.library.size), (n, n));
    assert!(
        app.library.window.len() <= 4 * 24 + 1,
        "{}",
        app.library.window.len()
    );
    let screen = common::render(&mut app, 80, 24);
    assert!(screen.contains(&format!("{n} of {n}")), "{screen}");
    // The last row, read when the selection got there.
    press(&mut app, "G");
    assert_eq!(app.library.selected, n - 1);
    let last = app.library.current().unwrap().clone();
    assert!(app.library.window_start > 0);
    let screen = common::render(&mut app, 80, 24);
    assert!(
        screen.contains(&format!("> {}", &last.name[..20])),
        "{screen}"
    );
    assert_eq!(
        app.library.detail.as_ref().map(|d| d.id.as_str()),
        Some(last.id.as_str())
    );
    // Sorting keeps the selected campaign selected, wherever it lands.
    press(&mut app, "s");
    assert_eq!(
        app.library.current().map(|s| s.id.clone()),
        Some(last.id.clone())
    );
    // Filtering counts in SQL: 19 campaigns end in " x17".
    press(&mut app, "/ x 1 7 <enter>");
    assert_eq!(app.library.total, candor::samples::SAMPLES.len());
    let screen = common::render(&mut app, 80, 24);
    assert!(
        screen.contains(&format!("{} of {n}", candor::samples::SAMPLES.len())),
        "{screen}"
    );
    assert!(app.library.window.iter().all(|s| s.name.ends_with(" x17")));
}

/// D7: a library that cannot be read stays an error on the screen after keys are pressed,
/// never an empty library.
#[test]
fn an_unreadable_library_stays_an_error_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gone.db");
    drop(candor::store::Store::open(&db).unwrap());
    let store = candor::store::Store::open(&db).unwrap();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("DROP TABLE campaigns").unwrap();
    }
    let mut app = App::new(store);
    for keys in ["", "j", "j k <esc>", "s"] {
        press(&mut app, keys);
        let screen = common::render(&mut app, 80, 24);
        assert!(
            screen.contains("The library could not be read"),
            "after {keys:?}:\n{screen}"
        );
        assert!(!screen.contains("The library is empty"), "{screen}");
    }
}

/// A library of the samples at `db`, dated 2026-11-20 so its screens do not change by the day.
fn seed_at_a_fixed_time(db: &std::path::Path) {
    let mut s = Store::open_unseeded(db).unwrap();
    s.set_clock("2026-11-20T09:30:00Z");
    s.seed_samples().unwrap();
}

/// A read-only library opens with a banner on every screen; saving keeps the edits as a RON
/// file (which loads back to the edited campaign) and writes nothing to the library.
#[test]
fn a_read_only_library_keeps_edits_as_a_file_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ro.db");
    seed_at_a_fixed_time(&db);
    let before = std::fs::read(&db).unwrap();
    let mut store = Store::open_read_only(&db, "opened with --read-only").unwrap();
    store.set_author("ines");
    let mut app = App::new(store);
    app.color = true;
    let kept = dir.path().join("unsaved");
    app.unsaved_dirs = vec![kept.clone()];
    insta::assert_snapshot!("read_only_library_80x24", render(&mut app, 80, 24));
    insta::assert_snapshot!("read_only_library_120x40", render(&mut app, 120, 40));
    press(
        &mut app,
        &format!("{WELCOME} j <enter> <c-u> Read <space> only <enter> <c-s>"),
    );
    let screen = render(&mut app, 120, 40);
    assert!(screen.contains("READ-ONLY"), "{screen}");
    let files: Vec<_> = std::fs::read_dir(&kept)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let doc = candor::model::ron_io::load_str("kept", &std::fs::read_to_string(&files[0]).unwrap())
        .unwrap();
    assert_eq!(doc.campaign.objective, "Read only");
    // Said in a dialog, whole: why, the file, and how to bring it into a library.
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("Edits kept in a file"), "{screen}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(screen.contains(&name[..20]), "{screen}");
    assert!(screen.contains("candor import"), "{screen}");
    assert!(screen.contains("not saved: kept in a file"), "{screen}");
    assert!(app.editor.as_ref().unwrap().kept_in.as_ref() == Some(&files[0]));
    // Saving again writes the same file, not another.
    press(
        &mut app,
        "o <enter> <c-u> Read <space> only <space> again <enter> <c-s> o",
    );
    assert_eq!(std::fs::read_dir(&kept).unwrap().count(), 1);
    // Nothing left unsaved, so leaving asks nothing.
    assert!(!app.editor.as_ref().unwrap().dirty());
    press(&mut app, "<esc>");
    assert!(app.editor.is_none());
    // The library shows where the edits are, and the edits rather than its own version.
    let screen = render(&mut app, 120, 40);
    assert!(
        screen.contains("Shown below: your edits, kept in a file"),
        "{screen}"
    );
    assert!(screen.contains("Read only again"), "{screen}");
    assert_eq!(
        app.library.detail.as_ref().unwrap().objective,
        "Read only again"
    );
    // Reopened, the editor goes on from those edits, and saving still writes that one file.
    press(&mut app, "<enter>");
    let e = app.editor.as_ref().unwrap();
    assert_eq!(e.campaign.objective, "Read only again");
    assert_eq!(e.kept_in.as_ref(), Some(&files[0]));
    assert!(!e.dirty());
    let said = &app.message.as_ref().unwrap().text;
    assert!(
        said.starts_with("Opened your edits kept in a file"),
        "{said}"
    );
    press(&mut app, "j <enter> <c-u> Third <enter> <c-s> o");
    assert_eq!(std::fs::read_dir(&kept).unwrap().count(), 1);
    let doc = candor::model::ron_io::load_str("kept", &std::fs::read_to_string(&files[0]).unwrap())
        .unwrap();
    assert_eq!(doc.campaign.objective, "Third");
    // The library is as it was.
    press(&mut app, "<esc> q");
    assert!(app.quit);
    drop(app);
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

/// A read-only library refuses to add, copy, rename, archive or delete before asking anything
/// (a question whose every answer fails misleads), says so whole even at 80 columns, and
/// leaves those keys out of its footer.
#[test]
fn a_read_only_library_refuses_changes_before_asking() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ro.db");
    seed_at_a_fixed_time(&db);
    let mut app = App::new(Store::open_read_only(&db, "opened with --read-only").unwrap());
    app.color = true;
    let before = render(&mut app, 80, 24);
    assert!(before.contains("Enter open"), "{before}");
    for key in ["n", "c", "r", "a", "d", "i"] {
        press(&mut app, key);
        assert!(app.dialog().is_none(), "{key} opened a dialog");
        let said = &app.message.as_ref().unwrap().text;
        assert!(
            said.starts_with("This library is read-only"),
            "{key}: {said}"
        );
    }
    let screen = render(&mut app, 80, 24);
    // The message wraps onto the status rows: its end, what still works, is on the screen.
    assert!(screen.contains("elsewhere."), "{screen}");
    assert!(!screen.contains("n new"), "{screen}");
    insta::assert_snapshot!("read_only_refuses_changes_80x24", screen);
    insta::assert_snapshot!(
        "read_only_refuses_changes_120x40",
        render(&mut app, 120, 40)
    );
    // Nor does its help list them.
    press(&mut app, "?");
    let help = render(&mut app, 120, 40);
    assert!(help.contains("export the campaign as RON"), "{help}");
    assert!(!help.contains("delete (asks first)"), "{help}");
    // What it can do still works: export asks where to write.
    press(&mut app, "<esc> e");
    assert!(matches!(app.dialog(), Some(candor::app::Dialog::Prompt(_))));
}

/// Export says where the file went, whole; exporting the same text again writes nothing; a
/// file there with another text is replaced only when the user says so.
#[test]
fn export_names_the_file_and_asks_before_replacing_another_text() {
    let mut c = setup();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("for-review");
    let typed: String = dir
        .display()
        .to_string()
        .chars()
        .map(|ch| format!("{ch} "))
        .collect();
    let export = format!("e <c-u> {typed}<enter>");
    let file = dir.join("welcome-email.ron");
    press(&mut c.app, "/ welcome <enter>");
    press(&mut c.app, &export);
    let said = |app: &App| app.message.as_ref().unwrap().text.clone();
    assert_eq!(said(&c.app), format!("Exported to {}", file.display()));
    let library_text = std::fs::read_to_string(&file).unwrap();
    // The folder used is offered next time, whole.
    press(&mut c.app, "e");
    let Some(candor::app::Dialog::Prompt(p)) = c.app.dialog() else {
        panic!("no prompt")
    };
    assert_eq!(p.input.value(), dir.display().to_string());
    press(&mut c.app, "<esc>");
    press(&mut c.app, &export);
    assert!(
        said(&c.app).ends_with("already holds this revision; left as it was"),
        "{}",
        said(&c.app)
    );
    // A reviewer's note in the file: kept unless replacing is chosen.
    let noted = format!("// checked by rui\n{library_text}");
    std::fs::write(&file, &noted).unwrap();
    press(&mut c.app, &export);
    let screen = render(&mut c.app, 80, 24);
    assert!(screen.contains("Replace the exported file?"), "{screen}");
    press(&mut c.app, "k");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), noted);
    press(&mut c.app, &export);
    press(&mut c.app, "r");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), library_text);
    assert_eq!(said(&c.app), format!("Exported to {}", file.display()));
}

/// Paging down the key help stops with its last line at the bottom of the box, so a key up
/// moves the text at once instead of first winding back through blank pages.
#[test]
fn the_help_stops_scrolling_at_its_last_line() {
    let mut c = setup();
    render(&mut c.app, 80, 24);
    press(&mut c.app, "? <pgdn> <pgdn> <pgdn> <pgdn> <pgdn>");
    let end = render(&mut c.app, 80, 24);
    assert!(end.contains("Esc closes this help"), "{end}");
    assert!(end.contains("wheel scrolls"), "{end}");
    press(&mut c.app, "<up>");
    let up = render(&mut c.app, 80, 24);
    assert!(!up.contains("Esc closes this help"), "{up}");
    // Home and End go to either end.
    press(&mut c.app, "<home>");
    assert!(render(&mut c.app, 80, 24).contains("Keys that work here"));
    press(&mut c.app, "<end>");
    assert_eq!(render(&mut c.app, 80, 24), end);
    // A larger terminal wraps less: the help stops at its new last line at once, where End
    // puts it, not only after the next key.
    c.app
        .handle_event(&ratatui::crossterm::event::Event::Resize(120, 40));
    let resized = render(&mut c.app, 120, 40);
    press(&mut c.app, "<end>");
    assert_eq!(resized, render(&mut c.app, 120, 40));
}

/// A rule's explanation, paged down, also stops with its last line at the bottom.
#[test]
fn an_explanation_stops_scrolling_at_its_last_line() {
    let mut c = setup();
    render(&mut c.app, 80, 24);
    press(&mut c.app, &format!("{QUIET} <tab> p p p <enter>"));
    let top = render(&mut c.app, 80, 24);
    assert!(top.contains("Why this matters"), "{top}");
    press(&mut c.app, &"<pgdn> ".repeat(20));
    let end = render(&mut c.app, 80, 24);
    assert!(end.contains("The field it is about is selected"), "{end}");
    press(&mut c.app, "<up>");
    assert_ne!(render(&mut c.app, 80, 24), end);
}

/// `k` at the quit question keeps the edits as a draft and quits; the next open offers them.
#[test]
fn quit_keeping_the_edits_as_a_draft() {
    let mut c = setup();
    press(
        &mut c.app,
        &format!("{WELCOME} j <enter> <c-u> Tomorrow <enter> q k"),
    );
    assert!(c.app.quit);
    let draft = c.app.store.draft("welcome-email").unwrap().unwrap();
    assert_eq!(draft.campaign.objective, "Tomorrow");
    assert_eq!(c.app.store.history("welcome-email").unwrap().len(), 1);
}

/// A library in `dir` opened read-only by each call of the returned function (one session
/// each), keeping edits in files in the returned folder.
fn read_only_sessions(dir: &std::path::Path) -> (std::path::PathBuf, impl Fn() -> App) {
    let db = dir.join("ro.db");
    drop(Store::open(&db).unwrap());
    let kept = dir.join("unsaved");
    let folder = kept.clone();
    let session = move || {
        let store = Store::open_read_only(&db, "opened with --read-only").unwrap();
        let mut app = App::new(store);
        app.unsaved_dirs = vec![folder.clone()];
        app
    };
    (kept, session)
}

/// A read-only library across sessions: the edits one session kept in a file are offered
/// to the next when it opens the campaign, so the work goes on from them instead of a second
/// file starting again from the library's version.
#[test]
fn edits_kept_in_a_file_are_offered_to_the_next_session() {
    let dir = tempfile::tempdir().unwrap();
    let (kept, session) = read_only_sessions(dir.path());
    let mut first = session();
    press(
        &mut first,
        &format!("{WELCOME} j <enter> <c-u> First <space> day <enter> <c-s> o <esc> q"),
    );
    assert!(first.quit);
    drop(first);
    let files: Vec<_> = std::fs::read_dir(&kept)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);

    let mut second = session();
    press(&mut second, WELCOME);
    let screen = render(&mut second, 80, 24);
    assert!(screen.contains("Edits kept in a file earlier"), "{screen}");
    assert!(screen.contains("go on from my edits"), "{screen}");
    press(&mut second, "e");
    let e = second.editor.as_ref().unwrap();
    assert_eq!(e.campaign.objective, "First day");
    assert!(!e.dirty());
    assert_eq!(e.kept_in.as_ref(), Some(&files[0]));
    // More edits go to the same file, which then holds both days' work.
    press(
        &mut second,
        "j <enter> <c-u> Second <space> day <enter> <c-s> o",
    );
    assert_eq!(std::fs::read_dir(&kept).unwrap().count(), 1);
    let text = std::fs::read_to_string(&files[0]).unwrap();
    assert!(text.contains("Second day"), "{text}");

    // Asked for the library's version instead, the editor starts from it; the file stays.
    let mut third = session();
    press(&mut third, &format!("{WELCOME} l"));
    let e = third.editor.as_ref().unwrap();
    assert_ne!(e.campaign.objective, "Second day");
    assert!(e.kept_in.is_none());
    assert!(files[0].exists());
}

/// On a read-only library the autosave writes the edits to a file, so a crash (here: the app
/// dropped without quitting) loses nothing and the next session offers them; discarding
/// the edits at the quit question takes the autosaved file away.
#[test]
fn a_read_only_library_autosaves_edits_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let (kept, session) = read_only_sessions(dir.path());
    let files = || -> Vec<std::path::PathBuf> {
        std::fs::read_dir(&kept)
            .map(|rd| rd.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default()
    };
    let later = std::time::Instant::now() + std::time::Duration::from_secs(10);

    let mut crashed = session();
    press(
        &mut crashed,
        &format!("{WELCOME} j <enter> <c-u> Before <space> the <space> crash <enter>"),
    );
    assert!(files().is_empty(), "nothing is written before the pause");
    crashed.tick(later);
    let found = files();
    assert_eq!(found.len(), 1);
    let text = std::fs::read_to_string(&found[0]).unwrap();
    assert!(text.contains("Before the crash"), "{text}");
    assert!(crashed.editor.as_ref().unwrap().dirty(), "still unsaved");
    let screen = render(&mut crashed, 120, 40);
    assert!(screen.contains("unsaved (kept in a file"), "{screen}");
    drop(crashed);

    let mut next = session();
    press(&mut next, &format!("{WELCOME} e"));
    assert_eq!(
        next.editor.as_ref().unwrap().campaign.objective,
        "Before the crash"
    );
    press(&mut next, "<esc>");
    drop(next);

    // Edits autosaved and then discarded leave no file behind.
    std::fs::remove_dir_all(&kept).unwrap();
    let mut discarding = session();
    press(
        &mut discarding,
        &format!("{WELCOME} j <enter> <c-u> Not <space> wanted <enter>"),
    );
    discarding.tick(later);
    assert_eq!(files().len(), 1);
    press(&mut discarding, "q d");
    assert!(discarding.quit);
    assert!(files().is_empty(), "{:?}", files());
}

/// D6: while the terminal is too small only the request to enlarge it is shown, so no key may
/// act on the hidden screen: `d` then `y` at 59x19 deletes nothing. Ctrl-C quits, keeping
/// unsaved edits as a draft.
#[test]
fn keys_do_nothing_while_the_terminal_is_too_small() {
    let mut c = setup();
    let n = c.app.library.size;
    c.app
        .handle_event(&ratatui::crossterm::event::Event::Resize(59, 19));
    let screen = render(&mut c.app, 59, 19);
    assert!(
        screen.contains("Until then only Ctrl-C works: it quits"),
        "{screen}"
    );
    press(&mut c.app, "d y G d y");
    c.app
        .handle_event(&ratatui::crossterm::event::Event::Resize(80, 24));
    assert!(c.app.dialogs.is_empty());
    assert_eq!(c.app.store.count().unwrap() as usize, n);
    assert_eq!(c.app.library.selected, 0);
    // Edits left open when the terminal shrinks are kept when Ctrl-C quits.
    press(
        &mut c.app,
        &format!("{WELCOME} j <enter> <c-u> Small <enter>"),
    );
    c.app
        .handle_event(&ratatui::crossterm::event::Event::Resize(40, 10));
    press(&mut c.app, "q <c-c>");
    assert!(c.app.quit);
    let draft = c.app.store.draft("welcome-email").unwrap().unwrap();
    assert_eq!(draft.campaign.objective, "Small");
}

/// D13: the library's folder deleted while the TUI runs. Before, saves were reported and then
/// lost on exit (SQLite wrote to the unlinked file). Now a save says the library is gone and
/// keeps the edits as a RON file.
#[test]
fn a_library_deleted_while_running_keeps_the_edits_as_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data");
    let db = folder.join("t.db");
    let mut store = Store::open(&db).unwrap();
    store.set_author("ines");
    let mut app = App::new(store);
    let kept = dir.path().join("unsaved");
    app.unsaved_dirs = vec![kept.clone()];
    press(&mut app, &format!("{WELCOME} j <enter> <c-u> Gone <enter>"));
    std::fs::remove_dir_all(&folder).unwrap();
    press(&mut app, "<c-s>");
    let screen = render(&mut app, 120, 40);
    assert!(
        screen.contains("its file was deleted or replaced"),
        "{screen}"
    );
    let files: Vec<_> = std::fs::read_dir(&kept).unwrap().collect();
    assert_eq!(files.len(), 1);
    assert!(!app.editor.as_ref().unwrap().dirty());
    assert!(
        app.store
            .save_draft(&app.editor.as_ref().unwrap().campaign, 1)
            .is_err()
    );
}

/// An editor with an unsaved edit (the welcome email's name set to `name`) on a library whose
/// write lock another connection holds; the store waits `wait` for it. The folder, the app
/// and the connection that holds the lock (ROLLBACK releases it).
fn editing_while_locked(
    wait: std::time::Duration,
    name: &str,
) -> (tempfile::TempDir, App, rusqlite::Connection) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("busy.db");
    let mut store = Store::open(&db).unwrap();
    store.set_busy_timeout(wait).unwrap();
    let mut app = App::new(store);
    press(
        &mut app,
        &format!("{WELCOME} j <enter> <c-u> {name} <enter>"),
    );
    let other = rusqlite::Connection::open(&db).unwrap();
    other
        .execute_batch("BEGIN IMMEDIATE; UPDATE ui_state SET value = value;")
        .unwrap();
    (dir, app, other)
}

/// D5, the editor's half: another process holding the write lock no longer freezes the TUI
/// for 15 seconds a key. With the UI's short wait, an autosave waits for the next pause
/// and says so, a save says the library is busy and keeps the edits, and both go through once
/// the lock is released.
#[test]
fn a_busy_library_never_freezes_the_editor() {
    let (_dir, mut app, other) =
        editing_while_locked(std::time::Duration::from_millis(100), "Busy");
    let later = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let start = std::time::Instant::now();
    app.tick(later);
    press(&mut app, "<c-s>");
    assert!(
        start.elapsed() < std::time::Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    let e = app.editor.as_ref().unwrap();
    assert!(e.dirty());
    assert_eq!(
        e.draft_note.as_deref(),
        Some("draft waits: the library is busy")
    );
    let message = &app.message.as_ref().unwrap().text;
    assert!(message.contains("the library is busy"), "{message}");
    other.execute_batch("ROLLBACK").unwrap();
    app.tick(later + std::time::Duration::from_secs(10));
    app.finish_background();
    assert!(app.store.draft("welcome-email").unwrap().is_some());
    press(&mut app, "<c-s>");
    assert!(!app.editor.as_ref().unwrap().dirty());
}

/// D5, the autosave's half: drafts are written on a thread of their own, so an autosave
/// that has to wait for another process's write lock (here up to 3 s) never holds the
/// keyboard; the draft lands once the lock is released, and a save made meanwhile waits for
/// it, so the save's clearing of the draft is not undone by a stale autosave.
#[test]
fn an_autosave_waiting_for_the_library_never_holds_the_keyboard() {
    let (_dir, mut app, other) = editing_while_locked(std::time::Duration::from_secs(3), "Waiting");
    let later = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let start = std::time::Instant::now();
    app.tick(later);
    for k in candor::app::keys::parse("k j k j").unwrap() {
        app.handle_key(k);
        app.tick(later);
    }
    let took = start.elapsed();
    assert!(took < std::time::Duration::from_millis(500), "{took:?}");
    assert!(app.autosave.pending(), "the draft is still being written");
    assert!(app.store.draft("welcome-email").unwrap().is_none());
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(300));
        other.execute_batch("ROLLBACK").unwrap();
    });
    // The save waits for the draft, then clears it with the revision.
    app.save();
    releaser.join().unwrap();
    assert!(!app.autosave.pending());
    assert!(!app.editor.as_ref().unwrap().dirty());
    assert_eq!(app.store.history("welcome-email").unwrap().len(), 2);
    assert!(
        app.store.draft("welcome-email").unwrap().is_none(),
        "a stale draft came back after the save"
    );
}

/// D4: the diff of two large revisions is worked out on another thread: the key that asks
/// for it returns at once with "Comparing…", Esc cancels it, and asked again it arrives,
/// bounded, with the count of what it left out.
#[test]
fn a_large_diff_never_holds_the_keyboard() {
    use candor::model::*;
    let mut c = setup();
    let big = |tag: &str| {
        let mut camp = c.app.store.get("welcome-email").unwrap().campaign;
        camp.audience = Condition::Any(
            (0..6_000)
                .map(|i| {
                    Condition::Intent(IntentCondition {
                        action: Action::ALL[0],
                        target: Target::Category(format!("{tag}-{i}")),
                        count: Count::AtLeast(1),
                        within_days: 30,
                    })
                })
                .collect(),
        );
        camp
    };
    let (a, b) = (big("first"), big("second"));
    let head = c.app.store.get("welcome-email").unwrap().revision.id;
    let r2 = c.app.store.save(&a, head, "big").unwrap();
    c.app.store.save(&b, r2.id, "bigger").unwrap();
    c.app.reload_library();
    press(&mut c.app, "/ welcome <enter> <enter> h");
    let start = std::time::Instant::now();
    for k in candor::app::keys::parse("j <space> k <enter>").unwrap() {
        c.app.handle_key(k);
    }
    assert!(
        c.app.background_pending(),
        "the diff was worked out on the input thread"
    );
    assert!(
        start.elapsed() < std::time::Duration::from_millis(500),
        "{:?}",
        start.elapsed()
    );
    let screen = render(&mut c.app, 120, 40);
    assert!(
        screen.contains("Comparing the two versions… Esc cancels."),
        "{screen}"
    );
    c.app
        .handle_key(candor::app::keys::parse("<esc>").unwrap()[0]);
    assert!(!c.app.background_pending());
    press(&mut c.app, "<enter>");
    let screen = render(&mut c.app, 120, 40);
    assert!(screen.contains("Field by field"), "{screen}");
    let h = c.app.history.as_ref().unwrap();
    let lines = &h.diff.as_ref().unwrap().lines;
    assert!(
        lines
            .iter()
            .any(|(_, l)| l.contains("more changed lines, not shown"))
    );
}

/// A small synthetic population written to a file, the same on every run.
fn population_file(dir: &std::path::Path, people: usize) -> std::path::PathBuf {
    let path = dir.join("population.db");
    let pop = candor::reach::generate::generate(people, 1, None);
    candor::reach::file::save(&pop, &path, &mut |_| {}).unwrap();
    path
}

const ANTI_REACH: &str = "/ anti <enter> <enter> <tab> p p p p";

/// The Reach tab on a demographic-only audience: what the audience takes in, the bars, and
/// what the age condition leaves out.
#[test]
fn reach_tab() {
    let dir = tempfile::tempdir().unwrap();
    let path = population_file(dir.path(), 2_000);
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let mut c = setup();
        c.app.use_population(&path);
        c.app.area = Rect::new(0, 0, w, h);
        press(&mut c.app, ANTI_REACH);
        insta::assert_snapshot!(format!("reach_tab_{w}x{h}"), render(&mut c.app, w, h));
    }
}

/// The figures follow every edit, counted off the keyboard's thread: following the advice
/// makes the audience intent-based and the warning's figure goes; undo brings both back.
#[test]
fn reach_follows_edits_and_the_warning_quotes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = population_file(dir.path(), 2_000);
    let mut c = setup();
    c.app.use_population(&path);
    // Browsing the library never reads the population; opening a campaign does.
    press(&mut c.app, "<down>");
    assert!(c.app.reach.population.is_none());
    press(&mut c.app, "/ anti <enter> <enter> ]");
    assert!(c.app.reach.population.is_some());
    let report = |app: &App| app.reach.shown().unwrap().clone();
    let before = report(&c.app);
    assert!(before.demographic_only);
    assert_eq!(before.people, 2_000);
    assert!(c.app.reach.current());
    let note = c.app.editor.as_ref().unwrap().reach_note.clone().unwrap();
    assert!(
        note.0.contains("it leaves out") && note.0.contains("skincare"),
        "{note:?}"
    );
    // The banner carries the short form.
    let screen = render(&mut c.app, 120, 40);
    assert!(
        screen.contains("On the population, it leaves out"),
        "{screen}"
    );

    press(&mut c.app, "f");
    let after = report(&c.app);
    assert!(!after.demographic_only);
    assert!(
        after.reached < before.reached,
        "{} !< {}",
        after.reached,
        before.reached
    );
    assert_eq!(
        after.attributes.len(),
        1,
        "the age condition is still there"
    );
    assert!(c.app.editor.as_ref().unwrap().reach_note.is_none());

    press(&mut c.app, "u");
    assert_eq!(report(&c.app).reached, before.reached);
    assert!(c.app.editor.as_ref().unwrap().reach_note.is_some());
}

/// Without a population the tab says how to get one, and g makes the sample: kept in the file
/// named, and counted on at once.
#[test]
fn the_reach_tab_offers_to_make_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("campaign-library-population.db");
    let mut c = setup();
    c.app.reach.sample_people = 300;
    c.app.use_population(&path);
    press(&mut c.app, ANTI_REACH);
    // On a narrow panel the path breaks after a '/', and the file's name stays whole.
    let screen = render(&mut c.app, 80, 24);
    assert!(
        screen.contains("campaign-library-population.db"),
        "{screen}"
    );
    let screen = render(&mut c.app, 120, 40);
    assert!(
        screen.contains("No population to count on yet."),
        "{screen}"
    );
    assert!(
        screen.contains("Press g to make a sample of 300"),
        "{screen}"
    );
    // The footer offers g, even at 80 columns, while there is no population.
    let footer = |screen: &str| {
        let lines: Vec<&str> = screen.lines().collect();
        // The last line is the style hash; the one above it is the footer.
        lines[lines.len() - 2].to_string()
    };
    let screen = render(&mut c.app, 80, 24);
    assert!(footer(&screen).contains("g sample population"), "{screen}");
    press(&mut c.app, "g");
    assert!(path.exists(), "the sample is kept");
    assert_eq!(c.app.reach.shown().unwrap().people, 300);
    let said = c.app.message.as_ref().unwrap().text.clone();
    assert!(
        said.starts_with("The sample population is kept in"),
        "{said}"
    );
    // Once there is one, g would do nothing, and the footer no longer offers it.
    let screen = render(&mut c.app, 120, 40);
    assert!(!footer(&screen).contains("sample population"), "{screen}");
    // Without a population path at all (a test app), the tab says reach is not counted.
    let mut c = setup();
    press(&mut c.app, ANTI_REACH);
    let screen = render(&mut c.app, 120, 40);
    assert!(
        screen.contains("Reach is not counted in this window"),
        "{screen}"
    );
    // A file that is not a population is named, with what to start Candor with instead.
    let foreign = dir.path().join("foreign.db");
    std::fs::write(&foreign, b"not a population").unwrap();
    let mut c = setup();
    c.app.use_population(&foreign);
    press(&mut c.app, ANTI_REACH);
    let screen = render(&mut c.app, 120, 40);
    assert!(
        screen.contains("The population cannot be used."),
        "{screen}"
    );
    assert!(
        screen.contains("Start Candor with --population FILE"),
        "{screen}"
    );
}

/// Selects the audience row deepest in the tree (the first of the deepest).
fn select_deepest_node(app: &mut App) {
    use candor::app::fields::Field;
    let e = app.editor.as_mut().unwrap();
    let deepest = e
        .derived
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| match &r.field {
            Field::Node(p) => Some((p.len(), i)),
            _ => None,
        })
        .max()
        .unwrap();
    e.selected = deepest.1;
}

/// Found by the app_events fuzzer: `+` on a new group nested another inside it, without end, and
/// past about fifteen levels the autosaved draft no longer read back. `+` no longer nests in an
/// empty group, and no edit takes the audience past the depth every file and draft reads again.
#[test]
fn groups_stop_nesting_at_the_depth_that_reads_back() {
    use candor::model::{Condition, MAX_AUDIENCE_DEPTH};
    let mut c = setup();
    press(&mut c.app, &format!("{WELCOME} ] {}", "+ ".repeat(20)));
    let e = c.app.editor.as_ref().unwrap();
    assert_eq!(e.campaign.audience.depth(), 2, "one group was added");
    let said = c.app.message.clone().unwrap().text;
    assert!(said.starts_with("This group is still empty"), "{said}");

    // Groups that each hold a condition, as deep as allowed: wrapping the deepest condition
    // in a Not would go one deeper, and is refused.
    let mut c = setup();
    let head = c.app.store.get("welcome-email").unwrap();
    let mut campaign = head.campaign.clone();
    let leaf = campaign.conditions()[0].condition.clone();
    let mut node = Condition::All(vec![leaf.clone()]);
    while node.depth() < MAX_AUDIENCE_DEPTH {
        node = Condition::All(vec![leaf.clone(), node]);
    }
    campaign.audience = node;
    c.app
        .store
        .save(&campaign, head.revision.id, "as deep as allowed")
        .unwrap();
    press(&mut c.app, &format!("{WELCOME} ]"));
    select_deepest_node(&mut c.app);
    press(&mut c.app, "!");
    let said = c.app.message.clone().unwrap().text;
    assert!(said.contains("go at most 12 deep"), "{said}");
    let e = c.app.editor.as_ref().unwrap();
    assert_eq!(e.campaign, campaign);
    let text = candor::model::ron_io::to_ron(&e.campaign).unwrap();
    assert!(candor::model::ron_io::parse_unfinished("draft", &text).is_ok());
}

/// A campaign saved past the depth limit (as an older Candor could) opens, and can be made
/// shallower a step at a time: deleting the deepest condition is not refused as "too deep".
#[test]
fn a_campaign_past_the_depth_limit_opens_and_can_be_flattened() {
    use candor::model::{Condition, MAX_AUDIENCE_DEPTH};
    let mut c = setup();
    let head = c.app.store.get("welcome-email").unwrap();
    let mut campaign = head.campaign.clone();
    // One condition with groups around it, two levels past the limit.
    let mut node = campaign.conditions()[0].condition.clone();
    while node.depth() < MAX_AUDIENCE_DEPTH + 2 {
        node = Condition::All(vec![node]);
    }
    campaign.audience = node;
    c.app
        .store
        .save(
            &campaign,
            head.revision.id,
            "deep, as an older Candor saved it",
        )
        .unwrap();
    press(&mut c.app, &format!("{WELCOME} ]"));
    // The condition at the bottom of the groups.
    select_deepest_node(&mut c.app);
    press(&mut c.app, "x");
    let said = c.app.message.clone().unwrap().text;
    assert!(said.starts_with("Deleted: "), "{said}");
    let e = c.app.editor.as_ref().unwrap();
    assert_eq!(e.campaign.audience.depth(), MAX_AUDIENCE_DEPTH + 1);
}

/// The preview panel stops scrolling with its last line at the bottom, as help does: paging on
/// past the end and then pressing a key up moves the text at once.
#[test]
fn the_preview_stops_scrolling_at_its_last_line() {
    let mut c = setup();
    press(&mut c.app, &format!("{WELCOME} <tab>"));
    let top = render(&mut c.app, 80, 24);
    press(&mut c.app, &"<pgdn> ".repeat(30));
    let end = render(&mut c.app, 80, 24);
    assert_ne!(top, end, "the notice is longer than the panel");
    let e = c.app.editor.as_ref().unwrap();
    assert_eq!(e.panel_scroll, e.panel_max_scroll.get());
    press(&mut c.app, "<up>");
    assert_ne!(
        render(&mut c.app, 80, 24),
        end,
        "a key up moves the text at once"
    );
    press(&mut c.app, "<pgdn> <pgdn>");
    assert_eq!(render(&mut c.app, 80, 24), end);
}

/// At 80 columns a form value gets about 25 columns; the selected row, when cut, is shown
/// whole on the status line, and the usual hint comes back when the row fits.
#[test]
fn a_cut_field_is_shown_whole_on_the_status_line() {
    let mut c = setup();
    press(&mut c.app, "/ anti <enter> <enter> <down> <down> <down>");
    let status = |screen: &str| {
        let lines: Vec<&str> = screen.lines().collect();
        // Under the status line come the footer and the style hash.
        lines[lines.len() - 3].to_string()
    };
    let screen = render(&mut c.app, 80, 24);
    assert!(screen.contains("ines.marketing@lumen.exa…"), "{screen}");
    assert!(
        status(&screen).contains("Owner: ines.marketing@lumen.example · Enter edits"),
        "{screen}"
    );
    // Wide enough for the whole address: the hint says what Enter and Tab do.
    let screen = render(&mut c.app, 120, 40);
    assert!(
        status(&screen).contains("Enter edits the selected field"),
        "{screen}"
    );
    // A row that fits at 80 columns keeps the hint there too.
    press(&mut c.app, "<up>");
    let screen = render(&mut c.app, 80, 24);
    assert!(
        status(&screen).contains("Enter edits the selected field"),
        "{screen}"
    );
    // An audience condition cut in the form is given whole.
    let mut c = setup();
    press(&mut c.app, "/ nearest <enter> <enter> ] <down> <down>");
    let screen = render(&mut c.app, 80, 24);
    assert!(
        screen.contains(r#"Postal code is one of "28004…" [PROXY]"#),
        "{screen}"
    );
    assert!(
        status(&screen).starts_with(r#"Is: Postal code is one of "28004, 28005, 28012""#),
        "{screen}"
    );
}

/// A step-by-step builder goes back a step with Shift-Tab, keeping the answers given, and
/// says so in its key line from the second step on; on the first step the key does nothing.
#[test]
fn a_builder_goes_back_a_step_keeping_its_answers() {
    use candor::app::Dialog;
    use candor::model::{Action, Condition};
    let mut c = setup();
    let title = |app: &candor::app::App| match app.dialog() {
        Some(Dialog::Pick(p)) => p.title.clone(),
        Some(Dialog::Prompt(p)) => p.title.clone(),
        _ => String::new(),
    };
    let selected = |app: &candor::app::App| match app.dialog() {
        Some(Dialog::Pick(p)) => p.list.selected,
        _ => usize::MAX,
    };
    press(&mut c.app, &format!("{BLANK} ] i"));
    // The action after the one offered, the kind of target offered, then the name step.
    let chosen = selected(&c.app) + 1;
    press(&mut c.app, "<down> <enter> <enter>");
    assert!(title(&c.app).starts_with("Intent 3/"), "{}", title(&c.app));
    let screen = render(&mut c.app, 80, 24);
    assert!(screen.contains("Shift-Tab back"), "{screen}");
    press(&mut c.app, "<backtab> <backtab>");
    assert!(title(&c.app).starts_with("Intent 1/"), "{}", title(&c.app));
    assert_eq!(selected(&c.app), chosen, "the answer given is kept");
    let screen = render(&mut c.app, 80, 24);
    assert!(!screen.contains("Shift-Tab back"), "{screen}");
    insta::assert_snapshot!("builder_back_to_the_first_step_80x24", screen);
    press(&mut c.app, "<backtab>");
    assert!(title(&c.app).starts_with("Intent 1/"), "{}", title(&c.app));
    // Forward again to the end: the condition has the action chosen before going back.
    press(
        &mut c.app,
        "<enter> <enter> sofas <enter> <enter> 2 <enter> <enter>",
    );
    assert!(c.app.dialog().is_none(), "{}", title(&c.app));
    let e = c.app.editor.as_ref().unwrap();
    let Condition::All(items) = &e.campaign.audience else {
        panic!("{:?}", e.campaign.audience)
    };
    let Some(Condition::Intent(i)) = items.first() else {
        panic!("{items:?}")
    };
    assert_eq!(i.action, Action::ALL[chosen], "{i:?}");
    assert_eq!(i.target.value(), Some("sofas"));
}

/// At the smallest size Candor draws (60x20), the library gives up name room before it cuts
/// a date, and its title drops the screen's name before the order it is sorted in.
#[test]
fn the_library_at_its_smallest_cuts_names_not_dates() {
    let mut c = setup();
    let screen = render(&mut c.app, 60, 20);
    let first = screen.lines().nth(3).unwrap();
    assert!(first.contains(" 2026-11-20 "), "{screen}");
    assert!(first.contains('…'), "{screen}");
    assert!(
        screen
            .lines()
            .next()
            .unwrap()
            .contains("sorted by last edited"),
        "{screen}"
    );
    insta::assert_snapshot!("library_60x20", screen);
}

/// The header keeps what is being typed in view: a filter longer than the line shows its end
/// with the cursor, and the counts of what matches stay; the screen's name and the order give
/// way first.
#[test]
fn a_long_filter_keeps_its_end_and_the_counts_in_view() {
    let first_line = |app: &mut App, w, h| render(app, w, h).lines().next().unwrap().to_string();
    let mut c = setup();
    press(&mut c.app, "/ anti");
    let head = first_line(&mut c.app, 80, 24);
    assert!(head.contains("· 1 of "), "{head}");
    assert!(head.contains("filter: anti▏"), "{head}");
    press(&mut c.app, "-ageing-for-people-who-type-long-filters");
    let head = first_line(&mut c.app, 60, 20);
    assert!(head.contains("· 0 of "), "{head}");
    assert!(head.contains("filter: …"), "{head}");
    assert!(head.trim_end().ends_with("-long-filters▏"), "{head}");
    assert!(!head.contains("sorted by"), "{head}");
    // Room again once the filter is short: the name and the order come back.
    press(&mut c.app, "<esc>");
    let head = first_line(&mut c.app, 120, 40);
    assert!(head.contains("· Campaign library · "), "{head}");
    assert!(head.contains("sorted by"), "{head}");
}

/// A comment inside an imported campaign cannot survive a save from the editor (the canonical
/// form keeps the top comment only): the save says so, with where it was and where it stays.
#[test]
fn a_save_says_when_a_comment_inside_the_campaign_is_not_kept() {
    let mut c = setup();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("welcome-email.ron");
    let text = std::fs::read_to_string("campaigns/welcome-email.ron").unwrap();
    let text = text.replacen(
        "    zones:",
        "    // NOTE FOR LEGAL: keep the coupon\n    zones:",
        1,
    );
    std::fs::write(&file, &text).unwrap();
    candor::store::import_export::import_files(&mut c.app.store, &[file], |_| {}).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("NOTE FOR LEGAL"))
        .unwrap()
        + 1;
    press(
        &mut c.app,
        &format!("{WELCOME} j <enter> <c-u> New <space> goal <enter> <c-s>"),
    );
    let said = c.app.message.as_ref().unwrap();
    assert_eq!(said.severity, Some(candor::checks::Severity::Warning));
    assert!(
        said.text.ends_with(&format!(
            "Only the comment at the top of the file is kept: the one at line {line} of revision 2 is not in this one (it stays in revision 2)"
        )),
        "{}",
        said.text
    );
    // A save of a text with no such comment says nothing of it.
    press(&mut c.app, "<enter> <c-u> Newer <space> goal <enter> <c-s>");
    let said = c.app.message.as_ref().unwrap();
    assert!(!said.text.contains("comment"), "{}", said.text);
}
