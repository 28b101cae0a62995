"""The eco-map's data and the charts drawn from the record."""

import math

import pytest

from casework.charts import domain_chart, domain_figure, ecomap_chart, ecomap_figure
from casework.ecomap import layout, suggested_names, tie_id
from casework.measures import INITIAL, REASSESSMENT, domain_scores
from casework.model import Assessment, DomainRating, LifeDomain, Tie

TIES = {
    "sister": Tie(name="Sister", kind="strong", flow="to_client"),
    "landlord": Tie(name="Landlord", kind="stressful", flow="none"),
    "partner": Tie(name="Partner", kind="tenuous", flow="from_client"),
    "church": Tie(name="Church", kind="strong", flow="both"),
}


def test_ties_are_placed_evenly_around_the_client_first_at_the_top():
    ecomap = layout("Client", TIES)
    assert (ecomap.client.x, ecomap.client.y) == (0.0, 0.0)
    # four ties: top, right, bottom, left (clockwise, a quarter turn apart)
    placed = {n.id: (n.x, n.y) for n in ecomap.nodes}
    assert placed["sister"] == pytest.approx((0, 1))
    assert placed["landlord"] == pytest.approx((1, 0))
    assert placed["partner"] == pytest.approx((0, -1))
    assert placed["church"] == pytest.approx((-1, 0))
    assert all(
        math.hypot(n.x, n.y) == pytest.approx(1)
        for n in layout("C", {**TIES, "x": TIES["sister"]}).nodes
    )


def test_edges_carry_the_tie_and_the_direction_of_support():
    edges = {e.target: e for e in layout("Client", TIES).edges}
    assert edges["sister"].kind == "strong"
    assert (edges["sister"].arrow_to_client, edges["sister"].arrow_from_client) == (True, False)
    assert (edges["partner"].arrow_to_client, edges["partner"].arrow_from_client) == (False, True)
    assert (edges["church"].arrow_to_client, edges["church"].arrow_from_client) == (True, True)
    assert (edges["landlord"].arrow_to_client, edges["landlord"].arrow_from_client) == (
        False,
        False,
    )


def test_the_map_is_described_in_words_for_screen_readers():
    text = layout("Marisol", TIES).describe()
    assert "Sister: strong tie, support to the client" in text
    assert "Landlord: stressful tie" in text
    assert "no ties recorded" in layout("Marisol", {}).describe()


def test_tie_ids_are_unique_and_readable():
    assert tie_id("Sister (across town)", {}) == "sister-across-town"
    assert tie_id("Sister", {"sister": 1}) == "sister-2"
    assert tie_id("Sister", {"sister": 1, "sister-2": 1}) == "sister-3"
    assert tie_id("!!!", {}) == "tie"


def test_suggested_names_come_from_the_household_and_the_resource_directory(eviction):
    names = suggested_names(eviction)
    assert "Teo (son)" in names
    assert "Tenant Rights Legal Clinic" in names


def test_domain_scores_table_has_both_assessments():
    assessment = Assessment(
        initial={LifeDomain.health: DomainRating(score=3)},
        reassessment={LifeDomain.health: DomainRating(score=2)},
    )
    frame = domain_scores(assessment)
    assert list(frame.columns) == [INITIAL, REASSESSMENT]
    assert len(frame) == len(LifeDomain)
    assert frame.at["Health and wellness", INITIAL] == 3
    assert frame.at["Health and wellness", REASSESSMENT] == 2
    assert frame[INITIAL].isna().sum() == len(LifeDomain) - 1


def test_domain_chart_is_titled_labelled_and_described():
    assessment = Assessment(initial={LifeDomain.legal: DomainRating(score=4)})
    figure, columns = domain_figure(domain_scores(assessment))
    axes = figure.axes[0]
    assert axes.get_title() and axes.get_xlabel() and axes.get_ylabel()
    assert columns == [INITIAL]  # an empty reassessment is not drawn
    chart = domain_chart(domain_scores(assessment))
    assert chart.png.startswith(b"\x89PNG")
    assert "Legal: initial assessment 4" in chart.description
    html = chart.html("domain-chart")
    assert "alt='Life-domain scores." in html and "e2e-domain-chart" in html


def test_ecomap_chart_is_titled_and_escapes_names():
    ties = {"x": Tie(name="<b>Ms X</b>", kind="strong", flow="both")}
    figure = ecomap_figure(layout("Client", ties))
    axes = figure.axes[0]
    assert axes.get_title() and axes.get_xlabel() and axes.get_ylabel()
    html = ecomap_chart(layout("Client", ties)).html("ecomap")
    assert "<b>Ms X</b>" not in html and "&lt;b&gt;Ms X&lt;/b&gt;" in html


def test_a_chart_panel_draws_again_only_when_its_data_changes():
    from casework.charts import Chart
    from casework.ui.components import ChartPanel

    drawn = []

    def draw():
        drawn.append(1)
        return Chart(b"png", f"chart {len(drawn)}")

    panel = ChartPanel("hook")
    panel.show((1, 2), draw)
    panel.show((1, 2), draw)
    assert len(drawn) == 1 and "chart 1" in panel.value
    panel.show((1, 3), draw)
    assert len(drawn) == 2 and "chart 2" in panel.value
    panel.show(None, None)
    assert panel.value == ""


def run_loop(main):
    """`asyncio.run(main())` on a thread of its own: the browser tests' Playwright may
    have left a loop running on this one, and asyncio.run refuses to nest."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as thread:
        return thread.submit(lambda: asyncio.run(main())).result()


@pytest.fixture
def kernel_loop(monkeypatch: pytest.MonkeyPatch):
    """Behave as inside a kernel: the running loop of `asyncio.run` is the kernel's."""
    import asyncio

    from casework.ui import components

    monkeypatch.setattr(components, "_kernel_loop", asyncio.get_running_loop)


def test_a_running_loop_without_a_kernel_makes_the_panel_at_once():

    from casework.ui.components import LatePanel

    async def with_a_foreign_loop() -> str:  # as Playwright's sync API leaves one
        panel = LatePanel("grade")
        panel.show("key", lambda: "<p>made</p>")
        return panel.value

    assert run_loop(with_a_foreign_loop) == "<p>made</p>"


def test_in_a_kernel_slow_panels_follow_the_page_and_only_the_newest_is_made(kernel_loop):
    import asyncio

    from casework.ui.components import LatePanel

    made: list[str] = []

    def render(text: str):
        return lambda: made.append(text) or f"<p>{text}</p>"

    async def while_the_kernel_runs() -> tuple[str, str]:
        panel = LatePanel("grade")
        panel.show("first", render("first"))
        panel.show("second", render("second"))  # typed again before the first was made
        shown_at_once = panel.value
        for _ in range(100):  # the kernel's loop goes on; the panel follows when made
            await asyncio.sleep(0.01)
            if panel.value != LatePanel.PLACEHOLDER:
                break
        return shown_at_once, panel.value

    at_once, afterwards = run_loop(while_the_kernel_runs)
    assert at_once == LatePanel.PLACEHOLDER
    assert afterwards == "<p>second</p>"
    assert made[-1] == "second"  # the first may be made too, but is never shown


def test_a_failing_slow_panel_says_so_in_plain_words(kernel_loop):
    import asyncio

    from casework.ui.components import LatePanel
    from casework.ui.errors import ErrorPanel

    errors = ErrorPanel()

    def broken() -> str:
        raise OSError("disk gone")

    async def run() -> None:
        LatePanel("chart").show("key", broken)
        for _ in range(100):
            await asyncio.sleep(0.01)
            if errors.value:
                break

    run_loop(run)
    assert "Something went wrong while drawing part of the page" in errors.value
    assert "Traceback" not in errors.value and "disk gone" not in errors.value


def test_a_late_panel_is_sent_again_so_a_page_that_connects_late_still_gets_it(monkeypatch):
    """A chart made between the end of Voilà's run and the page's connection to its kernel
    was sent to nobody, and the page said "Drawing the chart…" for ever (a reload in CI)."""
    import asyncio
    import threading

    from casework.ui import components

    loop = asyncio.new_event_loop()
    monkeypatch.setattr(components, "_kernel_loop", lambda: loop)
    monkeypatch.setattr(components.LatePanel, "RESEND_AFTER", (0.05, 0.1))
    panel = components.LatePanel("test")
    sent: list[str] = []
    monkeypatch.setattr(panel, "send_state", lambda key=None: sent.append(key))

    async def run() -> None:
        panel.show("k1", lambda: "<p>chart</p>")
        await asyncio.sleep(0.4)

    # on a thread of its own: the browser tests leave a running loop in this process
    thread = threading.Thread(target=loop.run_until_complete, args=(run(),))
    thread.start()
    thread.join(timeout=10)
    loop.close()
    assert panel.value == "<p>chart</p>"
    # the placeholder and the chart as they are set, then the chart sent twice more
    assert sent == ["value"] * 4
