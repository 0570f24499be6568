//! Cloud Assistant: RunCommand, the invocation timeline, the results' encodings, the errors,
//! the per-account state, `DescribeInvocations` paging and the modelled guest the app's
//! scripts configure and read.

mod common;

use std::time::Duration;

use alicloud_emulator::seed::demo_ids::*;
use alicloud_emulator::state::guest::{GuestState, ScriptFault};
use alicloud_emulator::{DEMO_ACCOUNT_ID, SECOND_ACCESS_KEY_ID, SECOND_ACCESS_KEY_SECRET};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use common::{Client, ECS, HZ, demo, slow};
use serde_json::Value;

async fn run(c: &Client, instance: &str, script: &str) -> (String, String) {
    let v = c
        .ok(
            ECS,
            "RunCommand",
            &[
                HZ,
                ("Type", "RunShellScript"),
                ("CommandContent", &B64.encode(script)),
                ("ContentEncoding", "Base64"),
                ("InstanceId.1", instance),
            ],
        )
        .await;
    let invoke = v["InvokeId"].as_str().unwrap().to_string();
    let command = v["CommandId"].as_str().unwrap().to_string();
    (invoke, command)
}

async fn result(c: &Client, invoke: &str) -> Value {
    let v = c
        .ok(
            ECS,
            "DescribeInvocationResults",
            &[HZ, ("InvokeId", invoke)],
        )
        .await;
    v["Invocation"]["InvocationResults"]["InvocationResult"][0].clone()
}

fn output(r: &Value) -> String {
    String::from_utf8(B64.decode(r["Output"].as_str().unwrap()).unwrap()).unwrap()
}

#[tokio::test]
async fn run_command_goes_pending_running_finished_with_base64_output() {
    let c = slow();
    let (invoke, command) = run(&c, HZ_I_WEB01, "echo hello\nexit 0").await;
    // Like the official examples (`t-hz0jdfwd9f****`, `c-hz0jdfwcsr****`): the region's
    // abbreviation, then the rest, 14 characters after the dash.
    assert!(invoke.starts_with("t-hz") && invoke.len() == 16, "{invoke}");
    assert!(
        command.starts_with("c-hz") && command.len() == 16,
        "{command}"
    );
    let r = result(&c, &invoke).await;
    assert_eq!(r["InvocationStatus"], "Pending");
    assert_eq!(r["InvokeRecordStatus"], "Running");
    c.control().advance_clock(Duration::from_secs(3_600));
    assert_eq!(result(&c, &invoke).await["InvocationStatus"], "Running");
    c.control().advance_clock(Duration::from_secs(3_600));
    let r = result(&c, &invoke).await;
    assert_eq!(r["InvocationStatus"], "Success");
    assert_eq!(r["InvokeRecordStatus"], "Finished");
    assert_eq!(r["ExitCode"], 0);
    assert_eq!(output(&r), "hello\n");
    assert_eq!(r["InstanceId"], HZ_I_WEB01);
    assert_eq!(r["CommandId"], command);
    let plain = c
        .ok(
            ECS,
            "DescribeInvocationResults",
            &[HZ, ("InvokeId", &invoke), ("ContentEncoding", "PlainText")],
        )
        .await;
    assert_eq!(
        plain["Invocation"]["InvocationResults"]["InvocationResult"][0]["Output"],
        "hello\n"
    );
    let list = c
        .ok(ECS, "DescribeInvocations", &[HZ, ("InvokeId", &invoke)])
        .await;
    let inv = &list["Invocations"]["Invocation"][0];
    assert_eq!(inv["InvokeStatus"], "Finished");
    assert_eq!(inv["CommandType"], "RunShellScript");
    assert_eq!(
        B64.decode(inv["CommandContent"].as_str().unwrap()).unwrap(),
        b"echo hello\nexit 0"
    );
}

#[tokio::test]
async fn plain_text_content_and_a_nonzero_exit() {
    let c = demo();
    let v = c
        .ok(
            ECS,
            "RunCommand",
            &[
                HZ,
                ("Type", "RunShellScript"),
                ("CommandContent", "echo bye\nexit 7"),
                ("InstanceId.1", HZ_I_WEB01),
            ],
        )
        .await;
    let r = result(&c, v["InvokeId"].as_str().unwrap()).await;
    assert_eq!(r["InvocationStatus"], "Failed");
    assert_eq!(r["ExitCode"], 7);
    assert_eq!(r["ErrorCode"], "ExitCodeNonzero");
    assert_eq!(output(&r), "bye\n");
}

#[tokio::test]
async fn bad_requests_get_real_codes() {
    let c = demo();
    let base = |t: &'static str, i: &'static str| {
        vec![
            HZ,
            ("Type", t),
            ("CommandContent", "echo x"),
            ("InstanceId.1", i),
        ]
    };
    c.err(
        ECS,
        "RunCommand",
        &base("RunShellScript", "i-bp1doesnotexist0000"),
        "InvalidInstance.NotFound",
        404,
    )
    .await;
    c.err(
        ECS,
        "RunCommand",
        &base("RunPerlScript", HZ_I_WEB01),
        "InvalidCmdType.NotFound",
        400,
    )
    .await;
    c.err(
        ECS,
        "RunCommand",
        &[HZ, ("Type", "RunShellScript"), ("InstanceId.1", HZ_I_WEB01)],
        "MissingCommandContent",
        400,
    )
    .await;
    let mut bad_b64 = base("RunShellScript", HZ_I_WEB01);
    bad_b64[2] = ("CommandContent", "%%%");
    bad_b64.push(("ContentEncoding", "Base64"));
    c.err(
        ECS,
        "RunCommand",
        &bad_b64,
        "InvalidCommandContent.Malformed",
        400,
    )
    .await;
    let mut short = base("RunShellScript", HZ_I_WEB01);
    short.push(("Timeout", "5"));
    c.err(ECS, "RunCommand", &short, "InvalidParam.Timeout", 400)
        .await;
}

#[tokio::test]
async fn stopped_instances_and_offline_agents_abort() {
    let c = demo();
    let (stopped, _) = run(&c, HZ_I_DB01, "echo x").await;
    let r = result(&c, &stopped).await;
    assert_eq!(r["InvocationStatus"], "Aborted");
    assert_eq!(r["ErrorCode"], "InstanceNotRunning");
    c.control().set_guest(
        DEMO_ACCOUNT_ID,
        "cn-hangzhou",
        HZ_I_WEB01,
        GuestState {
            agent_offline: true,
            ..GuestState::default()
        },
    );
    let (offline, _) = run(&c, HZ_I_WEB01, "echo x").await;
    let r = result(&c, &offline).await;
    assert_eq!(r["InvocationStatus"], "Aborted");
    assert_eq!(r["ErrorCode"], "ClientNotRunning");
    assert_eq!(
        r["ErrorInfo"],
        "the aliyun service is not running on the instance"
    );
    let s = c
        .ok(
            ECS,
            "DescribeCloudAssistantStatus",
            &[
                HZ,
                ("InstanceId.1", HZ_I_WEB01),
                ("InstanceId.2", HZ_I_DB01),
                ("InstanceId.3", HZ_I_WEB02),
            ],
        )
        .await;
    let set = s["InstanceCloudAssistantStatusSet"]["InstanceCloudAssistantStatus"]
        .as_array()
        .unwrap();
    let status = |id: &str| {
        set.iter().find(|x| x["InstanceId"] == id).unwrap()["CloudAssistantStatus"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(status(HZ_I_WEB01), "false");
    assert_eq!(status(HZ_I_DB01), "false");
    assert_eq!(status(HZ_I_WEB02), "true");
    assert_eq!(set[0]["OSType"], "Linux");
}

#[tokio::test]
async fn invocations_belong_to_their_account() {
    let c = demo();
    let (invoke, _) = run(&c, HZ_I_WEB01, "echo mine").await;
    let other = c.with_key(SECOND_ACCESS_KEY_ID, SECOND_ACCESS_KEY_SECRET, None);
    let v = other
        .ok(
            ECS,
            "DescribeInvocationResults",
            &[HZ, ("InvokeId", &invoke)],
        )
        .await;
    assert_eq!(v["Invocation"]["TotalCount"], 0);
    other
        .err(
            ECS,
            "RunCommand",
            &[
                HZ,
                ("Type", "RunShellScript"),
                ("CommandContent", "echo x"),
                ("InstanceId.1", HZ_I_WEB01),
            ],
            "InvalidInstance.NotFound",
            404,
        )
        .await;
}

fn verify_script() -> String {
    "# eipdesk-guest-script: op=verify\nprintf '{\"addr\":%s,\"route\":%s}\\n' \"$(ip -j addr)\" \"$(ip -j route)\"".into()
}

#[tokio::test]
async fn the_app_scripts_configure_and_read_the_modelled_guest() {
    let c = demo();
    let mac = c.eni(HZ_ENI_CT_LIVE).await["MacAddress"]
        .as_str()
        .unwrap()
        .to_string();
    let eip = c.eip(HZ_EIP_CT_LIVE).await["IpAddress"]
        .as_str()
        .unwrap()
        .to_string();
    let nic_of = |out: &str| -> Value {
        let v: Value = serde_json::from_str(out).unwrap();
        v["addr"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["address"] == mac.as_str())
            .cloned()
            .unwrap()
    };
    let (before, _) = run(&c, HZ_I_WEB02, &verify_script()).await;
    let nic = nic_of(&output(&result(&c, &before).await));
    assert_eq!(nic["ifname"], "eth1");
    assert_eq!(nic["operstate"], "DOWN");
    assert_eq!(nic["addr_info"].as_array().unwrap().len(), 0);

    let configure = format!("# eipdesk-guest-script: op=configure mac={mac} metric=50\n");
    let (cfg, _) = run(&c, HZ_I_WEB02, &configure).await;
    let r = result(&c, &cfg).await;
    assert_eq!(r["InvocationStatus"], "Success", "{r}");
    assert!(output(&r).contains("eth1"));

    let (after, _) = run(&c, HZ_I_WEB02, &verify_script()).await;
    let out = output(&result(&c, &after).await);
    let nic = nic_of(&out);
    assert_eq!(nic["operstate"], "UP");
    assert_eq!(nic["addr_info"][0]["local"], eip.as_str());
    let routes: Value = serde_json::from_str::<Value>(&out).unwrap()["route"].clone();
    let default = routes
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["dst"] == "default" && r["dev"] == "eth1")
        .unwrap();
    assert_eq!(default["metric"], 50);

    let (wrong, _) = run(
        &c,
        HZ_I_WEB02,
        "# eipdesk-guest-script: op=configure mac=00:16:3e:00:00:00\n",
    )
    .await;
    let r = result(&c, &wrong).await;
    assert_eq!(r["InvocationStatus"], "Failed");
    assert_eq!(r["ExitCode"], 3);
}

#[tokio::test]
async fn armed_faults_fail_or_hang_the_next_app_script() {
    let c = slow();
    let set = |fault| {
        c.control().set_guest(
            DEMO_ACCOUNT_ID,
            "cn-hangzhou",
            HZ_I_WEB02,
            GuestState {
                fault: Some(fault),
                ..GuestState::default()
            },
        );
    };
    set(ScriptFault::Fail {
        exit_code: 2,
        output: "dhclient: no lease".into(),
    });
    let (failed, _) = run(&c, HZ_I_WEB02, &verify_script()).await;
    set(ScriptFault::Hang);
    let (hung, _) = run(&c, HZ_I_WEB02, &verify_script()).await;
    c.control().advance_clock(Duration::from_secs(7_200));
    let r = result(&c, &failed).await;
    assert_eq!(
        (r["InvocationStatus"].as_str(), r["ExitCode"].as_i64()),
        (Some("Failed"), Some(2))
    );
    assert_eq!(output(&r), "dhclient: no lease");
    // The default Timeout is 60 s; a hung script times out after both phases (2 h here).
    assert_eq!(result(&c, &hung).await["InvocationStatus"], "Timeout");
}

/// `DescribeInvocations` pages with `NextToken`/`MaxResults`, newest first; the token stays
/// valid when invocations are added between pages; a foreign token is refused.
#[tokio::test]
async fn describe_invocations_pages_with_next_token() {
    let c = demo();
    let mut sent = Vec::new();
    for n in 0..5 {
        sent.push(run(&c, HZ_I_WEB02, &format!("echo {n}")).await.0);
    }
    let page = |token: Option<String>| {
        let c = &c;
        async move {
            let mut params = vec![HZ, ("InstanceId", HZ_I_WEB02), ("MaxResults", "2")];
            let token = token.unwrap_or_default();
            if !token.is_empty() {
                params.push(("NextToken", token.as_str()));
            }
            let v = c.ok(ECS, "DescribeInvocations", &params).await;
            let ids: Vec<String> = v["Invocations"]["Invocation"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["InvokeId"].as_str().unwrap().to_string())
                .collect();
            (ids, v["NextToken"].as_str().unwrap().to_string(), v)
        }
    };
    let (first, token, v) = page(None).await;
    assert_eq!(first, [sent[4].clone(), sent[3].clone()]);
    assert!(!token.is_empty());
    assert_eq!(v["TotalCount"], 5);
    assert_eq!(v["PageSize"], 2);
    // A newer invocation does not shift the pages already handed out.
    let newer = run(&c, HZ_I_WEB02, "echo late").await.0;
    let (second, token, _) = page(Some(token)).await;
    assert_eq!(second, [sent[2].clone(), sent[1].clone()]);
    let (third, token, _) = page(Some(token)).await;
    assert_eq!(third, [sent[0].clone()]);
    assert_eq!(token, "", "the last page has no token");
    assert!(!first.contains(&newer) && !second.contains(&newer));

    c.err(
        ECS,
        "DescribeInvocations",
        &[HZ, ("NextToken", "not-a-token")],
        "InvalidParameter.NextToken",
        400,
    )
    .await;
    // Without NextToken/MaxResults the PageNumber style still works.
    let v = c
        .ok(
            ECS,
            "DescribeInvocations",
            &[
                HZ,
                ("InstanceId", HZ_I_WEB02),
                ("PageSize", "4"),
                ("PageNumber", "2"),
            ],
        )
        .await;
    assert_eq!(v["Invocations"]["Invocation"].as_array().unwrap().len(), 2);
    assert_eq!(v["NextToken"], "");
}
