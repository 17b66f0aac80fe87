"""The caveat policy: which kinds of caveat exist, their cues, and how the filter repairs leads.

The shipped policy is ``summarize/caveat_policy.toml``; users copy and edit it and pass it
with ``--policy FILE``. :func:`load_policy` validates it and compiles every regular expression
once, so a :class:`~summarize.caveats.CaveatFilter` built from it is cheap to call.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_POLICY_PATH = Path(__file__).resolve().parent.parent / "caveat_policy.toml"
ENCODER_MODES = ("off", "summary", "all")
_FLAGS = re.IGNORECASE


class PolicyError(ValueError):
    """A policy file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Kind:
    id: str
    label: str
    mandated: bool
    enabled: bool
    negatable: bool
    default: str
    terms: tuple[tuple[str, ...], ...]  # each term as a tuple of lemma words
    patterns: tuple[re.Pattern, ...]
    paraphrases: tuple[re.Pattern, ...]
    exclude: tuple[re.Pattern, ...]
    examples: tuple[str, ...]
    paraphrases_need_agent: bool = False
    other_subject_rules: bool = True
    minor: tuple[re.Pattern, ...] = ()  # sentence patterns that make a cue minor (one outcome/trial)
    main: tuple[re.Pattern, ...] = ()  # conclusion-level patterns that keep it main regardless
    minor_methods: tuple[str, ...] = ()  # detection methods whose cues are minor ("paraphrase")
    narrow: tuple[re.Pattern, ...] = ()  # clause patterns scoping a verdict to one named outcome (minor even over `main`)
    conclusion: tuple[re.Pattern, ...] = ()  # what readers are told to make of it: a call for research, a verdict on use


@dataclass(frozen=True)
class Policy:
    path: str
    kinds: dict[str, Kind]  # in policy order
    always: tuple[str, ...]
    encoder: str
    encoder_threshold: float
    max_added_words: int
    optional_words: int
    budgeted: tuple[str, ...]  # kinds that share optional_words
    agent_words: frozenset[str]
    disease_suffixes: tuple[str, ...]
    pronouns: frozenset[str]
    untreated: tuple[re.Pattern, ...]
    neg_nominal: frozenset[str]
    neg_adverbial: frozenset[str]
    neg_terminators: frozenset[str]
    neg_verbs: frozenset[str]
    not_negation: tuple[re.Pattern, ...]
    max_scope: int
    other_markers: frozenset[str]
    other_classes: frozenset[str]
    absolute: tuple[re.Pattern, ...]
    relative: tuple[re.Pattern, ...]
    relative_support: tuple[re.Pattern, ...]
    no_risk: tuple[re.Pattern, ...]
    finding: re.Pattern
    lead_ins: tuple[re.Pattern, ...]
    trailing: tuple[re.Pattern, ...]
    concessive: tuple[re.Pattern, ...]
    advice: tuple[re.Pattern, ...]
    label_prefix: tuple[re.Pattern, ...] = ()
    reject: tuple[re.Pattern, ...] = ()
    reported: tuple[re.Pattern, ...] = ()
    attribution: tuple[re.Pattern, ...] = ()
    classifier: str = "shipped"  # the learned detector: "shipped", "off" or a weights file next to the policy
    raw: dict = field(repr=False, compare=False, default_factory=dict)

    @property
    def enabled(self) -> list[str]:
        return [k for k, v in self.kinds.items() if v.enabled]

    @property
    def mandated(self) -> list[str]:
        return [k for k, v in self.kinds.items() if v.mandated]

    @property
    def risk_kinds(self) -> list[str]:
        """Kinds whose negation is a no-risk claim (an overclaim in a summary)."""
        return [k for k, v in self.kinds.items() if v.enabled and v.negatable]


def load_policy(path: str | Path | None = None) -> Policy:
    """Load and validate a caveat policy; ``None`` loads the shipped default.

    Raises :class:`PolicyError` (a ``ValueError``) naming the file and the offending key.
    """
    p = Path(path) if path is not None else DEFAULT_POLICY_PATH
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PolicyError(f"{p}: cannot read policy file ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise PolicyError(f"{p}: policy file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{p}: not valid TOML ({exc})") from None
    return policy_from_dict(data, str(p))


def policy_from_dict(data: dict, origin: str = "<dict>") -> Policy:
    r = _Reader(data, origin)
    version = data.get("version", 1)
    if version != 1:
        raise PolicyError(f"{origin}: unsupported policy version {version!r} (expected 1)")
    kinds_raw = r.table("kinds")
    if not kinds_raw:
        raise PolicyError(f"{origin}: [kinds] is empty; the policy needs at least one kind")
    kinds: dict[str, Kind] = {}
    for kid, kd in kinds_raw.items():
        if not re.fullmatch(r"[a-z][a-z0-9_]*", kid):
            raise PolicyError(f"{origin}: kinds.{kid}: kind ids are lower-case words (a-z, 0-9, _)")
        if not isinstance(kd, dict):
            raise PolicyError(f"{origin}: kinds.{kid} must be a table")
        key = f"kinds.{kid}"
        mandated = r.bool(kd, key, "mandated", False)
        enabled = r.bool(kd, key, "enabled", True)
        if mandated and not enabled:
            raise PolicyError(f"{origin}: {key}: a mandated kind cannot be disabled "
                              f"(set mandated = false as well if you really mean it)")
        terms = tuple(tuple(_term_words(t)) for t in r.strings(kd, key, "terms"))
        kinds[kid] = Kind(
            id=kid,
            label=r.string(kd, key, "label", kid.replace("_", " ")),
            mandated=mandated,
            enabled=enabled,
            negatable=r.bool(kd, key, "negatable", False),
            default=r.string(kd, key, "default", ""),
            terms=tuple(t for t in terms if t),
            patterns=r.regexes(kd, key, "patterns"),
            paraphrases=r.regexes(kd, key, "paraphrases"),
            exclude=r.regexes(kd, key, "exclude"),
            examples=tuple(r.strings(kd, key, "examples")),
            paraphrases_need_agent=r.bool(kd, key, "paraphrases_need_agent", False),
            other_subject_rules=r.bool(kd, key, "other_subject_rules", True),
            minor=r.regexes(kd, key, "minor"),
            main=r.regexes(kd, key, "main"),
            minor_methods=tuple(r.strings(kd, key, "minor_methods")),
            narrow=r.regexes(kd, key, "narrow"),
            conclusion=r.regexes(kd, key, "conclusion"),
        )
        if not (kinds[kid].terms or kinds[kid].patterns or kinds[kid].paraphrases):
            raise PolicyError(f"{origin}: {key}: no terms, patterns or paraphrases; the kind could never be found")
    settings = r.table("settings")
    always = tuple(r.strings(settings, "settings", "always"))
    for k in always:
        if k not in kinds:
            raise PolicyError(f"{origin}: settings.always: unknown kind {k!r} (known: {', '.join(kinds)})")
        if not kinds[k].enabled:
            raise PolicyError(f"{origin}: settings.always: kind {k!r} is disabled")
        if not kinds[k].default.strip():
            raise PolicyError(f"{origin}: kinds.{k}.default: a kind in `always` needs default wording")
    encoder = r.string(settings, "settings", "encoder", "off")
    if encoder not in ENCODER_MODES:
        raise PolicyError(f"{origin}: settings.encoder: {encoder!r} is not one of {', '.join(ENCODER_MODES)}")
    threshold = settings.get("encoder_threshold", 0.62)
    if not isinstance(threshold, (int, float)) or not 0 < threshold < 1:
        raise PolicyError(f"{origin}: settings.encoder_threshold must be a number between 0 and 1")
    max_words = settings.get("max_added_words", 40)
    if not isinstance(max_words, int) or max_words < 3:
        raise PolicyError(f"{origin}: settings.max_added_words must be an integer >= 3")
    optional_words = settings.get("optional_words", 1000)
    if not isinstance(optional_words, int) or isinstance(optional_words, bool) or optional_words < 0:
        raise PolicyError(f"{origin}: settings.optional_words must be an integer >= 0")
    budgeted = tuple(r.strings(settings, "settings", "budgeted")) if "budgeted" in settings else tuple(
        k for k, v in kinds.items() if not v.mandated)
    for k in budgeted:
        if k not in kinds:
            raise PolicyError(f"{origin}: settings.budgeted: unknown kind {k!r}")
        if kinds[k].mandated:
            raise PolicyError(f"{origin}: settings.budgeted: {k!r} is mandated and always carried")
    classifier = r.string(settings, "settings", "classifier", "shipped")
    if classifier not in ("shipped", "off") and not (Path(origin).parent / classifier).is_file():
        raise PolicyError(f"{origin}: settings.classifier: no weights file {classifier!r} next to the policy "
                          f"(use \"shipped\", \"off\" or a path relative to the policy file)")
    agents = r.table("agents")
    neg = r.table("negation")
    other = r.table("other_subject")
    over = r.table("overclaims")
    comp = r.table("compress")
    place = r.table("placement")
    max_scope = neg.get("max_scope", 10)
    if not isinstance(max_scope, int) or max_scope < 1:
        raise PolicyError(f"{origin}: negation.max_scope must be a positive integer")
    return Policy(
        path=origin,
        kinds=kinds,
        always=always,
        encoder=encoder,
        encoder_threshold=float(threshold),
        max_added_words=max_words,
        optional_words=optional_words,
        budgeted=budgeted,
        agent_words=frozenset(w.lower() for w in r.strings(agents, "agents", "words")),
        untreated=r.regexes(agents, "agents", "untreated"),
        disease_suffixes=tuple(w.lower() for w in r.strings(agents, "agents", "disease_suffixes")),
        pronouns=frozenset(w.lower() for w in r.strings(agents, "agents", "pronouns")),
        neg_nominal=frozenset(w.lower() for w in r.strings(neg, "negation", "nominal")),
        neg_adverbial=frozenset(w.lower() for w in r.strings(neg, "negation", "adverbial")),
        neg_terminators=frozenset(w.lower() for w in r.strings(neg, "negation", "terminators")),
        neg_verbs=frozenset(w.lower() for w in r.strings(neg, "negation", "verbs")),
        not_negation=r.regexes(neg, "negation", "not_negation"),
        max_scope=max_scope,
        other_markers=frozenset(w.lower() for w in r.strings(other, "other_subject", "markers")),
        other_classes=frozenset(w.lower() for w in r.strings(other, "other_subject", "classes")),
        absolute=r.regexes(over, "overclaims", "absolute"),
        relative=r.regexes(over, "overclaims", "relative"),
        relative_support=r.regexes(over, "overclaims", "relative_support"),
        no_risk=r.regexes(over, "overclaims", "no_risk"),
        finding=_compile(over.get("finding", r"(?!x)x"), origin, "overclaims.finding"),
        lead_ins=r.regexes(comp, "compress", "lead_ins"),
        trailing=r.regexes(comp, "compress", "trailing"),
        concessive=r.regexes(comp, "compress", "concessive"),
        advice=r.regexes(place, "placement", "advice"),
        label_prefix=r.regexes(comp, "compress", "label_prefix"),
        reject=r.regexes(comp, "compress", "reject"),
        reported=r.regexes(comp, "compress", "reported"),
        attribution=r.regexes(comp, "compress", "attribution"),
        classifier=classifier,
        raw=data,
    )


def _term_words(term: str) -> list[str]:
    from .nlp import lemma_key

    return [lemma_key(w) for w in re.findall(r"[A-Za-z0-9]+", term.lower())]


def _compile(pattern, origin: str, key: str) -> re.Pattern:
    if not isinstance(pattern, str):
        raise PolicyError(f"{origin}: {key}: expected a string, got {type(pattern).__name__}")
    try:
        return re.compile(pattern, _FLAGS)
    except re.error as exc:
        raise PolicyError(f"{origin}: {key}: bad regular expression {pattern!r} ({exc})") from None


class _Reader:
    def __init__(self, data: dict, origin: str):
        self.data, self.origin = data, origin

    def table(self, name: str) -> dict:
        t = self.data.get(name, {})
        if not isinstance(t, dict):
            raise PolicyError(f"{self.origin}: [{name}] must be a table")
        return t

    def bool(self, d: dict, key: str, name: str, default: bool) -> bool:
        v = d.get(name, default)
        if not isinstance(v, bool):
            raise PolicyError(f"{self.origin}: {key}.{name} must be true or false")
        return v

    def string(self, d: dict, key: str, name: str, default: str) -> str:
        v = d.get(name, default)
        if not isinstance(v, str):
            raise PolicyError(f"{self.origin}: {key}.{name} must be a string")
        return v

    def strings(self, d: dict, key: str, name: str) -> list[str]:
        v = d.get(name, [])
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise PolicyError(f"{self.origin}: {key}.{name} must be a list of strings")
        return v

    def regexes(self, d: dict, key: str, name: str) -> tuple[re.Pattern, ...]:
        return tuple(_compile(p, self.origin, f"{key}.{name}[{i}]") for i, p in enumerate(self.strings(d, key, name)))
