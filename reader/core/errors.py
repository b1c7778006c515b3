"""Errors the core raises for the command line and the UI to report in one line."""


class ReaderError(Exception):
    """A failure to report to the user as one line; `exit_status` is the CLI's."""

    exit_status = 1


class InputError(ReaderError):
    """Bad input or usage: a missing, empty, binary or oversized article."""

    exit_status = 2
