//! A known person's code on the day of the event, not of the article: "when he refused to
//! support prime minister Harold Wilson … in 1968" speaks of the government's Wilson, though
//! by the article's date he was out of office.

use dyad_actors::{ActorResolver, PersonCode};
use dyad_types::{Actor, DateBasis, DatePrecision, Event};

/// Recodes the known people of `events` dated by a time expression to another year than
/// `published`: an actor whose code is the one their dated offices give on the publication
/// day (no title in the text said otherwise), or a "former" one (ELI: a title of the article's
/// day), takes the one those offices give on the event's day. A resignation dated by its year
/// or month takes the office that ended then (see [`resignation_period`]).
pub(crate) fn recode_on_event_dates(
    resolver: &ActorResolver,
    published: Option<&str>,
    text: &str,
    events: &mut [Event],
) {
    for event in events.iter_mut() {
        if event.date.basis != DateBasis::Timex {
            continue;
        }
        let Some(day) = event
            .date
            .value
            .as_deref()
            .and_then(|v| day_of(v, event.date.precision))
        else {
            continue;
        };
        if published.is_some_and(|p| p.get(..4) == day.get(..4)) {
            continue;
        }
        let left_in = resignation_period(text, event);
        recode(
            resolver,
            published,
            &day,
            left_in.as_deref(),
            &mut event.source,
        );
        if let Some(target) = event.target.as_mut() {
            recode(resolver, published, &day, None, target);
        }
    }
}

/// CAMEO's code for stepping down from an office (accede to demands for a change in
/// leadership), which the lexicon gives resign, quit, step down.
const RESIGN: &str = "0831";

/// The year or month a resignation is dated by, whose ending office it is from, though
/// another began then; none when the text says which office it was ("resigned as Labour
/// leader"), or for an event of another kind.
fn resignation_period(text: &str, event: &Event) -> Option<String> {
    let says_which = text
        .get(event.trigger.end..)
        .is_some_and(|rest| rest.trim_start().starts_with("as "));
    let by_period = matches!(
        event.date.precision,
        DatePrecision::Year | DatePrecision::Month
    );
    (event.cameo == RESIGN && !says_which && by_period)
        .then(|| event.date.value.clone())
        .flatten()
}

/// Who resigns leaves the office they held, whatever the text calls them since: "Former
/// minister Clare Short, who resigned from the government" resigned as the government's
/// (GBRGOV), not as one of the elites (GBRELI). A code the event's date gave stands.
pub(crate) fn resign_from_office_left(events: &mut [Event]) {
    for event in events.iter_mut().filter(|e| e.cameo == RESIGN) {
        event.source.return_to_office_left();
    }
}

/// Gives `actor` the code of `day` if its code is that of `published` or a former office's;
/// of the office it left in the period `left_in`, if it left one then.
fn recode(
    resolver: &ActorResolver,
    published: Option<&str>,
    day: &str,
    left_in: Option<&str>,
    actor: &mut Actor,
) {
    let Some(person) = actor
        .name
        .as_deref()
        .and_then(|name| resolver.dictionary().person_named(name))
    else {
        return;
    };
    let left = left_in.and_then(|period| person.code_left_in(period));
    let Some(then) = left.or_else(|| person.code_on(Some(day))) else {
        return;
    };
    let now = person.code_on(published);
    let coded_as = |c: &PersonCode| actor.code.as_deref() == Some(c.code.as_str());
    // "Former Tory leader William Hague … stepped down after his party's 2001 defeat": a
    // title of past office speaks of the article's day, not of an earlier event's.
    let formerly = actor.is_elite();
    if (formerly || now.is_some_and(|now| coded_as(&now))) && !coded_as(&then) {
        actor.code = Some(then.code);
        actor.country = then.country;
        actor.roles = then.role.into_iter().collect();
    }
}

/// A day (`YYYY-MM-DD`) inside an event's date value of `precision`: the middle of a year or
/// a month ("1968" → 1968-07-01, "1968-05" → 1968-05-15); `None` for weeks and decades.
fn day_of(value: &str, precision: DatePrecision) -> Option<String> {
    match precision {
        DatePrecision::Day => Some(value.to_string()),
        DatePrecision::Month => Some(format!("{value}-15")),
        DatePrecision::Year => Some(format!("{value}-07-01")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_value_is_read_as_a_day_inside_it() {
        assert_eq!(
            day_of("1968", DatePrecision::Year).as_deref(),
            Some("1968-07-01")
        );
        assert_eq!(
            day_of("1968-05", DatePrecision::Month).as_deref(),
            Some("1968-05-15")
        );
        assert_eq!(
            day_of("1968-05-02", DatePrecision::Day).as_deref(),
            Some("1968-05-02")
        );
        assert_eq!(day_of("1968-W12", DatePrecision::Week), None);
        assert_eq!(day_of("196", DatePrecision::Decade), None);
    }
}
