//! zhupi's page module: the DOM layer ([`dom`]) on the extractor of `zhupi-core`,
//! compiled to WebAssembly as `zhupi.wasm` (wasm32 only; natively this crate is empty).
//!
//! `make build` turns it into `www/pkg/` (wasm-bindgen's `zhupi.js` and
//! `zhupi_bg.wasm`, and the snippets `src/dom/page.js` and `src/dom/article.js`), which
//! the harness `www/zhupi.js` loads.

#[cfg(target_arch = "wasm32")]
pub mod dom;

/// The WebAssembly module's allocator: Talc instead of std's dlmalloc, 1.8 KB smaller
/// gzipped and as fast here (`make size`, `make bench-browser`).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
