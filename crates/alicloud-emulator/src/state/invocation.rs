//! Cloud Assistant invocations (one per `RunCommand` on one instance): what was sent, what the
//! guest answered, and the status timeline read lazily from the emulator clock: `Pending`
//! for one command delay, `Running` for another, then `Success` / `Failed` (exit code ≠ 0);
//! a script that hangs stays `Running` until its `Timeout` and ends `Timeout`; an invocation
//! the agent never received ends `Aborted` after one delay.

use serde::{Deserialize, Serialize};

use super::table::Keyed;

/// How the guest ended the script (decided when it was sent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Outcome {
    /// Ran to the end.
    Exited {
        /// Exit code.
        exit_code: i64,
        /// stdout and stderr.
        output: String,
    },
    /// Never finished.
    Hung,
    /// Never delivered (`ErrorCode`, `ErrorInfo`).
    Aborted {
        /// e.g. `ClientNotRunning`.
        error_code: String,
        /// e.g. `the aliyun service is not running on the instance`.
        error_info: String,
    },
    /// Not applicable to the instance (`Invalid`).
    Invalid {
        /// `ErrorCode`.
        error_code: String,
        /// `ErrorInfo`.
        error_info: String,
    },
}

/// One invocation on one instance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invocation {
    /// `t-…`.
    pub id: String,
    /// `c-…`.
    pub command_id: String,
    /// The instances, each with how its guest ended the script.
    pub targets: Vec<Target>,
    /// `Name`.
    pub name: String,
    /// `Description`.
    pub description: String,
    /// `RunShellScript`, `RunPowerShellScript`, `RunBatScript`.
    pub command_type: String,
    /// The script, decoded.
    pub content: String,
    /// `Timeout`, seconds.
    pub timeout_s: u64,
    /// `Username`.
    pub username: String,
    /// `WorkingDir`.
    pub working_dir: String,
    /// Sent at, epoch ms.
    pub created_ms: i64,
    /// Length of each phase (Pending, Running), ms.
    pub phase_ms: u64,
}

/// One instance of an invocation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// The instance.
    pub instance_id: String,
    /// How its guest ended the script.
    pub outcome: Outcome,
}

impl Keyed for Invocation {
    fn key(&self) -> &str {
        &self.id
    }
}

/// An invocation's state at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// Per-instance `InvocationStatus`.
    pub invocation_status: &'static str,
    /// Per-instance `InvokeRecordStatus` (`Running`, `Finished`, `Failed`).
    pub record_status: &'static str,
    /// Overall `InvokeStatus` (`Running`, `Finished`, `Failed`).
    pub invoke_status: &'static str,
    /// `StartTime`, epoch ms, once running.
    pub start_ms: Option<i64>,
    /// `FinishedTime`, epoch ms, once ended.
    pub finished_ms: Option<i64>,
    /// `ExitCode` (0 until ended).
    pub exit_code: i64,
    /// `Output` so far (the whole output once ended, empty before).
    pub output: String,
    /// `ErrorCode`.
    pub error_code: String,
    /// `ErrorInfo`.
    pub error_info: String,
}

impl Invocation {
    /// The overall `(InvocationStatus, InvokeStatus)` at `now_ms`.
    pub fn overall(&self, now_ms: i64) -> (&'static str, &'static str) {
        let all: Vec<Status> = self
            .targets
            .iter()
            .map(|t| self.status(&t.outcome, now_ms))
            .collect();
        let any = |s: &str| all.iter().any(|x| x.invocation_status == s);
        if any("Pending") {
            return ("Pending", "Running");
        }
        if any("Running") {
            return ("Running", "Running");
        }
        let ok = all
            .iter()
            .filter(|x| x.invocation_status == "Success")
            .count();
        match ok {
            n if n == all.len() => ("Success", "Finished"),
            0 => ("Failed", "Failed"),
            _ => ("PartialFailed", "PartialFailed"),
        }
    }

    /// The state of one target at `now_ms`.
    pub fn status(&self, outcome: &Outcome, now_ms: i64) -> Status {
        let phase = i64::try_from(self.phase_ms).unwrap_or(i64::MAX / 4);
        let started = self.created_ms + phase;
        let mut s = Status {
            invocation_status: "Pending",
            record_status: "Running",
            invoke_status: "Running",
            start_ms: None,
            finished_ms: None,
            exit_code: 0,
            output: String::new(),
            error_code: String::new(),
            error_info: String::new(),
        };
        match outcome {
            Outcome::Aborted {
                error_code,
                error_info,
            }
            | Outcome::Invalid {
                error_code,
                error_info,
            } => {
                if now_ms >= started {
                    s.invocation_status = if matches!(outcome, Outcome::Invalid { .. }) {
                        "Invalid"
                    } else {
                        "Aborted"
                    };
                    s.record_status = "Failed";
                    s.invoke_status = "Failed";
                    s.finished_ms = Some(started);
                    s.error_code.clone_from(error_code);
                    s.error_info.clone_from(error_info);
                }
                return s;
            }
            Outcome::Hung => {
                let timeout = self.created_ms
                    + i64::try_from(self.timeout_s.saturating_mul(1000))
                        .unwrap_or(i64::MAX / 4)
                        .max(2 * phase);
                if now_ms >= started {
                    s.invocation_status = "Running";
                    s.start_ms = Some(started);
                }
                if now_ms >= timeout {
                    s.invocation_status = "Timeout";
                    s.record_status = "Failed";
                    s.invoke_status = "Failed";
                    s.finished_ms = Some(timeout);
                    s.exit_code = -1;
                    s.error_code = "ExecutionTimeout".into();
                    s.error_info = "the command execution has been timeout".into();
                }
            }
            Outcome::Exited { exit_code, output } => {
                let ended = started + phase;
                if now_ms >= started {
                    s.invocation_status = "Running";
                    s.start_ms = Some(started);
                }
                if now_ms >= ended {
                    s.finished_ms = Some(ended);
                    s.exit_code = *exit_code;
                    s.output.clone_from(output);
                    s.record_status = "Finished";
                    if *exit_code == 0 {
                        s.invocation_status = "Success";
                        s.invoke_status = "Finished";
                    } else {
                        s.invocation_status = "Failed";
                        s.invoke_status = "Failed";
                        s.error_code = "ExitCodeNonzero".into();
                        s.error_info = "the command execution exit code is not zero".into();
                    }
                }
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inv(outcome: Outcome) -> (Invocation, Outcome) {
        let i = Invocation {
            id: "t-x".into(),
            command_id: "c-x".into(),
            targets: Vec::new(),
            name: String::new(),
            description: String::new(),
            command_type: "RunShellScript".into(),
            content: String::new(),
            timeout_s: 60,
            username: "root".into(),
            working_dir: "/root".into(),
            created_ms: 1_000,
            phase_ms: 100,
        };
        (i, outcome)
    }

    #[test]
    fn exited_goes_pending_running_then_success_or_failed() {
        let (ok, ok_o) = inv(Outcome::Exited {
            exit_code: 0,
            output: "hi".into(),
        });
        assert_eq!(ok.status(&ok_o, 1_050).invocation_status, "Pending");
        assert_eq!(ok.status(&ok_o, 1_150).invocation_status, "Running");
        assert_eq!(ok.status(&ok_o, 1_150).output, "");
        let end = ok.status(&ok_o, 1_200);
        assert_eq!(
            (
                end.invocation_status,
                end.invoke_status,
                end.output.as_str()
            ),
            ("Success", "Finished", "hi")
        );
        let (bad, bad_o) = inv(Outcome::Exited {
            exit_code: 3,
            output: String::new(),
        });
        let end = bad.status(&bad_o, 1_200);
        assert_eq!((end.invocation_status, end.exit_code), ("Failed", 3));
        assert_eq!(end.error_code, "ExitCodeNonzero");
    }

    #[test]
    fn hung_times_out_at_its_timeout() {
        let (hung, hung_o) = inv(Outcome::Hung);
        assert_eq!(hung.status(&hung_o, 60_999).invocation_status, "Running");
        let end = hung.status(&hung_o, 61_000);
        assert_eq!(
            (end.invocation_status, end.record_status),
            ("Timeout", "Failed")
        );
    }
}
