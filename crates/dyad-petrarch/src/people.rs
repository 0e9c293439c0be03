//! Conversion of PETRARCH/Phoenix actor dictionaries into rows of dyad's own people file
//! (the tab-separated format of `dyad-actors/data/people.tsv`).
//!
//! `dyad train actors` uses it to turn the Phoenix `*.actors.txt` files into
//! `dyad-actors/data/generated/people_phoenix.tsv`, the actor dictionaries' generated tier:
//! - only entries with at least one date-restricted code are taken (in the Phoenix files
//!   these are people: heads of state, ministers, legislators); countries, regions and
//!   undated group names are left to dyad's curated files;
//! - a name must have at least two words ("Tony Blair"): a lone word is too often a common
//!   word or a name many people share;
//! - each dated code becomes one office row (`GBRGOV 970502-070627` → `GBR GOV 1997-05-02
//!   2007-06-28`, the end made exclusive); the entry's undated code, if any, becomes a last row
//!   without dates (the code outside every range); without one, a last row gives the
//!   country alone when all offices share one;
//! - initials are also written without their dot ("George W Bush");
//! - a name form given to two entries with different codes is dropped from both.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::dictionary::actors::{parse_actors, Actor, DatedCode, Restriction};

/// CAMEO sector codes an office row may carry.
pub(crate) const SECTORS: &[&str] = &[
    "GOV", "MIL", "LEG", "JUD", "OPP", "PTY", "ELI", "BUS", "MED", "REB", "CVL", "COP", "SPY",
    "EDU", "HLH", "LAB", "AGR", "REF", "CRM", "REL", "ENV", "HRI", "IGO", "NGO", "INS", "SEP",
    "MOD", "RAD", "UAF", "IMG", "DEV",
];

/// Prefixes of international organisations' codes (`IGOUNO`, `IGOEUREEC`).
const INTERNATIONAL: &[&str] = &["IGO", "NGO"];

/// One office row.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Office {
    affiliation: String,
    role: String,
    from: String,
    to: String,
}

/// One person to write.
#[derive(Debug, Clone)]
struct Person {
    name: String,
    forms: Vec<String>,
    offices: Vec<Office>,
}

/// Statistics of a conversion.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PeopleReport {
    /// People written.
    pub people: usize,
    /// Office rows written.
    pub rows: usize,
    /// Name forms dropped because two entries with different codes share them.
    pub ambiguous_forms: usize,
}

/// The rows of dyad's people format for the actor dictionaries `files` (each a source name
/// and its text). `is_country` says whether a three-letter code is a country dyad knows.
pub fn to_dyad_people(
    files: &[(&str, &str)],
    is_country: &dyn Fn(&str) -> bool,
) -> (String, PeopleReport) {
    let mut people: Vec<Person> = Vec::new();
    for (_, text) in files {
        for actor in parse_actors(text) {
            if let Some(person) = convert(&actor, is_country) {
                people.push(person);
            }
        }
    }
    // Forms claimed by entries with different offices are ambiguous.
    let mut owners: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        for form in std::iter::once(&p.name).chain(&p.forms) {
            let list = owners.entry(form.to_lowercase()).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
    }
    let ambiguous: std::collections::HashSet<String> = owners
        .into_iter()
        .filter(|(_, list)| {
            list.iter()
                .any(|&i| people[i].offices != people[list[0]].offices)
        })
        .map(|(form, _)| form)
        .collect();
    let mut report = PeopleReport {
        ambiguous_forms: ambiguous.len(),
        ..PeopleReport::default()
    };
    // One person per canonical name (the Phoenix files repeat some entries).
    let mut by_name: BTreeMap<String, Person> = BTreeMap::new();
    for mut p in people {
        p.forms.retain(|f| !ambiguous.contains(&f.to_lowercase()));
        if ambiguous.contains(&p.name.to_lowercase()) {
            if p.forms.is_empty() {
                continue;
            }
            p.name = p.forms.remove(0);
        }
        by_name.entry(p.name.clone()).or_insert(p);
    }
    let mut out = generated_header(
        files,
        "Curated people.tsv entries take precedence.\n\
         # A person's rows follow each other; the other forms are on the first one.\n\
         # canonical name\tother forms (|)\tcountry\trole\tfrom\tto (exclusive)\n",
    );
    for p in by_name.values() {
        report.people += 1;
        let forms = p.forms.join("|");
        for (k, o) in p.offices.iter().enumerate() {
            report.rows += 1;
            let forms = if k == 0 { forms.as_str() } else { "" };
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}",
                p.name, forms, o.affiliation, o.role, o.from, o.to
            );
        }
    }
    (out, report)
}

/// The comment lines that open a generated file: its command, its sources (`files`' names)
/// and their licence, then `notes` (the rest of the "Do not edit" line and the lines after).
pub(crate) fn generated_header(files: &[(&str, &str)], notes: &str) -> String {
    let sources: Vec<&str> = files.iter().map(|(s, _)| *s).collect();
    format!(
        "# Generated by `dyad train actors` from the Phoenix actor dictionaries of PETRARCH-2\n\
         # (Open Event Data Alliance, MIT licence; see NOTICE): {}.\n\
         # Do not edit: rerun the command. {notes}",
        sources.join(", ")
    )
}

/// A Phoenix entry as a person, if it has a dated code and a name of two words or more.
fn convert(actor: &Actor, is_country: &dyn Fn(&str) -> bool) -> Option<Person> {
    let mut offices = Vec::new();
    for code in actor.codes.iter().filter(|c| c.when != Restriction::Always) {
        if let Some(office) = office(code, is_country) {
            if !offices.contains(&office) {
                offices.push(office);
            }
        }
    }
    if offices.is_empty() {
        return None;
    }
    let always = actor
        .codes
        .iter()
        .filter(|c| c.when == Restriction::Always)
        .find_map(|c| office(c, is_country));
    let fallback = always.or_else(|| {
        let first = &offices[0].affiliation;
        let same = offices.iter().all(|o| o.affiliation == *first);
        (same && first.len() == 3).then(|| Office {
            affiliation: first.clone(),
            role: String::new(),
            from: String::new(),
            to: String::new(),
        })
    });
    offices.extend(fallback);
    let mut names = actor
        .names
        .iter()
        .filter(|n| n.len() >= 2 && n.iter().all(|(w, _)| w != "-"))
        .map(|n| title_case(n.iter().map(|(w, _)| w.as_str())));
    let name = names.next()?;
    let mut forms: Vec<String> = Vec::new();
    let mut add = |form: String| {
        if form != name && !forms.contains(&form) {
            forms.push(form);
        }
    };
    // "George W. Bush" is also written "George W Bush".
    let dotless = |form: &str| {
        form.split(' ')
            .map(|w| {
                if w.len() == 2 && w.ends_with('.') {
                    &w[..1]
                } else {
                    w
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    add(dotless(&name));
    for form in names {
        add(dotless(&form));
        add(form);
    }
    Some(Person {
        name,
        forms,
        offices,
    })
}

/// One office from a code, if its code is a known country with an optional sector, or an
/// international organisation.
fn office(code: &DatedCode, is_country: &dyn Fn(&str) -> bool) -> Option<Office> {
    let c = code.code.as_str();
    if !c.is_ascii() || c.len() < 3 || !c.len().is_multiple_of(3) {
        return None;
    }
    let (affiliation, role) = if is_country(&c[..3]) {
        let role = c.get(3..6).unwrap_or("");
        if !role.is_empty() && !SECTORS.contains(&role) {
            return None;
        }
        (c[..3].to_string(), role.to_string())
    } else if INTERNATIONAL.contains(&&c[..3]) && c.len() >= 6 {
        (c[..6].to_string(), String::new())
    } else {
        return None;
    };
    let (from, to) = match code.when {
        Restriction::Always => (String::new(), String::new()),
        Restriction::Before(d) => (String::new(), iso(d)?),
        Restriction::After(d) => (iso_after(d)?, String::new()),
        Restriction::Between(a, b) if a <= b => (iso(a)?, iso_after(b)?),
        Restriction::Between(..) => return None,
    };
    Some(Office {
        affiliation,
        role,
        from,
        to,
    })
}

/// `YYYYMMDD` as a day, if it is a real one.
fn day(d: u32) -> Option<NaiveDate> {
    let year = i32::try_from(d / 10000).ok().filter(|&y| y >= 1000)?;
    NaiveDate::from_ymd_opt(year, d / 100 % 100, d % 100)
}

/// `YYYYMMDD` as `YYYY-MM-DD`, if it is a real day.
fn iso(d: u32) -> Option<String> {
    Some(day(d)?.format("%Y-%m-%d").to_string())
}

/// The day after `YYYYMMDD`, as `YYYY-MM-DD`.
fn iso_after(d: u32) -> Option<String> {
    Some(day(d)?.succ_opt()?.format("%Y-%m-%d").to_string())
}

/// Upper-case dictionary words in title case: `TONY BLAIR` → `Tony Blair`, `MCDONALD` →
/// `McDonald`, `O'BRIEN` → `O'Brien`; lone letters keep their dot (`K.`).
pub(crate) fn title_case<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut out: Vec<String> = Vec::new();
    for word in words {
        let mut w = String::new();
        let mut upper_next = true;
        for ch in word.chars() {
            if upper_next {
                w.extend(ch.to_uppercase());
            } else {
                w.extend(ch.to_lowercase());
            }
            upper_next = matches!(ch, '\'' | '-' | '.');
        }
        if let Some(rest) = w.strip_prefix("Mc").filter(|r| r.len() > 1) {
            let mut chars = rest.chars();
            if let Some(first) = chars.next() {
                w = format!("Mc{}{}", first.to_uppercase(), chars.as_str());
            }
        }
        out.push(w);
    }
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(c: &str) -> bool {
        matches!(c, "GBR" | "USA" | "FRA")
    }

    const SAMPLE: &str = "UNITED_KINGDOM_  [GBR]\n+BRITAIN_\n\
        TONY_BLAIR_  # CountryInfo.txt\n\t[GBRELI 710101-970502]\n\t[GBRGOV 970502-070627]\n\t[GBRELI]\n\
        GORDON_BROWN_\n+JAMES_GORDON_BROWN_\n\t[GBRGOV 970502-070627]\n\
        JOHN_SMITH_\n\t[GBRLEG 900101-940512]\n\
        JOHN_SMITH_\n\t[USABUS 900101-940512]\n\
        MADONNA_\n\t[USAMED 850101-990101]\n\
        PETER_MCDONALD_\n\t[FRAGOV >051231]\n";

    #[test]
    fn dated_people_become_office_rows() {
        let (text, report) = to_dyad_people(&[("test", SAMPLE)], &country);
        let rows: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(rows.contains(&"Tony Blair\t\tGBR\tELI\t1971-01-01\t1997-05-03"));
        assert!(rows.contains(&"Tony Blair\t\tGBR\tGOV\t1997-05-02\t2007-06-28"));
        assert!(rows.contains(&"Tony Blair\t\tGBR\tELI\t\t"));
        assert!(
            rows.contains(&"Gordon Brown\tJames Gordon Brown\tGBR\tGOV\t1997-05-02\t2007-06-28")
        );
        // No undated code: the country alone outside the dates.
        assert!(rows.contains(&"Gordon Brown\t\tGBR\t\t\t"));
        assert!(rows.contains(&"Peter McDonald\t\tFRA\tGOV\t2006-01-01\t"));
        // Countries, one-word names and shared names with different codes are left out.
        assert!(!text.contains("United Kingdom") && !text.contains("Madonna"));
        assert!(!text.contains("John Smith"));
        assert_eq!(report.people, 3);
        assert_eq!(report.ambiguous_forms, 1);
    }

    #[test]
    fn days_roll_over() {
        assert_eq!(iso_after(20041231).as_deref(), Some("2005-01-01"));
        assert_eq!(iso_after(20040228).as_deref(), Some("2004-02-29"));
        assert_eq!(iso_after(20050228).as_deref(), Some("2005-03-01"));
        assert_eq!(iso_after(20051301), None);
        assert_eq!(iso(20000101).as_deref(), Some("2000-01-01"));
    }
}
