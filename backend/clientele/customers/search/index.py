"""The candidate index: trigrams of name, company and email words, and of phone digits, map to
compact posting arrays of document numbers. Email words are the runs of letters and digits of
the address ("hans-peter.mueller_1980@praxis-weber.ch": hans, peter, muller, 1980, praxis,
weber, ch) besides the local part and the domain whole; names of several words in one part
("Hans-Peter", "van der Berg") are also indexed joined ("hanspeter", "vanderberg"). A query
counts, per document, how many of its trigrams the document shares (numpy's bincount over the
posting arrays), keeps the few hundred documents sharing the most, and rapidfuzz ranks only
those. Hits far below the best one are dropped (RELATIVE).

Full-text mode adds a second set of postings over notes, address and custom field values;
those matches rank below the identity fields (name, email, phone, company).

Memory: per customer about 30 to 60 trigram postings of 4 bytes plus the stored search strings
(~150 bytes, more with notes) and object overhead; see docs/architecture.md.
"""

from __future__ import annotations

import sys
import uuid
from array import array
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from clientele.customers.search.text import digits, fold, tokens, trigrams, words

CANDIDATES = 300
MIN_SCORE = 50
# The relative cut-off: a hit is dropped when it scores below RELATIVE x the best hit (its
# score capped at CAPPED: the prefix and exact-match bonuses above it order hits, they do not
# make the rest less relevant), and never kept below half the best hit's score. Under a strong
# hit (100+) 0.72 drops what shares a few letters ("muster", "keller" for "mueller": 62) and
# keeps one-letter variants ("miller", "mulier": 78), typos (~80) and full-text matches (<= 80);
# a weak best hit (60) keeps itself and what is as weak. Recall of bench/people.py's queries is
# the same for any ratio up to 0.8 (5,000 and 200,000 people).
RELATIVE = 0.72
CAPPED = 100
EMAIL_WORD = 92  # every query word is a word of the email ("mueller", "praxis", "1980")
EMAIL_WORD_PREFIX = 82  # ... or begins one; plus up to 8 for a longer query
COMPANY_PREFIX = 80  # the query begins a word of the company ("zahnarzt"); up to +10
TEXT_PENALTY = 20  # full-text matches rank below identity fields
MAX_TEXT = 300  # characters of each full-text field that are indexed
COMPACT_AFTER = 10_000  # removed documents tolerated before the index is compacted
# A trigram in more than 1/COMMON of the customers is skipped once 20 x limit postings are in
# (bench/search.py at 1M: 1/20 → 1/50 halved the postings counted, same recall).
COMMON = 50


@dataclass(slots=True)
class Doc:
    id: uuid.UUID
    name: str  # folded "first last"
    email: str  # folded
    phones: tuple[str, ...]  # digit strings, national forms included
    company: str
    display: str  # the original name, for results
    texts: tuple[tuple[str, str], ...] = ()  # (field, folded text) for full-text mode
    joined: str = ""  # name with each part's words joined ("pieter vanderberg"), if different


@dataclass(frozen=True)
class Hit:
    id: uuid.UUID
    score: float
    field: str  # name, email, phone or company
    value: str  # the matched value as stored (for highlighting)


def _allocated(obj: object) -> int:
    return (sys.getsizeof(obj) + 15) & ~15


def _doc_bytes(doc: Doc) -> int:
    """A document with what only it holds (field names such as "notes" are shared)."""
    size = _allocated(doc) + _allocated(doc.id) + _allocated(doc.id.int)
    size += sum(_allocated(text) for text in (doc.name, doc.email, doc.company, doc.display,
                                                doc.joined) if text)
    if doc.phones:
        size += _allocated(doc.phones) + sum(map(_allocated, doc.phones))
    if doc.texts:
        size += _allocated(doc.texts) + sum(
            _allocated(pair) + _allocated(text) + (_allocated(field) if "." in field else 0)
            for pair in doc.texts for field, text in (pair,))
    return size


def _phone_forms(e164: str | None) -> tuple[str, ...]:
    if not e164:
        return ()
    full = digits(e164)
    forms = {full}
    if e164.startswith("+41") or e164.startswith("+49") or e164.startswith("+43"):
        forms.add("0" + full[2:])  # national form as people read it: 079 …
    elif len(full) > 9:
        forms.add("0" + full[-9:])
    return tuple(sorted(forms))


class SearchIndex:
    def __init__(self) -> None:
        self.docs: list[Doc | None] = []
        self.by_id: dict[uuid.UUID, int] = {}
        self.postings: dict[str, array] = defaultdict(lambda: array("I"))
        self.text_postings: dict[str, array] = defaultdict(lambda: array("I"))
        self.removed = 0
        self.measured_bytes = 0  # footprint() when last measured, and the documents then
        self.measured_docs = 0

    def __len__(self) -> int:
        return len(self.by_id)

    def measure(self) -> int:
        self.measured_bytes, self.measured_docs = self.footprint(), len(self.docs)
        return self.measured_bytes

    def estimated_bytes(self) -> int:
        """The measured size scaled to the documents held now (holes included: their postings
        stay until the index is compacted)."""
        if not self.measured_docs:
            return self.measured_bytes
        return self.measured_bytes * len(self.docs) // self.measured_docs

    def footprint(self, sample: int = 2_000) -> int:
        """The bytes this index holds, measured: the containers and every posting array (its
        allocated buffer) exactly, and the documents (their UUIDs, strings and tuples) on an
        evenly spaced sample of at most `sample`, scaled to all of them; each object rounded
        up to the allocator's 16 bytes. The trigram keys are interned, one copy per process
        shared by every account's index, so they are not counted (tens of thousands of
        distinct trigrams: a few MB per process). bench/search_memory.py compares the
        estimate with the process's RSS."""
        size = _allocated(self) + _allocated(self.__dict__) + _allocated(self.docs)
        size += _allocated(self.by_id) + 32 * len(self.by_id)  # the document numbers (ints)
        for postings in (self.postings, self.text_postings):
            size += _allocated(postings) + sum(map(_allocated, postings.values()))
        docs = [d for d in self.docs if d is not None]
        if docs:
            step = max(1, len(docs) // sample)
            picked = docs[::step]
            size += sum(map(_doc_bytes, picked)) * len(docs) // len(picked)
        return size

    # writes ---------------------------------------------------------------------------
    def upsert(self, customer_id: uuid.UUID, first: str | None, last: str | None,
               email: str | None, phones: tuple[str | None, ...], company: str | None,
               texts: tuple[tuple[str, str | None], ...] = ()) -> None:
        """Index a customer; `texts` are (field, value) pairs for full-text mode (notes,
        address, custom field values)."""
        display = " ".join(p for p in (first, last) if p)
        folded_texts = tuple((field, " ".join(words(value[:MAX_TEXT])))
                             for field, value in texts if value)
        parts = [w for w in (words(first or ""), words(last or "")) if w]
        name = " ".join(w for part in parts for w in part)
        joined = " ".join("".join(part) for part in parts) if any(
            len(part) > 1 for part in parts) else ""
        doc = Doc(id=customer_id, name=name, email=fold(email or ""),
                  phones=tuple(f for p in phones for f in _phone_forms(p)),
                  company=" ".join(words(company or "")), display=display,
                  texts=tuple(t for t in folded_texts if t[1]), joined=joined)
        if customer_id in self.by_id:
            if self.docs[self.by_id[customer_id]] == doc:
                return  # nothing searchable changed
            self.remove(customer_id)
        self._add(doc)
        if self.removed > max(COMPACT_AFTER, len(self.docs) // 4):
            self.compact()

    def compact(self) -> None:
        """Drop the holes left by removed and changed customers (and their postings)."""
        docs = [d for d in self.docs if d is not None]
        self.docs, self.by_id, self.removed = [], {}, 0
        self.postings = defaultdict(lambda: array("I"))
        self.text_postings = defaultdict(lambda: array("I"))
        for doc in docs:
            self._add(doc)

    def _add(self, doc: Doc) -> None:
        number = len(self.docs)
        self.docs.append(doc)
        self.by_id[doc.id] = number
        grams: set[str] = set()
        for word in {*doc.name.split(), *doc.joined.split(), *doc.company.split(),
                     *_email_words(doc.email)}:  # the email repeats the name's words
            grams |= trigrams(word)
        for phone in doc.phones:
            grams |= {"#" + phone[i:i + 3] for i in range(len(phone) - 2)}
        for gram in grams:
            self.postings[sys.intern(gram)].append(number)
        text_grams: set[str] = set()
        for _field, text in doc.texts:
            for word in text.split():
                text_grams |= trigrams(word)
        for gram in text_grams - grams:
            self.text_postings[sys.intern(gram)].append(number)

    def remove(self, customer_id: uuid.UUID) -> None:
        number = self.by_id.pop(customer_id, None)
        if number is not None:
            self.docs[number] = None  # postings are filtered lazily
            self.removed += 1

    # reads ----------------------------------------------------------------------------
    def candidates(self, query: str, limit: int = CANDIDATES,
                   full_text: bool = False) -> list[int]:
        grams = {"#" + form[i:i + 3] for form in _phone_query(query)
                 for i in range(len(form) - 2)}
        for word in words(query):
            grams |= trigrams(word)
        sources = (self.postings, self.text_postings) if full_text else (self.postings,)
        postings = sorted((source[g] for source in sources for g in grams if g in source),
                          key=len)
        if not postings:
            return []
        # The rarest trigrams say the most; very common ones (" an", "er ") only add noise
        # and time, so they are skipped once enough evidence has been collected.
        chosen, seen = [], 0
        for posting in postings:
            if seen > 20 * limit and len(posting) > len(self.by_id) // COMMON:
                break
            chosen.append(np.frombuffer(posting, dtype=np.uint32))
            seen += len(posting)
        hits = np.concatenate(chosen)
        numbers: np.ndarray
        if len(hits) * 3 < len(self.docs):  # sorting the few postings beats a pass over all
            numbers, counts = np.unique(hits, return_counts=True)
        else:
            counts = np.bincount(hits, minlength=len(self.docs))
            numbers = np.arange(len(counts))
        # the documents with the highest counts: find the count threshold that admits
        # `limit` documents from the histogram of counts, then take those (ties broken by
        # document order)
        histogram = np.bincount(counts)
        admitted = np.cumsum(histogram[::-1])
        threshold = max(1, len(histogram) - 1 - int(np.searchsorted(admitted, limit)))
        keep = counts >= threshold
        numbers, counts = numbers[keep], counts[keep]
        if len(numbers) > limit:
            numbers = numbers[np.argsort(-counts, kind="stable")[:limit]]
        docs = self.docs
        return [n for n in numbers.tolist() if docs[n] is not None]

    def search(self, query: str, first: int = 10, full_text: bool = False,
               candidates: int = CANDIDATES) -> list[Hit]:
        folded = " ".join(words(query))
        if not folded and not digits(query):
            return []
        docs = [d for n in self.candidates(query, max(candidates, first), full_text)
                if (d := self.docs[n]) is not None]
        hits = score(docs, query, folded, full_text)
        hits.sort(key=lambda h: (-h.score, h.id))
        return hits[:first]


def score(docs: list[Doc], raw: str, folded: str, full_text: bool) -> list[Hit]:
    """Each document's best-matching field and its score, for those scoring at least
    MIN_SCORE and not far below the best one (RELATIVE). Names and companies are scored for
    all documents at once (rapidfuzz's cdist, in C); the rest are cheap string tests."""
    if not docs:
        return []
    n = len(docs)
    best = np.full(n, -1.0)
    fields = ["name"] * n
    values = [d.display for d in docs]

    def consider(i: int, value: float, field: str, text: str) -> None:
        if value > best[i]:
            best[i], fields[i], values[i] = value, field, text

    if folded:
        best = _name_scores(folded, [d.name for d in docs])
        joined = [(i, d.joined) for i, d in enumerate(docs) if d.joined]
        if joined:  # "vanderberg", "hanspeter" against the name's parts joined
            at = [i for i, _ in joined]
            best[at] = np.maximum(best[at], _name_scores(folded, [j for _, j in joined]))
        bare = fold(raw).strip().lstrip("@")
        email_prefix = 95 + min(len(folded), 20) / 4
        fuzzy_email = "@" in folded or "." in folded
        asked = tokens(bare)
        word_score = EMAIL_WORD_PREFIX + min(sum(map(len, asked)), 16) / 2
        for i, doc in enumerate(docs):
            if doc.email:
                local, _, domain = doc.email.partition("@")
                if doc.email.startswith(folded) or local.startswith(folded):
                    consider(i, email_prefix, "email", doc.email)
                    continue
                if domain == bare:
                    consider(i, EMAIL_WORD, "email", doc.email)  # everyone at a domain
                    continue
                if asked and asked[0] in doc.email and all(w in doc.email for w in asked):
                    found = _email_word_match(asked, doc.email)
                    if found:
                        consider(i, EMAIL_WORD if found == 2 else word_score, "email",
                                 doc.email)
                if fuzzy_email:
                    consider(i, fuzz.ratio(folded, doc.email[:len(folded) + 2]) - 5, "email",
                             doc.email)
        companies = [d.company for d in docs]
        if any(companies):
            word_start = " " + folded
            company_prefix = COMPANY_PREFIX + min(len(folded), 20) / 2
            for i, value in enumerate(_cdist(folded, companies, fuzz.token_set_ratio) - 8):
                if companies[i]:
                    if word_start in " " + companies[i]:
                        value = max(value, company_prefix)
                    consider(i, value, "company", companies[i])
        if full_text:
            for i, doc in enumerate(docs):
                for field, text in doc.texts:
                    consider(i, fuzz.partial_ratio(folded, text) - TEXT_PENALTY, field, text)
    forms = _phone_query(raw)
    if forms:
        phone_score = 96 + min(len(digits(raw)), 12) / 3
        for i, doc in enumerate(docs):
            for phone in doc.phones:
                if any(form in phone for form in forms):
                    consider(i, phone_score, "phone", phone)
    top = float(best.max())
    cut = max(MIN_SCORE, top * 0.5, RELATIVE * min(top, CAPPED))
    return [Hit(docs[i].id, float(best[i]), fields[i], values[i])
            for i in np.flatnonzero(best >= cut).tolist()]


def _phone_query(query: str) -> list[str]:
    """The digit strings to look for in phones, if the query is mostly digits (at least
    three): as typed, without leading zeros, and national for an international number."""
    query_digits = digits(query)
    if len(query_digits) < 3 or len(query_digits) * 2 < len(query.replace(" ", "")):
        return []
    forms = {query_digits, query_digits.lstrip("0")}
    if query.strip().startswith("+"):
        forms.add("0" + query_digits[2:])
    return sorted(f for f in forms if f)


def _cdist(query: str, choices: list[str], scorer: Any) -> np.ndarray:
    return process.cdist([query], choices, scorer=scorer, dtype=np.float64)[0]


def _name_scores(folded: str, names: list[str]) -> np.ndarray:
    """How well the query matches each name: as a whole (words in any order), and word by
    word. A one-word query is compared with each word of the name and with its beginning
    ("kelelr" with "keller", "kellerh" with "kellerhals"), not with any part of it: partial
    alignment scored "muller" against the "ller" of "steineller" 80, above "miller"."""
    best = np.maximum.reduce([
        _cdist(folded, names, fuzz.token_sort_ratio),
        (_cdist(folded, names, fuzz.partial_token_sort_ratio) if " " in folded
         else _word_scores(folded, names)) - 5,
        _cdist(folded, names, fuzz.token_set_ratio) - 3,
    ])
    word_start = " " + folded  # the query starts some word of the name
    best += [15.0 * (word_start in " " + name) + 25.0 * (name == folded)
             for name in names]  # prefix and exact matches before fuzzy ones
    return best


def _word_scores(word: str, names: list[str]) -> np.ndarray:
    """Each name's best word for a one-word query: its ratio to the word or the word's
    beginning (as long as the query)."""
    parts = [name.split() for name in names]
    flat = [w for ws in parts for w in ws]
    owner = np.repeat(np.arange(len(names)), [len(ws) for ws in parts])
    scores = np.maximum(_cdist(word, flat, fuzz.ratio),
                        _cdist(word, [w[:len(word)] for w in flat], fuzz.ratio))
    best = np.zeros(len(names))
    np.maximum.at(best, owner, scores)
    return best


def _email_word_match(asked: list[str], email: str) -> int:
    """2 if every asked word is a word of the email, 1 if each is one or begins one (at least
    two letters), else 0. The top-level domain alone ("ch", "com") finds no one."""
    known = tokens(email)
    if not known or (len(asked) == 1 and email.endswith("." + asked[0])):
        return 0
    whole = True
    for word in asked:
        if word in known:
            continue
        if len(word) < 2 or not any(k.startswith(word) for k in known):
            return 0
        whole = False
    return 2 if whole else 1


def _email_words(email: str) -> list[str]:
    """What the candidate index holds of an email: the local part and the domain whole, and
    every run of letters or digits in it."""
    if not email:
        return []
    local, _, domain = email.partition("@")
    return [local, domain, *tokens(email)]
