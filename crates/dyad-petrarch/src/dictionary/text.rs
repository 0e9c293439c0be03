//! Line handling shared by the dictionary readers: comments, codes in brackets, words.

/// Removes `<!-- ... -->` comments (which may span lines) from a whole file.
pub fn strip_block_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!") {
        out.push_str(&rest[..start]);
        match rest[start..]
            .find("-->")
            .or_else(|| rest[start..].find('>'))
        {
            Some(end) => {
                let skipped = &rest[start..start + end];
                // Keep line numbers stable: one newline per skipped line.
                out.extend(skipped.matches('\n').map(|_| '\n'));
                let close = if rest[start + end..].starts_with("-->") {
                    3
                } else {
                    1
                };
                rest = &rest[start + end + close..];
            }
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The line without its `#` (or `;`) comment, trimmed.
pub fn strip_line_comment(line: &str) -> &str {
    // A `#` inside a code bracket (`[###]`) is part of the code.
    let mut depth = 0usize;
    let cut = line
        .char_indices()
        .find(|&(_, c)| {
            match c {
                '[' => depth += 1,
                ']' => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth == 0 && (c == '#' || c == ';')
        })
        .map_or(line.len(), |(i, _)| i);
    line[..cut].trim()
}

/// The insides of every `[...]` on a line.
pub fn all_codes(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let (Some(o), Some(c)) = (rest.find('['), rest.find(']')) {
        if c < o {
            rest = &rest[c + 1..];
            continue;
        }
        out.push(rest[o + 1..c].trim());
        rest = &rest[c + 1..];
    }
    out
}

/// Splits `text [code] rest` into the text before the first `[`, the code inside and the
/// text after `]`. Returns `None` for the code when there is no bracket.
pub fn split_code(line: &str) -> (&str, Option<&str>, &str) {
    match (line.find('['), line.find(']')) {
        (Some(open), Some(close)) if close > open => (
            line[..open].trim(),
            Some(line[open + 1..close].trim()),
            line[close + 1..].trim(),
        ),
        _ => (line.trim(), None, ""),
    }
}

/// Splits a dictionary phrase (`GOLDEN_GOOSE`, `CARAS GALADHON`) into upper-case words; a
/// word followed by `_` in the phrase's last position is marked exact.
pub fn phrase_words(phrase: &str) -> Vec<(String, bool)> {
    // TABARI marks some names with a trailing `=`.
    let phrase = phrase.trim().trim_end_matches('=').trim_end();
    let exact_end = phrase.ends_with('_');
    let words: Vec<String> = phrase
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_uppercase())
        .collect();
    let n = words.len();
    words
        .into_iter()
        .enumerate()
        // Inner words of a multi-word phrase are always whole words.
        .map(|(i, w)| (w, i + 1 < n || exact_end))
        .collect()
}

/// A date in a restriction: `YYYYMMDD`, or `YYMMDD` (00-29 read as 20xx, else 19xx).
pub fn parse_date(s: &str) -> Option<u32> {
    let s = s.trim();
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match s.len() {
        8 => s.parse().ok(),
        6 => {
            let v: u32 = s.parse().ok()?;
            let century = if v / 10000 < 30 {
                20_000_000
            } else {
                19_000_000
            };
            Some(century + v)
        }
        _ => None,
    }
}

/// A record date (`19950101`, `2012-11-09`) as `YYYYMMDD`.
pub fn parse_record_date(s: &str) -> Option<u32> {
    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    parse_date(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_codes() {
        assert_eq!(strip_block_comments("a<!-- x\ny -->b"), "a\nb");
        assert_eq!(strip_line_comment("ARNOR [ARN] # note"), "ARNOR [ARN]");
        assert_eq!(strip_line_comment("NASGUL [###] ; x"), "NASGUL [###]");
        assert_eq!(all_codes("ONO [A <911226] [###]"), ["A <911226", "###"]);
        assert_eq!(split_code("X Y [ABC] z"), ("X Y", Some("ABC"), "z"));
        assert_eq!(split_code("X Y"), ("X Y", None, ""));
    }

    #[test]
    fn words_and_dates() {
        assert_eq!(
            phrase_words("NEW_ZEALAND"),
            vec![("NEW".into(), true), ("ZEALAND".into(), false)]
        );
        assert_eq!(phrase_words("LIBYA_"), vec![("LIBYA".into(), true)]);
        assert_eq!(parse_date("950601"), Some(19950601));
        assert_eq!(parse_date("070723"), Some(20070723));
        assert_eq!(parse_date("20121109"), Some(20121109));
        assert_eq!(parse_date("9506"), None);
        assert_eq!(parse_record_date("2012-11-09"), Some(20121109));
    }
}
