//! Why a bind or lifecycle form cannot become a job ([`FormProblem`], catalogue prefix
//! `formp`), as message keys: the window words it in the user's language (nested in
//! `emsg_invalidForm`), `FormError`'s `Display` is its English. A job travels as its
//! [`JobKind`] and is named by its title.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::JobKind;
use crate::text::Message;

/// What is missing or wrong in a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum FormProblem {
    ChooseJob,
    /// A cut-through bind needs its network interface.
    ChooseTargetEni,
    /// A NAT bind needs an instance or a network interface.
    ChooseTargetAny,
    ChooseMode,
    /// A lifecycle job sent to the bind form.
    NotABindJob {
        job: JobKind,
    },
    /// A binding job sent to the lifecycle form.
    IsBindJob {
        job: JobKind,
    },
    ChooseTagTargets,
    ChooseEips,
    ChooseEnis,
    ChooseInstance,
    NeedPeriod,
    ChooseEip,
    NeedBandwidth,
    ChooseVswitch,
    ChooseEni,
    NeedTag,
    NeedTagKey,
    /// The remote-access source is not an IPv4 CIDR block (`cidr` as typed).
    NotCidr {
        cidr: String,
    },
    /// `0.0.0.0/0` without the explicit choice to open the port to everyone.
    OpenToAll,
}

impl Message for FormProblem {
    const PREFIX: &'static str = "formp";

    /// The catalogue's English, a job named by its title.
    fn english(&self) -> String {
        let mut value = serde_json::to_value(self).unwrap_or(serde_json::Value::Null);
        if let (
            Self::NotABindJob { job } | Self::IsBindJob { job },
            serde_json::Value::Object(map),
        ) = (self, &mut value)
        {
            map.insert("job".into(), serde_json::Value::String(job.title()));
        }
        crate::text::english_of(Self::PREFIX, &value)
    }
}

impl std::fmt::Display for FormProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}
