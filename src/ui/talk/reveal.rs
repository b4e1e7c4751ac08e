//! Keeping a conversation's newest line and its next action in view.
//!
//! After each step the chat grows downwards, so the next action ("Go on", the first
//! choice, the text field) would slide under the fixed tab bar. Once the step has been
//! drawn, [`step_into_view`] scrolls just enough that, in this order of priority, the
//! next action is wholly visible, the newest line's top is visible, and the rest of the
//! turn (the other choices, "This feels like too much") is visible, all clear of the
//! top bar and the tab bar, and then moves focus to the next action. How much the bars
//! cover is the page's own `scroll-padding`, the same figure the browser uses when it
//! scrolls a focused element into view.

use leptos::prelude::request_animation_frame;
use wasm_bindgen::JsCast;

/// The next action: the one element of a turn that gets focus.
pub const NEXT: &str = "#talk-next";
/// The newest line of the conversation.
pub const LATEST: &str = "#latest";
/// The whole turn below the conversation: its actions and "This feels like too much".
pub const TURN: &str = "#talk-turn";

/// Once the current change has been drawn: scroll the next action and the newest line
/// into view, then focus the next action without scrolling again. (A plain focus
/// would centre the action when it is off screen, which can push the newest line out.)
pub fn step_into_view() {
    request_animation_frame(|| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(doc) = window.document() else {
            return;
        };
        let find = |selector: &str| doc.query_selector(selector).ok().flatten();
        let Some(next) = find(NEXT) else {
            return;
        };
        let (top, bottom) = band(&window, &doc);
        let rect = |el: &web_sys::Element| {
            let r = el.get_bounding_client_rect();
            (r.top(), r.bottom())
        };
        let delta = scroll_needed(
            (top, bottom),
            rect(&next),
            find(LATEST).map(|l| rect(&l).0),
            find(TURN).map(|t| rect(&t).1),
        );
        if delta.abs() >= 1.0 {
            window.scroll_by_with_x_and_y(0.0, delta);
        }
        if let Ok(next) = next.dyn_into::<web_sys::HtmlElement>() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = next.focus_with_options(&options);
        }
    });
}

/// The part of the window no bar covers, as (top, bottom) in CSS pixels from the top of
/// the window: the window less the root's `scroll-padding` at each end.
fn band(window: &web_sys::Window, doc: &web_sys::Document) -> (f64, f64) {
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let pad = |side: &str| {
        doc.document_element()
            .and_then(|root| window.get_computed_style(&root).ok().flatten())
            .and_then(|style| style.get_property_value(side).ok())
            .map_or(0.0, |v| px(&v))
    };
    (
        pad("scroll-padding-top"),
        height - pad("scroll-padding-bottom"),
    )
}

/// A computed length such as "80px" as a number; "auto" and anything else as 0.
fn px(value: &str) -> f64 {
    value
        .trim()
        .strip_suffix("px")
        .and_then(|n| decimal(n.trim()))
        .unwrap_or(0.0)
}

/// A plain decimal such as "96.5", as computed styles write lengths. Read by hand: the
/// standard library's float parser brought about 10 KB (brotli) of tables and code into
/// the dialogues' download, for this one number.
fn decimal(text: &str) -> Option<f64> {
    let (whole, part) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + part.len() == 0 || !digits(whole) || !digits(part) {
        return None;
    }
    let mut value = 0.0;
    for b in whole.bytes() {
        value = value * 10.0 + f64::from(b - b'0');
    }
    let mut scale = 1.0;
    for b in part.bytes() {
        scale /= 10.0;
        value += f64::from(b - b'0') * scale;
    }
    Some(value)
}

/// How far to scroll down (negative: up) so that, within the visible band, the next
/// action is wholly in view; then, where there is room, the newest line's top; then the
/// end of the turn. Positions are (top, bottom) from the top of the window.
pub fn scroll_needed(
    band: (f64, f64),
    next: (f64, f64),
    latest_top: Option<f64>,
    turn_bottom: Option<f64>,
) -> f64 {
    let (top, bottom) = band;
    // The whole turn if it needs scrolling down to be seen …
    let end = turn_bottom.unwrap_or(next.1).max(next.1);
    let mut delta = (end - bottom).max(0.0);
    // … but not so far that the newest line's top goes under the top bar, and up again
    // if that top is hidden already …
    if let Some(line) = latest_top {
        if line - delta < top {
            delta = line - top;
        }
    }
    // … and always so far that the next action itself is seen whole.
    if next.1 - delta > bottom {
        delta = next.1 - bottom;
    }
    if next.0 - delta < top {
        delta = next.0 - top;
    }
    delta
}

#[cfg(test)]
mod tests {
    use super::*;

    const BAND: (f64, f64) = (80.0, 748.0);

    #[test]
    fn nothing_moves_when_the_line_and_the_turn_are_in_view() {
        assert_eq!(
            scroll_needed(BAND, (500.0, 548.0), Some(300.0), Some(700.0)),
            0.0
        );
    }

    #[test]
    fn a_go_on_button_under_the_tab_bar_comes_up_above_it() {
        let delta = scroll_needed(BAND, (900.0, 948.0), Some(700.0), Some(1010.0));
        assert_eq!(delta, 1010.0 - 748.0);
    }

    #[test]
    fn the_newest_lines_top_wins_over_the_end_of_a_long_turn() {
        // Line at 600, many choices down to 1500: the line's top stays in view.
        let delta = scroll_needed(BAND, (800.0, 860.0), Some(600.0), Some(1500.0));
        assert_eq!(delta, 600.0 - 80.0);
    }

    #[test]
    fn the_next_action_wins_over_a_line_too_tall_to_share_the_window() {
        let delta = scroll_needed((0.0, 422.0), (900.0, 948.0), Some(300.0), Some(1000.0));
        assert_eq!(delta, 948.0 - 422.0);
    }

    #[test]
    fn a_line_hidden_under_the_top_bar_scrolls_back_down_into_view() {
        let delta = scroll_needed(BAND, (200.0, 248.0), Some(40.0), Some(300.0));
        assert_eq!(delta, 40.0 - 80.0);
    }

    #[test]
    fn computed_lengths_are_read_in_pixels() {
        assert_eq!(px("80px"), 80.0);
        assert_eq!(px(" 96.5px "), 96.5);
        assert_eq!(px("auto"), 0.0);
        assert_eq!(px("0px"), 0.0);
        assert_eq!(px("16.25px"), 16.25);
        assert_eq!(px(".5px"), 0.5);
        assert_eq!(px("px"), 0.0);
        assert_eq!(px("-4px"), 0.0);
        assert_eq!(px("1e3px"), 0.0);
        assert_eq!(px("1.2.3px"), 0.0);
    }
}
