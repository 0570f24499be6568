//! ECS API (2014-05-26): ENIs, instances, instance types, regions, Cloud Assistant and
//! security-group rules.

mod cloud_assistant;
mod eni;
mod eni_types;
mod instances;
mod misc;
mod security_groups;

pub use cloud_assistant::*;
pub use eni::*;
pub use eni_types::*;
pub use instances::*;
pub use misc::*;
pub use security_groups::*;
