//! A small language identifier: the share of a text's words that are the commonest function
//! words of each language, and the script of its letters. dyad codes English; this is used
//! to skip other languages with a notice, not to label languages finely.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Function words of each language (ISO 639-1 code first). Only frequent, short words that
/// are rare in the other listed languages.
const STOP_WORDS: &[(&str, &str)] = &[
    ("en", "the of and to in is that for it was on with as are by this be at from have has had not but they which were been their its an or will would said who"),
    ("de", "der die und das ist nicht ein eine den dem des mit sich auf für von auch wird werden wurde sind bei nach zu im noch oder aber wie über einer"),
    ("fr", "le la les des est et une du pour que qui dans sur pas par au avec sont ce il elle mais ont aux cette être fait plus été"),
    ("es", "el la los las del que y en es por una para con se su al lo como más pero sus fue ha este esta sobre también entre"),
    ("it", "il di che la per non una sono della del le gli con anche si nel alla più dei ha essere questo sua delle"),
    ("pt", "de que não uma os do da em para com por mais as dos das como foi ao ser sua seu também pelo pela está"),
    ("nl", "de het een van en is dat niet op te zijn voor met er ook als aan bij worden wordt naar maar deze"),
    ("pl", "nie się na że jest do to w z jak ale od po tak przez dla jego może są był co już tylko"),
    ("id", "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada oleh adalah telah bisa sudah"),
    ("sv", "och att det som en är av för på med till den har inte om ett var jag men från"),
    ("tr", "ve bir bu da de için ile olarak daha çok gibi olan ancak kadar sonra değil"),
];

/// Fewest stop-word hits before a verdict is given on a Latin-script text.
const MIN_HITS: usize = 5;

/// Words looked at (the first ones of the text).
const MAX_WORDS: usize = 3000;

fn tables() -> &'static HashMap<&'static str, Vec<usize>> {
    static TABLE: OnceLock<HashMap<&'static str, Vec<usize>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: HashMap<&'static str, Vec<usize>> = HashMap::new();
        for (i, (_, words)) in STOP_WORDS.iter().enumerate() {
            for w in words.split_whitespace() {
                map.entry(w).or_default().push(i);
            }
        }
        map
    })
}

/// The language of `text` as an ISO 639-1 code, or `None` when the text is too short or
/// mixed to tell. Non-Latin scripts are told by script (`ko`, `ja`, `zh`, `ru`, `ar`, `el`,
/// `he`, `hi`, `th`).
pub fn detect_language(text: &str) -> Option<&'static str> {
    let mut scripts: HashMap<&'static str, usize> = HashMap::new();
    let mut letters = 0usize;
    let mut hits = vec![0usize; STOP_WORDS.len()];
    let table = tables();
    let mut lower = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
    {
        for c in word.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            if let Some(s) = script(c) {
                *scripts.entry(s).or_default() += 1;
            }
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if let Some(langs) = table.get(lower.as_str()) {
            for &l in langs {
                hits[l] += 1;
            }
        }
    }
    if letters == 0 {
        return None;
    }
    if let Some((&s, &n)) = scripts.iter().max_by_key(|(_, n)| **n) {
        if n * 2 > letters {
            return Some(s);
        }
    }
    let (best, &n) = hits.iter().enumerate().max_by_key(|(_, n)| **n)?;
    (n >= MIN_HITS).then_some(STOP_WORDS[best].0)
}

/// The language a non-Latin letter's script points to.
fn script(c: char) -> Option<&'static str> {
    let code = c as u32;
    Some(match code {
        0x0370..=0x03FF => "el",
        0x0400..=0x04FF => "ru",
        0x0590..=0x05FF => "he",
        0x0600..=0x06FF | 0x0750..=0x077F => "ar",
        0x0900..=0x097F => "hi",
        0x0E00..=0x0E7F => "th",
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => "ko",
        0x3040..=0x30FF => "ja",
        0x4E00..=0x9FFF => "zh",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_languages() {
        let en = "The talks were held in the capital on Monday, and the ministers said that they would meet again.";
        let de = "Die Gespräche wurden am Montag in der Hauptstadt geführt, und die Minister sagten, dass sie sich wieder treffen werden.";
        let es = "Las conversaciones se celebraron el lunes en la capital y los ministros dijeron que se reunirán de nuevo para la paz.";
        let fr = "Les pourparlers ont eu lieu lundi dans la capitale et les ministres ont dit qu'ils se reverront pour la paix.";
        assert_eq!(detect_language(en), Some("en"));
        assert_eq!(detect_language(de), Some("de"));
        assert_eq!(detect_language(es), Some("es"));
        assert_eq!(detect_language(fr), Some("fr"));
        assert_eq!(detect_language("정상회담이 월요일에 열렸다"), Some("ko"));
        assert_eq!(detect_language("Ports reopen"), None);
        assert_eq!(detect_language(""), None);
    }
}
