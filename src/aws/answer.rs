//! Telling a complete, well-formed AWS listing from one that merely parsed.
//!
//! The SDKs turn a missing list into an empty one: an output's `virtual_interfaces()`
//! answers `&[]` whether AWS said "none" or a proxy, a captive portal or a wrong endpoint
//! override answered HTTP 200 with `{}`; for members the model marks required, the smithy
//! "client error correction" even fills in the empty list before our code sees the output.
//! A producer that read such an answer as "nothing there" would resolve every open finding
//! of the target. So a listing is taken as complete only when every member the operation
//! always sends is there and its pages ended by themselves:
//!
//! - [`required`]: a member the SDK leaves as `Option` (Direct Connect, Support cases,
//!   Organizations, EC2) must be `Some`.
//! - [`RequireMembers`]: an interceptor for members the SDK corrects to a default (Trusted
//!   Advisor, the Support API's Trusted Advisor operations); it reads the raw JSON body.
//! - [`Pages`]: follows `nextToken` by hand. The SDK paginators end quietly when a token
//!   repeats, which would pass a partial listing off as the whole one; here a repeated
//!   token fails the listing.
//!
//! Each failure is an [`Incomplete`], which names the operation; the fan-out names the
//! account and region, and the target is out of the run's scope, so nothing of it resolves.

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::AfterDeserializationInterceptorContextRef;
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use std::collections::BTreeSet;

/// Pages of one listing followed at most: far beyond any real account, short of forever.
pub const MAX_PAGES: usize = 10_000;

const NOT_AWS_HINT: &str = "something other than AWS may have answered: a proxy or captive portal, or an \
                            endpoint override (AWS_ENDPOINT_URL*, endpoint_url in the AWS profile) pointing elsewhere";

/// Why a listing cannot be taken as complete.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Incomplete {
    /// The answer lacks a member the operation always sends (`what`: e.g. `virtualInterfaces list`).
    Missing { op: &'static str, what: &'static str },
    /// Page `page` gave a `nextToken` an earlier page had given.
    RepeatedToken { op: &'static str, page: usize },
    /// More than [`MAX_PAGES`] pages.
    TooManyPages { op: &'static str },
}

impl Incomplete {
    /// The operation whose answer it was.
    pub fn op(&self) -> &'static str {
        match self {
            Incomplete::Missing { op, .. } | Incomplete::RepeatedToken { op, .. } | Incomplete::TooManyPages { op } => {
                op
            }
        }
    }

    /// What is wrong, without the operation's name.
    pub fn reason(&self) -> String {
        match self {
            Incomplete::Missing { op, what } => format!("the answer has no {what} (HTTP 200, body not a {op} answer)"),
            Incomplete::RepeatedToken { page, .. } => {
                format!("page {page} repeated an earlier nextToken: the listing cannot be complete")
            }
            Incomplete::TooManyPages { .. } => format!("more than {MAX_PAGES} pages; stopping"),
        }
    }

    /// The suggestion for a person, without `hint: `.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            Incomplete::Missing { .. } | Incomplete::RepeatedToken { .. } => Some(NOT_AWS_HINT),
            Incomplete::TooManyPages { .. } => None,
        }
    }
}

impl std::fmt::Display for Incomplete {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.op(), self.reason())?;
        match self.hint() {
            Some(h) => write!(f, "\nhint: {h}"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for Incomplete {}

/// `v`, or the failure of `op` whose answer lacked `what`. For members the API reference
/// lists in every answer (an empty list when there is nothing).
pub fn required<T>(v: Option<T>, op: &'static str, what: &'static str) -> Result<T, Incomplete> {
    v.ok_or(Incomplete::Missing { op, what })
}

/// The pages of one listing, `nextToken` followed by hand:
///
/// ```ignore
/// let mut pages = Pages::new(OP);
/// while let Some(token) = pages.token() {
///     let page = client.list().set_next_token(token).send().await?;
///     pages.answered(page.next_token())?;
///     for item in required(page.items, OP, "items list")? { … }
/// }
/// ```
#[derive(Debug)]
pub struct Pages {
    op: &'static str,
    /// `Some(None)`: the first request is due; `None`: the listing ended.
    next: Option<Option<String>>,
    seen: BTreeSet<String>,
    pages: usize,
}

impl Pages {
    pub fn new(op: &'static str) -> Pages {
        Pages { op, next: Some(None), seen: BTreeSet::new(), pages: 0 }
    }

    /// The token for the next request (`Some(None)` for the first), or `None` once the
    /// last page has answered.
    pub fn token(&mut self) -> Option<Option<String>> {
        self.next.take()
    }

    /// What a page answered as its `nextToken`. An empty token ends the listing as an
    /// absent one does (some APIs send `""`).
    pub fn answered(&mut self, next: Option<&str>) -> Result<(), Incomplete> {
        self.pages += 1;
        match next.filter(|t| !t.is_empty()) {
            None => Ok(()),
            Some(_) if self.pages >= MAX_PAGES => Err(Incomplete::TooManyPages { op: self.op }),
            Some(t) if !self.seen.insert(t.to_string()) => {
                Err(Incomplete::RepeatedToken { op: self.op, page: self.pages })
            }
            Some(t) => {
                self.next = Some(Some(t.to_string()));
                Ok(())
            }
        }
    }
}

impl Pages {
    /// Every item of one listing, taken only when complete: `fetch` asks for the page of
    /// the token it is given and returns the page's list as the SDK holds it (`None` when
    /// the answer lacked it, named `what` in the error) and its `nextToken`.
    ///
    /// ```ignore
    /// let vifs = Pages::all(OP, "virtualInterfaces list", |token| async {
    ///     let p = client.describe_virtual_interfaces().set_next_token(token).send().await?;
    ///     Ok((p.virtual_interfaces, p.next_token))
    /// })
    /// .await?;
    /// ```
    pub async fn all<T, E, F, Fut>(op: &'static str, what: &'static str, mut fetch: F) -> Result<Vec<T>, E>
    where
        F: FnMut(Option<String>) -> Fut,
        Fut: std::future::Future<Output = Result<(Option<Vec<T>>, Option<String>), E>>,
        E: From<Incomplete>,
    {
        let mut pages = Pages::new(op);
        let mut out = Vec::new();
        while let Some(token) = pages.token() {
            let (items, next) = fetch(token).await?;
            pages.answered(next.as_deref())?;
            out.extend(required(items, op, what)?);
        }
        Ok(out)
    }
}

/// A member an operation's JSON answer always holds, for [`RequireMembers`].
#[derive(Debug, Clone, Copy)]
pub struct Member {
    /// The operation's name, as the SDK's metadata gives it (`ListRecommendations`).
    pub op: &'static str,
    /// Where the list is, as a JSON pointer (`/result/flaggedResources`).
    pub pointer: &'static str,
    /// How errors name it (`result.flaggedResources list`).
    pub what: &'static str,
}

/// Fails a successful call whose JSON body lacks one of `members` (for its operation) as an
/// array, before the SDK's error correction hands us an empty list for it. Add it to a
/// client's config; the failure reaches the caller as a response error whose source is
/// [`Incomplete::Missing`] ([`crate::aws::sdk_error_text`] shows that), and is not retried.
#[derive(Debug, Clone, Copy)]
pub struct RequireMembers(pub &'static [Member]);

impl Intercept for RequireMembers {
    fn name(&self) -> &'static str {
        "RequireMembers"
    }

    fn read_after_deserialization(
        &self,
        context: &AfterDeserializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        if context.output_or_error().is_err() {
            return Ok(());
        }
        let Some(op) = cfg.load::<Metadata>().map(|m| m.name().to_string()) else { return Ok(()) };
        let wanted: Vec<&Member> = self.0.iter().filter(|m| m.op == op).collect();
        if wanted.is_empty() {
            return Ok(());
        }
        let body: serde_json::Value = context
            .response()
            .body()
            .bytes()
            .and_then(|b| serde_json::from_slice(b).ok())
            .unwrap_or(serde_json::Value::Null);
        match wanted.into_iter().find(|m| !body.pointer(m.pointer).is_some_and(|v| v.is_array())) {
            Some(m) => Err(Box::new(Incomplete::Missing { op: m.op, what: m.what })),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_member_names_the_operation_and_hints_at_what_answered() {
        let e = required(None::<Vec<u8>>, "DescribeVirtualInterfaces", "virtualInterfaces list").unwrap_err();
        let text = e.to_string();
        assert!(
            text.starts_with(
                "DescribeVirtualInterfaces: the answer has no virtualInterfaces list (HTTP 200, body not a \
                 DescribeVirtualInterfaces answer)\nhint: "
            ),
            "{text}"
        );
        assert!(text.contains("endpoint override"), "{text}");
        assert_eq!(required(Some(vec![1u8]), "X", "y").unwrap(), vec![1]);
    }

    #[test]
    fn pages_end_on_no_or_an_empty_token_and_fail_on_a_repeated_one() {
        let mut p = Pages::new("DescribeCases");
        assert_eq!(p.token(), Some(None), "the first request carries no token");
        p.answered(Some("a")).unwrap();
        assert_eq!(p.token(), Some(Some("a".into())));
        p.answered(Some("b")).unwrap();
        assert_eq!(p.token(), Some(Some("b".into())));
        p.answered(Some("")).unwrap();
        assert_eq!(p.token(), None, "an empty token ends the listing");

        let mut p = Pages::new("DescribeCases");
        p.token();
        p.answered(Some("a")).unwrap();
        p.token();
        // The SDK paginators stop here without a word, taking two pages for the whole listing.
        let e = p.answered(Some("a")).unwrap_err();
        assert_eq!(e, Incomplete::RepeatedToken { op: "DescribeCases", page: 2 });
        assert!(e.to_string().contains("cannot be complete"), "{e}");
        assert_eq!(p.token(), None);
    }
}
