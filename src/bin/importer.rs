//! The import worker's entry point (Trunk builds it as a web worker); see `chiso::worker`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    chiso::worker::start();
}
