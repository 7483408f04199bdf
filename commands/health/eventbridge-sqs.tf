# AWS Health events → one SQS queue per account, for `opskit health ingest --sqs URL` (accounts
# without the Business/Enterprise support plan the Health API needs; see README.md). The same
# as eventbridge-sqs.yaml:
# - in var.home_region (default us-east-1, where AWS Health delivers global events such as
#   IAM's): the queue, its dead-letter queue, their policies and a rule `source: aws.health`
#   → the queue;
# - in every other region of var.regions: a rule forwarding that region's `aws.health` events
#   to the home region's default event bus, where the home rule puts them in the queue.
#
# Needs the AWS provider 6.0 or later (the per-resource `region` argument). Apply it once per
# account, with that account's credentials:
#
#   terraform init && terraform apply -var 'regions=["us-east-1","ap-northeast-1","us-west-2"]'
#   terraform output queue_url        # → opskit health ingest --sqs <this>

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0"
    }
  }
}

variable "home_region" {
  description = "The region that holds the queue; keep us-east-1: global events are delivered only there"
  type        = string
  default     = "us-east-1"
}

variable "regions" {
  description = "Every region whose AWS Health events you want (the home region is always included)"
  type        = set(string)
  default     = ["us-east-1"]
}

variable "queue_name" {
  description = "The queue's name; its dead-letter queue is the same with -dlq"
  type        = string
  default     = "opskit-health-events"
}

variable "max_receive_count" {
  description = "Receives before SQS moves a message to the dead-letter queue (each ingest run that could not deliver it counts one)"
  type        = number
  default     = 5
}

variable "visibility_timeout_seconds" {
  description = "Seconds a received message stays hidden; longer than one ingest run"
  type        = number
  default     = 300
}

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  forward_regions = setsubtract(var.regions, [var.home_region])
  home_bus_arn    = "arn:${data.aws_partition.current.partition}:events:${var.home_region}:${data.aws_caller_identity.current.account_id}:event-bus/default"
}

# --- home region: the queues, their policies and the rule that fills the queue ---

resource "aws_sqs_queue" "dead_letter" {
  region                  = var.home_region
  name                    = "${var.queue_name}-dlq"
  sqs_managed_sse_enabled = true
  # A standard queue keeps a message's original enqueue time when it moves here, so this
  # retention must be longer than the source queue's (14 days, the maximum).
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "events" {
  region = var.home_region
  name   = var.queue_name
  # SSE-SQS: encrypted at rest with no KMS key to share with EventBridge or opskit.
  sqs_managed_sse_enabled = true
  # 4 days: a long weekend with the opskit host down loses nothing.
  message_retention_seconds  = 345600
  visibility_timeout_seconds = var.visibility_timeout_seconds
  receive_wait_time_seconds  = 20
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dead_letter.arn
    maxReceiveCount     = var.max_receive_count
  })
}

resource "aws_cloudwatch_event_rule" "health" {
  region        = var.home_region
  name          = "opskit-health-events"
  description   = "AWS Health events (this region's, global ones and those forwarded from other regions) to the opskit queue"
  event_pattern = jsonencode({ source = ["aws.health"] })
}

resource "aws_cloudwatch_event_target" "queue" {
  region    = var.home_region
  rule      = aws_cloudwatch_event_rule.health.name
  target_id = "opskit-health-queue"
  arn       = aws_sqs_queue.events.arn

  # An event EventBridge could not put in the queue (a policy broken by hand) lands in the
  # dead-letter queue instead of being dropped after its retries.
  dead_letter_config {
    arn = aws_sqs_queue.dead_letter.arn
  }
  retry_policy {
    maximum_event_age_in_seconds = 86400
    maximum_retry_attempts       = 185
  }
}

# Only this rule may write to the queue (plus IAM principals of this account that you grant
# sqs:SendMessage: grant it to no one else, opskit does not need it here).
resource "aws_sqs_queue_policy" "events" {
  region    = var.home_region
  queue_url = aws_sqs_queue.events.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "OnlyTheHealthRuleSends"
      Effect    = "Allow"
      Principal = { Service = "events.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.events.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_cloudwatch_event_rule.health.arn } }
    }]
  })
}

resource "aws_sqs_queue_policy" "dead_letter" {
  region    = var.home_region
  queue_url = aws_sqs_queue.dead_letter.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "TheHealthRuleDeadLetters"
      Effect    = "Allow"
      Principal = { Service = "events.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.dead_letter.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_cloudwatch_event_rule.health.arn } }
    }]
  })
}

# --- every other region: forward aws.health to the home region's default event bus ---

resource "aws_iam_role" "forward" {
  count       = length(local.forward_regions) > 0 ? 1 : 0
  name_prefix = "opskit-health-forward-"
  description = "EventBridge forwards AWS Health events to the default bus of ${var.home_region}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "events.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id } }
    }]
  })
}

resource "aws_iam_role_policy" "forward" {
  count = length(local.forward_regions) > 0 ? 1 : 0
  name  = "put-events-home-bus"
  role  = aws_iam_role.forward[0].id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "events:PutEvents", Resource = local.home_bus_arn }]
  })
}

resource "aws_cloudwatch_event_rule" "forward" {
  for_each      = local.forward_regions
  region        = each.value
  name          = "opskit-health-forward"
  description   = "AWS Health events of ${each.value} to the default event bus of ${var.home_region} (opskit)"
  event_pattern = jsonencode({ source = ["aws.health"] })
}

resource "aws_cloudwatch_event_target" "forward" {
  for_each  = local.forward_regions
  region    = each.value
  rule      = aws_cloudwatch_event_rule.forward[each.value].name
  target_id = "opskit-health-home-bus"
  arn       = local.home_bus_arn
  role_arn  = aws_iam_role.forward[0].arn
}

output "queue_url" {
  description = "opskit health ingest --sqs <this>"
  value       = aws_sqs_queue.events.id
}

output "queue_arn" {
  description = "Resource of the first statement of iam-policy-ingest.json"
  value       = aws_sqs_queue.events.arn
}

output "dead_letter_queue_url" {
  description = "Where poison messages and undeliverable events go"
  value       = aws_sqs_queue.dead_letter.id
}

output "dead_letter_queue_arn" {
  description = "Resource of the sqs:SendMessage statement of iam-policy-ingest.json"
  value       = aws_sqs_queue.dead_letter.arn
}
