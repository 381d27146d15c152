//! A synthetic population, the same for the same seed on every machine: people with the
//! vocabulary's attributes, their consents, and 90 days of behaviour over a small catalogue.
//!
//! It is a model for trying audiences, not market data. Its rules, which the README repeats:
//! - Ages 18 to 85; gender female 47%, male 45%, non-binary 2%, another gender 1%, unknown 5%;
//!   country Spain or France 40% each, the US and Germany 10% each.
//! - Each person is interested in a few catalogue categories. The chance depends on attributes
//!   only mildly, and every interest is present in every group: skincare 20% under 35, 25% from
//!   35 to 54, 28% from 55 (times 1.3 for women, 0.7 for men); makeup 30% of women, 25% of
//!   non-binary people, 6% of men; running shoes 25% under 35, 8% from 55; gardening 6% under
//!   35, 24% from 55; gifts 30% of everyone; and so on (see `INTERESTS`).
//! - An interested person views the category on about 5 days of the 90, and on those days may
//!   click a product (50%), add it to the cart (15%), buy (5%) and search for one of the
//!   category's terms (30%). Anyone may glance at another category once (5% per category).
//!   Three views or more give a catalogue affinity for the category.
//! - Consent to profiling 68%, to advertising 34%, to sharing 12%; email permission none 40%,
//!   soft 15%, explicit 30%, double 15%; text messages 18%.

use crate::model::Action;

use super::build::Builder;
use super::population::{DAY, Permission, Population, TargetKind, consent, parse_moment};

/// The moment a generated population is taken at, unless told otherwise: fixed, so that the
/// same seed gives the same people.
pub const DEFAULT_AS_OF: &str = "2026-11-01 00:00:00";

/// SplitMix64: small, fast, and fixed forever, so a seed means the same people in every
/// version of Candor (a crate's generator may change its stream between releases).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x6a09_e667_f3bc_c909)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in 0..n.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// True with probability p.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 >= 1.0 - p
    }

    /// One of `items` by weight.
    pub fn pick<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut r = self.below(u64::from(total)) as u32;
        for (item, w) in items {
            if r < *w {
                return item;
            }
            r -= w;
        }
        &items[items.len() - 1].0
    }

    /// A count with the given mean (geometric), capped.
    pub fn count(&mut self, mean: f64, cap: u32) -> u32 {
        let p = 1.0 / (1.0 + mean);
        let mut n = 0;
        while n < cap && !self.chance(p) {
            n += 1;
        }
        n
    }
}

/// Who a person is, as far as their interests depend on it.
pub struct Profile {
    pub age: Option<u32>,
    pub gender: Option<&'static str>,
    pub children: bool,
    pub loyal: bool,
}

/// A catalogue category: its products' brands, what people search for, and how likely a person
/// is to be interested in it.
pub struct Interest {
    pub category: &'static str,
    pub brands: &'static [&'static str],
    pub searches: &'static [&'static str],
    pub chance: fn(&Profile) -> f64,
}

fn by_age(p: &Profile, young: f64, middle: f64, older: f64) -> f64 {
    match p.age {
        Some(a) if a < 35 => young,
        Some(a) if a < 55 => middle,
        Some(_) => older,
        None => middle,
    }
}

fn by_gender(p: &Profile, women: f64, men: f64) -> f64 {
    match p.gender {
        Some("female") => women,
        Some("male") => men,
        _ => 1.0,
    }
}

pub const INTERESTS: &[Interest] = &[
    Interest {
        category: "skincare",
        brands: &["lumen", "dermalia"],
        searches: &[
            "moisturiser",
            "night moisturiser",
            "serum",
            "spf 50",
            "anti-ageing serum",
        ],
        chance: |p| by_age(p, 0.20, 0.25, 0.28) * by_gender(p, 1.3, 0.7),
    },
    Interest {
        category: "makeup",
        brands: &["lumen", "rouge"],
        searches: &["lipstick", "mascara", "foundation"],
        chance: |p| match p.gender {
            Some("female") => 0.30,
            Some("male") => 0.06,
            Some(_) => 0.25,
            None => 0.15,
        },
    },
    Interest {
        category: "running-shoes",
        brands: &["stride", "pace"],
        searches: &["running shoes", "trainers"],
        chance: |p| by_age(p, 0.25, 0.18, 0.08),
    },
    Interest {
        category: "trail running",
        brands: &["stride"],
        searches: &["trail shoes", "trail running shoes"],
        chance: |p| by_age(p, 0.09, 0.08, 0.04),
    },
    Interest {
        category: "garden",
        brands: &["verde"],
        searches: &["secateurs", "garden hose", "garden tools"],
        chance: |p| by_age(p, 0.06, 0.14, 0.24),
    },
    Interest {
        category: "living-room",
        brands: &["casa", "nordhem"],
        searches: &["floor lamp", "rug"],
        chance: |p| if p.children { 0.20 } else { 0.15 },
    },
    Interest {
        category: "sofas",
        brands: &["casa", "nordhem"],
        searches: &["sofa", "corner sofa"],
        chance: |p| if p.children { 0.10 } else { 0.07 },
    },
    Interest {
        category: "gifts",
        brands: &["lumen", "casa"],
        searches: &["gift ideas", "gift card"],
        chance: |_| 0.30,
    },
    Interest {
        category: "new collection",
        brands: &["lumen"],
        searches: &["new in"],
        chance: |p| if p.loyal { 0.30 } else { 0.15 },
    },
    Interest {
        category: "snacks",
        brands: &["crunch"],
        searches: &["sugar free snacks", "crisps"],
        chance: |_| 0.20,
    },
    Interest {
        category: "wine",
        brands: &["bodega norte"],
        searches: &["red wine", "rioja"],
        chance: |p| by_age(p, 0.08, 0.13, 0.14),
    },
];

/// Products per category in the catalogue.
const PRODUCTS: usize = 6;

const COUNTRIES: &[(&str, u32)] = &[("ES", 40), ("FR", 40), ("US", 10), ("DE", 10)];

fn postal_codes(country: &str) -> &'static [(&'static str, &'static str)] {
    // (postal code, neighbourhood income band)
    match country {
        "ES" => &[
            ("28004", "high"),
            ("28005", "middle"),
            ("28012", "middle"),
            ("28041", "low"),
            ("08001", "middle"),
            ("41001", "middle"),
        ],
        "FR" => &[
            ("75001", "high"),
            ("75011", "middle"),
            ("93200", "low"),
            ("69001", "middle"),
            ("13001", "low"),
        ],
        "US" => &[("10001", "high"), ("10002", "middle"), ("10456", "low")],
        _ => &[("10115", "middle"), ("80331", "high"), ("12043", "low")],
    }
}

fn language(country: &str) -> &'static str {
    match country {
        "ES" => "es",
        "FR" => "fr",
        "US" => "en",
        _ => "de",
    }
}

const PAGES: &[(&str, f64)] = &[
    ("/stores", 0.06),
    ("/loans", 0.03),
    ("/help", 0.05),
    ("/delivery", 0.04),
];

const PREFERENCES: &[&str] = &[
    "newsletter-weekly",
    "size-eu-38",
    "size-eu-42",
    "no-fragrance",
];

/// The catalogue: every category's products, each filed under a brand.
pub fn catalogue() -> Vec<(String, &'static str, &'static str)> {
    let mut out = Vec::new();
    for i in INTERESTS {
        for n in 0..PRODUCTS {
            let slug = i.category.replace(' ', "-");
            out.push((
                format!("{slug}-{:02}", n + 1),
                i.category,
                i.brands[n % i.brands.len()],
            ));
        }
    }
    out
}

/// Generates `people` people as of `as_of` (seconds since 1970), the same for the same seed.
pub fn generate(people: usize, seed: u64, as_of: Option<i64>) -> Population {
    let as_of = as_of.unwrap_or_else(|| parse_moment(DEFAULT_AS_OF).unwrap_or(0));
    let mut b = Builder::new(format!(
        "{} synthetic people (seed {seed})",
        super::report::thousands(people)
    ));
    for (product, category, brand) in catalogue() {
        b.product(&product, category, brand);
    }
    let mut rng = Rng::new(seed);
    let width = people.max(1).to_string().len().max(6);
    let window = 90 * DAY;
    for n in 0..people {
        let id = format!("p{:0width$}", n + 1);
        // A fresh id each time: the builder refuses none of these.
        let Ok(p) = b.person(&id) else { continue };
        let set = |b: &mut Builder, a: &str, v: &str| {
            let _ = b.set(p, a, v);
        };

        let age = (!rng.chance(0.05)).then(|| {
            let (lo, hi) = *rng.pick(&[
                ((18, 24), 12),
                ((25, 34), 18),
                ((35, 44), 18),
                ((45, 54), 17),
                ((55, 64), 16),
                ((65, 74), 12),
                ((75, 85), 7),
            ]);
            lo + rng.below(u64::from(hi - lo + 1)) as u32
        });
        if let Some(a) = age {
            set(&mut b, "age", &a.to_string());
            let year = 2026 - a as i32;
            let day = 1 + rng.below(28) as u32;
            let month = 1 + rng.below(12) as u32;
            set(
                &mut b,
                "date_of_birth",
                &format!("{year:04}-{month:02}-{day:02}"),
            );
        }
        let gender = *rng.pick(&[
            (Some("female"), 47),
            (Some("male"), 45),
            (Some("non-binary"), 2),
            (Some("another gender"), 1),
            (None, 5),
        ]);
        if let Some(g) = gender {
            set(&mut b, "gender", g);
        }
        let country = *rng.pick(COUNTRIES);
        set(&mut b, "country", country);
        let codes = postal_codes(country);
        let (postal, band) = codes[rng.below(codes.len() as u64) as usize];
        set(&mut b, "postal_code", postal);
        set(&mut b, "neighbourhood_income", band);
        let lang = if rng.chance(0.1) {
            *rng.pick(&[("ar", 3), ("pt", 3), ("ro", 2), ("en", 2)])
        } else {
            language(country)
        };
        set(&mut b, "first_language", lang);
        set(&mut b, "site_language", language(country));
        if !rng.chance(0.3) {
            let income = *rng.pick(&[("low", 35), ("middle", 45), ("high", 20)]);
            set(&mut b, "income", income);
        }
        if !rng.chance(0.4) {
            let status = match age {
                Some(a) if a < 30 => {
                    *rng.pick(&[("single", 70), ("in a partnership", 20), ("married", 10)])
                }
                Some(a) if a >= 70 => {
                    *rng.pick(&[("married", 50), ("widowed", 30), ("single", 20)])
                }
                _ => *rng.pick(&[
                    ("married", 50),
                    ("single", 25),
                    ("in a partnership", 15),
                    ("separated", 10),
                ]),
            };
            set(&mut b, "marital_status", status);
        }
        let children_chance = match age {
            Some(a) if (25..55).contains(&a) => 0.45,
            _ => 0.15,
        };
        let children = rng.chance(children_chance);
        if !rng.chance(0.3) {
            set(
                &mut b,
                "household_children",
                if children { "yes" } else { "no" },
            );
        }
        let tier = *rng.pick(&[("none", 55), ("silver", 27), ("gold", 13), ("platinum", 5)]);
        set(&mut b, "loyalty_tier", tier);
        let device = *rng.pick(&[("mobile", 60), ("desktop", 30), ("tablet", 10)]);
        set(&mut b, "device_type", device);
        let account = !rng.chance(0.2);
        if account {
            let since = as_of / DAY - rng.below(6 * 365) as i64;
            set(
                &mut b,
                "customer_since",
                &super::population::format_day(since as i32),
            );
        }
        let logged_in = account && rng.chance(0.5);
        set(&mut b, "logged_in", if logged_in { "yes" } else { "no" });
        if rng.chance(0.2) {
            let store = *rng.pick(&[
                ("madrid-centro", 1),
                ("paris-11", 1),
                ("lyon-1", 1),
                ("barcelona-1", 1),
            ]);
            set(&mut b, "preferred_store", store);
        }

        let mut flags = 0;
        for (flag, p) in [
            (consent::PROFILING, 0.68),
            (consent::ADVERTISING, 0.34),
            (consent::SHARING, 0.12),
            (consent::SMS, 0.18),
        ] {
            if rng.chance(p) {
                flags |= flag;
            }
        }
        b.set_consent(p, flags);
        let permission = *rng.pick(&[
            (Permission::None, 40),
            (Permission::Soft, 15),
            (Permission::Explicit, 30),
            (Permission::Double, 15),
        ]);
        b.set_email(p, permission);
        set(
            &mut b,
            "email_opt_in",
            if permission >= Permission::Explicit {
                "yes"
            } else {
                "no"
            },
        );

        // Behaviour over the 90 days before `as_of`.
        // Room for the few minutes a visit lasts, so that no event falls after `as_of`.
        let moment = |rng: &mut Rng| as_of - 600 - rng.below(window as u64 - 600) as i64;
        let sessions = 1 + rng.count(5.0, 60);
        for _ in 0..sessions {
            let at = moment(&mut rng);
            b.event(p, at, Action::PageView, TargetKind::Page, "/");
            for (page, chance) in PAGES {
                if rng.chance(*chance) {
                    b.event(p, at + 30, Action::PageView, TargetKind::Page, page);
                }
            }
        }
        let profile = Profile {
            age,
            gender,
            children,
            loyal: matches!(tier, "gold" | "platinum"),
        };
        for interest in INTERESTS {
            let slug = interest.category.replace(' ', "-");
            let interested = rng.chance((interest.chance)(&profile).min(1.0));
            let days = if interested {
                1 + rng.count(4.0, 40)
            } else if rng.chance(0.05) {
                1
            } else {
                0
            };
            let mut latest = None;
            for _ in 0..days {
                let at = moment(&mut rng);
                latest = latest.max(Some(at));
                b.event(
                    p,
                    at,
                    Action::CategoryView,
                    TargetKind::Category,
                    interest.category,
                );
                if !interested {
                    continue;
                }
                let product = format!("{slug}-{:02}", 1 + rng.below(PRODUCTS as u64));
                if rng.chance(0.5) {
                    b.event(
                        p,
                        at + 60,
                        Action::ProductClick,
                        TargetKind::Product,
                        &product,
                    );
                    if rng.chance(0.3) {
                        b.event(
                            p,
                            at + 120,
                            Action::AddToCart,
                            TargetKind::Product,
                            &product,
                        );
                        if rng.chance(0.33) {
                            b.event(p, at + 300, Action::Purchase, TargetKind::Product, &product);
                        }
                    }
                }
                if rng.chance(0.3) {
                    let term =
                        interest.searches[rng.below(interest.searches.len() as u64) as usize];
                    b.event(p, at - 20, Action::Search, TargetKind::Search, term);
                }
            }
            if days >= 3
                && let Some(at) = latest
            {
                b.event(
                    p,
                    at,
                    Action::CatalogAffinity,
                    TargetKind::Category,
                    interest.category,
                );
            }
        }
        if rng.chance(0.1) {
            let pref = PREFERENCES[rng.below(PREFERENCES.len() as u64) as usize];
            b.event(
                p,
                moment(&mut rng),
                Action::PreferenceSet,
                TargetKind::Preference,
                pref,
            );
        }
        if permission >= Permission::Explicit {
            for _ in 0..rng.count(2.0, 20) {
                b.event(
                    p,
                    moment(&mut rng),
                    Action::EmailEngagement,
                    TargetKind::Email,
                    "newsletter",
                );
            }
        }
    }
    b.finish(as_of).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_draws_evenly() {
        let mut r = Rng::new(1);
        let n = 100_000;
        let hits = (0..n).filter(|_| r.chance(0.3)).count();
        assert!((29_000..31_000).contains(&hits), "{hits}");
        let mut r = Rng::new(1);
        assert!((0..1000).all(|_| r.below(7) < 7));
    }
}
