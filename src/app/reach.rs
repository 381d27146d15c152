//! The Reach tab's engine: the population is loaded (or the sample generated) on a thread of its
//! own, and each version of the campaign being edited is counted on another, so a keystroke
//! never waits for either. The newest request wins; older ones are dropped unread.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use crate::model::Campaign;
use crate::reach::{Population, Report};

use super::App;

/// How many people the sample a new library offers holds.
pub const SAMPLE_PEOPLE: usize = 50_000;
/// Its seed: every library's sample is the same people.
pub const SAMPLE_SEED: u64 = 1;

/// Where the population stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Reach is not counted here (no population path: tests, screenshots without one).
    Off,
    /// No population file at the path yet.
    Missing,
    Loading,
    /// Making the sample: people written so far, out of how many.
    Generating {
        written: usize,
        total: usize,
    },
    Ready,
    Failed(String),
}

enum LoadMsg {
    /// The population is in memory (a generated one is still being written).
    Loaded(Arc<Population>),
    Written(usize),
    Saved,
    Failed(String),
}

/// Counts campaigns over one population, on its own thread.
struct Worker {
    ask: Sender<(u64, Campaign)>,
    answers: Receiver<(u64, Report)>,
}

impl Worker {
    fn start(pop: Arc<Population>) -> Worker {
        let (ask, requests) = channel::<(u64, Campaign)>();
        let (reply, answers) = channel();
        std::thread::spawn(move || {
            while let Ok(mut job) = requests.recv() {
                // Only the newest version of the campaign is worth counting.
                while let Ok(newer) = requests.try_recv() {
                    job = newer;
                }
                let report = crate::reach::report(&pop, &job.1);
                if reply.send((job.0, report)).is_err() {
                    return;
                }
            }
        });
        Worker { ask, answers }
    }
}

pub struct ReachState {
    /// Where the population is, or would be made.
    pub path: Option<PathBuf>,
    pub status: Status,
    pub population: Option<Arc<Population>>,
    load: Option<Receiver<LoadMsg>>,
    worker: Option<Worker>,
    /// The campaign last sent to be counted, and its number.
    sent: Option<Campaign>,
    asked: u64,
    /// The newest report, and the number of the request it answers.
    pub report: Option<(u64, Arc<Report>)>,
    /// How many people a sample made here holds ([`SAMPLE_PEOPLE`]; tests make fewer).
    pub sample_people: usize,
    /// The population file is read only when a campaign is first opened: browsing the
    /// library never pays for it.
    deferred: bool,
}

impl Default for ReachState {
    fn default() -> Self {
        ReachState {
            path: None,
            status: Status::Off,
            population: None,
            load: None,
            worker: None,
            sent: None,
            asked: 0,
            report: None,
            sample_people: SAMPLE_PEOPLE,
            deferred: false,
        }
    }
}

impl ReachState {
    /// Whether the report shown is for the campaign as it is now.
    pub fn current(&self) -> bool {
        self.report.as_ref().is_some_and(|(n, _)| *n == self.asked)
    }

    /// The report, if one is shown.
    pub fn shown(&self) -> Option<&Report> {
        self.report.as_ref().map(|(_, r)| r.as_ref())
    }

    fn pending(&self) -> bool {
        self.load.is_some() || (self.worker.is_some() && self.sent.is_some() && !self.current())
    }
}

impl App {
    /// Counts reach on the population at `path`: read in the background when a campaign is
    /// first opened, if it exists.
    pub fn use_population(&mut self, path: &Path) {
        self.reach = ReachState {
            path: Some(path.to_path_buf()),
            status: Status::Missing,
            sample_people: self.reach.sample_people,
            ..ReachState::default()
        };
        if path.exists() {
            self.reach.status = Status::Loading;
            self.reach.deferred = true;
        }
    }

    fn start_loading(&mut self) {
        self.reach.deferred = false;
        let Some(path) = self.reach.path.clone() else {
            return;
        };
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let _ = tx.send(match crate::reach::file::load(&path) {
                Ok(p) => LoadMsg::Loaded(Arc::new(p)),
                Err(e) => LoadMsg::Failed(e.to_string()),
            });
        });
        self.reach.load = Some(rx);
    }

    /// Asks, on a library's first start, whether to make the sample population.
    pub fn offer_sample_population(&mut self) {
        let Some(path) = self.reach.path.as_ref() else {
            return;
        };
        let shown = crate::text::clean(&path.display().to_string());
        self.open(super::Dialog::Confirm(super::Confirm::new(
            "Count reach on a sample population?",
            vec![
                "Candor can show how many people an audience takes in, and how many interested people a condition on age, gender or place leaves out.".into(),
                format!(
                    "It counts on a population: make a sample of {} synthetic people now (a few seconds, kept in {shown}), or import your own customers later with candor population import.",
                    crate::text::thousands(SAMPLE_PEOPLE as u64)
                ),
                "The sample is a model for trying audiences, not market data.".into(),
            ],
            vec![
                ('y', "make the sample now", super::Confirmed::MakeSample),
                ('n', "not now: the Reach tab offers it again", super::Confirmed::Dismiss),
            ],
        )));
    }

    /// `g` would make a sample population: there is a place for it and none is loaded, being
    /// loaded or being made. (The footer offers `g` only then.)
    pub fn can_make_population(&self) -> bool {
        self.reach.path.is_some()
            && !matches!(
                self.reach.status,
                Status::Generating { .. } | Status::Loading | Status::Ready
            )
    }

    /// Makes the sample population at the population path: counted on as soon as it is in
    /// memory, written to the file meanwhile.
    pub fn make_sample_population(&mut self) {
        if !self.can_make_population() {
            return;
        }
        let Some(path) = self.reach.path.clone() else {
            return;
        };
        let people = self.reach.sample_people;
        self.reach.status = Status::Generating {
            written: 0,
            total: people,
        };
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let pop = Arc::new(crate::reach::generate::generate(people, SAMPLE_SEED, None));
            if tx.send(LoadMsg::Loaded(pop.clone())).is_err() {
                return;
            }
            let result = crate::reach::file::save(&pop, &path, &mut |n| {
                let _ = tx.send(LoadMsg::Written(n));
            });
            let _ = tx.send(match result {
                Ok(()) => LoadMsg::Saved,
                Err(e) => LoadMsg::Failed(format!(
                    "the sample is counted on, but could not be kept: {e}"
                )),
            });
        });
        self.reach.load = Some(rx);
    }

    /// Takes what the loading and counting threads have finished. With `wait`, blocks until
    /// the population is in memory and the campaign as it is now is counted.
    pub(super) fn collect_reach(&mut self, wait: bool) {
        // A deferred load starts once a campaign is open; then its result is taken.
        self.send_reach();
        self.collect_load(wait);
        self.send_reach();
        let Some(w) = self.reach.worker.as_ref() else {
            return;
        };
        loop {
            let got = if wait && !self.reach.current() && self.reach.sent.is_some() {
                w.answers.recv().map_err(|_| TryRecvError::Disconnected)
            } else {
                w.answers.try_recv()
            };
            match got {
                Ok((n, report)) => {
                    if n == self.reach.asked
                        && let Some(e) = self.editor.as_mut()
                    {
                        e.reach_note = report
                            .demographic_only_figure()
                            .zip(report.demographic_only_short());
                    }
                    self.reach.report = Some((n, Arc::new(report)));
                }
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    self.reach.worker = None;
                    self.reach.status = Status::Failed("counting stopped unexpectedly".into());
                    return;
                }
            }
        }
    }

    fn collect_load(&mut self, wait: bool) {
        while let Some(rx) = self.reach.load.as_ref() {
            let msg = if wait {
                rx.recv().map_err(|_| TryRecvError::Disconnected)
            } else {
                rx.try_recv()
            };
            match msg {
                Ok(LoadMsg::Loaded(pop)) => {
                    self.reach.worker = Some(Worker::start(pop.clone()));
                    self.reach.population = Some(pop);
                    self.reach.sent = None;
                    if !matches!(self.reach.status, Status::Generating { .. }) {
                        self.reach.status = Status::Ready;
                        self.reach.load = None;
                    }
                }
                Ok(LoadMsg::Written(n)) => {
                    if let Status::Generating { written, .. } = &mut self.reach.status {
                        *written = n;
                    }
                }
                Ok(LoadMsg::Saved) => {
                    self.reach.status = Status::Ready;
                    self.reach.load = None;
                    if let Some(p) = &self.reach.path {
                        self.note(format!(
                            "The sample population is kept in {}.",
                            crate::text::clean(&p.display().to_string())
                        ));
                    }
                }
                Ok(LoadMsg::Failed(why)) => {
                    self.reach.load = None;
                    if self.reach.population.is_some() {
                        self.reach.status = Status::Ready;
                        self.fail(why);
                    } else {
                        self.reach.status = Status::Failed(why);
                    }
                }
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    self.reach.load = None;
                    if self.reach.population.is_none() {
                        self.reach.status = Status::Failed("loading stopped unexpectedly".into());
                    }
                }
            }
        }
    }

    /// Sends the campaign being edited to be counted when it changed since last sent.
    pub(super) fn send_reach(&mut self) {
        if self.reach.deferred && self.editor.is_some() {
            self.start_loading();
        }
        let Some(w) = self.reach.worker.as_ref() else {
            return;
        };
        let Some(e) = self.editor.as_ref() else {
            self.reach.sent = None;
            self.reach.report = None;
            return;
        };
        if self.reach.sent.as_ref() == Some(&e.campaign) {
            return;
        }
        if self
            .reach
            .sent
            .as_ref()
            .is_some_and(|s| s.id != e.campaign.id)
        {
            // Another campaign: the old figures are not about it.
            self.reach.report = None;
        }
        self.reach.asked += 1;
        if w.ask.send((self.reach.asked, e.campaign.clone())).is_ok() {
            self.reach.sent = Some(e.campaign.clone());
        }
    }

    pub(super) fn reach_pending(&self) -> bool {
        self.reach.pending()
    }
}
