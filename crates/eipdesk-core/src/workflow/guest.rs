//! The guest steps (`binding::guest_steps`) run by the engine through Cloud Assistant: check
//! the agent, send the script with a journaled ClientToken, journal the `InvokeId` as soon as
//! it returns, poll `DescribeInvocationResults` until the script ends, keep its status, exit
//! code and (bounded) output in the journal, and judge the result (the verification reads the
//! guest's own JSON). A resumed step never sends its script twice: with an `InvokeId` it polls
//! that invocation; with only a ClientToken it sends again with the same token, which the
//! cloud answers with the first `InvokeId`. An offline agent is not a failure: the step is
//! skipped, says why, and the run ends with the instructions.

use super::WorkflowError;
use super::engine::Engine;
use super::step::{CallEnd, StepOutcome, dto, failed_request_id, retryable};
use crate::binding::StepAction;
use crate::binding::guest_steps::GuestTarget;
use crate::binding::step_text::WaitText;
use crate::error::{ErrorDto, ErrorHint, ErrorKind, ErrorText};
use crate::guest_os::OsFamily;
use crate::guest_os::scripts::{ScriptOp, script};
use crate::guest_os::verify;
use crate::journal::guest::GuestInvocation;
use crate::journal::{CallPhase, RunRecord, StepRecord, StepStatus};
use crate::workflow::guest_view::VerifiedText;
use crate::workflow::run_text::{GuestNote, LeftUndone, RunMessage};
use alicloud_api::ecs::{
    DescribeCloudAssistantStatusRequest, DescribeInvocationResultsRequest, InvocationResult,
    RunCommandRequest,
};
use std::time::{Duration, Instant};

/// `Timeout` of every guest script, seconds.
pub const SCRIPT_TIMEOUT_S: u32 = 60;

/// A failed guest step: its message and the retry hint, in English and as message keys.
fn guest_error(code: &str, text: ErrorText) -> ErrorDto {
    ErrorDto::worded(ErrorKind::InvalidState, code, text, ErrorHint::GuestRetry)
}

/// The last lines of an output, for an error message.
fn tail(output: &str) -> String {
    let lines: Vec<&str> = output.trim_end().lines().collect();
    let start = lines.len().saturating_sub(5);
    lines[start..].join("\n")
}

/// How a script run ended, as the engine judges it.
enum Ended {
    Ok(InvocationResult),
    Skipped(GuestNote),
    Failed(ErrorDto),
}

impl Engine {
    /// The message of a completed run: what the guest steps found or why they were skipped,
    /// and for a switch of binding mode what changed inside the guest OS.
    pub(super) fn completion_message(&self, run: &RunRecord) -> Result<RunMessage, WorkflowError> {
        let rows = self.journal.guest_invocations(&run.id)?;
        let said: Vec<GuestNote> = rows
            .iter()
            .filter(|r| r.phase == "do")
            .filter_map(|r| r.summary_text.clone().or_else(|| r.note_text.clone()))
            .collect();
        let switched = crate::binding::guide_notes::switch_mode_guest_note(&run.plan, true);
        Ok(RunMessage::completed(said, switched))
    }

    /// Does (or undoes) one guest step.
    pub(super) async fn guest_step(
        &self,
        run: &RunRecord,
        step: &StepRecord,
        action: &StepAction,
        phase: CallPhase,
    ) -> StepOutcome {
        let (guest, op, metric) = match action {
            StepAction::GuestConfigure { guest, metric } => (guest, ScriptOp::Configure, *metric),
            StepAction::GuestVerify { guest } => (guest, ScriptOp::Verify, None),
            StepAction::GuestRevert { guest } => (guest, ScriptOp::Revert, None),
            _ => return Ok(Ok(())),
        };
        let idx = step.idx;
        if let Some(note) = self.earlier_skip(run, idx, phase)? {
            self.journal.guest_skipped(&run.id, idx, phase, &note)?;
            self.emit(&run.id);
            return Ok(Ok(()));
        }
        let known = self.journal.guest_invocation(&run.id, idx, phase)?;
        let invoke_id = match known {
            Some(GuestInvocation { note: Some(_), .. }) => return Ok(Ok(())),
            Some(GuestInvocation {
                invoke_id: Some(id),
                status,
                ..
            }) if !ended_badly(status.as_deref()) => id,
            Some(GuestInvocation {
                invoke_id: None,
                client_token,
                ..
            }) if !client_token.is_empty() => {
                match self
                    .send(run, idx, phase, guest, op, metric, &client_token)
                    .await?
                {
                    Ok(id) => id,
                    Err(e) => return Ok(Err(e)),
                }
            }
            _ => {
                if let Some(reason) = self.agent_offline(run, guest, op).await? {
                    self.journal.guest_skipped(&run.id, idx, phase, &reason)?;
                    self.emit(&run.id);
                    return Ok(Ok(()));
                }
                let token = alicloud_api::client::new_client_token();
                self.journal.guest_begin(&run.id, idx, phase, &token)?;
                match self
                    .send(run, idx, phase, guest, op, metric, &token)
                    .await?
                {
                    Ok(id) => id,
                    Err(e) => return Ok(Err(e)),
                }
            }
        };
        let result = match self.poll(run, idx, phase, guest, op, &invoke_id).await? {
            Ended::Ok(result) => result,
            Ended::Skipped(reason) => {
                self.journal.guest_skipped(&run.id, idx, phase, &reason)?;
                self.emit(&run.id);
                return Ok(Ok(()));
            }
            Ended::Failed(e) => return Ok(Err(e)),
        };
        if op == ScriptOp::Revert {
            let summary = GuestNote::Removed {
                mac: guest.mac.clone(),
                instance: guest.instance.to_string(),
            };
            self.journal.guest_summary(&run.id, idx, phase, &summary)?;
            self.emit(&run.id);
        }
        if op != ScriptOp::Verify {
            return Ok(Ok(()));
        }
        let output = result.output_text();
        match verify::check(guest.os, &output, &guest.nic()) {
            Ok(v) => {
                let summary = GuestNote::Verified {
                    verified: VerifiedText::new(&guest.eip_address, &v),
                };
                self.journal.guest_summary(&run.id, idx, phase, &summary)?;
                self.emit(&run.id);
                Ok(Ok(()))
            }
            Err(e) => Ok(Err(guest_error(
                "GuestVerificationFailed",
                ErrorText::GuestNotVerified {
                    detail: e.to_string(),
                },
            ))),
        }
    }

    /// A guest step whose configure step was skipped (or, when undoing, never ran a script)
    /// is skipped too, for the same reason.
    fn earlier_skip(
        &self,
        run: &RunRecord,
        idx: usize,
        phase: CallPhase,
    ) -> Result<Option<GuestNote>, WorkflowError> {
        let rows = self.journal.guest_invocations(&run.id)?;
        if phase == CallPhase::Undo {
            let done = rows.iter().find(|r| r.step_idx == idx && r.phase == "do");
            return Ok(match done {
                None => Some(GuestNote::NothingChanged),
                Some(r) if r.invoke_id.is_none() => {
                    Some(r.note_text.clone().unwrap_or(GuestNote::NothingRan))
                }
                Some(_) => None,
            });
        }
        Ok(rows
            .iter()
            .find(|r| r.step_idx < idx && r.phase == "do" && r.note_text.is_some())
            .and_then(|r| r.note_text.clone()))
    }

    /// Why the guest cannot be reached, when it cannot.
    async fn agent_offline(
        &self,
        run: &RunRecord,
        guest: &GuestTarget,
        op: ScriptOp,
    ) -> Result<Option<GuestNote>, WorkflowError> {
        let mut req = DescribeCloudAssistantStatusRequest::new(run.plan.region.as_str());
        req.instance_ids = vec![guest.instance.to_string()];
        let status = match self.client.describe_cloud_assistant_status(&req).await {
            Ok(s) => s,
            Err(e) => {
                return Ok(Some(GuestNote::StatusUnread {
                    instance: guest.instance.to_string(),
                    code: dto(e).code,
                    left: left_undone(op, guest),
                }));
            }
        };
        let online = status
            .instance_cloud_assistant_status_set
            .instance_cloud_assistant_status
            .iter()
            .any(|s| s.instance_id == guest.instance.as_str() && s.online());
        Ok((!online).then(|| GuestNote::Offline {
            instance: guest.instance.to_string(),
            left: left_undone(op, guest),
        }))
    }

    /// Sends the script (journaled before and after, audited), retrying transient failures
    /// with the same ClientToken; returns the `InvokeId`, journaled.
    #[allow(clippy::too_many_arguments)]
    async fn send(
        &self,
        run: &RunRecord,
        idx: usize,
        phase: CallPhase,
        guest: &GuestTarget,
        op: ScriptOp,
        metric: Option<u32>,
        token: &str,
    ) -> Result<Result<String, ErrorDto>, WorkflowError> {
        let region = run.plan.region.as_str();
        let s = script(guest.os, op, &guest.nic(), metric);
        let mut req =
            RunCommandRequest::script(region, s.command_type, &s.content, guest.instance.as_str());
        req.timeout = Some(SCRIPT_TIMEOUT_S);
        req.name = Some(format!("eipdesk-{}", run.id));
        req.client_token = Some(token.to_string());
        let params = req.to_params();
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let call = self.journal.call_started(
                &run.id,
                idx,
                phase,
                "RunCommand",
                &params,
                Some(token),
            )?;
            let (request_id, outcome) = match self.client.run_command(&req).await {
                Ok(r) => (Some(r.request_id.clone()), Ok(r.invoke_id)),
                Err(e) => (failed_request_id(&e), Err((e.kind(), dto(e)))),
            };
            let error = outcome.as_ref().err().map(|(_, d)| d.clone());
            self.finish_call(
                run,
                CallEnd {
                    call_id: call,
                    region,
                    action: "RunCommand",
                    params: &params,
                    request_id: request_id.as_deref(),
                    error: error.as_ref(),
                },
            )?;
            match outcome {
                Ok(invoke_id) => {
                    self.journal.guest_sent(&run.id, idx, phase, &invoke_id)?;
                    self.emit(&run.id);
                    return Ok(Ok(invoke_id));
                }
                Err((kind, e)) => {
                    if !retryable(kind) || started.elapsed() >= self.config.call_deadline {
                        return Ok(Err(e));
                    }
                }
            }
            tokio::time::sleep(self.config.poll_initial * attempt.min(8)).await;
        }
    }

    /// Polls the invocation until the script ends, journaling what it sees.
    async fn poll(
        &self,
        run: &RunRecord,
        idx: usize,
        phase: CallPhase,
        guest: &GuestTarget,
        op: ScriptOp,
        invoke_id: &str,
    ) -> Result<Ended, WorkflowError> {
        let status = match phase {
            CallPhase::Do => StepStatus::Waiting,
            CallPhase::Undo => StepStatus::Undoing,
        };
        let waiting = crate::binding::step_text::english(&WaitText::Script {
            invoke_id: invoke_id.to_string(),
            instance: guest.instance.to_string(),
        });
        self.journal
            .set_step(&run.id, idx, status, Some(&waiting), None)?;
        self.emit(&run.id);
        let deadline = self.config.wait_deadline + Duration::from_secs(u64::from(SCRIPT_TIMEOUT_S));
        let started = Instant::now();
        let mut last = String::new();
        let mut pause = self.config.poll_initial;
        loop {
            let mut req = DescribeInvocationResultsRequest::new(run.plan.region.as_str());
            req.invoke_id = Some(invoke_id.to_string());
            req.instance_id = Some(guest.instance.to_string());
            match self.client.describe_invocation_results(&req).await {
                Ok(page) => {
                    if let Some(r) = page
                        .invocation
                        .invocation_results
                        .invocation_result
                        .into_iter()
                        .next()
                    {
                        if r.invocation_status != last || r.ended() {
                            last.clone_from(&r.invocation_status);
                            self.journal.guest_result(
                                &run.id,
                                idx,
                                phase,
                                &r.invocation_status,
                                r.exit_code,
                                &r.output_text(),
                            )?;
                            self.emit(&run.id);
                        }
                        if r.ended() {
                            return Ok(judge(r, guest, op));
                        }
                    }
                }
                Err(e) if retryable(e.kind()) => {}
                Err(e) => return Ok(Ended::Failed(dto(e))),
            }
            if started.elapsed() >= deadline {
                return Ok(Ended::Failed(guest_error(
                    "GuestScriptTimeout",
                    ErrorText::GuestScriptNoEnd {
                        invoke_id: invoke_id.to_string(),
                        seconds: deadline.as_secs(),
                        status: if last.is_empty() { "unknown" } else { &last }.to_string(),
                    },
                )));
            }
            tokio::time::sleep(pause).await;
            pause = (pause * 2).min(self.config.poll_max);
        }
    }
}

/// What a skipped script leaves for the user to do, by what it would have done.
fn left_undone(op: ScriptOp, guest: &GuestTarget) -> LeftUndone {
    let mac = guest.mac.clone();
    match op {
        ScriptOp::Revert if guest.os == OsFamily::Windows => {
            LeftUndone::StillInGuestWindows { mac }
        }
        ScriptOp::Revert => LeftUndone::StillInGuest { mac },
        ScriptOp::Configure | ScriptOp::Verify => LeftUndone::NotConfigured { mac },
    }
}

/// Whether a journaled status is the end of a script that did not succeed (a retry then
/// sends a new script; a pending, running or successful one is polled or judged again).
fn ended_badly(status: Option<&str>) -> bool {
    status.is_some_and(|s| {
        !matches!(
            s,
            "Pending" | "Running" | "Scheduled" | "Stopping" | "Success"
        )
    })
}

/// What an ended invocation means for the step.
fn judge(r: InvocationResult, guest: &GuestTarget, op: ScriptOp) -> Ended {
    let output = r.output_text();
    match r.invocation_status.as_str() {
        "Success" => Ended::Ok(r),
        "Failed" => Ended::Failed(guest_error(
            "GuestScriptFailed",
            ErrorText::GuestScriptFailed {
                instance: guest.instance.to_string(),
                exit_code: r.exit_code,
                output: tail(&output),
            },
        )),
        "Timeout" => Ended::Failed(guest_error(
            "GuestScriptTimeout",
            ErrorText::GuestScriptStopped {
                instance: guest.instance.to_string(),
                seconds: SCRIPT_TIMEOUT_S,
                output: tail(&output),
            },
        )),
        "Aborted" if r.error_code == "ClientNotRunning" => Ended::Skipped(GuestNote::WentOffline {
            instance: guest.instance.to_string(),
            info: r.error_info.clone(),
            left: left_undone(op, guest),
        }),
        other => Ended::Failed(guest_error(
            "GuestScriptNotRun",
            ErrorText::GuestScriptNotRun {
                instance: guest.instance.to_string(),
                status: other.to_string(),
                error_code: r.error_code.clone(),
                error_info: r.error_info.clone(),
            },
        )),
    }
}

#[cfg(test)]
mod words_tests {
    use super::*;

    #[test]
    fn a_failed_script_carries_its_words_and_keeps_its_english() {
        let dto = guest_error(
            "GuestScriptFailed",
            ErrorText::GuestScriptFailed {
                instance: "i-1".into(),
                exit_code: 2,
                output: "line 1\nline 2".into(),
            },
        );
        assert_eq!(
            dto.message,
            "The script in i-1 exited with code 2. Output:\nline 1\nline 2"
        );
        assert_eq!(
            dto.hint.as_deref(),
            Some(
                "Read the output, fix the cause in the guest, then retry the step; or roll back \
                 to undo the binding."
            )
        );
        let words = dto.words.unwrap();
        assert_eq!(words.hint, Some(ErrorHint::GuestRetry));
        assert!(matches!(
            words.message,
            Some(ErrorText::GuestScriptFailed { .. })
        ));
    }
}
