//! What follows "By" in a byline: names, places, roles, dates, an outlet or an e-mail address
//! ([`names_only`]), not a sentence ("By escalating the dispute, ...").

use crate::boilerplate::meta::{find_dates, is_timestamp};

use super::{is_domain, name_like};

/// Whether `rest` (what follows "By") is names, places and roles only before any date: parts
/// between commas, bars, dashes, slashes and "and", each [`name_like`] (an outlet after "Special
/// to" too: [`desk`]), a timestamp, a domain or an e-mail address, twelve words at most.
pub(super) fn names_only(rest: &str) -> bool {
    let mut head = rest.to_string();
    for d in find_dates(rest).iter().rev() {
        head.replace_range(d.start.., "");
    }
    // (Names are joined by "and" as by commas: "By Jane Roe, John Doe and Erika Mustermann".)
    let parts: Vec<&str> = head
        .split([',', '|', ';', '•', '·', '(', ')', '—', '–', '/'])
        .flat_map(|p| p.split(" and ").flat_map(|p| p.split(" & ")))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let head_words = head.split_whitespace().count();
    !parts.is_empty()
        && head_words <= 12
        && parts
            .iter()
            .all(|p| name_like(desk(p)) || is_timestamp(p) || is_domain(p) || is_email(p))
}

/// A byline's outlet part without its "Special to" ("By Jane Roe | Special to the Daily
/// Courier": the outlet is what is left).
fn desk(part: &str) -> &str {
    let b = part.as_bytes();
    match b.get(..11) {
        Some(open) if open.eq_ignore_ascii_case(b"special to ") => &part[11..],
        _ => part,
    }
}

/// An e-mail address alone ("jroe@courier.com"), as a byline gives its author's.
fn is_email(part: &str) -> bool {
    part.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty() && !user.contains(char::is_whitespace) && is_domain(host)
    })
}
