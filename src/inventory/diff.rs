//! What changed between two inventories: resources added, removed, and changed with the
//! changed fields (old → new). Identity is account + region + type + id.

use super::Resource;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub old: String,
    pub new: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "lowercase")]
pub enum Change {
    Added { resource: Resource },
    Removed { resource: Resource },
    Changed { resource: Resource, fields: Vec<FieldChange> },
}

impl Change {
    pub fn resource(&self) -> &Resource {
        match self {
            Change::Added { resource } | Change::Removed { resource } | Change::Changed { resource, .. } => resource,
        }
    }

    /// `+`, `−` or `~`, as the change log and the finding title write them.
    pub fn sign(&self) -> &'static str {
        match self {
            Change::Added { .. } => "+",
            Change::Removed { .. } => "−",
            Change::Changed { .. } => "~",
        }
    }
}

/// The changes, in page order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    pub changes: Vec<Change>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |f: fn(&Change) -> bool| self.changes.iter().filter(|c| f(c)).count();
        (
            n(|c| matches!(c, Change::Added { .. })),
            n(|c| matches!(c, Change::Removed { .. })),
            n(|c| matches!(c, Change::Changed { .. })),
        )
    }

    /// "+2 −1 ~3".
    pub fn summary(&self) -> String {
        let (a, r, c) = self.counts();
        format!("+{a} −{r} ~{c}")
    }

    /// The changes of one account.
    pub fn for_account(&self, account: &str) -> Diff {
        Diff { changes: self.changes.iter().filter(|c| c.resource().account == account).cloned().collect() }
    }
}

/// Compare `old` with `new`. The name counts as a field (`name`), so a renamed instance is
/// a change; a type's [`super::ResourceType::volatile`] fields (an IAM key's age, its last
/// use) do not, or every day would be one.
pub fn diff(old: &[Resource], new: &[Resource]) -> Diff {
    let index = |v: &[Resource]| -> BTreeMap<(String, String, super::ResourceType, String), Resource> {
        v.iter().map(|r| ((r.account.clone(), r.region.clone(), r.resource_type, r.id.clone()), r.clone())).collect()
    };
    let (old, new) = (index(old), index(new));
    let mut changes = Vec::new();
    let keys: std::collections::BTreeSet<_> = old.keys().chain(new.keys()).cloned().collect();
    for k in keys {
        match (old.get(&k), new.get(&k)) {
            (None, Some(n)) => changes.push(Change::Added { resource: n.clone() }),
            (Some(o), None) => changes.push(Change::Removed { resource: o.clone() }),
            (Some(o), Some(n)) => {
                let mut fields = Vec::new();
                if o.name != n.name {
                    fields.push(FieldChange { field: "name".into(), old: o.name.clone(), new: n.name.clone() });
                }
                let names: std::collections::BTreeSet<&str> = o.fields.keys().chain(n.fields.keys()).collect();
                let volatile = n.resource_type.volatile();
                for f in names.into_iter().filter(|f| !volatile.contains(f)) {
                    let (a, b) = (o.get(f), n.get(f));
                    if a != b {
                        fields.push(FieldChange { field: f.to_string(), old: a.into(), new: b.into() });
                    }
                }
                if !fields.is_empty() {
                    changes.push(Change::Changed { resource: n.clone(), fields });
                }
            }
            (None, None) => {}
        }
    }
    Diff { changes }
}

#[cfg(test)]
mod tests {
    use super::super::{Resource, ResourceType};
    use super::*;

    fn i(id: &str, state: &str) -> Resource {
        Resource::new("111122223333", "ap-northeast-1", ResourceType::Instance, id).name("web").field("state", state)
    }

    #[test]
    fn added_removed_and_changed_fields_old_to_new() {
        let old = vec![i("i-1", "running"), i("i-2", "running")];
        let mut renamed = i("i-2", "stopped");
        renamed.name = "web-old".into();
        let new = vec![renamed, i("i-3", "running")];
        let d = diff(&old, &new);
        assert_eq!(d.summary(), "+1 −1 ~1");
        assert!(matches!(&d.changes[0], Change::Removed { resource } if resource.id == "i-1"));
        match &d.changes[1] {
            Change::Changed { resource, fields } => {
                assert_eq!(resource.id, "i-2");
                assert_eq!(
                    fields,
                    &[
                        FieldChange { field: "name".into(), old: "web".into(), new: "web-old".into() },
                        FieldChange { field: "state".into(), old: "running".into(), new: "stopped".into() },
                    ]
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(&d.changes[2], Change::Added { resource } if resource.id == "i-3"));
        assert!(diff(&new, &new).is_empty());
    }

    #[test]
    fn an_empty_field_and_a_missing_one_are_the_same() {
        let a = i("i-1", "running").field("public_ip", "");
        let b = i("i-1", "running");
        assert!(diff(&[a], &[b]).is_empty());
    }

    #[test]
    fn an_iam_users_key_age_and_last_use_are_no_change_but_its_keys_are() {
        let u = |keys: &str, age: &str, used: &str| {
            Resource::new("111122223333", super::super::GLOBAL, ResourceType::IamUser, "alice")
                .field("access_keys", keys)
                .field("oldest_key_days", age)
                .field("key_last_used", used)
        };
        let old = u("AKIA1 Active 2026-01-01T00:00:00Z", "10", "2026-01-05T00:00:00Z");
        assert!(
            diff(std::slice::from_ref(&old), &[u("AKIA1 Active 2026-01-01T00:00:00Z", "11", "2026-01-06T00:00:00Z")])
                .is_empty()
        );
        let rotated = diff(&[old], &[u("AKIA2 Active 2026-01-11T00:00:00Z", "0", "")]);
        match &rotated.changes[..] {
            [Change::Changed { fields, .. }] => assert_eq!(fields.len(), 1, "{fields:?}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_same_id_in_two_accounts_is_two_resources() {
        let a = i("vpc-1", "available");
        let mut b = a.clone();
        b.account = "444455556666".into();
        assert_eq!(diff(std::slice::from_ref(&a), &[a.clone(), b]).summary(), "+1 −0 ~0");
    }
}
