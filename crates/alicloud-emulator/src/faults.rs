//! Fault injection on demand: per action (or `*`), an error code at a rate, added latency, or
//! a dropped connection. Decisions come from a ChaCha generator seeded by the configuration,
//! so the same seed and the same call sequence inject the same faults.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::protocol::ApiError;

fn any() -> String {
    "*".to_string()
}

/// One fault rule. Every rule matching a call is applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaultRule {
    /// Action name, or `*`.
    #[serde(default = "any")]
    pub action: String,
    /// Error code to answer (e.g. `ServiceUnavailable`), at `error_rate`.
    #[serde(default)]
    pub error_code: Option<String>,
    /// HTTP status for `error_code` (default: the code's usual status).
    #[serde(default)]
    pub http_status: Option<u16>,
    /// Message for `error_code` (default: the code's usual message).
    #[serde(default)]
    pub message: Option<String>,
    /// Probability (0–1) of answering `error_code`.
    #[serde(default)]
    pub error_rate: f64,
    /// Latency added to every matching call.
    #[serde(default)]
    pub latency_ms: u64,
    /// Probability (0–1) of closing the connection without an answer.
    #[serde(default)]
    pub drop_rate: f64,
}

impl FaultRule {
    /// A rule that does nothing to calls of `action` (or `*`): the base of the constructors
    /// below, to be completed with struct update syntax.
    pub fn none(action: impl Into<String>) -> Self {
        Self {
            action: action.into(),
            error_code: None,
            http_status: None,
            message: None,
            error_rate: 0.0,
            latency_ms: 0,
            drop_rate: 0.0,
        }
    }

    /// Calls of `action` (or `*`) answer `code` (with its usual status and message) with
    /// probability `rate`.
    pub fn error(action: impl Into<String>, code: impl Into<String>, rate: f64) -> Self {
        Self {
            error_code: Some(code.into()),
            error_rate: rate,
            ..Self::none(action)
        }
    }

    /// Every call of `action` (or `*`) is answered `latency_ms` later.
    pub fn latency(action: impl Into<String>, latency_ms: u64) -> Self {
        Self {
            latency_ms,
            ..Self::none(action)
        }
    }

    /// Calls of `action` (or `*`) get their connection closed without an answer with
    /// probability `rate` (the call itself is still applied).
    pub fn drop(action: impl Into<String>, rate: f64) -> Self {
        Self {
            drop_rate: rate,
            ..Self::none(action)
        }
    }
}

/// The fault configuration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FaultConfig {
    /// Generator seed.
    #[serde(default)]
    pub seed: u64,
    /// Rules.
    #[serde(default)]
    pub rules: Vec<FaultRule>,
}

/// What to do to one call.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decision {
    /// Sleep this long before answering.
    pub latency_ms: u64,
    /// Close the connection instead of answering.
    pub drop: bool,
    /// Answer this error instead of acting.
    pub error: Option<ApiError>,
}

/// Rules and generator.
#[derive(Debug)]
pub struct Faults {
    config: FaultConfig,
    rng: ChaCha8Rng,
}

impl Default for Faults {
    fn default() -> Self {
        Self::new(FaultConfig::default())
    }
}

impl Faults {
    /// Faults from a configuration (the generator is seeded from it).
    pub fn new(config: FaultConfig) -> Self {
        Self {
            rng: ChaCha8Rng::seed_from_u64(config.seed),
            config,
        }
    }

    /// The configuration.
    pub fn config(&self) -> &FaultConfig {
        &self.config
    }

    /// Decides the fate of one call to `action`.
    pub fn decide(&mut self, action: &str) -> Decision {
        let mut decision = Decision::default();
        for rule in &self.config.rules {
            if rule.action != "*" && rule.action != action {
                continue;
            }
            decision.latency_ms += rule.latency_ms;
            if rule.drop_rate > 0.0 && self.rng.r#gen::<f64>() < rule.drop_rate {
                decision.drop = true;
            }
            if let Some(code) = &rule.error_code
                && rule.error_rate > 0.0
                && self.rng.r#gen::<f64>() < rule.error_rate
                && decision.error.is_none()
            {
                let mut e = ApiError::from_code(code, rule.http_status);
                if let Some(m) = &rule.message {
                    e.message.clone_from(m);
                }
                decision.error = Some(e);
            }
        }
        decision
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(seed: u64, rate: f64) -> FaultConfig {
        FaultConfig {
            seed,
            rules: vec![FaultRule {
                latency_ms: 5,
                ..FaultRule::error("AssociateEipAddress", "ServiceUnavailable", rate)
            }],
        }
    }

    #[test]
    fn same_seed_same_faults() {
        let run = |seed| {
            let mut f = Faults::new(config(seed, 0.5));
            (0..64)
                .map(|_| f.decide("AssociateEipAddress").error.is_some())
                .collect::<Vec<_>>()
        };
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8));
        let hits = run(7).iter().filter(|h| **h).count();
        assert!((10..54).contains(&hits), "{hits}");
    }

    #[test]
    fn rate_one_always_and_other_actions_untouched() {
        let mut f = Faults::new(config(1, 1.0));
        let d = f.decide("AssociateEipAddress");
        assert_eq!(d.error.unwrap().status, 503);
        assert_eq!(d.latency_ms, 5);
        assert_eq!(f.decide("DescribeEipAddresses"), Decision::default());
    }

    #[test]
    fn drops_are_decided_too() {
        let mut f = Faults::new(FaultConfig {
            seed: 0,
            rules: vec![FaultRule::drop("*", 1.0)],
        });
        assert!(f.decide("Anything").drop);
    }
}
