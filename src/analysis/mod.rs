//! The analysis layer: queries over the dataset (rankings, a province's profile, trends, paired
//! values, a year under the borders of 2025) and the statistics they use.

pub mod borders;
pub mod brief;
pub mod edition;
pub mod profile;
pub mod ranking;
pub mod scatter;
pub mod stats;
pub mod trend;
