//! Key IDs and addresses of the `demo` seed, stable across runs (derived from names, checked
//! by a test). End-to-end tests may hardcode them.
//!
//! Account 1 ([`crate::DEMO_ACCESS_KEY_ID`], account `1234567890123456`), cn-hangzhou:
//!
//! | what | ID | details |
//! |---|---|---|
//! | VPC prod-vpc | `vpc-bp1j10f1sl3gexqvcozs` | 172.16.0.0/12 |
//! | VPC staging-vpc | `vpc-bp1og8mhg4nd1blvk58e` | 10.10.0.0/16 |
//! | vSwitch prod-app-h | `vsw-bp1welqgk15o3r4pvifx` | cn-hangzhou-h, 172.16.1.0/24 |
//! | vSwitch prod-app-i | `vsw-bp12khfg74f9vm79xffh` | cn-hangzhou-i, 172.16.2.0/24 |
//! | vSwitch staging-h | `vsw-bp13256zhbcoc7vnekpo` | cn-hangzhou-h, 10.10.1.0/24 |
//! | security group prod-web | `sg-bp1ic1170vzm0i70uxkf` | prod-vpc |
//! | instance web-01 | `i-bp1rqn8y8lb6iy5x5nne` | Running, ecs.g7.large (3 ENIs), zone h |
//! | instance web-02 | `i-bp10buq1bbp3ujg1s9bu` | Running, ecs.g7.xlarge, zone h, NAT EIP + cut-through ENI |
//! | instance db-01 | `i-bp1nf3i9w1gsjx88q9h7` | Stopped, zone i |
//! | instance edge-01 | `i-bp1r5owba9ow0fgtxz3w` | Running, ecs.t6-c1m2.large (2 ENIs: full) |
//! | instance batch-01 | `i-bp1rt66pxapyhdxiuzcc` | Starting (ENIs cannot attach) |
//! | instance stage-01 | `i-bp17wlijlai6or3u4zin` | Running, staging-vpc |
//! | primary ENI of web-01 | `eni-bp1hxgg3mq47llnwq37g` | |
//! | ENI ct-ready-a | `eni-bp1d5p1er7vm1633sh6l` | free secondary, 172.16.1.5 |
//! | ENI ct-ready-b | `eni-bp1cj8nomlt631ae7ls1` | free secondary, 172.16.1.6 |
//! | ENI spare-zone-i | `eni-bp111b3nu2cd2bdxkx0b` | free, zone i |
//! | ENI multi-ip | `eni-bp1d48usm0gpil1t04kh` | free, 2 secondary private IPs |
//! | ENI web-01-data | `eni-bp1lofjktg4dbzdlyxgp` | attached to web-01 |
//! | ENI edge-01-data | `eni-bp14fbk8pxh3eh7l6rzn` | attached to edge-01 |
//! | ENI ct-live | `eni-bp1gxdqvi03v0soojvre` | BINDED EIP, attached to web-02 |
//! | ENI ct-staged | `eni-bp1vcw0e8v0wmmvcawhv` | BINDED EIP, not attached |
//! | ENI nat-eni | `eni-bp1wzkvt0bwgizpa4hj8` | NAT EIP on a secondary ENI |
//! | ENI staging-spare | `eni-bp153y14a52eiiwtw24a` | free, staging-vpc |
//! | EIP free-a | `eip-bp1vdcgzm41znfkjyd2x` | 47.98.159.168, Available, PayByTraffic 5 |
//! | EIP free-b | `eip-bp1fovp2j693unptht0g` | 47.98.28.21, Available, PayByBandwidth 10 |
//! | EIP free-c | `eip-bp1nb6aclhifn05sewwg` | 47.98.211.152, Available |
//! | EIP web-02-nat | `eip-bp1wq77vu6yj6wonggui` | 47.98.110.43, InUse, NAT on web-02 |
//! | EIP ct-live | `eip-bp1hc0coj0qakbl6g1fp` | 47.98.80.234, InUse, BINDED on ct-live |
//! | EIP ct-staged | `eip-bp1i2ugd41kdt1hldyk0` | 47.98.83.186, InUse, BINDED on ct-staged |
//! | EIP nat-eni | `eip-bp1sxlr97qcr54sh1ht4` | 47.98.107.200, InUse, NAT on nat-eni |
//! | EIP prepaid-reserved | `eip-bp17l1aj4tlc41pwvvj0` | 47.98.231.52, Available, PrePaid |
//!
//! Account 1, cn-shanghai: VPC `vpc-uf6oik0v02lrb6cjysh1`, vSwitch `vsw-uf6mxext9hp6pd0mbqed`
//! (cn-shanghai-e), instances sh-app-01 `i-uf6dk8lsvir1brkmhvz1` (Running) and sh-app-02
//! `i-uf6sj02drxy98cylb1ds` (Stopped), free ENI sh-ct-ready `eni-uf6unrb6oo1gjgx57rm4`, EIPs
//! sh-free-a `eip-uf6k2nlllp4uv94jdr1h` (47.101.37.36), sh-free-b `eip-uf63zey6gkwao74u59dn`
//! (47.101.45.116), sh-app-01-nat `eip-uf6sge43g19jhw28hsdn` (47.101.159.163, NAT on sh-app-01).
//!
//! Every other region (12 more, including ap-northeast-1 and cn-hongkong, which lack
//! cut-through) has `<region>-vpc`, one running `<region>-node-01`, a free `<region>-spare`
//! ENI and a free `<region>-free` EIP; e.g. ap-northeast-1: ENI `eni-6we0feztht617k19hze2`,
//! EIP `eip-6wecs7umjf3bpz9v3glj` (47.74.255.24).
//!
//! Account 2 ([`crate::SECOND_ACCESS_KEY_ID`], account `5678901234567890`): cn-hangzhou VPC
//! acme-vpc `vpc-bp1hznmx0tako9nrpoz8`, instance acme-web `i-bp1n8xun9ho4wba236y1`, free ENI
//! acme-spare `eni-bp1uylbn1fspcz432w3a`, EIPs acme-free `eip-bp1740pp0fixxi6ybelj`
//! (47.98.55.7) and acme-web-nat `eip-bp11y2av299nu9wr6eqb` (47.98.36.115); cn-beijing EIP
//! acme-bj-free `eip-2ze1835cj9vj6chi6d3z` (39.105.247.25).

/// cn-hangzhou VPC prod-vpc.
pub const HZ_VPC_PROD: &str = "vpc-bp1j10f1sl3gexqvcozs";
/// cn-hangzhou VPC staging-vpc.
pub const HZ_VPC_STAGING: &str = "vpc-bp1og8mhg4nd1blvk58e";
/// cn-hangzhou vSwitch prod-app-h.
pub const HZ_VSW_PROD_H: &str = "vsw-bp1welqgk15o3r4pvifx";
/// cn-hangzhou vSwitch prod-app-i.
pub const HZ_VSW_PROD_I: &str = "vsw-bp12khfg74f9vm79xffh";
/// cn-hangzhou security group prod-web.
pub const HZ_SG_PROD: &str = "sg-bp1ic1170vzm0i70uxkf";
/// cn-hangzhou security group staging-default.
pub const HZ_SG_STAGING: &str = "sg-bp10gv9562m5km7pee7p";
/// web-01 (Running, ecs.g7.large, zone h).
pub const HZ_I_WEB01: &str = "i-bp1rqn8y8lb6iy5x5nne";
/// web-02 (Running, ecs.g7.xlarge, zone h).
pub const HZ_I_WEB02: &str = "i-bp10buq1bbp3ujg1s9bu";
/// db-01 (Stopped, zone i).
pub const HZ_I_DB01: &str = "i-bp1nf3i9w1gsjx88q9h7";
/// edge-01 (Running, 2 ENIs max, full).
pub const HZ_I_EDGE01: &str = "i-bp1r5owba9ow0fgtxz3w";
/// batch-01 (Starting).
pub const HZ_I_BATCH01: &str = "i-bp1rt66pxapyhdxiuzcc";
/// stage-01 (Running, staging VPC).
pub const HZ_I_STAGE01: &str = "i-bp17wlijlai6or3u4zin";
/// Primary ENI of web-01.
pub const HZ_ENI_WEB01_PRIMARY: &str = "eni-bp1hxgg3mq47llnwq37g";
/// Free secondary ENI ct-ready-a (172.16.1.5).
pub const HZ_ENI_CT_READY_A: &str = "eni-bp1d5p1er7vm1633sh6l";
/// Free secondary ENI ct-ready-b (172.16.1.6).
pub const HZ_ENI_CT_READY_B: &str = "eni-bp1cj8nomlt631ae7ls1";
/// Free secondary ENI in zone i.
pub const HZ_ENI_SPARE_ZONE_I: &str = "eni-bp111b3nu2cd2bdxkx0b";
/// Free secondary ENI with two secondary private IPs.
pub const HZ_ENI_MULTI_IP: &str = "eni-bp1d48usm0gpil1t04kh";
/// Secondary ENI attached to web-01.
pub const HZ_ENI_WEB01_DATA: &str = "eni-bp1lofjktg4dbzdlyxgp";
/// Secondary ENI attached to edge-01.
pub const HZ_ENI_EDGE01_DATA: &str = "eni-bp14fbk8pxh3eh7l6rzn";
/// ENI with a BINDED EIP, attached to web-02.
pub const HZ_ENI_CT_LIVE: &str = "eni-bp1gxdqvi03v0soojvre";
/// ENI with a BINDED EIP, not attached.
pub const HZ_ENI_CT_STAGED: &str = "eni-bp1vcw0e8v0wmmvcawhv";
/// ENI with a NAT-mode EIP.
pub const HZ_ENI_NAT: &str = "eni-bp1wzkvt0bwgizpa4hj8";
/// Free ENI in the staging VPC.
pub const HZ_ENI_STAGING_SPARE: &str = "eni-bp153y14a52eiiwtw24a";
/// Free EIP free-a.
pub const HZ_EIP_FREE_A: &str = "eip-bp1vdcgzm41znfkjyd2x";
/// IP of free-a.
pub const HZ_EIP_FREE_A_IP: &str = "47.98.159.168";
/// Free EIP free-b.
pub const HZ_EIP_FREE_B: &str = "eip-bp1fovp2j693unptht0g";
/// IP of free-b.
pub const HZ_EIP_FREE_B_IP: &str = "47.98.28.21";
/// Free EIP free-c.
pub const HZ_EIP_FREE_C: &str = "eip-bp1nb6aclhifn05sewwg";
/// IP of free-c.
pub const HZ_EIP_FREE_C_IP: &str = "47.98.211.152";
/// EIP in NAT mode on web-02.
pub const HZ_EIP_WEB02_NAT: &str = "eip-bp1wq77vu6yj6wonggui";
/// EIP in BINDED mode on ct-live (attached).
pub const HZ_EIP_CT_LIVE: &str = "eip-bp1hc0coj0qakbl6g1fp";
/// EIP in BINDED mode on ct-staged (not attached).
pub const HZ_EIP_CT_STAGED: &str = "eip-bp1i2ugd41kdt1hldyk0";
/// EIP in NAT mode on nat-eni.
pub const HZ_EIP_NAT_ENI: &str = "eip-bp1sxlr97qcr54sh1ht4";
/// Subscription (PrePaid) EIP.
pub const HZ_EIP_PREPAID: &str = "eip-bp17l1aj4tlc41pwvvj0";
/// cn-shanghai free EIP sh-free-a.
pub const SH_EIP_FREE_A: &str = "eip-uf6k2nlllp4uv94jdr1h";
/// IP of sh-free-a.
pub const SH_EIP_FREE_A_IP: &str = "47.101.37.36";
/// cn-shanghai free EIP sh-free-b.
pub const SH_EIP_FREE_B: &str = "eip-uf63zey6gkwao74u59dn";
/// IP of sh-free-b.
pub const SH_EIP_FREE_B_IP: &str = "47.101.45.116";
/// cn-shanghai NAT EIP on sh-app-01.
pub const SH_EIP_APP01_NAT: &str = "eip-uf6sge43g19jhw28hsdn";
/// cn-shanghai free ENI.
pub const SH_ENI_CT_READY: &str = "eni-uf6unrb6oo1gjgx57rm4";
/// cn-shanghai sh-app-01.
pub const SH_I_APP01: &str = "i-uf6dk8lsvir1brkmhvz1";
/// ap-northeast-1 (no cut-through) free ENI.
pub const TOKYO_ENI_SPARE: &str = "eni-6we0feztht617k19hze2";
/// ap-northeast-1 free EIP.
pub const TOKYO_EIP_FREE: &str = "eip-6wecs7umjf3bpz9v3glj";
/// Account 2, cn-hangzhou free EIP.
pub const SECOND_HZ_EIP_FREE: &str = "eip-bp1740pp0fixxi6ybelj";
/// Account 2, cn-hangzhou NAT EIP on acme-web.
pub const SECOND_HZ_EIP_WEB_NAT: &str = "eip-bp11y2av299nu9wr6eqb";
/// Account 2, cn-hangzhou free ENI.
pub const SECOND_HZ_ENI_SPARE: &str = "eni-bp1uylbn1fspcz432w3a";
/// Account 2, cn-beijing free EIP.
pub const SECOND_BJ_EIP_FREE: &str = "eip-2ze1835cj9vj6chi6d3z";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::{DEMO_ACCOUNT_ID, SECOND_ACCOUNT_ID};
    use crate::config::Seed;
    use crate::seed::build;

    #[test]
    fn documented_ids_exist_with_documented_addresses() {
        let w = build(Seed::Demo, 0);
        let hz = w.region(DEMO_ACCOUNT_ID, "cn-hangzhou").unwrap();
        for (id, ip) in [
            (HZ_EIP_FREE_A, HZ_EIP_FREE_A_IP),
            (HZ_EIP_FREE_B, HZ_EIP_FREE_B_IP),
            (HZ_EIP_FREE_C, HZ_EIP_FREE_C_IP),
        ] {
            assert_eq!(hz.eips.get(id).unwrap().ip, ip);
        }
        for id in [
            HZ_EIP_WEB02_NAT,
            HZ_EIP_CT_LIVE,
            HZ_EIP_CT_STAGED,
            HZ_EIP_NAT_ENI,
            HZ_EIP_PREPAID,
        ] {
            assert!(hz.eips.contains(id), "{id}");
        }
        for id in [
            HZ_ENI_WEB01_PRIMARY,
            HZ_ENI_CT_READY_A,
            HZ_ENI_CT_READY_B,
            HZ_ENI_SPARE_ZONE_I,
            HZ_ENI_MULTI_IP,
            HZ_ENI_WEB01_DATA,
            HZ_ENI_EDGE01_DATA,
            HZ_ENI_CT_LIVE,
            HZ_ENI_CT_STAGED,
            HZ_ENI_NAT,
            HZ_ENI_STAGING_SPARE,
        ] {
            assert!(hz.enis.contains(id), "{id}");
        }
        for id in [
            HZ_I_WEB01,
            HZ_I_WEB02,
            HZ_I_DB01,
            HZ_I_EDGE01,
            HZ_I_BATCH01,
            HZ_I_STAGE01,
        ] {
            assert!(hz.instances.contains(id), "{id}");
        }
        assert!(hz.vpcs.contains(HZ_VPC_PROD) && hz.vpcs.contains(HZ_VPC_STAGING));
        assert!(hz.vswitches.contains(HZ_VSW_PROD_H) && hz.vswitches.contains(HZ_VSW_PROD_I));
        assert!(
            hz.security_groups.contains(HZ_SG_PROD) && hz.security_groups.contains(HZ_SG_STAGING)
        );
        let sh = w.region(DEMO_ACCOUNT_ID, "cn-shanghai").unwrap();
        assert_eq!(sh.eips.get(SH_EIP_FREE_A).unwrap().ip, SH_EIP_FREE_A_IP);
        assert_eq!(sh.eips.get(SH_EIP_FREE_B).unwrap().ip, SH_EIP_FREE_B_IP);
        assert!(sh.eips.contains(SH_EIP_APP01_NAT) && sh.enis.contains(SH_ENI_CT_READY));
        assert!(sh.instances.contains(SH_I_APP01));
        let tokyo = w.region(DEMO_ACCOUNT_ID, "ap-northeast-1").unwrap();
        assert!(tokyo.enis.contains(TOKYO_ENI_SPARE) && tokyo.eips.contains(TOKYO_EIP_FREE));
        let two = w.region(SECOND_ACCOUNT_ID, "cn-hangzhou").unwrap();
        assert!(two.eips.contains(SECOND_HZ_EIP_FREE) && two.eips.contains(SECOND_HZ_EIP_WEB_NAT));
        assert!(two.enis.contains(SECOND_HZ_ENI_SPARE));
        assert!(
            w.region(SECOND_ACCOUNT_ID, "cn-beijing")
                .unwrap()
                .eips
                .contains(SECOND_BJ_EIP_FREE)
        );
    }

    #[test]
    fn demo_seed_is_deterministic_and_covers_every_region() {
        let a = crate::persist::to_json(&build(Seed::Demo, 0));
        let b = crate::persist::to_json(&build(Seed::Demo, 0));
        assert_eq!(a, b);
        let w = build(Seed::Demo, 0);
        assert_eq!(w.accounts[DEMO_ACCOUNT_ID].regions.len(), 15);
    }
}
