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
    Demo,
    Plan,
    PlanMaker,
}

impl Page {
    pub const ALL: [Page; 14] = [
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
        Page::Demo,
        Page::Plan,
        Page::PlanMaker,
    ];

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
            Page::Demo => "/demo",
            Page::Plan => "/plan",
            Page::PlanMaker => "/plan/make",
        }
    }

    /// The page at `path`; a trailing slash is allowed (`/help/`).
    pub fn from_path(path: &str) -> Option<Page> {
        let trimmed = match path.trim_end_matches('/') {
            "" => "/",
            p => p,
        };
        Page::ALL.into_iter().find(|p| p.path() == trimmed)
    }
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
    }
}
