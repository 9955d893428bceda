"""Distinct victims of one article: a document-level pass over the casualty figures of its sentences.

Local news tells a shooting victim by victim and sentence by sentence: "A 23-year-old man was shot Friday ...
He was taken to hospital, where he died." Read sentence by sentence that is 1 injured and 1 killed; it is one
person, killed. This pass links the mentions of single victims (described "a 23-year-old man", named
"Ann Vell, 34", "one", pronouns and definite descriptions "he", "the victim") into victims with simple
coreference, gives each victim the worst outcome stated (killed > injured), and counts:

- a pronoun or definite description ("he", "the victim", "the 19-year-old") is the latest victim it fits
  (sex, age); told killed after one victim died and another was wounded, it is the dead retold; a name is the
  victim of the same surname, else the first unnamed victim it fits;
- an indefinite description ("a man") in a later sentence is the latest victim it fits (headline, lead and
  body retell one victim), unless marked as new ("another", "a second", "the other"); in the same sentence it is
  a new victim, unless it stands in apposition ("The victim, a 22-year-old man, ...");
- "another" is a new victim ("one man was killed, another was injured"), except as the object of the agent's
  verb ("he shot and killed another man": other than the agent); a victim told by a role after a possessive
  ("shot his sister") takes the sex of the role, not of the possessive; a role before a full name ("police
  officer Ivo Lask") leaves the name;
- counts of several people ("three people were shot") are restatements: each measure takes its largest count;
  a list of groups said with one verb is one count, the sum of its parts ("two shoppers and a cashier were
  injured": 3), unless its first part is the whole retold ("three people, two women and a man, ...");
- where the article speaks of a death ("homicide", "fatal shooting") but gives no death figure, its one victim
  told as shot is the dead;
- killed = the larger of the counted and the linked victims; injured = the larger of the injured counted, the
  victims whose worst outcome is an injury, and the people shot less the killed.

Figures told of another incident or of a tally (incidents.py) are left out.

The result is given as article-level figures with term "victims" (killed and injured-not-killed), spanning the
victims' first mentions, where single victims are mentioned more than once; elsewhere the sentence figures say it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from sitrep.annotate.figures import names
from sitrep.annotate.figures.items import FoundFigure

_CASUALTY = {"killed": "killed", "injured": "injured", "hospitalized": "injured"}
_MALE = {"man", "men", "boy", "he", "him", "his", "male", "father", "son", "husband", "brother", "guy", "gentleman",
         "policeman", "grandfather", "uncle", "nephew"}
_FEMALE = {"woman", "women", "girl", "she", "her", "female", "mother", "daughter", "wife", "sister", "lady",
           "grandmother", "aunt", "niece", "girlfriend"}
_CHILD = {"boy", "girl", "child", "toddler", "baby", "infant", "kid"}
_ADULT = {"man", "woman", "men", "women"}
_AGE = re.compile(r"(\d{1,3})[-\s]years?[-\s]old|,\s*(?:a\s+|aged\s+)?(\d{1,3})\b", re.IGNORECASE)
_DEFINITE = re.compile(r"^(?:he|she|him|her|the|this|that)\b", re.IGNORECASE)
_NEW = re.compile(r"(?:\banother|\bsecond|\bthird|\bfourth|\bother|\bsecond\s+\w+)\b", re.IGNORECASE)
# "he shot and killed another man": the object of the agent's verb is other than the agent, not a new victim
_AGENT_VERB = re.compile(r"\b(?:shot|shoots|shooting|killed|kills|killing|wounded|wounding|murdered|stabbed)\s+$",
                         re.IGNORECASE)
# a role before a full name: "police officer Ivo Lask" (not "a 16-year-old Latino")
_ROLE_BEFORE_NAME = re.compile(r"^(?!(?:a|an|the|one)\s)(?:(?-i:[a-z])[\w-]*\s+){1,3}(?=(?-i:[A-Z])\w+\s+(?-i:[A-Z]))")
_POSSESSIVE = re.compile(r"^(?:his|her|their)\s+(?=\S)", re.IGNORECASE)
_NAME = re.compile(r"^(?:(?-i:[A-Z])[\w'’.-]+\s+){0,3}(?-i:[A-Z])[a-z][\w'’-]*$")
_NOT_NAME_START = {"a", "an", "one", "the", "man", "woman", "boy", "girl", "person", "victim", "teen", "suspect"}
_WHOLE = {"people", "persons", "victims", "individuals", "others"}  # a noun that may retell the list after it
_LIST_LINK = re.compile(r"\s*(?:,|,?\s*and)\s+")
_COORDINATED = re.compile(r"\b(?-i:and|or|while|but|then)\b|;|\d")
# where a headline glued to the text ends: "Man shot in Veloria | Veloria NewsA man was ...", "... — A man",
# "... ‘distraught’Police say" (a closing quote before the glue)
_HEADLINE_END = re.compile(r"[|«»]|>>|\s[–—-]\s|(?-i:[a-z][’'\"”)]?[A-Z])")
_RANK = {"killed": 3, "injured": 2, "shot": 1}
# the article calls the shooting deadly without a death figure: "a homicide after a victim was shot", "his body
# was found" (not "the right side of his body"), "a deadly Christmas Day shooting"; not an attempt ("attempted
# homicide" is a charge for a victim who lived)
_DEATH = re.compile(r"(?<!non-)(?<!non)\b(?:(?<!attempted\s)homicides?|fatal(?:ly)?|"
                    r"deadly\s+(?:[A-Z][\w'-]*\s+){0,3}shooting|"
                    r"(?<!attempted\s)murder(?:ed)?|"
                    r"shooting\s+death|slaying|slain|(?:his|her|a|the)\s+body\s+(?:was|had\s+been|has\s+been)|"
                    r"death\s+investigation)\b",
                    re.IGNORECASE)


@dataclass
class _Mention:
    item: FoundFigure
    outcome: str  # killed | injured | shot (outcome not stated)
    kind: str  # definite | named | indefinite | new
    surname: str | None
    age: int | None
    sex: str | None
    child: bool | None


@dataclass
class Victim:
    """One person: the mentions that tell of them and the worst outcome stated."""

    mentions: list[_Mention] = field(default_factory=list)
    outcome: str = "shot"
    surname: str | None = None
    age: int | None = None
    sex: str | None = None
    child: bool | None = None

    def fits(self, m: _Mention) -> bool:
        return ((self.sex is None or m.sex is None or self.sex == m.sex)
                and (self.age is None or m.age is None or self.age == m.age)
                and (self.child is None or m.child is None or self.child == m.child)
                and (self.surname is None or m.surname is None or self.surname == m.surname))

    def add(self, m: _Mention) -> None:
        self.mentions.append(m)
        if _RANK[m.outcome] > _RANK[self.outcome]:
            self.outcome = m.outcome
        self.surname = self.surname or m.surname
        self.age = self.age if self.age is not None else m.age
        self.sex = self.sex or m.sex
        self.child = self.child if self.child is not None else m.child


def _outcome(item: FoundFigure) -> str | None:
    measure = _CASUALTY.get(item.figure.measure)
    if measure is None or item.term == "victims" or not item.main_incident:
        return None
    return "shot" if item.term == "shot" and measure == "injured" else measure


def is_single(item: FoundFigure) -> bool:
    """A mention of one victim: a described victim, or a bare "one" / "1" with no hedge."""
    f = item.figure
    return item.described or (f.low == f.high == 1 and not f.approximate and item.term != "sub")


def _mention(item: FoundFigure, outcome: str, text: str) -> _Mention:
    words = item.figure.count_text
    # "his 9-year-old sister": the possessive tells the agent's sex, not the victim's
    role = _POSSESSIVE.sub("", words + " " + item.figure.group_text)
    lower = set(re.findall(r"[a-z]+", role.lower()))
    sex = "m" if lower & _MALE else "f" if lower & _FEMALE else None
    child = True if lower & _CHILD else False if lower & _ADULT else None
    age_match = _AGE.search(words)
    age = int(age_match.group(1) or age_match.group(2)) if age_match else None
    bare = _AGE.sub("", words).strip(" ,")
    bare = re.sub(r"^\d{1,3}[-\s]years?[-\s]old\s+", "", bare)
    bare = _ROLE_BEFORE_NAME.sub("", bare)  # "police officer Ivo Lask" is named Lask
    surname = None
    if item.described and " " in bare and _NAME.match(bare) and bare.split()[0].lower() not in _NOT_NAME_START:
        surname = bare.split()[-1].lower()
    elif item.described and bare in names.surnames(text):  # "Vell was pronounced dead": introduced earlier
        surname = bare.lower()
    before = text[max(0, item.figure.start - 12) : item.figure.start]
    if surname:
        kind = "named"
    elif (_NEW.search(words) or _NEW.search(before)) and not _AGENT_VERB.search(before):
        kind = "new"
    elif _DEFINITE.match(words):
        kind = "definite"
    else:
        kind = "indefinite"
    return _Mention(item, outcome, kind, surname, age, sex, child)


def link(found: list[FoundFigure], text: str) -> list[Victim]:
    """The distinct single victims of an article, in order of first mention."""
    victims: list[Victim] = []
    previous: _Mention | None = None
    for item in sorted(found, key=lambda i: i.figure.start):
        outcome = _outcome(item)
        if outcome is None or not is_single(item):
            continue
        m = _mention(item, outcome, text)
        target = _resolve(m, victims, previous, text)
        if target is None:
            target = Victim()
            victims.append(target)
        target.add(m)
        previous = m
    return victims


def _resolve(m: _Mention, victims: list[Victim], previous: _Mention | None, text: str) -> Victim | None:
    fitting = [v for v in victims if v.fits(m)]
    if not fitting:
        return None
    sentence = m.item.figure.sentence_start
    if previous is not None and previous.item.figure.sentence_start == sentence and m.kind != "new":
        gap = text[previous.item.figure.end : m.item.figure.start + 1]
        owner = next(v for v in victims if previous in v.mentions)
        if owner.fits(m) and (_HEADLINE_END.search(gap) or (len(gap) <= 60 and not _COORDINATED.search(gap))):
            return owner  # the headline retold, or apposition: "The victim, a 22-year-old man, ..."
    if m.kind == "definite":
        if m.item.figure.measure == "injured" and m.outcome == "injured" and fitting[-1].outcome == "killed":
            return None  # "... Chambers died. He was wounded in the thigh": told dead, then wounded is another
        dead = [v for v in fitting if v.outcome == "killed"]
        if m.outcome == "killed" and fitting[-1].outcome == "injured" and dead:
            return dead[-1]  # "one died and a second was injured ... where the victim was killed": the dead retold
        return fitting[-1]
    if m.kind == "named":
        same = [v for v in fitting if v.surname == m.surname]
        unnamed = [v for v in fitting if v.surname is None]
        pool = same or unnamed
        return pool[0] if pool else None
    if m.kind == "indefinite":
        earlier = [v for v in fitting if all(x.item.figure.sentence_start != sentence for x in v.mentions)]
        return earlier[-1] if earlier else None
    return None


def count(found: list[FoundFigure], text: str) -> tuple[int, int, list[Victim]]:
    """(killed, injured-not-killed, single victims) of the one incident an article tells."""
    largest: dict[str, int] = {}
    first_seen: dict[str, int] = {}  # where the sentence of each measure's first count ends
    for outcome, low, sentence_end in _counts(found, text):
        largest[outcome] = max(largest.get(outcome, 0), low)
        first_seen.setdefault(outcome, sentence_end)
    victims = link(found, text)
    shot = [v for v in victims if v.outcome == "shot"]
    if len(shot) == 1 and not any(_outcome(i) == "killed" for i in found) and _DEATH.search(text):
        shot[0].outcome = "killed"  # the one victim told as shot is the dead of a "homicide", "fatal shooting"
    killed_n, injured_n, shot_n = (largest.get(k, 0) for k in ("killed", "injured", "shot"))
    killed_v = sum(v.outcome == "killed" for v in victims)
    injured_v = sum(v.outcome == "injured" for v in victims)
    shot_v = sum(v.outcome == "shot" for v in victims)
    killed = max(killed_n, killed_v)
    deaths_told = [first_seen.get("killed", len(text))] + [m.item.figure.start for v in victims for m in v.mentions
                                                           if m.outcome == "killed"]
    if injured_n and killed and first_seen["injured"] < min(deaths_told):
        # "Two people were wounded ... three died", "Two men were hospitalized. A 20-year-old man died": the
        # wounded told in an earlier sentence include those who died later
        injured_n = max(0, injured_n - killed)
    shot_v = max(0, shot_v - max(0, killed_n - killed_v))  # the dead counted as a number may be the shot told
    injured = max(injured_n, injured_v + shot_v, shot_n - killed)
    return killed, injured, victims


def _counts(found: list[FoundFigure], text: str) -> list[tuple[str, int, int]]:
    """(outcome, count, sentence end) of the counts of several people, in order; a list of groups said with one
    verb is one count, the sum of its parts ("Two shoppers and a cashier were injured": 3), unless its first part
    is the whole retold ("Three people, two women and a man, were shot": 3)."""
    lists: list[list[FoundFigure]] = []
    for item in sorted(found, key=lambda i: i.figure.start):
        if _outcome(item) is None or item.term == "sub":
            continue
        last = lists[-1][-1] if lists else None
        if last is not None and _outcome(last) == _outcome(item) and _listed(last, item, text):
            lists[-1].append(item)
        else:
            lists.append([item])
    out = []
    for parts in lists:
        if all(is_single(p) for p in parts):
            continue  # single victims are counted by linking them (`link`)
        lows = [p.figure.low for p in parts]
        whole = parts[0].figure.group_text.lower() in _WHOLE and lows[0] == sum(lows[1:])
        total = lows[0] if len(lows) > 2 and whole else sum(lows)
        out.append((str(_outcome(parts[0])), total, parts[0].figure.sentence_end))
    return out


def _listed(before: FoundFigure, after: FoundFigure, text: str) -> bool:
    """The two counts are next to each other in one list of the sentence: only the first's noun and a comma or
    "and" between them ("two shoppers and a cashier"; not "two or three", "125 families (800 people)")."""
    if before.figure.sentence_start != after.figure.sentence_start:
        return False
    gap = text[before.figure.end : after.figure.start]
    noun = before.figure.group_text
    at = -1 if before.described or not noun else gap.find(noun)
    if at >= 0 and len(gap[:at].split()) <= 2:  # "Two young men and ..."
        gap = gap[at + len(noun) :]
    return _LIST_LINK.fullmatch(gap) is not None


def tally_figures(found: list[FoundFigure], text: str) -> list[FoundFigure]:
    """Article-level killed and injured-not-killed figures (term "victims") where single victims are told."""
    killed, injured, victims = count(found, text)
    if sum(len(v.mentions) for v in victims) < 2:
        return []  # one mention of one victim: its sentence figure says it all
    out = []
    for measure, n, outcomes in (("killed", killed, ("killed",)), ("injured", injured, ("injured", "shot"))):
        if n <= 0:
            continue
        told = [v.mentions[0].item.figure for v in victims if v.outcome in outcomes] or [
            v.mentions[0].item.figure for v in victims]
        first = told[0]
        figure = replace(first, measure=measure, group="people", group_text="victims", low=n, high=n,
                         approximate=False, count_text="; ".join(f.count_text for f in told),
                         sentence_end=max(f.sentence_end for f in told))
        out.append(FoundFigure(figure, "victims", False))
    return out
