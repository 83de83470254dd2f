"""Specific things a question may name that only an entry naming them too can answer.

"How much do EHR specialists make in Chicago?" is not answered by the national median, nor "what
does Kaiser pay?", "what do registered nurses make?", "the median in 2035?", "the 75th
percentile?", "GS-12 step 5?", "do they get a gym membership?" or "the RHIA pass rate?" by the
RHIA card: the place, employer, other occupation, year, percentile, grade, perk or detail asked
for must be in the answer, or the honest reply is "I don't know".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from knowledge.profile import STATES, Certification
from knowledge.qa.ladder import skills_asked
from knowledge.qa.text import BY_HOUR, FIRST_PERSON, FUNDED, words

# A year named in a question ("in 2030") must be in the answer too.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# So must a percentile: "the 75th percentile", "the top 25 %" (the 75th), "the bottom 10 percent"
# (the 10th), "the upper quartile" (the 75th) - the data has a median and a few percentiles.
_PERCENTILE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th) percentiles?\b")
_SHARE = re.compile(r"\b(top|highest|upper|bottom|lowest|lower)(?: paid| earning| earners)?"
                    r" (\d{1,2}) (?:percent|pct)\b")
_QUARTILE = re.compile(r"\b(top|highest|upper|bottom|lowest|lower) quartile\b")
_HIGH = frozenset({"top", "highest", "upper"})
# And a General Schedule grade or step ("GS-12", "gs 9 step 5"): the table has a few of each.
_GRADE = re.compile(r"\bgs ?(\d{1,2})\b")
_STEP = re.compile(r"\bstep (\d{1,2})\b")
# A GS series ("GS-0669", "the 0679 series") must be named too: the knowledge has one.
_SERIES = re.compile(r"\bgs ?(0\d{3})\b|\b(0\d{3}) series\b")
# Which grade someone is hired at, with no grade named ("what GS grade are VA techs hired at",
# "what gs level do they start at"):
# no source says, so no answer names it.
_WHICH_GRADE = re.compile(r"\b(?:what|which) (?:(?:gs |pay |federal )?grade|gs level)\b.*"
                          r"\b(?:hired?|hiring|start|starting|bring|brought|begin|entry)\b"
                          r"|\bstarting (?:gs )?grade\b"
                          # ("which gs do new hires at the va start at", "usual starting gs at
                          # social security", "what grade does hhs bring records staff in at")
                          r"|\b(?:what|which) gs\b(?! series\b).*\b(?:hired?|hires|hiring|start"
                          r"|starting|bring|brought|begin|entry)\b"
                          r"|\b(?:starting|usual|typical|normal|beginning) (?:starting )?gs\b"
                          r"(?! ?\d)(?! (?:series|pay|salary|salaries|table|scale|wages?|range"
                          r"|base)\b)"
                          r"|\bgrades?\b.*\b(?:bring|brings|brought) (?:\w+ ){0,3}in at\b")
# A head count asked ("how many EHR jobs are in Florida") needs an answer that counts jobs or
# people: a state's pay card does not.
_COUNTED_NOUNS = (r"(?:jobs|openings|positions|people|ppl|folks"
                  r"|specialists|workers|employees|techs|technicians|clerks|coders"
                  r"|technologists|registrars|managers|postings|listings|ads)")
# or in other words ("number of medical records jobs in georgia", "employment numbers for ehr
# specialists in florida", "what's the employment for records techs in texas"; not the
# employment outlook or growth)
_COUNT = re.compile(rf"\bhow many(?: \w+){{0,3}} {_COUNTED_NOUNS}\b"
                    rf"|\b(?:number|count|total|headcount|head count) of(?: \w+){{0,3}}"
                    rf" {_COUNTED_NOUNS}\b"
                    r"|\bemployment (?:numbers?|figures?|counts?|levels?|totals?|stats?"
                    r"|statistics|data)\b"
                    r"|\b(?:what|whats|what s) (?:is |s )?the employment (?:for|of|in)\b"
                    # typed as a search (round 13, numbers13: "georgia medical records
                    # employment", "texas records specialists employed 2021", "jobs count")
                    rf"|\b(?:jobs?|employment|employed) (?:numbers?|counts?|totals?)\b"
                    rf"|\btotal (?:jobs|employment|employed)\b|\bnumber employed\b"
                    rf"|\b{_COUNTED_NOUNS} employed\b(?! (?:by|at|as|in (?:a|an|the)\b))"
                    r"|\bemployment(?= (?:19|20)\d\d$|$)")
# The knowledge counts no one at a federal agency ("how many records techs does the VA employ").
_AGENCY = re.compile(r"\b(?:va|ssa|hhs|veterans affairs|social security|federal|government|govt"
                     r"|agency|agencies)\b")
# Nor the postings on a job board ("how many ehr jobs are on indeed right now").
_BOARD = re.compile(r"\b(?:indeed|linkedin|glassdoor|ziprecruiter|monster|usajobs|job boards?"
                    r"|job sites?)\b")
# What a school, degree or programme costs ("how much does an online hit associate cost",
# "tuition for a bachelors"): no source gives it (an exam's fee is no programme's cost). Whether
# one is worth its cost ("is a degree worth the cost") is no price asked.
_STUDY = (r"(?:associates?|associate s|bachelors?|bachelor s|masters?|master s|degrees?"
          r"|programs?|programmes?|courses?|classes|school|schools|college|colleges|tuition)")
_COST = r"(?:cost|costs|costing|price|prices|priced|expensive|pricey|tuition)"
_SCHOOL_COST = re.compile(rf"\b{_STUDY}\b(?: \w+){{0,3}} {_COST}\b"
                          rf"|\b{_COST}\b(?: \w+){{0,4}} {_STUDY}\b")
# or what one "runs" or "sets you back" ("what does a 2 year hit degree run at a cc").
_SCHOOL_RUNS = re.compile(rf"\bwhat (?:does|do|would|will|did) (?:\w+ ){{0,4}}{_STUDY}"
                          r"(?: \w+){0,4} (?:run|set you back|set me back|go for)\b")
_WORTH = re.compile(r"\bworth\b")


# or what an exam prep course, class or study guide costs ("how much is a cpc prep class",
# "price of an online ehr prep course"): no source prices one (an exam's fee is no course's).
_PREP = (r"\b(?:prep|preparation|review|study|practice|boot ?camps?|crash)(?: \w+)?"
         r" (?:courses?|class|classes|programs?|programmes?|materials?|books?|guides?|tests?"
         r"|exams?|sessions?|kits?|bundles?|packages?)\b")
_PREP_COST = re.compile(rf"{_PREP}(?: \w+){{0,3}} {_COST}\b|\b{_COST}\b(?: \w+){{0,6}} {_PREP}"
                        rf"|\bhow much (?:is|are|s|would|will|does|do)\b(?: \w+){{0,5}} {_PREP}")


def _asks_school_cost(folded: str) -> bool:
    """Whether a folded question asks what a school, degree, programme or prep course costs."""
    return bool(_SCHOOL_COST.search(folded) or _SCHOOL_RUNS.search(folded)
                or _PREP_COST.search(folded)) and not _WORTH.search(folded)
# The future past the projections' end (2034): "in 20 years", "30 yrs from now", "in a few
# decades" (not "over the next decade", nor "20 years of experience").
_FAR = r"(?:1[1-9]|[2-9]\d|fifteen|twenty(?: five)?|thirty|forty|fifty)"
_FAR_FUTURE = re.compile(rf"\b(?:in|within|over) (?:the )?(?:next |coming )?"
                         rf"(?:{_FAR} (?:years?|yrs?)"
                         r"|(?:a few |a couple of |two |three |several )?decades)\b"
                         r"(?! (?:of )?(?:experience|exp|work|working)\b)"
                         rf"|\b{_FAR} (?:years?|yrs?) (?:from now|down the (?:road|line))\b")
# Next year's figures ("what will gs-5 pay next year"): no source has a table or median past 2025.
_NEXT_YEAR = re.compile(r"\b(?:next|following|coming) year\b")
# The workers' ages ("how old is the typical EHR specialist", "average age"): no source gives
# them (not how old one must be, or is too old, to start).
_AGE = re.compile(r"\bhow old (?:is|are) (?:the |an? )?(?:typical|average|usual|most)\b"
                  r"|\b(?:average|typical|median|mean|usual) ages?\b|\bage (?:range|breakdown)\b"
                  r"|\bat what age (?:do|does|did) (?:most |the )?(?:people|ppl|folks|specialists"
                  r"|they)\b"
                  # being hired at an age ("will they hire someone my age", "am i too old"):
                  # no source speaks of it
                  r"|\b(?:someone|people|ppl|somebody|anyone|at) my age\b|\btoo old\b"
                  r"|\bage (?:limit|discrimination)\b|\bageism\b"
                  r"|\bhire (?:older|mature) (?:workers|people|applicants|adults)\b"
                  r"|\b(?:anyone|anybody|someone|people|ppl|workers|applicants) (?:over|above|past"
                  r"|older than) (?:[4-7]0|forty|fifty|sixty)\b")
# The share of workers who do or are something ("what percent of EHR specialists get promoted"):
# no source counts them (a pass rate is counted apart).
_SHARE_OF = re.compile(r"\bwhat (?:percent|percentage|share|proportion|fraction|portion) of"
                       r" (?:\w+ ){0,3}"
                       r"(?:specialists|people|ppl|workers|employees|techs|technicians|coders|work"
                       r"|graduates|grads|students|jobs|positions|roles|openings|postings"
                       r"|listings)\b(?!.*\b(?:pass|passed|fail|failed)\b)"
                       # the workforce's share in a setting ("share of the workforce in physician
                       # offices", "what percentage of the workforce is in nursing homes"): the
                       # data gives pay by setting, and May 2011's job counts, no shares
                       r"|\b(?:percent|percentage|share|proportion|fraction|portion) of"
                       r" (?:the |all )?(?:\w+ )?(?:workforce|work force|labou?r force)\b")
# Counts no source gives: an organisation's members or staff, the hospitals or practices using a
# system ("how many members does AHIMA have", "how many people work at the BLS", "how many
# hospitals use Cerner").
_UNCOUNTED = re.compile(r"\bhow many(?: \w+){0,3} (?:members|hospitals|clinics|practices|users"
                        r"|customers|staff|clients)\b|\bhow many(?: \w+){0,3} (?:use|uses|using)\b"
                        r"|\bhow many (?:employees|people|staff|workers) (?:does|do) (?:the )?\w+ "
                        r"(?:have|employ)\b"
                        r"|\bhow many(?: \w+){0,2} (?:work|works|are employed|employed) "
                        r"(?:at|for) (?:the )?\w+$|\b(?:its|their) (?:staff|employees)\b")
# Nor schools or programmes ("how many cahiim accredited programs are there", "number of hit
# schools in the us").
_SCHOOLS = r"(?:programs|programmes|schools|colleges|universities)"
_SCHOOL_COUNT = re.compile(rf"\bhow many (?:\w+ ){{0,2}}{_SCHOOLS}(?= (?:are|is|exist|in|out"
                           r"|there|nationwide|total|does|do|has|have|offer|offers)\b|$)"
                           rf"|\b(?:number|count) of (?:\w+ ){{0,2}}{_SCHOOLS}\b")
_COUNTED = [re.compile(rf"\b{form}\b") for form in
            ("jobs", "openings", "held", "holders", "active", "employed", "employment", "testers",
             "work as")]

# A head count of a credential's holders ("how many people hold the rhit", "number of rhia
# holders", "how many certified coders are there"): only an answer counting that credential's
# holders answers (the sources count the CCA's and the CCS's alone), not the occupation's jobs.
_PEOPLE = (r"(?:people|ppl|folks|persons|individuals|professionals|coders|specialists|techs"
           r"|technicians|americans|holders)")
_HEADS = re.compile(rf"\b(?:how many|number of|total|count of)(?: \w+){{0,3}} {_PEOPLE}\b")
_HOLD = re.compile(r"\b(?:hold|holds|holding|have|has|had|held|got|carry|carries|earned|certified"
                   r"|with"
                   r"|credentialed|holders?)\b")
_CREDENTIAL = re.compile(r"\b(?:certified|credentialed|holders?|certs?|certifications?"
                         r"|credentials?)\b")


# A credential named in a count, perhaps in the plural ("how many rhits").
_HELD = re.compile(r"\b(" + "|".join(cert.value.lower() for cert in Certification)
                   + r")(?:s| s)?\b")
# The credential itself counted ("how many rhit's are out there", "how many cehrs are there").
_CERT_HEADS = re.compile(r"\bhow many (?:active |certified |current |actual )?(?:" + "|".join(
    cert.value.lower() for cert in Certification) + r")(?: s|s)?(?: holders)?"
    r"(?= (?:are|is|out|exist|exists|in|nationwide|total|there)\b|$)")


def _holder_forms(folded: str) -> list[re.Pattern[str]] | None:
    """The forms an answer counting a credential's holders may take ("7,972 people held the
    CCA"), when a folded question asks how many hold one (none named: a form no answer names);
    None when it asks no such count."""
    if not ((_HEADS.search(folded) and _HOLD.search(folded)) or _CERT_HEADS.search(folded)):
        return None
    certs = _HELD.findall(folded)
    if certs:
        return [re.compile(rf"\bpeople held (?:\w+ ){{0,2}}{cert}\b") for cert in certs]
    return [_NOWHERE] if _CREDENTIAL.search(folded) else None


# Places below a state ranked ("top paying metro areas", "which city pays the most", "best paying
# county in texas"): no source ranks them (the one metro with figures is Lincoln, NE).
_LOCAL = (r"(?:metros?|metro areas?|metropolitan areas?|msas?|cities|city|counties|county|towns?"
          r"|zip codes?"
          r"|parts? of (?!the\b|this\b|that\b|my\b|your\b|it\b)\w+)")
_PLACE_RANK = re.compile(rf"\b(?:top|best|highest|lowest|worst|least|most)(?: \d+| ten| five)?"
                         r"(?: paying| paid)?"
                         rf" {_LOCAL}\b|\b(?:which|what) {_LOCAL}\b(?: \w+){{0,5}}"
                         r" (?:pays?|paying|paid)\b")
# An EHR vendor's shares, revenue or worth as an investment ("will epic stock go up", "how much
# revenue does epic make", "is cerner a good investment"): no source gives them (revenue-cycle
# work is a CEHRS domain, not a company's revenue).
_VENDOR = (r"(?:epic|cerner|oracle|meditech|allscripts|nextgen|next gen|veradigm|athenahealth"
           r"|athena|eclinicalworks|ecw|practice fusion|greenway|kareo|drchrono)")
_MARKET = re.compile(r"\b(?:stocks?|share price|shareholders?|ipo|publicly traded|market cap\w*"
                     r"|dividends?|nasdaq|nyse)\b")
_FINANCES = re.compile(r"\b(?:revenue(?! cycle)|revenues|profits?|profitable|invest\w*|investors?"
                       r"|valuation|net worth|market value|sales)\b"
                       r"|\bhow much (?:is|s|are) (?:\w+ ){1,2}worth$")
# What EHR software costs a practice ("how much does meditech cost a small practice", "epic
# license price", "what does an ehr system cost per month"): no source prices it. An exam's,
# a course's or a credential's cost is no software's.
_SOFTWARE = (rf"(?:{_VENDOR}|ehrs?|emrs?|software|systems?|platforms?|licen[cs]es?|licensing"
             r"|subscriptions?)")
_CHARGE = r"(?:cost|costs|costing|price|prices|priced|pricing|charge|charges|charging)"
_SOFTWARE_COST = re.compile(rf"\b{_SOFTWARE}\b(?: \w+){{0,3}} {_CHARGE}\b"
                            rf"|\b{_CHARGE}\b(?: \w+){{0,4}} {_SOFTWARE}\b")
_NOT_SOFTWARE = re.compile(r"\b(?:exams?|tests?|certs?|certifications?|certified|credentials?"
                           r"|training|courses?|classes|programs?|programmes?|degrees?|school"
                           r"|renew\w*|membership|dues|fees?)\b")


def _asks_vendor_money(folded: str) -> bool:
    """Whether a folded question asks a vendor's shares, revenue or software price."""
    if _MARKET.search(folded):
        return True
    if re.search(rf"\b{_VENDOR}\b", folded) and _FINANCES.search(folded):
        return True
    return bool(_SOFTWARE_COST.search(folded)) and not _NOT_SOFTWARE.search(folded)


# How big an EHR vendor is ("is epic bigger than cerner", "which ehr vendor is in the most
# hospitals", "epic's market share", "number one by revenue", "what percent of hospitals use
# cerner"): no source sizes the vendors.
_VENDORS = re.compile(rf"\b(?:{_VENDOR})s?\b|\b(?:ehr |emr )?(?:vendors?|compan(?:y|ies))\b")
_VENDOR_SIZE = re.compile(r"\b(?:bigger|larger|biggest|largest|market share|(?:more|most)"
                          r" (?:customers|clients|hospitals|users|market share|of the market)"
                          r"|number one|no 1|revenues?(?! cycle)|sales"
                          r"|(?:percent|percentage|share|proportion|fraction) of (?:the |all |us )?"
                          r"(?:hospitals|clinics|practices|doctors|providers))\b")


def _asks_vendor_size(folded: str) -> bool:
    """Whether a folded question asks how big an EHR vendor is, or which is biggest (not the
    biggest ones in general: see `vendors_ranked`)."""
    return bool(_VENDOR_SIZE.search(folded)) and bool(_VENDORS.search(folded)) \
        and vendors_ranked(folded) is None


# The vendors in general by their size or standing ("biggest ehr companies", "who are the
# major ehr vendors", "which ehr brands dominate the market"): the ones the sources name as the
# most used; a vendor named, a share, a count or a customer asked stays declined.
_SOFTWARE_MAKERS = (r"(?:(?:ehr|emr|software|electronic health records?|health records?)"
                    r" (?:vendors|companies|brands|makers|systems|players)|vendors|brands)")
_SIZE_WORDS = r"(?:biggest|largest|top|leading|dominant)"
_RANKED_VENDORS = re.compile(
    rf"\b(?:{_SIZE_WORDS}|major|main|big|most popular|most used|most common)"
    rf"(?: \w+)? {_SOFTWARE_MAKERS}\b"
    rf"|\b{_SOFTWARE_MAKERS}(?: \w+){{0,2}} (?:dominat\w*|leads?|lead the market)\b")
_SIZED = re.compile(rf"\b{_SIZE_WORDS}\b|\bdominat\w*|\blead")
# Which to learn is another question (the EHR systems' card answers it).
_TO_LEARN = re.compile(r"\blearn")
_VENDOR_COUNTED = re.compile(r"\bmarket share\b|\b(?:more|most) (?:customers|clients|hospitals"
                             r"|users)\b|\bhow (?:big|large|many)\b|\brevenues?\b")


def vendors_ranked(folded: str) -> str | None:
    """For a folded question asking which EHR vendors are the big ones, what the sources do not
    say of their size (empty when nothing of size is asked: "the main ehr vendors"); None when
    it asks no such thing."""
    if not _RANKED_VENDORS.search(folded) or re.search(rf"\b{_VENDOR}s?\b", folded) \
            or _VENDOR_COUNTED.search(folded) or _TO_LEARN.search(folded):
        return None
    if not _SIZED.search(folded):
        return ""
    return ("No source I use sizes the EHR vendors (their customers, hospitals or market share);"
            " these are the ones they name among the most used.")


# Which EHR system to learn or get hands-on with first ("which emr should i get hands on
# training in before anything else", "im a student, which ehr software should i practice on
# first"): the EHR systems' card (start with those used near you), not internships.
_SYSTEMS = r"(?:ehrs?|emrs?|systems?|software|softwares|platforms?|vendors?)"
_LEARN = (r"(?:learn(?:ing|ed|t)?|practi[cs](?:e|ed|es|ing)|train(?:ed|ing)?|hands on"
          r"|master(?:ing)?|focus(?:ing)? on|pick up|start|get good at|get familiar"
          r"|familiari[sz]e)")
_SYSTEM_TO_LEARN = re.compile(
    rf"\b(?:which|what|wat)(?: \w+){{0,2}} {_SYSTEMS}\b(?: \w+){{0,6}} {_LEARN}\b"
    rf"|\b{_LEARN}\b(?: \w+){{0,3}} (?:which|what) {_SYSTEMS}\b")
_NOT_A_SYSTEM = re.compile(r"\b(?:certificate|degree|school|college|training program"
                           r"|certifications?|certs?|credentials?|exams?)\b")


def system_to_learn(folded: str) -> bool:
    """Whether a folded question asks which EHR system to learn or practise on (first)."""
    return bool(_SYSTEM_TO_LEARN.search(folded)) and not _NOT_A_SYSTEM.search(folded) \
        and not _VENDOR_NAME.search(folded)


_VENDOR_NAME = re.compile(rf"\b{_VENDOR}\b")


def vendor_words(folded: str) -> set[str]:
    """The words of the EHR vendors a folded question names ("epic", "next gen")."""
    return {word for match in _VENDOR_NAME.finditer(folded) for word in match.group().split()}


# An EHR vendor as an employer ("what perks do you get working at epic", "cerner employee
# benefits") or as a certifier ("how do i get epic certified", "epic certification cost"): the
# sources describe the vendors' software only (working *with* Epic is using it).
_VENDOR_WORK = re.compile(rf"\b(?:work|works|working|worked|employed|job|jobs|career|hired)"
                          rf" (?:at|for) {_VENDOR}\b"
                          rf"|\b{_VENDOR}(?: systems| s)? (?:employees?|staff|perks|benefits"
                          r"|culture|headquarters|hq|campus|certified|certifications?"
                          r"|credentials?|badges?|proficiency)\b"
                          r"|\b(?:certified|certification|credentialed) (?:in|on|for|by) "
                          rf"{_VENDOR}\b")


# A school or programme ranked ("best ehr school in ohio", "top rated coding programs"): no
# source ranks them (an EHR program to learn is software: "best ehr program to learn").
_SCHOOL_RANK = re.compile(r"\b(?:best|top|highest|greatest|leading|number one)(?: rated| ranked)?"
                          r"(?: \w+){0,3} (?:schools?|colleges?|universit(?:y|ies)|programs?"
                          r"|programmes?)\b(?! to (?:learn|know|use|master)\b)")
# A pass rate in a state ("cehrs pass rate in california"): the pass rates known are national.
_STATE_NAMES = "|".join(name.lower() for name in STATES.values())
_STATE_PASS_RATE = re.compile(rf"\bpass(?:ing)? rates?\b(?: \w+){{0,4}} (?:{_STATE_NAMES})\b"
                              rf"|\b(?:{_STATE_NAMES})\b(?: \w+){{0,3}} pass(?:ing)? rates?\b")

# A city asked as itself, not its state ("pay in dallas specifically, not texas overall", "the
# actual city of seattle", "i dont want the state average"): the knowledge has figures for no
# city on its own (Lincoln, NE aside), so the state's are no answer then.
_CITY_ITSELF = re.compile(
    r"\b(?:specifically|itself|city proper|city limits|actual city|city only|just the city)\b"
    r"|\bnot (?:the |a |for the )?(?:state|states|statewide|whole state|entire state)\b"
    rf"|\bnot (?:the |all of |for )?(?:{_STATE_NAMES})\b"
    r"|\b(?:dont|don t|do not|didnt|didn t) (?:want|need|mean)(?: \w+)? (?:the )?(?:state"
    r"|statewide)\b"
    r"|\b(?:rather than|instead of|other than) (?:the )?(?:state|statewide)\b")
_STATE_NAMED = re.compile(rf"\b(?:{_STATE_NAMES})\b")


def _each_state_named(folded: str) -> list[re.Pattern[str]]:
    """One form per state a folded question names: an answer must name that state itself."""
    return [re.compile(rf"\b{state}\b") for state in _STATE_NAMED.findall(folded)]


# A pay figure asked as a search ("georgia 2021 mean", "florida median pay 2023"), and the nation
# named beside a state ("texas vs the national median in 2021": the national figure answers too).
_YEARLY_STATE_PAY = re.compile(r"\b(?:mean|median|average|avg|pay|salary|salaries|wages?"
                               r"|earnings|income)\b")
_NATIONWIDE = re.compile(r"\b(?:national|nationally|nationwide|nation|country|us|usa|america"
                         r"|u s)\b")
# The District of Columbia, which the state table has no figure for.
_DISTRICT = re.compile(r"\b(?:washington d ?c|district of columbia|d ?c)\b")
# Federal pay asked: the General Schedule, its agencies and employees ("gs employees", "feds").
_FEDERAL = re.compile(rf"{_AGENCY.pattern}|\bgs\b|\bgeneral schedule\b|\bfeds?\b|\bgov\b|\bopm\b")


def _state_pay_in_year(folded: str) -> bool:
    """Whether a folded question asks a state's pay in a named year ("georgia 2021 mean"), not
    the nation's beside it nor federal pay."""
    return bool(_YEAR.search(folded) and _YEARLY_STATE_PAY.search(folded)
                and _STATE_NAMED.search(folded)) and not _NATIONWIDE.search(folded) \
        and not _FEDERAL.search(folded)


# Yearly raises ("how big is the annual raise", "do they get a cost of living raise"): the sources
# give only the General Schedule's base pay increases, so only a federal question is answered,
# by an entry stating one.
_RAISE = re.compile(r"\b(?:yearly|annual|annually|every year|each year|cost of living|col)"
                    r"(?: pay)? (?:raises?|increases?|bumps?|adjustments?)\b"
                    r"|\b(?:raises?|bumps?) (?:every|each|per|a) year\b|\bcola\b")
_RAISE_FORMS = [re.compile(r"\bpay increase\b")]
# How long federal hiring takes ("how long does the va take to hire"): no source says (how long
# until one is employable is the training's length, answered for any employer).
_HIRING_TIME = re.compile(r"\bhow long\b(?: \w+){0,6} (?:hire|hires|hiring|hired|onboard\w*)\b"
                          r"|\bhiring (?:process|timeline|time)\b")
# Benefits an employer gives ("do they get health insurance thru work", "does the hospital offer
# dental"): the sources name only federal jobs' benefits, so only a federal question is answered,
# by an entry on benefits.
_BENEFIT = re.compile(r"\b(?:health|dental|vision|medical|life) (?:insurance|coverage|plans?)\b"
                      r"(?: \w+){0,2} (?:thru|through|from|at|by) (?:work|the job|my job|your job"
                      r"|the employer|my employer|employers?|the hospital|the clinic)\b"
                      r"|\b(?:get|gets|offer|offers|provide|provides|give|gives|come with"
                      r"|comes with|include|includes)(?: \w+){0,2} (?:health|dental|vision"
                      r"|medical) (?:insurance|coverage|benefits)\b"
                      # perks in general ("do they give good perks", "cerner's benefits package")
                      r"|\b(?:get|gets|offer|offers|provide|provides|give|gives)(?: \w+){0,2}"
                      r" (?:perks|benefits)\b"
                      r"|\b(?:perks|fringe benefits|benefits? packages?"
                      r"|(?:good|great|decent|nice|better|best) benefits)\b")
_BENEFIT_FORMS = [re.compile(r"\bbenefits\b")]


# Locality pay asked ("gs-7 in san antonio with locality", "locality pay in dallas"): only an
# answer on locality pay answers (a state's card gives no federal pay there).
_LOCALITY = re.compile(r"\blocality\b")


def _federal_only(folded: str, forms: list[re.Pattern[str]]) -> list[re.Pattern[str]]:
    """`forms` when a folded question asks about federal jobs, else a form no answer names."""
    return forms if _FEDERAL.search(folded) else [_NOWHERE]


# Membership dues asked ("how much is AHIMA membership", "yearly AAPC dues"), not a member's
# exam price ("member price", "cheaper with membership"): only an answer stating a membership
# amount answers.
_DUES = re.compile(r"\bdues\b|\bmembership (?:fees?|costs?|prices?|rates?)\b"
                   r"|\b(?:how much|cost of|price of|fees? (?:for|of))(?: \w+){0,2} membership\b"
                   r"(?! (?:prices?|rates?|discounts?)\b)"
                   r"|\b(?:cost|costs|price|fee|fees|much)(?: \w+){0,2} to (?:join"
                   r"|become (?:an? )?(?:\w+ )?member)\b"
                   r"|\b(?:annual|yearly) (?:fees?|costs?|price)\b")
_MEMBERSHIP_AMOUNT = r"(?:membership|dues)\b(?: \w+){0,5} \d+"
# The bodies whose membership is asked about: the amount must be that body's ("AHIMA membership"
# is not answered by AAPC's dues).
_BODIES = ("ahima", "aapc", "nha", "himss", "cahiim")


def _dues_forms(folded: str) -> list[re.Pattern[str]]:
    """The forms an answer on membership dues may take: a membership amount of the body named
    (any body's when none is)."""
    bodies = [body for body in _BODIES if re.search(rf"\b{body}\b", folded)]
    if not bodies:
        return [re.compile(rf"\b{_MEMBERSHIP_AMOUNT}")]
    return [re.compile(rf"\b{body}s?\b(?: \w+){{0,6}} {_MEMBERSHIP_AMOUNT}")
            for body in bodies]


# A pass rate asked in other words ("how many people pass", "do most pass on the first go",
# "pass numbers"): only an answer giving one answers (a pass mark is none).
_PASS_RATE = re.compile(r"\bhow many (?:people |ppl |folks |candidates |test takers |students )?"
                        r"pass(?:es|ed)?\b"
                        r"|\bwhat (?:percent|percentage|share|fraction|proportion)(?: of (?:people"
                        r"|ppl|candidates|test takers))? pass(?:es|ed)?\b"
                        r"|\bmost (?:people |ppl |folks )?pass(?:es|ed)?\b"
                        r"|\bpass(?:ing)? (?:numbers|stats|statistics)\b"
                        r"|\bpass(?:es|ed)?\b(?: \w+){0,4} first (?:try|go|attempt|time)\b")
_PASS_RATE_FORMS = [re.compile(r"\bpass rates?\b"), re.compile(r"\bfirst time\b")]
# The pass mark asked in other words ("minimum passing score", "what score do u need to pass
# the rhia", "cut score"): only an answer giving one answers; the sources give the CEHRS's,
# RHIT's, CCS's and CPC's only.
_PASS_MARK = re.compile(r"\bpass(?:ing)? (?:score|scores|mark|grade|threshold|point|cutoff)\b"
                        r"|\b(?:minimum|min|cut|cutoff|cut off) (?:\w+ )?scores?\b"
                        r"|\bscores?\b(?: \w+){0,5} (?:to pass|needed|required)\b"
                        r"|\bwhat (?:score|grade)\b(?: \w+){0,5} (?:need|needed|have to|required"
                        r"|get)\b")
_PASS_MARK_FORMS = [re.compile(r"\bpass mark\b"), re.compile(r"\bto pass\b"),
                    re.compile(r"\bpassing score\b")]
# An exam's domain weights ("how is the rhit exam weighted by domain", "cca exam domain
# percentages", "percentage breakdown of the ccs domains"): only an answer giving them (the
# CEHRS's exam content) answers; prep sites disagree on the RHIT's.
_AREAS = r"(?:domains?|sections?|content|topics?|areas?|categories|subjects?|parts?)"
_WEIGHTS = re.compile(r"\b(?:weighted|weighting|weightings)\b"
                      rf"|\bweights?\b(?: \w+){{0,3}} {_AREAS}\b"
                      rf"|\b{_AREAS}(?: \w+){{0,3}} weights?\b"
                      rf"|\b{_AREAS}(?: \w+){{0,2}} (?:percent|percents|percentages?|breakdown"
                      r"|split|distribution)\b"
                      r"|\b(?:percent|percentage|percentages|breakdown|split|distribution)\b"
                      rf"(?: \w+){{0,6}} {_AREAS}\b")
_EXAM_NAMED = re.compile(r"\b(?:exams?|tests?|" + "|".join(
    cert.value.lower() for cert in Certification) + r")\b")
_WEIGHT_FORMS = [re.compile(r"\bexam content\b")]


def _asks_weights(folded: str) -> bool:
    """Whether a folded question asks an exam's domain weights."""
    return bool(_WEIGHTS.search(folded)) and bool(_EXAM_NAMED.search(folded)) \
        and not _PASS_RATE.search(folded)


# How many attempts one gets ("how many times can I take the CPC"): only a count of attempts
# the sources give answers.
_ATTEMPTS = re.compile(r"\bhow many (?:times|attempts|tries|retakes?|chances)\b"
                       r"|\b(?:limit|maximum|max) (?:on |of )?(?:the )?"
                       r"(?:retakes?|attempts|tries)\b"
                       r"|\bretake limit\b")
_ATTEMPTS_FORMS = [re.compile(r"\b(?:one|two|three|\d+) (?:\w+ )?attempts?\b")]
# What a retake costs ("if i fail the cehrs how much is the retake", "rhia retake fee"): no
# source gives one (only the wait between attempts, and the CPC's price for two attempts).
_RETAKE = (r"(?:retakes?|retaking|retook|retests?|retesting|resits?|resitting|redo|redoing"
           r"|re take|re test|re sit|(?:take|sit|try|do) (?:it|the \w+(?: exam| test)?) again)")
_PRICE = (r"(?:cost|costs|costing|price|prices|priced|fees?|charge|charges|charged|pay|paying"
          r"|how much|expensive|cheaper)")
_RETAKE_PRICE = re.compile(rf"\b{_RETAKE}\b(?: \w+){{0,4}} {_PRICE}\b"
                           rf"|\b{_PRICE}\b(?: \w+){{0,5}} {_RETAKE}\b"
                           r"|\bpay (?:again|twice|a second time)\b")
_RETAKE_PRICE_FORMS = [re.compile(r"\battempts\b")]
# When an exam is held ("exam dates", "when is the next RHIT exam"): no source gives dates.
# How long a bachelor's or master's takes ("how long is a bachelors", "and a bachelor's?" after a
# programme's length) needs an answer about that degree: the certificate and associate lengths
# do not answer it.
_LEVEL = r"(?:bachelor|bachelors|bachelor s|master|masters|master s)"
_LENGTH = r"(?:how long|how many years|how many months|duration|length|take)"


def _level_length(level: str) -> re.Pattern[str]:
    """A length asked (or told) of a degree level, near its name."""
    return re.compile(rf"\b{_LENGTH}\b(?: \w+){{0,6}} {level}\b"
                      rf"|\b{level}\b(?: \w+){{0,6}} {_LENGTH}\b")


_LEVEL_LENGTH = _level_length(_LEVEL)
# Another occupation's schooling ("how long is pt school", "how many years for pharmacy
# school"): the lengths the sources give are this field's training (the schools are in the
# specifics too).
_OTHER_SCHOOL = re.compile(r"\b(?:(?:pharmacy|pt|ot|physical therapy|occupational therapy|med"
                           r"|medical|dental|law|pa|vet|veterinary|nursing|chiropractic"
                           r"|optometry) school|pharmd|pharm d|dpt)\b")
_OTHER_SCHOOL_LENGTH = re.compile(rf"\b{_LENGTH}\b(?: \w+){{0,6}} {_OTHER_SCHOOL.pattern}"
                                  rf"|{_OTHER_SCHOOL.pattern}(?: \w+){{0,6}} {_LENGTH}\b")
_LEVEL_FORM = re.compile(rf"\b{_LEVEL}\b")
# How long an associate degree takes ("how many years is an associates in hit"): an answer
# telling its two years.
_ASSOCIATE = r"(?:associate|associates|associate s)"
# ("is the associate's in hit 2 years": asked, not told as one's own years)
_ASSOCIATE_LENGTH = re.compile(rf"{_level_length(_ASSOCIATE).pattern}"
                               rf"|^(?:is|does|will|would) (?:\w+ ){{0,7}}?{_ASSOCIATE}\b"
                               r"(?: \w+){0,6} (?:two|2) (?:years?|yrs?)"
                               r"(?: long| or (?:more|longer|less))?$")
_ASSOCIATE_YEARS = re.compile(r"\bassociat\w*(?: \w+){0,6} (?:two|2) years\b"
                              r"|\b(?:two|2) years?(?: \w+){0,6} associat\w*")
# Years of experience asked beside a degree ("i have a bachelor's, how many years of experience
# does cphims want") are no length of the degree.
_EXPERIENCE = re.compile(r"\b(?:experience|exp)\b")
_EXAM_DATES = re.compile(r"\b(?:exam|test)s? (?:dates?|schedule|calendar)\b"
                         r"|\bwhen (?:is|are) (?:the )?(?:next )?(?:\w+ )?(?:exam|test)s?\b"
                         r"|\b(?:exam|test)s? (?:is |are )?(?:offered|held|given)\b"
                         r"(?! (?:with home proctoring|online|remotely|virtually|in person)\b)")

# Credentials the knowledge has no card for whose names are near its own ("CCS-P" is no CCS,
# "CBCS" no CCS) or that a card only mentions (the CDIP's renewal units): asked a part of them
# (exam, length, questions, fee, eligibility) or what they are, only an entry titled by them
# answers. (The COC is not here: the CPC card gives its holders' pay.)
# Other credentials of the field, no card's at all ("cpehr exam fee", "how much is the cphit"),
# are no card's either: the CPEHR is only named by the advanced credentials' card, which says
# what it is - so "what is cpehr" is answered there, its exam or fee by none.
_UNCARDED = re.compile(r"\b(ccs p|cdip|cbcs|cpb|ccma|cmaa|cpma|cpehr|cphit|chps|chts|ccds|crcr"
                       r"|cphq|chpc|cpco|cppm)\b")
_DESCRIBED = frozenset({"cpehr"})
_PART_WORDS = re.compile(r"\b(?:exams?|tests?|questions|items|hours?|hrs|minutes|long|length"
                         r"|format|fees?|costs?|price|prices|pay|much|eligib\w*|requirements?"
                         r"|prereq\w*|qualify|details?|like|harder|easier)\b")
_WHAT_IS = re.compile(r"^(?:so |and |ok )?(?:what|whats|what s|wat) (?:is|s|are)\b")
_CARDED = re.compile(r"\b(?:" + "|".join(cert.value.lower() for cert in Certification) + r")\b")
# Renewal is on a card that names them all ("how many CEUs does the CDIP need").
_RENEWAL = re.compile(r"\b(?:renew\w*|recert\w*|ceus?|units|credits)\b")

# Legal, medical or personal HR advice ("can my boss legally fire me", "can i sue", "what meds
# should i take", "my manager keeps harassing me"): the bot gives none, whatever card is near.
_ADVICE = re.compile(
    r"\b(?:legal|medical|hr|health|law|employment) advice\b|\b(?:il)?legally\b"
    r"|\b(?:lawyers?|attorneys?|lawsuits?|sue|sued|sues|suing|wrongful\w*|discriminat\w*"
    r"|harass\w*"
    r"|bull(?:y|ies|ied|ying)|retaliat\w*)\b"
    r"|\b(?:is it|is that|it s|its|was it|was that) (?:il)?legal\b"
    r"|\b(?:does|do|will|would|can|could) my (?:boss|employer|manager|supervisor|company"
    r"|hospital|clinic|job) (?:have to|has to|need to|legally|owe)\b"
    r"|\b(?:fire|fired|firing|terminate|terminated|suspend|suspended|demote|demoted|write"
    r"|wrote) (?:me|us)\b|\b(?:written|writing me) up\b|\bget (?:in|into) trouble\b"
    r"|\breport (?:my|a) (?:boss|manager|supervisor|coworker|co worker|employer|colleague)\b"
    r"|\bwhat (?:meds|medications?|medicines?|pills|painkillers) (?:should|do|can) i\b"
    r"|\b(?:my|i have)(?: \w+)? (?:back|wrists?|eyes|neck|hands?|head|shoulders?|fingers?)"
    r" (?:hurts?|pain|aches?|is killing)\b|\bcarpal tunnel\b|\bdiagnos\w* (?:me|my)\b")

# The years to a management rung ("how many years does it take to make director"): the guide
# says only that those roles come with significant experience.
_YEARS_TO_RUNG = re.compile(r"\bhow (?:long|many years|many yrs)\b(?: \w+){0,6} (?:managers?"
                            r"|management|directors?)\b|\b(?:years|yrs) (?:to|until|till|before)"
                            r"(?: \w+){0,3} (?:managers?|management|directors?)\b")
# A typing speed ("how many wpm do i need", "what typing speed do employers want"): no source
# gives one (typing itself is the skills' data entry).
_TYPING_SPEED = re.compile(r"\b(?:typing|typist|keyboarding) speed\b|\bwpm\b"
                           r"|\bwords (?:per|a|an) minute\b|\bhow fast\b(?: \w+){0,5} typ\w*\b")
# A rung's hourly pay ("whats a director make per hour", "entry level salary per hour"): the
# sources pay the rungs by the year only (an hourly offer, "$17 an hour", is no rate asked).
_BY_HOUR = rf"(?<!\d ){BY_HOUR}\b"
_RUNG = (r"(?:(?<!hiring )\b(?:managers?|directors?|supervisors?)|\bseniors?|\bjuniors?"
         r"|\bbeginners?|\bentry(?: ?level)?|\bmid ?level)\b")
_HOURLY_RUNG = re.compile(rf"{_RUNG}.*{_BY_HOUR}|{_BY_HOUR}.*{_RUNG}")
# Things no source gives, whatever entry is near: an answer names none of them (a school's cost
# and the pay of a role no source pays are tested beside them).
_UNKNOWN = (_EXAM_DATES, _FAR_FUTURE, _AGE, _ADVICE, _SHARE_OF, _YEARS_TO_RUNG, _PLACE_RANK,
            _TYPING_SPEED, _HOURLY_RUNG, _SCHOOL_RANK, _STATE_PASS_RATE, _SCHOOL_COUNT, FUNDED)

# Pay asked: pay words and "make" as in earning ("what do nurses make", "make a year", "what can
# he expect to make", "what should she be making"), "pull in" at the end ("what do experienced
# holders pull in"), not as in building ("does Epic make the
# software", "what reports do they make"); an amount asked: those or "how much".
_PAY = (r"\b(?:pay|pays|paid|salary|salaries|earns?|earning|earnings|wages?|income|compensation)\b"
        r"|\bmak(?:e|es|ing) (?:in|at|per|as|with|there|here|starting|yearly|hourly|annually"
        r"|on average|a year|an hour|a month|a week)\b"
        r"|^(?:so |and |but )?(?:how much|what) (?:do|does|did|would|will|could|can)\b.* make$"
        r"|\b(?:expect|expecting|hope|hoping|going|gonna) to make\b|\bgonna make$"
        r"|\b(?:how much|what) (?:do|does|did|would|will|could|can) (?:i|you|u|he|she|they|we)"
        r" make$|\bwhats? (?:(?:is|are|am) )?(?:i|you|u|he|she|they|we) worth\b"
        r"|\b(?:should|would|could|will|might) (?:i|you|u|he|she|they|we) be making\b"
        r"|\b(?:how much|what) (?:do|does|did|would|will|could|can) (?:someone|somebody"
        r"|a person|people)\b.* make$"
        r"|\b(?:pull|pulls|pulling|bring|brings|bringing|rake|rakes|raking) in$"
        r"|\b(?:top|high|low) end\b|\bceiling\b|\bmedian\b")
# Paying for something ("what do HIMSS members pay for the CPHIMS", "do i pay to renew", "forgot
# to pay my aapc dues") is a price, not what someone earns.
_PRICE_PAID = re.compile(r"\b(?:members?|nonmembers?|non members?) pay\b"
                         r"|\bpay(?:s|ing|ed)? (?:my |the |your |their |his |her )?(?:\w+ )?"
                         r"(?:dues|membership|renewal fees?)\b"
                         r"|\bpay(?:s|ing)?(?: \w+)? to (?:take|sit|renew|keep)\b"
                         r"|\bpay(?:s|ing)?(?: (?!more\b|less\b|extra\b|better\b|well\b)\w+)? for "
                         r"(?:the |an? |my |your )?"
                         r"(?:\w+ )?(?:exams?|tests?"
                         r"|certs?|certifications?|credentials?|renewal|membership|dues|"
                         + "|".join(cert.value.lower() for cert in Certification) + r")\b")
_ASKS_PAY = re.compile(_PAY)
_AMOUNT = re.compile(rf"{_PAY}|\bhow much\b")
# A place's pay card answers only a question about pay there ("ehr jobs in Fresno" is no pay
# question): pay words, amounts, or what is made ("what do records techs make around here"),
# or its locality pay or a GS grade's there ("gs-5 step 1 in san antonio with locality").
_PLACE_PAY = re.compile(rf"{_PAY}|\bhow much\b|\b(?:make|makes|making|made|money|hourly|median"
                        r"|mean|average|figures?|bucks|dough|locality|\d+ ?k|gs ?\d{1,2})\b")
# Which state pays most or least ("which state pays health services managers the most", "best
# paying state", "where in the US do they earn the most"): only an answer naming states ranks
# them.
_STATE_RANK = re.compile(r"\bwhich states?\b|\b(?:best|highest|top|lowest|worst|least|bottom)"
                         r"(?: paying| paid)? states?\b"
                         r"|\bwhere (?:in|across) (?:the )?(?:us|usa|country|nation|america)\b")
_STATE_FORMS = [_STATE_NAMED]
# A form no answer names: a place named in a question that asks no pay is answered by none.
_NOWHERE = re.compile(r"(?!)")
# An answer about pay says so ("median", "a year", "pay"...): a card on HIPAA does not.
_ABOUT_PAY = re.compile(r"\b(?:pay|pays|paid|salary|salaries|earn\w*|wages?|income|mean|median"
                        r"|a year|an hour)\b")


# What someone does ("what does a senior specialist do", "what does a trainer handle", "what does
# a senior do diff from a junior"), asked without an amount: their work, which a card on pay
# alone does not describe.
_WORK = re.compile(r"^(?:so |and |but |ok )?what (?:does|do|would|will) (?:an? |the )?"
                   r"(?!they\b|you\b|i\b|we\b|it\b)[a-z]+(?: [a-z]+){0,4} (?:actually |really "
                   r"|usually )?(?:do|handle|work on)(?: all day| day to day| each day| at work"
                   r"| on the job)?"
                   r"(?: (?:diff|different|differently) (?:from|than)(?: [a-z]+){1,4})?$")


# A doctor's office is a workplace, not another occupation ("hospital vs doctor's office pay").
_WORKPLACE = re.compile(r"\bdoctors? (?=(?:offices?|practices?)\b)")
# Doctors and nurses one talks to, works with, trains or helps are the clinicians the work is
# done with, not another occupation asked about ("who do they talk to besides doctors", "would
# i teach nurses the system", "when the nurses cant log in").
_COWORKER = re.compile(
    r"\b(?P<lead>(?:(?:talk|talks|talking|speak|speaks|speaking|report|reports|explain|explaining)"
    r" (?:to|with)|(?:work|works|working|deal|deals|dealing|coordinate|coordinating"
    r"|collaborate|collaborating) (?:with|alongside)|besides|teach|teaches|teaching|train"
    r"|trains|training|help|helps|helping|support|supports|supporting|show|shows|showing)"
    r"(?: the| our| my| all the| other)? "
    # or one in a scenario at work ("so if a doctor cant find a lab result")
    r"|(?P<scene>(?:if|when|whenever|say|and) (?:an?|the|my|our|one of the)) )"
    r"(?:doctors?|nurses?|physicians?)\b"
    r"(?(scene) (?=(?:cant|cannot|doesnt|dont|needs?|asks?|calls?|requests?|forgets?|enters?"
    r"|types?|orders?|looks?|writes?|wrote|misses|missed|loses|lost)\b))")
# "rn" ending a question or a clause is "right now" ("whats the national median rn", "im in
# texas rn, what do they average"), no registered nurse ("rn salary", "what do rns make").
_RIGHT_NOW = re.compile(r"\brn(?=$| (?:what|whats|how|and|but|so|i|im|is|are|do|does|tho)\b)")
# The mean asked ("the mean salary", "average (mean) pay", "annual mean"), not the verb ("what
# does CEHRS mean"): only an answer naming a mean answers, not the median.
_MEAN = re.compile(r"\bmean (?:pay|wages?|salary|salaries|income|earnings|annual|hourly)\b"
                   r"|\b(?:the|annual|national|average|avg) mean\b(?! by\b)")
_MEAN_FORMS = [re.compile(r"\bmean\b")]
# A mean of a year is a mean near that year in the answer ("the mean in 2024" is not answered by
# pay over the years, with a 2021 mean and a 2024 median).
_NEAR = r"(?: \w+){0,12}"


def _near_years(forms: list[re.Pattern[str]], years: list[str]) -> list[re.Pattern[str]]:
    """`forms` each near a year asked, if any: a percentile of a year is that year's ("the 90th
    in 2024" is not answered by the national card, whose range is 2023's beside a 2024 median)."""
    return [re.compile(rf"(?:{form.pattern}){_NEAR} {year}\b|\b{year}\b{_NEAR} (?:{form.pattern})")
            for form in forms for year in years] or forms


def _mean_forms(years: list[str]) -> list[re.Pattern[str]]:
    """The forms an answer on the mean may take: a mean, near a year asked if any."""
    return [re.compile(rf"\bmean\b{_NEAR} {year}\b|\b{year}\b{_NEAR} mean\b")
            for year in years] or _MEAN_FORMS
# Pay in a work setting in a year ("hospital pay in may 2021") is that setting's pay near that
# year: the only table by setting is May 2011's (old code).
_SETTING = re.compile(r"\b(?:hospitals?|physicians? offices?|doctor(?:s| s)? offices?|"
                      r"nursing (?:homes?|care)|outpatient|home health)\b")
_SETTING_FORMS = [re.compile(r"\b(?:hospitals?|physicians?|nursing|outpatient|home health)\b")]
# Asked with an amount, a credential's holders are the people whose pay is asked ("what do
# CEHRS holders make", "top end for seasoned CEHRS holders"), no count of them.
_HOLDERS = re.compile(r"\bholders?\b")


def _pattern(phrase: str) -> re.Pattern[str]:
    """A phrase on word boundaries, each word also in its plural ("nurse" finds "nurses")."""
    return re.compile(r"\b" + r" ".join(rf"{re.escape(word)}(?:s|es)?" for word in
                                       words(phrase)) + r"\b")


# A year written short after an apostrophe ("back in '21", "the ’18 figures"): 2000-2099.
_SHORT_YEAR = re.compile(r"(?<![\w'’‘])['’‘](\d\d)\b")


def _folded(question: str) -> str:
    """`question`'s folded words, one space, with "%" read as "percent" ("top 10%") and a year
    written short as the year ("'21" → 2021)."""
    return " ".join(words(_SHORT_YEAR.sub(r"20\1", question.replace("%", " percent "))))


# A source of hearsay named as background ("my old textbook says", "an article i saw quoted",
# "on the usajobs site", "a friend told me", "according to my instructor"): what the asker
# heard is asked about, not the source - which needs no entry naming it. Only the source's
# noun and its verb are left out ("the aapc page gave a growth number": AAPC's growth).
_SOURCE = (r"(?:text ?books?|books?|articles?|news|newspapers?|magazines?|reports?|sites?"
           r"|websites?|web ?pages?|pages?|blogs?"
           r"|posts?|videos?|youtube|tiktoks?|forums?|threads?|reddit|subreddit|podcasts?|ads?"
           r"|friends?|coworkers?|co workers?|cousins?|instructors?|teachers?|professors?"
           r"|recruiters?|classmates?|guides?|courses?|class|someone|somebody|people)")
_SAYS = (r"(?:says?|said|claims?|claimed|quoted?|quotes|gave|mentioned|mentions|told me"
         r"|tells me|lists?|listed|showed|shows|stated|states|reckons?|thinks?)")
_OWNER = r"(?:my|an?|the|this|that|some|one|their|our|his|her)"
_HEARSAY = re.compile(
    rf"\b{_OWNER}(?: \w+)?? (?P<source>{_SOURCE}(?: {_SOURCE})?)"
    rf"(?P<seen> i (?:saw|read|found|watched))? (?P<says>{_SAYS})\b"
    rf"|\b(?P<frame>according to|per)(?: {_OWNER})?(?: \w+)?? (?P<source2>{_SOURCE})\b"
    rf"|\b(?P<frame2>(?:i )?(?:saw|read|heard)(?: it| that)? (?:on|in|from))"
    rf"(?: {_OWNER})?(?: \w+)?? (?P<source3>{_SOURCE})\b"
    rf"|\b(?P<frame3>on) {_OWNER}(?: \w+)?? (?P<source4>(?:sites?|websites?|web ?pages?|pages?"
    r"|blogs?|forums?|reddit|subreddit))\b")
_HEARSAY_PARTS = ("source", "seen", "says", "frame", "source2", "frame2", "source3", "frame3",
                  "source4")


def without_hearsay(text: str) -> str:
    """`text` without the source of hearsay it names as background, the source's noun and
    verb only ("my old textbook says the median is 40k, whats it now" → "my old the median is
    40k whats it now"); unchanged when it names none."""
    folded = " ".join(words(text))
    pieces, end = [], 0
    for match in _HEARSAY.finditer(folded):
        for part in _HEARSAY_PARTS:
            if match.group(part):
                pieces.append(folded[end:match.start(part)])
                end = match.end(part)
    if not pieces:
        return text
    return " ".join(" ".join([*pieces, folded[end:]]).split())


# What a pay figure is wanted for ("the latest median i can put in my report", "a number for
# my slide"): the use is no part of what is asked, when a measure is named.
_MEASURE = re.compile(r"\b(?:median|mean|average|avg|salary|salaries|wage|wages|pay|figure|"
                      r"number|stat|stats|statistic)\b")
_PURPOSE_NOUN = (r"(?:report|presentation|essay|paper|thesis|dissertation|slides?|slideshow|"
                 r"deck|powerpoint|ppt|poster|speech|article|blog post|cover letter|brochure|"
                 r"newsletter|infographic|writeup|write up)")
_PURPOSE = re.compile(
    r"\b(?:(?:that|which) )?(?:(?:i|we) (?:can|could|should|would|might|will|may|want to|"
    r"need to) |(?:can|could|should|would|may) (?:i|we) |to )?"
    r"(?:put|use|cite|quote|reference|include|mention|add|show)?"
    r"(?: ?(?:in|on|into|for|in to)) (?:my|a|an|our|the|this) (?:\w+ ){0,2}?"
    rf"{_PURPOSE_NOUN}(?: {_PURPOSE_NOUN})?\b"
    r"(?! (?:records?|charts?|forms?|files?|based|copies|work)\b)")


# What an exam's length is wanted for ("how long is the ccs exam, need to plan childcare"): the
# arrangement is no perk asked of an employer.
_EXAM_ASKED = re.compile(r"\b(?:exams?|tests?|sitting|hours?|minutes?)\b")
_ARRANGED = re.compile(
    r"\b(?:(?:so )?(?:i |we )?(?:need|have|got|gotta|want|must) (?:to )?|to )"
    r"(?:book|plan|arrange|get|find|sort out|organi[sz]e|line up|schedule|hire|pay)(?: for)? "
    r"(?:a |my |the |some )?(?:babysitter|sitter|childcare|child care|daycare|day care|nanny|"
    r"time off|pto|day off|ride|parking)\b")


def without_purpose(text: str) -> str:
    """`text` without what a pay figure is wanted for ("most current median i can put in my
    report" → "most current median") or an exam's length ("..., need to plan childcare");
    unchanged when it names no measure or no such use."""
    folded = " ".join(words(text))
    if _EXAM_ASKED.search(folded) and _ARRANGED.search(folded):
        return " ".join(_ARRANGED.sub(" ", folded).split())
    if not _MEASURE.search(folded) or not _PURPOSE.search(folded):
        return text
    return " ".join(_PURPOSE.sub(" ", folded).split())


def place_specifics(places: Iterable[Sequence[str]]) -> dict[str, list[str]]:
    """The specifics of places known by several names (each a sequence of its names): a name
    may be answered by any of the place's names ("nyc" by "new york city", and back)."""
    return {name: [other for other in names if other != name]
            for names in places for name in names}


def percentiles(folded: str) -> list[int]:
    """The percentiles a folded question asks about, as numbers ("top 25 percent" → 75)."""
    found = [int(number) for number in _PERCENTILE.findall(folded)]
    found += [100 - int(number) if side in _HIGH else int(number)
              for side, number in _SHARE.findall(folded)]
    found += [75 if side in _HIGH else 25 for side in _QUARTILE.findall(folded)]
    return found


def _without_percentiles(folded: str) -> str:
    """A folded question without the percentiles it asks about: the percentile asked for is
    stricter than the word ("the 90th" alone must be named)."""
    return _QUARTILE.sub(" ", _SHARE.sub(" ", _PERCENTILE.sub(" ", folded)))


def _numbered(folded: str) -> list[list[re.Pattern[str]]]:
    """The years, GS grades and steps a folded question names, each as the one form an answer
    may name it by."""
    found = [[re.compile(rf"\b{year}\b")] for year in _YEAR.findall(folded)]
    grades = _GRADE.findall(folded)
    found += [[re.compile(rf"\bgs ?{grade}\b")] for grade in grades]
    if grades or "schedule" in folded.split():
        found += [[re.compile(rf"\bstep {step}\b")] for step in _STEP.findall(folded)]
    found += [[re.compile(rf"\b{''.join(code)}\b")] for code in _SERIES.findall(folded)]
    if not grades and _WHICH_GRADE.search(folded):
        found.append([_NOWHERE])
    return found


class Specifics:
    """`specifics` maps a phrase as typed to the forms an answer may name it by (none: itself).

    A percentile phrase ("90th percentile") gives the other forms an answer may name that
    percentile by ("high end"); any other percentile must be named as itself ("75th").
    """

    def __init__(self, specifics: Mapping[str, Iterable[str]],
                 places: Mapping[str, Iterable[str]] | None = None,
                 unpaid: Iterable[str] = ()) -> None:
        """`places`: well-known places, like `specifics`, whose entry answers only a question
        about pay there; `unpaid`: roles no source gives pay for, whose pay no answer gives."""
        # (how a question names it, the forms an answer may name it by, whether it is a plain
        # name, whether it is a place)
        self._rules: list[tuple[re.Pattern[str], list[re.Pattern[str]], bool, bool]] = []
        self._percentiles: dict[int, list[re.Pattern[str]]] = {}
        rules = [*((item, False) for item in specifics.items()),
                 *((item, True) for item in (places or {}).items())]
        for (phrase, forms), place in rules:
            patterns = [_pattern(form) for form in (*forms, phrase)]
            numbers = percentiles(_folded(phrase))
            if numbers:
                self._percentiles[numbers[0]] = patterns
            else:
                # A place is answered by its state's entry, which does not name it in its title.
                plain = not place and set(forms) <= {phrase}
                self._rules.append((_pattern(phrase), patterns, plain, place))
        self._unpaid = re.compile("|".join(_pattern(role).pattern for role in unpaid) or r"(?!)")
        # One pass tells whether a question names any of them (most name none).
        self._any = re.compile("|".join(f"(?:{rule[0].pattern})" for rule in self._rules)
                               or r"(?!)")

    def _named_rules(self, rest: str) -> list[tuple[list[re.Pattern[str]], bool]]:
        """The (forms, plain) of every rule a folded question names. The places named are one:
        an answer naming any of them will do ("chicago or houston": each state's card, one
        after the other); none when the question asks no pay."""
        rest = _RIGHT_NOW.sub(" ", _WORKPLACE.sub("physician ", rest))
        if _AMOUNT.search(rest) or skills_asked(rest):
            # the holders whose pay or skills are asked, no count of them
            rest = _HOLDERS.sub(" ", rest)
        if not _AMOUNT.search(rest):
            rest = _COWORKER.sub(r"\g<lead>clinicians", rest)
        if not self._any.search(rest):
            return []
        named = [(forms, plain, place) for pattern, forms, plain, place in self._rules
                 if pattern.search(rest)]
        found = [(forms, plain) for forms, plain, place in named if not place]
        places = [form for forms, _, place in named if place for form in forms]
        if places:
            found.append((places if _PLACE_PAY.search(rest) and not _CITY_ITSELF.search(rest)
                          else [_NOWHERE], False))
        return found

    def same_place(self, question: str, title: str) -> bool:
        """Whether a folded question and a folded entry title name the same well-known place
        ("federal pay in San Antonio")."""
        return any(place and pattern.search(question) and pattern.search(title)
                   for pattern, _, _, place in self._rules)

    def named(self, question: str) -> list[list[re.Pattern[str]]]:
        """For each specific thing `question` names, the forms an answer may name it by."""
        folded = _folded(question)
        rest = _without_percentiles(folded)
        found = [forms for forms, _ in self._named_rules(rest)]
        years = _YEAR.findall(folded)
        found += [_near_years(self._percentiles.get(
                      number, [re.compile(rf"\b{number}(?:st|nd|rd|th)\b")]), years)
                  for number in percentiles(folded)]
        if _UNCOUNTED.search(folded):
            found.append([_NOWHERE])
        elif _COUNT.search(folded):
            found.append([_NOWHERE] if _AGENCY.search(folded) or _BOARD.search(folded)
                         else _COUNTED)
            # A state's head count is that state's ("number of records jobs in georgia" is
            # not answered by the national count).
            if states := _each_state_named(folded):
                found.append(states)
        elif _state_pay_in_year(folded):
            # A state's pay in a named year is that state's ("montana medical records 2021
            # mean" is not answered by the national mean of 2021): round 13, numbers13.
            found.append(_each_state_named(folded))
        if _DUES.search(folded):
            found.append(_dues_forms(folded))
        if _STATE_RANK.search(folded):
            found.append(_STATE_FORMS)
        if _MEAN.search(folded):
            found.append(_mean_forms(_YEAR.findall(folded)))
        if years and _SETTING.search(folded) and self.asks_pay(folded):
            found.append(_near_years(_SETTING_FORMS, years))
        if _PASS_RATE.search(folded):
            found.append(_PASS_RATE_FORMS)
        elif _PASS_MARK.search(folded):
            found.append(_PASS_MARK_FORMS)
        if _asks_weights(folded):
            found.append(_WEIGHT_FORMS)
        if _ATTEMPTS.search(folded):
            found.append(_ATTEMPTS_FORMS)
        if _RETAKE_PRICE.search(folded):
            found.append(_RETAKE_PRICE_FORMS)
        if _RAISE.search(folded):
            found.append(_federal_only(folded, _RAISE_FORMS))
        if _BENEFIT.search(folded):
            found.append(_federal_only(folded, _BENEFIT_FORMS))
        if _LOCALITY.search(folded):
            found.append([_LOCALITY])
        if _HIRING_TIME.search(folded) and _FEDERAL.search(folded):
            found.append([_NOWHERE])
        holders = _holder_forms(folded)
        if holders is not None:
            found.append(holders)
        if any(pattern.search(folded) for pattern in _UNKNOWN) or _asks_school_cost(folded) \
                or _asks_vendor_money(folded) or _asks_vendor_size(folded) \
                or _VENDOR_WORK.search(folded) or self._next_year_pay(folded) \
                or self._unpaid_pay(rest):
            found.append([_NOWHERE])
        level = None if _EXPERIENCE.search(folded) else _LEVEL_LENGTH.search(folded)
        if level:
            # The answer must tell that degree's length, not only name it.
            found.append([_level_length(rf"{_LEVEL_FORM.search(level[0])[0][:6]}\w*")])
        elif not _EXPERIENCE.search(folded) and _ASSOCIATE_LENGTH.search(folded):
            found.append([_ASSOCIATE_YEARS])
        return found + _numbered(folded)

    @staticmethod
    def _next_year_pay(folded: str) -> bool:
        """Whether a folded question asks an amount of next year ("what will gs-5 pay next
        year"): the newest tables are 2025's (not the asker's own: their estimate answers)."""
        return bool(_NEXT_YEAR.search(folded)) and bool(_AMOUNT.search(folded)) \
            and not FIRST_PERSON & set(folded.split())

    def missing(self, question: str) -> tuple[str, str] | None:
        """What a question asks that the sources lack, said in a sentence, with the command
        that shows what they do give; None when it asks none of these kinds."""
        folded = _folded(question)
        if _holder_forms(folded) is not None:
            return ("No source I use counts that credential's holders (only the CCA's and the "
                    "CCS's are counted).", "/certify")
        if percentiles(folded) and _YEAR.search(folded):
            return ("That year's percentile is not in the sources I use: the national "
                    "percentiles known are May 2011's (old code), and Lincoln, NE's are May "
                    "2023's.", "/salary")
        if _SETTING.search(folded) and self.asks_pay(folded) \
                and set(_YEAR.findall(folded)) - {"2011"}:
            return ("Pay by work setting is in the sources I use for May 2011 only (old code "
                    "29-2071): no newer table by type of employer was found.", "/salary")
        if _PLACE_RANK.search(folded):
            return ("No source I use ranks metro areas, cities or counties; the one metro area "
                    "with its own figures is Lincoln, NE.", "/salary state=NE")
        if _asks_vendor_money(folded):
            return ("No source I use gives an EHR vendor's shares, revenue or software prices.",
                    "/steps")
        if self._next_year_pay(folded):
            return ("Next year's figures are not in the sources I use; the newest GS table is "
                    "2025's.", "/salary employer=government")
        if _asks_vendor_size(folded):
            return ("No source I use sizes the EHR vendors (their customers, hospitals or market "
                    "share); they name only the most used ones.", "/steps")
        if _SCHOOL_RANK.search(folded):
            return "No source I use ranks schools or programmes.", "/steps"
        if _SCHOOL_COUNT.search(folded):
            return "No source I use counts schools or programmes.", "/steps"
        if _asks_school_cost(folded):
            return ("No source I use gives what a school, a programme or a prep course costs.",
                    "/steps")
        if _CITY_ITSELF.search(folded) and any(
                place and pattern.search(folded) for pattern, _, _, place in self._rules):
            return ("My knowledge has no figures for a city on its own (Lincoln, NE aside): only "
                    "its state's, which are statewide.", "/salary")
        if _COUNT.search(folded) and _STATE_NAMED.search(folded) \
                and not (_AGENCY.search(folded) or _BOARD.search(folded)):
            return ("The sources I use count the jobs in five Great Lakes states only (Illinois, "
                    "Indiana, Michigan, Ohio and Wisconsin), not in that one.", "/salary")
        if not _GRADE.search(folded) and _WHICH_GRADE.search(folded):
            return ("No source I use says which GS grade an agency hires at: they give the "
                    "agencies' pay ranges and the GS table, not a starting grade.",
                    "/salary employer=government")
        if _OTHER_SCHOOL_LENGTH.search(folded):
            return ("The training lengths in the sources I use are this field's (a certificate, "
                    "an associate or a bachelor's degree), not another occupation's schooling.",
                    "/steps")
        if _PASS_MARK.search(folded) and not _PASS_RATE.search(folded):
            code = _CARDED.search(folded)
            return ("No source I use gives that exam's pass mark (they give the CEHRS's, the "
                    "RHIT's, the CCS's and the CPC's).", f"/certify {code[0].upper()}" if code
                    else "/certify")
        if _asks_weights(folded):
            code = _CARDED.search(folded)
            return ("No source I use gives that exam's domain weights (only the CEHRS's; prep "
                    "sites disagree on the RHIT's).", f"/certify {code[0].upper()}" if code
                    else "/certify")
        if _SHARE_OF.search(folded):
            return "No source I use gives that share of the jobs or the workers.", "/career"
        if _DUES.search(folded):
            return "The only membership dues in the sources I use are AAPC's.", "/certify CPC"
        if _VENDOR_WORK.search(folded):
            return ("The sources I use describe the EHR vendors' software only: not working for "
                    "them, their benefits or their own certifications.", "/steps")
        if _RETAKE_PRICE.search(folded):
            code = _CARDED.search(folded)
            return ("No source I use gives what a retake costs; they give the wait between "
                    "attempts for AHIMA's exams.", f"/certify {code[0].upper()}" if code
                    else "/certify")
        if _DISTRICT.search(folded) and _PLACE_PAY.search(folded):
            return ("The state table I use has no figure for the District of Columbia "
                    "(Washington, DC), so I give no pay there.", "/salary")
        if _state_pay_in_year(folded):
            return ("The state figures in the sources I use are May 2018's for every state "
                    "(old code) and May 2021's for five Great Lakes states only (Illinois, "
                    "Indiana, Michigan, Ohio and Wisconsin): none for that state and year.",
                    "/salary")
        if _STATE_PASS_RATE.search(folded):
            code = _CARDED.search(folded)
            return ("No source I use gives pass rates by state: the ones known are national.",
                    f"/certify {code[0].upper()}" if code else "/certify")
        return None

    def _unpaid_pay(self, folded: str) -> bool:
        """Whether a folded question asks the pay of a role no source gives pay for (not the
        asker's own: "what would i make as a trainer" gets their estimate and the role's card)."""
        return bool(self._unpaid.search(folded)) and self.asks_pay(folded) \
            and not FIRST_PERSON & set(folded.split())

    def priced(self, folded: str) -> list[list[re.Pattern[str]]]:
        """The plain names (a place, an employer, an occupation: no other forms) a folded
        question asks the pay or price at ("what does Epic pay", "what do nurses make"), each
        as the forms an answer may name it by; none when it asks no amount ("does Epic make
        the software")."""
        if not _AMOUNT.search(folded):
            return []
        rest = _without_percentiles(folded)
        return [forms for forms, plain in self._named_rules(rest) if plain]

    @staticmethod
    def pays_for(folded: str) -> bool:
        """Whether a folded question asks what one pays for a thing ("how much do i pay NHA to
        take the CEHRS"), not what one earns."""
        return bool(_PRICE_PAID.search(folded))

    @staticmethod
    def asks_dues(folded: str) -> bool:
        """Whether a folded question asks a body's membership dues ("cost to join aapc")."""
        return bool(_DUES.search(folded))

    @staticmethod
    def asks_pay(folded: str) -> bool:
        """Whether a folded question asks what someone earns (not what one pays for a thing)."""
        return bool(_ASKS_PAY.search(_PRICE_PAID.sub(" ", folded)))

    @staticmethod
    def uncarded(folded: str) -> list[list[re.Pattern[str]]]:
        """The credentials without a card a folded question asks a part of or what they are
        ("how much is the CCS-P", "what is the CBCS"), each as the one form an entry's title
        must name it by: a card that only mentions it (the CCS's eligibility names the CCS-P)
        does not answer. None when the question names a credential with a card besides."""
        if _RENEWAL.search(folded) or _CARDED.search(_UNCARDED.sub(" ", folded)):
            return []  # a card's credential asked beside it: "does the CCS-P count for the CCS"
        part = bool(_PART_WORDS.search(folded))
        what = bool(_WHAT_IS.search(folded))
        return [[re.compile(rf"\b{re.escape(name)}\b")]
                for name in dict.fromkeys(_UNCARDED.findall(folded))
                if part or (what and name not in _DESCRIBED)]

    @staticmethod
    def asks_work(folded: str) -> bool:
        """Whether a folded question asks what someone does, and no amount."""
        return bool(_WORK.search(folded)) and not _AMOUNT.search(folded)

    @staticmethod
    def about_pay(folded_answer: str) -> bool:
        """Whether an answer (its folded words) speaks of pay."""
        return bool(_ABOUT_PAY.search(folded_answer))

    @staticmethod
    def answers(named: list[list[re.Pattern[str]]], folded_answer: str) -> bool:
        """Whether an answer (its folded words, one space) names every specific thing of
        `named` (from `named()`)."""
        return all(any(form.search(folded_answer) for form in forms) for forms in named)
