//! Reading CoNLL-U treebanks: plain word lines only (multiword-token ranges and empty nodes
//! are skipped).
use std::path::Path;

use crate::error::{Error, Result};

/// One sentence of a treebank.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TreebankSentence {
    /// The `# sent_id` comment, when the file gives one.
    pub sent_id: Option<String>,
    /// Word forms.
    pub words: Vec<String>,
    /// Lemmas.
    pub lemmas: Vec<String>,
    /// Universal POS tags.
    pub upos: Vec<String>,
    /// Penn Treebank tags.
    pub xpos: Vec<String>,
    /// Heads as 0-based word indices, `None` for the root.
    pub heads: Vec<Option<usize>>,
    /// Dependency relations.
    pub deprels: Vec<String>,
}

impl TreebankSentence {
    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the sentence has no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether the tree has no crossing arcs.
    pub fn is_projective(&self) -> bool {
        let arcs: Vec<(usize, usize)> = self
            .heads
            .iter()
            .enumerate()
            .filter_map(|(d, h)| h.map(|h| (h.min(d), h.max(d))))
            .collect();
        // Arcs from the root cover everything outside; also check them.
        let roots: Vec<usize> = self
            .heads
            .iter()
            .enumerate()
            .filter(|(_, h)| h.is_none())
            .map(|(d, _)| d)
            .collect();
        for &(a, b) in &arcs {
            for &(c, d) in &arcs {
                if a < c && c < b && b < d {
                    return false;
                }
            }
            if roots.iter().any(|&r| a < r && r < b) {
                return false;
            }
        }
        true
    }
}

/// Reads every sentence of a CoNLL-U file.
pub fn read_conllu(path: &Path) -> Result<Vec<TreebankSentence>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_conllu(&text).map_err(|(line, detail)| Error::Conllu {
        path: path.to_path_buf(),
        line,
        detail,
    })
}

/// Parses CoNLL-U text; errors carry the 1-based line number.
pub fn parse_conllu(text: &str) -> std::result::Result<Vec<TreebankSentence>, (usize, String)> {
    let mut out = Vec::new();
    let mut cur = TreebankSentence::default();
    let mut ids: Vec<usize> = Vec::new();
    let mut raw_heads: Vec<usize> = Vec::new();
    let mut flush = |cur: &mut TreebankSentence,
                     raw_heads: &mut Vec<usize>,
                     ids: &mut Vec<usize>,
                     line: usize| {
        if cur.is_empty() {
            return Ok(());
        }
        let n = cur.words.len();
        for (i, id) in ids.iter().enumerate() {
            if *id != i + 1 {
                return Err((line, format!("word ids are not consecutive at id {id}")));
            }
        }
        cur.heads = raw_heads
            .iter()
            .map(|&h| match h {
                0 => Ok(None),
                h if h <= n => Ok(Some(h - 1)),
                h => Err((line, format!("head {h} outside the sentence of {n} words"))),
            })
            .collect::<std::result::Result<_, _>>()?;
        out.push(std::mem::take(cur));
        raw_heads.clear();
        ids.clear();
        Ok(())
    };
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            flush(&mut cur, &mut raw_heads, &mut ids, line_no)?;
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(id) = comment.trim_start().strip_prefix("sent_id") {
                let id = id.trim_start().trim_start_matches('=').trim();
                cur.sent_id = Some(id.to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err((
                line_no,
                format!("expected 10 columns, found {}", cols.len()),
            ));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| (line_no, format!("bad id `{}`", cols[0])))?;
        let head: usize = if cols[6] == "_" {
            0
        } else {
            cols[6]
                .parse()
                .map_err(|_| (line_no, format!("bad head `{}`", cols[6])))?
        };
        ids.push(id);
        cur.words.push(cols[1].to_string());
        cur.lemmas.push(cols[2].to_string());
        cur.upos.push(cols[3].to_string());
        cur.xpos.push(cols[4].to_string());
        raw_heads.push(head);
        cur.deprels.push(cols[7].to_string());
    }
    let n = text.lines().count();
    flush(&mut cur, &mut raw_heads, &mut ids, n)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_ranges_and_empty_nodes() {
        let text = "# x\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n2.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n\n";
        let s = parse_conllu(text).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words, ["do", "n't"]);
        assert_eq!(s[0].heads, [None, Some(0)]);
        assert!(s[0].is_projective());
    }

    #[test]
    fn keeps_sentence_ids() {
        let row = "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n";
        let text = format!("# sent_id = ewt-dev-7\n{row}\n{row}\n");
        let s = parse_conllu(&text).unwrap();
        assert_eq!(s[0].sent_id.as_deref(), Some("ewt-dev-7"));
        assert_eq!(s[1].sent_id, None);
    }

    #[test]
    fn finds_crossing_arcs() {
        let s = TreebankSentence {
            heads: vec![None, Some(3), Some(0), Some(0)],
            ..TreebankSentence::default()
        };
        assert!(!s.is_projective());
    }
}
