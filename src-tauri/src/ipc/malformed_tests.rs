//! Drives every declared command through the real invoke handler (Tauri's mock runtime,
//! the app's own capability, a real `EipDesk` on a fresh data directory) with malformed
//! arguments: a wrong JSON type, a missing argument, an oversized string, a malformed ID and
//! unknown enum values. Each must come back as a typed `InvalidArgument` error naming the
//! field, never a panic and never Tauri's raw "invalid args … for command …" text.

use super::args::MAX_STRING_BYTES;
use super::contract_tests::contract;
use super::spec::ArgKind;
use eipdesk_core::api::{ErrorDto, ErrorKind};
use serde_json::{Map, Value, json};
use tauri::WebviewWindow;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;

struct Harness {
    webview: WebviewWindow<MockRuntime>,
    _app: tauri::App<MockRuntime>,
    _dir: tempfile::TempDir,
}

fn harness() -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let desk = tauri::async_runtime::block_on(eipdesk_core::api::EipDesk::start(dir.path()))
        .expect("the desk starts on a fresh data directory");
    let app = mock_builder()
        .manage(desk)
        .invoke_handler(super::invoke_handler())
        .build(tauri::generate_context!())
        .unwrap();
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    Harness {
        webview,
        _app: app,
        _dir: dir,
    }
}

impl Harness {
    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.webview,
            InvokeRequest {
                cmd: cmd.into(),
                callback: CallbackFn(0),
                error: CallbackFn(1),
                url: "tauri://localhost".parse().unwrap(),
                body: InvokeBody::Json(args),
                headers: Default::default(),
                invoke_key: INVOKE_KEY.to_string(),
            },
        )
        .map(|body| body.deserialize::<Value>().unwrap())
    }

    /// Asserts `cmd` refuses `args` with a typed error naming `field`.
    fn expect_refused(&self, cmd: &str, args: Value, field: &str) {
        let case = format!("{cmd} {}", abbreviated(&args));
        let err = self
            .invoke(cmd, args)
            .expect_err(&format!("{case}: expected an error"));
        let text = err.to_string();
        assert!(
            !text.contains("invalid args"),
            "{case}: raw Tauri error {text}"
        );
        let dto: ErrorDto = serde_json::from_value(err)
            .unwrap_or_else(|e| panic!("{case}: not an ErrorDto ({e}): {text}"));
        assert_eq!(dto.kind, ErrorKind::InvalidInput, "{case}: {dto:?}");
        assert_eq!(dto.code, "InvalidArgument", "{case}: {dto:?}");
        assert!(
            dto.message.starts_with(&format!("`{field}")),
            "{case}: the message should name `{field}`: {dto:?}"
        );
    }
}

fn abbreviated(args: &Value) -> String {
    let text = args.to_string();
    if text.len() > 120 {
        format!("{}…", &text[..120])
    } else {
        text
    }
}

/// A valid value of a parameter type, for the arguments before the one under test.
fn valid(ts: &str) -> Value {
    match ts {
        "ProfileId" => json!("sandbox"),
        "RunId" => json!("run-0123abcd"),
        "TableId" => json!("eips"),
        "LoadRequest" => json!({ "scope": "cn-hangzhou", "supersede": false }),
        "NewProfile" => json!({
            "name": "contract-test", "region": "cn-hangzhou",
            "credentials": { "mode": "accessKey", "accessKeyId": "LTAIFAKEFAKEFAKE",
                             "accessKeySecret": "fake-secret-for-tests" }
        }),
        "ProfileEdit" => {
            json!({ "name": null, "region": null, "label": null, "credentials": null })
        }
        "BindForm" => bind_form(),
        "LifecycleForm" => json!({ "regionId": "cn-hangzhou", "job": "allocateEip" }),
        "Confirmations" => json!({ "accepted": [], "typed": null }),
        "QuitWhen" => json!("safePoint"),
        "string" => json!("x"),
        "boolean" => json!(true),
        "number" => json!(1),
        t if t.ends_with(" | null") => Value::Null,
        other => panic!("add a valid sample of `{other}` to malformed_tests.rs"),
    }
}

fn bind_form() -> Value {
    json!({ "regionId": "cn-hangzhou", "job": null, "allocationId": "eip-bp1fake",
            "targetKind": null, "targetId": null, "attachTo": null, "mode": null })
}

/// A value of the wrong JSON type for a parameter type.
fn wrong_type(ts: &str) -> Value {
    match ts {
        "number" | "number | null" => json!("three"),
        _ => json!(12345),
    }
}

#[test]
fn every_command_refuses_malformed_arguments_with_a_typed_error_naming_the_field() {
    let h = harness();
    let mut cases = 0;
    for command in contract().commands {
        for (i, arg) in command.args.iter().enumerate() {
            let mut before = Map::new();
            for earlier in &command.args[..i] {
                let ts = match &earlier.kind {
                    ArgKind::Value(ts) => valid(ts),
                    ArgKind::Channel(_) => json!("__CHANNEL__:1"),
                };
                before.insert(earlier.js_name.clone(), ts);
            }
            let ts = match &arg.kind {
                ArgKind::Value(ts) | ArgKind::Channel(ts) => ts.as_str(),
            };
            let with = |value: Value| {
                let mut args = before.clone();
                args.insert(arg.js_name.clone(), value);
                Value::Object(args)
            };
            h.expect_refused(&command.name, with(wrong_type(ts)), &arg.js_name);
            let oversized = "x".repeat(MAX_STRING_BYTES + 1);
            h.expect_refused(&command.name, with(json!(oversized)), &arg.js_name);
            cases += 2;
            let nullable = matches!(&arg.kind, ArgKind::Value(t) if t.ends_with(" | null"));
            if !nullable {
                h.expect_refused(&command.name, Value::Object(before.clone()), &arg.js_name);
                cases += 1;
            }
        }
    }
    assert!(cases > 40, "only {cases} cases: did the contract shrink?");
}

#[test]
fn malformed_ids_and_unknown_enum_values_name_the_nested_field() {
    let h = harness();
    h.expect_refused("switch_profile", json!({ "id": "../../etc/passwd" }), "id");
    let mut form = bind_form();
    form["mode"] = json!("BOGUS");
    h.expect_refused("bind_options", json!({ "form": form }), "form.mode");
    let mut form = bind_form();
    form["job"] = json!("deleteEverything");
    h.expect_refused("preflight_bind", json!({ "form": form }), "form.job");
    h.expect_refused(
        "refresh_resources",
        json!({ "refs": [{ "kind": "volume", "id": "eip-1", "regionId": "cn-hangzhou" }] }),
        "refs[0].kind",
    );
    h.expect_refused("workflow_runs", json!({ "limit": -1 }), "limit");
    h.expect_refused("resume_run", json!({ "runId": "run-../x" }), "runId");
    h.expect_refused(
        "export_csv",
        json!({ "request": { "table": "../../etc", "headers": [], "rows": [] } }),
        "request.table",
    );
    h.expect_refused("show_in_folder", json!({ "path": 7 }), "path");
    h.expect_refused(
        "load_inventory",
        json!({ "request": { "scope": "mars-1!", "supersede": true }, "onEvent": "__CHANNEL__:1" }),
        "request.scope",
    );
}

#[test]
fn well_formed_calls_pass_the_checks_and_run() {
    let h = harness();
    let info = h.invoke("app_info", json!({})).unwrap();
    assert_eq!(info["profileName"], "Sandbox");
    let found = h
        .invoke("search_profiles", json!({ "query": "sand" }))
        .unwrap();
    assert_eq!(found[0]["name"], "Sandbox");
    let runs = h.invoke("workflow_runs", json!({})).unwrap();
    assert_eq!(runs, json!([]));
}
