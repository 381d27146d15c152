pub mod check;
pub mod disclosure;
pub mod explain;
pub mod files;
pub mod keys;
pub mod library;
pub mod translations;
pub mod tui;
