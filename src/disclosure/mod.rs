//! What a visitor reads: the plain-language disclosure, its readability, and the value exchange.
//! Pure functions of a campaign.

pub mod value_exchange;

pub use value_exchange::{ValueExchangeView, Verdict, value_exchange};
