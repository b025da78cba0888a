"""Answers with the real model on the seed corpus: verbatim, cited exactly, abstaining when they should."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.engine import Conversation, Engine, Filters
from assistant.evaluate import evaluate_questions
from assistant.models import Answer

DEVSET = Path(__file__).resolve().parent.parent / "eval" / "seed_devset.jsonl"


@pytest.fixture(scope="module")
def engine(seed_index: Settings) -> Engine:
    return Engine(seed_index)


def all_dev_questions() -> list[list[str]]:
    chains = []
    for line in DEVSET.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            chains.append([item["question"]] + [f["question"] for f in item.get("followups", [])])
    return chains


def check_citations(engine: Engine, answer: Answer) -> None:
    used = {cid for s in answer.sentences for cid in s.citations}
    ids = [c.id for c in answer.citations]
    assert ids == list(range(1, len(ids) + 1))
    if not answer.abstained:
        assert used == set(ids), "every listed source is used, every marker has a source"
    for citation in answer.citations:
        document = engine.document(citation.document)
        assert document.text[citation.start : citation.end] == citation.text
        for s, e in citation.sentence_spans:
            assert citation.start <= s < e <= citation.end
    for sentence in answer.sentences:
        if sentence.kind == "fact":
            # A rendering of extracted facts, cited by the sentences it rests on; only a statement of
            # absence in a refusal ("No ADC deal dated 2025 is named") has nothing to cite.
            assert sentence.citations or answer.abstained
            assert all(1 <= cid <= len(answer.citations) for cid in sentence.citations)
            continue
        for cid in sentence.citations:
            citation = answer.citations[cid - 1]
            document = engine.document(citation.document)
            assert sentence.text in citation.text, "answer sentences are verbatim from the cited passage"
            assert any(document.text[s:e] == sentence.text for s, e in citation.sentence_spans)
        assert f"{sentence.text} [{sentence.citations[0]}]" in answer.answer


def test_every_dev_answer_is_verbatim_and_exactly_cited(engine: Engine) -> None:
    answered = 0
    for chain in all_dev_questions():
        conversation = Conversation()
        for question in chain:
            answer = engine.ask(question, conversation)
            check_citations(engine, answer)
            Answer.model_validate_json(answer.model_dump_json())
            answered += not answer.abstained
    assert answered >= 40


def test_dev_set_quality_floor(seed_index: Settings) -> None:
    """The issue's targets, met on the seed corpus (README: 0.96 / 0.93 / 1.00 / 0.02)."""
    result = evaluate_questions(DEVSET, seed_index)
    assert result["hit@3"] >= 0.95, result["failures"]
    assert result["keyword_rate"] >= 0.90, result["failures"]
    assert result["unanswerable_refused"] >= 0.90, result["failures"]
    assert result["answerable_refused"] <= 0.05, result["failures"]


def test_a_deal_question_is_answered_with_its_figure(engine: Engine) -> None:
    answer = engine.ask("How much is AstraZeneca's agreement with CSPC worth?")
    assert not answer.abstained
    assert "$5.3bn" in answer.answer and "[1]" in answer.answer
    citation = answer.citations[0]
    assert citation.title.startswith("China–West licensing outlook")
    assert citation.section == "High-value deals become more commonplace"
    assert citation.published is not None and citation.published_approximate


@pytest.mark.parametrize(
    "question",
    [
        "What were Keytruda's worldwide sales in 2024?",
        "Who won the last football World Cup?",
        "How much did Novartis pay Argo upfront?",
    ],
)
def test_questions_the_corpus_cannot_answer_are_refused_with_nearest_passages(engine: Engine, question: str) -> None:
    answer = engine.ask(question)
    assert answer.abstained
    assert answer.answer.startswith("Not in the corpus")
    assert answer.sentences == []
    assert len(answer.citations) <= 3
    assert all(c.sentence_spans == [] for c in answer.citations)


def test_follow_ups_use_the_conversation(engine: Engine) -> None:
    conversation = Conversation()
    first = engine.ask("Which therapy area was the focus of licensing agreements in 2025?", conversation)
    assert "oncology" in first.answer.lower()
    follow = engine.ask("And immunology?", conversation)
    assert not follow.abstained
    assert "immun" in follow.answer.lower()
    assert follow.query != follow.question  # the previous turn's topic was added
    alone = engine.ask("And immunology?")
    assert alone.query == "And immunology?"


def test_he_follow_up_does_not_quote_somebody_else(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("What does Zai Lab's president expect for China–West dealmaking going into 2026?", conversation)
    answer = engine.ask("What did he say about BIOSECURE?", conversation)
    assert answer.abstained  # Smiley never mentions BIOSECURE; Yang and Cui do


def test_filters_restrict_the_articles(engine: Engine) -> None:
    from datetime import date

    answer = engine.ask("Novartis Argo deal", filters=Filters(since=date(2026, 6, 1)))
    assert answer.abstained and "No article matches the filters" in answer.answer
    answer = engine.ask("Novartis Argo deal", filters=Filters(source="Pharmaceutical Technology"))
    assert not answer.abstained
    answer = engine.ask("Novartis Argo deal", filters=Filters(documents=("nope.md",)))
    assert answer.abstained


def test_long_answers_allow_more_sentences(engine: Engine) -> None:
    short = engine.ask("What do the experts think about BIOSECURE?")
    long = engine.ask("What do the experts think about BIOSECURE?", long=True)
    assert len(long.sentences) >= len(short.sentences)
    assert len(short.answer.split()) <= 120 + 4 * len(short.sentences)


def test_a_total_the_article_states_beats_a_sum_of_the_deals_it_names(engine: Engine) -> None:
    stated = engine.ask("What was the total value of Chinese licensing deals in 2024?")
    assert not stated.abstained and "$41.5bn" in stated.answer
    assert all(s.kind == "passage" for s in stated.sentences)
    summed = engine.ask("What is the total value of the 2025 deals?")
    assert "$12.66bn" in summed.answer  # no passage states it: the named deals are added up, with citations
    assert summed.sentences[0].kind == "fact"


def test_people_named_by_role_or_pronoun_are_searched_and_quoted_by_name(engine: Engine) -> None:
    answer = engine.ask("What does the Ascentage CEO think of BIOSECURE?")
    assert answer.query == "What does Yang think of BIOSECURE?"
    assert not answer.abstained and "little worry related to the BIOSECURE" in answer.sentences[0].text
    conversation = Conversation()
    engine.ask("What does Zai Lab's president expect for China–West dealmaking going into 2026?", conversation)
    follow = engine.ask("Does he think the assets will stay this cheap?", conversation)
    # By name, and with what the article says instead of "stay this cheap" (they will normalise).
    assert follow.query == "Does Smiley think the assets will stay this cheap? (expensive normalise)"
    assert not follow.abstained and "normalise" in follow.answer
    prepared = engine.prepare("What did he say about BIOSECURE?", conversation)
    assert "smiley" in prepared.anchors and "Smiley" in prepared.judged


def test_a_view_question_quotes_only_that_person(engine: Engine) -> None:
    answer = engine.ask("Why does Smiley think Chinese companies will still need partners?")
    assert not answer.abstained
    others = ("Cui", "She ", "Yang")
    assert not any(s.text.startswith(others) for s in answer.sentences), answer.answer


def test_a_short_sentence_that_carries_the_lead_on_completes_it(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("What happened to the BIOSECURE Act?", conversation)
    answer = engine.ask("Has the House voted on it yet?", conversation)
    assert not answer.abstained
    assert "It was passed by the House on 11 December." in [s.text for s in answer.sentences]


@pytest.mark.parametrize(
    "question",
    [
        "On what date was the Novartis–Argo deal announced?",  # only the year is given
        "What percentage of global trial starts did China account for in 2024?",  # 28% is of innovator deals
        "How much did Brukinsa make in US sales in 2024?",  # the $230bn is US drug sales overall
    ],
)
def test_a_figure_about_something_else_does_not_answer(engine: Engine, question: str) -> None:
    assert engine.ask(question).abstained


def test_a_partner_the_articles_never_name_is_not_guessed(engine: Engine) -> None:
    refused = engine.ask("Which Chinese company was Pfizer's partner on its oncology deal?")
    assert refused.abstained and "no deal with Pfizer" in refused.answer
    assert refused.sentences == [] and all(c.sentence_spans == [] for c in refused.citations)
    named = engine.ask("Who was AstraZeneca's partner on its $5.3bn deal?")
    assert not named.abstained and "CSPC" in named.answer


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("who is josh smiley", "Josh Smiley"),
        ("Ascentage CEO name?", "Dajun Yang"),
        ("Who is the CEO of Ascentage?", "Dajun Yang"),
    ],
)
def test_who_someone_is_is_answered_from_the_people_table(engine: Engine, question: str, name: str) -> None:
    answer = engine.ask(question)
    assert not answer.abstained and answer.answer.startswith(name) and answer.citations


@pytest.mark.parametrize(
    "question",
    [
        "How long does China's IND review take on average?",  # "swift" is not a stretch of time
        "What percentage of innovator deals did Chinese drugs make up in 2023?",  # the 28% is for 2024
    ],
)
def test_a_figure_for_another_year_or_of_another_kind_does_not_answer(engine: Engine, question: str) -> None:
    assert engine.ask(question).abstained


def test_a_paraphrased_verb_is_not_a_missing_fact(engine: Engine) -> None:
    answer = engine.ask("In which therapy areas is Chinese R&D speeding up and attracting western dealmakers?")
    assert not answer.abstained and "cardiometabolic" in answer.answer


def test_names_typed_in_lower_case_count_as_names(engine: Engine) -> None:
    answer = engine.ask("zenas innocare deal size?")
    assert not answer.abstained and "$2bn" in answer.answer
    assert engine.ask("Pfizer China partner name").abstained  # "partner": no deal names Pfizer's


def test_the_deals_an_article_names_are_not_a_market_total(engine: Engine) -> None:
    market = engine.ask("What's the total value of China licensing deals done so far in 2025?")
    assert market.abstained and "state no such total" in market.answer and market.citations
    assert engine.ask("How many Chinese innovator licensing deals were signed in 2025 in total?").abstained
    assert engine.ask("What was the combined value of China out-licensing deals in 2023?").abstained  # "over $500m"
    named = engine.ask("How many deals does the article name for 2025?")
    assert not named.abstained and named.answer.startswith("3 deals")


def test_which_of_those_deals_follows_the_thread_in_facts(engine: Engine) -> None:
    conversation = Conversation()
    listed = engine.ask(
        "Remind me which big China licensing deals from 2025 the piece lists with dollar figures?", conversation
    )
    assert not listed.abstained and all(name in listed.answer for name in ("Novartis", "AstraZeneca", "Zenas"))
    biggest = engine.ask("Which of those was the biggest?", conversation)
    assert "Novartis–Argo Biopharmaceutical at $5.36bn" in biggest.answer
    assert biggest.question == "Which of those was the biggest?"
    smallest = engine.ask("And the smallest?", conversation)
    assert "Zenas Biopharma–InnoCare Pharma at $2bn" in smallest.answer


def test_slots_the_articles_never_fill_are_refused_and_roles_come_from_the_people_table(engine: Engine) -> None:
    assert engine.ask("What clinical phase was the asset in the Novartis–Argo deal at signing?").abstained
    assert engine.ask("What response rates have Chinese ADCs shown in trials?").abstained
    role = engine.ask("What positions does Josh Smiley hold at Zai Lab?")
    assert not role.abstained and "president and COO" in role.answer
    who = engine.ask("Which interviewee said there should be little worry about BIOSECURE?")
    assert not who.abstained and "Dajun Yang" in who.answer


def test_a_figure_must_fit_every_constraint_in_one_sentence(engine: Engine) -> None:
    # The 2023 count is for 2023; the 2024 figure is a share of innovator deals, not of >$500m deals.
    assert engine.ask("How many West–China deals worth over $500m were signed in 2024?").abstained
    assert engine.ask("What share of large pharma's innovator deals in 2025 went to Chinese assets?").abstained
    assert engine.ask("Which drug did AstraZeneca license from CSPC?").abstained  # no drug is named
    conversation = Conversation()
    engine.ask("Which product did BeOne take to the US?", conversation)
    assert engine.ask("How much did that product sell in the US last year?", conversation).abstained


def test_a_follow_up_about_someone_else_on_the_same_topic_needs_their_view(engine: Engine) -> None:
    conversation = Conversation()
    for question in ("How did Ascentage's chief executive react to the BIOSECURE Act?", "Why isn't he worried?"):
        assert not engine.ask(question, conversation).abstained
    assert engine.ask("And what did Smiley have to say about it?", conversation).abstained  # he never does
    assert engine.ask("What did Cui Cui say about Chinese ADCs?").abstained  # only Smiley and Yang speak of ADCs
    counted = engine.ask("How many West–China transactions topped $500 million in 2023?")
    assert not counted.abstained and "20 transactions" in counted.answer  # "$500 million" is "$500m"


def test_an_experts_organisation_is_part_of_naming_them(engine: Engine) -> None:
    answer = engine.ask(
        "Why have Chinese-developed ADCs been such a hit with Western dealmakers, according to Zai Lab's Smiley?"
    )
    assert not answer.abstained and "linker-payload" in answer.answer
    renamed = engine.ask("beigene new name?")  # typed in lower case, written "BeiGene"
    assert not renamed.abstained and "BeOne" in renamed.answer
    assert engine.ask("On average, how many days does China's regulator take to clear an IND?").abstained


INDEPENDENT = DEVSET.parent / "independent"


def _assert_answered(engine: Engine, cases: list[tuple[str, str]]) -> None:
    """Each question answered (not refused), its answer holding the expected words."""
    for question, expected in cases:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, (question, answer.answer)


def test_independent_question_sets_quality_floor(seed_index: Settings) -> None:
    """A hundred and forty-eight sets written by people who never saw the code or the dev set (see
    eval/README.md): a floor below their pooled figures (0.959 / 0.948 / 0.972 / 0.031), so a drop means answers
    got worse on questions nobody tuned for."""
    result = evaluate_questions(INDEPENDENT, seed_index)
    assert result["questions"] >= 9555 and len(result["files"]) >= 148
    assert result["hit@3"] >= 0.952, result["failures"]
    assert result["keyword_rate"] >= 0.940, result["failures"]
    assert result["unanswerable_refused"] >= 0.962, result["failures"]
    assert result["answerable_refused"] <= 0.040, result["failures"]


def test_bounds_plural_shorthand_and_asking_verbs_are_not_missing_facts(engine: Engine) -> None:
    bound = engine.ask("Which Chinese biotech did Novartis sign its $5bn+ deal with this year?")
    assert not bound.abstained and "Argo" in bound.answer  # "$5bn+" is a bound, not a figure to find
    plural = engine.ask("how does cui cui think china's pipeline helps pharma deal with pricing pressure and LOEs?")
    assert not plural.abstained and "early-stage" in plural.answer  # LOEs: losses of exclusivity
    verb = engine.ask("How does Cui from Jefferies characterise the BIOSECURE act's likely impact?")
    assert not verb.abstained and "noise" in verb.answer
    assert engine.ask("Which specific Chinese ADC did Pfizer in-license in 2025?").abstained


def test_a_figure_for_another_place_does_not_answer(engine: Engine) -> None:
    assert engine.ask("how much are european drug sales expected to fall from the patent cliff").abstained
    us = engine.ask("How much US drug revenue does GlobalData expect the patent cliff to wipe out by 2030?")
    assert not us.abstained and "$230bn" in us.answer


def test_a_yes_no_question_about_an_action_needs_that_actor_doing_it(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("What happened to the BIOSECURE Act?", conversation)
    assert not engine.ask("Has the House voted on it yet?", conversation).abstained  # "passed by the House"
    assert engine.ask("Has the Senate voted on it yet?", conversation).abstained  # only on its roster
    assert engine.ask("Has the President signed BIOSECURE into law yet?").abstained
    assert not engine.ask("Did AZ sign a deal with CSPC?").abstained
    assert engine.ask("In what year did BeiGene change its name?").abstained  # no year is given


def test_a_part_of_a_deal_value_is_not_the_headline_and_experts_are_quoted_from_their_passages(
    engine: Engine,
) -> None:
    assert engine.ask("How much was paid upfront in the Novartis–Argo Biopharmaceutical agreement?").abstained
    why = engine.ask("According to Josh Smiley, why are multinationals so focused on China at the moment?")
    assert not why.abstained and "Smiley" in why.sentences[0].text


def test_why_companies_need_partners_is_not_a_question_about_a_partner(engine: Engine) -> None:
    why = engine.ask(
        "Why does Zai Lab's president think Chinese firms will keep needing partners rather than going it alone?"
    )
    assert not why.abstained and "partner" in why.answer  # Smiley: "experience with a partner"
    assert engine.ask("pfizer china oncology deal 2025 — partner and value?").abstained
    fka = engine.ask("BeOne fka? + which drug did it take to the US")
    assert not fka.abstained and "BeiGene" in fka.answer


def test_the_first_of_two_questions_in_one_is_answered_when_it_stands_alone(engine: Engine) -> None:
    from assistant.engine import _first_part

    assert _first_part("Longer term, what does Cui expect, and what backlash might follow?") == (
        "Longer term, what does Cui expect?"
    )
    assert _first_part("# of $500m+ china-west deals in 2024") is None  # "$500m+" is not two questions
    answer = engine.ask(
        "Longer term, what does Cui expect Chinese companies to do, and what US reaction could that provoke?"
    )
    assert not answer.abstained and "lobbying" in answer.answer


def test_tickers_company_lists_and_a_role_named_in_a_follow_up(engine: Engine) -> None:
    ticker = engine.ask("nvs/argo deal size?")  # NVS: Novartis
    assert not ticker.abstained and "$5.36bn" in ticker.answer
    # The deals table holds no valued 2025 oncology deal, but a passage names the companies.
    listed = engine.ask(
        "Which large Western pharmaceutical companies does the article name as having signed "
        "multi-billion-dollar oncology licensing deals with Chinese partners during 2025?"
    )
    assert not listed.abstained and all(name in listed.answer for name in ("AbbVie", "Pfizer", "GSK"))
    assert engine.ask("List the 2025 ADC deals w/ values").abstained  # a list of deals stays the table's
    conversation = Conversation()
    engine.ask("Is Ascentage's CEO worried about the BIOSECURE bill?", conversation)
    reasoning = engine.ask("What's his reasoning?", conversation)  # the thread's topic, his view
    assert not reasoning.abstained and "unmet needs" in reasoning.answer
    same = engine.ask("Does the Jefferies analyst see it the same way?", conversation)
    assert not same.abstained and "noise" in same.answer  # Cui on BIOSECURE, not Yang again


def test_a_sentence_that_refers_back_matches_the_words_before_it(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("what was the dominant therapy area for china licensing in 2025", conversation)
    # "...immunology has also emerged..., with the previously mentioned GSK and AbbVie deals both including
    # an immunology asset": its neighbours carry the thread's words.
    answer = engine.ask("And immunology?", conversation)
    assert not answer.abstained and "immunology" in answer.answer


def test_a_year_or_an_area_the_lead_sentence_does_not_give_is_not_answered(engine: Engine) -> None:
    # The lead gives the 2024 figure; another contender's 2025 figure (US drug sales) does not rescue it.
    assert engine.ask(
        "What total value did GlobalData put on Chinese innovator drug licensing deals signed by large pharma in 2025?"
    ).abstained
    assert engine.ask("chinese share of big pharma innovator deals in 2025 - is it above the 28%?").abstained
    share = engine.ask("What share of big pharma's innovator deals were Chinese in 2024?")
    assert not share.abstained and "28%" in share.answer
    # The deal is named, its therapy area and modality are not.
    assert engine.ask("Novartis–Argo: what modality and therapy area does the $5.36bn deal cover?").abstained
    assert engine.ask("az/cspc $5.3bn deal - what therapy area / modality is it for?").abstained
    modalities = engine.ask("which 3 next-gen biologic modalities did yang flag as driving interest")
    assert not modalities.abstained and "bispecifics" in modalities.answer


def test_a_claim_to_check_is_confirmed_or_corrected_with_the_true_figure(engine: Engine) -> None:
    wrong = engine.ask("Is it right that the Novartis–Argo deal was $6bn? Pls correct if not.")
    assert not wrong.abstained and "$5.36bn" in wrong.answer  # the claimed $6bn is checked, not searched for
    draft = engine.ask(
        "Fact-check: my draft says GlobalData sees the patent cliff wiping $300bn off US drug sales "
        "between 2025 and 2030. Right number?"
    )
    assert not draft.abstained and "$230bn" in draft.answer
    # A claim about another year is not confirmed by the figure for 2024.
    assert engine.ask(
        "Is it true Chinese assets made up about a fifth of large-pharma innovator deals in 2023?"
    ).abstained


def test_a_persons_quote_on_the_topic_leads_over_their_introduction(engine: Engine) -> None:
    answer = engine.ask("Yang on BIOSECURE — why does he think Chinese drugmakers needn't sweat it?")
    assert not answer.abstained and "BIOSECURE" in answer.sentences[0].text
    assert engine.ask("What's Cui Cui's view on Chinese cell and gene therapies?").abstained  # she has none


def test_a_figure_for_another_place_or_for_every_area_does_not_answer(engine: Engine) -> None:
    assert engine.ask("GlobalData's patent-cliff sales-loss estimate for Europe?").abstained  # the US figure
    assert engine.ask("Of the $41.5bn in 2024, how much was oncology vs immunology?").abstained  # no split
    whole = engine.ask("What were Chinese licensing deals with large pharma worth in 2024?")
    assert not whole.abstained and "$41.5bn" in whole.answer


def test_numbers_actors_classes_of_deals_and_companies_must_match(engine: Engine) -> None:
    # "30-working-day" is not "2030" (a two-digit year is only one after a year: "2025-30").
    assert engine.ask(
        "Is the faster IND processing in China thanks to the new 30-working-day review pathway of the regulator?"
    ).abstained
    # "When will the Senate vote?" is not answered by the House having passed it; the House question is.
    assert engine.ask("When will the Senate vote on the BIOSECURE, and is it expected to pass there?").abstained
    house = engine.ask("When did the House pass BIOSECURE?")
    assert not house.abstained and "11 December" in house.answer
    # A class of deals ("that big pharma signed in 2025") is the market, not the deals the article names.
    total = engine.ask("What is the total value of the Chinese licensing deals that big pharma signed in 2025?")
    assert total.abstained and "$12.66bn" not in total.answer
    assert engine.ask(
        "Which Chinese companies are named in the BIOSECURE Act as biotech companies of concern?"
    ).abstained


def test_dictated_questions_are_answered_as_if_typed(engine: Engine) -> None:
    year = engine.ask("um what therapy area does smiley think stays a big focus in twenty twenty six")
    assert not year.abstained and "immunology" in year.answer
    assert year.question.startswith("um what")  # the answer keeps the question as asked
    split = engine.ask("zenas bio pharma innocare deal how big was that")
    assert not split.abstained and "$2bn" in split.answer
    count = engine.ask("how many deals over five hundred million happened in twenty twenty three")
    assert not count.abstained and "20 transactions" in count.answer
    bigger = engine.ask("how many China–West deals bigger than half a billion dollars were done in 2023?")
    assert not bigger.abstained and "20 transactions" in bigger.answer  # "bigger than" is a bound too
    claim = engine.ask(
        "um so who did astra zeneca do its china deal with and it was like five point three billion right"
    )
    assert not claim.abstained and "CSPC" in claim.answer  # "..., right" is a claim to check
    who = engine.ask("whos dajun yang again what company")
    assert not who.abstained and "Ascentage" in who.answer


def test_agreement_follow_ups_and_pronouns_find_the_right_person(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("What does Cui say Chinese companies lack to self-commercialise globally?", conversation)
    agree = engine.ask("does smiley agree", conversation)  # with what the thread was about
    assert not agree.abstained and "Smiley mirrors this belief" in agree.answer
    # "she" after a turn about Smiley: the articles call Cui "she", so it is her.
    longer = engine.ask("and what does she expect longer term", conversation)
    assert not longer.abstained and "lobbying" in longer.answer
    # After a refused turn, "it" points at what the thread last had an answer about.
    thread = Conversation()
    engine.ask("What is the latest status of the BIOSECURE Act as described in the article?", thread)
    engine.ask("When did the House pass it?", thread)
    assert engine.ask("What was the margin of the House vote?", thread).abstained
    analyst = engine.ask("What did the Jefferies analyst say about it?", thread)
    assert not analyst.abstained and "noise" in analyst.answer
    # A reason asked after an opening phrase is not a question about a partner company.
    why = engine.ask(
        "Per the Jeffries analyst, why would US partners keep working with Chinese biotechs despite BIOSECURE?"
    )
    assert not why.abstained and "pipelines" in why.answer
    # "her" after a refused turn about Cui that followed one about Yang: the person asked about last.
    quoted = Conversation()
    engine.ask("What does Yang say about BIOSECURE?", quoted)
    engine.ask("And what odds did the Jefferies analyst give it of becoming law?", quoted)
    partners = engine.ask("and per her, why would US partners keep working with CN biotechs?", quoted)
    assert not partners.abstained and "save costs" in partners.answer


def test_terse_topic_then_question_shorthand(engine: Engine) -> None:
    counterparty = engine.ask("InnoCare $2bn deal: who's the counterparty?")  # asked for after the colon
    assert not counterparty.abstained and "Zenas" in counterparty.answer
    txns = engine.ask("# of West–China txns >$500m in 2023?")
    assert not txns.abstained and "20 transactions" in txns.answer
    title = engine.ask("Josh Smiley: title / shop?")
    assert not title.abstained and "COO" in title.answer
    onc = engine.ask("Pfizer's China onc deal: size per the article?")  # onc: oncology, not BeOne's ticker
    assert not onc.abstained and "multi-billion" in onc.answer
    assert engine.ask("who was pfizers chinese partner on their oncology deal").abstained  # no deal names one
    # Brackets in the question itself may hold what it asks for.
    assert engine.ask("any named CN ADC asset or target (TROP2/HER2)?").abstained


def test_what_a_question_asks_about_in_shorthand() -> None:
    from assistant.question import analyse

    assert analyse("InnoCare $2bn deal: who's the counterparty?").expects == "person"
    assert analyse("2023: # of >$500m China–West deals?").expects == "count"
    assert analyse("Reg side (CDE/NMPA): what's credited with accelerating timelines?").focus == []  # a verb
    assert analyse("Smiley on out-licensing vs going alone: capital argument?").focus == []  # a reason
    assert "ex-beigene" not in analyse("Self-commercialisation precedent cited (ex-BeiGene)?").focus


def test_what_a_question_asks_for_when_its_words_mislead() -> None:
    from assistant.question import analyse

    # "on what condition": an if, not a disease nor a date; "which gaps stop companies": gaps, not companies.
    assert analyse("BIOSECURE will be noise — but on what condition?").expects is None
    assert analyse("Which condition does the Zenas deal target?").expects == "area"
    assert analyse("Which gaps stop Chinese companies from going it alone?").expects is None
    # One of the executives, by name; the direction of a number, not a count.
    assert analyse("Which of the executives interviewed says he is unfazed?").expects == "people"
    assert analyse("What does he expect to happen to the number of deals?").expects is None
    assert analyse("How many deals does he expect?").expects == "count"


def test_a_persons_expectation_is_their_view_not_a_table_of_dated_deals(engine: Engine) -> None:
    # A deal "focus" or "number of deals" in 2026 is Smiley's forecast; the deals table holds none dated 2026.
    focus = engine.ask("Through 2026, does Smiley expect immunology to stay a major deal focus?")
    assert not focus.abstained and focus.sentences[0].text.startswith("Smiley forecasts that immunology")
    volume = engine.ask("Heading into 2026, what does Zai Lab's COO expect to happen to the number of deals?")
    assert not volume.abstained and "deal volume rising" in volume.sentences[0].text
    assert engine.ask("How many deals does Smiley expect in 2026?").abstained  # he gives no number


def test_a_year_is_not_the_date_of_another_event(engine: Engine) -> None:
    # The deals sentence dates their signing, Smiley's his forecast: neither dates a closing, a phase, a role.
    for question in (
        "When is the Zenas–InnoCare deal set to close?",
        "By when is the Argo asset in the Novartis deal expected to reach phase 3?",
        "Since when has Josh Smiley been president and COO of Zai Lab?",
    ):
        assert engine.ask(question).abstained, question
    assert "11 December" in engine.ask("When did the House pass BIOSECURE?").answer


def test_which_analyst_is_quoted_is_answered_by_name(engine: Engine) -> None:
    assert engine.ask("Which Jefferies analyst does the article quote?").answer.startswith("Cui Cui is")
    assert engine.ask("Which Zai Lab executive is quoted?").answer.startswith("Josh Smiley is")
    # Quoted on a topic: her words on it.
    assert "noise" in engine.ask("Which Jefferies analyst is quoted on BIOSECURE?").answer


def test_a_timelines_then_points_back_to_the_threads_moment(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("On the BIOSECURE timeline, when did the House pass it?", conversation)
    yang = engine.ask("Around then, how did the Ascentage CEO take it?", conversation)
    assert "little worry related to the BIOSECURE" in yang.answer
    cui = engine.ask("And the Jefferies analyst — what was her read at that point?", conversation)
    assert not cui.abstained and "noise" in cui.sentences[0].text
    # A clause setting the time before a question is no topic of it.
    why = engine.ask(
        "While BIOSECURE was moving through Congress, why would US partners still want to keep working with "
        "Chinese biotechs, in Cui's view?"
    )
    assert not why.abstained and "maintain relations" in why.answer


def test_the_area_of_named_deals_the_table_holds_no_value_for(engine: Engine) -> None:
    # AbbVie's, Pfizer's and GSK's 2025 deals have no stated value, so the deals table lacks them; the sentence
    # naming all three gives their area.
    area = engine.ask(
        "In 2025, AbbVie, Pfizer and GSK all did multi-billion dollar deals in China in which therapy area?"
    )
    assert not area.abstained and "oncology" in area.sentences[0].text
    assert engine.ask("Which therapy area was GSK's deal with Hengrui in?").abstained


def test_what_something_was_once_known_for_leads_with_what_it_once_was(engine: Engine) -> None:
    for question in (
        "What was China known for before its push into innovative medicines?",
        "How was China's pharma industry seen before, in the article's telling?",
    ):
        assert engine.ask(question).sentences[0].text.startswith("Once considered a nation"), question


def test_a_companys_main_drug_however_asked_needs_a_drug_named(engine: Engine) -> None:
    # The articles name no Ascentage drug: Yang's introduction does not answer for one.
    for question in (
        "What does Dajun Yang say is Ascentage Pharma's lead product?",
        "What's Ascentage's main drug, the one Dajun Yang's company is best known for?",
        "Ascentage Pharma's boss gets a starring role — but name the company's flagship medicine.",
    ):
        assert engine.ask(question).abstained, question
    assert "Brukinsa" in engine.ask("What is BeOne's flagship drug?").answer


def test_what_someone_says_about_a_topic_is_their_sentence_on_it(engine: Engine) -> None:
    # Smiley speaks of asset prices, Yang does not: Yang's 2.0-era sentence is no view of prices.
    assert engine.ask("What does Yang say about asset prices?").abstained
    assert engine.ask("What did Dajun Yang say about US most-favoured-nation drug pricing?").abstained
    assert "more expensive" in engine.ask("What does Smiley say about asset prices?").answer
    # The topic in the articles' words ("going it alone": self-commercialisation) is still on it.
    alone = engine.ask("What does Cui say about going it alone?")
    assert not alone.abstained and "self-commercialis" in alone.sentences[0].text
    # Their sentence on it, further down than the best match if need be; a second part is not the topic.
    assert "Asian investors" in engine.ask("What did Smiley say about investors?").sentences[0].text
    yang = engine.ask("How does Dajun Yang feel about the BIOSECURE Act and the risk it poses to Chinese companies?")
    assert not yang.abstained and "little worry" in yang.sentences[0].text


def test_what_helps_against_something_leads_with_what_helps(engine: Engine) -> None:
    # The sentence naming the pressures matches the question's words best; the one on what helps answers it.
    # ("biopharma" is a word here, though "Zenas Biopharma" is a name: not a name the passage must hold.)
    for question in (
        "What does Cui say can help pharma cope with pricing pressure and patent cliffs?",
        "According to Cui Cui, what aspect of China’s biopharma sector can help companies offset pricing pressures "
        "and patent expirations?",
    ):
        answer = engine.ask(question)
        assert not answer.abstained and "abundance of early-stage assets" in answer.sentences[0].text, question


def test_a_close_runner_up_that_fits_leads_when_the_lead_does_not(engine: Engine) -> None:
    # The top sentence lists every therapy area, undated; the 2025 oncology sentence fits and leads.
    area = engine.ask("Which therapy area dominated licensing deals with China in 2025?")
    assert not area.abstained and area.sentences[0].text.startswith("In 2025, oncology")
    # Not for an amount: a 2025 deal's value is no market total for 2025...
    assert engine.ask(
        "What total value did GlobalData put on Chinese innovator drug licensing deals signed by large pharma in 2025?"
    ).abstained
    # ...and a share ("28% of the innovator deals ... in 2024") is not a count.
    assert engine.ask("# of $500m+ china-west deals in 2024").abstained
    from assistant.question import satisfies

    assert not satisfies("count", "which comprised 28% of the innovator deals signed by large pharma in 2024")
    assert not satisfies("count", "ushering the country’s pharma sector into a “2.0” era")  # a version
    assert not satisfies("count", "Many Chinese companies currently lack the trial experience")  # how many?
    assert engine.ask(
        "How many returnee scientists have come back to China to start biotech companies in recent years?"
    ).abstained
    assert satisfies("count", "with 20 transactions worth over $500m taking place in 2023 alone")


def test_a_two_word_fragment_follows_the_thread(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("Cui: near-term — partner w/ MNC or go it alone?", conversation)
    later = engine.ask("longer term?", conversation)
    assert not later.abstained and "lobbying" in later.answer


def test_why_after_an_answer_that_points_back_gives_the_sentence_it_points_to(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("Cui: near-term — partner w/ MNC or go it alone?", conversation)  # "go it alone": still the root
    why = engine.ask("why?", conversation)
    # "Due to this, Cui believes..." is preceded by what "this" is.
    assert not why.abstained and "sales network" in why.sentences[0].text
    assert why.sentences[1].text.startswith("Due to this")
    later = engine.ask("longer term?", conversation)
    assert not later.abstained and "lobbying" in later.answer


def test_claims_events_and_places_a_question_takes_for_granted(engine: Engine) -> None:
    # A claim to check is corrected by the sentence that states the fact, not by the deals table.
    threshold = engine.ask("quick check — 20 west-china deals over $1bn in 2023, is that the right threshold?")
    assert not threshold.abstained and "over $500m" in threshold.answer
    # An event the question takes for granted must be in the evidence, names typed in lower case or not.
    assert engine.ask("why did novartis terminate the argo deal").abstained
    # A place asked about must be in the passage the answer comes from.
    assert engine.ask("what did cui say about europe's response to biosecure").abstained
    us = engine.ask("In which big US defence spending bill they want to put the BIOSECURE, and for which fiscal year?")
    assert not us.abstained and "NDAA" in us.answer  # the US goes unsaid in a passage on its Senate


def test_claim_tags_and_presupposed_events_are_recognised() -> None:
    from assistant.question import FACT_CHECK, analyse

    assert FACT_CHECK.search("beone took tevimbra to the US after china success, yes?")
    assert FACT_CHECK.search("20 deals over $1bn in 2023, is that the right threshold?")
    assert FACT_CHECK.search("sanity check: AZ paid $5.3bn")
    assert not FACT_CHECK.search("Which deals were signed right after the vote?")
    assert analyse("why did novartis terminate the argo deal").action == ("novartis", "terminate")
    assert analyse("How much does GlobalData think US drug sales drop by 2030?").action is None


def test_imperative_company_lists_and_stances(engine: Engine) -> None:
    from assistant.question import analyse

    assert analyse("give me all the big pharmas named w multi-billion china oncology deals in 2025").expects == (
        "companies"
    )
    listed = engine.ask("give me all the big pharmas named w multi-billion china oncology deals in 2025")
    assert not listed.abstained and all(name in listed.answer for name in ("AbbVie", "Pfizer", "GSK"))
    # A view, whatever its words, on the topic named after "on".
    assert analyse("asian investors' stance on out-licensing per smiley?").focus == ["out-licensing"]
    assert analyse("whats dajun yangs view on obesity and glp ones").focus == ["obesity"]
    stance = engine.ask("asian investors' stance on out-licensing per smiley?")
    assert not stance.abstained and "continued interest" in stance.answer


def test_a_payment_part_is_not_answered_by_the_headline_value(engine: Engine) -> None:
    from assistant.question import analyse

    assert analyse("upfront on the biggest one?").expects == "money"
    conversation = Conversation()
    biggest = engine.ask("which was the biggest deal?", conversation)
    assert not biggest.abstained and "Novartis" in biggest.answer
    assert engine.ask("upfront on the biggest one?", conversation).abstained  # no article states an upfront


def test_that_company_is_any_company_the_last_answer_named(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask(
        "Can you give an example of a Chinese company that took its own drug to the US rather than licensing it "
        "out, and what was the drug?",
        conversation,
    )
    before = engine.ask("What was that company called before?", conversation)  # "formerly known as"
    assert not before.abstained and "BeiGene" in before.answer
    from assistant.lexicon import expansions

    assert "formerly" in expansions("its old name?") and "roots" in expansions("where did they start out")


def test_will_it_last_is_answered_by_what_the_article_says_next(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask(
        "According to the Zai Lab president, what is one of the main reasons global companies are so engaged in "
        "China right now?",
        conversation,
    )
    lasts = engine.ask("Does he think that advantage will last?", conversation)
    # The quote goes on in the next passage: "However, I expect these figures will start to normalise..."
    assert not lasts.abstained and "more expensive" in lasts.answer


def test_dash_topics_asking_words_and_bn(engine: Engine) -> None:
    from assistant.question import analyse

    # "Topic — what...?" is a topic then a question; "Question — elaboration?" is not.
    assert analyse("Ascentage CEO's biotech '2.0' thesis — what's driving it (haigui)?").focus == []
    assert analyse("Why are MNCs shopping in China — pipeline rationale beyond price?").expects is None
    thesis = engine.ask("Ascentage CEO's biotech '2.0' thesis — what's driving it (haigui)?")
    assert not thesis.abstained and "returnees" in thesis.answer
    # "rationale" asks for a reason and is never in it; "bn" is billion.
    why = engine.ask("Why are MNCs shopping in China — pipeline rationale beyond price?")
    assert not why.abstained
    assert not engine.ask("2025 onc licensing: which MNCs named w/ multi-bn deals?").abstained


def test_by_what_percentage_wants_a_share(engine: Engine) -> None:
    from assistant.question import analyse

    assert analyse("By what percentage did clinical trial initiations in China grow in 2024?").expects == "percent"
    # China took the lead in 2024 trial starts; no growth rate is given.
    assert engine.ask("By what percentage did clinical trial initiations in China grow in 2024?").abstained
    share = engine.ask("What share of big pharma innovator deals were Chinese in 2024?")
    assert not share.abstained and "28%" in share.answer


def test_the_short_term_is_not_the_long_term(engine: Engine) -> None:
    from assistant.lexicon import expansions
    from assistant.question import horizon, other_horizon

    longer = "From a longer-term perspective, Cui..."
    assert other_horizon(horizon("Will they go it alone in the near future?"), longer)
    assert not other_horizon(horizon("Will they go it alone soon?"), "...unlikely to... in the short term.")
    assert not other_horizon(horizon("Will they go it alone?"), longer)
    # "go it alone" is self-commercialisation; "are most ..." asks about the majority, "the most valuable" not.
    assert "self-commercialisation" in expansions("Will Chinese biotechs go it alone?")
    assert "majority" in expansions("Are most Chinese biotechs going global?")
    assert "majority" not in expansions("What was the most valuable deal?")
    for question in (
        "Does Cui expect most Chinese biotechs to go it alone rather than out-license in the near term?",
        "Will most Chinese drugmakers try to commercialise globally on their own in the near future?",
        # The runner-up is much like the lead but holds words the lead lacks ("short term"): not redundant.
        "Will most Chinese biotechs opt for self-commercialisation over out-licensing in the short term?",
    ):
        answer = engine.ask(question)
        assert not answer.abstained and "unlikely" in answer.answer, question
        assert not answer.sentences[0].text.startswith("From a longer-term"), question


def test_a_quote_said_by_she_is_the_speaker_s(engine: Engine) -> None:
    # "“Many Chinese companies currently lack ...,” she states.": Cui's, named in the sentence before.
    answer = engine.ask(
        "What do Chinese companies lack that keeps them from commercialising worldwide themselves, according to Cui?"
    )
    assert not answer.abstained and "sales network" in answer.sentences[0].text


def test_a_fitting_lead_with_a_lower_similarity_is_still_an_answer(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("Cui Cui is head of what?", conversation)
    engine.ask("what she say about BIOSECURE?", conversation)
    # The long-term sentence leads (not "best practice in the near term"), and is not refused for it.
    later = engine.ask("and long term, what she think will happen?", conversation)
    assert not later.abstained and later.sentences[0].text.startswith("From a longer-term")


def test_an_area_set_aside_is_not_the_answer_or_a_condition(engine: Engine) -> None:
    from assistant.question import set_aside_areas

    assert set_aside_areas("Apart from cancer, what therapy area...?") == {"oncology"}
    assert set_aside_areas("Which oncology deals...?") == set()
    for question in (
        "Beyond oncology, what other therapy area has emerged as a popular focus, and which deals illustrate it?",
        "Besides oncology, which therapy area has become a popular focus for licensing, and which deals show that?",
        "Apart from cancer, what therapy area has become popular in China deals, and which deals illustrate it?",
    ):
        answer = engine.ask(question)
        assert not answer.abstained and answer.sentences[0].text.startswith("While oncology programmes"), question
    # A list of deals is still a list of deals, and an area asked about is still a condition.
    assert "3 deals" in engine.ask("Which deals besides oncology ones were named?").answer
    assert engine.ask("List the oncology deals with a stated value").abstained


def test_a_detail_of_a_deal_the_articles_do_not_give_is_refused(engine: Engine) -> None:
    from assistant.question import analyse

    # "what disease ... meant to treat" wants a disease area; "margin when ... passed" a count, not the day.
    assert analyse("What disease is the Argo asset that Novartis licensed meant to treat?").expects == "area"
    assert analyse("What was the House vote margin when BIOSECURE passed on 11 December?").expects == "count"
    assert analyse("Which asset name did InnoCare give?").expects == "product"
    assert analyse("GLP-1 deal values").expects == "money"  # a plural head asks for amounts too
    assert engine.ask(
        "What disease is the Argo Biopharmaceutical asset that Novartis licensed meant to treat?"
    ).abstained
    assert engine.ask("What was the House vote margin when BIOSECURE passed on 11 December?").abstained
    # "license its 2025 oncology asset from": Pfizer's counterparty, which no sentence names.
    assert engine.ask("Which Chinese biotech did Pfizer license its 2025 oncology asset from?").abstained
    # Still answered: the day it passed.
    assert "11 December" in engine.ask("When did the House pass BIOSECURE?").answer


def test_how_much_was_that_one_worth_is_about_the_thread(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("Which Chinese company did AstraZeneca sign with in 2025?", conversation)
    worth = engine.ask("How much was that one worth?", conversation)
    assert not worth.abstained and "$5.3bn" in worth.answer
    # A follow-up that names what it is about still needs it: the House passed it, the Senate has not voted.
    conversation = Conversation()
    engine.ask("BIOSECURE status / NDAA", conversation)
    engine.ask("House pass date?", conversation)
    assert engine.ask("Senate vote date?", conversation).abstained


def test_shorthand_when_and_everyday_words_for_a_stance(engine: Engine) -> None:
    from assistant.lexicon import phrase_words

    # "X when?" asks for a date: the House vote has one, the Senate vote has none.
    conversation = Conversation()
    house = engine.ask("BIOSECURE pass House when?", conversation)
    assert not house.abstained and "11 December" in house.answer
    assert engine.ask("and Senate vote when, what result?", conversation).abstained
    # "rattled", "losing sleep": the article says Yang is "unfazed".
    assert "unfazed" in phrase_words("Is he rattled by it?")["rattled"]
    for question in (
        "Is Ascentage Pharma's chief executive rattled by BIOSECURE coming back?",
        "Is the Ascentage Pharma CEO losing sleep over BIOSECURE? What's his reasoning?",
    ):
        answer = engine.ask(question)
        assert not answer.abstained and "Yang" in " ".join(c.text for c in answer.citations), question


def test_percent_signs_give_me_lists_and_leads_that_point_back(engine: Engine) -> None:
    from assistant.lexicon import expansions
    from assistant.question import analyse

    # "what %" asks for a share; 28% is for 2024, not 2023.
    assert analyse("what % of big pharma innovator deals were chinese in 2023?").expects == "percent"
    assert engine.ask("what % of big pharma innovator deals were chinese in 2023?").abstained
    assert "28%" in engine.ask("what % of big pharma innovator deals were chinese in 2024?").answer
    # "...deal with?" asks for a counterparty: GSK's is not named.
    assert engine.ask("which chinese company was GSK's oncology deal with?").abstained
    # "give me the deals" is a list of deals; "which one was AZ's?" then picks from it.
    conversation = Conversation()
    listed = engine.ask("give me the 2025 china deals with dollar figures", conversation)
    assert "3 deals" in listed.answer and "$5.36bn" in listed.answer
    assert "CSPC" in engine.ask("which one was AZ's?", conversation).answer
    assert "success" in expansions("have those actually made money?")
    # "All three of these modalities..." leads only after the sentence naming them.
    modalities = engine.ask("what other modalities does Yang flag?")
    assert modalities.sentences[0].text.startswith("Yang echoed this sentiment")
    assert modalities.sentences[1].text.startswith("All three of these modalities")


def test_how_a_user_frames_a_view_is_not_a_missing_fact(engine: Engine) -> None:
    from assistant.question import analyse

    # "bullish", "ballpark": framing, not words the article must hold.
    bullish = engine.ask("who's bullish on more china deals next year?")
    assert not bullish.abstained and "Smiley" in bullish.answer
    ballpark = engine.ask("ballpark, how big were those Pfizer and GSK oncology deals?")
    assert not ballpark.abstained and "multi-billion" in ballpark.answer
    # "Yang's actual quote on BIOSECURE", "anything on obesity?": the topic is what follows "on".
    assert analyse("what's Yang's actual quote on BIOSECURE?").focus == ["biosecure"]
    assert analyse("anything on obesity?").focus == ["obesity"]
    quote = engine.ask("what's Yang's actual quote on BIOSECURE?")
    assert not quote.abstained and "unmet needs" in quote.answer


def test_follow_ups_that_say_other_or_name_their_own_topic(engine: Engine) -> None:
    from assistant.conversation import _PRONOUNS

    # "Any other therapy area...?" refers to the thread; "What other modalities does Yang flag?" names Yang.
    assert _PRONOUNS.search("Any other therapy area picking up?")
    # A follow-up naming its own topic leans less on the last answer's words ("2.0 era").
    conversation = Conversation()
    engine.ask("who is dajun yang", conversation)
    engine.ask("What's his point about a '2.0' era?", conversation)
    feel = engine.ask("And how does he feel about BIOSECURE?", conversation)
    assert not feel.abstained and "BIOSECURE" in feel.answer and "2.0" not in feel.sentences[0].text
    # "the name of the Argo drug": a drug's name, which the article does not give.
    assert engine.ask("What's the name of the Argo drug that Novartis licensed?").abstained
    assert "Brukinsa" in engine.ask("What's the name of the drug BeOne took to the US?").answer


def test_a_role_alone_a_ta_and_a_trailing_percent_sign(engine: Engine) -> None:
    from assistant.lexicon import long_forms
    from assistant.question import analyse

    # "Ascentage Pharma CEO?", "josh smiley title": who the person is, as the article introduces them.
    assert engine.ask("Ascentage Pharma CEO?").answer.startswith("Dajun Yang is CEO")
    assert "president and COO" in engine.ask("josh smiley title").answer
    assert "president and COO" in engine.ask("Josh Smiley — role + company?").answer
    # ...but a question that ends with a role is not only a role.
    assert "unmet needs" in engine.ask("is BIOSECURE a threat per Ascentage CEO").answer
    assert ["therapy", "area"] in long_forms("ta")
    # "..., %": a share, and of what ("global trial starts": none is given, only that China led).
    assert analyse("china's share of global trial starts in 2024, %").focus == ["global", "trial", "starts"]
    assert engine.ask("china's share of global trial starts in 2024, %").abstained
    share = engine.ask("china share of big pharma innovator deals 2024 (%)")
    assert share.sentences[0].text.startswith("This uptick in deals")  # names its subject: nothing before it


def test_a_person_s_view_on_an_area_must_be_their_sentence_on_it(engine: Engine) -> None:
    from assistant.question import areas_named

    assert areas_named("their view on the obesity market and CGTs?") == {"cardiometabolic", "cgt"}
    # Smiley names obesity and Yang names CGTs; neither speaks about the other's.
    assert engine.ask("Dajun Yang's view on the obesity market?").abstained
    assert engine.ask("What does Josh Smiley think about China's cell and gene therapy pipeline?").abstained
    assert "bispecifics" in engine.ask("What does Yang say about bispecifics?").answer
    assert "obesity" in engine.ask("What does Smiley say about cardiometabolic deals?").answer


def test_who_holds_a_role_the_articles_do_not_name_and_a_new_name(engine: Engine) -> None:
    refused = engine.ask("Who is the CEO of BeOne Medicines?")
    assert refused.abstained and "name no CEO of BeOne Medicines" in refused.answer
    assert engine.ask("who's the coo of zai lab?").answer.startswith("Josh Smiley")
    now = engine.ask("What is BeiGene called now?")
    assert not now.abstained and "BeOne" in now.sentences[0].text


def test_the_view_of_someone_at_an_organisation_the_articles_quote_nobody_from(engine: Engine) -> None:
    # The articles name AstraZeneca and Pfizer as deal parties but quote nobody from either: a sentence that
    # mentions the company is not its head's view.
    for question in (
        "What did the head of AstraZeneca say about his company's deal with CSPC?",
        "Did anybody from Pfizer say anything about licensing from China?",
        "What did a Pfizer executive say about Chinese oncology assets?",
    ):
        refused = engine.ask(question)
        assert refused.abstained and "quote nobody from" in refused.answer, question
    # Someone at a company the articles do quote, or described by nationality, is still answered.
    assert "2.0" in engine.ask("What did the head of Ascentage say about China's pharma sector?").answer
    assert "2.0" in engine.ask("What did a Chinese executive say about returnees?").answer


def test_a_topic_the_articles_mention_is_answered_with_the_mention(engine: Engine) -> None:
    # "BeiGene" means little to the model, so the meaning alone scores below the threshold; the article names
    # it, and asking what the article says about it is answered with that sentence.
    for question in (
        "Does the piece mention BeiGene at all?",
        "Tell me about BeiGene.",
        "What does the article say about BeiGene?",
        "Is Brukinsa mentioned anywhere?",
    ):
        answer = engine.ask(question)
        assert not answer.abstained and "formerly known as BeiGene" in answer.sentences[0].text, question
    # A topic the articles never name is still refused.
    for question in ("Does the article mention Hengrui?", "Tell me about Keytruda.", "Is Keytruda mentioned?"):
        assert engine.ask(question).abstained, question


def test_a_quoted_fragment_finds_its_sentence_or_is_said_to_be_absent(engine: Engine) -> None:
    # A copy editor quotes a few words and asks about them: the sentence holding them is the answer.
    answer = engine.ask('Someone is described as "mainly unfazed" — who is it?')
    assert not answer.abstained and "Yang notes that he is mainly unfazed" in answer.sentences[0].text
    answer = engine.ask("“one thing has remained constant” — what is the constant?")
    assert not answer.abstained and "oncology" in answer.sentences[0].text
    # Remembered loosely ("early" for "early-stage", "helping with" for "mitigate"), the quote still finds its passage.
    answer = engine.ask('"abundance of early assets" — whose point is that, and what is it supposed to help with?')
    assert not answer.abstained and "abundance of early-stage assets" in answer.sentences[0].text
    # Words the articles never put together are no quote of theirs.
    refused = engine.ask('Where is the "breakthrough therapy designation" figure — how many did China grant?')
    assert refused.abstained and "never say “breakthrough therapy designation”" in refused.answer
    # The quote is found, but what is asked of it (a headquarters) is nowhere.
    assert engine.ask('BeOne is "now an MNC" — where is its headquarters today?').abstained


def test_on_what_condition_asks_for_an_if(engine: Engine) -> None:
    # "condition" here is no disease and "on what" no date: the sentence with the "if" answers it.
    answer = engine.ask("Cui says BIOSECURE will just be noise — but on what condition?")
    assert not answer.abstained and "if positive data readouts" in answer.sentences[0].text


def test_whats_his_role_is_the_thread_s_person(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("Who actually says dealmaking with China will keep growing into 2026?", conversation)
    assert engine.ask("What's his role?", conversation).answer.startswith("Josh Smiley is president and COO")


def test_two_questions_typed_one_after_the_other_and_where_someone_worked(engine: Engine) -> None:
    from assistant.question import analyse

    # The first does not stand (no sentence gives "the basis"); the second, which stands alone, is answered.
    both = engine.ask(
        "What's the basis for saying Chinese assets are a big slice of big pharma's licensing? "
        "What share of large pharma's innovator deals were Chinese in 2024?"
    )
    assert not both.abstained and "28%" in both.answer
    # A second question that leans on the first ("What did he say?") is not answered on its own.
    assert engine.ask("Did Smiley comment on BIOSECURE? What did he say?").abstained
    # "Where did he work before...?" wants a place other than the question's own.
    assert analyse("Where did Dajun Yang work before he returned to China?").expects == "place"
    assert engine.ask("Where did Dajun Yang work before he returned to China?").abstained
    assert "Beijing" in engine.ask("Where did BeOne's roots start?").answer


def test_an_angle_is_a_view_and_a_title_claim_is_checked(engine: Engine) -> None:
    from assistant.question import analyse

    assert analyse("and the asian investor angle?").focus == []  # "angle": whatever words the view uses
    conversation = Conversation()
    engine.ask("smiley on why china cos will keep partnering", conversation)
    angle = engine.ask("and the asian investor angle?", conversation)
    assert not angle.abstained and "Asian investors" in angle.answer
    title = engine.ask("I have Josh Smiley down as CEO of Zai Lab. Is that his actual title?")
    assert title.answer.startswith("Josh Smiley is president and COO")


def test_a_set_aside_question_in_a_chat_is_its_own_topic(engine: Engine) -> None:
    from assistant.question import analyse

    # Found in the new-user trial: after a question about BeOne, "Beyond oncology, ... illustrate it?" borrowed
    # BeOne (for "it") and led with its immuno-oncology sentence.
    assert (
        analyse("Beyond oncology, what other therapy area is popular, and which deals illustrate it?").expects == "area"
    )
    conversation = Conversation()
    engine.ask("Who is the CEO of BeOne Medicines?", conversation)
    other = engine.ask(
        "Beyond oncology, what other therapy area is popular, and which deals illustrate it?", conversation
    )
    assert not other.abstained and other.sentences[0].text.startswith("While oncology programmes")


def test_a_market_fact_the_articles_never_mention_is_not_answered(engine: Engine) -> None:
    # "tariffs" is an everyday word, but no article sentence says anything about them (only an advert did).
    for question in ("Does Yang think US tariffs will hurt Ascentage?", "how's zai lab's stock done this year?"):
        assert engine.ask(question).abstained, question
    assert not engine.ask("What does Yang think about BIOSECURE?").abstained


def test_what_after_list_or_whether_after_view_on_is_a_clause() -> None:
    from assistant.question import analyse

    clause = analyse("list what chinese companies are missing if they want to commercialise globally on their own")
    assert clause.expects is None
    assert analyse("What is Cui's view on whether Chinese companies will go global alone?").expects is None
    assert analyse("list the chinese companies with 2025 deals").expects == "companies"


def test_a_reason_is_not_a_scene_setting_as(engine: Engine) -> None:
    from assistant.question import gives_reason

    assert not gives_reason("As the value of Chinese drug asset deals continues to rise, one thing has remained.")
    assert gives_reason("This comes as they look to bulk out their pipelines.")
    assert gives_reason("He highlights interest amongst investors, as many companies lack experience.")
    # The reason is "This comes as they look to bulk out their pipelines ... patent cliff": its subject is the
    # sentence before, which it follows in the answer.
    answer = engine.ask("why are the big western pharmas all shopping in china right now?")
    assert not answer.abstained and "patent cliff" in answer.answer
    texts = [s.text for s in answer.sentences]
    reason = next(i for i, t in enumerate(texts) if t.startswith("This comes as"))
    assert reason > 0 and texts[reason - 1].startswith("As R&D efforts accelerate")


def test_who_made_that_point_and_does_someone_agree(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("Why are Chinese-made ADCs such a draw for Western dealmakers?", conversation)
    who = engine.ask("Who made that point?", conversation)
    assert not who.abstained and who.sentences[0].text.startswith("The view is attributed to Josh Smiley")
    assert who.sentences[1].text.startswith("According to Smiley, antibody-drug")
    # A person by role and "agree", nothing else: agreeing with what the thread was about, in their own words.
    agrees = engine.ask("Does the Ascentage CEO agree?", conversation)
    assert not agrees.abstained and agrees.sentences[0].text.startswith("Yang echoed this sentiment")
    # The one who agrees leads, not the one agreed with, whose sentence names the topic.
    answer = engine.ask("Does Smiley agree with Cui that partnering with an MNC is the way to go for now?")
    assert not answer.abstained and answer.sentences[0].text.startswith("Smiley mirrors this belief")


def test_forecasts_of_a_vote_payment_parts_and_market_totals_the_articles_lack(engine: Engine) -> None:
    from assistant.question import EXPECTED_OUTCOME

    assert EXPECTED_OUTCOME.search("Does Cui Cui expect the BIOSECURE Act to pass the Senate?")
    assert EXPECTED_OUTCOME.search("How likely is it that BIOSECURE gets signed into law?")
    assert not EXPECTED_OUTCOME.search("What do analysts expect the passing of the act to mean?")
    for question in (
        # Her BIOSECURE sentence ("...will simply serve as noise") forecasts no vote.
        "Does Cui Cui expect the BIOSECURE Act to pass the Senate?",
        # Milestones are a part of the deal the article never gives, whatever the question expects.
        "What milestone payments are included in Novartis's deal with Argo Biopharmaceutical?",
        # "the total value of licensing deals": the market's total, not the deals the article names.
        "What is the total value of licensing deals between Western companies and Chinese biotechs signed in 2025?",
        # "Which of X's drugs" asks for a drug; Yang's introduction names none.
        "Which of Ascentage Pharma's drugs has been approved in the US?",
    ):
        assert engine.ask(question).abstained, question
    assert not engine.ask("Has the House passed the BIOSECURE Act?").abstained


def test_which_of_and_the_number_of_as_a_trend() -> None:
    from assistant.fact_questions import _COUNT_Q
    from assistant.question import analyse

    assert analyse("Which of Ascentage Pharma's drugs has been approved in the US?").expects == "product"
    assert analyse("Which of the 2025 deals also had an immune disease angle").focus == ["2025", "deals"]
    for trend in ("Is the number of China–West deals expected to rise?", "What happens to the number of deals?"):
        assert not _COUNT_Q.search(trend) and analyse(trend).expects is None, trend
    assert _COUNT_Q.search("number of deals over $500m in 2023")
    assert analyse("What was the number of deals in 2023?").expects == "count"


def test_four_letter_typos_plurals_as_typed_and_examples(engine: Engine) -> None:
    from assistant.answer import correct_spelling
    from assistant.lexicon import expand_query

    assert correct_spelling("total vaue of deals", ["the value of deals"]) == "total value of deals"
    # A plural of a passage word and a contraction are left as typed.
    assert correct_spelling("biotechs needn't worry", ["biotech needs"]) == "biotechs needn't worry"
    answer = engine.ask("total vaue of chinese innovator licensing deals signed by big pharma in 2024?")
    assert not answer.abstained and "41.5bn" in answer.answer
    # "onc deals" is oncology; only "ONC" may also be BeOne's ticker.
    assert "beone" not in expand_query("2025 onc deals") and "beone" in expand_query("ONC stock")
    # Asked for an example, the sentence that gives one leads, after the sentence it is an example of.
    example = engine.ask("Give me an example of a Chinese biotech that self-commercialised in the US.")
    texts = [s.text for s in example.sentences]
    assert texts[1].startswith("An example of this is BeOne") and texts[0].startswith("As the global reputation")
    # Asked something else, it leads alone.
    assert engine.ask("BeiGene new name is?").sentences[0].text.startswith("An example of this is BeOne")


def test_who_asks_an_honorific_and_a_verb_after_could_are_not_missing_facts(engine: Engine) -> None:
    for question in (
        # "Shanghai" says who asks, not what about; the article never names Shanghai.
        "We're a Shanghai biotech weighing whether to take our lead asset global ourselves or partner with an MNC. "
        "What do the experts in the article recommend for the near term?",
        "Why are global companies so engaged in China at the moment, in Mr Smiley's view?",
        # "provoke" is the asker's verb for "could result in".
        "In the longer run, what reaction could Chinese self-commercialisation provoke in the US, according to Cui?",
    ):
        assert not engine.ask(question).abstained, question
    # A place the articles never name, asked about, still settles it.
    assert engine.ask("What did Cui say about Shanghai biotechs?").abstained


def test_an_organisation_s_view_is_its_person_s_and_a_named_quote_is_the_speaker_s(engine: Engine) -> None:
    # Zai Lab's person (Smiley) says nothing about BIOSECURE; "make of" asks a view too.
    assert engine.ask("How does Zai Lab expect BIOSECURE to affect its own business?").abstained
    assert engine.ask("What does Smiley make of the BIOSECURE Act?").abstained
    # "“...,” Yang says." is Yang's; the Jefferies view on BIOSECURE is Cui's "noise" sentence.
    answer = engine.ask("What does Jefferies think of BIOSECURE?")
    assert not answer.abstained and answer.sentences[0].text.startswith("Cui expressed similar thoughts")


def test_amounts_written_out_approximate_or_a_degree_and_america(engine: Engine) -> None:
    from assistant.question import analyse

    # "two-billion-dollar" is the article's "$2bn"; "roughly five-billion-dollar" is about its $5.3bn.
    for question in (
        "Zenas Biopharma shook hands on a two-billion-dollar deal in 2025 — with which Chinese drugmaker?",
        "Who was AstraZeneca's Chinese counterpart in its roughly five-billion-dollar pact in 2025?",
        # "America" is the article's "US".
        "Can you give an example of a Chinese-born drugmaker that took its own medicine to America itself?",
    ):
        assert not engine.ask(question).abstained, question
    assert analyse("How much does the analyst think the bill will actually matter?").expects is None
    assert analyse("How much did AZ pay CSPC?").expects == "money"


def test_everyday_words_for_deals_areas_leads_and_passing(engine: Engine) -> None:
    for question in (
        "When did China overtake everyone else in the number of new clinical studies getting underway?",
        "Are some Chinese biotechs trying to market their drugs worldwide themselves rather than following the usual "
        "big-pharma licensing playbook?",
        "Why does Ascentage's chief think Chinese drugmakers needn't fret much about Washington's biotech-security "
        "legislation?",
        "When did the House sign off on the BIOSECURE bill?",
    ):
        assert not engine.ask(question).abstained, question
    # "approved" is not "passed": the articles name no approved Ascentage drug.
    assert engine.ask("What is Ascentage Pharma's lead product and what is it approved for?").abstained
    assert engine.ask("Has the Senate signed off on BIOSECURE?").abstained


def test_a_wrong_title_mnc_as_big_pharma_and_a_trailing_confirm(engine: Engine) -> None:
    from assistant.question import FACT_CHECK

    # The sentence that answers names his real title ("president and COO"): the claim is corrected.
    answer = engine.ask("zai lab CEO josh smiley bullish on 2026 BD volume?")
    assert not answer.abstained and "COO" in answer.answer
    # "MNC interest" is the article's "big pharma interest".
    answer = engine.ask("which modalities does yang say drive MNC/investor interest in CN?")
    assert not answer.abstained and answer.sentences[0].text.startswith("Yang echoed this sentiment")
    assert FACT_CHECK.search("CN = 35% of big pharma innovator deals in 2024? confirm")
    assert not FACT_CHECK.search("Which companies did BIOSECURE check?")
    assert "28%" in engine.ask("CN = 35% of big pharma innovator deals in 2024? confirm").answer


def test_shorthand_wh_focus_pickups_and_a_misspelt_market_fact(engine: Engine) -> None:
    from assistant.question import analyse

    assert analyse("biosecure getting attached to what bill").focus == ["bill"]
    assert analyse("other modalities Yang flagged?").focus == ["modalities", "yang"]
    assert analyse("over what years?").expects == "date"
    for question in ("why the pickup in cardiometabolic deals?", "biosecure getting attached to what bill"):
        assert not engine.ask(question).abstained, question
    # "tarrifs" is "tariffs", which no article sentence mentions.
    assert engine.ask("does cui think us pharma tarrifs will hurt chinese biotechs").abstained


def test_ordinals_a_new_year_why_not_and_a_preamble(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("Which big China licensing deals does the article list for 2025?", conversation)
    second = engine.ask("and the second one — how much was it worth?", conversation)
    assert not second.abstained and "$5.3bn" in second.answer
    engine.ask("What was the upfront payment on that one?", conversation)
    # The year stands in for the opening question's 2025, not for the upfront just refused.
    other_year = engine.ask("and in 2023?", conversation)
    assert not other_year.abstained and "20 transactions" in other_year.answer
    # "why not?" wants what the last answer did not say: what they lack.
    conversation = Conversation()
    engine.ask("Are most Chinese biotechs likely to self-commercialise globally in the short term?", conversation)
    why_not = engine.ask("why not?", conversation)
    assert not why_not.abstained and why_not.sentences[0].text.startswith("“Many Chinese companies currently lack")
    refresher = engine.ask("Quick refresher before my call: where does the BIOSECURE Act stand right now?")
    assert not refresher.abstained and "Senate" in refresher.answer


def test_context_before_the_question_is_not_what_is_asked(engine: Engine) -> None:
    from assistant.retrieval import query_terms

    assert query_terms("I’m pitching; we're sure; don't") == ["pitching", "sure"]
    for question in (
        # Who asks ("our LPs"), what they assume ("like BeOne did"), what they do ("pitching ... to a partner").
        "Some of our LPs think BIOSECURE will kill the China licensing trade. Dajun Yang at Ascentage was quoted on "
        "this — what was his argument for not worrying too much?",
        "Since Chinese biotechs seem to be going it alone like BeOne did, does Cui think partnering with a "
        "multinational is now outdated?",
        "I’m pitching a Chinese ADC to a Western partner and want to echo what Zai Lab’s Smiley said. Why does he "
        "think Chinese ADCs are so popular with Western dealmakers?",
        "I’m drafting a board memo and my notes say Chinese innovator drug licensing deals made up about 38% of "
        "large pharma’s innovator deals in 2024, worth roughly $41.5bn. Is the 38% right?",
    ):
        assert not engine.ask(question).abstained, question
    # "Is that what the piece actually says?" checks a claim: the sentence with the true threshold answers.
    claim = engine.ask(
        "In my notes I have that there were 20 China–West deals worth over $1bn each in 2023. "
        "Is that what the piece actually says?"
    )
    assert not claim.abstained and "$500m" in claim.answer


def test_companies_for_an_area_a_longer_deal_list_and_transposed_letters(engine: Engine) -> None:
    from assistant.question import analyse

    # Companies named with immunology deals do not answer for obesity deals.
    assert engine.ask("Which companies have signed obesity deals with Chinese biotechs?").abstained
    assert not engine.ask(
        "Which big pharmas did multi-billion dollar cancer deals with Chinese firms in 2025?"
    ).abstained
    listed = engine.ask("what were the big west-china deals signed in 2025?")
    assert not listed.abstained and "Novartis" in listed.answer
    assert analyse("no. of clinical trial starts in China, 2024").expects == "count"
    assert not engine.ask("waht does cui cui think biosecure will amount to").abstained


def test_a_name_asked_about_must_be_in_the_article_the_answer_comes_from(seed_copy: Settings) -> None:
    from assistant.indexer import update_index

    # An unrelated abstract about drug databases, indexed beside the seed article (which names Ascentage).
    (seed_copy.corpus_dir / "drug-event-database.md").write_text(
        "---\ntitle: 'Adverse drug events: a database and in silico prediction'\n---\n\n"
        "Adverse drug events are the harms associated with the use of a given medication at normal doses. "
        "Here we report a database of adverse drug events, which includes more than 500,000 associations "
        "between drugs and events for 3,000 unique compounds, including the main drug of each class. "
        "We then built models to predict the events of new compounds from their structures.\n",
        encoding="utf-8",
    )
    update_index(seed_copy)
    engine = Engine(seed_copy)
    # The abstract's "main drug" sentence is not about Ascentage, which only the seed article names.
    answer = engine.ask("Ascentage main drug is what?")
    assert answer.abstained or all("Ascentage" in c.text for c in answer.citations)
    assert not engine.ask("Who is Dajun Yang?").abstained


def test_an_example_asked_for_and_a_title_the_person_does_not_hold(engine: Engine) -> None:
    conversation = Conversation()
    example = engine.ask(
        "Which Chinese company is given as an example of going global on its own instead of licensing?", conversation
    )
    assert not example.abstained and "BeOne" in example.answer
    before = engine.ask("What was it called before?", conversation)
    assert not before.abstained and "BeiGene" in before.answer
    # Zai Lab's Josh Smiley is its president and COO: the articles name no CEO of Zai Lab.
    assert engine.ask("Who is the CEO of Zai Lab?").abstained
    assert not engine.ask("Ascentage Pharma CEO?").abstained


def test_a_kind_of_answer_named_in_passing_must_be_given(engine: Engine) -> None:
    # An amount, a time or a share asked for in other words: no sentence gives one, so no answer.
    assert engine.ask("What did Brukinsa bring in in US sales last year?").abstained
    assert engine.ask("did Cui put a dollar figure on 2026 China licensing deal value?").abstained
    assert engine.ask("china clears INDs in 30 days now, right?").abstained
    assert engine.ask("china's % share of global trial starts in 2024").abstained
    # ...while the share that is given, and a view on IND times, are answered.
    share = engine.ask("What proportion of big pharma's innovator deals came out of China in 2024?")
    assert not share.abstained and "28%" in share.answer
    view = engine.ask("what's the view on china's IND turnaround times")
    assert not view.abstained and "IND" in view.answer
    pharma = engine.ask("Which big pharma names did multi-billion oncology licensing deals in 2025?")
    assert not pharma.abstained and "AbbVie" in pharma.answer


def test_a_follow_up_asking_for_another_one_searches_what_the_last_question_asked(engine: Engine) -> None:
    # "Any other therapy area picking up?" after immunology: the sentence that forecasts immunology names the
    # cardiometabolic uptick too, and is found only with the last question's words.
    for opening, other in [
        ("smiley view on immunology for 2026?", "Any other therapy area picking up?"),
        ("What does Smiley forecast for immunology in 2026?", "And where is he seeing an uptick besides that?"),
    ]:
        conversation = Conversation()
        engine.ask(opening, conversation)
        answer = engine.ask(other, conversation)
        assert not answer.abstained and "cardiometabolic" in answer.answer


def test_what_holds_them_back_is_what_they_lack(engine: Engine) -> None:
    lack = "lack the trial experience"
    held = engine.ask("What's holding Chinese companies back from selling their own drugs globally?")
    assert not held.abstained and lack in held.sentences[0].text
    conversation = Conversation()
    engine.ask(
        "Does Cui think most Chinese biotechs will commercialise globally on their own any time soon?", conversation
    )
    why_not = engine.ask("why not?", conversation)
    assert not why_not.abstained and lack in why_not.sentences[0].text


def test_a_position_on_something_is_a_view_and_areas_listed_are_not_deals(engine: Engine) -> None:
    position = engine.ask("What is Dajun Yang's position on the BIOSECURE Act?")
    assert not position.abstained and "BIOSECURE" in position.answer and "is CEO at" not in position.answer
    areas = engine.ask(
        "Which therapy areas does the article list where Chinese R&D is accelerating and attracting deals?"
    )
    assert not areas.abstained and "cardiometabolic health" in areas.answer and "$5.36bn" not in areas.answer
    who = engine.ask("remind me who cui cui is?")
    assert not who.abstained and "Asia healthcare head" in who.answer


def test_an_instance_asked_for_in_passing_and_long_names_and_retold_claims(engine: Engine) -> None:
    for question in (
        "example of a chinese co that self-commercialized in the us?",
        "Any Chinese company that's actually gone global on its own instead of licensing out?",
    ):
        answer = engine.ask(question)
        assert not answer.abstained and "BeOne" in answer.answer, question
    house = engine.ask("On what date did the House of Representatives pass the BIOSECURE Act?")
    assert not house.abstained and "11 December" in house.answer  # the article says "the House"
    retold = engine.ask(
        "The partner understood that Cui advises Chinese companies to avoid partnering with multinationals in the "
        "near term. Is that what the article reports?"
    )
    assert not retold.abstained and "partnering with an MNC will remain best practice" in retold.answer
    lack = engine.ask("What capabilities does Cui say many Chinese companies currently lack to go global on their own?")
    assert "lack the trial experience" in lack.sentences[0].text


def test_she_is_the_woman_the_thread_named_even_in_lower_case(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("what does cui say chinese companies lack to self commercialize globally", conversation)
    engine.ask("does smiley agree", conversation)
    later = engine.ask("and what does she expect longer term", conversation)
    assert not later.abstained and "Cui concludes" in later.answer


def test_the_person_a_follow_up_names_is_the_one_asked_about(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("is dajun yang worried about biosecure?", conversation)
    engine.ask("why not?", conversation)
    # Smiley says nothing about BIOSECURE: Yang's words, borrowed from the thread, do not answer for him.
    assert engine.ask("and what does smiley think of it?", conversation).abstained


def test_those_deals_are_the_ones_the_last_answer_was_about(engine: Engine) -> None:
    for opening, amount in [
        ("What percentage of big pharma's innovator deals in 2024 came from China-originated drugs?", None),
        ("What share of large pharma's innovator licensing deals in 2024 came from China?", None),
    ]:
        for follow_up in (
            "And in dollar terms, how much were they worth?",
            "And what were those deals worth in total?",
        ):
            conversation = Conversation()
            engine.ask(opening, conversation)
            answer = engine.ask(follow_up, conversation)
            assert not answer.abstained and "$41.5bn" in answer.answer and "$12.66bn" not in answer.answer, amount


def test_statuses_and_figures_the_article_never_gives(engine: Engine) -> None:
    assert engine.ask("has the ndaa w biosecure actually been signed into law yet").abstained
    assert not engine.ask("What does Yang think about the BIOSECURE law?").abstained  # "law" for "act"
    assert engine.ask("Is there a percentage for China's share of global trial starts in 2024?").abstained
    assert engine.ask("Where is BeOne headquartered today?").abstained  # its roots are in Beijing: not its HQ
    assert engine.ask("Does Cui give a dollar forecast for total China out-licensing value in 2026?").abstained
    assert engine.ask("Does the article name a specific China bispecific licensing deal and its price tag?").abstained
    # "Zai Lab" is the article's "Zai Labs", a party to no deal; "Novartis" is one to Argo's.
    assert engine.ask("Which licensing deals did Zai Lab itself sign in 2025?").abstained
    novartis = engine.ask("Which deals did Novartis sign in 2025?")
    assert not novartis.abstained and "Argo" in novartis.answer and "CSPC" not in novartis.answer


def test_choices_and_when_are_part_of_the_question(engine: Engine) -> None:
    # "— A or B?" offers choices; it is not a second question the first part could answer alone.
    assert engine.ask(
        "What kinds of payloads do Chinese ADCs mostly use — topoisomerase inhibitors or tubulin binders?"
    ).abstained
    assert engine.ask(
        "What modality was GSK's 2025 oncology deal with a Chinese company for – ADC or bispecific?"
    ).abstained
    # "last year" says when: revenue is asked for, and no article gives Zai Lab's.
    assert engine.ask("What were Zai Lab's revenues last year?").abstained


def test_a_person_named_by_role_in_a_follow_up_and_their_view_of_it(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("What's Dajun Yang's take on the BIOSECURE Act — is he worried?", conversation)
    cui = engine.ask("And the Jefferies analyst, how does she see it?", conversation)
    assert not cui.abstained and "noise" in cui.answer
    conversation = Conversation()
    engine.ask("What did Yang say about BIOSECURE?", conversation)
    engine.ask("And Cui?", conversation)
    # Smiley says nothing about BIOSECURE; "What about the Zai Lab executive" alone asks nothing.
    assert engine.ask("What about the Zai Lab executive — what's his take on it?", conversation).abstained
    conversation = Conversation()
    engine.ask("Which modality has been especially popular with Western dealmakers, according to Smiley?", conversation)
    same = engine.ask(
        "Does the Ascentage CEO see the same thing, or does he point to other modalities too?", conversation
    )
    assert same.sentences[0].text.startswith("Yang echoed this sentiment")
    proven = engine.ask("Have those modalities actually proven themselves commercially?", conversation)
    assert not proven.abstained and "commercial success" in proven.answer


def test_everyday_names_for_the_articles_terms(engine: Engine) -> None:
    for question, expected in [
        ("Why are Western companies so keen on the Chinese antibody drugs that carry a chemo payload?", "ADCs"),
        ("Apart from the antibody-chemo combos, what other newer drugs does Dajun Yang say big pharma likes?", "CGTs"),
        ("Why would gene and cell therapy work be moving to China rather than staying in the US or Europe?", "CGT"),
        ("Are the weight-loss drug companies doing deals with China as well?", "obesity"),
        ("Bottom line, should a Chinese biotech team up with a big multinational or go solo, according to Cui?", "MNC"),
        ("Which of the 2025 cancer tie-ups also covered immune-mediated disease?", "immune disease"),
        ("What's the headline number on Novartis's deal with Argo?", "$5.36bn"),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    # Nor does any article name a bill's sponsors.
    assert engine.ask("Who are the congressional sponsors of the BIOSECURE Act?").abstained


def test_a_sentence_after_the_question_about_the_asker_is_not_asked(engine: Engine) -> None:
    holdings = engine.ask(
        "Which of the big pharma names signed cancer drug deals with Chinese companies in 2025? "
        "Trying to see if any of my holdings are involved."
    )
    assert not holdings.abstained and "AbbVie" in holdings.answer
    example = engine.ask(
        "Which Chinese company is the article's example of going global on its own instead of licensing?"
    )
    assert not example.abstained and "BeOne" in example.answer
    cliff = engine.ask("How much are US drug sales supposed to drop when all those big patents expire?")
    assert not cliff.abstained and "$230bn" in cliff.answer


def test_strategy_questions_and_corrected_titles(engine: Engine) -> None:
    # Partnering as a strategy is not a question about a deal's other side.
    partner = engine.ask("Bottom line from the Jefferies side: should Chinese companies partner with a multinational?")
    assert not partner.abstained and "MNC" in partner.answer
    assert engine.ask(
        "What is Ascentage Pharma's lead drug and has it been out-licensed to a Western partner?"
    ).abstained
    # "all cancer" is no list of deals; "on what reasoning" asks for no date; "keeps invoking" is the asker's verb.
    for question, expected in [
        ("Is this all cancer, or are the Chinese deals reaching into immunology as well?", "immunology"),
        (
            "Does the Jefferies analyst think this year's licensing frenzy carries into 2026, and on what reasoning?",
            "2026",
        ),
        ("How big is the US patent cliff everyone keeps invoking, and over what years?", "$230bn"),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    # A wrong title in a yes/no question is corrected by the sentence that gives the right one.
    title = engine.ask("Is Josh Smiley the CEO of Zai Lab?")
    assert not title.abstained and "president and COO" in title.answer
    assert engine.ask("Who is the CEO of Zai Lab?").abstained


def test_me_too_is_a_word_and_kinds_of_things_are_asked_about(engine: Engine) -> None:
    from assistant.retrieval import query_terms

    assert "me_too" in query_terms("Isn't China still a generics / me-too shop?")
    for question, expected in [
        ("is china still basically a generics / me-too shop?", "me-too"),
        ("china used to be known for generics and me-toos — still the case?", "me-too"),
        ("What kinds of deals did GSK and AbbVie strike with Chinese companies in 2025?", "immune disease"),
        ("Which type of drug does Smiley say Western dealmakers have especially liked, and why?", "ADCs"),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    conversation = Conversation()
    engine.ask("Does anyone say early-stage programmes cost less in China than in the US or Europe?", conversation)
    lasts = engine.ask("Does he think that lasts?", conversation)
    assert not lasts.abstained and "normalise" in lasts.answer


def test_lawmakers_acts_months_and_therapy_areas_asked_tersely(engine: Engine) -> None:
    # Only the House has passed it: no date for the Senate, nor a Senate vote.
    assert engine.ask("what date did the senate pass the NDAA with biosecure in it").abstained
    assert engine.ask("how did the senate vote on the biosecure act what was the count").abstained
    assert not engine.ask("what date did the house pass biosecure").abstained
    conversation = Conversation()
    engine.ask("nvs-argo headline value?", conversation)
    assert engine.ask("what month was it signed?", conversation).abstained  # 2025 is no month
    assert engine.ask("argo biopharma asset in the nvs deal — what TA / target?").abstained


def test_what_exactly_did_he_say_is_about_the_thread(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("is yang (ascentage) worried abt BIOSECURE?", conversation)
    said = engine.ask("what exactly did he say?", conversation)
    assert not said.abstained and "BIOSECURE" in said.answer and "Yang" in said.answer


def test_agreement_further_down_and_what_a_refused_question_was_about(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("What's Cui Cui's take on the BIOSECURE Act?", conversation)
    same = engine.ask("Does Dajun Yang see it the same way?", conversation)
    assert not same.abstained and "Yang" in same.sentences[0].text  # his own sentence, not Cui's
    conversation = Conversation()
    assert engine.ask(
        "How many cardiometabolic deals did Western pharma sign with Chinese companies in 2025?", conversation
    ).abstained
    why = engine.ask("Why the interest in that area anyway?", conversation)
    assert not why.abstained and "cardiometabolic" in why.answer
    # Done by, voted down: past forms end the thing asked about; the Senate has not voted.
    share = engine.ask("In 2024, what share of the innovator deals done by big pharma were Chinese licensing deals?")
    assert not share.abstained and "28%" in share.answer
    assert engine.ask("Could you explain why the Senate voted down the BIOSECURE Act in December?").abstained
    besides = engine.ask(
        "Besides oncology, which therapy area emerged as popular focus, and which of the mentioned deals had that part?"
    )
    assert not besides.abstained and "immunology" in besides.answer and "$5.36bn" not in besides.answer


def test_a_follow_up_naming_only_a_person_asks_their_view_of_the_thread(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("what did cui cui say about biosecure", conversation)
    yang = engine.ask("and yang?", conversation)
    assert not yang.abstained and "BIOSECURE" in yang.sentences[0].text and "Yang" in yang.sentences[0].text
    # "it" is no person of the thread: the House's vote, not Yang's introduction.
    house = engine.ask("remind me when the house passed it", conversation)
    assert not house.abstained and "11 December" in house.answer and "Ascentage" not in house.answer
    # Smiley says nothing on BIOSECURE; his sentences on other things do not answer.
    assert engine.ask("ok what about smiley", conversation).abstained


def test_a_follow_up_says_something_new_or_leads_with_what_it_names(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("Which therapy area has been the constant in Chinese drug asset deals?", conversation)
    engine.ask("what about immunology?", conversation)
    cardio = engine.ask("And cardiometabolic?", conversation)
    assert not cardio.abstained and "cardiometabolic deals" in cardio.sentences[0].text
    conversation = Conversation()
    engine.ask("smiley — why is everyone shopping for assets in china?", conversation)
    lasts = engine.ask("will it stay that way?", conversation)
    assert not lasts.abstained and "normalise" in lasts.sentences[0].text  # what the article says right after
    conversation = Conversation()
    engine.ask(
        "Who from Zai Lab is quoted, and what does he predict for China–West dealmaking into 2026?", conversation
    )
    cheap = engine.ask("Does he think the cheap pricing of Chinese assets will last?", conversation)
    assert not cheap.abstained and "normalise" in cheap.answer


def test_everyday_words_and_amounts_written_the_european_way(engine: Engine) -> None:
    for question, expected in [
        ("How many West–China deals above 500 mio USD were there in 2023?", "20 transactions"),
        ("What reputation is China said to be shaking off?", "me-too"),
        ("Smiley also backs the partner model — what's his point about money?", "capital"),
        ("What's the GlobalData number for how much US drug sales drop because of the patent cliff?", "$230bn"),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    conversation = Conversation()
    engine.ask("What expects the Zai Lab president for dealmaking with China in 2026?", conversation)
    players = engine.ask("Why are the global players so engaged there right now, in his words?", conversation)
    assert not players.abstained and "less total value exchange" in players.answer


def test_a_verb_ends_the_thing_asked_for(engine: Engine) -> None:
    from assistant.question import analyse

    signed = analyse("Which big pharma signed an obesity deal with a Chinese biotech this year?")
    assert signed.expects == "companies"  # "signed" ends the subject: which pharma, not "deal"
    assert analyse("What was the company called before?").expects is None  # "called" describes it
    assert analyse("Which Chinese ADC posted the best response rate?").expects == "product"
    # The article names the cardiometabolic uptick, not who signed the obesity deals, nor any ADC's trial data.
    assert engine.ask("Which big pharma signed an obesity deal with a Chinese biotech this year?").abstained
    assert engine.ask("Which Chinese companies signed those obesity drug deals, and with who?").abstained
    assert engine.ask("Which Chinese ADC posted the best response rate in 2025 trials?").abstained
    conversation = Conversation()
    engine.ask("Is there an example of a Chinese company taking its own drug to the US market?", conversation)
    before = engine.ask("What was the company called before?", conversation)
    assert not before.abstained and "BeiGene" in before.answer


def test_people_named_loosely_and_asked_for_their_own_words(engine: Engine) -> None:
    title = engine.ask("What's the Zai guy's official title? I want to introduce him properly.")
    assert not title.abstained and "president and COO" in title.answer
    founder = engine.ask("Tell me about the Ascentage founder — who is he exactly?")
    assert not founder.abstained and "Dajun Yang" in founder.answer  # the article's Ascentage CEO is meant
    assert engine.ask("Who is the founder of Ascentage?").abstained  # but the article never says who founded it
    # His own sentence leads, not Cui's in the same passage; why the asker asks is not searched for.
    words = engine.ask("Can you pull the Ascentage founder's exact words on BIOSECURE? I'd love to read it out.")
    assert not words.abstained and words.sentences[0].text.startswith("“If we cater")
    backs = engine.ask("Does the Zai guy back her up on sticking with licensing? What's his reasoning?")
    assert not backs.abstained and "Smiley mirrors this belief" in backs.sentences[0].text
    hooked = engine.ask("In a nutshell, why does the Zai Lab exec think global companies are so hooked on China?")
    assert not hooked.abstained and "less total value exchange" in hooked.answer
    unsettled = engine.ask("What does the article concede is still unsettled about the West–China deal landscape?")
    assert not unsettled.abstained and "there are questions" in unsettled.answer
    founder_asks = engine.ask(
        "As a founder, should I expect the price tag on China-developed assets to stay low? What does Smiley say?"
    )
    assert not founder_asks.abstained and "normalise" in founder_asks.answer


def test_the_asked_for_must_be_doing_it_and_authorities_must_act(engine: Engine) -> None:
    from assistant.question import analyse

    # No company is named lobbying; "the parent company of Pharmaceutical Technology" is no answer.
    assert engine.ask("Which US pharma companies are lobbying to restrict Chinese biotechs?").abstained
    assert not engine.ask(
        "Which big pharmas inked multi-billion oncology deals with Chinese companies in 2025?"
    ).abstained
    assert analyse("How has the Chinese government officially responded to BIOSECURE?").action == (
        "government",
        "responded",
    )
    assert engine.ask("How has the Chinese government officially responded to the BIOSECURE Act?").abstained
    assert engine.ask("In which year did the US regulator approve Brukinsa?").abstained
    assert engine.ask("How large is China's domestic pharmaceutical market in US dollars?").abstained
    assert engine.ask("What's the name of Ascentage's lead drug, and is it approved in the US?").abstained
    # A deal described by its partner is not a question about who the partner was.
    abbvie = engine.ask("Roughly how large was AbbVie's oncology deal with a Chinese partner this year?")
    assert not abbvie.abstained and "multi-billion" in abbvie.answer
    assert engine.ask("Who was AbbVie's Chinese partner?").abstained


def test_openers_and_plain_verbs_in_follow_ups(engine: Engine) -> None:
    alone = engine.ask("Realistically, will most Chinese biotechs go it alone globally in the next couple of years?")
    assert not alone.abstained and "majority" in alone.answer
    pushback = engine.ask("Longer term, if we start selling in the US ourselves, what pushback should we expect?")
    assert not pushback.abstained and "lobbying" in pushback.answer
    conversation = Conversation()
    engine.ask("Which Chinese company does the article hold up as the one that went it alone in the US?", conversation)
    renamed = engine.ask("What was it called before the rename?", conversation)
    assert not renamed.abstained and "BeiGene" in renamed.answer
    drug = engine.ask("And which drug did they take over there?", conversation)
    assert not drug.abstained and "Brukinsa" in drug.answer


def test_summary_questions_in_a_students_words(engine: Engine) -> None:
    for question, expected in [
        (
            "Could you summarise which area of drug development the article says has stayed consistently "
            "important for China even as deal values climb?",
            "remained constant",
        ),
        (
            "Could you summarise Cui Cui's view on whether most Chinese firms will commercialise their drugs "
            "globally on their own?",
            "majority",
        ),
        ("Which therapeutic areas is Chinese research and development picking up pace in?", "accelerate"),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question


def test_an_editors_one_line_requests(engine: Engine) -> None:
    from assistant.question import analyse

    assert analyse("List the modalities Yang says are pulling in investors.").expects == "area"
    assert analyse("Year BeiGene rebranded as BeOne?").expects == "date"
    assert analyse("Year-on-year growth in Chinese CGT trial starts — figure?").expects == "percent"
    assert analyse("And what share of the deal count was that?").focus == ["deal"]
    for question, expected in [
        ("List the modalities Yang says are pulling in investors.", "bispecifics"),
        ("Which of the 2025 deals mentioned came in above $5bn?", "$5.36bn"),
        ("Smiley's point about Asian investors — give me the gist.", "Asian investors"),
        ("Does the Zai Lab guy think the cheap assets will last?", "normalise"),
        ("Which modality has been the hottest China buy for Western dealmakers according to Zai Lab's Smiley?", "ADCs"),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    assert engine.ask("Year BeiGene rebranded as BeOne?").abstained
    assert engine.ask("Year-on-year growth in Chinese CGT trial starts — figure?").abstained
    conversation = Conversation()
    engine.ask("What were Chinese innovator licensing deals worth to large pharma in 2024?", conversation)
    share = engine.ask("And what share of the deal count was that?", conversation)
    assert not share.abstained and "28%" in share.answer


def test_a_named_partys_deal_value_comes_from_the_deals_table(engine: Engine) -> None:
    for question, expected in [
        ("How big was the Zenas deal, and who was on the Chinese side?", "InnoCare"),
        ("Zenas / InnoCare – how big was that one", "$2bn"),
        ("Novartis did some huge China deal this year, right? How big was it?", "$5.36bn"),  # the article's year
        ("globaldata patent cliff number for US sales 2025-30?", "$230bn"),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    # Years after "over" are no amount; no deal named with AbbVie as a party, so its passage answers.
    assert engine.ask("How big is the expected patent-cliff hit to European drug sales over 2025–2030?").abstained
    assert "multi-billion" in engine.ask("How much did AbbVie pay for its Chinese oncology asset?").answer


def test_agreeing_and_attention_in_follow_ups(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask("Why are China-made ADCs so popular with Western BD teams?", conversation)
    engine.ask("Who was AbbVie's Chinese partner on its ADC deal?", conversation)
    agreed = engine.ask("did the Ascentage guy agree?", conversation)
    assert not agreed.abstained and agreed.sentences[0].text.startswith("Yang echoed")
    conversation = Conversation()
    engine.ask("Why are Western buyers so keen on Chinese ADCs specifically?", conversation)
    others = engine.ask("Which other modalities are getting the same attention?", conversation)
    assert not others.abstained and "bispecifics" in others.answer
    conversation = Conversation()
    engine.ask(
        "Does Cui Cui expect most Chinese biotechs to self-commercialise globally rather than license?", conversation
    )
    why_not = engine.ask("Why not?", conversation)
    assert not why_not.abstained and "sales network" in why_not.answer  # the reason, though just said


def test_conditions_before_the_question_and_when_a_law_applies(engine: Engine) -> None:
    from assistant.question import analyse

    assert analyse("If BIOSECURE passes with the NDAA, when do the restrictions actually bite?").expects == "date"
    assert analyse("What did Novartis actually license from Argo?").expects == "product"
    assert analyse("What does Smiley get at?").expects is None
    # The bill's fiscal year is not when its restrictions apply; the article names no Argo asset.
    assert engine.ask("When would the BIOSECURE restrictions take effect if the NDAA passes?").abstained
    assert engine.ask("If BIOSECURE goes through in the NDAA, when would the restrictions actually kick in?").abstained
    assert engine.ask("What did Novartis actually license from Argo — which target, what phase?").abstained
    assert not engine.ask("Which bill is BIOSECURE being attached to?").abstained


def test_a_pricing_analysts_words(engine: Engine) -> None:
    for question, expected in [
        (
            "What's pushing Western companies to restock their pipelines with Chinese assets in the first place?",
            "bulk out their pipelines",
        ),
        ("patent cliff $ hit to US sales 2025-30 per GD?", "$230bn"),
        ("Has any Chinese company taken its own drug to the US instead of licensing it out?", "BeOne"),
        # An opinion on whether deals keep rising, not a count of 2026 deals in the deals table.
        ("Does the Zai Lab COO think the number of China–West deals will keep going up into 2026?", "deal volume"),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    conversation = Conversation()
    engine.ask("Which next-gen modalities out of China are big pharma and investors most interested in?", conversation)
    cgt = engine.ask(
        "And cell & gene therapy specifically — why has China become a go-to place for those?", conversation
    )
    assert not cgt.abstained and "development hub" in cgt.answer


def test_a_patient_advocates_and_a_korean_bd_managers_words(engine: Engine) -> None:
    from assistant.question import analyse

    assert analyse("Total value of Chinese licensing deals in 2024 — how many billion dollar?").expects == "money"
    assert analyse("Korea's share of big pharma licensing deals in 2024, how much percent?").expects == "percent"
    assert analyse("Zenas and InnoCare deal is for which molecule and indication?").expects == "product"
    assert analyse("Under what condition does Cui say BIOSECURE is just noise?").expects is None
    assert analyse("What's that drug's generic name?").expects == "product"
    assert analyse("Did he say which of his own company's drugs could be affected by it?").expects == "product"
    assert analyse("Which cancers specifically — blood cancers, lung cancer?").expects == "indication"
    assert analyse("what yr did beigene rebrand to beone").expects == "date"
    for question, expected in [
        # "major" describes the deals; the passage names the companies the deals table cannot.
        ("Which big Western drugmakers signed major cancer deals with Chinese companies in 2025?", "AbbVie, Pfizer"),
        ("What larger bill is BIOSECURE being folded into?", "National Defense Authorization Act"),
        ("What is BeiGene called these days?", "formerly known as BeiGene"),
        ("What was BeOne called before?", "formerly known as BeiGene"),
        ("Which therapy areas Chinese R&D is accelerating in, according to article?", "cardiometabolic"),
        # What the asker heard is part of the question, not why they ask.
        (
            "Besides oncology, what other area became popular? I heard GSK and AbbVie deal had some extra component.",
            "immune disease component",
        ),
        # The firm as the user spells it ("Jefferies"), not as the article does ("Jeffries"), is still hers.
        ("Jefferies' Cui Cui — most Chinese biotech will self-commercialise globally soon, she think?", "majority"),
        ("China used to be known for copycat drugs — is that still the case?", "me-too"),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    for question in [
        "Korea's share of big pharma innovator licensing deals in 2024, how much percent?",
        "Are any of these China licensing deals for rare diseases?",
        "What was Zai Lab called before?",
        "what yr did beigene rebrand to beone",
        "When did the FDA approve Brukinsa?",
    ]:
        assert engine.ask(question).abstained, question
    assert not engine.ask("What does the article say about China's IND approval speed?").abstained


def test_follow_ups_on_a_drug_a_speaker_and_a_cancer(engine: Engine) -> None:
    conversation = Conversation()
    engine.ask(
        "Is there an example of a Chinese company taking its own drug to the US instead of licensing it?", conversation
    )
    generic = engine.ask("What's that drug's generic name?", conversation)
    assert not generic.abstained and "zanubrutinib" in generic.answer
    assert engine.ask("Which conditions is it approved for in the US?", conversation).abstained
    conversation = Conversation()
    engine.ask("Are most Chinese biotechs likely to self-commercialise globally in the short term?", conversation)
    engine.ask("why not?", conversation)
    who = engine.ask("who said that?", conversation)
    assert not who.abstained and who.sentences[0].text.startswith("The view is attributed to Cui Cui")
    assert "Cui notes" in who.answer  # the sentence naming her, before her "she states" quote
    later = engine.ask("and longer term?", conversation)
    assert not later.abstained and later.sentences[0].text.startswith("From a longer-term perspective")
    conversation = Conversation()
    engine.ask("Is the head of Ascentage Pharma worried about the BIOSECURE Act?", conversation)
    assert engine.ask("Did he say which of his own company's drugs could be affected by it?", conversation).abstained
    conversation = Conversation()
    engine.ask("How worried is Ascentage Pharma's CEO about BIOSECURE exposure for Chinese drugmakers?", conversation)
    same = engine.ask("Does the Jefferies analyst see it the same way?", conversation)
    assert not same.abstained and same.sentences[0].text.startswith("Cui expressed similar thoughts")
    conversation = Conversation()
    engine.ask("Apart from ADCs, which newer kinds of treatments from China are attracting investors?", conversation)
    assert engine.ask("Which cancers specifically — blood cancers, lung cancer?", conversation).abstained
    cgt = engine.ask("Why has China become such a centre for the cell and gene therapy ones?", conversation)
    assert not cgt.abstained and "development hub" in cgt.sentences[0].text


def test_a_policy_researchers_and_a_recruiters_words(engine: Engine) -> None:
    from assistant.question import analyse

    assert analyse("Besides BeOne, which Chinese companies are named as pursuing self-commercialisation?").expects == (
        "companies"
    )
    assert analyse("Did she name any of those US partners?").expects == "companies"
    assert analyse("Which cancer indications specifically?").expects == "indication"
    assert analyse("Which senators are behind the BIOSECURE Act?").expects == "people"
    for question, expected in [
        ("Are any Chinese biotechs trying to bypass the usual out-licensing-to-a-multinational model?", "BeOne"),
        (
            "Aside from market know-how, what financial need does Smiley think will keep Chinese companies partnering?",
            "capital",
        ),
        ("Which drug format does Smiley say Western dealmakers have been keenest on from China?", "ADCs"),
        # A title or a firm claimed wrongly is corrected by the sentence giving the right one.
        ("Josh Smiley — he's the CEO of Zai Lab, right?", "president and COO"),
        ("Is Cui Cui the Asia healthcare lead at Goldman or at Jefferies?", "Jeffries Asia healthcare head"),
        (
            "Dajun Yang — I have him down as CFO at Ascentage. What was his line about the sector entering a new era?",
            "CEO of Chinese drugmaker Ascentage Pharma",
        ),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    for question in [
        "Besides BeOne, which Chinese companies are named as pursuing global self-commercialisation?",
        "Which senators are behind the BIOSECURE Act?",
        "Which Asian investors did Smiley name as still keen on out-licensing?",
        "Who is Zai Lab's CEO, given Smiley is only president?",
        "Has CSPC Pharmaceutical brought in a new head of business development after the AstraZeneca deal?",
        "Does BIOSECURE name WuXi AppTec or WuXi Biologics as companies of concern?",
        "Which drug or platform did AstraZeneca license from CSPC?",
    ]:
        assert engine.ask(question).abstained, question
    conversation = Conversation()
    engine.ask("Does Zai Lab's president expect Chinese assets to stay a bargain?", conversation)
    areas = engine.ask("Which therapy areas does he expect to stay prominent next year?", conversation)
    assert not areas.abstained and areas.sentences[0].text.startswith("Smiley forecasts")


def test_a_sovereign_fund_analysts_and_a_founders_words(engine: Engine) -> None:
    from assistant.question import analyse

    assert analyse("What was Zai Lab's revenue this year?").expects == "money"
    assert analyse("What capabilities Chinese companies are lacking, according to Cui?").expects is None
    assert analyse("What were that drug's US sales last year?").expects == "money"
    assert analyse("What's the example given of a Chinese company commercialising on its own?").expects == "example"
    for question, expected in [
        ("What capabilities Chinese companies are currently lacking to self-commercialise, according to Cui?", "lack"),
        ("What were the big 2025 China deals the article lists?", "Novartis–Argo"),
        ("anything on obesity?", "obesity market"),
        ("Does Smiley tie the persistence of out-licensing to funding needs?", "access to capital"),
        ("What's the example given of a Chinese-origin company commercialising globally on its own?", "BeOne"),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    most = engine.ask("Are most Chinese biotechs going to start selling globally on their own soon, or keep licensing?")
    assert not most.abstained and "the majority are unlikely" in most.sentences[0].text
    for question in [
        "What was Zai Lab's revenue this year?",
        "How much venture money did Chinese biotechs raise in 2025 compared with US biotechs?",
        "By how much has Western biotech funding fallen this year?",
    ]:
        assert engine.ask(question).abstained, question
    conversation = Conversation()
    engine.ask("What's the Ascentage Pharma CEO's take on BIOSECURE?", conversation)
    same = engine.ask("And is the Jefferies analyst on the same page?", conversation)
    assert not same.abstained and same.sentences[0].text.startswith("Cui expressed similar thoughts")
    conversation = Conversation()
    engine.ask("Where does the BIOSECURE Act stand in the Senate?", conversation)
    house = engine.ask("And has the House acted on it?", conversation)
    assert not house.abstained and "passed by the House" in house.answer


def test_a_request_framed_for_someone_else_is_its_question(engine: Engine) -> None:
    from assistant.answer import without_motive

    # Who it is for, what it feeds and how fast are the asker's, before and after the question.
    assert (
        without_motive(
            "This is for Priya's board deck, one line per point, no fluff. In which year did China lead in trial"
            " starts? Names only, bulleted, quick please."
        )
        == "In which year did China lead in trial starts?"
    )
    assert (
        without_motive(
            "Quick one for our regulatory VP. He just wants a sentence he can drop into an email. What speeds up"
            " timelines? One sentence is fine, he just needs the direction."
        )
        == "What speeds up timelines?"
    )
    # A figure in the framing is a claim to check; a person the question points back to is kept.
    noted = "I'm drafting a board memo and my notes say the share was 38% in 2024. Is the 38% right?"
    assert without_motive(noted) == noted
    pointed = "Separate bullet for our SVP: he wants Cui Cui's angle on pricing. What does she say about it?"
    assert without_motive(pointed) == pointed
    answer = engine.ask(
        "The finance director is modelling in-licensing costs out to 2028 and wants to know whether the bargain"
        " pricing will last. Does Smiley think Chinese assets will stay cheap? One sentence is fine."
    )
    assert not answer.abstained and "more expensive" in answer.answer


def test_an_italian_executives_words(engine: Engine) -> None:
    from assistant.question import analyse

    # "preoccupato" is worried, "della stessa idea" of the same view, a company "born" where it was founded.
    assert "unfazed" in engine.ask("The CEO of Ascentage, he is preoccupied by this BIOSECURE?").answer
    conversation = Conversation()
    engine.ask("BeOne Medicines, which drug it took to the US?", conversation)
    assert "Beijing" in engine.ask("And where it was born, this company?", conversation).answer
    conversation = Conversation()
    engine.ask("The CEO of Ascentage, he is worried by the BIOSECURE Act?", conversation)
    same = engine.ask("And the lady from Jefferies, she is of the same idea?", conversation)
    assert not same.abstained and same.sentences[0].text.startswith("Cui expressed similar thoughts")
    # The topic set before the question with a comma: the kind of answer is the question's, and the articles
    # name no Ascentage drug nor the phase of Argo's asset.
    assert analyse("Ascentage Pharma, which is its main drug in the pipeline actually?").expects == "product"
    assert analyse("Yang, what is his recipe for not worrying?").expects is None
    assert engine.ask("Ascentage Pharma, which is its main drug in the pipeline actually?").abstained
    assert engine.ask("The asset of Argo that Novartis took, in which clinical phase it is actually?").abstained


def test_a_person_described_by_a_title_only_they_hold(engine: Engine) -> None:
    from assistant.conversation import name_people_by_role

    people = [(p.name, p.role, p.organisation) for f in engine.facts() for p in f.people]
    assert name_people_by_role("What does the returnee CEO think?", people) == ("What does Yang think?", ["Dajun Yang"])
    assert name_people_by_role("Why, according to that dual-market company's operations chief?", people)[1] == [
        "Josh Smiley"
    ]
    assert name_people_by_role("Does the bank's Asia healthcare head expect it?", people)[1] == ["Cui Cui"]
    # A title tied to another organisation, named or described, is nobody the articles quote.
    for question in ("What did the CEO of Novartis say?", "What did the Swiss drugmaker's CEO say?", "zai lab's ceo?"):
        assert name_people_by_role(question, people) == (question, []), question
    answer = engine.ask("Which China-made modality does the US-China biopharma's COO say Western buyers favour?")
    assert not answer.abstained and "antibody-drug conjugates" in answer.answer
    # "alternative to licensing" is what the article calls self-commercialisation; "clout" its influence.
    answer = engine.ask(
        "As Chinese biotechs gain clout abroad, what alternative to the usual licensing route do some seek?"
    )
    assert not answer.abstained and "self-commercialis" in answer.answer


def test_a_cro_directors_and_a_prompt_writers_words(engine: Engine) -> None:
    from assistant.answer import without_motive
    from assistant.question import analyse

    # How to answer is not what is asked ("figure?" alone still asks for one).
    assert without_motive("Novartis x Argo — how much was that deal worth? just the number, nothing else") == (
        "Novartis x Argo — how much was that deal worth?"
    )
    assert without_motive("list the areas R&D is speeding up in. comma separated, nothing else") == (
        "list the areas R&D is speeding up in"
    )
    assert without_motive("Zai Lab revenue, figure?") == "Zai Lab revenue, figure?"
    assert analyse("Of all the innovator deals big pharma signed in 2024, what slice had Chinese origin?").expects == (
        "percent"
    )
    assert analyse("what's Ascentage Pharma's lead drug called?").expects == "product"
    for question, expected in [
        (
            "list the therapy areas the article says R&D is speeding up in. comma separated, nothing else",
            "cardiometabolic",
        ),
        ("what's behind the pickup in cardiometabolic deals? short answer", "obesity market"),
        ("Which deal category is ticking up as companies try to get into obesity?", "cardiometabolic deals"),
        ("What were the big China in-licensing deals in 2025?", "Novartis–Argo"),
        ("Of all the innovator deals big pharma signed in 2024, what slice had Chinese origin?", "28%"),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    for question in [
        "average IND review time in China, in days? number only",
        "what's Ascentage Pharma's lead drug called? name only",
        "Who are the congressional sponsors of the BIOSECURE Act?",
    ]:
        assert engine.ask(question).abstained, question
    conversation = Conversation()
    engine.ask("Why has China turned into a development hub for cell and gene therapies?", conversation)
    engine.ask("How many CGT trials actually got to FPI there last year?", conversation)
    west = engine.ask("And what's happening on the Western side?", conversation)
    assert not west.abstained and "funding pressures" in west.answer


def test_an_indian_strategy_heads_and_a_sceptical_rd_heads_words(engine: Engine) -> None:
    for question, expected in [
        # Needing partners is a reason asked for, not a deal's other side.
        (
            "What is the reason given by the Zai Lab executive for Chinese companies to keep depending on partners "
            "rather than going alone? Is it a money issue?",
            "access to capital",
        ),
        (
            "In short, why are Western pharma companies increasingly seeking deals with Chinese biotech at this "
            "juncture? I need the basic rationale for a board note.",
            "seeking out deals",
        ),
        # The passage's own count beats counting the deals the articles happen to name.
        (
            "Put a number on the 'sizable increase' in high-value China deals — how many went over half a billion, "
            "and in what year?",
            "20 transactions",
        ),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question


def test_remarks_before_the_question_and_words_that_only_look_alike(engine: Engine) -> None:
    # A remark, then the question: what is asked about is in the question ("the mechanism"), and a short
    # word two letters away ("mean") is not it.
    conversation = Conversation()
    engine.ask(
        "Which Chinese company is held up as having gone it alone commercially in the US, and with what drug?",
        conversation,
    )
    refused = engine.ask(
        "The piece just calls it immuno-oncology. Does it say what the mechanism actually is?", conversation
    )
    assert refused.abstained, refused.answer
    # The same measure in another year: a count of deals in 2023 does not answer for the share.
    conversation = Conversation()
    engine.ask("What share of large pharma's 2024 innovator deals were Chinese, according to GlobalData?", conversation)
    engine.ask("And what were they worth in total?", conversation)
    refused = engine.ask("How does that compare with the share in 2023?", conversation)
    assert refused.abstained, refused.answer
    for question, expected in [
        # "abbreviation" asks for a short form's meaning; "reliant" is what they will still require.
        (
            "What does the abbreviation MNC stand for in the article, and what alternative strategy are some "
            "Chinese companies exploring instead of the usual MNC licensing approach?",
            "multinational company (MNC)",
        ),
        (
            "What resource does Smiley say Chinese companies will still need, which keeps them reliant on partners?",
            "access to capital",
        ),
        # "just like us Indians": who asks, not what the article must mention.
        (
            "Earlier China was known for generics and me-too products, just like us Indians. What is it pivoting "
            "towards now?",
            "moving away from this reputation",
        ),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question


def test_a_science_correspondents_and_an_oncologists_words(engine: Engine) -> None:
    for question, expected in [
        # A bill passing a chamber is the chamber passing it.
        ("When did BIOSECURE pass the House?", "11 December"),
        # A drug's class read from its name's stem: zanubrutinib is a BTK inhibitor.
        (
            "Which BTK inhibitor is cited as a Chinese-origin drug its own developer took to the US market?",
            "zanubrutinib",
        ),
        # A description of a company after its name is the asker's ("the BTK inhibitor people").
        ("Zenas took an asset from InnoCare, the BTK inhibitor people — what was that agreement worth?", "$2bn"),
        ("How much US drug revenue is expected to be lost to loss of exclusivity between 2025 and 2030?", "$230bn"),
        ("What does Cui say Chinese sponsors are missing to commercialise globally on their own?", "trial experience"),
        ("Longer term, what backlash does Cui foresee if Chinese companies start self-commercialising?", "lobbying"),
        ("How did China end up as a big centre for cell and gene therapy work?", "key development hub"),
        ("China used to be known for cheap copies of existing drugs. Has that changed?", "moving away"),
        ("What kinds of newer medicines coming out of China are catching investors' eye?", "next-generation"),
        ("Even as deal prices keep climbing, which area of medicine has stayed China's steady focus?", "oncology"),
        # "this year" after the newest article: the articles' year, said as such.
        ("What were the biggest China out-licensing deals signed by Western companies this year?", "Novartis"),
        ("What was the total headline value on Novartis's in-licensing deal with Argo this year?", "$5.36bn"),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    conversation = Conversation()
    engine.ask("Is the BIOSECURE bill actually making progress in Congress?", conversation)
    answer = engine.ask("So what does Ascentage's boss make of it?", conversation)
    assert not answer.abstained and answer.answer.startswith("“If we cater"), answer.answer
    for question in [
        "When did BIOSECURE pass the Senate?",
        "What's the name of the medicine Zenas is licensing from InnoCare?",  # Brukinsa is BeOne's
        "What payload does the ADC in GSK's China deal carry — topo-I inhibitor?",  # a guess, part of the question
        "Which PARP inhibitor did BeOne take to the US?",
        "Which big pharma signed an obesity deal with a Chinese biotech this year?",
    ]:
        answer = engine.ask(question)
        assert answer.abstained, (question, answer.answer)


def test_a_gulf_licensing_executives_and_a_search_box_typists_words(engine: Engine) -> None:
    for question, expected in [
        ("With which Chinese house did AstraZeneca make its 5.3 billion agreement?", "CSPC"),  # the $5.3bn one
        ("az cspc deal val", "$5.3bn"),
        ("zenas x innocare agreemnt how big", "$2bn"),  # names typed in lower case, the value at the end
        ("china share of big pharma innovator deals 2024 pct", "28%"),
        ("smiley why chinese cos still need partners", "access to capital"),  # why, not which partners
        ("asian investor appetite for outlicensing", "continued interest"),
        # No deal in the table has a stated value in both areas; the sentence naming them answers.
        ("which onc deals also had immune disease piece", "GSK and AbbVie deals"),
        (
            "Novartis took some asset from Argo Biopharmaceutical this year — what is the total quantum of that deal?",
            "$5.36bn",
        ),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    conversation = Conversation()
    engine.ask("beone self commercialisation example which drug", conversation)
    refused = engine.ask("what indication did it get in the us", conversation)  # a disease, not "immuno-oncology"
    assert refused.abstained, refused.answer
    answer = engine.ask("where did the co start", conversation)
    assert not answer.abstained and "Beijing" in answer.sentences[0].text, answer.answer
    for question in [
        "From which country Dajun Yang came back to China, and when?",
        "no of ind filings in china 2024",
        "china pct of global trial starts 2024",
        "abbvie immunology deal which indicaton",
        "Which obesity deals were signed with Chinese biotechs?",  # an uptick in such deals names none
    ]:
        answer = engine.ask(question)
        assert answer.abstained, (question, answer.answer)


def test_a_compliance_officers_and_a_tech_transfer_officers_words(engine: Engine) -> None:
    for question, expected in [
        ("What US sales erosion from the patent cliff does the article quote, and over which years?", "$230bn"),
        (
            "What's the Jefferies Asia healthcare head's view on whether this year's licensing trends persist "
            "into 2026?",
            "continue into 2026",
        ),
        ("Will immunology still be a hot area next year?", "continue to be a prominent focus"),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    conversation = Conversation()
    engine.ask("Which modality does Smiley say has been especially popular with Western dealmakers?", conversation)
    refused = engine.ask("Does the article name any specific Chinese ADC that was licensed?", conversation)
    assert refused.abstained, refused.answer  # a kind of drug, not one by name
    for question in [
        "What is Ascentage Pharma's lead marketed drug?",
        "Can you name an obesity deal from the article and its value?",  # a deal by who signed it
        "How big is the obesity drug market that companies are trying to break into?",  # its size in money
    ]:
        answer = engine.ask(question)
        assert answer.abstained, (question, answer.answer)


def test_words_joined_on_are_not_forms_of_the_word(engine: Engine) -> None:
    # "sightseeing" is not a longer form of "sight", nor "mechanism" two typing errors from "mean".
    from assistant.answer import _present

    assert not _present("sightse", {"sight"})
    assert not _present("mechan", {"mean"})
    assert _present("passag", {"pass"}) and _present("lessen", {"less"})
    answer = engine.ask("What's the best time of year to visit Shanghai for sightseeing?")
    assert answer.abstained, answer.answer


def test_a_pharmacists_and_a_lawyers_words(engine: Engine) -> None:
    for question, expected in [
        (
            "Roughly how much US drug revenue is expected to vanish as big brands lose patent protection over the "
            "next few years?",
            "$230bn",
        ),
        # "On what basis" asks for grounds, not a date.
        ("On what basis does Yang argue Chinese developers need not worry much about BIOSECURE?", "unmet needs"),
        (
            "Is there a Chinese drugmaker that actually launched its own drug in the US instead of licensing it out?",
            "BeOne",
        ),
        (
            "Why would US drugmakers keep working with Chinese biotechs even with all the political heat?",
            "incentivised",
        ),
        (
            "In Cui’s assessment, what does China bring to the table to help pharma buyers offset pricing pressure "
            "and patent expiries?",
            "early-stage assets",
        ),
        # "notwithstanding" is a function word, not a term the article must use.
        (
            "Why does Cui think US licensees will keep dealing with Chinese biotechs notwithstanding the legislation?",
            "incentivised",
        ),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    conversation = Conversation()
    engine.ask("What does the Zai Lab president expect for China–West dealmaking going into 2026?", conversation)
    answer = engine.ask("Which therapy areas does he see staying hot?", conversation)
    assert not answer.abstained and "immunology will continue" in answer.answer, answer.answer
    conversation = Conversation()
    engine.ask("Where does the BIOSECURE Act stand procedurally — has either chamber passed it?", conversation)
    refused = engine.ask("What was the Senate vote on it?", conversation)  # the House passed it; no Senate vote
    assert refused.abstained, refused.answer
    refused = engine.ask("What did Ascentage Pharma itself out-license in 2025, and to whom?")
    assert refused.abstained, refused.answer


def test_a_forum_traders_and_a_translated_interns_words(engine: Engine) -> None:
    for question, expected in [
        ("ZBIO x InnoCare deal, how many bn? guessing small fry vs the NVS one", "$2bn"),  # tickers
        ("ZLAB exec: china deal flow up or down into 2026?", "continue to grow"),
        ("is the AAPG CEO sweating BIOSECURE or nah?", "little worry"),
        ("ZLAB COO on why chinese cos keep out-licensing — money?", "access to capital"),  # a role by its ticker
        # "like 40bn?": a guess the answer corrects, not a figure it must hold.
        ("total $ on china licensing deals w big pharma in 2024? like 40bn?", "$41.5bn"),
        (
            "Of how much does GlobalData estimate that the sales of drugs in the United States will diminish between "
            "2025 and 2030 because of the patent cliff?",
            "$230bn",
        ),
        (
            "What capacities are missing to many Chinese companies to commercialise themselves on the global market, "
            "following Mrs Cui?",
            "R&D capability",
        ),
        (
            "On the longer term, which reaction in the United States could the self-commercialisation of Chinese "
            "companies provoke, according to Mrs Cui?",
            "lobbying",
        ),
        ("Which function does Mrs Cui Cui occupy?", "Asia healthcare head"),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    for question in [
        "What is the opinion of Mr Smiley concerning the BIOSECURE Act?",  # he gives none
        "Smiley's exact # of china deals forecast for 2026?",
        # A sentence listing Pfizer among companies signing deals names no partner of Pfizer's.
        "who was PFE's china partner on that onc deal?",
        "With which Chinese company did Pfizer sign its oncology agreement in 2025, please?",
    ]:
        answer = engine.ask(question)
        assert answer.abstained, (question, answer.answer)
    answer = engine.ask("With which Chinese house did AstraZeneca make its 5.3 billion agreement?")
    assert not answer.abstained and "CSPC" in answer.answer
    conversation = Conversation()
    engine.ask("What is the opinion of Mr Yang concerning the BIOSECURE Act?", conversation)
    refused = engine.ask("And has the Senate also adopted it already?", conversation)
    assert refused.abstained, refused.answer


def test_an_australian_a_voice_assistant_user_a_professor_and_a_japanese_analyst(engine: Engine) -> None:
    for question, expected in [
        ("Fair dinkum, where's the BIOSECURE Act at right now?", "Senate’s roster"),  # an opening interjection
        (
            "Which Chinese outfit actually had a crack at taking its own drug to the US rather than licensing it?",
            "BeOne",
        ),
        ("What did Zenas shell out for the InnoCare deal?", "$2bn"),  # slang for paid
        ("What's Josh Smiley's gig at Zai Lab exactly?", "president and COO"),
        ("Any movement on the cardiometabolic side of things?", "uptick in cardiometabolic deals"),
        ("What did Yang actually say about BIOSECURE, word for word-ish?", "little worry"),
        ("Is the Chinese regulator helping speed things up at all?", "IND"),
        ("who's josh smiley again", "president and COO"),
        # The US House is the US's; a date for it is not a figure scoped to the US.
        ("Sorry to be precise — on which date did the US House pass the BIOSECURE Act?", "11 December"),
        # Where the asker is (Japan, the PMDA, colleagues in Tokyo) frames the question; the article need
        # not mention it.
        (
            "In Japan it is quite rare to see many licensing deals above half a billion dollars in one year. How "
            "many West–China transactions of that size happened in 2023, please?",
            "20 transactions",
        ),
        (
            "Compared with our experience with the PMDA in Japan, how does the article describe China’s IND "
            "processing? Is it considered fast?",
            "swift investigational new drug application",
        ),
        (
            "Is there a Chinese example of a company taking its own drug to the US market itself, as some Japanese "
            "firms did in the past?",
            "BeOne",
        ),
        (
            "Excuse me, I understand Novartis concluded quite a large agreement with a Chinese company this year. "
            "Could you kindly confirm who the partner was and the total value?",
            "$5.36bn",
        ),
        # Another horizon is no repeat: her short-term view beside her longer-term one.
        ("Does Cui think Chinese firms will go it alone globally?", "in the short term"),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    for question in [
        "What's the Argo asset Novartis bought actually targeting?",
        "where was dajun yang working before he moved back to china",  # a place other than China
    ]:
        answer = engine.ask(question)
        assert answer.abstained, (question, answer.answer)
    # "who is returning" asks what happens, not a person's name.
    answer = engine.ask(
        "According to Ascentage Pharma's chief executive, what is ushering China's pharma sector into a \"2.0\" era, "
        "and who is returning as a result?"
    )
    assert not answer.abstained and "returnees" in answer.answer, answer.answer


def test_an_esg_analysts_and_a_sell_side_analysts_shorthand(engine: Engine) -> None:
    for question, expected in [
        ("Zenas in-lic 2025 -> CN counterparty + $?", "InnoCare"),
        ("patent cliff hit to US sales 25-30, GD est?", "$230bn"),  # two-digit years in a range
        ("CN rep was generics/me-too -> pivoting to what now?", "moving away"),
        ("which TAs is CN R&D ramping in? list", "therapy areas"),  # shorthand is about what it stands for
        ("BIOSECURE riding on which bill? FY?", "FY2026"),
        ("BeOne (ex-BeiGene) -> what'd they bring to US?", "Brukinsa"),
        ("Smiley -> why CN still needs partners? $$ angle", "access to capital"),
        ("Cui: how does CN early-stage glut help pharma?", "abundance of early-stage assets"),
        ("Where did BeOne originate?", "Beijing"),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    conversation = Conversation()
    engine.ask("Where does the BIOSECURE Act currently stand legislatively, according to the article?", conversation)
    answer = engine.ask("When did the House approve it?", conversation)  # the House approving it is its passing
    assert not answer.abstained and "11 December" in answer.answer, answer.answer
    for question in [
        "Argo asset in NVS deal — phase? indication?",  # the kinds asked for, as fragments
        "Is China’s IND clearance now down to 30 working days?",  # 30 is no year here
        "biosecure senate vote date",
    ]:
        answer = engine.ask(question)
        assert answer.abstained, (question, answer.answer)


def test_a_brazilian_analysts_and_a_retirees_words(engine: Engine) -> None:
    for question, expected in [
        # Whether a number rises is a forecast, not a count to give.
        ("Does the Zai Lab man think the number of deals, not just their size, is going to go up next year?", "volume"),
        # What the asker's neighbour says of approvals is theirs; the question is about speeding things up.
        (
            "My neighbour grumbles that our regulators take forever to approve anything. What does the piece say "
            "about how China's drug regulator is helping to speed things up for companies testing new medicines?",
            "IND",
        ),
        (
            "Everyone at the bridge club is on those weight-loss jabs. Is there any sign of the drug companies doing "
            "deals with China for heart-and-metabolism or obesity medicines?",
            "cardiometabolic deals",
        ),
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and expected in answer.answer, question
    refused = engine.ask("Where Dajun Yang was working before he returned to China?")  # a place other than China
    assert refused.abstained, refused.answer


def test_a_private_bankers_courtesies_and_a_quants_units(engine: Engine) -> None:
    cases = [
        # Courtesy around the question ("Would you be so kind as to remind me...", "if you would") is not asked.
        (
            "Would you be so kind as to remind me in which therapeutic fields the Western houses are chiefly hunting "
            "for Chinese partners?",
            "cardiometabolic health",
        ),
        (
            "Remind me, if you would, who exactly is this Mr Smiley whose opinions are quoted, and for which firm "
            "does he work?",
            "president and COO",
        ),
        # "put their names to": the verb ends the subject; the houses are companies.
        (
            "Which of the well-known Western houses put their names to large cancer deals with Chinese partners in "
            "2025?",
            "AbbVie, Pfizer and GSK",
        ),
        ("Which big pharma sponsors inked multi-billion-dollar oncology licences in 2025?", "AbbVie, Pfizer and GSK"),
        # Two parties of one deal named together: its value, not a market's total.
        ("Novartis deal with Argo, total value how much?", "$5.36bn"),
        ("Novartis–Argo 2025: headline value, $bn?", "$5.36bn"),  # "$bn" is the unit, not a word to find
    ]
    _assert_answered(engine, cases)
    # "Cancer aside": a therapy area other than oncology, and a kind of drug (ADCs) is none.
    conversation = Conversation()
    first = engine.ask(
        "Cancer aside, which therapeutic area has also caught the attention of the big houses in their Chinese "
        "dealings?",
        conversation,
    )
    assert not first.abstained and "Yang echoed" not in first.sentences[0].text, first.answer
    # A forecast dated to the year asked leads over a close sentence about the year before.
    answer = engine.ask(
        "Will that interest hold into 2026, do you think, and is anything else gaining ground?", conversation
    )
    assert not answer.abstained and answer.sentences[0].text.startswith("Smiley forecasts"), answer.answer
    refused = engine.ask("Which drugs Ascentage Pharma has in the pipeline now?")  # drugs, not companies
    assert refused.abstained, refused.answer


def test_a_quants_symbols_and_blanks(engine: Engine) -> None:
    cases = [
        ("n of West–China transactions >$500m in 2023?", "20 transactions"),  # "n of": a count
        # A choice between two bounds asks what the deals were worth; it filters nothing.
        ("AbbVie/Pfizer/GSK onc deals in 2025 — ticket size bucket, <$1bn or >$1bn?", "multi-billion dollar"),
        ('Yang (Ascentage) label for the current China pharma phase — "x.0"?', "“2.0” era"),  # "x.0" is a blank
        ("Yang: condition under which BIOSECURE risk ≈ 0?", "little worry"),  # "≈ 0": a guess, as a symbol
        # MNCs' pricing pressure, as the article puts it: "pharma companies contend with rising pricing pressures".
        ("Per Cui, what China supply-side factor offsets MNC pricing/LOE headwinds?", "abundance of early-stage"),
    ]
    _assert_answered(engine, cases)
    # "Smiley: ...": the person the question is put to leads, not a sentence near his.
    answer = engine.ask("Smiley: what constraint keeps China biotechs on the partnering route?")
    assert not answer.abstained and answer.sentences[0].text.startswith("Smiley mirrors"), answer.answer
    for question in [
        "2024: absolute n of China-sourced innovator deals behind the 28%?",  # a count, which the share is not
        "n of trial starts China vs US in 2024?",
    ]:
        answer = engine.ask(question)
        assert answer.abstained, (question, answer.answer)


def test_a_bankers_asides_a_students_context_and_a_ceos_fragments(engine: Engine) -> None:
    cases = [
        # What the asker means to do with the answer, in a sentence before it, is not asked.
        (
            "I should like to reassure a client that large transactions with Chinese firms are no mere fluke. How "
            "many deals above half a billion dollars were concluded in 2023?",
            "20 transactions",
        ),
        # "single out": his view, so his sentence; "classes" of medicine are kinds of drug, not companies.
        (
            "Which of the newer classes of biological medicine does Dr Yang single out as drawing investors and the "
            "large pharmaceutical groups?",
            "Yang echoed",
        ),
        ("For the near term, then, what does Ms Cui regard as the wisest course for these companies?", "best practice"),
        (  # an intent ("contemplating") is how it is asked, not a word to find
            "Are any of the Chinese houses contemplating selling their medicines abroad on their own, rather than "
            "licensing them out to a multinational?",
            "self-commercialisation",
        ),
        (  # what the asker learned elsewhere, before a dash
            "We learned 'me-too' drugs in pharmacology – how does the piece describe China's old reputation versus "
            "now?",
            "best-in-class",
        ),
        ("Brukinsa. Molecule?", "zanubrutinib"),  # a kind of answer after a full stop, capitalised, is no name
        ("Patent cliff. How big?", "$230bn"),  # a topic, then its size
    ]
    _assert_answered(engine, cases)
    conversation = Conversation()
    engine.ask("Patent cliff. How big?", conversation)
    answer = engine.ask("Over what period?", conversation)
    assert not answer.abstained and "between 2025 and 2030" in answer.answer, answer.answer
    conversation = Conversation()
    engine.ask("BeOne. What did they take to the US?", conversation)
    refused = engine.ask("US sales?", conversation)  # Brukinsa's: the article gives none
    assert refused.abstained, refused.answer


def test_whether_what_was_just_said_holds_is_answered_by_the_forecast_after_it(engine: Engine) -> None:
    # "that cheap", "that bargain": what the last answer said; the article's next sentence forecasts it, in
    # words the question never uses.
    chains = [
        [
            "What's Josh Smiley's explanation for why global pharma is so interested in China right now?",
            "Does he think it'll stay that cheap?",
        ],
        [
            "Who is the gentleman from Zai Lab whose opinion is quoted, and what does he foresee for deal-making "
            "between China and the West?",
            "And why, in his view, are the large groups so drawn to China at present?",
            "Does he expect that bargain to last, or should my clients be prepared for it to fade?",
        ],
        # Said after his forecast for deals, not after the cheapness: still the cheapness asked about.
        [
            "What does Zai Lab's president expect for China–West dealmaking going into 2026?",
            "Does he think the assets will stay this cheap?",
        ],
    ]
    for *before, question in chains:
        conversation = Conversation()
        for earlier in before:
            engine.ask(earlier, conversation)
        answer = engine.ask(question, conversation)
        assert not answer.abstained and "start to normalise" in answer.sentences[0].text, (question, answer.answer)


def test_a_tv_anchors_figures_of_speech(engine: Engine) -> None:
    answer = engine.ask("Half-billion-dollar deals with China — how many of those monsters landed back in 2023?")
    assert not answer.abstained and "20 transactions" in answer.answer, answer.answer
    for question in [
        "Of Novartis's $5.36bn Argo deal, how much is cold hard cash up front?",  # "up front": the upfront
        # "on the other side of the table": Pfizer's partner, which the article does not name.
        "Pfizer's big Chinese cancer deal — which Chinese company was on the other side of the table?",
        "Before heading home to China, where did Dajun Yang work in the US?",  # a place, after a clause of time
    ]:
        answer = engine.ask(question)
        assert answer.abstained, (question, answer.answer)


def test_a_ceos_picks_and_a_students_appositives(engine: Engine) -> None:
    # "pick of modalities": the ones he names (ADCs), not his other sentences about China.
    conversation = Conversation()
    answer = engine.ask("Smiley’s pick of China modalities?", conversation)
    assert not answer.abstained and "antibody-drug conjugates" in answer.sentences[0].text, answer.answer
    answer = engine.ask("Yang agree?", conversation)
    assert not answer.abstained and "Yang echoed" in answer.answer, answer.answer
    answer = engine.ask("Who is Cui Cui, the analyst quoted a few times?")  # an appositive after the name
    assert not answer.abstained and "Asia healthcare head" in answer.answer, answer.answer


def test_an_influencers_posts(engine: Engine) -> None:
    cases = [
        ("$ZLAB's Josh Smiley 🔮\nwhat's his 2026 call on China↔West dealmaking? #pharma", "continue to grow"),
        ("which big pharmas dropped multi-$B onc deals in 🇨🇳 this yr? $ABBV $PFE $GSK?", "AbbVie, Pfizer and GSK"),
        ("which drug did BeOne (ex-$BGNE) take to the US? 🇺🇸💊", "Brukinsa"),
        ("$ZBIO x InnoCare 🤝\nwhat's the headline $ on that one?", "$2bn"),  # a bare "$": the amount
        ("#BIOSECURE is back 😬\nwhich bill did they try to stuff it into this time?", "NDAA"),
    ]
    _assert_answered(engine, cases)
    for question in ["Brukinsa US sales this yr? 💰 $ONC", "which cos does #BIOSECURE name? WuXi? 🧪"]:
        answer = engine.ask(question)
        assert answer.abstained, (question, answer.answer)


def test_a_question_typed_in_capitals(engine: Engine) -> None:
    cases = [
        (
            "HOW BIG WAS THE NOVARTIS DEAL WITH THAT ARGO COMPNAY JUST GIVE ME THE NUMBER I DONT NEED AN ESSAY!!!",
            "5.36",
        ),
        ("WHAT ERA DID THE ASCENTAGE CEO SAY CHINESE PHARMA IS GOING INTO SOME VERSON NUMBER?? I FORGET", "2.0"),
        ("WHICH CHINESE COMPANY TOOK ITS OWN DRUG TO TEH US ON ITS OWN I KNOW THEY MENTION ONE", "BeOne"),
        ("WHAT WAS ASTRAZENECAS BIG CHINA AGREMENT WORTH THIS YEAR JUST THE NUMBER", "$5.3bn"),  # no comma before
    ]
    _assert_answered(engine, cases)
    answer = engine.ask("WHEN DID THE SENATE PASS BIOSECURE I NEED THE DATE FOR A SLIDE ASAP")
    assert answer.abstained, answer.answer


def test_a_question_typed_as_code(engine: Engine) -> None:
    cases = [
        ("SELECT COUNT(*) FROM west_cn_deals WHERE value_usd > 500000000 AND yr = 2023", "20 transactions"),
        ("get_quote(person='Smiley', topic='why global pharma is shopping in China')", "main reasons"),
        ("SELECT product FROM launches WHERE company = 'BeOne' AND market = 'US'", "Brukinsa"),
        ("get_quote(person='Yang', topic='BIOSECURE')", "little worry"),  # Yang's quote on BIOSECURE
    ]
    _assert_answered(engine, cases)
    answer = engine.ask("SELECT upfront_usd FROM licensing_deals WHERE buyer = 'Novartis' AND licensor = 'Argo'")
    assert answer.abstained, answer.answer


def test_a_scholars_hedged_questions(engine: Engine) -> None:
    cases = [
        (
            "I should be grateful to know, with the usual caveat that such projections are notoriously sensitive to "
            "their underlying assumptions, what magnitude of decline in American drug revenues GlobalData is reported "
            "to anticipate over the latter half of the present decade as a consequence of expiring patent protection?",
            "$230bn",
        ),
        (
            "Does the Jefferies analyst arrive at any conclusion as to whether, for the time being at least, alliance "
            "with a multinational partner remains the most prudent course for Chinese developers, all things "
            "considered?",
            "best practice",
        ),
        (
            "What, in the view of the Zai Lab executive, chiefly accounts for the present enthusiasm of multinational "
            "firms for Chinese assets — one suspects that the explanation is at root one of relative cost, but I "
            "should like to know precisely how he frames it?",
            "main reasons",
        ),
    ]
    _assert_answered(engine, cases)


def test_the_drug_the_last_answer_named(engine: Engine) -> None:
    for follow_up in [
        "What was the drug called?",
        "What was its drug called?",
        "WHAT WAS THE DRUG CALLED JUST THE NAME",
    ]:
        conversation = Conversation()
        engine.ask("Which Chinese company took its own drug to the US on its own?", conversation)
        answer = engine.ask(follow_up, conversation)
        assert not answer.abstained and "Brukinsa" in answer.answer, (follow_up, answer.answer)
    # Its sales are not in the article, however the question is shouted ("give me dollars": how to answer).
    assert engine.ask("HOW MUCH DID IT SELL OVER THERE LAST YEAR GIVE ME DOLLARS", conversation).abstained
    conversation = Conversation()
    engine.ask("How big was Novartis's deal with Argo?", conversation)
    assert engine.ask("What was the drug called?", conversation).abstained  # the article names no Argo drug


def test_a_quiz_masters_clues(engine: Engine) -> None:
    # A clue before the question, in everyday words joined by a hyphen: no name the articles lack.
    cases = [
        (
            "Software-style version numbers, pharma edition: what era does Ascentage's chief say China's drug "
            "industry is now entering?",
            "2.0",
        ),
        (
            "Crystal-ball question: if Chinese drugmakers do strike out on their own in the long run, what reaction "
            "from American pharma does Cui Cui predict?",
            "lobbying",
        ),
    ]
    _assert_answered(engine, cases)


def test_claims_put_to_a_witness_and_a_translated_forecast(engine: Engine) -> None:
    cases = [
        (
            "Let me put it to you that Zenas Biopharma's 2025 tie-up with InnoCare was a five-billion-dollar "
            "transaction. That's right, isn't it?",
            "$2bn",  # the claimed figure is corrected, not missing
        ),
        (
            "Josh Smiley of Zai Lab — his prediction is that China–West dealmaking cools off heading into 2026, "
            "isn't it?",
            "continue to grow",  # the claim's own words are contradicted, not missing
        ),
        ("Zenas Biopharma made agreement with which Chinese company and for what sum?", "$2bn"),  # not a total
        ("what is prognosis of Zai Lab COO for dealmaking China-West in 2026, will volume go up?", "continue to grow"),
    ]
    _assert_answered(engine, cases)
    answer = engine.ask(
        "Isn't it true that Dr. Yang's own company, Ascentage, signed a multi-billion-dollar licensing deal with "
        "Takeda?"
    )
    assert answer.abstained, answer.answer


def test_an_executive_dictating_names_as_they_sound(engine: Engine) -> None:
    cases = [
        (
            "ok quick one the astra zenica deal with see ess pee see or whatever they're called what was that worth",
            "$5.3bn",
        ),
        ("remind me who josh smylie is what company and title", "president and COO"),
        # "or fizzle out": the other answer offered; the article answers with the first, in its own words.
        (
            "does the jeffrey's analyst think this years licensing trends carry on into twenty twenty six or fizzle "
            "out",
            "continue into 2026",
        ),
    ]
    _assert_answered(engine, cases)


def test_a_short_sellers_loaded_premises(engine: Engine) -> None:
    cases = [
        ("Zenas did some tiny deal with InnoCare, what was it, $200m?", "$2bn"),  # a guess the answer corrects
        ("Yang must be terrified of BIOSECURE. How is he reacting?", "little worry"),
        ("Zai Lab's COO is surely forecasting a China dealmaking slowdown for 2026?", "continue to grow"),
        # How the asker frames it ("overhyped", "marketing fluff") is not what the article must say.
        (
            "The patent cliff gets overhyped every cycle. What number does GlobalData actually put on the US sales "
            "hit, and over what window?",
            "$230bn",
        ),
        (
            "The claim that China leads the world in trial starts sounds like marketing fluff. Who says so, and for "
            "which year?",
            "GlobalData",
        ),
    ]
    _assert_answered(engine, cases)


def test_a_chinese_market_figure_and_a_dictated_condition(engine: Engine) -> None:
    for question in [
        # "what will be the size of...": an amount; and for China's market, not the US drug sales the article sizes.
        "What will be the size of China's innovative drugs market by 2030?",
        # A condition dictated without its comma is still a condition: when it takes effect, which is not given.
        "if bio secure goes through when does it actually kick in",
    ]:
        answer = engine.ask(question)
        assert answer.abstained, (question, answer.answer)
    us = engine.ask("What will be the size of the US drug sales drop from the patent cliff?")
    assert not us.abstained and "$230bn" in us.answer, us.answer


def test_a_set_phrase_put_in_everyday_words(engine: Engine) -> None:
    # "what's stayed constant": the article's "one thing has remained constant", far from it for MiniLM.
    for question in [
        "deal values keep climbing 🚀 but what's stayed constant?",
        "What's stayed constant as deal values climb?",
    ]:
        answer = engine.ask(question)
        assert not answer.abstained and "remained constant" in answer.sentences[0].text, (question, answer.answer)
    conversation = Conversation()
    engine.ask("BeOne. What did they take to the US?", conversation)
    assert engine.ask("US sales?", conversation).abstained  # a follow-up's thread is Brukinsa's, not the market's


def test_a_claims_wrong_year_place_or_employer_is_corrected(engine: Engine) -> None:
    # The claim's other details match the article, so the year, the place, the region or the employer it gets wrong
    # is what the answer corrects, not a fact the articles lack.
    cases = [
        ("Confirm or deny: BeOne’s origins are in Shanghai.", "Beijing"),
        ("Am I right that Smiley pointed to continued interest in out-licensing among European investors?", "Asian"),
        ("Am I right that 2022 by itself saw 20 West–China transactions above the $500m mark?", "2023"),
        ("Is it correct that Dajun Yang is CEO of Hengrui?", "Ascentage"),
        ("Is it true that Cui Cui runs Asia healthcare at Goldman Sachs?", "Jeffries"),
    ]
    _assert_answered(engine, cases)
    # A figure the article does not give makes it a claim about another year's or place's figure: not covered.
    for question in [
        "In 2024, more than thirty West–China transactions topped $500m — isn't that right?",
        "Let me put it to you that the patent cliff will wipe roughly $100bn off European drug sales by 2030.",
        "Is it true that China's share of the innovator deals signed by large pharma in 2023 was about 20%?",
        # A claimed figure with no figure of its kind in the sentence found (no count of trial starts, no days).
        "Is it correct that GlobalData counted more than 1,000 trial starts in China in 2024?",
        "Is it correct that China’s regulator now clears IND applications within 30 working days?",
        "Confirm or deny: Smiley said Zai Lab itself plans to sign three licensing deals in 2026.",
    ]:
        assert engine.ask(question).abstained, question
    senate = engine.ask("I heard BIOSECURE was passed by the Senate on 11 December. Is that correct?")
    assert not senate.abstained and "House" in senate.answer  # "11 December" is a date, the lead's own


def test_the_kind_of_a_claimed_figure() -> None:
    from assistant.answer import _figure_kind

    kinds = [_figure_kind(w) for w in ["$6bn", "38%", "1,000", "three", "fifth", "2023", "FY2025", "noise"]]
    assert kinds == ["money", "percent", "count", "count", "percent", None, None, None]


def test_dialect_prompts_and_briefing_requests_are_answered(engine: Engine) -> None:
    cases = [
        ("Whit's China's regulator daein' tae get drugs intae trials quicker, like?", "IND"),
        ("Hoo much is yon patent cliff gonnae knock aff American drug sales?", "$230bn"),
        ("hw much was novartis's deal w/ argo", "$5.36bn"),
        (
            "Role: BD analyst. Task: identify Novartis's Chinese partner in its 2025 deal and the headline value. "
            "Constraints: cite the source. Output: one sentence.",
            "Argo",
        ),
        (
            "Clarification is requested regarding the quantum of consideration agreed between AstraZeneca and CSPC.",
            "$5.3bn",
        ),
        ("True or false: Josh Smiley is the chief executive of Zai Lab.", "COO"),
        ("wats the ascentage ceo's vibe on biosecure", "little worry"),
        (
            "You are an expert in US legislative tracking. Step 1: find the lower chamber's action on BIOSECURE. "
            "Step 2: report the date it cleared that chamber. Output: date plus citation.",
            "11 December",
        ),
    ]
    _assert_answered(engine, cases)
    conversation = Conversation()
    engine.ask("The value of the agreement concluded by Novartis in 2025 is to be indicated.", conversation)
    counterparty = engine.ask("Confirmation of the identity of the counterparty is sought.", conversation)
    assert not counterparty.abstained and "Argo" in counterparty.answer
    chain = Conversation()
    engine.ask(
        "Which firm's held up as the example o' a Chinese company sellin' its ain drug ower in the States?", chain
    )
    before = engine.ask("Whit wis it cawed afore?", chain)
    assert not before.abstained and "BeiGene" in before.answer
    deals = Conversation()
    engine.ask("Did Novartis pay $5.36bn for Argo?", deals)
    bigger = engine.ask("And the AstraZeneca one — am I right it was even bigger, at $5.5bn?", deals)
    assert not bigger.abstained and "$5.3bn" in bigger.answer  # the claim, put after a dash, is corrected


def test_shorthand_relative_years_and_negative_claims(engine: Engine) -> None:
    cases = [
        # A deal sheet's shorthand.
        ("Zenas x InnoCare – TEV?", "$2bn"),
        ("agg TEV of CN innovator lic deals big pharma signed in '24?", "$41.5bn"),
        # Relative years, counted from the newest article (published in 2025).
        ("How many West–China transactions north of half a billion dollars got done the year before last?", "20"),
        # A sceptic's claims put in the negative are checked like any claim.
        (
            "Those Chinese innovator deals with large pharma in 2024 didn't even reach $40bn in value, did they?",
            "$41.5bn",
        ),
        ("BeOne's origins weren't in Shanghai, were they?", "Beijing"),
        ("Wasn't AstraZeneca's 2025 tie-up with CSPC worth less than $5bn?", "$5.3bn"),
        (
            "Isn't it correct that Chinese drugs made up barely one in ten of the innovator deals big pharma signed "
            "in 2024?",
            "28%",
        ),
        # A transcribed speaker's corrections.
        (
            "how many of the, um, really big deals — the ones over half a billion — happened between the West and "
            "China in, uh, 2024, no, sorry, 2023",
            "20 transactions",
        ),
    ]
    _assert_answered(engine, cases)
    for question in [
        "How many West–China deals above $500m were signed last year?",  # 2024: the article counts 2023's
        "When did Josh Smiley join Zai Lab as COO?",  # "As 2026 approaches" dates nothing he did
        "How large does GlobalData expect the obesity market to be by the end of the decade?",  # US drug sales'
        "did smiley quantify the CN discount vs US for early clin assets? like 50%?",  # a guessed share
        "Which Chinese drug start-up did Pfizer buy its cancer medicine from?",  # the article names none
        "what does Cui — Cui Cui — think about the, uh, the US tariffs on, you know, pharma imports",
        "what percent of big pharma's innovator deals were Chinese in, uh, 2023 — I know there's a 2024 number",
    ]:
        assert engine.ask(question).abstained, question
    below = engine.ask("Which 2025 deals were worth less than $1bn?")
    assert below.abstained and "Deals that match the rest of the question" in below.answer
    assert "other years" not in below.answer  # they are 2025's: their value is what fails
    thread = Conversation()
    engine.ask("What's Smiley's line on ADCs?", thread)
    immunology = engine.ask("And on immunology next year?", thread)  # the area stands in for ADCs
    assert not immunology.abstained and immunology.answer.startswith("Smiley forecasts that immunology")
    senate = Conversation()
    engine.ask("What did Cui make of BIOSECURE?", senate)
    assert engine.ask("and did she say, um, when the Senate's actually gonna vote on it", senate).abstained
    renamed = Conversation()
    engine.ask("Any real example of a Chinese company taking its own drug to the US?", renamed)
    before = engine.ask("Wasn't that company called something else before?", renamed)  # asks, claims nothing
    assert not before.abstained and "BeiGene" in before.answer


def test_what_is_missing_and_where_a_trend_is(engine: Engine) -> None:
    cases = [
        # "missing": what they lack, in the sentence that says so.
        (
            "What did Cui say most Chinese firms are missing that keeps them from selling worldwide on their own?",
            "trial experience",
        ),
        # "where" a trend is: in which therapy area.
        ("Where has Smiley seen a notable pickup in deals?", "cardiometabolic"),
    ]
    _assert_answered(engine, cases)
    assert engine.ask("Where did BeOne start out?").answer.startswith("While BeOne is now an MNC")  # a place


def test_a_remark_before_the_question_and_a_question_put_as_a_condition(engine: Engine) -> None:
    # "You cite X on Y — ...?": what the asker read is no question of its own; the question after the dash is.
    assert engine.ask(
        "You cite GlobalData on how much US sales will fall due to the patent cliff — what's the equivalent "
        "figure you give for Europe?"
    ).abstained
    assert engine.ask("If Smiley isn't Zai Lab's CEO, then who is?").abstained  # who is the CEO: not said
    cleared = engine.ask("BIOSECURE – date it cleared the House?")  # the kind of answer, then what it is of
    assert not cleared.abstained and "11 December" in cleared.answer


def test_negative_questions_name_what_they_ask_and_claims_meet_multi_billion(engine: Engine) -> None:
    cases = [
        # "multi-billion dollar deals" settles "didn't even reach a billion dollars".
        ("AbbVie's cancer licensing deal didn't even reach a billion dollars, did it?", "multi-billion"),
        # "What don't they have": what they lack.
        (
            "What don't Chinese companies have, according to Cui, that stops them commercialising worldwide by "
            "themselves — isn't it just money?",
            "trial experience",
        ),
        # A reader's topic before the dash, then the question.
        (
            "You write about a rise in cardiometabolic deals — which market are companies trying to get a foothold in?",
            "obesity",
        ),
    ]
    _assert_answered(engine, cases)
    # "wasn't" ends the noun phrase: a molecule is asked for, which the article does not name.
    assert engine.ask(
        "Which molecule wasn't Zenas licensing from InnoCare — what's the drug in that $2bn deal?"
    ).abstained


def test_a_persons_read_leans_on_the_thread(engine: Engine) -> None:
    thread = Conversation()
    engine.ask("Ascentage CEO – worried about BIOSECURE?", thread)
    read = engine.ask("and the Jefferies HC head's read?", thread)  # her view of what the thread was about
    assert not read.abstained and "noise" in read.answer


def test_options_tickers_dictation_and_singlish(engine: Engine) -> None:
    cases = [
        # Offered options: those the articles never mention are no part of the question.
        ("What share of large pharma's 2024 innovator deals came from China – 18%, 28% or 38%?", "28%"),
        ("The cardiometabolic deal uptick – is that companies chasing obesity or hypertension?", "obesity"),
        ("When did the House pass BIOSECURE – 1 December, 11 December or 11 November?", "11 December"),
        # Tickers, as investors name the companies.
        ("AZN x 1093.HK this year – how big was the print?", "$5.3bn"),
        ("Which TAs is the China R&D push concentrated in?", "cardiometabolic"),
        # Dictation that spells out its punctuation; Singapore's colloquial English.
        (
            "what does dajun yang mean when he says chinese pharma is in a open quote two point oh close quote era "
            "question mark",
            "2.0",
        ),
        (
            "why has china turned into a hub for cell and gene therapies comma scratch that comma c g t s "
            "question mark",
            "hub",
        ),
        ("China really top the world for new clinical trial starts already meh? Which year sia?", "2024"),
        ("BeiGene now change name to what already ah?", "BeOne"),
        # Uncertainties are the articles' open questions; "aren't ready" asks what they lack.
        ("What uncertainties does all the headline-grabbing West–China dealmaking raise for the future?", "questions"),
        ("Why does Cui think most Chinese drugmakers aren't ready to commercialise globally on their own?", "lack"),
        # "heavyweights" are companies; "incremental deal flow showing up" is an uptick.
        ("Which Western heavyweights does the article name as striking big cancer deals in China in 2025?", "AbbVie"),
        ("Beyond onc and I&I, where's incremental deal flow showing up – obesity?", "cardiometabolic"),
    ]
    _assert_answered(engine, cases)
    # No option the articles state, or a ticker's management never quoted: still refused.
    for question in (
        "How much did AstraZeneca pay CSPC upfront – $110m or $200m?",
        "What did AZN management say about the 1093.HK deal?",
        "what does smiley think about u s tariffs question mark",
        # A second question of everyday words only asks more of the first, which the articles cannot answer.
        "AZ pay CSPC how much upfront ah? Got break down or not?",
        "BeiGene change name to BeOne when one ah?",
        "How many clinical trials did China actually start in 2024? Does the piece give a raw number we can quote?",
        # The other side of a deal is its partner, which the articles do not name for Pfizer's.
        "Which Chinese company was on the other side of Pfizer's 2025 cancer deal?",
    ):
        assert engine.ask(question).abstained, question


def test_options_are_judged_by_the_passages_found_not_the_whole_corpus(seed_copy: Settings) -> None:
    from assistant.indexer import update_index

    # An unrelated abstract that mentions hypertension and neurology, indexed beside the seed article: a
    # corpus-wide vocabulary would count those options as mentioned, and the question would stay refused.
    (seed_copy.corpus_dir / "blood-pressure-trial.md").write_text(
        "---\ntitle: 'Hypertension and neurology outcomes in a cohort of older adults'\n---\n\n"
        "We followed 4,000 older adults with hypertension for ten years and recorded neurology outcomes, "
        "including stroke and cognitive decline, against blood pressure at baseline.\n",
        encoding="utf-8",
    )
    update_index(seed_copy)
    engine = Engine(seed_copy)
    assert engine.typed("The cardiometabolic deal uptick – is that companies chasing obesity or hypertension?") == (
        "The cardiometabolic deal uptick – is that companies chasing obesity?"
    )
    answer = engine.ask("Which area stays prominent next year, per Smiley – immunology or neurology?")
    assert not answer.abstained and "immunology" in answer.answer


def test_taglish_pidgin_blanks_user_stories_and_other_outlets(engine: Engine) -> None:
    cases = [
        # Taglish and Nigerian Pidgin: the grammar words read in English, the names and figures as typed.
        ("Magkano yung agreement ng Zenas Biopharma with InnoCare?", "$2bn"),
        ("Kailan pinasa ng House yung BIOSECURE?", "11 December"),
        ("Ano ulit yung dating name ng BeOne Medicines?", "BeiGene"),
        ("Wetin Smiley talk about ADC wey China dey develop?", "linker-payload"),
        (
            "Please I want to know the total value of the Novartis deal and which Chinese company dem sign am with.",
            "$5.36bn",
        ),
        # A quiz's blank, a ticket's user story, another outlet's report: the question inside.
        ("The House passed the BIOSECURE Act on ___.", "11 December"),
        ("BeOne Medicines used to go by the name ___.", "BeiGene"),
        (
            "As a BD lead, I want to know the headline value of AstraZeneca’s 2025 tie-up with CSPC Pharmaceutical, "
            "so that I can benchmark our term sheet.",
            "$5.3bn",
        ),
        (
            "Story: investor wants Dajun Yang’s framing of where China’s pharma sector is heading. Acceptance: the "
            "era he describes and why.",
            "2.0",
        ),
        (
            "Bloomberg had AstraZeneca's CSPC pact pegged at about $5.3bn in total. Does this piece agree on the "
            "headline value?",
            "$5.3bn",
        ),
        ("Endpoints quoted a Jefferies analyst on BIOSECURE; what does she say in this one?", "noise"),
    ]
    _assert_answered(engine, cases)
    # What the articles do not state stays refused, however it is put.
    for question in (
        "Magkano yung upfront payment ng AZ sa CSPC?",
        "Abeg, how much AZ pay CSPC for upfront?",
        "Fill in: BIOSECURE lists ___ as a biotechnology company of concern.",
        "Bloomberg reported Novartis paying Argo about $160m upfront. Does this piece give the upfront?",
        "Endpoints named orelabrutinib as the drug in the Zenas–InnoCare pact. Which asset does this piece name?",
        "As a BD lead, I want the upfront payment AstraZeneca made to CSPC, so that I can benchmark our ratio.",
    ):
        assert engine.ask(question).abstained, question
