//! VPC API (2016-04-28): EIP actions, regions, VPCs and vSwitches.

mod eip;
mod eip_types;
mod network;

pub use eip::*;
pub use eip_types::*;
pub use network::*;
