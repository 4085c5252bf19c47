"""The one exception type for bad input; its message is the one line the user sees."""


class InputError(Exception):
    """Bad data or bad parameters. ``str(err)`` names the file, row, column and value."""
