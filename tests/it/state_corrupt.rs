//! A state record that no longer parses (a disk error, a hand edit) fails the run with
//! exit 3 and names the record: its table and key, so the operator can remove or restore
//! it. The built binary against a SQLite state corrupted with rusqlite directly.

use crate::common;

use common::cli::*;

/// Replace the record of `table` at the row `filter` selects with text that is not JSON.
fn corrupt(b: &Bench, table: &str, filter: &str) {
    let c = rusqlite::Connection::open(b.path("state.db")).unwrap();
    let n = c.execute(&format!("UPDATE {table} SET record = '{{\"finding\": tru' WHERE {filter}"), []).unwrap();
    assert_eq!(n, 1, "{table} WHERE {filter}: one row corrupted");
}

#[test]
fn a_corrupt_finding_record_fails_the_run_naming_its_table_and_key() {
    let b = Bench::new();
    b.standard_config();
    b.push("s", &one("vif/dxvif-1", "warning", "BGP down")).assert().success();
    corrupt(&b, "findings", "source = 's' AND key = 'vif/dxvif-1'");
    let a = b.push("s", &one("vif/dxvif-1", "warning", "BGP down")).assert();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    let err = stderr(&a);
    assert!(err.contains("corrupt record in findings (source `s`, key `vif/dxvif-1`)"), "{err}");
    assert!(err.contains("hint: delete that record"), "{err}");
}

#[test]
fn a_corrupt_delivery_or_silence_record_is_named_too() {
    let b = Bench::new();
    b.standard_config();
    b.push("s", &one("k1", "warning", "disk full")).assert().success();
    corrupt(&b, "deliveries", "source = 's' AND key = 'k1' AND sink = 'slack'");
    let a = b.push("s", &one("k1", "warning", "disk full")).assert();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(stderr(&a).contains("corrupt record in deliveries (source `s`, key `k1`, sink `slack`)"), "{}", stderr(&a));

    let a = b
        .opskit()
        .args(["silence", "add", "--key", "k*", "--until", "2099-01-01T00:00:00Z", "--reason", "work"])
        .assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let id: String = rusqlite::Connection::open(b.path("state.db"))
        .unwrap()
        .query_row("SELECT id FROM silences", [], |r| r.get(0))
        .unwrap();
    corrupt(&b, "silences", &format!("id = '{id}'"));
    let a = b.opskit().args(["silence", "list"]).assert();
    assert_eq!(code(&a), 3, "{}", stderr(&a));
    assert!(stderr(&a).contains(&format!("corrupt record in silences (id `{id}`)")), "{}", stderr(&a));
}
