//! Telling page furniture from article text.
//!
//! An element is boilerplate when its tag never holds article prose (scripts, navigation,
//! forms, figures, …), when it is hidden, when its ARIA role is navigation or similar, when
//! its `class` or `id` names share widgets, related links, comments, cookie banners,
//! newsletters, adverts or captions, or when it is a list made mostly of links (a "related
//! stories" block).

use std::collections::HashSet;
use std::sync::OnceLock;

use scraper::node::Element;
use scraper::{ElementRef, Node};

/// Tags whose whole content is dropped.
const DROPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "figure",
    "figcaption",
    "iframe",
    "button",
    "select",
    "input",
    "textarea",
    "label",
    "svg",
    "canvas",
    "video",
    "audio",
    "picture",
    "object",
    "embed",
    "map",
    "dialog",
    "menu",
    "head",
    "title",
    "meta",
    "link",
];

/// ARIA roles of page furniture.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "search",
    "toolbar",
    "tablist",
];

/// Whether the element and all it holds should be left out of the article text, judged by
/// its tag, ARIA role and visibility. See also [`has_debris_name`] and [`is_link_list`].
pub(crate) fn is_furniture(element: &Element) -> bool {
    let tag = element.name();
    if DROPPED_TAGS.contains(&tag) {
        return true;
    }
    if element.attr("hidden").is_some()
        || element
            .attr("aria-hidden")
            .is_some_and(|v| v.trim() == "true")
    {
        return true;
    }
    if let Some(style) = element.attr("style") {
        let style: String = style.to_ascii_lowercase().split_whitespace().collect();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    element
        .attr("role")
        .is_some_and(|r| DROPPED_ROLES.contains(&r.trim()))
}

/// Whether the element's `class` or `id` holds a word naming page furniture. Words are cut
/// at non-alphanumerics and camel-case humps: `share-bar`, `socialShare`, `related_links`.
pub(crate) fn has_debris_name(element: &Element) -> bool {
    let names = [element.attr("class"), element.attr("id")];
    names
        .into_iter()
        .flatten()
        .any(|name| name_words(name).any(|w| debris_names().contains(w.as_str())))
}

/// Class and id words of the blocks that list or discuss other pages: their dates are not
/// the article's.
const OTHER_STORIES_WORDS: &[&str] = &[
    "related",
    "sidebar",
    "comment",
    "comments",
    "teaser",
    "teasers",
    "recommended",
    "recommendations",
    "popular",
    "trending",
    "footer",
    "nav",
    "navigation",
    "widget",
];

/// Whether the element's `class` or `id` marks a block about other pages (related stories,
/// a sidebar, comments, navigation).
pub(crate) fn names_other_stories(element: &Element) -> bool {
    [element.attr("class"), element.attr("id")]
        .into_iter()
        .flatten()
        .any(|name| name_words(name).any(|w| OTHER_STORIES_WORDS.contains(&w.as_str())))
}

/// The lowercase words of a class or id attribute.
fn name_words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            let mut words = Vec::new();
            let mut current = String::new();
            let mut previous_lower = false;
            for c in w.chars() {
                if c.is_ascii_uppercase() && previous_lower && !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
                previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
                current.push(c.to_ascii_lowercase());
            }
            words.push(current);
            words
        })
}

fn debris_names() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        include_str!("../../data/debris_class_words.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Characters of text in the subtree, and how many of them sit inside links.
pub(crate) fn text_and_link_chars(element: ElementRef<'_>) -> (usize, usize) {
    let mut total = 0;
    let mut linked = 0;
    // Depth-first with an explicit stack: (node, inside a link).
    let mut stack = vec![(*element, false)];
    while let Some((node, in_link)) = stack.pop() {
        match node.value() {
            Node::Text(text) => {
                let n = text.chars().filter(|c| !c.is_whitespace()).count();
                total += n;
                if in_link {
                    linked += n;
                }
            }
            Node::Element(e) => {
                let in_link = in_link || (node.id() != element.id() && e.name() == "a");
                stack.extend(node.children().map(|c| (c, in_link)));
            }
            _ => {}
        }
    }
    (total, linked)
}

/// Whether a list (`ul`, `ol`, `dl`) or a link-packed block is mostly links: related
/// stories, tag clouds, "more from" blocks.
pub(crate) fn is_link_list(element: ElementRef<'_>) -> bool {
    let tag = element.value().name();
    let (threshold, min_links) = match tag {
        "ul" | "ol" | "dl" => (0.5, 1),
        "div" | "section" | "table" | "tbody" => (0.7, 3),
        _ => return false,
    };
    let links = element
        .descendants()
        .filter(|n| n.value().as_element().is_some_and(|e| e.name() == "a"))
        .count();
    if links < min_links {
        return false;
    }
    let (total, linked) = text_and_link_chars(element);
    total > 0 && linked as f64 / total as f64 > threshold
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words_split_on_separators_and_camel_case() {
        let words: Vec<String> = name_words("share-bar socialShare related_links").collect();
        assert_eq!(
            words,
            ["share", "bar", "social", "share", "related", "links"]
        );
    }

    #[test]
    fn debris_names_are_whole_words() {
        let page = scraper::Html::parse_fragment(
            r#"<div class="shared-header-cta"></div><div class="header"></div><div class="ad-slot"></div><div class="loader head"></div>"#,
        );
        let flags: Vec<bool> = page
            .root_element()
            .child_elements()
            .map(|e| has_debris_name(e.value()))
            .collect();
        assert_eq!(flags, [false, false, true, false]);
    }
}
