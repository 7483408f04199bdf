//! Fake of AWS Organizations (API 2016-11-28, awsJson1_1 with `X-Amz-Target:
//! AWSOrganizationsV20161128.<Operation>`): organizations with a root, nested OUs and member
//! accounts, the reads discovery makes (DescribeOrganization, ListRoots, ListAccounts,
//! ListAccountsForParent, ListOrganizationalUnitsForParent, ListTagsForResource), and the
//! changes tests and benchmarks make ([`Sandbox::org_generate`] and friends, or `POST
//! /_sandbox/organizations`). STS AssumeRole (`sts.rs`) reads the member roles kept here.
//!
//! Wire facts (Organizations API reference; checked against the aws-sdk-organizations 1.137
//! schema): members are PascalCase (`Accounts`, `NextToken`, `Id`, `JoinedTimestamp`);
//! timestamps are epoch seconds as JSON numbers; an account carries both `Status` (ACTIVE,
//! SUSPENDED, PENDING_CLOSURE; being retired) and `State` (PENDING_ACTIVATION, ACTIVE,
//! SUSPENDED, PENDING_CLOSURE, CLOSED). Errors are HTTP 400 with `x-amzn-ErrorType` and a
//! body `{"__type": code, "Message": ..}` (`Reason` too for InvalidInputException), as the
//! reference lists every Organizations error with status 400. Only the management account
//! may call: a member account gets AccessDeniedException, an account in no organization
//! AWSOrganizationsNotInUseException.
//!
//! Paging: the List* operations take MaxResults 1 to 20 (the documented range; outside it
//! is InvalidInputException with reason MIN_VALUE_EXCEEDED / MAX_VALUE_EXCEEDED) and page at
//! MaxResults, 20 when absent (AWS's default is undocumented; "occasionally an empty page
//! with a NextToken" is not modelled). ListTagsForResource takes no MaxResults; its page
//! size is undocumented, the sandbox pages at 20. A token we did not issue is
//! InvalidInputException INVALID_NEXT_TOKEN. An unknown ParentId is ParentNotFoundException,
//! an unknown ResourceId TargetNotFoundException.
//!
//! Ids: organizations `o-` + 10, roots `r-` + 4, OUs `ou-<root>-` + 8 lowercase letters and
//! digits, as the reference's patterns have them. Accounts are kept in creation order; each
//! listing answers in that order.

use super::aws::{self, Call, Input};
use super::{Reply, Sandbox, Shared, lock};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub(crate) const TARGET_PREFIX: &str = "AWSOrganizationsV20161128";
/// The documented MaxResults range of the List* operations.
const MAX_RESULTS: i64 = 20;
/// JoinedTimestamp of generated and put accounts (2025-06-02T00:00:00Z) plus their index in minutes.
const JOINED_EPOCH: i64 = 1_748_822_400;

/// Why an Organizations change could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OrgError {
    #[error("no organization, OU or account `{0}` in the sandbox")]
    NotFound(String),
    #[error("invalid Organizations change: {0}")]
    Invalid(String),
}

/// What [`Sandbox::org_generate`] made: ids to aim tests and benchmarks at.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OrgSummary {
    pub organization_id: String,
    pub root_id: String,
    /// The generated OUs, in creation order (nested ones after their parents).
    pub ous: Vec<String>,
    /// The generated member accounts, in creation order.
    pub accounts: Vec<String>,
}

struct Ou {
    id: String,
    name: String,
    parent: String,
}

struct Member {
    /// As ListAccounts answers it.
    account: Value,
    parent: String,
    tags: BTreeMap<String, String>,
}

impl Member {
    fn state(&self) -> &str {
        self.account["State"].as_str().unwrap_or_default()
    }
}

struct Org {
    id: String,
    root: String,
    management: String,
    ous: Vec<Ou>,
    members: Vec<Member>,
    /// Account id → index in `members`.
    index: HashMap<String, usize>,
    ou_tags: HashMap<String, BTreeMap<String, String>>,
}

impl Org {
    fn arn(&self, kind: &str, id: &str) -> String {
        format!("arn:aws:organizations::{}:{kind}/{}/{id}", self.management, self.id)
    }

    fn parent_exists(&self, id: &str) -> bool {
        id == self.root || self.ous.iter().any(|o| o.id == id)
    }

    fn describe(&self) -> Value {
        json!({
            "Id": self.id,
            "Arn": format!("arn:aws:organizations::{}:organization/{}", self.management, self.id),
            "FeatureSet": "ALL",
            "MasterAccountArn": self.arn("account", &self.management),
            "MasterAccountId": self.management,
            "MasterAccountEmail": format!("aws+{}@example.com", self.management),
            "AvailablePolicyTypes": [{"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}],
        })
    }

    fn add_member(&mut self, id: &str, name: &str, parent: &str) -> Result<(), OrgError> {
        if !(id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit())) {
            return Err(OrgError::Invalid(format!("`{id}` is not a 12-digit account id")));
        }
        if !self.parent_exists(parent) {
            return Err(OrgError::NotFound(parent.to_string()));
        }
        let n = self.members.len() as i64;
        let account = json!({
            "Id": id,
            "Arn": self.arn("account", id),
            "Email": format!("aws+{id}@example.com"),
            "Name": name,
            "Status": "ACTIVE",
            "State": "ACTIVE",
            "JoinedMethod": if id == self.management { "INVITED" } else { "CREATED" },
            "JoinedTimestamp": JOINED_EPOCH + n * 60,
        });
        match self.index.get(id) {
            Some(&i) => {
                let m = &mut self.members[i];
                m.account["Name"] = json!(name);
                m.parent = parent.to_string();
            }
            None => {
                self.index.insert(id.to_string(), self.members.len());
                self.members.push(Member { account, parent: parent.to_string(), tags: BTreeMap::new() });
            }
        }
        Ok(())
    }
}

/// Every organization the sandbox holds, and the member roles STS assumes.
#[derive(Default)]
pub(crate) struct Orgs {
    orgs: Vec<Org>,
    /// Account id (member or management) → index in `orgs`.
    home: HashMap<String, usize>,
    /// Role ARNs AssumeRole refuses.
    denied_roles: BTreeSet<String>,
    /// Role ARN → the external id AssumeRole requires for it.
    external_ids: HashMap<String, String>,
    /// For names: OUs made so far.
    made: u64,
    /// Account id → (role ARN, session name) of the role last assumed in it, for
    /// GetCallerIdentity.
    pub(crate) sessions: HashMap<String, (String, String)>,
}

/// Whether STS lets a caller into a role (see `sts.rs`).
pub(crate) enum RoleCheck {
    Allowed,
    Denied,
}

impl Orgs {
    fn org_of(&self, account: &str) -> Option<&Org> {
        self.home.get(account).map(|&i| &self.orgs[i])
    }

    /// For the Health fake's organizational view: the accounts (the management account
    /// first, then the members in creation order) of the organization `account` manages;
    /// `None` when it manages none.
    pub(crate) fn accounts_managed_by(&self, account: &str) -> Option<Vec<String>> {
        let org = self.org_of(account).filter(|o| o.management == account)?;
        let ids = org.members.iter().filter_map(|m| m.account["Id"].as_str()).map(str::to_string);
        let mut all = vec![account.to_string()];
        all.extend(ids.filter(|id| id != account));
        Some(all)
    }

    fn managed_mut(&mut self, management: &str) -> Result<&mut Org, OrgError> {
        match self.home.get(management) {
            Some(&i) if self.orgs[i].management == management => Ok(&mut self.orgs[i]),
            _ => Err(OrgError::NotFound(management.to_string())),
        }
    }

    /// A fresh id of `len` lowercase letters and digits, unique in the sandbox.
    fn fresh(&mut self, len: usize) -> String {
        self.made += 1;
        let h = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(format!("sandbox-org-{}", self.made)));
        let mut id: String = h.chars().take(len.saturating_sub(4)).collect();
        id.push_str(&format!("{:04x}", self.made % 0x10000));
        id
    }

    /// See [`Sandbox::org_create`].
    pub fn create(&mut self, management: &str) -> Result<(String, String), OrgError> {
        if let Some(o) = self.org_of(management) {
            if o.management == management {
                return Ok((o.id.clone(), o.root.clone()));
            }
            return Err(OrgError::Invalid(format!("account {management} is a member of {}", o.id)));
        }
        let id = format!("o-{}", self.fresh(10));
        let root = format!("r-{}", self.fresh(4));
        let mut org = Org {
            id: id.clone(),
            root: root.clone(),
            management: management.to_string(),
            ous: Vec::new(),
            members: Vec::new(),
            index: HashMap::new(),
            ou_tags: HashMap::new(),
        };
        org.add_member(management, "management", &root)?;
        self.home.insert(management.to_string(), self.orgs.len());
        self.orgs.push(org);
        Ok((id, root))
    }

    /// See [`Sandbox::org_create_ou`].
    pub fn create_ou(&mut self, management: &str, parent: &str, name: &str) -> Result<String, OrgError> {
        let suffix = self.fresh(8);
        let org = self.managed_mut(management)?;
        if !org.parent_exists(parent) {
            return Err(OrgError::NotFound(parent.to_string()));
        }
        let id = format!("ou-{}-{suffix}", &org.root[2..]);
        org.ous.push(Ou { id: id.clone(), name: name.to_string(), parent: parent.to_string() });
        Ok(id)
    }

    /// See [`Sandbox::org_put_account`].
    pub fn put_account(
        &mut self,
        management: &str,
        parent: Option<&str>,
        id: &str,
        name: &str,
    ) -> Result<(), OrgError> {
        if let Some(o) = self.org_of(id)
            && o.management != management
        {
            return Err(OrgError::Invalid(format!("account {id} is in another organization ({})", o.id)));
        }
        let i = *self.home.get(management).ok_or_else(|| OrgError::NotFound(management.to_string()))?;
        let org = self.managed_mut(management)?;
        let parent = parent.map(str::to_string).unwrap_or_else(|| org.root.clone());
        org.add_member(id, name, &parent)?;
        self.home.insert(id.to_string(), i);
        Ok(())
    }

    /// See [`Sandbox::org_generate`].
    pub fn generate(
        &mut self,
        management: &str,
        accounts: usize,
        ous: usize,
        nested: usize,
        first_account: u64,
    ) -> Result<OrgSummary, OrgError> {
        if accounts > 100_000 || ous > 10_000 || nested > 100 {
            return Err(OrgError::Invalid("at most 100000 accounts, 10000 OUs, 100 nested each".into()));
        }
        let (organization_id, root_id) = self.create(management)?;
        let mut made = Vec::new();
        for i in 0..ous {
            let ou = self.create_ou(management, &root_id, &format!("ou-{:03}", i + 1))?;
            made.push(ou.clone());
            for j in 0..nested {
                made.push(self.create_ou(management, &ou, &format!("ou-{:03}-{:02}", i + 1, j + 1))?);
            }
        }
        let mut ids = Vec::new();
        for n in 0..accounts {
            let id = format!("{:012}", first_account + n as u64);
            // Round robin over every OU (the root when there is none).
            let parent = if made.is_empty() { root_id.clone() } else { made[n % made.len()].clone() };
            self.put_account(management, Some(&parent), &id, &format!("member-{:05}", n + 1))?;
            ids.push(id);
        }
        Ok(OrgSummary { organization_id, root_id, ous: made, accounts: ids })
    }

    /// See [`Sandbox::org_set_account_state`].
    pub fn set_state(&mut self, account: &str, state: &str) -> Result<(), OrgError> {
        // Status is being retired and has no CLOSED or PENDING_ACTIVATION: a closed account
        // reads SUSPENDED there, a pending one ACTIVE.
        let status = match state {
            "ACTIVE" | "PENDING_ACTIVATION" => "ACTIVE",
            "SUSPENDED" | "CLOSED" => "SUSPENDED",
            "PENDING_CLOSURE" => "PENDING_CLOSURE",
            other => return Err(OrgError::Invalid(format!("unknown account state `{other}`"))),
        };
        let &i = self.home.get(account).ok_or_else(|| OrgError::NotFound(account.to_string()))?;
        let org = &mut self.orgs[i];
        let &j = org.index.get(account).ok_or_else(|| OrgError::NotFound(account.to_string()))?;
        org.members[j].account["State"] = json!(state);
        org.members[j].account["Status"] = json!(status);
        Ok(())
    }

    /// See [`Sandbox::org_tag`].
    pub fn tag(&mut self, resource: &str, tags: BTreeMap<String, String>) -> Result<(), OrgError> {
        for org in &mut self.orgs {
            if let Some(&j) = org.index.get(resource) {
                org.members[j].tags.extend(tags);
                return Ok(());
            }
            if org.parent_exists(resource) {
                org.ou_tags.entry(resource.to_string()).or_default().extend(tags);
                return Ok(());
            }
        }
        Err(OrgError::NotFound(resource.to_string()))
    }

    /// See [`Sandbox::org_deny_role`].
    pub fn deny_role(&mut self, role_arn: &str, denied: bool) {
        if denied {
            self.denied_roles.insert(role_arn.to_string());
        } else {
            self.denied_roles.remove(role_arn);
        }
    }

    /// See [`Sandbox::org_require_external_id`].
    pub fn require_external_id(&mut self, role_arn: &str, external_id: &str) {
        self.external_ids.insert(role_arn.to_string(), external_id.to_string());
    }

    /// AssumeRole's verdict: the role's account must be an ACTIVE account of a sandbox
    /// organization, the role not denied, and the external id the one required, if any.
    pub fn check_role(&self, role_arn: &str, account: &str, external_id: Option<&str>) -> RoleCheck {
        let active = self
            .org_of(account)
            .and_then(|o| o.index.get(account).map(|&j| &o.members[j]))
            .is_some_and(|m| m.state() == "ACTIVE");
        let id_ok = self.external_ids.get(role_arn).is_none_or(|want| external_id == Some(want.as_str()));
        if active && id_ok && !self.denied_roles.contains(role_arn) { RoleCheck::Allowed } else { RoleCheck::Denied }
    }

    pub fn state(&self) -> Value {
        let orgs: Vec<Value> = self
            .orgs
            .iter()
            .map(|o| {
                json!({
                    "organization": o.describe(),
                    "roots": [root_json(o)],
                    "organizationalUnits": o.ous.iter().map(|u| {
                        json!({"Id": u.id, "Arn": o.arn("ou", &u.id), "Name": u.name, "ParentId": u.parent})
                    }).collect::<Vec<_>>(),
                    "accounts": o.members.iter().map(|m| {
                        let mut a = m.account.clone();
                        a["ParentId"] = json!(m.parent);
                        a["Tags"] = json!(tags_json(&m.tags));
                        a
                    }).collect::<Vec<_>>(),
                })
            })
            .collect();
        json!({
            "organizations": orgs,
            "deniedRoles": self.denied_roles,
            "externalIdRoles": self.external_ids.keys().collect::<BTreeSet<_>>(),
        })
    }
}

fn root_json(o: &Org) -> Value {
    json!({
        "Id": o.root,
        "Arn": o.arn("root", &o.root),
        "Name": "Root",
        "PolicyTypes": [{"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}],
    })
}

fn tags_json(tags: &BTreeMap<String, String>) -> Vec<Value> {
    tags.iter().map(|(k, v)| json!({"Key": k, "Value": v})).collect()
}

/// An Organizations error: status 400, the code in `x-amzn-ErrorType` and `__type`, the
/// text in `Message` (and `Reason`, for InvalidInputException).
fn error(code: &str, message: &str, reason: Option<&str>) -> Reply {
    let mut body = json!({"__type": code, "Message": message});
    if let Some(r) = reason {
        body["Reason"] = json!(r);
    }
    Reply { status: 400, headers: aws::error_headers(code), body: body.to_string().into_bytes() }
}

fn invalid(reason: &str, message: &str) -> Reply {
    error("InvalidInputException", message, Some(reason))
}

fn page<T>(items: Vec<T>, input: &Input, max_results: bool) -> Result<(Vec<T>, Option<String>), Reply> {
    let max = if max_results { input.integer("MaxResults")? } else { None };
    match max {
        Some(n) if n < 1 => {
            return Err(invalid(
                "MIN_VALUE_EXCEEDED",
                &aws::constraint_message(
                    &n.to_string(),
                    "maxResults",
                    "Member must have value greater than or equal to 1",
                ),
            ));
        }
        Some(n) if n > MAX_RESULTS => {
            return Err(invalid(
                "MAX_VALUE_EXCEEDED",
                &aws::constraint_message(
                    &n.to_string(),
                    "maxResults",
                    "Member must have value less than or equal to 20",
                ),
            ));
        }
        _ => {}
    }
    let bad_token = |_: &str| {
        invalid(
            "INVALID_NEXT_TOKEN",
            "You specified an invalid value for nextToken. You must get the value from the response to a previous call to the API.",
        )
    };
    aws::page(items, max, input.string("NextToken")?, MAX_RESULTS as usize, bad_token)
}

fn paged(list: &str, items: Vec<Value>, next: Option<String>) -> Reply {
    let mut out = Map::new();
    out.insert(list.to_string(), Value::Array(items));
    if let Some(t) = next {
        out.insert("NextToken".into(), json!(t));
    }
    aws::reply(&Value::Object(out))
}

/// An `AWSOrganizationsV20161128.*` call, already authenticated.
pub(crate) fn handle(shared: &Shared, call: &Call) -> Reply {
    let input = match call.input() {
        Ok(i) => i,
        Err(reply) => return reply,
    };
    let orgs = lock(&shared.orgs);
    let Some(org) = orgs.org_of(&call.caller.account) else {
        return error("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.", None);
    };
    let known = matches!(
        call.operation,
        "DescribeOrganization"
            | "ListRoots"
            | "ListAccounts"
            | "ListAccountsForParent"
            | "ListOrganizationalUnitsForParent"
            | "ListTagsForResource"
            | "DescribeOrganizationalUnit"
            | "ListParents"
    );
    if !known {
        return aws::unknown_operation(call.target);
    }
    if call.operation == "DescribeOrganization" {
        // Members may describe their organization (without the management account's email).
        let mut o = org.describe();
        if org.management != call.caller.account {
            o.as_object_mut().map(|m| m.remove("MasterAccountEmail"));
        }
        return aws::reply(&json!({"Organization": o}));
    }
    if org.management != call.caller.account {
        return error("AccessDeniedException", "You don't have permissions to access this resource.", None);
    }
    let answer = match call.operation {
        "ListRoots" => page(vec![root_json(org)], &input, true).map(|(p, n)| paged("Roots", p, n)),
        "ListAccounts" => {
            let all = org.members.iter().map(|m| m.account.clone()).collect();
            page(all, &input, true).map(|(p, n)| paged("Accounts", p, n))
        }
        "ListAccountsForParent" => parent_of(org, &input).and_then(|parent| {
            let all = org.members.iter().filter(|m| m.parent == parent).map(|m| m.account.clone()).collect();
            page(all, &input, true).map(|(p, n)| paged("Accounts", p, n))
        }),
        "ListOrganizationalUnitsForParent" => parent_of(org, &input).and_then(|parent| {
            let all = org
                .ous
                .iter()
                .filter(|u| u.parent == parent)
                .map(|u| json!({"Id": u.id, "Arn": org.arn("ou", &u.id), "Name": u.name}))
                .collect();
            page(all, &input, true).map(|(p, n)| paged("OrganizationalUnits", p, n))
        }),
        "ListTagsForResource" => tags_of(org, &input),
        "DescribeOrganizationalUnit" => describe_ou(org, &input),
        "ListParents" => parents_of(org, &input),
        _ => unreachable!("checked above"),
    };
    answer.unwrap_or_else(|e| e)
}

fn parent_of(org: &Org, input: &Input) -> Result<String, Reply> {
    let Some(parent) = input.string("ParentId")? else {
        return Err(invalid("INPUT_REQUIRED", "You must specify a value for ParentId."));
    };
    if !org.parent_exists(parent) {
        return Err(error(
            "ParentNotFoundException",
            "We can't find a root or OU with the ParentId that you specified.",
            None,
        ));
    }
    Ok(parent.to_string())
}

fn describe_ou(org: &Org, input: &Input) -> Result<Reply, Reply> {
    let Some(id) = input.string("OrganizationalUnitId")? else {
        return Err(invalid("INPUT_REQUIRED", "You must specify a value for OrganizationalUnitId."));
    };
    let Some(ou) = org.ous.iter().find(|o| o.id == id) else {
        return Err(error(
            "OrganizationalUnitNotFoundException",
            "We can't find an organizational unit (OU) with the OrganizationalUnitId that you specified.",
            None,
        ));
    };
    Ok(aws::reply(&json!({"OrganizationalUnit": {"Id": ou.id, "Arn": org.arn("ou", &ou.id), "Name": ou.name}})))
}

/// An OU's or account's one parent, typed as the API types it.
fn parents_of(org: &Org, input: &Input) -> Result<Reply, Reply> {
    let Some(id) = input.string("ChildId")? else {
        return Err(invalid("INPUT_REQUIRED", "You must specify a value for ChildId."));
    };
    let parent = match (org.ous.iter().find(|o| o.id == id), org.index.get(id)) {
        (Some(ou), _) => ou.parent.clone(),
        (None, Some(&i)) => org.members[i].parent.clone(),
        (None, None) => {
            return Err(error(
                "ChildNotFoundException",
                "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.",
                None,
            ));
        }
    };
    let kind = if parent == org.root { "ROOT" } else { "ORGANIZATIONAL_UNIT" };
    let (p, n) = page(vec![json!({"Id": parent, "Type": kind})], input, true)?;
    Ok(paged("Parents", p, n))
}

fn tags_of(org: &Org, input: &Input) -> Result<Reply, Reply> {
    let Some(id) = input.string("ResourceId")? else {
        return Err(invalid("INPUT_REQUIRED", "You must specify a value for ResourceId."));
    };
    let tags = match org.index.get(id) {
        Some(&j) => org.members[j].tags.clone(),
        None if org.parent_exists(id) => org.ou_tags.get(id).cloned().unwrap_or_default(),
        None => {
            return Err(error(
                "TargetNotFoundException",
                "We can't find a root, OU, account, or policy with the TargetId that you specified.",
                None,
            ));
        }
    };
    let (p, n) = page(tags_json(&tags), input, false)?;
    Ok(paged("Tags", p, n))
}

/// One change through `POST /_sandbox/organizations` (see the control-plane list in mod.rs).
#[derive(Debug, serde::Deserialize)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
enum Action {
    Create {
        management_account: String,
    },
    CreateOu {
        management_account: String,
        parent_id: String,
        name: String,
    },
    PutAccount {
        management_account: String,
        parent_id: Option<String>,
        account_id: String,
        name: String,
    },
    Generate {
        management_account: String,
        accounts: usize,
        #[serde(default)]
        ous: usize,
        #[serde(default)]
        nested: usize,
        first_account: Option<u64>,
    },
    SetState {
        account_id: String,
        state: String,
    },
    Tag {
        resource_id: String,
        tags: BTreeMap<String, String>,
    },
    DenyRole {
        role_arn: String,
        #[serde(default = "yes")]
        denied: bool,
    },
    RequireExternalId {
        role_arn: String,
        external_id: String,
    },
}

fn yes() -> bool {
    true
}

/// The first member account id [`Orgs::generate`] uses when not told.
pub const ORG_GENERATED_FIRST_ACCOUNT: u64 = 300_000_000_000;

pub(crate) fn control(shared: &Shared, body: &[u8]) -> Reply {
    let action = match serde_json::from_slice::<Action>(body) {
        Ok(a) => a,
        Err(e) => return Reply::text(400, &format!("invalid organizations action: {e}")),
    };
    let mut orgs = lock(&shared.orgs);
    let done: Result<Value, OrgError> = match action {
        Action::Create { management_account } => {
            orgs.create(&management_account).map(|(id, root)| json!({"ok": true, "id": id, "root_id": root}))
        }
        Action::CreateOu { management_account, parent_id, name } => {
            orgs.create_ou(&management_account, &parent_id, &name).map(|id| json!({"ok": true, "id": id}))
        }
        Action::PutAccount { management_account, parent_id, account_id, name } => orgs
            .put_account(&management_account, parent_id.as_deref(), &account_id, &name)
            .map(|_| json!({"ok": true, "id": account_id})),
        Action::Generate { management_account, accounts, ous, nested, first_account } => orgs
            .generate(&management_account, accounts, ous, nested, first_account.unwrap_or(ORG_GENERATED_FIRST_ACCOUNT))
            .map(|s| json!({"ok": true, "summary": s})),
        Action::SetState { account_id, state } => orgs.set_state(&account_id, &state).map(|_| json!({"ok": true})),
        Action::Tag { resource_id, tags } => orgs.tag(&resource_id, tags).map(|_| json!({"ok": true})),
        Action::DenyRole { role_arn, denied } => {
            orgs.deny_role(&role_arn, denied);
            Ok(json!({"ok": true}))
        }
        Action::RequireExternalId { role_arn, external_id } => {
            orgs.require_external_id(&role_arn, &external_id);
            Ok(json!({"ok": true}))
        }
    };
    match done {
        Ok(v) => Reply::json(200, &v),
        Err(e @ OrgError::NotFound(_)) => Reply::text(404, &e.to_string()),
        Err(e) => Reply::text(400, &e.to_string()),
    }
}

pub(crate) fn control_state(shared: &Shared) -> Reply {
    Reply::json(200, &lock(&shared.orgs).state())
}

/// Organizations and member roles for in-process tests; `POST /_sandbox/organizations` does
/// the same from another process.
impl Sandbox {
    /// An organization managed by `management_account` (itself its first member, named
    /// `management`, in the root), or the one it already manages. Returns the organization
    /// and root ids.
    pub fn org_create(&self, management_account: &str) -> Result<(String, String), OrgError> {
        lock(&self.shared.orgs).create(management_account)
    }

    /// An OU named `name` under `parent_id` (the root or another OU). Returns its id.
    pub fn org_create_ou(&self, management_account: &str, parent_id: &str, name: &str) -> Result<String, OrgError> {
        lock(&self.shared.orgs).create_ou(management_account, parent_id, name)
    }

    /// An ACTIVE member account `account_id` named `name` in `parent_id` (the root when
    /// `None`); an account already there is renamed and moved.
    pub fn org_put_account(
        &self,
        management_account: &str,
        parent_id: Option<&str>,
        account_id: &str,
        name: &str,
    ) -> Result<(), OrgError> {
        lock(&self.shared.orgs).put_account(management_account, parent_id, account_id, name)
    }

    /// An organization of `accounts` members for paging tests and benchmarks: `ous` OUs
    /// under the root (`ou-001`..), each with `nested` OUs below it (`ou-001-01`..), and the
    /// accounts (`member-00001`.., ids counting up from `first_account`, 300000000000 by
    /// default) dealt round robin over every OU, or into the root when `ous` is 0.
    pub fn org_generate(
        &self,
        management_account: &str,
        accounts: usize,
        ous: usize,
        nested: usize,
        first_account: Option<u64>,
    ) -> Result<OrgSummary, OrgError> {
        let first = first_account.unwrap_or(ORG_GENERATED_FIRST_ACCOUNT);
        lock(&self.shared.orgs).generate(management_account, accounts, ous, nested, first)
    }

    /// `State` ACTIVE, PENDING_ACTIVATION, SUSPENDED, PENDING_CLOSURE or CLOSED (and the
    /// `Status` AWS shows with it). AssumeRole into an account that is not ACTIVE is denied.
    pub fn org_set_account_state(&self, account_id: &str, state: &str) -> Result<(), OrgError> {
        lock(&self.shared.orgs).set_state(account_id, state)
    }

    /// Add tags to an account, OU or root, as ListTagsForResource lists them.
    pub fn org_tag(&self, resource_id: &str, tags: &[(&str, &str)]) -> Result<(), OrgError> {
        let tags = tags.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        lock(&self.shared.orgs).tag(resource_id, tags)
    }

    /// AssumeRole into `role_arn` answers 403 AccessDenied (`false`: allowed again).
    pub fn org_deny_role(&self, role_arn: &str, denied: bool) {
        lock(&self.shared.orgs).deny_role(role_arn, denied)
    }

    /// AssumeRole into `role_arn` needs this external id (else AccessDenied, as a trust
    /// policy with `sts:ExternalId` answers).
    pub fn org_require_external_id(&self, role_arn: &str, external_id: &str) {
        lock(&self.shared.orgs).require_external_id(role_arn, external_id)
    }

    /// Every organization, as `GET /_sandbox/organizations` answers.
    pub fn org_state(&self) -> Value {
        lock(&self.shared.orgs).state()
    }
}
