//! Products (VPC, ECS, STS), their API versions, and where each call is sent: the regional
//! HTTPS endpoint of the real cloud, or one override base URL (the emulator) for all products.

use std::fmt;
use std::str::FromStr;

use url::Url;

use crate::error::Error;

/// An Alibaba Cloud product this client speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Product {
    /// Virtual Private Cloud (EIPs, VPCs, vSwitches), API version `2016-04-28`.
    Vpc,
    /// Elastic Compute Service (instances, ENIs), API version `2014-05-26`.
    Ecs,
    /// Security Token Service, API version `2015-04-01`.
    Sts,
}

impl Product {
    /// The API version string sent with every call.
    pub fn api_version(self) -> &'static str {
        match self {
            Product::Vpc => "2016-04-28",
            Product::Ecs => "2014-05-26",
            Product::Sts => "2015-04-01",
        }
    }

    /// The lower-case product code (`vpc`, `ecs`, `sts`).
    pub fn code(self) -> &'static str {
        match self {
            Product::Vpc => "vpc",
            Product::Ecs => "ecs",
            Product::Sts => "sts",
        }
    }

    /// The public endpoint host for `region` (`None` means the product's default).
    ///
    /// * VPC: `cn-hangzhou` → `vpc.aliyuncs.com`, otherwise `vpc.<region>.aliyuncs.com`.
    /// * ECS: `cn-hangzhou` → `ecs-cn-hangzhou.aliyuncs.com`, otherwise
    ///   `ecs.<region>.aliyuncs.com`; no region → `ecs.aliyuncs.com`.
    /// * STS: no region → `sts.aliyuncs.com`, otherwise `sts.<region>.aliyuncs.com`.
    pub fn host(self, region: Option<&str>) -> String {
        let region = region.map(str::trim).filter(|r| !r.is_empty());
        match (self, region) {
            (Product::Vpc, None | Some("cn-hangzhou")) => "vpc.aliyuncs.com".to_string(),
            (Product::Ecs, Some("cn-hangzhou")) => "ecs-cn-hangzhou.aliyuncs.com".to_string(),
            (Product::Ecs, None) => "ecs.aliyuncs.com".to_string(),
            (Product::Sts, None) => "sts.aliyuncs.com".to_string(),
            (product, Some(region)) => format!("{}.{region}.aliyuncs.com", product.code()),
        }
    }
}

impl fmt::Display for Product {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Product {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "vpc" => Ok(Product::Vpc),
            "ecs" => Ok(Product::Ecs),
            "sts" => Ok(Product::Sts),
            other => Err(Error::Config(format!(
                "unknown product {other:?} (expected vpc, ecs or sts)"
            ))),
        }
    }
}

/// Where calls go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Endpoints {
    /// The real cloud: `https://<regional host>/`.
    Regional,
    /// One base URL for every product and region, e.g. `http://127.0.0.1:8080`.
    Override(Url),
}

impl Endpoints {
    /// Parses an override base URL. It must be `http` or `https`, have a host, and have no
    /// path beyond `/`, query or fragment (RPC calls always go to `/`).
    pub fn override_url(base: &str) -> Result<Self, Error> {
        let url = Url::parse(base.trim())
            .map_err(|e| Error::Config(format!("endpoint override {base:?}: {e}")))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Error::Config(format!(
                "endpoint override {base:?}: scheme must be http or https"
            )));
        }
        if url.host_str().is_none() || url.path() != "/" || url.query().is_some() {
            return Err(Error::Config(format!(
                "endpoint override {base:?}: expected scheme://host[:port] with no path or query"
            )));
        }
        Ok(Endpoints::Override(url))
    }

    /// The base URL (path `/`, no query) for a call to `product` in `region`.
    pub fn base_url(&self, product: Product, region: Option<&str>) -> Result<Url, Error> {
        match self {
            Endpoints::Override(url) => Ok(url.clone()),
            Endpoints::Regional => {
                let host = product.host(region);
                Url::parse(&format!("https://{host}/")).map_err(|e| {
                    Error::Config(format!("endpoint for {product} in {region:?}: {e}"))
                })
            }
        }
    }
}

/// The `host` header value for `url`: the host, plus `:port` when the port is not the
/// scheme's default (exactly what the HTTP client sends, so the signature matches).
pub fn host_header(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default();
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regional_hosts() {
        assert_eq!(Product::Vpc.host(Some("cn-hangzhou")), "vpc.aliyuncs.com");
        assert_eq!(
            Product::Vpc.host(Some("cn-beijing")),
            "vpc.cn-beijing.aliyuncs.com"
        );
        assert_eq!(
            Product::Ecs.host(Some("cn-hangzhou")),
            "ecs-cn-hangzhou.aliyuncs.com"
        );
        assert_eq!(
            Product::Ecs.host(Some("eu-central-1")),
            "ecs.eu-central-1.aliyuncs.com"
        );
        assert_eq!(Product::Ecs.host(None), "ecs.aliyuncs.com");
        assert_eq!(Product::Sts.host(None), "sts.aliyuncs.com");
        assert_eq!(
            Product::Sts.host(Some("ap-southeast-1")),
            "sts.ap-southeast-1.aliyuncs.com"
        );
    }

    #[test]
    fn base_urls_and_host_headers() {
        let url = Endpoints::Regional
            .base_url(Product::Vpc, Some("cn-shanghai"))
            .unwrap();
        assert_eq!(url.as_str(), "https://vpc.cn-shanghai.aliyuncs.com/");
        assert_eq!(host_header(&url), "vpc.cn-shanghai.aliyuncs.com");

        let over = Endpoints::override_url("http://127.0.0.1:1234").unwrap();
        let url = over.base_url(Product::Ecs, Some("cn-hangzhou")).unwrap();
        assert_eq!(url.as_str(), "http://127.0.0.1:1234/");
        assert_eq!(host_header(&url), "127.0.0.1:1234");

        let default_port = Endpoints::override_url("http://localhost:80/").unwrap();
        let url = default_port.base_url(Product::Sts, None).unwrap();
        assert_eq!(host_header(&url), "localhost");
    }

    #[test]
    fn bad_overrides_are_rejected() {
        for bad in [
            "ftp://x",
            "not a url",
            "http://127.0.0.1:1/api",
            "http://h/?a=b",
        ] {
            assert!(Endpoints::override_url(bad).is_err(), "{bad}");
        }
        assert!("VPC".parse::<Product>().is_ok());
        assert!("rds".parse::<Product>().is_err());
    }
}
