//! ECS API (2014-05-26): ENIs, instances, instance types and regions.

mod eni;
mod eni_types;
mod instances;
mod misc;

pub use eni::*;
pub use eni_types::*;
pub use instances::*;
pub use misc::*;
