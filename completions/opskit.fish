# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_opskit_global_optspecs
    string join \n config= account= region= profile= o/output= dry-run baseline state= fail-on= q/quiet v/verbose log-format= no-color heartbeat-url= metrics-file= timeout= wait-lock= shard= refresh-accounts h/help V/version
end

function __fish_opskit_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_opskit_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_opskit_using_subcommand
    set -l cmd (__fish_opskit_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c opskit -n "__fish_opskit_needs_command" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_needs_command" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_needs_command" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_needs_command" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_needs_command" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_needs_command" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_needs_command" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_needs_command" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_needs_command" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_needs_command" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_needs_command" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_needs_command" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_needs_command" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_needs_command" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_needs_command" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_needs_command" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_needs_command" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_needs_command" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_needs_command" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_needs_command" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "inventory" -d 'Resource inventory across accounts and regions, published to Backlog Wiki'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "trusted-advisor" -d 'Trusted Advisor recommendations at or above a status: `show` lists, `notify` tells the routes'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "ta" -d 'Trusted Advisor recommendations at or above a status: `show` lists, `notify` tells the routes'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "dx-vif" -d 'Direct Connect virtual interface and BGP state, escalated when down'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "support" -d 'AWS Support cases: new replies, status changes, awaiting-us reminders'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "health" -d 'AWS Health events (API, organization view, EventBridge via SQS): one finding per event'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "pagerduty" -d 'PagerDuty read back through its REST API: reminders for incidents nobody acknowledged'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "calendar" -d 'Planned work from calendars (iCalendar file, secret address, CalDAV): silences and announcements'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "respond" -d 'First-response scenarios ([[scenarios]]): the audit trail of what they checked, gathered, recovered and verified'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "report" -d 'Reports over what the state keeps: `status` is the current state across customers, `ops` the operation\'s numbers'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "maintenance-mail" -d 'AWS maintenance and warning mails: classify, extract, notify'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "mail" -d 'AWS maintenance and warning mails: classify, extract, notify'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "wiki" -d 'Backlog Wiki backups to GCS, S3 or a directory, in generations'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "silence" -d 'Mute matching findings until a time, with a reason (planned work)'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "findings" -d 'Run your own script\'s findings through opskit\'s diff, routes and sinks'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "notify" -d 'Send a test message to a sink'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "state" -d 'The state store: create it (a DynamoDB table, a SQLite file), or move state between stores'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "config" -d 'Validate the configuration and show what it resolves to'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "completions" -d 'Print shell completions'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "man" -d 'Print the man page (or write all pages to a directory)'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "demo" -d 'A tour of opskit against an embedded sandbox: no account, no network needed'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "sandbox" -d 'Serve the demo\'s fake cloud and sinks until interrupted, with a working config and the environment to export, to try opskit by hand'
complete -c opskit -n "__fish_opskit_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -f -a "show" -d 'Collect resources across accounts and regions and print them (notifies no one)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -f -a "diff" -d 'Compare with the last published snapshot: added, removed, changed (notifies no one)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -f -a "publish" -d 'Render per-account pages and update Backlog Wiki only where content changed; the change summary is notified to the routes\' sinks'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and not __fish_seen_subcommand_from show diff publish help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l resource-types -d 'Resource types to collect, comma-separated (default: all, or commands.inventory.resource_types): instance, volume, vpc, subnet, security-group, elastic-ip, nat-gateway, route-table, internet-gateway, dx-connection, dx-vif, rds-instance, rds-cluster, acm-certificate, load-balancer, lambda-function, auto-scaling-group, and once per account (region `global`, whatever --region says) s3-bucket, iam-user, route53-zone; Google Cloud projects: gce-instance, gce-disk, gce-network, gce-subnetwork, gce-firewall, gce-address, gce-route, gce-forwarding-rule (also ec2, ebs, sg, eip, nat, igw, acm, elb, lambda, asg, s3, iam, route53, vm)' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l concurrency -d '(account, region) targets collected at once; overrides defaults.concurrency' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l all-regions -d 'Every region DescribeRegions reports enabled in each account, instead of the configured ones (--region still filters)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l resource-types -d 'Resource types to collect, comma-separated (default: all, or commands.inventory.resource_types): instance, volume, vpc, subnet, security-group, elastic-ip, nat-gateway, route-table, internet-gateway, dx-connection, dx-vif, rds-instance, rds-cluster, acm-certificate, load-balancer, lambda-function, auto-scaling-group, and once per account (region `global`, whatever --region says) s3-bucket, iam-user, route53-zone; Google Cloud projects: gce-instance, gce-disk, gce-network, gce-subnetwork, gce-firewall, gce-address, gce-route, gce-forwarding-rule (also ec2, ebs, sg, eip, nat, igw, acm, elb, lambda, asg, s3, iam, route53, vm)' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l concurrency -d '(account, region) targets collected at once; overrides defaults.concurrency' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l all-regions -d 'Every region DescribeRegions reports enabled in each account, instead of the configured ones (--region still filters)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from diff" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l resource-types -d 'Resource types to collect, comma-separated (default: all, or commands.inventory.resource_types): instance, volume, vpc, subnet, security-group, elastic-ip, nat-gateway, route-table, internet-gateway, dx-connection, dx-vif, rds-instance, rds-cluster, acm-certificate, load-balancer, lambda-function, auto-scaling-group, and once per account (region `global`, whatever --region says) s3-bucket, iam-user, route53-zone; Google Cloud projects: gce-instance, gce-disk, gce-network, gce-subnetwork, gce-firewall, gce-address, gce-route, gce-forwarding-rule (also ec2, ebs, sg, eip, nat, igw, acm, elb, lambda, asg, s3, iam, route53, vm)' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l concurrency -d '(account, region) targets collected at once; overrides defaults.concurrency' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l all-regions -d 'Every region DescribeRegions reports enabled in each account, instead of the configured ones (--region still filters)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from publish" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "show" -d 'Collect resources across accounts and regions and print them (notifies no one)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "diff" -d 'Compare with the last published snapshot: added, removed, changed (notifies no one)'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "publish" -d 'Render per-account pages and update Backlog Wiki only where content changed; the change summary is notified to the routes\' sinks'
complete -c opskit -n "__fish_opskit_using_subcommand inventory; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -f -a "show" -d 'Recommendations at or above a status in every selected account, as a table: notifies no one, saves nothing'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -f -a "notify" -d 'Notify the routes\' sinks of new, changed and resolved recommendations at or above a status in every selected account (remembered in the state)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -f -a "check" -d 'The old name of `notify`, kept for a release: it notifies too'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -f -a "checks" -d 'List the checks Trusted Advisor offers (ids, names, pillars), for filters in the config'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and not __fish_seen_subcommand_from show notify check checks help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l min-status -d 'Lowest status listed [default: commands.trusted-advisor.min_status, else error]' -r -f -a "error\t'"Action recommended" (red)'
warning\t'"Investigation recommended" (yellow) and red'"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l api -d 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]' -r -f -a "trustedadvisor\t'The Trusted Advisor API (ListRecommendations)'
legacy\t'The Support API\'s DescribeTrustedAdvisor* operations'"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l pillar -d 'Only these pillars (security, fault_tolerance, cost_optimizing, performance, service_limits, operational_excellence)' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l check -d 'Only these checks: ids or names, globs allowed' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l include-excluded -d 'Also list resources excluded (suppressed) in Trusted Advisor'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l strict -d 'An account without a qualifying support plan fails the run (exit 3) instead of being noted'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l min-status -d 'Lowest status listed [default: commands.trusted-advisor.min_status, else error]' -r -f -a "error\t'"Action recommended" (red)'
warning\t'"Investigation recommended" (yellow) and red'"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l api -d 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]' -r -f -a "trustedadvisor\t'The Trusted Advisor API (ListRecommendations)'
legacy\t'The Support API\'s DescribeTrustedAdvisor* operations'"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l pillar -d 'Only these pillars (security, fault_tolerance, cost_optimizing, performance, service_limits, operational_excellence)' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l check -d 'Only these checks: ids or names, globs allowed' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l include-excluded -d 'Also list resources excluded (suppressed) in Trusted Advisor'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l strict -d 'An account without a qualifying support plan fails the run (exit 3) instead of being noted'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l new-only -d 'With --fail-on: fail only on recommendations not seen on the last run'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from notify" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l min-status -d 'Lowest status listed [default: commands.trusted-advisor.min_status, else error]' -r -f -a "error\t'"Action recommended" (red)'
warning\t'"Investigation recommended" (yellow) and red'"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l api -d 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]' -r -f -a "trustedadvisor\t'The Trusted Advisor API (ListRecommendations)'
legacy\t'The Support API\'s DescribeTrustedAdvisor* operations'"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l pillar -d 'Only these pillars (security, fault_tolerance, cost_optimizing, performance, service_limits, operational_excellence)' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l check -d 'Only these checks: ids or names, globs allowed' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l include-excluded -d 'Also list resources excluded (suppressed) in Trusted Advisor'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l strict -d 'An account without a qualifying support plan fails the run (exit 3) instead of being noted'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l new-only -d 'With --fail-on: fail only on recommendations not seen on the last run'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -l api -d 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]' -r -f -a "trustedadvisor\t'The Trusted Advisor API (ListRecommendations)'
legacy\t'The Support API\'s DescribeTrustedAdvisor* operations'"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from checks" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from help" -f -a "show" -d 'Recommendations at or above a status in every selected account, as a table: notifies no one, saves nothing'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from help" -f -a "notify" -d 'Notify the routes\' sinks of new, changed and resolved recommendations at or above a status in every selected account (remembered in the state)'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from help" -f -a "check" -d 'The old name of `notify`, kept for a release: it notifies too'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from help" -f -a "checks" -d 'List the checks Trusted Advisor offers (ids, names, pillars), for filters in the config'
complete -c opskit -n "__fish_opskit_using_subcommand trusted-advisor; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -f -a "show" -d 'Recommendations at or above a status in every selected account, as a table: notifies no one, saves nothing'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -f -a "notify" -d 'Notify the routes\' sinks of new, changed and resolved recommendations at or above a status in every selected account (remembered in the state)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -f -a "check" -d 'The old name of `notify`, kept for a release: it notifies too'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -f -a "checks" -d 'List the checks Trusted Advisor offers (ids, names, pillars), for filters in the config'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and not __fish_seen_subcommand_from show notify check checks help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l min-status -d 'Lowest status listed [default: commands.trusted-advisor.min_status, else error]' -r -f -a "error\t'"Action recommended" (red)'
warning\t'"Investigation recommended" (yellow) and red'"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l api -d 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]' -r -f -a "trustedadvisor\t'The Trusted Advisor API (ListRecommendations)'
legacy\t'The Support API\'s DescribeTrustedAdvisor* operations'"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l pillar -d 'Only these pillars (security, fault_tolerance, cost_optimizing, performance, service_limits, operational_excellence)' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l check -d 'Only these checks: ids or names, globs allowed' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l include-excluded -d 'Also list resources excluded (suppressed) in Trusted Advisor'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l strict -d 'An account without a qualifying support plan fails the run (exit 3) instead of being noted'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l min-status -d 'Lowest status listed [default: commands.trusted-advisor.min_status, else error]' -r -f -a "error\t'"Action recommended" (red)'
warning\t'"Investigation recommended" (yellow) and red'"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l api -d 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]' -r -f -a "trustedadvisor\t'The Trusted Advisor API (ListRecommendations)'
legacy\t'The Support API\'s DescribeTrustedAdvisor* operations'"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l pillar -d 'Only these pillars (security, fault_tolerance, cost_optimizing, performance, service_limits, operational_excellence)' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l check -d 'Only these checks: ids or names, globs allowed' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l include-excluded -d 'Also list resources excluded (suppressed) in Trusted Advisor'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l strict -d 'An account without a qualifying support plan fails the run (exit 3) instead of being noted'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l new-only -d 'With --fail-on: fail only on recommendations not seen on the last run'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from notify" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l min-status -d 'Lowest status listed [default: commands.trusted-advisor.min_status, else error]' -r -f -a "error\t'"Action recommended" (red)'
warning\t'"Investigation recommended" (yellow) and red'"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l api -d 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]' -r -f -a "trustedadvisor\t'The Trusted Advisor API (ListRecommendations)'
legacy\t'The Support API\'s DescribeTrustedAdvisor* operations'"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l pillar -d 'Only these pillars (security, fault_tolerance, cost_optimizing, performance, service_limits, operational_excellence)' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l check -d 'Only these checks: ids or names, globs allowed' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l include-excluded -d 'Also list resources excluded (suppressed) in Trusted Advisor'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l strict -d 'An account without a qualifying support plan fails the run (exit 3) instead of being noted'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l new-only -d 'With --fail-on: fail only on recommendations not seen on the last run'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -l api -d 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]' -r -f -a "trustedadvisor\t'The Trusted Advisor API (ListRecommendations)'
legacy\t'The Support API\'s DescribeTrustedAdvisor* operations'"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from checks" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from help" -f -a "show" -d 'Recommendations at or above a status in every selected account, as a table: notifies no one, saves nothing'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from help" -f -a "notify" -d 'Notify the routes\' sinks of new, changed and resolved recommendations at or above a status in every selected account (remembered in the state)'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from help" -f -a "check" -d 'The old name of `notify`, kept for a release: it notifies too'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from help" -f -a "checks" -d 'List the checks Trusted Advisor offers (ids, names, pillars), for filters in the config'
complete -c opskit -n "__fish_opskit_using_subcommand ta; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -f -a "poll" -d 'One poll of Direct Connect VIFs, BGP sessions and connections: notifies the routes\' sinks of what went down or recovered; --output table is a status board'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -f -a "watch" -d 'Poll in a loop (for a long-running service), notifying as `poll` does; stops cleanly on SIGTERM'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and not __fish_seen_subcommand_from poll watch help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from poll" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -l interval -d 'Time between the starts of polls [default: commands.dx-vif.interval, else 60s]' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from watch" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from help" -f -a "poll" -d 'One poll of Direct Connect VIFs, BGP sessions and connections: notifies the routes\' sinks of what went down or recovered; --output table is a status board'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from help" -f -a "watch" -d 'Poll in a loop (for a long-running service), notifying as `poll` does; stops cleanly on SIGTERM'
complete -c opskit -n "__fish_opskit_using_subcommand dx-vif; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -f -a "watch" -d 'Notify new AWS replies, status changes and awaiting-us reminders on support cases'
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -f -a "cases" -d 'List open support cases across accounts (no notifications, nothing saved)'
complete -c opskit -n "__fish_opskit_using_subcommand support; and not __fish_seen_subcommand_from watch cases help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -l strict -d 'An account without a qualifying support plan fails the run (exit 3) instead of being noted'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from watch" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -l strict -d 'An account without a qualifying support plan fails the run (exit 3) instead of being noted'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from cases" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from help" -f -a "watch" -d 'Notify new AWS replies, status changes and awaiting-us reminders on support cases'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from help" -f -a "cases" -d 'List open support cases across accounts (no notifications, nothing saved)'
complete -c opskit -n "__fish_opskit_using_subcommand support; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -f -a "watch" -d 'Tell the open and upcoming AWS Health events of every account (or of the organization)'
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -f -a "ingest" -d 'Tell the AWS Health events an EventBridge rule delivered to an SQS queue'
complete -c opskit -n "__fish_opskit_using_subcommand health; and not __fish_seen_subcommand_from watch ingest help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -l strict -d 'An account without a qualifying support plan fails the run (exit 3) instead of being noted'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from watch" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l sqs -d 'The SQS queue URL the EventBridge rule (source aws.health) delivers to' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l dead-letter-queue -d 'Where a message opskit cannot read goes (default: the queue\'s RedrivePolicy target)' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l queue-account -d 'The account (name or id in the config) whose credentials read the queue (default: the account the queue URL names)' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l max-messages -d 'Stop after this many messages (default 1000)' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from ingest" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from help" -f -a "watch" -d 'Tell the open and upcoming AWS Health events of every account (or of the organization)'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from help" -f -a "ingest" -d 'Tell the AWS Health events an EventBridge rule delivered to an SQS queue'
complete -c opskit -n "__fish_opskit_using_subcommand health; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -f -a "remind" -d 'Remind the routes of PagerDuty incidents opskit triggered that nobody has acknowledged'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and not __fish_seen_subcommand_from remind help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from remind" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from help" -f -a "remind" -d 'Remind the routes of PagerDuty incidents opskit triggered that nobody has acknowledged'
complete -c opskit -n "__fish_opskit_using_subcommand pagerduty; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -f -a "sync" -d 'Read the calendars: silence each planned work\'s window, announce it before, at the start and at the end'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and not __fish_seen_subcommand_from sync help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from sync" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Read the calendars: silence each planned work\'s window, announce it before, at the start and at the end'
complete -c opskit -n "__fish_opskit_using_subcommand calendar; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -f -a "log" -d 'Every scenario run kept in the state, newest first, with each step\'s input, output, duration and outcome'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and not __fish_seen_subcommand_from log help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l scenario -d 'Only runs of this scenario' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l source -d 'Only runs on findings of this source' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l key -d 'Only runs on findings whose key matches this glob' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l since -d 'Only runs started within this long (e.g. 24h, 7d)' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l id -d 'One run, by its id (or the start of it), with every step' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l limit -d 'At most this many runs' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l steps -d 'Show every step of every run listed'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from log" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from help" -f -a "log" -d 'Every scenario run kept in the state, newest first, with each step\'s input, output, duration and outcome'
complete -c opskit -n "__fish_opskit_using_subcommand respond; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -f -a "status" -d 'One self-contained HTML page of the current state across accounts (open findings by customer, Direct Connect, Trusted Advisor, Support, maintenance, silences, last runs), from the state store only; `--output markdown` or `json` for those (notifies no one)'
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -f -a "ops" -d 'The operation\'s numbers over a window: alerts per customer, source and severity, time to first response, share handled automatically, noisiest keys, silenced sources'
complete -c opskit -n "__fish_opskit_using_subcommand report; and not __fish_seen_subcommand_from status ops help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l out -d 'Write the report to this file (replaced whole: written beside it, then renamed) instead of stdout' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l wiki -d 'Also put it on the Backlog Wiki page of [commands.report] wiki_project / status_page (written only when it changed; the HTML page attached)'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l since -d 'The window: this long up to now (e.g. 30d, 12w)' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l by -d 'Split the numbers by day, week or month' -r -f -a "day\t''
week\t'Calendar weeks from Monday, in `defaults.timezone`'
month\t''"
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l format -d 'Render as this instead of `--output` (html: a page with charts)' -r -f -a "html\t'One self-contained HTML page with the charts as inline SVG (instead of `--output`)'"
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l out -d 'Write the report to this file (replaced whole: written beside it, then renamed) instead of stdout' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l wiki -d 'Put it on the Backlog Wiki page of [commands.report] wiki_project / ops_page instead (written only when it changed; the HTML page with its charts attached)'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from ops" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "status" -d 'One self-contained HTML page of the current state across accounts (open findings by customer, Direct Connect, Trusted Advisor, Support, maintenance, silences, last runs), from the state store only; `--output markdown` or `json` for those (notifies no one)'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "ops" -d 'The operation\'s numbers over a window: alerts per customer, source and severity, time to first response, share handled automatically, noisiest keys, silenced sources'
complete -c opskit -n "__fish_opskit_using_subcommand report; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -f -a "ingest" -d 'Read mails (stdin, .eml, Maildir, mbox, IMAP), classify, extract and notify'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -f -a "parse" -d 'Print what was understood of mails, without notifying'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and not __fish_seen_subcommand_from ingest parse help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l imap -d 'Also read UNSEEN messages of the IMAP mailbox in [commands.maintenance-mail.imap]'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l pending -d 'Read no mail: retry notifications still owed and resolve events whose window has ended (for a timer beside an MTA pipe)'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l mta -d 'Exit codes for an MTA pipe (.forward, Postfix pipe): 0 once the mail is safe in the state store (told, or owed to a later run), 75 (EX_TEMPFAIL) when it is not, so the MTA keeps it and tries again'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from ingest" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from parse" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from help" -f -a "ingest" -d 'Read mails (stdin, .eml, Maildir, mbox, IMAP), classify, extract and notify'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from help" -f -a "parse" -d 'Print what was understood of mails, without notifying'
complete -c opskit -n "__fish_opskit_using_subcommand maintenance-mail; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -f -a "ingest" -d 'Read mails (stdin, .eml, Maildir, mbox, IMAP), classify, extract and notify'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -f -a "parse" -d 'Print what was understood of mails, without notifying'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and not __fish_seen_subcommand_from ingest parse help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l imap -d 'Also read UNSEEN messages of the IMAP mailbox in [commands.maintenance-mail.imap]'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l pending -d 'Read no mail: retry notifications still owed and resolve events whose window has ended (for a timer beside an MTA pipe)'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l mta -d 'Exit codes for an MTA pipe (.forward, Postfix pipe): 0 once the mail is safe in the state store (told, or owed to a later run), 75 (EX_TEMPFAIL) when it is not, so the MTA keeps it and tries again'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from ingest" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from parse" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "ingest" -d 'Read mails (stdin, .eml, Maildir, mbox, IMAP), classify, extract and notify'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "parse" -d 'Print what was understood of mails, without notifying'
complete -c opskit -n "__fish_opskit_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -f -a "backup" -d 'Back up Backlog Wiki pages and attachments as a new generation (a failure or recovery is notified to the routes\' sinks)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -f -a "list" -d 'List backup generations: pages, size, complete or not'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -f -a "verify" -d 'Re-read every object of a generation and check sizes and SHA-256 (exit 1 on a mismatch)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -f -a "restore" -d 'Restore a generation to a directory or a Backlog project'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and not __fish_seen_subcommand_from backup list verify restore help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l project -d 'Backlog project keys, each backed up on its own (default: commands.wiki.projects)' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l to -d 'Destination: gs://bucket/prefix, s3://bucket/prefix or file:///dir (default: commands.wiki.to)' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l keep-daily -d 'After the backup, keep the newest generation of each of the last N days that have one' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l keep-weekly -d 'After the backup, keep the newest generation of each of the last N ISO weeks that have one' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l keep-monthly -d 'After the backup, keep the newest generation of each of the last N months that have one' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l concurrency -d 'Pages read from Backlog at once (default 4, or commands.wiki.concurrency)' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l history -d 'Also back up every version of each page read'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l full -d 'Read every page, also those unchanged since the last complete generation'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from backup" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l from -d 'Backup location: gs://bucket/prefix, s3://bucket/prefix or file:///dir (default: commands.wiki.to)' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l project -d 'Only these projects' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l from -d 'Backup location: gs://bucket/prefix, s3://bucket/prefix or file:///dir (default: commands.wiki.to)' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l project -d 'Only these projects' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l generation -d 'Generation: its name (20260301T020304Z), PROJECT/NAME, a unique start of a name, or `latest` (default: the newest complete one of each project)' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l all -d 'Every complete generation (`list` shows the incomplete and pruned ones)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l from -d 'Backup location: gs://bucket/prefix, s3://bucket/prefix or file:///dir (default: commands.wiki.to)' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l project -d 'The project whose backup to restore (needed when the location holds several)' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l generation -d 'Generation: its name, PROJECT/NAME, a unique start of a name, or `latest` (default)' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l to-dir -d 'Write the pages as files under DIR (name hierarchy as folders, attachments beside them); DIR must be empty or new' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l to-project -d 'Recreate the pages with their content and attachments in this Backlog project' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l overwrite -d 'With --to-project: give pages that exist already the backed-up content'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from help" -f -a "backup" -d 'Back up Backlog Wiki pages and attachments as a new generation (a failure or recovery is notified to the routes\' sinks)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from help" -f -a "list" -d 'List backup generations: pages, size, complete or not'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Re-read every object of a generation and check sizes and SHA-256 (exit 1 on a mismatch)'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Restore a generation to a directory or a Backlog project'
complete -c opskit -n "__fish_opskit_using_subcommand wiki; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -f -a "add" -d 'Mute findings that match until a time'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -f -a "list" -d 'List silences (active and future; --all for expired too)'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -f -a "remove" -d 'Remove a silence by id'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and not __fish_seen_subcommand_from add list remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l source -d 'Source (command) to match, e.g. dx-vif' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l key -d 'Glob over the full key SOURCE/KEY, e.g. \'backup-check/db-*\' or \'dx-vif/111122223333/*\'; with --source, a glob not starting with that source\'s name and / is over the key within it (\'db-*\')' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l match-account -d 'Account name or id' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l resource -d 'A resource id the finding names (glob allowed), e.g. dxvif-fg5678' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l until -d 'Until when: RFC 3339 time, or a duration from now (2h, 30m)' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l from -d 'From when (default now): RFC 3339 time or a duration from now' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l reason -d 'Why (shown in lists and reports)' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l by -d 'Who set it (default $USER)' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -l all -d 'Include expired silences'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from help" -f -a "add" -d 'Mute findings that match until a time'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from help" -f -a "list" -d 'List silences (active and future; --all for expired too)'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a silence by id'
complete -c opskit -n "__fish_opskit_using_subcommand silence; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -f -a "push" -d 'Take the complete current findings of your script as JSON and notify the routes\' sinks of new, changed and resolved ones (absent ones resolve)'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and not __fish_seen_subcommand_from push help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -l source -d 'Source name your findings are filed under (letters, digits, -, _)' -r
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from help" -f -a "push" -d 'Take the complete current findings of your script as JSON and notify the routes\' sinks of new, changed and resolved ones (absent ones resolve)'
complete -c opskit -n "__fish_opskit_using_subcommand findings; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -f -a "test" -d 'Send a test message to one sink'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and not __fish_seen_subcommand_from test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -l sink -d 'Sink name from the config' -r
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from help" -f -a "test" -d 'Send a test message to one sink'
complete -c opskit -n "__fish_opskit_using_subcommand notify; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -f -a "init" -d 'Create the store --state names: a DynamoDB table (on-demand, TTL on expires_at; waits until ACTIVE; an existing table with the right key schema is fine) or a SQLite file'
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -f -a "migrate" -d 'Copy findings, deliveries, silences, snapshots and marks from one store to another (not the locks); --dry-run counts and writes nothing'
complete -c opskit -n "__fish_opskit_using_subcommand state; and not __fish_seen_subcommand_from init migrate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -l print -d 'Print the DynamoDB table as a CloudFormation or Terraform snippet instead, and touch nothing' -r -f -a "cloudformation\t'An AWS::DynamoDB::Table resource (YAML)'
terraform\t'An aws_dynamodb_table resource (HCL)'"
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l from -d 'The store to copy from: a SQLite path, sqlite:PATH or dynamodb://TABLE?region=REGION' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l to -d 'The store to copy into (a SQLite file is created; a DynamoDB table must exist: `state init`)' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l force -d 'Copy into a store that holds records already (records with the same identity are replaced)'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from migrate" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from help" -f -a "init" -d 'Create the store --state names: a DynamoDB table (on-demand, TTL on expires_at; waits until ACTIVE; an existing table with the right key schema is fine) or a SQLite file'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Copy findings, deliveries, silences, snapshots and marks from one store to another (not the locks); --dry-run counts and writes nothing'
complete -c opskit -n "__fish_opskit_using_subcommand state; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -f -a "check" -d 'Validate the config and print what it resolved to (secrets masked)'
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -f -a "example" -d 'Print a commented example config'
complete -c opskit -n "__fish_opskit_using_subcommand config; and not __fish_seen_subcommand_from check example help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l probe -d 'Also check each account\'s credentials (STS GetCallerIdentity); lists [[organizations]] too'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l discover -d 'Also list the accounts of [[organizations]] (cached or afresh), without probing them'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from example" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "check" -d 'Validate the config and print what it resolved to (secrets masked)'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "example" -d 'Print a commented example config'
complete -c opskit -n "__fish_opskit_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand completions" -l out-dir -d 'Write every shell\'s file into this directory instead of printing one' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand completions" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand completions" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand completions" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand completions" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand completions" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand completions" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand completions" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand completions" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand completions" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand completions" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand completions" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand completions" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand completions" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand completions" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand completions" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand completions" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand completions" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand completions" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand completions" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand completions" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand man" -l out-dir -d 'Write opskit.1 and one page per subcommand into this directory' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand man" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand man" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand man" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand man" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand man" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand man" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand man" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand man" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand man" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand man" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand man" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand man" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand man" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand man" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand man" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand man" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand man" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand man" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand man" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand man" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand demo" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand demo" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand demo" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand demo" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand demo" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand demo" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand demo" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand demo" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand demo" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand demo" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand demo" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand demo" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand demo" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand demo" -l keep -d 'Keep the sandbox running at the end until interrupted, to poke at it'
complete -c opskit -n "__fish_opskit_using_subcommand demo" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand demo" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand demo" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand demo" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand demo" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand demo" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand demo" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -l port -d 'Port to listen on (default: any free port)' -r
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -l config -d 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -l account -d 'Only these accounts (name or id); repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -l region -d 'Only these regions; repeat or separate with commas' -r
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -l profile -d 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it' -r
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -s o -l output -d 'Report format on stdout' -r -f -a "table\t'A table for people: on a terminal, the columns that fit its width, long text cut with …'
wide\t'The table with every column (on a terminal, long text is still cut to its width)'
json\t''
jsonl\t''
csv\t''
markdown\t''"
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -l state -d 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run' -r
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -l fail-on -d 'Exit 1 when an open finding is at or above this severity' -r -f -a "never\t''
info\t''
warning\t''
critical\t'Also spelled `error`, as AWS calls red ("Action recommended")'"
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -l log-format -d 'Log format on stderr' -r -f -a "text\t''
json\t''"
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -l heartbeat-url -d 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end' -r
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -l metrics-file -d 'Write run metrics in node_exporter textfile format to this file (atomically)' -r -F
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -l timeout -d 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout' -r
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -l wait-lock -d 'When another run holds the lock, wait up to this long instead of exiting 4' -r
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -l shard -d 'Take only the targets of shard K of N (numbered from 0, like Kubernetes\' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work' -r
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -l dry-run -d 'Send nothing, write nothing: print what would be sent'
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -l baseline -d 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on'
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -s q -l quiet -d 'Print no report on stdout (logs still go to stderr)'
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -s v -l verbose -d 'More logs on stderr (-v info, -vv debug, -vvv trace)'
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -l no-color -d 'No colour (NO_COLOR is honoured too)'
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -l refresh-accounts -d 'List the accounts of [[organizations]] afresh instead of using the cached listing'
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opskit -n "__fish_opskit_using_subcommand sandbox" -s V -l version -d 'Print version'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "inventory" -d 'Resource inventory across accounts and regions, published to Backlog Wiki'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "trusted-advisor" -d 'Trusted Advisor recommendations at or above a status: `show` lists, `notify` tells the routes'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "dx-vif" -d 'Direct Connect virtual interface and BGP state, escalated when down'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "support" -d 'AWS Support cases: new replies, status changes, awaiting-us reminders'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "health" -d 'AWS Health events (API, organization view, EventBridge via SQS): one finding per event'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "pagerduty" -d 'PagerDuty read back through its REST API: reminders for incidents nobody acknowledged'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "calendar" -d 'Planned work from calendars (iCalendar file, secret address, CalDAV): silences and announcements'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "respond" -d 'First-response scenarios ([[scenarios]]): the audit trail of what they checked, gathered, recovered and verified'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "report" -d 'Reports over what the state keeps: `status` is the current state across customers, `ops` the operation\'s numbers'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "maintenance-mail" -d 'AWS maintenance and warning mails: classify, extract, notify'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "wiki" -d 'Backlog Wiki backups to GCS, S3 or a directory, in generations'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "silence" -d 'Mute matching findings until a time, with a reason (planned work)'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "findings" -d 'Run your own script\'s findings through opskit\'s diff, routes and sinks'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "notify" -d 'Send a test message to a sink'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "state" -d 'The state store: create it (a DynamoDB table, a SQLite file), or move state between stores'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "config" -d 'Validate the configuration and show what it resolves to'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "completions" -d 'Print shell completions'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "man" -d 'Print the man page (or write all pages to a directory)'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "demo" -d 'A tour of opskit against an embedded sandbox: no account, no network needed'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "sandbox" -d 'Serve the demo\'s fake cloud and sinks until interrupted, with a working config and the environment to export, to try opskit by hand'
complete -c opskit -n "__fish_opskit_using_subcommand help; and not __fish_seen_subcommand_from inventory trusted-advisor dx-vif support health pagerduty calendar respond report maintenance-mail wiki silence findings notify state config completions man demo sandbox help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "show" -d 'Collect resources across accounts and regions and print them (notifies no one)'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "diff" -d 'Compare with the last published snapshot: added, removed, changed (notifies no one)'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from inventory" -f -a "publish" -d 'Render per-account pages and update Backlog Wiki only where content changed; the change summary is notified to the routes\' sinks'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from trusted-advisor" -f -a "show" -d 'Recommendations at or above a status in every selected account, as a table: notifies no one, saves nothing'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from trusted-advisor" -f -a "notify" -d 'Notify the routes\' sinks of new, changed and resolved recommendations at or above a status in every selected account (remembered in the state)'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from trusted-advisor" -f -a "check" -d 'The old name of `notify`, kept for a release: it notifies too'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from trusted-advisor" -f -a "checks" -d 'List the checks Trusted Advisor offers (ids, names, pillars), for filters in the config'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from dx-vif" -f -a "poll" -d 'One poll of Direct Connect VIFs, BGP sessions and connections: notifies the routes\' sinks of what went down or recovered; --output table is a status board'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from dx-vif" -f -a "watch" -d 'Poll in a loop (for a long-running service), notifying as `poll` does; stops cleanly on SIGTERM'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from support" -f -a "watch" -d 'Notify new AWS replies, status changes and awaiting-us reminders on support cases'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from support" -f -a "cases" -d 'List open support cases across accounts (no notifications, nothing saved)'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from health" -f -a "watch" -d 'Tell the open and upcoming AWS Health events of every account (or of the organization)'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from health" -f -a "ingest" -d 'Tell the AWS Health events an EventBridge rule delivered to an SQS queue'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from pagerduty" -f -a "remind" -d 'Remind the routes of PagerDuty incidents opskit triggered that nobody has acknowledged'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from calendar" -f -a "sync" -d 'Read the calendars: silence each planned work\'s window, announce it before, at the start and at the end'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from respond" -f -a "log" -d 'Every scenario run kept in the state, newest first, with each step\'s input, output, duration and outcome'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "status" -d 'One self-contained HTML page of the current state across accounts (open findings by customer, Direct Connect, Trusted Advisor, Support, maintenance, silences, last runs), from the state store only; `--output markdown` or `json` for those (notifies no one)'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from report" -f -a "ops" -d 'The operation\'s numbers over a window: alerts per customer, source and severity, time to first response, share handled automatically, noisiest keys, silenced sources'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from maintenance-mail" -f -a "ingest" -d 'Read mails (stdin, .eml, Maildir, mbox, IMAP), classify, extract and notify'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from maintenance-mail" -f -a "parse" -d 'Print what was understood of mails, without notifying'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from wiki" -f -a "backup" -d 'Back up Backlog Wiki pages and attachments as a new generation (a failure or recovery is notified to the routes\' sinks)'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from wiki" -f -a "list" -d 'List backup generations: pages, size, complete or not'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from wiki" -f -a "verify" -d 'Re-read every object of a generation and check sizes and SHA-256 (exit 1 on a mismatch)'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from wiki" -f -a "restore" -d 'Restore a generation to a directory or a Backlog project'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from silence" -f -a "add" -d 'Mute findings that match until a time'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from silence" -f -a "list" -d 'List silences (active and future; --all for expired too)'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from silence" -f -a "remove" -d 'Remove a silence by id'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from findings" -f -a "push" -d 'Take the complete current findings of your script as JSON and notify the routes\' sinks of new, changed and resolved ones (absent ones resolve)'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from notify" -f -a "test" -d 'Send a test message to one sink'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from state" -f -a "init" -d 'Create the store --state names: a DynamoDB table (on-demand, TTL on expires_at; waits until ACTIVE; an existing table with the right key schema is fine) or a SQLite file'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from state" -f -a "migrate" -d 'Copy findings, deliveries, silences, snapshots and marks from one store to another (not the locks); --dry-run counts and writes nothing'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "check" -d 'Validate the config and print what it resolved to (secrets masked)'
complete -c opskit -n "__fish_opskit_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "example" -d 'Print a commented example config'
