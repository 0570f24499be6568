//! Why a lifecycle job cannot run: one typed reason per rule, with a stable code (the variant
//! name) for the UI and tests and a message that says what to do. They reach the UI as
//! `Blocker::Lifecycle`, like the binding's own reasons (zone, VPC, capacity and readiness of an
//! instance taking an ENI are the binding's rules, reused).

/// One failing lifecycle rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LifecycleBlocker {
    #[error("this is a lifecycle job; use the lifecycle form")]
    NotABindingJob,
    #[error("choose at least one resource")]
    NothingChosen,
    #[error("at most {max} resources at once ({count} chosen)")]
    TooManyResources { count: usize, max: usize },
    #[error("EIP {eip} was not found in this region; refresh the list")]
    EipNotFound { eip: String },
    #[error("network interface {eni} was not found in this region; refresh the list")]
    EniNotFound { eni: String },
    #[error("instance {instance} was not found in this region; refresh the list")]
    InstanceNotFound { instance: String },
    #[error("vSwitch {vswitch} was not found in this region; refresh the list")]
    VSwitchNotFound { vswitch: String },
    #[error("security group {group} was not found in this region")]
    SecurityGroupNotFound { group: String },
    #[error("security group {group} belongs to {group_vpc}, not to the vSwitch's VPC {vpc}")]
    SecurityGroupOtherVpc {
        group: String,
        group_vpc: String,
        vpc: String,
    },
    #[error("choose at least one security group of {vpc} (at most 5)")]
    SecurityGroupCount { vpc: String },
    #[error("{eip} is bound to {target}; unbind it first, then release it")]
    EipBound { eip: String, target: String },
    #[error(
        "{eip} is bound to {target} in cut-through mode; unbind it first. Releasing a subscription EIP in cut-through mode would leave the interface without private networking until it is detached and re-bound"
    )]
    EipBoundCutThrough { eip: String, target: String },
    #[error(
        "{eip} is a subscription (PrePaid) EIP: the API refuses to release it (Forbidden.ChargeTypeIsPrepaid); it is released when it expires"
    )]
    SubscriptionNotReleasable { eip: String },
    #[error("{eip} is {status}; wait until it is Available or InUse")]
    EipBusy { eip: String, status: String },
    #[error("bandwidth {value} Mbit/s is outside {min}–{max} Mbit/s for {billing} EIPs")]
    BandwidthOutOfRange {
        value: u32,
        min: u32,
        max: u32,
        billing: &'static str,
    },
    #[error("{eip} already has {value} Mbit/s")]
    BandwidthUnchanged { eip: String, value: u32 },
    #[error("a subscription needs a period: 1–9 months or 1–5 years")]
    SubscriptionPeriod,
    #[error("line type {isp} is not offered (BGP, BGP_PRO or a whitelisted single-line ISP)")]
    UnknownIsp { isp: String },
    #[error("{field} is invalid: {rule}")]
    TextInvalid {
        field: &'static str,
        rule: &'static str,
    },
    #[error("nothing to change: give a new name or description")]
    NothingToChange,
    #[error("{eni} is the primary interface of its instance; it cannot be {what}")]
    EniIsPrimary { eni: String, what: &'static str },
    #[error("{eni} is attached to {instance}; detach it first, then delete it")]
    EniAttached { eni: String, instance: String },
    #[error("{eni} holds EIP {ip} ({eip}); unbind it first, then delete the interface")]
    EniHoldsEip {
        eni: String,
        eip: String,
        ip: String,
    },
    #[error("{eni} is {status}; wait until it is settled")]
    EniBusy { eni: String, status: String },
    #[error("{eni} is attached to {instance} already")]
    EniAlreadyAttached { eni: String, instance: String },
    #[error("{eni} is not attached to {instance}")]
    EniNotOnInstance { eni: String, instance: String },
    #[error(
        "{instance} ({instance_type}) has {attached} of its {quota} network interfaces; detach one first"
    )]
    EniCapacityReached {
        instance: String,
        instance_type: String,
        attached: u32,
        quota: u32,
    },
    #[error("{ip} is not an IPv4 address")]
    IpMalformed { ip: String },
    #[error("{ip} is outside the vSwitch's block {cidr}")]
    IpOutsideVSwitch { ip: String, cidr: String },
    #[error("{ip} is reserved in {cidr} (the first address and the last three are)")]
    IpReserved { ip: String, cidr: String },
    #[error("{ip} is already used by {holder}")]
    IpTaken { ip: String, holder: String },
    #[error("no free private address is left in {vswitch}")]
    VSwitchFull { vswitch: String },
    #[error(
        "tag key \"{key}\" is invalid: 1–128 characters, not starting with acs: or aliyun, no http:// or https://"
    )]
    TagKeyInvalid { key: String },
    #[error(
        "tag value \"{value}\" is invalid: at most 128 characters, not starting with acs:, no http:// or https://"
    )]
    TagValueInvalid { value: String },
    #[error("tag key \"{key}\" is given twice")]
    TagKeyDuplicated { key: String },
    #[error("{resource} would carry {count} tags; at most 20 are allowed")]
    TooManyTags { resource: String, count: usize },
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
            Self::TextInvalid { .. } => "TextInvalid",
            Self::NothingToChange => "NothingToChange",
            Self::EniIsPrimary { .. } => "EniIsPrimary",
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
