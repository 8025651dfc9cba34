//! The import worker's entry point (Trunk builds it as a web worker); see `chiso::ui::worker`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    chiso::ui::worker::start();
}
