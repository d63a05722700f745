//! The search across every text (`/` from the timeline): a popup in the finder's place with
//! the query line (the terminal cursor in it), the count ("12 hits", "200+ hits"), and the
//! hits, two rows each — the meeting's date and title, the account and ¶; then the matched
//! words in context, highlighted.

use crate::tui::Canvas;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::accounts::TextSource;
use crate::app::App;
use crate::app::cite::source_name;
use crate::app::corpus_search::{CorpusHit, ROWS_PER_HIT};
use crate::app::format::{entry_date, entry_title, long_date};
use crate::app::layout::Geometry;
use crate::app::strings::SEARCH_PROMPT;
use crate::text::display_width;

use super::theme::Theme;
use super::{clean, fit};

pub fn draw(app: &App, g: &Geometry, theme: &Theme, canvas: &mut Canvas) {
    let f = g.finder();
    canvas.render_widget(Clear, f.popup);
    let words = &app.text().across;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" {} ", words.title),
            theme.title(true),
        ));
    canvas.render_widget(block, f.popup);
    let state = app.corpus_search();

    // The query line, with the terminal cursor in it.
    let line = fit(
        vec![
            Span::styled(SEARCH_PROMPT, theme.hint_key()),
            Span::raw(clean(state.input.text())),
        ],
        usize::from(f.input.width),
    );
    canvas.render_widget(Paragraph::new(Line::from(line)), f.input);
    if f.input.width > 0 && f.input.height > 0 {
        let column = display_width(SEARCH_PROMPT) + state.input.cursor_column();
        let x = f
            .input
            .x
            .saturating_add(u16::try_from(column).unwrap_or(u16::MAX))
            .min(f.input.right().saturating_sub(1));
        canvas.set_cursor_position(Position::new(x, f.input.y));
    }

    // The count, or what to do when nothing is typed yet.
    let count = if state.input.text().trim().is_empty() {
        words.prompt_help.to_string()
    } else if state.hits.is_empty() {
        words.no_hits.to_string()
    } else {
        (words.hits)(state.hits.len(), state.capped())
    };
    let width = usize::from(f.kinds.width);
    canvas.render_widget(
        Paragraph::new(Line::from(fit(
            vec![Span::styled(count, theme.dim())],
            width,
        ))),
        f.kinds,
    );

    // The hits use the popup's whole width (no preview beside them).
    let area = Rect::new(f.list.x, f.list.y, f.input.width, f.list.height);
    let width = usize::from(area.width);
    let shown = usize::from(area.height) / ROWS_PER_HIT;
    let mut lines: Vec<Line> = Vec::new();
    for (i, hit) in state.hits.iter().enumerate().skip(state.scroll).take(shown) {
        let place = fit(place_spans(app, hit, theme), width);
        if i == state.selected {
            let style = theme.selected(true);
            let used: usize = place.iter().map(|s| display_width(&s.content)).sum();
            let mut out: Vec<Span> = place.into_iter().map(|s| s.patch_style(style)).collect();
            out.push(Span::styled(" ".repeat(width.saturating_sub(used)), style));
            lines.push(Line::from(out));
        } else {
            lines.push(Line::from(place));
        }
        lines.push(Line::from(fit(context_spans(hit, theme), width)));
    }
    canvas.render_widget(Paragraph::new(lines), area);
}

/// "20 May 2025  7th EU–ROK Cyber Dialogue · EU account ¶3".
fn place_spans(app: &App, hit: &CorpusHit, theme: &Theme) -> Vec<Span<'static>> {
    let corpus = app.corpus();
    let date = entry_date(corpus, hit.entry)
        .map(long_date)
        .unwrap_or_default();
    let account = source_name(
        corpus,
        app.text(),
        &TextSource {
            id: hit.cite.source.to_string(),
            account: hit.account,
            side: hit.side.clone(),
        },
    );
    let paragraph = hit
        .cite
        .paragraph
        .map_or(String::new(), |p| format!(" ¶{p}"));
    vec![
        Span::styled(format!("{} ", clean(&date)), theme.date()),
        Span::raw(format!(" {}", clean(entry_title(corpus, hit.entry)))),
        Span::styled(format!(" · {account}{paragraph}"), theme.dim()),
    ]
}

/// "  …the words around the match…", the matched words highlighted.
fn context_spans(hit: &CorpusHit, theme: &Theme) -> Vec<Span<'static>> {
    let text = &hit.context;
    let mut spans = vec![Span::raw("  ")];
    let mut at = 0;
    for m in &hit.marks {
        let (Some(before), Some(word)) = (text.get(at..m.start), text.get(m.clone())) else {
            continue;
        };
        spans.push(Span::styled(before.to_string(), theme.dim()));
        spans.push(Span::styled(word.to_string(), theme.matched()));
        at = m.end;
    }
    spans.push(Span::styled(
        text.get(at..).unwrap_or_default().to_string(),
        theme.dim(),
    ));
    spans
}
