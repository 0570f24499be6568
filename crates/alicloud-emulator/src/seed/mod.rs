//! Seeds: the deterministic `demo` data set ([`demo`]), the large `scale:N` one ([`scale`]) and
//! `empty`.

pub mod builder;
pub mod demo;
pub mod demo_ids;
pub mod scale;

use crate::config::Seed;
use crate::state::World;

/// Builds the world a seed describes. `rng_seed` salts the IDs of resources created later.
pub fn build(seed: Seed, rng_seed: u64) -> World {
    let mut world = World::new(&format!("{seed}/{rng_seed}"));
    match seed {
        Seed::Empty => {}
        Seed::Demo => demo::populate(&mut world),
        Seed::Scale(n) => scale::populate(&mut world, n),
    }
    world.rebuild_indexes();
    world
}
