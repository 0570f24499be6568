//! `cargo xtask bench inventory`: makes sure the Python venv with the official SDKs exists,
//! then runs the `inventory` bench of eipdesk-core (`cargo bench`: the `bench` profile), which starts the emulator
//! in process, times EIP Desk's load and the SDK's, prints the table and writes
//! `target/bench/inventory.json`.

use crate::cmd::{self, step};
use crate::setup;
use anyhow::Result;

pub fn run(extra: &[&str]) -> Result<()> {
    let python = setup::python_venv()?;
    step("inventory benchmark (bench profile; EIP Desk vs the official Python SDK)");
    let root = cmd::root();
    cmd::run(
        cmd::cargo()
            .args([
                "bench",
                "-p",
                "eipdesk-core",
                "--bench",
                "inventory",
                "--",
                "--python",
            ])
            .arg(&python)
            .arg("--script")
            .arg(root.join("tests/bench/sdk_inventory.py"))
            .arg("--json")
            .arg(root.join("target/bench/inventory.json"))
            .args(extra),
    )
}
