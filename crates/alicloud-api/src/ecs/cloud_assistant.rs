//! ECS Cloud Assistant: `RunCommand`, `DescribeInvocationResults` and
//! `DescribeCloudAssistantStatus`, with typed [`Client`](crate::Client) methods (declared with
//! `impl_action!`). Field names follow the official ECS SDK models.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use serde::{Deserialize, Serialize};

use crate::action::{impl_action, rpc_request};
use crate::de;

rpc_request! {
    /// `RunCommand`: runs a script on instances through the Cloud Assistant agent.
    pub struct RunCommandRequest {
        required {
            /// The region.
            region_id = "RegionId",
            /// `RunShellScript`, `RunPowerShellScript` or `RunBatScript`.
            command_type = "Type",
            /// The script (Base64 when `content_encoding` is `Base64`).
            command_content = "CommandContent",
        }
        optional {
            /// `PlainText` (default) or `Base64`.
            content_encoding: String = "ContentEncoding",
            /// Seconds (default 60).
            timeout: u32 = "Timeout",
            /// Command name.
            name: String = "Name",
            /// Description.
            description: String = "Description",
            /// Working directory.
            working_dir: String = "WorkingDir",
            /// Run as.
            username: String = "Username",
            /// Idempotence token (generated when unset).
            client_token: String = "ClientToken",
        }
        repeated {
            /// The instances (`InstanceId.N`, 1–100).
            instance_ids = "InstanceId",
        }
        json_list {}
        route {}
    }
}
impl_action!(RunCommandRequest => RunCommandResponse, Ecs, "RunCommand",
    region: field, client_token: true, retry_on: &[],
    method:
    /// Sends a script; poll [`describe_invocation_results`](crate::Client::describe_invocation_results).
    run_command);

impl RunCommandRequest {
    /// A script sent Base64-encoded (so any text survives the query string).
    pub fn script(
        region_id: impl Into<String>,
        command_type: impl Into<String>,
        script: &str,
        instance_id: impl Into<String>,
    ) -> Self {
        let mut r = Self::new(region_id, command_type, B64.encode(script));
        r.content_encoding = Some("Base64".into());
        r.instance_ids = vec![instance_id.into()];
        r
    }
}

/// Response of `RunCommand`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct RunCommandResponse {
    /// `RequestId`.
    pub request_id: String,
    /// `c-…`.
    pub command_id: String,
    /// `t-…`.
    pub invoke_id: String,
}

rpc_request! {
    /// `DescribeInvocationResults`.
    pub struct DescribeInvocationResultsRequest {
        required {
            /// The region.
            region_id = "RegionId",
        }
        optional {
            /// The invocation.
            invoke_id: String = "InvokeId",
            /// The instance.
            instance_id: String = "InstanceId",
            /// `Base64` (default) or `PlainText` for `Output`.
            content_encoding: String = "ContentEncoding",
            /// Page.
            page_number: u32 = "PageNumber",
            /// Page size.
            page_size: u32 = "PageSize",
        }
        repeated {}
        json_list {}
        route {}
    }
}
impl_action!(DescribeInvocationResultsRequest => DescribeInvocationResultsResponse, Ecs,
    "DescribeInvocationResults", region: field, client_token: false, retry_on: &[],
    method: describe_invocation_results);

/// Response of `DescribeInvocationResults`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeInvocationResultsResponse {
    /// `RequestId`.
    pub request_id: String,
    /// The page.
    pub invocation: InvocationResultsPage,
}

/// `Invocation` of `DescribeInvocationResults`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InvocationResultsPage {
    /// Matches.
    #[serde(deserialize_with = "de::int")]
    pub total_count: i64,
    /// The results.
    pub invocation_results: InvocationResults,
}

/// `InvocationResults` wrapper.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InvocationResults {
    /// One per instance.
    #[serde(deserialize_with = "de::list")]
    pub invocation_result: Vec<InvocationResult>,
}

/// One instance's result.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InvocationResult {
    /// `t-…`.
    pub invoke_id: String,
    /// `c-…`.
    pub command_id: String,
    /// The instance.
    pub instance_id: String,
    /// `Pending`, `Running`, `Success`, `Failed`, `Timeout`, `Aborted`, `Invalid`, `Error`, …
    pub invocation_status: String,
    /// `Running`, `Finished`, `Failed`, `Stopped`, …
    pub invoke_record_status: String,
    /// Exit code once ended.
    #[serde(deserialize_with = "de::int")]
    pub exit_code: i64,
    /// Output (Base64 unless `PlainText` was asked).
    pub output: String,
    /// Bytes of output dropped beyond 24 KB.
    #[serde(deserialize_with = "de::int")]
    pub dropped: i64,
    /// e.g. `ClientNotRunning`, `ExecutionTimeout`.
    pub error_code: String,
    /// Its explanation.
    pub error_info: String,
    /// Started.
    pub start_time: String,
    /// Ended.
    pub finished_time: String,
}

impl InvocationResult {
    /// Whether the script has ended (whatever the outcome).
    pub fn ended(&self) -> bool {
        !matches!(
            self.invocation_status.as_str(),
            "Pending" | "Running" | "Scheduled" | "Stopping" | ""
        )
    }

    /// The output decoded from Base64 (lossy UTF-8); the text as is when it is not Base64.
    pub fn output_text(&self) -> String {
        match B64.decode(self.output.trim()) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(_) => self.output.clone(),
        }
    }
}

rpc_request! {
    /// `DescribeCloudAssistantStatus`.
    pub struct DescribeCloudAssistantStatusRequest {
        required {
            /// The region.
            region_id = "RegionId",
        }
        optional {
            /// `Linux` or `Windows`.
            os_type: String = "OSType",
            /// Page.
            page_number: u32 = "PageNumber",
            /// Page size.
            page_size: u32 = "PageSize",
        }
        repeated {
            /// Instances (`InstanceId.N`, up to 50).
            instance_ids = "InstanceId",
        }
        json_list {}
        route {}
    }
}
impl_action!(DescribeCloudAssistantStatusRequest => DescribeCloudAssistantStatusResponse, Ecs,
    "DescribeCloudAssistantStatus", region: field, client_token: false, retry_on: &[],
    method: describe_cloud_assistant_status);

/// Response of `DescribeCloudAssistantStatus`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeCloudAssistantStatusResponse {
    /// `RequestId`.
    pub request_id: String,
    /// The instances.
    pub instance_cloud_assistant_status_set: InstanceCloudAssistantStatusSet,
}

/// `InstanceCloudAssistantStatusSet` wrapper.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InstanceCloudAssistantStatusSet {
    /// One per instance.
    #[serde(deserialize_with = "de::list")]
    pub instance_cloud_assistant_status: Vec<InstanceCloudAssistantStatus>,
}

/// One instance's agent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InstanceCloudAssistantStatus {
    /// The instance.
    pub instance_id: String,
    /// `"true"` when the agent is running.
    #[serde(deserialize_with = "de::string")]
    pub cloud_assistant_status: String,
    /// Agent version.
    pub cloud_assistant_version: String,
    /// `Linux` or `Windows`.
    #[serde(rename = "OSType")]
    pub os_type: String,
}

impl InstanceCloudAssistantStatus {
    /// Whether the agent is online.
    pub fn online(&self) -> bool {
        self.cloud_assistant_status.eq_ignore_ascii_case("true")
    }
}
