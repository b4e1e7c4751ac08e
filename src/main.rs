fn main() {
    console_error_panic_hook::set_once();
    // Demo mode's sample content arrives first (a section of its own).
    if tend::state::demo::starting() {
        wasm_bindgen_futures::spawn_local(async {
            tend::state::demo::prepare(tend::platform::dom::today()).await;
            start();
        });
    } else if tend::state::lock::starting() {
        // Locked: the lock screen (a section of its own) first, and the app only once the
        // passphrase has opened the store. Help now is a page of its own that needs no
        // script, so at /help the static page stays as it is and nothing starts.
        if tend::platform::history::current_path().trim_end_matches('/')
            == tend::ui::routes::Page::Help.path()
        {
            return;
        }
        wasm_bindgen_futures::spawn_local(async {
            if tend::state::lock::prepare().await {
                start();
            }
        });
    } else {
        // The app starts in a task of its own, after the one that made its WebAssembly
        // ready: the browser has a turn in between (see ui::section::later).
        leptos::prelude::set_timeout(start, std::time::Duration::ZERO);
    }
}

fn start() {
    leptos::mount::mount_to_body(tend::App);
    // The app is on the page: the static one painted before it goes (index.html) once
    // the first page is whole (see ui::section::later).
    tend::ui::section::mounted();
}
