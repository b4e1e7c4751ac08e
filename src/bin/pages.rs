//! Prints the parts of Tend that must work with no script at all (today, Help now) as
//! HTML, for the build's last step (scripts/post-build.mjs) to make `help.html` from.

fn main() {
    print!("{}", tend::ui::help::static_html());
}
