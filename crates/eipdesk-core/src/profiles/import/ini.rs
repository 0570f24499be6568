//! A tiny INI reader for `~/.alibabacloud/credentials`: `[section]` headers, `key = value`
//! lines, `#`/`;` comment lines. Values are taken verbatim after trimming (secrets may
//! contain `#` or `;`, so there are no inline comments); one pair of matching surrounding
//! quotes is removed. Repeated sections merge and a repeated key keeps its last value, like
//! the SDKs' INI reader; the lines of every header are kept so a repeat can be reported.
//! Keys before the first section are ignored (no profile can use them).

use std::collections::BTreeMap;

use super::reason::FileProblem;

/// One section's keys, in name order.
pub(crate) type Section = BTreeMap<String, String>;

/// Sections in file order (a repeated section keeps its first position).
#[derive(Debug, Default)]
pub(crate) struct Ini {
    pub sections: Vec<(String, Section)>,
    /// Per section (same order), the 1-based lines of its `[name]` headers.
    pub header_lines: Vec<Vec<usize>>,
}

/// A line that is neither a section header, a `key = value` pair, a comment nor blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IniError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it (never the line's content: it may hold a secret).
    pub reason: FileProblem,
}

pub(crate) fn parse(text: &str) -> Result<Ini, IniError> {
    let mut ini = Ini::default();
    let mut current: Option<usize> = None;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let Some(name) = rest.strip_suffix(']') else {
                return Err(IniError {
                    line: line_no,
                    reason: FileProblem::IniHeaderBracket,
                });
            };
            let name = name.trim();
            if name.is_empty() {
                return Err(IniError {
                    line: line_no,
                    reason: FileProblem::IniEmptySection,
                });
            }
            let index = match ini.sections.iter().position(|(n, _)| n == name) {
                Some(i) => i,
                None => {
                    ini.sections.push((name.to_string(), Section::new()));
                    ini.header_lines.push(Vec::new());
                    ini.sections.len() - 1
                }
            };
            ini.header_lines[index].push(line_no);
            current = Some(index);
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(IniError {
                line: line_no,
                reason: FileProblem::IniExpected,
            });
        };
        let key = key.trim();
        if key.is_empty() {
            return Err(IniError {
                line: line_no,
                reason: FileProblem::IniEmptyKey,
            });
        }
        if let Some(i) = current {
            ini.sections[i]
                .1
                .insert(key.to_string(), unquote(value.trim()).to_string());
        }
    }
    Ok(ini)
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(q) && value.ends_with(q) {
            return &value[1..value.len() - 1];
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sections_keys_comments_and_quotes() {
        let ini = parse(
            "\u{feff}; comment\nstray = ignored\n[default]\n  type = access_key \n\
             access_key_secret = a#b;c=d\n# another\n\n[ram]\nrole_arn = \"quoted\"\n\
             [default]\ntype = ram_role_arn\n",
        )
        .unwrap();
        let names: Vec<_> = ini.sections.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["default", "ram"]);
        let default = &ini.sections[0].1;
        assert_eq!(default["type"], "ram_role_arn", "last value wins");
        assert_eq!(default["access_key_secret"], "a#b;c=d");
        assert_eq!(ini.sections[1].1["role_arn"], "quoted");
        assert!(!ini.sections.iter().any(|(_, s)| s.contains_key("stray")));
        assert_eq!(ini.header_lines, [vec![3, 10], vec![8]]);
    }

    #[test]
    fn reports_the_bad_line_without_its_content() {
        let err = parse("[a]\nk = v\nfake-secret-for-tests\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(!err.reason.to_string().contains("fake"));
        assert_eq!(parse("[unclosed\n").unwrap_err().line, 1);
        assert_eq!(parse("[ ]\n").unwrap_err().line, 1);
        assert_eq!(parse("[a]\n = v\n").unwrap_err().line, 2);
        assert!(parse("").unwrap().sections.is_empty());
    }
}
