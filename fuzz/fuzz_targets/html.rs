//! Any bytes as a web page: decoding, parsing, metadata, text extraction, language.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dyad_readers::extract_page(data);
});
