//! Prints a page of Tend as plain HTML, for the build's last step (scripts/post-build.mjs)
//! to make `<page>.html` from: pages that paint before any WebAssembly arrives and work
//! with no script at all.
//!
//! `pages help`: Help now, every region's lines at once (help.html).
//! `pages family`: the family section's first page, for parents arriving from a link
//! (family.html).
//! `pages welcome`: the top of the welcome, for a first visit's static page (index.html).

fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let html = match which.as_str() {
        "help" => tend::ui::help::static_html(),
        "family" => tend::ui::family::static_html(),
        "welcome" => tend::ui::welcome::static_html(),
        _ => {
            eprintln!("usage: pages help|family|welcome");
            std::process::exit(2);
        }
    };
    print!("{html}");
}
