//! CSV text for the exports (inventory tables, audit log), written with the `csv` crate:
//! RFC 4180 quoting where needed, CRLF line ends, records of any length, and every cell a
//! spreadsheet would run as a formula defused by [`defuse_formula`].

use std::borrow::Cow;
use std::io;

/// The UTF-8 byte order mark, so spreadsheet programs read non-ASCII names right.
pub const BOM: &str = "\u{feff}";

/// `cell` with a leading `'` when a spreadsheet would run it as a formula: it starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP's CSV injection list).
pub fn defuse_formula(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The records as CSV text, each cell defused, starting with `prefix` (e.g. [`BOM`] or "").
///
/// Fails only if the `csv` writer does; writing to memory with records of any length allowed,
/// it does not.
pub fn render<'a, R, C>(prefix: &str, records: R) -> io::Result<String>
where
    R: IntoIterator<Item = C>,
    C: IntoIterator<Item = &'a str>,
{
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .flexible(true)
        .from_writer(prefix.as_bytes().to_vec());
    for record in records {
        writer.write_record(
            record
                .into_iter()
                .map(defuse_formula)
                .map(|c| c.into_owned()),
        )?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defuses_exactly_the_formula_starts() {
        for risky in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(defuse_formula(risky), format!("'{risky}"), "{risky:?}");
        }
        for safe in ["", "47.98.0.1", "eip-1", " =1", "'=1", "a=b"] {
            assert_eq!(defuse_formula(safe), safe, "{safe:?}");
        }
    }

    #[test]
    fn quotes_only_where_needed_with_crlf() {
        let text = render(
            BOM,
            [
                vec!["IP", "Name"],
                vec!["47.98.0.1", "web, \"prod\""],
                vec!["=1+1", "line\nbreak"],
                vec!["", "ok"],
                vec!["short"],
            ],
        )
        .unwrap();
        assert_eq!(
            text,
            "\u{feff}IP,Name\r\n47.98.0.1,\"web, \"\"prod\"\"\"\r\n'=1+1,\"line\nbreak\"\r\n,ok\r\nshort\r\n"
        );
    }

    #[test]
    fn a_defused_cell_with_a_carriage_return_is_quoted() {
        let text = render("", [["\rcmd", "x"]]).unwrap();
        assert_eq!(text, "\"'\rcmd\",x\r\n");
    }
}
