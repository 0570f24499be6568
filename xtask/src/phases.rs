//! Wall-clock time of each phase of a long command (`dist`, `dist --check`), printed as a table
//! at the end, whether the command passed or failed, so a log says where the time went.

use crate::cmd;
use std::time::{Duration, Instant};

/// The phases run so far; [`Phases::step`] closes the current one and opens the next.
#[derive(Debug)]
pub struct Phases {
    started: Instant,
    current: Option<(String, Instant)>,
    done: Vec<(String, Duration)>,
}

impl Default for Phases {
    fn default() -> Self {
        Self {
            started: Instant::now(),
            current: None,
            done: Vec::new(),
        }
    }
}

impl Phases {
    /// Prints the step heading and starts timing it.
    pub fn step(&mut self, name: &str) {
        self.close();
        cmd::step(name);
        self.current = Some((name.to_string(), Instant::now()));
    }

    fn close(&mut self) {
        if let Some((name, since)) = self.current.take() {
            self.done.push((name, since.elapsed()));
        }
    }

    /// The table of phases and the total, as Markdown.
    pub fn table(&mut self) -> String {
        self.close();
        let mut out = String::from("| phase | seconds |\n|---|---:|\n");
        for (name, took) in &self.done {
            out.push_str(&format!("| {name} | {:.1} |\n", took.as_secs_f64()));
        }
        out.push_str(&format!(
            "| **total** | **{:.1}** |\n",
            self.started.elapsed().as_secs_f64()
        ));
        out
    }
}
