use crate::checks::{Context, Finding, Risk, Rule, Severity};
use crate::model::{Exclusion, Ingredient, ZoneKind};

pub const RULE: Rule = Rule {
    id: "recommends-purchased",
    severity: Severity::Warning,
    risk: Risk::Invasive,
    summary: "A recommendation recipe does not exclude items the person already bought",
    explanation: r#"## What it checks
Recommendation zones without a recipe, or whose recipe lacks the `AlreadyPurchased` exclusion.
Recipes built on `Replenishment` (refills of things people buy again and again) are exempt:
they recommend past purchases on purpose.

## Risk
Personalization that feels invasive or unwanted.

## Why it matters
Showing someone the sofa they bought yesterday wastes the slot and shows that the brand is
watching without understanding.

## Example
    recipe: ( ingredients: [ViewedTogether], exclusions: [OutOfStock] ),

## Instead
    recipe: ( ingredients: [ViewedTogether], exclusions: [AlreadyPurchased, OutOfStock] ),

## Fix
Add `AlreadyPurchased` to the recipe's exclusions."#,
    check,
    instant: false,
    intent_advice: false,
    waivable: true,
    fix: Some(crate::checks::Fix {
        safe: true,
        summary: "adds AlreadyPurchased to the recipe's exclusions",
        apply: fix,
    }),
};

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (z, zone) in ctx.campaign.zones.iter().enumerate() {
        if zone.kind != ZoneKind::Recommendations {
            continue;
        }
        let name = crate::text::clean(&zone.name);
        match &zone.recipe {
            None => out.push(Finding::new(
                &RULE,
                format!("zones[{z}]"),
                format!("Recommendations zone \"{name}\" has no recipe, so nothing keeps out what the person already bought"),
                "Give it a recipe that leaves out what the person already bought.",
            )),
            Some(r)
                if !r.exclusions.contains(&Exclusion::AlreadyPurchased)
                    && !r.ingredients.contains(&Ingredient::Replenishment) =>
            {
                out.push(Finding::new(
                    &RULE,
                    format!("zones[{z}].recipe.exclusions"),
                    format!("Recommendations zone \"{name}\" can recommend what the person just bought"),
                    "Add \"already purchased\" to what the recipe leaves out.",
                ))
            }
            Some(_) => {}
        }
    }
}

fn fix(c: &mut crate::model::Campaign, f: &Finding, _: &crate::checks::Settings) -> bool {
    let Some(z) = crate::checks::fixes::index(&f.location, "zones") else {
        return false;
    };
    // A zone without a recipe needs someone to choose what it recommends.
    match c.zones.get_mut(z).and_then(|zone| zone.recipe.as_mut()) {
        Some(r) if !r.exclusions.contains(&Exclusion::AlreadyPurchased) => {
            r.exclusions.insert(0, Exclusion::AlreadyPurchased);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::rules::test_support::*;
    use crate::model::*;

    #[test]
    fn fires_without_the_exclusion_or_a_recipe() {
        let mut c = good();
        c.zones[1].recipe.as_mut().unwrap().exclusions = vec![Exclusion::OutOfStock];
        assert_fires(&c, "recommends-purchased", "zones[1].recipe.exclusions");
        c.zones[1].recipe = None;
        assert_fires(&c, "recommends-purchased", "zones[1]");
    }

    #[test]
    fn silent_with_the_exclusion_or_for_replenishment() {
        let mut c = good();
        assert_silent(&c, "recommends-purchased");
        let r = c.zones[1].recipe.as_mut().unwrap();
        r.exclusions.clear();
        r.ingredients = vec![Ingredient::Replenishment];
        assert_silent(&c, "recommends-purchased");
    }
}
