//! Points `include_bytes!` at the committed models, or at empty placeholders when they have
//! not been trained yet (loading an empty model then fails with a clear error).
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("manifest dir"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("out dir"));
    for (name, var) in [
        ("tagger.bin", "DYAD_SYNTAX_TAGGER_MODEL"),
        ("parser.bin", "DYAD_SYNTAX_PARSER_MODEL"),
    ] {
        let model = manifest.join("models").join(name);
        println!("cargo:rerun-if-changed={}", model.display());
        let path = if model.is_file() {
            model
        } else {
            let placeholder = out.join(name);
            std::fs::write(&placeholder, b"").expect("write placeholder model");
            placeholder
        };
        println!("cargo:rustc-env={var}={}", path.display());
    }
    println!("cargo:rerun-if-changed=models");
}
