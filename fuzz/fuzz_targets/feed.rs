//! Any text as an RSS or Atom feed, then through the reader (items to articles).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = dyad_readers::parse_feed(text);
    }
    // The whole reader, as `dyad code` reads a feed from standard input.
    let mut bytes = b"<rss version=\"2.0\">".to_vec();
    bytes.extend_from_slice(data);
    let options = dyad_readers::ReadOptions::default();
    let inputs = dyad_readers::read_inputs(&["-".into()], &options)
        .with_stdin(std::io::Cursor::new(bytes));
    for _ in inputs {}
});
