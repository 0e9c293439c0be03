//! Conversion of the organisations of PETRARCH/Phoenix actor dictionaries into rows of
//! dyad's institutions format (the tab-separated format of `dyad-actors/data/metonyms.tsv`).
//!
//! `dyad train actors` uses it to write `dyad-actors/data/generated/organisations_phoenix.tsv`,
//! the generated organisations tier:
//! - only entries whose codes are all undated are taken (dated codes are people's offices,
//!   which [`crate::people`] converts);
//! - the code must name an international organisation or group (`IGO…`, `NGO…`, `IMG…`,
//!   `INT` with a sector) or a known country with sectors (`COLREB`); multinational
//!   companies (`MNC…`) are left out: their deeds are not political events;
//! - a name form of one word is kept as an acronym (`IAEA`, matched only when written in
//!   capitals); a leading "the" is dropped;
//! - a form given to entries with different codes is dropped from all of them.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use crate::dictionary::actors::{parse_actors, Actor, Restriction};
use crate::people::{generated_header, title_case, SECTORS};

/// Code prefixes of organisations that belong to no one country.
const INTERNATIONAL: &[&str] = &["IGO", "NGO", "IMG"];

/// Small words written in lower case inside an organisation's name.
const SMALL_WORDS: &[&str] = &[
    "of", "the", "for", "and", "on", "in", "to", "at", "de", "la", "du", "des", "el", "al",
];

/// Statistics of a conversion.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OrganisationsReport {
    /// Organisations written.
    pub organisations: usize,
    /// Name forms written.
    pub forms: usize,
    /// Name forms dropped because entries with different codes share them.
    pub ambiguous_forms: usize,
}

/// One organisation to write.
#[derive(Debug, Clone)]
struct Organisation {
    forms: Vec<String>,
    code: String,
    country: String,
    roles: Vec<String>,
}

/// The rows of dyad's institutions format for the actor dictionaries `files` (each a source
/// name and its text). `is_country` says whether a three-letter code is a country dyad knows.
pub fn to_dyad_institutions(
    files: &[(&str, &str)],
    is_country: &dyn Fn(&str) -> bool,
) -> (String, OrganisationsReport) {
    let organisations: Vec<Organisation> = files
        .iter()
        .flat_map(|(_, text)| parse_actors(text))
        .filter_map(|actor| convert(&actor, is_country))
        .collect();
    // Forms claimed by entries with different codes are ambiguous.
    let mut codes: HashMap<String, HashSet<&str>> = HashMap::new();
    for o in &organisations {
        for form in &o.forms {
            codes
                .entry(form.to_lowercase())
                .or_default()
                .insert(&o.code);
        }
    }
    let ambiguous: HashSet<String> = codes
        .into_iter()
        .filter(|(_, c)| c.len() > 1)
        .map(|(form, _)| form)
        .collect();
    let mut report = OrganisationsReport {
        ambiguous_forms: ambiguous.len(),
        ..OrganisationsReport::default()
    };
    // One row per canonical name (the Phoenix files repeat some entries); a form once.
    let mut seen: HashSet<String> = HashSet::new();
    let mut by_name: BTreeMap<String, Organisation> = BTreeMap::new();
    for mut o in organisations {
        o.forms
            .retain(|f| !ambiguous.contains(&f.to_lowercase()) && seen.insert(f.to_lowercase()));
        if let Some(name) = o.forms.first() {
            by_name.entry(name.clone()).or_insert(o);
        }
    }
    let mut out = generated_header(
        files,
        "Curated metonyms.tsv entries take precedence.\n\
         # A one-word form is an acronym, matched only when written in capitals.\n\
         # form (| alternatives)\tcode\tcountry\troles\tcanonical name\n",
    );
    for (name, o) in &by_name {
        report.organisations += 1;
        report.forms += o.forms.len();
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            o.forms.join("|"),
            o.code,
            o.country,
            o.roles.join(","),
            name
        );
    }
    (out, report)
}

/// A Phoenix entry as an organisation, if all its codes are undated and the first names one.
fn convert(actor: &Actor, is_country: &dyn Fn(&str) -> bool) -> Option<Organisation> {
    if actor.codes.iter().any(|c| c.when != Restriction::Always) {
        return None;
    }
    let code = actor.codes.first()?.code.as_str();
    // A bare `IGO` or `NGO` is kept for names of several words ("Organization for Security
    // and Cooperation in Europe"); a one-word name with a bare code is too vague ("CRESCENT").
    let bare = INTERNATIONAL.contains(&code);
    if !code.is_ascii() || (code.len() < 6 && !bare) || !code.len().is_multiple_of(3) {
        return None;
    }
    let chunks: Vec<&str> = (0..code.len() / 3)
        .map(|k| &code[k * 3..k * 3 + 3])
        .collect();
    let sectors = || -> Option<Vec<String>> {
        chunks[1..]
            .iter()
            .map(|c| SECTORS.contains(c).then(|| c.to_string()))
            .collect()
    };
    let (country, roles) = if INTERNATIONAL.contains(&chunks[0]) {
        (String::new(), vec![chunks[0].to_string()])
    } else if chunks[0] == "INT" {
        (String::new(), sectors()?)
    } else if is_country(chunks[0]) {
        (chunks[0].to_string(), sectors()?)
    } else {
        return None;
    };
    let forms: Vec<String> = actor
        .names
        .iter()
        .flat_map(|words| {
            let mut words: Vec<&str> = words
                .iter()
                .map(|(w, _)| w.as_str())
                .skip_while(|w| *w == "THE")
                .collect();
            // A trailing acronym in brackets is a form of its own:
            // "LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)".
            let acronym = words
                .last()
                .and_then(|w| w.strip_prefix('(')?.strip_suffix(')'))
                .filter(|a| {
                    // Country names in brackets ("(BOLIVIA)") are no acronyms.
                    words.len() > 2 && a.len() <= 6 && a.chars().all(|c| c.is_ascii_uppercase())
                });
            if acronym.is_some() {
                words.pop();
            }
            let full = form_of(&words).filter(|_| !bare || words.len() > 1);
            full.into_iter().chain(acronym.and_then(|a| form_of(&[a])))
        })
        .collect();
    let mut unique: Vec<String> = Vec::new();
    for form in forms {
        if !unique.contains(&form) {
            unique.push(form);
        }
    }
    (!unique.is_empty()).then(|| Organisation {
        forms: unique,
        code: code.to_string(),
        country,
        roles,
    })
}

/// A dictionary name as written in text: an acronym of letters for one word, title case with
/// small words in lower case for several; `None` for what cannot be a name.
fn form_of(words: &[&str]) -> Option<String> {
    match words {
        [] => None,
        [one] => {
            let letters = one.trim_end_matches('.');
            (letters.len() >= 3 && letters.chars().all(|c| c.is_ascii_uppercase()))
                .then(|| letters.to_string())
        }
        _ => {
            if words.iter().any(|w| w.starts_with('(') || *w == "-") {
                return None;
            }
            let titled: Vec<String> = words
                .iter()
                .enumerate()
                .map(|(k, w)| {
                    let lower = w.to_lowercase();
                    if k > 0 && SMALL_WORDS.contains(&lower.as_str()) {
                        lower
                    } else {
                        // A possessive stays lower-case: "Women's", not "Women'S".
                        let titled = title_case(std::iter::once(*w));
                        match titled.strip_suffix("'S") {
                            Some(stem) => format!("{stem}'s"),
                            None => titled,
                        }
                    }
                })
                .collect();
            Some(titled.join(" "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(c: &str) -> bool {
        matches!(c, "GBR" | "COL" | "USA" | "LKA")
    }

    const SAMPLE: &str = "IAEA_\t[IGOUNOIAE]# Intl Atomic Energy Agency\n\
        INTERNATIONAL_ATOMIC_ENERGY_AGENCY_ [IGOUNOIAE]\n\
        THE_INTERNATIONAL_COMMITTEE_OF_THE_RED_CROSS_ [NGOHLHIRC]\n\
        REVOLUTIONARY_ARMED_FORCES_OF_COLOMBIA_ [COLREB]\n+FARC_\n\
        MICROSOFT_ [MNCUSA]\n\
        HANS_BLIX_\t[IGOUNOIAE 811201-971130]\n\
        UNITY_ [GBRPTY]\n\
        UNITY_ [COLREB]\n\
        CRESCENT_ [NGO]\n\
        ORGANIZATION_FOR_SECURITY_AND_COOPERATION_IN_EUROPE_\t[IGO]\n\
        LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_ [LKAREB] #  note\n\
        WOMEN'S_RIGHTS_WATCH_ [NGOHRI]\n";

    #[test]
    fn undated_organisations_become_institution_rows() {
        let (text, report) = to_dyad_institutions(&[("test", SAMPLE)], &country);
        let rows: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(rows.contains(&"IAEA\tIGOUNOIAE\t\tIGO\tIAEA"));
        assert!(rows.contains(
            &"International Atomic Energy Agency\tIGOUNOIAE\t\tIGO\tInternational Atomic Energy Agency"
        ));
        assert!(rows.contains(
            &"International Committee of the Red Cross\tNGOHLHIRC\t\tNGO\tInternational Committee of the Red Cross"
        ));
        assert!(rows.contains(
            &"Revolutionary Armed Forces of Colombia|FARC\tCOLREB\tCOL\tREB\tRevolutionary Armed Forces of Colombia"
        ));
        // Companies, people (dated codes), a shared form and a bare code are left out.
        assert!(!text.contains("Microsoft") && !text.contains("Blix"));
        assert!(!text.contains("UNITY") && !text.contains("Unity"));
        assert!(!text.contains("CRESCENT"));
        assert!(rows.contains(&"Women's Rights Watch\tNGOHRI\t\tNGO\tWomen's Rights Watch"));
        // A bare code with a name of several words; a bracketed acronym as a form of its own.
        assert!(rows.contains(
            &"Organization for Security and Cooperation in Europe\tIGO\t\tIGO\tOrganization for Security and Cooperation in Europe"
        ));
        assert!(rows.contains(
            &"Liberation Tigers of Tamil Eelam|LTTE\tLKAREB\tLKA\tREB\tLiberation Tigers of Tamil Eelam"
        ));
        assert_eq!(report.organisations, 7);
        assert_eq!(report.ambiguous_forms, 1);
    }
}
