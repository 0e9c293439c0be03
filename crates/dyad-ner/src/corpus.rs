//! Readers for gold NER data: CoNLL-2003 (IOB1), UNER (`.iob2`) and GUM (`.conllu` entities).

use std::path::Path;

use crate::error::{Error, Result};
use crate::labels::iob_to_spans;

/// A sentence with gold entity spans `(first token, end token, class name)`.
#[derive(Debug, Clone, Default)]
pub struct GoldSentence {
    /// The words.
    pub words: Vec<String>,
    /// Gold spans with their class names as written in the file (`PER`, `LOC`…).
    pub spans: Vec<(usize, usize, String)>,
}

/// A document: sentences that share context.
pub type GoldDocument = Vec<GoldSentence>;

/// Reads a gold file, choosing the format by its name and content: `.conllu` = GUM,
/// `.iob2` = UNER, anything else = CoNLL-2003.
pub fn read(path: &Path) -> Result<Vec<GoldDocument>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let name = path.to_string_lossy();
    if name.ends_with(".conllu") {
        Ok(crate::gum::read_gum(&text))
    } else if name.ends_with(".iob2") {
        read_iob2(&text, path)
    } else {
        read_conll(&text, path)
    }
}

/// CoNLL-2003: `word POS chunk NER` per line, blank lines between sentences, `-DOCSTART-`
/// lines between documents.
pub fn read_conll(text: &str, path: &Path) -> Result<Vec<GoldDocument>> {
    let mut docs: Vec<GoldDocument> = vec![Vec::new()];
    let mut words = Vec::new();
    let mut tags = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with("-DOCSTART-") {
            flush(&mut docs, &mut words, &mut tags);
            if line.starts_with("-DOCSTART-") && docs.last().is_some_and(|d| !d.is_empty()) {
                docs.push(Vec::new());
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.len() < 2 {
            return Err(Error::Format {
                path: path.to_path_buf(),
                line: n + 1,
                message: "expected `word ... NER-tag` columns".into(),
            });
        }
        words.push(cols[0].to_string());
        tags.push(cols[cols.len() - 1].to_string());
    }
    flush(&mut docs, &mut words, &mut tags);
    docs.retain(|d| !d.is_empty());
    if docs.len() == 1 {
        docs = split_at_datelines(docs.remove(0));
    }
    Ok(docs)
}

/// Splits a CoNLL file without `-DOCSTART-` lines into articles: each Reuters article has a
/// dateline (`BRUSSELS 1996-08-22`) after its headline and, sometimes, a byline.
fn split_at_datelines(sentences: Vec<GoldSentence>) -> Vec<GoldDocument> {
    let is_date = |w: &str| {
        let b = w.as_bytes();
        b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && w.chars().filter(char::is_ascii_digit).count() == 8
    };
    let is_dateline =
        |s: &GoldSentence| s.words.len() <= 8 && s.words.last().is_some_and(|w| is_date(w));
    let is_byline = |s: &GoldSentence| {
        s.words.len() <= 4
            && s.words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    let mut starts = vec![0];
    for d in 1..sentences.len() {
        if !is_dateline(&sentences[d]) {
            continue;
        }
        let mut start = d - 1;
        if start >= 1 && is_byline(&sentences[start]) {
            start -= 1;
        }
        if start > *starts.last().unwrap_or(&0) {
            starts.push(start);
        }
    }
    starts.push(sentences.len());
    let mut docs = Vec::with_capacity(starts.len());
    let mut iter = sentences.into_iter();
    for w in starts.windows(2) {
        docs.push(iter.by_ref().take(w[1] - w[0]).collect());
    }
    docs
}

/// UNER: CoNLL-U-like lines `index word tag …`, `#` comments, `# newdoc` between documents.
pub fn read_iob2(text: &str, path: &Path) -> Result<Vec<GoldDocument>> {
    let mut docs: Vec<GoldDocument> = vec![Vec::new()];
    let mut words = Vec::new();
    let mut tags = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches(['\r', '\n']);
        if line.starts_with("# newdoc") {
            flush(&mut docs, &mut words, &mut tags);
            if docs.last().is_some_and(|d| !d.is_empty()) {
                docs.push(Vec::new());
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            flush(&mut docs, &mut words, &mut tags);
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(Error::Format {
                path: path.to_path_buf(),
                line: n + 1,
                message: "expected `index<TAB>word<TAB>tag` columns".into(),
            });
        }
        words.push(cols[1].to_string());
        tags.push(cols[2].to_string());
    }
    flush(&mut docs, &mut words, &mut tags);
    docs.retain(|d| !d.is_empty());
    Ok(docs)
}

fn flush(docs: &mut [GoldDocument], words: &mut Vec<String>, tags: &mut Vec<String>) {
    if words.is_empty() {
        return;
    }
    let spans = iob_to_spans(tags);
    let sentence = GoldSentence {
        words: std::mem::take(words),
        spans,
    };
    tags.clear();
    if let Some(doc) = docs.last_mut() {
        doc.push(sentence);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conll_documents_and_spans() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\n\n-DOCSTART- -X- O O\n\nPeter NNP B-NP I-PER\nBlackburn NNP I-NP I-PER\n";
        let docs = read_conll(text, Path::new("x")).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(
            docs[0][0].spans,
            vec![(0, 1, "ORG".into()), (2, 3, "MISC".into())]
        );
        assert_eq!(docs[1][0].spans, vec![(0, 2, "PER".into())]);
    }

    #[test]
    fn iob2_documents() {
        let text = "# newdoc id = a\n# text = x\n1\tin\tO\t-\t-\n2\ttampa\tB-LOC\t-\t-\n3\tbay\tI-LOC\t-\t-\n\n# newdoc id = b\n1\tBob\tB-PER\t-\t-\n";
        let docs = read_iob2(text, Path::new("x")).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0][0].spans, vec![(1, 3, "LOC".into())]);
    }
}
