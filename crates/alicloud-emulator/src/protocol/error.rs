//! The API error every handler returns: HTTP status, Alibaba `Code` and `Message`, plus the
//! constructors for the codes used across the emulator (gateway, parameters, not-found).
//!
//! Rendering (with `RequestId`, `HostId`, `Recommend`) lives in [`super::render`].

use std::fmt;

/// An error answered to the client as `{RequestId, HostId, Code, Message, Recommend}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status (4xx or 5xx).
    pub status: u16,
    /// Alibaba error code, e.g. `IncorrectEipStatus`.
    pub code: String,
    /// Human-readable message.
    pub message: String,
    /// When set, sent as the `x-acs-retry-after` header (milliseconds).
    pub retry_after_ms: Option<u64>,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): {}", self.code, self.status, self.message)
    }
}

impl std::error::Error for ApiError {}

impl ApiError {
    /// Any error.
    pub fn new(status: u16, code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            status,
            code: code.into(),
            message: message.into(),
            retry_after_ms: None,
        }
    }

    /// HTTP 400.
    pub fn bad(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(400, code, message)
    }

    /// HTTP 403.
    pub fn forbidden(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(403, code, message)
    }

    /// HTTP 404.
    pub fn not_found(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(404, code, message)
    }

    /// `Missing<Name>` (400) for a required parameter that was not supplied.
    pub fn missing(name: &str) -> Self {
        let code: String = format!("Missing{}", name.replace('.', ""));
        Self::bad(
            code,
            format!(
                "The input parameter \u{201c}{name}\u{201d} that is mandatory for processing this request is not supplied."
            ),
        )
    }

    /// `InvalidParameter` (400) naming the parameter.
    pub fn invalid_param(name: &str, detail: &str) -> Self {
        Self::bad(
            "InvalidParameter",
            format!("The specified parameter \u{201c}{name}\u{201d} is not valid. {detail}")
                .trim_end()
                .to_string(),
        )
    }

    /// `InvalidAction.NotFound` (404).
    pub fn action_not_found() -> Self {
        Self::not_found(
            "InvalidAction.NotFound",
            "Specified api is not found, please check your url and method.",
        )
    }

    /// `InvalidRegionId.NotFound` (404).
    pub fn region_not_found(region: &str) -> Self {
        Self::not_found(
            "InvalidRegionId.NotFound",
            format!("The specified region \u{201c}{region}\u{201d} does not exist."),
        )
    }

    /// `InvalidAllocationId.NotFound` (404).
    pub fn eip_not_found() -> Self {
        Self::not_found(
            "InvalidAllocationId.NotFound",
            "Specified allocation ID is not found",
        )
    }

    /// `InvalidEniId.NotFound` (404).
    pub fn eni_not_found(id: &str) -> Self {
        Self::not_found(
            "InvalidEniId.NotFound",
            format!("The specified NetworkInterfaceId \u{201c}{id}\u{201d} does not exist."),
        )
    }

    /// `InvalidEcsId.NotFound` (404).
    pub fn ecs_not_found(id: &str) -> Self {
        Self::not_found(
            "InvalidEcsId.NotFound",
            format!("The specified InstanceId \u{201c}{id}\u{201d} does not exist."),
        )
    }

    /// `InvalidInstanId.NotFound` (404, the real code's spelling) for AssociateEipAddress.
    pub fn bind_target_not_found() -> Self {
        Self::not_found(
            "InvalidInstanId.NotFound",
            "Specified instance does not exist.",
        )
    }

    /// `Throttling.User` (400) with `x-acs-retry-after`.
    pub fn throttled(retry_after_ms: u64) -> Self {
        let mut e = Self::bad(
            "Throttling.User",
            "Request was denied due to user flow control.",
        );
        e.retry_after_ms = Some(retry_after_ms.max(1));
        e
    }

    /// `IdempotentParameterMismatch` (400).
    pub fn idempotent_mismatch() -> Self {
        Self::bad(
            "IdempotentParameterMismatch",
            "The specified parameter has changed while using an already used clientToken.",
        )
    }

    /// A default message for a code used by fault injection.
    pub fn from_code(code: &str, status: Option<u16>) -> Self {
        let (default_status, message) = match code {
            "ServiceUnavailable" => (
                503,
                "The request has failed due to a temporary failure of the server.",
            ),
            "InternalError" => (
                500,
                "The request processing has failed due to some unknown error, exception or failure.",
            ),
            "Throttling" => (400, "Request was denied due to request throttling."),
            "Throttling.User" => (400, "Request was denied due to user flow control."),
            "Throttling.Api" => (400, "Request was denied due to api flow control."),
            "OperationConflict" => (
                409,
                "Request was denied due to conflict with a previous request.",
            ),
            "LastTokenProcessing" => (403, "The last token request is processing."),
            "TaskConflict" => (400, "The eip operate too frequent, TaskConflict."),
            "OperationFailed.SystemBusy" => (400, "The system is busy, please try again later."),
            _ => (400, "Injected fault."),
        };
        Self::new(status.unwrap_or(default_status), code, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_names_the_parameter() {
        let e = ApiError::missing("AllocationId");
        assert_eq!(e.code, "MissingAllocationId");
        assert_eq!(e.status, 400);
        assert!(e.message.contains("AllocationId"));
    }

    #[test]
    fn throttled_carries_retry_after() {
        let e = ApiError::throttled(0);
        assert_eq!(e.code, "Throttling.User");
        assert_eq!(e.retry_after_ms, Some(1));
    }

    #[test]
    fn fault_codes_have_real_statuses() {
        assert_eq!(ApiError::from_code("ServiceUnavailable", None).status, 503);
        assert_eq!(ApiError::from_code("InternalError", None).status, 500);
        assert_eq!(ApiError::from_code("Anything", Some(418)).status, 418);
    }
}
