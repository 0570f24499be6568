//! Configuration: the seed to load, the state file, transition delays, extra accounts,
//! throttles, STS token lifetime override, timestamp window, the cut-through region list and
//! connection limits; and the crate's error type.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::accounts::AccountSpec;
use crate::throttle::ThrottleRule;

/// Which resources to start with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Seed {
    /// Accounts exist but own nothing.
    Empty,
    /// The deterministic demo data set (see the crate docs for its key IDs).
    #[default]
    Demo,
    /// `N` EIPs, `N` ENIs and `N/2` instances in each of the 15 regions, for benchmarks.
    Scale(usize),
}

impl FromStr for Seed {
    type Err = EmulatorError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        match s.to_ascii_lowercase().as_str() {
            "demo" => Ok(Self::Demo),
            "empty" => Ok(Self::Empty),
            other => other
                .strip_prefix("scale:")
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|n| *n <= 1_000_000)
                .map(Self::Scale)
                .ok_or_else(|| {
                    EmulatorError::Config(format!("unknown seed {s:?} (demo | empty | scale:N)"))
                }),
        }
    }
}

impl std::fmt::Display for Seed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Empty => f.write_str("empty"),
            Self::Demo => f.write_str("demo"),
            Self::Scale(n) => write!(f, "scale:{n}"),
        }
    }
}

/// How long each asynchronous transition takes, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Delays {
    /// EIP Associating → InUse.
    pub associate_ms: u64,
    /// EIP Unassociating → Available.
    pub unassociate_ms: u64,
    /// EIP Releasing → gone.
    pub release_ms: u64,
    /// ENI Attaching → InUse.
    pub attach_ms: u64,
    /// ENI Detaching → Available.
    pub detach_ms: u64,
    /// ENI Deleting → gone.
    pub delete_eni_ms: u64,
    /// Each phase of a Cloud Assistant invocation (Pending, then Running).
    pub command_ms: u64,
}

impl Delays {
    /// Every transition takes `ms`.
    pub const fn uniform(ms: u64) -> Self {
        Self {
            associate_ms: ms,
            unassociate_ms: ms,
            release_ms: ms,
            attach_ms: ms,
            detach_ms: ms,
            delete_eni_ms: ms,
            command_ms: ms,
        }
    }
}

impl Default for Delays {
    /// 300 ms each: short, yet clients must poll.
    fn default() -> Self {
        Self::uniform(300)
    }
}

/// Connection hygiene of the TCP server ([`crate::start`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// Longest time to receive a request's headers (default 10 s).
    pub header_timeout: Duration,
    /// A connection with no bytes read or written for this long is closed (default 60 s).
    pub idle_timeout: Duration,
    /// Longest time to receive a request's body (default 30 s).
    pub body_timeout: Duration,
    /// Open connections at most; beyond, new ones get a 503 and are closed (default 512).
    pub max_connections: usize,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self {
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
            body_timeout: Duration::from_secs(30),
            max_connections: 512,
        }
    }
}

/// Everything [`crate::start`] needs.
#[derive(Debug, Clone, Default)]
pub struct EmulatorConfig {
    /// Initial resources (default: demo). Ignored when `state_file` exists.
    pub seed: Seed,
    /// Restore from this file on start (if it exists) and save every change to it.
    pub state_file: Option<PathBuf>,
    /// Transition delays.
    pub delays: Delays,
    /// Seed of the fault-injection random generator (also salts runtime IDs).
    pub rng_seed: u64,
    /// Accounts in addition to the two demo accounts.
    pub extra_accounts: Vec<AccountSpec>,
    /// Initial throttling rules.
    pub throttles: Vec<ThrottleRule>,
    /// When set, every issued STS token lives this long, whatever `DurationSeconds` says.
    pub sts_token_lifetime: Option<Duration>,
    /// Allowed request-timestamp skew (default 15 minutes).
    pub timestamp_window: Option<Duration>,
    /// Regions that accept `Mode=BINDED` (default: the 13 regions of the official guide).
    pub cut_through_regions: Option<Vec<String>>,
    /// Timeouts and the connection cap.
    pub connections: ConnectionLimits,
}

/// Errors of starting, loading or saving.
#[derive(Debug, thiserror::Error)]
pub enum EmulatorError {
    /// Bad configuration.
    #[error("invalid configuration: {0}")]
    Config(String),
    /// Socket or file I/O.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// A state file or snapshot could not be read.
    #[error("invalid state: {0}")]
    State(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_parse() {
        assert_eq!("demo".parse::<Seed>().unwrap(), Seed::Demo);
        assert_eq!("EMPTY".parse::<Seed>().unwrap(), Seed::Empty);
        assert_eq!("scale:250".parse::<Seed>().unwrap(), Seed::Scale(250));
        assert!("scale:".parse::<Seed>().is_err());
        assert!("other".parse::<Seed>().is_err());
        assert_eq!(Seed::Scale(3).to_string(), "scale:3");
        assert_eq!(EmulatorConfig::default().seed, Seed::Demo);
    }

    #[test]
    fn delays_default_short() {
        assert_eq!(Delays::default().attach_ms, 300);
        let d: Delays = serde_json::from_str(r#"{"attach_ms": 5}"#).unwrap();
        assert_eq!(d.attach_ms, 5);
        assert_eq!(d.detach_ms, 300);
    }
}
