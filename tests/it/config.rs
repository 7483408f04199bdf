//! `opskit config check` and the config file: every error names the file, line and key
//! with a hint; secrets are masked; sink URLs that cannot work are refused; `--probe`
//! reports each account.

use crate::common;
use crate::spine_e2e::outputs;

use common::cli::*;
use common::moto::MotoServer;

#[test]
fn config_check_refuses_a_sink_url_without_a_scheme_or_over_plain_http_to_a_public_host() {
    let b = Bench::new();
    for (sink, says) in [
        ("[sinks.chat]\ntype = \"slack\"\nwebhook_url_env = \"HOOK\"\n", "plain http:// to `hooks.slack.com`"),
        ("[sinks.chat]\ntype = \"webhook\"\nurl_env = \"HOOK\"\n", "plain http:// to `hooks.slack.com`"),
    ] {
        b.write_config(&format!("{}{sink}", b.defaults()));
        let a = b
            .opskit()
            .args(["config", "check"])
            .env("HOOK", "http://hooks.slack.com/services/T0/B0/tokenvalue42")
            .assert();
        assert_eq!(code(&a), 2, "{}", outputs(&a));
        let err = stderr(&a);
        assert!(err.contains(says) && err.contains("sinks.chat.") && err.contains("hint: "), "{err}");
        assert!(!outputs(&a).contains("tokenvalue42"), "the URL is a secret: {}", outputs(&a));
        let a =
            b.opskit().args(["config", "check"]).env("HOOK", "hooks.slack.com/services/T0/B0/tokenvalue42").assert();
        assert_eq!(code(&a), 2, "{}", outputs(&a));
        assert!(stderr(&a).contains("is not a URL with a scheme and a host"), "{}", stderr(&a));
        // Loopback http stays allowed: the sandbox and local relays use it.
        let a = b.opskit().args(["config", "check"]).env("HOOK", b.sandbox.url("/webhook/x")).assert();
        assert_eq!(code(&a), 0, "{}", outputs(&a));
    }
}

fn config_error(b: &Bench, text: &str) -> (i32, String) {
    b.write_config(text);
    let a = b.opskit().args(["config", "check"]).assert();
    (code(&a), stderr(&a))
}

#[test]
fn an_unknown_key_exits_2_with_file_line_and_key() {
    let b = Bench::new();
    let (c, err) = config_error(&b, "[defaults]\ntimezone = \"UTC\"\ncolour = \"blue\"\n");
    assert_eq!(c, 2);
    assert!(err.contains("opskit.toml:3: key `defaults.colour`"), "{err}");
}

#[test]
fn a_wrong_type_exits_2_with_file_line_and_key() {
    let b = Bench::new();
    let (c, err) = config_error(&b, "[defaults]\n\nconcurrency = \"lots\"\n");
    assert_eq!(c, 2);
    assert!(err.contains("opskit.toml:3: key `defaults.concurrency`"), "{err}");
}

#[test]
fn a_missing_secret_env_exits_2_naming_the_variable() {
    let b = Bench::new();
    let (c, err) = config_error(&b, "[sinks.ops]\ntype = \"slack\"\nwebhook_url_env = \"SLACK_OPS_URL\"\n");
    assert_eq!(c, 2);
    assert!(err.contains("opskit.toml:3: key `sinks.ops.webhook_url_env`"), "{err}");
    assert!(err.contains("SLACK_OPS_URL") && err.contains("hint:"), "{err}");
}

#[test]
fn an_unreadable_config_or_secret_file_exits_2_naming_it() {
    let b = Bench::new();
    // Root reads any mode, so an unreadable file is made of a directory.
    std::fs::create_dir(b.path("dir.toml")).unwrap();
    let a = b.opskit().args(["config", "check", "--config"]).arg(b.path("dir.toml")).assert();
    assert_eq!(code(&a), 2);
    assert!(stderr(&a).contains("dir.toml") && stderr(&a).contains("cannot read"), "{}", stderr(&a));
    let (c, err) = config_error(&b, "[sinks.pd]\ntype = \"pagerduty\"\nrouting_key_file = \"/nonexistent/pd.key\"\n");
    assert_eq!(c, 2);
    assert!(err.contains(":3: key `sinks.pd.routing_key_file`") && err.contains("/nonexistent/pd.key"), "{err}");
}

#[test]
fn a_literal_secret_in_a_readable_file_is_refused_with_a_hint() {
    let b = Bench::new();
    let p = b.path("opskit.toml");
    std::fs::write(
        &p,
        "[sinks.ops]\ntype = \"slack\"\nwebhook_url = \"https://hooks.slack.com/services/T/B/xyzzyliteral\"\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let a = b.opskit().args(["config", "check"]).assert();
    assert_eq!(code(&a), 2);
    let err = stderr(&a);
    assert!(err.contains("opskit.toml:3: key `sinks.ops.webhook_url`") && err.contains("mode 644"), "{err}");
    assert!(err.contains("hint: use `webhook_url_env"), "{err}");
    assert!(!err.contains("xyzzyliteral"), "the refused secret is not echoed: {err}");
    // The same file, private, is accepted.
    write_private(&p, &std::fs::read_to_string(&p).unwrap());
    b.opskit().args(["config", "check"]).assert().success();
}

/// An AWS config file with the profiles the example config names.
fn example_aws_profiles(b: &Bench) -> std::path::PathBuf {
    let p = b.path("aws-config");
    std::fs::write(&p, "[profile globex-stg]\nregion = us-east-1\n[profile initech-management]\nregion = us-east-1\n")
        .unwrap();
    p
}

#[test]
fn config_example_passes_config_check_and_secrets_print_masked() {
    let b = Bench::new();
    let a = b.opskit().args(["config", "example"]).assert().success();
    write_private(&b.path("opskit.toml"), &stdout(&a));
    let a = b
        .opskit()
        .args(["config", "check", "-o", "json"])
        .env("SLACK_WEBHOOK_OPS", "https://hooks.slack.com/services/T0/B0/examplesecret")
        .env("PAGERDUTY_ROUTING_KEY", "R0example0routing0key0000000000")
        .env("PAGERDUTY_API_TOKEN", "example-pagerduty-rest-key")
        .env("OPS_CALENDAR_URL", "https://calendar.google.com/calendar/ical/x/private-examplecal/basic.ics")
        .env("BACKLOG_API_KEY", "example-backlog-api-key")
        .env("WEBHOOK_URL", "https://itsm.example.com/hook/exampletoken")
        .env("WEBHOOK_SECRET", "example-hmac-secret")
        .env("ACME_EXTERNAL_ID", "acme-external-id-123")
        .env("INITECH_EXTERNAL_ID", "initech-external-id-456")
        .env("IMAP_PASSWORD", "example-imap-password")
        .env("AWS_CONFIG_FILE", example_aws_profiles(&b))
        .assert();
    assert_eq!(code(&a), 0, "{}", stderr(&a));
    let out = stdout(&a);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["config"]["sinks"]["slack-ops"]["webhook_url"], "****");
    assert_eq!(v["config"]["backlog"]["api_key"], "****");
    for secret in [
        "examplesecret",
        "R0example0routing",
        "example-pagerduty-rest-key",
        "private-examplecal",
        "example-backlog-api-key",
        "exampletoken",
        "example-hmac-secret",
        "acme-external-id",
        "initech-external-id",
        "example-imap-password",
    ] {
        assert!(!out.contains(secret), "{secret} leaked: {out}");
    }
}

#[test]
fn config_check_probe_reports_each_account_and_exits_3_when_one_fails() {
    let b = Bench::new();
    let moto = MotoServer::start();
    b.write_config(
        "[[accounts]]\nname = \"good\"\nid = \"123456789012\"\nregions = [\"us-east-1\"]\n\n\
         [[accounts]]\nname = \"broken\"\nprofile = \"broken-creds\"\nregions = [\"us-east-1\"]\n",
    );
    // The profile exists (a missing one is a local problem, exit 2, before any probe), but
    // its credentials cannot be had.
    std::fs::write(b.path("aws-config"), "[profile broken-creds]\ncredential_process = /bin/false\n").unwrap();
    let a = b
        .opskit()
        .args(["config", "check", "--probe"])
        .env("AWS_CONFIG_FILE", b.path("aws-config"))
        .env("AWS_ENDPOINT_URL", moto.endpoint())
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .assert();
    assert_eq!(code(&a), 3, "a failed probe fails the run: {}", stderr(&a));
    let out = stdout(&a);
    let good = out.lines().rfind(|l| l.contains("| good")).unwrap_or_default();
    assert!(good.contains("ok") && good.contains("arn:aws:sts::123456789012"), "{out}");
    let broken = out.lines().rfind(|l| l.contains("| broken")).unwrap_or_default();
    assert!(broken.contains("FAILED") && broken.contains("broken-creds"), "{out}");
}

#[test]
fn config_check_without_a_config_file_exits_2_listing_the_paths_searched() {
    let b = Bench::new();
    let a = b.opskit().args(["config", "check"]).assert();
    assert_eq!(code(&a), 2, "{}", outputs(&a));
    let err = stderr(&a);
    let xdg = b.path("xdg-config").join("opskit").join("config.toml");
    for searched in ["opskit.toml", &xdg.display().to_string(), "/etc/opskit/config.toml"] {
        assert!(err.contains(searched), "{searched} not named: {err}");
    }
    assert!(err.contains("hint: ") && err.contains("config example"), "{err}");
    assert!(!stdout(&a).contains("ok"), "nothing is reported as ok: {}", stdout(&a));
}

#[test]
fn config_check_of_the_example_names_every_unset_variable_in_one_run_without_calling_aws() {
    let b = Bench::new();
    let a = b.opskit().args(["config", "example"]).assert().success();
    write_private(&b.path("opskit.toml"), &stdout(&a));
    let a = b
        .opskit()
        .args(["config", "check"])
        .env("AWS_CONFIG_FILE", example_aws_profiles(&b))
        .env("AWS_ENDPOINT_URL", b.sandbox.url(""))
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .assert();
    assert_eq!(code(&a), 2, "{}", outputs(&a));
    let err = stderr(&a);
    assert!(err.contains("10 problems:"), "{err}");
    for var in [
        "SLACK_WEBHOOK_OPS",
        "PAGERDUTY_ROUTING_KEY",
        "PAGERDUTY_API_TOKEN",
        "OPS_CALENDAR_URL",
        "BACKLOG_API_KEY",
        "WEBHOOK_URL",
        "WEBHOOK_SECRET",
        "ACME_EXTERNAL_ID",
        "INITECH_EXTERNAL_ID",
        "IMAP_PASSWORD",
    ] {
        assert!(err.contains(&format!("environment variable `{var}` is not set")), "{var} not named: {err}");
    }
    assert!(err.contains("10. opskit.toml:"), "numbered, each with its line: {err}");
    assert!(b.sandbox.requests().is_empty(), "config check called AWS: {:?}", b.sandbox.requests());
}

#[test]
fn config_check_lists_every_bad_key_of_the_file_in_one_run() {
    let b = Bench::new();
    let (c, err) = config_error(
        &b,
        "[defaults]\ntimezon = \"UTC\"\n\n[[accounts]]\nname = \"a\"\nprofil = \"x\"\n\n[[accounts]]\nname = \"b\"\n\
         regions = [\"us-east-1\"]\nid = \"12\"\n\n[sinks.chat]\ntype = \"slack\"\nwebhok_url_env = \"X\"\n",
    );
    assert_eq!(c, 2, "{err}");
    assert!(err.contains("4 problems:"), "{err}");
    for (n, at) in [
        (1, "opskit.toml:2: key `defaults.timezon`"),
        (2, "opskit.toml:6: key `accounts[0].profil`"),
        (3, "opskit.toml:11: key `accounts[1].id`"),
        (4, "opskit.toml:15: key `sinks.chat.webhok_url_env`"),
    ] {
        assert!(err.contains(&format!("{n}. {at}")), "{at}: {err}");
    }
}

#[test]
fn config_check_names_a_missing_profile_and_an_unknown_region_with_what_was_meant() {
    let b = Bench::new();
    b.aws_profiles(&[("customer-a", "111122223333")]);
    b.write_config(
        "[[accounts]]\nname = \"a\"\nprofile = \"custmer-a\"\nregions = [\"ap-northeast-11\"]\n\n\
         [[accounts]]\nname = \"b\"\nprofile = \"customer-a\"\nregions = [\"eu-west-1\"]\n",
    );
    let a = b.opskit_aws().args(["config", "check"]).assert();
    assert_eq!(code(&a), 2, "{}", outputs(&a));
    let err = stderr(&a);
    assert!(
        err.contains("opskit.toml:3: key `accounts[0].profile`: profile `custmer-a` is not in the AWS config"),
        "{err}"
    );
    assert!(err.contains("did you mean `customer-a`?"), "{err}");
    assert!(err.contains("opskit.toml:4: key `accounts[0].regions`: `ap-northeast-11` is not an AWS region"), "{err}");
    assert!(err.contains("did you mean `ap-northeast-1`?"), "{err}");
    assert!(!err.contains("accounts[1]"), "the good account is not a problem: {err}");
    assert!(b.sandbox.requests().is_empty(), "config check called AWS: {:?}", b.sandbox.requests());
}

#[test]
fn an_unset_secret_stops_only_the_command_that_uses_its_account_or_sink() {
    let b = Bench::new();
    b.aws_profiles(&[("acme", "111122223333")]);
    b.write_config(&format!(
        "{}\n[[accounts]]\nname = \"acme\"\nid = \"111122223333\"\nprofile = \"acme\"\n\
         role_arn = \"arn:aws:iam::111122223333:role/OpsKit\"\nexternal_id_env = \"ACME_EXTERNAL_ID\"\n\
         regions = [\"ap-northeast-1\"]\n\n[sinks.chat]\ntype = \"slack\"\nwebhook_url_env = \"SLACK_URL_UNSET\"\n",
        b.defaults()
    ));
    let a = b.opskit_aws().args(["silence", "list"]).assert();
    assert_eq!(code(&a), 0, "silence list uses no account and no sink: {}", outputs(&a));
    let mail = format!("{}/tests/fixtures/mail/legacy_dx_maintenance.eml", env!("CARGO_MANIFEST_DIR"));
    let a = b.opskit_aws().args(["mail", "parse", &mail]).assert();
    assert_eq!(code(&a), 0, "mail parse sends nothing: {}", outputs(&a));
    // Per region (dx-vif) and global (Trusted Advisor) targets alike.
    for cmd in [&["dx-vif", "poll", "--dry-run"][..], &["ta", "checks"]] {
        let a = b.opskit_aws().args(cmd).assert();
        assert_eq!(code(&a), 2, "{cmd:?}: {}", outputs(&a));
        let err = stderr(&a);
        assert!(err.contains("key `accounts[0].external_id_env`") && err.contains("`ACME_EXTERNAL_ID`"), "{err}");
    }
    // The sink, asked for by name, fails as a config error naming its key.
    let a = b.opskit_aws().args(["notify", "test", "--sink", "chat"]).assert();
    assert_eq!(code(&a), 2, "{}", outputs(&a));
    assert!(stderr(&a).contains("key `sinks.chat.webhook_url_env`") && stderr(&a).contains("SLACK_URL_UNSET"));
    assert!(b.sandbox.requests().is_empty(), "no role assumed without its external id: {:?}", b.sandbox.requests());
}
