//! Client for Alibaba Cloud RPC-style APIs (VPC 2016-04-28, ECS 2014-05-26, STS 2015-04-01).

pub mod signing;
