//! A new predictive model: its name and kind (features are added on its row).

use super::*;

const KINDS: [ModelKind; 3] = [
    ModelKind::Propensity,
    ModelKind::Affinity,
    ModelKind::Lookalike,
];

#[derive(Debug, Clone, PartialEq)]
pub struct NewModel {
    pub model: PredictiveModel,
}

impl Default for NewModel {
    fn default() -> NewModel {
        NewModel {
            model: PredictiveModel {
                name: String::new(),
                kind: ModelKind::Propensity,
                features: Vec::new(),
            },
        }
    }
}

impl Wizard for NewModel {
    fn name(&self) -> &'static str {
        "Model"
    }

    fn steps(&self) -> Vec<Step> {
        vec!["name", "kind"]
    }

    fn ask(&self, step: Step) -> Ask {
        match step {
            "name" => Ask::Prompt {
                question: "name".into(),
                hint: "what the score is called".into(),
                value: self.model.name.clone(),
                numeric: false,
            },
            _ => Ask::Pick {
                question: "kind".into(),
                options: KINDS
                    .iter()
                    .map(|k| opt(crate::text::variant_words(k), ""))
                    .collect(),
                selected: KINDS
                    .iter()
                    .position(|k| *k == self.model.kind)
                    .unwrap_or(0),
            },
        }
    }

    fn answer(&mut self, step: Step, v: EditValue) -> Result<(), String> {
        match step {
            "name" => self.model.name = fields::required(text(&v), "the model name")?,
            _ => self.model.kind = fields::picked(&KINDS, &v)?,
        }
        Ok(())
    }

    fn finish(self: Box<Self>, c: &mut Campaign) -> Result<Placed, String> {
        Ok(append("models", &mut c.models, self.model))
    }
}
