//! One step's mechanics, the same for doing and undoing: read the real state first (a resumed
//! step never acts twice), send the call with its journaled ClientToken (journal before and
//! after, audit log after), retry retryable failures within a deadline, and poll with backoff
//! until the expected state holds.

use super::WorkflowError;
use super::engine::Engine;
use super::observe::{Observation, StateCheck, Verdict, judge, observe};
use crate::audit::NewAuditEntry;
use crate::binding::calls::Prepared;
use crate::binding::{Expectation, StepAction};
use crate::error::{ErrorDto, ErrorHint, ErrorKind, ErrorText, ErrorWords};
use crate::ids::RegionId;
use crate::journal::{CallPhase, RunRecord, StepField, StepRecord, StepStatus};
use crate::text::Message;
use alicloud_api::ErrorKind as ApiKind;
use std::time::{Duration, Instant};

/// A step's outcome: `Err` is a failed step (recorded in the run), not an engine error.
pub(super) type StepOutcome = Result<Result<(), ErrorDto>, WorkflowError>;

/// The IPC shape of an API error.
pub(super) fn dto(e: alicloud_api::Error) -> ErrorDto {
    ErrorDto::from(e)
}

/// The RequestId of a failed call, when the cloud answered with one.
pub(super) fn failed_request_id(e: &alicloud_api::Error) -> Option<String> {
    e.api_error()
        .map(|a| a.request_id.clone())
        .filter(|r| !r.is_empty())
}

/// How a sent call ended, as the journal and the audit log keep it.
pub(super) struct CallEnd<'a> {
    pub call_id: i64,
    pub region: &'a str,
    pub action: &'a str,
    pub params: &'a [(String, String)],
    pub request_id: Option<&'a str>,
    pub error: Option<&'a ErrorDto>,
}

impl Engine {
    /// Journals the end of a call and writes its audit entry: the same for every step kind
    /// that sends a mutating call.
    pub(super) fn finish_call(
        &self,
        run: &RunRecord,
        end: CallEnd<'_>,
    ) -> Result<(), WorkflowError> {
        self.journal
            .call_finished(end.call_id, end.request_id, end.error)?;
        self.audit.record(&NewAuditEntry {
            profile: &run.profile,
            account: run.account.as_deref(),
            region: end.region,
            action: end.action,
            params: end.params,
            request_id: end.request_id,
            error: end.error,
            run_id: Some(&run.id),
        })?;
        Ok(())
    }
}

pub(super) fn retryable(kind: ApiKind) -> bool {
    matches!(
        kind,
        ApiKind::Throttling | ApiKind::Transient | ApiKind::Transport
    )
}

/// A step's state error: its message as a message key, the English beside it.
fn state_error_text(code: &str, text: ErrorText) -> ErrorDto {
    ErrorDto {
        kind: ErrorKind::InvalidState,
        code: code.into(),
        message: text.english(),
        request_id: None,
        hint: Some(ErrorHint::StepState.english()),
        words: Some(Box::new(ErrorWords {
            message: Some(text),
            hint: Some(ErrorHint::StepState),
        })),
        ..Default::default()
    }
}

impl Engine {
    fn backoff(&self, attempt: u32) -> Duration {
        let factor = 1u32 << attempt.min(8);
        (self.config.poll_initial * factor).min(self.config.poll_max)
    }

    /// Reads the state, retrying read failures that are retryable until the call deadline.
    pub(super) async fn look(
        &self,
        region: &RegionId,
        expectation: &Expectation,
    ) -> Result<(Verdict, Observation), ErrorDto> {
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            match observe(&self.client, region, expectation).await {
                Ok(o) => return Ok((judge(expectation, &o), o)),
                Err(e) if retryable(e.kind()) && started.elapsed() < self.config.call_deadline => {
                    attempt += 1;
                    tokio::time::sleep(self.backoff(attempt)).await;
                }
                Err(e) => return Err(dto(e)),
            }
        }
    }

    /// Does (or undoes) one step: `action` is the step's action or its undo.
    pub(super) async fn execute(
        &self,
        run: &RunRecord,
        step: &StepRecord,
        action: &StepAction,
        phase: CallPhase,
    ) -> StepOutcome {
        let region = &run.plan.region;
        // What earlier steps created replaces their placeholders (see `lifecycle::created`).
        let created = crate::lifecycle::created::created_ids(&self.journal.steps(&run.id)?);
        let resolved = crate::lifecycle::created::resolve(action, &created);
        let action = &resolved;
        if crate::binding::guest_steps::is_guest(action) {
            return self.guest_step(run, step, action, phase).await;
        }
        if matches!(
            action,
            StepAction::AuthorizeIngress { .. } | StepAction::RevokeIngress { .. }
        ) {
            return self.access_step(run, step, action, phase).await;
        }
        if let StepAction::Verify { checks } = action {
            return Ok(self.verify(region, checks).await);
        }
        let Some(mut expectation) = action.expectation().into_iter().next() else {
            return Ok(Ok(()));
        };
        match self.look(region, &expectation).await {
            Ok((Verdict::Holds, _)) => return Ok(Ok(())),
            Ok((Verdict::InProgress, _)) => {
                return self.wait(run, step.idx, &expectation, phase).await;
            }
            Ok(_) => {}
            Err(e) => return Ok(Err(e)),
        }
        let token = if action.takes_client_token() {
            let known = match phase {
                CallPhase::Do => step.client_token.clone(),
                CallPhase::Undo => step.undo_client_token.clone(),
            };
            let token = known.unwrap_or_else(alicloud_api::client::new_client_token);
            self.journal.set_step_field(
                &run.id,
                step.idx,
                phase,
                StepField::ClientToken,
                &token,
            )?;
            Some(token)
        } else {
            None
        };
        let Some(prepared) = crate::binding::calls::prepare(action, region, token.as_deref())
        else {
            return Ok(Ok(()));
        };
        let name = action.api_action().unwrap_or_default();
        let params = prepared.params();
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let call_id = self.journal.call_started(
                &run.id,
                step.idx,
                phase,
                name,
                &params,
                token.as_deref(),
            )?;
            let (request_id, failure) = match send(&prepared, &self.client).await {
                Ok((id, made)) => {
                    if let (Some(made), Some(placeholder)) =
                        (made, crate::lifecycle::created::creates(action))
                    {
                        self.journal.set_step_field(
                            &run.id,
                            step.idx,
                            phase,
                            StepField::CreatedId,
                            &made,
                        )?;
                        let ids =
                            std::collections::HashMap::from([(placeholder.to_string(), made)]);
                        expectation = crate::lifecycle::created::resolve(&expectation, &ids);
                    }
                    (Some(id), None)
                }
                Err(e) => {
                    tracing::warn!(run = %run.id, step = step.idx, action = name, attempt, error = %e, "step call failed");
                    (failed_request_id(&e), Some((e.kind(), dto(e))))
                }
            };
            let error = failure.as_ref().map(|(_, d)| d.clone());
            self.finish_call(
                run,
                CallEnd {
                    call_id,
                    region: region.as_str(),
                    action: name,
                    params: &params,
                    request_id: request_id.as_deref(),
                    error: error.as_ref(),
                },
            )?;
            if let (Some(id), None) = (&request_id, &error) {
                self.journal
                    .set_step_field(&run.id, step.idx, phase, StepField::RequestId, id)?;
            }
            self.emit(&run.id);
            let Some((kind, error)) = failure else { break };
            // A lost response may hide a call that did take effect: the real state decides.
            let verdict = self.look(region, &expectation).await.map(|(v, _)| v);
            if matches!(verdict, Ok(Verdict::Holds | Verdict::InProgress)) {
                break;
            }
            let again = retryable(kind)
                || (kind == ApiKind::InvalidState && matches!(verdict, Ok(Verdict::NotYetSettled)));
            if !again || started.elapsed() >= self.config.call_deadline {
                return Ok(Err(error));
            }
            tokio::time::sleep(self.backoff(attempt)).await;
        }
        self.wait(run, step.idx, &expectation, phase).await
    }

    /// Polls with backoff until `expectation` holds, the state settles elsewhere (after the
    /// grace period), or the deadline passes.
    async fn wait(
        &self,
        run: &RunRecord,
        idx: usize,
        expectation: &Expectation,
        phase: CallPhase,
    ) -> StepOutcome {
        let status = match phase {
            CallPhase::Do => StepStatus::Waiting,
            CallPhase::Undo => StepStatus::Undoing,
        };
        self.journal
            .set_step(&run.id, idx, status, Some(&expectation.describe()), None)?;
        self.emit(&run.id);
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            let (verdict, seen) = match self.look(&run.plan.region, expectation).await {
                Ok(v) => v,
                Err(e) => return Ok(Err(e)),
            };
            match verdict {
                Verdict::Holds => return Ok(Ok(())),
                Verdict::No if started.elapsed() >= self.config.settle_grace => {
                    return Ok(Err(state_error_text(
                        "StateMismatch",
                        ErrorText::StepStateMismatch {
                            expected: expectation.text(),
                            seen: seen.text(),
                        },
                    )));
                }
                _ => {}
            }
            if started.elapsed() >= self.config.wait_deadline {
                return Ok(Err(state_error_text(
                    "WaitTimeout",
                    ErrorText::StepWaitTimeout {
                        expected: expectation.text(),
                        seconds: started.elapsed().as_secs(),
                        seen: seen.text(),
                    },
                )));
            }
            attempt += 1;
            tokio::time::sleep(self.backoff(attempt)).await;
        }
    }

    /// Checks every expectation of the final state, waiting a little for stragglers.
    async fn verify(&self, region: &RegionId, checks: &[Expectation]) -> Result<(), ErrorDto> {
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            let mut wrong = Vec::new();
            for check in checks {
                let (verdict, seen) = self.look(region, check).await?;
                if verdict != Verdict::Holds {
                    wrong.push(StateCheck::Mismatch {
                        expected: check.text(),
                        seen: seen.text(),
                    });
                }
            }
            if wrong.is_empty() {
                return Ok(());
            }
            if started.elapsed() >= self.config.verify_deadline {
                return Err(state_error_text(
                    "VerificationFailed",
                    ErrorText::StepVerifyFailed { checks: wrong },
                ));
            }
            attempt += 1;
            tokio::time::sleep(self.backoff(attempt)).await;
        }
    }
}

/// Sends a step's request; returns the `RequestId` and the ID of what it created, if any.
async fn send(
    prepared: &Prepared,
    client: &alicloud_api::Client,
) -> Result<(String, Option<String>), alicloud_api::Error> {
    let response = match prepared {
        Prepared::Lifecycle(l) => return l.send(client).await,
        Prepared::Detach(r) => client.detach_network_interface(r).await?,
        Prepared::Attach(r) => client.attach_network_interface(r).await?,
        Prepared::Associate(r) => client.associate_eip_address(r).await?,
        Prepared::Unassociate(r) => client.unassociate_eip_address(r).await?,
        Prepared::Modify(r) => client.modify_eip_forward_mode(r).await?,
    };
    Ok((response.request_id, None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::binding::BindMode;
    use crate::ids::{AllocationId, EniId};

    #[test]
    fn a_state_that_did_not_come_is_a_message_key_with_the_english_of_before() {
        let expectation = Expectation::EipBound {
            eip: AllocationId::parse("eip-1").unwrap(),
            target: "eni-1".into(),
            mode: BindMode::CutThrough,
        };
        let seen = Observation::Eip {
            status: "InUse".into(),
            instance_id: "i-9".into(),
            mode: "NAT".into(),
        };
        let dto = state_error_text(
            "StateMismatch",
            ErrorText::StepStateMismatch {
                expected: expectation.text(),
                seen: seen.text(),
            },
        );
        assert_eq!(
            dto.message,
            format!(
                "Expected {}, but it is {}.",
                expectation.describe(),
                seen.describe()
            )
        );
        assert_eq!(seen.describe(), "InUse, NAT on i-9");
        let json = serde_json::to_value(&dto).unwrap();
        assert_eq!(
            json["words"]["message"],
            serde_json::json!({
                "key": "stepStateMismatch",
                "expected": { "key": "eipBound", "eip": "eip-1", "mode": "BINDED" },
                "seen": { "key": "eipOn", "status": "InUse", "mode": "NAT", "instance": "i-9" },
            })
        );

        let gone = Expectation::EniDetached {
            eni: EniId::parse("eni-1").unwrap(),
        };
        let dto = state_error_text(
            "WaitTimeout",
            ErrorText::StepWaitTimeout {
                expected: gone.text(),
                seconds: 300,
                seen: Observation::Missing.text(),
            },
        );
        assert_eq!(
            dto.message,
            format!(
                "Gave up waiting for {} after 300 s; it is not found.",
                gone.describe()
            )
        );
        assert!(dto.words.unwrap().message.is_some());

        let dto = state_error_text(
            "VerificationFailed",
            ErrorText::StepVerifyFailed {
                checks: vec![
                    StateCheck::Mismatch {
                        expected: expectation.text(),
                        seen: seen.text(),
                    },
                    StateCheck::Mismatch {
                        expected: gone.text(),
                        seen: Observation::Missing.text(),
                    },
                ],
            },
        );
        assert_eq!(
            dto.message,
            format!(
                "The final state is not as planned: expected {}, found {}; expected {}, found not found.",
                expectation.describe(),
                seen.describe(),
                gone.describe()
            )
        );
        assert_eq!(
            serde_json::to_value(&dto).unwrap()["words"]["message"]["checks"][1],
            serde_json::json!({
                "key": "mismatch",
                "expected": { "key": "eniAvailable", "eni": "eni-1" },
                "seen": { "key": "missing" },
            })
        );
    }
}
