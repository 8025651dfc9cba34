//! The page's app: the rankings and a province's profile (`ui::components::views`); any other
//! view loads the whole app (bin `all_views`). Everything else lives in the library.

fn main() {
    #[cfg(target_arch = "wasm32")]
    chiso::ui::web::start(yew::Callback::from(
        chiso::ui::components::views::first_views,
    ));
}
