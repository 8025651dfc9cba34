use chiso::i18n::Lang;
use chiso::render::embed_code::{iframe_code, FRAME_HEIGHT, FRAME_WIDTH};
use chiso::ui::components::share_button::share_message;

#[test]
fn the_iframe_code_frames_the_address_with_its_title_size_and_lazy_loading() {
    let code = iframe_code(
        "https://example.org/chiso/?view=trends&provinces=14&embed",
        "chiso – Xu hướng",
    );
    assert_eq!(
        code,
        format!(
            r#"<iframe src="https://example.org/chiso/?view=trends&amp;provinces=14&amp;embed" title="chiso – Xu hướng" width="{FRAME_WIDTH}" height="{FRAME_HEIGHT}" loading="lazy" style="border: 1px solid #d6dae1; max-width: 100%;"></iframe>"#
        )
    );
}

#[test]
fn the_iframe_code_escapes_its_attributes() {
    let code = iframe_code(r#"https://x.test/?q="><script>&embed"#, "a \"title\" <b>");
    assert!(
        !code.contains("<script>") && !code.contains("<b>"),
        "{code}"
    );
    assert!(
        code.contains(r#"src="https://x.test/?q=&quot;&gt;&lt;script&gt;&amp;embed""#),
        "{code}"
    );
    assert!(
        code.contains(r#"title="a &quot;title&quot; &lt;b&gt;""#),
        "{code}"
    );
}

#[test]
fn the_share_status_says_what_happened() {
    let url = "https://example.org/?view=map";
    assert_eq!(
        share_message(Lang::En, url, true, None),
        "The address of this view is copied."
    );
    assert_eq!(
        share_message(Lang::En, url, true, Some(Ok(()))),
        "Shared. The address of this view is copied."
    );
    assert_eq!(
        share_message(Lang::En, url, false, Some(Err("AbortError".into()))),
        format!(
            "Sharing cancelled. The browser refused to copy; copy this address yourself: {url}"
        )
    );
    assert!(
        share_message(Lang::Vi, url, true, Some(Err("NotAllowedError".into())))
            .starts_with("Không mở được bảng chia sẻ")
    );
}
