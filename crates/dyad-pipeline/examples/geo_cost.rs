//! What place resolution costs `dyad code`: the standard pipeline (its start-up included)
//! without the geo stage, then the gazetteer's load and the geo stage, over a JSONL file of
//! articles ({"text"} a line), on one thread. One article measures the start-up case.
//!
//! `cargo run --release -p dyad-pipeline --example geo_cost -- ../shared/data/news/bbc.jsonl`
#![allow(clippy::print_stdout)]

use std::time::Instant;

use dyad_types::{Document, Stage};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: geo_cost ARTICLES.jsonl")?;
    let mut docs = Vec::new();
    for line in std::fs::read_to_string(&path)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let text = v["text"].as_str().ok_or("a line without text")?;
        docs.push(Document::from_text(text));
    }
    // The standard stages but the last (geo): the pipeline as it was before places. Its
    // start-up (loading the models) counts, as it does for `dyad code` on one article.
    let t = Instant::now();
    let without = dyad_pipeline::Pipeline::without_places(&Default::default())?;
    let startup = t.elapsed().as_secs_f64();
    let mut analyses: Vec<_> = docs.iter().map(|d| without.analyze(d.clone())).collect();
    let base = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let gaz = dyad_geo::Gazetteer::embedded();
    let load = t.elapsed().as_secs_f64();
    let geo = dyad_geo::GeoStage::embedded();
    let t = Instant::now();
    for a in analyses.iter_mut() {
        geo.process(a);
    }
    let places = t.elapsed().as_secs_f64();
    let events: usize = analyses.iter().map(|a| a.events.len()).sum();
    let located: usize = analyses
        .iter()
        .flat_map(|a| &a.events)
        .filter(|e| e.location.is_some())
        .count();
    println!(
        "{} articles, {events} events ({located} located); gazetteer: {} features",
        docs.len(),
        gaz.len()
    );
    println!("pipeline without places: {base:.3} s (of which start-up {startup:.3} s)");
    println!("gazetteer load (once):   {load:.3} s");
    println!("geo stage:               {places:.3} s");
    println!(
        "slowdown: {:.1}% (with the load), {:.1}% (without)",
        100.0 * (load + places) / base,
        100.0 * places / base
    );
    // Sanity: the full pipeline gives the same events.
    let pipeline = dyad_pipeline::Pipeline::standard(&Default::default())?;
    let full = pipeline.analyze(docs[0].clone());
    assert_eq!(full.events.len(), analyses[0].events.len());
    Ok(())
}
