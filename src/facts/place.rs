//! The one place formatter: "Seoul", "Seoul, Republic of Korea", and with the venue where one
//! is stated, "Seoul — Ministry of Foreign Affairs".

use crate::corpus::Place;

/// City, then country where known; then the venue after a dash when `with_venue`.
pub fn text(place: &Place, with_venue: bool) -> String {
    let mut s = place.city.clone();
    if let Some(c) = &place.country {
        s.push_str(", ");
        s.push_str(c);
    }
    if with_venue && let Some(v) = &place.venue {
        s.push_str(" — ");
        s.push_str(v);
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Provenance;

    #[test]
    fn city_country_and_venue() {
        let mut p = Place {
            city: "Seoul".into(),
            country: None,
            venue: Some("Ministry of Foreign Affairs".into()),
            provenance: Provenance::Stated,
            how: None,
            cite: vec![],
        };
        assert_eq!(text(&p, false), "Seoul");
        assert_eq!(text(&p, true), "Seoul — Ministry of Foreign Affairs");
        p.country = Some("Republic of Korea".into());
        assert_eq!(
            text(&p, true),
            "Seoul, Republic of Korea — Ministry of Foreign Affairs"
        );
    }
}
