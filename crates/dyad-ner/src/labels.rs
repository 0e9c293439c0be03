//! The tag set: CoNLL's four entity classes in BILOU encoding, and span conversions.

/// The entity classes the tagger learns (CoNLL-2003's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// Persons.
    Per,
    /// Organisations.
    Org,
    /// Locations.
    Loc,
    /// Other names (nationalities, events, works…).
    Misc,
}

impl Class {
    /// All classes, in label order.
    pub const ALL: [Class; 4] = [Class::Per, Class::Org, Class::Loc, Class::Misc];

    /// The CoNLL name (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Per => "PER",
            Class::Org => "ORG",
            Class::Loc => "LOC",
            Class::Misc => "MISC",
        }
    }

    /// Parses a CoNLL class name.
    pub fn parse(name: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// A labelled span of tokens `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClassSpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The class.
    pub class: Class,
}

/// Number of labels: `O` plus B, I, L, U for each class.
pub const NUM_LABELS: usize = 1 + 4 * Class::ALL.len();

/// Position of a token inside an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Begins a multi-token entity.
    Begin,
    /// Inside a multi-token entity.
    Inside,
    /// Last token of a multi-token entity.
    Last,
    /// A single-token entity.
    Unit,
}

/// The label index of `part` of `class`.
pub fn label(class: Class, part: Part) -> usize {
    1 + class as usize * 4 + part as usize
}

/// The class and part of a label; `None` for `O` (label 0).
pub fn decode(label: usize) -> Option<(Class, Part)> {
    if label == 0 || label >= NUM_LABELS {
        return None;
    }
    let class = Class::ALL[(label - 1) / 4];
    let part = [Part::Begin, Part::Inside, Part::Last, Part::Unit][(label - 1) % 4];
    Some((class, part))
}

/// A short name for a label (`O`, `B-PER`…), used in feature hashing and debugging.
pub fn label_name(label: usize) -> String {
    match decode(label) {
        None => "O".to_string(),
        Some((class, part)) => {
            let p = match part {
                Part::Begin => "B",
                Part::Inside => "I",
                Part::Last => "L",
                Part::Unit => "U",
            };
            format!("{p}-{}", class.as_str())
        }
    }
}

/// Whether `next` may follow `prev` in a well-formed BILOU sequence (`prev` = `None` at the
/// sentence start).
pub fn allowed(prev: Option<usize>, next: usize) -> bool {
    let open = match prev.and_then(decode) {
        Some((class, Part::Begin | Part::Inside)) => Some(class),
        _ => None,
    };
    match (open, decode(next)) {
        (Some(c), Some((n, Part::Inside | Part::Last))) => c == n,
        (Some(_), _) => false,
        (None, Some((_, Part::Inside | Part::Last))) => false,
        (None, _) => true,
    }
}

/// BILOU labels for `len` tokens holding `spans` (spans must not overlap).
pub fn spans_to_bilou(len: usize, spans: &[ClassSpan]) -> Vec<usize> {
    let mut labels = vec![0; len];
    for span in spans {
        if span.end > len || span.start >= span.end {
            continue;
        }
        if span.end - span.start == 1 {
            labels[span.start] = label(span.class, Part::Unit);
        } else {
            labels[span.start] = label(span.class, Part::Begin);
            for l in &mut labels[span.start + 1..span.end - 1] {
                *l = label(span.class, Part::Inside);
            }
            labels[span.end - 1] = label(span.class, Part::Last);
        }
    }
    labels
}

/// Spans of a BILOU label sequence, tolerant of ill-formed sequences.
pub fn bilou_to_spans(labels: &[usize]) -> Vec<ClassSpan> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, Class)> = None;
    for (i, &l) in labels.iter().enumerate() {
        match decode(l) {
            None => {
                if let Some((s, c)) = open.take() {
                    spans.push(ClassSpan {
                        start: s,
                        end: i,
                        class: c,
                    });
                }
            }
            Some((class, part)) => {
                let continues = matches!(part, Part::Inside | Part::Last)
                    && open.is_some_and(|(_, c)| c == class);
                if !continues {
                    if let Some((s, c)) = open.take() {
                        spans.push(ClassSpan {
                            start: s,
                            end: i,
                            class: c,
                        });
                    }
                    open = Some((i, class));
                }
                if matches!(part, Part::Last | Part::Unit) {
                    if let Some((s, c)) = open.take() {
                        spans.push(ClassSpan {
                            start: s,
                            end: i + 1,
                            class: c,
                        });
                    }
                }
            }
        }
    }
    if let Some((s, c)) = open {
        spans.push(ClassSpan {
            start: s,
            end: labels.len(),
            class: c,
        });
    }
    spans
}

/// Spans of IOB tags (`B-X`, `I-X`, `O`), IOB1 or IOB2: a `B-` always starts a span, an
/// `I-` continues a span of the same type or starts one.
pub fn iob_to_spans<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, String)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let tag = tag.as_ref();
        let (prefix, kind) = match tag.split_once('-') {
            Some((p, k)) if p == "B" || p == "I" => (p, k),
            _ => ("O", ""),
        };
        let continues = prefix == "I" && open.as_ref().is_some_and(|(_, k)| k == kind);
        if !continues {
            if let Some((s, k)) = open.take() {
                spans.push((s, i, k));
            }
            if prefix != "O" {
                open = Some((i, kind.to_string()));
            }
        }
    }
    if let Some((s, k)) = open {
        spans.push((s, tags.len(), k));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_round_trip() {
        let spans = vec![
            ClassSpan {
                start: 0,
                end: 2,
                class: Class::Per,
            },
            ClassSpan {
                start: 3,
                end: 4,
                class: Class::Loc,
            },
            ClassSpan {
                start: 4,
                end: 7,
                class: Class::Org,
            },
        ];
        let labels = spans_to_bilou(8, &spans);
        assert_eq!(bilou_to_spans(&labels), spans);
        for w in labels.windows(2) {
            assert!(allowed(Some(w[0]), w[1]));
        }
        assert!(!allowed(None, label(Class::Per, Part::Inside)));
    }

    #[test]
    fn iob1_spans() {
        let tags = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-MISC"];
        let spans = iob_to_spans(&tags);
        assert_eq!(spans.len(), 4);
        assert_eq!(spans[0], (0, 2, "PER".to_string()));
        assert_eq!(spans[1], (3, 4, "LOC".to_string()));
        assert_eq!(spans[2], (4, 5, "LOC".to_string()));
    }
}
