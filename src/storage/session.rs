//! The tab's own note that it is in demo mode, in sessionStorage: it lasts while the tab
//! is open (through reloads), belongs to this tab only (a teen's own Tend in another tab
//! is never switched into demo), and is not Tend data (`tend.*` in localStorage), so
//! export, import and "delete everything" never see it.

use wasm_bindgen::JsCast;

/// The sessionStorage key. Deliberately outside `tend.*`.
pub const DEMO_FLAG: &str = "tend-demo";

fn session() -> Option<web_sys::Storage> {
    let window = web_sys::window()?;
    // Reading `sessionStorage` throws where storage is blocked; that simply means no flag.
    let value = js_sys::Reflect::get(&window, &"sessionStorage".into()).ok()?;
    value.dyn_into::<web_sys::Storage>().ok()
}

/// Whether this tab was put into demo mode earlier (before a reload).
pub fn demo_flag() -> bool {
    session()
        .and_then(|s| s.get_item(DEMO_FLAG).ok().flatten())
        .is_some_and(|v| v == "on")
}

/// Notes (or forgets) that this tab is in demo mode. Where sessionStorage is blocked the
/// note is not kept, and a reload simply leaves demo mode: nothing is ever written to
/// Tend's data either way.
pub fn set_demo_flag(on: bool) {
    if let Some(s) = session() {
        let _ = if on {
            s.set_item(DEMO_FLAG, "on")
        } else {
            s.remove_item(DEMO_FLAG)
        };
    }
}
