use crate::content;

/// Every screen of Tend. Links use `path()` rather than string literals spread through
/// views, so a renamed route is one change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    Welcome,
    Help,
    Settings,
    About,
    Breathe,
    Patterns,
    History,
    Draw,
    Gallery,
    Talk,
    /// The three circles check-in.
    Circles,
    /// The self-compassion break.
    Break,
    /// The family section: lessons and rehearsals for parents and carers.
    Family,
    /// One family lesson, at `/family/<id>` (its address: the lesson itself is the
    /// family section's, see [`content::lesson_at`]).
    Lesson(&'static str),
    /// One rehearsal of a hard conversation, at `/family/rehearse/<id>`.
    Rehearsal(&'static str),
    Demo,
    Plan,
    PlanMaker,
    /// The teen's own summary for their next session.
    Summary,
    /// Kind imagery: a calm place, a kind other, the kind self.
    Imagery,
    /// A compassionate letter to yourself, and the letters kept.
    Letter,
    /// Printable handouts for a therapist: pick a kind, an exercise and a band.
    Handouts,
    /// One handout card, at `/handouts/<kind>/<id>` (the band in the query).
    Handout(&'static str),
}

impl Page {
    /// The pages with a fixed address (lessons and rehearsals come from content: see
    /// [`Page::every`]).
    pub const ALL: [Page; 21] = [
        Page::Home,
        Page::Welcome,
        Page::Help,
        Page::Settings,
        Page::About,
        Page::Breathe,
        Page::Patterns,
        Page::History,
        Page::Draw,
        Page::Gallery,
        Page::Talk,
        Page::Circles,
        Page::Break,
        Page::Family,
        Page::Demo,
        Page::Plan,
        Page::PlanMaker,
        Page::Summary,
        Page::Imagery,
        Page::Letter,
        Page::Handouts,
    ];

    /// Every page, each lesson and rehearsal included.
    pub fn every() -> impl Iterator<Item = Page> {
        Page::ALL
            .into_iter()
            .chain(content::LESSON_PATHS.iter().copied().map(Page::Lesson))
            .chain(
                content::FAMILY_SCENE_PATHS
                    .iter()
                    .copied()
                    .map(Page::Rehearsal),
            )
            .chain(content::HANDOUT_PATHS.iter().copied().map(Page::Handout))
    }

    /// Whether this page belongs to the family section (which never reads a teen's
    /// records).
    pub fn is_family(self) -> bool {
        matches!(self, Page::Family | Page::Lesson(_) | Page::Rehearsal(_))
    }

    pub fn path(self) -> &'static str {
        match self {
            Page::Home => "/",
            Page::Welcome => "/welcome",
            Page::Help => "/help",
            Page::Settings => "/settings",
            Page::About => "/about",
            Page::Breathe => "/breathe",
            Page::Patterns => "/breathe/patterns",
            Page::History => "/breathe/history",
            Page::Draw => "/draw",
            Page::Gallery => "/draw/gallery",
            Page::Talk => "/talk",
            Page::Circles => "/circles",
            Page::Break => "/break",
            Page::Family => "/family",
            Page::Lesson(path) | Page::Rehearsal(path) | Page::Handout(path) => path,
            Page::Demo => "/demo",
            Page::Plan => "/plan",
            Page::PlanMaker => "/plan/make",
            Page::Summary => "/summary",
            Page::Imagery => "/imagery",
            Page::Letter => "/letter",
            Page::Handouts => "/handouts",
        }
    }

    /// The page at `path`; a trailing slash is allowed (`/help/`), and a query
    /// (`?prompt=calm`) is the page's own business.
    pub fn from_path(path: &str) -> Option<Page> {
        let path = path.split_once('?').map_or(path, |(p, _)| p);
        let trimmed = match path.trim_end_matches('/') {
            "" => "/",
            p => p,
        };
        Page::every().find(|p| p.path() == trimmed)
    }
}

/// The value of `key` in `path`'s query, as written (`?prompt=calm&band=15-17`). Tend's
/// own values are ids (letters, digits, dashes), so nothing needs decoding; `18+` may
/// arrive as `18%2B` and is read back as `18+`.
pub fn query<'a>(path: &'a str, key: &str) -> Option<&'a str> {
    let (_, query) = path.split_once('?')?;
    let query = query.split_once('#').map_or(query, |(q, _)| q);
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == key).then_some(match v {
            "18%2B" | "18%2b" => "18+",
            v => v,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_is_found_at_its_own_path() {
        for page in Page::ALL {
            assert_eq!(Page::from_path(page.path()), Some(page));
        }
        assert_eq!(Page::from_path("/help/"), Some(Page::Help));
        assert_eq!(Page::from_path(""), Some(Page::Home));
        assert_eq!(Page::from_path("/helpers"), None);
        assert_eq!(Page::from_path("/help/me"), None);
        assert_eq!(Page::from_path("/draw?prompt=calm"), Some(Page::Draw));
        assert_eq!(Page::from_path("/draw/?prompt=calm"), Some(Page::Draw));
    }

    #[test]
    fn a_query_value_is_read_by_its_key() {
        assert_eq!(query("/draw?prompt=calm", "prompt"), Some("calm"));
        assert_eq!(query("/x?a=1&band=18%2B", "band"), Some("18+"));
        assert_eq!(query("/x?a=1&band=15-17#top", "band"), Some("15-17"));
        assert_eq!(query("/x?a=1", "band"), None);
        assert_eq!(query("/x", "a"), None);
    }

    #[test]
    fn every_exercise_in_the_catalogue_leads_to_a_page_of_tend() {
        for e in crate::domain::catalogue::EXERCISES {
            assert!(Page::from_path(e.path).is_some(), "{}: {}", e.id, e.path);
        }
    }

    #[test]
    fn the_routers_addresses_are_exactly_the_pages_in_content() {
        fn paths(list: &'static [&'static str]) -> Vec<&'static str> {
            list.to_vec()
        }
        assert_eq!(
            paths(content::LESSON_PATHS),
            content::LESSONS.iter().map(|l| l.path).collect::<Vec<_>>()
        );
        assert_eq!(
            paths(content::FAMILY_SCENE_PATHS),
            content::FAMILY_SCENES
                .iter()
                .map(|s| s.path)
                .collect::<Vec<_>>()
        );
        assert_eq!(
            paths(content::HANDOUT_PATHS),
            content::HANDOUTS.iter().map(|h| h.path).collect::<Vec<_>>()
        );
    }

    #[test]
    fn every_lesson_and_rehearsal_has_its_own_family_address() {
        for page in Page::every() {
            assert_eq!(Page::from_path(page.path()), Some(page), "{}", page.path());
        }
        let lesson = content::lesson("three-systems").unwrap();
        assert_eq!(
            Page::from_path("/family/three-systems"),
            Some(Page::Lesson(lesson.path))
        );
        assert_eq!(
            Page::from_path("/family/three-systems/"),
            Some(Page::Lesson(lesson.path))
        );
        let scene = content::family_scene("slammed-door").unwrap();
        assert_eq!(
            Page::from_path("/family/rehearse/slammed-door"),
            Some(Page::Rehearsal(scene.path))
        );
        assert_eq!(Page::from_path("/family/nothing-here"), None);
        let handout = content::HANDOUTS.iter().find(|h| h.id == "box").unwrap();
        assert_eq!(
            Page::from_path("/handouts/breathe/box?band=15-17"),
            Some(Page::Handout(handout.path))
        );
        assert_eq!(Page::from_path("/handouts/breathe/nothing"), None);
        for page in Page::every().filter(|p| p.path().starts_with("/family")) {
            assert!(page.is_family(), "{}", page.path());
        }
    }
}
