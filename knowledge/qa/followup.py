"""Short follow-ups ("and in Florida?", "what about RHIA?", "how long is it?") read together with
the asker's previous question in the same chat."""

from __future__ import annotations

import re

from knowledge.qa.mentions import find_mentions, mention_words
from knowledge.qa.text import STOPWORDS, words

# How a follow-up starts ("and in Florida?", "what about RHIA?").
_OPENINGS = re.compile(r"^(and|also|what about|how about|same for|same in|what if|then|ok and|"
                       r"but|plus|now)\b")
# Words pointing back at the previous answer ("how long is IT?").
_BACK = frozenset({"it", "that", "this", "those", "them", "there", "one", "ones"})
# A follow-up is short: at most this many words of its own.
MAX_FOLLOWUP_WORDS = 8


def followup_text(previous: str, question: str) -> str | None:
    """The question as it reads after `previous`, or None when it is not a follow-up.

    "and in Florida?" after "how much do EHR specialists make" → "how much do ehr specialists
    make in florida": a state or certification named replaces the previous one; a question that
    only points back ("how long is it?") keeps the previous question's state and certifications.
    """
    own = words(question)
    if not own or len(own) > MAX_FOLLOWUP_WORDS:
        return None
    folded = " ".join(own)
    named = mention_words(question)
    content = [w for w in own if w not in STOPWORDS and w not in _BACK and w not in named]
    asked = find_mentions(question, own)
    before = find_mentions(previous, words(previous))
    replaced = set()
    if asked.state and before.state:
        replaced |= mention_words(previous, states=True, certs=False)
    if asked.certs and before.certs:
        replaced |= mention_words(previous, states=False, certs=True)
    opening = _OPENINGS.match(folded)
    points_back = bool(_BACK.intersection(own))
    # "Florida?" alone after "pay in Texas": a state for a state, a certification for one.
    bare = bool(replaced) and len(content) <= 1
    if not (opening or points_back or bare):
        return None
    kept = [w for w in words(previous) if w not in replaced]
    rest = _OPENINGS.sub("", folded).strip()
    if not content:
        # Nothing asked of its own ("and in Florida?"): the previous question, changed.
        return " ".join([*kept, rest])
    # Its own question ("what about remote work?", "how long is it?"): the previous
    # question's state and certifications carry over.
    carried = mention_words(previous) - replaced
    return " ".join([rest, *[w for w in kept if w in carried]])
