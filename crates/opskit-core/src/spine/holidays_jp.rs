//! Japanese public holidays (国民の祝日 and the 休日 the law derives from them), computed
//! from the rules of the Act on National Holidays (国民の祝日に関する法律) and the special
//! laws of 2019–2021, so that quiet hours with `holidays = "jp"` need no data file.
//!
//! Correct for 2000–2099, the rule history since 2000 included (Happy Monday from 2000 and
//! 2003, Showa Day and the wider substitute rule from 2007, Mountain Day from 2016).
//! Outside that range the same table is applied and the equinox formula extrapolated, so
//! the answer is a best guess. The equinox days are only fixed by the Cabinet Office each
//! February for the following year; the formula here is the one that has matched them.
//!
//! Written here rather than taken from crates.io: `jpholiday` 0.2 needs rustc 1.96,
//! `jpholiday` 0.1 pulls chrono and is unmaintained, `holiday_jp` 0.1 pulls hyper 0.10,
//! and `jp-holidays-lib` fetches the Cabinet Office CSV at run time.

use jiff::civil::{Date, Weekday};

/// On which day of a year a holiday falls.
#[derive(Clone, Copy)]
enum Day {
    /// A fixed month and day.
    Fixed(i8, i8),
    /// The n-th Monday of a month: the "Happy Monday" system (ハッピーマンデー制度).
    NthMonday(i8, i8),
    /// 春分の日: the day of the vernal equinox.
    VernalEquinox,
    /// 秋分の日: the day of the autumnal equinox.
    AutumnalEquinox,
}

/// One holiday of the Act (Article 2), valid for the years `from..=until`.
struct Rule {
    name: &'static str,
    day: Day,
    from: i16,
    until: i16,
    /// Years in which a special law moved this holiday to a day in [`ONE_OFF`].
    moved_in: &'static [i16],
}

const OLYMPICS: &[i16] = &[2020, 2021];

const fn rule(name: &'static str, day: Day, from: i16, until: i16) -> Rule {
    Rule { name, day, from, until, moved_in: &[] }
}

const RULES: &[Rule] = &[
    rule("New Year's Day", Day::Fixed(1, 1), 1949, 9999),
    rule("Coming of Age Day", Day::Fixed(1, 15), 1949, 1999),
    rule("Coming of Age Day", Day::NthMonday(1, 2), 2000, 9999),
    rule("National Foundation Day", Day::Fixed(2, 11), 1967, 9999),
    // The Emperor's Birthday follows the reigning emperor: Akihito's until his abdication
    // in 2019, Naruhito's from 2020 (so 2019 has none).
    rule("Emperor's Birthday", Day::Fixed(2, 23), 2020, 9999),
    rule("Vernal Equinox Day", Day::VernalEquinox, 1949, 9999),
    rule("Greenery Day", Day::Fixed(4, 29), 1989, 2006),
    rule("Showa Day", Day::Fixed(4, 29), 2007, 9999),
    rule("Constitution Memorial Day", Day::Fixed(5, 3), 1949, 9999),
    // Until 2006, May 4 was a citizens' holiday by the sandwich rule; since 2007 it is
    // Greenery Day in its own right (which matters for the substitute rule).
    rule("Greenery Day", Day::Fixed(5, 4), 2007, 9999),
    rule("Children's Day", Day::Fixed(5, 5), 1949, 9999),
    rule("Marine Day", Day::Fixed(7, 20), 1996, 2002),
    Rule { moved_in: OLYMPICS, ..rule("Marine Day", Day::NthMonday(7, 3), 2003, 9999) },
    Rule { moved_in: OLYMPICS, ..rule("Mountain Day", Day::Fixed(8, 11), 2016, 9999) },
    rule("Respect for the Aged Day", Day::Fixed(9, 15), 1966, 2002),
    rule("Respect for the Aged Day", Day::NthMonday(9, 3), 2003, 9999),
    rule("Autumnal Equinox Day", Day::AutumnalEquinox, 1948, 9999),
    rule("Health and Sports Day", Day::Fixed(10, 10), 1966, 1999),
    rule("Health and Sports Day", Day::NthMonday(10, 2), 2000, 2019),
    // Renamed スポーツの日 from 2020.
    Rule { moved_in: OLYMPICS, ..rule("Sports Day", Day::NthMonday(10, 2), 2020, 9999) },
    rule("Culture Day", Day::Fixed(11, 3), 1948, 9999),
    rule("Labour Thanksgiving Day", Day::Fixed(11, 23), 1948, 9999),
    rule("Emperor's Birthday", Day::Fixed(12, 23), 1989, 2018),
];

/// Holidays set by special laws for one year only. They count as national holidays for
/// the substitute and citizens' holiday rules, as those laws say.
const ONE_OFF: &[(i16, i8, i8, &str)] = &[
    // 天皇の即位の日 and 即位礼正殿の儀の行われる日 (Act of 2018, No. 99).
    (2019, 5, 1, "Enthronement Day"),
    (2019, 10, 22, "Enthronement Ceremony Day"),
    // The Tokyo Olympics special measures acts moved three holidays next to the opening
    // and closing ceremonies, in 2020 and again for the postponed games in 2021.
    (2020, 7, 23, "Marine Day"),
    (2020, 7, 24, "Sports Day"),
    (2020, 8, 10, "Mountain Day"),
    (2021, 7, 22, "Marine Day"),
    (2021, 7, 23, "Sports Day"),
    (2021, 8, 8, "Mountain Day"),
];

/// The year the 2007 amendment took effect: May 4 became Greenery Day, a substitute
/// holiday moves past any run of holidays, and the sandwich rule stopped excluding Sundays.
const AMENDMENT_2007: i16 = 2007;

/// The English name of the public holiday on `date`, or `None` on an ordinary day.
/// Weekends are not holidays unless a holiday falls on them.
pub fn holiday_name(date: Date) -> Option<&'static str> {
    if let Some(name) = national(date) {
        return Some(name);
    }
    let (before, after) = (date.yesterday().ok()?, date.tomorrow().ok()?);
    if is_substitute(date) {
        return Some("Substitute holiday");
    }
    // Article 3(3), the sandwich rule (国民の休日): an ordinary day between two national
    // holidays is a holiday. Before 2007 a Sunday so placed stayed a plain Sunday.
    let sunday_excluded = date.year() < AMENDMENT_2007 && date.weekday() == Weekday::Sunday;
    if date.year() >= 1986 && !sunday_excluded && national(before).is_some() && national(after).is_some() {
        return Some("Citizens' holiday");
    }
    None
}

/// Whether `date` is a Japanese public holiday (including substitute and citizens' holidays).
pub fn is_holiday(date: Date) -> bool {
    holiday_name(date).is_some()
}

/// Article 3(2), 振替休日: a national holiday on a Sunday makes the next day that is not a
/// national holiday a holiday. Before 2007 only the Monday right after counted.
fn is_substitute(date: Date) -> bool {
    let Ok(mut day) = date.yesterday() else {
        return false;
    };
    if date.year() < AMENDMENT_2007 {
        return day.weekday() == Weekday::Sunday && national(day).is_some();
    }
    // Walk back through the run of national holidays just before `date`: a Sunday among
    // them was pushed forward past the whole run, onto `date`.
    while national(day).is_some() {
        if day.weekday() == Weekday::Sunday {
            return true;
        }
        match day.yesterday() {
            Ok(d) => day = d,
            Err(_) => return false,
        }
    }
    false
}

/// The national holiday (国民の祝日) on `date` itself, without the derived 休日.
fn national(date: Date) -> Option<&'static str> {
    let year = date.year();
    for &(y, m, d, name) in ONE_OFF {
        if (y, m, d) == (year, date.month(), date.day()) {
            return Some(name);
        }
    }
    RULES
        .iter()
        .filter(|r| (r.from..=r.until).contains(&year) && !r.moved_in.contains(&year))
        .find(|r| rule_date(r.day, year) == Some(date))
        .map(|r| r.name)
}

fn rule_date(day: Day, year: i16) -> Option<Date> {
    match day {
        Day::Fixed(m, d) => Date::new(year, m, d).ok(),
        Day::NthMonday(m, n) => Date::new(year, m, 1).ok()?.nth_weekday_of_month(n, Weekday::Monday).ok(),
        Day::VernalEquinox => Date::new(year, 3, equinox_day(year, 20_843_100)).ok(),
        Day::AutumnalEquinox => Date::new(year, 9, equinox_day(year, 23_248_800)).ok(),
    }
}

/// The day of month of an equinox by the approximation used by the calculators based on
/// the National Astronomical Observatory's data, valid 1980–2099:
/// `floor(base + 0.242194 × (y − 1980) − floor((y − 1980) / 4))`.
/// `base_micro` is the base (20.8431 for March, 23.2488 for September) in millionths, so
/// the arithmetic is exact integer arithmetic.
fn equinox_day(year: i16, base_micro: i64) -> i8 {
    let n = i64::from(year) - 1980;
    let micro = base_micro + 242_194 * n - 1_000_000 * n.div_euclid(4);
    micro.div_euclid(1_000_000) as i8
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn holidays_in(year: i16) -> Vec<(i8, i8)> {
        let mut day = date(year, 1, 1);
        let mut found = Vec::new();
        while day.year() == year {
            if is_holiday(day) {
                found.push((day.month(), day.day()));
            }
            day = day.tomorrow().unwrap();
        }
        found
    }

    #[test]
    fn holidays_2019_include_the_enthronement_and_its_citizens_holidays() {
        assert_eq!(
            holidays_in(2019),
            vec![
                (1, 1),
                (1, 14),
                (2, 11),
                (3, 21),
                (4, 29),
                (4, 30),
                (5, 1),
                (5, 2),
                (5, 3),
                (5, 4),
                (5, 5),
                (5, 6),
                (7, 15),
                (8, 11),
                (8, 12),
                (9, 16),
                (9, 23),
                (10, 14),
                (10, 22),
                (11, 3),
                (11, 4),
                (11, 23),
            ]
        );
    }

    #[test]
    fn holidays_2020_follow_the_olympic_moves() {
        assert_eq!(
            holidays_in(2020),
            vec![
                (1, 1),
                (1, 13),
                (2, 11),
                (2, 23),
                (2, 24),
                (3, 20),
                (4, 29),
                (5, 3),
                (5, 4),
                (5, 5),
                (5, 6),
                (7, 23),
                (7, 24),
                (8, 10),
                (9, 21),
                (9, 22),
                (11, 3),
                (11, 23),
            ]
        );
    }

    #[test]
    fn holidays_2021_follow_the_postponed_olympic_moves() {
        assert_eq!(
            holidays_in(2021),
            vec![
                (1, 1),
                (1, 11),
                (2, 11),
                (2, 23),
                (3, 20),
                (4, 29),
                (5, 3),
                (5, 4),
                (5, 5),
                (7, 22),
                (7, 23),
                (8, 8),
                (8, 9),
                (9, 20),
                (9, 23),
                (11, 3),
                (11, 23),
            ]
        );
    }

    #[test]
    fn holidays_2025_match_the_official_list() {
        assert_eq!(
            holidays_in(2025),
            vec![
                (1, 1),
                (1, 13),
                (2, 11),
                (2, 23),
                (2, 24),
                (3, 20),
                (4, 29),
                (5, 3),
                (5, 4),
                (5, 5),
                (5, 6),
                (7, 21),
                (8, 11),
                (9, 15),
                (9, 23),
                (10, 13),
                (11, 3),
                (11, 23),
                (11, 24),
            ]
        );
    }

    #[test]
    fn holidays_2026_match_the_official_list() {
        assert_eq!(
            holidays_in(2026),
            vec![
                (1, 1),
                (1, 12),
                (2, 11),
                (2, 23),
                (3, 20),
                (4, 29),
                (5, 3),
                (5, 4),
                (5, 5),
                (5, 6),
                (7, 20),
                (8, 11),
                (9, 21),
                (9, 22),
                (9, 23),
                (10, 12),
                (11, 3),
                (11, 23),
            ]
        );
    }

    #[test]
    fn holidays_2027_match_the_official_list() {
        assert_eq!(
            holidays_in(2027),
            vec![
                (1, 1),
                (1, 11),
                (2, 11),
                (2, 23),
                (3, 21),
                (3, 22),
                (4, 29),
                (5, 3),
                (5, 4),
                (5, 5),
                (7, 19),
                (8, 11),
                (9, 20),
                (9, 23),
                (10, 11),
                (11, 3),
                (11, 23),
            ]
        );
    }

    #[test]
    fn derived_holidays_are_named_as_such() {
        assert_eq!(holiday_name(date(2026, 5, 6)), Some("Substitute holiday"));
        assert_eq!(holiday_name(date(2026, 9, 22)), Some("Citizens' holiday"));
        assert_eq!(holiday_name(date(2019, 4, 30)), Some("Citizens' holiday"));
        assert_eq!(holiday_name(date(2019, 5, 1)), Some("Enthronement Day"));
        assert_eq!(holiday_name(date(2026, 1, 1)), Some("New Year's Day"));
        assert_eq!(holiday_name(date(2019, 10, 14)), Some("Health and Sports Day"));
        assert_eq!(holiday_name(date(2020, 7, 24)), Some("Sports Day"));
        assert_eq!(holiday_name(date(2026, 5, 7)), None);
    }

    #[test]
    fn emperors_birthday_moves_with_the_reign() {
        assert!(is_holiday(date(2018, 12, 23)));
        assert!(!is_holiday(date(2019, 12, 23)));
        assert!(!is_holiday(date(2019, 2, 23)));
        assert!(is_holiday(date(2020, 2, 23)));
        assert!(!is_holiday(date(2020, 12, 23)));
    }

    #[test]
    fn pre_2007_rules_apply_before_the_amendment() {
        // May 4 was a citizens' holiday, not Greenery Day, and a Sunday May 4 gave no
        // substitute (2003: May 6 was a working day).
        assert_eq!(holiday_name(date(2006, 5, 4)), Some("Citizens' holiday"));
        assert_eq!(holiday_name(date(2006, 4, 29)), Some("Greenery Day"));
        assert!(!is_holiday(date(2003, 5, 6)));
        // From 2007 a Sunday May 4 pushes the substitute to May 6 (2008).
        assert_eq!(holiday_name(date(2008, 5, 6)), Some("Substitute holiday"));
        // Marine Day was fixed on July 20 until 2002; Mountain Day began in 2016.
        assert!(is_holiday(date(2002, 7, 20)));
        assert!(!is_holiday(date(2015, 8, 11)));
        assert!(is_holiday(date(2016, 8, 11)));
    }

    #[test]
    fn equinoxes_stay_in_their_known_range_through_2099() {
        for year in 2000..=2099 {
            let v = equinox_day(year, 20_843_100);
            let a = equinox_day(year, 23_248_800);
            assert!((19..=21).contains(&v), "{year}: vernal {v}");
            assert!((22..=24).contains(&a), "{year}: autumnal {a}");
            let count = holidays_in(year).len();
            assert!((15..=22).contains(&count), "{year}: {count} holidays");
        }
    }
}
