//! The IPC contract stays one declaration: the UI's command wrappers are generated from the
//! command functions (this test fails when `ui/src/lib/backend/commands.ts` drifts; regenerate
//! with `UPDATE_BINDINGS=1 cargo test -p eipdesk ipc`), and the handler and the capability that
//! `build.rs` generated name exactly the declared commands.

use super::spec;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub(super) fn contract() -> spec::Contract {
    spec::read_dir(&root().join("src/commands")).unwrap()
}

#[test]
fn ui_command_wrappers_match_the_commands() {
    let path = root().join("../ui/src/lib/backend/commands.ts");
    let expected = spec::typescript(&contract());
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "{} is out of date with src-tauri/src/commands; regenerate it with \
         `UPDATE_BINDINGS=1 cargo test -p eipdesk ipc`",
        path.display()
    );
}

#[test]
fn handler_and_capability_name_exactly_the_declared_commands() {
    let declared: Vec<String> = contract().commands.into_iter().map(|c| c.name).collect();
    assert_eq!(super::COMMAND_NAMES, declared.as_slice());

    let capability: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("capabilities/main.json")).unwrap(),
    )
    .unwrap();
    let granted: Vec<&str> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .filter(|p| !p.starts_with("core:"))
        .collect();
    let expected: Vec<String> = declared.iter().map(|c| spec::permission(c)).collect();
    assert_eq!(granted, expected);
}

#[test]
fn typescript_names_arguments_and_channels_as_tauri_does() {
    let mut contract = spec::Contract::default();
    spec::read_module(
        "demo",
        r#"
        pub const THING_EVENT: &str = "thing";
        /// Loads things.
        #[tauri::command]
        pub async fn load_things(desk: Desk<'_>, run_id: String, limit: Option<u32>,
            on_event: Channel<ThingEvent>) -> Result<Vec<Thing>, ErrorDto> { todo!() }
        #[tauri::command]
        pub fn ping() {}
        fn not_a_command(x: u8) {}
        "#,
        &mut contract,
    )
    .unwrap();
    let ts = spec::typescript(&contract);
    assert!(ts.contains("export const THING_EVENT = 'thing';"), "{ts}");
    assert!(
        ts.contains("import type { Thing, ThingEvent } from './bindings';"),
        "{ts}"
    );
    assert!(
        ts.contains(
            "  /** Loads things. */\n  loadThings: (runId: string, limit: number | null, \
             onEvent: (event: ThingEvent) => void) => call<Thing[]>('load_things', \
             { runId, limit, onEvent: channel(onEvent) }),"
        ),
        "{ts}"
    );
    assert!(ts.contains("  ping: () => call<void>('ping'),"), "{ts}");
    assert!(!ts.contains("notACommand"));
}

/// The shell is thin: it reaches the domain only through `eipdesk_core::api`, the core's one
/// surface, never by deep paths into its modules.
#[test]
fn the_shell_uses_only_the_core_api() {
    // Spelt in two parts so that this test does not find itself.
    const CORE: &str = concat!("eipdesk", "_core::");
    let mut offenders = Vec::new();
    let mut dirs = vec![root().join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (i, line) in text.lines().enumerate() {
                    let mut rest = line;
                    while let Some(at) = rest.find(CORE) {
                        rest = &rest[at + CORE.len()..];
                        if !rest.starts_with("api") {
                            offenders.push(format!(
                                "{}:{}: {}",
                                path.display(),
                                i + 1,
                                line.trim()
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "deep imports into eipdesk-core:\n{}",
        offenders.join("\n")
    );
}
