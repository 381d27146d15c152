//! Candor: a terminal campaign designer that makes ethical personalization the easy way.
//!
//! Data flows one way: `model` <- `disclosure` <- `checks` <- `reach` <- `store` <- `app` <- `ui` <- the
//! binary. Each layer uses only the layers to its left.
#![forbid(unsafe_code)]

pub mod app;
pub mod checks;
pub mod disclosure;
pub mod model;
pub mod reach;
pub mod samples;
pub mod store;
pub mod text;
pub mod ui;
