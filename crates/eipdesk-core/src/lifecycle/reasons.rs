//! Why a lifecycle job cannot run: one typed reason per rule, with a stable code (the variant
//! name) for the UI and tests and a message that says what to do. They reach the UI as
//! `Blocker::Lifecycle`, like the binding's own reasons (zone, VPC, capacity and readiness of an
//! instance taking an ENI are the binding's rules, reused).

use super::action::Billing;
use serde::Serialize;
use ts_rs::TS;

/// One failing lifecycle rule, as a message family (`lcb_<key>`, see [`crate::text`]): the UI
/// words it in the user's language; `Display` is the English of the same message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum LifecycleBlocker {
    NotABindingJob,
    NothingChosen,
    TooManyResources {
        count: usize,
        max: usize,
    },
    EipNotFound {
        eip: String,
    },
    EniNotFound {
        eni: String,
    },
    InstanceNotFound {
        instance: String,
    },
    VSwitchNotFound {
        vswitch: String,
    },
    SecurityGroupNotFound {
        group: String,
    },
    SecurityGroupOtherVpc {
        group: String,
        group_vpc: String,
        vpc: String,
    },
    SecurityGroupCount {
        vpc: String,
    },
    EipBound {
        eip: String,
        target: String,
    },
    EipBoundCutThrough {
        eip: String,
        target: String,
    },
    SubscriptionNotReleasable {
        eip: String,
    },
    EipBusy {
        eip: String,
        status: String,
    },
    BandwidthOutOfRange {
        value: u32,
        min: u32,
        max: u32,
        billing: Billing,
    },
    BandwidthUnchanged {
        eip: String,
        value: u32,
    },
    SubscriptionPeriod,
    UnknownIsp {
        isp: String,
    },
    TextTooLong {
        field: TextField,
        max: u32,
    },
    TextLength {
        field: TextField,
        min: u32,
        max: u32,
    },
    NothingToChange,
    EniIsPrimaryDelete {
        eni: String,
    },
    EniIsPrimaryMove {
        eni: String,
    },
    EniIsPrimaryDetach {
        eni: String,
    },
    EniAttached {
        eni: String,
        instance: String,
    },
    EniHoldsEip {
        eni: String,
        eip: String,
        ip: String,
    },
    EniBusy {
        eni: String,
        status: String,
    },
    EniAlreadyAttached {
        eni: String,
        instance: String,
    },
    EniNotOnInstance {
        eni: String,
        instance: String,
    },
    EniCapacityReached {
        instance: String,
        instance_type: String,
        attached: u32,
        quota: u32,
    },
    IpMalformed {
        ip: String,
    },
    IpOutsideVSwitch {
        ip: String,
        cidr: String,
    },
    IpReserved {
        ip: String,
        cidr: String,
    },
    IpTaken {
        ip: String,
        holder: String,
    },
    VSwitchFull {
        vswitch: String,
    },
    TagKeyInvalid {
        tag: String,
    },
    TagValueInvalid {
        value: String,
    },
    TagKeyDuplicated {
        tag: String,
    },
    TooManyTags {
        resource: String,
        count: usize,
    },
}

impl crate::text::Message for LifecycleBlocker {
    const PREFIX: &'static str = "lcb";
}

impl std::fmt::Display for LifecycleBlocker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::text::Message::english(self))
    }
}

impl std::error::Error for LifecycleBlocker {}

/// The text field a [`LifecycleBlocker::TextTooLong`] or [`LifecycleBlocker::TextLength`] is
/// about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TextField {
    Name,
    Description,
}

impl LifecycleBlocker {
    /// A stable code: the variant name.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotABindingJob => "NotABindingJob",
            Self::NothingChosen => "NothingChosen",
            Self::TooManyResources { .. } => "TooManyResources",
            Self::EipNotFound { .. } => "EipNotFound",
            Self::EniNotFound { .. } => "EniNotFound",
            Self::InstanceNotFound { .. } => "InstanceNotFound",
            Self::VSwitchNotFound { .. } => "VSwitchNotFound",
            Self::SecurityGroupNotFound { .. } => "SecurityGroupNotFound",
            Self::SecurityGroupOtherVpc { .. } => "SecurityGroupOtherVpc",
            Self::SecurityGroupCount { .. } => "SecurityGroupCount",
            Self::EipBound { .. } => "EipBound",
            Self::EipBoundCutThrough { .. } => "EipBoundCutThrough",
            Self::SubscriptionNotReleasable { .. } => "SubscriptionNotReleasable",
            Self::EipBusy { .. } => "EipBusy",
            Self::BandwidthOutOfRange { .. } => "BandwidthOutOfRange",
            Self::BandwidthUnchanged { .. } => "BandwidthUnchanged",
            Self::SubscriptionPeriod => "SubscriptionPeriod",
            Self::UnknownIsp { .. } => "UnknownIsp",
            Self::TextTooLong { .. } | Self::TextLength { .. } => "TextInvalid",
            Self::NothingToChange => "NothingToChange",
            Self::EniIsPrimaryDelete { .. }
            | Self::EniIsPrimaryMove { .. }
            | Self::EniIsPrimaryDetach { .. } => "EniIsPrimary",
            Self::EniAttached { .. } => "EniAttached",
            Self::EniHoldsEip { .. } => "EniHoldsEip",
            Self::EniBusy { .. } => "EniBusy",
            Self::EniAlreadyAttached { .. } => "EniAlreadyAttached",
            Self::EniNotOnInstance { .. } => "EniNotOnInstance",
            Self::EniCapacityReached { .. } => "EniCapacityReached",
            Self::IpMalformed { .. } => "IpMalformed",
            Self::IpOutsideVSwitch { .. } => "IpOutsideVSwitch",
            Self::IpReserved { .. } => "IpReserved",
            Self::IpTaken { .. } => "IpTaken",
            Self::VSwitchFull { .. } => "VSwitchFull",
            Self::TagKeyInvalid { .. } => "TagKeyInvalid",
            Self::TagValueInvalid { .. } => "TagValueInvalid",
            Self::TagKeyDuplicated { .. } => "TagKeyDuplicated",
            Self::TooManyTags { .. } => "TooManyTags",
        }
    }
}
