"""Plain language for the client's copy."""

from casework.checks.plain import check_plain_language


def test_hard_words_get_simpler_ones():
    report = check_plain_language("We will utilize the form prior to the meeting.")
    suggestions = {f.suggestion for f in report.findings if f.rule == "plain.simpler-word"}
    assert suggestions == {"Try “use”.", "Try “before”."}


def test_a_dense_sentence_is_over_grade_eight():
    text = (
        "Pursuant to programmatic requirements, the individual shall demonstrate sustained "
        "participation in comprehensive rehabilitative interventions prior to the termination of assistance."
    )
    report = check_plain_language(text)
    assert report.grade > 8 and not report.ok


def test_short_plain_sentences_pass():
    report = check_plain_language(
        "You will sign the lease by day 30. We will help you fill in the form."
    )
    assert report.grade <= 8 and report.ok
