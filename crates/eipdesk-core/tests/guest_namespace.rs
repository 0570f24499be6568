//! The Linux guest scripts on a real network stack. As root, the test builds two network
//! namespaces joined by a veth pair: the "guest" end is `eth1` with the ENI's MAC, the "cloud"
//! end runs Debian's `dnsmasq` handing out the EIP to that MAC. The configure script brings
//! `eth1` up with DHCP and sets the route metric; the verification script's JSON must show
//! the EIP on `eth1` and its default route with that metric. It prints the address table it
//! saw. The configure script also writes Debian's ifupdown stanza for `eth1` (DHCP, the metric)
//! and the revert removes it, both under a temporary root (`EIPDESK_GUEST_ROOT`), so the
//! distribution file is checked too. Only addresses inside the test's own namespaces are used;
//! `/etc/resolv.conf` writes of the DHCP client land in `/etc/netns/<ns>/` (removed
//! afterwards), and the scripts' own files go to the temporary root, so the host's
//! configuration is never touched. Without root,
//! `ip`, `dnsmasq` or a DHCP client (dhclient, dhcpcd or udhcpc) it is skipped with a message.

use eipdesk_core::guest_os::scripts::{ScriptOp, script};
use eipdesk_core::guest_os::{GuestNic, OsFamily, verify};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

const MAC: &str = "00:16:3e:5a:17:01";
const EIP: &str = "47.98.159.168";
const GATEWAY: &str = "47.98.159.1";
const METRIC: u32 = 50;

fn run(args: &[&str]) -> Output {
    let out = Command::new(args[0])
        .args(&args[1..])
        .output()
        .unwrap_or_else(|e| panic!("{args:?}: {e}"));
    assert!(
        out.status.success(),
        "{args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Why the test cannot run here, if it cannot.
fn missing() -> Option<String> {
    let uid = Command::new("id").arg("-u").output().ok()?;
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        return Some("not root (network namespaces need it; CI runs as root)".into());
    }
    for tool in ["ip", "dnsmasq"] {
        if !have(tool) {
            return Some(format!(
                "`{tool}` is not installed (cargo xtask setup installs it)"
            ));
        }
    }
    if !["dhclient", "dhcpcd", "udhcpc"].iter().any(|t| have(t)) {
        return Some("no DHCP client (dhclient, dhcpcd or udhcpc) is installed".into());
    }
    None
}

/// The namespaces, the veth pair and dnsmasq; all removed on drop.
struct Lab {
    guest: String,
    cloud: String,
    dnsmasq: Option<Child>,
    etc: PathBuf,
    _dir: tempfile::TempDir,
}

impl Lab {
    fn build() -> Self {
        let tag = std::process::id();
        let guest = format!("eipdesk-guest-{tag}");
        let cloud = format!("eipdesk-cloud-{tag}");
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
        std::fs::create_dir_all(dir.path().join("root/etc/network/interfaces.d")).unwrap();
        let etc = PathBuf::from(format!("/etc/netns/{guest}"));
        let mut lab = Lab {
            guest: guest.clone(),
            cloud: cloud.clone(),
            dnsmasq: None,
            etc: etc.clone(),
            _dir: dir,
        };
        std::fs::create_dir_all(&etc).unwrap();
        std::fs::write(etc.join("resolv.conf"), "").unwrap();
        run(&["ip", "netns", "add", &guest]);
        run(&["ip", "netns", "add", &cloud]);
        run(&[
            "ip", "-n", &cloud, "link", "add", "h0", "type", "veth", "peer", "name", "eth1",
            "netns", &guest,
        ]);
        run(&["ip", "-n", &guest, "link", "set", "eth1", "address", MAC]);
        run(&["ip", "-n", &guest, "link", "set", "lo", "up"]);
        run(&["ip", "-n", &cloud, "link", "set", "lo", "up"]);
        run(&[
            "ip",
            "-n",
            &cloud,
            "addr",
            "add",
            &format!("{GATEWAY}/24"),
            "dev",
            "h0",
        ]);
        run(&["ip", "-n", &cloud, "link", "set", "h0", "up"]);
        let leases = lab._dir.path().join("leases");
        let child = Command::new("ip")
            .args(["netns", "exec", &cloud, "dnsmasq", "--keep-in-foreground"])
            .args([
                "--conf-file=/dev/null",
                "--no-resolv",
                "--no-hosts",
                "--port=0",
            ])
            .args(["--user=root", "--interface=h0", "--bind-interfaces"])
            .arg("--dhcp-range=47.98.159.100,47.98.159.200,255.255.255.0,10m")
            .arg(format!("--dhcp-host={MAC},{EIP}"))
            .arg(format!("--dhcp-option=option:router,{GATEWAY}"))
            .arg("--dhcp-option=6")
            .arg("--dhcp-authoritative")
            .arg(format!("--dhcp-leasefile={}", leases.display()))
            .arg(format!(
                "--pid-file={}",
                lab._dir.path().join("dnsmasq.pid").display()
            ))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("dnsmasq starts");
        lab.dnsmasq = Some(child);
        // Let dnsmasq bind its DHCP socket before the client asks (the client retries anyway).
        std::thread::sleep(Duration::from_millis(500));
        lab
    }

    /// Runs `content` with `sh` inside the guest namespace; the distribution files it writes
    /// go under the lab's temporary root.
    fn in_guest(&self, content: &str) -> Output {
        let root = format!("EIPDESK_GUEST_ROOT={}", self.root().display());
        Command::new("ip")
            .args(["netns", "exec", &self.guest, "env", &root])
            .args(["sh", "-c", content])
            .output()
            .unwrap()
    }

    /// The guest's temporary root, with Debian's `etc/network/interfaces.d`.
    fn root(&self) -> PathBuf {
        self._dir.path().join("root")
    }

    /// The ifupdown stanza the configure script wrote for `eth1`, if any.
    fn ifupdown(&self) -> Option<String> {
        std::fs::read_to_string(self.root().join("etc/network/interfaces.d/eth1")).ok()
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        if let Some(mut child) = self.dnsmasq.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
        for ns in [&self.guest, &self.cloud] {
            let _ = Command::new("ip").args(["netns", "del", ns]).status();
        }
        let _ = std::fs::remove_dir_all(&self.etc);
    }
}

#[test]
fn linux_scripts_configure_dhcp_and_verify_the_eip_on_a_real_nic() {
    if let Some(why) = missing() {
        eprintln!("SKIPPED guest_namespace: {why}");
        return;
    }
    let lab = Lab::build();
    let nic = GuestNic {
        mac: MAC.to_ascii_uppercase(),
        eni_id: "eni-bp1namespacetest".into(),
        eip_address: EIP.into(),
    };
    let before = lab.in_guest(&script(OsFamily::Debian, ScriptOp::Verify, &nic, None).content);
    let err = verify::check(
        OsFamily::Debian,
        &String::from_utf8_lossy(&before.stdout),
        &nic,
    )
    .unwrap_err();
    assert!(
        matches!(err, verify::VerifyError::NoAddress { .. }),
        "before: {err}"
    );

    let configure =
        lab.in_guest(&script(OsFamily::Debian, ScriptOp::Configure, &nic, Some(METRIC)).content);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&configure.stdout),
        String::from_utf8_lossy(&configure.stderr)
    );
    assert!(configure.status.success(), "configure failed:\n{said}");
    assert!(
        said.contains("eth1 (MAC 00:16:3e:5a:17:01) uses DHCP and is up"),
        "{said}"
    );
    let stanza = lab.ifupdown().expect("the ifupdown stanza is written");
    assert_eq!(
        stanza,
        format!("allow-hotplug eth1\niface eth1 inet dhcp\n    metric {METRIC}\n")
    );
    println!("ifupdown stanza written to <root>/etc/network/interfaces.d/eth1:\n{stanza}");

    let out = lab.in_guest(&script(OsFamily::Debian, ScriptOp::Verify, &nic, None).content);
    assert!(out.status.success());
    let json = String::from_utf8_lossy(&out.stdout);
    let verified =
        verify::check(OsFamily::Debian, &json, &nic).unwrap_or_else(|e| panic!("{e}\n{json}"));
    assert_eq!(verified.interface, "eth1");
    assert_eq!(verified.metric, Some(u64::from(METRIC)));

    let table = run(&["ip", "-n", &lab.guest, "-4", "-br", "addr"]);
    let routes = run(&["ip", "-n", &lab.guest, "-4", "route"]);
    println!(
        "address table in the guest namespace:\n{}routes:\n{}",
        String::from_utf8_lossy(&table.stdout),
        String::from_utf8_lossy(&routes.stdout)
    );

    let revert = lab.in_guest(&script(OsFamily::Debian, ScriptOp::Revert, &nic, None).content);
    assert!(
        revert.status.success(),
        "{}",
        String::from_utf8_lossy(&revert.stderr)
    );
    assert_eq!(lab.ifupdown(), None, "the revert removes the stanza");
    let after = lab.in_guest(&script(OsFamily::Debian, ScriptOp::Verify, &nic, None).content);
    assert!(
        verify::check(
            OsFamily::Debian,
            &String::from_utf8_lossy(&after.stdout),
            &nic
        )
        .is_err()
    );
}
