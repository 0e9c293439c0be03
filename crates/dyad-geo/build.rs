//! Decompresses the gazetteer at compile time, so that loading it costs no inflating.
use std::io::Read;

fn main() {
    let src = "data/gazetteer.tsv.gz";
    println!("cargo:rerun-if-changed={src}");
    let bytes = std::fs::read(src).expect("data/gazetteer.tsv.gz (rebuild: dyad train gazetteer)");
    let mut text = String::new();
    flate2::read::GzDecoder::new(&bytes[..])
        .read_to_string(&mut text)
        .expect("data/gazetteer.tsv.gz is gzipped UTF-8");
    let out =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("gazetteer.tsv");
    std::fs::write(out, text).expect("write the decompressed gazetteer");
}
