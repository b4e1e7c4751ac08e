/// Every screen of Tend. Links use `path()` rather than string literals spread through
/// views, so a renamed route is one change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    Welcome,
    Help,
    Settings,
    About,
}

impl Page {
    pub const ALL: [Page; 5] = [Page::Home, Page::Welcome, Page::Help, Page::Settings, Page::About];

    pub fn path(self) -> &'static str {
        match self {
            Page::Home => "/",
            Page::Welcome => "/welcome",
            Page::Help => "/help",
            Page::Settings => "/settings",
            Page::About => "/about",
        }
    }

    /// The path without its leading slash, as the router matches it.
    pub fn segment(self) -> &'static str {
        &self.path()[1..]
    }
}
