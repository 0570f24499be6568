//! ECS API (2014-05-26): ENIs, instances, instance types, regions and Cloud Assistant.

mod cloud_assistant;
mod eni;
mod eni_types;
mod instances;
mod misc;

pub use cloud_assistant::*;
pub use eni::*;
pub use eni_types::*;
pub use instances::*;
pub use misc::*;
