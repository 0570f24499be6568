//! The built-in list of Alibaba Cloud public region IDs a profile's default region is
//! checked against when no region list has been loaded from the cloud (offline, first run).
//! A list the app loads (`DescribeRegions`) is added with
//! [`ProfileStore::set_loaded_regions`](super::ProfileStore::set_loaded_regions).

/// Public regions (mainland China, international, finance and government clouds).
pub const BUILTIN_REGIONS: &[&str] = &[
    "cn-qingdao",
    "cn-beijing",
    "cn-zhangjiakou",
    "cn-huhehaote",
    "cn-wulanchabu",
    "cn-hangzhou",
    "cn-shanghai",
    "cn-nanjing",
    "cn-fuzhou",
    "cn-wuhan-lr",
    "cn-shenzhen",
    "cn-heyuan",
    "cn-guangzhou",
    "cn-chengdu",
    "cn-hongkong",
    "cn-shanghai-finance-1",
    "cn-shenzhen-finance-1",
    "cn-beijing-finance-1",
    "cn-north-2-gov-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ap-south-1",
    "us-east-1",
    "us-west-1",
    "na-south-1",
    "eu-west-1",
    "eu-central-1",
    "me-east-1",
    "me-central-1",
];

/// True when `region` is in the built-in list or in `loaded`.
pub fn is_known(region: &str, loaded: &[String]) -> bool {
    BUILTIN_REGIONS.contains(&region) || loaded.iter().any(|r| r == region)
}
