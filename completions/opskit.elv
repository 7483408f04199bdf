
use builtin;
use str;

set edit:completion:arg-completer[opskit] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'opskit'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'opskit'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand inventory 'Resource inventory across accounts and regions, published to Backlog Wiki'
            cand trusted-advisor 'Trusted Advisor recommendations at or above a status, new since the last run'
            cand ta 'Trusted Advisor recommendations at or above a status, new since the last run'
            cand dx-vif 'Direct Connect virtual interface and BGP state, escalated when down'
            cand support 'AWS Support cases: new replies, status changes, awaiting-us reminders'
            cand maintenance-mail 'AWS maintenance and warning mails: classify, extract, notify'
            cand mail 'AWS maintenance and warning mails: classify, extract, notify'
            cand wiki 'Backlog Wiki backups to GCS, S3 or a directory, in generations'
            cand silence 'Mute matching findings until a time, with a reason (planned work)'
            cand findings 'Run your own script''s findings through opskit''s diff, routes and sinks'
            cand notify 'Send a test message to a sink'
            cand config 'Validate the configuration and show what it resolves to'
            cand completions 'Print shell completions'
            cand man 'Print the man page (or write all pages to a directory)'
            cand demo 'A tour of opskit against an embedded sandbox: no account, no network needed'
            cand sandbox 'Serve the embedded sandbox until interrupted (for trying configs by hand)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;inventory'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Collect resources across accounts and regions and print them'
            cand diff 'Compare with the last published snapshot: added, removed, changed'
            cand publish 'Render per-account pages and update Backlog Wiki only where content changed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;inventory;show'= {
            cand --resource-types 'Resource types to collect (e.g. ec2,ebs,vpc); default all'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --all-regions 'Discover enabled regions with DescribeRegions'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;inventory;diff'= {
            cand --resource-types 'Resource types to collect (e.g. ec2,ebs,vpc); default all'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --all-regions 'Discover enabled regions with DescribeRegions'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;inventory;publish'= {
            cand --resource-types 'Resource types to collect (e.g. ec2,ebs,vpc); default all'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --all-regions 'Discover enabled regions with DescribeRegions'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;inventory;help'= {
            cand show 'Collect resources across accounts and regions and print them'
            cand diff 'Compare with the last published snapshot: added, removed, changed'
            cand publish 'Render per-account pages and update Backlog Wiki only where content changed'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;inventory;help;show'= {
        }
        &'opskit;inventory;help;diff'= {
        }
        &'opskit;inventory;help;publish'= {
        }
        &'opskit;inventory;help;help'= {
        }
        &'opskit;trusted-advisor'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Recommendations at or above a status in every selected account: notify new, changed and resolved ones'
            cand checks 'List the checks Trusted Advisor offers (ids, names, pillars), for filters in the config'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;ta'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Recommendations at or above a status in every selected account: notify new, changed and resolved ones'
            cand checks 'List the checks Trusted Advisor offers (ids, names, pillars), for filters in the config'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;trusted-advisor;check'= {
            cand --min-status 'Lowest status reported [default: commands.trusted-advisor.min_status, else error]'
            cand --api 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]'
            cand --pillar 'Only these pillars (security, fault_tolerance, cost_optimizing, performance, service_limits, operational_excellence)'
            cand --check 'Only these checks: ids or names, globs allowed'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --new-only 'With --fail-on: fail only on recommendations not seen on the last run'
            cand --include-excluded 'Also list resources excluded (suppressed) in Trusted Advisor'
            cand --strict 'An account without a qualifying support plan fails the run (exit 3) instead of being noted'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;ta;check'= {
            cand --min-status 'Lowest status reported [default: commands.trusted-advisor.min_status, else error]'
            cand --api 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]'
            cand --pillar 'Only these pillars (security, fault_tolerance, cost_optimizing, performance, service_limits, operational_excellence)'
            cand --check 'Only these checks: ids or names, globs allowed'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --new-only 'With --fail-on: fail only on recommendations not seen on the last run'
            cand --include-excluded 'Also list resources excluded (suppressed) in Trusted Advisor'
            cand --strict 'An account without a qualifying support plan fails the run (exit 3) instead of being noted'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;trusted-advisor;checks'= {
            cand --api 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;ta;checks'= {
            cand --api 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;trusted-advisor;help'= {
            cand check 'Recommendations at or above a status in every selected account: notify new, changed and resolved ones'
            cand checks 'List the checks Trusted Advisor offers (ids, names, pillars), for filters in the config'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;trusted-advisor;help;check'= {
        }
        &'opskit;trusted-advisor;help;checks'= {
        }
        &'opskit;trusted-advisor;help;help'= {
        }
        &'opskit;ta;help'= {
            cand check 'Recommendations at or above a status in every selected account: notify new, changed and resolved ones'
            cand checks 'List the checks Trusted Advisor offers (ids, names, pillars), for filters in the config'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;ta;help;check'= {
        }
        &'opskit;ta;help;checks'= {
        }
        &'opskit;ta;help;help'= {
        }
        &'opskit;dx-vif'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand poll 'One poll of Direct Connect VIFs, BGP sessions and connections; --output table is a status board'
            cand watch 'Poll in a loop (for a long-running service); stops cleanly on SIGTERM'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;dx-vif;poll'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;dx-vif;watch'= {
            cand --interval 'Time between the starts of polls [default: commands.dx-vif.interval, else 60s]'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;dx-vif;help'= {
            cand poll 'One poll of Direct Connect VIFs, BGP sessions and connections; --output table is a status board'
            cand watch 'Poll in a loop (for a long-running service); stops cleanly on SIGTERM'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;dx-vif;help;poll'= {
        }
        &'opskit;dx-vif;help;watch'= {
        }
        &'opskit;dx-vif;help;help'= {
        }
        &'opskit;support'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand watch 'Notify new AWS replies, status changes and awaiting-us reminders on support cases'
            cand cases 'List open support cases across accounts (no notifications, nothing saved)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;support;watch'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --strict 'An account without a qualifying support plan fails the run (exit 3) instead of being noted'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;support;cases'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --strict 'An account without a qualifying support plan fails the run (exit 3) instead of being noted'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;support;help'= {
            cand watch 'Notify new AWS replies, status changes and awaiting-us reminders on support cases'
            cand cases 'List open support cases across accounts (no notifications, nothing saved)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;support;help;watch'= {
        }
        &'opskit;support;help;cases'= {
        }
        &'opskit;support;help;help'= {
        }
        &'opskit;maintenance-mail'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ingest 'Read mails (stdin, .eml, Maildir, mbox, IMAP), classify, extract and notify'
            cand parse 'Print what was understood of mails, without notifying'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;mail'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ingest 'Read mails (stdin, .eml, Maildir, mbox, IMAP), classify, extract and notify'
            cand parse 'Print what was understood of mails, without notifying'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;maintenance-mail;ingest'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;mail;ingest'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;maintenance-mail;parse'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;mail;parse'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;maintenance-mail;help'= {
            cand ingest 'Read mails (stdin, .eml, Maildir, mbox, IMAP), classify, extract and notify'
            cand parse 'Print what was understood of mails, without notifying'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;maintenance-mail;help;ingest'= {
        }
        &'opskit;maintenance-mail;help;parse'= {
        }
        &'opskit;maintenance-mail;help;help'= {
        }
        &'opskit;mail;help'= {
            cand ingest 'Read mails (stdin, .eml, Maildir, mbox, IMAP), classify, extract and notify'
            cand parse 'Print what was understood of mails, without notifying'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;mail;help;ingest'= {
        }
        &'opskit;mail;help;parse'= {
        }
        &'opskit;mail;help;help'= {
        }
        &'opskit;wiki'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand backup 'Back up Backlog Wiki pages and attachments as a new generation'
            cand list 'List backup generations'
            cand verify 'Re-read every object of a generation and check sizes and SHA-256'
            cand restore 'Restore a generation to a directory or a Backlog project'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;wiki;backup'= {
            cand --project 'Backlog project keys'
            cand --to 'Destination: gs://bucket/prefix, s3://bucket/prefix or file:///dir'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;wiki;list'= {
            cand --from 'Backup location: gs://, s3:// or file://'
            cand --generation 'Generation (timestamp); default the newest complete one'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;wiki;verify'= {
            cand --from 'Backup location: gs://, s3:// or file://'
            cand --generation 'Generation (timestamp); default the newest complete one'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;wiki;restore'= {
            cand --from 'Backup location: gs://, s3:// or file://'
            cand --generation 'Generation (timestamp); default the newest complete one'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;wiki;help'= {
            cand backup 'Back up Backlog Wiki pages and attachments as a new generation'
            cand list 'List backup generations'
            cand verify 'Re-read every object of a generation and check sizes and SHA-256'
            cand restore 'Restore a generation to a directory or a Backlog project'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;wiki;help;backup'= {
        }
        &'opskit;wiki;help;list'= {
        }
        &'opskit;wiki;help;verify'= {
        }
        &'opskit;wiki;help;restore'= {
        }
        &'opskit;wiki;help;help'= {
        }
        &'opskit;silence'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Mute findings that match until a time'
            cand list 'List silences (active and future; --all for expired too)'
            cand remove 'Remove a silence by id'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;silence;add'= {
            cand --source 'Source (command) to match, e.g. dx-vif'
            cand --key 'Glob over the finding key, e.g. ''dx-vif/111122223333/*'''
            cand --match-account 'Account name or id'
            cand --resource 'A resource id the finding names (glob allowed), e.g. dxvif-fg5678'
            cand --until 'Until when: RFC 3339 time, or a duration from now (2h, 30m)'
            cand --from 'From when (default now): RFC 3339 time or a duration from now'
            cand --reason 'Why (shown in lists and reports)'
            cand --by 'Who set it (default $USER)'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;silence;list'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --all 'Include expired silences'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;silence;remove'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;silence;help'= {
            cand add 'Mute findings that match until a time'
            cand list 'List silences (active and future; --all for expired too)'
            cand remove 'Remove a silence by id'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;silence;help;add'= {
        }
        &'opskit;silence;help;list'= {
        }
        &'opskit;silence;help;remove'= {
        }
        &'opskit;silence;help;help'= {
        }
        &'opskit;findings'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand push 'Take the complete current findings of your script as JSON; absent ones resolve'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;findings;push'= {
            cand --source 'Source name your findings are filed under (letters, digits, -, _)'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;findings;help'= {
            cand push 'Take the complete current findings of your script as JSON; absent ones resolve'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;findings;help;push'= {
        }
        &'opskit;findings;help;help'= {
        }
        &'opskit;notify'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand test 'Send a test message to one sink'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;notify;test'= {
            cand --sink 'Sink name from the config'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;notify;help'= {
            cand test 'Send a test message to one sink'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;notify;help;test'= {
        }
        &'opskit;notify;help;help'= {
        }
        &'opskit;config'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Validate the config and print what it resolved to (secrets masked)'
            cand example 'Print a commented example config'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;config;check'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --probe 'Also check each account''s credentials (STS GetCallerIdentity)'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;config;example'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;config;help'= {
            cand check 'Validate the config and print what it resolved to (secrets masked)'
            cand example 'Print a commented example config'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;config;help;check'= {
        }
        &'opskit;config;help;example'= {
        }
        &'opskit;config;help;help'= {
        }
        &'opskit;completions'= {
            cand --out-dir 'Write every shell''s file into this directory instead of printing one'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;man'= {
            cand --out-dir 'Write opskit.1 and one page per subcommand into this directory'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;demo'= {
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --keep 'Keep the sandbox running at the end until interrupted, to poke at it'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;sandbox'= {
            cand --port 'Port to listen on (default: any free port)'
            cand --config 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)'
            cand --account 'Only these accounts (name or id); repeat or separate with commas'
            cand --region 'Only these regions; repeat or separate with commas'
            cand -o 'Report format on stdout'
            cand --output 'Report format on stdout'
            cand --state 'State store: a SQLite path or sqlite:PATH, or `none` for a stateless run'
            cand --fail-on 'Exit 1 when an open finding is at or above this severity'
            cand --log-format 'Log format on stderr'
            cand --heartbeat-url 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end'
            cand --metrics-file 'Write run metrics in node_exporter textfile format to this file (atomically)'
            cand --timeout 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout'
            cand --wait-lock 'When another run holds the lock, wait up to this long instead of exiting 4'
            cand --dry-run 'Send nothing, write nothing: print what would be sent'
            cand -q 'Print no report on stdout (logs still go to stderr)'
            cand --quiet 'Print no report on stdout (logs still go to stderr)'
            cand -v 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More logs on stderr (-v info, -vv debug, -vvv trace)'
            cand --no-color 'No colour (NO_COLOR is honoured too)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'opskit;help'= {
            cand inventory 'Resource inventory across accounts and regions, published to Backlog Wiki'
            cand trusted-advisor 'Trusted Advisor recommendations at or above a status, new since the last run'
            cand dx-vif 'Direct Connect virtual interface and BGP state, escalated when down'
            cand support 'AWS Support cases: new replies, status changes, awaiting-us reminders'
            cand maintenance-mail 'AWS maintenance and warning mails: classify, extract, notify'
            cand wiki 'Backlog Wiki backups to GCS, S3 or a directory, in generations'
            cand silence 'Mute matching findings until a time, with a reason (planned work)'
            cand findings 'Run your own script''s findings through opskit''s diff, routes and sinks'
            cand notify 'Send a test message to a sink'
            cand config 'Validate the configuration and show what it resolves to'
            cand completions 'Print shell completions'
            cand man 'Print the man page (or write all pages to a directory)'
            cand demo 'A tour of opskit against an embedded sandbox: no account, no network needed'
            cand sandbox 'Serve the embedded sandbox until interrupted (for trying configs by hand)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'opskit;help;inventory'= {
            cand show 'Collect resources across accounts and regions and print them'
            cand diff 'Compare with the last published snapshot: added, removed, changed'
            cand publish 'Render per-account pages and update Backlog Wiki only where content changed'
        }
        &'opskit;help;inventory;show'= {
        }
        &'opskit;help;inventory;diff'= {
        }
        &'opskit;help;inventory;publish'= {
        }
        &'opskit;help;trusted-advisor'= {
            cand check 'Recommendations at or above a status in every selected account: notify new, changed and resolved ones'
            cand checks 'List the checks Trusted Advisor offers (ids, names, pillars), for filters in the config'
        }
        &'opskit;help;trusted-advisor;check'= {
        }
        &'opskit;help;trusted-advisor;checks'= {
        }
        &'opskit;help;dx-vif'= {
            cand poll 'One poll of Direct Connect VIFs, BGP sessions and connections; --output table is a status board'
            cand watch 'Poll in a loop (for a long-running service); stops cleanly on SIGTERM'
        }
        &'opskit;help;dx-vif;poll'= {
        }
        &'opskit;help;dx-vif;watch'= {
        }
        &'opskit;help;support'= {
            cand watch 'Notify new AWS replies, status changes and awaiting-us reminders on support cases'
            cand cases 'List open support cases across accounts (no notifications, nothing saved)'
        }
        &'opskit;help;support;watch'= {
        }
        &'opskit;help;support;cases'= {
        }
        &'opskit;help;maintenance-mail'= {
            cand ingest 'Read mails (stdin, .eml, Maildir, mbox, IMAP), classify, extract and notify'
            cand parse 'Print what was understood of mails, without notifying'
        }
        &'opskit;help;maintenance-mail;ingest'= {
        }
        &'opskit;help;maintenance-mail;parse'= {
        }
        &'opskit;help;wiki'= {
            cand backup 'Back up Backlog Wiki pages and attachments as a new generation'
            cand list 'List backup generations'
            cand verify 'Re-read every object of a generation and check sizes and SHA-256'
            cand restore 'Restore a generation to a directory or a Backlog project'
        }
        &'opskit;help;wiki;backup'= {
        }
        &'opskit;help;wiki;list'= {
        }
        &'opskit;help;wiki;verify'= {
        }
        &'opskit;help;wiki;restore'= {
        }
        &'opskit;help;silence'= {
            cand add 'Mute findings that match until a time'
            cand list 'List silences (active and future; --all for expired too)'
            cand remove 'Remove a silence by id'
        }
        &'opskit;help;silence;add'= {
        }
        &'opskit;help;silence;list'= {
        }
        &'opskit;help;silence;remove'= {
        }
        &'opskit;help;findings'= {
            cand push 'Take the complete current findings of your script as JSON; absent ones resolve'
        }
        &'opskit;help;findings;push'= {
        }
        &'opskit;help;notify'= {
            cand test 'Send a test message to one sink'
        }
        &'opskit;help;notify;test'= {
        }
        &'opskit;help;config'= {
            cand check 'Validate the config and print what it resolved to (secrets masked)'
            cand example 'Print a commented example config'
        }
        &'opskit;help;config;check'= {
        }
        &'opskit;help;config;example'= {
        }
        &'opskit;help;completions'= {
        }
        &'opskit;help;man'= {
        }
        &'opskit;help;demo'= {
        }
        &'opskit;help;sandbox'= {
        }
        &'opskit;help;help'= {
        }
    ]
    $completions[$command]
}
