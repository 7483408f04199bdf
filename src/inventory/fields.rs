//! A resource's fields (name → display string), packed into one allocation.
//!
//! An inventory of 50 accounts × 16 regions × 200 instances is 160k resources. As a
//! `BTreeMap<String, String>` each resource cost about 1.5 kB (a 544-byte B-tree node
//! plus two heap strings per field), 247 MB in all, measured; packed like this the whole
//! inventory is about 85 MB. The API is the map's, read-only plus [`Fields::insert`], and
//! it serialises as the same JSON object (names in sorted order), so snapshots are unchanged.

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Separates names and values in the buffer; never part of a name or a value (replaced by
/// U+FFFD on the way in, which no display string of an AWS resource contains anyway).
const SEP: char = '\0';

/// Fields in name order, no duplicate names, no empty values: `name\0value\0name\0value\0`.
/// Being canonical, two `Fields` are equal exactly when their maps are.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Fields {
    buf: Box<str>,
}

fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(SEP) { s.replace(SEP, "\u{FFFD}").into() } else { s.into() }
}

impl Fields {
    pub fn new() -> Fields {
        Fields::default()
    }

    /// Every (name, value), in name order.
    pub fn iter(&self) -> Iter<'_> {
        Iter { rest: &self.buf }
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &str> {
        self.iter().map(|(_, v)| v)
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn len(&self) -> usize {
        self.iter().count()
    }

    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// Set `name` to `value`; an empty value removes the field (absent and empty are the
    /// same). A NUL in either becomes U+FFFD.
    pub fn insert(&mut self, name: &str, value: &str) {
        let (name, value) = (clean(name), clean(value));
        let mut out = String::with_capacity(self.buf.len() + name.len() + value.len() + 2);
        let mut placed = value.is_empty();
        for (k, v) in self.iter() {
            if !placed && k >= name.as_ref() {
                push(&mut out, &name, &value);
                placed = true;
            }
            if k != name.as_ref() {
                push(&mut out, k, v);
            }
        }
        if !placed {
            push(&mut out, &name, &value);
        }
        self.buf = out.into_boxed_str();
    }

    pub fn remove(&mut self, name: &str) {
        self.insert(name, "");
    }
}

fn push(out: &mut String, k: &str, v: &str) {
    out.push_str(k);
    out.push(SEP);
    out.push_str(v);
    out.push(SEP);
}

/// The fields of a [`Fields`], in name order.
pub struct Iter<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<(&'a str, &'a str)> {
        let (k, rest) = self.rest.split_once(SEP)?;
        let (v, rest) = rest.split_once(SEP)?;
        self.rest = rest;
        Some((k, v))
    }
}

impl<'a> IntoIterator for &'a Fields {
    type Item = (&'a str, &'a str);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl<K: AsRef<str>, V: AsRef<str>> FromIterator<(K, V)> for Fields {
    /// Sorted and written straight into the one buffer: no string is allocated per field
    /// on the way (160k resources × 10 fields of short-lived strings fragment the heap).
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Fields {
        let mut pairs: Vec<(K, V)> = iter.into_iter().collect();
        // The last value given for a name wins, as with a map; then empty means absent.
        pairs.reverse();
        pairs.sort_by(|a, b| a.0.as_ref().cmp(b.0.as_ref()));
        pairs.dedup_by(|later, first| later.0.as_ref() == first.0.as_ref());
        pairs.retain(|(_, v)| !v.as_ref().is_empty());
        let mut out = String::with_capacity(pairs.iter().map(|(k, v)| k.as_ref().len() + v.as_ref().len() + 2).sum());
        for (k, v) in &pairs {
            push(&mut out, &clean(k.as_ref()), &clean(v.as_ref()));
        }
        Fields { buf: out.into_boxed_str() }
    }
}

impl std::fmt::Debug for Fields {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for Fields {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len()))?;
        for (k, v) in self {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Fields, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Fields;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map of field names to strings")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Fields, A::Error> {
                let mut pairs: Vec<(String, String)> = Vec::new();
                while let Some(kv) = m.next_entry::<String, String>()? {
                    pairs.push(kv);
                }
                Ok(pairs.into_iter().collect())
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_like_a_sorted_map_without_empty_values() {
        let mut f = Fields::new();
        f.insert("state", "running");
        f.insert("az", "ap-northeast-1a");
        f.insert("type", "t3.micro");
        f.insert("public_ip", "");
        assert_eq!(f.keys().collect::<Vec<_>>(), ["az", "state", "type"]);
        assert_eq!(f.get("state"), Some("running"));
        assert_eq!(f.get("public_ip"), None);
        f.insert("state", "stopped");
        f.remove("az");
        assert_eq!(f.iter().collect::<Vec<_>>(), [("state", "stopped"), ("type", "t3.micro")]);
        assert_eq!(f.len(), 2);
        let same: Fields =
            [("type", "t3.micro"), ("state", "running"), ("state", "stopped"), ("x", "")].into_iter().collect();
        assert_eq!(f, same, "the last value for a name wins; empty is absent");
    }

    #[test]
    fn serialises_as_the_json_object_a_btreemap_gave_and_reads_it_back() {
        let f: Fields =
            [("vpc", "vpc-1"), ("cidr", "10.0.0.0/16"), ("desc", "a \"quoted\", odd\0one")].into_iter().collect();
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(json, r#"{"cidr":"10.0.0.0/16","desc":"a \"quoted\", odd�one","vpc":"vpc-1"}"#);
        let back: Fields =
            serde_json::from_str(r#"{"vpc":"vpc-1","desc":"a \"quoted\", odd�one","cidr":"10.0.0.0/16","e":""}"#)
                .unwrap();
        assert_eq!(back, f);
        assert_eq!(format!("{f:?}"), r#"{"cidr": "10.0.0.0/16", "desc": "a \"quoted\", odd�one", "vpc": "vpc-1"}"#);
    }
}
