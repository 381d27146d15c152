//! Property test: any campaign, with any text in its fields (quotes, backslashes, apostrophes,
//! line and paragraph separators, controls, emoji) and any audience tree, is written to RON
//! and read back to an equal campaign; where the written file also passes validation, loading
//! it gives the same campaign.

use candor::model::ron_io;
use candor::model::*;
use candor::samples::SAMPLES;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,24}",
        any::<String>(),
        "[a-z' \"\\\\\n\t\u{2028}\u{2029}\u{1b}\u{9b}é€😀]{0,16}",
        Just("Members' prices \"now\" \\ today".to_string()),
    ]
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        Just(Target::Anything),
        text().prop_map(Target::Page),
        text().prop_map(Target::Category),
        text().prop_map(Target::Product),
        text().prop_map(Target::Brand),
        text().prop_map(Target::Style),
        text().prop_map(Target::SearchTerm),
        text().prop_map(Target::Preference),
    ]
}

fn count() -> impl Strategy<Value = Count> {
    prop_oneof![
        any::<u32>().prop_map(Count::AtLeast),
        any::<u32>().prop_map(Count::AtMost),
        any::<u32>().prop_map(Count::Exactly),
    ]
}

fn leaf() -> impl Strategy<Value = Condition> {
    prop_oneof![
        (0..Action::ALL.len(), target(), count(), any::<u32>()).prop_map(
            |(a, target, count, d)| {
                Condition::Intent(IntentCondition {
                    action: Action::ALL[a],
                    target,
                    count,
                    within_days: d,
                })
            }
        ),
        (
            text(),
            0..Operator::ALL.len(),
            text(),
            proptest::option::of(text()),
            proptest::option::of(text())
        )
            .prop_map(|(attribute, op, value, reason, justification)| {
                Condition::Attribute(AttributeCondition {
                    attribute,
                    operator: Operator::ALL[op],
                    value,
                    reason,
                    justification,
                })
            }),
    ]
}

fn condition() -> impl Strategy<Value = Condition> {
    leaf().prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Condition::All),
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Condition::Any),
            inner.prop_map(|c| Condition::Not(Box::new(c))),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_campaign_round_trips_through_ron(
        sample in 0..SAMPLES.len(),
        name in text(),
        objective in text(),
        owner in text(),
        audience in condition(),
        status in 0..Status::ALL.len(),
    ) {
        let (file, body) = SAMPLES[sample];
        let mut c = ron_io::load_str(file, body).unwrap().campaign;
        c.name = name;
        c.objective = objective;
        c.owner = owner;
        c.audience = audience;
        c.status = Status::ALL[status];
        let written = ron_io::to_ron(&c).unwrap();
        let back: Campaign = ron::from_str(&written)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{written}")))?;
        prop_assert_eq!(&back, &c);
        if let Ok(doc) = ron_io::load_str("generated.ron", &written) {
            prop_assert_eq!(&doc.campaign, &c);
            prop_assert_eq!(ron_io::to_ron(&doc.campaign).unwrap(), written);
        }
    }
}
