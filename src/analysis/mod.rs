//! The analysis layer: queries over the dataset (rankings, a province's profile, trends, paired
//! values) and the statistics they use.

pub mod brief;
pub mod profile;
pub mod ranking;
pub mod scatter;
pub mod stats;
pub mod trend;
