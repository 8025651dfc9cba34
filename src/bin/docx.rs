//! The docx worker's entry point (Trunk builds it as a web worker); see `chiso::ui::docx_worker`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    chiso::ui::docx_worker::start();
}
