//! What a calendar event covers, as an operator writes it in Google Calendar or Outlook: lines
//! `opskit: key=value ...` in the DESCRIPTION, or CATEGORIES `opskit:key=value`. The full text
//! is in `commands/calendar/README.md`.
//!
//! Keys: `source`, `key`, `account`, `resource` (the matchers of `opskit silence add`: source,
//! key glob, account, resource glob; all given on one line make one matcher), `pagerduty`
//! (service ids, comma-separated), `announce` (durations before the start, comma-separated) and
//! `margin` (before,after: how much earlier the silence starts and later it ends). An unknown
//! key or a bad value is a [`Problem`] naming the event and the line, and so is an event that
//! names nothing to cover: a planned-work event must never silence more, or less, than written.

use super::{Occurrence, Problem};
use crate::config::Dur;
use crate::state::SilenceMatcher;

/// What one event covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Target {
    /// One matcher per `opskit:` line (or CATEGORIES entry) that names source/key/account/resource.
    pub matchers: Vec<SilenceMatcher>,
    /// PagerDuty service ids for maintenance windows.
    pub pagerduty_services: Vec<String>,
    /// When to announce, before the start (`announce=24h,30m`); `None`: the config's default.
    pub announce: Option<Vec<Dur>>,
    /// (before, after) the event that its silence and windows also cover (`margin=15m,30m`).
    pub margins: Option<(Dur, Dur)>,
}

/// Reads the convention from an occurrence's DESCRIPTION and CATEGORIES.
pub fn target(occ: &Occurrence) -> Result<Target, Problem> {
    let bad = |why: String| Problem { uid: occ.uid.clone(), summary: occ.summary.clone(), why };
    let mut t = Target::default();
    let desc = plain_text(&occ.description);
    let lines = desc
        .lines()
        .filter_map(|l| strip_prefix_ci(l.trim(), "opskit:"))
        .map(|rest| (rest.trim().to_string(), format!("opskit: {}", rest.trim())))
        .chain(
            occ.categories
                .iter()
                .filter_map(|c| strip_prefix_ci(c.trim(), "opskit:").map(|rest| (rest.trim().to_string(), c.clone()))),
        );
    for (body, shown) in lines {
        let mut m = SilenceMatcher::default();
        for word in body.split_whitespace() {
            let Some((k, v)) = word.split_once('=') else {
                return Err(bad(format!("line `{shown}`: `{word}` is not key=value")));
            };
            let v = v.trim();
            if v.is_empty() {
                return Err(bad(format!("line `{shown}`: `{k}` has no value")));
            }
            let glob = |v: &str| {
                globset::Glob::new(v)
                    .map(|_| Some(v.to_string()))
                    .map_err(|e| bad(format!("line `{shown}`: {k}=`{v}` is not a glob: {e}")))
            };
            match k.to_ascii_lowercase().as_str() {
                "source" => m.source = glob(v)?,
                "key" => m.key = glob(v)?,
                "resource" => m.resource = glob(v)?,
                "account" => m.account = Some(v.to_string()),
                "pagerduty" => {
                    t.pagerduty_services.extend(v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from))
                }
                "announce" => {
                    let durs = v
                        .split(',')
                        .map(|d| Dur::parse(d).map_err(|e| bad(format!("line `{shown}`: announce: {e}"))))
                        .collect::<Result<Vec<_>, _>>()?;
                    t.announce = Some(durs);
                }
                "margin" => {
                    let parts = v
                        .split(',')
                        .map(|d| Dur::parse(d).map_err(|e| bad(format!("line `{shown}`: margin: {e}"))))
                        .collect::<Result<Vec<_>, _>>()?;
                    t.margins = match parts[..] {
                        [both] => Some((both, both)),
                        [before, after] => Some((before, after)),
                        _ => return Err(bad(format!("line `{shown}`: margin is `before,after` (e.g. 15m,30m)"))),
                    };
                }
                other => {
                    return Err(bad(format!(
                        "line `{shown}`: unknown key `{other}`\nhint: keys are source, key, account, resource, pagerduty, announce, margin"
                    )));
                }
            }
        }
        if m != SilenceMatcher::default() {
            t.matchers.push(m);
        }
    }
    if t.matchers.is_empty() && t.pagerduty_services.is_empty() {
        return Err(bad(
            "names no account, source, key or resource\nhint: add a line `opskit: account=ACCOUNT resource=GLOB` to its description"
                .into(),
        ));
    }
    Ok(t)
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    s.get(..prefix.len()).filter(|h| h.eq_ignore_ascii_case(prefix)).map(|_| &s[prefix.len()..])
}

/// Google Calendar stores descriptions typed in its editor as HTML (`<br>`, `<p>`, `&amp;`):
/// lines break where the operator saw them break.
fn plain_text(desc: &str) -> String {
    let mut out = String::with_capacity(desc.len());
    let mut rest = desc;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        match rest[i..].find('>') {
            Some(j) => {
                let tag = rest[i + 1..i + j].trim_start_matches('/').to_ascii_lowercase();
                let name = tag.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
                if matches!(name, "br" | "p" | "div" | "li") {
                    out.push('\n');
                }
                rest = &rest[i + j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
}
