//! Bytes to text: binary detection, byte-order marks, legacy encodings.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use crate::error::{ReadError, Result};

/// How many leading bytes are inspected to tell text from binary.
const SNIFF_LEN: usize = 8192;

/// Text decoded from bytes, with a note when the decoding was not clean.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// The text (still raw: not cleaned).
    pub text: String,
    /// A warning for the reader's diagnostics, e.g. invalid UTF-8 decoded lossily.
    pub warning: Option<String>,
}

/// Whether `bytes` look like a binary file: a NUL byte, or more than one in ten control
/// characters, within the first few kilobytes. Text with a UTF-16 byte-order mark is text.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    if matches!(Encoding::for_bom(bytes), Some((e, _)) if e == UTF_16LE || e == UTF_16BE) {
        return false;
    }
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    controls * 10 > sample.len()
}

/// Decode text bytes: a byte-order mark wins, then `declared` (from an HTML `<meta>`), then
/// UTF-8; bytes that are not UTF-8 fall back as [`decode_utf8_or_legacy`] explains.
///
/// Fails with [`ReadError::Binary`] when the bytes look binary.
pub(crate) fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded> {
    if looks_binary(bytes) {
        return Err(ReadError::Binary);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok(decode_as(&bytes[bom_len..], encoding));
    }
    match declared.map(ascii_compatible) {
        Some(encoding) if encoding != UTF_8 => Ok(decode_as(bytes, encoding)),
        _ => Ok(decode_utf8_or_legacy(bytes)),
    }
}

/// A declaration of UTF-16 in an ASCII-readable `<meta>` cannot be true: read it as UTF-8.
fn ascii_compatible(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else {
        encoding.output_encoding()
    }
}

/// Decode with a known encoding, warning when some bytes were malformed for it.
fn decode_as(bytes: &[u8], encoding: &'static Encoding) -> Decoded {
    if encoding == UTF_8 {
        return decode_utf8_or_legacy(bytes);
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let warning =
        had_errors.then(|| format!("malformed {} bytes, replaced with U+FFFD", encoding.name()));
    Decoded {
        text: text.into_owned(),
        warning,
    }
}

/// UTF-8 if valid. Otherwise, when no valid multi-byte UTF-8 sequence occurs at all, the
/// text is taken for a legacy single-byte file and decoded as windows-1252 (a superset of
/// Latin-1); when some do, it is UTF-8 with a few broken bytes, decoded lossily. Both warn.
pub(crate) fn decode_utf8_or_legacy(bytes: &[u8]) -> Decoded {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: text.to_string(),
            warning: None,
        };
    }
    let (valid_multibyte, invalid) = utf8_census(bytes);
    if valid_multibyte == 0 {
        let (text, _, _) = WINDOWS_1252.decode(bytes);
        return Decoded {
            text: text.into_owned(),
            warning: Some("invalid UTF-8; decoded as windows-1252".to_string()),
        };
    }
    Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        warning: Some(format!(
            "invalid UTF-8; decoded lossily ({invalid} malformed sequence{} replaced)",
            if invalid == 1 { "" } else { "s" }
        )),
    }
}

/// (valid non-ASCII characters, malformed sequences) in `bytes`.
fn utf8_census(mut bytes: &[u8]) -> (usize, usize) {
    let mut valid_multibyte = 0;
    let mut invalid = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(text) => return (valid_multibyte + count_non_ascii(text), invalid),
            Err(error) => {
                let (good, rest) = bytes.split_at(error.valid_up_to());
                let good = std::str::from_utf8(good).unwrap_or_default();
                valid_multibyte += count_non_ascii(good);
                invalid += 1;
                match error.error_len() {
                    Some(len) => bytes = &rest[len..],
                    None => return (valid_multibyte, invalid),
                }
            }
        }
    }
}

fn count_non_ascii(text: &str) -> usize {
    text.chars().filter(|c| !c.is_ascii()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_pound_sign_becomes_pound() {
        let decoded = decode(b"It cost \xa3600m.", None).unwrap();
        assert_eq!(decoded.text, "It cost £600m.");
        assert!(decoded.warning.unwrap().contains("windows-1252"));
    }

    #[test]
    fn broken_utf8_is_lossy_and_keeps_good_characters() {
        let decoded = decode(
            "Nicolás \u{2019}"
                .as_bytes()
                .iter()
                .chain(b" \xff!")
                .copied()
                .collect::<Vec<_>>()
                .as_slice(),
            None,
        )
        .unwrap();
        assert_eq!(decoded.text, "Nicolás \u{2019} \u{fffd}!");
        assert!(decoded.warning.unwrap().contains("lossily"));
    }

    #[test]
    fn utf16_with_bom_is_text() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Hi there".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.text, "Hi there");
        assert!(decoded.warning.is_none());
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode(b"\x7fELF\x02\x01\x01\0\0\0", None),
            Err(ReadError::Binary)
        ));
        let controls: Vec<u8> = (0..200)
            .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
            .collect();
        assert!(looks_binary(&controls));
        assert!(!looks_binary(b"plain\ttext\r\nwith lines\x0c"));
    }

    #[test]
    fn declared_legacy_encoding_is_used() {
        let decoded = decode(b"caf\xe9", Encoding::for_label(b"iso-8859-1")).unwrap();
        assert_eq!(decoded.text, "café");
        assert!(decoded.warning.is_none());
    }
}
