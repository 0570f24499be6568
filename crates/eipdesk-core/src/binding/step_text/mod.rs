//! The words of plans and runs as message keys with typed inputs (see [`crate::text`]): a
//! step's title ([`StepTitle`]) and effect ([`StepEffect`]), the state a step waits for
//! ([`WaitText`]), a job's title ([`JobTitle`]) and a run's one-line summary ([`RunSummary`]).
//! The actions build them (`StepAction::title_text`, `LifecycleAction::title_text`, …); the UI
//! words them in the chosen language and [`english`] gives the core's English (journal, CLI
//! script, logs).
//!
//! Inputs are IDs, addresses, numbers and raw API values. Three input kinds are worded by
//! name, here for English as the UI's localizers do for its locale: a placeholder ID of a
//! resource the run creates (`eip-createdbystep0`) is "the new EIP" / "the new ENI"; `mode`
//! (`NAT`, `BINDED`) is the mode's name; `billing` (`payByTraffic`, …) is the billing method.
//! An input named `apiMode` is the API's value and stays verbatim.
//!
//! `steps` builds a binding step's words, `english` renders the core's English;
//! `crate::lifecycle` builds its steps' words beside its actions.

use super::job::{BindMode, JobKind};
use crate::lifecycle::Billing;
use crate::text::Message;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

mod english;
mod steps;

pub use english::english;

/// One line naming a step (plan, timeline, undo).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum StepTitle {
    DetachEni {
        eni: String,
        instance: String,
    },
    AttachEni {
        eni: String,
        instance: String,
    },
    Bind {
        eip: String,
        target: String,
        mode: String,
    },
    Unbind {
        eip: String,
        target: String,
    },
    SwitchMode {
        eip: String,
        mode: String,
    },
    Verify,
    AllowRule {
        protocol: String,
        ports: String,
        cidr: String,
        group: String,
    },
    AllowPing {
        cidr: String,
        group: String,
    },
    RemoveRule {
        protocol: String,
        ports: String,
        cidr: String,
        group: String,
    },
    RemovePing {
        cidr: String,
        group: String,
    },
    GuestConfigure {
        mac: String,
        instance: String,
    },
    GuestVerify {
        ip: String,
        mac: String,
        instance: String,
    },
    GuestRevert {
        mac: String,
        instance: String,
    },
    AllocateEip {
        billing: String,
        bandwidth: u32,
    },
    ReleaseEip {
        eip: String,
    },
    SetBandwidth {
        eip: String,
        bandwidth: u32,
    },
    RenameEip {
        eip: String,
    },
    CreateEni {
        vswitch: String,
    },
    DeleteEni {
        eni: String,
    },
    RenameEni {
        eni: String,
    },
    TagOne {
        id: String,
        tags: String,
    },
    TagMany {
        first: String,
        more: u32,
        tags: String,
    },
    UntagOne {
        id: String,
        keys: String,
    },
    UntagMany {
        first: String,
        more: u32,
        keys: String,
    },
}

impl Message for StepTitle {
    const PREFIX: &'static str = "stepTitle";
}

/// What a step changes, in the user's terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum StepEffect {
    DetachEni {
        instance: String,
    },
    AttachEni {
        instance: String,
    },
    BindCutThrough,
    BindCutThroughIp {
        ip: String,
    },
    BindNat,
    UnbindCutThrough,
    UnbindNat,
    SwitchMode {
        mode: String,
        api_mode: String,
    },
    /// The final verification: every state in `checks`.
    Verify {
        checks: Vec<WaitText>,
    },
    AllowRule {
        group: String,
        cidr: String,
        protocol: String,
        ports: String,
    },
    AllowPing {
        group: String,
        cidr: String,
    },
    RemoveRule,
    GuestConfigure {
        os: String,
    },
    GuestConfigureMetric {
        os: String,
        metric: u32,
    },
    GuestVerify {
        ip: String,
    },
    GuestRevert,
    AllocateEip {
        billing: String,
    },
    AllocateEipSubscription,
    ReleaseEip,
    ModifyEip,
    CreateEni {
        vswitch: String,
    },
    CreateEniIp {
        vswitch: String,
        ip: String,
    },
    DeleteEni,
    ModifyEni,
    Tag,
    Untag,
}

impl Message for StepEffect {
    const PREFIX: &'static str = "stepEffect";
}

/// A state a step waits for (and the verification checks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum WaitText {
    EniAttached {
        eni: String,
        instance: String,
    },
    EniAvailable {
        eni: String,
    },
    EipBound {
        eip: String,
        mode: String,
    },
    EipAvailable {
        eip: String,
    },
    EipReleased {
        eip: String,
    },
    EniDeleted {
        eni: String,
    },
    NewAttributes {
        id: String,
    },
    TaggedOne {
        id: String,
        tags: String,
    },
    TaggedMany {
        first: String,
        more: u32,
        tags: String,
    },
    UntaggedOne {
        id: String,
        keys: String,
    },
    UntaggedMany {
        first: String,
        more: u32,
        keys: String,
    },
    /// A guest step: its Cloud Assistant invocation to end.
    Script {
        invoke_id: String,
        instance: String,
    },
}

impl Message for WaitText {
    const PREFIX: &'static str = "waits";
}

/// A job's title: `{ key: <JobKind> }`, message `jobTitle_<kind>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct JobTitle {
    pub key: JobKind,
}

impl Message for JobTitle {
    const PREFIX: &'static str = "jobTitle";
}

/// What a run is about in one line (the Activity page, the run sheet's header).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum RunSummary {
    Eip {
        eip: String,
        ip: String,
    },
    Bind {
        eip: String,
        ip: String,
        target: String,
        mode: String,
    },
    BindOn {
        eip: String,
        ip: String,
        target: String,
        mode: String,
        instance: String,
    },
    Unbind {
        eip: String,
        ip: String,
        target: String,
        mode: String,
    },
    UnbindOn {
        eip: String,
        ip: String,
        target: String,
        mode: String,
        instance: String,
    },
    Switch {
        eip: String,
        ip: String,
        eni: String,
        mode: String,
    },
    SwitchOn {
        eip: String,
        ip: String,
        eni: String,
        mode: String,
        instance: String,
    },
    AllocateEip {
        billing: String,
        bandwidth: u32,
    },
    ReleaseOne {
        id: String,
    },
    ReleaseMany {
        count: u32,
    },
    RenameOne {
        id: String,
    },
    RenameMany {
        count: u32,
    },
    SetBandwidth {
        eip: String,
        bandwidth: u32,
    },
    CreateEni {
        vswitch: String,
    },
    DeleteOne {
        id: String,
    },
    DeleteMany {
        count: u32,
    },
    Attach {
        eni: String,
        instance: String,
    },
    Detach {
        eni: String,
        instance: String,
    },
    TagOne {
        id: String,
    },
    TagMany {
        count: u32,
    },
    UntagOne {
        id: String,
    },
    UntagMany {
        count: u32,
    },
    CreateAndBind {
        eip: String,
        eni: String,
        instance: String,
    },
}

impl Message for RunSummary {
    const PREFIX: &'static str = "runSummary";
}

/// The words for a list of IDs: `one(id)` for a single ID (or none), else `many(first, how
/// many more)`.
pub fn by_count<T>(
    ids: &[String],
    one: impl FnOnce(String) -> T,
    many: impl FnOnce(String, u32) -> T,
) -> T {
    match ids {
        [] => one(String::new()),
        [id] => one(id.clone()),
        [first, rest @ ..] => many(first.clone(), u32::try_from(rest.len()).unwrap_or(u32::MAX)),
    }
}

/// Tags as written in a title: `k=v, k2`.
pub fn tag_pairs(tags: &[(String, String)]) -> String {
    tags.iter()
        .map(|(k, v)| {
            if v.is_empty() {
                k.clone()
            } else {
                format!("{k}={v}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl JobKind {
    /// The job's title as a message.
    pub fn title_text(self) -> JobTitle {
        JobTitle { key: self }
    }

    /// The job's title in English (journal, CLI script).
    pub fn title(self) -> String {
        english(&self.title_text())
    }
}

/// The mode as the inputs carry it (the API's value).
pub fn mode_input(mode: BindMode) -> String {
    mode.as_api().to_string()
}

/// The billing as the inputs carry it (`payByTraffic`, …).
pub fn billing_input(billing: Billing) -> String {
    match serde_json::to_value(billing) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests;
