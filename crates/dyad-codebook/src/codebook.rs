use std::collections::HashMap;
use std::sync::OnceLock;

use crate::{Error, Result};

const EMBEDDED: &str = include_str!("../data/cameo_codes.tsv");

/// The four quad classes of GDELT/CAMEO.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuadClass {
    /// 1: verbal cooperation (CAMEO roots 01–05).
    VerbalCooperation = 1,
    /// 2: material cooperation (06–09).
    MaterialCooperation = 2,
    /// 3: verbal conflict (10–14).
    VerbalConflict = 3,
    /// 4: material conflict (15–20).
    MaterialConflict = 4,
}

impl QuadClass {
    /// The quad class of a number 1–4.
    pub fn from_number(n: u8) -> Option<QuadClass> {
        match n {
            1 => Some(QuadClass::VerbalCooperation),
            2 => Some(QuadClass::MaterialCooperation),
            3 => Some(QuadClass::VerbalConflict),
            4 => Some(QuadClass::MaterialConflict),
            _ => None,
        }
    }

    /// The human-readable name.
    pub fn name(self) -> &'static str {
        match self {
            QuadClass::VerbalCooperation => "Verbal Cooperation",
            QuadClass::MaterialCooperation => "Material Cooperation",
            QuadClass::VerbalConflict => "Verbal Conflict",
            QuadClass::MaterialConflict => "Material Conflict",
        }
    }
}

/// One CAMEO event code with everything the codebook says about it.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    /// The code ("1041").
    pub code: String,
    /// Its two-digit root ("10").
    pub root: String,
    /// The CAMEO name.
    pub name: String,
    /// Goldstein conflict–cooperation value, −10 to +10.
    pub goldstein: f64,
    /// Quad class 1–4.
    pub quad_class: u8,
    /// PLOVER event type, where the crosswalk maps the code.
    pub plover_event: Option<String>,
    /// PLOVER mode, where the crosswalk gives one.
    pub plover_mode: Option<String>,
    /// PLOVER context(s), where the crosswalk gives them.
    pub plover_context: Option<String>,
}

/// The CAMEO codebook: code → [`CameoCode`].
#[derive(Debug, Clone)]
pub struct Codebook {
    codes: HashMap<String, CameoCode>,
}

impl Codebook {
    /// The codebook shipped with dyad (parsed once, then shared).
    pub fn embedded() -> &'static Codebook {
        static CODEBOOK: OnceLock<Codebook> = OnceLock::new();
        CODEBOOK.get_or_init(|| {
            Codebook::parse(EMBEDDED, "embedded").expect("embedded codebook is well-formed")
        })
    }

    /// Parses a codebook in the format of `data/cameo_codes.tsv`.
    pub fn parse(text: &str, source_name: &str) -> Result<Codebook> {
        let mut codes = HashMap::new();
        for (index, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let malformed = |message: String| Error::Malformed {
                source_name: source_name.to_string(),
                line: index + 1,
                message,
            };
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() < 5 {
                return Err(malformed(format!(
                    "expected 8 tab-separated fields, found {}",
                    fields.len()
                )));
            }
            let optional = |i: usize| {
                fields
                    .get(i)
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
            };
            let goldstein = fields[3].parse::<f64>().map_err(|_| {
                malformed(format!("Goldstein value `{}` is not a number", fields[3]))
            })?;
            let quad_class = fields[4]
                .parse::<u8>()
                .ok()
                .filter(|q| (1..=4).contains(q))
                .ok_or_else(|| malformed(format!("quad class `{}` is not 1-4", fields[4])))?;
            let code = CameoCode {
                code: fields[0].to_string(),
                root: fields[1].to_string(),
                name: fields[2].to_string(),
                goldstein,
                quad_class,
                plover_event: optional(5),
                plover_mode: optional(6),
                plover_context: optional(7),
            };
            codes.insert(code.code.clone(), code);
        }
        Ok(Codebook { codes })
    }

    /// The entry of `code`, if the codebook has it.
    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    /// The entry of `code`, else of its nearest ancestor (`"1041"` → `"104"` → `"10"`).
    pub fn get_or_ancestor(&self, code: &str) -> Option<&CameoCode> {
        (2..=code.len())
            .rev()
            .find_map(|n| code.get(..n).and_then(|c| self.get(c)))
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether the codebook is empty.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// All codes, sorted.
    pub fn codes(&self) -> Vec<&CameoCode> {
        let mut all: Vec<&CameoCode> = self.codes.values().collect();
        all.sort_by(|a, b| a.code.cmp(&b.code));
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_root_is_present_with_its_quad_class() {
        let codebook = Codebook::embedded();
        for root in 1..=20u8 {
            let code = format!("{root:02}");
            let entry = codebook
                .get(&code)
                .unwrap_or_else(|| panic!("root {code} missing"));
            let expected = match root {
                1..=5 => 1,
                6..=9 => 2,
                10..=14 => 3,
                _ => 4,
            };
            assert_eq!(entry.quad_class, expected, "root {code}");
        }
    }

    #[test]
    fn subcodes_share_their_root_and_quad_class() {
        let codebook = Codebook::embedded();
        assert!(codebook.len() > 300);
        for code in codebook.codes() {
            assert!(
                code.code.starts_with(&code.root),
                "{} vs root {}",
                code.code,
                code.root
            );
            let root = codebook.get(&code.root).expect("root present");
            assert_eq!(code.quad_class, root.quad_class, "{}", code.code);
            assert!((-10.0..=10.0).contains(&code.goldstein));
        }
    }

    #[test]
    fn appeals_have_no_plover_type_but_refugees_seeking_refuge_request() {
        let codebook = Codebook::embedded();
        let plover = |code: &str| codebook.get(code).and_then(|c| c.plover_event.clone());
        assert_eq!(plover("020"), None);
        assert_eq!(plover("0231"), None);
        assert_eq!(plover("0233").as_deref(), Some("REQUEST"));
        assert_eq!(plover("1033").as_deref(), Some("REQUEST"));
    }

    #[test]
    fn the_plover_manual_wins_over_the_conversion_table_for_curfews_and_resignations() {
        let codebook = Codebook::embedded();
        let plover = |code: &str| codebook.get(code).and_then(|c| c.plover_event.clone());
        assert_eq!(plover("0813").as_deref(), Some("CONCEDE"));
        assert_eq!(plover("0814").as_deref(), Some("CONCEDE"));
        assert_eq!(plover("0831").as_deref(), Some("RETREAT"));
        assert_eq!(
            codebook
                .get("0831")
                .and_then(|c| c.plover_mode.clone())
                .as_deref(),
            Some("resign")
        );
        // Where table and manual agree, the table stands.
        assert_eq!(plover("0871").as_deref(), Some("RETREAT"));
        assert_eq!(plover("0841").as_deref(), Some("RETREAT"));
    }

    #[test]
    fn ancestors_are_found_for_unknown_leaf_codes() {
        let codebook = Codebook::embedded();
        assert_eq!(
            codebook.get_or_ancestor("1999").map(|c| c.code.as_str()),
            Some("19")
        );
        assert!(codebook.get_or_ancestor("99").is_none());
    }

    #[test]
    fn malformed_lines_name_their_line() {
        let err = Codebook::parse("01\t01\tX\tnot-a-number\t1\n", "test.tsv").unwrap_err();
        assert_eq!(
            err.to_string(),
            "test.tsv:1: Goldstein value `not-a-number` is not a number"
        );
    }
}
