//! Quotation marks: pairing opening and closing marks into quoted spans.
//!
//! Curly (“ ” ‘ ’), straight (" '), guillemets (« ») and TeX-style (`` '') marks are paired per
//! paragraph. A quote still open at the end of a paragraph continues when the next paragraph
//! opens with a quotation mark (the English convention for quotes of several paragraphs) and
//! ends with its paragraph otherwise. Single quotes inside a double-quoted span are nested
//! quotes; at top level they count only when they cannot be apostrophes.

/// A quoted span found by its marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarkedQuote {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset one past the closing mark (the end of the content if it never closed).
    pub close: usize,
    /// Byte offset of the content (after the opening mark and spaces).
    pub start: usize,
    /// Byte offset one past the content (before the closing mark, without trailing spaces).
    pub end: usize,
    /// 0 for a top-level quote, 1 for a quote nested in another.
    pub depth: u8,
}

#[derive(Debug, Clone, Copy)]
enum Mark {
    Open,
    Close,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

/// Finds all quoted spans of `text`, outer quotes and nested ones, in order of their opening.
pub fn find_marked_quotes(text: &str) -> Vec<MarkedQuote> {
    let mut out = Vec::new();
    // The open top-level quote: (opening mark offset, content start, family).
    let mut outer: Option<(usize, usize, Family)> = None;
    let mut inner: Option<(usize, usize)> = None;
    let mut paragraph_start = 0;
    let mut last_content_end = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (pos, c) = chars[k];
        let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
        let (mark, width) = classify(&chars, k);
        let next = chars.get(k + width).map(|&(_, c)| c);
        let end = chars.get(k + width).map_or(text.len(), |&(p, _)| p);
        if c == '\n' {
            inner = None;
            if let Some((open, start, _)) = outer {
                // Continue into the next paragraph only if it opens with a quotation mark.
                let mut j = k + 1;
                while j < chars.len() && chars[j].1.is_whitespace() {
                    j += 1;
                }
                let (next_mark, next_width) = if j < chars.len() {
                    classify(&chars, j)
                } else {
                    (None, 1)
                };
                let reopens = matches!(next_mark, Some((Mark::Open | Mark::Both, Family::Double)));
                if reopens {
                    k = j + next_width;
                    continue;
                }
                push(&mut out, text, open, pos, start, pos, 0);
                outer = None;
            }
            paragraph_start = end;
            k += 1;
            continue;
        }
        let Some((mark, family)) = mark else {
            if !c.is_whitespace() {
                last_content_end = end;
            }
            k += width;
            continue;
        };
        let opens_here = can_open(prev, next);
        let closes_here = can_close(prev, next);
        match (family, outer) {
            (Family::Double, None) => {
                if matches!(mark, Mark::Open) || (matches!(mark, Mark::Both) && opens_here) {
                    outer = Some((pos, end, Family::Double));
                }
            }
            (Family::Double, Some((open, start, Family::Double))) => {
                if matches!(mark, Mark::Close) || matches!(mark, Mark::Both) {
                    push(&mut out, text, open, end, start, pos, 0);
                    outer = None;
                    inner = None;
                } else {
                    // A second opening mark: the first never closed.
                    push(&mut out, text, open, pos, start, pos, 0);
                    outer = Some((pos, end, Family::Double));
                    inner = None;
                }
            }
            (Family::Single, Some((_, _, Family::Double))) => match inner {
                None if opens_here && !matches!(mark, Mark::Close) => inner = Some((pos, end)),
                Some((open, start)) if closes_here && !matches!(mark, Mark::Open) => {
                    push(&mut out, text, open, end, start, pos, 1);
                    inner = None;
                }
                _ => {}
            },
            (Family::Single, None) => {
                let digit_next = next.is_some_and(|n| n.is_ascii_digit());
                if opens_here && !digit_next && !matches!(mark, Mark::Close) {
                    outer = Some((pos, end, Family::Single));
                }
            }
            (Family::Single, Some((open, start, Family::Single))) => {
                if closes_here && !matches!(mark, Mark::Open) {
                    push(&mut out, text, open, end, start, pos, 0);
                    outer = None;
                }
            }
            (Family::Double, Some((_, _, Family::Single))) => {
                // Double marks inside a single-quoted span: nested quote.
                match inner {
                    None if opens_here => inner = Some((pos, end)),
                    Some((open, start)) => {
                        push(&mut out, text, open, end, start, pos, 1);
                        inner = None;
                    }
                    None => {}
                }
            }
        }
        let _ = paragraph_start;
        k += width;
    }
    if let Some((open, start, _)) = outer {
        push(
            &mut out,
            text,
            open,
            last_content_end.max(start),
            start,
            last_content_end.max(start),
            0,
        );
    }
    out.sort_by_key(|q| (q.open, q.depth));
    out
}

fn classify(chars: &[(usize, char)], k: usize) -> (Option<(Mark, Family)>, usize) {
    let c = chars[k].1;
    let next = chars.get(k + 1).map(|&(_, c)| c);
    match c {
        '“' | '„' | '«' => (Some((Mark::Open, Family::Double)), 1),
        '”' | '»' => (Some((Mark::Close, Family::Double)), 1),
        '"' => (Some((Mark::Both, Family::Double)), 1),
        '`' if next == Some('`') => (Some((Mark::Open, Family::Double)), 2),
        '\'' if next == Some('\'') => (Some((Mark::Close, Family::Double)), 2),
        '‘' => (Some((Mark::Open, Family::Single)), 1),
        '’' => {
            // Inside a word it is an apostrophe.
            let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
            if prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) {
                (None, 1)
            } else {
                (Some((Mark::Close, Family::Single)), 1)
            }
        }
        '\'' => {
            let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
            if prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric) {
                (None, 1)
            } else {
                (Some((Mark::Both, Family::Single)), 1)
            }
        }
        _ => (None, 1),
    }
}

fn can_open(prev: Option<char>, next: Option<char>) -> bool {
    let prev_ok = match prev {
        None => true,
        Some(p) => p.is_whitespace() || "([{—–-/:".contains(p),
    };
    let next_ok = next.is_some_and(|n| !n.is_whitespace());
    prev_ok && next_ok
}

fn can_close(prev: Option<char>, next: Option<char>) -> bool {
    let prev_ok = prev.is_some_and(|p| !p.is_whitespace());
    let next_ok = match next {
        None => true,
        Some(n) => !n.is_alphanumeric(),
    };
    prev_ok && next_ok
}

fn push(
    out: &mut Vec<MarkedQuote>,
    text: &str,
    open: usize,
    close: usize,
    start: usize,
    end: usize,
    depth: u8,
) {
    let content = &text[start..end];
    let lead = content.len() - content.trim_start().len();
    let trimmed =
        content.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
    let (start, end) = (start + lead, start + trimmed.len());
    if start < end {
        out.push(MarkedQuote {
            open,
            close,
            start,
            end,
            depth,
        });
    }
}
