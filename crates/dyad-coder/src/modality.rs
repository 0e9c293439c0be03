//! Modality read off the dependency parse: whether a predicate is negated, conditional,
//! future (announced, planned, wanted, asked for) or a question, from its own function words
//! and from the clauses that embed it.
//!
//! The rules walk from the predicate up its chain of heads: a conjunct shares its head's
//! mode, an infinitival complement of a non-implicative verb ("vowed to strike", "wants to
//! leave") is future, a complement of "fail"/"refuse" is negated, a clause under "if" is
//! hypothetical, a complement of a verb of hope or doubt is not a deed. Relative clauses
//! and clauses of reason or time keep their own mode.
use dyad_types::{Mode, Token};

use crate::intent::ANNOUNCING_CLAUSE;

/// Words after which `to` and a gerund is an undertaking still to come ("committed to
/// opening up", "looks forward to meeting").
const COMMITMENT_HEADS: &[&str] = &[
    "commit",
    "committed",
    "dedicate",
    "dedicated",
    "forward",
    "pledge",
    "close",
];

/// Auxiliaries of the future.
const FUTURE_AUX: &[&str] = &["will", "'ll", "shall", "wo", "gon"];
/// Modal auxiliaries of possibility, obligation and condition.
const MODAL_AUX: &[&str] = &[
    "would", "'d", "could", "might", "may", "should", "must", "can", "ca", "ought",
];
/// Verbs of saying by which a future is told in the past ("told them it would", "predicted
/// he would"), besides those by which an actor announces its own deed
/// ([`crate::intent::ANNOUNCING_CLAUSE`]: "said it would").
const FUTURE_TELLING_VERBS: &[&str] = &["tell", "warn", "predict", "add"];
/// Negating words attached to a predicate.
const NEGATORS: &[&str] = &["not", "n't", "never", "no", "nt"];
/// Subjects that negate their predicate ("nobody came").
const NEGATIVE_SUBJECTS: &[&str] = &["nobody", "nothing", "none", "noone"];
/// Subordinators of conditions and open questions.
pub(crate) const CONDITIONAL_MARKS: &[&str] = &["if", "unless", "whether", "lest"];
/// Verbs whose infinitival complement happened when they did ("managed to escape").
const IMPLICATIVE: &[&str] = &[
    "manage", "begin", "start", "continue", "keep", "remember", "happen", "get", "dare", "go",
    "come", "use", "tend", "seem", "appear", "bother", "proceed", "resume", "turn", "end",
    "finish", "help", "make", "let", "see", "hear", "watch", "try", "attempt", "seek",
];
/// Verbs whose passive tells what others say or believe was done ("are said to have
/// attacked", "is believed to have agreed").
const HEARD_PASSIVES: &[&str] = &["say", "believe", "report", "think", "understand", "know"];
/// Verbs whose passive tells what is claimed with doubt ("is alleged to have taken bribes").
const DOUBTED_PASSIVES: &[&str] = &["allege", "rumour", "rumor", "claim", "suspect"];
/// Verbs whose complement did not happen when they did ("failed to stop", "refused to
/// leave").
const NEGATIVE_IMPLICATIVE: &[&str] = &[
    "fail", "refuse", "decline", "neglect", "forget", "avoid", "stop", "cease", "prevent", "deny",
    "reject", "quit",
];
/// Verbs whose gerund complement did not happen ("denied accusing", "avoided meeting").
const NEGATIVE_GERUND_HEADS: &[&str] = &["deny", "avoid", "resist", "refrain"];
/// Verbs that keep one from doing what their "from" gerund says ("banned from suing").
const PREVENTING_VERBS: &[&str] = &[
    "ban",
    "bar",
    "prevent",
    "stop",
    "prohibit",
    "block",
    "forbid",
    "exclude",
    "deter",
    "dissuade",
    "restrain",
    "discourage",
    "refrain",
    "keep",
    "debar",
];
/// Verbs of denying a statement: what their `that` clause tells did not happen, as far as
/// the one denying says ("denied that he had met the rebels").
const DENYING_VERBS: &[&str] = &["deny", "refute", "dispute", "rebut"];
/// Verbs that, besides the verbs of denial, deny a claim named as their object ("dismissed
/// reports that he had met …").
const DISMISSING_VERBS: &[&str] = &["dismiss", "reject", "contest"];
/// Nouns of something told, whose `that` clause is what is told ("reports that …").
const TELLING_NOUNS: &[&str] = &[
    "report",
    "claim",
    "suggestion",
    "allegation",
    "rumour",
    "rumor",
    "speculation",
    "accusation",
    "charge",
    "story",
    "idea",
];
/// Subordinators of a contrast or a reason, whose clause states a fact of its own.
const CONTRAST_AND_REASON: &[&str] = &["while", "whereas", "because", "although", "though"];

/// Nouns whose infinitival complement did not happen ("refusal to accept", "failure to
/// act").
const NEGATIVE_NOUNS: &[&str] = &["refusal", "failure", "reluctance"];
/// Adjectives whose infinitival complement happened when they hold ("was able to find",
/// "glad to hear").
const FACTIVE_ADJECTIVES: &[&str] = &[
    "able",
    "glad",
    "happy",
    "lucky",
    "proud",
    "sad",
    "sorry",
    "pleased",
    "surprised",
    "fortunate",
    "relieved",
    "delighted",
    "thrilled",
    "shocked",
    "amazed",
    "disappointed",
    // Who was right or wrong to resign did resign.
    "right",
    "wrong",
    "correct",
    "justified",
    "wise",
    "unwise",
    "foolish",
    "brave",
    "mistaken",
];
/// Verbs of going whose present progressive announces a plan ("we are going to Paris").
pub(crate) const MOTION_VERBS: &[&str] = &[
    "go", "travel", "leave", "head", "fly", "move", "drive", "come",
];
/// Present forms of "be" as auxiliaries.
const PRESENT_BE: &[&str] = &["am", "is", "are", "'m", "'re", "m", "re"];

/// Verbs of wish, hope, fear and doubt: their finite complement is not asserted.
const IRREALIS_COMPLEMENT: &[&str] = &[
    "hope",
    "wish",
    "want",
    "doubt",
    "wonder",
    "fear",
    "pray",
    "imagine",
    "suppose",
    "guess",
    "expect",
    "ask",
    "demand",
    "request",
    "insist",
    "suggest",
    "propose",
    "recommend",
    "urge",
    "require",
    "ensure",
    "make",
];

/// What the parse says about the mode of the predicate at sentence-local index `pred`:
/// `Some(Negated | Hypothetical | Future)`, or `None` when nothing in the parse makes it
/// other than a deed (the caller then looks for attribution and doubt).
///
/// `texts[i]` is the text of `tokens[i]`; heads are sentence-local, as the parser leaves them.
pub fn parsed_mode(texts: &[&str], tokens: &[Token], pred: usize) -> Option<Mode> {
    let sentence = Sentence::new(texts, tokens);
    sentence.mode(pred, 0)
}

/// Whether the sentence carries a parse (every token has a relation).
pub fn is_parsed(tokens: &[Token]) -> bool {
    !tokens.is_empty() && tokens.iter().all(|t| !t.deprel.is_empty())
}

/// The mode of a predicate as a factuality judgement would read it: `Some` of a
/// non-happening mode, else `Asserted`.
pub fn predicate_mode(texts: &[&str], tokens: &[Token], pred: usize) -> Mode {
    parsed_mode(texts, tokens, pred).unwrap_or(Mode::Asserted)
}

struct Sentence<'a> {
    lower: Vec<String>,
    tokens: &'a [Token],
    children: Vec<Vec<usize>>,
    question: bool,
}

impl<'a> Sentence<'a> {
    fn new(texts: &[&str], tokens: &'a [Token]) -> Self {
        let lower = texts
            .iter()
            .map(|w| w.to_lowercase().replace('\u{2019}', "'"))
            .collect();
        let mut children = vec![Vec::new(); tokens.len()];
        for (i, t) in tokens.iter().enumerate() {
            if let Some(h) = t.head.filter(|&h| h < tokens.len()) {
                children[h].push(i);
            }
        }
        let question = texts.iter().rev().take(3).any(|w| *w == "?");
        Sentence {
            lower,
            tokens,
            children,
            question,
        }
    }

    /// The head of word `i`, if it has one in the sentence other than itself.
    fn head(&self, i: usize) -> Option<usize> {
        self.tokens[i]
            .head
            .filter(|&h| h < self.tokens.len() && h != i)
    }

    fn rel(&self, i: usize) -> &str {
        let r = self.tokens[i].deprel.as_str();
        r.split(':').next().unwrap_or(r)
    }

    fn lemma(&self, i: usize) -> &str {
        let l = self.tokens[i].lemma.as_str();
        if l.is_empty() {
            &self.lower[i]
        } else {
            l
        }
    }

    fn has_child(&self, i: usize, rels: &[&str], words: &[&str]) -> bool {
        self.children[i]
            .iter()
            .any(|&c| rels.contains(&self.rel(c)) && words.contains(&self.lower[c].as_str()))
    }

    /// Whether the clause `p` under the verb `h` is what a "why" asks the reason of ("asked
    /// why the government was agreeing", the "why" hung from either verb): what a reason is
    /// asked for is taken as done.
    fn reason_asked(&self, h: usize, p: usize) -> bool {
        let why = |c: &usize| self.lower[*c] == "why";
        self.children[p].iter().any(|c| *c < p && why(c))
            || self.children[h].iter().any(|c| *c > h && *c < p && why(c))
    }

    /// Whether the gerund `p` is one its head `head_lemma` says was not done: denied or
    /// avoided (as its complement), or kept from ("from" it).
    fn gerund_not_done(&self, p: usize, head_lemma: &str) -> bool {
        if self.tokens[p].xpos != "VBG" {
            return false;
        }
        let complement = matches!(self.rel(p), "xcomp" | "ccomp");
        (complement && NEGATIVE_GERUND_HEADS.contains(&head_lemma))
            || (self.has_child(p, &["mark"], &["from"]) && PREVENTING_VERBS.contains(&head_lemma))
    }

    /// Whether the gerund `p` is what its head `h`, "rule out", rules out ("ruled out sending
    /// troops").
    fn ruled_out(&self, p: usize, h: usize) -> bool {
        self.tokens[p].xpos == "VBG"
            && self.lemma(h) == "rule"
            && self.has_child(h, &["compound"], &["out"])
    }

    /// Marks on the predicate itself.
    fn own_mode(&self, p: usize) -> Option<Mode> {
        if self.has_child(p, &["advmod", "neg", "aux", "det"], NEGATORS)
            || self.has_child(p, &["nsubj", "obj", "expl"], NEGATIVE_SUBJECTS)
        {
            return Some(Mode::Negated);
        }
        // "adjourned without agreeing on a new level of fines": no agreeing.
        if self.has_child(p, &["mark"], &["without"]) {
            return Some(Mode::Negated);
        }
        if self.has_child(p, &["mark"], CONDITIONAL_MARKS) {
            return Some(Mode::Hypothetical);
        }
        if self.future_told(p) {
            return Some(Mode::Future);
        }
        if self.has_child(p, &["aux"], MODAL_AUX) {
            return Some(Mode::Hypothetical);
        }
        if self.has_child(p, &["aux"], FUTURE_AUX) {
            return Some(Mode::Future);
        }
        // "we are going to Del Frisco's for dinner": a plan, not a deed.
        let t = &self.tokens[p];
        if t.xpos == "VBG"
            && MOTION_VERBS.contains(&self.lemma(p))
            && self.has_child(p, &["aux"], PRESENT_BE)
        {
            return Some(Mode::Future);
        }
        None
    }

    /// Whether the predicate `p` is a future told in the past ("said the US would begin
    /// strikes", "vowed he would stay"): "would" in a clause a past verb of saying
    /// reports, with no condition in the sentence ("said he would resign if …" stays
    /// hypothetical) and no "have" ("said it would have failed" never happened).
    fn future_told(&self, p: usize) -> bool {
        self.has_child(p, &["aux"], &["would", "'d"])
            && !self.has_child(p, &["aux"], &["have", "'ve"])
            && self.rel(p) == "ccomp"
            && self.head(p).is_some_and(|h| {
                let lemma = self.lemma(h);
                (ANNOUNCING_CLAUSE.contains(&lemma) || FUTURE_TELLING_VERBS.contains(&lemma))
                    && matches!(self.tokens[h].xpos.as_str(), "VBD" | "VBN")
            })
            && !self
                .lower
                .iter()
                .any(|w| CONDITIONAL_MARKS.contains(&w.as_str()))
    }

    /// Whether word `i` is a predicate after a copula, whatever its tag ("had been right",
    /// `right` tagged an adverb).
    fn copula_predicate(&self, i: usize) -> bool {
        self.children[i].iter().any(|&c| self.rel(c) == "cop")
    }

    fn has_own_clause(&self, p: usize) -> bool {
        self.children[p]
            .iter()
            .any(|&c| matches!(self.rel(c), "nsubj" | "aux" | "expl" | "csubj"))
    }

    /// Whether `p` is an infinitive with `to`. A gerund after `to` ("resorted to throwing
    /// stones", "admitted to taking bribes") is a deed as its head is, save after a word of
    /// commitment ("committed to opening up", "looks forward to meeting").
    fn has_to(&self, p: usize) -> bool {
        let gerund = || {
            self.tokens[p].xpos == "VBG"
                && !self.tokens[p].head.is_some_and(|h| {
                    h < self.tokens.len() && COMMITMENT_HEADS.contains(&self.lemma(h))
                })
        };
        // "pointed to how Blair had complained": a "to" before a clause with a tense is a
        // preposition, not an infinitive's.
        let tensed = || {
            matches!(self.tokens[p].xpos.as_str(), "VBD" | "VBZ")
                || self.children[p].iter().any(|&c| {
                    self.rel(c) == "aux"
                        && matches!(self.tokens[c].xpos.as_str(), "VBD" | "VBZ" | "MD")
                })
        };
        self.has_child(p, &["mark"], &["to"]) && !gerund() && !tensed()
    }

    fn is_imperative(&self, p: usize) -> bool {
        let t = &self.tokens[p];
        t.head.is_none()
            && matches!(t.xpos.as_str(), "VB" | "VBP")
            && !self.children[p]
                .iter()
                .any(|&c| matches!(self.rel(c), "nsubj" | "aux" | "mark" | "expl"))
            && self.children[p]
                .iter()
                .all(|&c| c > p || self.rel(c) != "nsubj")
            && self.children[p].iter().filter(|&&c| c < p).all(|&c| {
                matches!(
                    self.rel(c),
                    "punct" | "advmod" | "discourse" | "cc" | "advcl" | "obl" | "vocative"
                )
            })
    }

    /// The verb whose object the infinitive `p` (under `h`) is the purpose of, when that
    /// purpose was carried out with it: "took steps to …", "took the opportunity to …" (a
    /// step taken) or "used the speech to attack …" (anything used); the infinitive hangs
    /// under the verb or under its object ("took measures to …", "used his TV appearance to
    /// defend …").
    fn purpose_carried_out(&self, p: usize, h: usize) -> Option<usize> {
        let carried_with = |v: usize, object: usize| match self.lemma(v) {
            "take" => STEPS.contains(&self.lemma(object)),
            "use" => true,
            _ => false,
        };
        match self.rel(p) {
            "advcl" | "xcomp"
                if self.children[h]
                    .iter()
                    .any(|&c| self.rel(c) == "obj" && carried_with(h, c)) =>
            {
                Some(h)
            }
            "acl" if self.rel(h) == "obj" => self.tokens[h]
                .head
                .filter(|&v| v < self.tokens.len() && carried_with(v, h)),
            _ => None,
        }
    }

    /// The verb denying the `that` clause at `p` under word `h`: a verb of denial the clause
    /// is the complement of ("denied that he had met the rebels"), or one whose object is
    /// the report the clause tells ("dismissed reports that he had met the rebels", "denied
    /// an earlier report that he planned to make an appeal", the clause hung from the verb).
    fn denied_claim(&self, p: usize, h: usize) -> Option<usize> {
        let rel = self.rel(p);
        if rel == "ccomp" && DENYING_VERBS.contains(&self.lemma(h)) {
            return Some(h);
        }
        // A report, claim or the like that a verb of denial or dismissal takes as its object.
        let told = |noun: usize| {
            self.rel(noun) == "obj"
                && TELLING_NOUNS.contains(&self.lemma(noun))
                && self.head(noun).is_some_and(|v| {
                    let verb = self.lemma(v);
                    DENYING_VERBS.contains(&verb) || DISMISSING_VERBS.contains(&verb)
                })
        };
        match rel {
            "acl" | "ccomp" if told(h) && !self.has_to(p) => self.head(h),
            // The clause hung from the verb itself, its object a report: `told` checks the verb.
            "advcl"
                if self.has_child(p, &["mark"], &["that"])
                    && self.children[h].iter().any(|&c| c < p && told(c)) =>
            {
                Some(h)
            }
            _ => None,
        }
    }

    /// Whether the clause of word `h` is one a verb of denial denies, directly or through
    /// the verbs it hangs from ("denied an earlier report that he planned …").
    fn denied_above(&self, h: usize, depth: usize) -> bool {
        let mut at = h;
        for _ in depth..8 {
            let Some(up) = self.head(at) else {
                return false;
            };
            if self.denied_claim(at, up).is_some() {
                return self.mode(at, depth + 1) == Some(Mode::Negated);
            }
            if !matches!(self.rel(at), "xcomp" | "conj") {
                return false;
            }
            at = up;
        }
        false
    }

    /// The mode of a complement its head `h` says did not happen ("failed to leave",
    /// "denied accusing"): negated, unless `h` is negated in turn ("did not fail to leave"
    /// is a leaving) or has a mode of its own to pass on.
    fn negated_under(&self, h: usize, depth: usize) -> Option<Mode> {
        match self.mode(h, depth + 1) {
            Some(Mode::Negated) => None,
            Some(m) => Some(m),
            None => Some(Mode::Negated),
        }
    }

    fn mode(&self, p: usize, depth: usize) -> Option<Mode> {
        if let Some(m) = self.own_mode(p) {
            return Some(m);
        }
        let Some(h) = self.head(p) else {
            if self.question {
                return Some(Mode::Hypothetical);
            }
            if self.is_imperative(p) {
                return Some(Mode::Future);
            }
            // An infinitive the parse left as the root ("worried about plans, backed by the
            // UK, to lift the arms embargo") is no deed done.
            if self.has_to(p) && self.tokens[p].xpos == "VB" {
                return Some(Mode::Future);
            }
            return None;
        };
        if depth > 8 {
            return None;
        }
        let head_lemma = self.lemma(h);
        if let Some(denier) = self.denied_claim(p, h) {
            return self.negated_under(denier, depth);
        }
        match self.rel(p) {
            // "did not plan to leave and stayed": a conjunct with its own subject or
            // auxiliary ("… and has threatened") is a clause of its own.
            "conj" if self.has_own_clause(p) => None,
            "conj" => self.mode(h, depth + 1),
            "xcomp" | "ccomp" | "advcl" | "acl" | "csubj"
                if self.has_to(p)
                    && (self.tokens[h].upos == "ADJ" || self.copula_predicate(h))
                    && FACTIVE_ADJECTIVES.contains(&head_lemma) =>
            {
                self.mode(h, depth + 1)
            }
            // The same, parsed with the adjective and its copula under the infinitive
            // ("had been right to resign", `right` an adverb of `resign`).
            "xcomp" | "ccomp" | "advcl" | "acl" | "csubj"
                if self.has_to(p)
                    && self.copula_predicate(p)
                    && self.children[p].iter().any(|&c| {
                        c < p
                            && self.rel(c) == "advmod"
                            && FACTIVE_ADJECTIVES.contains(&self.lemma(c))
                    }) =>
            {
                self.mode(h, depth + 1)
            }
            // "ruled out sending troops": not to be done; "has not ruled out sending troops",
            // "refused to rule out sending troops": a possibility kept open.
            "xcomp" | "ccomp" | "advcl" if self.ruled_out(p, h) => match self.mode(h, depth + 1) {
                None => Some(Mode::Negated),
                Some(Mode::Negated) => Some(Mode::Hypothetical),
                other => other,
            },
            // "denied accusing Germany", "avoided meeting him": a gerund a verb of denial or
            // avoidance takes did not happen; nor what one is kept from ("was banned from
            // suing Parmalat", the parse making it an adverbial). Unless that verb is negated
            // in turn.
            "xcomp" | "ccomp" | "advcl" if self.gerund_not_done(p, head_lemma) => {
                self.negated_under(h, depth)
            }
            "xcomp" | "ccomp" | "advcl" | "acl" | "csubj" if self.has_to(p) => {
                let negative = match self.rel(p) {
                    "xcomp" => NEGATIVE_IMPLICATIVE.contains(&head_lemma),
                    // "Mr Blair's refusal to accept the proposals": no accepting either.
                    "acl" => NEGATIVE_NOUNS.contains(&head_lemma),
                    _ => false,
                };
                if negative {
                    return self.negated_under(h, depth);
                }
                // "are said to have attacked", "is believed to have agreed": what others say
                // or believe was done, as open as the saying.
                if self.rel(p) == "xcomp" && crate::tree::passive(self.tokens, h) {
                    let heard = if HEARD_PASSIVES.contains(&head_lemma) {
                        Some(Mode::Reported)
                    } else if DOUBTED_PASSIVES.contains(&head_lemma) {
                        Some(Mode::Alleged)
                    } else {
                        None
                    };
                    if let Some(heard) = heard {
                        return Some(self.mode(h, depth + 1).unwrap_or(heard));
                    }
                }
                // "was forced to resign" and "forced him to resign": he resigned.
                let compelled = crate::no_deed::COMPELLING_VERBS.contains(&head_lemma);
                // "went on to list his achievements", the parse making it an adverbial.
                let went_on =
                    head_lemma == "go" && self.has_child(h, &["advmod", "compound"], &["on"]);
                if (self.rel(p) == "xcomp" || went_on)
                    && (IMPLICATIVE.contains(&head_lemma) || compelled)
                {
                    // "is going to leave" is future; "managed to leave" is as its head.
                    if head_lemma == "go" && self.tokens[h].xpos == "VBG" {
                        return Some(Mode::Future);
                    }
                    // "tried to hack" and "sought to deny entry" are attempts made; "is
                    // trying to strike a deal" and "now seeks to create" are still to come.
                    // "accused Washington of trying to attack": the gerund of an "of" or "for"
                    // is as done as what it hangs from.
                    let of_for_gerund = self.tokens[h].xpos == "VBG"
                        && self.has_child(h, &["mark"], &["of", "for"]);
                    if matches!(head_lemma, "try" | "attempt" | "seek")
                        && !matches!(self.tokens[h].xpos.as_str(), "VBD" | "VBN")
                        && !of_for_gerund
                    {
                        return Some(Mode::Future);
                    }
                    return self.mode(h, depth + 1);
                }
                // "has taken steps to enhance political freedoms", "used his TV appearance
                // to defend his party's plans": the purpose is as done as the taking or
                // using.
                if let Some(verb) = self.purpose_carried_out(p, h) {
                    return self.mode(verb, depth + 1);
                }
                // "denied that he planned to make an appeal": a plan denied is no deed to
                // come either.
                if self.denied_above(h, depth) {
                    return Some(Mode::Negated);
                }
                Some(Mode::Future)
            }
            "xcomp" => self.mode(h, depth + 1),
            "ccomp" => {
                // "asked why the government was agreeing to the measure": the reason asked
                // for is of a deed done; "asked whether it agreed" asks if it was.
                if IRREALIS_COMPLEMENT.contains(&head_lemma) && !self.reason_asked(h, p) {
                    return Some(Mode::Hypothetical);
                }
                // "did not say that he left", "would say that …": not a deed either.
                self.mode(h, depth + 1)
            }
            // "…, while Labour criticised …", "because the rebels attacked": a contrast or
            // a reason with a subject of its own is a fact of its own, whatever its head.
            "advcl"
                if self.children[p].iter().any(|&c| self.rel(c) == "nsubj")
                    && self.has_child(p, &["mark"], CONTRAST_AND_REASON) =>
            {
                None
            }
            // A participle the parse took for an adverb of the verb ("must issue a written
            // statement promising to sign", `promising` an adjective) is as an adverbial
            // clause.
            "advcl" | "advmod" => match self.mode(h, depth + 1) {
                // A condition's consequence is as open as its condition; other adverbial
                // clauses (because, after, while) keep their own mode unless their head
                // is not a deed.
                Some(Mode::Negated) => None,
                other => other,
            },
            // A participle with no subject of its own modifying an argument ("to sign an
            // accord effectively recognising the Greek Cypriot government"): as the clause
            // that noun stands in.
            // So is one modifying a noun inside such an argument ("to make a pitch for
            // Britain's ethnic vote urging people …").
            "acl"
                if self.tokens[p].deprel == "acl"
                    && self.tokens[p].xpos == "VBG"
                    && !self.has_own_clause(p) =>
            {
                let mut noun = h;
                for _ in 0..3 {
                    if self.rel(noun) != "nmod" {
                        break;
                    }
                    noun = self.head(noun)?;
                }
                if !matches!(self.rel(noun), "obj" | "obl" | "nsubj") {
                    return None;
                }
                self.mode(self.head(noun)?, depth + 1)
            }
            // Relative clauses, parataxis, arguments: a mode of their own.
            _ => None,
        }
    }
}

/// What is taken to bring a deed about ("took steps to …", "took measures to …", "took the
/// opportunity to …").
const STEPS: &[&str] = &[
    "step",
    "measure",
    "action",
    "move",
    "opportunity",
    "chance",
    "occasion",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence from `(word, lemma, xpos, head (1-based, 0 = root), deprel)` rows.
    fn parse(rows: &[(&str, &str, &str, usize, &str)]) -> (Vec<String>, Vec<Token>) {
        let texts = rows.iter().map(|r| r.0.to_string()).collect();
        let tokens = rows
            .iter()
            .map(|&(_, lemma, xpos, head, rel)| Token {
                lemma: lemma.into(),
                xpos: xpos.into(),
                head: head.checked_sub(1),
                deprel: rel.into(),
                ..Token::default()
            })
            .collect();
        (texts, tokens)
    }

    fn mode_at(rows: &[(&str, &str, &str, usize, &str)], pred: usize) -> Mode {
        let (texts, tokens) = parse(rows);
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        predicate_mode(&texts, &tokens, pred)
    }

    #[test]
    fn negation_condition_and_future_on_the_predicate() {
        let not_left = [
            ("He", "he", "PRP", 4, "nsubj"),
            ("did", "do", "VBD", 4, "aux"),
            ("not", "not", "RB", 4, "advmod"),
            ("leave", "leave", "VB", 0, "root"),
        ];
        assert_eq!(mode_at(&not_left, 3), Mode::Negated);
        let will = [
            ("They", "they", "PRP", 3, "nsubj"),
            ("will", "will", "MD", 3, "aux"),
            ("strike", "strike", "VB", 0, "root"),
            (".", ".", ".", 3, "punct"),
        ];
        assert_eq!(mode_at(&will, 2), Mode::Future);
        let struck = [
            ("They", "they", "PRP", 2, "nsubj"),
            ("struck", "strike", "VBD", 0, "root"),
            (".", ".", ".", 2, "punct"),
        ];
        assert_eq!(mode_at(&struck, 1), Mode::Asserted);
    }

    #[test]
    fn a_to_before_a_clause_with_a_tense_opens_no_infinitive() {
        // "He pointed to how they had complained": a deed; "He pointed to them to complain":
        // a purpose.
        let how = [
            ("He", "he", "PRP", 2, "nsubj"),
            ("pointed", "point", "VBD", 0, "root"),
            ("to", "to", "IN", 7, "mark"),
            ("how", "how", "WRB", 7, "advmod"),
            ("they", "they", "PRP", 7, "nsubj"),
            ("had", "have", "VBD", 7, "aux"),
            ("complained", "complain", "VBN", 2, "ccomp"),
        ];
        assert_eq!(mode_at(&how, 6), Mode::Asserted);
        let mut past = how;
        past[5] = ("did", "do", "VB", 7, "aux");
        past[6] = ("complained", "complain", "VBD", 2, "ccomp");
        assert_eq!(mode_at(&past, 6), Mode::Asserted);
        let infinitive = [
            ("He", "he", "PRP", 2, "nsubj"),
            ("pointed", "point", "VBD", 0, "root"),
            ("to", "to", "TO", 4, "mark"),
            ("complain", "complain", "VB", 2, "advcl"),
        ];
        assert_eq!(mode_at(&infinitive, 3), Mode::Future);
    }

    #[test]
    fn what_one_is_banned_from_doing_did_not_happen() {
        // "The bank was banned from suing": the parse hangs the gerund as an adverbial.
        let banned = [
            ("The", "the", "DT", 2, "det"),
            ("bank", "bank", "NN", 4, "nsubj:pass"),
            ("was", "be", "VBD", 4, "aux:pass"),
            ("banned", "ban", "VBN", 0, "root"),
            ("from", "from", "IN", 6, "mark"),
            ("suing", "sue", "VBG", 4, "advcl"),
        ];
        assert_eq!(mode_at(&banned, 5), Mode::Negated);
        // "The bank profited from suing": a deed.
        let mut profited = banned;
        profited[2] = ("has", "have", "VBZ", 4, "aux");
        profited[3] = ("profited", "profit", "VBN", 0, "root");
        assert_eq!(mode_at(&profited, 5), Mode::Asserted);
        // "The bank was banned after suing": no "from".
        let mut after = banned;
        after[4] = ("after", "after", "IN", 6, "mark");
        assert_eq!(mode_at(&after, 5), Mode::Asserted);
    }

    #[test]
    fn the_reason_asked_for_is_of_a_deed_done() {
        // "He asked why they left": the "why" hung from "asked", as the parser leaves it,
        // or from "left".
        let why_of_asked = [
            ("He", "he", "PRP", 2, "nsubj"),
            ("asked", "ask", "VBD", 0, "root"),
            ("why", "why", "WRB", 2, "obj"),
            ("they", "they", "PRP", 5, "nsubj"),
            ("left", "leave", "VBD", 2, "ccomp"),
        ];
        assert_eq!(mode_at(&why_of_asked, 4), Mode::Asserted);
        let why_of_left = [
            ("He", "he", "PRP", 2, "nsubj"),
            ("asked", "ask", "VBD", 0, "root"),
            ("why", "why", "WRB", 5, "advmod"),
            ("they", "they", "PRP", 5, "nsubj"),
            ("left", "leave", "VBD", 2, "ccomp"),
        ];
        assert_eq!(mode_at(&why_of_left, 4), Mode::Asserted);
        // "He asked that they leave", "He asked them why, and they left": no reason asked
        // of the clause.
        let that = [
            ("He", "he", "PRP", 2, "nsubj"),
            ("asked", "ask", "VBD", 0, "root"),
            ("that", "that", "IN", 5, "mark"),
            ("they", "they", "PRP", 5, "nsubj"),
            ("leave", "leave", "VBP", 2, "ccomp"),
        ];
        assert_eq!(mode_at(&that, 4), Mode::Hypothetical);
        let why_after = [
            ("He", "he", "PRP", 2, "nsubj"),
            ("asked", "ask", "VBD", 0, "root"),
            ("they", "they", "PRP", 4, "nsubj"),
            ("leave", "leave", "VBP", 2, "ccomp"),
            ("why", "why", "WRB", 2, "advmod"),
        ];
        assert_eq!(mode_at(&why_after, 3), Mode::Hypothetical);
    }

    #[test]
    fn complements_inherit_or_open_their_mode() {
        // "Trump vowed to strike and they refused to leave"
        let rows = [
            ("Trump", "Trump", "NNP", 2, "nsubj"),
            ("vowed", "vow", "VBD", 0, "root"),
            ("to", "to", "TO", 4, "mark"),
            ("strike", "strike", "VB", 2, "xcomp"),
            ("and", "and", "CC", 7, "cc"),
            ("they", "they", "PRP", 7, "nsubj"),
            ("refused", "refuse", "VBD", 2, "conj"),
            ("to", "to", "TO", 9, "mark"),
            ("leave", "leave", "VB", 7, "xcomp"),
        ];
        assert_eq!(mode_at(&rows, 1), Mode::Asserted);
        assert_eq!(mode_at(&rows, 3), Mode::Future);
        assert_eq!(mode_at(&rows, 6), Mode::Asserted);
        assert_eq!(mode_at(&rows, 8), Mode::Negated);
        // "if the administration topples him, chaos would follow"
        let rows = [
            ("if", "if", "IN", 4, "mark"),
            ("the", "the", "DT", 3, "det"),
            ("administration", "administration", "NN", 4, "nsubj"),
            ("topples", "topple", "VBZ", 9, "advcl"),
            ("him", "he", "PRP", 4, "obj"),
            (",", ",", ",", 9, "punct"),
            ("chaos", "chaos", "NN", 9, "nsubj"),
            ("would", "would", "MD", 9, "aux"),
            ("follow", "follow", "VB", 0, "root"),
        ];
        assert_eq!(mode_at(&rows, 3), Mode::Hypothetical);
        assert_eq!(mode_at(&rows, 8), Mode::Hypothetical);
        // "the plan could fail, while Labour criticised it": a contrast is a fact of its own.
        let rows = [
            ("the", "the", "DT", 2, "det"),
            ("plan", "plan", "NN", 4, "nsubj"),
            ("could", "could", "MD", 4, "aux"),
            ("fail", "fail", "VB", 0, "root"),
            (",", ",", ",", 8, "punct"),
            ("while", "while", "IN", 8, "mark"),
            ("Labour", "Labour", "NNP", 8, "nsubj"),
            ("criticised", "criticise", "VBD", 4, "advcl"),
            ("it", "it", "PRP", 8, "obj"),
        ];
        assert_eq!(mode_at(&rows, 3), Mode::Hypothetical);
        assert_eq!(mode_at(&rows, 7), Mode::Asserted);
    }

    #[test]
    fn a_gerund_after_to_is_a_deed_save_after_a_commitment() {
        // "Youths resorted to throwing stones" and "Vietnam is committed to opening up"
        let rows = |head: &'static str, lemma: &'static str, xpos: &'static str| {
            [
                ("They", "they", "PRP", 2, "nsubj"),
                (head, lemma, xpos, 0, "root"),
                ("to", "to", "TO", 4, "mark"),
                ("throwing", "throw", "VBG", 2, "advcl"),
                ("stones", "stone", "NNS", 4, "obj"),
            ]
        };
        assert_eq!(
            mode_at(&rows("resorted", "resort", "VBD"), 3),
            Mode::Asserted
        );
        assert_eq!(
            mode_at(&rows("committed", "committed", "JJ"), 3),
            Mode::Future
        );
    }

    #[test]
    fn the_complement_of_a_refusal_did_not_happen() {
        // "his refusal to accept the plan" and "his plan to accept it"
        let rows = |noun: &'static str| {
            [
                ("his", "he", "PRP$", 2, "nmod:poss"),
                (noun, noun, "NN", 0, "root"),
                ("to", "to", "TO", 4, "mark"),
                ("accept", "accept", "VB", 2, "acl"),
                ("it", "it", "PRP", 4, "obj"),
            ]
        };
        assert_eq!(mode_at(&rows("refusal"), 3), Mode::Negated);
        assert_eq!(mode_at(&rows("plan"), 3), Mode::Future);
    }

    #[test]
    fn a_denied_deed_did_not_happen() {
        // "He denied accusing Germany" and "He regretted accusing Germany"
        let rows = |verb: &'static str, lemma: &'static str| {
            [
                ("He", "he", "PRP", 2, "nsubj"),
                (verb, lemma, "VBD", 0, "root"),
                ("accusing", "accuse", "VBG", 2, "xcomp"),
                ("Germany", "Germany", "NNP", 3, "obj"),
            ]
        };
        assert_eq!(mode_at(&rows("denied", "deny"), 2), Mode::Negated);
        assert_ne!(mode_at(&rows("regretted", "regret"), 2), Mode::Negated);
    }

    #[test]
    fn what_is_ruled_out_is_not_done_and_what_is_not_ruled_out_stays_possible() {
        // "Trump ruled out sending troops", "Trump has not ruled out sending troops"
        let ruled = [
            ("Trump", "Trump", "NNP", 2, "nsubj"),
            ("ruled", "rule", "VBD", 0, "root"),
            ("out", "out", "RP", 2, "compound:prt"),
            ("sending", "send", "VBG", 2, "advcl"),
            ("troops", "troops", "NNS", 4, "obj"),
        ];
        assert_eq!(mode_at(&ruled, 3), Mode::Negated);
        let not_ruled = [
            ("Trump", "Trump", "NNP", 4, "nsubj"),
            ("has", "have", "VBZ", 4, "aux"),
            ("not", "not", "RB", 4, "advmod"),
            ("ruled", "rule", "VBN", 0, "root"),
            ("out", "out", "RP", 4, "compound:prt"),
            ("sending", "send", "VBG", 4, "xcomp"),
            ("troops", "troops", "NNS", 6, "obj"),
        ];
        assert_eq!(mode_at(&not_ruled, 5), Mode::Hypothetical);
        // Without "out", a ruling is no ruling out.
        let mut ruled_on = ruled;
        ruled_on[2] = ("on", "on", "IN", 4, "mark");
        assert_ne!(mode_at(&ruled_on, 3), Mode::Negated);
    }
}
