//! The headless screen, as the start-up benchmark and the package check see it: raw captures
//! of the Xvfb root window (ImageMagick `import`), pixel comparison of a region, PNG files for
//! people, and text read back with OCR (`tesseract`), which is how "the Sandbox EIP table is
//! on screen" is decided without a hook in the app.

use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// The Xvfb screen the session opens (see `session.rs`).
pub const WIDTH: usize = crate::session::SCREEN_WIDTH;
pub const HEIGHT: usize = crate::session::SCREEN_HEIGHT;

/// One capture of the whole screen, 8-bit RGB.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub rgb: Vec<u8>,
}

/// A rectangle of the screen, in pixels.
#[derive(Debug, Clone, Copy)]
pub struct Rect {
    pub x: usize,
    pub y: usize,
    pub w: usize,
    pub h: usize,
}

/// Captures the root window of `$DISPLAY`.
pub fn capture() -> Result<Frame> {
    let out = Command::new("import")
        .args(["-silent", "-window", "root", "-depth", "8", "rgb:-"])
        .stderr(Stdio::null())
        .output()
        .context("running ImageMagick `import` (package imagemagick)")?;
    if !out.status.success() {
        bail!("`import -window root` failed ({})", out.status);
    }
    if out.stdout.len() != WIDTH * HEIGHT * 3 {
        bail!(
            "screen capture has {} bytes, expected {WIDTH}x{HEIGHT} RGB",
            out.stdout.len()
        );
    }
    Ok(Frame { rgb: out.stdout })
}

impl Frame {
    /// The fraction of `rect`'s pixels that differ from `other`'s (0.0 = identical).
    pub fn diff(&self, other: &Frame, rect: Rect) -> f64 {
        let mut differing = 0usize;
        for y in rect.y..rect.y + rect.h {
            let row = (y * WIDTH + rect.x) * 3;
            let a = &self.rgb[row..row + rect.w * 3];
            let b = &other.rgb[row..row + rect.w * 3];
            differing += a
                .chunks_exact(3)
                .zip(b.chunks_exact(3))
                .filter(|(p, q)| p != q)
                .count();
        }
        differing as f64 / (rect.w * rect.h) as f64
    }

    /// True when every pixel of `rect` has one colour (nothing painted there yet).
    pub fn is_blank(&self, rect: Rect) -> bool {
        let first = &self.rgb[(rect.y * WIDTH + rect.x) * 3..][..3];
        (rect.y..rect.y + rect.h).all(|y| {
            let row = (y * WIDTH + rect.x) * 3;
            self.rgb[row..row + rect.w * 3]
                .chunks_exact(3)
                .all(|p| p == first)
        })
    }

    /// Writes the frame as a PNG (ImageMagick `convert`).
    pub fn save_png(&self, path: &Path) -> Result<()> {
        let mut child = Command::new("convert")
            .args([
                "-size",
                &format!("{WIDTH}x{HEIGHT}"),
                "-depth",
                "8",
                "rgb:-",
            ])
            .arg(path)
            .stdin(Stdio::piped())
            .spawn()
            .context("running ImageMagick `convert`")?;
        child
            .stdin
            .take()
            .context("convert stdin")?
            .write_all(&self.rgb)?;
        let status = child.wait()?;
        if !status.success() {
            bail!("convert to {} failed ({status})", path.display());
        }
        Ok(())
    }
}

/// The text OCR reads in a PNG (`tesseract`, English).
pub fn ocr(png: &Path) -> Result<String> {
    let out = Command::new("tesseract")
        .arg(png)
        .args(["-", "--psm", "11"])
        .stderr(Stdio::null())
        .output()
        .context("running `tesseract` (package tesseract-ocr)")?;
    if !out.status.success() {
        bail!("tesseract failed on {} ({})", png.display(), out.status);
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// What OCR must find for "the Sandbox EIP table is painted": the page title and at least
/// `min_rows` EIP allocation IDs (`eip-…`, one per row). Addresses are not counted: OCR splits
/// them at the dots.
pub fn shows_eip_table(text: &str, min_rows: usize) -> Result<(), String> {
    let ids = text
        .split_whitespace()
        .filter(|w| w.starts_with("eip-"))
        .count();
    let title = text.contains("Elastic IP");
    if title && ids >= min_rows {
        Ok(())
    } else {
        Err(format!(
            "title {}, {ids} EIP IDs read (want >= {min_rows})",
            if title { "found" } else { "missing" }
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_table_and_refuses_an_empty_shell() {
        let table = "Elastic IPs\n47 96.1.10 eip-sbx001 InUse\n47 96.1.11 eip-sbx002\n";
        assert!(shows_eip_table(table, 2).is_ok());
        assert!(shows_eip_table(table, 3).is_err());
        assert!(shows_eip_table("Elastic IPs\nLoading…", 1).is_err());
        assert!(shows_eip_table("eip-a eip-b", 1).is_err());
    }

    #[test]
    fn diff_counts_changed_pixels_in_the_region_only() {
        let a = Frame {
            rgb: vec![0; WIDTH * HEIGHT * 3],
        };
        let mut b = a.clone();
        b.rgb[0] = 9;
        let corner = Rect {
            x: 0,
            y: 0,
            w: 2,
            h: 1,
        };
        assert_eq!(a.diff(&b, corner), 0.5);
        let elsewhere = Rect { x: 10, ..corner };
        assert_eq!(a.diff(&b, elsewhere), 0.0);
        assert!(a.is_blank(corner) && !b.is_blank(corner));
    }
}
