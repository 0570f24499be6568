//! IPv4 address management for vSwitches: CIDR parsing and allocation of the lowest free
//! usable address. Like Alibaba Cloud, the first and the last three addresses of every
//! vSwitch block are reserved.

use std::collections::BTreeSet;
use std::net::Ipv4Addr;

/// An IPv4 CIDR block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    /// Network address.
    pub base: u32,
    /// Prefix length (8–29 accepted).
    pub prefix: u8,
}

impl Cidr {
    /// Parses `a.b.c.d/n`.
    pub fn parse(text: &str) -> Option<Self> {
        let (addr, prefix) = text.split_once('/')?;
        let addr: Ipv4Addr = addr.parse().ok()?;
        let prefix: u8 = prefix.parse().ok()?;
        if !(8..=29).contains(&prefix) {
            return None;
        }
        let mask = u32::MAX << (32 - u32::from(prefix));
        Some(Self {
            base: u32::from(addr) & mask,
            prefix,
        })
    }

    /// Number of addresses in the block.
    pub fn size(&self) -> u32 {
        1u32 << (32 - u32::from(self.prefix))
    }

    /// Whether `ip` is inside the block.
    pub fn contains(&self, ip: Ipv4Addr) -> bool {
        let ip = u32::from(ip);
        ip >= self.base && ip - self.base < self.size()
    }

    /// Whether `other` lies entirely inside this block.
    pub fn covers(&self, other: &Cidr) -> bool {
        other.prefix >= self.prefix && self.contains(Ipv4Addr::from(other.base))
    }

    /// Whether `ip` is a usable host address (not one of the reserved ones).
    pub fn usable(&self, ip: Ipv4Addr) -> bool {
        let ip = u32::from(ip);
        self.contains(Ipv4Addr::from(ip)) && ip > self.base && ip < self.base + self.size() - 3
    }

    /// How many host addresses are usable.
    pub fn usable_count(&self) -> u32 {
        self.size().saturating_sub(4)
    }
}

/// The addresses in use in one vSwitch.
#[derive(Debug, Clone, Default)]
pub struct Pool {
    used: BTreeSet<u32>,
    hint: u32,
}

impl Pool {
    /// Marks `ip` used; `false` when it already was.
    pub fn claim(&mut self, ip: Ipv4Addr) -> bool {
        self.used.insert(u32::from(ip))
    }

    /// Frees `ip`.
    pub fn release(&mut self, ip: Ipv4Addr) {
        let ip = u32::from(ip);
        self.used.remove(&ip);
        if ip < self.hint {
            self.hint = ip;
        }
    }

    /// Whether `ip` is in use.
    pub fn is_used(&self, ip: Ipv4Addr) -> bool {
        self.used.contains(&u32::from(ip))
    }

    /// How many addresses are in use.
    pub fn used_count(&self) -> u32 {
        u32::try_from(self.used.len()).unwrap_or(u32::MAX)
    }

    /// Allocates the lowest free usable address of `cidr`.
    pub fn allocate(&mut self, cidr: &Cidr) -> Option<Ipv4Addr> {
        let first = cidr.base + 1;
        let last = cidr.base + cidr.size() - 4;
        let mut ip = self.hint.clamp(first, last.max(first));
        while ip <= last {
            if !self.used.contains(&ip) {
                self.used.insert(ip);
                self.hint = ip + 1;
                return Some(Ipv4Addr::from(ip));
            }
            ip += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_contains() {
        let c = Cidr::parse("172.16.1.0/24").unwrap();
        assert!(c.contains("172.16.1.200".parse().unwrap()));
        assert!(!c.contains("172.16.2.1".parse().unwrap()));
        assert!(c.usable("172.16.1.252".parse().unwrap()));
        assert!(!c.usable("172.16.1.253".parse().unwrap()));
        assert!(!c.usable("172.16.1.0".parse().unwrap()));
        assert_eq!(c.usable_count(), 252);
        assert!(Cidr::parse("172.16.0.0/12").unwrap().covers(&c));
        assert!(Cidr::parse("nope").is_none());
        assert!(Cidr::parse("10.0.0.0/31").is_none());
    }

    #[test]
    fn allocates_lowest_free_and_exhausts() {
        let c = Cidr::parse("10.0.0.0/29").unwrap();
        let mut p = Pool::default();
        assert_eq!(p.allocate(&c), Some("10.0.0.1".parse().unwrap()));
        assert!(p.claim("10.0.0.3".parse().unwrap()));
        assert_eq!(p.allocate(&c), Some("10.0.0.2".parse().unwrap()));
        assert_eq!(p.allocate(&c), Some("10.0.0.4".parse().unwrap()));
        assert_eq!(p.allocate(&c), None, "only .1-.4 are usable in a /29");
        p.release("10.0.0.2".parse().unwrap());
        assert_eq!(p.allocate(&c), Some("10.0.0.2".parse().unwrap()));
    }
}
