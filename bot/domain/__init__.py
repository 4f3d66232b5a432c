"""What referat knows about its records, apart from Slack and use cases: the one writer of
a record's status and history (lifecycle), owner resolution (owners), and how a record
is shown (shown)."""
