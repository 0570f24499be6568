//! `exec` (variables and exit code), `env`, the app's active profile as the default, and
//! `serve` (refusing AccessKey profiles; answering the official Python credentials library,
//! whose SDK client then calls the emulator).

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::Stdio;

use support::*;

const SHOW_VARS: &str = "printf '%s|' \"$ALIBABA_CLOUD_ACCESS_KEY_ID\" \"$ALICLOUD_ACCESS_KEY\" \
    \"$ALIBABA_CLOUD_ACCESS_KEY_SECRET\" \"$ALICLOUD_SECRET_KEY\" \"$ALIBABA_CLOUD_REGION_ID\" \
    \"$ALICLOUD_REGION\" \"${ALIBABA_CLOUD_SECURITY_TOKEN:-none}\"; exit 7";

fn add_ak_and_role(home: &Home, endpoint: &str) {
    home.ok(
        &[
            "profiles",
            "add",
            "ak",
            "--access-key-id",
            DEMO_ACCESS_KEY_ID,
            "--region",
            "cn-beijing",
            "--endpoint",
            endpoint,
        ],
        DEMO_ACCESS_KEY_SECRET,
    );
    home.ok(
        &[
            "profiles",
            "add",
            "role",
            "--role-arn",
            &role_arn(),
            "--source",
            "ak",
            "--endpoint",
            endpoint,
        ],
        "",
    );
}

#[test]
fn exec_passes_the_variables_and_the_exit_code() {
    if !keychain_or_skip("exec_passes_the_variables_and_the_exit_code") {
        return;
    }
    let emu = Emu::start();
    let home = Home::new();
    add_ak_and_role(&home, &emu.endpoint());

    let out = home.run(&["exec", "ak", "--", "sh", "-c", SHOW_VARS], "");
    assert_eq!(out.status.code(), Some(7), "the command's exit code");
    let fields: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .split('|')
        .map(String::from)
        .collect();
    assert_eq!(
        fields[..7],
        [
            DEMO_ACCESS_KEY_ID,
            DEMO_ACCESS_KEY_ID,
            DEMO_ACCESS_KEY_SECRET,
            DEMO_ACCESS_KEY_SECRET,
            "cn-beijing",
            "cn-beijing",
            "none"
        ]
    );

    // A stale token in the parent's environment does not leak into an AccessKey run.
    let out = home
        .command()
        .args(["exec", "ak", "--", "sh", "-c", SHOW_VARS])
        .env("ALIBABA_CLOUD_SECURITY_TOKEN", "stale-token-for-tests")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).ends_with("|none|"));

    // The active profile is the default; a role gives STS variables.
    home.ok(&["profiles", "use", "role"], "");
    let out = home.run(&["exec", "--", "sh", "-c", SHOW_VARS], "");
    assert_eq!(out.status.code(), Some(7));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("STS."), "{text}");
    assert!(!text.contains(DEMO_ACCESS_KEY_SECRET));
    assert!(!text.ends_with("|none|"), "{text}");

    let exported = home.ok(&["env", "ak"], "");
    assert!(exported.contains(&format!(
        "export ALIBABA_CLOUD_ACCESS_KEY_ID='{DEMO_ACCESS_KEY_ID}'\n"
    )));
    assert!(exported.contains("unset ALIBABA_CLOUD_SECURITY_TOKEN\n"));

    let out = home.run(&["exec", "ak", "--", "no-such-program-for-tests"], "");
    assert_eq!(out.status.code(), Some(127));
}

/// `serve NAME` as a child; its first stdout line and the child.
fn serve(home: &Home, name: &str) -> (String, std::process::Child) {
    let mut child = home
        .command()
        .args(["serve", name])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    (first.trim_end().to_string(), child)
}

fn http_get(url: &str) -> (u16, String) {
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    let mut s = std::net::TcpStream::connect(host).unwrap();
    write!(
        s,
        "GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    let status = text[9..12].parse().unwrap();
    let body = text.split_once("\r\n\r\n").unwrap().1.to_string();
    (status, body)
}

#[test]
fn serve_refuses_access_keys_and_answers_the_official_credentials_library() {
    if !keychain_or_skip("serve_refuses_access_keys_and_answers_the_official_credentials_library") {
        return;
    }
    let emu = Emu::start();
    let home = Home::new();
    add_ak_and_role(&home, &emu.endpoint());

    let out = home.run(&["serve", "ak"], "");
    assert_eq!(out.status.code(), Some(7));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("carries only temporary STS credentials"),
        "{err}"
    );

    let (first, mut child) = serve(&home, "role");
    let url = first
        .strip_prefix("ALIBABA_CLOUD_CREDENTIALS_URI=http://127.0.0.1:")
        .map(|_| first.split_once('=').unwrap().1.to_string())
        .unwrap_or_else(|| panic!("first line: {first:?}"));
    let (status, body) = http_get(&url);
    assert_eq!(status, 200, "{body}");
    let doc: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(doc["Code"], "Success");
    assert!(doc["AccessKeyId"].as_str().unwrap().starts_with("STS."));
    let expiration = doc["Expiration"].as_str().unwrap();
    assert!(
        expiration.len() == 20 && expiration.ends_with('Z'),
        "{expiration}"
    );
    let (status, _) = http_get(&format!("{}wrong", &url[..url.len() - 5]));
    assert_eq!(status, 404, "a wrong token gets nothing");

    match venv_python() {
        Some(python) => {
            let script = "\
from alibabacloud_credentials.client import Client as CredentialClient
from alibabacloud_credentials.models import Config as CredentialConfig
from alibabacloud_sts20150401.client import Client as StsClient
from alibabacloud_tea_openapi.models import Config
import os
cred = CredentialClient(CredentialConfig(type='credentials_uri'))
config = Config(credential=cred, endpoint=os.environ['EMU_HOST'], protocol='http', region_id='cn-hangzhou')
print(StsClient(config).get_caller_identity().body.arn)
";
            let out = std::process::Command::new(python)
                .args(["-c", script])
                .env("ALIBABA_CLOUD_CREDENTIALS_URI", &url)
                .env("EMU_HOST", emu.endpoint().trim_start_matches("http://"))
                .output()
                .unwrap();
            let arn = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success(),
                "python failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(arn.contains(":assumed-role/"), "{arn}");
        }
        None => eprintln!("official Python SDK check skipped: no target/venv (cargo xtask setup)"),
    }
    let _ = child.kill();
    let _ = child.wait();
}
