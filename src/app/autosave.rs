//! Autosaving drafts on a thread of its own, with its own connection to the library, so a
//! keystroke never waits for the disk (every write is synced) or for another process that
//! holds the library's write lock.
//!
//! Order is kept: jobs run in the order they were sent, and every other write the app makes
//! first waits for the jobs still running ([`App::settle_autosave`]), so a save is never
//! followed by a stale draft of the edits it saved. Of several drafts of one campaign
//! waiting together, only the newest is written.

use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::model::Campaign;
use crate::store::Store;

use super::{App, time_now};

/// What the thread is asked to do.
enum Job {
    /// Keep these edits as the author's draft.
    Keep { campaign: Box<Campaign>, base: i64 },
    /// Remove the author's draft of this campaign (the edits went back to the saved text).
    Drop { id: String },
}

impl Job {
    fn id(&self) -> &str {
        match self {
            Job::Keep { campaign, .. } => &campaign.id,
            Job::Drop { id } => id,
        }
    }
}

/// What came of a job.
#[derive(Debug)]
pub(super) struct Outcome {
    id: String,
    kept: bool,
    result: Result<(), Failure>,
}

#[derive(Debug)]
enum Failure {
    /// Another process held the write lock longer than the store waits.
    Busy,
    Failed(String),
    /// A newer job for the same campaign made this one pointless; nothing was written.
    Superseded,
}

struct Worker {
    jobs: Sender<Job>,
    outcomes: Receiver<Outcome>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// The autosave thread, started with the first draft, and what it has not reported yet.
#[derive(Default)]
pub struct Autosave {
    worker: Option<Worker>,
    /// Jobs sent whose outcome has not been received.
    pending: usize,
}

impl Autosave {
    /// Whether a draft is still being written.
    pub fn pending(&self) -> bool {
        self.pending > 0
    }

    fn send(&mut self, store: &Store, job: Job) -> Result<(), String> {
        if self.worker.is_none() {
            let own = store.another_connection().map_err(|e| e.to_string())?;
            self.worker = Some(Worker::start(own));
        }
        let w = self.worker.as_ref().expect("started above");
        w.jobs
            .send(job)
            .map_err(|_| "the autosave thread stopped".to_string())?;
        self.pending += 1;
        Ok(())
    }

    /// Outcomes received so far; with `wait`, waits (at most `wait`) until none is pending.
    fn receive(&mut self, wait: Option<Duration>) -> Vec<Outcome> {
        let mut got = Vec::new();
        let until = wait.map(|d| Instant::now() + d);
        while self.pending > 0 {
            let Some(w) = self.worker.as_ref() else {
                break;
            };
            let next = match until {
                None => match w.outcomes.try_recv() {
                    Ok(o) => Some(o),
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => None,
                },
                Some(t) => match w
                    .outcomes
                    .recv_timeout(t.saturating_duration_since(Instant::now()))
                {
                    Ok(o) => Some(o),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => None,
                },
            };
            match next {
                Some(o) => {
                    self.pending -= 1;
                    got.push(o);
                }
                None => {
                    // The thread is gone (it panicked): what it did not report is lost.
                    log::error!("the autosave thread stopped with {} job(s)", self.pending);
                    self.pending = 0;
                    self.worker = None;
                    got.push(Outcome {
                        id: String::new(),
                        kept: true,
                        result: Err(Failure::Failed("the autosave thread stopped".into())),
                    });
                }
            }
        }
        got
    }
}

impl Worker {
    fn start(mut store: Store) -> Worker {
        let (jobs, inbox) = channel::<Job>();
        let (report, outcomes) = channel();
        let thread = std::thread::Builder::new()
            .name("candor-autosave".into())
            .spawn(move || {
                while let Ok(first) = inbox.recv() {
                    let mut batch = vec![first];
                    batch.extend(inbox.try_iter());
                    for (i, job) in batch.iter().enumerate() {
                        let later = batch[i + 1..].iter().any(|j| j.id() == job.id());
                        let (id, kept) = match job {
                            Job::Keep { campaign, .. } => (campaign.id.clone(), true),
                            Job::Drop { id } => (id.clone(), false),
                        };
                        let result = if later {
                            Err(Failure::Superseded)
                        } else {
                            let done = match job {
                                Job::Keep { campaign, base } => store.save_draft(campaign, *base),
                                Job::Drop { id } => store.discard_draft(id),
                            };
                            done.map_err(|e| {
                                if e.is_busy() {
                                    Failure::Busy
                                } else {
                                    Failure::Failed(e.to_string())
                                }
                            })
                        };
                        if report.send(Outcome { id, kept, result }).is_err() {
                            return;
                        }
                    }
                }
            })
            .expect("the autosave thread starts");
        Worker {
            jobs,
            outcomes,
            thread: Some(thread),
        }
    }
}

impl Drop for Worker {
    /// Lets the thread finish what it was given, so quitting never loses a draft.
    fn drop(&mut self) {
        let (dead, _) = channel();
        drop(std::mem::replace(&mut self.jobs, dead));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// How long a write the user asked for waits for drafts still being written: the thread's
/// store waits at most its busy timeout per job, so this is only reached when something is
/// badly stuck.
const SETTLE_AT_MOST: Duration = Duration::from_secs(5);

impl App {
    /// Hands the editor's edits to the autosave thread (or, when they are back to the saved
    /// text, the removal of this session's draft).
    pub(super) fn autosave(&mut self, now: Instant) {
        let Some(e) = self.editor.as_mut() else {
            return;
        };
        // Whether this session has a draft is settled here, as the jobs are sent in order, so
        // an undo to the saved text right after an autosave still removes that draft.
        let job = if e.dirty() {
            e.owns_draft = true;
            Job::Keep {
                campaign: Box::new(e.campaign.clone()),
                base: e.base,
            }
        } else if e.owns_draft {
            e.owns_draft = false;
            Job::Drop {
                id: e.campaign.id.clone(),
            }
        } else {
            return;
        };
        if let Err(err) = self.autosave.send(&self.store, job) {
            e.edited_at = Some(now);
            self.fail(format!("Could not autosave the draft: {err}"));
        }
    }

    /// Applies what the autosave thread has reported, without waiting.
    pub(super) fn collect_autosave(&mut self) {
        let got = self.autosave.receive(None);
        self.apply_autosave(got);
    }

    /// Waits for drafts still being written, then applies their outcomes. Every other write
    /// calls this first, so writes land in the order they were made.
    pub fn settle_autosave(&mut self) {
        if !self.autosave.pending() {
            return;
        }
        let got = self.autosave.receive(Some(SETTLE_AT_MOST));
        self.apply_autosave(got);
    }

    fn apply_autosave(&mut self, got: Vec<Outcome>) {
        for o in got {
            let e = self.editor.as_mut().filter(|e| e.campaign.id == o.id);
            match (o.result, e) {
                (Ok(()), Some(e)) if o.kept => {
                    e.draft_note = Some(format!("edits kept {}", time_now()));
                }
                (Ok(()), Some(e)) => e.draft_note = None,
                (Ok(()) | Err(Failure::Superseded), _) => {}
                (Err(Failure::Busy), Some(e)) => {
                    // Another Candor is writing: try again at the next pause rather than wait.
                    if e.edited_at.is_none() {
                        e.edited_at = Some(Instant::now());
                    }
                    e.draft_note = Some("draft waits: the library is busy".into());
                }
                (Err(Failure::Busy), None) => {
                    self.fail("The draft could not be kept: the library stayed busy. Reopen the campaign to check your edits.");
                }
                (Err(Failure::Failed(err)), _) if o.kept => {
                    self.fail(format!("Could not autosave the draft: {err}"))
                }
                (Err(Failure::Failed(err)), e) => {
                    if let Some(e) = e {
                        e.owns_draft = true;
                    }
                    self.fail(format!(
                        "Could not remove the old draft ({err}); Candor may offer it again"
                    ))
                }
            }
        }
    }
}
