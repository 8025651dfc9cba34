//! The web app's entry point; everything else lives in the library.

fn main() {
    #[cfg(target_arch = "wasm32")]
    chiso::ui::web::start();
}
