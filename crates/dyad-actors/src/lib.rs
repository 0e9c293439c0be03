//! Actor resolution: who a mention in the text is, as a CAMEO actor code.
//!
//! Resolution runs in layers over each sentence's tokens:
//! 1. [`Dictionary`]: countries (names, other names, demonyms, capitals), named institutions
//!    and outlets ("the White House", "the Kremlin", "the Miami Herald"), role words
//!    ("president", "senator", "cartel" → `GOV`, `LEG`, `CRM`) and people with dated roles;
//!    all of them data files in `data/`, extendable by the user from a folder at run time.
//!    Under the curated files, a tier of ~18,000 people generated from the Phoenix actor
//!    dictionaries (`data/generated/people_phoenix.tsv`, `dyad train actors`); a surname
//!    alone after a title ("Mr Blair") resolves when the document named the person, or when
//!    one person of the countries it named has that surname.
//! 2. Noun-phrase composition: "Venezuelan dictator Nicolás Maduro" combines a demonym, a role
//!    and a name into one actor (`VENGOV`, name "Nicolás Maduro").
//! 3. In-document learning: a name or a definite role introduced once ("the Trump
//!    administration", "Secretary of State Marco Rubio") is remembered, so that later mentions
//!    ("the administration", "Rubio", "he", "the communist dictator") resolve to it.
//! 4. Unknown mentions are never guessed: they are not returned, and the coder keeps their text
//!    with `code: None`.
//!
//! ```
//! use dyad_actors::ActorResolver;
//! let resolver = ActorResolver::embedded();
//! let actor = resolver.dictionary().country_by_name("Venezuela").unwrap();
//! assert_eq!(actor.iso3, "VEN");
//! ```
#![warn(missing_docs)]

mod dictionary;
mod error;
mod mention;
mod phrase;
mod resolver;

pub use dictionary::{Country, Dictionary, Institution, Person, PersonCode, PersonOffice};
pub use error::{Error, Result};
pub use mention::{ActorMention, MentionKind};
pub use resolver::ActorResolver;
