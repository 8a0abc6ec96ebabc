"""What every ``agen`` command shares: the typer app and the one way to fail with a message."""

from __future__ import annotations

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=False,
    invoke_without_command=True,
    help="Agen Perubahan — permainan simulasi kepemimpinan / a leadership simulation.",
    pretty_exceptions_enable=False,
)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error to stderr and return the Exit to raise."""
    typer.echo(message, err=True)
    return typer.Exit(code)
