"""`make bench`: the reader's performance figures, measured side by side with peers."""
