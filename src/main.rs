fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(tend::App);
    // The app is on the page: the static one painted before it goes (index.html).
    tend::platform::dom::remove_static_page();
}
