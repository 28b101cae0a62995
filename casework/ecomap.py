"""The eco-map's data: the client at the centre, the people and systems around them.

Hartman's (1978) conventions: a tie is strong, tenuous or stressful, and arrows show
which way support (time, money, care) flows. This module only places nodes and
describes lines; `casework.charts` draws them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from casework.model import Scenario, Tie

TIE_LABELS = {"strong": "Strong", "tenuous": "Tenuous", "stressful": "Stressful"}
FLOW_LABELS = {
    "to_client": "Support flows to the client",
    "from_client": "Client gives support",
    "both": "Both ways",
    "none": "No flow marked",
}


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    x: float
    y: float


@dataclass(frozen=True)
class Edge:
    target: str  # node id; the source is always the client
    kind: str  # strong | tenuous | stressful
    arrow_to_client: bool
    arrow_from_client: bool


@dataclass(frozen=True)
class EcoMap:
    client: Node
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    def describe(self) -> str:
        """The map in words: alt text for the picture, and a summary a screen reader can use."""
        if not self.edges:
            return f"Eco-map of {self.client.label}: no ties recorded yet."
        labels = {node.id: node.label for node in self.nodes}
        parts = []
        for edge in self.edges:
            flow = (
                "support both ways"
                if edge.arrow_to_client and edge.arrow_from_client
                else "support to the client"
                if edge.arrow_to_client
                else "support from the client"
                if edge.arrow_from_client
                else "no flow marked"
            )
            parts.append(f"{labels[edge.target]}: {edge.kind} tie, {flow}")
        return f"Eco-map of {self.client.label}. " + "; ".join(parts) + "."


RADIUS = 1.0


def layout(client_label: str, ties: Mapping[str, Tie]) -> EcoMap:
    """Place each tie evenly on a circle around the client, first one at the top."""
    count = len(ties)
    nodes, edges = [], []
    for index, (tie_id, tie) in enumerate(ties.items()):
        angle = math.pi / 2 - 2 * math.pi * index / max(count, 1)
        nodes.append(
            Node(
                tie_id,
                tie.name,
                round(RADIUS * math.cos(angle), 6),
                round(RADIUS * math.sin(angle), 6),
            )
        )
        edges.append(
            Edge(
                tie_id,
                tie.kind,
                arrow_to_client=tie.flow in ("to_client", "both"),
                arrow_from_client=tie.flow in ("from_client", "both"),
            )
        )
    return EcoMap(Node("client", client_label, 0.0, 0.0), tuple(nodes), tuple(edges))


def tie_id(name: str, taken: Mapping[str, object]) -> str:
    """A stable key for a new tie: the name as a slug, numbered if already used."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "tie"
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    return key


def suggested_names(scenario: Scenario) -> list[str]:
    """People and systems the scenario mentions, offered when adding a tie."""
    names = [f"{p.name} ({p.relation})" for p in scenario.client.household]
    names += [r.name for r in scenario.resources]
    return list(dict.fromkeys(names))
