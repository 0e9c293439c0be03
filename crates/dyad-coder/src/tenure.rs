//! A known person's code on the day of the event, not of the article: "when he refused to
//! support prime minister Harold Wilson … in 1968" speaks of the government's Wilson, though
//! by the article's date he was out of office.

use dyad_actors::ActorResolver;
use dyad_types::{Actor, DateBasis, Event};

/// Recodes the known people of `events` dated by a time expression to another year than
/// `published`: an actor whose code is the one their dated offices give on the publication
/// day (no title in the text said otherwise) takes the one those offices give on the event's
/// day.
pub(crate) fn recode_on_event_dates(
    resolver: &ActorResolver,
    published: Option<&str>,
    events: &mut [Event],
) {
    for event in events.iter_mut() {
        if event.date.basis != DateBasis::Timex {
            continue;
        }
        let Some(day) = event.date.value.as_deref().and_then(day_of) else {
            continue;
        };
        if published.is_some_and(|p| p.get(..4) == day.get(..4)) {
            continue;
        }
        recode(resolver, published, &day, &mut event.source);
        if let Some(target) = event.target.as_mut() {
            recode(resolver, published, &day, target);
        }
    }
}

/// Gives `actor` the code of `day` if its code is that of `published`.
fn recode(resolver: &ActorResolver, published: Option<&str>, day: &str, actor: &mut Actor) {
    let Some(name) = actor.name.as_deref() else {
        return;
    };
    let Some(then) = resolver.person_on(name, Some(day)) else {
        return;
    };
    let now = resolver.person_on(name, published);
    if now.is_some_and(|now| now.code == actor.code) && then.code != actor.code {
        actor.code = then.code;
        actor.country = then.country;
        actor.roles = then.roles;
    }
}

/// A day (`YYYY-MM-DD`) inside a TimeML date value: the middle of a year or a month ("1968"
/// → 1968-07-01, "1968-05" → 1968-05-15); `None` for weeks, seasons and references.
fn day_of(value: &str) -> Option<String> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = value.split('-').collect();
    match parts.as_slice() {
        [y] if y.len() == 4 && digits(y) => Some(format!("{y}-07-01")),
        [y, m] if y.len() == 4 && digits(y) && m.len() == 2 && digits(m) => {
            Some(format!("{y}-{m}-15"))
        }
        [y, m, d] if y.len() == 4 && digits(y) && digits(m) && d.len() == 2 && digits(d) => {
            Some(value.to_string())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_value_is_read_as_a_day_inside_it() {
        assert_eq!(day_of("1968").as_deref(), Some("1968-07-01"));
        assert_eq!(day_of("1968-05").as_deref(), Some("1968-05-15"));
        assert_eq!(day_of("1968-05-02").as_deref(), Some("1968-05-02"));
        assert_eq!(day_of("1968-W12"), None);
        assert_eq!(day_of("PRESENT_REF"), None);
        assert_eq!(day_of("196X"), None);
    }
}
