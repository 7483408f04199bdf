//! `--shard K/N`: split the targets of a run between N hosts (or the N completions of an
//! indexed Kubernetes Job) so that each target is worked on by exactly one of them.
//!
//! The unit is the account: every command, per region (dx-vif, inventory) or per account
//! (trusted-advisor, support), gives a shard the same accounts, so one host owns a
//! customer's findings, pages and cases. An account's shard is a pure function of its id
//! (its name when the config has no id):
//! SHA-256 of the name, its first 8 bytes as the key of Lamping and Veach's *jump
//! consistent hash*. The same target lands in the same shard on every host, every run and
//! every opskit version; and when N grows (4 → 5 hosts) only about 1/N of the targets move
//! to another shard instead of nearly all of them, as `hash % N` would move.
//!
//! Shards are numbered from 0 (`0/4` … `3/4`), like Kubernetes' `JOB_COMPLETION_INDEX`.

use sha2::{Digest, Sha256};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This run's shard, `0..count`.
    pub index: u32,
    pub count: u32,
}

impl Shard {
    /// Whether the target named `key` belongs to this shard.
    pub fn owns(&self, key: &str) -> bool {
        shard_of(key, self.count) == self.index
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || format!("`{s}` is not a shard: write K/N, e.g. 0/4 (shards are numbered 0 to N-1)");
        let (k, n) = s.trim().split_once('/').ok_or_else(bad)?;
        let index: u32 = k.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if count == 0 {
            return Err(format!("`{s}`: the number of shards must be at least 1"));
        }
        if index >= count {
            return Err(format!(
                "`{s}`: shards are numbered 0 to {} (like Kubernetes' JOB_COMPLETION_INDEX), so {index} is out of range",
                count - 1
            ));
        }
        Ok(Shard { index, count })
    }
}

/// The shard, of `count`, that the target named `key` belongs to.
pub fn shard_of(key: &str, count: u32) -> u32 {
    let digest = Sha256::digest(key.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    jump_consistent_hash(u64::from_be_bytes(first), count)
}

/// Lamping & Veach, "A Fast, Minimal Memory, Consistent Hash Algorithm" (2014), as published.
fn jump_consistent_hash(mut key: u64, buckets: u32) -> u32 {
    let (mut b, mut j): (i64, i64) = (-1, 0);
    while j < i64::from(buckets) {
        b = j;
        key = key.wrapping_mul(2_862_933_555_777_941_757).wrapping_add(1);
        j = ((b + 1) as f64 * ((1u64 << 31) as f64 / ((key >> 33) + 1) as f64)) as i64;
    }
    b as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("{:012}", 100_000_000_000u64 + i as u64)).collect()
    }

    #[test]
    fn jump_hash_matches_the_published_algorithm() {
        // ClickHouse's jumpConsistentHash test vectors (same algorithm, same constants).
        let cases = [(1, 1, 0), (42, 57, 43), (256, 1024, 520), (3_735_883_980, 1, 0), (3_735_883_980, 666, 361)];
        for (key, buckets, want) in cases {
            assert_eq!(jump_consistent_hash(key, buckets), want, "jump({key}, {buckets})");
        }
        assert_eq!(jump_consistent_hash(16_045_690_984_833_335_023, 255), 237);
    }

    #[test]
    fn parses_k_of_n_from_zero_and_explains_mistakes() {
        assert_eq!("2/4".parse::<Shard>().unwrap(), Shard { index: 2, count: 4 });
        assert_eq!(" 0 / 1 ".parse::<Shard>().unwrap(), Shard { index: 0, count: 1 });
        assert!("4/4".parse::<Shard>().unwrap_err().contains("numbered 0 to 3"));
        assert!("1/0".parse::<Shard>().unwrap_err().contains("at least 1"));
        assert!("1-4".parse::<Shard>().unwrap_err().contains("K/N"));
        assert!("a/4".parse::<Shard>().is_err());
        assert_eq!(Shard { index: 1, count: 3 }.to_string(), "1/3");
    }

    #[test]
    fn every_target_is_in_exactly_one_shard_and_shards_are_even() {
        let keys = keys(4000);
        let mut sizes = [0usize; 4];
        for k in &keys {
            let owners: Vec<u32> = (0..4).filter(|&i| Shard { index: i, count: 4 }.owns(k)).collect();
            assert_eq!(owners.len(), 1, "{k} is owned by {owners:?}");
            sizes[owners[0] as usize] += 1;
        }
        for s in sizes {
            assert!((850..=1150).contains(&s), "uneven shards: {sizes:?}");
        }
    }

    #[test]
    fn the_assignment_is_stable_and_growing_n_moves_few_targets() {
        // Pinned: a change of hash would reshuffle every deployment's shards on upgrade.
        assert_eq!(shard_of("111122223333", 4), 3);
        assert_eq!(shard_of("444455556666", 4), 0);
        let keys = keys(5000);
        let moved = keys.iter().filter(|k| shard_of(k, 4) != shard_of(k, 5)).count();
        // Ideal is 1/5 (1000); `% N` would move ~4/5.
        assert!((800..=1200).contains(&moved), "{moved} of 5000 moved from 4 to 5 shards");
        assert!(keys.iter().all(|k| shard_of(k, 1) == 0));
    }
}
