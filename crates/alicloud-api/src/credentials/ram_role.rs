//! RAM role credentials: placeholder replaced in the next step.
