//! The region catalog: IDs, local names (Chinese and English), zones, whether cut-through
//! (BINDED) mode is offered, endpoint names, the short code real resource IDs carry and the
//! public address block EIPs are drawn from.

/// One region of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// e.g. `cn-hangzhou`.
    pub id: &'static str,
    /// `LocalName` in Chinese (the API default, `AcceptLanguage=zh-CN`).
    pub name_zh: &'static str,
    /// `LocalName` in English (`AcceptLanguage=en-US`).
    pub name_en: &'static str,
    /// `LocalName` in Japanese (`AcceptLanguage=ja`), as Alibaba Cloud's Japanese site words it.
    pub name_ja: &'static str,
    /// Zone suffixes: `cn-hangzhou` + `h` → `cn-hangzhou-h`.
    pub zones: &'static [&'static str],
    /// The code after a resource ID's prefix (`i-bp1...` in Hangzhou).
    pub code: &'static str,
    /// The abbreviation Cloud Assistant IDs start with (`t-hz…`, `c-hz…` in Hangzhou).
    pub assistant: &'static str,
    /// First two octets of the block EIPs are drawn from.
    pub public_block: [u8; 2],
}

/// Regions that support associating an EIP with a secondary ENI in cut-through mode, per the
/// official guide (the one list, in `alicloud-api`). Kept as data:
/// [`crate::EmulatorConfig::cut_through_regions`] overrides it.
pub use alicloud_api::regions::CUT_THROUGH_REGIONS;

/// Every region the emulator serves (13 with cut-through mode, 2 without).
pub const REGIONS: &[Region] = &[
    Region {
        id: "cn-qingdao",
        name_zh: "华北1（青岛）",
        name_en: "China (Qingdao)",
        name_ja: "中国 (青島)",
        zones: &["b", "c"],
        code: "m5e",
        assistant: "qd",
        public_block: [47, 104],
    },
    Region {
        id: "cn-beijing",
        name_zh: "华北2（北京）",
        name_en: "China (Beijing)",
        name_ja: "中国 (北京)",
        zones: &["h", "i", "k"],
        code: "2ze",
        assistant: "bj",
        public_block: [39, 105],
    },
    Region {
        id: "cn-zhangjiakou",
        name_zh: "华北3（张家口）",
        name_en: "China (Zhangjiakou)",
        name_ja: "中国 (張家口)",
        zones: &["a", "b", "c"],
        code: "8vb",
        assistant: "zjk",
        public_block: [39, 98],
    },
    Region {
        id: "cn-huhehaote",
        name_zh: "华北5（呼和浩特）",
        name_en: "China (Hohhot)",
        name_ja: "中国 (フフホト)",
        zones: &["a", "b"],
        code: "hp3",
        assistant: "hhht",
        public_block: [39, 104],
    },
    Region {
        id: "cn-hangzhou",
        name_zh: "华东1（杭州）",
        name_en: "China (Hangzhou)",
        name_ja: "中国 (杭州)",
        zones: &["h", "i", "j", "k"],
        code: "bp1",
        assistant: "hz",
        public_block: [47, 98],
    },
    Region {
        id: "cn-shanghai",
        name_zh: "华东2（上海）",
        name_en: "China (Shanghai)",
        name_ja: "中国 (上海)",
        zones: &["e", "f", "g"],
        code: "uf6",
        assistant: "sh",
        public_block: [47, 101],
    },
    Region {
        id: "cn-shenzhen",
        name_zh: "华南1（深圳）",
        name_en: "China (Shenzhen)",
        name_ja: "中国 (深セン)",
        zones: &["d", "e", "f"],
        code: "wz9",
        assistant: "sz",
        public_block: [47, 112],
    },
    Region {
        id: "cn-chengdu",
        name_zh: "西南1（成都）",
        name_en: "China (Chengdu)",
        name_ja: "中国 (成都)",
        zones: &["a", "b"],
        code: "2vc",
        assistant: "cd",
        public_block: [47, 108],
    },
    Region {
        id: "cn-hongkong",
        name_zh: "中国香港",
        name_en: "China (Hong Kong)",
        name_ja: "中国 (香港)",
        zones: &["b", "c", "d"],
        code: "j6c",
        assistant: "hk",
        public_block: [47, 242],
    },
    Region {
        id: "ap-northeast-1",
        name_zh: "日本（东京）",
        name_en: "Japan (Tokyo)",
        name_ja: "日本 (東京)",
        zones: &["a", "b"],
        code: "6we",
        assistant: "jp",
        public_block: [47, 74],
    },
    Region {
        id: "ap-southeast-1",
        name_zh: "新加坡",
        name_en: "Singapore",
        name_ja: "シンガポール",
        zones: &["a", "b", "c"],
        code: "t4n",
        assistant: "sg",
        public_block: [47, 236],
    },
    Region {
        id: "ap-southeast-5",
        name_zh: "印度尼西亚（雅加达）",
        name_en: "Indonesia (Jakarta)",
        name_ja: "インドネシア (ジャカルタ)",
        zones: &["a", "b"],
        code: "k1a",
        assistant: "id",
        public_block: [149, 129],
    },
    Region {
        id: "eu-central-1",
        name_zh: "德国（法兰克福）",
        name_en: "Germany (Frankfurt)",
        name_ja: "ドイツ (フランクフルト)",
        zones: &["a", "b"],
        code: "gw8",
        assistant: "de",
        public_block: [47, 254],
    },
    Region {
        id: "eu-west-1",
        name_zh: "英国（伦敦）",
        name_en: "UK (London)",
        name_ja: "イギリス (ロンドン)",
        zones: &["a", "b"],
        code: "d7o",
        assistant: "uk",
        public_block: [8, 208],
    },
    Region {
        id: "us-east-1",
        name_zh: "美国（弗吉尼亚）",
        name_en: "US (Virginia)",
        name_ja: "米国 (バージニア)",
        zones: &["a", "b"],
        code: "0xi",
        assistant: "us",
        public_block: [47, 253],
    },
];

/// Looks a region up by ID.
pub fn find(id: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.id == id)
}

impl Region {
    /// Full zone IDs.
    pub fn zone_ids(&self) -> Vec<String> {
        self.zones
            .iter()
            .map(|z| format!("{}-{z}", self.id))
            .collect()
    }

    /// Whether `zone` belongs to this region.
    pub fn has_zone(&self, zone: &str) -> bool {
        zone.strip_prefix(self.id)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|z| self.zones.contains(&z))
    }

    /// `LocalName` for a `DescribeRegions` call's `AcceptLanguage`: `en-US` English, `ja`
    /// Japanese, anything else (absent, `zh-CN`, a language the catalog lacks) Chinese, the
    /// API's default.
    pub fn local_name(&self, accept_language: Option<&str>) -> &'static str {
        match accept_language {
            Some(l) if l.eq_ignore_ascii_case("en-US") => self.name_en,
            Some(l) if l.eq_ignore_ascii_case("ja") => self.name_ja,
            _ => self.name_zh,
        }
    }

    /// The VPC endpoint `DescribeRegions` reports.
    pub fn vpc_endpoint(&self) -> String {
        if self.id == "cn-hangzhou" {
            "vpc.aliyuncs.com".into()
        } else {
            format!("vpc.{}.aliyuncs.com", self.id)
        }
    }

    /// The ECS endpoint `DescribeRegions` reports.
    pub fn ecs_endpoint(&self) -> String {
        if self.id == "cn-hangzhou" {
            "ecs-cn-hangzhou.aliyuncs.com".into()
        } else {
            format!("ecs.{}.aliyuncs.com", self.id)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_is_consistent() {
        assert_eq!(REGIONS.len(), 15);
        for id in CUT_THROUGH_REGIONS {
            assert!(find(id).is_some(), "{id}");
        }
        let without: Vec<_> = REGIONS
            .iter()
            .filter(|r| !CUT_THROUGH_REGIONS.contains(&r.id))
            .map(|r| r.id)
            .collect();
        assert_eq!(without, vec!["cn-hongkong", "ap-northeast-1"]);
        let mut codes: Vec<_> = REGIONS.iter().map(|r| r.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), REGIONS.len());
    }

    #[test]
    fn zones_and_endpoints() {
        let hz = find("cn-hangzhou").unwrap();
        assert!(hz.has_zone("cn-hangzhou-h"));
        assert!(!hz.has_zone("cn-hangzhou-z"));
        assert!(!hz.has_zone("cn-shanghai-e"));
        assert_eq!(hz.vpc_endpoint(), "vpc.aliyuncs.com");
        assert_eq!(
            find("us-east-1").unwrap().ecs_endpoint(),
            "ecs.us-east-1.aliyuncs.com"
        );
    }
}
