//! The brief worker's entry point (Trunk builds it as a web worker); see `chiso::ui::brief_worker`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    chiso::ui::brief_worker::start();
}
