//! `eipdesk-cli profiles add` (secret from stdin) and `credentials` for AccessKey, STS,
//! RAM role and chained role profiles, against the emulator and the real keychain: the role
//! cases print STS credentials that the emulator accepts, cached in the keychain; failures
//! have their own exit codes.

mod support;

use support::*;

#[test]
fn add_from_stdin_then_credentials_for_every_mode() {
    if !keychain_or_skip("add_from_stdin_then_credentials_for_every_mode") {
        return;
    }
    let emu = Emu::start();
    let home = Home::new();
    let endpoint = emu.endpoint();
    let secret_line = format!("{DEMO_ACCESS_KEY_SECRET}\n");
    home.ok(
        &[
            "profiles",
            "add",
            "ak",
            "--access-key-id",
            DEMO_ACCESS_KEY_ID,
            "--region",
            "cn-shanghai",
            "--endpoint",
            &endpoint,
        ],
        &secret_line,
    );
    // No secret in profiles.toml, in the listing or in `show`.
    let list = home.ok(&["profiles", "list", "--json"], "");
    let shown = home.ok(&["profiles", "show", "ak"], "");
    let file = std::fs::read_to_string(home.path().join("data/profiles.toml")).unwrap();
    for text in [&list, &shown, &file] {
        assert!(!text.contains(DEMO_ACCESS_KEY_SECRET), "{text}");
    }
    assert!(
        file.contains(&format!("endpoint = \"{endpoint}\"")),
        "{file}"
    );

    // AccessKey: the aliyun CLI External document.
    let ak = home.credentials("ak");
    assert_eq!(ak["mode"], "AK");
    assert_eq!(ak["access_key_id"], DEMO_ACCESS_KEY_ID);
    assert_eq!(ak["access_key_secret"], DEMO_ACCESS_KEY_SECRET);
    assert!(ak.get("sts_token").is_none());

    // RAM role: STS credentials, never the source key; the emulator accepts them.
    home.ok(
        &[
            "profiles",
            "add",
            "role",
            "--role-arn",
            &role_arn(),
            "--source",
            "ak",
            "--session-name",
            "cli-test",
            "--endpoint",
            &endpoint,
        ],
        "",
    );
    let role = home.credentials("role");
    assert_eq!(role["mode"], "StsToken");
    let role_id = role["access_key_id"].as_str().unwrap();
    assert!(role_id.starts_with("STS."), "{role}");
    assert!(!role.to_string().contains(DEMO_ACCESS_KEY_SECRET));
    let token = role["sts_token"].as_str().unwrap();
    let arn = emu.caller_arn(
        role_id,
        role["access_key_secret"].as_str().unwrap(),
        Some(token),
    );
    assert!(
        arn.ends_with(":assumed-role/eipdesk-admin/cli-test") || arn.contains("assumed-role"),
        "{arn}"
    );
    assert_eq!(emu.calls("AssumeRole"), 1);

    // A second run takes the session from the keychain cache: no new AssumeRole.
    let again = home.credentials("role");
    assert_eq!(again["access_key_id"], role["access_key_id"]);
    assert_eq!(emu.calls("AssumeRole"), 1);

    // A chained role: assumed with the first role's session.
    home.ok(
        &[
            "profiles",
            "add",
            "chain",
            "--role-arn",
            &role_arn(),
            "--source",
            "role",
            "--session-name",
            "chained",
            "--endpoint",
            &endpoint,
        ],
        "",
    );
    let chain = home.credentials("chain");
    assert_eq!(chain["mode"], "StsToken");
    assert_ne!(chain["access_key_id"], role["access_key_id"]);
    let arn = emu.caller_arn(
        chain["access_key_id"].as_str().unwrap(),
        chain["access_key_secret"].as_str().unwrap(),
        chain["sts_token"].as_str(),
    );
    assert!(arn.ends_with("/chained"), "{arn}");

    // STS token: secret then token on stdin; printed back as they are.
    home.ok(
        &[
            "profiles",
            "add",
            "sts",
            "--access-key-id",
            role_id,
            "--sts",
            "--expiration",
            "2099-01-01T00:00:00Z",
            "--endpoint",
            &endpoint,
        ],
        &format!("{}\n{token}\n", role["access_key_secret"].as_str().unwrap()),
    );
    let sts = home.credentials("sts");
    assert_eq!(sts["mode"], "StsToken");
    assert_eq!(sts["sts_token"], token);

    // The role's session is cached in the keychain, and removed with the profile.
    let shown: serde_json::Value =
        serde_json::from_str(&home.ok(&["profiles", "show", "role", "--json"], "")).unwrap();
    let session = format!("session:{}", shown["id"].as_str().unwrap());
    assert!(keychain_item(&session).is_some_and(|s| s.contains(role_id)));
    home.ok(&["profiles", "remove", "chain"], "");
    home.ok(&["profiles", "remove", "role"], "");
    assert_eq!(keychain_item(&session), None);
}

#[test]
fn failures_have_their_own_exit_codes_and_say_why() {
    if !keychain_or_skip("failures_have_their_own_exit_codes_and_say_why") {
        return;
    }
    let emu = Emu::start();
    let home = Home::new();
    let endpoint = emu.endpoint();
    let code = |args: &[&str], stdin: &str| {
        let out = home.run(args, stdin);
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };

    let (c, err) = code(&["credentials", "nobody"], "");
    assert_eq!(c, Some(3), "{err}");
    assert!(err.contains("no profile named \"nobody\""), "{err}");

    // Secrets with surrounding spaces, and no secret at all, are invalid input.
    let (c, err) = code(
        &[
            "profiles",
            "add",
            "padded",
            "--access-key-id",
            "LTAI5tFakeForTests",
        ],
        " fake-secret-for-tests \n",
    );
    assert_eq!(c, Some(6), "{err}");
    assert!(err.contains("AccessKey secret: remove the spaces"), "{err}");
    let (c, err) = code(
        &[
            "profiles",
            "add",
            "empty",
            "--access-key-id",
            "LTAI5tFakeForTests",
        ],
        "",
    );
    assert_eq!(c, Some(6), "{err}");

    // An expired STS token is flagged in the list and refused.
    home.ok(
        &[
            "profiles",
            "add",
            "old",
            "--access-key-id",
            "STS.FakeForTests",
            "--sts",
            "--expiration",
            "2020-01-01T00:00:00Z",
        ],
        "fake-secret-for-tests\nfake-token-for-tests\n",
    );
    assert!(
        home.ok(&["profiles", "list"], "")
            .contains("EXPIRED 2020-01-01T00:00:00Z")
    );
    let (c, err) = code(&["credentials", "old"], "");
    assert_eq!(c, Some(5), "{err}");
    assert!(err.contains("expired at 2020-01-01T00:00:00Z"), "{err}");

    // A failed AssumeRole names the Alibaba code and the RequestId.
    home.ok(
        &[
            "profiles",
            "add",
            "ak",
            "--access-key-id",
            DEMO_ACCESS_KEY_ID,
            "--endpoint",
            &endpoint,
        ],
        DEMO_ACCESS_KEY_SECRET,
    );
    home.ok(
        &[
            "profiles",
            "add",
            "ghost",
            "--role-arn",
            "acs:ram::1234567890123456:role/ghost",
            "--source",
            "ak",
            "--endpoint",
            &endpoint,
        ],
        "",
    );
    let (c, err) = code(&["credentials", "ghost"], "");
    assert_eq!(c, Some(5), "{err}");
    assert!(err.contains("EntityNotExist.Role"), "{err}");
    assert!(err.contains("RequestId"), "{err}");

    // The Sandbox exists only in the app.
    let (c, err) = code(&["credentials", "Sandbox"], "");
    assert_eq!(c, Some(7), "{err}");
    // …and the message says what to do instead, not "use a RAM role profile".
    assert!(err.contains("eipdesk-cli profiles list"), "{err}");
    assert!(err.contains("alicloud-emulator"), "{err}");
    assert!(!err.contains("RAM role or STS token"), "{err}");
}

#[test]
fn ecs_ram_role_and_credentials_uri_profiles_and_roles_chained_from_them() {
    if !keychain_or_skip("ecs_ram_role_and_credentials_uri_profiles_and_roles_chained_from_them") {
        return;
    }
    let emu = Emu::start();
    let home = Home::new();
    let endpoint = emu.endpoint();
    home.ok(
        &[
            "profiles",
            "add",
            "ecs",
            "--ecs-ram-role",
            "--metadata-endpoint",
            &endpoint,
            "--endpoint",
            &endpoint,
        ],
        "",
    );
    let ecs = home.credentials("ecs");
    assert_eq!(ecs["mode"], "StsToken");
    let arn = emu.caller_arn(
        ecs["access_key_id"].as_str().unwrap(),
        ecs["access_key_secret"].as_str().unwrap(),
        ecs["sts_token"].as_str(),
    );
    assert!(arn.ends_with("/ecs-instance"), "{arn}");

    // A role assumed with the instance's session (a chain of any source kind).
    home.ok(
        &[
            "profiles",
            "add",
            "from-ecs",
            "--role-arn",
            &role_arn(),
            "--source",
            "ecs",
            "--session-name",
            "from-ecs",
            "--endpoint",
            &endpoint,
        ],
        "",
    );
    let chained = home.credentials("from-ecs");
    let arn = emu.caller_arn(
        chained["access_key_id"].as_str().unwrap(),
        chained["access_key_secret"].as_str().unwrap(),
        chained["sts_token"].as_str(),
    );
    assert!(arn.ends_with("/from-ecs"), "{arn}");

    let uri = format!("{endpoint}/latest/meta-data/ram/security-credentials/EipDeskAdmin");
    home.ok(&["profiles", "add", "uri", "--credentials-uri", &uri], "");
    assert!(
        home.credentials("uri")["access_key_id"]
            .as_str()
            .unwrap()
            .starts_with("STS.")
    );
    let listed = home.ok(&["profiles", "list"], "");
    assert!(
        listed.contains("ecs-role") && listed.contains("uri"),
        "{listed}"
    );

    // A metadata endpoint that does not serve the role: a clear failure, exit code 5.
    home.ok(
        &[
            "profiles",
            "add",
            "ecs-wrong",
            "--ecs-ram-role",
            "--role-name",
            "NotAttached",
            "--metadata-endpoint",
            &endpoint,
        ],
        "",
    );
    let out = home.run(&["credentials", "ecs-wrong"], "");
    assert_eq!(out.status.code(), Some(5));
    assert!(String::from_utf8_lossy(&out.stderr).contains("HTTP 404"));
}

#[test]
fn the_keychain_item_label_carries_the_profile_name() {
    if !keychain_or_skip("the_keychain_item_label_carries_the_profile_name") {
        return;
    }
    let home = Home::new();
    home.ok(
        &[
            "profiles",
            "add",
            "Label check",
            "--access-key-id",
            "LTAI5tFakeForTests",
        ],
        "fake-secret-for-tests\n",
    );
    let id = home.ok(&["profiles", "show", "Label check", "--json"], "");
    let id: serde_json::Value = serde_json::from_str(&id).unwrap();
    let id = id["id"].as_str().unwrap().to_string();
    // secret-tool (libsecret-tools, installed by `cargo xtask setup`) reads what Seahorse shows.
    let out = std::process::Command::new("secret-tool")
        .args(["search", "--all", "service", "eipdesk", "username", &id])
        .output()
        .expect("secret-tool is installed");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains(&format!("label = EIP Desk: Label check ({id})")),
        "{text}"
    );
}

#[test]
fn an_external_command_is_a_source_too() {
    if !keychain_or_skip("an_external_command_is_a_source_too") {
        return;
    }
    let emu = Emu::start();
    let home = Home::new();
    let endpoint = emu.endpoint();
    home.ok(
        &[
            "profiles",
            "add",
            "ak",
            "--access-key-id",
            DEMO_ACCESS_KEY_ID,
            "--endpoint",
            &endpoint,
        ],
        DEMO_ACCESS_KEY_SECRET,
    );
    // The command inherits EIPDESK_HOME: eipdesk-cli itself is the external program here.
    let command = format!("{} credentials ak", env!("CARGO_BIN_EXE_eipdesk-cli"));
    home.ok(
        &["profiles", "add", "ext", "--process-command", &command],
        "",
    );
    let ext = home.credentials("ext");
    assert_eq!(ext["mode"], "AK");
    assert_eq!(ext["access_key_id"], DEMO_ACCESS_KEY_ID);

    // A role assumed with what the command prints.
    home.ok(
        &[
            "profiles",
            "add",
            "via-ext",
            "--role-arn",
            &role_arn(),
            "--source",
            "ext",
            "--session-name",
            "via-ext",
            "--endpoint",
            &endpoint,
        ],
        "",
    );
    let role = home.credentials("via-ext");
    let arn = emu.caller_arn(
        role["access_key_id"].as_str().unwrap(),
        role["access_key_secret"].as_str().unwrap(),
        role["sts_token"].as_str(),
    );
    assert!(arn.ends_with("/via-ext"), "{arn}");

    // serve refuses it: the command prints a long-term AccessKey.
    let out = home.run(&["serve", "ext"], "");
    assert_eq!(out.status.code(), Some(7));

    home.ok(
        &["profiles", "add", "broken", "--process-command", "false"],
        "",
    );
    let out = home.run(&["credentials", "broken"], "");
    assert_eq!(out.status.code(), Some(5));
    assert!(String::from_utf8_lossy(&out.stderr).contains("it failed"));
}
