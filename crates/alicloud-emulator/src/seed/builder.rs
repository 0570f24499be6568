//! A small builder that adds settled resources to a [`World`] for one account and region,
//! deriving every ID, MAC and public IP from a hash of (account, region, name) so seeds are
//! deterministic and independent of construction order.

use crate::actions::views::DEFAULT_RESOURCE_GROUP;
use crate::state::model::{
    BindMode, BindTarget, Binding, ChargeType, Eip, EipStatus, Eni, EniStatus, EniType, Instance,
    InstanceStatus, SecurityGroup, VSwitch, Vpc,
};
use crate::state::regions::{self, Region};
use crate::state::{World, ids};

/// 2024-03-01T08:00:00Z: seeded resources are created from this instant on.
pub const SEED_EPOCH_MS: i64 = 1_709_280_000_000;

/// Adds resources for one account in one region.
#[derive(Debug)]
pub struct Builder<'w> {
    world: &'w mut World,
    account: String,
    region: &'static Region,
    tick: i64,
}

impl<'w> Builder<'w> {
    /// A builder; `None` when the region is not in the catalog.
    pub fn new(world: &'w mut World, account: &str, region: &str) -> Option<Self> {
        Some(Self {
            world,
            account: account.to_string(),
            region: regions::find(region)?,
            tick: 0,
        })
    }

    fn key(&self, kind: &str, name: &str) -> String {
        format!("{}/{}/{kind}/{name}", self.account, self.region.id)
    }

    /// The ID a named resource gets.
    pub fn id(&self, prefix: &str, name: &str) -> String {
        ids::resource_id(prefix, self.region.code, &self.key(prefix, name))
    }

    fn created(&mut self) -> i64 {
        self.tick += 1;
        SEED_EPOCH_MS + self.tick * 7 * 60_000
    }

    /// `<region>-<suffix>`.
    pub fn zone(&self, suffix: &str) -> String {
        format!("{}-{suffix}", self.region.id)
    }

    /// The region.
    pub fn region(&self) -> &'static Region {
        self.region
    }

    /// Adds a VPC.
    pub fn vpc(&mut self, name: &str, cidr: &str) -> String {
        let id = self.id("vpc", name);
        let created_ms = self.created();
        let vpc = Vpc {
            id: id.clone(),
            name: name.to_string(),
            cidr: cidr.to_string(),
            description: format!("{name} network"),
            is_default: false,
            created_ms,
            vrouter_id: self.id("vrt", name),
            route_table_id: self.id("vtb", name),
        };
        let region = self.region.id;
        self.world
            .region_mut(&self.account, region)
            .vpcs
            .insert(vpc);
        id
    }

    /// Adds a vSwitch in zone `<region>-<zone>`.
    pub fn vswitch(&mut self, vpc_id: &str, zone: &str, name: &str, cidr: &str) -> String {
        let id = self.id("vsw", name);
        let created_ms = self.created();
        let vsw = VSwitch {
            id: id.clone(),
            vpc_id: vpc_id.to_string(),
            zone_id: self.zone(zone),
            name: name.to_string(),
            cidr: cidr.to_string(),
            description: String::new(),
            is_default: false,
            created_ms,
        };
        let region = self.region.id;
        self.world
            .region_mut(&self.account, region)
            .vswitches
            .insert(vsw);
        id
    }

    /// Adds a security group.
    pub fn security_group(&mut self, vpc_id: &str, name: &str) -> String {
        let id = self.id("sg", name);
        let created_ms = self.created();
        let sg = SecurityGroup {
            id: id.clone(),
            vpc_id: vpc_id.to_string(),
            name: name.to_string(),
            description: String::new(),
            created_ms,
        };
        let region = self.region.id;
        self.world
            .region_mut(&self.account, region)
            .security_groups
            .insert(sg);
        id
    }

    fn new_eni(
        &mut self,
        name: &str,
        vswitch_id: &str,
        sg: &str,
        kind: EniType,
        extra_ips: usize,
    ) -> Eni {
        let id = self.id("eni", name);
        let created_ms = self.created();
        let mac = ids::mac(&self.key("mac", name));
        let region = self.region.id;
        let res = self.world.region_mut(&self.account, region);
        let (vpc_id, zone_id) = res
            .vswitches
            .get(vswitch_id)
            .map(|v| (v.vpc_id.clone(), v.zone_id.clone()))
            .unwrap_or_default();
        let primary_ip = res.allocate_private_ip(vswitch_id).unwrap_or_default();
        let secondary_ips = (0..extra_ips)
            .filter_map(|_| res.allocate_private_ip(vswitch_id))
            .collect();
        Eni {
            id,
            name: name.to_string(),
            description: String::new(),
            kind,
            status: EniStatus::Available,
            instance_id: None,
            vpc_id,
            vswitch_id: vswitch_id.to_string(),
            zone_id,
            primary_ip,
            secondary_ips,
            mac,
            security_group_ids: vec![sg.to_string()],
            created_ms,
            pending: None,
            delete_on_release: kind == EniType::Primary,
            tags: Vec::new(),
        }
    }

    /// Adds an instance with its primary ENI; returns `(instance, primary ENI)`.
    pub fn instance(
        &mut self,
        name: &str,
        vswitch_id: &str,
        sg: &str,
        instance_type: &str,
        status: InstanceStatus,
    ) -> (String, String) {
        let id = self.id("i", name);
        let mut primary = self.new_eni(
            &format!("{name}/primary"),
            vswitch_id,
            sg,
            EniType::Primary,
            0,
        );
        primary.name = String::new();
        primary.status = EniStatus::InUse;
        primary.instance_id = Some(id.clone());
        let created_ms = self.created();
        let instance = Instance {
            id: id.clone(),
            name: name.to_string(),
            hostname: name.to_string(),
            description: String::new(),
            zone_id: primary.zone_id.clone(),
            vpc_id: primary.vpc_id.clone(),
            vswitch_id: vswitch_id.to_string(),
            instance_type: instance_type.to_string(),
            status,
            primary_eni_id: primary.id.clone(),
            security_group_ids: vec![sg.to_string()],
            image_id: "aliyun_3_x64_20G_alibase_20240528.vhd".to_string(),
            os_name: "Alibaba Cloud Linux  3.2104 LTS 64位".to_string(),
            os_name_en: "Alibaba Cloud Linux  3.2104 LTS 64 bit".to_string(),
            os_type: "linux".to_string(),
            created_ms,
            charge_type: ChargeType::PostPaid,
            tags: vec![("team".to_string(), "netops".to_string())],
        };
        let eni_id = primary.id.clone();
        let region = self.region.id;
        let res = self.world.region_mut(&self.account, region);
        res.enis.insert(primary);
        res.instances.insert(instance);
        (id, eni_id)
    }

    /// Adds a free secondary ENI with `extra_ips` secondary private IPs.
    pub fn eni(&mut self, name: &str, vswitch_id: &str, sg: &str, extra_ips: usize) -> String {
        let eni = self.new_eni(name, vswitch_id, sg, EniType::Secondary, extra_ips);
        let id = eni.id.clone();
        let region = self.region.id;
        self.world
            .region_mut(&self.account, region)
            .enis
            .insert(eni);
        id
    }

    /// Attaches a secondary ENI (settled: `InUse`).
    pub fn attach(&mut self, eni_id: &str, instance_id: &str) {
        let region = self.region.id;
        if let Some(eni) = self
            .world
            .region_mut(&self.account, region)
            .enis
            .get_mut(eni_id)
        {
            eni.status = EniStatus::InUse;
            eni.instance_id = Some(instance_id.to_string());
        }
    }

    fn public_ip(&mut self, name: &str) -> String {
        let key = self.key("ip", name);
        self.world
            .hashed_public_ip(self.region.id, &key)
            .unwrap_or_default()
    }

    /// Adds a free EIP; returns `(AllocationId, IP)`.
    pub fn eip(
        &mut self,
        name: &str,
        bandwidth: u32,
        charge: ChargeType,
        internet: &str,
    ) -> (String, String) {
        let id = self.id("eip", name);
        let ip = self.public_ip(name);
        let allocated_ms = self.created();
        let eip = Eip {
            id: id.clone(),
            ip: ip.clone(),
            name: name.to_string(),
            description: String::new(),
            status: EipStatus::Available,
            charge_type: charge,
            internet_charge_type: internet.to_string(),
            bandwidth,
            isp: "BGP".to_string(),
            allocated_ms,
            expires_ms: (charge == ChargeType::PrePaid)
                .then_some(allocated_ms + 365 * 86_400_000 * 3),
            binding: None,
            mode: None,
            pending: None,
            resource_group_id: DEFAULT_RESOURCE_GROUP.to_string(),
            tags: Vec::new(),
        };
        let region = self.region.id;
        self.world
            .region_mut(&self.account, region)
            .eips
            .insert(eip);
        (id, ip)
    }

    /// Associates an EIP with an instance in NAT mode (settled: `InUse`).
    pub fn bind_instance(&mut self, eip_id: &str, instance_id: &str) {
        let region = self.region.id;
        let res = self.world.region_mut(&self.account, region);
        let Some((vpc, primary)) = res
            .instances
            .get(instance_id)
            .map(|i| (i.vpc_id.clone(), i.primary_eni_id.clone()))
        else {
            return;
        };
        let ip = res
            .enis
            .get(&primary)
            .map(|e| e.primary_ip.clone())
            .unwrap_or_default();
        if let Some(eip) = res.eips.get_mut(eip_id) {
            eip.status = EipStatus::InUse;
            eip.binding = Some(Binding {
                target: BindTarget::EcsInstance,
                instance_id: instance_id.to_string(),
                mode: BindMode::Nat,
                private_ip: ip,
                vpc_id: vpc,
            });
        }
    }

    /// Associates an EIP with a secondary ENI's primary IP in `mode` (settled: `InUse`).
    pub fn bind_eni(&mut self, eip_id: &str, eni_id: &str, mode: BindMode) {
        let region = self.region.id;
        let res = self.world.region_mut(&self.account, region);
        let Some((vpc, ip)) = res
            .enis
            .get(eni_id)
            .map(|e| (e.vpc_id.clone(), e.primary_ip.clone()))
        else {
            return;
        };
        if let Some(eip) = res.eips.get_mut(eip_id) {
            eip.status = EipStatus::InUse;
            eip.binding = Some(Binding {
                target: BindTarget::NetworkInterface,
                instance_id: eni_id.to_string(),
                mode,
                private_ip: ip,
                vpc_id: vpc,
            });
        }
    }
}
