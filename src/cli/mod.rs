pub mod check;
pub mod overview;
