"""Per-item results on the labelled corpora (written for this project, in tests/data)."""

import pytest

from casework.checks.deid import find_identifiers
from casework.checks.goal import check_goal
from casework.checks.note import check_note
from tests import corpora

# Lines of the blind corpora whose label the workbook does not follow, and why. Each is
# expected to fail, strictly: if the check starts agreeing, the test says so.
DISPUTED = {
    "Dad's a drunk and has been since high school, per the grandmother.": (
        "The label is credited to the grandmother ('per …'), so the coach asks the student to "
        "quote it (an info finding) rather than calling it the writer's own."
    ),
    "No visible marks on face, neck or forearms at CAC intake; medical exam set with the child abuse pediatrician.": (
        "The wording is neutral, but a child abuse evaluation is under way: the safety coach "
        "asks the note to record the report decision, which this line leaves out."
    ),
    "Child said, 'Mommy's friend pushed me into the wall,' and pointed to her left shoulder.": (
        "Quoting the child is right, but a child's disclosure of being hurt asks for what was "
        "done next (safety, the supervisor, the report), which a note must record."
    ),
    "Youth has a history of self-harm (cutting on forearms, last about 2 months ago per youth); referred to DBT skills group.": (
        "The wording is neutral, but self-harm, even in the past, asks for a documented "
        "question about current risk (the Columbia Protocol screener asks about lifetime and "
        "recent behavior); the safety coach asks for it rather than let it pass."
    ),
    'Aide note: client says she "fell" in the kitchen; bruises on both upper arms.': (
        "A word in quotation marks inside reported speech stays the client's word, as in "
        "'Client said he stays over \"sometimes\"'; the coach does not read the doubt the "
        "labeller hears in the marks, and the bruises still raise the safety question."
    ),
    "Applicant is a chronic tweaker, per the landlord reference.": (
        "The label is credited to the landlord's reference ('per …'), so the coach asks the "
        "student to quote it (an info finding) rather than calling it the writer's own."
    ),
    "The protective order petition alleges three incidents of strangulation over the past four months.": (
        "The wording is neutral, but strangulation is a risk to life: the safety coach asks "
        "what was done next (a medical check, a safety plan), which a note must record."
    ),
    "According to him, the bruises on his arms came from slipping in the shower.": (
        "'According to him' is the attribution the workbook teaches; the coach does not read "
        "doubt into it. The bruises still raise the safety question, which the note leaves open."
    ),
    "By day 45, before the permanency hearing, mother will complete the 10-week Nurturing Parenting class and give the certificate to CM.": (
        "A 10-week class does not fit in 45 days unless it has already begun, which the line "
        "does not say; the check names the figures and asks the student to fit the goal to them."
    ),
    "Ppt reports two weeks without use. Pupils pinpoint at the window.": (
        "A sign recorded in its own sentence, with no contrast word, is what the workbook asks "
        "for ('record the report and what you observed, each on its own'); the coach does not "
        "read doubt into the order of two plain sentences."
    ),
    "Guest said there has been no food at home since Tuesday; she chose items for 4 people, including beans, rice and snacks for the kids.": (
        "A pantry visit is the answer to the need, but children without food at home is a "
        "safety question the coach raises (is this poverty alone, or neglect?), which a note "
        "can settle in a sentence."
    ),
    **{
        line: (
            "Not achievable in the labeller's view, but the line gives no figure the check "
            "can weigh (an income against a sum, a pace, a plan length, credits, a reading "
            "level): the check says nothing rather than guess, and leaves it to the student."
        )
        for line in (
            "Client, who arrived last month and speaks no English, will pass the citizenship "
            "English and civics test within 60 days, confirmed by the USCIS notice.",
            "Within 1 week, the bed-bound hospice patient will walk to the mailbox daily, "
            "documented by the aide.",
            "Youth will raise his GPA from 1.2 to 3.5 by the end of the 4-week grading period.",
            "Resident, who has used a wheelchair since her stroke, will walk unassisted to every meal by the end of next week.",
            "Pt, who was just listed for transplant where the average wait is about 5 years, will receive a new kidney by month 3.",
            "RC, released with $40 gate money and no job, will pay off $12,000 in court fines within 30 days.",
            "Student, who works 35 hours a week on top of 18 credits, will raise her cumulative GPA from 1.4 to 3.8 by the end of this term.",
            "In this 90-day shelter plan, the guest will finish her nursing degree by day 80, per her transcript.",
            "Grandmother, 78 and six weeks out from a hip fracture, will walk the kids 2 miles each way to school starting next week.",
            "The refugee family, with one parent earning $14 an hour part-time, will buy a house within 3 months of arrival.",
            "Client, who has used a wheelchair since her stroke last month, will return to her warehouse job lifting 50-pound boxes within 10 days.",
            "Participant, who works 20 hours a week at $13 an hour and has no savings, will buy a car with cash by the end of this month.",
            "Tenant association will get the landlord to renovate all 200 units within 2 weeks, confirmed by city inspection.",
            "Within the 6-month home visiting enrollment, mom will finish her nursing degree by month 5.",
            "Student will go from failing 4 classes to the honor roll by the progress report in 2 weeks.",
            "Pt on dialysis 3x/wk for ESRD will be off dialysis by the 60-day review per nephrology note.",
            "In the 6-wk intro to computers course learner will earn CompTIA A+ and Network+ by wk 3, cert copies in folder.",
            "Child w/ CP, not yet sitting on own at 24 mos, will run and jump with both feet by next month's HV, PT to observe.",
            "Cl starting the 6-wk job club will be promoted to shift supervisor by wk 6, per employer letter.",
        )
    },
    "Returning citizen, released yesterday with no ID and no income, will sign a lease on his "
    "own apartment by day 5, shown by the signed lease.": (
        "The goal is hard, but the check judges achievability only from figures it can weigh "
        "(an income against a sum, a pace, a plan length); 'no ID and no income' against five "
        "days is a judgement it leaves to the student and the supervisor, rather than guess."
    ),
}


# Lines whose label is right but which the checks miss, and why: limits, said out loud.
KNOWN_MISSES = {
    "Dawn is the primary caregiver and sleeps on the couch beside the hospital bed.": (
        "A name that is an everyday word ('Dawn') opening a sentence needs a cue the lists know (a speech verb, a relation word); 'is the primary caregiver' is not one yet."
    ),
    "Shelter intake is busiest in December, per the coordinator.": (
        "A false flag: a month named alone is read as an element of a date. Safe Harbor removes every element of a date tied to a person except the year, and the check cannot yet tell a month tied to a person from a season of the year."
    ),
    "The family, whose only income is a $1,900 monthly entry-level wage, will buy a house within the 90-day R&P period.": (
        "A purchase that is not paid in cash is not weighed against income (a mortgage or a grant could pay for it), so the check says less than the label; it takes 'with cash' or 'outright' to test a price against the income."
    ),
    "Survivor said, 'He tells everyone I'm crazy,' while showing the advocate the texts on her phone.": (
        "A false flag: the juxtaposition rule reads the phone's texts, set beside her report, as doubt, though here they bear it out. The rule cannot tell evidence that supports a report from evidence set against it."
    ),
    "Tenant found the exact amount for her phone bill this month but not one dollar toward rent.": (
        "The doubt is carried by 'but not one dollar toward rent' with no word the coach knows; an insinuation with no cue."
    ),
    "Youth and mom both said he was home by curfew Friday, though the EM log shows one alert at 10:40 pm; PO sent the log to the vendor to check for a signal error.": (
        "A false flag: the juxtaposition rule reads the monitor's log, set beside what the youth and his mother said, as doubt, though the officer sends it to be checked. The rule cannot tell a neutral record of conflicting data from doubt."
    ),
    "Tenant told the judge she never got the 14-day notice; I saw that same envelope sitting opened on her counter at our last visit.": (
        "Doubt by juxtaposition across a semicolon with 'I saw that same envelope', a first-person observation the juxtaposition rule does not take as a counter-observation."
    ),
    "Mr. V blessed the clinic with an appearance after four missed dosing days.": (
        "The full stop after an honorific is read as the end of a sentence, so the cue and the "
        "rest of the sentence are weighed apart and the model is not sure enough."
    ),
    "Cried at the window until the nurse moved her up the line; she knows what works.": (
        "The cue ('knows what works') is found, but the word model reads the sentence at 0.21, "
        "under the 0.35 it needs to confirm."
    ),
    "Father describes himself as the primary caregiver; the child could not tell this CASA what street his father lives on.": (
        "Doubt by juxtaposition with no cue: a child's answer set against the father's account."
    ),
    "Cl states he has been clean since March. Pupils pinpoint at today's check-in.": (
        "'Clean' is credited to the client, so it gets an info finding; the doubt comes from a "
        "clinical sign in the next sentence, which no cross-sentence cue names."
    ),
    "He says he was 'at work' during the home visit window; no paystub provided.": (
        "Words in quotation marks inside reported speech are read as the client's own; the "
        "coach does not hear the doubt the labeller hears in the marks."
    ),
    "Client, who has no income and no benefits pending, will lease a market-rate 2-bedroom apartment by day 10.": (
        "A lease states no price, so the check does not weigh it against the lack of income; "
        "it says nothing rather than guess."
    ),
    "Honor is sleeping on her cousin's couch for now.": (
        "A name that is an everyday word ('Honor') opening a sentence needs a cue the lists "
        "know (a speech verb, a relation word); 'is sleeping' is not one."
    ),
    "Caller alleges her ex is still calling from blocked numbers.": (
        "'Caller alleges' is read in the hotline sense (a caller reporting someone else), "
        "which is neutral; here the caller is the client."
    ),
    "Mom states the indiv 'can't' ride the bus alone.": (
        "Words in quotation marks inside reported speech are read as the speaker's own; the "
        "coach does not hear the doubt the labeller hears in the marks."
    ),
    "Hotline f/u: caller's questions kept circling back to the hotel voucher; safety planning seemed secondary for her.": (
        "The cues ('kept circling back to', 'seemed') are found, but the word model reads the "
        "sentence at 0.26, under the 0.35 it needs to confirm."
    ),
    "Caller says he has not placed a bet since the 3rd; could hear race commentary in the background the entire call.": (
        "The cue ('in the background') is found, but the word model reads the sentence at "
        "0.44, under the 0.45 it needs to confirm."
    ),
    "Candidate states he has been fully abstinent for 6 months. Of note, hands were shaky and eyes red at a 9am appointment.": (
        "The doubt is built across two sentences from clinical signs; the cue ('Of note,') is "
        "found, but the model reads the sentences as a neutral record (0.24)."
    ),
    "Daughter reports her father talks to the urn each evening, though he is eating and sleeping; counselor discussed continuing bonds with him and set the next session for 2 weeks out.": (
        "A false flag: the juxtaposition rule reads eating and sleeping, set after the report, "
        "as doubt, though here they reassure. The rule cannot tell evidence that eases a "
        "concern from evidence set against a report."
    ),
    "Pt with stage 4 heart failure will run a 5K by day 30, confirmed by the race results.": (
        "Not achievable for a medical reason the check does not judge: it reads only income, "
        "time, weight, grades, degrees and a few recoveries from surgery it has a source for."
    ),
    "Client with advanced ALS who has just elected hospice will return to full-time work within 30 days, verified by pay stubs.": (
        "Not achievable for a medical reason the check does not judge (see the line above); "
        "it prefers saying nothing to guessing at a prognosis."
    ),
    "Vet will attend weekly CPT sessions for the full 12-session course, per therapist attendance.": (
        "A course counted in sessions: weekly sessions give about 12 weeks, but the check reads "
        "a course's own length only in days, weeks or months."
    ),
    "IW, 1 wk out from L4-L5 fusion, will lift 75 lbs and return to full duty by day 10 per FCE.": (
        "Not achievable for a medical reason the check has no source for (recovery from spinal "
        "fusion); it judges returns to work only after the operations its sources cover."
    ),
    "Espérance is doing better in ESL, teacher says she reads short stories now.": (
        "A given name no list holds, opening the line before 'is': no cue marks it as a name."
    ),
    "Pt is the cyclist who was hit by the city bus during the marathon, per ED RN.": (
        "A unique event with no mention of the news: the event patterns need a sign that "
        "the story was public, or a named disaster."
    ),
    "P calls himself 'a lifer, I'll always use' and said he is not ready for treatment right now.": (
        "A false flag: the apostrophe in “I'll” hides the single-quoted words from the quote "
        "reader, so the client's own word 'lifer' is read as the writer's label."
    ),
    "Relapsed again after we lined up every appointment for him; threw six months away for one weekend.": (
        "A rule marks one match a sentence: 'Relapsed again', which the info on 'relapsed' "
        "already covers, is tried first, and 'threw six months away' is not tried after it."
    ),
    "Cl has a 'doctor's appointment' every other Friday, always on truck day.": (
        "The apostrophe in “doctor's” hides the single-quoted words from the quote reader, so "
        "the scare quotes are not seen."
    ),
    "Mother describes him as violent and out of control. He sat quietly on the couch the entire 40 minutes MCT was there.": (
        "Doubt cast on the mother's account by the calm that follows, with no cue; her words "
        "are attributed to her, so they get info findings only."
    ),
    "As always, a joy to reach by phone; four voicemails and counting.": (
        "Sarcasm the word model reads as neutral (0.04): 'as always' is found, but the mock "
        "praise ('a joy to reach') has no cue."
    ),
    "Worker's complaint to the DOL alleges the subcontractor withheld $640 in wages over two weeks.": (
        "A false flag: 'alleges' in its legal sense, with its subject ('complaint') three words "
        "back, where the rule looks only one word back."
    ),
    "IW will go from a 10 lb lifting restriction to full duty lifting 100 lb within 10 days of the spinal fusion.": (
        "Not achievable for a medical reason the check has no source for (recovery from spinal "
        "fusion)."
    ),
    "Patient, who receives $943 a month in SSI, will pay $700 a month toward the balance for the next 12 months.": (
        "Unrealistic to the labeller, but the payment is below the income the line states and "
        "no rent is named; the check judges only an amount above what the income leaves."
    ),
    "Pt with 30% TBSA grafts will return to full-time roofing within 2 weeks of discharge, verified by an employer letter.": (
        "Not achievable for a medical reason the check has no source for (recovery from burns)."
    ),
    "Youth says it isn't safe for her at home. CM spoke with mother by phone, who was calm, polite and very reasonable.": (
        "The cross-sentence cue ('very reasonable') is found, but the word model reads the two "
        "sentences at 0.31, under the 0.35 it needs to confirm."
    ),
    "Cl is Jamaican and smokes weed daily; that's cultural and probably not worth putting in the plan.": (
        "The cues ('that's cultural', 'probably') are found, but the word model reads the "
        "sentence at 0.33, under the 0.35 it needs to confirm."
    ),
    "Daughter says she visits mom every day; 2nd shift has yet to see her car in the lot.": (
        "The cue ('yet' after a report) is found, but after a report the model must reach 0.6 "
        "(a 'yet' there often just adds a fact) and it reads this sentence at 0.59."
    ),
    "Guest said police in his home country beat him during a detention; scars noted on both forearms and he asked for a medical exam for his asylum case.": (
        "A false flag: 'beat him' is read as partner violence; the safety coach does not yet "
        "tell violence by the police abroad, already answered here, from violence at home."
    ),
    "Youth said he slept outside last night. Showed up to intake with a fresh fade and a fully charged phone.": (
        "The cue ('fresh … fade') is named, but the model reads the two sentences together at "
        "0.27, under its threshold of 0.35: it has not seen enough doubt built from looks."
    ),
    "Somali household, so expect relatives to pile in; steered them to the 4BR even though they asked about the 2BR.": (
        "The cue ('Somali household, so') is named, but the model reads the sentence at 0.16: "
        "the steering that makes it a stereotype acted on is in words it weighs as neutral."
    ),
    "Caller wants to sue the bank, the county and the neighbor's dog, preferably by Friday.": (
        "Sarcasm by exaggeration: 'preferably by Friday' is a cue, but the model reads the "
        "sentence at 0.27, and the list that carries the mockery has no word it knows."
    ),
    "Yth is the kid who drove his mom's car into the school gym during graduation.": (
        "A unique event with no word the event rules know (news, viral, rescue, only): the "
        "check cannot tell a remarkable act from an ordinary one."
    ),
    "Sunny no-showed at the job site again, IW texted twice.": (
        "A name that is an everyday word opening the line, then 'no-showed', which the "
        "tokenizer splits at the hyphen, so no verb after the name is read as a cue."
    ),
    "MOB, a single parent of four working nights, will complete a parenting class, the GED, a CNA course and driver's ed, all by the end of next week.": (
        "The rush check counts life changes (a home, a job, school, a divorce, a licence) due "
        "within 7 days; 'the end of next week' may be 14 days away, and courses are not on "
        "its list, so it says nothing rather than judge four courses against two weeks."
    ),
    "Says she has no money and nowhere to go on release, however she had $300 on her books within a week.": (
        "The turn after her report ('however') is a cue whose rule needs the model at 0.6, "
        "since such a turn often joins two plain facts; the model reads this one at 0.36."
    ),
    "Keeps pressing the call button after 10 pm; I think he's lonely and wants company more than anything medical.": (
        "A guessed motive ('I think he's lonely', 'wants company') is named by cues, but the "
        "model reads the sentence at 0.21: the care words around it weigh as neutral."
    ),
    "Reviewed her credit report line by line, the way you would with a child; unclear how much landed.": (
        "The cue ('the way you would with a child') is named, but the model reads the "
        "sentence at 0.18, as most of its words are a careful record's."
    ),
    "Worker reported the bunkhouse is cold at night, though the heater was running at the 0600 inspection, so inspector left a thermometer log with the crew leader.": (
        "A false flag: the juxtaposition rule reads 'though the heater was running', set "
        "beside the worker's report, as doubt, though the inspector goes on to measure it. "
        "The rule cannot tell a neutral record of conflicting data from doubt."
    ),
    "Within the 30-day hospital-at-home episode, pt will complete all 36 sessions of cardiac rehab, documented by the rehab program.": (
        "Not achievable in the labeller's view, but Medicare allows up to two one-hour cardiac "
        "rehabilitation sessions a day (42 CFR 410.49), so 36 sessions in 30 days is not "
        "ruled out by the count alone; the check says nothing rather than guess."
    ),
    "Grandmother speaks mostly Mixteco; doubtful much of the discharge plan would land with her anyway.": (
        "The cue ('doubtful') is named, but the model reads the sentence at 0.30: the "
        "conclusion drawn from her language is in words it weighs as a plain record."
    ),
    "Utility's payment website apparently went down Monday; the call center confirmed no late fee would post.": (
        "A false flag: 'apparently' with no source is read as the writer's doubt, though "
        "here it is said of a website, not of the client."
    ),
    "Grandma says mom is a cutter, so keep an eye on the baby.": (
        "The label is credited to the grandmother ('Grandma says'), so the coach asks the "
        "student to quote it (an info finding); it does not read the conclusion the writer "
        "draws from it ('so keep an eye on the baby') as taking the label on."
    ),
    'Grandmother said the kids are staying with her "for now," so liaison completed the residency questionnaire with her and confirmed MV eligibility.': (
        "A false flag: a short phrase in quotation marks is read as scare quotes, though here "
        "it is the grandmother's own words after 'said'."
    ),
    "VA is a hoarder and a drunk, per the neighbors and per my own eyes.": (
        "The labels are credited to the neighbours ('per …'), so the coach asks the student to "
        "quote them (an info finding); it does not yet read 'per my own eyes' as the writer "
        "taking the labels on."
    ),
    "Resident with moderate Alzheimer's will relearn to drive and pass the road test by day 60.": (
        "The road test is measurable and the day is set; whether a diagnosis makes it out of "
        "reach is not weighed (no rule reads a diagnosis against a goal), so the check says "
        "nothing rather than guess."
    ),
    "By tomorrow, the family will choose a funeral home, raise $9,000 for the service and arrange burial in another state.": (
        "No income is stated to weigh the sum against, and a funeral home, a sum and a burial "
        "are not among the life changes the rush rule counts; the check says nothing rather "
        "than guess."
    ),
    "Resident, whose only income is a $1,050 monthly pension, will deposit $900 a month into savings for 6 months, shown on bank statements.": (
        "A monthly saving is flagged only above the income, or above what is left after a rent "
        "the line names; $900 of $1,050 leaves little, but the line names no rent, so the "
        "deliberately safe test says nothing."
    ),
    "Client will put on 30 pounds of muscle in 2 weeks before the job physical, per clinic weigh-in.": (
        "The weight rule weighs loss against the CDC's 1-2 lb a week; no cited pace for gaining "
        "muscle is in the rules, so the check says nothing rather than guess."
    ),
    "Pt with end-stage heart failure on hospice will walk 2 miles unassisted by day 10, tracked on the PT log.": (
        "No prognosis or figure is stated to weigh the goal against (the prognosis rule needs "
        "one), so the check says nothing rather than guess."
    ),
    "Recipient, who is 91 and walks with a walker, will walk 5 miles every day starting next week, logged by the driver.": (
        "Not achievable in the labeller's view, but no rule weighs a distance against age or a "
        "walking aid with a source to cite; the check says nothing rather than guess."
    ),
    "By tomorrow's school day, youth will make up all 14 missing credits, verified by the registrar.": (
        "Credits are weighed only against a college load (a source the check can cite); a high "
        "school credit is a year-long course, and saying so with college figures would be wrong."
    ),
    "IW will go from a 10 lb lifting restriction to lifting 100 lb by next week, confirmed by the FCE.": (
        "Not achievable in the labeller's view, but no rule weighs a change in a lifting "
        "restriction against time; the check says nothing rather than guess."
    ),
    "Before the guardianship review hearing on day 60, guardian will obtain a current capacity evaluation from the IP's physician and file it with the court.": (
        "'Obtain' is read as a result to be shown, and the action after it ('file it with the "
        "court') is not yet taken as the goal's own check."
    ),
}


def _cases(items):
    reasons = {**DISPUTED, **KNOWN_MISSES}
    return [
        pytest.param(*item, marks=pytest.mark.xfail(strict=True, reason=reasons[item[1]]))
        if item[1] in reasons
        else item
        for item in items
    ]


SETS = (
    "",
    "_hard",
    "_heldout",
    "_heldout2",
    "_heldout3",
    "_heldout4",
    "_heldout5",
    "_heldout6",
    "_heldout7",
    "_heldout8",
    "_heldout9",
    "_heldout10",
    "_heldout11",
    "_heldout12",
    "_heldout13",  # kept unseen as `*_blind.tsv` until a later set took its place
    "_heldout14",  # the fourteenth blind set, scored once before tuning (issue 19 session)
    "_heldout15",  # scored once before tuning, then tuned on (see the README)
    "_heldout16",  # scored once before tuning, then tuned on (see the README)
    "_heldout17",  # scored once before tuning, then tuned on (see the README)
    "_heldout18",  # scored once before tuning, then tuned on (see the README)
    "_heldout19",  # kept unseen as `*_blind.tsv`, then tuned on once set 20 was scored
    "_heldout20",  # scored once before tuning (the final score of its session), then tuned on
    "_heldout21",  # kept unseen as `*_blind.tsv` for a session, then tuned on
    "_heldout22",  # scored once before tuning, then tuned on
    "_heldout23",  # scored once before tuning, then tuned on
    "_heldout24",  # scored once before tuning, then tuned on
    "_heldout25",  # kept unseen as `*_blind.tsv` for a session, then tuned on
    "_heldout26",  # scored once before tuning, then tuned on
    "_heldout27",  # scored once before tuning, then tuned on
    "_heldout28",  # scored once before tuning, then tuned on
    "_heldout30",  # scored once before tuning, then tuned on (set 29 is `*_blind.tsv`)
    "_heldout31",  # scored once before tuning, then tuned on
)


def test_corpora_are_large_enough_and_balanced():
    for name in SETS:
        notes = corpora.notes(f"notes{name}.tsv")
        goals = corpora.goals(f"goals{name}.tsv")
        deid = corpora.deid(f"deid{name}.tsv")
        assert len(notes) >= 80 and len(goals) >= 40 and len(deid) >= 60
        for items, positive in ((notes, "judgmental"), (goals, "smart"), (deid, "identifier")):
            share = sum(item[0] == positive for item in items) / len(items)
            assert 0.4 <= share <= 0.6


NOTES = [item for name in SETS for item in corpora.notes(f"notes{name}.tsv")]
# Tuning sets of goals and de-identification lines only, written blind in thirteen settings
# each and scored once before tuning (set 5: SMART agreement 0.829, de-id recall 0.930 and
# FPR 0.143; set 11: SMART 0.887, de-id recall 0.887 and FPR 0.138).
TUNING = ("_train5", "_train11")
GOALS = [item for name in SETS + TUNING for item in corpora.goals(f"goals{name}.tsv")]
DEID = [item for name in SETS + TUNING for item in corpora.deid(f"deid{name}.tsv")]


@pytest.mark.parametrize(("label", "text"), _cases(NOTES), ids=lambda v: v[:40])
def test_note_sentence(label, text):
    report = check_note(text)
    if label == "judgmental":
        assert not report.ok, "a judgment or label was not flagged"
        flagged = [f for f in report.findings if f.severity != "info"]
        assert all(f.suggestion and f.source and f.message for f in flagged)
    else:
        assert report.ok, [(f.rule, text[f.start : f.end]) for f in report.findings]


@pytest.mark.parametrize(("label", "text"), _cases(GOALS), ids=lambda v: v[:40])
def test_goal(label, text):
    report = check_goal(text)
    assert report.smart is (label == "smart"), {k: v.met for k, v in report.criteria.items()}
    assert report.ok is report.smart


@pytest.mark.parametrize(("label", "text", "expected"), _cases(DEID), ids=lambda v: str(v)[:40])
def test_deid_text(label, text, expected):
    report = find_identifiers(text)
    found = [text[f.start : f.end] for f in report.findings]
    if label == "identifier":
        for identifier in expected:
            assert any(identifier in span for span in found), (identifier, found)
        assert all(f.suggestion.startswith("Generalise it:") for f in report.findings)
    else:
        assert found == []
