//! The rule tokeniser: splits text into UD-style tokens (EWT and GUM conventions) with byte
//! offsets. One pass over the bytes, no regular expressions, no allocation but the output.

use dyad_types::Span;

use crate::lexicon::Lexicon;

/// Splits `text` into tokens, appending their byte spans to `out` in text order.
///
/// Spans are non-empty, ordered, non-overlapping, on character boundaries and never cover
/// whitespace.
pub fn tokenize(text: &str, lexicon: &Lexicon, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let (c, len) = char_at(text, i);
        if c.is_whitespace() {
            i += len;
            continue;
        }
        let start = i;
        let mut simple = true;
        while i < n {
            let b = bytes[i];
            if b < 0x80 {
                if is_ascii_space(b) {
                    break;
                }
                simple &= b.is_ascii_alphanumeric();
                i += 1;
            } else {
                let (c, len) = char_at(text, i);
                if c.is_whitespace() {
                    break;
                }
                simple = false;
                i += len;
            }
        }
        if simple {
            push_word(text, start, i, lexicon, out);
        } else {
            split_chunk(text, start, i, lexicon, out);
        }
    }
    split_before_next_words(text, lexicon, out);
}

/// Splits words that are contractions only before some next words (`its a` → `it s a`).
fn split_before_next_words(text: &str, lexicon: &Lexicon, out: &mut Vec<Span>) {
    let mut k = 0;
    while k + 1 < out.len() {
        let (word, next) = (out[k], out[k + 1]);
        let splits = (word.end < next.start)
            .then(|| {
                lexicon.contraction_before(&text[word.start..word.end], &text[next.start..next.end])
            })
            .flatten();
        if let Some(splits) = splits {
            let mut pieces = Vec::with_capacity(splits.len() + 1);
            let mut from = word.start;
            for &split in splits {
                let at = word.start + usize::from(split);
                pieces.push(Span::new(from, at));
                from = at;
            }
            pieces.push(Span::new(from, word.end));
            let count = pieces.len();
            out.splice(k..=k, pieces);
            k += count;
        } else {
            k += 1;
        }
    }
}

#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The character at byte `i` (a character boundary) and its length in bytes.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (char::from(b), 1)
    } else {
        let c = text[i..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    }
}

/// Letters, digits and combining marks: the characters words are made of.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

fn is_mark(c: char) -> bool {
    matches!(u32::from(c),
        0x300..=0x36F | 0x483..=0x489 | 0x591..=0x5C7 | 0x610..=0x61A | 0x64B..=0x65F
        | 0x900..=0x903 | 0x93A..=0x94F | 0x981..=0x9CD | 0xE31..=0xE3A | 0xE47..=0xE4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
}

/// A whitespace-free chunk that is not a plain run of ASCII letters and digits.
fn split_chunk(text: &str, start: usize, end: usize, lexicon: &Lexicon, out: &mut Vec<Span>) {
    if let Some((core_start, core_end)) = find_link(text, start, end) {
        split_plain(text, start, core_start, lexicon, out);
        out.push(Span::new(core_start, core_end));
        split_plain(text, core_end, end, lexicon, out);
    } else {
        split_plain(text, start, end, lexicon, out);
    }
}

/// A URL or e-mail address inside the chunk, without surrounding punctuation.
fn find_link(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let chunk = &text.as_bytes()[start..end];
    let is_link = contains(chunk, b"://")
        || contains(chunk, b"www.")
        || chunk
            .iter()
            .position(|&b| b == b'@')
            .is_some_and(|at| at > 0 && chunk[at + 1..].contains(&b'.'));
    if !is_link {
        return None;
    }
    let lead = b"\"'([{<";
    let trail = b".,;:!?\"')]}>";
    let mut s = 0;
    while s < chunk.len() && lead.contains(&chunk[s]) {
        s += 1;
    }
    let mut e = chunk.len();
    while e > s && trail.contains(&chunk[e - 1]) {
        e -= 1;
    }
    // Keep a closing bracket the link itself opened (wiki-style links).
    if e < chunk.len() && chunk[e] == b')' && chunk[s..e].contains(&b'(') {
        e += 1;
    }
    let (s, e) = (start + s, start + e);
    (e > s && text.is_char_boundary(s) && text.is_char_boundary(e)).then_some((s, e))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn split_plain(text: &str, start: usize, end: usize, lexicon: &Lexicon, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut pos = start;
    while pos < end {
        let (c, _) = char_at(text, pos);
        if is_word_char(c) {
            let word_end = scan_word(text, pos, end, lexicon);
            let mut token_end = word_end;
            if word_end < end && bytes[word_end] == b'.' {
                let ellipsis = word_end + 1 < end && bytes[word_end + 1] == b'.';
                if !ellipsis && attaches_period(&text[pos..=word_end], lexicon) {
                    token_end = word_end + 1;
                }
            } else if word_end + 1 == end
                && bytes[word_end] == b'-'
                && pos == start
                && word_end - pos <= 4
                && bytes[pos..word_end].iter().all(u8::is_ascii_alphabetic)
            {
                // A broken-off word ("th- the"): the hyphen stays on it.
                token_end = end;
            }
            push_word(text, pos, token_end, lexicon, out);
            pos = token_end;
        } else if let Some(clitic_end) = clitic_after_period(text, start, pos, end) {
            out.push(Span::new(pos, clitic_end));
            pos = clitic_end;
        } else {
            let punct_end = scan_punct(text, pos, end);
            out.push(Span::new(pos, punct_end));
            pos = punct_end;
        }
    }
}

/// The end of the word starting at `pos`: word characters joined by connectors that stay
/// inside words (`U.S`, `1,000.50`, `10:30`, `AT&T`, `O'Brien`, `non-avian`).
fn scan_word(text: &str, pos: usize, end: usize, lexicon: &Lexicon) -> usize {
    let bytes = text.as_bytes();
    let mut j = pos;
    let mut segment_start = pos;
    loop {
        while j < end {
            let (c, len) = char_at(text, j);
            if !is_word_char(c) {
                break;
            }
            j += len;
        }
        if j >= end {
            return j;
        }
        let (c, len) = char_at(text, j);
        let next = j + len;
        if next >= end {
            return j;
        }
        let (d, _) = char_at(text, next);
        if !is_word_char(d) {
            return j;
        }
        let prev = bytes[j - 1];
        let keep = match c {
            '.' | '_' | '\'' | '’' => true,
            ',' => prev.is_ascii_digit() && thousands_follow(bytes, next, end),
            ':' => prev.is_ascii_digit() && d.is_ascii_digit(),
            '/' => {
                (prev.is_ascii_digit() && d.is_ascii_digit())
                    || letter_slash_letter(text, pos, j, end)
            }
            '&' => prev.is_ascii_uppercase() && d.is_ascii_uppercase(),
            '-' => keeps_hyphen(text, segment_start, j, next, end, lexicon),
            _ => false,
        };
        if !keep {
            return j;
        }
        if c == '-' {
            segment_start = next;
        }
        j = next;
    }
}

/// One letter, a slash and one letter as a whole word: `b/c`, `w/o`, `I/C` (UD keeps them
/// whole; `c/o` and `b/o` were split in the training data, so a final `o` after anything
/// but `w` splits).
fn letter_slash_letter(text: &str, word_start: usize, slash: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let after = slash + 1;
    slash == word_start + 1
        && bytes[word_start].is_ascii_alphabetic()
        && after < end
        && bytes[after].is_ascii_alphabetic()
        && (after + 1 == end || !is_word_char(char_at(text, after + 1).0))
        && (!bytes[after].eq_ignore_ascii_case(&b'o')
            || bytes[word_start].eq_ignore_ascii_case(&b'w'))
}

/// Exactly three digits after a comma, then no further digit: `1,000`.
fn thousands_follow(bytes: &[u8], at: usize, end: usize) -> bool {
    at + 3 <= end
        && bytes[at..at + 3].iter().all(u8::is_ascii_digit)
        && (at + 3 == end || !bytes[at + 3].is_ascii_digit())
}

/// Whether the hyphen at `hyphen` joins the segment before it to the word after it.
fn keeps_hyphen(
    text: &str,
    segment_start: usize,
    hyphen: usize,
    after: usize,
    end: usize,
    lexicon: &Lexicon,
) -> bool {
    let bytes = text.as_bytes();
    let before = &bytes[segment_start..hyphen];
    if before.iter().all(u8::is_ascii_digit) {
        // Phone numbers, zip codes and dates stay whole; ranges ("3-4") split.
        let mut k = after;
        while k < end && bytes[k].is_ascii_digit() {
            k += 1;
        }
        let digits_after = k - after;
        let another = k + 1 < end && bytes[k] == b'-' && bytes[k + 1].is_ascii_digit();
        return digits_after > 0
            && (another || (before.len() >= 3 && digits_after >= 3) || before.len() >= 5);
    }
    lexicon.keeps_hyphen_after(&text[segment_start..hyphen])
}

/// Whether a word keeps the period that follows it (`word` includes the period).
fn attaches_period(word: &str, lexicon: &Lexicon) -> bool {
    if lexicon.is_abbreviation(word) {
        return true;
    }
    let core = &word.as_bytes()[..word.len() - 1];
    if core.len() == 1 {
        return core[0].is_ascii_uppercase();
    }
    core.contains(&b'.')
        && core
            .split(|&b| b == b'.')
            .all(|s| !s.is_empty() && s.len() <= 3 && s.iter().all(u8::is_ascii_alphabetic))
}

/// A clitic right after an abbreviation's period (`D.C.’s`, `U.S.'s`): its end.
fn clitic_after_period(text: &str, start: usize, pos: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if pos == start || bytes[pos - 1] != b'.' {
        return None;
    }
    let (c, len) = char_at(text, pos);
    if c != '\'' && c != '’' {
        return None;
    }
    let from = pos + len;
    let mut to = from;
    while to < end && bytes[to].is_ascii_alphabetic() {
        to += 1;
    }
    let suffix = text[from..to].to_ascii_lowercase();
    let ends_word = to == end || !is_word_char(char_at(text, to).0);
    (ends_word && matches!(suffix.as_str(), "s" | "re" | "ll" | "ve" | "m" | "d")).then_some(to)
}

/// The end of the punctuation token starting at `pos`.
fn scan_punct(text: &str, pos: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let (c, len) = char_at(text, pos);
    match c {
        '.' | '!' | '?' => {
            let mut j = pos + 1;
            while j < end && matches!(bytes[j], b'.' | b'!' | b'?') {
                j += 1;
            }
            j
        }
        ':' | ';' | '=' if is_emoticon(bytes, pos + 1, end) => emoticon_end(bytes, pos + 1),
        '-' | '*' | '=' | '_' | '<' | '>' | '~' | '`' | '\'' | '^' | '#' | '+' | '$' => {
            let mut j = pos + 1;
            while j < end && bytes[j] == bytes[pos] {
                j += 1;
            }
            j
        }
        _ => pos + len,
    }
}

/// A smiley's mouth after its eyes (`:)`, `;-)`, `:D`), followed by nothing wordy.
fn is_emoticon(bytes: &[u8], at: usize, end: usize) -> bool {
    let at = if at < end && bytes[at] == b'-' {
        at + 1
    } else {
        at
    };
    at < end
        && matches!(
            bytes[at],
            b')' | b'(' | b'D' | b'P' | b'p' | b'/' | b'|' | b']' | b'['
        )
        && (at + 1 == end || !bytes[at + 1].is_ascii_alphanumeric())
}

fn emoticon_end(bytes: &[u8], at: usize) -> usize {
    if bytes[at] == b'-' {
        at + 2
    } else {
        at + 1
    }
}

/// Pushes a word, split into its clitics (`do|n't`, `it|'s`, `can|not`).
fn push_word(text: &str, start: usize, end: usize, lexicon: &Lexicon, out: &mut Vec<Span>) {
    let word = &text[start..end];
    if let Some(splits) = lexicon.contraction(word) {
        let mut from = start;
        for &split in splits {
            let at = start + usize::from(split);
            out.push(Span::new(from, at));
            from = at;
        }
        out.push(Span::new(from, end));
        return;
    }
    match clitic_split(word.as_bytes()) {
        Some(at) => {
            out.push(Span::new(start, start + at));
            out.push(Span::new(start + at, end));
        }
        None => out.push(Span::new(start, end)),
    }
}

/// Where an English clitic begins inside `word`: `n't`, `'s`, `'re`, `'ll`, `'ve`, `'m`, `'d`
/// (with a straight or curly apostrophe).
pub(crate) fn clitic_split(word: &[u8]) -> Option<usize> {
    let n = word.len();
    if n < 3 || !word.iter().any(|&b| b == b'\'' || b == 0xE2) {
        return None;
    }
    for apostrophe in [&b"'"[..], "’".as_bytes()] {
        let a = apostrophe.len();
        // n't
        if n > a + 2
            && word[n - 1].eq_ignore_ascii_case(&b't')
            && &word[n - 1 - a..n - 1] == apostrophe
            && word[n - 2 - a].eq_ignore_ascii_case(&b'n')
        {
            return Some(n - 2 - a);
        }
        for suffix in [&b"s"[..], b"re", b"ll", b"ve", b"m", b"d"] {
            let k = suffix.len() + a;
            if n > k
                && word[n - suffix.len()..].eq_ignore_ascii_case(suffix)
                && &word[n - k..n - suffix.len()] == apostrophe
            {
                return Some(n - k);
            }
        }
    }
    None
}
