//! The step-by-step builders, one per file behind the [`Wizard`] trait: a wizard says which
//! steps it has given its answers so far, what each step asks, takes each answer, and at the end
//! puts what it built into the campaign. The runner here turns a step into a dialog and routes
//! the answer back; step titles ("Intent 3/5") count the steps that will really be asked.

mod activation;
mod attribute;
mod data_field;
mod intent;
mod model;
mod ongoing;
mod opt_out;
mod recipient;
mod zone;

pub use activation::NewActivation;
pub use attribute::{AttributeWizard, attribute_detail, attributes_by_risk};
pub use data_field::NewDataField;
pub use intent::IntentWizard;
pub use model::NewModel;
pub use ongoing::NewBenefit;
pub use opt_out::NewOptOut;
pub use recipient::{RecipientWizard, recipient_detail, recipient_kind_options};
pub use zone::NewZone;

use super::*;
use crate::model::*;
use fields::EditValue;

/// The name of one step, unique within its wizard.
pub type Step = &'static str;

/// What a step asks: a choice, several ticks, or typed text.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    Pick {
        question: String,
        options: Vec<PickOption>,
        selected: usize,
    },
    Checklist {
        question: String,
        options: Vec<PickOption>,
        checked: Vec<bool>,
    },
    Prompt {
        question: String,
        hint: String,
        value: String,
        numeric: bool,
    },
}

impl Ask {
    pub fn question(&self) -> &str {
        match self {
            Ask::Pick { question, .. }
            | Ask::Checklist { question, .. }
            | Ask::Prompt { question, .. } => question,
        }
    }
}

/// Where a finished wizard put what it built, so the editor can select it.
#[derive(Debug, Clone, PartialEq)]
pub enum Placed {
    /// A row of the form, by its path.
    Row(String),
    /// A condition of the audience tree; `replaced` when an existing one was edited.
    Condition { at: Vec<usize>, replaced: bool },
    /// Added where no row shows it by itself.
    Elsewhere(&'static str),
}

/// One step-by-step builder.
pub trait Wizard: std::fmt::Debug + CloneWizard {
    /// What it builds, as a title's first words: "Intent", "New zone".
    fn name(&self) -> &'static str;
    /// Every step it will ask, in order, given the answers so far.
    fn steps(&self) -> Vec<Step>;
    /// What `step` asks, showing the current answer.
    fn ask(&self, step: Step) -> Ask;
    /// Takes the answer to `step`; an error keeps the step open with the message.
    fn answer(&mut self, step: Step, v: EditValue) -> Result<(), String>;
    /// Puts what was built into the campaign.
    fn finish(self: Box<Self>, c: &mut Campaign) -> Result<Placed, String>;
}

/// Cloning for boxed wizards, so a dialog can keep a copy while an answer is tried.
pub trait CloneWizard {
    fn clone_box(&self) -> Box<dyn Wizard>;
}

impl<T: Wizard + Clone + 'static> CloneWizard for T {
    fn clone_box(&self) -> Box<dyn Wizard> {
        Box::new(self.clone())
    }
}

/// A wizard and how far it got.
#[derive(Debug)]
pub struct Running {
    pub wizard: Box<dyn Wizard>,
    /// The index, in `wizard.steps()`, of the step being asked.
    pub at: usize,
}

impl Clone for Running {
    fn clone(&self) -> Running {
        Running {
            wizard: self.wizard.clone_box(),
            at: self.at,
        }
    }
}

impl Running {
    pub fn new(wizard: Box<dyn Wizard>) -> Running {
        Running { wizard, at: 0 }
    }

    /// The step being asked, or `None` when every step is answered.
    pub fn step(&self) -> Option<Step> {
        self.wizard.steps().get(self.at).copied()
    }

    /// The dialog title for the current step: "Intent 3/5: which one?"; a one-step wizard has
    /// no count.
    pub fn title(&self, ask: &Ask) -> String {
        let total = self.wizard.steps().len();
        if total <= 1 {
            format!("{}: {}", self.wizard.name(), ask.question())
        } else {
            format!(
                "{} {}/{}: {}",
                self.wizard.name(),
                self.at + 1,
                total,
                ask.question()
            )
        }
    }

    /// Answers the current step and moves to the next.
    pub fn answer(&mut self, v: EditValue) -> Result<(), String> {
        let Some(step) = self.step() else {
            return Ok(());
        };
        self.wizard.answer(step, v)?;
        self.at += 1;
        Ok(())
    }
}

/// The things the Add key offers in the data and value sections: typed, so renaming an entry
/// cannot break it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddChoice {
    DataField,
    /// A recipient of the data field at this index.
    Recipient(usize),
    Activation,
    Model,
    Benefit,
    OptOut,
}

impl AddChoice {
    pub fn option(self) -> PickOption {
        match self {
            AddChoice::DataField => opt("Data field", "something the campaign collects or reads"),
            AddChoice::Recipient(i) => opt(
                format!("Recipient of field {}", i + 1),
                "someone outside the brand who receives it",
            ),
            AddChoice::Activation => opt(
                "Activation",
                "where the audience or its data is actually sent",
            ),
            AddChoice::Model => opt(
                "Predictive model",
                "a score the campaign relies on, with its features",
            ),
            AddChoice::Benefit => opt("Benefit over time", "something the customer keeps getting"),
            AddChoice::OptOut => opt("Opt-out method", "a way to say stop"),
        }
    }

    /// The wizard that adds it to `c`; `lang` is the language typed texts are written in.
    pub fn wizard(self, c: &Campaign, lang: &str) -> Box<dyn Wizard> {
        match self {
            AddChoice::DataField => Box::new(NewDataField::default()),
            AddChoice::Recipient(i) => Box::new(RecipientWizard::new(i)),
            AddChoice::Activation => Box::new(NewActivation::default()),
            AddChoice::Model => Box::new(NewModel::default()),
            AddChoice::Benefit => Box::new(NewBenefit::new(lang)),
            AddChoice::OptOut => Box::new(NewOptOut::for_campaign(c)),
        }
    }
}

/// The text of a prompt's answer, trimmed; empty for any other answer.
pub(super) fn text(v: &EditValue) -> String {
    match v {
        EditValue::Text(t) => t.trim().to_string(),
        _ => String::new(),
    }
}

/// The index a picker answered; 0 for any other answer.
pub(super) fn index(v: &EditValue) -> usize {
    match v {
        EditValue::Index(i) => *i,
        _ => 0,
    }
}

/// A whole number from `min` to `max`, typed.
pub(super) fn number(v: &EditValue, min: u32, max: u32) -> Result<u32, String> {
    let n: u32 = text(v)
        .parse()
        .map_err(|_| "enter a whole number".to_string())?;
    if (min..=max).contains(&n) {
        Ok(n)
    } else {
        Err(format!("enter a number from {min} to {max}"))
    }
}

impl App {
    /// Opens the wizard on its first step.
    pub(super) fn start_wizard(&mut self, w: Box<dyn Wizard>) {
        self.run_wizard(Running::new(w));
    }

    /// Shows the dialog for the wizard's current step, or finishes it.
    pub(super) fn run_wizard(&mut self, r: Running) {
        let Some(step) = r.step() else {
            return self.finish_wizard(r.wizard);
        };
        let ask = r.wizard.ask(step);
        let title = r.title(&ask);
        let then = Then::Wizard(r);
        match ask {
            Ask::Pick {
                options, selected, ..
            } => self.pick(&title, options, selected, then),
            Ask::Checklist {
                options, checked, ..
            } => self.checklist(&title, options, checked, then),
            Ask::Prompt {
                hint,
                value,
                numeric,
                ..
            } => self.prompt(&title, &hint, value, then, numeric),
        }
    }

    /// Feeds a step's answer into the wizard and moves on. Errors keep the step open.
    pub(super) fn wizard_answer(&mut self, mut r: Running, v: EditValue) -> Result<(), String> {
        r.answer(v)?;
        self.run_wizard(r);
        Ok(())
    }

    fn finish_wizard(&mut self, w: Box<dyn Wizard>) {
        let mut placed = Placed::Elsewhere("");
        let ok = self.change(|c| {
            placed = w.finish(c)?;
            Ok(())
        });
        if !ok {
            return;
        }
        match placed {
            Placed::Row(path) => self.select_path(&path),
            Placed::Condition { at, replaced } => self.condition_placed(&at, replaced),
            Placed::Elsewhere(what) if !what.is_empty() => self.say(what, None),
            Placed::Elsewhere(_) => {}
        }
    }

    pub(super) fn start_intent(&mut self, existing: Option<(IntentCondition, Vec<usize>)>) {
        self.ensure_audience();
        let w = match existing {
            Some((c, at)) => IntentWizard::edit(c, at),
            None => IntentWizard::new(self.selected_node()),
        };
        self.start_wizard(Box::new(w));
    }

    pub(super) fn start_attribute(&mut self, existing: Option<(AttributeCondition, Vec<usize>)>) {
        self.ensure_audience();
        let w = match existing {
            Some((c, at)) => AttributeWizard::edit(c, at),
            None => AttributeWizard::new(self.selected_node()),
        };
        self.start_wizard(Box::new(w));
    }
}

/// A condition wizard's finish: put `cond` at `at`, replacing what is there or adding beside it.
pub(super) fn place_condition(
    c: &mut Campaign,
    cond: Condition,
    at: &[usize],
    replace: bool,
) -> Result<Placed, String> {
    if replace {
        let slot = audience::node_mut(&mut c.audience, at).ok_or("that condition is gone")?;
        *slot = cond;
        Ok(Placed::Condition {
            at: at.to_vec(),
            replaced: true,
        })
    } else {
        Ok(Placed::Condition {
            at: audience::insert(&mut c.audience, at, cond),
            replaced: false,
        })
    }
}

/// A list wizard's finish: push `item` at the end of the campaign's `list` and name its row.
pub(super) fn append<T>(list: &str, items: &mut Vec<T>, item: T) -> Placed {
    items.push(item);
    Placed::Row(format!("{list}[{}]", items.len() - 1))
}

#[cfg(test)]
mod tests;
