"""Three-way merge: the rules that keep two tabs' work."""

from hypothesis import given
from hypothesis import strategies as st

from casework.merge import merge3

leaves = st.one_of(st.text(max_size=5), st.integers(), st.booleans(), st.none())
docs = st.dictionaries(
    st.sampled_from("abcd"), st.one_of(leaves, st.dictionaries(st.sampled_from("xy"), leaves))
)


@given(docs, docs)
def test_one_sided_changes_are_taken_whole(base, edited):
    assert merge3(base, edited, base) == (edited, [])
    assert merge3(base, base, edited) == (edited, [])


@given(docs, docs)
def test_identical_edits_never_conflict(base, edited):
    assert merge3(base, edited, edited) == (edited, [])


def test_edits_to_different_fields_both_survive():
    base = {"intake": {"a": "", "b": ""}}
    ours = {"intake": {"a": "mine", "b": ""}}
    theirs = {"intake": {"a": "", "b": "theirs"}}
    assert merge3(base, ours, theirs) == ({"intake": {"a": "mine", "b": "theirs"}}, [])


def test_same_field_changed_on_both_sides_is_a_reported_conflict_ours_wins():
    merged, conflicts = merge3(
        {"intake": {"a": ""}}, {"intake": {"a": "mine"}}, {"intake": {"a": "theirs"}}
    )
    assert merged == {"intake": {"a": "mine"}}
    assert conflicts == ["intake.a"]
