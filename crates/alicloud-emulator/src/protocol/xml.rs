//! JSON value → XML, the way Alibaba's RPC gateway renders `Format=XML`: an object becomes
//! child elements, an array repeats its parent's element name once per item, scalars become
//! text.

use serde_json::Value;

/// Renders `value` as an XML document whose root element is `root`.
pub fn to_xml(root: &str, value: &Value) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    write_element(&mut out, root, value);
    out
}

fn write_element(out: &mut String, name: &str, value: &Value) {
    match value {
        Value::Array(items) => {
            for item in items {
                write_element(out, name, item);
            }
        }
        Value::Object(map) => {
            open(out, name);
            for (key, child) in map {
                write_element(out, key, child);
            }
            close(out, name);
        }
        Value::Null => {
            out.push('<');
            out.push_str(name);
            out.push_str("/>");
        }
        Value::String(s) => {
            open(out, name);
            escape_into(out, s);
            close(out, name);
        }
        Value::Bool(b) => {
            open(out, name);
            out.push_str(if *b { "true" } else { "false" });
            close(out, name);
        }
        Value::Number(n) => {
            open(out, name);
            out.push_str(&n.to_string());
            close(out, name);
        }
    }
}

fn open(out: &mut String, name: &str) {
    out.push('<');
    out.push_str(name);
    out.push('>');
}

fn close(out: &mut String, name: &str) {
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

fn escape_into(out: &mut String, text: &str) {
    for ch in text.chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn arrays_repeat_the_parent_name() {
        let v = json!({
            "RequestId": "R",
            "TotalCount": 2,
            "EipAddresses": {"EipAddress": [{"IpAddress": "1.2.3.4"}, {"IpAddress": "5.6.7.8"}]},
            "Empty": {"Tag": []},
            "Ok": true
        });
        let xml = to_xml("DescribeEipAddressesResponse", &v);
        assert_eq!(
            xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeEipAddressesResponse><EipAddresses><EipAddress><IpAddress>1.2.3.4</IpAddress></EipAddress><EipAddress><IpAddress>5.6.7.8</IpAddress></EipAddress></EipAddresses><Empty></Empty><Ok>true</Ok><RequestId>R</RequestId><TotalCount>2</TotalCount></DescribeEipAddressesResponse>"
        );
    }

    #[test]
    fn text_is_escaped() {
        let xml = to_xml("Error", &json!({"Message": "a<b & \"c\""}));
        assert!(xml.contains("<Message>a&lt;b &amp; &quot;c&quot;</Message>"));
    }
}
