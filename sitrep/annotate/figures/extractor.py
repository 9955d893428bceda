"""The figures extractor: sentences -> figures.

A cheap pass keeps only sentences that hold a measure cue and a count phrase. In those, each count phrase is
linked to its victim group (the noun after it) and to its measure cue by position, without a parser:

- an active cue right before the count takes it as object ("killed dozens of protesters", "killing 5");
- otherwise the first cue after the count and before the next count ("12 officers were killed and 317 ...");
- a count with no noun of its own ("more than 300 were injured") needs its verb right after it, and takes the
  group of the count before it; "including 3 children" takes the measure of the figure before it;
- "four teens were shot, one fatally" gives 1 killed and 3 injured;
- a "shot" with a role noun after it has an object ("Woman shot soldier husband"): the count before is its agent;
  a wound told as a noun ("with a gunshot wound") is said of the victim before it anywhere in its clause.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from sitrep.annotate.context import Context
from sitrep.annotate.figures import incidents, names, repair, sources, victims
from sitrep.annotate.figures.items import Count, Cue, FoundFigure, Vocab
from sitrep.annotate.figures.parser import find_counts
from sitrep.models import Figure, Sentence

log = logging.getLogger(__name__)

_OBJECT_FILLER = re.compile(
    r"^\s*(?:(?:his|her|their|its|the|a\s+total\s+of|total|to|of|at|rose|risen|climbed|reached|stands|stood|now|"
    r"another|an\s+additional|some|least|has|had|at\s+least|is|was|jumped|increased|grew|grown)\s+)*$", re.IGNORECASE)
# what a toll is of, between it and its level: "the death toll from the clashes in Dravos (has risen to) 9"
_TOLL_OF = re.compile(
    r"^\s*(?:of|from|in|at|among|since|after)\s+(?:[^,;:.!?\d\"“”()]|\b(?:19|20)\d\d\b){1,60}?"
    r"(?=\s+(?:has|had|have|now|rose|risen|climbed|reached|jumped|increased|grew|stands|stood|is|was)\b)",
    re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|without|n't)\s+(?:\w+\s+)?$", re.IGNORECASE)
# a cue in a clause opened by a condition is hypothetical, not a report: "If four policemen died, show us ..."
_CONDITION = re.compile(r"(?:^|[.,;:!?\"“”(])\s*[\"“]?\s*(?:if|unless|whether|even if|in case)\b[^.,;:!?\"“”()]*$",
                        re.IGNORECASE)
_GROUP_STOP = {
    "were", "was", "are", "is", "have", "has", "had", "been", "in", "at", "on", "from", "by", "with", "to", "for",
    "and", "or", "who", "that", "which", "as", "than", "said", "after", "during", "when", "the",
}
_INHERIT = re.compile(r"\b(?:including|among\s+them|of\s+them|of\s+whom|among\s+whom|among\s+those)\W*$", re.IGNORECASE)
# an insertion between a count and its verb: "About 300 people (including 44 children) were evacuated",
# "2,800 people, including 90 infants, took refuge", "a man, who was later identified as Ann Vell, was shot",
# "a man in his 20s was shot"
_INSERTION = re.compile(r"\s*(?:\([^()]{1,120}\)|,\s*(?:including|among\s+them|of\s+whom|who|whose|identified)\b"
                        r"[^,;()]{1,100},|\s+in\s+(?:his|her|their)\s+(?:early\s+|mid-?\s*|late\s+)?\d0s\b)",
                        re.IGNORECASE)
# a participle clause up to its auxiliary, with no count in it: "a waitress trying to stop the robbery was shot"
_PARTICIPLE = re.compile(r"\s+(?!(?:during|morning|evening|building|nothing|something|anything|everything)\b)"
                         r"(?P<verb>[a-z]{2,}ing)\b[^,;()\d]{0,60}?(?=\s+(?:was|were|is|are|had|has)\s)", re.IGNORECASE)
# "brings to 274,000 the total number of people displaced": the count is the value of the phrase after it
_NUMBER_OF_AFTER = re.compile(r"\s+the\s+(?:total\s+|overall\s+)?number\s+of\s+", re.IGNORECASE)
# "the total number of returnees ... now stands at about 211,000": the count is the value of the phrase before it
_NUMBER_OF_BEFORE = re.compile(
    r"\bnumber\s+of\s+(?P<np>[^;:()]{1,160}?)\s+(?:has\s+|have\s+)?(?:is|are|was|were|stands?|stood|reached|"
    r"rose|risen|climbed|totals?|totalled|increased)(?:\s+(?:now|at|to))*\s*$", re.IGNORECASE)
_CONJOINED = re.compile(r"^\s*(?:and|or|,)\s+(?:the\s+)?(?:members\s+of\s+(?:the\s+)?)?", re.IGNORECASE)
# an object after the verb: the count before it is its agent ("a man killed his ex-wife"), unless the object is
# the place left ("11,000 people evacuated their homes")
_OBJECT_AFTER = re.compile(r"\s+(?:him|her|them|himself|herself|themselves|me|us|it|(?:his|their|its|an?|the)\s+"
                           r"(?!(?:[\w-]+\s+)?(?:homes?|houses?|villages?|areas?|city|town)\b))\b",
                           re.IGNORECASE)
_REFLEXIVE_AFTER = re.compile(r"\s+(?:himself|herself|themselves)\b", re.IGNORECASE)
# up to two capitalised words before a role, none a preposition of a title-case headline ("Shot By Police")
_ROLE_AFTER = re.compile(r"\s+(?:(?!(?:by|in|at|on|near|after|during|while|outside|inside|for|from|with|to|of|as)\b)"
                         r"(?-i:[A-Z])[\w'’.-]*\s+){0,2}", re.IGNORECASE)
_COLLECTIVE = re.compile(r"police\b(?!\s+officer)", re.IGNORECASE)  # "Man shot police say": no object
_WITH_WOUND = re.compile(r"with\s", re.IGNORECASE)
_AT_AFTER = re.compile(r"\s+at\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r";|\s[–—]\s|\(")
# where the people counted are, between them and their verb: "7,000 IDPs in Bimbwi area were forced to flee"
_LOCATIVE = re.compile(r"^\s*(?:in|at|near|from)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}[\w'’-]+(?=\s)", re.IGNORECASE)
# between a hospital and the death there: "taken to a hospital, where they later died"
_WHERE_DIED = re.compile(r"(?i)[^.;:()]{0,40}?,?\s*where\s+(?:they|he|she|both|all)\s+(?:(?:later|all|\w+ly)\s+)*")
_PLACE_TERMS = {"Sheltered", "In Relief Camp"}
_HOUSING_TERMS = {"Destroyed Housing", "Partially Destroyed Housing"}
_OVERRIDES_SHOT = {"killed", "injured", "hospitalized"}
MAX_WINDOW_WORDS = 16
MAX_LISTED = 4  # counts after the first in one list: "two officers, a soldier, a nurse and three civilians"
# between two counts of one list: "125 families (800 people)", "two or three"
_LISTED = re.compile(r"\s*(?:,|and|or|,\s*(?:and|or)|\()\s*")


def _cues(text: str, vocab: Vocab) -> list[Cue]:
    found = []
    for match in vocab.cue_re.finditer(text):
        cue = vocab.cue(match.group(0))
        if cue is not None:
            negated = (_NEGATION.search(text[max(0, match.start() - 20) : match.start()]) is not None
                       or _CONDITION.search(text[: match.start()]) is not None)
            found.append(Cue(cue, match.group(0), match.start(), match.end(), negated))
    return found


def _group_after(text: str, end: int, vocab: Vocab) -> tuple[str, str, int] | None:
    """(group, group_text, end of group text) of the noun a count is of, when within four words after it."""
    window = text[end : end + 90]
    match = vocab.group_re.search(window)
    if not match:
        return None
    between = window[: match.start()]
    words = between.split()
    if len(words) > 4 or re.search(r"[,;:.()]", between) or any(w.lower() in _GROUP_STOP for w in words):
        return None
    head = vocab.group_re.match(window, match.end() + 1) if window[match.end() : match.end() + 1] == " " else None
    if head:  # "Rohingya people", "South Sudanese refugees": the group word before is an adjective
        match = head
    group = vocab.groups[" ".join(match.group(0).lower().split())]
    text_end = match.end()
    conjoined = _CONJOINED.match(window[text_end:])
    if conjoined:
        more = vocab.group_re.match(window, text_end + conjoined.end())
        if more:
            other = vocab.groups[" ".join(more.group(0).lower().split())]
            # "police officers and protesters": one count of two groups is a count of people
            group = group if other == group else "people"
            text_end = more.end()
    return group, window[match.start() : text_end], end + text_end


def _only_aux(between: str, vocab: Vocab) -> bool:
    words = re.findall(r"[\w'-]+", between.lower())  # adverbs too: "were pre-emptively evacuated"
    return (len(words) <= 5 and all(w in vocab.aux or w.endswith("ly") for w in words)
            and not re.search(r"[;:()]", between))


def _after_toll(cue: Cue, filler: str) -> str:
    """The words between a cue and its count, less what a toll is of ("the toll from the clashes rose to 9")."""
    if not cue.text.lower().endswith("toll"):
        return filler
    of = _TOLL_OF.match(filler)
    return filler[of.end() :] if of else filler


class _Sentence:
    """The linking work for one candidate sentence."""

    def __init__(self, sentence: Sentence, counts: list[Count], cues: list[Cue], vocab: Vocab) -> None:
        self.s, self.counts, self.cues, self.vocab = sentence, counts, cues, vocab
        self.text = sentence.text
        self.objects: dict[int, Cue] = {}  # count index -> active cue that takes it as object
        for index, count in enumerate(counts):
            start = count.start - sentence.start
            for cue in cues:
                if (cue.cue.voice in ("active", "both") and cue.end <= start and not cue.negated
                        and _OBJECT_FILLER.match(_after_toll(cue, self.text[cue.end : start]))
                        and not self._compound(cue, count)):
                    self.objects[index] = cue
        self.claimed = {id(cue) for cue in self.objects.values()}

    def _compound(self, cue: Cue, count: Count) -> bool:
        """Not an object: "shot at a man" (missed), "shooting victim Ann Vell" (a noun compound)."""
        filler = self.text[cue.end : count.start - self.s.start]
        if cue.cue.term == "shot" and re.match(r"\s*at\b", filler, re.IGNORECASE):
            return True
        words = count.text.split()
        return count.described and not filler.strip() and words[0].lower() in self.vocab.groups

    def _window_end(self, index: int, start: int | None = None) -> int:
        """Where the words said of count `index` end (looking from `start`, by default the count's end): at the
        next count, the end of the clause or MAX_WINDOW_WORDS words on."""
        start = self.counts[index].end - self.s.start if start is None else start
        later = [c.start - self.s.start for c in self.counts[index + 1 :] if c.start - self.s.start >= start]
        end = later[0] if later else len(self.text)
        clause = _CLAUSE_END.search(self.text, start, end)
        end = clause.start() if clause else end
        words = list(re.finditer(r"\S+", self.text[start:end]))
        return start + words[MAX_WINDOW_WORDS - 1].end() if len(words) > MAX_WINDOW_WORDS else end

    def _passive_here(self, cue: Cue, anchor: int) -> bool:
        """A "both" cue is said of the count before it when an auxiliary precedes it ("were killed") or it follows
        the counted noun directly ("Man shot", "people displaced"), and it has no object ("shot him") other than
        the count itself ("killed himself")."""
        if cue.cue.voice != "both":
            return True
        if _REFLEXIVE_AFTER.match(self.text, cue.end):
            return True  # "Ann Vell shot himself": the agent is the one shot
        if _OBJECT_AFTER.match(self.text, cue.end):
            return False
        before = self.text[anchor : cue.start]
        previous = [w for w in re.findall(r"[\w'-]+", before.lower()) if not w.endswith("ly")]  # "were newly"
        aux = bool(previous) and previous[-1] in self.vocab.aux - {"who", "that", "to"}
        if cue.cue.term == "shot" and not aux and _AT_AFTER.match(self.text, cue.end):
            return False  # "he shot at the car": fired at, not hit ("was shot at his home" is hit)
        role = _ROLE_AFTER.match(self.text, cue.end)
        if not aux and role and self.vocab.group_re.match(self.text, role.end()) and not _COLLECTIVE.match(
                self.text, role.end()):
            return False  # "Woman shot soldier husband", "Ann Vell shot Fort Lane guard Ivo Lask": an object
        if not before.strip() and re.search(r"(?:^|\W)(?:he|she|they)$", self.text[:anchor], re.IGNORECASE):
            return False  # "he shot the attacker": the pronoun is the agent
        if previous and previous[-1] == "to" and cue.cue.measure == "displaced":
            # "forced 2,500 people to evacuate", "were ordered to evacuate": the people counted leave, unless the
            # verb has people of its own as object ("sent to evacuate residents")
            return self.vocab.group_re.match(self.text[cue.end :].lstrip()) is None
        return not previous or aux or not before.strip(" ,")

    def _participle(self, at: int) -> re.Match[str] | None:
        """A participle clause after the counted noun, unless its verb is itself said of the count ("12,500
        people fleeing the fighting are estimated to have arrived": they were forced to flee)."""
        clause = _PARTICIPLE.match(self.text, at)
        return None if clause is None or self.vocab.cue_re.match(self.text, clause.start("verb")) else clause

    def _counts_places(self, index: int, cue: Cue, anchor: int) -> bool:
        """A place where people stay inside the counted noun, with no people named there, counts the places:
        "224 temporary shelters", "nine evacuation centres" (not "3,000 camp residents")."""
        if cue.cue.term not in _PLACE_TERMS:
            return False
        noun = self.text[self.counts[index].end - self.s.start : anchor]
        return not any(self.vocab.groups.get(" ".join(m.group(0).lower().split())) not in (None, "housing")
                       for m in self.vocab.group_re.finditer(noun))

    def _forward(self, index: int, after: int, anchor: int) -> Cue | None:
        """The first cue after the count (from `after`) said of it; cues inside its noun phrase (before
        `anchor`, the end of the group noun: "1,000 arrests of protesters") always are."""
        end = self._window_end(index, after)
        window = [c for c in self.cues if after <= c.start < end and id(c) not in self.claimed
                  and c.cue.voice != "active" and not c.negated]
        pool = [c for c in window if (c.start < anchor and not self._counts_places(index, c, anchor))
                or (c.start >= anchor and self._passive_here(c, anchor))]
        if not pool:
            return None
        first = pool[0]
        if first.start < anchor and first.cue.term == "Displaced":  # "IDPs fled", "displaced families stayed in"
            verb = next((c for c in pool if c.start >= anchor and c.cue.measure == "displaced"
                         and _only_aux(_LOCATIVE.sub("", self.text[anchor : c.start], 1), self.vocab)), None)
            first = verb or first
        if first.cue.measure == "displaced":  # "sheltering in relief camps", "sought refuge in a camp"
            camp = next((c for c in pool if c.start > first.end and c.cue.term == "In Relief Camp"
                         and re.fullmatch(r"\s*(?:in|into|at|to)\b(?:\s+(?!and\b|or\b)[\w'-]+){0,4}\s*",
                                          self.text[first.end : c.start], re.IGNORECASE)), None)
            first = camp or first
        if first.cue.measure == "hospitalized":  # "Both were taken to a hospital, where they died": the dead
            died = next((c for c in window[window.index(first) + 1 :] if c.cue.measure == "killed"
                         and _WHERE_DIED.fullmatch(self.text, first.end, c.start)), None)
            first = replace(died, start=first.start) if died else first
        if first.cue.term == "shot":  # "shot and killed", "Man shot, killed", "was shot ... and died"
            for later in window[window.index(first) + 1 :]:
                if later.cue.measure in _OVERRIDES_SHOT and later.cue.term != "shot" and later.start - first.end < 40:
                    # the outcome is said where "shot" is: "a woman was shot and taken to the hospital" is as
                    # near its count as "was shot"
                    return replace(later, start=first.start)
        return first

    def figures(self) -> list[tuple[Figure, str | None, int]]:
        """(figure, term, count index) for the counts of this sentence that are figures."""
        out: list[tuple[Figure, str | None, int]] = []
        for index, count in enumerate(self.counts):
            found = self._figure(index, count, out)
            if found is not None:
                out.append((found[0], found[1], index))
        return out

    def _figure(self, index: int, count: Count, done: list[tuple[Figure, str | None, int]]
                ) -> tuple[Figure, str | None] | None:
        start, end = count.start - self.s.start, count.end - self.s.start
        group = (count.group, count.group_text or count.text, end) if count.described else None
        lead = end  # from where the words said of the count follow
        number_of = None if count.described else _NUMBER_OF_AFTER.match(self.text, end)
        if number_of:  # "brings to 274,000 the number of people displaced"
            lead = number_of.end()
            group = group or _group_after(self.text, lead, self.vocab) or ("people", count.text, lead)
        group = group or _group_after(self.text, end, self.vocab)
        cue = self.objects.get(index)
        if cue is None:
            anchor = group[2] if group else end
            inserted = _INSERTION.match(self.text, anchor) or self._participle(anchor)
            if inserted:  # "About 300 people (including 44 children) were evacuated"
                lead = anchor = inserted.end()
            forward = self._forward(index, lead, anchor) if inserted else None
            if forward is None:  # "158,316 internally displaced persons (27,919 households)": a cue in the noun
                anchor, lead = (group[2] if group else end), (number_of.end() if number_of else end)
                forward = self._forward(index, end, anchor)
            if forward is not None:
                between = self.text[anchor : forward.start]
                near = _only_aux(self.text[lead : forward.start], self.vocab) or bool(
                    group and _only_aux(between, self.vocab))
                if forward.cue.voice == "noun":  # "1,000 arrests", "38,000 conflict-related displacements"
                    near = len(self.text[lead : forward.start].split()) <= 3
                    forward = forward if near else None
                elif (group is None or count.described) and not near and not (
                        count.described and _WITH_WOUND.match(forward.text)):
                    # a bare number (or "a man") needs its verb right after it; a wound told as a noun is said
                    # of the one before it in the clause ("a second victim was found nearby with a gunshot wound")
                    forward = None
            cue = forward
        elif cue.cue.term == "shot" and count.described:  # "shot the 18-year-old man, who died at the scene"
            later = self._forward(index, end, group[2] if group else end)
            if (later is not None and later.cue.measure == "killed"
                    and _only_aux(self.text[end : later.start], self.vocab)):
                cue = later
        if cue is None:  # "a 22-year-old man and a 16-year-old boy were shot"
            cue = self._coordinated_cue(index, group[2] if group else end)
        if cue is None:
            cue, group = self._number_of_before(start, group)
        measure, term = (cue.cue.measure, cue.cue.term) if cue else (None, None)
        if measure is None and done and _INHERIT.search(self.text[max(0, start - 20) : start]):
            measure, term = done[-1][0].measure, "sub"  # "including 3 children": a sub-count
        if measure is None:
            return None
        if self.vocab.safe_re.search(self.text, end, self._window_end(index)):
            return None
        if group is None:
            if done:
                group = (done[-1][0].group, done[-1][0].group_text, end)
                if group[0] == "housing" and term not in _HOUSING_TERMS:  # "150 houses destroyed, 483 homeless"
                    group = ("people", count.text, end)
            elif cue is not None:
                group = ("people", count.text, end)
        if group is None or group[0] is None:
            return None
        housing = group[0] == "housing"  # homes are destroyed, damaged or evacuated; people are not destroyed
        if (housing and measure != "displaced") or (not housing and term in _HOUSING_TERMS):
            return None
        figure = Figure(measure, group[0], group[1], count.low, count.high, count.approximate, count.text,
                        count.start, count.end, self.s.start, self.s.end)
        return figure, term

    def _coordinated_cue(self, index: int, end: int) -> Cue | None:
        """The cue said of the last of a list of counts that `index` opens (from `end`, where its noun ends):
        "Two officers, a soldier and three civilians were killed", "125 families (800 people) fled"."""
        for following in range(index + 1, min(index + 1 + MAX_LISTED, len(self.counts))):
            if not _LISTED.fullmatch(self.text, end, self.counts[following].start - self.s.start):
                return None
            nxt = self.counts[following]
            nxt_group = _group_after(self.text, nxt.end - self.s.start, self.vocab)
            end = nxt_group[2] if nxt_group and not nxt.described else nxt.end - self.s.start
            cue = self._forward(following, nxt.end - self.s.start, end)
            if cue is not None:
                return cue
        return None

    def _number_of_before(self, start: int, group: tuple[str | None, str, int] | None
                          ) -> tuple[Cue | None, tuple[str | None, str, int] | None]:
        """"The total number of returnees ... now stands at 211,000": the cue and group of the phrase before."""
        match = _NUMBER_OF_BEFORE.search(self.text[:start])
        if not match:
            return None, group
        cue = next((c for c in self.cues if match.start("np") <= c.start < match.end("np") and not c.negated), None)
        if cue is None:
            return None, group
        named = self.vocab.group_re.search(match.group("np"))
        if named:
            return cue, (self.vocab.groups[" ".join(named.group(0).lower().split())], named.group(0), start)
        return cue, group or ("people", match.group("np"), start)


def _subcounts(found: list[tuple[Figure, str | None, int]], counts: list[Count], text: str, base: int
               ) -> list[tuple[Figure, str | None, int]]:
    """"four teens were shot, one fatally": the shot count less its killed sub-counts is the injured count."""
    out: list[tuple[Figure, str | None, int]] = []
    for position, (figure, term, index) in enumerate(found):
        if term == "shot":
            killed = 0
            for later, _, later_index in found[position + 1 :]:
                gap = text[counts[later_index - 1].end - base : counts[later_index].start - base]
                if later.measure == "killed" and later_index == index + 1 and re.search(r"[,;]|\band\b", gap):
                    killed += later.low
            if killed and figure.high is not None:
                if figure.low - killed <= 0:
                    continue
                figure = replace(figure, measure="injured", low=figure.low - killed, high=figure.high - killed)
                term = None
        out.append((figure, term, index))
    return out


def extract_sentences(ctx: Context, vocab: Vocab) -> list[FoundFigure]:
    found: list[FoundFigure] = []
    previous_sources: list[sources.Attribution] = []
    previous_index = -2
    elsewhere: set[int] | None = None  # sentences of other incidents, found once a figure is there
    words = _repair_words(vocab)
    for number, written in enumerate(ctx.sentences):
        repaired = repair.repair(written.text, words)  # "668,000 peoplewere evacuated" read as two words
        sentence = written if repaired is None else replace(written, text=repaired[0])
        if not vocab.cue_re.search(sentence.text):
            continue  # the cheap pass: no measure cue, no figure
        counts = find_counts(sentence.text, sentence.start, vocab, names.surnames(ctx.text))
        if not counts:
            continue
        work = _Sentence(sentence, counts, _cues(sentence.text, vocab), vocab)
        linked = _subcounts(work.figures(), counts, sentence.text, sentence.start)
        if not linked:
            continue
        cited = sources.attributions(sentence.text, vocab)
        carried = None
        if not cited and previous_index == number - 1 and sources.carries(sentence.text, vocab):
            carried = sources.choose(previous_sources, 10**6)
        date = sources.date_of(ctx, written)
        if elsewhere is None:
            elsewhere = incidents.other_incident_sentences(ctx.sentences, ctx.text, ctx.published)
        for figure, term, index in linked:
            position = figure.start - sentence.start
            source = sources.choose(cited, position, sentence.text) if cited else carried
            source = sources.antecedent(ctx, number, source, vocab) if source else None
            if repaired is not None:  # back to the offsets of the text as written
                start = written.start + repaired[1][position]
                end = written.start + repaired[1][figure.end - sentence.start - 1] + 1
                figure = replace(figure, start=start, end=end, count_text=ctx.text[start:end])
            place = sources.place_of(ctx, written, figure.start, vocab)
            found.append(FoundFigure(replace(figure, source_text=source, place_text=place, date=date), term,
                                     counts[index].described, number not in elsewhere))
        if cited:
            previous_sources, previous_index = cited, number
    found = _drop_restatements(found)
    return found + victims.tally_figures(found, ctx.text)


_WORDS: dict[int, repair.Words] = {}


def _repair_words(vocab: Vocab) -> repair.Words:
    """The words the glue repair knows, built once per vocabulary."""
    if id(vocab) not in _WORDS:
        _WORDS[id(vocab)] = repair.words_of(vocab)
    return _WORDS[id(vocab)]


def _drop_restatements(found: list[FoundFigure]) -> list[FoundFigure]:
    """Within one article, an unattributed figure of unspecified people that repeats a figure of a named group
    (same measure and count, e.g. a headline restating the body) is the same figure said less precisely. Not
    within one sentence: "an officer and a citizen were injured" are two people."""
    keep = []
    for item in found:
        f = item.figure
        same = [g.figure for g in found if g is not item and g.figure.measure == f.measure
                and (g.figure.low, g.figure.high) == (f.low, f.high) and g.figure.group not in ("people", f.group)
                and g.figure.sentence_start != f.sentence_start]
        if f.group == "people" and f.source_text is None and same:
            log.debug("dropped restatement %r", f.count_text)
            continue
        keep.append(item)
    return keep
