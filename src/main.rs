//! The `opskit` binary: parse, set up logging, run the command, print, and map the outcome
//! to DESIGN.md's exit codes. The only place that decides an exit code.

// The house lints (print_stdout, print_stderr) allow printing only here and in output.rs:
// `main` reports what it could not hand to the renderers.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use clap::{CommandFactory, FromArgMatches};
use opskit::cli::{Cli, LogFormat};
use opskit::commands::{self, Output};
use opskit::config::{self, Env};
use opskit::context::Context;
use opskit::error::AppError;
use opskit::output::{self, Style};
use opskit::redact::{RedactingWriter, redact};
use std::process::ExitCode;
use std::time::Instant;

fn init_logging(cli: &Cli) {
    use tracing_subscriber::EnvFilter;
    let level = match cli.global.verbose {
        0 => "warn",
        1 => "info",
        2 => "debug",
        _ => "trace",
    };
    // At -vvv the AWS SDK and HTTP stacks log too; below that only opskit speaks.
    let default = if cli.global.verbose >= 3 { level.to_string() } else { format!("warn,opskit={level}") };
    let filter = opskit::env_vars::get(opskit::env_vars::OPSKIT_LOG)
        .and_then(|f| EnvFilter::try_new(f).ok())
        .unwrap_or_else(|| EnvFilter::new(default))
        // async-imap traces each command it sends, the LOGIN with its password among them.
        .add_directive("async_imap=debug".parse().expect("a valid log directive"));
    let no_color = cli.global.no_color || opskit::env_vars::no_color();
    let ansi = !no_color && std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(|| RedactingWriter(std::io::stderr()))
        .with_target(cli.global.verbose >= 2);
    let _ = match cli.global.log_format {
        // JSON escapes control characters itself.
        LogFormat::Json => builder.json().try_init(),
        // Field values (customer text: VIF names, subjects, titles) are escaped before the
        // formatter adds its own colours, so a log line can never carry a raw ESC.
        LogFormat::Text => builder.fmt_fields(terminal_safe_fields()).with_ansi(ansi).try_init(),
    };
}

/// The text log format's fields (`message`, then `name=value`), each value passed
/// through [`output::terminal_safe`].
fn terminal_safe_fields() -> impl for<'w> tracing_subscriber::fmt::FormatFields<'w> + 'static {
    use tracing_subscriber::field::MakeExt;
    tracing_subscriber::fmt::format::debug_fn(|w, field, value| {
        let shown = format!("{value:?}");
        let shown = output::terminal_safe(&shown);
        if field.name() == "message" { write!(w, "{shown}") } else { write!(w, "{}={shown}", field.name()) }
    })
    .delimited(" ")
}

/// `findings-push`, `dx-vif-poll`: the subcommand path, for metrics and locks.
fn command_path(m: &clap::ArgMatches) -> String {
    let mut parts = Vec::new();
    let mut cur = m;
    while let Some((name, sub)) = cur.subcommand() {
        parts.push(name.to_string());
        cur = sub;
    }
    parts.join("-")
}

/// Print the outcome and decide the exit code (DESIGN.md): 3 for a failed or partial run
/// wins over 1 for findings at or above `--fail-on`. Returns the code and what was shown.
fn present(cli: &Cli, style: Style, result: &Result<Output, AppError>) -> (u8, String) {
    let (code, shown) = present_inner(cli, style, result);
    if cli.command.mta_pipe() { (opskit::error::mta_exit_code(code), shown) } else { (code, shown) }
}

fn present_inner(cli: &Cli, style: Style, result: &Result<Output, AppError>) -> (u8, String) {
    match result {
        Ok(Output::Report(report)) => {
            let text = output::print_report(report, cli.global.output, style, cli.global.quiet);
            (opskit::error::report_exit_code(report, cli.global.fail_on), text)
        }
        Ok(Output::Text { text, failed }) => {
            let text = redact(text);
            if !cli.global.quiet {
                output::emit(&text);
            }
            (if *failed { 3 } else { 0 }, text)
        }
        Ok(Output::Checked { text, passed }) => {
            let text = redact(text);
            if !cli.global.quiet {
                output::emit(&text);
            }
            (if *passed { 0 } else { 1 }, text)
        }
        Ok(Output::Stream { data, errors, skipped }) => {
            if !cli.global.quiet {
                output::emit_with(|w| data.render(w));
            } else if data.works_as_it_renders() {
                let _ = data.render(&mut std::io::sink());
            }
            let mut errors = errors.clone();
            errors.extend(data.target_errors());
            let errors = &errors;
            output::print_target_notes(skipped, errors);
            let mut shown = data.summary();
            for e in errors {
                shown.push_str(&format!("\nerror: {}: {}", e.target, e.message));
            }
            if let Some(e) = data.failure() {
                let msg = redact(&format!("error: {e}"));
                output::print_error(&msg);
                shown.push_str(&format!("\n{msg}"));
                return (e.exit_code(), shown);
            }
            (if errors.is_empty() { 0 } else { 3 }, redact(&shown))
        }
        Err(e) => {
            let msg = redact(&format!("error: {e}"));
            output::print_error(&msg);
            (e.exit_code(), msg)
        }
    }
}

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let name = command_path(&matches);
    init_logging(&cli);
    output::set_format(cli.global.output);
    output::set_log_json(matches!(cli.global.log_format, LogFormat::Json));
    let started = Instant::now();
    let style = Style::detect(cli.global.no_color);

    if let Some(result) = commands::run_standalone(&cli) {
        return ExitCode::from(present(&cli, style, &result).0);
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::from(3);
        }
    };
    let code = runtime.block_on(async {
        // The demo and the sandbox bring their own config and state.
        #[cfg(feature = "demo")]
        match &cli.command {
            opskit::cli::Command::Demo(a) => return present(&cli, style, &commands::demo::run(&cli, a).await).0,
            opskit::cli::Command::Sandbox(a) => return present(&cli, style, &commands::demo::serve(a).await).0,
            _ => {}
        }
        let env = Env::process();
        // `config check` lists every problem of the file, secrets that cannot be read among
        // them; a command stops at the file's problems and asks only for the secrets it uses.
        let load = if cli.command.checks_config() { config::load_all } else { config::load };
        let mut ctx = match load(cli.global.config.as_deref(), &env, commands::SECTIONS)
            .map_err(AppError::from)
            .and_then(|c| Context::new(cli.global.clone(), c, env))
        {
            Ok(c) => c,
            Err(e) => return present(&cli, style, &Err(e)).0,
        };
        ctx.keeps_nothing = cli.command.keeps_nothing();
        ctx.record_run = commands::records_run(&cli.command);
        // A loop (`dx-vif watch`) pings and writes metrics after each of its polls instead.
        let per_run = !cli.command.loops();
        // The run lock first: a second run of the same work exits 4 before any API call,
        // and before its heartbeat's start ping (the run holding the lock reports for both).
        if let Some(lock) = commands::run_lock(&cli.command) {
            match ctx.hold(&lock).await {
                Ok(held) => ctx.held = held,
                Err(e) => {
                    let result = Err(e);
                    let (code, shown) = present(&cli, ctx.style, &result);
                    ctx.after_run(&name, None, code, &shown, started.elapsed()).await;
                    return code;
                }
            }
        }
        if per_run {
            ctx.heartbeat_start().await;
        }
        let result = match commands::prepare(&cli, &mut ctx).await {
            Ok(()) => commands::run(&cli, &ctx, &name).await,
            Err(e) => Err(e),
        };
        if let Some(held) = ctx.held.take() {
            held.release().await;
        }
        let (code, shown) = present(&cli, ctx.style, &result);
        if per_run {
            let report = match &result {
                Ok(Output::Report(r)) => Some(r.as_ref()),
                _ => None,
            };
            ctx.after_run(&name, report, code, &shown, started.elapsed()).await;
        }
        code
    });
    ExitCode::from(code)
}
