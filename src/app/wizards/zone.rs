//! A new zone: its name, its kind, and who it is shown to.

use super::*;

#[derive(Debug, Clone, PartialEq)]
pub struct NewZone {
    pub zone: Zone,
}

impl NewZone {
    /// A zone to be shown in position `priority`.
    pub fn new(priority: u32) -> NewZone {
        NewZone {
            zone: Zone::new("", ZoneKind::Banner, Visibility::Anyone, priority),
        }
    }
}

impl Wizard for NewZone {
    fn name(&self) -> &'static str {
        "New zone"
    }

    fn steps(&self) -> Vec<Step> {
        vec!["name", "kind", "shown to"]
    }

    fn ask(&self, step: Step) -> Ask {
        match step {
            "name" => Ask::Prompt {
                question: "name".into(),
                hint: "a name for this place on the page".into(),
                value: self.zone.name.clone(),
                numeric: false,
            },
            "kind" => Ask::Pick {
                question: "kind".into(),
                options: ZoneKind::ALL
                    .iter()
                    .map(|k| PickOption {
                        label: k.label().into(),
                        detail: String::new(),
                        mark: k.is_personal().then_some("PERSONAL"),
                    })
                    .collect(),
                selected: ZoneKind::ALL
                    .iter()
                    .position(|k| *k == self.zone.kind)
                    .unwrap_or(0),
            },
            _ => Ask::Pick {
                question: "shown to".into(),
                options: Visibility::ALL.iter().map(|v| opt(v.label(), "")).collect(),
                // Personal zones default to signed-in visitors, the safe choice.
                selected: if self.zone.kind.is_personal() { 2 } else { 0 },
            },
        }
    }

    fn answer(&mut self, step: Step, v: EditValue) -> Result<(), String> {
        let zone = &mut self.zone;
        match step {
            "name" => zone.name = fields::required(text(&v), "the zone name")?,
            "kind" => {
                zone.kind = fields::picked(&ZoneKind::ALL, &v)?;
                if zone.kind == ZoneKind::Recommendations {
                    zone.recipe = Some(Recipe {
                        ingredients: vec![Ingredient::ViewedTogether],
                        exclusions: vec![Exclusion::AlreadyPurchased, Exclusion::OutOfStock],
                        boosters: Vec::new(),
                    });
                }
            }
            _ => zone.visibility = fields::picked(&Visibility::ALL, &v)?,
        }
        Ok(())
    }

    fn finish(self: Box<Self>, c: &mut Campaign) -> Result<Placed, String> {
        Ok(append("zones", &mut c.zones, self.zone))
    }
}
