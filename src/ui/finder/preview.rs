//! The finder's preview panel: where the selected topic, organisation, person or place appears
//! (meeting, role, short citations), or the facts of the selected meeting.

use crate::tui::Canvas;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::app::cite::CiteLabels;
use crate::app::{App, format};
use crate::index::{Appearance, EntryRef, TopicScope};
use crate::search::fuzzy::{Candidate, Kind};

use super::super::theme::Theme;
use super::super::{clean, fit};

pub fn draw(
    app: &App,
    selected: Option<&Candidate>,
    area: Rect,
    theme: &Theme,
    canvas: &mut Canvas,
) {
    let block = Block::default()
        .borders(Borders::LEFT)
        .border_style(theme.border(false));
    let inner = block.inner(area);
    canvas.render_widget(block, area);
    let Some(c) = selected else {
        return;
    };
    let width = usize::from(inner.width.saturating_sub(1));
    let mut lines: Vec<Line> = vec![Line::from(fit(
        vec![Span::styled(
            format!(" {}", clean(&c.label)),
            theme.heading(),
        )],
        width + 1,
    ))];
    let index = app.index();
    // A topic appears where it or one of its sub-topics was discussed.
    let appearances: &[Appearance] = c.kind.facet().map_or(&[], |f| {
        index.appearances_within(f, &c.id, TopicScope::WithSubtopics)
    });
    if c.kind == Kind::Meeting {
        meeting_lines(app, c, width, &mut lines);
    } else if appearances.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(" {}", app.text().preview_nothing),
            theme.dim(),
        )));
    } else {
        lines.push(Line::from(Span::styled(
            format!(" {}", app.text().preview_title),
            theme.dim(),
        )));
        for a in appearances.iter().take(usize::from(inner.height)) {
            appearance_lines(app, a, width, theme, &mut lines);
        }
    }
    let lines: Vec<Line> = lines.into_iter().take(usize::from(inner.height)).collect();
    canvas.render_widget(Paragraph::new(lines), inner);
}

fn appearance_lines(
    app: &App,
    a: &Appearance,
    width: usize,
    theme: &Theme,
    out: &mut Vec<Line<'static>>,
) {
    let corpus = app.corpus();
    let date = format::entry_date(corpus, a.entry);
    let year = format::year(date).unwrap_or_else(|| app.text().undated.to_string());
    let title = clean(format::entry_short_title(corpus, a.entry));
    out.push(Line::from(fit(
        vec![
            Span::styled(
                format!(" {year} {:>6} ", format::short_date(date)),
                theme.date(),
            ),
            Span::raw(title),
        ],
        width + 1,
    )));
    let labels = CiteLabels::for_entry(corpus, a.entry);
    out.push(Line::from(fit(
        vec![
            Span::styled(format!("   {}  ", a.role.label()), theme.dim()),
            Span::styled(
                clean(&labels.list(&a.cite)),
                theme.tone(crate::app::doc::Tone::Cite),
            ),
        ],
        width + 1,
    )));
}

fn meeting_lines(app: &App, c: &Candidate, width: usize, out: &mut Vec<Line<'static>>) {
    let corpus = app.corpus();
    let Some(entry) = app.index().entry(&c.id) else {
        return;
    };
    let mut facts: Vec<String> = Vec::new();
    if let Some(d) = format::entry_date(corpus, entry) {
        facts.push(format::long_date(d));
    }
    if let Some(p) = format::entry_place(corpus, entry) {
        facts.push(format::place(p, false));
    }
    if let EntryRef::Meeting(i) = entry
        && let Some(m) = corpus.meetings.get(i)
    {
        if let Some(f) = &m.format {
            facts.push(f.value.label().to_string());
        }
        for t in &m.topics {
            facts.push(format!("· {}", format::topic_label(corpus, &t.topic)));
        }
    }
    for f in facts {
        out.push(Line::from(fit(
            vec![Span::raw(format!(" {}", clean(&f)))],
            width + 1,
        )));
    }
}
