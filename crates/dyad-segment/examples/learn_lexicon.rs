//! Learns the tokeniser's word lists from UD training data and writes them to `data/`.
//!
//! ```text
//! cargo run --release -p dyad-segment --example learn_lexicon -- \
//!     ../shared/data/ud/en_ewt/en_ewt-ud-train.conllu ../shared/data/ud/en_gum/en_gum-ud-train.conllu
//! ```
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::path::Path;

use dyad_segment::{tokenize, Lexicon};

/// A surface token: its form, whether a space follows, and the words of a multiword token.
struct Surface {
    form: String,
    space: bool,
    words: Vec<String>,
}

fn read_surface(path: &Path) -> std::io::Result<Vec<Surface>> {
    let content = std::fs::read_to_string(path)?;
    let mut out: Vec<Surface> = Vec::new();
    let mut inside_until = 0usize;
    for line in content.lines() {
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() < 10 || columns[0].contains('.') {
            continue;
        }
        let space = !columns[9].contains("SpaceAfter=No");
        if let Some((_, last)) = columns[0].split_once('-') {
            inside_until = last.parse().unwrap_or(0);
            out.push(Surface {
                form: columns[1].into(),
                space,
                words: Vec::new(),
            });
            continue;
        }
        let id: usize = columns[0].parse().unwrap_or(0);
        if id <= inside_until {
            if let Some(last) = out.last_mut() {
                last.words.push(columns[1].into());
            }
            if id == inside_until {
                inside_until = 0;
            }
            continue;
        }
        inside_until = 0;
        out.push(Surface {
            form: columns[1].into(),
            space,
            words: Vec::new(),
        });
    }
    Ok(out)
}

fn main() -> std::io::Result<()> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let mut tokens = Vec::new();
    for path in &paths {
        tokens.extend(read_surface(Path::new(path))?);
    }
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");

    // Abbreviations: letters with a final period kept in one token more often than split.
    let mut kept: BTreeMap<String, usize> = BTreeMap::new();
    let mut split: BTreeMap<String, usize> = BTreeMap::new();
    for (k, t) in tokens.iter().enumerate() {
        let f = &t.form;
        if f.len() >= 2
            && f.ends_with('.')
            && f.starts_with(|c: char| c.is_alphabetic())
            && f.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
        {
            *kept.entry(f.clone()).or_default() += 1;
        }
        if !t.space && tokens.get(k + 1).is_some_and(|n| n.form == ".") {
            *split.entry(format!("{f}.")).or_default() += 1;
        }
    }
    let abbreviations: Vec<&String> = kept
        .iter()
        .filter(|(f, &n)| {
            // A lowercase word with a period is more often a typo than an abbreviation.
            let plain_lower =
                f.starts_with(|c: char| c.is_lowercase()) && f.matches('.').count() == 1;
            n >= split.get(*f).copied().unwrap_or(0).max(1) && (!plain_lower || n >= 2)
        })
        .map(|(f, _)| f)
        .collect();
    let mut text = String::from("# Abbreviations kept with their period in UD EWT + GUM train\n");
    for chunk in abbreviations.chunks(12) {
        let line: Vec<&str> = chunk.iter().map(|s| s.as_str()).collect();
        text.push_str(&line.join(" "));
        text.push('\n');
    }
    std::fs::write(data.join("abbreviations.txt"), text)?;

    // Contractions the generic clitic rules miss (`cannot`, `gonna`, `dont`).
    let empty = Lexicon::default();
    let mut as_mwt: BTreeMap<String, (usize, Vec<usize>)> = BTreeMap::new();
    let mut as_word: BTreeMap<String, usize> = BTreeMap::new();
    for t in &tokens {
        let lower = t.form.to_lowercase();
        if !lower.is_ascii() || lower.len() > 16 {
            continue;
        }
        if t.words.is_empty() {
            *as_word.entry(lower).or_default() += 1;
            continue;
        }
        if t.words.concat().to_lowercase() != lower {
            continue;
        }
        let mut spans = Vec::new();
        tokenize(&lower, &empty, &mut spans);
        let mut offsets = Vec::new();
        let mut at = 0;
        for w in &t.words[..t.words.len() - 1] {
            at += w.len();
            offsets.push(at);
        }
        let generic: Vec<usize> = spans.iter().skip(1).map(|s| s.start).collect();
        // A possessive written without apostrophe ("jacks") is left alone but for pronouns.
        let bare_s = t.words.last().is_some_and(|w| w == "s")
            && !["hes", "shes", "thats", "whats", "theres", "heres", "wheres"]
                .contains(&lower.as_str());
        if generic != offsets && !bare_s {
            let entry = as_mwt.entry(lower).or_insert((0, offsets));
            entry.0 += 1;
        }
    }
    let mut text =
        String::from("# Multiword tokens the apostrophe rules miss, UD EWT + GUM train\n");
    let mut always = std::collections::BTreeSet::new();
    for (form, (n, offsets)) in &as_mwt {
        if *n >= 2 && *n > as_word.get(form).copied().unwrap_or(0) {
            always.insert(form.clone());
            let offsets: Vec<String> = offsets.iter().map(ToString::to_string).collect();
            text.push_str(&format!("{form}\t{}\n", offsets.join(",")));
        }
    }
    std::fs::write(data.join("contractions.tsv"), text)?;

    // Words that are contractions only before some next words (`its a` = `it s a`).
    let mut pair_split: BTreeMap<(String, String), (usize, Vec<usize>)> = BTreeMap::new();
    let mut pair_whole: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (k, t) in tokens.iter().enumerate() {
        let lower = t.form.to_lowercase();
        let Some(next) = tokens.get(k + 1) else {
            continue;
        };
        if !lower.is_ascii() || lower.len() > 16 || lower.contains('\'') || !t.space {
            continue;
        }
        let key = (lower.clone(), next.form.to_lowercase());
        if t.words.is_empty() {
            *pair_whole.entry(key).or_default() += 1;
        } else if t.words.concat().to_lowercase() == lower && !always.contains(&lower) {
            let mut offsets = Vec::new();
            let mut at = 0;
            for w in &t.words[..t.words.len() - 1] {
                at += w.len();
                offsets.push(at);
            }
            pair_split.entry(key).or_insert((0, offsets)).0 += 1;
        }
    }
    let mut text =
        String::from("# Words split as contractions before these next words, UD EWT + GUM train\n");
    for ((form, next), (n, offsets)) in &pair_split {
        let whole = pair_whole
            .get(&(form.clone(), next.clone()))
            .copied()
            .unwrap_or(0);
        if *n >= 2 && *n > whole && !next.contains(char::is_whitespace) {
            let offsets: Vec<String> = offsets.iter().map(ToString::to_string).collect();
            text.push_str(&format!("{form}\t{next}\t{}\n", offsets.join(",")));
        }
    }
    std::fs::write(data.join("contractions_before.tsv"), text)?;

    // Prefixes whose hyphen stays inside the word more often than not.
    let mut whole: BTreeMap<String, usize> = BTreeMap::new();
    let mut apart: BTreeMap<String, usize> = BTreeMap::new();
    for (k, t) in tokens.iter().enumerate() {
        if let Some((prefix, rest)) = t.form.split_once('-') {
            if !prefix.is_empty()
                && prefix.chars().all(char::is_alphabetic)
                && rest.starts_with(char::is_alphabetic)
            {
                *whole.entry(prefix.to_lowercase()).or_default() += 1;
            }
        }
        let next = tokens.get(k + 1);
        let after = tokens.get(k + 2);
        if !t.space
            && t.form.chars().all(char::is_alphabetic)
            && next.is_some_and(|n| n.form == "-" && !n.space)
            && after.is_some_and(|a| a.form.starts_with(char::is_alphabetic))
        {
            *apart.entry(t.form.to_lowercase()).or_default() += 1;
        }
    }
    let mut text = String::from("# Prefixes keeping their hyphen in UD EWT + GUM train\n");
    let prefixes: Vec<&String> = whole
        .iter()
        .filter(|(p, &n)| n >= 2 && n > apart.get(*p).copied().unwrap_or(0))
        .map(|(p, _)| p)
        .collect();
    for chunk in prefixes.chunks(12) {
        let line: Vec<&str> = chunk.iter().map(|s| s.as_str()).collect();
        text.push_str(&line.join(" "));
        text.push('\n');
    }
    std::fs::write(data.join("hyphen_prefixes.txt"), text)?;
    println!(
        "{} abbreviations, {} contractions checked, {} hyphen prefixes",
        abbreviations.len(),
        as_mwt.len(),
        prefixes.len()
    );
    Ok(())
}
