//! alicloud-emulator
