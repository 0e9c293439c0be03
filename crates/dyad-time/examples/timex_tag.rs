//! Tags one text from the command line: `timex_tag YYYY-MM-DD "text"` (prints JSON lines).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use dyad_time::{parse_dct, TimexTagger};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 2 {
        eprintln!("usage: timex_tag YYYY-MM-DD|- TEXT");
        std::process::exit(2);
    }
    let dct = if args[0] == "-" {
        None
    } else {
        match parse_dct(&args[0]) {
            Ok(d) => Some(d),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        }
    };
    for timex in TimexTagger::new().tag(&args[1], dct) {
        println!("{}", serde_json::to_string(&timex).unwrap_or_default());
    }
}
