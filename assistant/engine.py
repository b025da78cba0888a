"""The one object the CLI and the TUI talk to: index, retrieval, answers and conversations behind it."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date as Date
from threading import Lock
from typing import TYPE_CHECKING

from .config import Settings
from .models import Answer, Document, DocumentInfo, IndexReport, IndexStatus

if TYPE_CHECKING:
    from .facts import DocumentFacts
    from .indexer import Progress
    from .retrieval import Retriever
    from .store import IndexStore


class _LazyDocuments(Mapping[str, Document]):
    """Documents read from the index on first use: fact answers cite a few, never all of them."""

    def __init__(self, store: IndexStore, paths: list[str]) -> None:
        self._store = store
        self._paths = paths
        self._cache: dict[str, Document] = {}

    def __getitem__(self, path: str) -> Document:
        if path not in self._cache:
            self._cache[path] = self._store.get_document(path)
        return self._cache[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


@dataclass(frozen=True)
class Filters:
    """Restrict retrieval to some articles."""

    source: str | None = None
    since: Date | None = None
    until: Date | None = None
    documents: tuple[str, ...] = ()

    @property
    def active(self) -> bool:
        return bool(self.source or self.since or self.until or self.documents)


_FILTER = re.compile(r"""(?<!\S)(source|since|until|doc):(?:"([^"]*)"|'([^']*)'|(\S+))""", re.IGNORECASE)


def parse_filters(text: str) -> tuple[str, Filters]:
    """Filters typed inline in a chat question: `source:"Pharmaceutical Technology" since:2025-06-01
    until:2025-12-31 doc:some-article.md What did Novartis sign?` -> (the question, Filters)."""
    from .errors import ConfigError

    values: dict[str, list[str]] = {}
    for match in _FILTER.finditer(text):
        value = next(v for v in match.groups()[1:] if v is not None)
        values.setdefault(match.group(1).lower(), []).append(value)
    question = " ".join(_FILTER.sub(" ", text).split())

    def day(key: str) -> Date | None:
        if key not in values:
            return None
        try:
            return Date.fromisoformat(values[key][-1])
        except ValueError:
            raise ConfigError(f"{key}: takes a date as YYYY-MM-DD, not '{values[key][-1]}'") from None

    return question, Filters(
        source=values["source"][-1] if "source" in values else None,
        since=day("since"),
        until=day("until"),
        documents=tuple(values.get("doc", ())),
    )


@dataclass
class Turn:
    question: str
    query: str
    answer: Answer


@dataclass
class Prepared:
    query: str
    """What is searched: the question with the thread's context and the people it means by name."""
    judged: str
    """The question the evidence must answer: its own words, people named."""
    anchors: list[str]
    """Words of the people the question is about ("he", "the Ascentage CEO"): the answer must quote them."""
    by_role: list[str] = field(default_factory=list)
    """People the question names only by role and organisation ("the Ascentage CEO")."""
    said: tuple[str, ...] = ()
    """What the last answer said, for a follow-up asking why not ("why not?", "what's holding them back?"): it
    wants what was not said yet."""


@dataclass
class Conversation:
    """Previous turns, used to resolve follow-ups ("And immunology?")."""

    turns: list[Turn] = field(default_factory=list)

    def clear(self) -> None:
        self.turns.clear()


class Engine:
    """Loads lazily; safe to call from a worker thread (one answer at a time)."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._retriever: Retriever | None = None
        self._facts: list[DocumentFacts] | None = None
        self._names: tuple[list[DocumentFacts], list[str]] | None = None
        self._now: int | None = None  # the year of the newest article: what "last year" counts back from
        """The people's and companies' names of the loaded facts, for reading dictated questions."""
        self._lock = Lock()

    # -- index -------------------------------------------------------------------------------------
    def status(self) -> IndexStatus:
        from .indexer import index_status

        return index_status(self.settings)

    def update_index(self, *, full: bool = False, progress: Callable[[Progress], None] | None = None) -> IndexReport:
        """Bring the index up to date with the corpus (incremental), then serve the new index."""
        from .indexer import update_index

        report = update_index(self.settings, full=full, progress=progress)
        with self._lock:
            self._retriever = None
            self._facts = None
        return report

    # -- reading -----------------------------------------------------------------------------------
    def load(self) -> None:
        """Open the index and the query encoder (blocking; call from a worker)."""
        self._get_retriever()

    def _get_retriever(self) -> Retriever:
        with self._lock:
            if self._retriever is None:
                from .retrieval import Retriever

                self._retriever = Retriever.open(self.settings)
            return self._retriever

    def facts(self) -> list[DocumentFacts]:
        """Deals, figures, people and views of every article (extracted at index time), loaded once."""
        from .facts import FACTS_VERSION, DocumentFacts, extract_facts

        retriever = self._get_retriever()
        with self._lock:
            if self._facts is None:
                facts = []
                for path, data in retriever.store.facts():
                    parsed = DocumentFacts.model_validate_json(data)
                    if parsed.version != FACTS_VERSION:  # extracted by older rules: redo from the stored text
                        parsed = extract_facts(retriever.store.get_document(path))
                    facts.append(parsed)
                self._facts = facts
            return self._facts

    def documents(self) -> list[DocumentInfo]:
        return self._get_retriever().store.list_documents()

    def document(self, path: str) -> Document:
        return self._get_retriever().store.get_document(path)

    def ask(
        self,
        question: str,
        conversation: Conversation | None = None,
        *,
        filters: Filters | None = None,
        long: bool = False,
    ) -> Answer:
        """Answer one question; when a conversation is given the turn is appended to it."""
        from .answer import compose_answer, question_proper, without_motive

        started = time.perf_counter()
        retriever = self._get_retriever()
        asked, question = question, without_motive(self.typed(question))
        prepared = self.prepare(question, conversation)
        query, anchors = prepared.query, prepared.anchors

        def from_passages(judged: str, only: Filters | None = None) -> Answer:
            """The answer the passages give, judged against `judged` (the question, or one part of it)."""
            return compose_answer(
                question,
                query,
                retriever,
                self.settings,
                filters=only,
                long=long,
                anchors=anchors,
                judged=judged,
                said=prepared.said,
            )

        last = conversation.turns[-1].answer if conversation is not None and conversation.turns else None
        # "And what were those deals worth in total?" after a passage about 2024's deals: those deals, which the
        # passage states the value of, not the deals the table holds.
        passage_deals = (
            last is not None
            and not last.abstained
            and all(s.kind == "passage" for s in last.sentences)
            and bool(_THOSE_DEALS.search(question))
            and not _SUPERLATIVE_Q.search(question)  # "which of those ADC deals was the biggest?": the table's
        )
        answer = None if (filters and filters.active) or passage_deals else self._answer_from_facts(question)
        if answer is None and not (filters and filters.active) and conversation is not None and conversation.turns:
            # "Which of those was the biggest?" after a question about deals: the same deals, from facts.
            from .conversation import is_follow_up
            from .fact_questions import _COUNT_Q, _DEAL_WORDS, _SUM, _SUPERLATIVE

            recent = [t.question for t in reversed(conversation.turns[-3:])]
            previous = next((q for q in recent if _DEAL_WORDS.search(q)), "")
            aggregate = _SUPERLATIVE.search(question) or _COUNT_Q.search(question) or _SUM.search(question)
            if previous and aggregate and is_follow_up(question) and not _DEAL_WORDS.search(question):
                answer = self._answer_from_facts(f"{question} ({previous})")
                if answer is not None:
                    answer = answer.model_copy(update={"question": question})
        if answer is None and last is not None and not last.abstained and _WHO_SAID_THAT.match(question):
            answer = self._speaker_of(question, last)
        if answer is not None and _PAYMENT_PART.search(question) and not _PAYMENT_PART.search(answer.answer):
            # "Upfront on the biggest one?": the biggest by headline value does not say what was paid upfront;
            # the passages decide (and refuse when no article states it).
            answer = None
        asks_role = _ASKS_ROLE.search(question) and not _STANCE.search(question)
        if answer is None and not (filters and filters.active) and asks_role:
            # "What positions does Josh Smiley hold at Zai Lab?": the person, as the article introduces them.
            from .fact_answers import _person_named

            person = _person_named(prepared.judged, self.facts())  # "What's his role?": the thread's person
            if person is not None:
                answer = self._who_is(person.name, question, query)
        from .question import analyse

        if (
            answer is None
            and len(prepared.by_role) == 1
            and _ASKS_NAME.search(question)
            and analyse(question).expects != "product"  # "...the Ascentage boss — name his company's flagship drug"
        ):
            # "Ascentage CEO name?", "Who runs Zai Lab?": the person, as the article introduces them.
            answer = self._who_is(prepared.by_role[0], question, query)
        from .fact_questions import _COUNT_Q, _SUM, _SUPERLATIVE, threshold_asked
        from .question import FACT_CHECK, company_names

        # "Which Western pharmas signed oncology deals in 2025?": the deals table may hold none with a stated
        # value while a passage names them ("AbbVie, Pfizer and GSK all signing multi-billion dollar deals").
        # Only a plain list may fall back to the passages: a superlative, a sum, a count or a threshold needs
        # the arithmetic that only the table can do.
        # A list of the deals themselves ("List the 2025 ADC deals") is the table's to make too: the fallback
        # is for questions asking which companies, or what deals were worth together ("What were Chinese
        # licensing deals with large pharma worth in 2024?": a passage states it, no deal is dated 2024).
        # "Which drugmakers signed major cancer deals?": "major" describes the deals, it does not rank them.
        ranked = [m for m in _SUPERLATIVE.finditer(question) if m.group().lower() != "major"]
        plain_list = analyse(question).expects in {"companies", "company", "money", "percent"} and not (
            ranked or _SUM.search(question) or _COUNT_Q.search(question) or threshold_asked(question)
        )
        is_total = _stated_total_wins(question)
        is_count = bool(_COUNT_Q.search(question)) or analyse(question).expects == "count"
        market_wide = (is_total or is_count) and not _NAMED_DEALS.search(question) and not _one_deals_value(question)
        if answer is None or answer.abstained or is_total or (market_wide and not answer.abstained):
            # Facts only know the deals they extracted. For a count a passage may still state it ("20
            # transactions worth over $500m in 2023"), and for a total a passage may state the aggregate
            # itself ("accounting for $41.5bn in value"), which beats a sum of the deals the articles name.
            # A list or a superlative they cannot make stands.
            passage_answer = from_passages(prepared.judged, filters)
            if (
                answer is None
                or (is_total and _states_total(passage_answer, answer))
                or (is_count and _states_count(passage_answer))
                or (
                    answer.abstained
                    and not passage_answer.abstained
                    # A claim to check ("20 deals over $1bn in 2023, is that the right threshold?") is
                    # corrected by the sentence that states the fact, whatever the deals table holds.
                    and (
                        is_count
                        or FACT_CHECK.search(question)
                        or (plain_list and _names_everything_asked(question, passage_answer))
                        # "AbbVie, Pfizer and GSK all did multi-billion deals — in which therapy area?": the
                        # area of deals the table holds no value for, from the sentence naming them all.
                        or (
                            analyse(question).expects == "area"
                            and len(company_names(question)) >= 1
                            and _names_everything_asked(question, passage_answer)
                        )
                        or _names_deals_in_areas(question, passage_answer)
                        # "Through 2026, does Smiley expect immunology to stay a major deal focus?": his view,
                        # which a passage gives, and no table of deals dated 2026 can.
                        # (A figure they forecast is still the table's or a stated total's to give.)
                        or (
                            bool(prepared.anchors)
                            and bool(_EXPECTS.search(question))
                            and not (is_total or is_count or analyse(question).expects in {"money", "percent"})
                        )
                    )
                )
            ):
                answer = passage_answer
            elif market_wide and not answer.abstained:
                # "What's the total value of China licensing deals so far in 2025?": the deals the articles
                # happen to name do not add up to the market's total; say so, and show them.
                answer = _not_a_market_total(answer)
        if answer.abstained and not answer.sentences and not (filters and filters.active):
            # "Longer term, what does Cui expect, and what backlash might follow?": two questions in one; the
            # second's words can sink the first's evidence. Answer the first part when it stands alone.
            # Two questions typed one after the other ("What's the basis for that? What share was it?"): the
            # second when the first does not stand.
            for part_question in (_first_part(question), _second_question(question)):
                if part_question:
                    part = from_passages(part_question)
                    if not part.abstained:
                        answer = part
                        break
        proper = question_proper(question)
        if (
            not answer.abstained
            # "AbbVie's oncology deal with a Chinese partner": a deal described, not its partner asked for.
            and _PARTNER_Q.search(re.sub(r"\bwith\s+an?\s+(?:[\w-]+\s+)?partner\b", " ", proper, flags=re.I))
            and not _ASKS_WHY_OR_HOW.search(proper)
            and not _PARTNERING_IN_GENERAL.search(proper)
        ):
            answer = self._check_partner(question, answer)
        holder = _WHO_HOLDS_ROLE.match(question) or _WHO_HOLDS_ROLE_AT.match(question)
        if not answer.abstained and holder and not prepared.by_role:
            # "Who is the CEO of BeOne Medicines?": only a person the articles introduce in that role answers it.
            answer = _refused(answer, f"The articles name no {holder.group('role')} of {holder.group('org')}.")
        unquoted = None if answer.abstained or prepared.by_role else self._unquoted_organisation(question, answer)
        if unquoted:
            # "What did the head of AstraZeneca say about China?": the articles quote nobody from it, and a
            # sentence that mentions AstraZeneca is not its head's view.
            answer = _refused(answer, f"The articles quote nobody from {unquoted}.")
        answer = answer.model_copy(update={"question": asked, "seconds": round(time.perf_counter() - started, 4)})
        if conversation is not None:
            conversation.turns.append(Turn(question=question, query=query, answer=answer))
        return answer

    def typed(self, question: str) -> str:
        """The question as it would have been typed: dictation's fillers, spelled-out numbers and split or
        misheard names undone against the corpus's own words and names (`spoken.normalise`)."""
        from .spoken import normalise

        store = self._get_retriever().store
        facts = self.facts()
        if self._names is None or self._names[0] is not facts:  # once per facts load, not per question
            latest = store.latest_published()
            self._now = int(latest[:4]) if latest and latest[:4].isdigit() else None
            names = [
                name
                for f in facts
                for name in [p.name for p in f.people]
                + [a for p in f.people for a in p.aliases]
                + [c.name for c in f.companies]
                + [a for c in f.companies for a in c.aliases]
            ]
            self._names = (facts, names)
        typed = normalise(
            question,
            in_corpus=lambda word: store.passage_share([word])[word] > 0,
            names=self._names[1],
            year=self._now,
        )
        return self._options_dropped(typed)

    def _options_dropped(self, question: str) -> str:
        """The question without the options it offers that the passages found for it never mention ("What share
        came from China – 18%, 28% or 38%?" asks about 28%): see `choices.drop_unmentioned`."""
        from .choices import drop_unmentioned, offers_options, without_options

        if not offers_options(question):
            return question
        from .answer import stems

        found: set[str] = set()
        for hit in self._get_retriever().search(without_options(question), k=4):
            found.update(re.findall(r"[^\W_]+", hit.chunk.text.lower()))
        stemmed = set(stems(sorted(found)))
        return drop_unmentioned(question, lambda word: word in found or stems([word])[0] in stemmed)

    def prepare(self, question: str, conversation: Conversation | None = None) -> Prepared:
        """What to search for a question and what to judge the evidence against.

        Follow-ups borrow the thread's context (`resolve_query`); "he"/"she" becomes the thread's person
        and "the Zai Lab COO" the person the articles give that role, by name: MiniLM places "Which
        therapy area does he see staying prominent?" far from "Smiley forecasts that immunology...".
        """
        from .conversation import (
            mentions_a_role,
            name_people_by_role,
            person_anchors,
            resolve_query,
            surname_people,
            thread_person,
        )

        query = resolve_query(question, conversation)
        by_role: list[str] = []
        anchors = pronoun_anchors = person_anchors(question, conversation)
        judged = question
        from .fact_questions import _OPINION

        opinion = bool(_OPINION.search(question) or _ATTRIBUTION.search(question))
        follow_up = query != question
        people: list[tuple[str, str | None, str | None, tuple[str, ...]]] = []
        if anchors or opinion or follow_up or mentions_a_role(question) or _FULL_NAME.search(question):
            people = [(p.name, p.role, p.organisation, tuple(p.aliases)) for f in self.facts() for p in f.people]
        # "ok what about smiley": in a follow-up, a surname alone names the person too.
        surnames: set[str] = set()
        if follow_up:
            surnames = {w.lower() for w in re.findall(r"[A-Za-z][\w-]*", question)} & {
                p[0].split()[-1].lower() for p in people
            }
        if anchors or opinion or surnames or mentions_a_role(question) or _FULL_NAME.search(question):
            asked_of: list[str] = []  # the people whose view the question itself asks for
            # Roles the question itself names (not the context a follow-up borrowed).
            named_by_role = name_people_by_role(question, [p[:3] for p in people])[1]
            if opinion:  # "Why does Smiley think...?": the answer must be his, not a sentence near his
                words = {w.lower() for w in re.findall(r"[A-Za-z][\w-]*", question)}
                # "How does Zai Lab expect BIOSECURE to affect it?": an organisation's view is its person's.
                speaking = _ORGANISATION_VIEW.search(question)
                org_words = {w.lower() for w in speaking.group("org").split()} if speaking else set()
                for name, _role, org, aliases in people:
                    of_org = bool(org_words) and org is not None and _names_organisation(org_words, org)
                    if of_org or words & {name.split()[-1].lower(), *(a.lower() for a in aliases)}:
                        anchors = list(dict.fromkeys(anchors + [w.lower() for w in name.split() if len(w) > 2]))
                        asked_of.append(name)
            said, named = surname_people(query, [p[:3] for p in people])
            by_surname = [p[0] for p in people if p[0].split()[-1].lower() in surnames]  # "what about smiley"
            if said != query and not named and not by_surname:
                # "according to Zai Lab's Smiley": said by surname alone, his organisation no topic of its own.
                query, judged = said, surname_people(judged, [p[:3] for p in people])[0]
            elif named or by_surname:
                query, judged = said, surname_people(judged, [p[:3] for p in people])[0]
                # "Does the Jefferies analyst see it the same way?", "And what does Smiley think of it?" after a
                # thread about Yang: the person the question names, not the people its borrowed words name.
                asks_someone = asked_of or (mentions_a_role(question) and named_by_role)
                named = (
                    surname_people(question, [p[:3] for p in people])[1]
                    or by_surname
                    or ([] if asks_someone else named)
                )
                anchors = list(dict.fromkeys(anchors + [w.lower() for n in named for w in n.split() if len(w) > 2]))
            if pronoun_anchors and conversation is not None and conversation.turns:
                pronouns = {
                    v.person: v.speaker.text.lower()
                    for f in self.facts()
                    for v in f.views
                    if v.speaker.text.lower() in {"he", "she"}
                }
                person = thread_person(conversation, people, question, pronouns)
                if len(named_by_role) == 1:
                    # "And the Jefferies analyst, how does she see it?": Cui, named by her role (first, as a
                    # person already named is not named again by role).
                    person = named_by_role[0]
                    query = name_people_by_role(query, [p[:3] for p in people])[0]
                    judged = name_people_by_role(judged, [p[:3] for p in people])[0]
                if person:  # by surname, as the articles mostly refer to people once introduced
                    said = person.split()[-1]
                    query, judged = name_pronouns(query, said), name_pronouns(judged, said)
                    # "she", after a turn about Smiley: Cui, whom the articles call "she".
                    anchors = [w.lower() for w in person.split() if len(w) > 2] + [
                        a for a in anchors if a not in pronoun_anchors
                    ]
            named = named_by_role
            if named:
                by_role = named
                query = name_people_by_role(query, [p[:3] for p in people])[0]
                judged = name_people_by_role(judged, [p[:3] for p in people])[0]
                anchors = list(dict.fromkeys(anchors + [w.lower() for n in named for w in n.split() if len(w) > 2]))
        if people and "(" in query and query != question:
            query = _without_other_people(question, query, people)
        if anchors:
            # "according to Zai Lab's Smiley": his organisation is part of naming him, not a topic.
            for name, _role, organisation, _aliases in people:
                if organisation and {w.lower() for w in name.split()} & set(anchors):
                    anchors = list(dict.fromkeys(anchors + _organisation_words(organisation)))
        from .question import WHY_NOT

        already: tuple[str, ...] = ()
        names_someone = bool(by_role or surnames or any(p[0].lower() in question.lower() for p in people))
        if conversation is not None and conversation.turns and query != question:
            last = conversation.turns[-1].answer
            # "And what did the woman from Jefferies say about it?": her sentence may have come up before,
            # beside another person's; it is what is asked now (a "why not?" still asks past it).
            if not last.abstained:
                surnames_asked = {a for a in anchors if any(a == p[0].split()[-1].lower() for p in people)}
                already = tuple(
                    s.text
                    for s in last.sentences
                    if not names_someone
                    or WHY_NOT.search(question)
                    or not any(re.search(rf"\b{re.escape(a)}\b", s.text, re.IGNORECASE) for a in surnames_asked)
                )
        return Prepared(query=query, judged=judged, anchors=anchors, by_role=by_role, said=already)

    def _who_is(self, name: str, question: str, query: str) -> Answer | None:
        """The people table's answer to "Who is <name>?", for a question that asked it another way."""
        who = self._answer_from_facts(f"Who is {name}?")
        if who is None or who.abstained:
            return None
        return who.model_copy(update={"question": question, "query": query})

    def _speaker_of(self, question: str, last: Answer) -> Answer | None:
        """ "Who said that?": whoever the last answer's leading sentence is attributed to, if anyone."""
        from .fact_answers import answer_speaker

        lead = last.sentences[0] if last.sentences else None
        if lead is None or lead.kind != "passage" or not lead.citations:
            return None
        cited = next((c for c in last.citations if c.id == lead.citations[0]), None)
        offset = cited.text.find(lead.text) if cited is not None else -1
        if cited is None or offset < 0:
            return None
        start = cited.start + offset
        facts = self.facts()
        documents = _LazyDocuments(self._get_retriever().store, [cited.document])
        return answer_speaker(question, facts, documents, cited.document, start, start + len(lead.text))

    def _check_partner(self, question: str, answer: Answer) -> Answer:
        """ "Which company was Pfizer's partner?": only a deal the articles name with Pfizer as a party
        answers it. A sentence listing Pfizer among other companies does not, so this is refused."""
        words = {w.lower() for w in re.findall(r"[A-Za-z][\w-]*", question)}
        words |= {w[:-1] for w in words if w.endswith("s")}  # "pfizers partner", typed without the apostrophe
        from .lexicon import long_forms

        # "PFE": a ticker is the company (one that means one thing only: "onc" is oncology too).
        words |= {x for w in list(words) if len(forms := long_forms(w)) == 1 for x in forms[0]}
        facts = self.facts()

        def named(forms: list[str]) -> bool:
            return any(set(f.lower().split()) <= words for f in forms if f)

        asked = [c.name for f in facts for c in f.companies if named([c.name, *c.aliases, c.name.split()[0]])]
        if not asked:
            return answer
        parties = {p for f in facts for d in f.deals for p in d.parties}
        if any(name in parties for name in asked):
            return answer
        return _refused(answer, f"The articles name no deal with {', '.join(dict.fromkeys(asked))} as a party.")

    def _unquoted_organisation(self, question: str, answer: Answer) -> str | None:
        """The organisation whose people the question asks to hear from ("the head of AstraZeneca", "a Pfizer
        exec", "anybody from Novartis"), when the articles quote nobody from it; None otherwise."""
        if not _VIEW_VERB.search(question):
            return None
        people = [p for f in self.facts() for p in f.people]
        words = {w.lower() for w in re.findall(r"[A-Za-z][\w-]*", question)}
        if any(p.name.split()[-1].lower() in words for p in people):
            return None  # a person named: theirs is the view asked for
        for match in _ROLE_AT_ORGANISATION.finditer(question):
            organisation = next(g for g in match.groups() if g)
            org_words = {w.lower() for w in organisation.split()}
            if org_words & _NOT_ORGANISATIONS or any(
                p.organisation and _names_organisation(org_words, p.organisation) for p in people
            ):
                continue
            # A statement the articles attribute to the organisation itself ("Pfizer said...") answers it.
            attributed = any(
                org_words & {w.lower() for w in re.findall(r"[A-Za-z][\w-]*", s.text)} and _SPEECH.search(s.text)
                for s in answer.sentences
            )
            if not attributed:
                return organisation
        return None

    def _answer_from_facts(self, question: str) -> Answer | None:
        """Superlatives, lists, sums and "who said" questions, answered from extracted facts."""
        from .fact_questions import may_answer_from_facts

        if not may_answer_from_facts(question):
            return None
        from .fact_answers import answer_from_facts

        facts = self.facts()
        store = self._get_retriever().store
        return answer_from_facts(question, facts, _LazyDocuments(store, [f.document for f in facts]))


_PRONOUNS = {"he": "{}", "him": "{}", "she": "{}", "his": "{}'s", "her": "{}'s", "hers": "{}'s"}


def name_pronouns(text: str, person: str) -> str:
    """ "Which area does he see staying prominent?" -> "Which area does Smiley see staying prominent?"
    "her" before a stop or at the end is the object, not a possessive: "per her, why...?" -> "per Cui, why...?"."""

    def named(m: re.Match[str]) -> str:
        pronoun = m.group(1).lower()
        if pronoun == "her" and re.match(r"\s*(?:[,.;:?!]|$)", text[m.end() :]):
            return person
        return _PRONOUNS[pronoun].format(person)

    return re.sub(r"\b(he|him|his|she|her|hers)\b", named, text, flags=re.IGNORECASE)


_SUPERLATIVE_Q = re.compile(r"\b(?:biggest|largest|smallest|highest|lowest|most|least|how\s+many)\b", re.I)
_THOSE_DEALS = re.compile(r"\b(?:those|these|the\s+same)\s+(?:[\w-]+\s+){0,2}deals?\b", re.IGNORECASE)
"""Deals the last answer was about."""
_NAMED_DEALS = re.compile(
    # "the deals", but not "the Chinese licensing deals that big pharma signed in 2025" (a class of deals)
    # ("the total value of licensing deals": "the" is the total's).
    r"\b(?:the|these|those|its|their|both)\s+(?:(?!of\b)[\w$.–-]+\s+){0,4}(?:deals?|agreements?|transactions?)\b"
    r"(?!\s+(?:that|which|signed|struck|done|made|inked|agreed)\b)"
    r"|\b(?:name[sd]?|mention(?:s|ed)?|list(?:s|ed)?|cite[sd]?|quoted)\b"
    r"|\b(?:the|this) (?:article|piece|story|corpus|text)\b|\barticles\b"
    r"|\b(?:two|three|four|five|\d)\s+(?:[\w$.–-]+\s+){0,3}(?:deals?|agreements?)\b",
    re.IGNORECASE,
)
"""A total or count of the deals the articles name ("the 2025 deals", "those three deals"), not of a market."""

_THRESHOLD_BEFORE = re.compile(
    r"(?:over|above|more than|at least|exceeding|in excess of|upwards of|under|below)\s*$", re.I
)


def _refused(answer: Answer, note: str, *, nearest_note: bool = True) -> Answer:
    """The answer turned into a refusal that says why; its passages are listed as the nearest, not as sources."""
    from .answer import ABSTAIN_TEXT

    nearest = [c.model_copy(update={"sentence_spans": []}) for c in answer.citations[:3]]
    text = f"{ABSTAIN_TEXT} {note}"
    if nearest_note:
        text += " The nearest passages are listed below; they do not answer it."
    return answer.model_copy(
        update={"answer": text, "abstained": True, "sentences": [], "citations": nearest, "confidence": 0.0}
    )


_WHO_HOLDS_ROLE = re.compile(
    r"^\s*who(?:['’]s|\s+is|\s+was)\s+(?:the\s+)?(?P<role>ceo|coo|cfo|president|chair(?:man|woman)?|founder|"
    r"head|chief\s+executive)\s+(?:of|at)\s+(?P<org>[^?]+?)\s*\??\s*$",
    re.IGNORECASE,
)
"""Asks who holds a role at an organisation."""
_WHO_HOLDS_ROLE_AT = re.compile(
    r"^\s*who(?:['’]s|\s+is|\s+was)\s+(?P<org>(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,3})['’]s?\s+"
    r"(?P<role>ceo|coo|cfo|president|chair(?:man|woman)?|founder|head|chief\s+executive)\b",
    re.IGNORECASE,
)
"""The same, the organisation first: "Who is Zai Lab's CEO, given Smiley is only president?"."""

_ASKS_NAME = re.compile(
    r"^\s*who\b|\bwho\s+(?:is|was)\b(?!\s+\w+ing\b)|\bwho\s+(?:heads|runs|leads)\b|\bname\b"
    r"|^\s*(?:the\s+)?(?:[\w&.’'-]+\s+){1,3}(?:ceo|coo|cfo|president|chair(?:man|woman)?|founder|head)\s*\??\s*$"
    # "Which Jefferies analyst is quoted?", "Which Zai Lab executive does the article cite?"
    r"|^\s*(?:and\s+)?which\s+(?:[\w&.’'-]+\s+){0,3}(?:analyst|executive|exec|banker|ceo|coo|cfo|president|head|"
    r"chief|official|expert|person)\s+(?:is|was|gets|got|does|did)\b[^?]*\b(?:quoted|quote|cited|cite|interviewed|"
    r"interview|named|name|mentioned|mention)\b(?![^?]*\b(?:on|about|regarding|over)\s+\w)",
    re.IGNORECASE,
)
"""The question asks who someone is (their name), not what they think."""


def _organisation_words(organisation: str) -> list[str]:
    from .conversation import _ORGANISATION_SUFFIXES

    # "Zai Labs" is written "Zai Lab" by users: keep "lab"/"labs" (a suffix elsewhere) and both forms.
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w-]+", organisation)]
    kept = [w for w in words if w not in _ORGANISATION_SUFFIXES or w in {"lab", "labs"}]
    return kept + (["lab"] if "labs" in kept else [])


_ASKS_ROLE = re.compile(
    r"\b(?:what|which|whats|what['’]s)\s+(?:[\w’']+\s+){0,4}(?:positions?|roles?|titles?|jobs?)\b"
    r"|\b(?:what|which)\s+(?:functions?|posts?|offices?)\s+(?:does|did|do)\s+[^?]*\b(?:occupy|hold|have)\b"
    r"|(?:[’']s|s)\s+(?:(?:official|actual|exact|full|current|real|job)\s+)?(?:positions?|roles?|titles?|job)\b"
    r"|\bwhat\s+does\s+\w+(?:\s+\w+)?\s+do\b|(?::|\s[—–-])\s*(?:positions?|roles?|titles?|jobs?)\b"
    r"|^\s*(?:[\w.’'-]+\s+){1,3}(?:positions?|roles?|titles?|job)\s*\??\s*$"  # "josh smiley title"
    r"|\b(?:his|her)\s+(?:actual\s+|real\s+|exact\s+|official\s+|job\s+)?(?:title|role|position|job)\b"
    r"|['’]s\s+gig\b|\b(?:his|her|their)\s+gig\b",  # "What's Josh Smiley's gig at Zai Lab?"
    re.IGNORECASE,
)
"""The question asks what someone's job is ("Josh Smiley: title / shop?")."""
_EXPECTS = re.compile(
    r"\b(?:expects?|expected|expecting|predicts?|predicted|forecasts?|anticipates?|anticipated)\b", re.IGNORECASE
)
"""A person's expectation, which is their view whatever deals it is about."""
_STANCE = re.compile(r"\b(?:positions?|stance)\s+(?:on|about|regarding|towards?|re)\b", re.IGNORECASE)
"""A position on something is a view: "What is Dajun Yang's position on the BIOSECURE Act?"."""

_SECOND_PART = re.compile(
    r",?\s+(?:and|or|but)\s+(?=(?:what|which|how|why|who|when|where|is|are|was|were|does|do|did|has|have|will)\b)"
    r"|\s+[—–]\s+|\s+-\s+(?=\w)|\s+\+\s+|(?<=\?)\s+(?=\w)",
    re.IGNORECASE,
)


def _names_everything_asked(question: str, answer: Answer) -> bool:
    """Does the passage the answer leads with name every name the question does? "Which Chinese companies
    are named in the BIOSECURE Act?" is not answered by a passage about GSK and AbbVie deals."""
    from .answer import _PLACES
    from .question import analyse

    if not answer.sentences or not answer.citations:
        return False
    lead = answer.sentences[0].citations[0] if answer.sentences[0].citations else answer.citations[0].id
    passage = next((c.text for c in answer.citations if c.id == lead), "").lower()
    names = [e for e in analyse(question).entities if e not in _PLACES and not any(ch.isdigit() for ch in e)]
    return all(e in passage for e in names)


def _names_deals_in_areas(question: str, answer: Answer) -> bool:
    """ "Which onc deals also had an immune disease piece?": with no such deal in the deals table (none
    states a value), a leading sentence naming deals in every area asked answers it."""
    from .fact_questions import _DEAL_WORDS
    from .question import areas_named, company_names

    asked = areas_named(question)
    if not asked or not answer.sentences or not _DEAL_WORDS.search(question):
        return False
    lead = answer.sentences[0].text
    return (
        bool(_DEAL_WORDS.search(lead))
        and asked <= areas_named(lead)
        and bool(company_names(lead))  # the deals by who signed them, not "an uptick in cardiometabolic deals"
        and _names_everything_asked(question, answer)
    )


def _first_part(question: str) -> str | None:
    """The first of two questions asked as one ("What does Cui expect, and what backlash might follow?"),
    when it has words enough to stand alone."""
    parts = _SECOND_PART.split(question, maxsplit=1)
    if len(parts) < 2:
        return None
    first = parts[0].strip(" ,;:")
    if re.match(r"^\s*(?:and\s+|so\s+)?(?:what|how)\s+about\b", first, re.IGNORECASE):
        return None  # "What about the Zai Lab executive — what's his take on it?": the first part only points
    if _ALTERNATIVES.match(parts[1]) or _GUESS.match(parts[1]):
        # "What payloads do they use — topoisomerase inhibitors or tubulin binders?": the choices are part of
        # the question, not a second one.
        return None
    # "az/cspc $5.3bn deal - what therapy area is it for?": a topic, then the question about it; the topic
    # alone asks nothing. A first part stands alone when it is a question itself.
    from .question import _QUESTION_OPENERS

    if re.match(r"^\s*(?:you|i|we)\s", first, re.IGNORECASE) and not first.endswith("?"):
        return None  # "You cite GlobalData on how much US sales will fall — ...?": what the asker read, not asked
    opener = re.sub(r"^(?:and|so)\s+", "", first.lower()).split()[:1]
    if not (first.endswith("?") or _WH_WORD.search(first) or (opener and opener[0] in _QUESTION_OPENERS)):
        return None
    return first.rstrip("?") + "?" if len(first.split()) >= 3 else None


def _second_question(question: str) -> str | None:
    """The second of two questions typed one after the other, each with its question mark, when it stands
    alone ("What did he say?" leans on the first, which decides)."""
    parts = [p.strip() for p in re.split(r"(?<=\?)\s+(?=\w)", question.strip()) if p.strip()]
    if len(parts) != 2 or not parts[1].endswith("?") or len(parts[1].split()) < 3:
        return None
    leans = re.search(r"\b(?:he|she|it|they|them|his|her|its|their|that|this|these|those)\b", parts[1], re.I)
    # "AZ pay CSPC how much upfront? Is there a breakdown?": everyday words only, it asks more of the first.
    from .question import _QUESTION_OPENERS, specificity
    from .retrieval import STOPWORDS

    words = [w for w in re.findall(r"[A-Za-z][\w-]*", parts[1]) if w.lower() not in STOPWORDS]
    own_topic = any(specificity(w) >= 0.5 or (w[0].isupper() and w.lower() not in _QUESTION_OPENERS) for w in words)
    return None if leans or not own_topic else parts[1]


_ALTERNATIVES = re.compile(
    r"^\s*(?!(?:what|which|how|why|who|when|where|and|is|are|does|do)\b)[^?]{1,60}\s+or\s+[^?]{1,60}\?\s*$", re.I
)
"""The rest of a question is its choices: "— ADC or bispecific?"."""
_GUESS = re.compile(
    r"^\s*(?!(?:what|which|how|why|who|when|where|and|or|so|is|are|was|were|does|do|did|any|anything)\b)"
    r"[\w’'/%$€£.,-]+(?:\s+[\w’'/%$€£.,-]+){0,2}\s*\?\s*$",
    re.IGNORECASE,
)
"""The rest of a question is the asker's guess at the answer: "What payload does it carry — topo-I inhibitor?"."""
_WH_WORD = re.compile(r"\b(?:what|which|how|why|who|whom|whose|when|where)\b", re.IGNORECASE)


_WHO_SAID_THAT = re.compile(
    r"^\s*(?:(?:and|so|ok|okay|but|sorry|wait)\b[\s,]*)*(?:who|which\s+(?:one|of\s+them|expert|analyst|person))\s+"
    r"(?:said|says|made|makes|is\s+saying|was\s+saying|thinks|believes|argued|argues|claimed|claims|was\s+that)"
    r"(?:\s+(?:that|this|it))?(?:\s+(?:point|one|claim|bit|part|quote|line))?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
"""Asks who said what the last answer led with ("who said that?")."""
_PAYMENT_PART = re.compile(r"\b(?:upfront|up-front|milestones?|royalt(?:y|ies))\b", re.IGNORECASE)

_ASKS_WHY_OR_HOW = re.compile(r"^\s*(?:[^,?]*,\s*)?(?:and\s+|so\s+)?(?:why|how)\b", re.I)
"""Asks why companies need partners ("Per the Jefferies analyst, why would US partners..."), not for a party
("Which company was Pfizer's partner?")."""

_PARTNER_Q = re.compile(
    # "With which Chinese company did Pfizer sign...?" (not "revert with what he said")
    r"\b(?:with|from)\s+(?:which|what)\s+(?:[\w-]+\s+){0,2}(?:company|companies|firm|firms|biotech|biotechs|"
    r"drugmaker|drugmakers|pharma|house|party)\b|\b(?:with|from)\s+whom\b"
    r"|\b(?:partners?|partnered\s+(?:on|in|for|with)|licensor|licensee|counterparty|counterparts?|"
    r"licen[cs]e[ds]?\s+(?:\w+\s+){0,5}(?:from|to)|in-licen[cs]\w*|(?:bought|acquired)\s+by)\b"
    r"|\b(?:deal|agreement|pact|tie-up|partnership)\s+with\s*\?*\s*$"
    # "Which Chinese company was on the other side of Pfizer's deal?"
    r"|\bon\s+the\s+other\s+side\s+of\b"
    # "Which Chinese biotech did Pfizer buy its cancer medicine from?": the preposition at the end
    r"|^\s*(?:and\s+)?(?:which|what)\s+(?:[\w-]+\s+){0,2}(?:company|firm|biotech|drugmaker|pharma|house|party)\b"
    r"[^?]*\b(?:from|with)\s*\?*\s*$"
    r"|\b(?:on\s+the\s+)?other\s+side\s+of\s+(?:the\s+)?(?:table|deal|trade)\b",  # "on the other side of the table"
    re.IGNORECASE,
)
"""Questions asking who was on the other side of a company's deal."""
_PARTNERING_IN_GENERAL = re.compile(
    r"\b(?:should|would|will|could|or)\s+(?:[\w-]+\s+){0,3}partner\b|\bto\s+partner\b"
    r"|\bpartner(?:ing|s)?\s+with\s+(?:an?\s+|the\s+)?(?:mncs?|multinationals?|big\s+pharma|large\s+pharma|western)"
    # "the reason ... for Chinese companies to keep depending on partners rather than going alone"
    r"|\b(?:depend\w*|rel(?:y|ies|ying|iant)|need\w*)\s+(?:on\s+)?partners?\b|\bpartners?\s+rather\s+than\b|\breasons?\b",
    re.IGNORECASE,
)
"""Partnering as a strategy ("should Chinese companies partner with a multinational or go it alone?"), not a
question about a deal's other side."""

_ATTRIBUTION = re.compile(
    r"\b(?:according to|per|in \w+(?:[’']s)? (?:view|opinion|eyes|(?:own )?words))\b"
    r"|[’']s (?:view|take|opinion|pick|choice|verdict|stance|outlook)\b"
    r"|[’']s (?:exact |own |actual )?(?:words|quotes?|comments?|remarks)\b"
    # "Smiley: what constraint keeps...?", "Yang (Ascentage): ...": the topic is a person, when one is named so.
    r"|^\s*[A-Z][\w’'-]+(?:\s+\([^()]{1,40}\))?\s*:\s"
    # "Which classes does Dr Yang single out...?": what the person names is their view.
    r"|\b(?:does|did|do)\s+(?:[\w.’'-]+\s+){1,3}(?:single\s+out|point\s+to|cite)\b",
    re.I,
)
"""Phrases that attribute a view: "according to Smiley", "per Cui", "in Yang's view", "Cui's take", "the
Ascentage CEO's exact words", "Smiley: ..."."""

_FULL_NAME = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+")
"""Two capitalised words in a row: maybe a person named in full (checked against the people table)."""

STATED_TOTAL_CONFIDENCE = 0.85
"""A passage answer this confident, leading with an amount from another sentence than the deals summed,
beats the sum of the deals the articles name."""


def _one_deals_value(question: str) -> bool:
    """ "The total headline value on Novartis's deal with Argo": one deal's value, not a market's total."""
    from .fact_questions import _VALUE_OF_A_DEAL
    from .question import company_names

    if not company_names(question):
        return False
    # "Novartis concluded quite a large agreement with a Chinese company. Could you confirm ... the total
    # value?": one deal, named by its party, whatever words ask its value.
    one_deal = re.search(
        r"\b(?:an?|the|its|that|this)\s+(?:[\w-]+\s+){0,3}(?:deal|agreement|pact|tie-up)\b", question, re.I
    )
    many = re.search(r"\b(?:deals|agreements|pacts|transactions)\b", question, re.IGNORECASE)
    # "Novartis deal with Argo, total value how much?", "Novartis–Argo: headline value?": the two parties of
    # one deal, named together.
    pair = re.search(r"\b[A-Z][\w&.-]*\s*(?:[–/]|\s(?:deal|agreement|pact|tie-up)\s+with\s)\s*[A-Z]", question)
    return bool(_VALUE_OF_A_DEAL.search(question)) or bool((one_deal or pair) and not many)


def _stated_total_wins(question: str) -> bool:
    from .fact_questions import _SUM

    return bool(_SUM.search(question))


_ORG_NAME = r"((?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,2})"
_ROLE_NOUN = (
    r"(?:ceo|coo|cfo|president|chair(?:man|woman)?|founder|boss|chief(?:\s+executive)?|execs?|executives?|"
    r"management|leadership|spokes(?:person|man|woman)|officials?|representatives?|leaders?|"
    r"head(?:\s+of\s+(?:bd|r&d|business\s+development|research|oncology))?)"
)
_ROLE_AT_ORGANISATION = re.compile(
    rf"\b(?:the|a|an|any|its)\s+(?:[\w-]+\s+)?{_ROLE_NOUN}\s+(?:of|at|from)\s+{_ORG_NAME}"
    rf"|{_ORG_NAME}['’]s\s+(?:[\w-]+\s+)?{_ROLE_NOUN}\b"
    rf"|\b(?:a|an|the)\s+{_ORG_NAME}\s+{_ROLE_NOUN}\b"
    rf"|\b(?:did|does|do|has|have|had|is|was|are|were)\s+{_ORG_NAME}\s+{_ROLE_NOUN}\b"
    rf"|\b(?:any\s?one|any\s?body|some\s?one|some\s?body|people|no\s?one|nobody)\s+(?:from|at)\s+{_ORG_NAME}",
    re.IGNORECASE,
)
"""Someone at an organisation, by role: "the head of AstraZeneca", "Merck's head of BD", "a Pfizer exec",
"anybody from Novartis", "What did AstraZeneca management say…?"."""
_VIEW_VERB = re.compile(
    r"\b(?:say|said|says|saying|think|thinks|thought|believes?|expects?|comments?|commented|quoted?|views?|"
    r"opinion|take|predicts?|feels?|make\s+of|argues?|warns?|stance|position|words)\b",
    re.IGNORECASE,
)
_NOT_ORGANISATIONS = frozenset(
    "china chinese us u.s. usa american america western west european europe eu asian asia japanese japan korean "
    "big global the what which who how".split()
)
"""Capitalised words that are no organisation: "a Chinese executive", "the head of China's regulator"."""
_SPEECH = re.compile(r"\b(?:said|says|told|stated|according\s+to|commented|believes|expects|noted)\b", re.I)

_ORGANISATION_VIEW = re.compile(
    r"\b(?i:does|do|did|would|will)\s+(?P<org>(?:[A-Z][\w&.-]*\s+){1,3})"
    r"(?i:think|expect|say|see|believe|predict|view|make\s+of|feel|forecast)\b"
)
"""An organisation asked for its view: "How does Zai Lab expect BIOSECURE to affect its business?"."""


def _names_organisation(words: set[str], organisation: str) -> bool:
    """Do the question's words name this organisation (its first distinctive word, allowing a slip:
    "Jefferies" for the article's "Jeffries")?"""
    from .conversation import _ORGANISATION_SUFFIXES, _same_word

    distinctive = [w.lower() for w in re.findall(r"[A-Za-z][\w-]+", organisation) if len(w) >= 3]
    distinctive = [w for w in distinctive if w not in _ORGANISATION_SUFFIXES]
    return bool(distinctive) and any(_same_word(distinctive[0], w) for w in words)


def _not_a_market_total(facts: Answer) -> Answer:
    note = (
        "The articles state no such total or count; the deals they name are listed below "
        '(ask about "the deals named" to add them up).'
    )
    return _refused(facts, note, nearest_note=False)


def _states_total(passage: Answer, facts: Answer | None) -> bool:
    """Does the passage answer state an amount (not a threshold: "worth over $500m") that the facts answer
    does not already add up?"""
    from .question import MONEY

    if passage.abstained or not passage.sentences:
        return False
    lead = passage.sentences[0].text
    if not any(not _THRESHOLD_BEFORE.search(lead[: m.start()]) for m in MONEY.finditer(lead)):
        return False
    if facts is None or facts.abstained:
        return True
    summed = any(lead in c.text for c in facts.citations)
    return not summed and passage.confidence >= STATED_TOTAL_CONFIDENCE


def _states_count(passage: Answer) -> bool:
    """Does the passage answer lead with a count of its own ("20 transactions worth over $500m taking place in
    2023"), stated confidently enough to beat counting the deals the articles happen to name?"""
    from .question import satisfies

    if passage.abstained or not passage.sentences:
        return False
    return satisfies("count", passage.sentences[0].text) and passage.confidence >= STATED_TOTAL_CONFIDENCE


_PERSON_WORD = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|their|who|whom)\b", re.IGNORECASE)


def _without_other_people(
    question: str, query: str, people: list[tuple[str, str | None, str | None, tuple[str, ...]]]
) -> str:
    """ "ok what about smiley", "And Cui, how does she see it?" after a thread on Yang and BIOSECURE: the
    topic borrowed from the thread, without the thread's other people, whose sentences would otherwise
    match the borrowed words best. Only for a follow-up that names one person and, besides, nothing or
    their view of "it", or for one that names nobody and points back with "it"."""
    from .conversation import ROLE_WORDS, VIEW_OF_IT
    from .question import specificity
    from .retrieval import query_terms

    own = {w.lower() for w in re.findall(r"[A-Za-z][\w-]*", question)}
    asked = [p for p in people if p[0].split()[-1].lower() in own or p[0].lower() in question.lower()]
    if not asked and re.search(r"\bit\b", question, re.IGNORECASE) and not _PERSON_WORD.search(question):
        names: set[str] = set()  # "remind me when the House passed it": "it" is no person of the thread
    elif len({p[0] for p in asked}) == 1:
        names = {w.lower() for w in asked[0][0].split()}
        terms = set(query_terms(question))
        if not (terms <= names or (VIEW_OF_IT.search(question) and len(terms - names) <= 3)):
            return query
    else:
        return query
    others = {w.lower() for p in people for w in p[0].split()}
    # "Does the Jefferies analyst see it the same way?" after a thread on the Ascentage Pharma CEO: the other
    # people's firms and titles are theirs too, not the topic.
    for _name, role, organisation, _aliases in people:
        if organisation and any(specificity(w.lower()) >= 0.6 for w in organisation.split()):
            others |= {w.lower() for w in organisation.split()}
        others |= {w.lower() for w in (role or "").split() if ROLE_WORDS.fullmatch(w)}
    mine = [p for p in people if {w.lower() for w in p[0].split()} == names]
    others -= names | {w.lower() for p in mine for w in f"{p[1] or ''} {p[2] or ''}".split()}
    cut = query.rindex("(")
    kept = [w for w in query[cut + 1 :].rstrip(")").split() if w.lower().strip(".,;:") not in others]
    return f"{query[:cut]}({' '.join(kept)})" if kept else query[:cut].rstrip()
