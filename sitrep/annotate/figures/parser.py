"""Count phrases in a sentence: numbers (digits, words, "2.3 million"), hedges, ranges, vague quantities and
described victims ("an 18-year-old man", "he", "another", a role right after a verb that hurts: "shot his
neighbor"), with the contexts that make a number not a count of people
(dates, times, years, ages, phone numbers, article numbers, money, durations and other units).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.annotate.figures.items import Count, Hedge, Vocab

MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_MONTH_BEFORE = re.compile(rf"{MONTHS}\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^\s*(?:(?:and|-|–|to)\s*\d{{1,2}}\s+)?{MONTHS}", re.IGNORECASE)
_DIGIT_NEIGHBOUR_BEFORE = re.compile(r"[\d)][ \u00a0]*$")
_DIGIT_NEIGHBOUR_AFTER = re.compile(r"^[ \u00a0]*\(?\d")
_AGE_AFTER = re.compile(r"^(?:-|\s)?years?(?:-|\s)old|^-year|^\s*years?\s+of\s+age", re.IGNORECASE)
_AGE_NAME = re.compile(r"[A-Z][a-z]+,\s*(?:then\s+|now\s+|aged\s+)?$")
_DENIED = re.compile(r",\s*(?:and\s+|but\s+)?not\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and|or)\s*$", re.IGNORECASE)
_OR_MORE = re.compile(r"^\s*(?:\+|or\s+more\b)", re.IGNORECASE)
_WORD = re.compile(r"[\w'’.%$€£-]+|[$€£%]")
_PLURAL_COLLECTIVE = {
    "people", "men", "women", "children", "police", "staff", "law enforcement", "national guard", "youth",
    "security personnel", "military personnel", "housing", "passers-by", "idps", "more",
}
# Described victims: "a 20-year-old man", "an officer", "25-year-old Courtney Taylor", "he", "the victim".
_AGE = r"\d{1,3}[-\s]years?[-\s]old"
_PRONOUN = re.compile(
    r"(?<![\w-])(?:he|she|him|her(?!\s+\w+(?:ed|ing)?\s)|the\s+victim|the\s+man|the\s+woman)(?![\w-])", re.IGNORECASE
)
_START = r"(?:(?<![\w-])|(?<=(?-i:[a-z]))(?=(?-i:[A-Z])))"  # a word start, also where a headline is glued to the text
# words that cannot modify a victim noun ("a homicide after a victim", "a Cox says the man")
_FUNCTION = (r"(?:the|a|an|after|before|of|in|on|at|by|for|from|with|as|says?|said|and|or|but|to|was|were|is|are|"
             r"who|that|which|when|while|his|her|their|its)\b")
_AGE_ALONE = re.compile(rf"(?<![\w-])(?:an?|the)\s+{_AGE}(?=\s+{_FUNCTION}|\s*[,.;:]|$)", re.IGNORECASE)
# "one man was killed, another was injured": "another" alone is one more victim when its verb follows
_ANOTHER = re.compile(r"(?<![\w-])another(?=\s+(?:(?:was|is|were|has\s+been|had\s+been|also)\s+)*(?P<verb>\w))",
                      re.IGNORECASE)
# "one person died and a second was injured": an ordinal alone is one more victim when an auxiliary and its verb
# follow (not "fired a second shot")
_ORDINAL = re.compile(r"(?<![\w-])an?\s+(?:second|third|fourth|fifth)"
                      r"(?=\s+(?:(?:was|is|has\s+been|had\s+been|also)\s+)+(?P<verb>\w))", re.IGNORECASE)
_NAMED_AGE = re.compile(rf"(?<![\w-]){_AGE}\s+(?:[A-Z][a-z'’-]+\s+){{0,2}}[A-Z][a-z'’-]+[\s,.;:]"
                        r"|(?<![\w.])(?:[A-Z][a-z'’-]+\s+){1,3}[A-Z][a-z'’-]+,\s+(?:a\s+)?\d{1,2},")


def number_value(text: str, vocab: Vocab) -> int | None:
    """The value of a number written in digits or words ("1,000", "9 300", "twenty-one", "2.3 million")."""
    words = [w for w in re.split(r"[\s\u00a0\u202f-]+", text.lower()) if w and w != "and"]
    if not words:
        return None
    digits = words[0].replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        joined = re.sub(r"[,\s\u00a0\u202f]", "", text.split()[0] if len(words) > 1 else text)
        if len(words) > 1 and all(re.fullmatch(r"\d{3}", w) for w in words[1:]):
            return int(re.sub(r"\D", "", text))
        value = float(joined)
        for word in words[1:]:
            value *= vocab.scales.get(word, 1)
        return round(value)
    total = current = 0
    for word in words:
        if word in vocab.numbers:
            current += vocab.numbers[word]
        elif word in vocab.scales:
            scale = vocab.scales[word]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            return None
    return total + current


def _next_words(text: str, at: int, n: int) -> str:
    return " ".join(m.group(0).lower().rstrip(".,") for m in list(_WORD.finditer(text[at : at + 60]))[:n])


def _prev_word(text: str, at: int) -> str:
    words = _WORD.findall(text[max(0, at - 30) : at])
    return words[-1].lower() if words else ""


def _is_not_count(text: str, start: int, end: int, raw: str, value: int, vocab: Vocab) -> bool:
    """True when the number at text[start:end] is a date, time, year, age, phone number, unit or label."""
    before, after = text[:start], text[end:]
    if (_MONTH_BEFORE.search(before) and raw[0].isdigit()) or (_MONTH_AFTER.match(after) and raw[0].isdigit()):
        return True
    if raw[0].isdigit() and (_DIGIT_NEIGHBOUR_BEFORE.search(before) or _DIGIT_NEIGHBOUR_AFTER.match(after)):
        return True  # phone numbers, codes: "770 70 10 36"
    if _AGE_AFTER.match(after) or (_AGE_NAME.search(before) and after.startswith(",")):
        return True
    prev = _prev_word(text, start)
    if prev in vocab.before or before.rstrip().endswith(("$", "€", "£", "#", "№")):
        return True
    if _DENIED.search(before) and after.lstrip().startswith(","):
        return True  # "11 officers, not four, died": the count set aside
    nxt = _next_words(text, end, 2)
    first = nxt.split(" ")[0] if nxt else ""
    if first in vocab.units_after or nxt in vocab.units_after or after.startswith("%"):
        return True
    if first in ("shot", "round") and prev in vocab.fire_verbs:
        return True  # "the officer fired one shot": a shot fired, not a person shot
    if re.fullmatch(r"\d{4}", raw) and 1800 <= value <= 2100:
        return vocab.group_re.match(after.lstrip()) is None  # a year, unless "2000 people"
    return False


def _hedge(text: str, start: int, vocab: Vocab) -> tuple[str | None, int]:
    match = vocab.hedge_re.search(text[max(0, start - 25) : start])
    if not match:
        return None, start
    return vocab.hedges[" ".join(match.group(0).lower().split())], start - (len(text[max(0, start - 25) : start])
                                                                             - match.start())


def find_counts(text: str, offset: int, vocab: Vocab, surnames: frozenset[str] = frozenset()) -> list[Count]:
    """Count phrases of one sentence (`text`, starting at article offset `offset`), in text order; `surnames`
    are those of the people the article introduced by name (names.py), each a described person here."""
    raw_counts: list[tuple[int, int, int, int | None, bool, Hedge]] = []
    rejected_end = -1
    for match in vocab.count_re.finditer(text):
        raw = match.group(0)
        start, end = match.span()
        if match.group("vague"):
            if _next_words(text, end, 1) in vocab.units_after:
                continue  # "shot several times", "several hours"
            low, high = vocab.vague[" ".join(raw.lower().split())]
            raw_counts.append((start, end, low, high, True, "vague"))
            continue
        value = number_value(raw, vocab)
        if (value is None or value == 0 or _is_not_count(text, start, end, raw, value, vocab)
                or (rejected_end >= 0 and _RANGE_JOIN.match(text[rejected_end:start]))):
            rejected_end = end  # the second half of a rejected range ("articles 12 – 15") goes too
            continue
        raw_counts.append((start, end, value, value, False, "exact"))
    counts: list[Count] = []
    index = 0
    while index < len(raw_counts):
        start, end, low, high, approximate, hedge = raw_counts[index]
        # ranges: "between 18,000 and 25,000", "five to 10", "10-15"
        if index + 1 < len(raw_counts) and hedge == "exact" and _RANGE_JOIN.match(text[end : raw_counts[index + 1][0]]):
            nxt = raw_counts[index + 1]
            if nxt[5] == "exact" and nxt[2] > low and (nxt[2] < low * 100):
                end, high, hedge = nxt[1], nxt[3], "range"
                index += 1
                if text[max(0, start - 8) : start].lower().strip() == "between":
                    start -= 8
        index += 1
        if hedge == "exact":
            kind, new_start = _hedge(text, start, vocab)
            if kind == "approx":
                start, approximate, hedge = new_start, True, "approx"
            elif kind == "min":
                start, high, hedge = new_start, None, "min"
            elif kind == "max":
                start, low, approximate, hedge = new_start, 0, True, "max"
            elif _OR_MORE.match(text[end:]):
                high, hedge = None, "min"
                end += _OR_MORE.match(text[end:]).end()  # type: ignore[union-attr]
        if hedge == "vague" and text[end : end + 4].lower() == " of " and vocab.count_re.match(text, end + 4):
            continue  # "thousands of 2,000" never happens; "tens of thousands" is one phrase already
        counts.append(Count(low, high, approximate, hedge, text[start:end], offset + start, offset + end))
    counts.extend(_described(text, offset, vocab, counts, surnames))
    return sorted(counts, key=lambda c: c.start)


def _singular(vocab: Vocab) -> str:
    # "-ss" ends a singular ("waitress", "hostess"), other "-s" a plural
    nouns = [p for p in vocab.groups if (p.endswith("ss") or not p.endswith("s")) and p not in _PLURAL_COLLECTIVE]
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(nouns, key=len, reverse=True))


# the object of a verb that hurts, told by its role: "shot his neighbor", "shot the passenger", "struck her
# 7-year-old brother"; only right after the verb, where the role cannot be the agent or a bystander
_OBJECT_VERB = re.compile(r"\b(?:shot|shoots|shooting|wounded|wounding|struck|hitting)\s+$", re.IGNORECASE)
_AND_NOUN = re.compile(r"\s+and\s+(?P<art>an?\s+)?(?P<noun>[a-z]+)\b")
_PATTERNS: dict[int, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {}


def _noun_patterns(vocab: Vocab) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The described-victim patterns built from the victim nouns, once per vocabulary (not once per sentence)."""
    if id(vocab) not in _PATTERNS:
        singular = _singular(vocab)
        # a possessive is of another person: "a child's parent" is neither the child nor told as one
        noun = re.compile(rf"{_START}(?:(?P<art>an?|one|another|the(?=\s+{_AGE}))\s+|^)"
                          rf"(?P<mods>(?:{_AGE}-|(?:{_AGE}|(?!{_FUNCTION})(?![\w-]*['’]s\b)[a-z][\w'-]*),?\s+){{0,3}}?)"
                          rf"[\"“]?(?P<noun>{singular})(?![\w-])(?!['’]s\b)", re.IGNORECASE)
        head_noun = re.compile(rf"\s+(?P<noun>{singular})(?![\w-])", re.IGNORECASE)
        titled = re.compile(rf"{_START}(?P<noun>{singular})\s+(?-i:[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+)", re.IGNORECASE)
        role = re.compile(rf"(?<![\w-])(?:his|her|their|the)\s+(?:own\s+)?(?P<mods>(?:(?:{_AGE}|(?!{_FUNCTION})"
                          rf"[a-z][\w'-]*)\s+){{0,2}}?)(?P<noun>{singular})(?![\w-])", re.IGNORECASE)
        _PATTERNS[id(vocab)] = (noun, head_noun, titled, role)
    return _PATTERNS[id(vocab)]


@lru_cache(maxsize=8)
def _named(surnames: frozenset[str]) -> re.Pattern[str]:
    """A surname the article introduced, alone or after first names (once per article, not once per sentence)."""
    return re.compile(r"(?<![\w'’-])(?:[A-Z][a-z'’-]+\s+){0,2}(?:" + "|".join(map(re.escape, sorted(surnames)))
                      + r")(?![\w'’-])")


def _described(text: str, offset: int, vocab: Vocab, numbers: list[Count], surnames: frozenset[str]
               ) -> list[Count]:
    """Described single victims: "a 20-year-old man", "an officer", "25-year-old Courtney Taylor", "he", and a
    person the article introduced by name, named again ("Vell", "Ann Vell"; not "Vell's family")."""
    taken = [(c.start - offset, c.end - offset) for c in numbers]
    found: list[Count] = []

    def add(start: int, end: int, group: str | None, group_text: str | None) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(Count(1, 1, False, "exact", text[start:end], offset + start, offset + end, True,
                           group, group_text))

    noun, head_noun, titled, role = _noun_patterns(vocab)
    # "officer Sean Bolton", "journalist Anna Petrova"; not a title-case headline ("Man Found Shot Dead")
    titles = [m for m in titled.finditer(text) if not vocab.cue_re.search(m.group(0), m.end("noun"))]
    title_starts = {m.start() for m in titles}
    for match in noun.finditer(text):
        lead_words = text[match.start() : match.start("noun")].split() or [match.group("noun")]
        if match.group("art") is None and not all(word[0].isupper() for word in lead_words):
            continue  # headline style "Man shot ...", "Veloria woman shot ..." only at the start, capitalised
        if match.group("art") is None and match.start() in title_starts:
            continue  # "Officer Ann Vell suffered ...": the title with the name, below
        phrase, end = match.group("noun"), match.end()
        head = head_noun.match(text, end)  # "a 26-year-old Latino male": the last of two nouns is the head
        if head:
            phrase, end = head.group("noun"), head.end()
        add(match.start(), end, vocab.groups.get(" ".join(phrase.lower().split())),
            text[match.start("mods") if match.group("mods") else match.start("noun") : end])
        second = _AND_NOUN.match(text, end)  # "a male and female deceased": two people, the second bare
        if second and second.group("art") is None:
            other = head_noun.match(text, second.start("noun") - 1)
            if other:
                add(other.start("noun"), other.end(), vocab.groups.get(other.group("noun").lower()),
                    other.group("noun"))
    for match in titles:
        add(match.start(), match.end(), vocab.groups.get(" ".join(match.group("noun").lower().split())),
            match.group(0))
    for match in role.finditer(text):
        if _OBJECT_VERB.search(text, 0, match.start()):
            add(match.start(), match.end(), vocab.groups.get(" ".join(match.group("noun").lower().split())),
                text[match.start("mods") if match.group("mods") else match.start("noun") : match.end()])
    for match in _AGE_ALONE.finditer(text):  # "found a 15-year-old with a gunshot wound": the age is the noun
        add(match.start(), match.end(), "people", match.group(0))
    for match in [*_ANOTHER.finditer(text), *_ORDINAL.finditer(text)]:
        if vocab.cue_re.match(text, match.start("verb")):
            add(match.start(), match.end(), "people", match.group(0))
    for match in _NAMED_AGE.finditer(text):
        add(match.start(), match.end() - 1, "people", match.group(0).strip(" ,"))
    for match in _PRONOUN.finditer(text):
        add(match.start(), match.end(), "people", match.group(0))
    if surnames:
        for match in _named(surnames).finditer(text):
            add(match.start(), match.end(), "people", match.group(0))
    return found
