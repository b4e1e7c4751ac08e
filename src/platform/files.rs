//! Files in and out: a download made from text, and the text of a chosen file.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a file download named `name`. Nothing leaves the device: the file
/// is made in the page from a Blob.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    download_url(name, &url)?;
    web_sys::Url::revoke_object_url(&url)
}

/// Offers what `url` holds (a `blob:` or `data:` URL made in the page) as a download.
pub fn download_url(name: &str, url: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(url);
    link.set_download(name);
    link.click();
    Ok(())
}

/// The text of the first file chosen in an `<input type="file">`, if any.
pub async fn chosen_file_text(
    input: &web_sys::HtmlInputElement,
) -> Result<Option<(String, f64)>, JsValue> {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return Ok(None);
    };
    let size = file.size();
    let text = JsFuture::from(file.text()).await?;
    Ok(Some((text.as_string().unwrap_or_default(), size)))
}
