//! Facts about Alibaba Cloud's regions that both sides of the wire need: where cut-through
//! (BINDED) mode is documented. The app's rules and the emulator's behaviour read this one
//! list; both keep it overridable, since Alibaba extends it over time.

/// Regions where Alibaba Cloud's guide documents associating an EIP with a secondary ENI in
/// cut-through mode ("Associate an EIP with a secondary ENI in cut-through mode").
pub const CUT_THROUGH_REGIONS: &[&str] = &[
    "cn-hangzhou",
    "cn-shanghai",
    "cn-qingdao",
    "cn-beijing",
    "cn-zhangjiakou",
    "cn-huhehaote",
    "cn-shenzhen",
    "cn-chengdu",
    "ap-southeast-1",
    "ap-southeast-5",
    "eu-central-1",
    "eu-west-1",
    "us-east-1",
];
