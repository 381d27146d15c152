pub mod check;
pub mod disclosure;
pub mod keys;
pub mod library;
pub mod translations;
pub mod tui;
