"""Quotes: direct ("...," said X / X said: "...") and indirect (X said that ...), with the speaker resolved.

Direct quotes are quoted segments of at least four words in one paragraph; the speaker is looked for right after
the closing quote (", said Bachelet", "” Ms. X said", also after the translation artefact ", ”said"), then right
before the opening quote ("She said: “"), and a whole-paragraph quote without attribution continues the previous
paragraph's speaker. Indirect quotes are sentences "X <reporting verb> [up to six words] that <clause>".
Speakers come from the article's entity mentions; pronouns and role phrases ("the High Commissioner") resolve
to the nearest earlier person (with that role when possible).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.annotate.context import Context
from sitrep.annotate.quotes import parser
from sitrep.annotate.quotes.factory import Vocabulary, vocabulary
from sitrep.models import Mention, Quote

MIN_WORDS = 4
_NOT_IN_SPEAKER = ".!?\"“”"  # characters that the speaker-before-quote pattern never spans
_THAT = re.compile(r"\sthat\s", re.IGNORECASE)  # what the indirect pattern needs; a cheap test before it runs
_TITLE_DOT = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Lt|Sgt|Capt|Rev|Sen|Rep|Gov|St)\.")
# the words that lead into a direct quote: "... and that the government would", ", adding:"
_LEAD_IN = re.compile(r"(?:,?\s+and\s+that\b[^,;:]*|,\s*\w+\s*:|[,;:])\s*$")
_CONJUNCTION = re.compile(r"(?:and|but|or)\b", re.IGNORECASE)


def _mask_title_dots(text: str) -> str:
    """The full stop of a title ("said Dr. Vell") as another character of the same length, so that the speaker
    patterns, which stop at a full stop, read past it (offsets are unchanged)."""
    return _TITLE_DOT.sub(lambda m: m.group(0)[:-1] + "\u2024", text)


@lru_cache(maxsize=1)
def _patterns(vocab: Vocabulary) -> tuple[re.Pattern[str], ...]:
    verbs = vocab.verb_pattern
    after_verb = re.compile(rf"^\s*,?\s*[—–]?\s*(?:{verbs})\s+(?P<who>[^,.;:!?\"“”]{{1,80}}?)"
                            rf"(?=\s*[,.;:!?]|\s+(?:on|in|at|to|during|after|before|when|while|as)\b|\s*$)",
                            re.IGNORECASE)
    after_who = re.compile(rf"^\s*,?\s*(?P<who>[^.;:!?\"“”]{{1,160}}?)\s+(?:also\s+)?(?:{verbs})\b", re.IGNORECASE)
    before = re.compile(rf"(?P<who>[^.!?\"“”]{{1,160}}?)\s+(?:also\s+)?(?:{verbs})\b[^.!?\"“”]{{0,40}}?[:,]?\s*$",
                        re.IGNORECASE)
    indirect = re.compile(rf"\b(?P<verb>{verbs})\b(?:\s+[\w,.-]+){{0,6}}?\s+that\s+(?P<what>\S.*)$", re.IGNORECASE)
    return after_verb, after_who, before, indirect, re.compile(rf"\s(?:{verbs})\b", re.IGNORECASE)


def extract(ctx: Context) -> tuple[Quote, ...]:
    vocab = vocabulary()
    after_verb, after_who, before, indirect, verb = _patterns(vocab)
    text, mentions = ctx.text, ctx.mentions
    quotes: list[Quote] = []
    previous: tuple[int, parser.Speaker] | None = None  # (paragraph index, speaker) of the last direct quote
    for index, para in enumerate(ctx.article.paragraphs):
        for qs, qe in parser.quoted_segments(text, para.start, para.end):
            start, end = parser.clean_quote(text, qs, qe)
            body = text[start:end].rstrip(" ,")
            if len(body.split()) < MIN_WORDS:
                continue
            end = start + len(body)
            tail = _mask_title_dots(text[qe + 1 : para.end])
            speaker = parser.Speaker(None, None)
            match = after_verb.match(tail) or after_who.match(tail)
            if match and _CONJUNCTION.match(match.group("who")):
                match = None  # '" and urged ...': the verb's subject is before the quote, not after it
            if match:
                a = qe + 1 + match.start("who")
                speaker = parser.resolve(text, mentions, a, qe + 1 + match.end("who"), vocab.roles)
            if speaker.text is None:
                head = _mask_title_dots(text[para.start : max(para.start, qs - 1)])
                # nothing in the match can be . ! ? or a quote mark: it starts after the last one (same match,
                # without trying every earlier start position)
                match = before.search(head, max(head.rfind(ch) for ch in _NOT_IN_SPEAKER) + 1)
                if match:
                    who_start = para.start + match.start("who")
                    speaker = parser.resolve(text, mentions, who_start, para.start + match.end("who"), vocab.roles)
                    said = verb.search(head, match.start("who"), match.end("who"))
                    if speaker.key is None and said:
                        # "It said support would be announced “in the coming days”": no name in the words before
                        # the verb; the subject of the verb of speech inside them is the speaker
                        speaker = parser.resolve(text, mentions, who_start, para.start + said.start(), vocab.roles)
            if speaker.text is None and previous is not None and previous[0] == index - 1:
                outside = text[para.start : qs - 1] + text[qe + 1 : para.end]
                if len(outside.split()) <= 2:
                    speaker = previous[1]
            if speaker.text is None:
                continue
            quotes.append(Quote(speaker.text, text[start:end], start, end, True, speaker.key))
            previous = (index, speaker)
    direct_spans = [(q.start, q.end) for q in quotes]
    # "X said that ..." inside quotation marks is part of someone's words, found as a direct quote or not
    # (not in a paragraph with an odd number of straight quotes: which of them open and which close is unknown)
    quoted = [span for para in ctx.article.paragraphs if text.count('"', para.start, para.end) % 2 == 0
              for span in parser.quoted_segments(text, para.start, para.end)]
    for sentence in ctx.sentences:
        match = _indirect(indirect, sentence.start, sentence.text, mentions) if _THAT.search(sentence.text) else None
        if not match:
            continue
        verb_at = sentence.start + match.start("verb")
        speaker = parser.resolve(text, mentions, sentence.start, verb_at, vocab.roles)
        if speaker.text is None or speaker.text.lower() in {"it", "they"} or len(speaker.text) > 80:
            continue
        start = sentence.start + match.start("what")
        what = _without_direct(text, start, sentence.end, direct_spans)
        if (len(what.split()) < MIN_WORDS or any(s <= start < e for s, e in direct_spans)
                or any(s <= verb_at < e for s, e in quoted)):
            continue
        quotes.append(Quote(speaker.text, what, start, start + len(what), False, speaker.key))
    return tuple(sorted(quotes, key=lambda q: (q.start, q.end)))


def _indirect(pattern: re.Pattern[str], offset: int, sentence: str, mentions: tuple[Mention, ...]
              ) -> re.Match[str] | None:
    """The indirect-speech match of a sentence whose verb is no word of a name ("The State Communications
    Agency said that ...": "State" is no verb there)."""
    pos = 0
    while (match := pattern.search(sentence, pos)) is not None:
        at = offset + match.start("verb")
        if not any(m.start <= at < m.end for m in mentions):
            return match
        pos = match.end("verb")
    return None


def _without_direct(text: str, start: int, end: int, direct: list[tuple[int, int]]) -> str:
    """What is said, up to a direct quote of its own (found as such, or opened by a colon) and the words that
    lead into it ("... and that the government would “...”", "..., adding: “...”"); quoted words that go on with
    the clause stay ("the situation was “under control” after ...")."""
    what = text[start:end]
    for open_at in (m.start() for m in re.finditer(f"[{parser.OPEN}]", what)):
        # a direct quote found as such, or one a colon opens (", adding: “...”")
        if any(s - 1 <= start + open_at < e for s, e in direct) or what[:open_at].rstrip().endswith(":"):
            what = _LEAD_IN.sub("", what[:open_at])
            break
    what = what.rstrip(" ,.;:")
    if (what.endswith('"') and what.count('"') % 2) or (what.endswith("”") and what.count("”") > what.count("“")):
        what = what[:-1].rstrip(" ,.;:")  # the close of a quote the clause is inside ('... uncertainty."')
    return what
