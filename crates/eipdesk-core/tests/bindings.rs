//! The UI's TypeScript types are generated from the Rust DTOs; this test fails when the
//! committed `ui/src/lib/backend/bindings.ts` drifts from them.
//! Regenerate with `UPDATE_BINDINGS=1 cargo test -p eipdesk-core --test bindings`.

use std::path::PathBuf;

fn rendered() -> String {
    let mut out = String::from(
        "// Generated from the Rust types in eipdesk-core (dto.rs). Do not edit by hand:\n\
         // UPDATE_BINDINGS=1 cargo test -p eipdesk-core --test bindings\n",
    );
    for decl in eipdesk_core::api::typescript_declarations() {
        out.push_str("\nexport ");
        out.push_str(decl.trim());
        out.push('\n');
    }
    out
}

#[test]
fn bindings_match_rust_types() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/backend/bindings.ts");
    let expected = rendered();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "{} is out of date with the Rust DTOs; regenerate it with \
         `UPDATE_BINDINGS=1 cargo test -p eipdesk-core --test bindings`",
        path.display()
    );
}
