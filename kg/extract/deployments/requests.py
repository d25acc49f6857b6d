"""Who asked for the troops."""

from __future__ import annotations

import bisect
import re

from kg.extract.deployments.rows import DepDraft
from kg.extract.entities import ORG, PER, Draft, Entities, Mention
from kg.extract.frames import withdrawal_verbs
from kg.extract.lang import LangResources
from kg.extract.text import Kind, Layout, Sentence
from kg.extract.trace import Step
from kg.facts.model import Role


def request_of(
    text: str, lang: LangResources, s: Sentence, ents: Entities, roles: tuple[Role, ...]
) -> tuple[Draft | None, list[tuple[int, int]]]:
    """Who asked for troops, from "atas permintaan X"/"at the request of X" in a sentence."""
    pattern = lang.pattern("request_patterns")
    for m in pattern.finditer(text, s.start, s.end):
        window_end = min(s.end, m.end() + 60)
        titles = [t for t in ents.titles_in(m.end(), window_end) if t.label]
        for ds, de, entry in ents.demonyms_in(m.end(), window_end):
            if len(text[m.end() : ds].split()) <= 1:  # "at the request of the Haitian government"
                return ents.country(entry, ds, de), [(m.start(), de)]
            break
        for mention, draft in ents.mentions_in(m.end(), window_end):
            gap = text[m.end() : mention.start]
            if titles and titles[0].start < mention.start and draft.type is not PER:
                label = titles[0].label
                for r in roles:
                    if r.role == label and r.of == draft.id:
                        person = ents.by_id(r.person)
                        if person is not None:
                            return person, [(m.start(), mention.end)]
            if len(gap.split()) <= 3:
                return draft, [(m.start(), mention.end)]
            break
    return None, []


def asked_to_send(
    text: str,
    asked_to: re.Pattern[str],
    s: Sentence,
    verb: re.Match[str],
    mentions: list[tuple[Mention, Draft]],
    by: Draft | None,
) -> tuple[re.Match[str], Draft | None] | None:
    """A verb of asking right before the sender and its verb of sending ("meminta Malaysia
    ikut mengerahkan", "asked Malaysia to deploy"): the verb, and who asked (the first name
    of the sentence before it), or None."""
    if by is None:
        return None
    for asked in asked_to.finditer(text, max(s.start, verb.start() - 60), verb.start()):
        named = next(
            (m for m, d in mentions if d is by and asked.end() <= m.start < verb.start()), None
        )
        if named is None or len(text[asked.end() : named.start].split()) > 1:
            continue
        if len(text[named.end : verb.start()].split()) > 2:
            continue
        asker = next(
            (
                d
                for m, d in mentions
                if m.end <= asked.start() and d is not by and d.type is not PER
            ),
            None,
        )
        return asked, asker
    return None


def requests_told(lay: Layout, lang: LangResources, ents: Entities, deps: list[DepDraft]) -> None:
    """Requests stated apart from the deployment sentence ("X meminta bantuan dari CSTO")."""
    text = lay.clean
    possessive = lang.pattern("request_possessive")
    verbs = lang.pattern("request_verbs")
    patterns = lang.pattern("request_patterns")
    withdraw = withdrawal_verbs(lang)
    questions = re.compile(rf"\s+(?:{lang.pattern('question_words').pattern})(?!\w)", re.I)
    people_asked = re.compile(
        rf"\s+(?:[\w-]+\s+)?(?:{lang.pattern('crowd_nouns').pattern})(?![\w-])", re.IGNORECASE
    )
    # A deployment is "earlier" than a sentence from the sentence after its last one, or
    # from the first sentence that starts after its first evidence; sentences come in text
    # order, so once earlier it stays earlier: walk the deployments by that sentence.
    starts = [s.start for s in lay.sentences]
    ready = sorted(
        (min(d.sentence + 1, bisect.bisect_right(starts, d.evidence[0][0])), i)
        for i, d in enumerate(deps)
    )
    stated = sorted(a for d in deps for a, _ in d.evidence)
    organizations = {d.id for d in ents.drafts if d.type is ORG}
    next_ready, latest = 0, -1
    for index, s in enumerate(lay.sentences):
        while next_ready < len(ready) and ready[next_ready][0] <= index:
            latest = max(latest, ready[next_ready][1])
            next_ready += 1
        if s.kind is not Kind.STORY or not deps:
            continue
        earlier = deps[latest : latest + 1] if latest >= 0 else []  # the last one only
        m = possessive.search(text, s.start, s.end)
        if m and earlier:
            subject = ents.mentions_in(s.start, m.start())
            if subject and earlier[-1].requested_by is None:
                earlier[-1].requested_by = subject[0][1]
                earlier[-1].why.append(Step("requested-by:at-its-request", *s.span))
            continue
        m = patterns.search(text, s.start, s.end)
        if (
            m
            and earlier
            and earlier[-1].requested_by is None
            and not _any_in(stated, s.start, s.end)
        ):
            after = ents.mentions_in(m.end(), min(s.end, m.end() + 40))
            if after:
                earlier[-1].requested_by = after[0][1]
                earlier[-1].why.append(Step("requested-by:at-the-request-of", *s.span))
            continue
        m = verbs.search(text, s.start, s.end)
        if m is None or withdraw.search(text, m.end(), s.end):
            continue  # "asked India to withdraw its military" asks for no troops
        if questions.match(text, m.end(), s.end):
            continue  # "Miller, asked whether the US could send troops": a question to him
        before = [d for mm, d in ents.mentions_in(s.start, m.start()) if d.type is PER]
        if not before:
            continue
        asker = before[-1]
        if people_asked.match(text, m.end(), s.end):
            # rule the-people-asked-are-no-sender: "Odinga meminta warga Kenya untuk
            # bergabung": the people asked to join a protest, not a state asked for troops
            continue
        targets = {d.id for _, d in ents.mentions_in(m.end(), s.end)}
        for dep in deps:
            if dep.by.id in targets and dep.requested_by is None:
                dep.requested_by = asker
                dep.why.append(Step("requested-by:asked-the-sender", *s.span))
                break
        else:
            if not targets & organizations:
                near = [d for d in deps if abs(d.sentence - index) <= 1 and d.requested_by is None]
                if near:
                    near[0].requested_by = asker
                    near[0].why.append(Step("requested-by:asked-for-help-nearby", *s.span))


def _any_in(positions: list[int], start: int, end: int) -> bool:
    """A position (of a sorted list) in ``start:end``."""
    i = bisect.bisect_left(positions, start)
    return i < len(positions) and positions[i] < end
