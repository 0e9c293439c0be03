//! Actor sectors that change what a word means: an armed actor's attack is force, a party's
//! attack is words.

use dyad_types::Actor;

/// The sector of a state's armed forces.
const MILITARY: &str = "MIL";

/// Sectors of armed actors outside any state's forces: rebels, insurgents, unaligned armed
/// groups, criminal organisations.
const IRREGULAR_ROLES: &[&str] = &["REB", "INS", "UAF", "CRM"];

/// Sectors of political rivals whose attacks are words: parties, legislatures, the
/// opposition.
const POLITICAL_ROLES: &[&str] = &["PTY", "LEG", "OPP"];

/// Sectors that bear no arms, whose attacks and clashes are words whoever they are aimed at
/// ("the judge clashed with ministers"): the judiciary, the media, non-governmental
/// organisations, education, labour, business.
pub(crate) const UNARMED_ROLES: &[&str] = &["JUD", "MED", "NGO", "EDU", "LAB", "BUS"];

/// Whether `actor` is an armed actor, a military or one of the irregular sectors (by its
/// sectors, or the sector its code ends with).
pub(crate) fn is_armed(actor: &Actor) -> bool {
    in_sector(actor, &[MILITARY]) || in_sector(actor, IRREGULAR_ROLES)
}

/// Whether `actor` is an armed group outside any state's forces (by its sectors, or its
/// code: `IMG`, an international militarized group such as al-Qaeda).
pub(crate) fn is_irregular(actor: &Actor) -> bool {
    in_sector(actor, IRREGULAR_ROLES) || actor.code.as_deref().is_some_and(|c| c.starts_with("IMG"))
}

/// Whether `actor` is a party, a legislature or the opposition.
pub(crate) fn is_political(actor: &Actor) -> bool {
    in_sector(actor, POLITICAL_ROLES)
}

/// Whether one of `actor`'s sectors, or the sector its code ends with, is among `sectors`.
pub(crate) fn in_sector(actor: &Actor, sectors: &[&str]) -> bool {
    actor.roles.iter().any(|r| sectors.contains(&r.as_str()))
        || actor
            .code
            .as_deref()
            .is_some_and(|c| c.len() >= 6 && sectors.contains(&&c[c.len() - 3..]))
}
