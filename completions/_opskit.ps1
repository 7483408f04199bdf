
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'opskit' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'opskit'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'opskit' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('inventory', 'inventory', [CompletionResultType]::ParameterValue, 'Resource inventory across accounts and regions, published to Backlog Wiki')
            [CompletionResult]::new('trusted-advisor', 'trusted-advisor', [CompletionResultType]::ParameterValue, 'Trusted Advisor recommendations at or above a status: `show` lists, `notify` tells the routes')
            [CompletionResult]::new('ta', 'ta', [CompletionResultType]::ParameterValue, 'Trusted Advisor recommendations at or above a status: `show` lists, `notify` tells the routes')
            [CompletionResult]::new('dx-vif', 'dx-vif', [CompletionResultType]::ParameterValue, 'Direct Connect virtual interface and BGP state, escalated when down')
            [CompletionResult]::new('support', 'support', [CompletionResultType]::ParameterValue, 'AWS Support cases: new replies, status changes, awaiting-us reminders')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'AWS Health events (API, organization view, EventBridge via SQS): one finding per event')
            [CompletionResult]::new('pagerduty', 'pagerduty', [CompletionResultType]::ParameterValue, 'PagerDuty read back through its REST API: reminders for incidents nobody acknowledged')
            [CompletionResult]::new('calendar', 'calendar', [CompletionResultType]::ParameterValue, 'Planned work from calendars (iCalendar file, secret address, CalDAV): silences and announcements')
            [CompletionResult]::new('respond', 'respond', [CompletionResultType]::ParameterValue, 'First-response scenarios ([[scenarios]]): the audit trail of what they checked, gathered, recovered and verified')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Reports over what the state keeps: `status` is the current state across customers, `ops` the operation''s numbers')
            [CompletionResult]::new('maintenance-mail', 'maintenance-mail', [CompletionResultType]::ParameterValue, 'AWS maintenance and warning mails: classify, extract, notify')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'AWS maintenance and warning mails: classify, extract, notify')
            [CompletionResult]::new('wiki', 'wiki', [CompletionResultType]::ParameterValue, 'Backlog Wiki backups to GCS, S3 or a directory, in generations')
            [CompletionResult]::new('silence', 'silence', [CompletionResultType]::ParameterValue, 'Mute matching findings until a time, with a reason (planned work)')
            [CompletionResult]::new('findings', 'findings', [CompletionResultType]::ParameterValue, 'Run your own script''s findings through opskit''s diff, routes and sinks')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Send a test message to a sink')
            [CompletionResult]::new('state', 'state', [CompletionResultType]::ParameterValue, 'The state store: create it (a DynamoDB table, a SQLite file), or move state between stores')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Validate the configuration and show what it resolves to')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (or write all pages to a directory)')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'A tour of opskit against an embedded sandbox: no account, no network needed')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Serve the demo''s fake cloud and sinks until interrupted, with a working config and the environment to export, to try opskit by hand')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;inventory' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Collect resources across accounts and regions and print them (notifies no one)')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare with the last published snapshot: added, removed, changed (notifies no one)')
            [CompletionResult]::new('publish', 'publish', [CompletionResultType]::ParameterValue, 'Render per-account pages and update Backlog Wiki only where content changed; the change summary is notified to the routes'' sinks')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;inventory;show' {
            [CompletionResult]::new('--resource-types', '--resource-types', [CompletionResultType]::ParameterName, 'Resource types to collect, comma-separated (default: all, or commands.inventory.resource_types): instance, volume, vpc, subnet, security-group, elastic-ip, nat-gateway, route-table, internet-gateway, dx-connection, dx-vif, rds-instance, rds-cluster, acm-certificate, load-balancer, lambda-function, auto-scaling-group, and once per account (region `global`, whatever --region says) s3-bucket, iam-user, route53-zone; Google Cloud projects: gce-instance, gce-disk, gce-network, gce-subnetwork, gce-firewall, gce-address, gce-route, gce-forwarding-rule (also ec2, ebs, sg, eip, nat, igw, acm, elb, lambda, asg, s3, iam, route53, vm)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, '(account, region) targets collected at once; overrides defaults.concurrency')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--all-regions', '--all-regions', [CompletionResultType]::ParameterName, 'Every region DescribeRegions reports enabled in each account, instead of the configured ones (--region still filters)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;inventory;diff' {
            [CompletionResult]::new('--resource-types', '--resource-types', [CompletionResultType]::ParameterName, 'Resource types to collect, comma-separated (default: all, or commands.inventory.resource_types): instance, volume, vpc, subnet, security-group, elastic-ip, nat-gateway, route-table, internet-gateway, dx-connection, dx-vif, rds-instance, rds-cluster, acm-certificate, load-balancer, lambda-function, auto-scaling-group, and once per account (region `global`, whatever --region says) s3-bucket, iam-user, route53-zone; Google Cloud projects: gce-instance, gce-disk, gce-network, gce-subnetwork, gce-firewall, gce-address, gce-route, gce-forwarding-rule (also ec2, ebs, sg, eip, nat, igw, acm, elb, lambda, asg, s3, iam, route53, vm)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, '(account, region) targets collected at once; overrides defaults.concurrency')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--all-regions', '--all-regions', [CompletionResultType]::ParameterName, 'Every region DescribeRegions reports enabled in each account, instead of the configured ones (--region still filters)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;inventory;publish' {
            [CompletionResult]::new('--resource-types', '--resource-types', [CompletionResultType]::ParameterName, 'Resource types to collect, comma-separated (default: all, or commands.inventory.resource_types): instance, volume, vpc, subnet, security-group, elastic-ip, nat-gateway, route-table, internet-gateway, dx-connection, dx-vif, rds-instance, rds-cluster, acm-certificate, load-balancer, lambda-function, auto-scaling-group, and once per account (region `global`, whatever --region says) s3-bucket, iam-user, route53-zone; Google Cloud projects: gce-instance, gce-disk, gce-network, gce-subnetwork, gce-firewall, gce-address, gce-route, gce-forwarding-rule (also ec2, ebs, sg, eip, nat, igw, acm, elb, lambda, asg, s3, iam, route53, vm)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, '(account, region) targets collected at once; overrides defaults.concurrency')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--all-regions', '--all-regions', [CompletionResultType]::ParameterName, 'Every region DescribeRegions reports enabled in each account, instead of the configured ones (--region still filters)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;inventory;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Collect resources across accounts and regions and print them (notifies no one)')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare with the last published snapshot: added, removed, changed (notifies no one)')
            [CompletionResult]::new('publish', 'publish', [CompletionResultType]::ParameterValue, 'Render per-account pages and update Backlog Wiki only where content changed; the change summary is notified to the routes'' sinks')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;inventory;help;show' {
            break
        }
        'opskit;inventory;help;diff' {
            break
        }
        'opskit;inventory;help;publish' {
            break
        }
        'opskit;inventory;help;help' {
            break
        }
        'opskit;trusted-advisor' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Recommendations at or above a status in every selected account, as a table: notifies no one, saves nothing')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Notify the routes'' sinks of new, changed and resolved recommendations at or above a status in every selected account (remembered in the state)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'The old name of `notify`, kept for a release: it notifies too')
            [CompletionResult]::new('checks', 'checks', [CompletionResultType]::ParameterValue, 'List the checks Trusted Advisor offers (ids, names, pillars), for filters in the config')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;ta' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Recommendations at or above a status in every selected account, as a table: notifies no one, saves nothing')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Notify the routes'' sinks of new, changed and resolved recommendations at or above a status in every selected account (remembered in the state)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'The old name of `notify`, kept for a release: it notifies too')
            [CompletionResult]::new('checks', 'checks', [CompletionResultType]::ParameterValue, 'List the checks Trusted Advisor offers (ids, names, pillars), for filters in the config')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;trusted-advisor;show' {
            [CompletionResult]::new('--min-status', '--min-status', [CompletionResultType]::ParameterName, 'Lowest status listed [default: commands.trusted-advisor.min_status, else error]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]')
            [CompletionResult]::new('--pillar', '--pillar', [CompletionResultType]::ParameterName, 'Only these pillars (security, fault_tolerance, cost_optimizing, performance, service_limits, operational_excellence)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only these checks: ids or names, globs allowed')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--include-excluded', '--include-excluded', [CompletionResultType]::ParameterName, 'Also list resources excluded (suppressed) in Trusted Advisor')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'An account without a qualifying support plan fails the run (exit 3) instead of being noted')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;ta;show' {
            [CompletionResult]::new('--min-status', '--min-status', [CompletionResultType]::ParameterName, 'Lowest status listed [default: commands.trusted-advisor.min_status, else error]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]')
            [CompletionResult]::new('--pillar', '--pillar', [CompletionResultType]::ParameterName, 'Only these pillars (security, fault_tolerance, cost_optimizing, performance, service_limits, operational_excellence)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only these checks: ids or names, globs allowed')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--include-excluded', '--include-excluded', [CompletionResultType]::ParameterName, 'Also list resources excluded (suppressed) in Trusted Advisor')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'An account without a qualifying support plan fails the run (exit 3) instead of being noted')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;trusted-advisor;notify' {
            [CompletionResult]::new('--min-status', '--min-status', [CompletionResultType]::ParameterName, 'Lowest status listed [default: commands.trusted-advisor.min_status, else error]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]')
            [CompletionResult]::new('--pillar', '--pillar', [CompletionResultType]::ParameterName, 'Only these pillars (security, fault_tolerance, cost_optimizing, performance, service_limits, operational_excellence)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only these checks: ids or names, globs allowed')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--include-excluded', '--include-excluded', [CompletionResultType]::ParameterName, 'Also list resources excluded (suppressed) in Trusted Advisor')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'An account without a qualifying support plan fails the run (exit 3) instead of being noted')
            [CompletionResult]::new('--new-only', '--new-only', [CompletionResultType]::ParameterName, 'With --fail-on: fail only on recommendations not seen on the last run')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;ta;notify' {
            [CompletionResult]::new('--min-status', '--min-status', [CompletionResultType]::ParameterName, 'Lowest status listed [default: commands.trusted-advisor.min_status, else error]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]')
            [CompletionResult]::new('--pillar', '--pillar', [CompletionResultType]::ParameterName, 'Only these pillars (security, fault_tolerance, cost_optimizing, performance, service_limits, operational_excellence)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only these checks: ids or names, globs allowed')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--include-excluded', '--include-excluded', [CompletionResultType]::ParameterName, 'Also list resources excluded (suppressed) in Trusted Advisor')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'An account without a qualifying support plan fails the run (exit 3) instead of being noted')
            [CompletionResult]::new('--new-only', '--new-only', [CompletionResultType]::ParameterName, 'With --fail-on: fail only on recommendations not seen on the last run')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;trusted-advisor;check' {
            [CompletionResult]::new('--min-status', '--min-status', [CompletionResultType]::ParameterName, 'Lowest status listed [default: commands.trusted-advisor.min_status, else error]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]')
            [CompletionResult]::new('--pillar', '--pillar', [CompletionResultType]::ParameterName, 'Only these pillars (security, fault_tolerance, cost_optimizing, performance, service_limits, operational_excellence)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only these checks: ids or names, globs allowed')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--include-excluded', '--include-excluded', [CompletionResultType]::ParameterName, 'Also list resources excluded (suppressed) in Trusted Advisor')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'An account without a qualifying support plan fails the run (exit 3) instead of being noted')
            [CompletionResult]::new('--new-only', '--new-only', [CompletionResultType]::ParameterName, 'With --fail-on: fail only on recommendations not seen on the last run')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;ta;check' {
            [CompletionResult]::new('--min-status', '--min-status', [CompletionResultType]::ParameterName, 'Lowest status listed [default: commands.trusted-advisor.min_status, else error]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]')
            [CompletionResult]::new('--pillar', '--pillar', [CompletionResultType]::ParameterName, 'Only these pillars (security, fault_tolerance, cost_optimizing, performance, service_limits, operational_excellence)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Only these checks: ids or names, globs allowed')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--include-excluded', '--include-excluded', [CompletionResultType]::ParameterName, 'Also list resources excluded (suppressed) in Trusted Advisor')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'An account without a qualifying support plan fails the run (exit 3) instead of being noted')
            [CompletionResult]::new('--new-only', '--new-only', [CompletionResultType]::ParameterName, 'With --fail-on: fail only on recommendations not seen on the last run')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;trusted-advisor;checks' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;ta;checks' {
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which API [default: commands.trusted-advisor.api, else trustedadvisor]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;trusted-advisor;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Recommendations at or above a status in every selected account, as a table: notifies no one, saves nothing')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Notify the routes'' sinks of new, changed and resolved recommendations at or above a status in every selected account (remembered in the state)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'The old name of `notify`, kept for a release: it notifies too')
            [CompletionResult]::new('checks', 'checks', [CompletionResultType]::ParameterValue, 'List the checks Trusted Advisor offers (ids, names, pillars), for filters in the config')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;trusted-advisor;help;show' {
            break
        }
        'opskit;trusted-advisor;help;notify' {
            break
        }
        'opskit;trusted-advisor;help;check' {
            break
        }
        'opskit;trusted-advisor;help;checks' {
            break
        }
        'opskit;trusted-advisor;help;help' {
            break
        }
        'opskit;ta;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Recommendations at or above a status in every selected account, as a table: notifies no one, saves nothing')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Notify the routes'' sinks of new, changed and resolved recommendations at or above a status in every selected account (remembered in the state)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'The old name of `notify`, kept for a release: it notifies too')
            [CompletionResult]::new('checks', 'checks', [CompletionResultType]::ParameterValue, 'List the checks Trusted Advisor offers (ids, names, pillars), for filters in the config')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;ta;help;show' {
            break
        }
        'opskit;ta;help;notify' {
            break
        }
        'opskit;ta;help;check' {
            break
        }
        'opskit;ta;help;checks' {
            break
        }
        'opskit;ta;help;help' {
            break
        }
        'opskit;dx-vif' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('poll', 'poll', [CompletionResultType]::ParameterValue, 'One poll of Direct Connect VIFs, BGP sessions and connections: notifies the routes'' sinks of what went down or recovered; --output table is a status board')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Poll in a loop (for a long-running service), notifying as `poll` does; stops cleanly on SIGTERM')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;dx-vif;poll' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;dx-vif;watch' {
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between the starts of polls [default: commands.dx-vif.interval, else 60s]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;dx-vif;help' {
            [CompletionResult]::new('poll', 'poll', [CompletionResultType]::ParameterValue, 'One poll of Direct Connect VIFs, BGP sessions and connections: notifies the routes'' sinks of what went down or recovered; --output table is a status board')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Poll in a loop (for a long-running service), notifying as `poll` does; stops cleanly on SIGTERM')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;dx-vif;help;poll' {
            break
        }
        'opskit;dx-vif;help;watch' {
            break
        }
        'opskit;dx-vif;help;help' {
            break
        }
        'opskit;support' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Notify new AWS replies, status changes and awaiting-us reminders on support cases')
            [CompletionResult]::new('cases', 'cases', [CompletionResultType]::ParameterValue, 'List open support cases across accounts (no notifications, nothing saved)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;support;watch' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'An account without a qualifying support plan fails the run (exit 3) instead of being noted')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;support;cases' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'An account without a qualifying support plan fails the run (exit 3) instead of being noted')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;support;help' {
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Notify new AWS replies, status changes and awaiting-us reminders on support cases')
            [CompletionResult]::new('cases', 'cases', [CompletionResultType]::ParameterValue, 'List open support cases across accounts (no notifications, nothing saved)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;support;help;watch' {
            break
        }
        'opskit;support;help;cases' {
            break
        }
        'opskit;support;help;help' {
            break
        }
        'opskit;health' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Tell the open and upcoming AWS Health events of every account (or of the organization)')
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Tell the AWS Health events an EventBridge rule delivered to an SQS queue')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;health;watch' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'An account without a qualifying support plan fails the run (exit 3) instead of being noted')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;health;ingest' {
            [CompletionResult]::new('--sqs', '--sqs', [CompletionResultType]::ParameterName, 'The SQS queue URL the EventBridge rule (source aws.health) delivers to')
            [CompletionResult]::new('--dead-letter-queue', '--dead-letter-queue', [CompletionResultType]::ParameterName, 'Where a message opskit cannot read goes (default: the queue''s RedrivePolicy target)')
            [CompletionResult]::new('--queue-account', '--queue-account', [CompletionResultType]::ParameterName, 'The account (name or id in the config) whose credentials read the queue (default: the account the queue URL names)')
            [CompletionResult]::new('--max-messages', '--max-messages', [CompletionResultType]::ParameterName, 'Stop after this many messages (default 1000)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;health;help' {
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Tell the open and upcoming AWS Health events of every account (or of the organization)')
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Tell the AWS Health events an EventBridge rule delivered to an SQS queue')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;health;help;watch' {
            break
        }
        'opskit;health;help;ingest' {
            break
        }
        'opskit;health;help;help' {
            break
        }
        'opskit;pagerduty' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('remind', 'remind', [CompletionResultType]::ParameterValue, 'Remind the routes of PagerDuty incidents opskit triggered that nobody has acknowledged')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;pagerduty;remind' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;pagerduty;help' {
            [CompletionResult]::new('remind', 'remind', [CompletionResultType]::ParameterValue, 'Remind the routes of PagerDuty incidents opskit triggered that nobody has acknowledged')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;pagerduty;help;remind' {
            break
        }
        'opskit;pagerduty;help;help' {
            break
        }
        'opskit;calendar' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Read the calendars: silence each planned work''s window, announce it before, at the start and at the end')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;calendar;sync' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;calendar;help' {
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Read the calendars: silence each planned work''s window, announce it before, at the start and at the end')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;calendar;help;sync' {
            break
        }
        'opskit;calendar;help;help' {
            break
        }
        'opskit;respond' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Every scenario run kept in the state, newest first, with each step''s input, output, duration and outcome')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;respond;log' {
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'Only runs of this scenario')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only runs on findings of this source')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Only runs on findings whose key matches this glob')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only runs started within this long (e.g. 24h, 7d)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'One run, by its id (or the start of it), with every step')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many runs')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--steps', '--steps', [CompletionResultType]::ParameterName, 'Show every step of every run listed')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;respond;help' {
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Every scenario run kept in the state, newest first, with each step''s input, output, duration and outcome')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;respond;help;log' {
            break
        }
        'opskit;respond;help;help' {
            break
        }
        'opskit;report' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'One self-contained HTML page of the current state across accounts (open findings by customer, Direct Connect, Trusted Advisor, Support, maintenance, silences, last runs), from the state store only; `--output markdown` or `json` for those (notifies no one)')
            [CompletionResult]::new('ops', 'ops', [CompletionResultType]::ParameterValue, 'The operation''s numbers over a window: alerts per customer, source and severity, time to first response, share handled automatically, noisiest keys, silenced sources')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;report;status' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the report to this file (replaced whole: written beside it, then renamed) instead of stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--wiki', '--wiki', [CompletionResultType]::ParameterName, 'Also put it on the Backlog Wiki page of [commands.report] wiki_project / status_page (written only when it changed; the HTML page attached)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;report;ops' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'The window: this long up to now (e.g. 30d, 12w)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Split the numbers by day, week or month')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Render as this instead of `--output` (html: a page with charts)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the report to this file (replaced whole: written beside it, then renamed) instead of stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--wiki', '--wiki', [CompletionResultType]::ParameterName, 'Put it on the Backlog Wiki page of [commands.report] wiki_project / ops_page instead (written only when it changed; the HTML page with its charts attached)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;report;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'One self-contained HTML page of the current state across accounts (open findings by customer, Direct Connect, Trusted Advisor, Support, maintenance, silences, last runs), from the state store only; `--output markdown` or `json` for those (notifies no one)')
            [CompletionResult]::new('ops', 'ops', [CompletionResultType]::ParameterValue, 'The operation''s numbers over a window: alerts per customer, source and severity, time to first response, share handled automatically, noisiest keys, silenced sources')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;report;help;status' {
            break
        }
        'opskit;report;help;ops' {
            break
        }
        'opskit;report;help;help' {
            break
        }
        'opskit;maintenance-mail' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Read mails (stdin, .eml, Maildir, mbox, IMAP), classify, extract and notify')
            [CompletionResult]::new('parse', 'parse', [CompletionResultType]::ParameterValue, 'Print what was understood of mails, without notifying')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;mail' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Read mails (stdin, .eml, Maildir, mbox, IMAP), classify, extract and notify')
            [CompletionResult]::new('parse', 'parse', [CompletionResultType]::ParameterValue, 'Print what was understood of mails, without notifying')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;maintenance-mail;ingest' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--imap', '--imap', [CompletionResultType]::ParameterName, 'Also read UNSEEN messages of the IMAP mailbox in [commands.maintenance-mail.imap]')
            [CompletionResult]::new('--pending', '--pending', [CompletionResultType]::ParameterName, 'Read no mail: retry notifications still owed and resolve events whose window has ended (for a timer beside an MTA pipe)')
            [CompletionResult]::new('--mta', '--mta', [CompletionResultType]::ParameterName, 'Exit codes for an MTA pipe (.forward, Postfix pipe): 0 once the mail is safe in the state store (told, or owed to a later run), 75 (EX_TEMPFAIL) when it is not, so the MTA keeps it and tries again')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;mail;ingest' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--imap', '--imap', [CompletionResultType]::ParameterName, 'Also read UNSEEN messages of the IMAP mailbox in [commands.maintenance-mail.imap]')
            [CompletionResult]::new('--pending', '--pending', [CompletionResultType]::ParameterName, 'Read no mail: retry notifications still owed and resolve events whose window has ended (for a timer beside an MTA pipe)')
            [CompletionResult]::new('--mta', '--mta', [CompletionResultType]::ParameterName, 'Exit codes for an MTA pipe (.forward, Postfix pipe): 0 once the mail is safe in the state store (told, or owed to a later run), 75 (EX_TEMPFAIL) when it is not, so the MTA keeps it and tries again')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;maintenance-mail;parse' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;mail;parse' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;maintenance-mail;help' {
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Read mails (stdin, .eml, Maildir, mbox, IMAP), classify, extract and notify')
            [CompletionResult]::new('parse', 'parse', [CompletionResultType]::ParameterValue, 'Print what was understood of mails, without notifying')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;maintenance-mail;help;ingest' {
            break
        }
        'opskit;maintenance-mail;help;parse' {
            break
        }
        'opskit;maintenance-mail;help;help' {
            break
        }
        'opskit;mail;help' {
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Read mails (stdin, .eml, Maildir, mbox, IMAP), classify, extract and notify')
            [CompletionResult]::new('parse', 'parse', [CompletionResultType]::ParameterValue, 'Print what was understood of mails, without notifying')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;mail;help;ingest' {
            break
        }
        'opskit;mail;help;parse' {
            break
        }
        'opskit;mail;help;help' {
            break
        }
        'opskit;wiki' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Back up Backlog Wiki pages and attachments as a new generation (a failure or recovery is notified to the routes'' sinks)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List backup generations: pages, size, complete or not')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Re-read every object of a generation and check sizes and SHA-256 (exit 1 on a mismatch)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a generation to a directory or a Backlog project')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;wiki;backup' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Backlog project keys, each backed up on its own (default: commands.wiki.projects)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Destination: gs://bucket/prefix, s3://bucket/prefix or file:///dir (default: commands.wiki.to)')
            [CompletionResult]::new('--keep-daily', '--keep-daily', [CompletionResultType]::ParameterName, 'After the backup, keep the newest generation of each of the last N days that have one')
            [CompletionResult]::new('--keep-weekly', '--keep-weekly', [CompletionResultType]::ParameterName, 'After the backup, keep the newest generation of each of the last N ISO weeks that have one')
            [CompletionResult]::new('--keep-monthly', '--keep-monthly', [CompletionResultType]::ParameterName, 'After the backup, keep the newest generation of each of the last N months that have one')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Pages read from Backlog at once (default 4, or commands.wiki.concurrency)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--history', '--history', [CompletionResultType]::ParameterName, 'Also back up every version of each page read')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'Read every page, also those unchanged since the last complete generation')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;wiki;list' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Backup location: gs://bucket/prefix, s3://bucket/prefix or file:///dir (default: commands.wiki.to)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only these projects')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;wiki;verify' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Backup location: gs://bucket/prefix, s3://bucket/prefix or file:///dir (default: commands.wiki.to)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Only these projects')
            [CompletionResult]::new('--generation', '--generation', [CompletionResultType]::ParameterName, 'Generation: its name (20260301T020304Z), PROJECT/NAME, a unique start of a name, or `latest` (default: the newest complete one of each project)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every complete generation (`list` shows the incomplete and pruned ones)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;wiki;restore' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Backup location: gs://bucket/prefix, s3://bucket/prefix or file:///dir (default: commands.wiki.to)')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project whose backup to restore (needed when the location holds several)')
            [CompletionResult]::new('--generation', '--generation', [CompletionResultType]::ParameterName, 'Generation: its name, PROJECT/NAME, a unique start of a name, or `latest` (default)')
            [CompletionResult]::new('--to-dir', '--to-dir', [CompletionResultType]::ParameterName, 'Write the pages as files under DIR (name hierarchy as folders, attachments beside them); DIR must be empty or new')
            [CompletionResult]::new('--to-project', '--to-project', [CompletionResultType]::ParameterName, 'Recreate the pages with their content and attachments in this Backlog project')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'With --to-project: give pages that exist already the backed-up content')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;wiki;help' {
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Back up Backlog Wiki pages and attachments as a new generation (a failure or recovery is notified to the routes'' sinks)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List backup generations: pages, size, complete or not')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Re-read every object of a generation and check sizes and SHA-256 (exit 1 on a mismatch)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a generation to a directory or a Backlog project')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;wiki;help;backup' {
            break
        }
        'opskit;wiki;help;list' {
            break
        }
        'opskit;wiki;help;verify' {
            break
        }
        'opskit;wiki;help;restore' {
            break
        }
        'opskit;wiki;help;help' {
            break
        }
        'opskit;silence' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Mute findings that match until a time')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List silences (active and future; --all for expired too)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a silence by id')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;silence;add' {
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Source (command) to match, e.g. dx-vif')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Glob over the full key SOURCE/KEY, e.g. ''backup-check/db-*'' or ''dx-vif/111122223333/*''; with --source, a glob not starting with that source''s name and / is over the key within it (''db-*'')')
            [CompletionResult]::new('--match-account', '--match-account', [CompletionResultType]::ParameterName, 'Account name or id')
            [CompletionResult]::new('--resource', '--resource', [CompletionResultType]::ParameterName, 'A resource id the finding names (glob allowed), e.g. dxvif-fg5678')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Until when: RFC 3339 time, or a duration from now (2h, 30m)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'From when (default now): RFC 3339 time or a duration from now')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (shown in lists and reports)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Who set it (default $USER)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;silence;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include expired silences')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;silence;remove' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;silence;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Mute findings that match until a time')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List silences (active and future; --all for expired too)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a silence by id')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;silence;help;add' {
            break
        }
        'opskit;silence;help;list' {
            break
        }
        'opskit;silence;help;remove' {
            break
        }
        'opskit;silence;help;help' {
            break
        }
        'opskit;findings' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Take the complete current findings of your script as JSON and notify the routes'' sinks of new, changed and resolved ones (absent ones resolve)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;findings;push' {
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Source name your findings are filed under (letters, digits, -, _)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;findings;help' {
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Take the complete current findings of your script as JSON and notify the routes'' sinks of new, changed and resolved ones (absent ones resolve)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;findings;help;push' {
            break
        }
        'opskit;findings;help;help' {
            break
        }
        'opskit;notify' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message to one sink')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;notify;test' {
            [CompletionResult]::new('--sink', '--sink', [CompletionResultType]::ParameterName, 'Sink name from the config')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;notify;help' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message to one sink')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;notify;help;test' {
            break
        }
        'opskit;notify;help;help' {
            break
        }
        'opskit;state' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the store --state names: a DynamoDB table (on-demand, TTL on expires_at; waits until ACTIVE; an existing table with the right key schema is fine) or a SQLite file')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy findings, deliveries, silences, snapshots and marks from one store to another (not the locks); --dry-run counts and writes nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;state;init' {
            [CompletionResult]::new('--print', '--print', [CompletionResultType]::ParameterName, 'Print the DynamoDB table as a CloudFormation or Terraform snippet instead, and touch nothing')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;state;migrate' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The store to copy from: a SQLite path, sqlite:PATH or dynamodb://TABLE?region=REGION')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The store to copy into (a SQLite file is created; a DynamoDB table must exist: `state init`)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Copy into a store that holds records already (records with the same identity are replaced)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;state;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the store --state names: a DynamoDB table (on-demand, TTL on expires_at; waits until ACTIVE; an existing table with the right key schema is fine) or a SQLite file')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy findings, deliveries, silences, snapshots and marks from one store to another (not the locks); --dry-run counts and writes nothing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;state;help;init' {
            break
        }
        'opskit;state;help;migrate' {
            break
        }
        'opskit;state;help;help' {
            break
        }
        'opskit;config' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate the config and print what it resolved to (secrets masked)')
            [CompletionResult]::new('example', 'example', [CompletionResultType]::ParameterValue, 'Print a commented example config')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;config;check' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--probe', '--probe', [CompletionResultType]::ParameterName, 'Also check each account''s credentials (STS GetCallerIdentity); lists [[organizations]] too')
            [CompletionResult]::new('--discover', '--discover', [CompletionResultType]::ParameterName, 'Also list the accounts of [[organizations]] (cached or afresh), without probing them')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;config;example' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;config;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate the config and print what it resolved to (secrets masked)')
            [CompletionResult]::new('example', 'example', [CompletionResultType]::ParameterValue, 'Print a commented example config')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;config;help;check' {
            break
        }
        'opskit;config;help;example' {
            break
        }
        'opskit;config;help;help' {
            break
        }
        'opskit;completions' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write every shell''s file into this directory instead of printing one')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;man' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write opskit.1 and one page per subcommand into this directory')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;demo' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Keep the sandbox running at the end until interrupted, to poke at it')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;sandbox' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on (default: any free port)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file (default: ./opskit.toml, $XDG_CONFIG_HOME/opskit/config.toml, /etc/opskit/config.toml)')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Only these accounts (name or id); repeat or separate with commas')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Only these regions; repeat or separate with commas')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile: with no accounts in the config, work on it alone, ad hoc (AWS_PROFILE too); with accounts, only those using it')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Report format on stdout')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State store: a SQLite path or sqlite:PATH, dynamodb://TABLE?region=REGION&profile=PROFILE (shared by several hosts), or `none` for a stateless run')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when an open finding is at or above this severity')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr')
            [CompletionResult]::new('--heartbeat-url', '--heartbeat-url', [CompletionResultType]::ParameterName, 'healthchecks.io-style ping URL: <url>/start at the start, <url> or <url>/fail at the end')
            [CompletionResult]::new('--metrics-file', '--metrics-file', [CompletionResultType]::ParameterName, 'Write run metrics in node_exporter textfile format to this file (atomically)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Per-target timeout (e.g. 30s, 2m); overrides defaults.timeout')
            [CompletionResult]::new('--wait-lock', '--wait-lock', [CompletionResultType]::ParameterName, 'When another run holds the lock, wait up to this long instead of exiting 4')
            [CompletionResult]::new('--shard', '--shard', [CompletionResultType]::ParameterName, 'Take only the targets of shard K of N (numbered from 0, like Kubernetes'' JOB_COMPLETION_INDEX): N hosts sharing one state store split the work')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Send nothing, write nothing: print what would be sent')
            [CompletionResult]::new('--baseline', '--baseline', [CompletionResultType]::ParameterName, 'Record what each sink would be told now as already told, and send nothing: adopt opskit on accounts with known problems and hear only of changes from now on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print no report on stdout (logs still go to stderr)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More logs on stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (NO_COLOR is honoured too)')
            [CompletionResult]::new('--refresh-accounts', '--refresh-accounts', [CompletionResultType]::ParameterName, 'List the accounts of [[organizations]] afresh instead of using the cached listing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opskit;help' {
            [CompletionResult]::new('inventory', 'inventory', [CompletionResultType]::ParameterValue, 'Resource inventory across accounts and regions, published to Backlog Wiki')
            [CompletionResult]::new('trusted-advisor', 'trusted-advisor', [CompletionResultType]::ParameterValue, 'Trusted Advisor recommendations at or above a status: `show` lists, `notify` tells the routes')
            [CompletionResult]::new('dx-vif', 'dx-vif', [CompletionResultType]::ParameterValue, 'Direct Connect virtual interface and BGP state, escalated when down')
            [CompletionResult]::new('support', 'support', [CompletionResultType]::ParameterValue, 'AWS Support cases: new replies, status changes, awaiting-us reminders')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'AWS Health events (API, organization view, EventBridge via SQS): one finding per event')
            [CompletionResult]::new('pagerduty', 'pagerduty', [CompletionResultType]::ParameterValue, 'PagerDuty read back through its REST API: reminders for incidents nobody acknowledged')
            [CompletionResult]::new('calendar', 'calendar', [CompletionResultType]::ParameterValue, 'Planned work from calendars (iCalendar file, secret address, CalDAV): silences and announcements')
            [CompletionResult]::new('respond', 'respond', [CompletionResultType]::ParameterValue, 'First-response scenarios ([[scenarios]]): the audit trail of what they checked, gathered, recovered and verified')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Reports over what the state keeps: `status` is the current state across customers, `ops` the operation''s numbers')
            [CompletionResult]::new('maintenance-mail', 'maintenance-mail', [CompletionResultType]::ParameterValue, 'AWS maintenance and warning mails: classify, extract, notify')
            [CompletionResult]::new('wiki', 'wiki', [CompletionResultType]::ParameterValue, 'Backlog Wiki backups to GCS, S3 or a directory, in generations')
            [CompletionResult]::new('silence', 'silence', [CompletionResultType]::ParameterValue, 'Mute matching findings until a time, with a reason (planned work)')
            [CompletionResult]::new('findings', 'findings', [CompletionResultType]::ParameterValue, 'Run your own script''s findings through opskit''s diff, routes and sinks')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Send a test message to a sink')
            [CompletionResult]::new('state', 'state', [CompletionResultType]::ParameterValue, 'The state store: create it (a DynamoDB table, a SQLite file), or move state between stores')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Validate the configuration and show what it resolves to')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (or write all pages to a directory)')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'A tour of opskit against an embedded sandbox: no account, no network needed')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Serve the demo''s fake cloud and sinks until interrupted, with a working config and the environment to export, to try opskit by hand')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opskit;help;inventory' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Collect resources across accounts and regions and print them (notifies no one)')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare with the last published snapshot: added, removed, changed (notifies no one)')
            [CompletionResult]::new('publish', 'publish', [CompletionResultType]::ParameterValue, 'Render per-account pages and update Backlog Wiki only where content changed; the change summary is notified to the routes'' sinks')
            break
        }
        'opskit;help;inventory;show' {
            break
        }
        'opskit;help;inventory;diff' {
            break
        }
        'opskit;help;inventory;publish' {
            break
        }
        'opskit;help;trusted-advisor' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Recommendations at or above a status in every selected account, as a table: notifies no one, saves nothing')
            [CompletionResult]::new('notify', 'notify', [CompletionResultType]::ParameterValue, 'Notify the routes'' sinks of new, changed and resolved recommendations at or above a status in every selected account (remembered in the state)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'The old name of `notify`, kept for a release: it notifies too')
            [CompletionResult]::new('checks', 'checks', [CompletionResultType]::ParameterValue, 'List the checks Trusted Advisor offers (ids, names, pillars), for filters in the config')
            break
        }
        'opskit;help;trusted-advisor;show' {
            break
        }
        'opskit;help;trusted-advisor;notify' {
            break
        }
        'opskit;help;trusted-advisor;check' {
            break
        }
        'opskit;help;trusted-advisor;checks' {
            break
        }
        'opskit;help;dx-vif' {
            [CompletionResult]::new('poll', 'poll', [CompletionResultType]::ParameterValue, 'One poll of Direct Connect VIFs, BGP sessions and connections: notifies the routes'' sinks of what went down or recovered; --output table is a status board')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Poll in a loop (for a long-running service), notifying as `poll` does; stops cleanly on SIGTERM')
            break
        }
        'opskit;help;dx-vif;poll' {
            break
        }
        'opskit;help;dx-vif;watch' {
            break
        }
        'opskit;help;support' {
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Notify new AWS replies, status changes and awaiting-us reminders on support cases')
            [CompletionResult]::new('cases', 'cases', [CompletionResultType]::ParameterValue, 'List open support cases across accounts (no notifications, nothing saved)')
            break
        }
        'opskit;help;support;watch' {
            break
        }
        'opskit;help;support;cases' {
            break
        }
        'opskit;help;health' {
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Tell the open and upcoming AWS Health events of every account (or of the organization)')
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Tell the AWS Health events an EventBridge rule delivered to an SQS queue')
            break
        }
        'opskit;help;health;watch' {
            break
        }
        'opskit;help;health;ingest' {
            break
        }
        'opskit;help;pagerduty' {
            [CompletionResult]::new('remind', 'remind', [CompletionResultType]::ParameterValue, 'Remind the routes of PagerDuty incidents opskit triggered that nobody has acknowledged')
            break
        }
        'opskit;help;pagerduty;remind' {
            break
        }
        'opskit;help;calendar' {
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Read the calendars: silence each planned work''s window, announce it before, at the start and at the end')
            break
        }
        'opskit;help;calendar;sync' {
            break
        }
        'opskit;help;respond' {
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Every scenario run kept in the state, newest first, with each step''s input, output, duration and outcome')
            break
        }
        'opskit;help;respond;log' {
            break
        }
        'opskit;help;report' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'One self-contained HTML page of the current state across accounts (open findings by customer, Direct Connect, Trusted Advisor, Support, maintenance, silences, last runs), from the state store only; `--output markdown` or `json` for those (notifies no one)')
            [CompletionResult]::new('ops', 'ops', [CompletionResultType]::ParameterValue, 'The operation''s numbers over a window: alerts per customer, source and severity, time to first response, share handled automatically, noisiest keys, silenced sources')
            break
        }
        'opskit;help;report;status' {
            break
        }
        'opskit;help;report;ops' {
            break
        }
        'opskit;help;maintenance-mail' {
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Read mails (stdin, .eml, Maildir, mbox, IMAP), classify, extract and notify')
            [CompletionResult]::new('parse', 'parse', [CompletionResultType]::ParameterValue, 'Print what was understood of mails, without notifying')
            break
        }
        'opskit;help;maintenance-mail;ingest' {
            break
        }
        'opskit;help;maintenance-mail;parse' {
            break
        }
        'opskit;help;wiki' {
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Back up Backlog Wiki pages and attachments as a new generation (a failure or recovery is notified to the routes'' sinks)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List backup generations: pages, size, complete or not')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Re-read every object of a generation and check sizes and SHA-256 (exit 1 on a mismatch)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a generation to a directory or a Backlog project')
            break
        }
        'opskit;help;wiki;backup' {
            break
        }
        'opskit;help;wiki;list' {
            break
        }
        'opskit;help;wiki;verify' {
            break
        }
        'opskit;help;wiki;restore' {
            break
        }
        'opskit;help;silence' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Mute findings that match until a time')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List silences (active and future; --all for expired too)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a silence by id')
            break
        }
        'opskit;help;silence;add' {
            break
        }
        'opskit;help;silence;list' {
            break
        }
        'opskit;help;silence;remove' {
            break
        }
        'opskit;help;findings' {
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Take the complete current findings of your script as JSON and notify the routes'' sinks of new, changed and resolved ones (absent ones resolve)')
            break
        }
        'opskit;help;findings;push' {
            break
        }
        'opskit;help;notify' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a test message to one sink')
            break
        }
        'opskit;help;notify;test' {
            break
        }
        'opskit;help;state' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the store --state names: a DynamoDB table (on-demand, TTL on expires_at; waits until ACTIVE; an existing table with the right key schema is fine) or a SQLite file')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy findings, deliveries, silences, snapshots and marks from one store to another (not the locks); --dry-run counts and writes nothing')
            break
        }
        'opskit;help;state;init' {
            break
        }
        'opskit;help;state;migrate' {
            break
        }
        'opskit;help;config' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate the config and print what it resolved to (secrets masked)')
            [CompletionResult]::new('example', 'example', [CompletionResultType]::ParameterValue, 'Print a commented example config')
            break
        }
        'opskit;help;config;check' {
            break
        }
        'opskit;help;config;example' {
            break
        }
        'opskit;help;completions' {
            break
        }
        'opskit;help;man' {
            break
        }
        'opskit;help;demo' {
            break
        }
        'opskit;help;sandbox' {
            break
        }
        'opskit;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
