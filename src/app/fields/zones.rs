//! The zones: each place on the page, its kind, who sees it, what it reads and its recipe.
//! Its rows, how each is edited and how an edit is applied, in one place.

use super::*;

pub(super) fn rows(c: &Campaign, lang: &str, out: &mut Vec<Row>) {
    if c.zones.is_empty() {
        out.push(row(
            "No content zones yet. Press a to add one.",
            "",
            Field::Note,
            "zones",
        ));
    }
    for (i, z) in c.zones.iter().enumerate() {
        let p = format!("zones[{i}]");
        out.push(header(
            format!("Zone {}: {}", i + 1, clean(&z.name)),
            Field::ZoneHeader(i),
            p.clone(),
        ));
        let mut under = nested(out, 1, &p);
        under.row("Name", or_dash(&z.name), Field::ZoneName(i), "name");
        under.row("Kind", z.kind.label(), Field::ZoneKind(i), "kind");
        // What the visitor sees, before how the zone works.
        let k = &z.content;
        let mut seen = nested(out, 1, &p);
        seen.row(
            "Headline",
            shown(k.headline.as_ref(), c, lang),
            Field::ZoneHeadline(i),
            "content.headline",
        );
        seen.row(
            "Text",
            shown(k.body.as_ref(), c, lang),
            Field::ZoneBody(i),
            "content.body",
        );
        seen.row(
            "Button",
            shown(k.button.as_ref(), c, lang),
            Field::ZoneButton(i),
            "content.button",
        );
        seen.row("Link", opt(&k.link), Field::ZoneLink(i), "content.link");
        seen.row("Image", opt(&k.image), Field::ZoneImage(i), "content.image");
        seen.row(
            "Image text",
            shown(k.image_alt.as_ref(), c, lang),
            Field::ZoneImageAlt(i),
            "content.image_alt",
        );
        seen.row(
            "Coupon",
            opt(&k.coupon),
            Field::ZoneCoupon(i),
            "content.coupon",
        );
        let mut under = nested(out, 1, &p);
        under.row(
            "Shown to",
            z.visibility.label(),
            Field::ZoneVisibility(i),
            "visibility",
        );
        under.row(
            "Priority",
            z.priority.to_string(),
            Field::ZonePriority(i),
            "priority",
        );
        under.row(
            "Also reads",
            list(&z.uses, |u| clean(u)),
            Field::ZoneUses(i),
            "uses",
        );
        let recipe = if z.recipe.is_some() { "yes" } else { "none" };
        nested(out, 1, &p).row("Recipe", recipe, Field::ZoneRecipe(i), "recipe");
        if let Some(r) = &z.recipe {
            let mut under = nested(out, 2, &p);
            under.row(
                "Made from",
                list(&r.ingredients, words_of),
                Field::RecipeIngredients(i),
                "recipe.ingredients",
            );
            under.row(
                "Leave out",
                list(&r.exclusions, words_of),
                Field::RecipeExclusions(i),
                "recipe.exclusions",
            );
            under.row(
                "Boost",
                list(&r.boosters, booster_text),
                Field::RecipeBoosters(i),
                "recipe.boosters",
            );
        }
    }
}

pub(super) fn edit_kind(c: &Campaign, f: &Field, lang: &str) -> EditKind {
    match f {
        Field::ZoneHeadline(i) => text(
            &text_in(c.zones[*i].content.headline.as_ref(), c, lang),
            true,
            "the few words the visitor reads first",
        ),
        Field::ZoneBody(i) => text(
            &text_in(c.zones[*i].content.body.as_ref(), c, lang),
            true,
            "a sentence or two under the headline",
        ),
        Field::ZoneButton(i) => text(
            &text_in(c.zones[*i].content.button.as_ref(), c, lang),
            true,
            "what the button says, such as \"See the collection\"",
        ),
        Field::ZoneLink(i) => opt_text(
            &c.zones[*i].content.link,
            "where the button goes: https://… or a path on the site such as /offers",
        ),
        Field::ZoneImage(i) => opt_text(
            &c.zones[*i].content.image,
            "the image's web address, https://…",
        ),
        Field::ZoneImageAlt(i) => text(
            &text_in(c.zones[*i].content.image_alt.as_ref(), c, lang),
            true,
            "what the image shows, for people who cannot see it",
        ),
        Field::ZoneCoupon(i) => opt_text(
            &c.zones[*i].content.coupon,
            "a code the visitor types at checkout; leave empty for none",
        ),
        Field::ZoneName(i) => text(
            &c.zones[*i].name,
            false,
            "a name for this place on the page",
        ),
        Field::ZoneKind(i) => choice(&ZoneKind::ALL, c.zones[*i].kind, |k| k.label().to_string()),
        Field::ZoneVisibility(i) => choice(&Visibility::ALL, c.zones[*i].visibility, |k| {
            k.label().to_string()
        }),
        Field::ZonePriority(i) => EditKind::Number {
            value: c.zones[*i].priority,
            min: 0,
            max: 1000,
        },
        Field::ZoneUses(i) => multi(categories(), &c.zones[*i].uses),
        Field::ZoneRecipe(i) => EditKind::Choice {
            options: vec!["none".into(), "yes".into()],
            selected: usize::from(c.zones[*i].recipe.is_some()),
        },
        Field::RecipeIngredients(i) => {
            let r = c.zones[*i].recipe.as_ref();
            EditKind::Multi {
                options: Ingredient::ALL.iter().map(words_of).collect(),
                checked: Ingredient::ALL
                    .iter()
                    .map(|x| r.is_some_and(|r| r.ingredients.contains(x)))
                    .collect(),
            }
        }
        Field::RecipeExclusions(i) => {
            let r = c.zones[*i].recipe.as_ref();
            EditKind::Multi {
                options: Exclusion::ALL.iter().map(words_of).collect(),
                checked: Exclusion::ALL
                    .iter()
                    .map(|x| r.is_some_and(|r| r.exclusions.contains(x)))
                    .collect(),
            }
        }
        Field::RecipeBoosters(i) => {
            let value = c.zones[*i].recipe.as_ref().map(|r| {
                r.boosters
                    .iter()
                    .map(booster_text)
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            text(
                &value.unwrap_or_default(),
                true,
                "e.g. new arrivals, on sale, category: skincare, brand: Lumen",
            )
        }
        _ => EditKind::None,
    }
}

pub(super) fn apply(c: &mut Campaign, f: &Field, v: EditValue, lang: &str) -> Result<(), String> {
    let cats = categories();
    let first = c.first_locale().to_string();
    match f {
        Field::ZoneHeadline(i) => set_text(
            &mut c.zones[*i].content.headline,
            &first,
            lang,
            &text_of(v)?,
        ),
        Field::ZoneBody(i) => set_text(&mut c.zones[*i].content.body, &first, lang, &text_of(v)?),
        Field::ZoneButton(i) => {
            set_text(&mut c.zones[*i].content.button, &first, lang, &text_of(v)?)
        }
        Field::ZoneImageAlt(i) => set_text(
            &mut c.zones[*i].content.image_alt,
            &first,
            lang,
            &text_of(v)?,
        ),
        Field::ZoneLink(i) => set_opt(&mut c.zones[*i].content.link, text_of(v)?),
        Field::ZoneImage(i) => set_opt(&mut c.zones[*i].content.image, text_of(v)?),
        Field::ZoneCoupon(i) => set_opt(&mut c.zones[*i].content.coupon, text_of(v)?),
        Field::ZoneName(i) => c.zones[*i].name = required(text_of(v)?, "the zone name")?,
        Field::ZoneKind(i) => c.zones[*i].kind = picked(&ZoneKind::ALL, &v)?,
        Field::ZoneVisibility(i) => c.zones[*i].visibility = picked(&Visibility::ALL, &v)?,
        Field::ZonePriority(i) => c.zones[*i].priority = in_range(number_of(v)?, 0, 1000)?,
        Field::ZoneUses(i) => c.zones[*i].uses = flags(&cats, &v)?,
        Field::ZoneRecipe(i) => {
            let on = picked(&[false, true], &v)?;
            let z = &mut c.zones[*i];
            if on && z.recipe.is_none() {
                z.recipe = Some(Recipe {
                    ingredients: vec![Ingredient::ViewedTogether],
                    exclusions: vec![Exclusion::AlreadyPurchased, Exclusion::OutOfStock],
                    boosters: Vec::new(),
                });
            } else if !on {
                z.recipe = None;
            }
        }
        Field::RecipeIngredients(i) => {
            let chosen = flags(&Ingredient::ALL, &v)?;
            if chosen.is_empty() {
                return Err("a recipe needs at least one ingredient".into());
            }
            recipe(c, *i)?.ingredients = chosen;
        }
        Field::RecipeExclusions(i) => recipe(c, *i)?.exclusions = flags(&Exclusion::ALL, &v)?,
        Field::RecipeBoosters(i) => {
            let b = parse_boosters(&text_of(v)?)?;
            recipe(c, *i)?.boosters = b;
        }
        _ => return Err("this row cannot be edited".into()),
    }
    Ok(())
}

pub fn booster_text(b: &Booster) -> String {
    match b {
        Booster::Category(v) => format!("category: {}", clean(v)),
        Booster::Brand(v) => format!("brand: {}", clean(v)),
        Booster::NewArrivals => "new arrivals".into(),
        Booster::OnSale => "on sale".into(),
    }
}

fn parse_boosters(s: &str) -> Result<Vec<Booster>, String> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lower = p.to_lowercase();
            if lower == "new arrivals" {
                Ok(Booster::NewArrivals)
            } else if lower == "on sale" {
                Ok(Booster::OnSale)
            } else if let Some(v) = lower.strip_prefix("category:") {
                Ok(Booster::Category(p[p.len() - v.len()..].trim().to_string()))
            } else if let Some(v) = lower.strip_prefix("brand:") {
                Ok(Booster::Brand(p[p.len() - v.len()..].trim().to_string()))
            } else {
                Err(format!("\"{}\" is not a booster: write new arrivals, on sale, category: NAME or brand: NAME", clean(p)))
            }
        })
        .collect()
}

fn recipe(c: &mut Campaign, i: usize) -> Result<&mut Recipe, String> {
    c.zones[i]
        .recipe
        .as_mut()
        .ok_or_else(|| "this zone has no recipe; set Recipe to yes first".to_string())
}
