//! Resolution of actor mentions: dictionary phrases composed into noun phrases, then
//! in-document learning and coreference.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use dyad_types::{Actor, Analysis, EntityType, QuoteKind, ELITES, RELIGIONS};

use crate::dictionary::{Dictionary, Entry, SMALL_WORDS};
use crate::{ActorMention, MentionKind, Result};

/// One element of a noun phrase being composed.
#[derive(Debug, Clone)]
enum Element {
    Known(Entry),
    Role(String),
    /// An actor learned earlier in the document.
    Learned(Actor, MentionKind),
    /// A capitalised name the dictionaries do not know.
    UnknownName,
    Possessive,
}

#[derive(Debug, Clone)]
struct Part {
    element: Element,
    first: usize,
    end: usize,
}

/// The sentence being read: its index, its first token and its words.
struct SentenceSite<'a> {
    index: usize,
    offset: usize,
    words: &'a [&'a str],
}

/// What the document has taught us so far.
#[derive(Default)]
struct Memory {
    /// Surnames, short names of institutions → actor.
    names: HashMap<String, (Actor, MentionKind)>,
    /// Role heads ("administration", "president", "dictator") → actor.
    roles: HashMap<String, (Actor, MentionKind)>,
    /// Person mentions so far (pronouns included), in text order.
    persons: Vec<PersonSeen>,
    /// Whether a person is a woman, by name ("Amanda Champion") and by first name
    /// ("Amanda"), as the text marked it: a title, "his wife", or a pronoun it took.
    feminine: HashMap<String, bool>,
    /// How many mentions so far resolved to each country (the countries the document named).
    country_mentions: HashMap<String, usize>,
    /// How many mentions of the whole document resolved to each country, from a first
    /// reading: "MPs have said" in the first sentence are those of the country the rest of
    /// the document names most, not of none.
    document_countries: HashMap<String, usize>,
    /// The main countries given out on a first reading, before the whole document was
    /// counted: when all are the document's, a second reading would change nothing.
    early_answers: RefCell<Vec<Option<String>>>,
}

/// The country with the most mentions in `counts` (the earliest in code order of equals).
fn most_mentioned(counts: &HashMap<String, usize>) -> Option<&String> {
    most_mentioned_where(counts, |_| true)
}

/// The country with the most mentions in `counts` among those for which `keep` holds.
fn most_mentioned_where(
    counts: &HashMap<String, usize>,
    keep: impl Fn(&str) -> bool,
) -> Option<&String> {
    counts
        .iter()
        .filter(|(c, _)| keep(c))
        .max_by_key(|(c, n)| (**n, std::cmp::Reverse(*c)))
        .map(|(c, _)| c)
}

/// A person mention, as a candidate antecedent of later pronouns.
struct PersonSeen {
    actor: Actor,
    sentence: usize,
    /// Its first token.
    token: usize,
    /// The token after its last.
    end: usize,
    /// Whether the mention is the subject of its clause.
    subject: bool,
    /// Whether it is the subject of its sentence's main clause.
    main_subject: bool,
    /// The gender its own words give it, for a person the text names by no name ("he", "she"
    /// for "the prime minister"): `Some(true)` for a woman.
    feminine: Option<bool>,
}

impl Memory {
    /// The person of canonical name `name` as the document learned them earlier, when
    /// that gave them an office.
    fn learned_person(&self, name: &str) -> Option<&Actor> {
        let surname = name.split_whitespace().last()?;
        match self.names.get(surname)? {
            (actor, MentionKind::Person)
                if actor.name.as_deref() == Some(name)
                    && actor.code.is_some()
                    && !actor.roles.is_empty() =>
            {
                Some(actor)
            }
            _ => None,
        }
    }

    /// The country most mentions of the document belong to, or of those read so far on a
    /// first reading (the earliest of equals): whose a bare office or group is ("MPs have
    /// said" in the first sentence).
    fn main_country(&self) -> Option<&String> {
        self.main_country_where(|_| true)
    }

    /// The main country (see [`Memory::main_country`]) when the document names it more than
    /// once: the country of a story, not only of the other party a visitor met.
    fn main_country_named_again(&self) -> Option<&String> {
        self.main_country()
            .filter(|c| self.counted_countries().get(*c).is_some_and(|&n| n > 1))
    }

    /// The main country (see [`Memory::main_country`]) among those whose government has the
    /// office `title`: "the prime minister" of a story about George Bush's re-election that
    /// Tony Blair comments on is Britain's, since the United States has none.
    fn main_country_with_office(&self, title: &str) -> Option<&String> {
        if !PRIME_MINISTERS.contains(&title) {
            return self.main_country();
        }
        self.main_country_where(|c| !WITHOUT_PRIME_MINISTER.contains(&c))
    }

    /// The main country among those for which `keep` holds; on a first reading, of those
    /// read so far, the answer noted so that a changed one calls for a second reading.
    fn main_country_where(&self, keep: impl Fn(&str) -> bool) -> Option<&String> {
        let answer = most_mentioned_where(self.counted_countries(), keep);
        if self.document_countries.is_empty() {
            self.early_answers.borrow_mut().push(answer.cloned());
        }
        answer
    }

    /// The mentions per country the main country is chosen by: the whole document's on a
    /// second reading, those read so far on a first.
    fn counted_countries(&self) -> &HashMap<String, usize> {
        if self.document_countries.is_empty() {
            &self.country_mentions
        } else {
            &self.document_countries
        }
    }

    /// The country most mentions read so far belong to: whose a titled person of no named
    /// country is ("President X" met the leader of a country named after).
    fn country_so_far(&self) -> Option<&String> {
        most_mentioned(&self.country_mentions)
    }

    /// Forgets what reading `mention` (in sentence `sentence`) taught, when it turns out to be
    /// no one's mention: the people it named, and its count toward the country the document
    /// is about ("protestors … days after the start of the Iraq war" is a British story).
    fn forget(&mut self, sentence: usize, mention: &ActorMention) {
        self.persons.retain(|p| {
            p.sentence != sentence || !(mention.first_token..mention.end_token).contains(&p.token)
        });
        if let Some(country) = &mention.actor.country {
            if let Some(n) = self.country_mentions.get_mut(country) {
                *n -= 1;
                if *n == 0 {
                    self.country_mentions.remove(country);
                }
            }
        }
    }

    /// Whether the text has marked the person as a woman (`Some(true)`) or a man.
    fn is_feminine(&self, actor: &Actor) -> Option<bool> {
        let name = actor.name.as_deref()?;
        self.feminine.get(name).copied().or_else(|| {
            let first = name.split_whitespace().next()?;
            self.feminine.get(first).copied()
        })
    }

    /// Records that the person is a woman (or a man): under the whole name, and under the
    /// first name when the name has several words.
    fn mark_gender(&mut self, actor: &Actor, feminine: bool) {
        let Some(name) = actor.name.as_deref() else {
            return;
        };
        self.feminine.entry(name.to_string()).or_insert(feminine);
        if let Some((first, _)) = name.split_once(' ') {
            self.feminine.entry(first.to_string()).or_insert(feminine);
        }
    }

    /// The person a third-person pronoun refers to: in the nearest sentence (the pronoun's
    /// own, then back) that mentions a person of a compatible gender, the subject of its main
    /// clause, else its first such subject, else its first such person.
    /// People named inside a quotation of the pronoun's sentence that the pronoun is outside
    /// of (`quoted`) are not candidates: in "'… Mr Blair's appointment …,' he said", "he" is
    /// the speaker.
    /// A person for whom `host` holds (the subject of the clause the pronoun's own clause
    /// depends on, see [`host_subject`]) comes before all of those.
    /// Returns the index of the person in `persons`.
    fn antecedent(
        &self,
        feminine: bool,
        quoted: impl Fn(&PersonSeen) -> bool,
        host: impl Fn(&PersonSeen) -> bool,
    ) -> Option<usize> {
        let compatible = |p: &PersonSeen| {
            p.feminine.or_else(|| self.is_feminine(&p.actor)) != Some(!feminine) && !quoted(p)
        };
        let nearest = self.persons.iter().rposition(compatible)?;
        let sentence = self.persons[nearest].sentence;
        let in_sentence = || {
            self.persons
                .iter()
                .enumerate()
                .filter(|(_, p)| p.sentence == sentence && compatible(p))
        };
        in_sentence()
            .find(|(_, p)| host(p))
            .or_else(|| in_sentence().find(|(_, p)| p.main_subject))
            .or_else(|| in_sentence().find(|(_, p)| p.subject))
            .or_else(|| in_sentence().next())
            .map(|(k, _)| k)
    }
}

/// Role words that speak for the institution named before them rather than hold an office
/// of their own ("Tory spokesman", "Pentagon officials", "the Conservative leader", "TUC
/// general secretary Brendan Barber").
const VOICE_ROLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "spokeswomen",
    "spin doctor",
    "spin doctors",
    "official",
    "officials",
    "leader",
    "leaders",
    "chairman",
    "co-chairman",
    "chairwoman",
    "general secretary",
    "secretary general",
    "secretary-general",
    "director general",
    "director-general",
];

/// Titles of those who head or speak for a body named after them ("director of Liberty").
/// Verbs of a relative clause whose object is the body a person leads ("who led Care
/// International").
const LEADING_VERBS: &[&str] = &["leads", "led", "heads", "headed", "runs", "ran", "chairs"];
/// Verbs of a relative clause whose "for", "in" or "at" names the body a person works for
/// ("who works in the Tory research unit").
const WORKING_VERBS: &[&str] = &["works", "worked", "serves", "served"];
const HEAD_TITLES: &[&str] = &[
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "head",
    "leader",
    "chief",
    "president",
    "founder",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Role words of people posted abroad: the place they are in is where they work, not whose
/// they are ("reporters in Brussels", "diplomats in Baghdad").
const POSTED_ROLES: &[&str] = &[
    "reporter",
    "reporters",
    "journalist",
    "journalists",
    "correspondent",
    "correspondents",
    "ambassador",
    "ambassadors",
    "envoy",
    "envoys",
    "diplomat",
    "diplomats",
];

/// Finds and resolves actor mentions in an analysed document.
pub struct ActorResolver {
    dictionary: Dictionary,
}

/// The role code of a shadow minister (see [`ActorResolver::shadow_title`]).
const OPPOSITION: &str = "OPP";
/// Quotation marks that may close a quotation.
const CLOSING_QUOTES: &[&str] = &["\"", "''", "\u{201d}", "'", "\u{2019}"];

/// Reporting verbs that follow their speaker after what was said ("…, he said").
const REPORTING_AFTER: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "insisted",
    "insists",
    "argued",
    "argues",
    "claimed",
    "claims",
    "warned",
    "warns",
    "explained",
    "declared",
    "stressed",
    "noted",
    "wrote",
    "continued",
    "maintained",
    "demanded",
    "asked",
    "admitted",
    "conceded",
    "complained",
    "suggested",
    "replied",
    "predicted",
    "acknowledged",
];

/// Role words in the singular that name a body, not one person a pronoun could mean.
const BODIES: &[&str] = &[
    "government",
    "administration",
    "army",
    "navy",
    "air force",
    "military",
    "police",
    "cabinet",
    "party",
    "ministry",
    "parliament",
    "regime",
    "opposition",
    "court",
    "council",
    "committee",
    "commission",
    "executive",
    "assembly",
    "senate",
    "congress",
    "house",
    "department",
    "office",
    "junta",
    "legislature",
    "judiciary",
    "leadership",
    "charity",
    "group",
    "media",
    "press",
];

/// Words of a quantity before "of" in a phrase of people ("thousands of Marines").
const QUANTITIES: &[&str] = &[
    "thousands",
    "hundreds",
    "dozens",
    "millions",
    "scores",
    "tens",
    "some",
    "many",
];

/// Legislators by a plural that names no one else ("apologised to MPs"; not "speaker" or
/// "peer", which name others too): those of the country the document is about.
const LAWMAKERS: &[&str] = &[
    "mps",
    "msps",
    "lawmakers",
    "legislators",
    "senators",
    "congressmen",
    "backbenchers",
    "parliamentarians",
];

/// Offices a country has one of, so that "the" names the main country's ("the home
/// secretary" of a British story).
const NATIONAL_OFFICES: &[&str] = &[
    "government",
    "prime minister",
    "premier",
    "cabinet",
    "chancellor",
    "chancellor of the exchequer",
    "lord chancellor",
    "home secretary",
    "foreign secretary",
    "defence secretary",
    "defense secretary",
    "attorney general",
    "solicitor general",
    "foreign minister",
    "information commissioner",
    "opposition leader",
    "leader of the opposition",
];

/// Titles of a head of government that presidential republics have none of.
const PRIME_MINISTERS: &[&str] = &["prime minister", "premier"];

/// Countries whose government has no prime minister (a president leads it): public facts.
const WITHOUT_PRIME_MINISTER: &[&str] = &[
    "USA", "MEX", "BRA", "ARG", "CHL", "COL", "VEN", "ECU", "BOL", "URY", "PRY", "CRI", "PAN",
    "GTM", "HND", "SLV", "NIC", "DOM", "IDN", "PHL", "NGA", "IRN", "AFG", "ZAF", "GHA", "CYP",
    "LBR", "SLE", "ZMB", "MWI", "BWA", "AGO", "SSD",
];

/// Titles of one office: "the premier" after "Prime Minister Tony Blair" is he.
const SAME_OFFICE: &[(&str, &str)] = &[("premier", "prime minister")];

/// The other title of the office `title` names, if it has one.
fn same_office(title: &str) -> Option<&'static str> {
    SAME_OFFICE.iter().find_map(|&(a, b)| match title {
        t if t == a => Some(b),
        t if t == b => Some(a),
        _ => None,
    })
}

/// Nouns after a demonym that name people of the country's origin, not the country ("the
/// Pakistani community", "of Indian descent").
const DIASPORA_WORDS: &[&str] = &[
    "community",
    "communities",
    "diaspora",
    "descent",
    "origin",
    "heritage",
    "background",
];

/// People referred to as a pair ("the two men").
const PAIR_NOUNS: &[&str] = &["men", "women", "leaders"];

/// Capitalised words that make a country's name or adjective the name of a sea ("Indian
/// Ocean", "Persian Gulf", "South China Sea").
const WATERS: &[&str] = &[
    "Ocean", "Sea", "Gulf", "Channel", "Strait", "Straits", "Bay",
];

/// Members of a government or of the unions by a bare plural ("clashed with ministers", "met
/// union leaders"): those of the country the document is about.
const DOMESTIC_PLURALS: &[&str] = &[
    "ministers",
    "departments",
    "ministries",
    "unions",
    "trade unions",
    "union leaders",
    "union figures",
    "union officials",
    "union bosses",
];

/// Roles whose bare plural names an actor even when no country is named ("gunmen killed",
/// "rebels attacked", "arrested protesters", "police said"): coded by the role alone, as
/// GDELT codes them, with no country guessed (but police work at home: see `mention_at`).
/// Offices of a state (GOV, LEG, JUD) are not: "officials said" names no one.
const GROUP_ROLES: &[&str] = &[
    "REB", "UAF", "CRM", "RAD", "OPP", "ACT", "CVL", "REF", "LAB", "EDU", "MIL", "COP", "REL",
    "MED", "BUS",
];

/// Role words whose singular is one member of such a group acting or suffering as its member
/// ("a soldier was shot", "gunmen killed a policeman"): an actor like the plural. Other
/// singulars are not ("a priest" at a wedding is no church; "the opposition" is a party).
const MEMBER_WORDS: &[&str] = &[
    "soldier",
    "policeman",
    "policewoman",
    "police officer",
    "rebel",
    "insurgent",
    "militant",
    "guerrilla",
    "gunman",
    "militiaman",
    "activist",
    "campaigner",
    "protester",
    "protestor",
    "separatist",
    "hostage",
    "union leader",
    "union official",
    "union boss",
    "union chief",
];

/// Words that make bare "parties" a country's political parties.
const PARTY_MODIFIERS: &[&str] = &[
    "political",
    "big",
    "biggest",
    "main",
    "major",
    "mainstream",
    "old",
    "small",
    "smaller",
];

/// The role code of non-governmental organisations.
const NGO: &str = "NGO";

/// The role code of the police.
const POLICE: &str = "COP";

/// Groups of civil society, besides the police, that act in their own country: a bare mention
/// is the document's main country's ("campaigners", "students", "unions", "protesters").
const DOMESTIC_ROLES: &[&str] = &["ACT", "EDU", "LAB", "OPP"];

/// A country's business speaking as a body ("business leaders", "employers"; not "firms" or
/// "two banks", which may be anyone's).
const DOMESTIC_BUSINESS: &[&str] = &[
    "business leaders",
    "business figures",
    "business groups",
    "business chiefs",
    "business bosses",
    "business representatives",
    "business lobby",
    "industry leaders",
    "industry figures",
    "industry chiefs",
    "industry bosses",
    "industry representatives",
    "employers",
];

/// Civilians who are a country's own people ("voters"; not "civilians" or "hostages", who
/// may be anyone's in a war abroad).
const DOMESTIC_CIVILIANS: &[&str] = &["voters", "citizens", "residents", "taxpayers"];

/// Whether a plural at tokens `first..end` stands alone: no name or number right before it
/// that says whose it is ("G7 ministers", "EU ministers") and no "from" or "of" after it
/// ("ministers from European governments"; the "of" of "accused ministers of wasting money"
/// opens a clause and says nothing of whose they are).
fn unqualified(analysis: &Analysis, first: usize, end: usize) -> bool {
    let qualifier_before = first
        .checked_sub(1)
        .and_then(|i| analysis.tokens.get(i))
        .is_some_and(|t| matches!(t.upos.as_str(), "PROPN" | "NUM"));
    // "ministers from Iraq", "officials of the party"; not an `of` phrase the parse hangs
    // from the verb ("accused officials of a failure").
    let offset = sentence_offset(analysis, first);
    let of_the_mention = |t: &dyad_types::Token| {
        t.deprel.is_empty()
            || t.head
                .and_then(|noun| analysis.tokens.get(offset + noun))
                .is_none_or(|noun| noun.head == Some(end - 1 - offset))
    };
    let owner_after = analysis.tokens.get(end).is_some_and(|t| {
        t.upos == "ADP" && matches!(t.lemma.as_str(), "from" | "of") && of_the_mention(t)
    });
    !qualifier_before && !owner_after
}

/// Days and months, capitalised names that follow a name without being part of it ("told
/// Maduro Sunday").
const CALENDAR_NAMES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Relatives, whose first name may follow them ("his wife Sharon", "her son Mark").
const KIN: &[&str] = &[
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "brother",
    "sister",
    "partner",
    "girlfriend",
    "boyfriend",
    "fiancee",
    "fiancée",
    "widow",
    "widower",
    "stepson",
    "stepdaughter",
    "grandson",
    "granddaughter",
    "cousin",
    "niece",
    "nephew",
    "sons",
    "daughters",
    "children",
];

/// Seats in a legislature a member keeps on leaving their party.
const SEATS: &[&str] = &["MP", "MEP", "MSP", "AM", "peer", "councillor"];

/// Whether "former" or "ex-" opens the mention `first..end` or stands right before it, or
/// before the party or country words in front of it ("former Conservative leader",
/// "ex-Conservative chancellor", "ex-health secretary Alan Milburn"). Not before a job
/// that is no office ("ex-chatshow host Robert Kilroy-Silk", "former footballer"): the
/// lowercase words between it and the mention, if any, with those that open the mention,
/// end in a title (`is_title` says whether words are one).
fn out_of_office(
    site: &SentenceSite<'_>,
    first: usize,
    end: usize,
    is_title: impl Fn(&[&str]) -> bool,
) -> bool {
    let start = first - site.offset;
    let opening = (end - first).min(2);
    let before = &site.words[..start + opening];
    let lowercase = |w: &&str| w.starts_with(char::is_lowercase);
    let title_opening = site.words[start..end - site.offset]
        .iter()
        .copied()
        .take_while(lowercase);
    if former_title_before_and(site.words, start, &is_title) {
        return true;
    }
    before
        .iter()
        .rev()
        .take(4)
        .take_while(|w| !breaks_title(w))
        .enumerate()
        .any(|(k, w)| {
            let after_ex = after_ex_prefix(w);
            let former = says_former(w)
                || (w.eq_ignore_ascii_case("ex") && k > 0 && before[before.len() - k] == "-");
            // "Ex-Labour MP George Galloway": a party's name after the prefix, before a seat
            // one keeps on leaving it, says whom the member left, not that the seat was left
            // ("ex-Conservative chancellor Ken Clarke" left the office).
            let left_a_body = after_ex.is_some_and(|body| {
                body.starts_with(char::is_uppercase)
                    && !is_title(&[body.to_lowercase().as_str()])
                    && site
                        .words
                        .get(before.len() - k)
                        .is_some_and(|s| SEATS.contains(s))
            });
            if !former || left_a_body {
                return false;
            }
            let between = before.get(before.len() - k..start).unwrap_or_default();
            let job: Vec<&str> = after_ex
                .into_iter()
                .chain(between.iter().copied())
                .filter(lowercase)
                .collect();
            job.is_empty() || {
                let words: Vec<&str> = job.into_iter().chain(title_opening.clone()).collect();
                (0..words.len()).any(|i| is_title(&words[i..]))
            }
        })
}

/// Whether a former title stands before the "and" right before word `start` ("The former UN
/// commissioner for human rights and Irish president"): "former" speaks for both titles.
fn former_title_before_and(
    words: &[&str],
    start: usize,
    is_title: impl Fn(&[&str]) -> bool,
) -> bool {
    let Some(and) = start.checked_sub(1).filter(|&a| words[a] == "and") else {
        return false;
    };
    let former = (and.saturating_sub(8)..and)
        .rev()
        .take_while(|&i| !breaks_title(words[i]))
        .find(|&i| says_former(words[i]));
    former.is_some_and(|f| (f + 1..and).any(|i| is_title(&[words[i].to_lowercase().as_str()])))
}

/// Whether a comma after the name ending at `end` closes an apposition before it, not going
/// on with a list ("the minister, James Ford and others" is no apposition, nor is "…, James
/// Ford, and others").
fn closes_apposition(site: &SentenceSite<'_>, end: usize) -> bool {
    let rest = site.words.get(end - site.offset..).unwrap_or_default();
    rest.first() == Some(&",") && !matches!(rest.get(1), Some(&"and" | &"or"))
}

/// Punctuation no title runs across, looking back from a name.
fn breaks_title(word: &str) -> bool {
    matches!(word, "," | ";" | ":" | "(" | "\"" | "\u{201c}")
}

/// What follows the "ex-" opening `word` ("chancellor" of "ex-chancellor", "Labour" of
/// "Ex-Labour"), if it has one.
fn after_ex_prefix(word: &str) -> Option<&str> {
    word.get(..3)
        .filter(|p| p.eq_ignore_ascii_case("ex-"))
        .map(|_| &word[3..])
}

/// Whether `word` says an office is past: "former" or a word opening with "ex-".
fn says_former(word: &str) -> bool {
    word.eq_ignore_ascii_case("former") || after_ex_prefix(word).is_some()
}

/// Whether `word` is a person's age set off after their name ("Robert Jackson, 58, MP").
fn is_age(word: &str) -> bool {
    word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit())
}

/// Words that may follow a title in apposition after a name ("Quentin Davies, the MP for
/// Grantham, was", "John Smith, a minister)").
/// Not "of" nor "at": what follows may name the country or body ("the president of France",
/// "vice president at Google").
const TITLE_CLOSERS: &[&str] = &[
    ",", ")", ".", ";", "for", "in", "from", "and", "who", "whose",
];

/// Whether `next`, the word after a title or a body in apposition, closes the apposition
/// (none closes it too: the sentence ends).
fn closes_title(next: Option<&str>) -> bool {
    next.is_none_or(|w| TITLE_CLOSERS.contains(&w))
}

/// How many words open an apposition at the start of `rest`: its comma, and an article
/// after it ("…, the Archbishop of Westminster,").
fn apposition_opening(rest: &[&str]) -> Option<usize> {
    match rest {
        [",", "the" | "a" | "an", ..] => Some(2),
        [",", ..] => Some(1),
        _ => None,
    }
}

/// Roles of a state's offices: a titled person of no named country holds one of the country
/// the document is mostly about; a bishop or a reporter may be anyone's.
const STATE_ROLES: &[&str] = &["GOV", "LEG", "MIL", "JUD", "OPP", "COP", "SPY", "PTY"];

/// The role code of legislators ("senator", "MP").
const LEGISLATURE: &str = "LEG";
/// The role code of judges.
const JUDICIARY: &str = "JUD";
/// The role code of a government and its offices.
const GOVERNMENT: &str = "GOV";
/// The role code of political parties.
const PARTY: &str = "PTY";
/// Last words of the names of public bodies ("Child Support Agency", "Electoral
/// Commission", "Health and Safety Inspectorate").
const PUBLIC_BODIES: &[&str] = &[
    "Agency",
    "Commission",
    "Authority",
    "Inspectorate",
    "Department",
    "Ministry",
];
/// The role code of businesses.
const BUSINESS: &str = "BUS";
/// Last words of the names of companies ("Japan Airlines", "China Three Gorges Project
/// Corp").
const COMPANY_NAMES: &[&str] = &[
    "Airways",
    "Airlines",
    "Corp",
    "Corporation",
    "Inc",
    "Motors",
];
/// Words that name a body of civil society, an unknown one of which is a non-governmental
/// organisation ("the Muslim Association of Britain", "the Countryside Alliance").
const CIVIL_BODIES: &[&str] = &[
    "Association",
    "Alliance",
    "Trust",
    "Foundation",
    "Coalition",
    "Campaign",
    "Society",
    "League",
    "Movement",
    "Watch",
];
/// Whether the name of a body names one of civil society ("the Countryside Alliance", "the
/// Association of Directors of Social Services"): a word of [`CIVIL_BODIES`] after its
/// first, or first before "of" or "for".
fn is_civil_body(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    opens_as_civil_body(&words) || words.iter().skip(1).any(|w| CIVIL_BODIES.contains(w))
}

/// Whether `words` open with a word of [`CIVIL_BODIES`] and "of" or "for" before more
/// ("Association of Directors", "Campaign for Nuclear Disarmament").
fn opens_as_civil_body(words: &[&str]) -> bool {
    matches!(words, [first, "of" | "for", _, ..] if CIVIL_BODIES.contains(first))
}

/// How many words at the start of `words` name a body of civil society the recogniser
/// missed: capitalised words, maybe joined by "of", "for" or "and", the last a word of
/// [`CIVIL_BODIES`] ("the Victims of Crime Trust", "the Campaign for Nuclear Disarmament"),
/// maybe with a country's initials after it ("Migration Watch UK").
fn unrecognised_civil_body(words: &[&str]) -> Option<usize> {
    let mut end = None;
    let mut k = 0;
    while k < words.len() && is_name_word(words[k]) {
        if k > 0 && CIVIL_BODIES.contains(&words[k]) {
            // A country's initials may end the name ("Migration Watch UK").
            let initials = words.get(k + 1).is_some_and(|w| {
                (2..=3).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
            });
            end = Some(k + 1 + usize::from(initials));
        }
        let joined =
            matches!(words[k + 1..], ["of" | "for" | "and", next, ..] if is_name_word(next));
        k += if joined { 2 } else { 1 };
    }
    end.or_else(|| opens_as_civil_body(&words[..k]).then_some(k))
}

/// How many words open the body a head title is of, at the start of `rest` ("of the", "for",
/// "at"), if they do.
fn body_opening(rest: &[&str]) -> Option<usize> {
    match rest {
        ["of" | "for" | "at", "the", ..] => Some(2),
        ["of" | "for" | "at", ..] => Some(1),
        _ => None,
    }
}

/// Codes an institution no dictionary knows whose name names a body of civil society ("the
/// Countryside Alliance", "the Muslim Association of Britain") as a non-governmental
/// organisation of the country the document is about.
fn code_civil_body(actor: &mut Actor, memory: &Memory) {
    let civil_body = actor.name.as_deref().is_some_and(is_civil_body);
    if actor.code.is_none() && civil_body {
        if let Some(country) = memory.main_country() {
            take_office(actor, office(Some(country.clone()), NGO));
        }
    }
}

/// Words that end a shadow minister's title.
const TITLE_BREAKS: [&str; 9] = ["of", "the", "a", "an", "in", "on", "for", "to", "and"];

const PRONOUNS: [&str; 6] = ["he", "him", "his", "she", "her", "hers"];
const FEMININE: [&str; 8] = [
    "wife",
    "mother",
    "daughter",
    "sister",
    "widow",
    "mrs.",
    "ms.",
    "first lady",
];
const DETERMINERS: [&str; 2] = ["the", "The"];
/// Titles before a surname ("Mr Blair", "Lord Falconer"): the surname resolves when the
/// document named the person before, or when one known person alone has it.
const HONORIFICS: [&str; 15] = [
    "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dr", "Dr.", "Lord", "Lady", "Baron",
    "Baroness", "Sir", "Dame",
];
/// Titles of members of the House of Lords.
const PEERS: [&str; 3] = ["Lord", "Baroness", "Baron"];
/// Titles that mark a woman.
const FEMININE_TITLES: [&str; 7] = ["Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Lady", "Baroness"];
/// Titles that mark a man.
const MASCULINE_TITLES: [&str; 5] = ["Mr", "Mr.", "Sir", "Lord", "Baron"];
/// Words before a name that mark a man.
const MASCULINE_WORDS: [&str; 6] = ["husband", "father", "son", "brother", "widower", "king"];

impl ActorResolver {
    /// A resolver over the embedded dictionaries.
    pub fn embedded() -> &'static ActorResolver {
        static RESOLVER: OnceLock<ActorResolver> = OnceLock::new();
        RESOLVER.get_or_init(|| ActorResolver {
            dictionary: Dictionary::embedded(),
        })
    }

    /// A resolver over the embedded dictionaries extended by the user's files in `dir`.
    pub fn with_user_dir(dir: &Path) -> Result<ActorResolver> {
        let mut dictionary = Dictionary::embedded();
        dictionary.extend_from_dir(dir)?;
        Ok(ActorResolver { dictionary })
    }

    /// The dictionaries.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dictionary
    }

    /// All actor mentions of `analysis`, in text order. `date` (`YYYY-MM-DD`) picks the
    /// office a known person held.
    pub fn resolve(&self, analysis: &Analysis, date: Option<&str>) -> Vec<ActorMention> {
        let (mentions, first_reading) = self.read(analysis, date, Memory::default());
        let main = first_reading.country_so_far();
        let unchanged = first_reading
            .early_answers
            .borrow()
            .iter()
            .all(|a| a.as_ref() == main);
        if unchanged {
            return mentions;
        }
        // Read again knowing which country the whole document is mostly about.
        let memory = Memory {
            document_countries: first_reading.country_mentions,
            ..Memory::default()
        };
        self.read(analysis, date, memory).0
    }

    /// One reading of the document, sentence by sentence, learning as it goes.
    fn read(
        &self,
        analysis: &Analysis,
        date: Option<&str>,
        mut memory: Memory,
    ) -> (Vec<ActorMention>, Memory) {
        let mut mentions = Vec::new();
        for (index, sentence) in analysis.sentences.iter().enumerate() {
            // The sentence's words, read once: phrases are matched on slices of it.
            let words: Vec<&str> = (sentence.first_token..sentence.last_token)
                .map(|j| Self::word(analysis, j))
                .collect();
            let site = SentenceSite {
                index,
                offset: sentence.first_token,
                words: &words,
            };
            let mut i = sentence.first_token;
            let sentence_start = mentions.len();
            while i < sentence.last_token {
                let found = self
                    .possessed_by_earlier(analysis, &site, i, &mentions[sentence_start..], &memory)
                    .or_else(|| self.object_it(analysis, &site, i, &mentions[sentence_start..]))
                    .or_else(|| self.counted_again(analysis, &site, i, &mentions))
                    .or_else(|| self.the_pair(analysis, &site, i, &memory))
                    .or_else(|| self.mention_at(analysis, &site, i, date, &mut memory));
                match found {
                    // "a George Bush-style spree": a name made a modifier is no one's mention,
                    // nor anyone a later pronoun means.
                    // "the legality of the Iraq war": a country naming a war is its topic.
                    Some(mention)
                        if style_modifier(analysis, mention.end_token)
                            || names_a_war(analysis, &mention)
                            || self.places_an_attack(analysis, &mention)
                            || self.described_capital(analysis, &mention) =>
                    {
                        i = mention.end_token;
                        memory.forget(index, &mention);
                    }
                    Some(mention) => {
                        i = mention.end_token;
                        mentions.push(mention);
                    }
                    None => i += 1,
                }
            }
        }
        (mentions, memory)
    }

    /// "its troops", "their forces": the role words after a possessive "its" or "their" name
    /// a body of the country or group the sentence named last before it ("Russia said its
    /// troops had withdrawn" → `RUSMIL`; "the rebels said their leaders" → the rebels).
    fn possessed_by_earlier(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'_>,
        start: usize,
        earlier: &[ActorMention],
        memory: &Memory,
    ) -> Option<ActorMention> {
        let word = site.words.get(start - site.offset)?;
        let their = word.eq_ignore_ascii_case("their");
        if !their && !word.eq_ignore_ascii_case("its") {
            return None;
        }
        // The owner is the nearest subject before it ("Iran refuses to recognise Israel's
        // right … and does not allow its citizens"), else the nearest actor.
        let candidates = || earlier_bodies(analysis, site, earlier, their);
        let role_after = self.role_after_possessive(analysis, site, start, memory);
        // "attacked the government's failure … and criticised its record": the pronoun
        // owning some other thing is the actor named nearest before it.
        let bare = role_after.is_none() && analysis.tokens[start].deprel == "nmod:poss";
        let owner = candidates()
            .find(|m| {
                bare || analysis
                    .tokens
                    .get(m.head_token)
                    .is_some_and(|t| t.deprel.starts_with("nsubj"))
            })
            .or_else(|| candidates().next())?;
        // A body's own people are that body ("the Conservatives … their leaders", "Hamas …
        // its leaders"), but a government's troops or police are its country's.
        // A group of no country ("the rebels") is its own body too.
        let (end, actor) = match role_after {
            Some((end, role)) => {
                let of_a_body = !owner.actor.roles.is_empty();
                let armed = matches!(role.as_str(), "MIL" | "COP");
                let actor = match &owner.actor.country {
                    Some(country) if !of_a_body || armed => office(Some(country.clone()), &role),
                    _ => owner.actor.clone(),
                };
                (end, actor)
            }
            None if bare => (start + 1, owner.actor.clone()),
            None => return None,
        };
        let mut mention = self.finish(
            analysis,
            site.index,
            start,
            end,
            actor,
            MentionKind::Group,
            true,
        );
        mention.possessor_head = Some(owner.head_token);
        Some(mention)
    }

    /// "sued the company, accusing it of …", "quit the UK Independence Party and accused it
    /// of betraying its supporters": "it", the object of a verb that goes on with what the
    /// object did or is to do ("of", "for", "to" and a verb), is the body the sentence named
    /// last before it.
    fn object_it(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'_>,
        start: usize,
        earlier: &[ActorMention],
    ) -> Option<ActorMention> {
        let word = |k: usize| site.words.get(k - site.offset).copied().unwrap_or("");
        let object = analysis.tokens[start].deprel == "obj";
        // Not a judgement's object ("did not consider it to be part of their offering").
        let called_to_act = word(start + 1).eq_ignore_ascii_case("to")
            && !word(start + 2).eq_ignore_ascii_case("be");
        let charged = ["of", "for"]
            .iter()
            .any(|w| word(start + 1).eq_ignore_ascii_case(w));
        if !word(start).eq_ignore_ascii_case("it") || !object || !(charged || called_to_act) {
            return None;
        }
        let body = earlier_bodies(analysis, site, earlier, false).next()?;
        Some(self.named_again(analysis, site, start, &body.actor))
    }

    /// "the four" after "all four Britons held by the US": a group that "the" and a bare
    /// number name again is the latest earlier actor counted by that number (the number
    /// right before its mention or inside it).
    fn counted_again(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'_>,
        start: usize,
        earlier: &[ActorMention],
    ) -> Option<ActorMention> {
        let at = start - site.offset;
        let number = site.words.get(at)?;
        let bare = analysis.tokens[start].upos == "NUM"
            && at > 0
            && site.words[at - 1].eq_ignore_ascii_case("the")
            && analysis
                .tokens
                .get(start + 1)
                .is_none_or(|t| !matches!(t.upos.as_str(), "NOUN" | "PROPN" | "ADJ" | "NUM"));
        if !bare {
            return None;
        }
        let counted = earlier.iter().rev().find(|m| {
            m.actor.code.is_some()
                && (m.first_token.saturating_sub(2)..m.end_token)
                    .any(|j| Self::word(analysis, j).eq_ignore_ascii_case(number))
        })?;
        Some(self.named_again(analysis, site, start, &counted.actor))
    }

    /// "The two men" at `start` (its number): the last two people the document named
    /// together, one coordinated with the other, when both hold the same office ("Tony Blair
    /// and Gordon Brown" … "urged the two men to stop squabbling": the government). People
    /// of different codes are no one actor.
    fn the_pair(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'_>,
        start: usize,
        memory: &Memory,
    ) -> Option<ActorMention> {
        let at = start - site.offset;
        let pair = at > 0
            && site.words[at - 1].eq_ignore_ascii_case("the")
            && site.words[at].eq_ignore_ascii_case("two")
            && site
                .words
                .get(at + 1)
                .is_some_and(|w| PAIR_NOUNS.iter().any(|n| n.eq_ignore_ascii_case(w)));
        if !pair {
            return None;
        }
        let joined = |p: &PersonSeen, q: &PersonSeen| {
            p.sentence == q.sentence
                && (q.token..q.end).any(|t| {
                    let token = &analysis.tokens[t];
                    token.deprel == "conj"
                        && token.head.is_some_and(|h| {
                            (p.token..p.end).contains(&(h + sentence_offset(analysis, t)))
                        })
                })
        };
        let persons = &memory.persons;
        let (one, other) = (1..persons.len()).rev().find_map(|j| {
            let q = &persons[j];
            persons[..j]
                .iter()
                .rev()
                .take_while(|p| p.sentence == q.sentence)
                .find(|p| joined(p, q))
                .map(|p| (&p.actor, &q.actor))
        })?;
        if one.code.is_none() || one.code != other.code {
            return None;
        }
        let actor = Actor {
            code: one.code.clone(),
            country: one.country.clone(),
            roles: one.roles.clone(),
            ..Actor::default()
        };
        Some(self.finish(
            analysis,
            site.index,
            start,
            start + 2,
            actor,
            MentionKind::Group,
            true,
        ))
    }

    /// The one word at `start` as a mention of `actor` named before ("it", "the four").
    fn named_again(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'_>,
        start: usize,
        actor: &Actor,
    ) -> ActorMention {
        self.finish(
            analysis,
            site.index,
            start,
            start + 1,
            actor.clone(),
            MentionKind::Group,
            true,
        )
    }

    fn word(analysis: &Analysis, i: usize) -> &str {
        analysis.token_text(&analysis.tokens[i])
    }

    fn mention_at(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'_>,
        start: usize,
        date: Option<&str>,
        memory: &mut Memory,
    ) -> Option<ActorMention> {
        let sentence = site.index;
        let word = site.words[start - site.offset];
        let lower = word.to_lowercase();
        if PRONOUNS.contains(&lower.as_str()) {
            let feminine = matches!(lower.as_str(), "she" | "her" | "hers");
            let inside = quoted_tokens(site.words);
            let outside = !inside.get(start - site.offset).copied().unwrap_or(false);
            // "This is the record Mr Blair will have to defend, he said": the speaker after
            // what he said is no one named in it, quoted or not.
            // (The comma may be inside the closing quotation mark: "… chosen him," he argued.)
            let at = start - site.offset;
            let after_comma = at > 0
                && (site.words[at - 1] == ","
                    || (at > 1
                        && site.words[at - 2] == ","
                        && CLOSING_QUOTES.contains(&site.words[at - 1])));
            let speaker_after = after_comma
                && site
                    .words
                    .get(at + 1)
                    .is_some_and(|w| REPORTING_AFTER.iter().any(|r| r.eq_ignore_ascii_case(w)));
            // "Sturgeon wrote … accusing him": an object pronoun is not the subject of its
            // own clause.
            let end = site.offset + site.words.len();
            let own_subject = clause_subject(analysis, site.offset, end, start).or_else(|| {
                welcomer_of_the_thing(analysis, site.offset, end, start, |w| {
                    self.dictionary.role_of(&[w]).is_some()
                })
            });
            // Nor one coordinated with that subject ("Both Tessa Jowell and John Prescott
            // have welcomed his return").
            let subject_of_clause = |p: &PersonSeen| {
                own_subject.is_some_and(|s| {
                    p.sentence == sentence
                        && ((p.token..p.end).contains(&s)
                            || (p.token..p.end).any(|t| {
                                analysis.tokens[t].deprel == "conj"
                                    && analysis.tokens[t].head.map(|h| h + site.offset) == Some(s)
                            }))
                })
            };
            // "Mr Mardell said … but \"never before has he been so outspoken\"": the one
            // whose saying the quotation is part of is not "he" in it.
            let reporter = (!outside)
                .then(|| quote_reporter(analysis, site.offset, end, start))
                .flatten();
            // (The name may hang from the role word that is the subject: "correspondent Mark
            // Mardell said".)
            let reports_it = |p: &PersonSeen| {
                reporter.is_some_and(|s| {
                    p.sentence == sentence
                        && ((p.token..p.end).contains(&s)
                            || (p.token..p.end).any(|t| {
                                analysis.tokens[t].head.map(|h| h + site.offset) == Some(s)
                            }))
                })
            };
            // Who speaks the words quoted verbatim the pronoun is in: "Mr Clarke argued: 'He
            // has apologised …'" is not Mr Clarke's word for himself.
            let speakers = quote_speakers_around(analysis, analysis.tokens[start].start);
            // (A speaker named after the quotation, not read yet, by the surname someone
            // named before bears: "'… that he is coming to Europe', said Mr Blair".)
            let named_later = speakers
                .iter()
                .filter_map(|s| s.text.split_whitespace().last())
                .filter_map(|surname| memory.names.get(surname))
                .filter_map(|(actor, _)| actor.name.as_ref());
            let speaker_names: Vec<&String> = memory
                .persons
                .iter()
                .filter(|p| {
                    let at = analysis.tokens[p.token].start;
                    speakers.iter().any(|s| s.start <= at && at < s.end)
                })
                .filter_map(|p| p.actor.name.as_ref())
                .chain(named_later)
                .collect();
            let speaks_it = |p: &PersonSeen| {
                let at = analysis.tokens[p.token].start;
                speakers.iter().any(|s| s.start <= at && at < s.end)
                    || p.actor
                        .name
                        .as_ref()
                        .is_some_and(|n| speaker_names.contains(&n))
            };
            // Whoever is named in what was said, under any earlier mention too.
            let named_in_said: Vec<&String> = memory
                .persons
                .iter()
                .filter(|p| speaker_after && p.sentence == sentence && p.token < start)
                .filter_map(|p| p.actor.name.as_ref())
                .collect();
            // A main clause's subject pronoun does not mean one named, but no subject, in the
            // phrase put before it ("After the death of leader John Smith in 1994 he stood
            // aside": the one the story is about).
            // (The subject of the root itself: not of a later conjunct, "… was met by Scott
            // and he blasted the ball home".)
            let root_subject = analysis.tokens[start].deprel == "nsubj"
                && analysis.tokens[start]
                    .head
                    .and_then(|h| analysis.tokens.get(site.offset + h))
                    .is_some_and(|v| v.deprel == "root");
            let fronted_aside = |p: &PersonSeen| {
                root_subject && p.sentence == sentence && p.token < start && !p.subject
            };
            // Who the pronoun cannot mean.
            let excluded = |p: &PersonSeen| {
                let named_in_it = speaker_after
                    && ((p.sentence == sentence && p.token < start)
                        || p.actor
                            .name
                            .as_ref()
                            .is_some_and(|n| named_in_said.contains(&n)));
                let quoted_away = outside
                    && p.sentence == sentence
                    && inside.get(p.token - site.offset).copied().unwrap_or(false);
                named_in_it
                    || quoted_away
                    || subject_of_clause(p)
                    || speaks_it(p)
                    || reports_it(p)
                    || fronted_aside(p)
            };
            // "Howard said Mr Blair would be running scared if he refused": the subject of a
            // conditional or temporal clause is, first, the subject of the clause it hangs
            // from.
            let host = host_subject(analysis, site.offset, end, start);
            let hosts = |p: &PersonSeen| {
                host.is_some_and(|s| p.sentence == sentence && (p.token..p.end).contains(&s))
            };
            let k = memory.antecedent(feminine, excluded, hosts)?;
            // A person no name names ("the prime minister") keeps the gender the pronoun gave.
            let seen = &mut memory.persons[k];
            if seen.actor.name.is_none() {
                seen.feminine.get_or_insert(feminine);
            }
            let actor = seen.actor.clone();
            memory.mark_gender(&actor, feminine);
            memory.persons.push(PersonSeen {
                actor: actor.clone(),
                sentence,
                token: start,
                end: start + 1,
                subject: is_subject(analysis, start, start + 1),
                main_subject: is_main_subject(analysis, start, start + 1),
                feminine: Some(feminine),
            });
            // "his chancellor", "her ministers": an office of the person's country, held by
            // someone else.
            if let Some((end, office)) =
                self.office_of_possessor(analysis, site, start, &actor, memory)
            {
                return Some(self.finish(
                    analysis,
                    sentence,
                    start,
                    end,
                    office,
                    MentionKind::Group,
                    false,
                ));
            }
            return Some(self.finish(
                analysis,
                sentence,
                start,
                start + 1,
                actor,
                MentionKind::Person,
                true,
            ));
        }
        let definite = DETERMINERS.contains(&word);
        let parts = self.parts(
            analysis,
            site,
            if definite { start + 1 } else { start },
            memory,
        );
        let mut parts = trim_parts(parts);
        if parts.is_empty() {
            return None;
        }
        let first = parts[0].first;
        let mut end = parts.last().map(|p| p.end)?;
        // "Rebels in the Ivory Coast", "police in Dili": where a group of no country is,
        // says whose it is; not for those posted there ("reporters in Brussels").
        let posted = || {
            let head = site.words[end - 1 - site.offset];
            POSTED_ROLES.iter().any(|r| r.eq_ignore_ascii_case(head))
        };
        if parts.iter().all(|p| matches!(p.element, Element::Role(_))) && !posted() {
            if let Some(place) = self.place_after(site, end) {
                end = place.end;
                parts.insert(0, place);
            }
        }
        let (mut actor, kind, coreferent) = self
            .compose(analysis, &parts, definite, date, memory)
            .or_else(|| bare_group(analysis, site.offset, &parts))?;
        // "Police said", "the police arrested", "campaigners are to stage a rally": a
        // country's police, campaigners, students, unions and voters act at home, so those no
        // place or word says whose are the country's the document is about.
        let head_word = site.words[end - 1 - site.offset];
        let at_home = |role: &str| {
            role == POLICE
                || role == PARTY
                || DOMESTIC_ROLES.contains(&role)
                || (role == "CVL"
                    && DOMESTIC_CIVILIANS
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(head_word)))
                || (role == BUSINESS
                    && DOMESTIC_BUSINESS
                        .iter()
                        .any(|b| b.eq_ignore_ascii_case(span_text(analysis, first, end))))
        };
        if kind == MentionKind::Group
            && actor.country.is_none()
            && matches!(actor.roles.as_slice(), [role] if at_home(role))
        {
            if let Some(country) = memory.main_country() {
                actor = office(Some(country.clone()), &actor.roles[0]);
            }
        }
        // A name nobody knows followed by the bracketed acronym of one the dictionaries know
        // is that institution (the acronym is a mention of its own).
        if kind == MentionKind::Institution && actor.code.is_none() {
            if let Some(institution) = self.acronym_after(site, end) {
                actor = institution;
            }
        }
        // "the Countryside Alliance", "the Muslim Association of Britain": a body of civil
        // society nobody knows is a non-governmental organisation of the country the
        // document is about.
        if kind == MentionKind::Institution {
            code_civil_body(&mut actor, memory);
        }
        if kind == MentionKind::Person && actor.code.is_none() {
            let body = self
                .speaks_for_after(site, end)
                .or_else(|| self.member_of_after(analysis, site, end, date, memory))
                .or_else(|| self.body_headed_after(analysis, site, end, date, memory))
                .or_else(|| self.body_headed_before(analysis, site, first, end, date, memory))
                .or_else(|| self.body_worked_for_after(analysis, site, end, date, memory));
            if let Some(institution) = body {
                take_office(&mut actor, institution);
            }
        }
        // "Quentin Davies, the MP for Grantham": a title in apposition says who a person no
        // dictionary knows is, and names them later ("the MP").
        if kind == MentionKind::Person && actor.code.is_none() {
            let titled = self
                .title_after(analysis, site, end, date, memory)
                .or_else(|| self.title_of_place_after(analysis, site, end, date, memory))
                .or_else(|| self.title_before(analysis, site, first, end, date, memory));
            if let Some((title, office)) = titled {
                take_office(&mut actor, office);
                let entry = (actor.clone(), MentionKind::Person);
                memory.roles.insert(title, entry);
            }
        }
        // "Lord Dubs", "Baroness Smith": a peer nobody knows and no title describes sits in
        // the legislature of the country the document is about.
        let peer = PEERS.contains(&Self::word(analysis, first)) && end - first == 2;
        if kind == MentionKind::Person && actor.code.is_none() && peer {
            if let Some(country) = memory.main_country() {
                take_office(&mut actor, office(Some(country.clone()), LEGISLATURE));
            }
        }
        // "former Conservative leader Iain Duncan Smith", "ex-chancellor Ken Clarke": out of
        // office, one of the country's elites (CAMEO's ELI), not its government or party;
        // so is "a former Home Office minister" whom the text does not name.
        let former_office = kind == MentionKind::Group
            && actor
                .roles
                .iter()
                .any(|r| ["GOV", "LEG", "JUD", "OPP", "PTY"].contains(&r.as_str()));
        if (kind == MentionKind::Person || former_office)
            && !coreferent
            && out_of_office(site, first, end, |words| {
                self.dictionary
                    .role_of(words)
                    .is_some_and(|(n, _)| n == words.len())
            })
        {
            if let Some(country) = actor.country.clone() {
                let held = actor.code.take().map(|code| (code, actor.roles.clone()));
                actor.office_left = held.filter(|(code, _)| code.len() > country.len());
                actor.code = Some(format!("{country}{ELITES}"));
                actor.roles = vec![ELITES.to_string()];
            }
        }
        let mention = self.finish(analysis, sentence, first, end, actor, kind, coreferent);
        self.learn(analysis, &parts, &mention, memory);
        Some(mention)
    }

    /// After the possessive pronoun at `start` ("his", "her") that means `owner`: the end
    /// of the role words that follow it and the office they name in the owner's country
    /// ("his chancellor", "her foreign secretary"); none when other words follow the
    /// pronoun ("his French counterpart" is a mention of its own).
    fn office_of_possessor(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'_>,
        start: usize,
        owner: &Actor,
        memory: &Memory,
    ) -> Option<(usize, Actor)> {
        let country = owner.country.clone()?;
        let (end, role) = self.role_after_possessive(analysis, site, start, memory)?;
        let words = span_text(analysis, start + 1, end);
        let role = if leaders_of_lawmaker(words, &role, owner) {
            PARTY.to_string()
        } else {
            role
        };
        Some((end, office(Some(country), &role)))
    }

    /// After the possessive pronoun at `start`, the end of the role words that follow it and
    /// the role they name, when they are all role words and the pronoun hangs on the last
    /// ("his chancellor", "their forces"; not "his remarks to ministers").
    fn role_after_possessive(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'_>,
        start: usize,
        memory: &Memory,
    ) -> Option<(usize, String)> {
        let token = analysis.tokens.get(start)?;
        if token.deprel != "nmod:poss" {
            return None;
        }
        let parts = trim_parts(self.parts(analysis, site, start + 1, memory));
        if !parts.iter().all(|p| matches!(p.element, Element::Role(_))) {
            return None;
        }
        let last = parts.last()?;
        let Element::Role(role) = &last.element else {
            return None;
        };
        if role.is_empty() {
            return None;
        }
        let end = last.end;
        (token.head == Some(end - 1 - site.offset)).then(|| (end, role.clone()))
    }

    /// The title in apposition after a person's name ending at `end` ("Quentin Davies, the MP
    /// for Grantham", "Mike Nattrass, UKIP's deputy leader"): its head word and the office it
    /// names.
    fn title_after(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'_>,
        end: usize,
        date: Option<&str>,
        memory: &Memory,
    ) -> Option<(String, Actor)> {
        let mut rest = site.words.get(end - site.offset..)?;
        if rest.first() != Some(&",") {
            return None;
        }
        // "Robert Jackson, 58, MP for Wantage": an age between the name and the title.
        let mut skip = 1;
        if let [",", age, ",", ..] = rest {
            if is_age(age) {
                skip = 3;
                rest = &rest[2..];
            }
        }
        skip += rest[1..]
            .iter()
            .take_while(|w| matches!(**w, "the" | "a" | "an" | "now"))
            .count();
        let (title_end, title) = self.title_at(analysis, site, end + skip, date, memory)?;
        closes_title(site.words.get(title_end - site.offset).copied()).then_some(title)
    }

    /// The title of a place in apposition after a person's name ending at `end`
    /// ("Cardinal Cormac Murphy O'Connor, the Archbishop of Westminster,", "Jacques Chirac,
    /// the president of France,"): its head word, and the office of the title's role in the
    /// place's country.
    fn title_of_place_after(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'_>,
        end: usize,
        date: Option<&str>,
        memory: &Memory,
    ) -> Option<(String, Actor)> {
        let skip = apposition_opening(site.words.get(end - site.offset..)?)?;
        let parts = trim_parts(self.parts(analysis, site, end + skip, memory));
        let head = parts.last()?;
        let Element::Role(role) = &head.element else {
            return None;
        };
        let roles_only = parts.iter().all(|p| matches!(p.element, Element::Role(_)));
        if role.is_empty() || !roles_only {
            return None;
        }
        let after_title = site.words.get(head.end - site.offset..)?;
        let place_at = match after_title {
            ["of", "the", ..] => head.end + 2,
            ["of", ..] => head.end + 1,
            _ => return None,
        };
        let place = trim_parts(self.parts(analysis, site, place_at, memory));
        let [Part {
            element: Element::Known(_),
            end: place_end,
            ..
        }] = place.as_slice()
        else {
            return None;
        };
        let closes = closes_title(site.words.get(place_end - site.offset).copied());
        let (actor, _, _) = self.compose(analysis, &place, false, date, memory)?;
        let country = actor.country.filter(|_| closes)?;
        let head_word = span_text(analysis, head.first, head.end).to_lowercase();
        Some((head_word, office(Some(country), role)))
    }

    /// The title in apposition before a person's name `first..end` closed by commas ("The
    /// Attorney General, Lord Goldsmith, said"): its head word and the office it names.
    fn title_before(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'_>,
        first: usize,
        end: usize,
        date: Option<&str>,
        memory: &Memory,
    ) -> Option<(String, Actor)> {
        let (words, offset) = (site.words, site.offset);
        let comma = first.checked_sub(1).filter(|&c| c > offset)?;
        if words[comma - offset] != "," || !closes_apposition(site, end) {
            return None;
        }
        // The longest title that opens the sentence or follows "the" and ends at the comma.
        (offset.max(comma.saturating_sub(6))..comma)
            .filter(|&j| j == offset || DETERMINERS.contains(&words[j - 1 - offset]))
            .find_map(|j| {
                self.title_at(analysis, site, j, date, memory)
                    .filter(|(title_end, _)| *title_end == comma)
                    .map(|(_, title)| title)
            })
    }

    /// The title starting at token `j`, such as "the MP" or "UKIP's deputy leader": where it
    /// ends, its head word, and the office it names (that of the country the document is
    /// mostly about when it names none).
    fn title_at(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'_>,
        j: usize,
        date: Option<&str>,
        memory: &Memory,
    ) -> Option<(usize, (String, Actor))> {
        let parts = trim_parts(self.parts(analysis, site, j, memory));
        let head = parts.last()?;
        let Element::Role(role) = &head.element else {
            return None;
        };
        let modifiers_only = parts.iter().all(|p| {
            matches!(
                p.element,
                Element::Role(_)
                    | Element::Possessive
                    | Element::Known(
                        Entry::Country(_)
                            | Entry::Demonym(_)
                            | Entry::Capital(_)
                            | Entry::Institution(_)
                    )
                    | Element::Learned(_, MentionKind::Institution)
            )
        });
        let head_word = span_text(analysis, head.first, head.end).to_lowercase();
        // "the chairman", "a spokesman": the voice of a body the title does not name.
        let voice_of_unnamed = VOICE_ROLES.contains(&head_word.as_str())
            && !parts.iter().any(|p| {
                matches!(
                    p.element,
                    Element::Known(Entry::Institution(_))
                        | Element::Learned(_, MentionKind::Institution)
                )
            });
        if role.is_empty() || !modifiers_only || voice_of_unnamed {
            return None;
        }
        let office = match self.compose(analysis, &parts, false, date, memory) {
            Some((actor, MentionKind::Group, _)) => actor,
            Some(_) => return None,
            None if STATE_ROLES.contains(&role.as_str())
                && parts.iter().all(|p| matches!(p.element, Element::Role(_))) =>
            {
                office(Some(memory.country_so_far()?.clone()), role)
            }
            None => return None,
        };
        office
            .code
            .is_some()
            .then_some((head.end, (head_word, office)))
    }

    /// The known institution a person speaks for in an apposition after the name ("Vincent
    /// Cable, for the Liberal Democrats, said"), `end` being the token after the name.
    fn speaks_for_after(&self, site: &SentenceSite<'_>, end: usize) -> Option<Actor> {
        let rest = site.words.get(end - site.offset..)?;
        let skip = match rest {
            [",", "for", "the", ..] => 3,
            [",", "for", ..] => 2,
            _ => return None,
        };
        // The apposition closes after the name of the institution.
        self.institution_closed_by(&rest[skip..], &[",", ")"])
    }

    /// The body a person belongs to, named in an apposition of "of" after the name ending at
    /// `end` ("Oliver Finegold, of the Evening Standard newspaper,"): the body's actor, when
    /// it has a code.
    fn member_of_after(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'_>,
        end: usize,
        date: Option<&str>,
        memory: &Memory,
    ) -> Option<Actor> {
        let skip = match site.words.get(end - site.offset..)? {
            [",", "of", "the", ..] => 3,
            [",", "of", ..] => 2,
            _ => return None,
        };
        let (body, next) = self.coded_body_at(analysis, site, end + skip, date, memory)?;
        matches!(next, Some("," | ")")).then_some(body)
    }

    /// The body a person no dictionary knows heads or speaks for, named in an apposition
    /// after the name ending at `end` ("Shami Chakrabarti, director of civil rights group
    /// Liberty,", "Jan Egeland, head of the UN's relief agency"): the body's actor, when it
    /// has a code.
    fn body_headed_after(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'_>,
        end: usize,
        date: Option<&str>,
        memory: &Memory,
    ) -> Option<Actor> {
        let rest = site.words.get(end - site.offset..)?;
        let mut k = apposition_opening(rest)?;
        if !HEAD_TITLES.contains(&rest.get(k)?.to_lowercase().as_str()) {
            return None;
        }
        k += 1 + body_opening(rest.get(k + 1..)?)?;
        let (body, next) = self.coded_body_at(analysis, site, end + k, date, memory)?;
        closes_title(next).then_some(body)
    }

    /// The body a person no dictionary knows heads, named in an apposition before the name
    /// `first..end` closed by commas ("But director of the Victims of Crime Trust, Norman
    /// Brennan, accused", "the chairman of Migration Watch UK, Sir Andrew Green, said"): the
    /// body's actor, when it has a code.
    fn body_headed_before(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'_>,
        first: usize,
        end: usize,
        date: Option<&str>,
        memory: &Memory,
    ) -> Option<Actor> {
        let (words, offset) = (site.words, site.offset);
        let word = |i: usize| words.get(i.checked_sub(offset)?).copied();
        // An honorific may stand between the comma and the name ("…, Sir Andrew Green,").
        let comma = match word(first.checked_sub(1)?)? {
            "," => first - 1,
            w if HONORIFICS.contains(&w) && word(first.checked_sub(2)?)? == "," => first - 2,
            _ => return None,
        };
        if !closes_apposition(site, end) {
            return None;
        }
        // The title opens the sentence, maybe after "the" or a conjunction.
        let opening = |j: usize| {
            j == offset
                || (j == offset + 1
                    && matches!(words[0], "the" | "The" | "But" | "And" | "Meanwhile"))
                || (j == offset + 2 && matches!(words[..2], ["But" | "And", "the"]))
        };
        let title = (offset..comma).find(|&j| {
            HEAD_TITLES.contains(&words[j - offset].to_lowercase().as_str()) && opening(j)
        })?;
        let body = title + 1 + body_opening(&words[title + 1 - offset..])?;
        let (actor, next) = self.coded_body_at(analysis, site, body, date, memory)?;
        (next == Some(",") && body < comma).then_some(actor)
    }

    /// The body a person no dictionary knows works for or leads, named in a relative clause
    /// after the name ending at `end` ("Danny Kruger, who also works in the Tory research
    /// unit,", "Mrs Hassan, 59, who led Care International operations"): the body's actor,
    /// when it has a code.
    fn body_worked_for_after(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'_>,
        end: usize,
        date: Option<&str>,
        memory: &Memory,
    ) -> Option<Actor> {
        let mut rest = site.words.get(end - site.offset..)?;
        let mut k = 0;
        // "Mrs Hassan, 59, who": an age before the clause.
        if let [",", age, ..] = rest {
            if is_age(age) {
                k = 2;
                rest = &rest[2..];
            }
        }
        let [",", "who", rest @ ..] = rest else {
            return None;
        };
        k += 2;
        let rest = match rest {
            ["also" | "now" | "still", rest @ ..] => {
                k += 1;
                rest
            }
            _ => rest,
        };
        k += match rest {
            [verb, ..] if LEADING_VERBS.contains(verb) => 1,
            [verb, "for" | "in" | "at", "the", ..] if WORKING_VERBS.contains(verb) => 3,
            [verb, "for" | "in" | "at", ..] if WORKING_VERBS.contains(verb) => 2,
            _ => return None,
        };
        let k = k + usize::from(site.words.get(end - site.offset + k) == Some(&"the"));
        self.coded_body_at(analysis, site, end + k, date, memory)
            .map(|(body, _)| body)
    }

    /// The body with a code whose name starts at token `at` ("the Evening Standard
    /// newspaper"), and the word after its name.
    fn coded_body_at<'s>(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'s>,
        at: usize,
        date: Option<&str>,
        memory: &Memory,
    ) -> Option<(Actor, Option<&'s str>)> {
        let parts = trim_parts(self.parts(analysis, site, at, memory));
        let next = site.words.get(parts.last()?.end - site.offset).copied();
        match self.compose(analysis, &parts, false, date, memory)? {
            (mut body, MentionKind::Institution, _) => {
                code_civil_body(&mut body, memory);
                body.code.is_some().then_some((body, next))
            }
            (body, MentionKind::Group, _) if body.code.is_some() => Some((body, next)),
            _ => None,
        }
    }

    /// The institution in brackets right after a name, as in "the Asia-Pacific Economic
    /// Cooperation (APEC)".
    fn acronym_after(&self, site: &SentenceSite<'_>, end: usize) -> Option<Actor> {
        match site.words.get(end - site.offset..)? {
            ["(", inside @ ..] => self.institution_closed_by(inside, &[")"]),
            _ => None,
        }
    }

    /// The institution the dictionaries know at the start of `words`, when one of
    /// `closers` follows its name.
    fn institution_closed_by(&self, words: &[&str], closers: &[&str]) -> Option<Actor> {
        let (n, entry) = self.known_at(words)?;
        let Entry::Institution(k) = entry else {
            return None;
        };
        closers.contains(words.get(n)?).then(|| self.institution(k))
    }

    /// The actor of institution `k` of the dictionary.
    fn institution(&self, k: usize) -> Actor {
        let inst = &self.dictionary.institutions[k];
        Actor {
            name: Some(inst.name.clone()),
            code: Some(inst.code.clone()),
            country: inst.country.clone(),
            roles: inst.roles.clone(),
            ..Actor::default()
        }
    }

    /// The elements of the noun phrase starting at `i`.
    fn parts(
        &self,
        analysis: &Analysis,
        site: &SentenceSite<'_>,
        mut i: usize,
        memory: &Memory,
    ) -> Vec<Part> {
        let mut parts: Vec<Part> = Vec::new();
        let (words, offset) = (site.words, site.offset);
        let limit = offset + words.len();
        while i < limit {
            let rest = &words[i - offset..];
            let w = rest[0];
            let possessive = matches!(w, "'s" | "\u{2019}s");
            // "Mr Straw's China trip": a person's possessive ends the phrase before a
            // country or capital, which is the thing's, not the person's.
            let person_before = parts.last().is_some_and(|p| {
                matches!(
                    p.element,
                    Element::Learned(_, MentionKind::Person) | Element::Known(Entry::Person(_))
                )
            });
            if possessive
                && person_before
                && matches!(
                    self.known_at(&rest[1..]),
                    Some((_, Entry::Country(_) | Entry::Capital(_)))
                )
            {
                break;
            }
            let part = if possessive && !parts.is_empty() {
                Some((1, Element::Possessive))
            } else if let Some(learned) = memory.names.get(w).filter(|_| is_capitalised(w)) {
                Some((1, Element::Learned(learned.0.clone(), learned.1)))
            } else if let Some((n, entry)) = self
                .known_at(rest)
                .filter(|(n, _)| self.dictionary.role_of(rest).is_none_or(|(r, _)| r <= *n))
                .filter(|(n, entry)| {
                    let before = i.checked_sub(offset + 1).map(|k| words[k]);
                    !self.first_name_of_other(analysis, i, rest, before, *n, entry)
                })
            {
                // A known person's one-word form ending the name of someone nobody knows
                // ("Detective Inspector Paul Miller", the recogniser's name ending at "Paul")
                // is that name's last word, as "Cherie Blair" is not Tony Blair.
                if surname_of_other(&parts, i, n, &entry) {
                    let last = parts.last_mut().expect("surname_of_other: a part before");
                    last.end += 1;
                    i += 1;
                    continue;
                }
                // A longer title begins with a body's name: "Commons leader" is a minister.
                Some((n, Element::Known(entry)))
            } else if let Some(found) = self.titled_name(analysis, i, rest, memory) {
                Some(found)
            } else if let Some(n) = self.shadow_title(rest) {
                Some((n, Element::Role(OPPOSITION.to_string())))
            } else if let Some((n, role)) = self
                .dictionary
                .role_of(rest)
                // A role of several words is a title whatever its first word's tag ("national
                // security adviser John Bolton").
                .filter(|(n, _)| *n > 1 || !self.adjective_before_noun(analysis, rest, i))
            {
                Some((n, Element::Role(role.to_string())))
            } else if analysis.tokens[i].upos == "ADJ"
                && entity_length(analysis, i, limit).is_some_and(|n| {
                    n > 1
                        && matches!(self.known_at(&rest[1..n]),
                                Some((m, Entry::Demonym(_))) if m == n - 1)
                })
            {
                // "Young Britons", "Angry Iraqis" tagged as one name: the adjective is a
                // modifier of the people named after it (not "Real Madrid").
                Some((1, Element::Role(String::new())))
            } else if let Some(n) = entity_length(analysis, i, limit) {
                // "International Development Secretary Hilary" tagged as one entity: the
                // unknown name stops where a known name of two words or more begins ("Hilary
                // Benn"; not at a one-word form: "Cherie Blair" is not Tony Blair).
                let n = (1..n)
                    .find(|&k| self.known_at(&rest[k..]).is_some_and(|(m, _)| m > 1))
                    .unwrap_or(n);
                Some((n, Element::UnknownName))
            } else if let Some(n) = unrecognised_civil_body(rest) {
                Some((n, Element::UnknownName))
            } else if let Some(n) = self.rest_of_named_body(analysis, &parts, i, rest) {
                Some((n, Element::UnknownName))
            } else if is_name_word(w) && parts.iter().any(|p| matches!(p.element, Element::Role(_)))
            {
                let n = rest.iter().take_while(|w| is_name_word(w)).count();
                Some((n, Element::UnknownName))
            } else if is_adjective_like(w)
                && modifier_tag(analysis, i)
                && !PREDICATIVE_ADJECTIVES.contains(&w)
            {
                // "communist dictator", "top national security officials", "constitutional
                // affairs committee chairman": modifiers are kept only when a role word
                // follows within three words.
                // The words skipped on the way must be modifiers too, or the "of" of a
                // quantity ("thousands of Marines"): not "today welcomed President", nor
                // "partners, government officials".
                let ahead = rest[1..]
                    .iter()
                    .take(3)
                    .position(|w| self.dictionary.role_of(&[w]).is_some());
                let quantity = |d: usize| {
                    analysis.tokens[i + d].upos == "NUM" || QUANTITIES.contains(&rest[d])
                };
                let modifiers = |k: usize| {
                    (1..=k).all(|d| {
                        (is_adjective_like(rest[d]) && modifier_tag(analysis, i + d))
                            || (rest[d] == "of" && quantity(d - 1))
                    })
                };
                ahead
                    .filter(|&k| modifiers(k))
                    .map(|k| (k + 1, Element::Role(String::new())))
            } else {
                None
            };
            let Some((n, element)) = part else { break };
            parts.push(Part {
                element,
                first: i,
                end: i + n,
            });
            i += n;
        }
        parts
    }

    /// How many words at token `i` (`rest` its sentence from there) end the name of a body
    /// the recogniser names from a country's name or adjective just before them: "the
    /// British Board of Film Classification", "the Argentine Work Ministry", "UK Athletics"
    /// are bodies of that country, not the country. The name stops where a name the
    /// dictionaries know begins.
    fn rest_of_named_body(
        &self,
        analysis: &Analysis,
        parts: &[Part],
        i: usize,
        rest: &[&str],
    ) -> Option<usize> {
        let [Part {
            element: Element::Known(Entry::Country(_) | Entry::Demonym(_)),
            first,
            end,
        }] = parts
        else {
            return None;
        };
        if *end != i || !is_name_word(rest[0]) {
            return None;
        }
        let entity = entity_at(analysis, *first, &[EntityType::Org])?;
        let n = words_within(analysis, i, i + rest.len(), entity.end);
        let n = (1..n)
            .find(|&k| self.known_at(&rest[k..]).is_some())
            .unwrap_or(n);
        (n > 0).then_some(n)
    }

    /// Whether a known person's one-word form at token `i` (`rest` its sentence from there,
    /// `before` the word before it) is the first name of someone else: of one the recogniser
    /// names with it ("Graham Robb, spokesman for North East Says No" is no Lindsey Graham,
    /// nor is "Graham Brown" Gordon Brown's), of one whose surname follows ("Mr Graham
    /// Robb", the recogniser's name ending at "Graham"), or of a relative named by a first name ("his
    /// wife Sharon" is no Ariel Sharon).
    fn first_name_of_other(
        &self,
        analysis: &Analysis,
        i: usize,
        rest: &[&str],
        before: Option<&str>,
        n: usize,
        entry: &Entry,
    ) -> bool {
        if n != 1 || !matches!(entry, Entry::Person(_)) {
            return false;
        }
        let first_name = self.dictionary.first_name_feminine(rest[0]).is_some();
        // The recogniser often ends a titled name at its first name ("Dr Paul" of "Dr Paul
        // Miller"): a first name before a name word nothing else knows is also one.
        let with_surname = rest.get(1).is_some_and(|next| {
            is_name_word(next)
                && !CALENDAR_NAMES.contains(next)
                && (entity_length(analysis, i, i + rest.len()).is_some_and(|m| m > 1)
                    || (first_name
                        && self.known_at(&rest[1..2]).is_none()
                        && self.dictionary.role_of(&rest[1..2]).is_none()))
        });
        let relative = before.is_some_and(|w| KIN.contains(&w.to_lowercase().as_str()));
        with_surname || (relative && first_name)
    }

    /// Whether the lowercase word at token `i` (`rest` its sentence from there) is tagged an
    /// adjective of a noun after it that is no role: "the general election", "military
    /// spending", not "military leaders".
    fn adjective_before_noun(&self, analysis: &Analysis, rest: &[&str], i: usize) -> bool {
        let next = i + 1;
        rest.len() > 1
            && rest[0].starts_with(|c: char| c.is_lowercase())
            && analysis.tokens[i].upos == "ADJ"
            && analysis.tokens.get(next).is_some_and(|t| t.upos == "NOUN")
            && rest[1].starts_with(|c: char| c.is_lowercase())
            && self.dictionary.role_of(&rest[1..]).is_none()
    }

    /// A country or capital named right after token `end` by `in`, `of` or `loyal to` ("in
    /// the Ivory Coast", "in Dili", "the government of Venezuela", "militants loyal to
    /// Iraq's …"), as a part of the phrase before it. Not `from`: "opposition from the US"
    /// is the US's.
    fn place_after(&self, site: &SentenceSite<'_>, end: usize) -> Option<Part> {
        let rest = site.words.get(end - site.offset..)?;
        let preposition = match rest {
            ["in" | "of", ..] => 1,
            ["loyal", "to", ..] => 2,
            _ => return None,
        };
        let article = usize::from(rest.get(preposition).is_some_and(|w| *w == "the"));
        let skip = preposition + article;
        let rest = &rest[skip..];
        let first = end + skip;
        if let Some((n, entry @ (Entry::Country(_) | Entry::Capital(_)))) = self.known_at(rest) {
            return Some(Part {
                element: Element::Known(entry),
                first,
                end: first + n,
            });
        }
        // "the military government of President Prosper Avril", "militants loyal to
        // President X": a known person's country, title and all.
        let title = self.dictionary.role_of(rest).map_or(0, |(n, _)| n).min(3);
        match self.known_at(&rest[title..])? {
            (n, entry @ Entry::Person(_)) if title > 0 || n > 1 => Some(Part {
                element: Element::Known(entry),
                first,
                end: first + title + n,
            }),
            _ => None,
        }
    }

    /// The length of a shadow minister's title at the start of `words` ("shadow health
    /// secretary", "Tory shadow local government secretary"): `shadow`, then up to four
    /// title words, up to the last role word among them. Whatever office the title names,
    /// its holder speaks for the opposition. Not across function words ("the shadow of the
    /// government").
    fn shadow_title(&self, words: &[&str]) -> Option<usize> {
        let (first, rest) = words.split_first()?;
        if !first.eq_ignore_ascii_case("shadow") {
            return None;
        }
        let title = rest
            .iter()
            .take(4)
            .take_while(|w| {
                w.chars().all(char::is_alphabetic)
                    && !TITLE_BREAKS.contains(&w.to_lowercase().as_str())
            })
            .collect::<Vec<_>>();
        let last_role = title
            .iter()
            .rposition(|w| self.dictionary.role_of(&[w]).is_some())?;
        Some(last_role + 2)
    }

    /// Whether `mention` is a capital's name before a noun of an attack, at most one word
    /// between ("the Madrid rail bombing", "the London bombings"): where it happened, not
    /// the government the capital stands for elsewhere; or any country's name before a
    /// terror attack ("the US terror attacks").
    fn places_an_attack(&self, analysis: &Analysis, mention: &ActorMention) -> bool {
        let text = |i: usize| analysis.tokens.get(i).map(|t| analysis.token_text(t));
        let attack_at = |i: usize| {
            text(i).is_some_and(|w| ATTACK_NOUNS.iter().any(|a| w.eq_ignore_ascii_case(a)))
        };
        // "Washington's attacks": the capital's own.
        let possessive = text(mention.end_token).is_some_and(|w| matches!(w, "'s" | "\u{2019}s"));
        if mention.kind != MentionKind::Country || possessive {
            return false;
        }
        // "the US terror attacks": any country's name before a terror attack places it.
        let terror = text(mention.end_token).is_some_and(|w| {
            w.eq_ignore_ascii_case("terror") || w.eq_ignore_ascii_case("terrorist")
        });
        if terror && attack_at(mention.end_token + 1) {
            return true;
        }
        if !(attack_at(mention.end_token) || attack_at(mention.end_token + 1)) {
            return false;
        }
        self.names_a_capital(analysis, mention)
    }

    /// Whether `mention` is a capital's name that an apposition after it describes ("Victoria,
    /// a lobbyist for disabled rights", "Kabul, a city of three million"): a person or the
    /// place itself, not the government the capital stands for.
    fn described_capital(&self, analysis: &Analysis, mention: &ActorMention) -> bool {
        let text = |i: usize| analysis.tokens.get(i).map(|t| analysis.token_text(t));
        let described = text(mention.end_token) == Some(",")
            && text(mention.end_token + 1).is_some_and(|w| matches!(w, "a" | "an"));
        if mention.kind != MentionKind::Country || !described {
            return false;
        }
        self.names_a_capital(analysis, mention)
    }

    /// Whether `mention` is, whole, a capital's name.
    fn names_a_capital(&self, analysis: &Analysis, mention: &ActorMention) -> bool {
        let words: Vec<&str> = (mention.first_token..mention.end_token)
            .map(|i| analysis.token_text(&analysis.tokens[i]))
            .collect();
        matches!(self.known_at(&words), Some((n, Entry::Capital(_))) if n == words.len())
    }

    /// The longest dictionary name at the start of `words`: the curated files', or the
    /// generated people tier's when it is longer.
    fn known_at(&self, words: &[&str]) -> Option<(usize, Entry)> {
        let curated = self.dictionary.names.longest(words).map(|(n, e)| (n, *e));
        let person = self
            .dictionary
            .generated_person(words)
            .map(|(n, p)| (n, Entry::Person(p)));
        let organisation = self
            .dictionary
            .generated_organisation(words)
            .map(|(n, k)| (n, Entry::Institution(k)));
        // The longer of the generated tiers' matches, the person's of equals.
        let generated = match (person, organisation) {
            (Some(p), Some(o)) if o.0 > p.0 => Some(o),
            (p, o) => p.or(o),
        };
        match (curated, generated) {
            (Some(c), Some(g)) if g.0 > c.0 => Some(g),
            (Some(c), _) => Some(c),
            (None, g) => g,
        }
    }

    /// A title and a surname ("Mr Blair", "Lord Falconer"): the person the document named
    /// before, else a known person with that name, else the one known person with that
    /// surname among the people of the countries the document named before. A surname
    /// several of them share is left unresolved.
    /// Whether the words of `part` end in a title of one person the role list knows ("US
    /// Defense Secretary", "Secretary of State"), not a body ("the Defense Ministry").
    fn names_an_office(&self, analysis: &Analysis, part: &Part) -> bool {
        let text = span_text(analysis, part.first, part.end).to_lowercase();
        let words: Vec<&str> = text.split_whitespace().collect();
        (0..words.len()).any(|k| {
            self.dictionary
                .role_of(&words[k..])
                .is_some_and(|(n, _)| n == words.len() - k)
        })
    }

    fn titled_name(
        &self,
        analysis: &Analysis,
        i: usize,
        words: &[&str],
        memory: &Memory,
    ) -> Option<(usize, Element)> {
        let (title, name) = words.split_first()?;
        let first = name.first().filter(|w| is_name_word(w))?;
        if !HONORIFICS.contains(title) {
            return None;
        }
        // "Mr Kilroy-Silk": a double-barrelled surname the segmenter split at its hyphen is
        // the person the document named with it, or else a person nobody knows.
        if let [a, "-", b, ..] = name {
            if hyphen_joins_a_name(analysis, i + 2) {
                let surname = format!("{a}-{b}");
                return Some(match memory.names.get(&surname) {
                    Some((actor, kind)) => (4, Element::Learned(actor.clone(), *kind)),
                    None => (4, Element::UnknownName),
                });
            }
        }
        // A person the text named under the surname is the one titled so when the gender
        // the text marked agrees with the title, and someone else when it does not
        // ("Michael Howard" … "Mrs Howard" … "Mr Howard").
        let learned = memory.names.get(*first);
        let gendered = FEMININE_TITLES.contains(title) || MASCULINE_TITLES.contains(title);
        let agrees = learned.filter(|_| gendered).and_then(|(actor, _)| {
            let feminine = memory.is_feminine(actor)?;
            Some(if feminine {
                FEMININE_TITLES.contains(title)
            } else {
                MASCULINE_TITLES.contains(title)
            })
        });
        match (learned, agrees) {
            (Some((actor, kind)), Some(true)) => {
                return Some((2, Element::Learned(actor.clone(), *kind)))
            }
            (Some(_), Some(false)) => return Some((2, Element::UnknownName)),
            _ => {}
        }
        // "Mrs Howard" after "Mr Howard": the wife is someone else, also where the earlier
        // one was not learned under the surname (a person no code stands for).
        if named_with_other_gender(analysis, i, title, first) {
            return Some((2, Element::UnknownName));
        }
        if let Some((actor, kind)) = learned {
            return Some((2, Element::Learned(actor.clone(), *kind)));
        }
        if let Some((n, entry @ Entry::Person(_))) = self
            .known_at(name)
            .filter(|(n, entry)| !self.first_name_of_other(analysis, i + 1, name, None, *n, entry))
        {
            return Some((n + 1, Element::Known(entry)));
        }
        let another_name_follows = name.get(1).is_some_and(|w| is_name_word(w));
        if another_name_follows {
            return None;
        }
        if self.dictionary.role_of(&[first]).is_some() {
            return None;
        }
        // Only people of the countries the document named count.
        let person = self.dictionary.person_by_surname(first, |p| {
            p.offices
                .iter()
                .any(|o| memory.country_mentions.contains_key(&o.affiliation))
        });
        // "Lord Dubs" that the recogniser missed: a person nobody knows, not the title alone.
        Some(match person {
            Some(person) => (2, Element::Known(Entry::Person(person))),
            None => (2, Element::UnknownName),
        })
    }

    fn compose(
        &self,
        analysis: &Analysis,
        parts: &[Part],
        definite: bool,
        date: Option<&str>,
        memory: &Memory,
    ) -> Option<(Actor, MentionKind, bool)> {
        let dict = &self.dictionary;
        let mut country: Option<String> = None;
        let mut roles: Vec<String> = Vec::new();
        // The first institution among the modifiers ("Tory" in "Tory spokesman").
        let mut institution: Option<usize> = None;
        // The first body the document named before among them ("IHRC" in "IHRC chairman").
        let mut learned_body: Option<&Actor> = None;
        for part in &parts[..parts.len() - 1] {
            match &part.element {
                Element::Known(Entry::Country(c) | Entry::Demonym(c) | Entry::Capital(c)) => {
                    country.get_or_insert_with(|| dict.countries[*c].iso3.clone());
                }
                Element::Known(Entry::Institution(k)) => {
                    institution.get_or_insert(*k);
                    if let Some(c) = &dict.institutions[*k].country {
                        country.get_or_insert_with(|| c.clone());
                    }
                }
                Element::Known(Entry::Person(p)) => {
                    if let Some(office) = dict.people[*p].office_on(date) {
                        if office.affiliation.len() == 3 {
                            country.get_or_insert_with(|| office.affiliation.clone());
                        }
                    }
                }
                Element::Learned(actor, kind) => {
                    if *kind == MentionKind::Institution && actor.code.is_some() {
                        learned_body.get_or_insert(actor);
                    }
                    if let Some(c) = &actor.country {
                        country.get_or_insert_with(|| c.clone());
                    }
                }
                Element::Role(role) if !role.is_empty() => roles.push(role.clone()),
                _ => {}
            }
        }
        let head = parts.last()?;
        let head_text = span_text(analysis, head.first, head.end);
        // "Liberal Democrat spokesman Mark Oaten", "Conservative co-chairman Liam Fox": a
        // named voice of the institution before the title.
        let title = parts[..parts.len() - 1]
            .iter()
            .rev()
            .find(|p| matches!(&p.element, Element::Role(r) if !r.is_empty()))
            .map(|p| span_text(analysis, p.first, p.end).to_lowercase());
        let voice_title = title.as_deref().is_some_and(|t| VOICE_ROLES.contains(&t));
        let president = title.as_deref() == Some("president");
        // A president speaks for the institution named before the title ("Lib Dem president
        // Simon Hughes"); without one, for a country ("President da Silva").
        // "Labour's Ken Livingstone": a name after an institution's possessive is its member.
        let possessed = parts.windows(2).any(|w| {
            matches!(
                (&w[0].element, &w[1].element),
                (Element::Known(Entry::Institution(_)), Element::Possessive)
            )
        });
        // "Lib Dem Norman Baker", "Tory Ann Widdecombe": a name right after a party's, with
        // no title, is its member.
        let party_member =
            |k: &usize| title.is_none() && dict.institutions[*k].roles.iter().any(|r| r == "PTY");
        // "Secretary of State Hans Dorfmann", "US Defense Secretary Bob Smith": an office the
        // dictionary knows as a body, right before a name, is the office that person holds.
        let office_held = |k: &usize| {
            title.is_none()
                && parts.len() >= 2
                && matches!(parts[parts.len() - 2].element,
                    Element::Known(Entry::Institution(j)) if j == *k)
                && self.names_an_office(analysis, &parts[parts.len() - 2])
        };
        let voice_of = institution
            .filter(|k| voice_title || possessed || president || party_member(k) || office_held(k));
        // "IHRC chairman Massoud Shadjareh": a named voice of a body the document named
        // before speaks for it.
        if let Some(body) = learned_body.filter(|_| voice_title && institution.is_none()) {
            if matches!(head.element, Element::UnknownName) {
                let mut actor = body.clone();
                actor.name = Some(head_text.to_string());
                return Some((actor, MentionKind::Person, false));
            }
        }
        // "Countryside Alliance chairman John Jackson": a named voice of a body of civil
        // society nobody knows speaks for a non-governmental organisation of the country the
        // document is about.
        // "Association of Chief Police Officers president Chris Fox": so does its president,
        // for the sector its members' name says (police officers: the police).
        let civil_body_before = parts[..parts.len() - 1].iter().find(|p| {
            matches!(p.element, Element::UnknownName)
                && is_civil_body(span_text(analysis, p.first, p.end))
        });
        if (voice_title || president)
            && institution.is_none()
            && matches!(head.element, Element::UnknownName)
        {
            if let Some(body) = civil_body_before {
                let name = span_text(analysis, body.first, body.end).to_lowercase();
                let words: Vec<&str> = name.split_whitespace().collect();
                let sector = (1..words.len())
                    .find_map(|k| dict.role_of(&words[k..]).map(|(_, role)| role))
                    .unwrap_or(NGO);
                let mut actor = office(Some(memory.main_country()?.clone()), sector);
                actor.name = Some(head_text.to_string());
                return Some((actor, MentionKind::Person, false));
            }
        }
        let actor_with = |name: Option<String>,
                          code: Option<String>,
                          country: Option<String>,
                          roles: Vec<String>| Actor {
            name,
            code,
            country,
            roles,
            ..Actor::default()
        };
        // An institution as the actor, the country of the words before it where it has none.
        let institution_actor = |k: usize, country: Option<String>| {
            let inst = &dict.institutions[k];
            actor_with(
                Some(inst.name.clone()),
                Some(inst.code.clone()),
                inst.country.clone().or(country),
                inst.roles.clone(),
            )
        };
        match &head.element {
            Element::Known(Entry::Person(p)) => {
                let person = &dict.people[*p];
                // The title in the text says what no office dated to the document does.
                if let Some(k) = voice_of.filter(|_| !person.holds_office_on(date)) {
                    let mut actor = institution_actor(k, country);
                    actor.name = Some(person.name.clone());
                    return Some((actor, MentionKind::Person, false));
                }
                // "Metropolitan Police Commissioner Sir John Stevens" in an undated
                // document: the office the title's institution names, of those the person
                // held, rather than the last one.
                let titled = institution
                    .filter(|_| date.is_none())
                    .and_then(|k| person.held_code(&dict.institutions[k].code));
                let (code, person_country, role) = match titled.or_else(|| person.code_on(date)) {
                    Some(held) => (Some(held.code), held.country, held.role),
                    None => (None, country.clone(), None),
                };
                // "Lord Justices Clarke and Rix": a judge's title before a surname alone names
                // a judge, not the known person of that surname who never was one.
                let surname_only = head.end - head.first == 1;
                let judge_title = roles.last().is_some_and(|r| r == JUDICIARY);
                if surname_only && judge_title && role.as_deref() != Some(JUDICIARY) {
                    let c = person_country.or(country);
                    let code = c.as_ref().map(|c| format!("{c}{JUDICIARY}"));
                    let name = Some(head_text.to_string());
                    return Some((
                        actor_with(name, code, c, vec![JUDICIARY.into()]),
                        MentionKind::Person,
                        false,
                    ));
                }
                // "ex-Foreign Secretary Robin Cook … Robin Cook gave his support": the office
                // the document gave the person earlier says more than a country alone, or
                // than the last office known when the document has no date.
                if (role.is_none() || date.is_none()) && roles.is_empty() {
                    if let Some(learned) = memory.learned_person(&person.name) {
                        return Some((learned.clone(), MentionKind::Person, false));
                    }
                }
                // "shadow health secretary Jo Bloggs": the title in the text says what the
                // dated offices may not (held later, or not known).
                // "senator John McCain": a legislator's title says more than a dated office
                // that only says government.
                let (code, role) = match person_country.as_ref().or(country.as_ref()) {
                    Some(c) if roles.last().is_some_and(|r| r == OPPOSITION) => (
                        Some(format!("{c}{OPPOSITION}")),
                        Some(OPPOSITION.to_string()),
                    ),
                    Some(c)
                        if roles.last().is_some_and(|r| r == LEGISLATURE)
                            && role.as_deref() == Some("GOV") =>
                    {
                        (
                            Some(format!("{c}{LEGISLATURE}")),
                            Some(LEGISLATURE.to_string()),
                        )
                    }
                    // "Venezuelan Interior Minister Diosdado Cabello": an office the title
                    // gives a person the dictionaries know in no dated one on the day (but
                    // "Metropolitan Police Commissioner Sir John Stevens" after his dated
                    // retirement stays the peer he became).
                    Some(c)
                        if matches!(role.as_deref(), None | Some(ELITES))
                            && !person.holds_office_on(date)
                            && roles
                                .last()
                                .is_some_and(|r| STATE_ROLES.contains(&r.as_str())) =>
                    {
                        let title = roles.last().cloned();
                        (title.as_ref().map(|r| format!("{c}{r}")), title)
                    }
                    _ => (code, role),
                };
                let roles = role.into_iter().collect();
                Some((
                    actor_with(Some(person.name.clone()), code, person_country, roles),
                    MentionKind::Person,
                    false,
                ))
            }
            // "the British Navy", "the Pakistani Supreme Court": a country named before a
            // national institution of another country's name is the country it belongs to.
            Element::Known(Entry::Institution(k)) => {
                let inst = &dict.institutions[*k];
                let actor = match (&country, &inst.country) {
                    (Some(c), Some(own)) if c != own && !inst.roles.is_empty() => actor_with(
                        Some(span_text(analysis, parts[0].first, head.end).to_string()),
                        Some(format!("{c}{}", inst.roles.concat())),
                        Some(c.clone()),
                        inst.roles.clone(),
                    ),
                    _ => institution_actor(*k, country),
                };
                Some((actor, MentionKind::Institution, false))
            }
            Element::Known(Entry::Capital(c)) => {
                let iso3 = dict.countries[*c].iso3.clone();
                let name = Some(dict.countries[*c].capital.clone().unwrap_or_default());
                Some((
                    actor_with(
                        name,
                        Some(format!("{iso3}GOV")),
                        Some(iso3),
                        vec!["GOV".into()],
                    ),
                    MentionKind::Country,
                    false,
                ))
            }
            // "the Pakistani community in Manchester", "of Indian descent": people of the
            // country's origin, not the country.
            Element::Known(Entry::Demonym(_))
                if analysis.tokens.get(head.end).is_some_and(|t| {
                    DIASPORA_WORDS.contains(&analysis.token_text(t).to_lowercase().as_str())
                }) =>
            {
                None
            }
            // "the Indian Ocean", "the Persian Gulf", "the South China Sea": a body of water
            // named after a country is no actor.
            Element::Known(Entry::Country(_) | Entry::Demonym(_))
                if analysis
                    .tokens
                    .get(head.end)
                    .is_some_and(|t| WATERS.contains(&analysis.token_text(t))) =>
            {
                None
            }
            Element::Known(Entry::Country(c) | Entry::Demonym(c)) => {
                let c = &dict.countries[*c];
                Some((
                    actor_with(
                        Some(c.name.clone()),
                        Some(c.iso3.clone()),
                        Some(c.iso3.clone()),
                        roles,
                    ),
                    MentionKind::Country,
                    false,
                ))
            }
            // "Ken Livingstone" … "London mayor Mr Livingstone": a title the document gives a
            // person it named without one says who they are.
            Element::Learned(actor, MentionKind::Person) if actor.code.is_none() => {
                let mut actor = actor.clone();
                if let Some(k) = voice_of {
                    take_office(&mut actor, institution_actor(k, country));
                } else if let Some(role) = roles
                    .last()
                    .filter(|r| country.is_some() || STATE_ROLES.contains(&r.as_str()))
                {
                    let country = country.or_else(|| memory.country_so_far().cloned());
                    take_office(&mut actor, office(country, role));
                }
                Some((actor, MentionKind::Person, true))
            }
            Element::Learned(actor, kind) => Some((actor.clone(), *kind, true)),
            Element::UnknownName => {
                if let Some(k) = voice_of {
                    let mut actor = institution_actor(k, country);
                    actor.name = Some(head_text.to_string());
                    return Some((actor, MentionKind::Person, false));
                }
                // "the Kyoto Protocol", "the Millennium Declaration", "the Terrorism Act": a document,
                // no actor.
                let document = head_text
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| DOCUMENTS.contains(&w));
                if document && roles.is_empty() && country.is_none() {
                    return None;
                }
                // A voice of an institution nobody knows ("IHRC chairman X") holds no office
                // (a country's leader does).
                if country.is_none() && voice_title {
                    roles.pop();
                }
                // "the Green Party", "the Scottish Socialist Party": a party nobody knows is
                // a party of the country the document is about, when it names none.
                let party = roles.is_empty() && head_text.ends_with(" Party");
                if party {
                    roles.push("PTY".into());
                }
                // "the Public Accounts Committee": a committee nobody knows is one of the
                // legislature of the country the document is about.
                let committee = roles.is_empty() && head_text.ends_with(" Committee");
                if committee {
                    roles.push(LEGISLATURE.into());
                }
                // "the Child Support Agency", "the Electoral Commission": a public body
                // nobody knows is one of the government of that country (not a news agency,
                // nor a rights commission, often a campaign's own name).
                let public_body = roles.is_empty()
                    && !head_text.contains(" Rights ")
                    && PUBLIC_BODIES.iter().any(|b| {
                        head_text
                            .strip_suffix(b)
                            .is_some_and(|rest| rest.ends_with(' ') && !rest.ends_with("News "))
                    });
                // "the US Secret Service", "Japan Airlines": a body named from its country
                // is one of its government or a company by the last word of its name.
                let named_from_country = parts.len() > 1
                    && matches!(
                        parts[parts.len() - 2].element,
                        Element::Known(Entry::Country(_) | Entry::Demonym(_))
                    );
                let last_word = head_text.rsplit(' ').next().unwrap_or_default();
                let public_body = public_body
                    || (roles.is_empty() && named_from_country && last_word == "Service");
                if public_body {
                    roles.push(GOVERNMENT.into());
                }
                let company =
                    roles.is_empty() && named_from_country && COMPANY_NAMES.contains(&last_word);
                if company {
                    roles.push(BUSINESS.into());
                }
                // "the Islamic Human Rights Commission": a rights body nobody knows is a
                // non-governmental organisation of that country.
                let rights_body = roles.is_empty()
                    && (head_text.contains("Human Rights ")
                        || head_text.contains("Civil Liberties "));
                if rights_body {
                    roles.push(NGO.into());
                }
                // "Shadow home secretary David Davis": an unknown office holder of no named
                // country holds an office of the country the document has mostly named so
                // far; an unknown body, one of the country the whole document is about.
                if country.is_none() && !roles.is_empty() {
                    country = if party || committee || public_body || rights_body {
                        memory.main_country().cloned()
                    } else {
                        // An officer the recogniser names before any country is named holds an
                        // office of the country the document names again and again
                        // ("Middlesbrough mayor Ray Mallon" opening a story of the North East).
                        memory
                            .country_so_far()
                            .or_else(|| {
                                let person = names_a_person(analysis, head.first);
                                person.then(|| memory.main_country_named_again())?
                            })
                            .cloned()
                    };
                }
                // "Police Federation president Jan Berry": the president of a body the title
                // names by its members' role (police) is of that body, not a head of state.
                if president && roles.len() > 1 {
                    roles.pop();
                }
                let role = roles.last().cloned();
                let code = country
                    .as_ref()
                    .map(|c| format!("{c}{}", role.clone().unwrap_or_default()));
                // A titled name or one the recogniser calls a person is a person, so that
                // later pronouns can refer to it.
                // "civil rights group Liberty", "aid charity Actionaid": a body, not a person.
                let body = roles.last().is_some_and(|r| r == NGO);
                let kind = if party
                    || committee
                    || public_body
                    || company
                    || body
                    || roles.is_empty() && !names_a_person(analysis, head.first)
                {
                    MentionKind::Institution
                } else {
                    MentionKind::Person
                };
                // A body named from its country is named with it ("British Airways").
                let name_first = if named_from_country && kind == MentionKind::Institution {
                    parts[parts.len() - 2].first
                } else {
                    head.first
                };
                let name = Some(span_text(analysis, name_first, head.end).to_string());
                Some((actor_with(name, code, country, roles), kind, false))
            }
            Element::Role(role) => {
                let head_word = head_text.to_lowercase();
                // An institution's spokesman or officials speak for it: "Tory spokesman",
                // "UKIP officials" are the party, "Pentagon officials" the military, not
                // the government. An international body's ministers, envoys or troops are
                // the body when no country is named ("EU foreign ministers", "NATO
                // troops"); "French UN diplomats" stay French.
                let of_a_body =
                    |k: &usize| country.is_none() && dict.institutions[*k].country.is_none();
                if let Some(k) = institution
                    .filter(|k| VOICE_ROLES.contains(&head_word.as_str()) || of_a_body(k))
                {
                    return Some((institution_actor(k, country), MentionKind::Group, false));
                }
                // "Veritas deputy leader": the voice of a body the document named before.
                if let Some(body) = learned_body
                    .filter(|_| institution.is_none() && VOICE_ROLES.contains(&head_word.as_str()))
                {
                    return Some((body.clone(), MentionKind::Group, false));
                }
                if country.is_none() {
                    // "the administration", "the president": an actor named earlier. Not a
                    // role someone's possessive qualifies ("the prime minister's official
                    // spokesman" after "Liberal Democrat foreign affairs spokesman Menzies
                    // Campbell").
                    let owned = parts
                        .iter()
                        .any(|p| matches!(p.element, Element::Possessive));
                    let holder = memory
                        .roles
                        .get(&head_word)
                        .or_else(|| same_office(&head_word).and_then(|t| memory.roles.get(t)));
                    if let Some((actor, kind)) = holder.filter(|_| definite && !owned) {
                        return Some((actor.clone(), *kind, true));
                    }
                    // "Mr Bush was sworn in … the president was keen": the president of a
                    // presidential republic named last.
                    if head_word == "president" && definite && !owned {
                        let president = memory.persons.iter().rev().find(|p| {
                            p.actor.name.is_some()
                                && p.actor.roles.iter().any(|r| r == GOVERNMENT)
                                && p.actor
                                    .country
                                    .as_deref()
                                    .is_some_and(|c| WITHOUT_PRIME_MINISTER.contains(&c))
                        });
                        if let Some(p) = president {
                            return Some((p.actor.clone(), MentionKind::Person, true));
                        }
                    }
                    // "the government", "the prime minister" named nowhere before, and
                    // legislators ("apologised to MPs"): those of the country the document is
                    // mostly about.
                    // So is a role of theirs ("the government's wireless watchdog").
                    let of_national_office = |p: &Part| {
                        matches!(p.element, Element::Role(ref r) if r == GOVERNMENT)
                            && NATIONAL_OFFICES.contains(
                                &span_text(analysis, p.first, p.end).to_lowercase().as_str(),
                            )
                    };
                    let owned_by_national = || {
                        parts.windows(2).any(|w| {
                            of_national_office(&w[0]) && matches!(w[1].element, Element::Possessive)
                        })
                    };
                    let national = definite
                        && (NATIONAL_OFFICES.contains(&head_word.as_str()) || owned_by_national());
                    // Bare "officials" only as an object ("accused officials of …"): as a
                    // subject ("officials said") they may be anyone's.
                    let officials_acted_upon =
                        head_word == "officials" && analysis.tokens[head.end - 1].deprel == "obj";
                    let members = LAWMAKERS.contains(&head_word.as_str())
                        || !definite
                            && (DOMESTIC_PLURALS.contains(&head_word.as_str())
                                || officials_acted_upon)
                            && unqualified(analysis, parts[0].first, head.end);
                    if !(national || members) {
                        return None;
                    }
                    country = Some(memory.main_country_with_office(&head_word)?.clone());
                }
                Some((office(country, role), MentionKind::Group, false))
            }
            Element::Possessive => None,
        }
    }

    fn learn(
        &self,
        analysis: &Analysis,
        parts: &[Part],
        mention: &ActorMention,
        memory: &mut Memory,
    ) {
        let head = &parts[parts.len() - 1];
        // "the Wall Street Journal editorial board" teaches "Journal" as well.
        for part in parts {
            if let Element::Known(Entry::Institution(k)) = part.element {
                let text = span_text(analysis, part.first, part.end);
                if let Some(last) = text
                    .split_whitespace()
                    .last()
                    .filter(|_| text.contains(' '))
                {
                    if is_capitalised(last) && self.dictionary.names.longest(&[last]).is_none() {
                        let inst = &self.dictionary.institutions[k];
                        let actor = Actor {
                            name: Some(inst.name.clone()),
                            code: Some(inst.code.clone()),
                            country: inst.country.clone(),
                            roles: inst.roles.clone(),
                            ..Actor::default()
                        };
                        memory
                            .names
                            .insert(last.to_string(), (actor, MentionKind::Institution));
                    }
                }
            }
        }
        if let Some(country) = &mention.actor.country {
            *memory.country_mentions.entry(country.clone()).or_default() += 1;
        }
        let entry = (mention.actor.clone(), mention.kind);
        // "the Child Support Agency (CSA)", "the Palestinian Authority (PA)": the acronym in
        // brackets right after a body of known code, whose name ends in a capital, names that
        // body later.
        let end = mention.end_token;
        let bracketed = mention.actor.code.is_some()
            && is_capitalised(Self::word(analysis, end - 1))
            && end + 2 < analysis.tokens.len()
            && Self::word(analysis, end) == "("
            && Self::word(analysis, end + 2) == ")";
        // The name's words, and the initials of its capitalised ones ("Child Support Agency":
        // CSA).
        let name_words: Vec<&str> = (mention.first_token..end)
            .map(|i| Self::word(analysis, i))
            .filter(|w| *w != "The")
            .collect();
        let initials: Vec<char> = name_words
            .iter()
            .filter(|w| is_capitalised(w))
            .filter_map(|w| w.chars().next())
            .collect();
        let acronym = bracketed
            .then(|| Self::word(analysis, end + 1))
            .filter(|a| a.len() >= 2 && a.chars().all(|c| c.is_ascii_uppercase()))
            .filter(|a| self.dictionary.names.longest(&[a]).is_none())
            .filter(|a| {
                // Made of the name's initials ("Lebanon (UNIFIL)" names another body).
                // "US car firms General Motors (GM)": from the word the acronym starts with.
                let Some(from) = initials.iter().position(|&c| a.starts_with(c)) else {
                    return false;
                };
                let mut letters = a.chars();
                initials[from..].iter().all(|c| letters.any(|l| l == *c))
            });
        if let Some(acronym) = acronym {
            let body = (mention.actor.clone(), MentionKind::Institution);
            memory.names.insert(acronym.to_string(), body);
        }
        // A coded body is named later by a shorter name no dictionary knows: "the Child
        // Support Agency" … "the controversial CSA", by the initials of three or more
        // capitalised words; "Robert Kilroy-Silk's Veritas Party" … "Veritas deputy leader",
        // by its one name before "Party".
        if mention.kind == MentionKind::Institution && mention.actor.code.is_some() {
            let initialled = initials.len() >= 3
                && name_words
                    .iter()
                    .all(|w| is_capitalised(w) || SMALL_WORDS.contains(w));
            let by_initials = initialled.then(|| initials.iter().collect::<String>());
            let by_name = match name_words[..] {
                [name, "Party"] if is_capitalised(name) => Some(name.to_string()),
                _ => None,
            };
            for short in [by_initials, by_name].into_iter().flatten() {
                if self.dictionary.names.longest(&[&short]).is_none() {
                    let body = (mention.actor.clone(), MentionKind::Institution);
                    memory.names.entry(short).or_insert(body);
                }
            }
        }
        match mention.kind {
            MentionKind::Person => {
                let before = mention
                    .first_token
                    .checked_sub(1)
                    .map(|i| Self::word(analysis, i).to_lowercase());
                let first = Self::word(analysis, mention.first_token);
                let feminine = before.as_deref().is_some_and(|w| FEMININE.contains(&w))
                    || FEMININE_TITLES.contains(&first);
                let man = |w: &str| MASCULINE_TITLES.contains(&w) || MASCULINE_WORDS.contains(&w);
                let masculine = before.as_deref().is_some_and(man) || man(first);
                // Else a first name given to women or to men only ("Tessa Jowell").
                let by_first_name = || {
                    let name = mention.actor.name.as_deref()?;
                    let first = name.split_whitespace().next()?;
                    self.dictionary.first_name_feminine(first)
                };
                if feminine != masculine {
                    memory.mark_gender(&mention.actor, feminine);
                } else if let Some(feminine) = by_first_name() {
                    memory.mark_gender(&mention.actor, feminine);
                }
                memory.persons.push(PersonSeen {
                    actor: mention.actor.clone(),
                    sentence: mention.sentence,
                    token: mention.first_token,
                    end: mention.end_token,
                    subject: is_subject(analysis, mention.first_token, mention.end_token),
                    main_subject: is_main_subject(analysis, mention.first_token, mention.end_token),
                    feminine: None,
                });
                if let Some(name) = &mention.actor.name {
                    if let Some(surname) = name
                        .split_whitespace()
                        .last()
                        .filter(|_| name.contains(' '))
                    {
                        // A person nobody knows does not take the surname from one the
                        // document named with a code ("Mrs Howard" after "Michael Howard":
                        // "Mr Howard" is still he).
                        let known_before = memory
                            .names
                            .get(surname)
                            .is_some_and(|(a, _)| a.code.is_some());
                        if mention.actor.code.is_some() || !known_before {
                            memory.names.insert(surname.to_string(), entry.clone());
                        }
                    }
                    // "Sharon Osbourne" … "described by Sharon": a person nobody knows whose
                    // first name is a known person's one-word name is named by it later.
                    if let Some(first_name) = name.split_whitespace().next().filter(|f| {
                        mention.actor.code.is_none()
                            && name.contains(' ')
                            && matches!(
                                self.dictionary.names.longest(&[f]),
                                Some((1, Entry::Person(_)))
                            )
                    }) {
                        memory
                            .names
                            .entry(first_name.to_string())
                            .or_insert_with(|| entry.clone());
                    }
                }
                // A former office holder's title names someone else later ("former police
                // chief X" … "the police").
                let out_of_office = mention.actor.roles.iter().any(|r| r == ELITES);
                for part in parts.iter().filter(|_| !out_of_office) {
                    if let Element::Role(role) = &part.element {
                        if !role.is_empty() {
                            let title = span_text(analysis, part.first, part.end).to_lowercase();
                            memory.roles.insert(title, entry.clone());
                        }
                    }
                }
            }
            MentionKind::Institution => {
                // "… in attacking the party he once wanted to lead": "the party" is the one
                // named last.
                if mention.actor.roles.iter().any(|r| r == "PTY") && !mention.coreferent {
                    memory.roles.insert("party".to_string(), entry.clone());
                }
                let text = span_text(analysis, head.first, head.end);
                if let Some(last) = text
                    .split_whitespace()
                    .last()
                    .filter(|_| text.contains(' '))
                {
                    // Not over a person the document named so ("Minister Lord Roberts" …
                    // "Sion Aubrey Roberts" taken for a body … "Lord Roberts" is still he).
                    let person_named = memory
                        .names
                        .get(last)
                        .is_some_and(|(_, kind)| *kind == MentionKind::Person);
                    if is_capitalised(last)
                        && self.dictionary.names.longest(&[last]).is_none()
                        && !person_named
                    {
                        memory.names.insert(last.to_string(), entry);
                    }
                }
            }
            MentionKind::Group => {
                let head_word = span_text(analysis, head.first, head.end).to_lowercase();
                // "…, the Tory leader said": one person as the subject of a clause, whom a
                // later "he" may mean.
                let subject = is_subject(analysis, mention.first_token, mention.end_token);
                // Not a group no country or name says whose ("police").
                let bare = mention.actor.country.is_none() && mention.actor.name.is_none();
                if subject
                    && !bare
                    && !head_word.ends_with('s')
                    && !BODIES.contains(&head_word.as_str())
                {
                    memory.persons.push(PersonSeen {
                        actor: mention.actor.clone(),
                        sentence: mention.sentence,
                        token: mention.first_token,
                        end: mention.end_token,
                        subject,
                        main_subject: is_main_subject(
                            analysis,
                            mention.first_token,
                            mention.end_token,
                        ),
                        feminine: None,
                    });
                }
                // "a similar offer might be made to the Sri Lankan government": a group
                // named in passing after a preposition, when the document already has a
                // holder of the role, is not who a later bare "the government" is.
                let in_passing = memory.roles.contains_key(&head_word)
                    && analysis.tokens[head.end - 1].deprel.starts_with("obl");
                if !mention.coreferent && !in_passing {
                    memory.roles.insert(head_word, entry);
                }
            }
            MentionKind::Country => {}
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        analysis: &Analysis,
        sentence: usize,
        first: usize,
        end: usize,
        mut actor: Actor,
        kind: MentionKind,
        coreferent: bool,
    ) -> ActorMention {
        actor.start = analysis.tokens[first].start;
        actor.end = analysis.tokens[end - 1].end;
        actor.text = analysis.doc.text[actor.start..actor.end].to_string();
        ActorMention {
            sentence,
            first_token: first,
            end_token: end,
            head_token: end - 1,
            actor,
            kind,
            coreferent,
            possessor_head: None,
        }
    }
}

/// The coded bodies named in the sentence before a pronoun that means one of them, nearest
/// first: for "their" a plural or a coordination ("the Conservatives", "France and Germany"),
/// else a singular ("Syria", "the government"); never a person, nor a place named as where
/// something is ("set up a centre in Tokyo to develop its projections").
fn earlier_bodies<'m>(
    analysis: &'m Analysis,
    site: &'m SentenceSite<'_>,
    earlier: &'m [ActorMention],
    their: bool,
) -> impl Iterator<Item = &'m ActorMention> + 'm {
    let plural = move |m: &ActorMention| {
        let head = m.head_token;
        analysis
            .tokens
            .get(head)
            .is_some_and(|t| matches!(t.xpos.as_str(), "NNS" | "NNPS"))
            || analysis.tokens[site.offset..site.offset + site.words.len()]
                .iter()
                .any(|t| t.deprel == "conj" && t.head.map(|h| h + site.offset) == Some(head))
    };
    earlier
        .iter()
        .rev()
        .filter(|m| m.kind != MentionKind::Person && m.actor.code.is_some())
        .filter(move |m| {
            !m.first_token
                .checked_sub(1)
                .is_some_and(|b| LOCATIVE_CASES.contains(&ActorResolver::word(analysis, b)))
        })
        .filter(move |m| {
            // "the United Nations", "the Netherlands" are one body.
            let one_body = matches!(m.kind, MentionKind::Country | MentionKind::Institution);
            if their {
                plural(m)
            } else {
                one_body || !plural(m)
            }
        })
}

/// The holder of `role` in `country` (of no code when the country is unknown).
fn office(country: Option<String>, role: &str) -> Actor {
    Actor {
        code: country.as_ref().map(|c| format!("{c}{role}")),
        country,
        roles: vec![role.to_string()],
        ..Actor::default()
    }
}

/// Whether `words`, the role words after a possessive pronoun meaning `owner`, are a
/// lawmaker's leaders, who are his party's ("Mr Jackson, who has clashed with his leaders", a
/// Conservative MP), not the government the role word names.
fn leaders_of_lawmaker(words: &str, role: &str, owner: &Actor) -> bool {
    role == GOVERNMENT
        && owner.roles.first().is_some_and(|r| r == LEGISLATURE)
        && ["leader", "leaders"]
            .iter()
            .any(|w| words.eq_ignore_ascii_case(w))
}

/// Gives `actor` the code, country and sectors of `office`, keeping its name and text.
fn take_office(actor: &mut Actor, office: Actor) {
    actor.code = office.code;
    actor.country = office.country;
    actor.roles = office.roles;
}

/// A group named by a role word alone, maybe after adjectives ("masked gunmen", "Islamic
/// militants", "police"): its actor coded by the role alone. Not when a noun says what kind
/// ("market forces", "aid workers").
fn bare_group(
    analysis: &Analysis,
    sentence_offset: usize,
    parts: &[Part],
) -> Option<(Actor, MentionKind, bool)> {
    let (head, modifiers) = parts.split_last()?;
    let Element::Role(role) = &head.element else {
        return None;
    };
    let adjectives_only = modifiers.iter().all(|p| {
        matches!(&p.element, Element::Role(r) if r.is_empty())
            && (p.first..p.end).all(|j| matches!(analysis.tokens[j].upos.as_str(), "ADJ" | "NUM"))
    });
    let last = &analysis.tokens[head.end - 1];
    // "a police station", "rebel leaders": the role word modifies another noun.
    let modifies_a_noun = last.deprel.starts_with("compound");
    // A group is a plural ("gunmen", not "opposition" to a war nor "a priest"), or the police
    // or the military. "People" are anyone; reporters are who a statement was told to.
    let word = span_text(analysis, head.first, head.end).to_lowercase();
    let plural = matches!(last.xpos.as_str(), "NNS" | "NNPS")
        || matches!(word.as_str(), "police" | "military")
        // The followers of a faith: their role words are all plurals, however the tagger
        // reads them ("Hindus").
        || RELIGIONS.contains(&role.as_str())
        || MEMBER_WORDS.contains(&word.as_str());
    let anyone = word.ends_with("people") || POSTED_ROLES.contains(&word.as_str());
    // "its troops", "its peacekeeping forces", "Shona rebels": a possessor or a noun before
    // the mention says whose or which, and the phrase is no bare group.
    let first = parts[0].first;
    let head_in_sentence = head.end - 1 - sentence_offset;
    let qualified = (sentence_offset..first).any(|j| {
        let t = &analysis.tokens[j];
        t.head == Some(head_in_sentence)
            && (matches!(t.upos.as_str(), "NOUN" | "PROPN" | "PRON")
                || matches!(t.deprel.as_str(), "compound" | "nmod:poss"))
    });
    // "the big parties", "all the main parties": a country's parties, by a word that says
    // they are its political ones (not "both parties" to a deal).
    let parties = role == PARTY
        && word == "parties"
        && modifiers.iter().any(|p| {
            let modifier = span_text(analysis, p.first, p.end).to_lowercase();
            PARTY_MODIFIERS.contains(&modifier.as_str())
        });
    let group_role =
        GROUP_ROLES.contains(&role.as_str()) || RELIGIONS.contains(&role.as_str()) || parties;
    if !group_role || !adjectives_only || modifies_a_noun || !plural || anyone || qualified {
        return None;
    }
    let actor = Actor {
        code: Some(role.clone()),
        roles: vec![role.clone()],
        ..Actor::default()
    };
    Some((actor, MentionKind::Group, false))
}

/// Drops a trailing possessive and whatever cannot end a phrase.
fn trim_parts(mut parts: Vec<Part>) -> Vec<Part> {
    while matches!(parts.last().map(|p| &p.element), Some(Element::Possessive)) {
        parts.pop();
    }
    // "Trump's announcement": the possessor alone is the mention.
    if let Some(pos) = parts
        .iter()
        .position(|p| matches!(p.element, Element::Possessive))
    {
        let after_is_actor = parts[pos + 1..]
            .iter()
            .any(|p| !matches!(p.element, Element::Role(ref r) if r.is_empty()));
        if !after_is_actor {
            parts.truncate(pos);
        }
    }
    while matches!(parts.last().map(|p| &p.element), Some(Element::Role(r)) if r.is_empty()) {
        parts.pop();
    }
    parts
}

fn span_text(analysis: &Analysis, first: usize, end: usize) -> &str {
    let start = analysis.tokens[first].start;
    let stop = analysis.tokens[end - 1].end;
    &analysis.doc.text[start..stop]
}

/// Last words of the names of documents ("the Kyoto Protocol"), which are no actors.
const DOCUMENTS: &[&str] = &[
    "Act",
    "Bill",
    "Directive",
    "Protocol",
    "Treaty",
    "Convention",
    "Declaration",
    "Accord",
    "Accords",
    "Charter",
];

/// Prepositions that put a place's name where something is or happens.
const LOCATIVE_CASES: &[&str] = &["in", "at", "near", "inside", "outside", "across"];

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_name_word(word: &str) -> bool {
    is_capitalised(word)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '-' || c == '\'')
}

/// For each token of the sentence, whether it stands inside quotation marks (straight marks
/// open and close in turn; curly ones say which they do).
/// The speakers of the direct quotations around byte `at`.
fn quote_speakers_around(analysis: &Analysis, at: usize) -> Vec<&Actor> {
    analysis
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct && q.start <= at && at < q.end)
        .filter_map(|q| q.speaker.as_ref())
        .collect()
}

fn quoted_tokens(words: &[&str]) -> Vec<bool> {
    let mut open = false;
    words
        .iter()
        .map(|w| {
            let was = open;
            match *w {
                "\"" => open = !open,
                "\u{201c}" => open = true,
                "\u{201d}" => open = false,
                _ => {}
            }
            // A mark belongs to the quotation it opens or closes.
            was || open
        })
        .collect()
}

/// Whether a word of tokens `first..end` is the subject of its clause (as parsed; `false`
/// before parsing).
/// The subject of the clause whose object the pronoun at token `i` is (sentence tokens
/// `offset..end`): its verb's subject, or for an adverbial participle or a conjunct with none,
/// that of the verb it hangs from ("Sturgeon wrote to Mr McConnell accusing him and calling
/// for him to apologise": Sturgeon). Not through an infinitive complement: in "asked them to
/// help him", the helpers are "them".
fn clause_subject(analysis: &Analysis, offset: usize, end: usize, i: usize) -> Option<usize> {
    let tokens = &analysis.tokens[offset..end];
    let pronoun = &tokens[i - offset];
    if !matches!(pronoun.deprel.as_str(), "obj" | "iobj" | "obl") {
        return None;
    }
    subject_up_from(tokens, pronoun.head?).map(|k| offset + k)
}

/// Verbs of welcoming or praising what someone else did ("welcomed his return", "praised
/// his handling of the economy").
const WELCOMING_VERBS: &[&str] = &[
    "welcome",
    "praise",
    "hail",
    "applaud",
    "commend",
    "congratulate",
];

/// The first token of the subject of a verb of welcoming whose object the possessive
/// pronoun at token `i` (sentence tokens `offset..end`) owns, when that object is a thing
/// done, no person (`is_role` tells role words) and not "his own": one welcomes another's
/// "return" or "apology", not one's own, but "praised his chancellor" is the subject's.
fn welcomer_of_the_thing(
    analysis: &Analysis,
    offset: usize,
    end: usize,
    i: usize,
    is_role: impl Fn(&str) -> bool,
) -> Option<usize> {
    let tokens = &analysis.tokens[offset..end];
    let pronoun = &tokens[i - offset];
    if pronoun.deprel != "nmod:poss" || pronoun.xpos != "PRP$" {
        return None;
    }
    let noun = pronoun.head?;
    let thing = &tokens[noun];
    let verb = thing.head?;
    let own = tokens
        .iter()
        .any(|t| t.head == Some(noun) && t.lemma.eq_ignore_ascii_case("own"));
    let welcoming = WELCOMING_VERBS
        .iter()
        .any(|v| tokens[verb].lemma.eq_ignore_ascii_case(v));
    if thing.deprel != "obj" || thing.upos != "NOUN" || own || !welcoming {
        return None;
    }
    if is_role(&thing.lemma) || is_role(analysis.token_text(thing)) {
        return None;
    }
    subject_up_from(tokens, verb).map(|k| offset + k)
}

/// The active subject of `verb`, or of the verb a conjunct or adverbial clause of its own
/// without one hangs from ("insisted … and praised his handling").
fn subject_up_from(tokens: &[dyad_types::Token], mut verb: usize) -> Option<usize> {
    for _ in 0..4 {
        if let Some(k) = active_subject(tokens, verb) {
            return Some(k);
        }
        if !matches!(tokens[verb].deprel.as_str(), "advcl" | "conj") {
            return None;
        }
        verb = tokens[verb].head?;
    }
    None
}

/// The subject of the verb of saying the quoted word at token `i` (sentence tokens
/// `offset..end`) is said under, climbing the parse: its first token.
fn quote_reporter(analysis: &Analysis, offset: usize, end: usize, i: usize) -> Option<usize> {
    let tokens = &analysis.tokens[offset..end];
    let mut at = tokens[i - offset].head?;
    for _ in 0..tokens.len() {
        let word = ActorResolver::word(analysis, offset + at);
        if REPORTING_AFTER.iter().any(|r| r.eq_ignore_ascii_case(word)) {
            return active_subject(tokens, at).map(|k| offset + k);
        }
        at = tokens[at].head.filter(|&h| h != at)?;
    }
    None
}

/// Whether the document named `surname` before token `i` with a title of the other sex than
/// `title` ("Mr Howard" before "Mrs Howard").
fn named_with_other_gender(analysis: &Analysis, i: usize, title: &str, surname: &str) -> bool {
    let feminine = |w: &str| FEMININE_TITLES.contains(&w);
    let masculine = |w: &str| MASCULINE_TITLES.contains(&w);
    if !feminine(title) && !masculine(title) {
        return false;
    }
    let word = |j: usize| ActorResolver::word(analysis, j);
    (1..i).any(|k| {
        word(k) == surname && {
            let before = word(k - 1);
            (feminine(title) && masculine(before)) || (masculine(title) && feminine(before))
        }
    })
}

/// Words that open a conditional or temporal clause.
const CONDITIONS: &[&str] = &[
    "if", "unless", "when", "whenever", "once", "until", "till", "before", "after", "while",
];

/// When the pronoun at token `i` (sentence tokens `offset..end`) is the subject of a clause
/// that a condition or time word opens ("if he refused"), or of a clause reported by a verb
/// other than the sentence's main one, the subject of the verb that clause hangs from ("Mr
/// Blair would be running scared"): its first token.
fn host_subject(analysis: &Analysis, offset: usize, end: usize, i: usize) -> Option<usize> {
    let tokens = &analysis.tokens[offset..end];
    let pronoun = &tokens[i - offset];
    if pronoun.deprel != "nsubj" {
        return None;
    }
    let verb = pronoun.head?;
    let opened = tokens.iter().any(|t| {
        t.head == Some(verb)
            && t.deprel == "mark"
            && CONDITIONS.iter().any(|c| t.lemma.eq_ignore_ascii_case(c))
    });
    // "Mr Howard said Mr Blunkett had complained he had inherited a giant mess": the subject
    // of a clause reported by a verb below the main one is, first, that verb's subject.
    let reported = tokens[verb].deprel == "ccomp"
        && tokens[verb]
            .head
            .is_some_and(|h| tokens[h].upos == "VERB" && tokens[h].deprel != "root");
    if !(tokens[verb].deprel == "advcl" && opened || reported) {
        return None;
    }
    active_subject(tokens, tokens[verb].head?).map(|k| offset + k)
}

/// The word that is the active subject (`nsubj`) of word `verb` among `tokens`.
fn active_subject(tokens: &[dyad_types::Token], verb: usize) -> Option<usize> {
    (0..tokens.len()).find(|&k| tokens[k].head == Some(verb) && tokens[k].deprel == "nsubj")
}

fn is_subject(analysis: &Analysis, first: usize, end: usize) -> bool {
    analysis.tokens[first..end]
        .iter()
        .any(|t| t.deprel.starts_with("nsubj"))
}

/// Whether the mention `first..end` is the subject of its sentence's main clause (of the
/// root or of a verb coordinated with it), not of a subordinate one ("after Mr Brown had
/// delivered …, Mr Kennedy acknowledged": Kennedy).
fn is_main_subject(analysis: &Analysis, first: usize, end: usize) -> bool {
    let offset = sentence_offset(analysis, first);
    let deprel_of = |h: Option<usize>| {
        h.and_then(|h| analysis.tokens.get(offset + h))
            .map(|t| (t.deprel.as_str(), t.head))
    };
    analysis.tokens[first..end].iter().any(|t| {
        t.deprel.starts_with("nsubj")
            && match deprel_of(t.head) {
                Some(("root", _)) => true,
                Some(("conj", up)) => matches!(deprel_of(up), Some(("root", _))),
                _ => false,
            }
    })
}

/// The index of the first token of the sentence holding token `i` (sentences are in text
/// order: a binary search, as it runs for every mention).
fn sentence_offset(analysis: &Analysis, i: usize) -> usize {
    let after = analysis.sentences.partition_point(|s| s.first_token <= i);
    after
        .checked_sub(1)
        .map(|k| &analysis.sentences[k])
        .filter(|s| i < s.last_token)
        .map_or(0, |s| s.first_token)
}

/// Whether the name starting at token `i` is a person's: after a title, or recognised as a
/// person.
fn names_a_person(analysis: &Analysis, i: usize) -> bool {
    HONORIFICS.contains(&analysis.token_text(&analysis.tokens[i]))
        || (i > 0 && HONORIFICS.contains(&analysis.token_text(&analysis.tokens[i - 1])))
        || entity_at(analysis, i, &[EntityType::Person]).is_some()
}

/// Whether the tagger (if it ran) allows token `i` to modify a noun.
fn modifier_tag(analysis: &Analysis, i: usize) -> bool {
    matches!(
        analysis.tokens[i].upos.as_str(),
        "" | "ADJ" | "NOUN" | "PROPN" | "NUM"
    )
}

fn is_adjective_like(word: &str) -> bool {
    word.chars().all(|c| c.is_lowercase() || c == '-') && !word.is_empty()
}

/// The entity of one of `kinds` the recogniser found starting at token `i`, if any.
fn entity_at<'a>(
    analysis: &'a Analysis,
    i: usize,
    kinds: &[EntityType],
) -> Option<&'a dyad_types::Entity> {
    let start = analysis.tokens[i].start;
    analysis
        .entities
        .iter()
        .find(|e| e.start == start && kinds.contains(&e.kind))
}

/// How many tokens from token `from` (up to `limit`) end by byte `end`.
fn words_within(analysis: &Analysis, from: usize, limit: usize, end: usize) -> usize {
    (from..limit)
        .take_while(|&j| analysis.tokens[j].end <= end)
        .count()
}

/// The length in tokens of a PERSON/ORG/GPE/NORP entity starting at token `i`, if any.
fn entity_length(analysis: &Analysis, i: usize, limit: usize) -> Option<usize> {
    let entity = entity_at(analysis, i, &[EntityType::Person, EntityType::Org])?;
    let mut n = words_within(analysis, i, limit, entity.end);
    // A double-barrelled name the recogniser cut at its hyphen ("Robert Kilroy-Silk",
    // "Mr Betts-Green"): the hyphen and the capitalised word written against it belong to it.
    while n > 0 && i + n + 1 < limit && hyphen_joins_a_name(analysis, i + n) {
        n += 2;
    }
    (n > 0).then_some(n)
}

/// Whether a known person's one-word form at token `i` (`n` words, `entry`) ends the name of
/// someone nobody knows that `parts` has begun.
fn surname_of_other(parts: &[Part], i: usize, n: usize, entry: &Entry) -> bool {
    n == 1
        && matches!(entry, Entry::Person(_))
        && parts
            .last()
            .is_some_and(|p| p.end == i && matches!(p.element, Element::UnknownName))
}

/// Adjectives that only follow a verb ("make sure troops could be defended", "are likely
/// officials …"): never a modifier of a role word after them.
const PREDICATIVE_ADJECTIVES: &[&str] = &[
    "sure",
    "aware",
    "unaware",
    "afraid",
    "able",
    "unable",
    "likely",
    "unlikely",
    "ready",
    "keen",
    "glad",
    "due",
    "willing",
    "unwilling",
    "reluctant",
    "eager",
];

/// Nouns of an attack that a capital's name before them places ("the London bombings").
const ATTACK_NOUNS: &[&str] = &[
    "bombing",
    "bombings",
    "bomb",
    "bombs",
    "blast",
    "blasts",
    "attack",
    "attacks",
    "explosion",
    "explosions",
    "massacre",
    "riot",
    "riots",
    "shooting",
    "shootings",
];

/// Nouns a country's name before them names the topic of ("the Iraq war").
const WAR_NOUNS: &[&str] = &["war", "wars", "conflict"];

/// Whether `mention` is a country's name right before a war noun ("the Iraq war", "the
/// Falklands conflict"), not an actor of the sentence.
fn names_a_war(analysis: &Analysis, mention: &ActorMention) -> bool {
    mention.kind == MentionKind::Country
        && analysis
            .tokens
            .get(mention.end_token)
            .is_some_and(|t| WAR_NOUNS.contains(&analysis.token_text(t)))
}

/// Words that make the name hyphened before them a modifier ("Bush-style", "Blair-era").
const STYLE_SUFFIXES: &[&str] = &["style", "like", "type", "esque", "era", "inspired"];

/// Whether the words from `end` are a hyphen and a style word joined to the name before them
/// ("George Bush-style tax cutting").
fn style_modifier(analysis: &Analysis, end: usize) -> bool {
    end > 0
        && end + 1 < analysis.tokens.len()
        && hyphen_joined(analysis, end)
        && STYLE_SUFFIXES.iter().any(|s| {
            analysis
                .token_text(&analysis.tokens[end + 1])
                .eq_ignore_ascii_case(s)
        })
}

/// Whether token `hyphen` is a hyphen written against the words on both sides, the one after
/// it a name: the cut of a double-barrelled name ("Kilroy-Silk", split by the segmenter).
fn hyphen_joins_a_name(analysis: &Analysis, hyphen: usize) -> bool {
    hyphen_joined(analysis, hyphen)
        && is_name_word(analysis.token_text(&analysis.tokens[hyphen + 1]))
}

/// Whether token `hyphen` (with a token on each side) is a hyphen written against the words
/// on both sides.
fn hyphen_joined(analysis: &Analysis, hyphen: usize) -> bool {
    let [before, mid, after] = [hyphen - 1, hyphen, hyphen + 1].map(|j| &analysis.tokens[j]);
    before.end == mid.start && mid.end == after.start && analysis.token_text(mid) == "-"
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_types::{Document, Sentence, Token};

    /// An analysis of `text`, split on spaces, each line one sentence.
    fn analysis(text: &str, published: Option<&str>) -> Analysis {
        let mut a = Analysis::new(Document {
            text: text.to_string(),
            published: published.map(str::to_string),
            ..Document::default()
        });
        let mut offset = 0;
        for line in text.split('\n') {
            let first = a.tokens.len();
            let mut pos = offset;
            for word in line.split(' ') {
                a.tokens.push(Token::new(pos, pos + word.len()));
                pos += word.len() + 1;
            }
            a.sentences.push(Sentence {
                start: offset,
                end: offset + line.len(),
                first_token: first,
                last_token: a.tokens.len(),
            });
            offset += line.len() + 1;
        }
        a
    }

    fn resolver(generated: &str) -> ActorResolver {
        let mut dictionary = Dictionary::curated();
        dictionary
            .add_generated_people(generated, "test.tsv")
            .unwrap();
        ActorResolver { dictionary }
    }

    const GENERATED: &str = "Alan Milburn\tAlan Milburn MP\tGBR\tGOV\t1999-10-11\t2003-06-13\n\
        Alan Milburn\t\tGBR\t\t\t\n\
        Hilary Benn\t\tGBR\tGOV\t2003-05-12\t2007-06-28\n\
        Hilary Benn\t\tGBR\t\t\t\n\
        John Howard\t\tAUS\tGOV\t1996-03-11\t2007-12-03\n\
        Alan Johnson\t\tGBR\tGOV\t2003-06-13\t2010-05-11\n\
        Boris Johnson\t\tGBR\tLEG\t2001-06-07\t2008-06-04\n\
        Tony Blair\t\tFRA\tMIL\t\t\n";

    /// The text and code of each mention `r` resolves in `a`, an undated analysis.
    fn resolved_codes(r: &ActorResolver, a: &Analysis) -> Vec<(String, Option<String>)> {
        r.resolve(a, None)
            .into_iter()
            .map(|m| (m.actor.text, m.actor.code))
            .collect()
    }

    /// Asserts that each (text, code) pair is among the mentions `found`.
    fn assert_coded(found: &[(String, Option<String>)], expected: &[(&str, &str)]) {
        for (text, code) in expected {
            assert!(
                found
                    .iter()
                    .any(|(t, c)| t == text && c.as_deref() == Some(*code)),
                "{text}: {found:?}"
            );
        }
    }

    fn codes(r: &ActorResolver, text: &str, date: Option<&str>) -> Vec<(String, Option<String>)> {
        let a = analysis(text, date);
        r.resolve(&a, date)
            .into_iter()
            .map(|m| (m.actor.text, m.actor.code))
            .collect()
    }

    #[test]
    fn an_undated_title_naming_an_office_the_person_held_is_that_office() {
        let r = resolver(GENERATED);
        let titled = "Metropolitan Police Commissioner Sir John Stevens backed it .";
        assert_eq!(last_code(&codes(&r, titled, None)), Some("GBRCOP"));
        // No title: the last office known; a date: the office held on the day.
        let bare = "Sir John Stevens backed it .";
        assert_eq!(last_code(&codes(&r, bare, None)), Some("GBRELI"));
        assert_eq!(
            last_code(&codes(&r, titled, Some("2006-01-01"))),
            Some("GBRELI")
        );
    }

    #[test]
    fn an_office_the_document_gave_a_known_person_names_them_later() {
        let r = resolver(GENERATED);
        let text = "Former health secretary Alan Milburn spoke .\nAlan Milburn said .";
        let later = |date| {
            let found = codes(&r, text, date);
            assert_eq!(found.len(), 2, "{found:?}");
            found[1].1.clone()
        };
        // Out of office on the day, or the document has no date: the document's own words.
        assert_eq!(later(Some("2005-03-01")).as_deref(), Some("GBRELI"));
        assert_eq!(later(None).as_deref(), Some("GBRELI"));
        // In office on the day: the dated office.
        assert_eq!(later(Some("2001-03-01")).as_deref(), Some("GBRGOV"));
        // Nothing learned: the last office known.
        let found = codes(&r, "Alan Milburn said .", None);
        assert_eq!(found[0].1.as_deref(), Some("GBRGOV"), "{found:?}");
    }

    #[test]
    fn a_state_named_after_another_country_is_its_own_countrys() {
        let r = resolver(GENERATED);
        let found = codes(
            &r,
            "A New South Wales court ruled . The New Mexico governor spoke . Wales voted .",
            None,
        );
        let code = |text: &str| {
            found
                .iter()
                .find(|(t, _)| t.contains(text))
                .and_then(|(_, c)| c.clone())
        };
        assert_eq!(code("South Wales").as_deref(), Some("AUSJUD"), "{found:?}");
        assert_eq!(code("Mexico").as_deref(), Some("USAGOV"), "{found:?}");
        assert!(
            found
                .iter()
                .any(|(t, c)| t == "Wales" && c.as_deref() == Some("GBR")),
            "{found:?}"
        );
    }

    #[test]
    fn devolved_governments_and_assemblies_are_the_uks() {
        let r = resolver(GENERATED);
        let found = codes(
            &r,
            "The Scottish Executive agreed . Holyrood voted . The Welsh Assembly met .",
            None,
        );
        let code = |text: &str| {
            found
                .iter()
                .find(|(t, _)| t == text)
                .and_then(|(_, c)| c.clone())
        };
        assert_eq!(
            code("Scottish Executive").as_deref(),
            Some("GBRGOV"),
            "{found:?}"
        );
        assert_eq!(code("Holyrood").as_deref(), Some("GBRLEG"), "{found:?}");
        assert_eq!(
            code("Welsh Assembly").as_deref(),
            Some("GBRLEG"),
            "{found:?}"
        );
    }

    #[test]
    fn the_uks_armed_groups_courts_and_services_have_their_sectors() {
        let r = resolver(GENERATED);
        let found = codes(
            &r,
            "The IRA agreed . The Law Lords ruled . The NHS spoke . Scotland Yard said .",
            None,
        );
        assert_coded(
            &found,
            &[
                ("IRA", "GBRREB"),
                ("Law Lords", "GBRJUD"),
                ("NHS", "GBRHLH"),
                ("Scotland Yard", "GBRCOP"),
            ],
        );
    }

    #[test]
    fn a_relative_named_by_a_first_name_is_not_the_known_person_of_that_surname() {
        let r = resolver(GENERATED);
        let code_of_sharon = |text: &str| {
            codes(&r, text, None)
                .into_iter()
                .find(|(t, _)| t == "Sharon")
                .and_then(|(_, c)| c)
        };
        assert_eq!(code_of_sharon("Sharon met Abbas ."), Some("ISRGOV".into()));
        assert_eq!(code_of_sharon("Osbourne and his wife Sharon spoke ."), None);
        // A word before that is no relative: the known person.
        assert_eq!(
            code_of_sharon("Abbas and then Sharon spoke ."),
            Some("ISRGOV".into())
        );
        // A relative named by a surname that is no first name is the known person.
        let husband = codes(&r, "Lyudmila and her husband Putin spoke .", None);
        assert!(
            husband
                .iter()
                .any(|(t, c)| t == "Putin" && c.as_deref().is_some_and(|c| c.starts_with("RUS"))),
            "{husband:?}"
        );
    }

    #[test]
    fn a_countrys_banks_airlines_and_companies_are_its_business_and_its_central_bank_its_government(
    ) {
        let r = resolver(GENERATED);
        let found = codes(
            &r,
            "German airline Lufthansa sued . Two Japanese companies agreed . Malaysia 's central bank acted . The Bank of Japan spoke .",
            None,
        );
        assert_coded(
            &found,
            &[
                ("German airline Lufthansa", "DEUBUS"),
                ("Japanese companies", "JPNBUS"),
                ("Malaysia 's central bank", "MYSGOV"),
                ("Bank of Japan", "JPNGOV"),
            ],
        );
    }

    #[test]
    fn a_country_named_before_another_countrys_institution_is_its_owner() {
        let r = resolver(GENERATED);
        let found = codes(
            &r,
            "The British Navy helped . The Pakistani Supreme Court ruled . The Navy sailed .",
            None,
        );
        assert_coded(
            &found,
            &[
                ("British Navy", "GBRMIL"),
                ("Pakistani Supreme Court", "PAKJUD"),
                ("Navy", "USAMIL"),
            ],
        );
    }

    #[test]
    fn an_acronym_the_dictionaries_know_is_not_learned_again() {
        let r = resolver(GENERATED);
        let text = "the UK Independence Party ( UKIP ) spoke .\nUKIP 's branch chairman resigned .";
        let found = codes(&r, text, None);
        assert_eq!(last_code(&found), Some("GBRPTY"), "{found:?}");
    }

    #[test]
    fn a_legislators_title_in_the_text_outranks_a_government_office() {
        let r = resolver(GENERATED);
        let found = codes(&r, "senator Alan Milburn spoke", Some("2001-03-01"));
        assert_eq!(found[0].1.as_deref(), Some("GBRLEG"), "{found:?}");
        // A title of government keeps the office's code.
        let found = codes(&r, "minister Alan Milburn spoke", Some("2001-03-01"));
        assert_eq!(found[0].1.as_deref(), Some("GBRGOV"), "{found:?}");
    }

    #[test]
    fn the_government_named_nowhere_before_is_that_of_the_main_country() {
        let r = resolver("");
        let text = "Britain and Britain and France spoke .\nThe government refused .";
        let found = codes(&r, text, Some("2005-03-01"));
        let government = found.iter().find(|(t, _)| t == "government");
        assert_eq!(
            government.and_then(|g| g.1.as_deref()),
            Some("GBRGOV"),
            "{found:?}"
        );
        // With no country named, nobody; an indefinite "a government", nobody either.
        let found = codes(&r, "The government refused .", Some("2005-03-01"));
        assert!(found.iter().all(|(_, code)| code.is_none()), "{found:?}");
        let found = codes(
            &r,
            "Britain spoke .\nA government refused .",
            Some("2005-03-01"),
        );
        assert!(found.iter().all(|(t, _)| t != "government"), "{found:?}");
        let text = "Britain spoke .\nThe prime minister refused .";
        let found = codes(&r, text, Some("2005-03-01"));
        assert_eq!(last_code(&found), Some("GBRGOV"), "{found:?}");
    }

    #[test]
    fn the_information_commissioner_named_nowhere_before_is_the_main_countrys() {
        let r = resolver("");
        let text = "Britain and Britain spoke .\nThe information commissioner refused .";
        let found = codes(&r, text, Some("2005-03-01"));
        assert_eq!(last_code(&found), Some("GBRGOV"), "{found:?}");
    }

    #[test]
    fn the_prime_minister_of_a_story_mostly_about_a_presidential_republic_is_anothers() {
        let r = resolver("");
        let text = "America and America and America spoke .\nBritain spoke .\nThe prime minister refused .";
        let found = codes(&r, text, Some("2005-03-01"));
        assert_eq!(last_code(&found), Some("GBRGOV"), "{found:?}");
    }

    #[test]
    fn a_mrs_is_not_the_man_of_her_surname_and_the_mr_still_is() {
        let r = resolver("");
        let text = "Britain and Britain spoke .\nConservative leader Michael Howard spoke .\nMrs Howard spoke .\nMr Howard spoke .";
        let found = codes(&r, text, Some("2005-03-01"));
        let code = |text: &str| {
            found
                .iter()
                .find(|(t, _)| t == text)
                .map(|(_, c)| c.clone())
        };
        assert_eq!(code("Mrs Howard"), Some(None), "{found:?}");
        assert!(
            code("Mr Howard").is_some_and(|c| c.is_some_and(|c| c.starts_with("GBR"))),
            "{found:?}"
        );
    }

    #[test]
    fn a_womans_first_name_keeps_her_from_he() {
        let r = resolver("");
        let text = "Britain and Britain spoke .\nFormer Home Secretary David Blunkett spoke .\nCulture Secretary Tessa Jowell said he would return .";
        let found = codes(&r, text, Some("2005-03-01"));
        assert_eq!(last_code(&found), Some("GBRELI"), "{found:?}");
    }

    #[test]
    fn a_title_beginning_with_a_bodys_name_is_the_title() {
        let r = resolver("");
        let text = "Britain and Britain spoke .\nCommons leader Peter Hain spoke .";
        let found = codes(&r, text, Some("2005-03-01"));
        assert_eq!(last_code(&found), Some("GBRGOV"), "{found:?}");
    }

    #[test]
    fn the_premier_is_whoever_was_named_prime_minister() {
        let r = resolver("");
        let text =
            "Britain and Britain spoke .\nChinese Prime Minister Wen spoke .\nThe premier refused .";
        let found = codes(&r, text, Some("2005-03-01"));
        assert_eq!(
            found.last().map(|m| (m.0.as_str(), m.1.as_deref())),
            Some(("premier", Some("CHNGOV"))),
            "{found:?}"
        );
    }

    #[test]
    fn a_former_office_holder_is_one_of_the_elites() {
        let r = resolver(GENERATED);
        for text in [
            "former Conservative leader Alan Milburn spoke",
            "ex - Conservative chancellor Alan Milburn spoke",
            "ex-Conservative chancellor Alan Milburn spoke",
            "the former chancellor Alan Milburn spoke",
            "said former Conservative chancellor Alan Milburn",
            "ex-health secretary Alan Milburn spoke",
        ] {
            let found = codes(&r, text, Some("2001-03-01"));
            let milburn = found.iter().find(|(t, _)| t.ends_with("Alan Milburn"));
            assert_eq!(
                milburn.and_then(|m| m.1.as_deref()),
                Some("GBRELI"),
                "{text}: {found:?}"
            );
        }
        let found = codes(
            &r,
            "Conservative leader Alan Milburn spoke",
            Some("2001-03-01"),
        );
        assert_ne!(found[0].1.as_deref(), Some("GBRELI"), "{found:?}");
        // "Former" speaks for both titles it coordinates.
        let found = codes(
            &r,
            "Britain voted .\nThe former UN commissioner for human rights and British prime minister spoke .",
            Some("2001-03-01"),
        );
        assert_eq!(last_code(&found), Some("GBRELI"), "{found:?}");
        // A member who left a party keeps the seat: not out of office.
        let found = codes(
            &r,
            "Britain voted .\nEx-Labour MP Ken Lorimer spoke .",
            Some("2001-03-01"),
        );
        assert_eq!(last_code(&found), Some("GBRLEG"), "{found:?}");
        // A former job that is no office leaves the office.
        for text in [
            "ex-chatshow host Alan Milburn spoke",
            "former footballer Alan Milburn spoke",
        ] {
            let found = codes(&r, text, Some("2001-03-01"));
            assert_eq!(last_code(&found), Some("GBRGOV"), "{text}: {found:?}");
        }
        // The former chancellor's title does not name the chancellor of later sentences.
        let text =
            "Britain spoke .\nformer chancellor Alan Milburn spoke .\nThe chancellor spoke .";
        let found = codes(&r, text, Some("2001-03-01"));
        let mut later = found.iter().filter(|(t, _)| t == "chancellor");
        assert!(later.all(|m| m.1.as_deref() != Some("GBRELI")), "{found:?}");
        // An office holder the text does not name.
        let text = "Britain spoke .\nA former Home Office minister spoke .\nThe Home Office minister spoke .";
        let found = codes(&r, text, Some("2001-03-01"));
        let ministers: Vec<_> = found
            .iter()
            .filter(|(t, _)| t.ends_with("minister"))
            .map(|m| m.1.as_deref())
            .collect();
        assert_eq!(ministers, [Some("GBRELI"), Some("GBRGOV")], "{found:?}");
    }

    #[test]
    fn a_partys_president_speaks_for_the_party() {
        let r = resolver("");
        let found = codes(&r, "Lib Dem president Sam Hewer spoke", Some("2005-03-01"));
        assert_eq!(found[0].1.as_deref(), Some("GBRPTY"), "{found:?}");
        let found = codes(
            &r,
            "French president Jacques Chirac spoke",
            Some("2005-03-01"),
        );
        assert_eq!(found[0].1.as_deref(), Some("FRAGOV"), "{found:?}");
    }

    #[test]
    fn a_generated_person_holds_an_office_only_in_its_dates() {
        let r = resolver(GENERATED);
        let found = codes(&r, "Alan Milburn spoke", Some("2001-03-01"));
        assert_eq!(found, [("Alan Milburn".into(), Some("GBRGOV".into()))]);
        let found = codes(&r, "ALAN MILBURN MP spoke", Some("2001-03-01"));
        assert_eq!(found, [("ALAN MILBURN MP".into(), Some("GBRGOV".into()))]);
        // Outside the dates: the country alone.
        let found = codes(&r, "Alan Milburn spoke", Some("2005-03-01"));
        assert_eq!(found, [("Alan Milburn".into(), Some("GBR".into()))]);
        // Upper-case in the text is not required, but capitals are.
        assert!(codes(&r, "alan milburn spoke", Some("2001-03-01")).is_empty());
    }

    /// Marks `name` (a run of whole words of `a`'s text) as a person, as the recogniser would.
    fn recognise_person(a: &mut Analysis, name: &str) {
        let start = a.doc.text.find(name).expect("the name is in the text");
        recognise_person_at(a, start, name);
    }

    /// Marks `name` at byte `start` as a person the recogniser found.
    fn recognise_person_at(a: &mut Analysis, start: usize, name: &str) {
        recognise_at(a, start, name, EntityType::Person);
    }

    /// Marks the first `name` in the text as an organisation the recogniser found.
    fn recognise_org(a: &mut Analysis, name: &str) {
        let start = a.doc.text.find(name).expect("the name is in the text");
        recognise_at(a, start, name, EntityType::Org);
    }

    /// Marks `name` at byte `start` as an entity of `kind` the recogniser found.
    fn recognise_at(a: &mut Analysis, start: usize, name: &str, kind: EntityType) {
        a.entities.push(dyad_types::Entity {
            start,
            end: start + name.len(),
            text: name.to_string(),
            kind,
            actor: None,
        });
    }

    #[test]
    fn a_pronoun_refers_to_the_first_person_of_the_nearest_sentence_naming_one() {
        let r = resolver(GENERATED);
        // Not "Mr Blunkett", the last person named before "He".
        let text = "The British government spoke .\n\
            Shadow home secretary David Davis attacked Mr Blunkett .\n\
            He said so .";
        let found = codes(&r, text, Some("2004-06-01"));
        assert_eq!(
            found[1],
            (
                "Shadow home secretary David Davis".into(),
                Some("GBROPP".into())
            )
        );
        assert_eq!(found.last(), Some(&("He".into(), Some("GBROPP".into()))));
        // Within its own sentence, the person named before it.
        let found = codes(&r, "Mr Blunkett said he would go", Some("2004-06-01"));
        assert_eq!(found[1], ("he".into(), found[0].1.clone()));
    }

    #[test]
    fn a_pronoun_after_a_quotation_is_not_someone_named_inside_it() {
        let r = resolver(GENERATED);
        let text = "Shadow foreign secretary Alan Johnson spoke .\n\
            \" Mr Milburn is wrong , \" he said .";
        let found = codes(&r, text, Some("2005-03-01"));
        let he = found.iter().find(|(t, _)| t == "he").unwrap();
        assert_eq!(he.1.as_deref(), Some("GBROPP"), "{found:?}");
    }

    #[test]
    fn a_pronoun_demanding_after_a_question_is_not_someone_named_in_it() {
        let r = resolver(GENERATED);
        let text = "Prime Minister Tony Blair spoke .\n\
            Tory leader Michael Howard spoke .\n\
            Why will the prime minister not take up the offer , he demanded .";
        let found = codes(&r, text, Some("2005-03-01"));
        let he = found.iter().find(|(t, _)| t == "he").unwrap();
        assert_eq!(he.1, found[1].1, "{found:?}");
    }

    #[test]
    fn an_unknown_person_is_a_person_that_pronouns_can_refer_to() {
        let r = resolver(GENERATED);
        let text = "Alan Milburn spoke .\n\
            Amanda Champion met James Ford after her talk and he left .";
        let mut a = analysis(text, Some("2001-03-01"));
        recognise_person(&mut a, "Amanda Champion");
        recognise_person(&mut a, "James Ford");
        let found: Vec<(String, Option<String>, MentionKind)> = r
            .resolve(&a, Some("2001-03-01"))
            .into_iter()
            .map(|m| (m.actor.text, m.actor.name.and(m.actor.code), m.kind))
            .collect();
        // Neither refers back to Alan Milburn (GBRGOV); "her" makes Amanda Champion a
        // woman, so "he" is James Ford.
        assert_eq!(found[1].2, MentionKind::Person);
        let her = found.iter().find(|f| f.0 == "her").unwrap();
        let he = found.iter().find(|f| f.0 == "he").unwrap();
        assert_eq!((&her.1, &he.1), (&None, &None));
        let mentions = r.resolve(&a, Some("2001-03-01"));
        let name_of = |text: &str| {
            mentions
                .iter()
                .find(|m| m.actor.text == text)
                .and_then(|m| m.actor.name.clone())
        };
        assert_eq!(name_of("her").as_deref(), Some("Amanda Champion"));
        assert_eq!(name_of("he").as_deref(), Some("James Ford"));
    }

    #[test]
    fn a_person_speaking_for_a_known_institution_in_apposition_is_its_voice() {
        let r = resolver(GENERATED);
        // The codes of `person` and of James Ford in `text`.
        let codes_of = |text: &str, person: &str| {
            let mut a = analysis(text, None);
            recognise_person(&mut a, person);
            recognise_person(&mut a, "James Ford");
            let found = resolved_codes(&r, &a);
            let ford = found
                .iter()
                .find(|f| f.0 == "James Ford")
                .unwrap()
                .1
                .clone();
            (found[0].clone(), ford)
        };
        let text =
            "Amanda Champion , for the Tories , spoke .\nJames Ford , for his family , spoke .";
        let (champion, ford) = codes_of(text, "Amanda Champion");
        assert_eq!(champion, ("Amanda Champion".into(), Some("GBRPTY".into())));
        assert_eq!(ford, None);
        // A member "of" a known body.
        let text = "Oliver Fenn , of the Tories , spoke .\nJames Ford , of his family , spoke .";
        let (fenn, ford) = codes_of(text, "Oliver Fenn");
        assert_eq!(fenn, ("Oliver Fenn".into(), Some("GBRPTY".into())));
        assert_eq!(ford, None);
    }

    #[test]
    fn a_body_taken_for_one_does_not_take_the_surname_of_a_person_named_before() {
        let r = resolver(GENERATED);
        let text = "Britain voted .\nWelsh Office minister Lord Penry spoke .\n\
            Sion Aubrey Penry was jailed .\nLord Penry denied it .";
        let mut a = analysis(text, None);
        recognise_org(&mut a, "Sion Aubrey Penry");
        let found = resolved_codes(&r, &a);
        let last = found.last().unwrap();
        assert_eq!(last.0, "Lord Penry", "{found:?}");
        assert_eq!(last.1.as_deref(), Some("GBRGOV"), "{found:?}");
    }

    #[test]
    fn an_unknown_party_or_committee_is_one_of_the_country_the_document_is_about() {
        let r = resolver(GENERATED);
        let found = |text: &str, name: &str| -> Vec<(String, Option<String>)> {
            let mut a = analysis(text, None);
            recognise_org(&mut a, name);
            resolved_codes(&r, &a)
        };
        let party = ("Green Party".to_string(), Some("GBRPTY".to_string()));
        assert!(found("Britain voted .\nthe Green Party spoke .", "Green Party").contains(&party));
        // With no country named, its country is unknown.
        assert_eq!(
            found("the Green Party spoke .", "Green Party"),
            [("Green Party".into(), None)]
        );
        // A committee is one of the legislature, of the country named later too.
        let committee = ("Audit Committee".to_string(), Some("GBRLEG".to_string()));
        let text = "the Audit Committee spoke .\nBritain voted .";
        assert!(found(text, "Audit Committee").contains(&committee));
        // A public body nobody knows is one of the government; a news agency is not.
        let agency = (
            "Child Support Agency".to_string(),
            Some("GBRGOV".to_string()),
        );
        let text = "the Child Support Agency spoke .\nBritain voted .";
        assert!(found(text, "Child Support Agency").contains(&agency));
        // Its acronym in brackets names it later.
        let text = "the Child Support Agency ( CSA ) spoke .\nBritain voted .\nthe CSA spoke .";
        let later = found(text, "Child Support Agency");
        assert_eq!(
            later.last(),
            Some(&("CSA".to_string(), Some("GBRGOV".to_string()))),
            "{later:?}"
        );
        // A rights commission is a non-governmental organisation, not a public body.
        let text = "the Zorbex Human Rights Commission spoke .\nBritain voted .";
        let rights = found(text, "Zorbex Human Rights Commission");
        assert_eq!(rights[0].1.as_deref(), Some("GBRNGO"), "{rights:?}");
        let text = "the Zorbex News Agency spoke .\nBritain voted .";
        let news = found(text, "Zorbex News Agency");
        assert_eq!(news[0], ("Zorbex News Agency".into(), None), "{news:?}");
        // An association "of" its members is a non-governmental organisation too.
        let text = "the Association of Zorbex Directors spoke .\nBritain voted .";
        let association = found(text, "Association of Zorbex Directors");
        assert_eq!(
            association[0].1.as_deref(),
            Some("GBRNGO"),
            "{association:?}"
        );
        let text = "the Association Zorbex Directors spoke .\nBritain voted .";
        let other = found(text, "Association Zorbex Directors");
        assert_eq!(other[0].1, None, "{other:?}");
    }

    #[test]
    fn a_body_named_from_its_country_is_that_country_s_body_not_the_country() {
        let r = resolver(GENERATED);
        let found = |text: &str, name: &str| -> Vec<(String, Option<String>)> {
            let mut a = analysis(text, None);
            recognise_org(&mut a, name);
            resolved_codes(&r, &a)
        };
        // Named whole, with no role its name says: the country's, by name.
        let board = found("the British Zorbex Board spoke .", "British Zorbex Board");
        assert_eq!(
            board,
            [("British Zorbex Board".into(), Some("GBR".into()))],
            "{board:?}"
        );
        // A public body, a service or a company by the last word of its name.
        let ministry = found(
            "the Argentine Zorbex Ministry spoke .",
            "Argentine Zorbex Ministry",
        );
        assert_eq!(ministry[0].1.as_deref(), Some("ARGGOV"), "{ministry:?}");
        let service = found("the US Zorbex Service spoke .", "US Zorbex Service");
        assert_eq!(service[0].1.as_deref(), Some("USAGOV"), "{service:?}");
        let airline = found("Japan Zorbex Airlines spoke .", "Japan Zorbex Airlines");
        assert_eq!(airline[0].1.as_deref(), Some("JPNBUS"), "{airline:?}");
        // Not when the recogniser names no body from the country's name.
        let country = resolved_codes(&r, &analysis("British Zorbex Board spoke .", None));
        assert_eq!(
            country[0],
            ("British".into(), Some("GBR".into())),
            "{country:?}"
        );
        // A service or a company word without its country names no one's.
        let service = found(
            "Britain voted .\nthe Zorbex Service spoke .",
            "Zorbex Service",
        );
        assert_eq!(service.last().unwrap().1, None, "{service:?}");
    }

    /// The mentions the resolver finds in `text` with its words tagged `tags` (UPOS).
    fn tagged_codes(r: &ActorResolver, text: &str, tags: &[&str]) -> Vec<(String, Option<String>)> {
        let mut a = analysis(text, None);
        for (token, tag) in a.tokens.iter_mut().zip(tags) {
            token.upos = (*tag).to_string();
        }
        resolved_codes(r, &a)
    }

    #[test]
    fn a_role_word_tagged_as_an_adjective_of_another_noun_is_no_role() {
        let r = resolver(GENERATED);
        let tagged = |text: &str, tags: &[&str]| tagged_codes(&r, text, tags);
        assert_eq!(
            tagged(
                "the French general election",
                &["DET", "ADJ", "ADJ", "NOUN"]
            ),
            [("French".to_string(), Some("FRA".to_string()))]
        );
        // A role noun after it keeps the phrase an actor.
        assert_eq!(
            tagged(
                "French military officials spoke",
                &["ADJ", "ADJ", "NOUN", "VERB"]
            ),
            [(
                "French military officials".to_string(),
                Some("FRAGOV".to_string())
            )]
        );
    }

    #[test]
    fn a_titled_double_barrelled_surname_is_one_person_through_the_document() {
        let r = resolver(GENERATED);
        let text = "Britain voted . Mr Kilroy-Silk , an MEP for the Midlands , resigned . Mr Kilroy-Silk spoke .";
        let mut a = Analysis::new(Document::from_text(text));
        // Words apart at spaces, "Kilroy-Silk" split at its hyphen as the segmenter does.
        let mut at = 0;
        for word in text.split(' ') {
            match word.split_once('-') {
                Some((x, _)) => {
                    a.tokens.push(Token::new(at, at + x.len()));
                    a.tokens.push(Token::new(at + x.len(), at + x.len() + 1));
                    a.tokens.push(Token::new(at + x.len() + 1, at + word.len()));
                }
                None => a.tokens.push(Token::new(at, at + word.len())),
            }
            at += word.len() + 1;
        }
        a.sentences.push(Sentence {
            start: 0,
            end: text.len(),
            first_token: 0,
            last_token: a.tokens.len(),
        });
        let found = resolved_codes(&r, &a);
        let people: Vec<_> = found
            .iter()
            .filter(|(t, _)| t.starts_with("Mr Kilroy"))
            .collect();
        assert_eq!(people.len(), 2, "{found:?}");
        assert!(
            people
                .iter()
                .all(|(t, c)| t == "Mr Kilroy-Silk" && c.as_deref() == Some("GBRLEG")),
            "{found:?}"
        );
    }

    #[test]
    fn a_titled_person_named_by_no_name_is_what_a_later_pronoun_means() {
        let r = resolver(GENERATED);
        let text = "Britain voted .\nThe prime minister said .\nHe urged the Tories .\nShe left .";
        let mut a = analysis(text, None);
        // "minister" is the subject of "said".
        let minister = a
            .tokens
            .iter()
            .position(|t| &text[t.start..t.end] == "minister")
            .unwrap();
        a.tokens[minister].deprel = "nsubj".into();
        let found = resolved_codes(&r, &a);
        assert_eq!(code_of(&found, "He"), Some("GBRGOV"), "{found:?}");
        // "he" said the prime minister, whom no name names, is a man: "she" is someone else.
        assert!(found.iter().all(|(t, _)| t != "She"), "{found:?}");
    }

    #[test]
    fn the_speaker_after_what_he_said_is_no_one_named_in_it() {
        let r = resolver(GENERATED);
        let text = "Britain voted .\nTory leader Michael Howard spoke .\nTony Blair has failed , he said .";
        let found = codes_with_people(&r, text, &["Michael Howard", "Tony Blair"]);
        assert_eq!(code_of(&found, "he"), Some("GBRPTY"), "{found:?}");
        // Nor under a name he had earlier.
        let text = "Britain voted .\nTory leader Michael Howard spoke .\nTony Blair voted .\nMr Blair has failed , he said .";
        let found = codes_with_people(&r, text, &["Michael Howard", "Tony Blair"]);
        assert_eq!(code_of(&found, "he"), Some("GBRPTY"), "{found:?}");
        // Not said after: the nearest person.
        let text =
            "Britain voted .\nTory leader Michael Howard spoke .\nTony Blair said he failed .";
        let found = codes_with_people(&r, text, &["Michael Howard", "Tony Blair"]);
        assert_eq!(code_of(&found, "he"), Some("GBRGOV"), "{found:?}");
    }

    #[test]
    fn legislators_of_no_named_country_are_those_of_the_main_country() {
        let r = resolver(GENERATED);
        let found = codes_with_people(&r, "Britain voted .\nMPs protested .", &[]);
        assert_eq!(code_of(&found, "MPs"), Some("GBRLEG"), "{found:?}");
        // Other roles of no country stay unknown, and so does a word that names others too.
        let found = codes_with_people(
            &r,
            "Britain voted .\nRebels attacked .\nThe speaker spoke .",
            &[],
        );
        assert!(
            found.iter().all(|(t, _)| t != "Rebels" && t != "speaker"),
            "{found:?}"
        );
    }

    #[test]
    fn a_bare_office_is_of_the_country_the_whole_document_names_most() {
        let r = resolver(GENERATED);
        // Named before any country: those of the country named after.
        let text = "MPs have said so .\nBritain voted .\nLondon agreed .\nFrance refused .";
        let found = codes_with_people(&r, text, &[]);
        assert_eq!(code_of(&found, "MPs"), Some("GBRLEG"), "{found:?}");
        // A titled person no dictionary knows is not: the country named after may be the
        // other party's ("President X met the leader of Chad").
        let text = "President Jean Dupont arrived .\nChad voted .";
        let found = codes_with_people(&r, text, &["Jean Dupont"]);
        assert_eq!(code_of(&found, "President Jean Dupont"), None, "{found:?}");
    }

    #[test]
    fn a_peer_nobody_knows_sits_in_the_legislature() {
        let r = resolver(GENERATED);
        // Named with a title the recogniser did not tag as a name.
        let found = codes_with_people(&r, "Britain voted .\nLord Dubs spoke .", &[]);
        assert_eq!(code_of(&found, "Lord Dubs"), Some("GBRLEG"), "{found:?}");
        // A title in apposition says more.
        let text = "Britain voted .\nLord Dubs , the home secretary , spoke .";
        let found = codes_with_people(&r, text, &[]);
        assert_eq!(code_of(&found, "Lord Dubs"), Some("GBRGOV"), "{found:?}");
    }

    #[test]
    fn police_of_no_named_place_are_the_main_countrys() {
        let r = resolver(GENERATED);
        let found = codes_with_people(&r, "Britain voted .\nPolice arrested two men .", &[]);
        assert_eq!(code_of(&found, "Police"), Some("GBRCOP"), "{found:?}");
        // A place after them says whose they are.
        let found = codes_with_people(
            &r,
            "Britain voted .\nPolice in Iraq arrested two men .",
            &[],
        );
        assert_eq!(
            code_of(&found, "Police in Iraq"),
            Some("IRQCOP"),
            "{found:?}"
        );
        // With no country in the document, they stay police of no country.
        let found = codes_with_people(&r, "Police arrested two men .", &[]);
        assert_eq!(code_of(&found, "Police"), Some("COP"), "{found:?}");
    }

    #[test]
    fn a_national_office_or_bare_ministers_or_unions_are_the_main_countrys() {
        let r = resolver(GENERATED);
        let text =
            "Britain voted .\nThe home secretary spoke .\nThe chancellor left .\nMinisters spoke .";
        let found = codes_with_people(&r, text, &[]);
        assert_eq!(
            code_of(&found, "home secretary"),
            Some("GBRGOV"),
            "{found:?}"
        );
        assert_eq!(code_of(&found, "chancellor"), Some("GBRGOV"), "{found:?}");
        assert_eq!(code_of(&found, "Ministers"), Some("GBRGOV"), "{found:?}");
        // The opposition a country has one leader of, by either title.
        for title in ["opposition leader", "leader of the opposition"] {
            let text = format!("Britain voted .\nThe {title} spoke .");
            let found = codes_with_people(&r, &text, &[]);
            assert_eq!(code_of(&found, title), Some("GBROPP"), "{found:?}");
        }
        let found = codes_with_people(&r, "Britain voted .\nUnion leaders spoke .", &[]);
        assert_eq!(
            code_of(&found, "Union leaders"),
            Some("GBRLAB"),
            "{found:?}"
        );
    }

    #[test]
    fn an_adjective_the_recogniser_joined_to_a_demonym_is_a_modifier() {
        let r = resolver(GENERATED);
        let found = |text: &str, name: &str, tags: &[&str]| {
            let mut a = analysis(text, None);
            for (token, tag) in a.tokens.iter_mut().zip(tags) {
                token.upos = (*tag).to_string();
            }
            recognise_person(&mut a, name);
            resolved_codes(&r, &a)
        };
        let people = found(
            "Young Algerians blocked roads",
            "Young Algerians",
            &["ADJ", "PROPN", "VERB", "NOUN"],
        );
        assert_eq!(
            people,
            [("Young Algerians".to_string(), Some("DZA".to_string()))]
        );
        // Only a demonym: a capital after the adjective is part of another name.
        let club = found("Real Madrid won", "Real Madrid", &["ADJ", "PROPN", "VERB"]);
        assert!(club.iter().all(|(_, code)| code.is_none()), "{club:?}");
    }

    #[test]
    fn a_demonym_of_a_community_or_descent_is_no_country() {
        let r = resolver(GENERATED);
        let text =
            "Britain voted .\nThe Pakistani community protested .\nPakistani officials spoke .";
        let found = codes_with_people(&r, text, &[]);
        assert!(found.iter().all(|(t, _)| t != "Pakistani"), "{found:?}");
        assert_eq!(
            code_of(&found, "Pakistani officials"),
            Some("PAKGOV"),
            "{found:?}"
        );
    }

    #[test]
    fn a_phrase_skips_only_modifiers_on_the_way_to_its_role_word() {
        let r = resolver(GENERATED);
        let tagged = |text: &str, tags: &[&str]| -> Vec<String> {
            tagged_codes(&r, text, tags)
                .into_iter()
                .map(|(t, _)| t)
                .collect()
        };
        let found = tagged(
            "the German government today welcomed President Reagan",
            &["DET", "ADJ", "NOUN", "NOUN", "VERB", "PROPN", "PROPN"],
        );
        assert_eq!(found[0], "German government", "{found:?}");
        let found = tagged(
            "its common market partners , government officials said",
            &[
                "PRON", "ADJ", "NOUN", "NOUN", "PUNCT", "NOUN", "NOUN", "VERB",
            ],
        );
        assert!(found.iter().all(|t| !t.contains(',')), "{found:?}");
    }

    #[test]
    fn a_known_persons_party_title_counts_when_no_office_is_dated_to_the_document() {
        let r = resolver(GENERATED);
        let text = "Labour chairman Alan Milburn spoke";
        // Out of his dated office: the party he speaks for, as the title says.
        let found = codes(&r, text, Some("2005-03-01"));
        assert_eq!(found[0].1.as_deref(), Some("GBRPTY"), "{found:?}");
        let found = codes(&r, text, None);
        assert_eq!(found[0].1.as_deref(), Some("GBRPTY"), "{found:?}");
        // In it: the office.
        let found = codes(&r, text, Some("2001-03-01"));
        assert_eq!(found[0].1.as_deref(), Some("GBRGOV"), "{found:?}");
    }

    #[test]
    fn a_named_spokesman_speaks_for_the_institution_before_the_title() {
        let r = resolver(GENERATED);
        // Of no institution the dictionaries know, the title alone holds no office.
        let text = "The British government spoke .\nIHRC chairman Massoud Shadjareh spoke";
        let found = codes(&r, text, None);
        assert_eq!(
            found.last().map(|f| f.1.as_deref()),
            Some(None),
            "{found:?}"
        );
        let found = codes(&r, "Liberal Democrat spokesman Mark Oaten spoke", None);
        assert_eq!(
            found,
            [(
                "Liberal Democrat spokesman Mark Oaten".into(),
                Some("GBRPTY".into())
            )]
        );
        // A general secretary too; a department's secretary holds an office of the state.
        let found = codes(&r, "TUC General Secretary Brendan Barber spoke", None);
        assert_eq!(found[0].1.as_deref(), Some("GBRLAB"), "{found:?}");
        let found = codes(&r, "Arab League Secretary General Amr Moussa spoke", None);
        assert_eq!(found[0].1.as_deref(), Some("IGOMEAARL"), "{found:?}");
    }

    #[test]
    fn an_institutions_spokesman_or_officials_are_the_institution() {
        let r = resolver(GENERATED);
        let found = codes(&r, "the Tory spokesman spoke", None);
        assert_eq!(found, [("Tory spokesman".into(), Some("GBRPTY".into()))]);
        let found = codes(&r, "the Conservative leader spoke", None);
        assert_eq!(
            found,
            [("Conservative leader".into(), Some("GBRPTY".into()))]
        );
        // Spin doctors are voices too, not physicians.
        let found = codes(&r, "Labour spin doctors spoke", None);
        assert_eq!(
            found,
            [("Labour spin doctors".into(), Some("GBRPTY".into()))]
        );
        let found = codes(&r, "Pentagon officials spoke", None);
        assert_eq!(
            found,
            [("Pentagon officials".into(), Some("USAMIL".into()))]
        );
        // A country's officials are its government, as before.
        let found = codes(&r, "French officials spoke", None);
        assert_eq!(found, [("French officials".into(), Some("FRAGOV".into()))]);
    }

    #[test]
    fn an_international_bodys_office_holders_are_the_body() {
        let r = resolver(GENERATED);
        let found = codes(&r, "EU foreign ministers spoke", None);
        assert_eq!(
            found,
            [("EU foreign ministers".into(), Some("IGOEUREEC".into()))]
        );
        let found = codes(&r, "NATO ministers spoke", None);
        assert_eq!(found, [("NATO ministers".into(), Some("IGOWSTNAT".into()))]);
        // A country named beside it keeps the office that country's.
        let found = codes(&r, "French UN ministers spoke", None);
        assert_eq!(found[0].1.as_deref(), Some("FRAGOV"), "{found:?}");
    }

    #[test]
    fn northern_ireland_is_part_of_the_united_kingdom() {
        let r = resolver(GENERATED);
        let found = codes(&r, "Northern Ireland police spoke", None);
        assert_eq!(found[0].1.as_deref(), Some("GBRCOP"), "{found:?}");
        let found = codes(&r, "Irish police spoke", None);
        assert_eq!(found[0].1.as_deref(), Some("IRLCOP"), "{found:?}");
    }

    #[test]
    fn a_place_says_whose_a_group_is_but_not_whose_its_reporters_are() {
        let r = resolver(GENERATED);
        let found = codes(&r, "police in Kenya spoke", None);
        assert_eq!(found[0].1.as_deref(), Some("KENCOP"), "{found:?}");
        let found = codes(&r, "reporters in Kenya spoke", None);
        assert!(
            found.iter().all(|(_, c)| c.as_deref() != Some("KENMED")),
            "{found:?}"
        );
        let found = codes(&r, "diplomats in Kenya spoke", None);
        assert!(
            found.iter().all(|(_, c)| c.as_deref() != Some("KENGOV")),
            "{found:?}"
        );
    }

    #[test]
    fn a_shadow_ministers_title_is_the_opposition_whatever_office_it_names() {
        let r = resolver(GENERATED);
        let found = codes(
            &r,
            "Tory shadow local government secretary Caroline Spelman spoke",
            None,
        );
        assert_eq!(
            found,
            [(
                "Tory shadow local government secretary Caroline Spelman".into(),
                Some("GBROPP".into())
            )]
        );
        let found = codes(&r, "British Shadow Health Secretary Jo Bloggs spoke", None);
        assert_eq!(found[0].1.as_deref(), Some("GBROPP"));
        // Also for a known person whose dated office says otherwise.
        let found = codes(
            &r,
            "shadow home secretary Alan Johnson spoke",
            Some("2005-01-01"),
        );
        assert_eq!(found[0].1.as_deref(), Some("GBROPP"));
        let found = codes(&r, "Alan Johnson spoke", Some("2005-01-01"));
        assert_eq!(found[0].1.as_deref(), Some("GBRGOV"));
        // Without the word, the office is the government's.
        let found = codes(&r, "British health secretary Jo Bloggs spoke", None);
        assert_eq!(found[0].1.as_deref(), Some("GBRGOV"));
        // Not across function words.
        let found = codes(&r, "in the shadow of the British government", None);
        assert!(
            found.iter().all(|(text, _)| !text.contains("shadow")),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_the_recogniser_cut_at_its_hyphen_is_whole() {
        let text = "Robert Kilroy-Silk spoke to Mr Betts - Green";
        let mut a = Analysis::new(Document::from_text(text));
        let spans = [
            (0, 6),
            (7, 13),
            (13, 14),
            (14, 18),
            (19, 24),
            (25, 27),
            (28, 30),
        ];
        let more = [(31, 36), (37, 38), (39, 44)];
        for (start, end) in spans.into_iter().chain(more) {
            a.tokens.push(Token::new(start, end));
        }
        a.sentences.push(Sentence {
            start: 0,
            end: text.len(),
            first_token: 0,
            last_token: a.tokens.len(),
        });
        for (start, end) in [(0, 13), (31, 36)] {
            a.entities.push(dyad_types::Entity {
                start,
                end,
                text: text[start..end].to_string(),
                kind: EntityType::Person,
                actor: None,
            });
        }
        let r = resolver(GENERATED);
        let texts: Vec<String> = r
            .resolve(&a, None)
            .into_iter()
            .map(|m| m.actor.text)
            .collect();
        // Written apart, the hyphen is a dash between two words.
        assert_eq!(texts, ["Robert Kilroy-Silk", "Mr Betts"]);
    }

    #[test]
    fn a_group_of_no_country_takes_the_country_it_is_in() {
        let r = resolver(GENERATED);
        let found = codes(&r, "Rebels in the Ivory Coast dismissed it", None);
        assert_eq!(
            found,
            [("Rebels in the Ivory Coast".into(), Some("CIVREB".into()))]
        );
        let found = codes(&r, "police in Dili fired", None);
        assert_eq!(found[0].1.as_deref(), Some("TLSCOP"), "{found:?}");
        // A group with a country keeps it; a place not named by in/from adds nothing.
        let found = codes(&r, "French rebels in Chad fired", None);
        assert_eq!(found[0], ("French rebels".into(), Some("FRAREB".into())));
        let found = codes(&r, "rebels near Chad fired", None);
        assert!(
            found.iter().all(|(_, c)| c.as_deref() != Some("TCDREB")),
            "{found:?}"
        );
    }

    #[test]
    fn curated_people_win_over_generated_ones() {
        let r = resolver(GENERATED);
        let found = codes(&r, "Tony Blair spoke", Some("2005-03-01"));
        assert_eq!(found, [("Tony Blair".into(), Some("GBRGOV".into()))]);
    }

    #[test]
    fn a_titled_surname_resolves_when_introduced_or_unambiguous() {
        let r = resolver(GENERATED);
        // One known person is called Benn, a Briton: resolved once Britain came up.
        let found = codes(&r, "Britain waited\nMr Benn spoke", Some("2004-03-01"));
        assert_eq!(found[1], ("Mr Benn".into(), Some("GBRGOV".into())));
        let found = codes(&r, "France waited\nMr Benn spoke", Some("2004-03-01"));
        assert!(found
            .iter()
            .all(|(_, code)| code.as_deref() != Some("GBRGOV")));
        // Two are called Johnson: not alone; nor a surname without a title.
        let found = codes(&r, "Britain waited\nMr Johnson spoke", Some("2004-03-01"));
        assert!(
            found[1..].iter().all(|(_, code)| code.is_none()),
            "{found:?}"
        );
        assert!(codes(&r, "Britain waited\nBenn spoke", Some("2004-03-01")).len() == 1);
        // Once the document named him, the surname is his.
        let found = codes(&r, "John Howard spoke\nMr Howard left", Some("2004-03-01"));
        assert_eq!(found[1], ("Mr Howard".into(), Some("AUSGOV".into())));
    }

    /// The codes the resolver gives the mentions of `text`, with each occurrence of `people`
    /// recognised as a person.
    fn codes_with_people(
        r: &ActorResolver,
        text: &str,
        people: &[&str],
    ) -> Vec<(String, Option<String>)> {
        let mut a = analysis(text, None);
        for name in people {
            for (start, _) in text.match_indices(name) {
                recognise_person_at(&mut a, start, name);
            }
        }
        resolved_codes(r, &a)
    }

    fn last_code(found: &[(String, Option<String>)]) -> Option<&str> {
        found.last().and_then(|m| m.1.as_deref())
    }

    fn code_of<'a>(found: &'a [(String, Option<String>)], text: &str) -> Option<&'a str> {
        found
            .iter()
            .find(|(t, _)| t == text)
            .unwrap_or_else(|| panic!("no mention {text:?} in {found:?}"))
            .1
            .as_deref()
    }

    #[test]
    fn an_unknown_persons_title_in_apposition_after_the_name_says_who_they_are() {
        let r = resolver(GENERATED);
        // (text, the person, the mention checked, its code)
        let cases = [
            (
                "Britain voted .\nQuentin Davies , the MP for Grantham , was attacked .\nMr Davies said .",
                "Quentin Davies",
                "Mr Davies",
                Some("GBRLEG"),
            ),
            // An institution's title in apposition: its voice.
            (
                "Mike Nattrass , UKIP 's deputy leader , made the comments .",
                "Mike Nattrass",
                "Mike Nattrass",
                Some("GBRPTY"),
            ),
            // An age between the name and the title.
            (
                "Britain voted .\nRobert Jackson , 58 , MP for Wantage , defected .",
                "Robert Jackson",
                "Robert Jackson",
                Some("GBRLEG"),
            ),
            // A title of a place: the place's country.
            (
                "Sean Doyle , the Archbishop of Westminster , spoke .",
                "Sean Doyle",
                "Sean Doyle",
                Some("GBRREL"),
            ),
            (
                "Sean Doyle , the archbishop of a diocese , spoke .",
                "Sean Doyle",
                "Sean Doyle",
                None,
            ),
            // A relative clause closes the title.
            (
                "Britain voted .\nAnthony Meyer , the Tory backbencher who challenged her , has died .",
                "Anthony Meyer",
                "Anthony Meyer",
                Some("GBRLEG"),
            ),
            // No title, no code.
            (
                "Britain voted .\nJames Ford , the tallest man , spoke .",
                "James Ford",
                "James Ford",
                None,
            ),
        ];
        for (text, person, checked, code) in cases {
            let found = codes_with_people(&r, text, &[person]);
            assert_eq!(code_of(&found, person), code, "{found:?}");
            assert_eq!(code_of(&found, checked), code, "{found:?}");
        }
        // The voice of a party nobody knows, named before by its name and "Party".
        let text = "Britain voted .\nThey joined the Veritas Party .\nDamian Hockney , now Veritas deputy leader , spoke .";
        let mut a = analysis(text, None);
        let veritas = text.find("Veritas").unwrap();
        recognise_at(&mut a, veritas, "Veritas Party", EntityType::Org);
        recognise_person_at(&mut a, text.find("Damian").unwrap(), "Damian Hockney");
        let found = resolved_codes(&r, &a);
        for name in ["Veritas Party", "Damian Hockney"] {
            assert_eq!(code_of(&found, name), Some("GBRPTY"), "{found:?}");
        }
    }

    #[test]
    fn a_title_in_apposition_before_an_unknown_name_is_the_persons() {
        let r = resolver(GENERATED);
        let text = "Britain voted .\nThe Attorney General , Lord Goldsmith , issued no instructions .\nLord Goldsmith said .";
        let found = codes_with_people(&r, text, &["Lord Goldsmith"]);
        assert!(
            found.iter().filter(|(t, _)| t == "Lord Goldsmith").count() == 2
                && found
                    .iter()
                    .filter(|(t, _)| t == "Lord Goldsmith")
                    .all(|(_, c)| c.as_deref() == Some("GBRGOV")),
            "{found:?}"
        );
        // A list is no apposition, nor is a comma that goes on with one.
        for text in [
            "Britain voted .\nHe met the minister , James Ford and others .",
            "Britain voted .\nHe met the minister , James Ford , and others .",
        ] {
            let found = codes_with_people(&r, text, &["James Ford"]);
            assert_eq!(code_of(&found, "James Ford"), None, "{text}: {found:?}");
        }
    }

    #[test]
    fn an_unknown_person_heading_a_civil_body_the_recogniser_missed_speaks_for_it() {
        let r = resolver(GENERATED);
        // (text, the person, the body's name, both codes)
        let cases = [
            // The title and body before the name, after a conjunction.
            (
                "Britain voted .\nBut director of the Victims of Zorbex Trust , Ken Lorimer , accused them .",
                "Ken Lorimer",
                "Victims of Zorbex Trust",
                Some("GBRNGO"),
            ),
            // After "the", an honorific before the name, initials ending the body's name.
            (
                "Britain voted .\nBut the chairman of Zorbex Watch UK , Sir Ken Lorimer , said so .",
                "Ken Lorimer",
                "Zorbex Watch UK",
                Some("GBRNGO"),
            ),
            // The title and body after the name.
            (
                "Britain voted .\nKen Lorimer , chair of the Campaign for Zorbex Disarmament , said so .",
                "Ken Lorimer",
                "Campaign for Zorbex Disarmament",
                Some("GBRNGO"),
            ),
            // A body of no civil kind: no code for either.
            (
                "Britain voted .\nBut director of the Zorbex Works , Ken Lorimer , said so .",
                "Ken Lorimer",
                "Zorbex Works",
                None,
            ),
        ];
        for (text, person, body, code) in cases {
            let found = codes_with_people(&r, text, &[person]);
            assert_eq!(code_of(&found, person), code, "{text}: {found:?}");
            if code.is_some() {
                assert_eq!(code_of(&found, body), code, "{text}: {found:?}");
            }
        }
    }

    #[test]
    fn a_role_owned_by_the_government_or_a_national_office_is_the_countrys_government() {
        let r = resolver(GENERATED);
        let cases = [
            (
                "Britain voted .\nThe government 's wireless watchdog spoke .",
                "government 's wireless watchdog",
            ),
            (
                "Britain voted .\nThe prime minister 's official spokesman spoke .",
                "prime minister 's official spokesman",
            ),
            // A country's watchdog is its government's.
            (
                "Britain voted .\nThe UK 's public spending watchdog spoke .",
                "UK 's public spending watchdog",
            ),
        ];
        for (text, mention) in cases {
            let found = codes_with_people(&r, text, &[]);
            assert_eq!(
                code_of(&found, mention),
                Some("GBRGOV"),
                "{text}: {found:?}"
            );
        }
        // Not a role of someone else's nobody knows ("a rival's spokesman").
        let text = "Britain voted .\nA rival 's official spokesman spoke .";
        let found = codes_with_people(&r, text, &[]);
        assert!(
            found.iter().all(|(_, c)| c.as_deref() != Some("GBRGOV")),
            "{found:?}"
        );
    }

    #[test]
    fn a_baron_is_the_person_the_document_named_before() {
        let r = resolver(GENERATED);
        let text = "Britain voted .\nLabour leader Ken Lorimer retired .\nHe will be known as Baron Lorimer .\nLord Lorimer spoke .";
        let found = codes_with_people(&r, text, &["Ken Lorimer", "Baron Lorimer", "Lord Lorimer"]);
        for name in ["Baron Lorimer", "Lord Lorimer"] {
            assert_eq!(code_of(&found, name), Some("GBRPTY"), "{found:?}");
        }
    }

    #[test]
    fn a_person_named_with_a_known_institutions_possessive_is_its_member() {
        let r = resolver(GENERATED);
        let text = "Labour 's Ken Lorimer spoke .";
        let found = codes_with_people(&r, text, &["Ken Lorimer"]);
        assert_eq!(
            code_of(&found, "Labour 's Ken Lorimer"),
            Some("GBRPTY"),
            "{found:?}"
        );
    }

    #[test]
    fn a_title_given_later_codes_a_person_learned_without_one() {
        let r = resolver(GENERATED);
        let text = "Britain voted .\nKen Lorimer spoke .\nLondon mayor Mr Lorimer refused .\nMr Lorimer left .";
        let found = codes_with_people(&r, text, &["Ken Lorimer"]);
        assert_eq!(code_of(&found, "Ken Lorimer"), None, "{found:?}");
        assert_eq!(
            code_of(&found, "London mayor Mr Lorimer"),
            Some("GBRGOV"),
            "{found:?}"
        );
        assert_eq!(code_of(&found, "Mr Lorimer"), Some("GBRGOV"), "{found:?}");
    }

    #[test]
    fn a_body_described_as_a_charity_or_rights_group_is_a_non_governmental_organisation() {
        let r = resolver(GENERATED);
        let text =
            "Britain voted .\nCivil rights group Liberty said .\nAid charity Actionaid spoke .";
        let found = codes_with_people(&r, text, &[]);
        assert_eq!(
            code_of(&found, "Civil rights group Liberty"),
            Some("GBRNGO"),
            "{found:?}"
        );
        assert_eq!(
            code_of(&found, "charity Actionaid"),
            Some("GBRNGO"),
            "{found:?}"
        );
    }

    #[test]
    fn an_unknown_person_heading_or_working_for_a_known_body_named_after_them_is_the_body() {
        let r = resolver(GENERATED);
        let text = "Britain voted .\nMara Quill , director of civil rights group Liberty , spoke .";
        let found = codes_with_people(&r, text, &["Mara Quill"]);
        assert_eq!(code_of(&found, "Mara Quill"), Some("GBRNGO"), "{found:?}");
        let text = "Britain voted .\nMara Quill , the head of the Tories , spoke .";
        let found = codes_with_people(&r, text, &["Mara Quill"]);
        assert_eq!(code_of(&found, "Mara Quill"), Some("GBRPTY"), "{found:?}");
        // Not a heading title, or a body with no code: nobody's voice.
        let text = "Britain voted .\nMara Quill , a member of civil rights group Liberty , spoke .";
        let found = codes_with_people(&r, text, &["Mara Quill"]);
        assert_eq!(code_of(&found, "Mara Quill"), None, "{found:?}");
        let text = "Britain voted .\nMara Quill , director of the Quill Works , spoke .";
        let found = codes_with_people(&r, text, &["Mara Quill"]);
        assert_eq!(code_of(&found, "Mara Quill"), None, "{found:?}");
        // A relative clause: the body a person works for or leads.
        for text in [
            "Britain voted .\nMara Quill , who also works in the Tory research unit , spoke .",
            "Britain voted .\nMara Quill , 59 , who led the Tories in Wales , spoke .",
        ] {
            let found = codes_with_people(&r, text, &["Mara Quill"]);
            assert_eq!(code_of(&found, "Mara Quill"), Some("GBRPTY"), "{found:?}");
        }
        let text = "Britain voted .\nMara Quill , who met the Tories , spoke .";
        let found = codes_with_people(&r, text, &["Mara Quill"]);
        assert_eq!(code_of(&found, "Mara Quill"), None, "{found:?}");
    }

    #[test]
    fn a_hyphenated_name_split_by_the_segmenter_is_known() {
        let r = resolver(GENERATED);
        let found = codes_with_people(&r, "Britain voted .\nal - Qaeda attacked .", &[]);
        assert_eq!(code_of(&found, "al - Qaeda"), Some("IMGMOS"), "{found:?}");
    }
}
