"""``btcbot reasons``: every reason code a decision, skip or refusal can carry, explained."""

from __future__ import annotations

from typing import Annotated

import typer

from btcbot.domain.reasons import REASONS, explain


def markdown_table() -> str:
    """The registry as the README's table (``btcbot reasons --markdown``)."""
    rows = [f"| `{code}` | {meaning.replace('|', '/')} |" for code, meaning in REASONS.items()]
    return "\n".join(["| code | meaning |", "|---|---|", *rows]) + "\n"


def reasons_command(
    codes: Annotated[
        list[str] | None,
        typer.Argument(help="Codes to explain (default: all), e.g. notional_cap degrade_level_2."),
    ] = None,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="The whole list as a Markdown table.")
    ] = False,
) -> None:
    """Explain reason codes (cycle lines, decisions, blocked intents), one line each."""
    if markdown:
        typer.echo(markdown_table(), nl=False)
        return
    if not codes:
        width = max(len(code) for code in REASONS)
        for code, meaning in REASONS.items():
            typer.echo(f"{code:<{width}}  {meaning}")
        return
    unknown = [code for code in codes if explain(code) is None]
    if unknown:
        typer.secho(
            f"error: unknown reason code {', '.join(unknown)}: `btcbot reasons` lists them all",
            fg=typer.colors.RED,
            err=True,
        )
        raise typer.Exit(2)
    for code in codes:
        typer.echo(f"{code}  {explain(code)}")
