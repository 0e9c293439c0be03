use dyad_types::Actor;

/// What a resolved mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A person ("Nicolás Maduro", "he").
    Person,
    /// A country as a whole ("Venezuela", "the United States").
    Country,
    /// A named institution, organisation or outlet ("the White House").
    Institution,
    /// A group or office defined by role ("the Venezuelan government", "U.S. troops").
    Group,
}

/// An actor mention found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    /// Index of the sentence.
    pub sentence: usize,
    /// Index of the first token (into `Analysis::tokens`).
    pub first_token: usize,
    /// Index one past the last token.
    pub end_token: usize,
    /// Index of the head token (the name or role noun the phrase is about).
    pub head_token: usize,
    /// The resolved actor, with the mention's offsets and text.
    pub actor: Actor,
    /// What the mention refers to.
    pub kind: MentionKind,
    /// Whether the mention is a pronoun or a definite description resolved by coreference.
    pub coreferent: bool,
    /// For a body named by a possessive pronoun ("its troops", "their leaders"): the head
    /// token of the mention the pronoun stands for.
    pub possessor_head: Option<usize>,
}
