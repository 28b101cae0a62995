"""The coach on realistic case-note wording (issue 15): each kind of judgment the first
corpora did not have, with examples written for this test, and the wording that must
pass. Every flagged example must say why, offer a better version and name a source."""

import pytest

from casework.checks.note import check_note

FLAGGED = {
    "note.juxtaposition": [
        "Cl reports she is too dizzy to stand at the sink, yet she was dancing at her niece's quinceañera on Saturday.",
        "Pt rated his headache 8/10 but was texting and smiling throughout the triage interview.",
        "Says he cannot pay the water bill; he had new sneakers and a designer jacket at the HV.",
        "Mom complains of exhaustion though she was seen jogging past the office at 7 am.",
    ],
    "note.juxtaposition-evidence": [
        "Denies using despite two empty liquor bottles under the sink.",
        "Says he has been sober for a month, but his speech was slurred at the visit.",
    ],
    "note.rhetorical-question": [
        "What kind of mother leaves a newborn with a 10-year-old?",
    ],
    "note.stereotype-cause": [
        "Family is Somali, so they probably will not accept a female interpreter; CM did not offer one.",
        "Dad is undocumented so he likely won't show up to court anyway.",
        "Client is 88 so she probably can't manage a smartphone; did not offer the telehealth option.",
        "Pt is Catholic, so hospice was not discussed.",
    ],
    "note.stereotype-generalisation": [
        "As with many Hmong families, the grandmother makes all the decisions.",
        "Like most parents from the projects, mom lets the kids roam at night.",
        "Vietnamese families tend to keep mental health problems hidden.",
    ],
    "note.stereotype-compliment": [
        "Surprisingly polite for someone coming out of prison.",
        "She is very well spoken for a girl who grew up in the shelter system.",
    ],
    "note.stereotype-coded-praise": [
        "Articulate young Latino man who presented his budget clearly.",
    ],
    "note.assumed-motive": [
        "Grandmother only calls when she wants a bus pass.",
        "He keeps missing work so he doesn't have to pay child support.",
        "Her back pain is her way of avoiding the job search.",
        "Chest pain most likely anxiety as usual; no workup needed.",
        "Missed the hearing, which explains the warrant.",
    ],
    "note.doubt-verb": [
        "Client admits to smoking marijuana most nights.",
        "Tenant alleges the manager kept her deposit.",
    ],
    "note.doubt-adverb": [
        "Apparently the rent money went to her boyfriend.",
    ],
    "note.condescension": [
        "Reminded mom again about the car seat and she still does not seem to grasp why it matters.",
        "For the fourth time, CM had to explain the sliding-scale fee.",
        "After all the help she got, she went right back to drinking.",
        "She chose alcohol over her daughter again.",
        "Threw away two years of sobriety over one argument.",
    ],
    "note.sarcasm": [
        "Youth decided to grace the group with his presence at 4:45.",
        "Another award-winning performance in the lobby when the voucher was late.",
        "Mom's crisis of the week: the cable bill.",
        "Client suddenly remembered she had a job interview when the chores came up.",
    ],
    "note.dehumanising": [
        "The children ate like pigs and ran through the apartment like a pack of wolves.",
        "Teenagers in the unit are feral after 9 pm.",
        "The waiting room was a zoo this morning.",
    ],
    "note.dehumanising-verb": [
        "Dad barked at the kids to sit down.",
        "The residents swarmed the van when it arrived.",
    ],
    "note.stigma": [
        "The sickler in room 3 is asking for pain meds again.",
        "Pt is a known borderline, keep it brief.",
        "Mom speaks broken English.",
        "Not the brightest bulb, he signed the lease without reading it.",
        "The schizophrenic downstairs called the police again.",
    ],
    "note.victim-wording": [
        "Client is a victim of multiple sclerosis and uses a walker.",
        "Father has been battling addiction for most of the children's lives.",
        "Son suffers from autism and attends a special class.",
        "Grandmother afflicted with Parkinson's, falls twice a week per son.",
    ],
    "note.interpretation": [
        "Mom played the victim the whole meeting.",
    ],
    "note.motive": [
        "Crying in session, but it felt manipulative.",
        "Guest asked for a second towel, angling for extras as usual.",
    ],
    "note.character": [
        "Belligerent during the HV, CM left early.",
    ],
}

PASSES = [
    # a rule word said of a thing or an institution
    "The building was noncompliant with the fire code; the landlord has 30 days to fix it.",
    "The heater was cited as noncompliant by the inspector; CM called the housing authority.",
    "The application was refused by the shelter because the beds were full.",
    # negated observations
    "Neither adult appeared intoxicated at the visit; speech was clear.",
    "Nobody in the home appeared impaired.",
    # clinical screening wording
    "Denies SI, HI or AVH on the PHQ-9 and the C-SSRS screener.",
    "Client denies current suicidal ideation; last SI was in 2019 per her report.",
    # the neutral legal sense of "alleges", and admission to a place
    "The petition alleges the father missed four court-ordered visits.",
    "Pt was admitted to the medical floor on day 3.",
    # the client's own words, a feeling shown by what was seen
    "Client said, 'I feel like a mess today.'",
    "Mom appeared upset: she cried and her voice shook when she talked about the notice.",
    # groups named without a conclusion
    "Family speaks Somali at home; CM booked a Somali interpreter for the next visit.",
    "Client identifies as Lakota and asked for a referral to a tribal health program.",
    "Client is Muslim and asked that visits not fall during Friday prayers.",
    # a report that the observation supports
    "Client reports knee pain 7/10 and was observed limping and holding the rail.",
    "Client said she paid the rent on day 3; the landlord's ledger shows no payment.",
    # signs observed, recorded plainly beside the client's account (no contrast drawn)
    "Client said she has not used since day 10. Her speech was slurred and there was a smell of alcohol.",
    # a question that is not rhetorical
    "Who holds the lease now? CM will ask the landlord on day 12.",
    # ordinary verbs
    "Client asked for help with the unemployment claim form.",
    "She is 71 and lives with her daughter.",
    "The dog barked at CM at the door.",
    "Client threw away the expired food in the fridge with CM's help.",
]


@pytest.mark.parametrize(
    ("rule", "text"),
    [(rule, text) for rule, texts in FLAGGED.items() for text in texts],
    ids=lambda v: v[:40],
)
def test_realistic_judgment_is_flagged_by_its_rule(rule, text):
    report = check_note(text)
    assert not report.ok
    found = [f for f in report.findings if f.rule == rule]
    assert found, [(f.rule, text[f.start : f.end]) for f in report.findings]
    for finding in found:
        assert finding.severity == "warning"
        assert finding.message and finding.suggestion and finding.source
        assert text[finding.start : finding.end].strip()


@pytest.mark.parametrize("text", PASSES, ids=lambda v: v[:40])
def test_realistic_observation_passes(text):
    report = check_note(text)
    assert report.ok, [(f.rule, text[f.start : f.end]) for f in report.findings]


@pytest.mark.parametrize(
    "text",
    ["He's lazy about ESL.", "She's demanding with the staff.", "They're hostile at visits."],
)
def test_a_label_after_a_pronoun_contraction_describes_the_person(text):
    """The person a label describes may come as "He's": the pronoun and its verb in one word."""
    assert "note.character" in {f.rule for f in check_note(text).findings}


# --- fresh wording from the blind and training sets (this file's own) ---------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # doubt built across two sentences: a report of need, then a detail set against it
        (
            "Mother says she cannot afford the bus pass. Her nails were freshly done at the visit.",
            "note.tone.undercut-detail",
        ),
        # a report set against an everyday activity, joined by "while" or "was snoring"
        (
            "Pt rates her nausea 8/10 while polishing off a plate of fries.",
            "note.tone.report-activity",
        ),
        (
            "Youth who told staff he had not slept in days was snoring at 0200.",
            "note.tone.report-activity",
        ),
        # a person named by a condition, and a label as a possessive
        ("Our dialysis guy called again about his ride.", "note.condition-label"),
        ("Another junkie's story about a stolen bag.", "note.stigma"),
        # ironic titles, inflation and language put-downs
        (
            "Tenant, our resident housing lawyer, explained the lease to CM for half an hour.",
            "note.tone.sarcasm",
        ),
        (
            "His English is too broken to get much out of, so CM spoke with his son.",
            "note.tone.condescension",
        ),
        # a group, then a conclusion that withholds a service
        (
            "Women of her generation don't use counselors, so the referral was not made.",
            "note.tone.stereotype",
        ),
        (
            "Grandfather, impressively polished for a Haitian farmer, brought every paper.",
            "note.stereotype-compliment",
        ),
        # a motive read into good behaviour before a hearing
        ("Dad was all smiles at the visit, with the custody review next week.", "note.tone.motive"),
        # a limit the client named, then "yet" and a detail set against it
        (
            "Too sore to do the stretches at group, yet carried two cases of water up the stairs after.",
            "note.tone.claim-undercut",
        ),
        # a person summed up in a behaviour label
        ("Bed 9 is a kicker and a yeller, so night staff should go in pairs.", "note.tone.label"),
        ("Teen is a total basket case whenever his mom visits.", "note.tone.label"),
        # a word or two of the client's report set in quotation marks
        ("Mom says she 'lost' the second bus pass we gave her.", "note.tone.quoted-word"),
        # care written as the handling of livestock, children as a pack
        (
            "The kids in unit C were a pack again at lunch, grabbing food off trays.",
            "note.tone.comparison",
        ),
        # speculation stated as fact
        ("Wouldn't be surprised if the boyfriend is still living there.", "note.tone.guess"),
        # mock praise and sarcasm
        ("Congrats to dad for remembering the visit on his third reminder.", "note.tone.sarcasm"),
        # praise qualified by a group: a stereotype
        ("Dad was pretty sharp for a guy from the hollers.", "note.tone.stereotype"),
        # warmth that follows a benefit: a guessed motive
        ("Tenant got a lot friendlier once the rent credit came up.", "note.tone.motive"),
        # relapse and choices as a moral story
        ("She needs to learn that choices have consequences.", "note.tone.moralized"),
        ("Cl is definitely selling part of her food box.", "note.tone.guess"),
        ("Such a treat having him at group today, he argued with everyone.", "note.tone.sarcasm"),
        ("He's burned every bridge in town and now expects us to fix it.", "note.tone.moralized"),
        ("Resident in 12 is a known faker, third fall this week.", "note.tone.label"),
        ("They show up at the pantry in herds on Fridays.", "note.tone.comparison"),
        ("She's Amish, so no point offering the phone app.", "note.tone.stereotype"),
        # a group named, then a conclusion or a decision drawn from it
        (
            "Grandma is Laotian, so the fall-prevention talk was pictures only.",
            "note.tone.stereotype",
        ),
        ("Farm guys don't do counseling, so kept the visit to paperwork.", "note.tone.stereotype"),
        # labels made of a career or a textbook case
        ("Youth is a career runaway, sixth AWOL this year.", "note.tone.label"),
        # one-word sarcasm, and a relapse told as everyone's prediction come true
        (
            "Son visited for the first time since March, right after the house sold. Heartwarming.",
            "note.tone.sarcasm",
        ),
        ("Back on pills two weeks out, just as the whole team predicted.", "note.tone.moralized"),
        # a crowded room likened to a barnyard; an emotion read as a performance
        (
            "Lobby was a barnyard this morning, parents squawking at the front desk.",
            "note.tone.comparison",
        ),
        ("Her apology at the team meeting sounded rehearsed.", "note.tone.guess"),
        # illness as captivity, need as begging, a motive read into a civic act
        ("He has been a prisoner of alcohol for twenty years.", "note.tone.moralized"),
        ("Blew through the rent assistance and is back with his hand out.", "note.tone.moralized"),
        (
            "She's backing the tenant petition only because she wants the lot by the gate.",
            "note.tone.motive",
        ),
        # mock praise and a stereotype about a group and an age
        ("Teen was a real ray of sunshine at intake, hood up and silent.", "note.tone.sarcasm"),
        (
            "Grandpa's spelling is rough, as is typical with older farmers, so the form was filled in for him.",
            "note.tone.stereotype",
        ),
        # a room likened to an asylum, a condition as a nickname, a service joined for a motive
        (
            "The visiting room was a madhouse, two aunts screeching over the custody order.",
            "note.tone.comparison",
        ),
        ("Another PTSD vet who thinks curfew is for other people.", "note.tone.label"),
        ("Youth only enrolled in the GED class to get his fines reduced.", "note.tone.motive"),
        (
            "Ex-military, so he'll only respond to a firm hand; paired him with the strictest mentor.",
            "note.tone.stereotype",
        ),
        (
            "Nice of him to text an hour after group ended to say he was running late.",
            "note.tone.sarcasm",
        ),
        (
            "He's a roofer, so he'll probably skip the follow-up once the weather turns.",
            "note.tone.stereotype",
        ),
        ("Uncle is a powder keg, the neighbors keep their distance.", "note.tone.label"),
        (
            "Dad found time for his bowling league but not for the parenting class.",
            "note.tone.undercut",
        ),
        ("Mom is now an expert nutritionist thanks to one TikTok video.", "note.tone.sarcasm"),
        (
            "His knee flare-up came at a very convenient time, the week of the work search audit.",
            "note.tone.motive",
        ),
    ],
    ids=lambda v: v[:40],
)
def test_fresh_wording_is_flagged_with_a_reason(text, rule):
    report = check_note(text)
    flagged = [f for f in report.findings if f.severity != "info"]
    assert rule in {f.rule for f in flagged}, [(f.rule, text[f.start : f.end]) for f in flagged]
    assert all(f.suggestion and f.source for f in flagged)


def test_a_cross_sentence_cue_marks_the_second_sentence_only():
    text = "Mother says she cannot afford the bus pass. Her nails were freshly done at the visit."
    finding = next(f for f in check_note(text).findings if f.rule == "note.tone.undercut-detail")
    assert finding.start > text.index(".") and text[finding.start : finding.end] == "freshly done"
    # the same detail with no report before it is an observation
    assert check_note("Her nails were freshly done at the visit.").ok


@pytest.mark.parametrize(
    "text",
    [
        "Trailer 4 was noncompliant with the county septic code; the owner has 14 days to fix it.",
        "The landlord's notice was noncompliant with the state code; CM called legal aid.",
        "The intake says the boy was allegedly abused by a relative; the investigator interviewed him at school.",
        "The intake narrative alleges the rent money was taken from the family's account; CM called the bank.",
        "Alleged father was served on day 4; the genetic test is on day 20.",
        "Her brother claimed them as dependents last year, which changes her SNAP household.",
        "Grandmother said the twins have been 'a lot' this week and asked about respite care.",
        "Cl filed a UI claim on day 1; the claim is pending.",
        "Pt's performance on the six-minute walk test was 240 meters.",
        "Client maintains her apartment well; no clutter in the halls.",
        "Per the school secretary, the bus route apparently changed in March; CM asked for the new schedule.",
        "Can't afford the co-pay this month, but the clinic's sliding scale brings it to $5.",
        # the client's own word, quoted for precision
        'Client said she feels "stuck" and asked about the job training list.',
        'Pt describes the pain as "burning" and rates it 6/10.',
        # "claimed" in its benefits sense
        "Grandmother claimed the county heating credit for the second year.",
        "Vet claimed his raffle prize at the post dinner.",
        # an insurance claim, a group named for a need it has
        "Owner filed a claim with his insurer after the flood; claim approved on day 9.",
        "Family is Somali and asked for a Somali-speaking interpreter, so CM booked one for Tuesday.",
        "Tenant reported feral cats under the porch of the empty unit; CM told the manager.",
        "Claimant checked the state claims portal with RC; the claim shows as pending.",
        # a rating copied from a form, and slowness said of speech, not of the person
        "Supervisor rated his first month 'meets expectations' on the review form.",
        "Her speech was slow and she paused before each answer; CM wrote the dates down for her.",
        # person-first wording, a manner adverb, cursing, and a rule word said of a thing
        "Youth has ADHD and did best with a standing desk during the math session.",
        "Tenant explained the repair problem clearly and with photos.",
        "He swore at the bus driver twice, per the transit incident report.",
        "The back stairwell was noncompliant with the fire code; the owner was cited on day 3.",
        # the workbook's own closure summary: a Goal Attainment Scaling score against its scale
        "Goal attainment T-score: 42 → 58 (50 = as expected).",
        # the client's own name for a thing, quoted
        'Child asked for the "dino nuggets" again, which is his name for the chicken bites.',
        "CM and the survivor found a convenient time for the court accompaniment.",
        # running out, lifting with pain: what the client reported, observed
        "Cl reports running short of diapers by the 20th; CM added the diaper bank.",
        "Pt reports knee pain 6/10 and grimaced on lifting the leg onto the stool.",
        "Youth says he is paid in cash at the car wash, about $150 a week; CM explained how to report it.",
        "Caller says the app is still on his phone; counselor helped him delete it during the call.",
        "Pt is definitely eligible for the charity care program per the income table.",
    ],
    ids=lambda v: v[:40],
)
def test_neutral_neighbours_of_the_fresh_wording_pass(text):
    report = check_note(text)
    assert report.ok, [(f.rule, text[f.start : f.end]) for f in report.findings]


def test_an_activity_in_the_next_sentence_reads_as_doubt():
    text = "Pt rates his knee pain 9/10. Walked the length of the parking lot at a brisk pace."
    finding = next(f for f in check_note(text).findings if f.rule == "note.tone.report-activity")
    assert finding.start > text.index(".")


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Apparently the landlord changed the locks.", False),
        ("Per the building manager, the locks were apparently changed on day 3.", True),
        ("Dad was mother of the year at the visit, per the aide's eye-roll.", False),
        ("Client was not sure of the year and said it was 2019.", True),
    ],
    ids=lambda v: str(v)[:40],
)
def test_apparently_with_its_source_and_of_the_year_without_a_title(text, ok):
    assert check_note(text).ok is ok, [
        (f.rule, text[f.start : f.end]) for f in check_note(text).findings
    ]


# --- fresh wording the nineteenth blind set and two training sets showed (this file's own) -


def test_a_quoted_word_in_the_clients_report_is_marked_with_its_marks():
    text = "Mom says she 'lost' the second bus pass we gave her."
    finding = next(f for f in check_note(text).findings if f.rule == "note.tone.quoted-word")
    assert text[finding.start : finding.end] == "'lost'"
    assert "Beach" in finding.source


@pytest.mark.parametrize(
    "text",
    [
        "Client claims her check was stolen from the mailbox.",
        "Dad claimed he never got the notice.",
    ],
    ids=lambda v: v[:40],
)
def test_claims_that_doubts_a_report_is_still_flagged(text):
    assert "note.credibility" in {f.rule for f in check_note(text).findings}


@pytest.mark.parametrize(
    "text",
    [
        "The intake report alleges the toddler was left unsupervised near the pool.",
        "APS allegations of financial exploitation were unsubstantiated after the home visit.",
        "Alleged father was served on day 4; the genetic test is on day 20.",
    ],
    ids=lambda v: v[:40],
)
def test_the_legal_sense_of_alleges_is_not_questioned(text):
    """'Alleges' said of a report or a petition, and 'the alleged father', are the neutral
    legal sense: no finding, not even a suggestion, marks the word."""
    marked = [text[f.start : f.end].lower() for f in check_note(text).findings]
    assert not any(span.startswith("alleg") for span in marked), marked


def test_alleges_said_of_the_client_still_reads_as_doubt():
    text = "Client alleges the landlord came in without notice."
    assert "alleges" in [text[f.start : f.end] for f in check_note(text).findings]


# --- wording blind sets 25 to 31 and training sets 13 to 16 showed (this file's own examples)
NEWEST_JUDGMENTS = [
    # from blind set 25 and training set 13
    # moralised setbacks and illness as a burden
    (
        "Dad undid a whole month of hard work by skipping the last three groups.",
        "note.tone.moralized",
    ),
    ("Resident is saddled with diabetes and a bad hip.", "note.tone.moralized"),
    ("Maybe an eviction will be the wake-up call she needs.", "note.tone.moralized"),
    # talking down
    ("Showed her the bus app three times; not sure it will ever stick.", "note.condescension"),
    # sarcasm and mock praise in fresh wording
    ("Youth staged a whole scene in the lobby when told the van had left.", "note.tone.sarcasm"),
    ("Member arrived with another excuse; truly the unluckiest woman alive.", "note.sarcasm"),
    ("Mom's plan of letting the tablet babysit the twins is going great.", "note.tone.sarcasm"),
    ("His sudden back pain made its debut the week the work search began.", "note.tone.sarcasm"),
    # doubt verbs, motives and insinuation by timing
    ("Grandpa maintains the bus driver never stopped at his corner.", "note.doubt-verb"),
    (
        "Strange that the rash and the housing appeal both turned up the same week.",
        "note.assumed-motive",
    ),
    (
        "Youth filed the grievance only because he lost his gym time that day.",
        "note.assumed-motive",
    ),
    ("She has to be hiding a boyfriend's income; nobody lives on that.", "note.assumed-motive"),
    ("All the volunteering lately is for the judge's benefit.", "note.assumed-motive"),
    # stereotypes and labels
    (
        "Shelter parents tend to drift off after a week, so CM did not start the school transfer.",
        "note.stereotype-generalisation",
    ),
    ("Room 9's manic yeller kept the hall awake again.", "note.tone.label"),
    ("He is the block drunk, and every clerk at the pantry knows it.", "note.tone.label"),
    ("Recipient is rude and demanding on every call.", "note.character"),
    # signs set against a denial by "yet"
    (
        "Says he has been sober since June, yet his eyes were bloodshot at the visit.",
        "note.juxtaposition-evidence",
    ),
    # from blind sets 26 to 28 and training set 14
    (
        "Arrived with her trademark flawless timing, two minutes before the pantry closed.",
        "note.sarcasm",
    ),
    ("Dad delivered a whole monologue about how unfair the caseworker is.", "note.tone.sarcasm"),
    ("The landlord's crew showed up a speedy three months after the leak.", "note.tone.sarcasm"),
    ("Oh good, the new aide has discovered that teenagers talk back.", "note.tone.sarcasm"),
    ("Back on pills a week after detox; the whole stay was wasted on her.", "note.condescension"),
    ("Good mothers don't miss the pediatrician.", "note.condescension"),
    ("Eleven kids in a two-bedroom and still multiplying.", "note.dehumanising"),
    ("Caseload is full of bottom-feeders lately.", "note.dehumanising"),
    ("Pt admits to unprotected sex twice this month.", "note.doubt-verb"),
    ("Grandpa will own up to a few beers on Sundays.", "note.credibility"),
    ("She only brings the baby when she needs a signature.", "note.assumed-motive"),
    ("The only reason he asked for a new worker is to delay the hearing.", "note.assumed-motive"),
    ("Family is Somali, so CM left them off the holiday toy list.", "note.stereotype-cause"),
    ("Baby was born addicted to fentanyl and went to the NICU.", "note.stigma"),
    ("Burn kid in room 2 asked for more juice.", "note.condition-label"),
    ("He must be diverting the pills; nobody runs out that fast.", "note.tone.guess"),
    ("He's after a free ride, not a job.", "note.tone.motive"),
    (
        "Mom keeps calling with one crisis after another; she enjoys having an audience.",
        "note.tone.motive",
    ),
    ("Vet's a TBI case, so don't expect him to remember the appointment.", "note.tone.label"),
    ("Total conspiracy nut, would not sign the release.", "note.tone.label"),
    ("Pt is a commercial fisherman; a positive UDS is not unexpected.", "note.tone.stereotype"),
    (
        "He needs to take some responsibility instead of expecting the county to feed his kids.",
        "note.tone.moralized",
    ),
    ("CG is lazy about the bath schedule.", "note.character"),
    # from training set 15 (staff shorthand and irony)
    ("Very on-brand for her to lose the bus pass.", "note.tone.sarcasm"),
    (
        "Another productive visit where dad explained why none of it is his fault.",
        "note.tone.sarcasm",
    ),
    (
        "Mom became a nutrition expert overnight and lectured the nurse for half an hour.",
        "note.tone.sarcasm",
    ),
    ("Says the whole family cares about her, lol.", "note.tone.sarcasm"),
    ("Real go-getter, slept till noon and called it a job search.", "note.sarcasm"),
    ("Stunning display of patience from the 15yo today: kicked the door.", "note.tone.sarcasm"),
    (
        "The request for a quiet room is more about getting out of class than any anxiety imo.",
        "note.tone.motive",
    ),
    ("Keeps turning down work, happy to ride the check till it runs out.", "note.tone.motive"),
    ("Calls the office five times a day, trying to wear us down.", "note.tone.motive"),
    ("Must be off her meds again, talking fast and the kitchen is trashed.", "note.tone.guess"),
    ("Skips DOT every payday. Not hard to connect the dots.", "note.tone.guess"),
    ("He's 84, the forgetting is just age.", "note.tone.stereotype"),
    ("Truckers never keep appointments, so CM booked him as a walk-in.", "note.tone.stereotype"),
    ("Our little escape artist reached the lobby again.", "note.tone.label"),
    ("Diva in room 6 wants her own bathroom.", "note.tone.label"),
    ("Grown man, and can't read a bus map.", "note.tone.condescension"),
    (
        "If he put half the energy into his kids that he puts into his truck, things would be different.",
        "note.tone.moralized",
    ),
    ("Just warm bodies on mats at the cooling center tonight.", "note.dehumanising"),
    ("Herded the seniors onto the van after lunch.", "note.dehumanising"),
    ("Seizures are likely pseudoseizures per the ED note.", "note.stigma"),
    ("Says he can't swing the bus fare. New iPhone in a gold case.", "note.tone.undercut-detail"),
    (
        "On disability for her knees, yet she mows the whole lot every week.",
        "note.tone.claim-undercut",
    ),
    # from blind set 30
    ("Dad was reminded, patiently and more than once, that visits end at 7.", "note.condescension"),
    (
        "Couple ran up the store card a month after closing, squandering the savings plan.",
        "note.condescension",
    ),
    ("Tenant asks for the bigger unit so her boyfriend can quietly move in.", "note.tone.motive"),
    ("Member has found the food bank at long last. Balloons to follow.", "note.sarcasm"),
    ("Dad made a brief cameo at the end of the IEP meeting.", "note.tone.sarcasm"),
    ("Aunt was, as ever, generous with her opinions of the school.", "note.tone.sarcasm"),
    ("Her account of the missing check deserves a writing award.", "note.tone.sarcasm"),
    ("Youth denies gang ties despite the tattoos on his hands.", "note.juxtaposition-evidence"),
    (
        "Reports no gas money for the clinic; got to her nephew's birthday party in the next county.",
        "note.juxtaposition",
    ),
    ("Older brother lurked by the door during the whole visit.", "note.dehumanising-verb"),
    ("Serial walk-in again, fourth time at the desk this week.", "note.tone.label"),
    ("Dad is a gambler, and the whole office knows it.", "note.stigma"),
    # from training set 16
    ("Another batch of strays came in off the late bus.", "note.dehumanising"),
    ("Tears turned on the minute I said the word eviction.", "note.sarcasm"),
    ("Heaven forbid she fill out her own renewal.", "note.sarcasm"),
    ("Resident is dead weight on the chore chart.", "note.dehumanising"),
    ("He is a real sociopath, watch your back.", "note.stigma"),
    ("Pulls the disability card whenever the chores come up.", "note.tone.motive"),
    ("Bottom line, she did this to herself.", "note.tone.moralized"),
    ("Kids are paying for dad's lifestyle.", "note.tone.moralized"),
    ("Gave him the budget speech again; not sure why I bother.", "note.condescension"),
    ("Mom was an absolute delight today; only hung up on me twice.", "note.tone.sarcasm"),
    ("Dad's only fighting for the kids so he can keep the house.", "note.assumed-motive"),
    (
        "Older ranchers like him never admit pain, so double whatever he reports.",
        "note.tone.stereotype",
    ),
    ("She chose the bottle over the kids, simple as that.", "note.condescension"),
    (
        "Says she couldn't do the $10 copay, yet tipped the delivery driver in cash.",
        "note.juxtaposition",
    ),
    # from blind set 31
    (
        "Tenant said the lease was lost in the fire. It turned up quickly enough once the rebate was mentioned.",
        "note.tone.motive",
    ),
    (
        "Comes in mostly for the free coffee; the housing questions are an excuse.",
        "note.assumed-motive",
    ),
    (
        "Says his two jobs make visits impossible; his car has been in the driveway at both HVs.",
        "note.juxtaposition",
    ),
    (
        "Son called to list everything the nurses are doing wrong. Very helpful.",
        "note.tone.sarcasm",
    ),
    ("Went over car seat safety AGAIN, third visit in a row.", "note.tone.condescension"),
    (
        "Chapter three of the great lost-voucher mystery: it was in the glovebox.",
        "note.tone.sarcasm",
    ),
]
NEWEST_PLAIN = [
    # from blind set 25 and training set 13
    # an institution, a thing, and the client's own quoted phrase
    "The food foundation refused the grant request because the deadline had passed.",
    "Loaner walker came back with a noncompliant brake; it was tagged out of service.",
    'Child used the phrase "mean game" twice; CM wrote it down and asked open questions.',
    # a report beside signs that bear it out is assessment, not doubt
    "Pt rates pain 9/10; on the phone at arrival, then grimaced and guarded her right side on exam.",
    # plain senses of the new cues
    "Client maintains her apartment well and pays rent on time.",
    "Families tend to call the warmline after 8 pm, so CM added an evening shift.",
    "In her professional opinion, the psychiatrist recommends a step-down unit.",
    "Grant met the filing deadline for the spring cycle.",
    # from blind sets 26 to 28 and training set 14
    "Pt has a BPD diagnosis and asked for the DBT skills group.",
    "The voucher was refused at the counter because it had expired.",
    "Pt picked a princess costume for the Halloween party on the unit.",
    "Worker reports he can't lift more than 10 lb; NCM asked PT to add a lifting test to the FCE.",
    "Vet asked for help with his pension claim; VSO pulled the form.",
    "The first hotel refused the voucher because it was full, so CM booked the next one.",
    "She must have her ID with her to pick up the check on Friday.",
    # from training set 15 (staff shorthand and irony)
    "Caller worries her neighbor is not eating; on the visit the fridge had milk and bread, weight 118 lb.",
    "Pt says she is too tired to get out of bed before 10; CM moved the visit to the afternoon.",
    'Told the nurse the aide is "rude" and asked for a different aide; the team will meet on Monday.',
    "Interpreter services for the deaf community are open on Tuesdays.",
    "So proud of the progress, she said; CM noted she passed the permit test.",
    # from blind set 30
    "Student insisted on calling his aunt himself, and the counselor gave him the phone.",
    "Clean-catch urine sample collected; results pending.",
    "The voucher arrived at long last after three calls to the housing office.",
    # from training set 16
    "Rash probably viral per Dr. Okafor; recheck in 48 hours.",
    "Pt with type 2 diabetes, BG 301 at 1500; diabetes educator consult placed.",
    "CM emailed the homeless court clerk the request to appear by video.",
    "ED high-utilizer case conference set for Thursday; GI referral placed.",
    "Grandmother called about the denied hearing aid claim; appeal filed.",
    "Walked to the smoking area at 1400 with a steady gait; PT to reattempt the eval.",
    # from blind set 31
    "Mom was too tired for tummy time, so the nurse showed her a side-lying position.",
    "He reported pain in his left hip while walking to the van, so staff brought a wheelchair.",
    "He reports spending $30 of the food card on diapers; program rules reviewed with him.",
]


def _warnings(text: str) -> list:
    return [f for f in check_note(text).findings if f.severity != "info"]


@pytest.mark.parametrize(("text", "rule"), NEWEST_JUDGMENTS, ids=lambda v: v[:40])
def test_wording_from_the_newest_sets_is_flagged_with_a_reason(text, rule):
    flagged = _warnings(text)
    assert rule in {f.rule for f in flagged}, [(f.rule, text[f.start : f.end]) for f in flagged]
    assert all(f.suggestion and f.source for f in flagged)


@pytest.mark.parametrize("text", NEWEST_PLAIN, ids=lambda v: v[:40])
def test_plain_neighbours_of_the_newest_cues_pass(text):
    flagged = _warnings(text)
    assert not flagged, [(f.rule, text[f.start : f.end]) for f in flagged]


def test_must_be_is_a_guess_not_a_directive():
    """'He must be selling' guesses; 'she must attend' directs. Only the second is a decision
    made for the client."""
    guess = check_note("He must be selling the pills.").findings
    directive = check_note("Client was told she must attend every group.").findings
    assert "note.unilateral" not in {f.rule for f in guess}
    assert "note.unilateral" in {f.rule for f in directive}
