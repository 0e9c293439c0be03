//! Any bytes after a WARC version line, read as a WARC stream from standard input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = b"WARC/1.0\r\n".to_vec();
    bytes.extend_from_slice(data);
    let options = dyad_readers::ReadOptions {
        max_article_bytes: 1 << 20,
        ..Default::default()
    };
    let inputs = dyad_readers::read_inputs(&["-".into()], &options)
        .with_stdin(std::io::Cursor::new(bytes));
    for _ in inputs {}
});
