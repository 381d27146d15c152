//! A benefit the customer keeps getting, typed in the language being edited.

use super::*;

#[derive(Debug, Clone, PartialEq)]
pub struct NewBenefit {
    /// The language the benefit is typed in.
    pub lang: String,
    pub text: String,
}

impl NewBenefit {
    pub fn new(lang: &str) -> NewBenefit {
        NewBenefit {
            lang: lang.to_string(),
            text: String::new(),
        }
    }
}

impl Wizard for NewBenefit {
    fn name(&self) -> &'static str {
        "Benefit over time"
    }

    fn steps(&self) -> Vec<Step> {
        vec!["benefit"]
    }

    fn ask(&self, _: Step) -> Ask {
        Ask::Prompt {
            question: "what does the customer keep getting?".into(),
            hint: "what the customer keeps getting".into(),
            value: self.text.clone(),
            numeric: false,
        }
    }

    fn answer(&mut self, _: Step, v: EditValue) -> Result<(), String> {
        self.text = text(&v);
        if self.text.is_empty() {
            return Err("describe the benefit".into());
        }
        Ok(())
    }

    fn finish(self: Box<Self>, c: &mut Campaign) -> Result<Placed, String> {
        let lang = editing_language(c, &self.lang).to_string();
        let first = c.first_locale().to_string();
        c.value_exchange
            .ongoing
            .push(Text::new_in(&lang, &first, &self.text));
        Ok(Placed::Row(format!(
            "value_exchange.ongoing[{}]",
            c.value_exchange.ongoing.len() - 1
        )))
    }
}
