//! Reads UD CoNLL-U files into documents of raw text with gold token and sentence offsets,
//! rebuilt the way the project's reference scorer (`spacy_baseline.py raw`) rebuilds them.

use std::path::Path;

use crate::error::{Error, Result};

/// One UD document as raw text with its gold segmentation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoldDocument {
    /// The `# newdoc id`.
    pub id: String,
    /// The rebuilt text: word forms joined as `SpaceAfter` says, a space after every sentence.
    pub text: String,
    /// Byte spans of the syntactic words (a multiword token such as `don't` gives two).
    pub tokens: Vec<(usize, usize)>,
    /// Byte offset where each sentence starts.
    pub sentence_starts: Vec<usize>,
}

/// Sentences per piece when [`GoldDocument::split`] cuts long documents into short ones: a
/// fixed cycle whose mix follows the document lengths of the UD EWT dev set (mostly one to
/// five sentences, some longer), so that training documents look like the evaluation ones.
pub const PIECE_SENTENCES: [usize; 20] =
    [3, 1, 4, 2, 12, 3, 5, 2, 1, 7, 4, 2, 3, 6, 1, 20, 2, 4, 3, 5];

impl GoldDocument {
    /// The document cut into consecutive pieces of `sizes` sentences each (cycled; the last
    /// piece takes what is left), each with its own text and offsets.
    pub fn split(&self, sizes: &[usize]) -> Vec<GoldDocument> {
        let mut pieces = Vec::new();
        let mut first = 0;
        for (k, &size) in sizes.iter().cycle().enumerate() {
            if first >= self.sentence_starts.len() || size == 0 {
                break;
            }
            let last = (first + size).min(self.sentence_starts.len());
            let start = self.sentence_starts[first];
            let end = self
                .sentence_starts
                .get(last)
                .copied()
                .unwrap_or(self.text.len());
            pieces.push(GoldDocument {
                id: format!("{}#{k}", self.id),
                text: self.text[start..end].to_string(),
                tokens: self
                    .tokens
                    .iter()
                    .filter(|t| t.0 >= start && t.1 <= end)
                    .map(|t| (t.0 - start, t.1 - start))
                    .collect(),
                sentence_starts: self.sentence_starts[first..last]
                    .iter()
                    .map(|s| s - start)
                    .collect(),
            });
            first = last;
        }
        pieces
    }

    /// The documents with, after each one that [`GoldDocument::split`] cuts into more than
    /// one piece, its pieces: training data for the boundary model with both long and short
    /// documents.
    pub fn with_pieces(documents: &[GoldDocument], sizes: &[usize]) -> Vec<GoldDocument> {
        let mut out = Vec::with_capacity(documents.len() * 2);
        for doc in documents {
            out.push(doc.clone());
            let pieces = doc.split(sizes);
            if pieces.len() > 1 {
                out.extend(pieces);
            }
        }
        out
    }
}

/// Reads the documents of a CoNLL-U file.
///
/// Follows the reference scorer: words of a multiword token are joined without space but
/// the last, which takes the token's `SpaceAfter`; empty nodes are skipped; sentences before
/// the first `# newdoc` are dropped; each sentence is followed by a space.
pub fn read_documents(path: &Path) -> Result<Vec<GoldDocument>> {
    let content = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_documents(&content).map_err(|(line, message)| Error::Conllu {
        path: path.to_path_buf(),
        line,
        message,
    })
}

/// A sentence being read: its words and whether each is followed by a space.
#[derive(Default)]
struct SentenceWords<'a> {
    words: Vec<(&'a str, bool)>,
}

/// Parses CoNLL-U text; errors carry the 1-based line number.
pub fn parse_documents(content: &str) -> Result<Vec<GoldDocument>, (usize, String)> {
    let mut documents = Vec::new();
    let mut doc_id: Option<String> = None;
    let mut sentences: Vec<SentenceWords<'_>> = Vec::new();
    let mut current: Option<SentenceWords<'_>> = None;
    let (mut mwt_end, mut mwt_space) = (0usize, true);
    let mut in_mwt = false;

    for (index, line) in content.split('\n').enumerate() {
        if let Some(rest) = line.strip_prefix("# newdoc id") {
            flush(&mut current, &mut sentences);
            if let Some(id) = doc_id.take() {
                if !sentences.is_empty() {
                    documents.push(build(id, std::mem::take(&mut sentences)));
                }
            }
            sentences.clear();
            let id = rest.split_once('=').map_or(rest, |(_, id)| id).trim();
            doc_id = Some(id.to_string());
            continue;
        }
        if line.starts_with('#') {
            current.get_or_insert_with(SentenceWords::default);
            continue;
        }
        if line.is_empty() {
            flush(&mut current, &mut sentences);
            in_mwt = false;
            mwt_space = true;
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() < 10 {
            return Err((
                index + 1,
                format!("expected 10 columns, found {}", columns.len()),
            ));
        }
        let id = columns[0];
        if id.contains('.') {
            continue;
        }
        let sentence = current.get_or_insert_with(SentenceWords::default);
        let bad_id = || (index + 1, format!("bad token id `{id}`"));
        if let Some((_, last)) = id.split_once('-') {
            mwt_end = last.parse().map_err(|_| bad_id())?;
            mwt_space = !columns[9].contains("SpaceAfter=No");
            in_mwt = true;
            continue;
        }
        let number: usize = id.parse().map_err(|_| bad_id())?;
        let space = if in_mwt && number < mwt_end {
            false
        } else if in_mwt && number == mwt_end {
            mwt_space
        } else {
            !columns[9].contains("SpaceAfter=No")
        };
        sentence.words.push((columns[1], space));
    }
    flush(&mut current, &mut sentences);
    if let Some(id) = doc_id {
        if !sentences.is_empty() {
            documents.push(build(id, sentences));
        }
    }
    Ok(documents)
}

fn flush<'a>(current: &mut Option<SentenceWords<'a>>, sentences: &mut Vec<SentenceWords<'a>>) {
    if let Some(sentence) = current.take() {
        if !sentence.words.is_empty() {
            sentences.push(sentence);
        }
    }
}

fn build(id: String, sentences: Vec<SentenceWords<'_>>) -> GoldDocument {
    let mut doc = GoldDocument {
        id,
        ..GoldDocument::default()
    };
    for sentence in sentences {
        doc.sentence_starts.push(doc.text.len());
        for (word, space) in sentence.words {
            doc.tokens
                .push((doc.text.len(), doc.text.len() + word.len()));
            doc.text.push_str(word);
            if space {
                doc.text.push(' ');
            }
        }
        if !doc.text.ends_with(' ') {
            doc.text.push(' ');
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# text = We don't.\n\
        1\tWe\twe\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n\
        2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n\
        2\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n\
        3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_\n\
        4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
        # text = Yes\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n\n";

    #[test]
    fn split_cuts_at_sentence_starts() {
        let docs = parse_documents(SAMPLE).unwrap();
        let pieces = docs[0].split(&[1]);
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[0].text, "We don't. ");
        assert_eq!(pieces[1].text, "Yes ");
        assert_eq!(pieces[1].tokens, vec![(0, 3)]);
        assert_eq!(pieces[1].sentence_starts, vec![0]);
        assert_eq!(
            docs[0].split(&[5]),
            vec![GoldDocument {
                id: "d1#0".into(),
                ..docs[0].clone()
            }]
        );
    }

    #[test]
    fn rebuilds_text_and_offsets_like_the_scorer() {
        let docs = parse_documents(SAMPLE).unwrap();
        assert_eq!(docs.len(), 1);
        let doc = &docs[0];
        assert_eq!(doc.id, "d1");
        assert_eq!(doc.text, "We don't. Yes ");
        let words: Vec<&str> = doc.tokens.iter().map(|&(s, e)| &doc.text[s..e]).collect();
        assert_eq!(words, ["We", "do", "n't", ".", "Yes"]);
        assert_eq!(doc.sentence_starts, [0, 10]);
    }

    #[test]
    fn short_lines_are_errors() {
        let err = parse_documents("# newdoc id = x\n1\tWe\n").unwrap_err();
        assert_eq!(err.0, 2);
    }
}
