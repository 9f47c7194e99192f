//! `newstag stream`: JSON lines `{"id", "text"}` on stdin to one record per line on stdout, in
//! input order, batch by batch.

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::sync::mpsc;

use rayon::prelude::*;
use serde::Deserialize;

use crate::document::{DocError, ErrorKind, ErrorRecord, Input};
use crate::error::{Error, Result};
use crate::output::{write_record, Counts};
use crate::pipeline::{Outcome, Pipeline};

#[derive(Deserialize)]
struct StreamLine {
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
}

/// One line read from the stream, or why it could not be.
enum Line {
    Text(String),
    /// Nothing but whitespace: no document, no record (JSON Lines readers skip such lines), but
    /// a line of the numbering.
    Blank,
    TooLong,
    NotUtf8,
}

/// `newstag stream`: one record per input line, in input order, flushed batch by batch.
///
/// A reader thread feeds lines through a bounded channel; the main thread takes what is
/// available (at least one line, at most a batch), annotates it in parallel, writes it in order
/// and flushes, so a pipeline consumer sees results as soon as they exist and memory stays bounded.
pub fn stream<R, W>(pipeline: &Pipeline, input: R, mut output: W, max_line: u64) -> Result<Counts>
where
    R: BufRead + Send + 'static,
    W: Write,
{
    let batch = (rayon::current_num_threads() * 16).max(16);
    let (tx, rx) = mpsc::sync_channel::<std::io::Result<Line>>(batch * 2);
    let reader = std::thread::spawn(move || {
        let mut input = input;
        let mut first = true;
        loop {
            let mut line = read_line(&mut input, max_line);
            if std::mem::take(&mut first) {
                // A UTF-8 BOM before the first line (files saved by Windows tools) is no part of
                // the JSON.
                if let Ok(Some(Line::Text(t))) = &mut line {
                    if let Some(rest) = t.strip_prefix('\u{FEFF}') {
                        *t = rest.to_string();
                    }
                }
            }
            let stop = matches!(line, Ok(None) | Err(_));
            let msg = match line {
                Ok(Some(l)) => Ok(l),
                Ok(None) => break,
                Err(e) => Err(e),
            };
            if tx.send(msg).is_err() || stop {
                break;
            }
        }
    });
    let mut counts = Counts::default();
    let mut n = 0usize;
    let stdout_err = |e: std::io::Error| Error::io("<stdout>", e);
    while let Ok(first) = rx.recv() {
        let mut lines = vec![first];
        while lines.len() < batch {
            match rx.try_recv() {
                Ok(l) => lines.push(l),
                Err(_) => break,
            }
        }
        let numbered: Vec<(usize, std::io::Result<Line>)> = lines
            .into_iter()
            .map(|l| {
                n += 1;
                (n, l)
            })
            .collect();
        let outcomes: Vec<Outcome> = numbered
            .into_par_iter()
            .filter_map(|(no, line)| stream_one(pipeline, no, line))
            .collect();
        for o in &outcomes {
            match o {
                Outcome::Annotated(d) => counts.add_annotated(d),
                Outcome::Failed(_) => counts.add_failed(),
            }
            write_record(&mut output, o.record()).map_err(stdout_err)?;
        }
        output.flush().map_err(stdout_err)?;
    }
    reader
        .join()
        .map_err(|_| Error::Internal("stdin reader failed".into()))?;
    Ok(counts)
}

/// The record of line `no`; none for a blank line.
fn stream_one(pipeline: &Pipeline, no: usize, line: std::io::Result<Line>) -> Option<Outcome> {
    let source = format!("<stdin>:{no}");
    let fail = |id: String, kind: ErrorKind, message: String| {
        Some(Outcome::Failed(ErrorRecord {
            id,
            source: source.clone(),
            error: DocError {
                kind,
                message: format!("{source}: {message}"),
            },
        }))
    };
    let text = match line {
        Ok(Line::Text(t)) => t,
        Ok(Line::Blank) => return None,
        Ok(Line::TooLong) => {
            return fail(
                no.to_string(),
                ErrorKind::TooLarge,
                "line is over max_doc_bytes".into(),
            )
        }
        Ok(Line::NotUtf8) => {
            return fail(
                no.to_string(),
                ErrorKind::BadInput,
                "line is not UTF-8".into(),
            )
        }
        Err(e) => return fail(no.to_string(), ErrorKind::Io, e.to_string()),
    };
    // (A JSON object opens with its brace: serde would take an array `[id, text]` for the
    // struct's fields in order.)
    let object = text.trim_start().starts_with('{');
    let parsed: Result<StreamLine, String> = if object {
        serde_json::from_str(&text).map_err(|e| e.to_string())
    } else {
        Err("a line holds {\"id\": ..., \"text\": ...}".into())
    };
    let parsed = match parsed {
        Ok(p) => p,
        Err(e) => {
            return fail(
                no.to_string(),
                ErrorKind::BadInput,
                format!("not a JSON object: {e}"),
            )
        }
    };
    let id = match parsed.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(x)) => x.to_string(),
        _ => no.to_string(),
    };
    let Some(serde_json::Value::String(body)) = parsed.text else {
        return fail(id, ErrorKind::BadInput, "no string field \"text\"".into());
    };
    let input = Input {
        id,
        source: source.clone(),
        path: PathBuf::new(),
        once: None,
    };
    Some(pipeline.process_text(&input, &body))
}

/// Reads one `\n`-terminated line without holding more than `max` bytes of it.
fn read_line<R: BufRead>(r: &mut R, max: u64) -> std::io::Result<Option<Line>> {
    let mut buf = Vec::new();
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            buf.extend_from_slice(&chunk[..take]);
            if buf.len() as u64 > max.saturating_add(1) {
                too_long = true;
                buf = Vec::new();
            }
        }
        r.consume(take);
        if done {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if too_long {
        return Ok(Some(Line::TooLong));
    }
    while buf.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
        buf.pop();
    }
    Ok(Some(match String::from_utf8(buf) {
        Ok(s) if s.trim().is_empty() => Line::Blank,
        Ok(s) => Line::Text(s),
        Err(_) => Line::NotUtf8,
    }))
}
