"""Conversational framing around a question: who asks and why ("my teacher asked us this lol",
"asking for a friend", "my coworker and i were arguing about"), chat openers ("quick q,", "ok
random one:", "hey bot", "not sure if you can answer this but") and closers ("thanks in
advance", "any help appreciated", "if that makes sense", "edit: typo").

Such a clause asks nothing itself, yet its words cost answers: the person named ("teacher") read
as another occupation asked about, and words the knowledge lacks ("settle", "debate", "random")
raised the coverage an answer needs. A leading or trailing clause of this kind is cut off before
the question is read; what is left is read as if typed alone. Nothing else is touched: a
self-description ("i'm a teacher, can i switch") or another occupation asked about ("what do
teachers make") is no framing, and a framed off-topic question stays off topic.
"""

from __future__ import annotations

import re

# Between and around the pieces of framing: punctuation, and the chat fillers that go with it.
# (Laughter is a closer of its own, below: read only one way, it keeps the patterns fast.)
_GAP_CHARS = r"\s,.:;!?~*()\[\]\-–—/"
_GAP = rf"(?:[{_GAP_CHARS}]|\b(?:ok|okay|so+|but|and|um+|uh+|well)\b)*"
_LAUGHTER = r"lol|lmao|haha\w*|hehe|xd"
# Who asks and why: "my teacher asked us this", "a friend of mine wants to know", "my coworker
# and i were arguing about", "i was asked this in class". The one asking is anyone the asker
# names with "my" or "our" (a word or three, "my 10th grade teacher"), or one of these people;
# what they do is ask, wonder or argue - never say (hearsay carries a claim, see
# knowledge/qa/specifics.py), and never "ask for" or "ask me to" something ("my job asks for a
# cert" is a requirement).
PEOPLE = "|".join((
    "friend", "buddy", "pal", "bestie", "bff", "bf", "gf", "boyfriend", "girlfriend", "partner",
    "fiance", "fiancee", "wife", "husband", "hubby", "mom", "mum", "mother", "dad", "father",
    "parent", "grandma", "grandpa", "grandmother", "grandfather", "son", "daughter", "kid",
    "child", "sister", "brother", "sis", "bro", "cousin", "aunt", "uncle", "niece", "nephew",
    "roommate", "neighbou?r", "coworker", "co worker", "colleague", "classmate", "teacher",
    "professor", "instructor", "tutor", "counselor", "advisor", "boss", "student"))
_ONE = "|".join((
    r"(?:my|our|me and my|one of my) (?:\w+ ){0,2}?\w+",
    rf"(?:(?:a|an) (?:\w+ )?)?(?:{PEOPLE})s?(?: of (?:mine|ours))?",
    "someone", "somebody", "people", "everyone", "i", "we"))
_REPORTS = "|".join((  # the longer forms first: the first that fits is kept
    r"(?:told|wants|made|wanted|asked) me to (?:ask|find out|check)", "asked", "asks",
    r"(?:(?:was|is|were|are|keeps?|kept) )?asking", r"(?:got|was|were|get|keep getting) asked",
    r"(?:wants?|wanted|would like|needs?) to know", r"(?:was|is|were|are) wondering", "wonders",
    r"(?:is|was|were|are|got) curious(?: about)?",
    r"(?:were|are|was|got|keep) (?:arguing|debating|fighting|talking|discussing)(?: about)?",
    "bet", r"(?:had|made|have) (?:a|an) (?:argument|debate|bet)(?: about)?"))
_WHOM = (r"(?: (?:me|us|you|u|the class|everyone))?"
         r"(?: (?:this|that|something|a question|the following))?"
         r"(?: (?:in|for|at) (?:class|school|work))?(?: and i (?:didnt|dont) know)?")
# (Atomic: "someone asked me to get certified" is no framing, whatever it could leave out.)
_REPORTED = rf"(?:{_ONE})(?: and (?:i|me))? (?>(?:{_REPORTS}){_WHOM})(?! to\b| for\b)"
# Who asks, named as kin or a person ("my mom", "a coworker of mine"): last, their clause needs
# no mark before it ("how much is it my mom wants to know"), for no question ends so - unless
# they are its subject ("what does my boss want to know").
_AUXILIARY = "".join(f"(?<!{verb} )" for verb in (
    "do", "does", "did", "would", "will", "can", "could", "should", "might", "must"))
# Someone of the asker's ("my mom", "my little brother"; knowledge/qa/text.py's situations too),
# here with in-laws ("our in-laws").
THEIRS = rf"(?:my|our) (?:\w+ )?(?:{PEOPLE})s?"
_THEIRS = rf"{THEIRS}(?:[ -]in[ -]laws?)?"
_KIN = rf"{_AUXILIARY}(?:{_THEIRS}|(?:a|an) (?:{PEOPLE})(?: of (?:mine|ours))?)"
_KIN_REPORTED = rf"{_KIN}(?: and (?:i|me))? (?>(?:{_REPORTS}){_WHOM})(?! to\b| for\b)"
# Why: "for a school project", "for my homework", "asking for a friend", "for context".
_WHY = "|".join((
    r"for (?:a|an|my|our) (?:school |class |college |uni |research |group )?(?:project|"
    r"assignment|homework|hw|paper|essay|report|presentation|class|quiz)",
    rf"(?:(?:im |just )?asking|this is|its) for (?:a|my|our) (?:\w+ )?(?:{PEOPLE})s?"
    r"(?: (?:who is|whos|who works as|who was) (?:an? )?\w+)?",
    "for context", "fyi"))
_FOR_SCHOOL = r"for (?:school|class|homework|research)"
# What only opens a chat message, or closes one.
_KIND = ("(?:quick|random|dumb|silly|stupid|weird|odd|strange|simple|easy|honest|genuine|"
         "serious|real|general|basic|another|one more|potentially dumb|maybe dumb|noob|newbie|"
         "beginner|main|big|important|actual|follow ?up|followup|side|last|final|"
         "(?:job )?interview(?: prep)?|practical|legit|hypothetical)")
# When a question is asked ("quick question before my interview", "question first"); the
# asker's own event, never a subject asked about.
_WHEN = (r"(?: (?:first|before|for|after) (?:my|an?|the|our) (?:\w+ )?"
         r"(?:interview|shift|class|meeting|appointment))"
         r"|(?: first(?:,? (?:backstory|context|story|details) (?:after|later|below))?)")
# "the last thing on the list", "the final one in the series": a thing the question is about,
# not an opener ("last thing: ...", "one more thing, ...").
_NOT_SUBJECT = (r"(?! (?:on|in|of|to|from|at|before|after|that|which|left|needed|required|"
                r"you|u|i|we|they)\b)")
_YOU = "(?:you|u|ya|yall)"
_ASKED = (r"(?:you (?:all|guys)|you|u|ya|yall|anyone|everyone|people|folks|those)"
          r"(?: (?:in|who work in) (?:the|this) (?:field|industry))?")
# Why it is urgent ("need money soon", "i need a job asap", "im broke"): the asker's situation,
# which asks nothing ("need money" is no pay asked).
_URGENT = (r"(?:(?:and |but )?(?:i )?(?:really |badly |kinda )?need (?:a job|a new job|work|money|"
           r"the money|income|a paycheck|cash)(?: (?:asap|fast|quick|quickly|soon|now|right now|"
           r"rn|badly|lol))*|(?:im|i am) (?:so |pretty |kinda )?broke"
           # and the budget one is on ("mom of 2 on a budget, need to plan"; round 13)
           r"|(?:(?:im|i am|were|we are) )?on a (?:tight |strict |small |fixed )?budget"
           r"|(?:i )?(?:need|have|gotta) to (?:plan|budget|save)(?: ahead| for it| up)?)")
# A formal request around the question ("could you please tell me what ...", "i would like to
# know"), and an asker outside the field introducing themself ("i am a school counsellor.",
# "as a hiring manager,", "i am writing an article and need"): none of it is asked.
_POLITE = "|".join((
    rf"(?:please )?(?:could|can|would|will) {_YOU} (?:please |kindly )?(?:tell me|let me know)"
    r"(?: please)?",
    r"please (?:tell me|let me know)", r"i (?:would|d) (?:like|love) to know"))
_OUTSIDER_ROLE = (r"(?:(?:high )?school |guidance |careers? |academic )?(?:counsell?or|adviser|"
                  r"advisor)|journalist|reporter|researcher|recruiter|hiring manager|"
                  r"(?:job|career|employment) coach|hr (?:manager|person|officer|recruiter)|parent|"
                  r"hospital (?:manager|administrator)|practice manager|"
                  r"workforce (?:board |development )?(?:officer|official|analyst|member)")
_OUTSIDER = "|".join((
    rf"(?:i am|im|i m|as) (?:a|an) (?:{_OUTSIDER_ROLE})",
    r"(?:i am|im|i m|we are|were|we re) (?:writing|working on|preparing|drafting) (?:a|an|my|our) "
    r"(?:\w+ )?(?:article|story|piece|report|paper|presentation|lesson|advertisement|advert|"
    r"ad|posting|listing|vacancy notice)(?: and (?:i |we )?need)?"))
_OPENER = "|".join((
    r"(?:hi+|he+y+|hel+o+|hiya|heya|yo+|howdy|greetings|dear)(?: there)?"
    r"(?: (?:bot|coach|guys|all|everyone|yall|folks))?",
    "good (?:morning|afternoon|evening)",
    rf"(?:a |one )?(?:{_KIND} )+(?:question|q|qq|(?:one|thing){_NOT_SUBJECT})(?: maybe)?"
    rf"(?: for {_ASKED})?"
    rf"(?:{_WHEN})?",
    rf"(?:question|q)(?:{_WHEN})",
    rf"question for {_ASKED}",
    rf"(?:i (?:have|got|ve got)|got) (?:a |one |another )?(?:{_KIND} )?(?:question|q)"
    rf"(?: for {_ASKED})?",
    rf"(?:can|could|may) i ask {_YOU}? ?(?:something|a question|a quick question)",
    rf"(?:let me|lemme) ask {_YOU}(?: something)?", "mind if i ask",
    r"(?:i )?need (?:some )?help(?: here| with something| with this)?", "help me out(?: here)?",
    rf"(?:not sure|idk|i dont know|dunno) if {_YOU} (?:can|could|would) (?:answer|help with|"
    r"know)(?: this| that)?(?: one)?",
    rf"(?:this|it) (?:might|may|could) be (?:a )?(?:{_KIND}|obvious)"
    r"(?: one| question| thing to ask)?",
    rf"sorry if this is (?:a )?(?:{_KIND}|obvious)(?: one| question)?",
    r"settle (?:a|an|this|our) (?:debate|argument|bet|dispute)(?: for (?:us|me))?",
    r"be (?:honest|real|straight)(?: with me)?",
    r"sorry for the (?:long |random |dumb )?(?:post|question|message|rant)", r"tl\W?dr",
    r"(?:(?:warning|sorry) )?(?:kind of a |kinda a |a )?long (?:post|read)(?: ahead| incoming|"
    r" alert| sorry)?", "sorry in advance",
    "long time lurker(?: first time poster)?(?: here)?", "first time post(?:er|ing)(?: here)?",
    "bear with me", "hear me out",
    r"(?:a )?question from (?:my|a|an|our) (?:\w+ ){0,2}?\w+",
    rf"(?:hoping|hope) (?:someone|somebody|anyone|{_YOU}) can help(?: me)?(?: out)?",
    rf"(?:can|could) (?:someone|somebody|anyone|{_YOU}) help(?: me)?(?: out)?",
    rf"hope {_YOU}(?:re| are)? (?:doing )?(?:well|good|ok|okay)",
    r"(?:im|i am) (?:just |really |so )?(?:curious|wondering)(?: about)?",
    r"sorry for (?:my )?(?:bad |poor |broken )?english",
    r"(?:english is not|english isnt) my (?:first|native) language", _URGENT,
    _POLITE, _OUTSIDER))
_CLOSER = "|".join((  # the longer forms first: the first that fits is kept
    r"(?:thanks|thank you|thx) for (?:your|the) help(?: earlier| before)?",
    r"(?:thanks|thank you|thx|ty|tysm|tia|tyia|cheers)(?: (?:so|very) much| a lot| a ton)?"
    r"(?: in advance)?(?: (?:guys|all|everyone|bot|mate))?",
    "please and thank you",
    r"(?:any|all) (?:help|advice|info|input|answers?|tips|insight)(?: is| would be)?"
    r"(?: (?:much|greatly|really))? (?:appreciated|welcome|would help|helps)",
    "(?:much|greatly|really|very) appreciated", "appreciate (?:it|you|any help|the help)",
    "(?:if|hope) (?:that|this) makes sense", "(?:please|pls|plz) let me know", "lmk",
    "(?:please|pls) advise",
    r"edit\s*:(?: \w+){1,3}", "(?:just )?(?:wondering|curious)",
    _URGENT,
    "no rush", "no pressure", "if i (?:may|might) ask",
    # after the two ways set side by side ("online vs in person - can i choose?")
    r"(?:can|could|do|does|would) (?:i|you|u|we|one) (?:get to )?(?:choose|pick)"
    r"(?: (?:which|either|between them|one))?",
    "(?:please|pls|plz) help", "help (?:please|pls|plz)",
    rf"if (?:{_YOU}|anyone) knows?", "anyone know", "idk", _LAUGHTER))
# A closer may come first too ("thanks in advance! what do trainers do"); an opener comes first
# only ("should i be honest", "what do i do if i need help"). Last, who asks and "for school"
# must be a clause of their own, after a mark ("how much is it, my mom wants to know") unless
# kin ask: the end of "what do i need to know" or "what degree do i need for research" is no
# framing.
_LEADING_FRAME = f"(?:{_REPORTED}|{_WHY}|{_FOR_SCHOOL}|{_OPENER}|{_CLOSER})"
_AFTER_MARK = r"(?:(?<=[,.;:!?(\-–—])|(?<=[,.;:!?(\-–—] ))"
# Last, who it is asked for ("whats the median pay for my mom").
_FOR_KIN = rf"for {_THEIRS}"
# An article heading's tail ("EHR Training Length Explained", "RHIT Exam: A Complete Guide").
_HEADING_TAIL = (r"(?:(?:simply|clearly|fully) )?explained|(?:a |the |your )?(?:complete|"
                 r"ultimate|full|quick|beginners?) guide|everything (?:you|u) need to know")
# What the answer is wanted with or for ("... together with its source", "... that i could share
# with my students"): every answer names its sources anyway.
_WANTED_WITH = (r"(?:together |along )?with (?:its|the|their|a) sources?"
                rf"|that (?:i|we) (?:could|can|might|may) share with (?:{_ONE})")
# A figure quoted back and checked ("I read that they earn $48,780 - is that current?", "the VA
# pays 42k to 107k; correct?", "... $275. Could you confirm this?"): the check asks nothing of
# its own - the claim before it is what is asked, and every answer gives its figure and source.
_CHECK_BACK = "|".join((
    r"(?:is|was|are|were) (?:that|this|it|these|those)(?: (?:figure|number|amount|claim|range))?"
    r"(?: (?:really|still|actually))? (?:true|correct|right|accurate|current|up to date|valid"
    r"|legit)(?: (?:today|now|still))?",
    r"(?:correct|right|true|accurate)",
    rf"(?:(?:could|can|would|will) {_YOU} (?:please |kindly )?|(?:please |kindly ))"
    r"(?:confirm|verify|check)(?: (?:this|that|it|the figure|this figure|that figure))?"
    r"(?: for me)?(?: please)?"))
# (After the claim's own sentence: "..., is that true" within one is the hearsay's, see
# knowledge/qa/specifics.py, and splits into no part.)
_AFTER_END = r"(?:(?<=[.;!?\-–—])|(?<=[.;!?\-–—] ))"
_TRAILING_FRAME = (f"(?:{_AFTER_MARK}(?:{_REPORTED}|{_FOR_SCHOOL})|{_AFTER_END}(?:{_CHECK_BACK})"
                   f"|{_KIN_REPORTED}"
                   f"|{_FOR_KIN}|{_WHY}|{_CLOSER}|{_HEADING_TAIL}|{_WANTED_WITH})")
_LEADING = re.compile(rf"^{_GAP}(?:{_LEADING_FRAME}\b{_GAP})+", re.IGNORECASE)
_TRAILING = re.compile(rf"(?:{_TRAILING_FRAME}\b{_GAP})+", re.IGNORECASE)
# A closing is looked for among the last words only, each tried as its start: searched for
# anywhere, the patterns would be tried at every word of a long post.
_WORD_START = re.compile(r"\b\w")
MAX_CLOSING_WORDS = 12
# Before a closing, the question's own end ("how many questions? tia") stays with it.
_BEFORE_CLOSING = re.compile(r"[\s,:;~*()\[\]\-–—/]+$")
_APOSTROPHES = frozenset("'’")


def unframed(text: str) -> str:
    """`text` without the leading and trailing clauses that only frame its question ("my
    teacher asked us this lol cphims eligibility" → "cphims eligibility"); unchanged when it
    has none, or is nothing but framing."""
    kept = [index for index, char in enumerate(text) if char not in _APOSTROPHES]
    bare = "".join(text[index] for index in kept)  # "didn't" is "didnt", as the patterns say
    begin = _opening_end(bare)
    finish = _closing_start(bare, begin)
    if (begin == 0 and finish == len(bare)) or not bare[begin:finish].strip():
        return text
    return text[kept[begin]:kept[finish - 1] + 1]


def only_framing(text: str) -> bool:
    """Whether `text` is nothing but framing ("thanks in advance!", "any help appreciated",
    "quick question"): no question yet."""
    bare = "".join(char for char in text if char not in _APOSTROPHES)
    return bool(bare.strip()) and _opening_end(bare) == len(bare)


def _opening_end(bare: str) -> int:
    """Where the opening framing of `bare` ends (0: it has none)."""
    start = _LEADING.match(bare)
    return start.end() if start else 0


def _closing_start(bare: str, begin: int) -> int:
    """Where the closing of `bare` (after `begin`) starts, its question's own end mark kept;
    the end of `bare` when it has none."""
    starts = [found.start() for found in _WORD_START.finditer(bare, begin)]
    for start in starts[-MAX_CLOSING_WORDS:]:  # the earliest first: the whole closing
        if _TRAILING.fullmatch(bare, start):
            before = _BEFORE_CLOSING.search(bare, begin, start)
            return before.start() if before else start
    return len(bare)
