//! Tables on a terminal (issue 18 item 1): the built binary under a pseudo-terminal
//! (util-linux `script`, its size set with `stty`) at 80 and 100 columns. What a person
//! would notice: a line longer than the terminal (it wraps), an identifier cut in two, long
//! free text not ending in `…`, colour where it belongs and none with NO_COLOR; and piped
//! output that still carries every full value.

use crate::common;

use common::cli::*;
use opskit_sandbox as sandbox;
use unicode_width::UnicodeWidthStr;

const ACME: &str = "111122223333";
const TOKYO: &str = "ap-northeast-1";
/// Longer than any terminal gives a NAME column.
const LONG_NAME: &str = "acme-tokyo-transit-1-to-the-osaka-backup-datacenter-over-equinix-os1";
const RED: &str = "\x1b[38;5;9m";
const GREEN: &str = "\x1b[38;5;10m";

/// Run `c` (its environment and arguments) on a pseudo-terminal of `cols` columns and
/// return its stdout, with colour codes kept and `\r` taken out. Its stderr goes to a file
/// (progress bars there would interleave with the table).
fn on_terminal(b: &Bench, c: &std::process::Command, cols: usize) -> (i32, String) {
    let quote = |s: &std::ffi::OsStr| format!("'{}'", s.to_string_lossy().replace('\'', "'\\''"));
    let mut line = format!("stty cols {cols} rows 200 && exec {}", quote(c.get_program()));
    for a in c.get_args() {
        line.push(' ');
        line.push_str(&quote(a));
    }
    line.push_str(&format!(" 2>{}", quote(b.path("stderr.txt").as_os_str())));
    let mut script = std::process::Command::new("script");
    script.env_clear().args(["-qec", &line, "/dev/null"]).current_dir(b.dir.path());
    for (k, v) in c.get_envs() {
        if let Some(v) = v {
            script.env(k, v);
        }
    }
    let out = script.output().expect("running util-linux `script` (a pseudo-terminal)");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).replace('\r', ""))
}

fn without_colour(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\x1b[") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 2..];
        let end = tail.find(|c: char| c.is_ascii_alphabetic()).map_or(tail.len(), |e| e + 1);
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// The lines of the tables (comfy-table's UTF-8 frame), colour codes taken out.
fn table_lines(out: &str) -> Vec<String> {
    without_colour(out).lines().filter(|l| l.starts_with(['┌', '│', '╞', '├', '└'])).map(String::from).collect()
}

/// The first table of the output (the board; the sinks' table follows it).
fn first_table(out: &str) -> String {
    let lines = table_lines(out);
    let end = lines.iter().position(|l| l.starts_with('└')).map_or(lines.len(), |e| e + 1);
    lines[..end].join("\n")
}

fn assert_fits(out: &str, cols: usize) {
    let lines = table_lines(out);
    assert!(!lines.is_empty(), "no table at {cols} columns:\n{out}");
    for l in &lines {
        assert!(l.width() <= cols, "a table line of {} columns on a {cols}-column terminal:\n{l}\n{out}", l.width());
    }
}

fn dx_bench() -> Bench {
    let b = Bench::new();
    b.aws_profiles(&[("acme-prod", ACME)]);
    b.write_config(&format!(
        "{}{}{}\n[[routes]]\nsources = [\"dx-vif\"]\nsinks = [\"slack\"]\n",
        b.defaults(),
        account_toml("acme-prod", ACME, &[TOKYO]),
        b.sandbox.sinks_toml(),
    ));
    b.sandbox
        .dx_put_vif(
            ACME,
            TOKYO,
            serde_json::json!({"virtualInterfaceId": sandbox::DX_DEMO_TRANSIT_VIF, "virtualInterfaceName": LONG_NAME}),
        )
        .unwrap();
    b.sandbox.dx_set_bgp(sandbox::DX_DEMO_TRANSIT_VIF, Some(sandbox::DX_DEMO_TRANSIT_PEER_IPV6), "down").unwrap();
    b
}

const IDS: [&str; 5] = [
    sandbox::DX_DEMO_TRANSIT_VIF,
    sandbox::DX_DEMO_PRIVATE_VIF,
    sandbox::DX_DEMO_PUBLIC_VIF,
    sandbox::DX_DEMO_CONNECTION_A,
    sandbox::DX_DEMO_CONNECTION_B,
];

#[test]
fn dx_vif_board_fits_80_and_100_columns_with_every_id_whole_and_health_coloured() {
    let b = dx_bench();
    for cols in [80, 100] {
        let mut c = b.opskit_aws_process();
        c.env_remove("NO_COLOR").args(["dx-vif", "poll", "--state", "none"]);
        let (code, out) = on_terminal(&b, &c, cols);
        assert_eq!(code, 0, "{out}\n{}", std::fs::read_to_string(b.path("stderr.txt")).unwrap_or_default());
        assert_fits(&out, cols);
        let table = first_table(&out);
        for id in IDS {
            assert!(table.contains(id), "{id} not whole in the board at {cols} columns:\n{table}");
        }
        // The account as the config names it, not its id.
        assert!(table.contains("acme-prod") && !table.contains(ACME), "{table}");
        // Critical is red, healthy rows green: a resolved row is never red.
        let red: Vec<&str> = out.lines().filter(|l| l.contains(RED)).collect();
        assert_eq!(red.len(), 1, "one red cell, the down VIF's:\n{out}");
        assert!(red[0].contains(sandbox::DX_DEMO_TRANSIT_VIF) && red[0].contains("critical"), "{}", red[0]);
        assert!(out.lines().filter(|l| l.contains(GREEN)).all(|l| !l.contains(RED)));
        assert_eq!(out.lines().filter(|l| l.contains(GREEN) && l.contains(" ok ")).count(), 4, "{out}");
        if cols == 100 {
            // The VIF's name is free text: cut with … to the room left, never wrapped.
            assert!(table.contains("NAME") && table.contains("acme-tokyo-t") && table.contains('…'), "{table}");
            assert!(!table.contains(LONG_NAME), "{table}");
        }
    }

    // NO_COLOR: the same board without a single escape sequence.
    let mut c = b.opskit_aws_process();
    c.args(["dx-vif", "poll", "--state", "none"]);
    let (_, out) = on_terminal(&b, &c, 100);
    assert!(!out.contains('\x1b') && out.contains(sandbox::DX_DEMO_TRANSIT_VIF), "{out:?}");

    // Piped: every column and every full value, as before.
    let a = b.opskit_aws().args(["dx-vif", "poll", "--state", "none"]).assert();
    let piped = stdout(&a);
    assert!(piped.contains(LONG_NAME) && !piped.contains('…'), "{piped}");
    for h in ["| ACCOUNT", "| REGION", "| NAME", "| TYPE", "| VLAN", "| LOCATION", "| DEVICE", "| HEALTH", "| CHANGE"] {
        assert!(piped.contains(h), "{h} missing when piped:\n{piped}");
    }
}

#[test]
fn wide_output_shows_every_column_on_a_terminal_and_inventory_fits_80_columns() {
    let b = dx_bench();
    let show = |wide: bool| {
        let mut c = b.opskit_aws_process();
        c.args(["inventory", "show", "--resource-types", "dx-vif,dx-connection", "--state", "none"]);
        if wide {
            c.args(["-o", "wide"]);
        }
        on_terminal(&b, &c, 80)
    };
    let (code, out) = show(false);
    assert_eq!(code, 0, "{out}\n{}", std::fs::read_to_string(b.path("stderr.txt")).unwrap_or_default());
    assert_fits(&out, 80);
    let table = table_lines(&out).join("\n");
    for id in IDS {
        assert!(table.contains(id), "{id} not whole at 80 columns:\n{table}");
    }
    assert!(table.contains("acme-prod") && table.contains('…'), "{table}");
    assert!(!table.contains("VLAN"), "the rightmost of a type's own columns goes first on a narrow terminal:\n{table}");

    // -o wide: all the columns, whatever the width, identifiers still whole.
    let (code, out) = show(true);
    assert_eq!(code, 0, "{out}");
    let table = table_lines(&out).join("\n");
    for h in ["ACCOUNT", "REGION", "ID", "NAME", "TYPE", "STATE", "CONNECTION", "VLAN", "BGP", "LOCATION", "BANDWIDTH"]
    {
        assert!(table.contains(h), "{h} missing with -o wide:\n{table}");
    }
    for id in IDS {
        assert!(table.contains(id), "{id} not whole with -o wide:\n{table}");
    }
}

#[test]
fn report_table_cuts_a_long_title_at_80_columns_and_pipes_it_whole() {
    let b = Bench::new();
    b.write_config(&b.defaults());
    let title = "Nightly backup of the database server db-1 failed: the snapshot of volume vol-0a1b2c3d timed out";
    let finding = |key: &str, severity: &str, title: &str| serde_json::json!({"key": key, "severity": severity, "title": title, "account": ACME, "region": TOKYO});
    let doc =
        serde_json::json!([finding("backup/db-1", "critical", title), finding("disk/web-1", "warning", "Disk at 91%")]);
    std::fs::write(b.path("f.json"), doc.to_string()).unwrap();
    let mut c = b.opskit_process();
    c.env_remove("NO_COLOR").args(["findings", "push", "--source", "nightly-checks", "--state", "none", "f.json"]);
    let (code, out) = on_terminal(&b, &c, 80);
    assert_eq!(code, 0, "{out}");
    assert_fits(&out, 80);
    let table = table_lines(&out).join("\n");
    assert!(table.contains("Nightly backup of") && table.contains('…') && !table.contains(title), "{table}");
    assert!(out.contains(RED) && out.contains("\x1b[38;5;11m"), "critical red, warning yellow:\n{out:?}");

    // COLUMNS wins over what the terminal says, as for `ls`.
    c.env("COLUMNS", "60");
    let (_, out) = on_terminal(&b, &c, 100);
    assert_fits(&out, 60);

    let a = b
        .push("nightly-checks", &std::fs::read_to_string(b.path("f.json")).unwrap())
        .args(["--state", "none"])
        .assert();
    assert!(stdout(&a).contains(title) && !stdout(&a).contains('\x1b'), "{}", stdout(&a));
}

#[test]
fn lines_under_a_board_are_cut_at_80_columns_and_piped_whole() {
    let b = dx_bench();
    let mut c = b.opskit_aws_process();
    c.args(["dx-vif", "poll", "--state", "none"]);
    let (code, out) = on_terminal(&b, &c, 80);
    assert_eq!(code, 0, "{out}\n{}", std::fs::read_to_string(b.path("stderr.txt")).unwrap_or_default());
    // Every line, not only the table's: one longer than the terminal wraps.
    for l in out.lines() {
        assert!(l.width() <= 80, "a line of {} columns on an 80-column terminal:\n{l}\n{out}", l.width());
    }
    let critical: Vec<&str> = out.lines().filter(|l| l.starts_with("critical: ")).collect();
    assert_eq!(critical.len(), 1, "{out}");
    assert!(critical[0].ends_with('…') && critical[0].width() == 80, "{}", critical[0]);

    // Piped: the whole title.
    let a = b.opskit_aws().args(["dx-vif", "poll", "--state", "none"]).assert();
    let piped = stdout(&a);
    let line = piped.lines().find(|l| l.starts_with("critical: ")).unwrap_or_else(|| panic!("{piped}"));
    assert!(line.contains(LONG_NAME) && !line.contains('…') && line.width() > 80, "{line}");
}
