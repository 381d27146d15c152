//! Reach: how many people a campaign's audience takes in over a population, who of them can be
//! reached with their consent, and what each demographic condition shuts out. The population is
//! synthetic (`generate`) or the team's own export (`csv`), kept in a file of its own (`file`),
//! held in memory column by column (`population`) and counted by `eval`; `sql` writes the same
//! audience as SQL for a warehouse.

pub mod build;
pub mod csv;
pub mod eval;
pub mod file;
pub mod generate;
pub mod population;
pub mod report;
pub mod sql;

pub use population::{PeopleSet, Population};
pub use report::{Report, report};
