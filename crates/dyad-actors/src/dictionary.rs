//! The actor dictionaries: data files loaded into phrase indexes.

use std::collections::HashMap;
use std::path::Path;

use crate::phrase::PhraseIndex;
use crate::{Error, Result};

const COUNTRIES: &str = include_str!("../data/countries.tsv");
const COUNTRY_NAMES: &str = include_str!("../data/country_names.tsv");
const INSTITUTIONS: &str = include_str!("../data/metonyms.tsv");
const ROLES: &str = include_str!("../data/roles.tsv");
const PEOPLE: &str = include_str!("../data/people.tsv");
const FIRST_NAMES: &str = include_str!("../data/first_names.tsv");
const PEOPLE_PHOENIX: &str = include_str!("../data/generated/people_phoenix.tsv");
const ORGANISATIONS_PHOENIX: &str = include_str!("../data/generated/organisations_phoenix.tsv");

/// Small words that may stay lower-case inside an organisation's name ("Committee of the Red
/// Cross").
pub(crate) const SMALL_WORDS: &[&str] = &[
    "of", "the", "for", "and", "on", "in", "to", "at", "de", "la", "du", "des", "el", "al",
];

/// Name particles that may stay lower-case inside a person's name ("Abu Bakr al Baghdadi").
const PARTICLES: &[&str] = &[
    "al", "bin", "ibn", "de", "da", "del", "della", "di", "du", "dos", "la", "le", "van", "von",
    "der", "den", "el", "y",
];

/// A country.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code, also its CAMEO country code.
    pub iso3: String,
    /// English name.
    pub name: String,
    /// Capital city, if any.
    pub capital: Option<String>,
}

/// A named institution, organisation or outlet.
#[derive(Debug, Clone, PartialEq)]
pub struct Institution {
    /// CAMEO actor code (`USAGOV`, `IGOUNO`…).
    pub code: String,
    /// ISO alpha-3 country, if national.
    pub country: Option<String>,
    /// CAMEO sector codes.
    pub roles: Vec<String>,
    /// Canonical name.
    pub name: String,
}

/// One office a person held, with its dates.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonOffice {
    /// Country (alpha-3) or organisation code (`IGOUNO`).
    pub affiliation: String,
    /// CAMEO sector code, if any.
    pub role: Option<String>,
    /// First day (`YYYY-MM-DD`), open if `None`.
    pub from: Option<String>,
    /// Day it ended, open if `None`.
    pub to: Option<String>,
}

impl PersonOffice {
    /// Whether the office was held on `date` (`YYYY-MM-DD`): within its dates, open ends
    /// included.
    fn held_on(&self, date: &str) -> bool {
        self.from.as_deref().is_none_or(|f| f <= date)
            && self.to.as_deref().is_none_or(|t| date < t)
    }

    /// Whether the office has dates at all (an undated one is what the person is outside
    /// every range).
    fn is_dated(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// The actor code the office gives: the country and the role (`GBRGOV`), or an
    /// organisation's code (`IGOUNO`).
    fn code(&self) -> PersonCode {
        if self.affiliation.len() == 3 {
            PersonCode {
                code: format!(
                    "{}{}",
                    self.affiliation,
                    self.role.as_deref().unwrap_or_default()
                ),
                country: Some(self.affiliation.clone()),
                role: self.role.clone(),
            }
        } else {
            PersonCode {
                code: self.affiliation.clone(),
                country: None,
                role: self.role.clone(),
            }
        }
    }
}

/// A person known to the dictionaries.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// Canonical full name.
    pub name: String,
    /// Offices held, in file order.
    pub offices: Vec<PersonOffice>,
}

impl Person {
    /// Whether the person held a dated office on `date` (`false` for an undated document).
    pub fn holds_office_on(&self, date: Option<&str>) -> bool {
        let Some(date) = date else { return false };
        self.offices.iter().any(|o| o.is_dated() && o.held_on(date))
    }

    /// The office held on `date` (`YYYY-MM-DD`), else the most recent one.
    pub fn office_on(&self, date: Option<&str>) -> Option<&PersonOffice> {
        self.offices
            .iter()
            .find(|o| date.is_some_and(|d| o.held_on(d)))
            .or_else(|| self.offices.iter().max_by(|a, b| a.from.cmp(&b.from)))
    }

    /// The actor code the office held on `date` gives (see [`Person::office_on`]): the
    /// country and the role (`GBRGOV`), or an organisation's code (`IGOUNO`).
    pub fn code_on(&self, date: Option<&str>) -> Option<PersonCode> {
        self.office_on(date).map(PersonOffice::code)
    }

    /// The code of the office the person left in `period` (a year `YYYY` or a month
    /// `YYYY-MM`): the one a resignation of that year is from, though another began the
    /// same year ("he resigned [as an MP] in 1995 to become a European commissioner").
    pub fn code_left_in(&self, period: &str) -> Option<PersonCode> {
        self.offices
            .iter()
            .find(|o| o.to.as_deref().is_some_and(|t| t.starts_with(period)))
            .map(PersonOffice::code)
    }

    /// The code of an office the person held whose code is `code` ("Metropolitan Police
    /// Commissioner Sir John Stevens" in an undated document: the police, not the peer he
    /// became).
    pub fn held_code(&self, code: &str) -> Option<PersonCode> {
        self.offices
            .iter()
            .map(PersonOffice::code)
            .find(|held| held.code == code)
    }
}

/// What a person's dated offices make them on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonCode {
    /// CAMEO actor code (`GBRGOV`, `IGOUNO`).
    pub code: String,
    /// ISO alpha-3 country, for a national office.
    pub country: Option<String>,
    /// CAMEO sector code, if any.
    pub role: Option<String>,
}

/// What a dictionary phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    /// A country by name, other name or capital (index into countries).
    Country(usize),
    /// A demonym ("Venezuelan").
    Demonym(usize),
    /// A capital city ("Caracas").
    Capital(usize),
    /// A named institution.
    Institution(usize),
    /// A known person.
    Person(usize),
}

/// All actor dictionaries.
#[derive(Debug, Clone)]
pub struct Dictionary {
    pub(crate) countries: Vec<Country>,
    pub(crate) institutions: Vec<Institution>,
    pub(crate) people: Vec<Person>,
    pub(crate) names: PhraseIndex<Entry>,
    pub(crate) roles: PhraseIndex<String>,
    /// The generated people tier (index into `people`), compared case-insensitively; a match
    /// must be capitalised in the text. Consulted after `names`.
    pub(crate) generated: PhraseIndex<usize>,
    /// The generated organisations tier (index into `institutions`), compared
    /// case-insensitively; a match must be capitalised in the text (a one-word form, an
    /// acronym, written in capitals). Consulted after `names`.
    pub(crate) generated_organisations: PhraseIndex<usize>,
    /// Lower-case surname → the people who have it.
    pub(crate) surnames: HashMap<String, Vec<usize>>,
    /// First name → whether it marks a woman (`true`) or a man.
    first_names: HashMap<String, bool>,
}

struct Rows<'a> {
    file: &'a str,
    text: &'a str,
}

impl<'a> Rows<'a> {
    /// Non-comment rows with their 1-based line numbers, split on tabs.
    fn iter(&self) -> impl Iterator<Item = (usize, Vec<&'a str>)> + 'a {
        self.text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
            .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
    }

    fn need(&self, line: usize, fields: &[&str], n: usize) -> Result<()> {
        if fields.len() < n {
            return Err(Error::Malformed {
                file: self.file.to_string(),
                line,
                message: format!(
                    "expected at least {n} tab-separated fields, found {}",
                    fields.len()
                ),
            });
        }
        Ok(())
    }
}

/// The institution of a `metonyms.tsv` row (`forms, code, country, roles, name`), named
/// `first_form` when the row gives no canonical name.
fn institution_of(f: &[&str], first_form: &str) -> Institution {
    Institution {
        code: f[1].to_string(),
        country: optional(f.get(2)),
        roles: f
            .get(3)
            .map(|r| {
                r.split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        name: optional(f.get(4)).unwrap_or_else(|| first_form.to_string()),
    }
}

/// Whether every word of a name is capitalised in the text, but for `small` words inside it
/// (neither first nor last).
fn capitalised(name: &[&str], small: &[&str]) -> bool {
    let n = name.len();
    name.iter().enumerate().all(|(k, w)| {
        w.chars().next().is_some_and(char::is_uppercase)
            || (k > 0 && k + 1 < n && small.contains(w))
    })
}

fn split_words(form: &str) -> Vec<&str> {
    form.split_whitespace().collect()
}

fn optional(s: Option<&&str>) -> Option<String> {
    s.filter(|s| !s.is_empty()).map(|s| s.to_string())
}

impl Dictionary {
    /// The dictionaries shipped with dyad: the curated files and, under them, the people
    /// generated from the Phoenix dictionaries (`data/generated/people_phoenix.tsv`).
    pub fn embedded() -> Dictionary {
        let mut dict = Dictionary::curated();
        dict.add_generated_people(PEOPLE_PHOENIX, "generated/people_phoenix.tsv")
            .expect("embedded people_phoenix.tsv");
        dict.add_generated_organisations(
            ORGANISATIONS_PHOENIX,
            "generated/organisations_phoenix.tsv",
        )
        .expect("embedded organisations_phoenix.tsv");
        dict
    }

    /// The curated dictionaries shipped with dyad, without the generated people tier.
    pub fn curated() -> Dictionary {
        let mut dict = Dictionary {
            countries: Vec::new(),
            institutions: Vec::new(),
            people: Vec::new(),
            names: PhraseIndex::new(false),
            roles: PhraseIndex::new(true),
            generated: PhraseIndex::new(true),
            generated_organisations: PhraseIndex::new(true),
            surnames: HashMap::new(),
            first_names: HashMap::new(),
        };
        dict.add_countries(COUNTRIES, "countries.tsv")
            .expect("embedded countries.tsv");
        dict.add_country_names(COUNTRY_NAMES, "country_names.tsv")
            .expect("embedded names");
        dict.add_institutions(INSTITUTIONS, "metonyms.tsv")
            .expect("embedded metonyms.tsv");
        dict.add_roles(ROLES, "roles.tsv")
            .expect("embedded roles.tsv");
        dict.add_people(PEOPLE, "people.tsv")
            .expect("embedded people.tsv");
        dict.add_first_names(FIRST_NAMES, "first_names.tsv")
            .expect("embedded first_names.tsv");
        dict
    }

    /// Adds a generated people file (the format of `people.tsv`, one person's rows
    /// together) as a tier under the curated files: a person or form the curated files
    /// already know is skipped.
    pub fn add_generated_people(&mut self, text: &str, file: &str) -> Result<()> {
        let rows = Rows { file, text };
        let mut current: Option<(String, Option<usize>)> = None;
        for (line, f) in rows.iter() {
            rows.need(line, &f, 3)?;
            let index = match &current {
                Some((name, index)) if name == f[0] => *index,
                _ => {
                    let words = split_words(f[0]);
                    // A curated person keeps the curated offices but gains the other forms.
                    let curated = match self.names.longest(&words) {
                        Some((n, Entry::Person(i))) if n == words.len() => Some(*i),
                        _ => None,
                    };
                    let target = curated.unwrap_or_else(|| {
                        self.people.push(Person {
                            name: f[0].to_string(),
                            offices: Vec::new(),
                        });
                        self.note_surname(f[0], self.people.len() - 1);
                        self.people.len() - 1
                    });
                    let forms = f.get(1).map(|s| s.split('|')).into_iter().flatten();
                    let written: Vec<String> = std::iter::once(f[0])
                        .chain(forms)
                        .flat_map(|form| {
                            std::iter::once(form.to_string()).chain(familiar_forms(form))
                        })
                        .collect();
                    for form in &written {
                        let words = split_words(form);
                        let known = self.names.longest(&words).map(|(n, _)| n);
                        if !form.is_empty() && known != Some(words.len()) {
                            self.generated.push(form, target);
                        }
                    }
                    let index = curated.is_none().then_some(target);
                    current = Some((f[0].to_string(), index));
                    index
                }
            };
            if let Some(i) = index {
                self.people[i].offices.push(PersonOffice {
                    affiliation: f[2].to_string(),
                    role: optional(f.get(3)),
                    from: optional(f.get(4)),
                    to: optional(f.get(5)),
                });
            }
        }
        self.generated.finish();
        Ok(())
    }

    /// Adds a generated organisations file (the format of `metonyms.tsv`) as a tier under the
    /// curated files: a form the curated files already know is skipped.
    pub fn add_generated_organisations(&mut self, text: &str, file: &str) -> Result<()> {
        let rows = Rows { file, text };
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            let forms: Vec<&str> = f[0].split('|').filter(|s| !s.is_empty()).collect();
            let Some(first) = forms.first() else {
                continue;
            };
            let index = self.institutions.len();
            for form in &forms {
                let words = split_words(form);
                if self.names.longest(&words).map(|(n, _)| n) != Some(words.len()) {
                    self.generated_organisations.push(form, index);
                }
            }
            self.institutions.push(institution_of(&f, first));
        }
        self.generated_organisations.finish();
        Ok(())
    }

    /// The organisation of the generated tier named at the start of `words`: every word
    /// capitalised in the text (small words aside), a one-word name written in capitals.
    /// The match's length and the institution.
    pub(crate) fn generated_organisation(&self, words: &[&str]) -> Option<(usize, usize)> {
        let (n, &index) = self.generated_organisations.longest(words)?;
        let written = if n == 1 {
            let w = words[0].trim_end_matches('.');
            w.len() >= 3 && w.chars().all(|c| c.is_uppercase())
        } else {
            capitalised(&words[..n], SMALL_WORDS)
        };
        written.then_some((n, index))
    }

    /// Records `name`'s last word as person `index`'s surname.
    fn note_surname(&mut self, name: &str, index: usize) {
        let Some(surname) = name
            .split_whitespace()
            .last()
            .filter(|_| name.contains(' '))
        else {
            return;
        };
        let people = self.surnames.entry(surname.to_lowercase()).or_default();
        if !people.contains(&index) {
            people.push(index);
        }
    }

    /// The person of the generated tier named at the start of `words` (all its words
    /// capitalised in the text, name particles aside): the match's length and the person.
    pub(crate) fn generated_person(&self, words: &[&str]) -> Option<(usize, usize)> {
        if !words
            .first()?
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        {
            return None;
        }
        let (n, &index) = self.generated.longest(words)?;
        capitalised(&words[..n], PARTICLES).then_some((n, index))
    }

    /// The one person whose surname `word` is among those `eligible` admits, if no other
    /// eligible person has it.
    pub(crate) fn person_by_surname(
        &self,
        word: &str,
        eligible: impl Fn(&Person) -> bool,
    ) -> Option<usize> {
        let people = self.surnames.get(&word.to_lowercase())?;
        let mut found = people.iter().filter(|&&p| eligible(&self.people[p]));
        let first = *found.next()?;
        found.next().is_none().then_some(first)
    }

    /// Adds the user's dictionary files found in `dir` (any of `country_names.tsv`,
    /// `metonyms.tsv`, `roles.tsv`, `people.tsv`, `first_names.tsv`, in the embedded files'
    /// formats). Entries
    /// added later take precedence over embedded ones with the same form.
    pub fn extend_from_dir(&mut self, dir: &Path) -> Result<()> {
        type Loader = fn(&mut Dictionary, &str, &str) -> Result<()>;
        let loaders: [(&str, Loader); 5] = [
            ("country_names.tsv", Dictionary::add_country_names),
            ("metonyms.tsv", Dictionary::add_institutions),
            ("roles.tsv", Dictionary::add_roles),
            ("people.tsv", Dictionary::add_people),
            ("first_names.tsv", Dictionary::add_first_names),
        ];
        for (name, load) in loaders {
            let path = dir.join(name);
            if !path.exists() {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            load(self, &text, &path.display().to_string())?;
        }
        Ok(())
    }

    fn add_countries(&mut self, text: &str, file: &str) -> Result<()> {
        let rows = Rows { file, text };
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            let index = self.countries.len();
            let capital = optional(f.get(2));
            self.names.insert(f[1], Entry::Country(index));
            self.names.insert(f[0], Entry::Country(index));
            if let Some(capital) = &capital {
                self.names.insert(capital, Entry::Capital(index));
            }
            self.countries.push(Country {
                iso3: f[0].to_string(),
                name: f[1].to_string(),
                capital,
            });
        }
        Ok(())
    }

    fn add_country_names(&mut self, text: &str, file: &str) -> Result<()> {
        let rows = Rows { file, text };
        for (line, f) in rows.iter() {
            rows.need(line, &f, 3)?;
            let Some(index) = self.countries.iter().position(|c| c.iso3 == f[0]) else {
                return Err(Error::Malformed {
                    file: file.to_string(),
                    line,
                    message: format!("unknown country code `{}`", f[0]),
                });
            };
            let entry = match f[1] {
                "alias" => Entry::Country(index),
                "demonym" => Entry::Demonym(index),
                other => {
                    return Err(Error::Malformed {
                        file: file.to_string(),
                        line,
                        message: format!("kind must be alias or demonym, not `{other}`"),
                    })
                }
            };
            for form in f[2].split('|').filter(|s| !s.is_empty()) {
                self.names.insert(form, entry);
                if let Some(bare) = form.strip_prefix("the ") {
                    self.names.insert(bare, entry);
                }
            }
        }
        Ok(())
    }

    fn add_institutions(&mut self, text: &str, file: &str) -> Result<()> {
        let rows = Rows { file, text };
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            let index = self.institutions.len();
            let forms: Vec<&str> = f[0].split('|').filter(|s| !s.is_empty()).collect();
            let institution = institution_of(&f, forms[0]);
            for form in &forms {
                self.names.insert(
                    form.strip_prefix("the ").unwrap_or(form),
                    Entry::Institution(index),
                );
                if let Some(bare) = form.strip_prefix("The ") {
                    self.names.insert(bare, Entry::Institution(index));
                }
            }
            self.institutions.push(institution);
        }
        Ok(())
    }

    /// Whether the first name `name` marks a woman (`Some(true)`) or a man.
    pub(crate) fn first_name_feminine(&self, name: &str) -> Option<bool> {
        self.first_names.get(name).copied()
    }

    fn add_first_names(&mut self, text: &str, file: &str) -> Result<()> {
        let rows = Rows { file, text };
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            let feminine = match f[1] {
                "F" => true,
                "M" => false,
                other => {
                    return Err(Error::Malformed {
                        file: file.to_string(),
                        line,
                        message: format!("expected F or M in the second field, found {other:?}"),
                    })
                }
            };
            self.first_names.insert(f[0].to_string(), feminine);
        }
        Ok(())
    }

    fn add_roles(&mut self, text: &str, file: &str) -> Result<()> {
        let rows = Rows { file, text };
        for (line, f) in rows.iter() {
            rows.need(line, &f, 2)?;
            self.roles.insert(f[0], f[1].to_string());
        }
        Ok(())
    }

    fn add_people(&mut self, text: &str, file: &str) -> Result<()> {
        let rows = Rows { file, text };
        for (line, f) in rows.iter() {
            rows.need(line, &f, 3)?;
            let office = PersonOffice {
                affiliation: f[2].to_string(),
                role: optional(f.get(3)),
                from: optional(f.get(4)),
                to: optional(f.get(5)),
            };
            let index = match self.people.iter().position(|p| p.name == f[0]) {
                Some(i) => i,
                None => {
                    self.people.push(Person {
                        name: f[0].to_string(),
                        offices: Vec::new(),
                    });
                    self.people.len() - 1
                }
            };
            self.people[index].offices.push(office);
            self.note_surname(f[0], index);
            self.names.insert(f[0], Entry::Person(index));
            for form in f.get(1).map(|s| s.split('|')).into_iter().flatten() {
                if !form.is_empty() {
                    self.names.insert(form, Entry::Person(index));
                }
            }
        }
        Ok(())
    }

    /// The known person whose canonical name is `name`, curated or generated.
    pub fn person_named(&self, name: &str) -> Option<&Person> {
        let words = split_words(name);
        let full = |(n, &index): (usize, &usize)| (n == words.len()).then_some(index);
        let curated = match self.names.longest(&words) {
            Some((n, Entry::Person(i))) if n == words.len() => Some(*i),
            _ => None,
        };
        curated
            .into_iter()
            .chain(self.generated.longest(&words).and_then(full))
            .map(|i| &self.people[i])
            .find(|p| p.name == name)
    }

    /// The country named `name` (its name, another name or its ISO code).
    pub fn country_by_name(&self, name: &str) -> Option<&Country> {
        let words = crate::phrase::split_form(name);
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        match self.names.longest(&words) {
            Some((n, Entry::Country(i))) if n == words.len() => Some(&self.countries[*i]),
            _ => None,
        }
    }

    /// The country whose demonym `word` is ("Venezuelan", "Turks" → Venezuela, Turkey).
    pub fn country_of_demonym(&self, word: &str) -> Option<&Country> {
        let words = crate::phrase::split_form(word);
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        match self.names.longest(&words) {
            Some((n, Entry::Demonym(i))) if n == words.len() => Some(&self.countries[*i]),
            _ => None,
        }
    }

    /// The country with ISO alpha-3 code `iso3`.
    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.iso3 == iso3)
    }

    /// The sector code of a role word or phrase ("senator" → `LEG`).
    pub fn role_of(&self, words: &[&str]) -> Option<(usize, &str)> {
        self.roles.longest(words).map(|(n, r)| (n, r.as_str()))
    }
}

/// Given names and the familiar forms news writes them in ("Jim Callaghan" for James
/// Callaghan, "Bill Clinton" for William Clinton).
const FAMILIAR_NAMES: &[(&str, &[&str])] = &[
    ("Albert", &["Al"]),
    ("Alexander", &["Alex"]),
    ("Andrew", &["Andy"]),
    ("Anthony", &["Tony"]),
    ("Benjamin", &["Ben"]),
    ("Charles", &["Charlie"]),
    ("Christopher", &["Chris"]),
    ("Daniel", &["Dan"]),
    ("David", &["Dave"]),
    ("Donald", &["Don"]),
    ("Douglas", &["Doug"]),
    ("Edward", &["Ed", "Ted"]),
    ("Elizabeth", &["Liz"]),
    ("Frederick", &["Fred", "Freddie"]),
    ("Gerald", &["Gerry"]),
    ("Gregory", &["Greg"]),
    ("Henry", &["Harry"]),
    ("James", &["Jim", "Jimmy"]),
    ("Jeffrey", &["Jeff"]),
    ("Jonathan", &["Jon"]),
    ("Joseph", &["Joe"]),
    ("Kenneth", &["Ken"]),
    ("Lawrence", &["Larry"]),
    ("Leonard", &["Len"]),
    ("Margaret", &["Maggie"]),
    ("Matthew", &["Matt"]),
    ("Michael", &["Mike"]),
    ("Nicholas", &["Nick"]),
    ("Patrick", &["Pat"]),
    ("Peter", &["Pete"]),
    ("Philip", &["Phil"]),
    ("Raymond", &["Ray"]),
    ("Richard", &["Dick", "Rick"]),
    ("Robert", &["Bob", "Rob"]),
    ("Ronald", &["Ron"]),
    ("Samuel", &["Sam"]),
    ("Stephen", &["Steve"]),
    ("Steven", &["Steve"]),
    ("Susan", &["Sue"]),
    ("Thomas", &["Tom"]),
    ("Timothy", &["Tim"]),
    ("Vincent", &["Vince"]),
    ("William", &["Bill", "Will"]),
];

/// The forms of `name` with its given name in a familiar form ("Jim Callaghan" for "James
/// Callaghan"); none for a one-word name.
fn familiar_forms(name: &str) -> impl Iterator<Item = String> + '_ {
    let (given, rest) = name.split_once(' ').unwrap_or((name, ""));
    FAMILIAR_NAMES
        .iter()
        .filter(move |(formal, _)| !rest.is_empty() && *formal == given)
        .flat_map(|(_, familiar)| familiar.iter())
        .map(move |familiar| format!("{familiar} {rest}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_dictionaries_load() {
        let dict = Dictionary::embedded();
        assert!(dict.countries.len() > 240);
        assert_eq!(
            dict.country_by_name("the United States")
                .map(|c| c.iso3.as_str()),
            None
        );
        assert_eq!(dict.country_by_name("United States").unwrap().iso3, "USA");
        assert_eq!(dict.country_by_name("U.S.").unwrap().iso3, "USA");
        assert_eq!(
            dict.role_of(&["Secretary", "of", "State", "Marco"]),
            Some((3, "GOV"))
        );
    }

    #[test]
    fn offices_follow_the_date() {
        let dict = Dictionary::embedded();
        let rubio = dict
            .people
            .iter()
            .find(|p| p.name == "Marco Rubio")
            .unwrap();
        assert_eq!(
            rubio.office_on(Some("2020-06-01")).unwrap().role.as_deref(),
            Some("LEG")
        );
        assert_eq!(
            rubio.office_on(Some("2025-12-03")).unwrap().role.as_deref(),
            Some("GOV")
        );
        assert_eq!(rubio.office_on(None).unwrap().role.as_deref(), Some("GOV"));
    }

    #[test]
    fn the_generated_people_tier_loads_under_the_curated_files() {
        let dict = Dictionary::embedded();
        assert!(dict.people.len() > Dictionary::curated().people.len() + 10_000);
        let (n, p) = dict.generated_person(&["Hilary", "Benn", "said"]).unwrap();
        assert_eq!((n, dict.people[p].name.as_str()), (2, "Hilary Benn"));
        let office = dict.people[p].office_on(Some("2005-03-01")).unwrap();
        assert_eq!(
            (office.affiliation.as_str(), office.role.as_deref()),
            ("GBR", Some("GOV"))
        );
        // A curated person is not taken from the tier, but gains its other forms.
        assert!(dict.generated_person(&["Tony", "Blair"]).is_none());
        let (_, bush) = dict.generated_person(&["George", "W", "Bush"]).unwrap();
        assert_eq!(dict.people[bush].name, "George W. Bush");
        assert!(dict.generated_person(&["hilary", "benn"]).is_none());
        // A familiar given name finds the formal one ("Jim" for James).
        let (n, p) = dict.generated_person(&["Jim", "Baker", "said"]).unwrap();
        assert_eq!((n, dict.people[p].name.as_str()), (2, "James Baker"));
    }

    #[test]
    fn the_generated_organisations_tier_needs_capitals() {
        let mut dict = Dictionary::curated();
        let rows = "ICAO|International Civil Aviation Organization\tIGOUNOICA\t\tIGO\tICAO\n\
            United Nations\tIGOUNO\t\tIGO\tthe UN (curated already)\n";
        dict.add_generated_organisations(rows, "test.tsv").unwrap();
        let code = |words: &[&str]| {
            dict.generated_organisation(words)
                .map(|(n, k)| (n, dict.institutions[k].code.as_str()))
        };
        assert_eq!(code(&["ICAO", "inspectors"]), Some((1, "IGOUNOICA")));
        // An acronym only in capitals; a name with its words capitalised, small words aside.
        assert_eq!(code(&["Icao"]), None);
        let name = ["International", "Civil", "Aviation", "Organization"];
        assert_eq!(code(&name), Some((4, "IGOUNOICA")));
        assert_eq!(
            code(&["international", "civil", "aviation", "organization"]),
            None
        );
        // A form the curated files have stays theirs.
        assert_eq!(code(&["United", "Nations"]), None);
    }

    #[test]
    fn user_files_extend_and_override() {
        let dir = std::env::temp_dir().join(format!("dyad-actors-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("metonyms.tsv"),
            "Casa Rosada\tARGGOV\tARG\tGOV\tCasa Rosada\n",
        )
        .unwrap();
        let mut dict = Dictionary::embedded();
        dict.extend_from_dir(&dir).unwrap();
        let found = dict.names.longest(&["Casa", "Rosada"]);
        assert!(matches!(found, Some((2, Entry::Institution(_)))));
        std::fs::write(dir.join("roles.tsv"), "bad line without tab\n").unwrap();
        let err = dict.extend_from_dir(&dir).unwrap_err().to_string();
        assert!(err.contains("roles.tsv:1"), "{err}");
        std::fs::remove_file(dir.join("roles.tsv")).unwrap();
        std::fs::write(dir.join("first_names.tsv"), "Morgan\tF\nAlex\tX\n").unwrap();
        let err = dict.extend_from_dir(&dir).unwrap_err().to_string();
        assert!(err.contains("first_names.tsv:2"), "{err}");
        assert_eq!(dict.first_name_feminine("Morgan"), Some(true));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
