"""Figures drawn from measures, returned as PNG bytes with a text description.

Matplotlib's object API (`Figure`, no pyplot) keeps drawing free of global state and
backends, so a chart can be made in a kernel, a test or the CLI alike. It is imported
on first use.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from casework.checks.assessment import level_name
from casework.ecomap import TIE_LABELS, EcoMap

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

# Colour-blind-safe (Okabe–Ito); line style and labels carry the meaning as well.
_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"]
_TIE_STYLE = {
    "strong": {"color": "#0072B2", "linewidth": 3.0, "linestyle": "-"},
    "tenuous": {"color": "#555555", "linewidth": 1.5, "linestyle": (0, (4, 3))},
    "stressful": {"color": "#D55E00", "linewidth": 1.5, "linestyle": "-"},
}


@dataclass(frozen=True)
class Chart:
    png: bytes
    description: str  # alt text: what the picture shows, in words

    def html(self, hook: str) -> str:
        data = base64.b64encode(self.png).decode("ascii")
        return (
            f"<figure class='cw-chart e2e-{escape(hook)}'>"
            f"<img src='data:image/png;base64,{data}' alt='{escape(self.description, quote=True)}' "
            "style='max-width:100%;height:auto'>"
            f"<figcaption class='cw-muted'>{escape(self.description)}</figcaption></figure>"
        )


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return buffer.getvalue()


def domain_chart(scores: pd.DataFrame, title: str = "Life-domain scores") -> Chart:
    """Grouped horizontal bars: one group per domain, one bar per assessment."""
    figure, columns = domain_figure(scores, title)
    parts = []
    for domain in scores.index:
        values = [
            f"{column.lower()} {int(scores.at[domain, column])}"
            for column in columns
            if not _missing(scores.at[domain, column])
        ]
        parts.append(f"{domain}: {', '.join(values) or 'not scored'}")
    return Chart(_png(figure), f"{title}. " + "; ".join(parts) + ".")


def domain_figure(scores: pd.DataFrame, title: str = "Life-domain scores") -> tuple[Figure, list]:
    """The domain chart as a figure, and the columns it draws (those with any score)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7.5, 3.8))
    axes = figure.add_subplot()
    columns = [c for c in scores.columns if scores[c].notna().any()] or list(scores.columns[:1])
    height = 0.8 / len(columns)
    positions = range(len(scores.index))
    for index, column in enumerate(columns):
        values = scores[column].fillna(0).astype(float)
        axes.barh(
            [p + index * height for p in positions],
            values,
            height=height,
            label=column,
            color=_COLOURS[index % len(_COLOURS)],
            hatch="" if index == 0 else "//",
            edgecolor="white",
        )
    axes.set_yticks([p + height * (len(columns) - 1) / 2 for p in positions])
    axes.set_yticklabels(scores.index)
    axes.invert_yaxis()
    axes.set_xlim(0, 5.2)
    axes.set_xticks(range(1, 6))
    axes.set_xticklabels([f"{n}\n{level_name(n)}" for n in range(1, 6)], fontsize=8)
    axes.set_xlabel("Self-sufficiency score (1 in crisis … 5 empowered)")
    axes.set_ylabel("Life domain")
    axes.set_title(title)
    axes.grid(axis="x", alpha=0.3)
    axes.legend(loc="lower right", fontsize=8)
    return figure, columns


def _missing(value: object) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def _zigzag(x0: float, y0: float, x1: float, y1: float, teeth: int = 9) -> tuple[list, list]:
    """A jagged line between two points: the eco-map's mark for a stressful tie."""
    xs, ys = [x0], [y0]
    dx, dy = x1 - x0, y1 - y0
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    nx, ny = -dy / length * 0.03, dx / length * 0.03
    for step in range(1, teeth):
        t = step / teeth
        sign = 1 if step % 2 else -1
        xs.append(x0 + dx * t + nx * sign)
        ys.append(y0 + dy * t + ny * sign)
    xs.append(x1)
    ys.append(y1)
    return xs, ys


def ecomap_chart(ecomap: EcoMap) -> Chart:
    return Chart(_png(ecomap_figure(ecomap)), ecomap.describe())


def ecomap_figure(ecomap: EcoMap) -> Figure:
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    figure = Figure(figsize=(7.5, 6.0))
    axes = figure.add_subplot()
    axes.set_aspect("equal")
    axes.set_xlim(-1.6, 1.6)
    axes.set_ylim(-1.35, 1.35)
    axes.set_title("Eco-map: the client's supports and stressors")
    axes.set_xlabel("Line: solid thick = strong, dashed = tenuous, jagged = stressful")
    axes.set_ylabel("Arrows: direction of support")
    axes.set_xticks([])
    axes.set_yticks([])
    for side in axes.spines.values():
        side.set_visible(False)
    centre = ecomap.client
    positions = {node.id: node for node in ecomap.nodes}
    for edge in ecomap.edges:
        node = positions[edge.target]
        # stop lines at the circles' edges
        sx, sy = centre.x + node.x * 0.25, centre.y + node.y * 0.25
        ex, ey = node.x * 0.8, node.y * 0.8
        style = _TIE_STYLE[edge.kind]
        if edge.kind == "stressful":
            xs, ys = _zigzag(sx, sy, ex, ey)
            axes.plot(xs, ys, **style)
        else:
            axes.plot([sx, ex], [sy, ey], **style)
        for towards_client, show in ((True, edge.arrow_to_client), (False, edge.arrow_from_client)):
            if not show:
                continue
            tip, tail = (
                ((sx, sy), (sx + (ex - sx) * 0.3, sy + (ey - sy) * 0.3))
                if towards_client
                else (
                    (ex, ey),
                    (ex - (ex - sx) * 0.3, ey - (ey - sy) * 0.3),
                )
            )
            axes.annotate(
                "",
                xy=tip,
                xytext=tail,
                arrowprops={"arrowstyle": "-|>", "color": "#111111", "lw": 1.2},
            )
    axes.add_patch(_circle(centre.x, centre.y, 0.24, "#FFF7D6"))
    axes.text(
        centre.x,
        centre.y,
        _wrap(centre.label, 10),
        ha="center",
        va="center",
        fontsize=8.5,
        weight="bold",
    )
    for node in ecomap.nodes:
        axes.add_patch(_circle(node.x, node.y, 0.2, "#EEF4FA"))
        axes.text(node.x, node.y, _wrap(node.label), ha="center", va="center", fontsize=7.5)
    if ecomap.edges:
        handles = [
            Line2D([0], [0], **_TIE_STYLE[kind], label=TIE_LABELS[kind]) for kind in _TIE_STYLE
        ]
        axes.legend(handles=handles, loc="lower left", fontsize=8, frameon=False)
    else:
        axes.text(
            0, -0.6, "Add the people and services around the client with the form above.", ha="center", fontsize=9
        )
    return figure


def _circle(x: float, y: float, radius: float, colour: str):
    from matplotlib.patches import Circle

    return Circle((x, y), radius, facecolor=colour, edgecolor="#333333", linewidth=1, zorder=2)


def _wrap(label: str, width: int = 14) -> str:
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines[:4])


def gas_chart(table: pd.DataFrame) -> Chart:
    """The summary T-score at each review, with 50 (as expected) marked."""
    figure = gas_figure(table)
    scored = table.dropna(subset=["T-score"]) if len(table) else table
    if len(scored):
        points = ", ".join(
            f"day {int(d)}: {t:.1f}" for d, t in zip(scored["Day"], scored["T-score"], strict=True)
        )
        description = f"Goal attainment T-score at each review ({points}); 50 means as expected."
    else:
        description = "Goal attainment over the reviews: no review yet."
    return Chart(_png(figure), description)


def gas_figure(table: pd.DataFrame) -> Figure:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(7.5, 3.4))
    axes = figure.add_subplot()
    scored = table.dropna(subset=["T-score"]) if len(table) else table
    if len(scored):
        axes.plot(scored["Day"], scored["T-score"], marker="o", color=_COLOURS[0], label="T-score")
        for day, t_score in zip(scored["Day"], scored["T-score"], strict=True):
            axes.annotate(
                f"{t_score:.0f}",
                (day, t_score),
                textcoords="offset points",
                xytext=(0, 7),
                ha="center",
                fontsize=8,
            )
    else:
        axes.text(
            0.5, 0.5, "No goal review yet.", ha="center", va="center", transform=axes.transAxes
        )
    axes.axhline(50, color="#555555", linestyle="--", linewidth=1, label="50: as expected")
    axes.set_ylim(20, 80)
    axes.set_title("Goal attainment over the reviews")
    axes.set_xlabel("Day of the review (days since intake)")
    axes.set_ylabel("Summary T-score")
    axes.grid(alpha=0.3)
    axes.legend(loc="lower right", fontsize=8)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # days are whole: no "23.5"
    return figure


def service_chart(table: pd.DataFrame) -> Chart:
    """Sessions offered and attended per provider; a planned service never delivered is named."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7.5, 0.6 + 0.55 * max(len(table), 2)))
    axes = figure.add_subplot()
    positions = list(range(len(table)))
    offered = table["Sessions offered"].astype(float).tolist()
    attended = table["Sessions attended"].astype(float).tolist()
    axes.barh(
        [p - 0.2 for p in positions], offered, height=0.38, color=_COLOURS[1], label="Offered"
    )
    axes.barh(
        [p + 0.2 for p in positions],
        attended,
        height=0.38,
        color=_COLOURS[0],
        hatch="//",
        edgecolor="white",
        label="Attended",
    )
    for position, status in zip(positions, table["Status"], strict=True):
        if status == "planned, never delivered":
            axes.text(
                0.1, position, "planned, never delivered", va="center", fontsize=8, color="#B91C1C"
            )
    axes.set_yticks(positions)
    axes.set_yticklabels(
        [_wrap(name, 28).replace("\n", " ") for name in table["Provider"]], fontsize=8
    )
    axes.invert_yaxis()
    axes.set_xlim(0, max([*offered, *attended, 4]) + 1)
    axes.set_title("Service use: sessions offered and attended")
    axes.set_xlabel("Sessions")
    axes.set_ylabel("Provider")
    axes.legend(loc="lower right", fontsize=8)
    parts = [
        f"{name}: {int(a)} of {int(o)} attended, {status}"
        for name, o, a, status in zip(
            table["Provider"], offered, attended, table["Status"], strict=True
        )
    ]
    description = (
        "Service use. " + ("; ".join(parts) if parts else "No service in the plan yet") + "."
    )
    return Chart(_png(figure), description)


def share_chart(labels: list[str], shares: list[float], title: str, axis: str) -> Chart:
    """Horizontal bars of shares (0–1), each labelled with its percentage."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7.5, 0.45 * len(labels) + 1.4))
    axes = figure.add_subplot()
    positions = range(len(labels))
    axes.barh(list(positions), shares, color=_COLOURS[0])
    for position, share in zip(positions, shares, strict=True):
        axes.text(min(share, 0.86) + 0.01, position, f"{share:.0%}", va="center", fontsize=8)
    axes.set_yticks(list(positions))
    axes.set_yticklabels(labels, fontsize=8)
    axes.invert_yaxis()
    axes.set_xlim(0, 1)
    axes.set_xlabel(axis)
    axes.set_title(title)
    axes.grid(axis="x", alpha=0.3)
    described = "; ".join(
        f"{label}: {share:.0%}" for label, share in zip(labels, shares, strict=True)
    )
    return Chart(_png(figure), f"{title}. {described}.")
