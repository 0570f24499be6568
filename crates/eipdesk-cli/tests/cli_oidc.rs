//! `eipdesk-cli profiles add NAME --oidc-provider-arn ARN --oidc-token-file PATH --role-arn
//! ARN` and `credentials` for it, against the emulator: STS credentials the emulator
//! accepts, the token re-read from its file, no keychain needed, failures with the STS code
//! and RequestId.

mod support;

use alicloud_emulator::oidc::{DEMO_OIDC_CLIENT_ID, DEMO_OIDC_ISSUER, unsigned_token};
use support::*;

fn write_token(path: &std::path::Path, emu: &Emu, valid_s: i64) {
    let now_s = emu.emu.control().now_ms() / 1000;
    let t = unsigned_token(DEMO_OIDC_ISSUER, DEMO_OIDC_CLIENT_ID, "ci", now_s + valid_s);
    std::fs::write(path, t).unwrap();
}

#[test]
fn an_oidc_profile_prints_sts_credentials_the_emulator_accepts() {
    let emu = Emu::start();
    let home = Home::new();
    let endpoint = emu.endpoint();
    let token = home.path().join("oidc-token");
    write_token(&token, &emu, 600);
    let provider = alicloud_emulator::demo_oidc_provider_arn();
    home.ok(
        &[
            "profiles",
            "add",
            "ci",
            "--oidc-provider-arn",
            &provider,
            "--oidc-token-file",
            token.to_str().unwrap(),
            "--role-arn",
            &role_arn(),
            "--session-name",
            "oidc-cli",
            "--endpoint",
            &endpoint,
        ],
        "",
    );
    let shown = home.ok(&["profiles", "show", "ci"], "");
    assert!(shown.contains("mode:     oidc"), "{shown}");
    assert!(shown.contains("via OIDC token"), "{shown}");

    let c = home.credentials("ci");
    assert_eq!(c["mode"], "StsToken");
    let id = c["access_key_id"].as_str().unwrap();
    assert!(id.starts_with("STS."), "{c}");
    let arn = emu.caller_arn(
        id,
        c["access_key_secret"].as_str().unwrap(),
        c["sts_token"].as_str(),
    );
    assert!(
        arn.ends_with(":assumed-role/EipDeskAdmin/oidc-cli"),
        "{arn}"
    );
    assert_eq!(emu.calls("AssumeRoleWithOIDC"), 1);

    // The token is read again from its file: once it has expired, STS refuses it, with
    // the exit code of a failed AssumeRole, the code and the RequestId.
    write_token(&token, &emu, -10);
    let out = home.run(&["credentials", "ci"], "");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{err}");
    assert!(
        err.contains("AuthenticationFail.OIDCToken.Expired"),
        "{err}"
    );
    assert!(err.contains("RequestId"), "{err}");

    // A token file that went away is named.
    std::fs::remove_file(&token).unwrap();
    let out = home.run(&["credentials", "ci"], "");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("OIDC token file"), "{err}");
}

#[test]
fn add_refuses_a_missing_token_file_and_half_given_options() {
    let home = Home::new();
    let provider = alicloud_emulator::demo_oidc_provider_arn();
    let missing = home.path().join("absent-token");
    let out = home.run(
        &[
            "profiles",
            "add",
            "ci",
            "--oidc-provider-arn",
            &provider,
            "--oidc-token-file",
            missing.to_str().unwrap(),
            "--role-arn",
            &role_arn(),
        ],
        "",
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("OIDC token file: no file exists"), "{err}");
    // Without a token file, clap refuses before anything runs.
    let out = home.run(
        &[
            "profiles",
            "add",
            "ci",
            "--oidc-provider-arn",
            &provider,
            "--role-arn",
            &role_arn(),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    let listed = home.ok(&["profiles", "list"], "");
    assert!(!listed.contains("ci "), "{listed}");
}
