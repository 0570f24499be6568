//! The words a user reads for the API's status, mode, target-type and billing values
//! (`InUse`, `BINDED`, `EcsInstance`, `PostPaid`, …). Those raw values stay in the plan's API
//! view (parameters, CLI, Terraform); every sentence and choice detail uses these. An unknown
//! value is shown as it is rather than hidden.

/// An EIP or ENI status.
pub fn status<T: AsRef<str> + ?Sized>(api: &T) -> &str {
    match api.as_ref() {
        "Available" => "free",
        "InUse" => "in use",
        "Associating" => "binding",
        "Unassociating" => "unbinding",
        "Attaching" => "attaching",
        "Detaching" => "detaching",
        "Running" => "running",
        "Stopped" => "stopped",
        other => other,
    }
}

/// A binding mode.
pub fn mode<T: AsRef<str> + ?Sized>(api: &T) -> &str {
    match api.as_ref() {
        "BINDED" => "cut-through",
        "NAT" => "NAT",
        "MULTI_BINDED" => "multi-EIP",
        other => other,
    }
}

/// What an EIP is bound to.
pub fn target_type<T: AsRef<str> + ?Sized>(api: &T) -> &str {
    match api.as_ref() {
        "EcsInstance" => "instance",
        "NetworkInterface" => "network interface",
        "SlbInstance" => "load balancer",
        "Nat" => "NAT gateway",
        "HaVip" => "HaVip",
        other => other,
    }
}

/// How an EIP is billed.
pub fn charge_type<T: AsRef<str> + ?Sized>(api: &T) -> &str {
    match api.as_ref() {
        "PostPaid" => "pay-as-you-go",
        "PrePaid" => "subscription",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn api_values_become_words_and_unknown_ones_stay() {
        assert_eq!(super::status("InUse"), "in use");
        assert_eq!(super::mode("BINDED"), "cut-through");
        assert_eq!(super::target_type("EcsInstance"), "instance");
        assert_eq!(super::charge_type("PrePaid"), "subscription");
        assert_eq!(super::status("Pending"), "Pending");
    }
}
