//! The [`Action`] trait every typed request implements, the parameter encoding helpers, and
//! the `rpc_request!` macro that declares request structs with builders.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::endpoints::Product;

/// A typed RPC action: its request parameters and its response type.
pub trait Action: Send + Sync {
    /// The decoded success response.
    type Response: DeserializeOwned + Send + 'static;
    /// The product that serves it.
    const PRODUCT: Product;
    /// The action name, e.g. `DescribeEipAddresses`.
    const NAME: &'static str;
    /// True when the action accepts `ClientToken` (idempotent create/modify calls): the client
    /// then generates one if the request has none, and reuses it across retries.
    const CLIENT_TOKEN: bool = false;
    /// The region whose endpoint serves the call (`None`: the client's default region).
    fn region(&self) -> Option<&str>;
    /// The request parameters, flattened (`Name.N`) but not encoded.
    fn params(&self) -> Vec<(String, String)>;
    /// Error codes that mean "the resource is busy or in a transient state, try again": the
    /// client retries these until the invalid-state deadline (lists follow Terraform's).
    fn retry_on_codes(&self) -> &'static [&'static str] {
        &[]
    }
}

/// How a parameter value is written into the query.
pub trait ParamValue {
    /// The value as sent.
    fn to_param(&self) -> String;
}

impl ParamValue for String {
    fn to_param(&self) -> String {
        self.clone()
    }
}

macro_rules! display_param {
    ($($t:ty),*) => {
        $(impl ParamValue for $t {
            fn to_param(&self) -> String {
                self.to_string()
            }
        })*
    };
}
display_param!(bool, u32, i32, u64, i64);

/// The response of actions that return only a `RequestId`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct RequestIdOnly {
    /// `RequestId`.
    pub request_id: String,
}

/// Declares a request struct: public fields, `new(required...)`, one chainable setter per
/// optional/repeated field, `param(k, v)` for anything unmodelled, and `to_params()`.
///
/// Sections (all must be present, possibly empty):
/// * `required { field = "Param" }`: `String`, taken by `new`, always sent;
/// * `optional { field: Type = "Param" }`: `Option<Type>`, sent when set;
/// * `repeated { field = "Param" }`: `Vec<String>`, sent as `Param.1`, `Param.2`, ...;
/// * `json_list { field = "Param" }`: `Vec<String>`, sent as one JSON array string;
/// * `route { field }`: `Option<String>`, not sent (e.g. a region used only for routing).
macro_rules! rpc_request {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            required { $( $(#[$rmeta:meta])* $rfield:ident = $rparam:literal ),* $(,)? }
            optional { $( $(#[$ometa:meta])* $ofield:ident : $oty:ty = $oparam:literal ),* $(,)? }
            repeated { $( $(#[$lmeta:meta])* $lfield:ident = $lparam:literal ),* $(,)? }
            json_list { $( $(#[$jmeta:meta])* $jfield:ident = $jparam:literal ),* $(,)? }
            route { $( $(#[$tmeta:meta])* $tfield:ident ),* $(,)? }
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name {
            $( $(#[$rmeta])* pub $rfield: String, )*
            $( $(#[$ometa])* pub $ofield: Option<$oty>, )*
            $( $(#[$lmeta])* pub $lfield: Vec<String>, )*
            $( $(#[$jmeta])* pub $jfield: Vec<String>, )*
            $( $(#[$tmeta])* pub $tfield: Option<String>, )*
            /// Extra parameters sent as given (for parameters this crate does not model, such
            /// as `Tag.1.Key`). They override nothing: do not repeat modelled parameters.
            pub extra: Vec<(String, String)>,
        }

        impl $name {
            /// Creates the request from its required parameters.
            #[allow(clippy::new_without_default)]
            pub fn new($($rfield: impl Into<String>),*) -> Self {
                Self { $($rfield: $rfield.into(),)* ..Default::default() }
            }
            $(
                #[doc = concat!("Sets `", $oparam, "`.")]
                pub fn $ofield(mut self, value: impl Into<$oty>) -> Self {
                    self.$ofield = Some(value.into());
                    self
                }
            )*
            $(
                #[doc = concat!("Sets `", $lparam, ".N`.")]
                pub fn $lfield(mut self, values: impl IntoIterator<Item = impl Into<String>>) -> Self {
                    self.$lfield = values.into_iter().map(Into::into).collect();
                    self
                }
            )*
            $(
                #[doc = concat!("Sets `", $jparam, "` (sent as a JSON array).")]
                pub fn $jfield(mut self, values: impl IntoIterator<Item = impl Into<String>>) -> Self {
                    self.$jfield = values.into_iter().map(Into::into).collect();
                    self
                }
            )*
            $(
                #[doc = concat!("Sets `", stringify!($tfield), "` (routing only, not sent).")]
                pub fn $tfield(mut self, value: impl Into<String>) -> Self {
                    self.$tfield = Some(value.into());
                    self
                }
            )*
            /// Adds a parameter this crate does not model.
            pub fn param(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
                self.extra.push((name.into(), value.into()));
                self
            }

            /// The parameters as sent (flattened, not encoded).
            #[allow(clippy::vec_init_then_push)]
            pub fn to_params(&self) -> Vec<(String, String)> {
                #[allow(unused_mut)]
                let mut out: Vec<(String, String)> = Vec::new();
                $( out.push(($rparam.to_string(), self.$rfield.clone())); )*
                $(
                    if let Some(v) = &self.$ofield {
                        out.push(($oparam.to_string(), $crate::action::ParamValue::to_param(v)));
                    }
                )*
                $( out.extend($crate::signing::flatten_repeated($lparam, &self.$lfield)); )*
                $(
                    if !self.$jfield.is_empty() {
                        out.push(($jparam.to_string(), $crate::action::json_array(&self.$jfield)));
                    }
                )*
                out.extend(self.extra.iter().cloned());
                out
            }
        }
    };
}
pub(crate) use rpc_request;

/// Implements [`Action`] for a request declared with `rpc_request!`, and optionally what
/// goes with it, so none of it is written by hand:
///
/// * `method: name` adds `Client::name(&self, &Request)`, the typed entry point (doc
///   comments written before `name` are appended to the generated one);
/// * `paged: page_number { max: N, items: Item = path.to.list, all: name_all }` implements
///   [`PageNumberRequest`](crate::paging::PageNumberRequest) (fields `page_number`,
///   `page_size`) and [`PageNumberResponse`](crate::paging::PageNumberResponse) (`total_count`
///   and the list at `path.to.list`); `all` (optional) adds a method collecting every item;
/// * `paged: next_token { max: N, items: Item = path.to.list, all: name_all, pages:
///   name_pages }` does the same for [`TokenRequest`](crate::paging::TokenRequest) (fields
///   `next_token`, `max_results`) and [`TokenResponse`](crate::paging::TokenResponse)
///   (`next_token`); `pages` (optional) adds a stream of pages.
///
/// `region: field` routes by the request's `region_id` field (`String` or `Option<String>`
/// via [`AsRegion`]); `region: none` uses the client's default region.
macro_rules! impl_action {
    (
        $req:ty => $resp:ty, $product:ident, $action:literal,
        region: $region:ident, client_token: $token:literal, retry_on: $retry:expr
        $(, method: $(#[$mmeta:meta])* $method:ident)?
        $(, paged: $style:ident {
            max: $max:literal,
            items: $item:ty = $($field:ident).+
            $(, all: $all:ident)?
            $(, pages: $pages:ident)?
            $(,)?
        })?
        $(,)?
    ) => {
        impl $crate::action::Action for $req {
            type Response = $resp;
            const PRODUCT: $crate::endpoints::Product = $crate::endpoints::Product::$product;
            const NAME: &'static str = $action;
            const CLIENT_TOKEN: bool = $token;
            fn region(&self) -> Option<&str> {
                $crate::action::impl_action!(@region self, $region)
            }
            fn params(&self) -> Vec<(String, String)> {
                self.to_params()
            }
            fn retry_on_codes(&self) -> &'static [&'static str] {
                $retry
            }
        }
        $(
            impl $crate::client::Client {
                #[doc = concat!("Calls `", $action, "` (see [`Client::call`]).")]
                $(#[$mmeta])*
                pub async fn $method(&self, request: &$req) -> Result<$resp, $crate::error::Error> {
                    self.call(request).await
                }
            }
        )?
        $(
            $crate::action::impl_action!(@paged $style, $req, $resp, $action, $max, $item,
                [$($field).+] $(, all: $all)? $(, pages: $pages)?);
        )?
    };
    (@region $self:ident, field) => {
        $crate::action::AsRegion::as_region(&$self.region_id)
    };
    (@region $self:ident, none) => {
        None
    };
    (
        @paged page_number, $req:ty, $resp:ty, $action:literal, $max:literal, $item:ty,
        [$($field:ident).+] $(, all: $all:ident)?
    ) => {
        impl $crate::paging::PageNumberRequest for $req {
            const MAX_PAGE_SIZE: u32 = $max;
            fn set_page(&mut self, page_number: u32, page_size: u32) {
                self.page_number = Some(page_number);
                self.page_size = Some(page_size);
            }
        }
        impl $crate::paging::PageNumberResponse for $resp {
            type Item = $item;
            fn total_count(&self) -> u64 {
                u64::try_from(self.total_count).unwrap_or(0)
            }
            fn into_items(self) -> Vec<$item> {
                self.$($field).+
            }
        }
        $(
            impl $crate::client::Client {
                #[doc = concat!("`", $action, "`: every item (page 1 with `PageSize=", $max,
                    "`, then the other pages concurrently, in page order).")]
                pub async fn $all(
                    &self,
                    request: &$req,
                ) -> Result<Vec<$item>, $crate::error::Error> {
                    self.collect_pages(request).await
                }
            }
        )?
    };
    (
        @paged next_token, $req:ty, $resp:ty, $action:literal, $max:literal, $item:ty,
        [$($field:ident).+] $(, all: $all:ident)? $(, pages: $pages:ident)?
    ) => {
        impl $crate::paging::TokenRequest for $req {
            const MAX_RESULTS: u32 = $max;
            fn set_next_token(&mut self, token: Option<String>) {
                self.next_token = token;
            }
            fn set_max_results(&mut self, max: u32) {
                self.max_results = Some(max);
            }
        }
        impl $crate::paging::TokenResponse for $resp {
            type Item = $item;
            fn next_token(&self) -> Option<&str> {
                Some(self.next_token.as_str())
            }
            fn into_items(self) -> Vec<$item> {
                self.$($field).+
            }
        }
        $(
            impl $crate::client::Client {
                #[doc = concat!("`", $action, "`: every item (`MaxResults=", $max,
                    "`, following `NextToken`).")]
                pub async fn $all(
                    &self,
                    request: &$req,
                ) -> Result<Vec<$item>, $crate::error::Error> {
                    self.collect_tokens(request).await
                }
            }
        )?
        $(
            impl $crate::client::Client {
                #[doc = concat!("`", $action, "`: a stream of pages following `NextToken`.")]
                pub fn $pages(
                    &self,
                    request: $req,
                ) -> impl futures::Stream<Item = Result<$resp, $crate::error::Error>> + '_ {
                    self.token_pages(request)
                }
            }
        )?
    };
}
pub(crate) use impl_action;

/// A region field that is either required (`String`) or optional (`Option<String>`).
pub trait AsRegion {
    /// The region, if set and non-empty.
    fn as_region(&self) -> Option<&str>;
}

impl AsRegion for String {
    fn as_region(&self) -> Option<&str> {
        Some(self.as_str()).filter(|s| !s.is_empty())
    }
}

impl AsRegion for Option<String> {
    fn as_region(&self) -> Option<&str> {
        self.as_deref().filter(|s| !s.is_empty())
    }
}

/// Encodes a list as the JSON array string some ECS parameters take (`["a","b"]`).
pub fn json_array(values: &[String]) -> String {
    serde_json::Value::from(values.to_vec()).to_string()
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use crate::Client;
    use crate::paging::{PageNumberRequest, PageNumberResponse, TokenRequest, TokenResponse};

    rpc_request! {
        /// A request paged by number.
        pub struct NumberedRequest {
            required { region_id = "RegionId" }
            optional { page_number: u32 = "PageNumber", page_size: u32 = "PageSize" }
            repeated {}
            json_list {}
            route {}
        }
    }
    rpc_request! {
        /// A request paged by token.
        pub struct TokenedRequest {
            required {}
            optional { next_token: String = "NextToken", max_results: u32 = "MaxResults" }
            repeated {}
            json_list {}
            route { region_id }
        }
    }

    #[derive(Debug, Default, Deserialize)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct ThingsResponse {
        total_count: i64,
        next_token: String,
        things: Things,
    }
    #[derive(Debug, Default, Deserialize)]
    #[serde(rename_all = "PascalCase", default)]
    pub struct Things {
        thing: Vec<String>,
    }

    impl_action!(NumberedRequest => ThingsResponse, Vpc, "DescribeThings",
        region: field, client_token: false, retry_on: &[],
        method: describe_things,
        paged: page_number { max: 30, items: String = things.thing, all: describe_things_all });
    impl_action!(TokenedRequest => ThingsResponse, Ecs, "ListThings",
    region: field, client_token: false, retry_on: &[],
    paged: next_token {
        max: 70,
        items: String = things.thing,
        all: list_things_all,
        pages: list_things_pages,
    });

    #[test]
    fn paged_actions_get_their_paging_impls_and_client_methods() {
        let mut numbered = NumberedRequest::new("cn-hangzhou");
        numbered.set_page(3, NumberedRequest::MAX_PAGE_SIZE);
        let s = |k: &str, v: &str| (k.to_string(), v.to_string());
        assert_eq!(
            numbered.to_params(),
            vec![
                s("RegionId", "cn-hangzhou"),
                s("PageNumber", "3"),
                s("PageSize", "30")
            ]
        );
        let mut tokened = TokenedRequest::new().region_id("cn-beijing");
        tokened.set_max_results(TokenedRequest::MAX_RESULTS);
        tokened.set_next_token(Some("t2".into()));
        assert_eq!(
            tokened.to_params(),
            vec![s("NextToken", "t2"), s("MaxResults", "70")]
        );
        let body = r#"{"TotalCount":-1,"NextToken":"t3","Things":{"Thing":["a","b"]}}"#;
        let page: ThingsResponse = serde_json::from_str(body).unwrap();
        assert_eq!(
            PageNumberResponse::total_count(&page),
            0,
            "negative counts read as 0"
        );
        assert_eq!(TokenResponse::next_token(&page), Some("t3"));
        assert_eq!(PageNumberResponse::into_items(page), vec!["a", "b"]);
        // The generated entry points exist with the expected shapes.
        let client = Client::builder(std::sync::Arc::new(
            crate::credentials::StaticCredentials::new("id", crate::Secret::new("s".into())),
        ))
        .build()
        .unwrap();
        fn exists<T>(_never_polled: T) {}
        exists(client.describe_things(&numbered));
        exists(client.describe_things_all(&numbered));
        exists(client.list_things_all(&tokened));
        exists(client.list_things_pages(tokened));
    }

    rpc_request! {
        /// A test request.
        pub struct TestRequest {
            required { region_id = "RegionId", id = "Id" }
            optional { size: u32 = "PageSize", flag: bool = "DryRun", name: String = "Name" }
            repeated { enis = "NetworkInterfaceId" }
            json_list { instance_ids = "InstanceIds" }
            route { zone }
        }
    }

    #[test]
    fn requests_flatten_their_parameters() {
        let r = TestRequest::new("cn-hangzhou", "x")
            .size(100u32)
            .flag(true)
            .enis(["eni-a", "eni-b"])
            .instance_ids(["i-1", "i-2"])
            .zone("z")
            .param("Tag.1.Key", "k");
        let p = r.to_params();
        let s = |k: &str, v: &str| (k.to_string(), v.to_string());
        assert_eq!(
            p,
            vec![
                s("RegionId", "cn-hangzhou"),
                s("Id", "x"),
                s("PageSize", "100"),
                s("DryRun", "true"),
                s("NetworkInterfaceId.1", "eni-a"),
                s("NetworkInterfaceId.2", "eni-b"),
                s("InstanceIds", r#"["i-1","i-2"]"#),
                s("Tag.1.Key", "k"),
            ]
        );
        assert_eq!(r.zone.as_deref(), Some("z"));
        assert!(TestRequest::new("r", "i").name.is_none());
        assert_eq!(
            TestRequest::new("r", "i").name("n").name.as_deref(),
            Some("n")
        );
    }
}
