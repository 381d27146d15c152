//! The generated disclosure: golden texts, completeness in every language, escaping, and our own
//! words.

use std::collections::HashSet;
use std::path::Path;

use candor::checks::RULES;
use candor::disclosure::{self, Arg, Element, Presence, locale, locales, render};
use candor::model::vocab::vocab;
use candor::model::{OptOut, data_map, ron_io};
use candor::samples::SAMPLES;

fn sample(name: &str) -> candor::model::Campaign {
    let text = SAMPLES.iter().find(|s| s.0 == name).unwrap().1;
    ron_io::load_str(name, text).unwrap().campaign
}

#[test]
fn golden_disclosures_in_three_languages() {
    for name in [
        "welcome-email.ron",
        "quiet-ad-sync.ron",
        "birthday-newsletter.ron",
        "lookalike-loans.ron",
        "skincare-recommendations.ron",
        "trail-shoes-undeclared.ron",
        "loyalty-preview-undeclared.ron",
        "recently-viewed-undeclared.ron",
    ] {
        let c = sample(name);
        for l in locales() {
            let d = disclosure::generate(&c, l);
            let r = d.readability;
            let report = format!(
                "{}\n-- readability {} ({} words, {} sentences, {} syllables)\n-- completeness {:?}\n",
                render::text(&d),
                candor::text::decimal(r.score, 1),
                r.words,
                r.sentences,
                r.syllables,
                d.completeness
            );
            insta::assert_snapshot!(
                format!("{}-{}", name.trim_end_matches(".ron"), l.code),
                report
            );
        }
    }
}

/// Samples whose notice Candor generates (no custom text), by name.
fn generated_samples() -> impl Iterator<Item = (&'static str, candor::model::Campaign)> {
    SAMPLES
        .iter()
        .map(|(n, _)| (*n, sample(n)))
        .filter(|(_, c)| c.custom_disclosure.is_none())
}

#[test]
fn every_declared_element_appears_in_every_language() {
    for (name, c) in generated_samples() {
        for l in locales() {
            let d = disclosure::generate(&c, l);
            let text = d.prose();
            for f in &c.data {
                let def = vocab().category(&f.category).unwrap();
                assert!(
                    text.contains(&l.text(&def.label)),
                    "{name}/{}: field {} missing",
                    l.code,
                    f.category
                );
                for p in &f.purposes {
                    let use_label = vocab().data_use(p).unwrap().label.clone();
                    // Worded for the data, or, where the campaign does not do that with it,
                    // in general words (see purposes_are_worded_for_what_the_campaign_does…).
                    let told = [def.topic.as_str(), "personal", "purchases-left-out"]
                        .into_iter()
                        .any(|topic| {
                            let topic = [("topic", Arg::Text(topic.to_string()))];
                            text.contains(&l.text_with(&use_label, &topic))
                        });
                    assert!(told, "{name}/{}: purpose {p} missing", l.code);
                }
                for r in &f.recipients {
                    assert!(
                        text.contains(&r.name),
                        "{name}/{}: recipient {} missing",
                        l.code,
                        r.name
                    );
                }
            }
            let retention = d
                .sections
                .iter()
                .find(|s| s.kind == disclosure::SectionKind::Retention);
            let map = data_map(&c);
            let undeclared = map.undeclared(&c).count();
            let mut periods: Vec<u32> = c.data.iter().map(|f| f.retention_days).collect();
            periods.sort_unstable();
            periods.dedup();
            assert_eq!(
                retention.map_or(0, |s| s.lines.len()),
                periods.len() + usize::from(undeclared > 0),
                "{name}/{}: one line per retention period, and one for what is not declared",
                l.code
            );
            // The notice never understates: whatever the campaign reads is named, declared or not.
            // Items that share "on our site" say it once, after the last of them, on the same
            // line: the qualifier of another sentence further on does not count.
            let site = format!(" {}", l.text("list-on-our-site"));
            for cat in map.categories() {
                let label = l.text(&vocab().category(cat).unwrap().label);
                assert!(
                    text.contains(&label)
                        || label.strip_suffix(&site).is_some_and(|bare| text
                            .split(bare)
                            .skip(1)
                            .any(|after| after.lines().next().unwrap_or("").contains(&site))),
                    "{name}/{}: {cat} is read but the notice does not name it",
                    l.code
                );
            }
            assert_eq!(
                text.contains(&l.text("collect-nothing")),
                map.is_empty() && c.data.is_empty(),
                "{name}/{}: \"nothing collected\" must appear exactly when nothing is read",
                l.code
            );
            for o in &c.consent.opt_out {
                if let OptOut::Link(u) | OptOut::PreferenceCentre(u) = o {
                    assert!(
                        text.contains(u.as_str()),
                        "{name}/{}: opt-out {u} missing",
                        l.code
                    );
                }
            }
            assert!(
                text.contains(&c.controller.contact),
                "{name}/{}: contact missing",
                l.code
            );
        }
    }
}

#[test]
fn generated_notices_are_plain_language_in_every_language() {
    for (name, c) in generated_samples() {
        for l in locales() {
            let d = disclosure::generate(&c, l);
            assert!(
                d.readability.is_plain(),
                "{name}/{}: {:?}",
                l.code,
                d.readability
            );
        }
    }
}

#[test]
fn completeness_reports_what_is_missing() {
    let c = sample("blast-to-everyone.ron");
    let d = disclosure::generate(&c, locale("en").unwrap());
    assert!(
        d.completeness
            .contains(&(Element::RightsAndOptOut, Presence::Missing))
    );
    let c = sample("quiet-ad-sync.ron");
    let d = disclosure::generate(&c, locale("en").unwrap());
    assert!(d.custom.is_some());
    assert!(
        d.completeness
            .contains(&(Element::Recipients, Presence::Missing)),
        "{:?}",
        d.completeness
    );
    assert!(
        d.completeness
            .contains(&(Element::Retention, Presence::Unknown))
    );
}

#[test]
fn html_output_escapes_every_value() {
    let mut c = sample("welcome-email.ron");
    c.controller.name = "<script>alert('x')</script> & Co".into();
    c.value_exchange.immediate = Some("\"quoted\" <b>bold</b>".into());
    let html = render::html(&disclosure::generate(&c, locale("fr").unwrap()));
    assert!(!html.contains("<script>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"),
        "{html}"
    );
    assert!(html.contains("&quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt;"));
    assert!(html.starts_with("<section class=\"candor-disclosure\" lang=\"fr\">"));
    let md = render::markdown(&disclosure::generate(&c, locale("en").unwrap()));
    assert!(md.contains("\\<script\\>"), "{md}");
}

#[test]
fn control_characters_typed_by_a_marketer_never_reach_the_text() {
    let mut c = sample("welcome-email.ron");
    c.value_exchange.immediate = Some("10% off\u{1b}[2J now".into());
    let d = disclosure::generate(&c, locale("en").unwrap());
    assert!(!render::text(&d).contains('\u{1b}'));
    assert!(render::text(&d).contains("\\u{1b}[2J"));
}

/// Runs of this many words count as a copied sentence.
const RUN: usize = 7;

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn no_sentence_of_the_seeds_appears_in_any_output() {
    let seeds = Path::new("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(seeds) else {
        eprintln!("skipped: ../shared/seeds is not beside this checkout");
        return;
    };
    let mut runs = HashSet::new();
    for e in entries {
        let w = words(&std::fs::read_to_string(e.unwrap().path()).unwrap());
        for run in w.windows(RUN) {
            runs.insert(run.join(" "));
        }
    }
    assert!(runs.len() > 1000, "the seeds were not read");
    // Everything Candor writes: every disclosure of every sample in every language, every
    // message file, every rule explanation, every finding.
    let mut outputs = Vec::new();
    for (name, _) in SAMPLES {
        let c = sample(name);
        for l in locales() {
            outputs.push(render::text(&disclosure::generate(&c, l)));
        }
        for f in candor::checks::check(&c) {
            outputs.push(format!("{} {}", f.message, f.hint));
        }
    }
    for l in locales() {
        for id in &l.message_ids {
            outputs.push(l.text(id));
        }
    }
    for r in RULES {
        outputs.push(format!("{} {}", r.summary, r.explanation));
    }
    for out in &outputs {
        for run in words(out).windows(RUN) {
            let run = run.join(" ");
            assert!(
                !runs.contains(&run),
                "copied from the seeds: \"{run}\" in:\n{out}"
            );
        }
    }
}

#[test]
fn line_by_line_counts_equal_counting_the_whole_notice() {
    use candor::disclosure::readability::{Counts, count, count_cached};
    for (name, c) in generated_samples() {
        for l in locales() {
            let d = disclosure::generate(&c, l);
            let whole = count(&d.prose(), l.syllables);
            // Twice, so the second pass comes from the cache.
            for _ in 0..2 {
                let summed = d
                    .sections
                    .iter()
                    .flat_map(|s| s.lines.iter())
                    .fold(Counts::default(), |acc, line| {
                        acc + count_cached(line, l.syllables)
                    });
                assert_eq!(summed, whole, "{name}/{}", l.code);
            }
            // Typed text in another language is counted by that language's rule instead.
            let own: usize = d
                .foreign
                .iter()
                .map(|f| {
                    count(&f.text, locale(f.lang).unwrap().syllables).syllables as isize
                        - count(&f.text, l.syllables).syllables as isize
                })
                .sum::<isize>() as usize;
            assert_eq!(
                (d.readability.words, d.readability.syllables),
                (whole.words, whole.syllables.wrapping_add(own)),
                "{name}/{}",
                l.code
            );
        }
    }
}

/// An English offer inside a Spanish notice is shown marked as English, tagged in HTML, and its
/// syllables are counted the English way.
#[test]
fn an_untranslated_offer_is_marked_with_its_language() {
    let c = sample("garden-tools-untranslated.ron");
    let es = locale("es").unwrap();
    let d = disclosure::generate(&c, es);
    assert!(
        has_sentence(
            &d,
            "Ahora mismo: Free delivery on garden tools (en inglés)."
        ),
        "{}",
        d.prose()
    );
    assert_eq!(d.foreign.len(), 1);
    assert_eq!(d.foreign[0].lang, "en");
    let html = render::html(&d);
    assert!(
        html.contains("<span lang=\"en\">Free delivery on garden tools</span> (en inglés)"),
        "{html}"
    );
    // The English notice has nothing foreign.
    assert!(
        disclosure::generate(&c, locale("en").unwrap())
            .foreign
            .is_empty()
    );
    // A custom notice in English only is scored as English under a Spanish heading.
    let mut c = c;
    c.custom_disclosure = Some("We use the pages you visit to show you garden tools.".into());
    let d = disclosure::generate(&c, es);
    assert_eq!(d.custom_lang, "en");
    assert_eq!(d.readability.formula, locale("en").unwrap().formula);
    assert!(render::html(&d).contains("<div lang=\"en\">"));
}

/// Every typed sentence of a fully translated sample's notice is in the notice's language.
#[test]
fn a_fully_translated_campaign_shows_each_language_its_own_text() {
    let c = sample("welcome-email.ron");
    assert_eq!(c.locales, ["en", "es", "fr"]);
    for l in locales() {
        let d = disclosure::generate(&c, l);
        assert!(d.foreign.is_empty(), "{}: {:?}", l.code, d.foreign);
        // The notice carries the value exchange; zone texts are on the zones themselves.
        for (_, _, t) in c
            .visitor_texts()
            .into_iter()
            .filter(|(path, _, _)| !path.starts_with("zones["))
        {
            let own = t.exact(l.code, c.first_locale()).expect("translated");
            assert!(
                d.prose().contains(own.trim_end_matches('.')),
                "{}: {own}",
                l.code
            );
        }
    }
    let check = candor::checks::check(&c);
    assert!(
        check.iter().all(|f| f.rule != "missing-translation"),
        "{check:#?}"
    );
}

/// The sentences of a notice, each as it appears (one line may hold several).
fn has_sentence(d: &disclosure::Disclosure, sentence: &str) -> bool {
    d.sections
        .iter()
        .flat_map(|s| s.lines.iter())
        .any(|line| line.contains(sentence))
}

#[test]
fn an_intent_only_audience_with_no_data_fields_is_told_in_every_language() {
    let c = sample("trail-shoes-undeclared.ron");
    assert!(c.data.is_empty());
    for l in locales() {
        let d = disclosure::generate(&c, l);
        let text = d.prose();
        assert!(!text.contains(&l.text("collect-nothing")), "{}", l.code);
        let both = l.join(&[l.text("data-browsing"), l.text("data-searches")]);
        let undeclared = l.text_with("collect-line-undeclared", &[("data", Arg::Text(both))]);
        assert!(has_sentence(&d, &undeclared), "{}: {undeclared}", l.code);
        // Affinity and counted views over time build a profile: said in plain words.
        assert!(
            d.sections
                .iter()
                .flat_map(|s| s.lines.iter())
                .any(|line| line.contains(&l.text("decides-offers"))),
            "{}: {text}",
            l.code
        );
        assert!(
            d.completeness
                .contains(&(Element::Purposes, Presence::Missing))
        );
        assert!(
            d.completeness
                .contains(&(Element::Retention, Presence::Missing))
        );
    }
    let v = disclosure::value_exchange(&c);
    assert_ne!(v.verdict, disclosure::Verdict::NothingCollected);
    assert!(v.gives.iter().all(|g| !g.declared), "{:?}", v.gives);
}

#[test]
fn attributes_added_to_an_email_only_campaign_reach_the_notice() {
    let mut c = sample("welcome-email.ron");
    c.audience = candor::model::Condition::All(vec![
        candor::model::Condition::Attribute(candor::model::AttributeCondition {
            attribute: "age".into(),
            operator: candor::model::Operator::AtLeast,
            value: "25".into(),
            reason: None,
            justification: None,
        }),
        candor::model::Condition::Attribute(candor::model::AttributeCondition {
            attribute: "gender".into(),
            operator: candor::model::Operator::Is,
            value: "female".into(),
            reason: None,
            justification: None,
        }),
    ]);
    for l in locales() {
        let text = disclosure::generate(&c, l).prose();
        for label in ["data-age", "data-gender"] {
            assert!(
                text.contains(&l.text(label)),
                "{}: {label} missing: {text}",
                l.code
            );
        }
    }
}

/// A notice must not say two things that cannot both be true. Each check takes the exact
/// sentence from the locale, so it holds in every language.
#[test]
fn no_contradictions_in_any_language() {
    // A technology partner runs the personalization: "nobody outside gets your data" is false.
    let mut partner = sample("skincare-recommendations.ron");
    for f in &mut partner.data {
        f.recipients.clear();
    }
    assert!(partner.controller.technology_partner.is_some());
    // No opt-out: "you can take back your consent with the options above" is false.
    let mut no_way_out = sample("welcome-email.ron");
    no_way_out.consent.opt_out.clear();
    for l in locales() {
        let d = disclosure::generate(&partner, l);
        let brand = [("brand", Arg::Text(partner.controller.name.clone()))];
        assert!(
            !has_sentence(&d, &l.text_with("recipients-none", &brand)),
            "{}: says nobody outside gets the data beside a partner",
            l.code
        );
        let p = partner.controller.technology_partner.clone().unwrap();
        assert!(has_sentence(
            &d,
            &l.text_with("recipient-partner", &[("partner", Arg::Text(p))])
        ));

        let d = disclosure::generate(&no_way_out, l);
        assert!(
            !has_sentence(&d, &l.text("choices-withdraw")),
            "{}: promises a way to take consent back with no opt-out",
            l.code
        );
        assert!(has_sentence(&d, &l.text("choices-opt-out-none")));

        // A campaign that reads data never says it collects nothing.
        let d = disclosure::generate(&sample("recently-viewed-undeclared.ron"), l);
        assert!(!has_sentence(&d, &l.text("collect-nothing")), "{}", l.code);
    }
    // And the counterpart: with an opt-out and consent, the promise is made.
    let en = locale("en").unwrap();
    let d = disclosure::generate(&sample("welcome-email.ron"), en);
    assert!(has_sentence(&d, &en.text("choices-withdraw")));
}

#[test]
fn imported_data_says_where_it_came_from_and_the_authority_is_named() {
    let mut c = sample("loyalty-preview-undeclared.ron");
    let mut field = c.data[0].clone();
    field.category = "user.account.loyalty".into();
    field.collected_by = candor::model::Collection::Import;
    field.source = Some("our loyalty programme's records".into());
    c.data.push(field);
    let en = locale("en").unwrap();
    let d = disclosure::generate(&c, en);
    assert!(
        has_sentence(
            &d,
            "We got this from our loyalty programme's records, not from you: your loyalty level."
        ),
        "{}",
        d.prose()
    );
    assert!(
        d.completeness
            .contains(&(Element::Sources, Presence::Present))
    );
    assert!(has_sentence(
        &d,
        "you can complain to a data protection authority: Commission nationale de l'informatique et des libertés (cnil.fr)."
    ));
    c.data[1].source = None;
    c.controller.authority = None;
    let d = disclosure::generate(&c, en);
    assert!(
        d.completeness
            .contains(&(Element::Sources, Presence::Missing))
    );
    assert!(
        d.completeness
            .contains(&(Element::Complaint, Presence::Missing))
    );
    assert!(has_sentence(&d, &en.text("choices-complain-any")));
    for l in locales() {
        let d = disclosure::generate(&c, l);
        let data = [("data", Arg::Text(l.text("data-loyalty")))];
        assert!(
            has_sentence(&d, &l.text_with("collect-source-unknown", &data)),
            "{}",
            l.code
        );
    }
}

/// An audience of people who added something to their cart reads their cart, not what they
/// bought: the notice says so in every language, undeclared or declared, and never "buy".
#[test]
fn a_cart_is_told_as_a_cart_not_as_purchases() {
    use candor::model::{Action, Condition, Count, IntentCondition, Target};
    let mut c = sample("trail-shoes-undeclared.ron");
    c.audience = Condition::All(vec![Condition::Intent(IntentCondition {
        action: Action::AddToCart,
        target: Target::Anything,
        count: Count::AtLeast(1),
        within_days: 7,
    })]);
    for l in locales() {
        let d = disclosure::generate(&c, l);
        let undeclared = l.text_with(
            "collect-line-undeclared",
            &[("data", Arg::Text(l.text("data-cart")))],
        );
        assert!(has_sentence(&d, &undeclared), "{}: {}", l.code, d.prose());
        assert!(!d.prose().contains(&l.text("data-purchases")), "{}", l.code);
    }
    let en = locale("en").unwrap();
    assert!(
        disclosure::generate(&c, en)
            .prose()
            .contains("We use what you put in your cart, and we have not yet said why.")
    );
    // Declared for a limited personalization: its purpose is worded for a cart.
    let mut c = sample("quiet-ad-sync.ron");
    c.custom_disclosure = None;
    let text = disclosure::generate(&c, en).prose();
    assert!(
        text.contains("We collect what you put in your cart to remind you of what you left in it."),
        "{text}"
    );
    // What it reads of purchases (it leaves out those who bought) is told apart, and not as
    // suggestions: nothing in this campaign suggests anything.
    assert!(
        text.contains("We collect what you buy from us to choose what we show you."),
        "{text}"
    );
}

/// A purpose is worded for its data only where the campaign does that with it: purchases
/// that only keep bought items out of suggestions say so, browsing that only lets people into
/// a banner does not claim to show "products like the ones you viewed", and a name nothing
/// shows does not "greet you by name".
#[test]
fn purposes_are_worded_for_what_the_campaign_does_with_the_data() {
    use candor::model::{Exclusion, Ingredient};
    let en = locale("en").unwrap();
    let mut c = sample("skincare-recommendations.ron");
    let text = disclosure::generate(&c, en).prose();
    assert!(
        text.contains("We collect what you buy from us to leave out what you have already bought."),
        "{text}"
    );
    // Once the recipe suggests from purchases, the notice says that.
    let recipe = c.zones.iter_mut().find_map(|z| z.recipe.as_mut()).unwrap();
    assert!(recipe.exclusions.contains(&Exclusion::AlreadyPurchased));
    recipe.ingredients.push(Ingredient::BoughtTogether);
    let text = disclosure::generate(&c, en).prose();
    assert!(
        text.contains(
            "We collect what you buy from us to suggest things that go with what you bought."
        ),
        "{text}"
    );
    let welcome = sample("welcome-email.ron");
    let text = disclosure::generate(&welcome, en).prose();
    // Browsing only lets people into a coupon pop-up; the first name is in the email.
    assert!(
        text.contains("We collect the pages you visit on our site to choose what we show you."),
        "{text}"
    );
    assert!(
        !text.contains("products like the ones you viewed"),
        "{text}"
    );
    assert!(
        text.contains("We collect your first name to greet you by name."),
        "{text}"
    );
    // A last name nothing shows is not used to greet anyone.
    let birthday = sample("birthday-newsletter.ron");
    let text = disclosure::generate(&birthday, en).prose();
    assert!(!text.contains("last name to greet you"), "{text}");
    for l in locales() {
        let text = disclosure::generate(&birthday, l).prose();
        let greet = l.text_with(
            "use-personalize-limited",
            &[("topic", Arg::Text("name".into()))],
        );
        assert!(
            !text.contains(&format!("{} {greet}", l.text("data-last-name"))),
            "{}: {text}",
            l.code
        );
    }
    // The same purpose on a religion never claims to fit "what you are doing".
    c.data[2].category = "user.demographic.religious_belief".into();
    let text = disclosure::generate(&c, en).prose();
    assert!(
        text.contains("We collect your religion or beliefs to choose what we show you."),
        "{text}"
    );
}

fn why_of(c: &candor::model::Campaign, code: &str) -> Vec<(String, String)> {
    disclosure::generate(c, locale(code).unwrap())
        .why
        .into_iter()
        .map(|w| (w.zone, w.text))
        .collect()
}

#[test]
fn why_am_i_seeing_this_follows_the_conditions_that_let_a_person_in() {
    let c = sample("trail-shoes-undeclared.ron");
    assert_eq!(
        why_of(&c, "en"),
        [(
            "Trail shoe banner".to_string(),
            "You see this because at least one of these is true (we do not record which): \
             you viewed the “trail running” category at least three times in the last 30 days, \
             you searched for “trail shoes” at least once in the last 14 days or \
             you showed a steady interest in the “trail running” category in the last 90 days."
                .to_string()
        )]
    );
    let c = sample("recently-viewed-undeclared.ron");
    assert_eq!(
        why_of(&c, "en")[0].1,
        "You see this because you are logged in. It lists items you looked at recently."
    );
    let c = sample("skincare-recommendations.ron");
    let why = why_of(&c, "en");
    assert!(
        why[0].1.ends_with(
            "The suggestions are based on items often viewed with the ones you looked at and items like the ones you looked at, leaving out what you already bought."
        ),
        "{}",
        why[0].1
    );
    // Exclusions and attributes, negated.
    let c = sample("holiday-exclusion.ron");
    let why = why_of(&c, "en");
    assert!(
        why[0].1.contains("your religion or beliefs are not"),
        "{}",
        why[0].1
    );
    let c = sample("loyalty-preview-undeclared.ron");
    assert!(
        why_of(&c, "en")[0]
            .1
            .contains("your loyalty level is gold or platinum and you are logged in"),
        "{:?}",
        why_of(&c, "en")
    );
    assert_eq!(
        why_of(&c, "es")[0].1,
        "Ves esto porque has visto la categoría «new collection» al menos dos veces en los últimos 14 días, \
         tu nivel de cliente es oro o platino y has iniciado sesión."
    );
    // Everyone, when nothing selects.
    let mut c = sample("recently-viewed-undeclared.ron");
    c.zones[0].visibility = candor::model::Visibility::Anyone;
    c.zones[0].kind = candor::model::ZoneKind::Banner;
    assert_eq!(
        why_of(&c, "fr")[0].1,
        "Tous les visiteurs voient ce contenu. Il n'est pas choisi d'après ce que vous faites."
    );
}

/// An email reaches people because they said yes to emails, never because they are logged in
/// (which is about the website): its "why" says the first, and only when the campaign sends
/// to those who said yes.
#[test]
fn an_email_zone_is_explained_by_the_yes_to_emails_not_by_a_login() {
    let mut c = sample("welcome-email.ron");
    let email = |c: &candor::model::Campaign, code: &str| why_of(c, code)[1].1.clone();
    let en = email(&c, "en");
    assert!(en.contains("you signed up for our emails"), "{en}");
    assert!(!en.contains("logged in"), "{en}");
    assert!(!email(&c, "fr").contains("session"), "{}", email(&c, "fr"));
    // The web zone still says who sees it.
    assert!(why_of(&c, "en")[0].1.contains("you are not logged in"));
    c.consent.email_permission = Some(candor::model::EmailPermission::SoftOptIn);
    assert!(!email(&c, "en").contains("signed up"));
}

/// The full notice names zones as visitors know them: the headline in their language, else
/// the kind of zone in their language (never the marketer's name for it, nor a headline in
/// another language), numbered when two would read alike.
#[test]
fn the_notice_names_zones_in_the_visitors_words() {
    let labels = |c: &candor::model::Campaign, code: &str| -> Vec<String> {
        disclosure::generate(c, locale(code).unwrap())
            .why
            .iter()
            .map(|w| w.line.split([':', '\u{202f}']).next().unwrap().to_string())
            .collect()
    };
    let mut c = sample("welcome-email.ron");
    assert_eq!(
        labels(&c, "es"),
        [
            "«Un 10\u{a0}% de descuento en tu primer pedido»",
            "El correo que te enviamos"
        ]
    );
    // A headline only in English is not the Spanish reader's: the kind is.
    c.zones[0].content.headline = Some(candor::model::Text::Plain("10% off".into()));
    assert_eq!(labels(&c, "en")[0], "“10% off”");
    assert_eq!(labels(&c, "es")[0], "La ventana emergente");
    // Two zones of a kind, without headlines, are told apart.
    let mut c = sample("trail-shoes-undeclared.ron");
    c.zones.push(c.zones[0].clone());
    assert_eq!(labels(&c, "fr"), ["La bannière (1)", "La bannière (2)"]);
}

#[test]
fn every_zone_of_every_sample_is_explained_in_every_language_and_every_format() {
    for (name, _) in SAMPLES {
        let c = sample(name);
        for l in locales() {
            let d = disclosure::generate(&c, l);
            assert_eq!(d.why.len(), c.zones.len(), "{name}/{}", l.code);
            let (text, md, html) = (render::text(&d), render::markdown(&d), render::html(&d));
            for w in &d.why {
                assert!(!w.text.contains('['), "{name}/{}: {}", l.code, w.text);
                assert!(!w.text.contains("  "), "{name}/{}: {}", l.code, w.text);
                assert!(text.contains(&w.line), "{name}/{}", l.code);
                assert!(md.contains(&w.line) && html.contains("class=\"candor-why\""));
                assert!(html.contains(&format!("data-zone=\"{}\"", w.zone)));
            }
        }
    }
}

/// A negated count is said as what it allows, so the sentence means what the condition does;
/// a count of zero is "not at all", never "at most 0 times".
#[test]
fn negated_counts_read_as_what_they_allow() {
    use candor::model::{Action, Condition, Count, IntentCondition, Target};
    let intent = |negated: bool, action, count| {
        let leaf = Condition::Intent(IntentCondition {
            action,
            target: Target::Anything,
            count,
            within_days: 30,
        });
        if negated {
            Condition::Not(Box::new(leaf))
        } else {
            leaf
        }
    };
    let mut c = sample("recently-viewed-undeclared.ron");
    let why = |c: &candor::model::Campaign| why_of(c, "en")[0].1.clone();
    let not_bought = "You see this because you have not bought anything in the last 30 days";
    for (negated, action, count, said) in [
        (true, Action::Purchase, Count::AtLeast(1), not_bought),
        (
            true,
            Action::PageView,
            Count::AtLeast(3),
            "You see this because you viewed pages on our site at most twice in the last 30 days",
        ),
        (
            true,
            Action::PageView,
            Count::AtMost(1),
            "You see this because you viewed pages on our site at least twice",
        ),
        (false, Action::Purchase, Count::AtMost(0), not_bought),
        (false, Action::Purchase, Count::Exactly(0), not_bought),
        (
            true,
            Action::PageView,
            Count::Exactly(0),
            "You see this because you viewed pages on our site at least once",
        ),
    ] {
        c.audience = Condition::All(vec![intent(negated, action, count)]);
        assert!(why(&c).starts_with(said), "{count:?}: {}", why(&c));
    }
    c.audience = Condition::All(vec![intent(true, Action::PageView, Count::AtMost(1))]);
    assert!(
        why_of(&c, "fr")[0]
            .1
            .contains("vous avez consulté des pages de notre site au moins deux fois")
    );
}

/// English syllables within 3% of the CMU Pronouncing Dictionary, over every word of Candor's
/// English templates and the 600 most frequent English words (tests/data/english_syllables.tsv,
/// built by scripts/make-syllable-list). Both the share of words counted exactly and the total
/// are held to it.
#[test]
fn english_syllables_agree_with_the_cmu_dictionary() {
    use candor::disclosure::readability::{SyllableMethod, count_syllables};
    let list = std::fs::read_to_string("tests/data/english_syllables.tsv").unwrap();
    let (mut words, mut exact, mut ours, mut cmu) = (0usize, 0usize, 0usize, 0usize);
    let mut wrong = Vec::new();
    for line in list.lines().filter(|l| !l.starts_with('#')) {
        let (word, n) = line.split_once('\t').unwrap();
        let n: usize = n.parse().unwrap();
        let got = count_syllables(word, SyllableMethod::English);
        words += 1;
        ours += got;
        cmu += n;
        if got == n {
            exact += 1;
        } else {
            wrong.push(format!("{word} {got}/{n}"));
        }
    }
    assert!(words >= 900, "{words}");
    let miss = 1.0 - exact as f64 / words as f64;
    let total = (ours as f64 - cmu as f64).abs() / cmu as f64;
    eprintln!(
        "english syllables: {exact}/{words} words exact ({:.1}% off), total {ours} vs {cmu} ({:.1}%)",
        miss * 100.0,
        total * 100.0
    );
    assert!(
        miss <= 0.03 && total <= 0.03,
        "{:.1}% of words off, total {:.1}% off: {}",
        miss * 100.0,
        total * 100.0,
        wrong.join(", ")
    );
}

/// Every line of every sample's notice and "why" texts, in every language, checked for the
/// slips a native reader noticed: punctuation doubled after typed text, French spacing and
/// elision, pronouns without a clear antecedent or agreement, calques, figures for small
/// numbers, and one sentence per item where one sentence for the group reads better.
#[test]
fn notices_read_as_written_by_a_native_speaker() {
    let mut problems = Vec::new();
    for (name, _) in SAMPLES {
        let mut c = sample(name);
        // A typed offer ending in its own question mark.
        if let Some(t) = &mut c.value_exchange.immediate {
            let first = c.locales[0].clone();
            for l in c.locales.clone() {
                t.set(&l, &first, "Ready for spring?");
            }
        }
        for l in locales() {
            let d = disclosure::generate(&c, l);
            let mut lines: Vec<String> = d.sections.iter().flat_map(|s| s.lines.clone()).collect();
            lines.push(d.title.clone());
            lines.extend(d.why.iter().map(|w| w.line.clone()));
            let mut seen = Vec::new();
            for full in &lines {
                // Typed text shown untranslated follows its own language's rules.
                let mut line = full.clone();
                for f in &d.foreign {
                    line = line.replace(&f.text, "FOREIGN");
                }
                let line = &line;
                let mut bad =
                    |what: &str| problems.push(format!("{name}/{}: {what}: {line}", l.code));
                if line.contains("?.") || line.contains("!.") {
                    bad("doubled punctuation after typed text");
                }
                if line.contains("  ") || line.contains(" .") || line.contains(" ,") {
                    bad("stray space");
                }
                let small = regex_small_number(line);
                if let Some(n) = small {
                    bad(&format!("figure {n} where the word reads better"));
                }
                if l.code == "fr" {
                    let chars: Vec<char> = line.chars().collect();
                    for (i, ch) in chars.iter().enumerate() {
                        if matches!(ch, ':' | ';' | '?' | '!') && i > 0 && chars[i - 1] == ' ' {
                            bad("ordinary space before a French high punctuation mark");
                        }
                        if matches!(ch, ':' | ';' | '?' | '!')
                            && i > 0
                            && chars[i - 1].is_alphanumeric()
                            && chars.get(i + 1).is_none_or(|c| *c == ' ')
                        {
                            bad("no narrow space before a French high punctuation mark");
                        }
                    }
                    for w in ["de ", "que "] {
                        for (at, _) in line.match_indices(w) {
                            let next = line[at + w.len()..].chars().next().unwrap_or(' ');
                            let word_start = at == 0 || !line[..at].ends_with(char::is_alphabetic);
                            if word_start && "AEIOUYÉÈÂÎ".contains(next) {
                                bad("missing elision before a name");
                            }
                        }
                    }
                    for slip in [
                        "Elle travaille",
                        "le désactiver",
                        "le garder",
                        "en notre nom",
                        "pas acheté quoi que ce soit",
                    ] {
                        if line.contains(slip) {
                            bad(slip);
                        }
                    }
                }
                if l.code == "es" {
                    for slip in [
                        "guardarlo",
                        "Los usa",
                        "retirar tu sí",
                        "negocio justo",
                        "darse de baja",
                    ] {
                        if line.contains(slip) {
                            bad(slip);
                        }
                    }
                    if line.starts_with("Guardamos") && !line.contains(" durante ") {
                        bad("\"Guardamos\" for collecting");
                    }
                }
                if l.code == "en" && line.contains("keep it") {
                    bad("\"it\" for a list");
                }
                if seen.contains(full) {
                    bad("the same sentence twice");
                }
                seen.push(full.clone());
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));

    // Items with the same purpose share a sentence, as do items kept for the same time: the
    // welcome email with its sign-up choices kept as an account setting, for email too.
    let mut c = sample("welcome-email.ron");
    let mut settings = c.data[0].clone();
    settings.category = "user.account.preferences".into();
    settings.recipients.clear();
    c.data.push(settings);
    let d = disclosure::generate(&c, locale("en").unwrap());
    let prose = d.prose();
    assert!(
        prose.contains(
            "We collect your email address and the settings in your account to send you emails."
        ),
        "{prose}"
    );
    assert!(
        prose.contains("We keep your email address, your first name and the settings in your account for two years."),
        "{prose}"
    );
}

/// A figure from 2 to 9 before a unit, where prose writes the word.
fn regex_small_number(line: &str) -> Option<char> {
    let units = [
        "times", "days", "months", "years", "veces", "días", "meses", "años", "fois", "jours",
        "mois", "ans",
    ];
    let words: Vec<&str> = line.split_whitespace().collect();
    words.windows(2).find_map(|w| {
        let digit = w[0].chars().next()?;
        (w[0].len() == 1
            && ('2'..='9').contains(&digit)
            && units
                .iter()
                .any(|u| w[1].trim_end_matches(['.', ',']) == *u))
        .then_some(digit)
    })
}

/// A campaign that emails people on an earlier purchase (soft opt-in) must not tell them they
/// said yes to its emails, whatever basis its email field declares; and "we ask you before we
/// collect anything" is said only when everything rests on a yes asked for first, of data
/// collected from the visitor.
#[test]
fn the_notice_does_not_claim_a_yes_the_campaign_never_had() {
    let c = sample("blast-to-everyone.ron");
    assert_eq!(
        c.consent.email_permission,
        Some(candor::model::EmailPermission::SoftOptIn)
    );
    let said =
        |c: &candor::model::Campaign, code: &str| disclosure::generate(c, locale(code).unwrap());
    let d = said(&c, "en");
    assert!(
        !has_sentence(&d, "Because you said yes: your email address"),
        "{}",
        d.prose()
    );
    assert!(
        has_sentence(
            &d,
            "Because you bought from us before, though you never said yes to our emails: your email address."
        ),
        "{}",
        d.prose()
    );
    assert!(
        !has_sentence(&d, "We ask you before we collect anything."),
        "{}",
        d.prose()
    );
    // Both fields are imported: nothing was collected from the visitor, so "we ask you before
    // we collect" is said of neither (the notice says where they came from instead).
    assert!(
        !d.prose().contains("We ask you before we collect"),
        "{}",
        d.prose()
    );
    // Where they came from is said once for both, not in the same sentence twice.
    assert!(
        has_sentence(
            &d,
            "We did not get this from you, and we have not yet told you where it came from: your email address and what you buy from us."
        ),
        "{}",
        d.prose()
    );
    let es = said(&c, "es");
    assert!(
        has_sentence(
            &es,
            "Porque ya nos has comprado, aunque nunca has aceptado recibir nuestros correos"
        ),
        "{}",
        es.prose()
    );
    let fr = said(&c, "fr");
    assert!(
        has_sentence(&fr, "Parce que vous avez déjà acheté chez nous"),
        "{}",
        fr.prose()
    );

    // Never asked: said as such.
    let mut never = c.clone();
    never.consent.email_permission = Some(candor::model::EmailPermission::NotAsked);
    let d = said(&never, "en");
    assert!(
        has_sentence(&d, "Without asking you first: your email address."),
        "{}",
        d.prose()
    );

    // With an explicit yes, the address rests on it, and everything was asked for first.
    let mut asked = c.clone();
    asked.consent.email_permission = Some(candor::model::EmailPermission::DoubleOptIn);
    for f in &mut asked.data {
        f.collected_by = candor::model::Collection::Form;
    }
    let d = said(&asked, "en");
    assert!(
        has_sentence(
            &d,
            "Because you said yes: your email address and what you buy from us."
        ),
        "{}",
        d.prose()
    );
    assert!(
        has_sentence(&d, "We ask you before we collect anything."),
        "{}",
        d.prose()
    );

    // A field kept on a legitimate interest is not asked for: "anything" would be untrue.
    let mut interest = asked.clone();
    interest.data[1].legal_basis = candor::model::LegalBasis::LegitimateInterests;
    let d = said(&interest, "en");
    assert!(
        !has_sentence(&d, "We ask you before we collect anything."),
        "{}",
        d.prose()
    );
    assert!(
        has_sentence(&d, "We ask you before we collect your email address."),
        "{}",
        d.prose()
    );
}

/// "Why you see this" gives a list or country value in the visitor's words, not the code the
/// marketer chose: "votre genre est féminin", not "« female »".
#[test]
fn why_gives_values_in_the_visitors_words() {
    let c = sample("makeup-for-women.ron");
    let fr = why_of(&c, "fr");
    let text: String = fr.iter().map(|(_, t)| t.as_str()).collect();
    assert!(text.contains("votre genre est féminin"), "{text}");
    assert!(text.contains("votre pays est la France"), "{text}");
    assert!(!text.contains("female") && !text.contains("FR"), "{text}");
    let es: String = why_of(&c, "es").into_iter().map(|(_, t)| t).collect();
    assert!(es.contains("Francia") && es.contains("femenino"), "{es}");
    let en: String = why_of(&c, "en").into_iter().map(|(_, t)| t).collect();
    assert!(en.contains("your country is France"), "{en}");

    // A list value that is no value at all reads as a sentence of its own.
    let text = SAMPLES
        .iter()
        .find(|s| s.0 == "loyalty-preview-undeclared.ron")
        .unwrap()
        .1
        .replace("value: \"gold, platinum\"", "value: \"none\"");
    let c = ron_io::load_str("t.ron", &text).unwrap().campaign;
    let fr: String = why_of(&c, "fr").into_iter().map(|(_, t)| t).collect();
    assert!(
        fr.contains("vous n'avez pas encore de niveau de fidélité"),
        "{fr}"
    );

    // A code with no name here is still shown, quoted as typed.
    let text = SAMPLES
        .iter()
        .find(|s| s.0 == "makeup-for-women.ron")
        .unwrap()
        .1
        .replace("value: \"FR\"", "value: \"KZ\"");
    let elsewhere = ron_io::load_str("t.ron", &text).unwrap().campaign;
    let en: String = why_of(&elsewhere, "en")
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert!(en.contains("your country is “KZ”"), "{en}");

    // Every value of every list attribute has its words in every language.
    for def in &candor::model::vocab::vocab().attributes {
        let candor::model::vocab::ValueType::OneOf(values) = &def.value else {
            continue;
        };
        for code in ["en", "es", "fr"] {
            let l = locale(code).unwrap();
            for v in values {
                let id = format!(
                    "attr-value-{}-{}",
                    def.id.replace('_', "-"),
                    v.replace(' ', "-")
                );
                assert!(l.has(&id), "{code} has no words for {id}");
            }
        }
    }
}

/// What the notice says about retention and profiling follows the campaign: a retention nobody
/// set is not told as "the length of your visit", and an audience built for ad platforms says
/// it decides the ads seen elsewhere, not what is seen on the site.
#[test]
fn the_notice_tells_unset_retention_and_ad_audiences_as_they_are() {
    let c = sample("sugar-free-ads.ron");
    assert!(c.data.iter().any(|f| f.retention_days == 0));
    let d = disclosure::generate(&c, locale("en").unwrap());
    assert!(
        !has_sentence(&d, "the length of your visit"),
        "{}",
        d.prose()
    );
    assert!(
        has_sentence(
            &d,
            "We have not yet said how long we keep information about your health"
        ),
        "{}",
        d.prose()
    );
    assert!(
        d.completeness
            .contains(&(Element::Retention, Presence::Missing))
    );
    assert!(c.zones.is_empty());
    assert!(
        has_sentence(&d, "which of our ads you see on other sites"),
        "{}",
        d.prose()
    );
    assert!(
        !has_sentence(&d, "what you see on our site"),
        "{}",
        d.prose()
    );
}

/// An age asked for a legal age gate is told as such, not as "to make the site work".
#[test]
fn an_age_gate_is_told_as_an_age_check() {
    let c = sample("wine-club-age-gate.ron");
    let d = disclosure::generate(&c, locale("en").unwrap());
    assert!(
        has_sentence(
            &d,
            "We collect your age to check that you are old enough to buy what we sell."
        ),
        "{}",
        d.prose()
    );
    assert!(!has_sentence(&d, "to make the site work"), "{}", d.prose());
    let fr = disclosure::generate(&c, locale("fr").unwrap());
    assert!(
        has_sentence(&fr, "la loi vous permet d'acheter"),
        "{}",
        fr.prose()
    );
}

/// Each language says an age, a contact page and a plural subject as its speakers would: "you
/// are 18 or older", not "your age is at least 18" (which French cannot even say without
/// "ans"); one writes to an address but goes to a page; "your religion or beliefs are not".
#[test]
fn ages_contacts_and_plural_subjects_read_as_each_language_says_them() {
    let wine = sample("wine-club-age-gate.ron");
    let welcome = sample("welcome-email.ron");
    let holiday = sample("holiday-exclusion.ron");
    // The notice's prose and its "why you see this" lines.
    let all = |c: &candor::model::Campaign, code: &str| {
        let mut text = disclosure::generate(c, locale(code).unwrap()).prose();
        for (_, why) in why_of(c, code) {
            text.push(' ');
            text.push_str(&why);
        }
        text
    };
    for (code, age, page, address, religion) in [
        (
            "en",
            "you are 18 or older",
            "Contact us at https://vinoteca.example/privacy.",
            "Contact us at privacy@",
            "your religion or beliefs are not",
        ),
        (
            "es",
            "tienes 18 años o más",
            "Contáctanos a través de https://vinoteca.example/privacy.",
            "Escríbenos a privacy@",
            "tu religión o tus creencias no son",
        ),
        (
            "fr",
            "vous avez au moins 18 ans",
            "Contactez-nous via https://vinoteca.example/privacy.",
            "Écrivez-nous à privacy@",
            "votre religion ou vos convictions ne sont pas",
        ),
    ] {
        let text = all(&wine, code);
        assert!(text.contains(age), "{code}: {text}");
        assert!(text.contains(page), "{code}: {text}");
        let text = all(&welcome, code);
        assert!(text.contains(address), "{code}: {text}");
        let text = all(&holiday, code);
        assert!(text.contains(religion), "{code}: {text}");
    }
}

/// A lookalike model scores how much a visitor resembles existing customers, not what they
/// want: the notice says so, in every language, and only when there is one.
#[test]
fn a_lookalike_model_is_told_as_a_comparison_with_existing_customers() {
    let mut c = sample("lookalike-loans.ron");
    assert!(
        c.models
            .iter()
            .any(|m| m.kind == candor::model::ModelKind::Lookalike)
    );
    for l in locales() {
        let said = l.text("profile-lookalike");
        assert!(
            disclosure::generate(&c, l).prose().contains(&said),
            "{}",
            l.code
        );
    }
    for m in &mut c.models {
        m.kind = candor::model::ModelKind::Propensity;
    }
    let en = locale("en").unwrap();
    let text = disclosure::generate(&c, en).prose();
    assert!(!text.contains("existing customers"), "{text}");
}

/// A preference centre and the account settings are told in one sentence, in every language;
/// either alone keeps its own.
#[test]
fn a_preference_centre_and_account_settings_share_one_sentence() {
    use candor::model::OptOut;
    let c = sample("skincare-recommendations.ron");
    assert!(c.consent.opt_out.contains(&OptOut::AccountSettings));
    let said = |c: &candor::model::Campaign, code: &str| {
        disclosure::generate(c, locale(code).unwrap()).prose()
    };
    for (code, both) in [
        (
            "en",
            "To change your choices, go to https://lumen.example/preferences or to your account settings.",
        ),
        (
            "es",
            "Para cambiar lo que has elegido, entra en https://lumen.example/preferences o en los ajustes de tu cuenta.",
        ),
        (
            "fr",
            "Pour changer vos choix, allez sur https://lumen.example/preferences ou dans les réglages de votre compte.",
        ),
    ] {
        let text = said(&c, code);
        assert!(text.contains(both), "{code}: {text}");
        let account = locale(code).unwrap().text("choices-opt-out-account");
        assert!(!text.contains(&account), "{code}: {text}");
    }
    let mut alone = c.clone();
    alone
        .consent
        .opt_out
        .retain(|o| *o == OptOut::AccountSettings);
    let text = said(&alone, "en");
    assert!(
        text.contains("You can change your choices in your account settings."),
        "{text}"
    );
    assert!(!text.contains("go to https://"), "{text}");
}

/// Data declared for profiling is named where the notice says what builds the profile, even
/// when only a recipe reads it: the sofa suggestions are worked out from purchases too.
#[test]
fn data_declared_for_profiling_is_named_in_the_profiling_line() {
    let c = sample("sofa-recommendations.ron");
    for (code, profiling, purchases) in [
        ("en", "This is called profiling", "what you buy from us"),
        ("es", "elaborar un perfil", "tu historial de compras"),
        ("fr", "le profilage", "votre historique d'achats"),
    ] {
        let d = disclosure::generate(&c, locale(code).unwrap());
        let line = d
            .sections
            .iter()
            .flat_map(|s| &s.lines)
            .find(|l| l.contains(profiling))
            .unwrap_or_else(|| panic!("{code}: no profiling line in {}", d.prose()));
        assert!(line.contains(purchases), "{code}: {line}");
    }
}

/// The value exchange counts points in agreement with their number: "1 point of benefit".
#[test]
fn the_value_exchange_says_one_point_not_one_points() {
    let ve = disclosure::value_exchange(&sample("recently-viewed-undeclared.ron"));
    assert_eq!(ve.offered, 1, "the sample this test relies on changed");
    assert!(
        ve.reason.contains("for 1 point of benefit"),
        "{}",
        ve.reason
    );
    for (name, _) in SAMPLES {
        let ve = disclosure::value_exchange(&sample(name));
        assert!(!ve.reason.contains(" 1 points"), "{name}: {}", ve.reason);
    }
}
