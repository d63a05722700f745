//! The header: corpus title, the active filters by name, the pane shown (narrow terminals) and
//! the count "3 of 11", which is kept when the line must be cut.

use crate::tui::Canvas;
use ratatui::text::{Line, Span};

use crate::app::layout::{Focus, Geometry};
use crate::app::{App, format, strings};
use crate::corpus::Facet;
use crate::text::{display_width, truncate};

use super::theme::Theme;
use super::{clean, fit};

/// The active filters in words: "topic: Counter ransomware".
pub fn filter_parts(app: &App) -> Vec<String> {
    let c = app.corpus();
    let f = app.filter();
    let mut parts: Vec<String> = f
        .facets()
        .map(|(facet, key)| {
            let name = match facet {
                Facet::Topic => format::topic_label(c, key).to_string(),
                Facet::Organisation => format::org_short(c, key),
                Facet::Person => format::person_name(c, key).to_string(),
                Facet::Place => app.index().place_name(key).unwrap_or(key).to_string(),
            };
            strings::filter_part((app.text().facet)(facet), &name)
        })
        .collect();
    if let Some(y) = &f.year {
        parts.push(strings::filter_part(app.text().filter_year, &y.to_string()));
    }
    if let Some(s) = &f.series {
        parts.push(strings::filter_part(app.text().filter_series, s));
    }
    parts.into_iter().map(|p| clean(&p)).collect()
}

pub fn draw(app: &App, g: &Geometry, theme: &Theme, canvas: &mut Canvas) {
    let width = usize::from(g.header.width);
    let (shown, total) = app.counts();
    let right = format!(" {} ", (app.text().counts)(shown, total));
    let title = app
        .corpus()
        .title
        .as_deref()
        .unwrap_or(app.text().untitled_corpus);
    let mut rest = Vec::new();
    for part in filter_parts(app) {
        rest.push(Span::styled(format!(" {part} "), theme.header_filter()));
        rest.push(Span::styled(" ", theme.header()));
    }
    if !g.wide {
        let pane = match app.focus() {
            Focus::Timeline => app.text().timeline,
            Focus::Detail => app.text().detail,
        };
        rest.push(Span::styled(
            format!(" [{pane}] {} ", app.text().tab_switches),
            theme.header(),
        ));
    }
    // The corpus title gives way first: filters, the pane and the count matter more.
    let rest_w: usize = rest.iter().map(|s| display_width(&s.content)).sum();
    let room = width.saturating_sub(display_width(&right) + rest_w);
    let name = format!(" {} · {} ", strings::APP_NAME, clean(title));
    let name = if display_width(&name) <= room {
        name
    } else if room > display_width(strings::APP_NAME) + 2 {
        format!("{} ", truncate(&name, room.saturating_sub(1)))
    } else {
        String::new()
    };
    let mut left = vec![Span::styled(name, theme.header())];
    left.extend(rest);
    let right_w = display_width(&right).min(width);
    let mut spans = fit(left, width.saturating_sub(right_w));
    let used: usize = spans.iter().map(|s| display_width(&s.content)).sum();
    let gap = width.saturating_sub(used + right_w);
    spans.push(Span::styled(" ".repeat(gap), theme.header()));
    spans.push(Span::styled(right, theme.header_filter()));
    super::lines::put_lines(canvas.buffer_mut(), g.header, vec![Line::from(spans)]);
}
