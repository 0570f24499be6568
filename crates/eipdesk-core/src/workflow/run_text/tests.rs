//! The English of every run message and guest line is the sentence the engine wrote before
//! they were message keys, word for word.

use super::*;
use crate::binding::BindMode;
use crate::binding::StepAction;
use crate::binding::access_steps::IngressRule;
use crate::binding::guest_steps::manual_revert;
use crate::binding::outcome::{outcome_texts, outcomes};
use crate::guest_os::OsFamily;
use crate::ids::{AllocationId, EniId, InstanceId};

const ENI: &str = "eni-bp1lofjktg4dbzdlyxgp";
const I: &str = "i-bp1rqn8y8lb6iy5x5nne";
const EIP: &str = "eip-bp1vdcgzm41znfkjyd2x";
const MAC: &str = "00:16:3e:12:34:56";

fn attach() -> StepAction {
    StepAction::AttachEni {
        eni: EniId::parse(ENI).unwrap(),
        instance: InstanceId::parse(I).unwrap(),
    }
}

fn unbind() -> StepAction {
    StepAction::Unassociate {
        eip: AllocationId::parse(EIP).unwrap(),
        target: ENI.into(),
        target_type: "NetworkInterface".into(),
        mode: BindMode::CutThrough,
        private_ip: None,
    }
}

fn rule(protocol: &str, ports: &str) -> IngressRule {
    IngressRule {
        security_group: "sg-bp1".into(),
        protocol: protocol.into(),
        port_range: ports.into(),
        source_cidr: "203.0.113.0/24".into(),
    }
}

#[test]
fn step_failures_and_undo_failures_read_as_before() {
    let action = unbind();
    let title = action.title();
    let step = action.title_text();
    assert_eq!(
        RunMessage::FailedRollingBack {
            step: step.clone(),
            code: "Forbidden".into()
        }
        .english(),
        format!("\"{title}\" failed (Forbidden). Undoing the completed steps automatically.")
    );
    assert_eq!(
        RunMessage::FailedAsk {
            step: step.clone(),
            code: "Forbidden".into()
        }
        .english(),
        format!(
            "\"{title}\" failed (Forbidden). Retry the step, or roll back to undo every completed step."
        )
    );
    assert_eq!(
        RunMessage::UndoFailed {
            step,
            code: "IncorrectStatus".into(),
            message: "The EIP is busy.".into(),
        }
        .english(),
        format!(
            "Undoing \"{title}\" failed (IncorrectStatus): The EIP is busy. The remaining steps are \
             not undone yet; fix the cause and roll back again."
        )
    );
}

#[test]
fn short_messages_read_as_before() {
    for (message, english) in [
        (RunMessage::Resumed, "Resumed."),
        (RunMessage::RollingBackAgain, "Rolling back again."),
        (
            RunMessage::RollingBackAsRequested,
            "Rolling back as requested.",
        ),
        (
            RunMessage::Cancelling,
            "Cancelled: undoing what was done so far.",
        ),
        (RunMessage::Completed, "Completed and verified."),
        (
            RunMessage::Interrupted,
            "EIP Desk stopped while this run was in progress. Resume it or roll it back.",
        ),
    ] {
        assert_eq!(message.english(), english);
    }
}

#[test]
fn roll_back_summaries_say_what_is_in_place_now_as_before() {
    let undone = [unbind(), attach()];
    let now = outcome_texts(&undone);
    let what = format!("Now: {}.", outcomes(&undone));
    let nothing = "Nothing had changed, so nothing needed undoing.";
    let code = "InvalidParameter".to_string();
    let cases = [
        (
            RunMessage::Cancelled { now: now.clone() },
            format!("Cancelled; the completed steps were rolled back. {what}"),
        ),
        (
            RunMessage::CancelledNothing,
            format!("Cancelled; the completed steps were rolled back. {nothing}"),
        ),
        (
            RunMessage::RolledBackAutomatically {
                code: code.clone(),
                now: now.clone(),
            },
            format!("Rolled back automatically after {code} failed. {what}"),
        ),
        (
            RunMessage::RolledBackAutomaticallyNothing { code: code.clone() },
            format!("Rolled back automatically after {code} failed. {nothing}"),
        ),
        (
            RunMessage::RolledBackAsRequested {
                code: code.clone(),
                now: now.clone(),
            },
            format!("Rolled back as requested after {code} failed. {what}"),
        ),
        (
            RunMessage::RolledBackAsRequestedNothing { code: code.clone() },
            format!("Rolled back as requested after {code} failed. {nothing}"),
        ),
        (
            RunMessage::RolledBack { now },
            format!("Rolled back. {what}"),
        ),
        (
            RunMessage::RolledBackNothing,
            format!("Rolled back. {nothing}"),
        ),
    ];
    for (message, english) in cases {
        assert_eq!(message.english(), english);
    }
    assert_eq!(
        what,
        format!("Now: {EIP} is unbound from {ENI} again; {ENI} is attached to {I} again.")
    );
}

#[test]
fn outcomes_read_as_before() {
    let allow = StepAction::AuthorizeIngress {
        rule: rule("TCP", "22/22"),
    };
    let ping = StepAction::RevokeIngress {
        rule: rule("ICMP", "-1/-1"),
    };
    let bind = StepAction::Associate {
        eip: AllocationId::parse(EIP).unwrap(),
        target: ENI.into(),
        target_type: "NetworkInterface".into(),
        mode: BindMode::Nat,
        private_ip: None,
    };
    let tag = StepAction::Lifecycle(crate::lifecycle::LifecycleAction::Tag {
        kind: crate::lifecycle::TagKind::Eip,
        ids: vec![EIP.into(), "eip-2".into(), "eip-3".into()],
        tags: vec![("env".into(), "prod".into())],
    });
    let untag = StepAction::Lifecycle(crate::lifecycle::LifecycleAction::Untag {
        kind: crate::lifecycle::TagKind::Eip,
        ids: vec![EIP.into()],
        keys: vec!["env".into(), "team".into()],
    });
    let english = |a: &StepAction, again| crate::binding::outcome::outcome(a, again).unwrap();
    assert_eq!(
        english(&allow, true),
        "TCP 22/22 from 203.0.113.0/24 in sg-bp1 is allowed again"
    );
    assert_eq!(
        english(&ping, false),
        "ICMP (ping) from 203.0.113.0/24 in sg-bp1 is removed"
    );
    assert_eq!(
        english(&bind, false),
        format!("{EIP} is bound to {ENI} in NAT mode")
    );
    assert_eq!(
        english(&tag, true),
        format!("{EIP} and 2 more carry env=prod again")
    );
    assert_eq!(
        english(&untag, true),
        format!("{EIP} no longer carry env, team")
    );
}

#[test]
fn guest_lines_read_as_before() {
    let instance = I.to_string();
    let not_configured = format!(
        "the guest OS was not configured. Follow the instructions to enable DHCP on the NIC with MAC {MAC}."
    );
    let cases = [
        (
            GuestNote::Offline {
                instance: instance.clone(),
                left: LeftUndone::NotConfigured { mac: MAC.into() },
            },
            format!("Cloud Assistant is not online on {I}, so {not_configured}"),
        ),
        (
            GuestNote::StatusUnread {
                instance: instance.clone(),
                code: "Throttling".into(),
                left: LeftUndone::StillInGuest { mac: MAC.into() },
            },
            format!(
                "Cloud Assistant's status of {I} could not be read (Throttling), so the DHCP \
                 configuration of the NIC with MAC {MAC} is still in the guest: {}.",
                manual_revert(OsFamily::Ubuntu)
            ),
        ),
        (
            GuestNote::WentOffline {
                instance: instance.clone(),
                info: "the agent stopped".into(),
                left: LeftUndone::StillInGuestWindows { mac: MAC.into() },
            },
            format!(
                "Cloud Assistant went offline on {I} (the agent stopped), so the DHCP \
                 configuration of the NIC with MAC {MAC} is still in the guest: {}.",
                manual_revert(OsFamily::Windows)
            ),
        ),
        (
            GuestNote::Removed {
                mac: MAC.into(),
                instance,
            },
            format!("DHCP configuration removed from the NIC with MAC {MAC} in {I}."),
        ),
        (
            GuestNote::NothingChanged,
            "Nothing to restore: no script changed the guest.".into(),
        ),
        (
            GuestNote::NothingRan,
            "Nothing to restore: no script ran.".into(),
        ),
        (
            GuestNote::Verbatim {
                text: "An old line.".into(),
            },
            "An old line.".into(),
        ),
        (
            GuestNote::Verified {
                verified: VerifiedText::Verified {
                    ip: "47.98.28.21".into(),
                    interface: "eth1".into(),
                    mac: MAC.into(),
                },
            },
            format!("EIP 47.98.28.21 verified on eth1 (MAC {MAC})."),
        ),
    ];
    for (note, english) in cases {
        assert_eq!(note.english(), english);
    }
}

#[test]
fn a_completed_run_lists_its_lines_in_order_once_then_the_switch_note() {
    let verified = GuestNote::Verified {
        verified: VerifiedText::Verified {
            ip: "47.98.28.21".into(),
            interface: "eth1".into(),
            mac: MAC.into(),
        },
    };
    let removed = GuestNote::Removed {
        mac: MAC.into(),
        instance: I.into(),
    };
    let switched = PlanNote::SwitchedToNatUnattached {
        ip: "47.98.28.21".into(),
        eni: ENI.into(),
    };
    let message = RunMessage::completed(
        vec![verified.clone(), removed.clone(), verified.clone()],
        Some(switched.clone()),
    );
    // Sorted by English, as the journal's set of lines always was.
    let mut lines = [verified.english(), removed.english()];
    lines.sort();
    assert_eq!(
        message.english(),
        format!(
            "Completed and verified. {} {} {}",
            lines[0],
            lines[1],
            switched.english()
        )
    );
    assert_eq!(RunMessage::completed(vec![], None), RunMessage::Completed);
}

#[test]
fn messages_round_trip_through_json() {
    let message = RunMessage::UndoFailed {
        step: unbind().title_text(),
        code: "IncorrectStatus".into(),
        message: "busy".into(),
    };
    let json = serde_json::to_string(&message).unwrap();
    assert!(
        json.starts_with(r#"{"key":"undoFailed","step":{"key":"unbind""#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<RunMessage>(&json).unwrap(), message);
    let completed = RunMessage::completed(
        vec![GuestNote::Offline {
            instance: I.into(),
            left: LeftUndone::NotConfigured { mac: MAC.into() },
        }],
        None,
    );
    let json = serde_json::to_string(&completed).unwrap();
    assert_eq!(
        serde_json::from_str::<RunMessage>(&json).unwrap(),
        completed
    );
}
