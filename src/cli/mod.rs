pub mod check;
pub mod library;
pub mod overview;
