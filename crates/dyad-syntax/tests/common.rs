//! A synthetic mini-treebank for tests that must run without shared data.
#![allow(dead_code)]
use std::path::{Path, PathBuf};

/// Writes a small CoNLL-U treebank built from templates and returns its path.
pub fn mini_treebank(dir: &Path) -> PathBuf {
    let subjects = [
        ("the", "dog"),
        ("a", "cat"),
        ("the", "minister"),
        ("a", "soldier"),
        ("the", "army"),
    ];
    let verbs = [
        ("attacked", "attack"),
        ("saw", "see"),
        ("met", "meet"),
        ("praised", "praise"),
    ];
    let objects = [
        ("the", "embassy"),
        ("a", "village"),
        ("the", "president"),
        ("a", "rebel"),
    ];
    let mut text = String::new();
    for (i, (d1, n1)) in subjects.iter().enumerate() {
        for (j, (v, vl)) in verbs.iter().enumerate() {
            for (k, (d2, n2)) in objects.iter().enumerate() {
                let d1 = if (i + j + k) % 2 == 0 {
                    capitalise(d1)
                } else {
                    d1.to_string()
                };
                text.push_str(&format!(
                    "# sent_id = s{i}{j}{k}\n\
                     1\t{d1}\t{}\tDET\tDT\t_\t2\tdet\t_\t_\n\
                     2\t{n1}\t{n1}\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n\
                     3\t{v}\t{vl}\tVERB\tVBD\t_\t0\troot\t_\t_\n\
                     4\t{d2}\t{d2}\tDET\tDT\t_\t5\tdet\t_\t_\n\
                     5\t{n2}\t{n2}\tNOUN\tNN\t_\t3\tobj\t_\t_\n\
                     6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n",
                    d1.to_lowercase()
                ));
            }
        }
    }
    let path = dir.join("mini.conllu");
    std::fs::write(&path, text).expect("write mini treebank");
    path
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
