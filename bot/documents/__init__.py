"""The outside world of files: fetching an upload from Slack and reading its text."""
