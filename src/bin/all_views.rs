//! The whole app, every view (`ui::components::views`): loaded by the page when an address or
//! a click asks for a view beyond the rankings and a province's profile, it takes the page over
//! from the small app (bin `chiso`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    chiso::ui::web::start(yew::Callback::from(chiso::ui::components::views::all_views));
}
