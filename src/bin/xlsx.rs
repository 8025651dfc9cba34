//! The xlsx worker's entry point (Trunk builds it as a web worker); see `chiso::ui::xlsx_worker`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    chiso::ui::xlsx_worker::start();
}
