//! What can go wrong inside the app, typed: an answer the user can correct, a store that
//! failed, a file that is not there. Every one reaches the screen (a dialog keeps it beside the
//! answer; elsewhere it is the status line) and none is dropped.

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// An answer or an edit refused, with what to do instead; the campaign is unchanged.
    #[error("{0}")]
    Refused(String),
    /// The database could not do what was asked; nothing was changed by the attempt.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A path typed in a dialog that does not exist.
    #[error("{0} does not exist")]
    NoSuchPath(String),
    /// The action needs an open campaign and there is none.
    #[error("no campaign is open")]
    NoCampaign,
}

impl From<String> for AppError {
    fn from(s: String) -> AppError {
        AppError::Refused(s)
    }
}

impl From<&str> for AppError {
    fn from(s: &str) -> AppError {
        AppError::Refused(s.to_string())
    }
}

pub type AppResult<T = ()> = Result<T, AppError>;
