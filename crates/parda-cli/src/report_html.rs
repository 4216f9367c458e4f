//! The report for people: one self-contained HTML file (inline CSS, inline SVG, a little inline
//! JS for sorting and filtering), built from the same [`Report`] as the JSON, so it holds
//! nothing the JSON does not: counts, classifications and masked samples, never a raw value.

use crate::report::{FileReport, Report};
use std::collections::BTreeMap;
use std::fmt::Write;

/// HTML-escapes text.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const PALETTE: &[&str] = &[
    "#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d", "#475569", "#4f46e5",
    "#0d9488", "#9333ea",
];

const STYLE: &str = "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;margin:0;color:#1f2937;background:#f8fafc}
header{background:#0f172a;color:#fff;padding:18px 28px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;color:#cbd5e1}header code{background:#1e293b;color:#e2e8f0}
main{padding:20px 28px;max-width:1400px}h2{font-size:17px;margin:28px 0 10px}
.cards{display:flex;flex-wrap:wrap;gap:12px}.card{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:12px 16px;min-width:130px}
.card b{display:block;font-size:22px}.card span{color:#64748b;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card.warn b{color:#b45309}.card.bad b{color:#b91c1c}
table{border-collapse:collapse;background:#fff;border:1px solid #e2e8f0;width:100%}th,td{padding:6px 10px;border-bottom:1px solid #eef2f7;text-align:left;vertical-align:top}
th{background:#f1f5f9;font-weight:600;cursor:pointer;white-space:nowrap}td.n{text-align:right;font-variant-numeric:tabular-nums}
code{font:12px ui-monospace,Menlo,Consolas,monospace;background:#f1f5f9;padding:1px 4px;border-radius:3px}
.pill{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;color:#fff;margin:1px}
input[type=search]{padding:6px 10px;border:1px solid #cbd5e1;border-radius:6px;width:320px;margin-bottom:8px}
details{background:#fff;border:1px solid #e2e8f0;border-radius:8px;margin:8px 0;padding:6px 12px}summary{cursor:pointer;font-weight:600}
.err{color:#b91c1c}.muted{color:#64748b}.legend span{margin-right:12px;font-size:12px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}";

const SCRIPT: &str = "document.querySelectorAll('table.sortable th').forEach(function(th,i){th.addEventListener('click',function(){var t=th.closest('table'),b=t.tBodies[0],rows=Array.from(b.rows),asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';rows.sort(function(x,y){var a=x.cells[i].dataset.v||x.cells[i].textContent,c=y.cells[i].dataset.v||y.cells[i].textContent,na=parseFloat(a),nc=parseFloat(c);var r=(!isNaN(na)&&!isNaN(nc))?na-nc:a.localeCompare(c);return asc?r:-r});rows.forEach(function(r){b.appendChild(r)})})});
var f=document.getElementById('filter');if(f){f.addEventListener('input',function(){var q=f.value.toLowerCase();document.querySelectorAll('#files tbody tr').forEach(function(r){r.style.display=r.textContent.toLowerCase().indexOf(q)<0?'none':''});document.querySelectorAll('details.file').forEach(function(d){d.style.display=d.dataset.path.toLowerCase().indexOf(q)<0?'none':''})})}";

fn color(types: &[String], t: &str) -> &'static str {
    PALETTE[types.iter().position(|x| x == t).unwrap_or(0) % PALETTE.len()]
}

fn card(out: &mut String, label: &str, value: u64, class: &str) {
    let _ = write!(out, "<div class=\"card {class}\"><b>{value}</b><span>{}</span></div>", esc(label));
}

/// The whole report as one HTML page.
pub fn render(report: &Report) -> String {
    let s = &report.summary;
    let types: Vec<String> = s.pii_found.keys().cloned().collect();
    let found: u64 = s.pii_found.values().sum();
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>parda report</title><style>{STYLE}</style></head><body>"
    );
    let _ = write!(
        out,
        "<header><h1>parda report — {}</h1><p>profile <code>{}</code> · parda {} · report format {} · no raw values: counts, classifications and masked samples only</p></header><main>",
        esc(&report.command),
        esc(&report.profile),
        esc(&report.parda_version),
        report.report_version
    );
    out.push_str("<h2>Overview</h2><div class=\"cards\">");
    card(&mut out, "files", s.files as u64, "");
    card(&mut out, "files failed", s.files_failed as u64, if s.files_failed > 0 { "bad" } else { "" });
    card(&mut out, "rows", s.rows_in, "");
    card(&mut out, "PII values found", found, "");
    card(&mut out, "cells changed", s.cells_changed, "");
    card(&mut out, "already protected", s.already_protected, "");
    card(&mut out, "ragged rows (masked in place)", s.ragged_rows, if s.ragged_rows > 0 { "warn" } else { "" });
    card(&mut out, "rows quarantined", s.rows_quarantined, if s.rows_quarantined > 0 { "warn" } else { "" });
    out.push_str("</div>");

    out.push_str("<h2>PII found, by type</h2><table class=\"sortable\"><thead><tr><th>type</th><th>values</th></tr></thead><tbody>");
    for (t, n) in &s.pii_found {
        let _ = write!(
            out,
            "<tr><td><span class=\"pill\" style=\"background:{}\">{}</span></td><td class=\"n\">{n}</td></tr>",
            color(&types, t),
            esc(t)
        );
    }
    if s.pii_found.is_empty() {
        out.push_str("<tr><td colspan=2 class=muted>none</td></tr>");
    }
    out.push_str("</tbody></table>");

    chart(&mut out, report, &types);
    files_table(&mut out, report);
    out.push_str("<h2>Per file and column</h2>");
    for f in &report.files {
        file_details(&mut out, f, &types);
    }
    let _ = writeln!(out, "</main><script>{SCRIPT}</script></body></html>");
    out
}

/// Stacked bars of PII types for the files with the most findings (at most 40).
fn chart(out: &mut String, report: &Report, types: &[String]) {
    let mut files: Vec<&FileReport> = report.files.iter().filter(|f| !f.pii_found.is_empty()).collect();
    files.sort_by_key(|f| std::cmp::Reverse(f.pii_found.values().sum::<u64>()));
    files.truncate(40);
    if files.is_empty() {
        return;
    }
    let max = files.iter().map(|f| f.pii_found.values().sum::<u64>()).max().unwrap_or(1).max(1) as f64;
    let (label_w, bar_w, row_h) = (320.0, 620.0, 22.0);
    let height = files.len() as f64 * row_h + 10.0;
    let _ = write!(out, "<h2>PII types per file</h2><div class=\"legend\">");
    for t in types {
        let _ = write!(out, "<span><i style=\"background:{}\"></i>{}</span>", color(types, t), esc(t));
    }
    let _ = write!(
        out,
        "</div><svg role=\"img\" aria-label=\"PII types per file\" width=\"{}\" height=\"{height}\" style=\"background:#fff;border:1px solid #e2e8f0;border-radius:8px\">",
        label_w + bar_w + 80.0
    );
    for (i, f) in files.iter().enumerate() {
        let y = 5.0 + i as f64 * row_h;
        let name: String = f.path.chars().rev().take(44).collect::<Vec<_>>().into_iter().rev().collect();
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\" fill=\"#334155\">{}</text>",
            label_w - 8.0,
            y + 14.0,
            esc(&name)
        );
        let mut x = label_w;
        let mut total = 0;
        for (t, n) in &f.pii_found {
            let w = *n as f64 / max * bar_w;
            total += n;
            let _ = write!(
                out,
                "<rect x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"16\" fill=\"{}\"><title>{}: {n}</title></rect>",
                color(types, t),
                esc(t)
            );
            x += w;
        }
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"12\" fill=\"#64748b\">{total}</text>",
            x + 6.0,
            y + 13.0
        );
    }
    out.push_str("</svg>");
}

fn files_table(out: &mut String, report: &Report) {
    out.push_str("<h2>Files</h2><input type=\"search\" id=\"filter\" placeholder=\"Filter files…\"><table id=\"files\" class=\"sortable\"><thead><tr><th>file</th><th>format</th><th>rows</th><th>PII found</th><th>cells changed</th><th>already protected</th><th>ragged rows</th><th>status</th></tr></thead><tbody>");
    for f in &report.files {
        let found: u64 = f.pii_found.values().sum();
        let format = match &f.output_format {
            Some(o) => format!("{} → {o}", f.format),
            None => f.format.clone(),
        };
        let status = match &f.error {
            Some(e) => format!("<span class=err>failed: {}</span>", esc(e)),
            None => "ok".into(),
        };
        let _ = write!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td class=n>{}</td><td class=n>{found}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td>{status}</td></tr>",
            esc(&f.path),
            esc(&format),
            f.rows_in,
            f.cells_changed,
            f.already_protected,
            f.ragged_rows
        );
    }
    out.push_str("</tbody></table>");
}

fn counts(out: &mut String, m: &BTreeMap<String, u64>, types: &[String]) {
    for (t, n) in m {
        let _ = write!(out, "<span class=\"pill\" style=\"background:{}\">{} {n}</span>", color(types, t), esc(t));
    }
}

fn file_details(out: &mut String, f: &FileReport, types: &[String]) {
    let found: u64 = f.pii_found.values().sum();
    let _ = write!(
        out,
        "<details class=\"file\" data-path=\"{}\"><summary><code>{}</code> — {found} PII value(s), {} row(s)</summary>",
        esc(&f.path),
        esc(&f.path),
        f.rows_in
    );
    if let Some(e) = &f.error {
        let _ = write!(out, "<p class=err>{}</p></details>", esc(e));
        return;
    }
    let mut facts = vec![format!("format {}", f.format)];
    for (k, v) in [("encoding", &f.encoding), ("delimiter", &f.delimiter), ("line endings", &f.line_ending)] {
        if !v.is_empty() {
            facts.push(format!("{k} {v}"));
        }
    }
    if f.gzip {
        facts.push("gzip".into());
    }
    if !f.sheets.is_empty() {
        facts.push(format!("sheets: {}", f.sheets.join(", ")));
    }
    if let Some(o) = &f.output_format {
        facts.push(format!("written as .{o}"));
    }
    if f.ragged_rows > 0 {
        facts.push(format!("ragged rows at lines {:?}", f.ragged_lines));
    }
    let _ = write!(out, "<p class=muted>{}</p>", esc(&facts.join(" · ")));
    out.push_str("<table class=\"sortable\"><thead><tr><th>column</th><th>classified as</th><th>confidence</th><th>by</th><th>action</th><th>found</th><th>changed</th><th>protected</th><th>masked samples</th></tr></thead><tbody>");
    for c in f.columns.iter().chain(std::iter::once(&f.outside_columns)) {
        if c.pii_found.is_empty()
            && c.classification.is_none()
            && c.already_protected == 0
            && c.name == "(outside columns)"
        {
            continue;
        }
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td class=n>{}</td><td>{}</td><td><code>{}</code></td><td>",
            esc(&c.name),
            c.classification.as_deref().map(esc).unwrap_or_else(|| "<span class=muted>—</span>".into()),
            if c.classification.is_some() { format!("{:.2}", c.confidence) } else { String::new() },
            esc(&c.classified_by),
            esc(&c.action)
        );
        counts(out, &c.pii_found, types);
        let samples: Vec<String> = c.masked_samples.iter().map(|s| format!("<code>{}</code>", esc(s))).collect();
        let _ = write!(
            out,
            "</td><td class=n>{}</td><td class=n>{}</td><td>{}</td></tr>",
            c.cells_changed,
            c.already_protected,
            samples.join(" ")
        );
    }
    out.push_str("</tbody></table></details>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything() {
        assert_eq!(esc("<b>\"R&D\"</b>"), "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;");
    }
}
