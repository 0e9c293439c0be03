//! Writers of records and stored events in each output format.

use std::io::Write;

use anyhow::Result;
use dyad_export::gdelt::{self, Provenance};
use dyad_pipeline::PipelineInfo;
use dyad_store::{MergedEvent, StoredEvent};
use dyad_types::{Actor, Analysis, Event};

use crate::args::{EventFormat, RecordFormat};

/// Writes one record per analysed article.
pub struct RecordWriter<W: Write> {
    out: W,
    format: RecordFormat,
    info: PipelineInfo,
    csv_header_written: bool,
}

impl<W: Write> RecordWriter<W> {
    pub fn new(out: W, format: RecordFormat, info: PipelineInfo) -> Self {
        RecordWriter {
            out,
            format,
            info,
            csv_header_written: false,
        }
    }

    pub fn write(&mut self, analysis: &Analysis) -> Result<()> {
        match self.format {
            RecordFormat::Json | RecordFormat::Jsonl => {
                let record = dyad_pipeline::record(analysis, &self.info)?;
                serde_json::to_writer(&mut self.out, &record)?;
                writeln!(self.out)?;
            }
            RecordFormat::Table => write_table(&mut self.out, analysis)?,
            RecordFormat::Conllu => write_conllu(&mut self.out, analysis)?,
            RecordFormat::Gdelt => {
                let doc = &analysis.doc;
                let key = doc.store_key();
                let mut provenance = Provenance {
                    global_id: String::new(),
                    source_url: doc
                        .url
                        .clone()
                        .or_else(|| doc.path.clone())
                        .unwrap_or_else(|| doc.id.clone()),
                    source_name: doc.outlet.clone().unwrap_or_default(),
                    analysed_at: Some(chrono::Utc::now().naive_utc()),
                    num_mentions: 1,
                    num_articles: 1,
                    num_sources: 1,
                    document_length: doc.text.len() as u64,
                    tone: analysis.tone.map_or(0.0, |t| t.tone),
                };
                for event in &analysis.events {
                    provenance.global_id = dyad_store::merge::merged_event_id(&key, &event.id);
                    writeln!(self.out, "{}", gdelt::row(event, &provenance).join("\t"))?;
                }
            }
            RecordFormat::Csv => {
                let mut csv = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(&mut self.out);
                if !self.csv_header_written {
                    csv.write_record(CSV_HEADER)?;
                    self.csv_header_written = true;
                }
                for event in &analysis.events {
                    let evidence = sentence_text(analysis, event);
                    csv.write_record(csv_row(&analysis.doc.id, event, evidence))?;
                }
                csv.flush()?;
            }
        }
        Ok(())
    }

    pub fn finish(self) -> Result<W> {
        Ok(self.out)
    }
}

fn sentence_text<'a>(analysis: &'a Analysis, event: &Event) -> &'a str {
    analysis
        .sentences
        .get(event.sentence)
        .map(|s| &analysis.doc.text[s.start..s.end])
        .unwrap_or("")
}

fn actor_label(actor: Option<&Actor>) -> String {
    match actor {
        None => "-".into(),
        Some(a) => {
            let code = a.code.as_deref().unwrap_or("?");
            let name = a.name.as_deref().unwrap_or(&a.text);
            format!("{code} ({name})")
        }
    }
}

fn write_table<W: Write>(out: &mut W, analysis: &Analysis) -> Result<()> {
    let doc = &analysis.doc;
    let title = doc
        .title
        .as_deref()
        .or(doc.path.as_deref())
        .unwrap_or(&doc.id);
    writeln!(
        out,
        "== {title}  ({} sentences, {} events{})",
        analysis.sentences.len(),
        analysis.events.len(),
        doc.published
            .as_deref()
            .map(|d| format!(", published {d}"))
            .unwrap_or_default()
    )?;
    for e in &analysis.events {
        let date = e.date.value.as_deref().unwrap_or("undated");
        writeln!(
            out,
            "{date:<10}  {:<32} {:<5} {:<40} {:<32} {:<12} \"{}\"",
            truncate(&actor_label(Some(&e.source)), 32),
            e.cameo,
            truncate(&e.cameo_name, 40),
            truncate(&actor_label(e.target.as_ref()), 32),
            e.mode.as_str(),
            e.trigger.text
        )?;
    }
    writeln!(out)?;
    Ok(())
}

/// The parse of each sentence: `# text`, then ID FORM LEMMA UPOS XPOS HEAD DEPREL per token.
pub fn write_conllu<W: Write>(out: &mut W, analysis: &Analysis) -> Result<()> {
    writeln!(out, "# doc = {}", analysis.doc.id)?;
    for (i, sentence) in analysis.sentences.iter().enumerate() {
        let text = &analysis.doc.text[sentence.start..sentence.end];
        writeln!(out, "# sent_id = {}", i)?;
        writeln!(out, "# text = {}", text.replace('\n', " "))?;
        for (k, token) in analysis.sentence_tokens(i).iter().enumerate() {
            let head = token.head.map(|h| h + 1).unwrap_or(0);
            let lemma = if token.lemma.is_empty() {
                "_"
            } else {
                &token.lemma
            };
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                k + 1,
                analysis.token_text(token),
                lemma,
                or_blank(&token.upos),
                or_blank(&token.xpos),
                head,
                or_blank(&token.deprel)
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn or_blank(s: &str) -> &str {
    if s.is_empty() {
        "_"
    } else {
        s
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let cut: String = s.chars().take(n - 1).collect();
        format!("{cut}…")
    }
}

const CSV_HEADER: [&str; 17] = [
    "document",
    "event",
    "date",
    "date_precision",
    "source_code",
    "source_name",
    "source_text",
    "cameo",
    "cameo_name",
    "goldstein",
    "quad_class",
    "target_code",
    "target_name",
    "target_text",
    "mode",
    "trigger",
    "evidence",
];

fn csv_row(document: &str, e: &Event, evidence: &str) -> Vec<String> {
    let t = e.target.as_ref();
    vec![
        document.to_string(),
        e.id.clone(),
        e.date.value.clone().unwrap_or_default(),
        serde_json::to_value(e.date.precision)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default(),
        e.source.code.clone().unwrap_or_default(),
        e.source.name.clone().unwrap_or_default(),
        e.source.text.clone(),
        e.cameo.clone(),
        e.cameo_name.clone(),
        e.goldstein.to_string(),
        e.quad_class.to_string(),
        t.and_then(|a| a.code.clone()).unwrap_or_default(),
        t.and_then(|a| a.name.clone()).unwrap_or_default(),
        t.map(|a| a.text.clone()).unwrap_or_default(),
        e.mode.as_str().to_string(),
        e.trigger.text.clone(),
        evidence.to_string(),
    ]
}

/// Writes stored events in `format`.
pub fn write_events<W: Write>(
    out: &mut W,
    events: &[StoredEvent],
    format: EventFormat,
) -> Result<()> {
    match format {
        EventFormat::Json | EventFormat::Jsonl => {
            for e in events {
                serde_json::to_writer(&mut *out, e)?;
                writeln!(out)?;
            }
        }
        EventFormat::Csv => {
            let mut csv = csv::Writer::from_writer(&mut *out);
            csv.write_record(CSV_HEADER)?;
            for e in events {
                csv.write_record(csv_row(&e.document_id, &e.event, &e.evidence))?;
            }
            csv.flush()?;
        }
        EventFormat::Gdelt => gdelt::write_stored(out, events, false)?,
        EventFormat::GdeltMentions => gdelt::write_stored(out, events, true)?,
        EventFormat::Table => {
            for s in events {
                let e = &s.event;
                writeln!(
                    out,
                    "{:<10}  {:<32} {:<5} {:<32} {:<12} {:>3} {}  {}",
                    e.date.value.as_deref().unwrap_or("undated"),
                    truncate(&actor_label(Some(&e.source)), 32),
                    e.cameo,
                    truncate(&actor_label(e.target.as_ref()), 32),
                    e.mode.as_str(),
                    s.num_articles,
                    s.event_id,
                    truncate(&s.evidence, 80)
                )?;
            }
            writeln!(
                out,
                "{} events (the number before each id: articles reporting it; `dyad show ID` lists them)",
                events.len()
            )?;
        }
    }
    Ok(())
}

/// A merged event and its reports, for people.
pub fn write_merged_event<W: Write>(out: &mut W, merged: &MergedEvent) -> Result<()> {
    let Some(first) = merged.mentions.first() else {
        return Ok(());
    };
    let e = &first.event;
    writeln!(out, "event {}", merged.id)?;
    writeln!(
        out,
        "  {} {} {} ({}, Goldstein {:+.1}, quad class {}) {}",
        actor_label(Some(&e.source)),
        e.cameo,
        e.cameo_name,
        e.mode.as_str(),
        e.goldstein,
        e.quad_class,
        actor_label(e.target.as_ref())
    )?;
    writeln!(
        out,
        "  date {}  ·  {} reports, {} articles, {} sources",
        e.date.value.as_deref().unwrap_or("undated"),
        first.num_mentions,
        first.num_articles,
        first.num_sources
    )?;
    for (i, m) in merged.mentions.iter().enumerate() {
        writeln!(out)?;
        writeln!(
            out,
            "  {}. {} — {}{}",
            i + 1,
            m.outlet.as_deref().unwrap_or("(no outlet)"),
            m.title.as_deref().unwrap_or(&m.document_id),
            m.published
                .as_deref()
                .map(|p| format!(", published {p}"))
                .unwrap_or_default()
        )?;
        if let Some(url) = &m.url {
            writeln!(out, "     {url}")?;
        }
        writeln!(
            out,
            "     {} {} {} [{}], dated {}",
            actor_label(Some(&m.event.source)),
            m.event.cameo,
            actor_label(m.event.target.as_ref()),
            m.event.mode.as_str(),
            m.event.date.value.as_deref().unwrap_or("undated")
        )?;
        writeln!(out, "     \"{}\"", m.evidence.replace('\n', " "))?;
        if let Some(original) = &m.duplicate_of {
            writeln!(out, "     near-duplicate of article {original}")?;
        }
        writeln!(
            out,
            "     merged: {}",
            m.merge_reason.as_deref().unwrap_or("first report")
        )?;
    }
    Ok(())
}
