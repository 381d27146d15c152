use crate::checks::{Context, Finding, Risk, Rule, Severity};

pub const RULE: Rule = Rule {
    id: "missing-purpose",
    severity: Severity::Error,
    risk: Risk::UnexpectedUse,
    summary: "A collected field has no stated purpose",
    explanation: r#"## What it checks
Data fields whose `purposes` list is empty.

## Risk
Data collected, shared or used in ways people did not expect.

## Why it matters
A visitor cannot agree to something nobody told them. Without a purpose the disclosure has
nothing to say about the field, and the data tends to be reused for whatever comes up next.

## Example
    (category: "user.demographic.date_of_birth", purposes: [], ...)

## Instead
    (category: "user.demographic.date_of_birth", purposes: ["personalize.content.limited"], ...)

## Fix
Name every use the field is collected for (`candor vocab` lists them), or stop collecting it."#,
    check,
    instant: false,
    intent_advice: false,
    waivable: true,
    fix: None,
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (i, field) in ctx.campaign.data.iter().enumerate() {
        if field.purposes.is_empty() {
            out.push(Finding::new(
                &RULE,
                format!("data[{i}].purposes"),
                format!(
                    "\"{}\" is collected with no stated purpose",
                    crate::text::clean(&field.category)
                ),
                "Name what it is used for (the field's Purposes), or stop collecting it.",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;

    #[test]
    fn fires_on_an_empty_purpose_list() {
        let mut c = good();
        c.data[0].purposes.clear();
        assert_fires(&c, "missing-purpose", "data[0].purposes");
    }

    #[test]
    fn silent_when_every_field_has_a_purpose() {
        assert_silent(&good(), "missing-purpose");
    }
}
