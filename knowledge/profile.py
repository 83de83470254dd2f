"""The user profile: its fields, the values each accepts, and parsing of typed values.

This module is the one place where accepted values live; commands, keyboards and the
help texts are all generated from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from knowledge.numbers import is_ascii_number

MAX_YEARS = 50
SHORT_WORD = 5  # up to this many letters, a near miss is one slip away


class Education(StrEnum):
    HIGH_SCHOOL = "high_school"
    CERTIFICATE = "certificate"
    ASSOCIATE = "associate"
    BACHELOR = "bachelor"
    MASTER = "master"


EDUCATION_ORDER: tuple[Education, ...] = tuple(Education)

EDUCATION_LABELS: dict[Education, str] = {
    Education.HIGH_SCHOOL: "High school / GED",
    Education.CERTIFICATE: "Certificate program",
    Education.ASSOCIATE: "Associate degree",
    Education.BACHELOR: "Bachelor's degree",
    Education.MASTER: "Master's degree",
}


class Employer(StrEnum):
    HOSPITAL = "hospital"
    CLINIC = "clinic"
    OUTPATIENT = "outpatient"
    NURSING_HOME = "nursing_home"
    HOME_HEALTH = "home_health"
    GOVERNMENT = "government"
    INSURANCE = "insurance"
    VENDOR = "vendor"
    OTHER = "other"


EMPLOYER_LABELS: dict[Employer, str] = {
    Employer.HOSPITAL: "Hospital",
    Employer.CLINIC: "Physician office / clinic",
    Employer.OUTPATIENT: "Outpatient care center",
    Employer.NURSING_HOME: "Nursing care facility",
    Employer.HOME_HEALTH: "Home health care",
    Employer.GOVERNMENT: "Government (federal, state)",
    Employer.INSURANCE: "Health insurer",
    Employer.VENDOR: "EHR vendor / consulting",
    Employer.OTHER: "Other",
}


class Certification(StrEnum):
    CEHRS = "CEHRS"
    RHIT = "RHIT"
    RHIA = "RHIA"
    CCA = "CCA"
    CCS = "CCS"
    CPC = "CPC"
    CHDA = "CHDA"
    CAHIMS = "CAHIMS"
    CPHIMS = "CPHIMS"


class Skill(StrEnum):
    EPIC = "epic"
    CERNER = "cerner"
    MEDITECH = "meditech"
    ALLSCRIPTS = "allscripts"
    NEXTGEN = "nextgen"
    CODING = "coding"
    DATA_ANALYTICS = "data_analytics"
    SQL = "sql"
    IMPLEMENTATION = "implementation"
    TRAINING = "training"
    PROJECT_MANAGEMENT = "project_management"
    HIPAA = "hipaa"


class Goal(StrEnum):
    ENTER_FIELD = "enter_field"
    SPECIALIST = "specialist"
    CODER = "coder"
    ANALYST = "analyst"
    IMPLEMENTATION = "implementation"
    TRAINER = "trainer"
    MANAGER = "manager"
    DIRECTOR = "director"


GOAL_LABELS: dict[Goal, str] = {
    Goal.ENTER_FIELD: "Enter the field",
    Goal.SPECIALIST: "Senior EHR specialist",
    Goal.CODER: "Medical coder",
    Goal.ANALYST: "EHR / data analyst",
    Goal.IMPLEMENTATION: "Implementation specialist",
    Goal.TRAINER: "EHR trainer",
    Goal.MANAGER: "Health information manager",
    Goal.DIRECTOR: "Director of HIM",
}

STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}

_STATE_BY_NAME = {name.lower(): code for code, name in STATES.items()}

# Friendly spellings accepted when typed; the canonical value is what gets stored.
_ALIASES: dict[str, dict[str, str]] = {
    "education": {
        "hs": "high_school", "ged": "high_school", "highschool": "high_school",
        "diploma": "high_school", "cert": "certificate", "associates": "associate",
        "aas": "associate", "bachelors": "bachelor", "bs": "bachelor", "ba": "bachelor",
        "masters": "master", "ms": "master", "mba": "master",
    },
    "employer": {
        "physician_office": "clinic", "office": "clinic", "practice": "clinic",
        "nursing": "nursing_home", "federal": "government", "va": "government",
        "gov": "government", "insurer": "insurance", "payer": "insurance",
        "consulting": "vendor",
    },
    "skills": {
        "analytics": "data_analytics", "data": "data_analytics", "oracle_health": "cerner",
        "pm": "project_management", "trainer": "training", "coder": "coding",
    },
    "goal": {
        "manage": "manager", "management": "manager", "analytics": "analyst",
        "coding": "coder", "training": "trainer", "enter": "enter_field", "start": "enter_field",
    },
}

FIELD_KEYS: tuple[str, ...] = (
    "years", "education", "certs", "state", "employer", "skills", "goal",
)

FIELD_LABELS: dict[str, str] = {
    "years": "Years of experience",
    "education": "Education",
    "certs": "Certifications",
    "state": "State",
    "employer": "Employer type",
    "skills": "Skills",
    "goal": "Career goal",
}

_KEY_ALIASES = {
    "experience": "years", "exp": "years", "year": "years", "edu": "education",
    "cert": "certs", "certifications": "certs", "certification": "certs",
    "location": "state", "skill": "skills", "employer_type": "employer", "career_goal": "goal",
}

_ENUMS: dict[str, type[StrEnum]] = {
    "education": Education,
    "employer": Employer,
    "certs": Certification,
    "skills": Skill,
    "goal": Goal,
}

MULTI_VALUED = frozenset({"certs", "skills"})


class ProfileValueError(ValueError):
    """A typed value that a profile field does not accept; `accepted` says what would be and
    `suggestion` names a close accepted value ("did you mean …?"), when there is one."""

    def __init__(self, key: str, raw: str, accepted: str, suggestion: str | None = None) -> None:
        # The message never repeats what the user typed: it may end up in a logged traceback.
        super().__init__("a profile value is not accepted")
        self.key = key
        self.raw = raw
        self.accepted = accepted
        self.suggestion = suggestion

    @property
    def problems(self) -> tuple[ProfileValueError, ...]:
        """Every value that was not accepted (here just this one)."""
        return (self,)


class ProfileValuesError(ProfileValueError):
    """Several typed key=value pairs, at least one not accepted; `problems` lists each."""

    def __init__(self, problems: list[ProfileValueError]) -> None:
        first = problems[0]
        super().__init__(first.key, first.raw, first.accepted, first.suggestion)
        self._problems = tuple(problems)

    @property
    def problems(self) -> tuple[ProfileValueError, ...]:
        return self._problems


class Profile(BaseModel):
    """What the bot knows of one user's situation; every field is optional."""

    model_config = ConfigDict(frozen=True, hide_input_in_errors=True)

    years: int | None = Field(default=None, ge=0, le=MAX_YEARS)
    education: Education | None = None
    certs: frozenset[Certification] = frozenset()
    state: str | None = None
    employer: Employer | None = None
    skills: frozenset[Skill] = frozenset()
    goal: Goal | None = None

    @field_validator("state")
    @classmethod
    def _known_state(cls, value: str | None) -> str | None:
        if value is not None and value not in STATES:
            raise ValueError("unknown state")
        return value

    def is_empty(self) -> bool:
        return self == Profile()

    def with_changes(self, **changes: object) -> Profile:
        return Profile.model_validate({**self.model_dump(), **changes})


def accepted_values(key: str) -> str:
    """A human-readable description of what `key` accepts."""
    if key == "years":
        return f"a whole number from 0 to {MAX_YEARS}"
    if key == "state":
        return "a US state code or name, e.g. TX or Texas"
    values = ", ".join(member.value for member in _ENUMS[key])
    if key in MULTI_VALUED:
        return f"a comma-separated list of: {values} (or none)"
    return f"one of: {values}"


def normalize_key(raw_key: str) -> str | None:
    """The canonical field name for a typed key, or None when it is not a profile field."""
    key = raw_key.strip().lower().replace("-", "_")
    key = _KEY_ALIASES.get(key, key)
    return key if key in FIELD_KEYS else None


def _token(raw: str) -> str:
    return raw.strip().lower().replace("-", "_").replace(" ", "_")


def closest(raw: str, choices: Iterable[str]) -> str | None:
    """The accepted spelling closest to a near miss ("Califrnia" → "California", "RHTI" →
    "RHIT"), or None when nothing is close: one slip (a wrong, missing, extra or swapped
    letter) in a short word, 80 % similar in a longer one."""
    text = raw.strip().lower()
    if not text:
        return None
    options = {choice.lower(): choice for choice in choices}
    if len(text) <= SHORT_WORD:
        near = [c for low, c in options.items() if OSA.distance(text, low) <= 1 and len(low) > 2]
        return near[0] if len(near) == 1 else None
    match = process.extractOne(text, list(options), scorer=fuzz.ratio, score_cutoff=80)
    return options[match[0]] if match else None


def _parse_enum(key: str, raw: str) -> StrEnum:
    enum = _ENUMS[key]
    token = _token(raw)
    token = _ALIASES.get(key, {}).get(token, token)
    for member in enum:
        if member.value.lower() == token:
            return member
    near = closest(token, [m.value for m in enum])
    raise ProfileValueError(key, raw, accepted_values(key), near)


def parse_state(raw: str) -> str:
    text = " ".join(raw.replace("_", " ").split()).strip(" .")
    if text.upper() in STATES:
        return text.upper()
    code = _STATE_BY_NAME.get(text.lower())
    if code is None:
        near = closest(text, STATES.values()) if len(text) > 2 else None
        raise ProfileValueError("state", raw, accepted_values("state"), near)
    return code


def parse_value(key: str, raw: str) -> object:
    """Turn a typed value into the field's canonical value, or raise ProfileValueError."""
    if key == "years":
        text = raw.strip()
        if not is_ascii_number(text) or int(text) > MAX_YEARS:
            raise ProfileValueError(key, raw, accepted_values(key))
        return int(text)
    if key == "state":
        return parse_state(raw)
    if key in MULTI_VALUED:
        if _token(raw) in {"none", "no", "0", "_"}:
            return frozenset()
        parts = [part for part in raw.replace(";", ",").split(",") if part.strip()]
        if not parts:
            raise ProfileValueError(key, raw, accepted_values(key))
        return frozenset(_parse_enum(key, part) for part in parts)
    return _parse_enum(key, raw)


def parse_changes(pairs: list[tuple[str, str]]) -> dict[str, object]:
    """Validate every key=value pair; all of them are accepted or none. A ProfileValuesError
    names every pair that is not accepted, not just the first."""
    changes: dict[str, object] = {}
    problems: list[ProfileValueError] = []
    for raw_key, raw_value in pairs:
        key = normalize_key(raw_key)
        if key is None:
            problems.append(ProfileValueError(raw_key, raw_value, "keys: " + ", ".join(FIELD_KEYS),
                                              closest(raw_key, FIELD_KEYS)))
            continue
        try:
            changes[key] = parse_value(key, raw_value)
        except ProfileValueError as error:
            problems.append(error)
    if problems:
        raise ProfileValuesError(problems)
    return changes


def display_value(key: str, profile: Profile) -> str:
    """A field's value as shown to the user ('not set' when empty)."""
    value = getattr(profile, key)
    if value is None or value == frozenset():
        return "not set"
    if key == "years":
        return f"{value} year" + ("" if value == 1 else "s")
    if key == "state":
        return f"{STATES[value]} ({value})"
    if key == "education":
        return EDUCATION_LABELS[value]
    if key == "employer":
        return EMPLOYER_LABELS[value]
    if key == "goal":
        return GOAL_LABELS[value]
    return ", ".join(sorted(member.value for member in value))
