use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::Collection;

pub const RULE: Rule = Rule {
    id: "missing-source",
    severity: Severity::Warning,
    risk: Risk::UnexpectedUse,
    summary: "Data the visitor did not give says nowhere where it came from",
    explanation: r#"## What it checks
Data fields collected by import (`collected_by: Import`: a loyalty programme, a partner, a
purchase system) whose `source` is empty.

## Risk
Data collected, shared or used in ways people did not expect.

## Why it matters
People are surprised most by what a brand knows without their having said it. When data was
not given by the person, they are owed where it came from (GDPR Art. 14(2)(f)). Without a
source, the notice can only say "we did not get this from you, and we have not yet told you
where it came from": honest, but unfinished, and it reads as evasive.

## Example
    (category: "user.demographic.age_range", collected_by: Import, ...)

## Instead
    (category: "user.demographic.age_range", collected_by: Import,
        source: Some("the date of birth you gave when you joined our loyalty programme"), ...)

## Fix
Say where the data came from in the field's Comes from row, in words a visitor recognises,
or collect it from the visitor with a form, where they see what they give."#,
    check,
    instant: false,
    intent_advice: false,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (i, field) in ctx.campaign.data.iter().enumerate() {
        let named = field
            .source
            .as_deref()
            .is_some_and(|s| !s.trim().is_empty());
        if field.collected_by == Collection::Import && !named {
            out.push(Finding::new(
                &RULE,
                format!("data[{i}].source"),
                format!(
                    "\"{}\" comes from somewhere other than the visitor, and the notice cannot say where",
                    crate::text::clean(&field.category)
                ),
                "Say where it came from (the field's Comes from), in words a visitor recognises.",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;
    use crate::model::Collection;

    #[test]
    fn fires_on_imported_data_with_no_source() {
        let mut c = good();
        c.data[0].collected_by = Collection::Import;
        c.data[0].source = Some("   ".into());
        assert_fires(&c, "missing-source", "data[0].source");
    }

    #[test]
    fn silent_when_the_source_is_named_or_the_visitor_gave_it() {
        let mut c = good();
        c.data[0].collected_by = Collection::Import;
        c.data[0].source = Some("our loyalty programme's records".into());
        assert_silent(&c, "missing-source");
        assert_silent(&good(), "missing-source");
    }
}
