//! The finder overlay: a centred popup with the query line (the terminal cursor sits in it, so
//! input methods compose in place), the kind bar, the ranked list with kind badges and matched
//! characters highlighted, and — when the popup is wide enough — a preview of where the
//! selected item appears.

use crate::tui::Canvas;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::App;
use crate::app::finder::{FinderRow, KINDS, kind_name, kind_of};
use crate::app::layout::Geometry;
use crate::search::fuzzy::Candidate;
use crate::text::{display_width, pad};

use super::theme::Theme;
use super::{clean, fit};

mod preview;

pub fn draw(app: &App, g: &Geometry, theme: &Theme, canvas: &mut Canvas) {
    let f = g.finder();
    canvas.render_widget(Clear, f.popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" {} ", app.text().finder_title),
            theme.title(true),
        ));
    canvas.render_widget(block, f.popup);
    let state = app.finder();

    // The query line, with the terminal cursor in it.
    let prompt = crate::app::strings::FINDER_PROMPT;
    let field = usize::from(f.input.width).saturating_sub(display_width(prompt));
    let (shown, cursor) = state.input.view(field);
    let line = fit(
        vec![
            Span::styled(prompt, theme.hint_key()),
            Span::raw(clean(shown)),
        ],
        usize::from(f.input.width),
    );
    canvas.render_widget(Paragraph::new(Line::from(line)), f.input);
    if f.input.width > 0 && f.input.height > 0 {
        let column = display_width(prompt) + cursor;
        let x = f
            .input
            .x
            .saturating_add(u16::try_from(column).unwrap_or(u16::MAX))
            .min(f.input.right().saturating_sub(1));
        canvas.set_cursor_position(Position::new(x, f.input.y));
    }

    // The kind bar and the count.
    let active = kind_of(state.input.text());
    let mut kinds: Vec<Span> = Vec::new();
    for k in KINDS {
        let style = if k == active {
            theme.tab(true)
        } else {
            theme.dim()
        };
        kinds.push(Span::styled(
            format!(" {} ", kind_name(app.text(), k)),
            style,
        ));
    }
    // While a background search runs, the rows are the previous query's: say so.
    let count = if state.searching {
        format!(" {} ", app.finder_waiting_text())
    } else {
        format!(
            " {} ",
            (app.text().counts)(state.rows.len().min(state.total), state.total)
        )
    };
    let width = usize::from(f.kinds.width);
    let mut bar = fit(kinds, width.saturating_sub(display_width(&count)));
    let used: usize = bar.iter().map(|s| display_width(&s.content)).sum();
    bar.push(Span::raw(
        " ".repeat(width.saturating_sub(used + display_width(&count))),
    ));
    bar.push(Span::styled(count, theme.dim()));
    canvas.render_widget(Paragraph::new(Line::from(fit(bar, width))), f.kinds);

    list(app, f.list, theme, canvas);
    if let Some(p) = f.preview {
        let selected = state
            .rows
            .get(state.selected)
            .and_then(|r| app.finder_candidate(r.candidate));
        preview::draw(app, selected.as_ref(), p, theme, canvas);
    }
}

fn list(app: &App, area: Rect, theme: &Theme, canvas: &mut Canvas) {
    let state = app.finder();
    let width = usize::from(area.width);
    if state.rows.is_empty() {
        // Not "no match" before the first results have come.
        let text = if state.searching {
            app.finder_waiting_text()
        } else {
            app.text().finder_no_results
        };
        let line = Line::from(Span::styled(text, theme.dim()));
        canvas.render_widget(Paragraph::new(line), area);
        return;
    }
    let lines: Vec<Line> = state
        .rows
        .iter()
        .enumerate()
        .skip(state.scroll)
        .take(usize::from(area.height))
        .map(|(i, row)| {
            let Some(c) = app.finder_candidate(row.candidate) else {
                return Line::default();
            };
            let spans = fit(row_spans(app, &c, row, theme), width);
            if i == state.selected {
                let style = theme.selected(true);
                let used: usize = spans.iter().map(|s| display_width(&s.content)).sum();
                let mut out: Vec<Span> = spans.into_iter().map(|s| s.patch_style(style)).collect();
                out.push(Span::styled(" ".repeat(width.saturating_sub(used)), style));
                Line::from(out)
            } else {
                Line::from(spans)
            }
        })
        .collect();
    canvas.render_widget(Paragraph::new(lines), area);
}

/// "topic   Counter ransomware (via CRI)  detail"; a name in another script follows the label:
/// "org     National Intelligence Service · 국가정보원 (via 국정원)".
fn row_spans(app: &App, c: &Candidate, row: &FinderRow, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = vec![Span::styled(
        pad(app.text().kind.badge(c.kind), 8),
        theme.badge(c.kind),
    )];
    let key = c.keys.get(row.key).map(String::as_str);
    let other = c.other_name();
    let matched_label = row.key == 0 && key == Some(c.label.as_str());
    if matched_label || key.is_none() {
        spans.extend(highlighted(&c.label, &row.positions, theme.matched()));
    } else {
        spans.push(Span::raw(clean(&c.label)));
    }
    if let Some(other) = other {
        spans.push(Span::styled(" · ", theme.dim()));
        if key == Some(other) {
            spans.extend(highlighted(other, &row.positions, theme.matched()));
        } else {
            spans.push(Span::raw(clean(other)));
        }
    }
    if let Some(k) = key
        && !matched_label
        && key != other
    {
        spans.push(Span::styled(" (via ", theme.dim()));
        spans.extend(highlighted(k, &row.positions, theme.matched()));
        spans.push(Span::styled(")", theme.dim()));
    }
    if !c.detail.is_empty() {
        spans.push(Span::styled(format!("  {}", clean(&c.detail)), theme.dim()));
    }
    if row.recent {
        spans.push(Span::styled(
            format!("  {}", app.text().finder_recent),
            theme.dim(),
        ));
    }
    spans
}

/// `text` with the characters at `positions` (char indices) in `style`. Text that sanitising
/// would change is shown sanitised without highlights, since the indices no longer apply.
pub fn highlighted(text: &str, positions: &[usize], style: Style) -> Vec<Span<'static>> {
    let safe = clean(text);
    if safe != text || positions.is_empty() {
        return vec![Span::raw(safe)];
    }
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    for (i, ch) in text.chars().enumerate() {
        let m = positions.contains(&i);
        if m != run_matched && !run.is_empty() {
            let s = std::mem::take(&mut run);
            spans.push(if run_matched {
                Span::styled(s, style)
            } else {
                Span::raw(s)
            });
        }
        run_matched = m;
        run.push(ch);
    }
    if !run.is_empty() {
        spans.push(if run_matched {
            Span::styled(run, style)
        } else {
            Span::raw(run)
        });
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn highlights_char_positions_not_bytes() {
        let style = Style::default().add_modifier(Modifier::BOLD);
        let spans = highlighted("한국 KISA", &[1, 3], style);
        let parts: Vec<(&str, bool)> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style == style))
            .collect();
        assert_eq!(
            parts,
            vec![
                ("한", false),
                ("국", true),
                (" ", false),
                ("K", true),
                ("ISA", false)
            ]
        );
    }

    #[test]
    fn rows_show_both_names_and_the_key_that_matched() {
        let c = Candidate {
            kind: crate::search::fuzzy::Kind::Organisation,
            id: "nis".into(),
            label: "National Intelligence Service".into(),
            keys: vec![
                "National Intelligence Service".into(),
                "NIS".into(),
                "국가정보원".into(),
                "국정원".into(),
            ],
            detail: String::new(),
        };
        let loaded = crate::test_fixture::small();
        let index = crate::index::Index::build(&loaded.corpus);
        let app = App::new(loaded, index, crate::app::AppOptions::default());
        let text = |key: usize| -> String {
            let row = FinderRow {
                candidate: 0,
                key,
                positions: vec![0],
                recent: false,
            };
            let spans = row_spans(&app, &c, &row, &Theme::new(true));
            spans.iter().skip(1).map(|s| s.content.as_ref()).collect()
        };
        assert_eq!(
            text(3),
            "National Intelligence Service · 국가정보원 (via 국정원)"
        );
        assert_eq!(text(2), "National Intelligence Service · 국가정보원");
        assert_eq!(text(0), "National Intelligence Service · 국가정보원");
        assert_eq!(
            text(1),
            "National Intelligence Service · 국가정보원 (via NIS)"
        );
    }

    #[test]
    fn unsafe_text_is_cleaned_and_not_highlighted() {
        let spans = highlighted("a\u{1b}[31mb", &[0], Style::default());
        assert_eq!(spans.len(), 1);
        assert!(!spans[0].content.contains('\u{1b}'));
    }
}
