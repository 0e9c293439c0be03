//! When two reports are the same event, and when two articles are the same article.
//!
//! Backend-independent rules; the SQLite store applies them as it writes.
//!
//! **Same event.** A new mention joins an existing merged event when
//! 1. it comes from another article (an article's own events never merge with each other:
//!    two strikes reported in one article are two strikes), and the merged event has no
//!    mention from this article yet;
//! 2. both sides match by [`actor_key`]: the country code, else the actor code, else the
//!    name in lowercase (so "the White House" and "Trump" are both `USA`);
//! 3. the CAMEO root is the same and the [`mode_group`] is the same (a denial never merges
//!    with the deed, a plan never with its execution);
//! 4. the dates are compatible: the days each date value can stand for, widened by
//!    [`DATE_SLACK_DAYS`] on each side, overlap;
//! 5. and the evidence agrees: both dates are at day precision, or the evidence sentences
//!    share at least [`EVIDENCE_THRESHOLD`] of their content words, or the article is a
//!    near-duplicate of one already holding a mention (its dates then need not agree).
//!
//! Among several candidates the one whose evidence is most similar wins (ties: the oldest).
//!
//! **Same article.** Articles are near-duplicates (wire copies, updated versions) when at
//! least [`NEAR_DUPLICATE_SIMILARITY`] of their word 3-shingles are shared (Jaccard).
//! Candidates are found through the 16 bands of 4 hashes of [`MINHASH_SIZE`]-hash MinHash
//! signatures (locality-sensitive hashing), so that no article is compared with every other;
//! a candidate is then measured exactly.
use std::collections::HashSet;

use chrono::{NaiveDate, Weekday};
use dyad_types::{Actor, EventDate, Mode};

/// Days by which each date is widened before testing overlap (time zones, "overnight").
pub const DATE_SLACK_DAYS: i64 = 1;

/// Share of content words two evidence sentences must have in common (Jaccard) to merge
/// reports whose dates are coarser than a day.
pub const EVIDENCE_THRESHOLD: f64 = 0.4;

/// The key by which the actors of two reports are compared.
pub fn actor_key(actor: Option<&Actor>) -> String {
    let Some(actor) = actor else {
        return String::new();
    };
    fn nonempty(s: &Option<String>) -> Option<&str> {
        s.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
    if let Some(country) = nonempty(&actor.country) {
        return country.to_uppercase();
    }
    if let Some(code) = nonempty(&actor.code) {
        return code.to_uppercase();
    }
    actor
        .name
        .as_deref()
        .unwrap_or(&actor.text)
        .trim()
        .to_lowercase()
}

/// Modes that may describe the same happening: it happened (asserted, reported,
/// alleged), it did not (negated), it may (future, hypothetical).
pub fn mode_group(mode: Mode) -> &'static str {
    match mode {
        Mode::Asserted | Mode::Reported | Mode::Alleged => "happened",
        Mode::Negated => "negated",
        Mode::Future | Mode::Hypothetical => "possible",
    }
}

/// The first and last day (days since 1970-01-01) a TimeML date value can stand for:
/// `2025-11-27`, `2025-W48`, `2025-11`, `2025-Q4`, `2025-SU`, `2025`, `202` (a decade).
/// `None` for values that are not calendar dates (`PRESENT_REF`, durations).
pub fn day_range(value: &str) -> Option<(i64, i64)> {
    let value = value.split('T').next().unwrap_or(value);
    let mut parts = value.split('-');
    let year_part = parts.next()?;
    if !year_part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let second = parts.next();
    let third = parts.next();
    if parts.next().is_some() {
        return None;
    }
    match year_part.len() {
        3 => {
            let decade: i64 = year_part.parse().ok()?;
            return Some((days(decade * 10, 1, 1)?, days(decade * 10 + 9, 12, 31)?));
        }
        4 => {}
        _ => return None,
    }
    let year: i64 = year_part.parse().ok()?;
    let Some(second) = second else {
        return Some((days(year, 1, 1)?, days(year, 12, 31)?));
    };
    if let Some(week) = second
        .strip_prefix('W')
        .filter(|w| w.bytes().all(|b| b.is_ascii_digit()))
    {
        let week: u32 = week.parse().ok()?;
        let monday = NaiveDate::from_isoywd_opt(i32::try_from(year).ok()?, week, Weekday::Mon)?;
        let monday = (monday - NaiveDate::default()).num_days();
        return Some((monday, monday + 6));
    }
    if let Some(quarter) = second.strip_prefix('Q') {
        let q: i64 = quarter.parse().ok().filter(|q| (1..=4).contains(q))?;
        let first = days(year, (q - 1) * 3 + 1, 1)?;
        return Some((first, month_end(year, q * 3)?));
    }
    if let Some(half) = second.strip_prefix('H') {
        let h: i64 = half.parse().ok().filter(|h| (1..=2).contains(h))?;
        return Some((days(year, (h - 1) * 6 + 1, 1)?, month_end(year, h * 6)?));
    }
    let season = match second {
        "SP" => Some((3, 5)),
        "SU" => Some((6, 8)),
        "FA" => Some((9, 11)),
        "WI" => Some((12, 14)),
        _ => None,
    };
    if let Some((from, to)) = season {
        let (end_year, end_month) = if to > 12 {
            (year + 1, to - 12)
        } else {
            (year, to)
        };
        return Some((days(year, from, 1)?, month_end(end_year, end_month)?));
    }
    let month: i64 = second.parse().ok().filter(|m| (1..=12).contains(m))?;
    match third {
        None => Some((days(year, month, 1)?, month_end(year, month)?)),
        Some(day) => {
            let day: i64 = day.parse().ok()?;
            let d = days(year, month, day)?;
            Some((d, d))
        }
    }
}

/// The last day of a month.
fn month_end(year: i64, month: i64) -> Option<i64> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    Some(days(y, m, 1)? - 1)
}

/// Days since 1970-01-01 of a date; `None` when there is no such day (`2025-02-31`).
fn days(year: i64, month: i64, day: i64) -> Option<i64> {
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    )?;
    Some((date - NaiveDate::default()).num_days())
}

/// The day range of an event's date, `None` when undated.
pub fn event_days(date: &EventDate) -> Option<(i64, i64)> {
    date.value.as_deref().and_then(day_range)
}

/// Whether a day range is a single day.
pub fn is_single_day(range: Option<(i64, i64)>) -> bool {
    range.is_some_and(|(a, b)| a == b)
}

/// Whether two day ranges overlap once each is widened by [`DATE_SLACK_DAYS`]. Two undated
/// events are compatible; a dated and an undated one are not.
pub fn dates_compatible(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some((a0, a1)), Some((b0, b1))) => {
            a0 - DATE_SLACK_DAYS <= b1 + DATE_SLACK_DAYS
                && b0 - DATE_SLACK_DAYS <= a1 + DATE_SLACK_DAYS
        }
        _ => false,
    }
}

/// Words too common to say anything about which event a sentence tells.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "are", "as", "at", "be", "been",
    "before", "but", "by", "can", "could", "did", "do", "for", "from", "had", "has", "have", "he",
    "her", "his", "i", "if", "in", "into", "is", "it", "its", "last", "more", "mr", "ms", "new",
    "not", "of", "on", "one", "or", "over", "said", "says", "she", "so", "than", "that", "the",
    "their", "them", "there", "they", "this", "to", "told", "was", "we", "were", "which", "while",
    "who", "will", "with", "would", "you",
];

/// The content words of a sentence: lowercase alphanumeric words, stopwords left out,
/// crude plural and past-tense endings stripped, so "strikes"/"struck" differ but
/// "boats"/"boat" agree.
pub fn content_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .map(|w| {
            let stem = w
                .strip_suffix("ies")
                .map(|s| format!("{s}y"))
                .or_else(|| {
                    w.strip_suffix('s')
                        .filter(|s| s.len() > 2 && !s.ends_with('s'))
                        .map(str::to_string)
                })
                .unwrap_or_else(|| w.clone());
            stem
        })
        .collect()
}

/// Jaccard similarity of the content words of two sentences (0 when both have none).
pub fn evidence_similarity(a: &str, b: &str) -> f64 {
    jaccard(&content_words(a), &content_words(b))
}

/// The Jaccard similarity of two sets (0 when both are empty).
pub fn jaccard<T: Eq + std::hash::Hash>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    if union == 0 {
        return 0.0;
    }
    shared as f64 / union as f64
}

/// Hash functions in a MinHash signature.
pub const MINHASH_SIZE: usize = 64;

/// Rows per locality-sensitive band: 16 bands of 4, so that articles whose shingles are
/// half shared already meet in some band with good odds, and near-duplicates (80% or more)
/// almost surely do.
const BAND_ROWS: usize = 4;

/// Share of word 3-shingles (estimated Jaccard) from which two articles are near-duplicates.
pub const NEAR_DUPLICATE_SIMILARITY: f64 = 0.8;

/// The hashes of the word 3-shingles of `text` (lowercase alphanumeric words), distinct:
/// each the FNV-1a hash of the three words, each followed by a zero byte, then [`mix64`].
pub fn shingles(text: &str) -> HashSet<u64> {
    // The words, lowercase, one after the other in one string, and where each ends.
    let mut folded = String::with_capacity(text.len());
    let mut ends = Vec::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if word.is_ascii() {
            folded.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            folded.push_str(&word.to_lowercase());
        }
        ends.push(folded.len());
    }
    let bytes = folded.as_bytes();
    let mut shingles = HashSet::with_capacity(ends.len().saturating_sub(2));
    for i in 2..ends.len() {
        let mut start = if i >= 3 { ends[i - 3] } else { 0 };
        let mut h = FNV_OFFSET;
        for &end in &ends[i - 2..=i] {
            h = fnv1a_step(h, &bytes[start..end]);
            h = fnv1a_step(h, &[0]);
            start = end;
        }
        shingles.insert(mix64(h));
    }
    shingles
}

/// The MinHash signature of the word 3-shingles of `text`; `None` for a text of fewer
/// than three words.
pub fn minhash(text: &str) -> Option<[u32; MINHASH_SIZE]> {
    minhash_of(&shingles(text))
}

/// The MinHash signature of a set of [`shingles`]; `None` for an empty set.
pub fn minhash_of(shingles: &HashSet<u64>) -> Option<[u32; MINHASH_SIZE]> {
    if shingles.is_empty() {
        return None;
    }
    let mut signature = [u32::MAX; MINHASH_SIZE];
    for &base in shingles {
        for (i, slot) in signature.iter_mut().enumerate() {
            let h = mix64(base ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)) as u32;
            *slot = (*slot).min(h);
        }
    }
    Some(signature)
}

/// The locality-sensitive bands of a signature: each band's rows hashed together with the
/// band's position.
pub fn minhash_bands(signature: &[u32; MINHASH_SIZE]) -> Vec<i64> {
    signature
        .chunks(BAND_ROWS)
        .enumerate()
        .map(|(band, rows)| {
            let mut h = band as u64;
            for &r in rows {
                h = mix64(h ^ u64::from(r));
            }
            h as i64
        })
        .collect()
}

/// The estimated Jaccard similarity of two signatures' shingle sets.
pub fn minhash_similarity(a: &[u32; MINHASH_SIZE], b: &[u32; MINHASH_SIZE]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / MINHASH_SIZE as f64
}

/// A signature as bytes (little-endian), for storage.
pub fn signature_bytes(signature: &[u32; MINHASH_SIZE]) -> Vec<u8> {
    signature.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// A signature read back from [`signature_bytes`]; `None` if the length is wrong.
pub fn signature_from_bytes(bytes: &[u8]) -> Option<[u32; MINHASH_SIZE]> {
    if bytes.len() != 4 * MINHASH_SIZE {
        return None;
    }
    let mut signature = [0; MINHASH_SIZE];
    for (slot, chunk) in signature.iter_mut().zip(bytes.chunks_exact(4)) {
        *slot = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    Some(signature)
}

/// The FNV-1a hash before any byte.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a from the state `h` over `bytes`.
fn fnv1a_step(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The splitmix64 finaliser: every output bit depends on every input bit.
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The id of the merged event a report founds: a hash of its article's store key (content
/// hash) and the report's event id. `dyad code --format gdelt` uses it too, so that its
/// GLOBALEVENTID matches `dyad export`'s.
pub fn merged_event_id(content_hash: &str, event_id: &str) -> String {
    dyad_types::content_hash(&format!("{content_hash}\0{event_id}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shingles as first written (each word its own string, each shingle copied into a
    /// buffer and hashed there): stored fingerprints were made so and must stay the same.
    fn shingles_by_copying(text: &str) -> HashSet<u64> {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        words
            .windows(3)
            .map(|shingle| {
                let mut bytes = Vec::new();
                for w in shingle {
                    bytes.extend_from_slice(w.as_bytes());
                    bytes.push(0);
                }
                mix64(fnv1a_step(FNV_OFFSET, &bytes))
            })
            .collect()
    }

    #[test]
    fn shingles_are_those_of_each_word_copied() {
        for text in [
            "",
            "one two",
            "One two three",
            "The U.S. Navy said -- twice -- that 3 boats were hit; the NAVY said so again.",
            "ΟΔΟΣ Σίσυφος ΟΔΟΣ: Ärger über İstanbul, ǅemal and ﬁne ligatures in Ǆ words.",
            "数字 2024 年 日本 の 首相 said",
        ] {
            assert_eq!(shingles(text), shingles_by_copying(text), "{text}");
        }
        assert_eq!(shingles("a b c a b c").len(), 3);
    }

    #[test]
    fn day_ranges_of_timeml_values() {
        let d = |v| day_range(v).unwrap();
        assert_eq!(d("1970-01-01"), (0, 0));
        assert_eq!(d("2025-12-01").0 - d("2025-11-30").0, 1);
        let (a, b) = d("2025-11");
        assert_eq!(b - a, 29);
        let (a, b) = d("2024");
        assert_eq!(b - a, 365);
        // 2025-W48 runs Monday 24 to Sunday 30 November 2025.
        assert_eq!(d("2025-W48"), (d("2025-11-24").0, d("2025-11-30").0));
        assert_eq!(d("2025-Q4"), (d("2025-10-01").0, d("2025-12-31").0));
        assert_eq!(d("2025-WI"), (d("2025-12-01").0, d("2026-02-28").0));
        assert_eq!(d("202"), (d("2020-01-01").0, d("2029-12-31").0));
        assert_eq!(d("2025-11-27T10:00"), d("2025-11-27"));
        assert_eq!(day_range("PRESENT_REF"), None);
        assert_eq!(day_range("2025-13"), None);
        assert_eq!(day_range("2025-02-31"), None);
        assert_eq!(day_range("2025-W54"), None);
    }

    #[test]
    fn dates_overlap_with_a_day_of_slack() {
        let r = |v| day_range(v);
        assert!(dates_compatible(r("2025-11-27"), r("2025-11-28")));
        assert!(!dates_compatible(r("2025-11-27"), r("2025-11-30")));
        assert!(dates_compatible(r("2025-11-27"), r("2025-11")));
        assert!(!dates_compatible(r("2025-11-27"), None));
        assert!(dates_compatible(None, None));
    }

    #[test]
    fn actors_compare_by_country_then_code_then_name() {
        let actor = |text: &str, code: Option<&str>, country: Option<&str>| Actor {
            text: text.into(),
            code: code.map(Into::into),
            country: country.map(Into::into),
            ..Actor::default()
        };
        let white_house = actor("the White House", Some("USAGOV"), Some("USA"));
        let trump = actor("Trump", Some("USAGOV"), Some("USA"));
        assert_eq!(actor_key(Some(&white_house)), actor_key(Some(&trump)));
        assert_eq!(
            actor_key(Some(&actor("Hamas", Some("PSEINS"), None))),
            "PSEINS"
        );
        assert_eq!(
            actor_key(Some(&actor("The Rebels ", None, None))),
            "the rebels"
        );
        assert_eq!(actor_key(None), "");
    }

    #[test]
    fn evidence_similarity_ignores_stopwords_and_plurals() {
        let s = evidence_similarity(
            "The US struck three boats in the Caribbean.",
            "US forces struck a boat in the Caribbean on Tuesday.",
        );
        assert!(s > 0.4, "{s}");
        assert!(evidence_similarity("Talks in Oslo.", "A strike on Caracas.") < 0.1);
        assert_eq!(evidence_similarity("the", "a"), 0.0);
    }

    #[test]
    fn minhash_finds_wire_copies_not_rewrites() {
        let story = "The foreign minister arrived in Caracas on Monday for talks with the \
                     government about the release of detained oil workers, officials said, \
                     adding that a second round of talks would follow next month in Bogota. \
                     The workers, employees of a state company, were held in March after a \
                     dispute over unpaid wages at a refinery near the coast. Their families \
                     have staged weekly vigils outside the ministry, and church leaders have \
                     offered to mediate. The minister said both sides had agreed on a \
                     timetable, though he gave no details, and that medical teams would be \
                     allowed to visit the detained workers before the end of the week. \
                     Opposition deputies called the visit a publicity exercise and demanded \
                     that parliament be told what had been promised in exchange.";
        let copy = format!("UPDATE: {story} This story has been corrected.");
        let rewrite = story
            .replace("arrived in", "reached")
            .replace("talks", "negotiations")
            .replace("workers", "staff")
            .replace("minister", "envoy")
            .replace("said", "stated")
            .replace("the", "a");
        let other = "Heavy rain flooded the northern provinces overnight, forcing thousands \
                     from their homes as rivers burst their banks and roads were closed.";
        let sig = |t: &str| minhash(t).unwrap();
        let near =
            |a: &str, b: &str| minhash_similarity(&sig(a), &sig(b)) >= NEAR_DUPLICATE_SIMILARITY;
        assert!(near(story, &copy));
        assert!(!near(story, &rewrite));
        assert!(!near(story, other));
        let shared_band = |a: &str, b: &str| {
            let bands = minhash_bands(&sig(b));
            minhash_bands(&sig(a)).iter().any(|x| bands.contains(x))
        };
        assert!(shared_band(story, &copy));
        assert!(!shared_band(story, other));
        assert_eq!(
            signature_from_bytes(&signature_bytes(&sig(story))),
            Some(sig(story))
        );
        assert_eq!(minhash("two words"), None);
    }
}
