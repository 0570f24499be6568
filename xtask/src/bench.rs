//! `cargo xtask bench [NAME]`: benchmarks that print a table and write JSON under `target/bench/`.

use anyhow::{Result, bail};

pub fn bench(args: &[&str]) -> Result<()> {
    match args {
        [] => bail!("usage: cargo xtask bench <emulator|inventory>"),
        [name] => bail!("benchmark `{name}` is not available yet"),
        _ => bail!("usage: cargo xtask bench <emulator|inventory>"),
    }
}
