//! The campaign files a command is given.

pub use candor::model::ron_io::collect_files;
pub use candor::text::plural;
