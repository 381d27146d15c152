//! The campaign model: types, vocabularies, RON files. Pure: knows nothing of checks, storage or
//! screens.

pub mod audience;
pub mod campaign;
pub mod datamap;
pub mod locate;
pub mod ron_io;
pub mod text;
pub mod translations;
pub mod validate;
pub mod vocab;

pub use campaign::*;
pub use datamap::{DataMap, data_map};
pub use locate::{Pos, SpanIndex};
pub use ron_io::{Document, LoadError, SaveError};
