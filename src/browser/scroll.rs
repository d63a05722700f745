//! Noticing that an update did nothing to the screen but scroll the detail pane, so the
//! terminal loop can move those rows with a scroll region and send only the rows that
//! scrolled in (see [`ScrollHint`]).

use crate::app::{App, Focus, Mode, Tab};
use crate::tui::ScrollHint;

/// What must stay the same for a change of the detail pane's scroll to be a plain scroll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DetailScroll {
    mode: Mode,
    focus: Focus,
    size: (u16, u16),
    tab: Tab,
    account: usize,
    compare: bool,
    selected: usize,
    rows: usize,
    width: usize,
    scroll: usize,
}

impl DetailScroll {
    pub(super) fn of(app: &App) -> DetailScroll {
        DetailScroll {
            mode: app.mode(),
            focus: app.focus(),
            size: app.size(),
            tab: app.tab(),
            account: app.account(),
            compare: app.comparing(),
            selected: app.timeline().selected,
            rows: app.detail().rows(),
            width: app.detail().width,
            scroll: app.detail().scroll,
        }
    }

    /// The scroll hint for an update from `self` to `app`, if all it did to the detail pane
    /// was scroll it and the pane spans the full width (terminal scroll regions move whole
    /// rows).
    pub(super) fn hint_after(self, app: &App) -> Option<ScrollHint> {
        let after = DetailScroll::of(app);
        if self.mode != Mode::Normal
            || self
                != (DetailScroll {
                    scroll: self.scroll,
                    ..after.clone()
                })
        {
            return None;
        }
        let geometry = app.geometry();
        let text = geometry.detail_text();
        let full_width = geometry.detail.x == 0 && geometry.detail.width == app.size().0;
        let lines = i32::try_from(after.scroll).ok()? - i32::try_from(self.scroll).ok()?;
        (geometry.show_detail
            && full_width
            && lines != 0
            && lines.unsigned_abs() < u32::from(text.height))
        .then(|| ScrollHint {
            rows: text.y..text.y + text.height,
            lines,
        })
    }
}
