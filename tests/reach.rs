//! Reach: the evaluator against populations small enough to count by hand, the report's
//! figures, consent, the generator's determinism, the population file and the CSV import.

use candor::model::{
    Action, AttributeCondition, Campaign, Channel, Collection, Condition, ConsentMoment, Count,
    DataField, EmailPermission, IntentCondition, LegalBasis, Operator, Target,
};
use candor::reach::build::Builder;
use candor::reach::csv::{ImportError, ImportOptions, import};
use candor::reach::eval::Evaluator;
use candor::reach::population::{DAY, Permission, Population, TargetKind, consent, parse_moment};

fn t0() -> i64 {
    parse_moment("2026-11-01 00:00:00").unwrap()
}

/// Who a condition takes in, by id, in order.
fn who(pop: &Population, c: &Condition) -> Vec<String> {
    let set = Evaluator::new(pop).matching(c);
    set.iter().map(|i| pop.ids[i].clone()).collect()
}

fn intent(action: Action, target: Target, count: Count, days: u32) -> Condition {
    Condition::Intent(IntentCondition {
        action,
        target,
        count,
        within_days: days,
    })
}

fn attr(attribute: &str, operator: Operator, value: &str) -> Condition {
    Condition::Attribute(AttributeCondition {
        attribute: attribute.into(),
        operator,
        value: value.into(),
        reason: None,
        justification: None,
    })
}

fn viewed(category: &str, n: u32, days: u32) -> Condition {
    intent(
        Action::CategoryView,
        Target::Category(category.into()),
        Count::AtLeast(n),
        days,
    )
}

/// a, b, c, d with ages 30, 60, unknown, 55; genders female, male, -, Female.
fn four() -> Builder {
    let mut b = Builder::new("four people");
    for (id, age, gender) in [
        ("a", "30", "female"),
        ("b", "60", "male"),
        ("c", "", ""),
        ("d", "55", "Female"),
    ] {
        let p = b.person(id).unwrap();
        b.set(p, "age", age).unwrap();
        b.set(p, "gender", gender).unwrap();
    }
    b
}

fn person(b: &Builder, id: &str) -> candor::reach::build::PersonRef {
    b.find(id).unwrap()
}

#[test]
fn a_window_of_d_days_takes_an_event_exactly_d_days_old_and_not_one_second_more() {
    let mut b = four();
    let at = |secs_before: i64| t0() - secs_before;
    let (a, bb, c) = (person(&b, "a"), person(&b, "b"), person(&b, "c"));
    b.event(
        a,
        at(30 * DAY),
        Action::CategoryView,
        TargetKind::Category,
        "skincare",
    );
    b.event(
        bb,
        at(30 * DAY + 1),
        Action::CategoryView,
        TargetKind::Category,
        "skincare",
    );
    b.event(
        c,
        at(0),
        Action::CategoryView,
        TargetKind::Category,
        "skincare",
    );
    let (pop, later) = b.finish(t0());
    assert_eq!(later, 0);
    assert_eq!(who(&pop, &viewed("skincare", 1, 30)), ["a", "c"]);
    assert_eq!(who(&pop, &viewed("skincare", 1, 31)), ["a", "b", "c"]);
    // A window of 0 days holds only what happened at the moment itself.
    assert_eq!(who(&pop, &viewed("skincare", 1, 0)), ["c"]);
}

#[test]
fn events_after_the_moment_are_left_out_and_counted() {
    let mut b = four();
    let a = person(&b, "a");
    b.event(a, t0() + 1, Action::PageView, TargetKind::Page, "/");
    let (pop, later) = b.finish(t0());
    assert_eq!((later, pop.events()), (1, 0));
}

#[test]
fn counts_at_least_at_most_and_exactly_include_people_with_no_event_where_they_should() {
    let mut b = four();
    let (a, bb) = (person(&b, "a"), person(&b, "b"));
    for _ in 0..3 {
        b.event(a, t0() - DAY, Action::AddToCart, TargetKind::Product, "p1");
    }
    b.event(bb, t0() - DAY, Action::AddToCart, TargetKind::Product, "p1");
    let (pop, _) = b.finish(t0());
    let cart = |count| intent(Action::AddToCart, Target::Anything, count, 7);
    assert_eq!(who(&pop, &cart(Count::AtLeast(2))), ["a"]);
    assert_eq!(who(&pop, &cart(Count::AtLeast(1))), ["a", "b"]);
    assert_eq!(who(&pop, &cart(Count::AtMost(1))), ["b", "c", "d"]);
    assert_eq!(who(&pop, &cart(Count::Exactly(0))), ["c", "d"]);
    assert_eq!(who(&pop, &cart(Count::Exactly(3))), ["a"]);
    assert_eq!(who(&pop, &cart(Count::AtLeast(0))), ["a", "b", "c", "d"]);
}

#[test]
fn every_target_kind_matches_by_name_and_products_count_for_their_category_and_brand() {
    let mut b = four();
    b.product("SOFA-1", "Sofas", "Casa");
    let (a, bb, c, d) = (
        person(&b, "a"),
        person(&b, "b"),
        person(&b, "c"),
        person(&b, "d"),
    );
    let t = t0() - DAY;
    b.event(a, t, Action::ProductClick, TargetKind::Product, "sofa-1");
    b.event(bb, t, Action::ProductClick, TargetKind::Category, "sofas");
    b.event(c, t, Action::ProductClick, TargetKind::Brand, " CASA ");
    b.event(d, t, Action::ProductClick, TargetKind::Product, "lamp-2");
    b.event(
        a,
        t,
        Action::Search,
        TargetKind::Search,
        "Night Moisturiser",
    );
    b.event(bb, t, Action::Search, TargetKind::Search, "serum");
    b.event(c, t, Action::PageView, TargetKind::Page, "/loans");
    b.event(d, t, Action::PageView, TargetKind::Page, "/loans/compare");
    b.event(
        a,
        t,
        Action::PreferenceSet,
        TargetKind::Preference,
        "size-eu-38",
    );
    b.event(bb, t, Action::CategoryView, TargetKind::Style, "minimal");
    b.event(
        c,
        t,
        Action::EmailEngagement,
        TargetKind::Email,
        "newsletter",
    );
    let (pop, _) = b.finish(t0());
    let once = |action, target| intent(action, target, Count::AtLeast(1), 7);
    use Action as A;
    assert_eq!(
        who(
            &pop,
            &once(A::ProductClick, Target::Category("sofas".into()))
        ),
        ["a", "b"]
    );
    assert_eq!(
        who(&pop, &once(A::ProductClick, Target::Brand("casa".into()))),
        ["a", "c"]
    );
    assert_eq!(
        who(
            &pop,
            &once(A::ProductClick, Target::Product("Sofa-1".into()))
        ),
        ["a"]
    );
    assert_eq!(
        who(&pop, &once(A::ProductClick, Target::Anything)),
        ["a", "b", "c", "d"]
    );
    assert_eq!(
        who(
            &pop,
            &once(A::Search, Target::SearchTerm("moisturiser".into()))
        ),
        ["a"]
    );
    // Pages match whole: /loans is not /loans/compare.
    assert_eq!(
        who(&pop, &once(A::PageView, Target::Page("/loans".into()))),
        ["c"]
    );
    assert_eq!(
        who(
            &pop,
            &once(A::PreferenceSet, Target::Preference("size-eu-38".into()))
        ),
        ["a"]
    );
    assert_eq!(
        who(
            &pop,
            &once(A::CategoryView, Target::Style("Minimal".into()))
        ),
        ["b"]
    );
    assert_eq!(
        who(&pop, &once(A::EmailEngagement, Target::Anything)),
        ["c"]
    );
    // The action matters: a click is not a view.
    assert!(
        who(
            &pop,
            &once(A::CategoryView, Target::Category("sofas".into()))
        )
        .is_empty()
    );
}

#[test]
fn attribute_conditions_hold_only_for_people_with_a_value() {
    let mut b = four();
    for (id, since) in [("a", "2020-01-01"), ("b", "2024-06-01")] {
        let p = person(&b, id);
        b.set(p, "customer_since", since).unwrap();
        b.set(p, "country", if id == "a" { "fr" } else { "ES" })
            .unwrap();
    }
    let (pop, _) = b.finish(t0());
    use Operator as O;
    assert_eq!(who(&pop, &attr("age", O::AtLeast, "55")), ["b", "d"]);
    assert_eq!(who(&pop, &attr("age", O::AtMost, "55")), ["a", "d"]);
    assert_eq!(who(&pop, &attr("age", O::Is, "60")), ["b"]);
    // Unknown age: neither 60 nor not 60.
    assert_eq!(who(&pop, &attr("age", O::IsNot, "60")), ["a", "d"]);
    assert_eq!(who(&pop, &attr("age", O::OneOf, "30, 55")), ["a", "d"]);
    assert_eq!(who(&pop, &attr("age", O::NoneOf, "30, 55")), ["b"]);
    assert_eq!(who(&pop, &attr("gender", O::Is, "FEMALE")), ["a", "d"]);
    assert_eq!(who(&pop, &attr("gender", O::IsNot, "female")), ["b"]);
    assert_eq!(who(&pop, &attr("country", O::Is, "FR")), ["a"]);
    assert_eq!(
        who(&pop, &attr("customer_since", O::AtLeast, "2024-01-01")),
        ["b"]
    );
    // A value that cannot be read, an unknown attribute and a special category match nobody.
    assert!(who(&pop, &attr("age", O::AtLeast, "fifty")).is_empty());
    assert!(who(&pop, &attr("shoe_size", O::Is, "42")).is_empty());
    assert!(who(&pop, &attr("religion", O::Is, "x")).is_empty());
    assert!(who(&pop, &attr("gender", O::AtLeast, "female")).is_empty());
}

#[test]
fn all_any_and_not_combine_as_sets() {
    let mut b = four();
    let (a, c) = (person(&b, "a"), person(&b, "c"));
    b.event(
        a,
        t0() - DAY,
        Action::CategoryView,
        TargetKind::Category,
        "garden",
    );
    b.event(
        c,
        t0() - DAY,
        Action::CategoryView,
        TargetKind::Category,
        "garden",
    );
    let (pop, _) = b.finish(t0());
    let older = attr("age", Operator::AtLeast, "55");
    let garden = viewed("garden", 1, 30);
    assert_eq!(who(&pop, &Condition::All(vec![])), ["a", "b", "c", "d"]);
    // A group that holds no condition has no effect, as the notice reads it: an empty "any of
    // these" is not "nobody", and it is skipped beside other conditions, even under a Not.
    let empty = || Condition::Any(vec![]);
    assert_eq!(who(&pop, &empty()), ["a", "b", "c", "d"]);
    assert_eq!(
        who(&pop, &Condition::Not(Box::new(empty()))),
        ["a", "b", "c", "d"]
    );
    assert_eq!(
        who(&pop, &Condition::All(vec![garden.clone(), empty()])),
        ["a", "c"]
    );
    assert_eq!(
        who(
            &pop,
            &Condition::Any(vec![garden.clone(), Condition::All(vec![empty()])])
        ),
        ["a", "c"]
    );
    assert_eq!(
        who(&pop, &Condition::Any(vec![older.clone(), garden.clone()])),
        ["a", "b", "c", "d"]
    );
    assert!(who(&pop, &Condition::All(vec![older.clone(), garden.clone()])).is_empty());
    // Not takes in the people of unknown age: they are not known to be 55 or over.
    assert_eq!(
        who(&pop, &Condition::Not(Box::new(older.clone()))),
        ["a", "c"]
    );
    assert_eq!(
        who(
            &pop,
            &Condition::All(vec![garden.clone(), Condition::Not(Box::new(older))])
        ),
        ["a", "c"]
    );
    assert_eq!(
        who(
            &pop,
            &Condition::Not(Box::new(Condition::Not(Box::new(garden))))
        ),
        ["a", "c"]
    );
}

fn campaign(audience: Condition) -> Campaign {
    let mut c = Campaign::blank("t", "T");
    c.audience = audience;
    c
}

fn consenting() -> Population {
    // a: profiling, explicit email; b: profiling + advertising, soft email; c: nothing, double
    // email; d: profiling, double email, texts.
    let mut b = four();
    for (id, flags, email) in [
        ("a", consent::PROFILING, Permission::Explicit),
        (
            "b",
            consent::PROFILING | consent::ADVERTISING,
            Permission::Soft,
        ),
        ("c", 0, Permission::Double),
        ("d", consent::PROFILING | consent::SMS, Permission::Double),
    ] {
        let p = person(&b, id);
        b.set_consent(p, flags);
        b.set_email(p, email);
        b.event(p, t0() - DAY, Action::PageView, TargetKind::Page, "/");
    }
    b.finish(t0()).0
}

#[test]
fn reach_counts_only_people_with_consent_and_a_channel_they_allow() {
    let pop = consenting();
    let everyone = campaign(Condition::All(vec![]));
    let r = candor::reach::report(&pop, &everyone);
    assert_eq!(
        (r.reached, r.reachable),
        (4, 4),
        "a web banner needs no consent here"
    );

    // An intent condition reads behaviour over time: profiling consent is needed.
    let visited = campaign(intent(
        Action::PageView,
        Target::Anything,
        Count::AtLeast(1),
        7,
    ));
    let r = candor::reach::report(&pop, &visited);
    assert_eq!((r.reached, r.reachable), (4, 3));
    assert_eq!(r.unreachable[0].why, "no consent to profiling");
    assert_eq!(r.unreachable[0].people, 1);

    // Email: explicit or double, never soft.
    let mut email = campaign(Condition::All(vec![]));
    email.channels = vec![Channel::Email];
    assert_eq!(candor::reach::report(&pop, &email).reachable, 3);
    email.consent.email_permission = Some(EmailPermission::DoubleOptIn);
    assert_eq!(candor::reach::report(&pop, &email).reachable, 2);
    email.channels = vec![Channel::Sms];
    assert_eq!(candor::reach::report(&pop, &email).reachable, 1);

    // A declared advertising purpose needs advertising consent.
    let mut ads = campaign(Condition::All(vec![]));
    ads.data.push(DataField {
        category: "user.behavior.browsing_history".into(),
        purposes: vec!["marketing.advertising.third_party.targeted".into()],
        collected_by: Collection::Tracking,
        source: None,
        consent: ConsentMoment::BeforeCollection,
        legal_basis: LegalBasis::Consent,
        retention_days: 30,
        recipients: vec![],
    });
    assert_eq!(candor::reach::report(&pop, &ads).reachable, 1);
}

#[test]
fn the_report_says_what_each_attribute_condition_leaves_out_of_the_interested() {
    // Skincare viewers (twice in 30 days): a (30), b (60), c (unknown age). d (55) never viewed.
    let mut b = four();
    for id in ["a", "b", "c"] {
        let p = person(&b, id);
        for _ in 0..2 {
            b.event(
                p,
                t0() - DAY,
                Action::CategoryView,
                TargetKind::Category,
                "skincare",
            );
        }
    }
    let (pop, _) = b.finish(t0());
    let mut c = campaign(Condition::All(vec![attr("age", Operator::AtLeast, "55")]));
    c.about = vec!["skincare".into()];
    let r = candor::reach::report(&pop, &c);
    assert_eq!(r.reached, 2, "b and d");
    assert!(r.demographic_only);
    assert_eq!(
        r.interest.condition,
        "viewed category \"skincare\" at least 2 times in 30 days"
    );
    assert_eq!(
        (
            r.interest.interested,
            r.interest.reached_interested,
            r.interest.missed
        ),
        (3, 1, 2)
    );
    let a = &r.attributes[0];
    assert_eq!(a.location, "audience.all[0]");
    assert_eq!(a.condition, "age is at least 55");
    assert_eq!(
        (a.rest, a.excluded, a.interested_rest, a.interested_excluded),
        (4, 2, 3, 2)
    );
    let figure = r.demographic_only_figure().unwrap();
    assert!(
        figure.contains("it leaves out 2 of the 3 people who viewed category \"skincare\""),
        "{figure}"
    );

    // Inside a Not, the attribute's cost is measured with the Not taken away.
    let mut c = campaign(Condition::All(vec![
        viewed("skincare", 2, 30),
        Condition::Not(Box::new(attr("age", Operator::AtMost, "35"))),
    ]));
    c.about = vec!["skincare".into()];
    let r = candor::reach::report(&pop, &c);
    assert_eq!(r.reached, 2, "b and c");
    assert!(!r.demographic_only);
    let a = &r.attributes[0];
    assert_eq!(a.location, "audience.all[1].not");
    assert_eq!((a.rest, a.excluded, a.interested_excluded), (3, 1, 1));
    assert_eq!(r.interest.source, "from About");
    // With no About the interest comes from elsewhere, and says so.
    c.about.clear();
    let r = candor::reach::report(&pop, &c);
    assert_eq!(
        r.interest.source,
        "a category the campaign names; About is empty"
    );
    let c = campaign(Condition::All(vec![attr("age", Operator::AtLeast, "55")]));
    let r = candor::reach::report(&pop, &c);
    assert_eq!(r.interest.source, "About is empty and no category is named");
    assert_eq!(
        r.interest.condition,
        "clicked any product at least 2 times in 30 days"
    );
}

#[test]
fn the_generator_gives_the_same_people_for_the_same_seed() {
    use candor::reach::generate::generate;
    let dir = tempfile::tempdir().unwrap();
    let write = |seed, name: &str| {
        let d = dir.path().join(name);
        candor::reach::csv::export(&generate(300, seed, None), &d).unwrap();
        let read = |f: &str| std::fs::read(d.join(f)).unwrap();
        (read("people.csv"), read("events.csv"))
    };
    let first = write(7, "one");
    assert_eq!(first, write(7, "two"));
    assert_ne!(first, write(8, "three"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("one/events.csv"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o777,
            0o600,
            "people's data is readable by its owner only"
        );
    }
    let people = String::from_utf8(first.0).unwrap();
    assert!(people.starts_with("person_id,consent_profiling,"));
    assert_eq!(people.lines().count(), 301);
}

#[test]
fn a_population_file_reads_back_to_the_same_population() {
    use candor::reach::generate::generate;
    let dir = tempfile::tempdir().unwrap();
    let pop = generate(400, 3, None);
    let path = dir.path().join("p.db");
    candor::reach::file::save(&pop, &path, &mut |_| {}).unwrap();
    let back = candor::reach::file::load(&path).unwrap();
    candor::reach::csv::export(&pop, &dir.path().join("a")).unwrap();
    candor::reach::csv::export(&back, &dir.path().join("b")).unwrap();
    for f in ["people.csv", "events.csv", "catalogue.csv"] {
        let a = std::fs::read(dir.path().join("a").join(f)).unwrap();
        let b = std::fs::read(dir.path().join("b").join(f)).unwrap();
        assert!(a == b, "{f} differs after a round trip");
    }
    assert_eq!(back.origin, pop.origin);
    // A file that is not a population is named as such.
    std::fs::write(dir.path().join("x.db"), b"").unwrap();
    let e = candor::reach::file::load(&dir.path().join("x.db")).unwrap_err();
    assert!(
        e.to_string().contains("not a Candor population file"),
        "{e}"
    );
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn an_import_reports_every_bad_cell_with_its_line_and_column_and_keeps_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let people = write(
        dir.path(),
        "people.csv",
        "person_id,age,gender,email_permission\nu1,34,female,explicit\nu2,abc,male,none\nu3,40,woman,yes\nu1,50,,\n",
    );
    let events = write(
        dir.path(),
        "events.csv",
        "person_id,occurred_at,action,target_kind,target\nu1,2026-10-01 10:00:00,category_view,category,skincare\nu9,2026-10-01 10:00:00,category_view,category,skincare\nu2,yesterday,purchase,product,p1\nu2,2026-10-02 10:00:00,order_completed,product,p1\nu3,2026-10-02 10:00:00,purchase,shelf,p1\n",
    );
    let e = import(
        &people,
        &events,
        None,
        &ImportOptions::default(),
        &mut |_, _, _| {},
    )
    .unwrap_err();
    let ImportError::BadCells { cells, total } = &e else {
        panic!("{e}");
    };
    let at: Vec<(u64, usize, &str)> = cells
        .iter()
        .map(|c| (c.line, c.column, c.value.as_str()))
        .collect();
    assert_eq!(
        at,
        [
            (3, 2, "abc"),
            (4, 3, "woman"),
            (4, 4, "yes"),
            (5, 1, "u1"),
            (3, 1, "u9"),
            (4, 2, "yesterday"),
            (5, 3, "order_completed"),
            (6, 4, "shelf"),
        ]
    );
    assert_eq!(*total, 8);
    let text = e.to_string();
    assert!(
        text.contains(
            "people.csv:3: column 2 (age) \"abc\": expected a whole number from 0 to 120"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "events.csv:5: column 3 (action) \"order_completed\": not one of Candor's actions"
        ),
        "{text}"
    );
    assert!(text.contains("nothing was imported"), "{text}");
}

#[test]
fn unknown_columns_and_actions_are_refused_unless_mapped_and_special_categories_always() {
    let dir = tempfile::tempdir().unwrap();
    let people = write(
        dir.path(),
        "people.csv",
        "person_id,agee,religion,notes\nu1,34,x,hello\n",
    );
    let events = write(
        dir.path(),
        "events.csv",
        "person_id,occurred_at,action,target_kind,target\nu1,2026-10-01T10:00:00Z,order_completed,product,p1\n",
    );
    let e = import(
        &people,
        &events,
        None,
        &ImportOptions::default(),
        &mut |_, _, _| {},
    )
    .unwrap_err();
    let text = e.to_string();
    assert!(text.contains("column 2 (agee) is not an attribute Candor knows. Did you mean age? If so, pass --map-attribute agee=age"), "{text}");
    assert!(
        text.contains("column 3 (religion) is a special category"),
        "{text}"
    );
    assert!(
        text.contains("column 4 (notes) is not an attribute"),
        "{text}"
    );

    let opts = ImportOptions {
        map_attributes: vec![("agee".into(), "age".into())],
        map_actions: vec![("order_completed".into(), "purchase".into())],
        ignore_columns: vec!["religion".into(), "notes".into()],
        as_of: None,
    };
    let (pop, summary) = import(&people, &events, None, &opts, &mut |_, _, _| {}).unwrap();
    assert_eq!((summary.people, summary.events), (1, 1));
    assert_eq!(
        summary.as_of, "2026-10-01 10:00:00",
        "the latest event, by default"
    );
    assert!(pop.column("religion").is_none());
    let bought = intent(Action::Purchase, Target::Anything, Count::AtLeast(1), 1);
    assert_eq!(who(&pop, &bought), ["u1"]);
    assert_eq!(who(&pop, &attr("age", Operator::Is, "34")), ["u1"]);
}

#[test]
fn an_exported_population_imports_back_to_the_same_counts() {
    use candor::reach::generate::generate;
    let dir = tempfile::tempdir().unwrap();
    let pop = generate(500, 11, None);
    candor::reach::csv::export(&pop, dir.path()).unwrap();
    let opts = ImportOptions {
        as_of: Some(pop.origin.as_of),
        ..ImportOptions::default()
    };
    let (back, _) = import(
        &dir.path().join("people.csv"),
        &dir.path().join("events.csv"),
        Some(&dir.path().join("catalogue.csv")),
        &opts,
        &mut |_, _, _| {},
    )
    .unwrap();
    for (name, text) in candor::samples::SAMPLES {
        let sample = candor::model::ron_io::load_str(name, text)
            .unwrap()
            .campaign;
        let a = candor::reach::report(&pop, &sample);
        let b = candor::reach::report(&back, &sample);
        assert_eq!(
            (a.reached, a.reachable),
            (b.reached, b.reachable),
            "{}",
            sample.id
        );
    }
}

fn candor(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_candor"))
        .args(args)
        .output()
        .unwrap()
}

/// `candor reach` on a generated population names the skincare-interested people the age rule
/// excludes; JSON carries the same figures; without a population it says how to make one.
#[test]
fn the_reach_command_prints_what_the_age_rule_excludes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lib.db");
    let db = db.to_str().unwrap();
    let o = candor(&["--db", db, "reach", "campaigns/anti-ageing-55-plus.ron"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no population at"), "{err}");
    assert!(err.contains("candor population generate"), "{err}");

    // A file that is not a population says so, and what to pass instead; it is left alone.
    let foreign = dir.path().join("foreign.db");
    std::fs::write(&foreign, b"not sqlite").unwrap();
    let o = candor(&[
        "--population",
        foreign.to_str().unwrap(),
        "reach",
        "campaigns/anti-ageing-55-plus.ron",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("help: pass --population with a file made by"),
        "{err}"
    );
    assert_eq!(std::fs::read(&foreign).unwrap(), b"not sqlite");
    // Nor is it written over: a mistyped --out must not replace a library.
    let o = candor(&[
        "population",
        "generate",
        "--people",
        "10",
        "--out",
        foreign.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("is not a Candor population"), "{err}");
    assert_eq!(std::fs::read(&foreign).unwrap(), b"not sqlite");

    let o = candor(&[
        "--db",
        db,
        "population",
        "generate",
        "--people",
        "3000",
        "--seed",
        "5",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(said.starts_with("Wrote 3,000 people and "), "{said}");
    assert!(
        dir.path().join("lib-population.db").exists(),
        "beside the library"
    );

    let reach = |file: &str| {
        let o = candor(&["--db", db, "reach", file]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let text = reach("campaigns/anti-ageing-55-plus.ron");
    // An attribute beside other conditions is counted among the people who meet them: its
    // interested are "among them", not everyone interested. Wine-club has no About.
    let wine = reach("campaigns/wine-club-age-gate.ron");
    // Everyone, by email: people lack consent and permission both, and are counted under each.
    let blast = reach("campaigns/blast-to-everyone.ron");
    for (out, said) in [
        (&text, "age is at least 55 (audience.all[0])"),
        (
            &text,
            "Interest (from About): people who viewed category \"skincare\" at least 2 times in 30 days",
        ),
        (&text, "The audience is demographic-only"),
        (
            &wine,
            "Interest (a category the campaign names; About is empty)",
        ),
        (&wine, " among them who viewed category \"wine\""),
        (
            &blast,
            "(one person can lack several of these, so the counts overlap)",
        ),
    ] {
        assert!(out.contains(said), "{said}: {out}");
    }

    let o = candor(&[
        "--db",
        db,
        "reach",
        "campaigns/anti-ageing-55-plus.ron",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["people"], 3000);
    let a = &v["attributes"][0];
    assert_eq!(a["condition"], "age is at least 55");
    let excluded = a["interested_excluded"].as_u64().unwrap();
    assert!(excluded > 0);
    assert!(
        text.contains(&format!(
            "and {} of the",
            candor::reach::report::thousands(excluded as usize)
        )),
        "{text}"
    );

    // The SQL of the same audience, and the schema it reads.
    let o = candor(&[
        "audience",
        "sql",
        "campaigns/anti-ageing-55-plus.ron",
        "--dialect",
        "bigquery",
        "--count",
    ]);
    let sql = String::from_utf8_lossy(&o.stdout);
    assert!(sql.contains("COALESCE(p.age >= 55, FALSE)"), "{sql}");
    assert!(sql.contains("count(*) AS people"), "{sql}");
    let o = candor(&["audience", "schema", "--dialect", "bigquery"]);
    let schema = String::from_utf8_lossy(&o.stdout);
    assert!(
        schema.contains("occurred_at TIMESTAMP NOT NULL") && schema.contains("age INT64"),
        "{schema}"
    );
    assert!(
        !schema.contains("religion"),
        "no special category is a column"
    );
}

/// A condition on a category no event in the population is about matches nobody; the report
/// says so, naming it, so a count of 0 is not read as a fact about the audience.
#[test]
fn the_report_names_targets_no_event_is_about() {
    let pop = consenting();
    let typo = campaign(Condition::All(vec![
        intent(
            Action::PageView,
            Target::Page("/".into()),
            Count::AtLeast(1),
            7,
        ),
        viewed("outerwear/rain-gear", 1, 30),
    ]));
    let r = candor::reach::report(&pop, &typo);
    assert_eq!(r.reached, 0);
    assert_eq!(r.unknown_targets, ["category \"outerwear/rain-gear\""]);
    // The page every one of them viewed is known.
    let known = campaign(intent(
        Action::PageView,
        Target::Page("/".into()),
        Count::AtLeast(1),
        7,
    ));
    assert!(
        candor::reach::report(&pop, &known)
            .unknown_targets
            .is_empty()
    );
}
