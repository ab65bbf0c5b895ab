"""The ``prd`` plugin's ``mkdocs.yml`` options, as a typed MkDocs ``Config``.

The CLI reads the same options through MkDocs' own config loading
(:func:`mkdocs_prd.adapters.mkdocs.site.load_site_config`), so they are validated
exactly as a build validates them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config, ConfigErrors, ConfigWarnings, ValidationError
from mkdocs.exceptions import ConfigurationError as ConfigurationError  # re-exported: the CLI catches it
from mkdocs.utils.yaml import yaml_load

from mkdocs_prd.adapters.mkdocs.python_tags import python_tags_as_placeholders
from mkdocs_prd.core.numbers import checked_number
from mkdocs_prd.core.safe import terminal_text
from mkdocs_prd.core.settings import (
    DEFAULT_REQUIRED_SECTIONS,
    DEFAULT_STATUSES,
    Settings,
    Templating,
    TraceSettings,
    Translations,
)
from mkdocs_prd.core.sitewide.index import COLUMNS, GROUP_KEYS, SORT_KEYS
from mkdocs_prd.core.sitewide.portfolio import IndexSource, parse_sources
from mkdocs_prd.core.yaml_size import MAX_VALUES, expanded_size, top_level_scalar
from mkdocs_prd.html.index_html import IndexOptions
from mkdocs_prd.html.site import IndexSettings

SEVERITY_CHOICES = ("error", "warning", "info", "off")


class _StringMapping(BaseConfigOption[dict[str, str]]):
    """A ``{key: text}`` mapping whose entries :meth:`entry` checks one by one."""

    what = "key to value"
    """How the error for a value that is not a mapping names the expected entries."""

    def __init__(self) -> None:
        super().__init__()
        self.default: dict[str, str] = {}

    def run_validation(self, value: object) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise ValidationError(f"Expected a mapping of {self.what}, got {type(value).__name__}")
        return dict(self.entry(key, item) for key, item in value.items())

    def entry(self, key: object, value: object) -> tuple[str, str]:
        """The checked ``(key, value)``; raises ``ValidationError`` naming what is wrong."""
        raise NotImplementedError


class RuleSeverities(_StringMapping):
    """``{rule id: severity}``; an unknown rule id or severity is a config error."""

    what = "rule id to severity"

    def entry(self, key: object, value: object) -> tuple[str, str]:
        from mkdocs_prd.core.rules.catalog import RULES

        rule_id = str(key).upper()
        if rule_id not in RULES:
            raise ValidationError(f"Unknown rule id {key!r}; run `mkdocs-prd rules` for the catalogue")
        severity = "off" if value is False else str(value).lower()
        if severity not in SEVERITY_CHOICES:
            raise ValidationError(
                f"Bad severity {value!r} for {rule_id}; expected one of {', '.join(SEVERITY_CHOICES)}"
            )
        return rule_id, severity


class OutputPath(BaseConfigOption[str | None]):
    """A path relative to the site (``prds/index.md``), or ``null``/``false`` to turn the output off."""

    def __init__(self, default: str, suffix: str) -> None:
        super().__init__()
        self.default = default
        self.suffix = suffix

    def run_validation(self, value: object) -> str | None:
        if value is None or value is False:
            return None
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(f"Expected a relative path ending in {self.suffix}, or null to turn it off")
        path = value.strip().replace("\\", "/")
        while path.startswith("./"):
            path = path[2:]
        parts = path.split("/")
        # A drive (C:/x, c:x) would leave the site on Windows; a NUL byte cannot name a file.
        drive = len(path) > 1 and path[1] == ":" and path[0].isascii() and path[0].isalpha()
        unsafe = path.startswith("/") or ".." in parts or drive or terminal_text(path) != path
        if unsafe or not path.endswith(self.suffix):
            raise ValidationError(f"Expected a relative path ending in {self.suffix}, not {value!r}")
        return path


class StatusColors(_StringMapping):
    """``{status: background colour}``; a colour whose contrast cannot be checked is a config error."""

    what = "status to colour"

    def entry(self, key: object, value: object) -> tuple[str, str]:
        from mkdocs_prd.html.stylesheet import color_problem

        problem = color_problem(str(value))
        if problem is not None:
            raise ValidationError(f"Status {key!r}: {problem}")
        return str(key), str(value)


class StatusAliases(_StringMapping):
    """``{other word: status}``: words authors write for one of the site's statuses."""

    what = "word to status"

    def entry(self, key: object, value: object) -> tuple[str, str]:
        if not isinstance(value, str) or not value.strip() or not str(key).strip():
            raise ValidationError(f"Status alias {key!r}: expected the status it stands for, got {value!r}")
        return str(key), value.strip()


class Number(BaseConfigOption[float]):
    """A number in ``[low, high]``; ``80`` is as good as ``80.0`` (see :func:`checked_number`)."""

    def __init__(self, default: float, *, low: float, high: float, percent_hint: bool = False) -> None:
        super().__init__()
        self.default = default
        self.low, self.high = low, high
        self.percent_hint = percent_hint

    def run_validation(self, value: object) -> float:
        try:
            return checked_number(value, low=self.low, high=self.high)
        except ValueError as exc:
            message = str(exc)
            percent = _percent(value, self.high) if self.percent_hint else None
            if percent is not None:
                message += f"; for {percent:g}% write {percent / 100:g}"
            raise ValidationError(message) from None


def _percent(value: object, high: float) -> float | None:
    """The percentage ``value`` seems to be (``80``, ``"80%"``), or None."""
    if isinstance(value, str) and value.strip().endswith("%"):
        try:
            value = float(value.strip()[:-1])
        except ValueError:
            return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and max(high, 9) < value <= 100:
        return float(value)
    return None


class IncludeIndexes(BaseConfigOption[list[IndexSource]]):
    """Other sites' ``prd-index.json``: paths, URLs or ``{source, name, url, timeout}`` mappings."""

    def __init__(self) -> None:
        super().__init__()
        self.default: list[IndexSource] = []

    def run_validation(self, value: object) -> list[IndexSource]:
        try:
            return parse_sources(value)
        except ValueError as exc:
            raise ValidationError(str(exc)) from exc


_TRACE_KEYS = ("sources", "junit", "require_verified", "page")


class TraceOption(BaseConfigOption[dict[str, Any] | None]):
    """``trace: {sources, junit, require_verified, page}``; absent or ``null``: traceability
    to code and tests is off (ids and references between PRDs still work)."""

    def __init__(self) -> None:
        super().__init__()
        self.default = None

    def run_validation(self, value: object) -> dict[str, Any] | None:
        if value is None or value is False:
            return None
        if value is True:
            value = {}
        if not isinstance(value, dict):
            raise ValidationError(
                f"Expected a mapping with {', '.join(_TRACE_KEYS)}, got {type(value).__name__}"
            )
        unknown = sorted(str(k) for k in value if k not in _TRACE_KEYS)
        if unknown:
            raise ValidationError(f"Unknown key {unknown[0]!r}; expected {', '.join(_TRACE_KEYS)}")
        out: dict[str, Any] = {
            "sources": _globs(value.get("sources"), "sources"),
            "junit": _globs(value.get("junit"), "junit"),
        }
        from mkdocs_prd.core.rules.base import PRIORITIES, normal_priority

        required = value.get("require_verified", ["Must"])
        if isinstance(required, str):
            required = [required]
        if not isinstance(required, list):
            raise ValidationError("'require_verified': expected a list of priorities (Must, Should, Could)")
        priorities = []
        for item in required:
            p = normal_priority(str(item))
            if p is None:
                raise ValidationError(f"'require_verified': {item!r} is not one of {', '.join(PRIORITIES)}")
            priorities.append(p)
        out["require_verified"] = priorities
        out["page"] = OutputPath("prds/traceability.md", ".md").run_validation(
            value.get("page", "prds/traceability.md")
        )
        return out


def _globs(value: object, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValidationError(f"'{key}': expected a list of glob patterns relative to mkdocs.yml")
    return [v.strip() for v in value]


class LabelTexts(_StringMapping):
    """``{label key: text}`` over the English defaults of ``labels.py``.

    An unknown key is a config error naming it (a typo would silently leave the
    English word on the page), and so is a ``{placeholder}`` the label cannot fill.
    """

    what = "label key to text"

    def entry(self, key: object, value: object) -> tuple[str, str]:
        import difflib
        import string

        from mkdocs_prd.core.labels import DEFAULT_LABELS, placeholder_problem

        if key not in DEFAULT_LABELS:
            close = difflib.get_close_matches(str(key), DEFAULT_LABELS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else "; the README lists the label keys"
            raise ValidationError(f"Unknown label key {key!r}{hint}")
        if not isinstance(value, str):
            raise ValidationError(f"Label {key!r}: expected text, got {type(value).__name__}")
        allowed = {f for _, f, _, _ in string.Formatter().parse(DEFAULT_LABELS[key]) if f}
        # A label without placeholders is shown as written (braces too), never filled.
        problem = placeholder_problem(value, allowed) if allowed else None
        if problem is not None:
            raise ValidationError(f"Label {key!r} {problem}")
        return str(key), value


# MkDocs' Config.__init_subclass__ is untyped; mypy --strict flags the class statement.
class PrdConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the ``prd`` plugin."""

    enabled = c.Type(bool, default=True)
    """Turn the whole plugin off (e.g. ``enabled: !ENV [PRD_ENABLED, true]``)."""

    paths = c.ListOfItems(c.Type(str), default=[])
    """Glob patterns, relative to ``docs_dir``, where PRDs live (``prds/**``,
    ``tracks/*/PRD.md``).  Empty: any page may be a PRD."""

    statuses = c.ListOfItems(c.Type(str), default=list(DEFAULT_STATUSES))
    """The statuses a PRD may have (matched case-insensitively)."""

    status_aliases = StatusAliases()
    """Words authors write for a status, e.g. ``{WIP: Draft, Shipped: Implemented}``: still
    PRD102 findings, which ``mkdocs-prd lint --fix`` rewrites to the status."""

    approved_status = c.Optional(c.Type(str))
    """The first of ``statuses`` that counts as approved: PRDs at it or a status after it are
    protected (PRD308, PRD602, PRD701, the history's "Approved on").  Default: the status named
    Approved in a language the plugin reads (``Approved``, ``Freigegeben``, ``Aprobado``,
    ``Approuvé``, ``Aprovado``); a site whose ``statuses`` have none gets a note (an info)."""

    required_sections = c.ListOfItems(
        c.Choice(DEFAULT_REQUIRED_SECTIONS), default=list(DEFAULT_REQUIRED_SECTIONS)
    )
    """Template sections every PRD must have, by key."""

    rules = RuleSeverities()
    """Severity per rule id: ``error``, ``warning``, ``info`` or ``off``."""

    iosm_threshold = Number(0.80, low=0.0, high=1.0, percent_hint=True)
    """The IOSM-Index a PRD's target must reach (PRD504) and that the index counts: a number
    from 0 to 1 (``0.8``, ``1``)."""

    show_findings = c.Choice(("serve", "always", "never"), default="serve")
    """Where a PRD page shows its findings at its top."""

    nav_status = c.Type(bool, default=False)
    """Show each PRD's status as Material's page-status icon in the navigation."""

    history = c.Type(bool, default=False)
    """Show each PRD's history from git on its page: when it reached its status, who changed it
    last, a status timeline; the index gets an "Approved on" column.  Needs git and a full clone
    (without them the build works and says why once)."""

    status_colors = StatusColors()
    """Badge background colour per status (``#rrggbb``, ``#rgb`` or ``rgb()``), e.g.
    ``{Approved: "#1b5e20"}``; the text colour is chosen for WCAG AA contrast.  A status
    without one (beyond Draft, Review, Approved, Implemented) gets a spare colour of its own."""

    labels = LabelTexts()
    """Every word the plugin puts on a page, by key, for translation (unknown keys are an error)."""

    template = c.Optional(c.Type(str))
    """A PRD skeleton file used by ``mkdocs-prd new`` (relative to ``mkdocs.yml``)."""

    index_page = OutputPath("prds/index.md", ".md")
    """Where the index page of all PRDs goes, relative to ``docs_dir``; ``null`` turns it off.
    When a page already exists there, its ``<!-- prd-index -->`` marker is filled (or the
    index is appended to it)."""

    index_title = c.Optional(c.Type(str))
    """The index page's title (default: the ``index_title`` label, "PRD index")."""

    index_columns = c.ListOfItems(c.Choice(COLUMNS), default=[])
    """Columns of the index and of listings, in order; empty: title, track_id, status,
    owner, version, date, iosm, acceptance, findings (and site when indexes are merged)."""

    sort_by = c.Choice(SORT_KEYS, default="track_id")
    """The default order of the index and listings: ``track_id``, ``date``, ``status``, ``title``
    or ``approved_on`` (with ``history: true``)."""

    reverse = c.Type(bool, default=False)
    """Reverse the default order."""

    group_by = c.Choice(("none", *GROUP_KEYS), default="none")
    """Split the index into one table per ``status`` or ``owner``; ``none`` for one table."""

    json_export = OutputPath("prd-index.json", ".json")
    """Where the JSON export goes, relative to ``site_dir``; ``null`` turns it off."""

    include_indexes = IncludeIndexes()
    """Other sites' ``prd-index.json`` to merge into the index: local paths (relative to
    ``mkdocs.yml``; a ``file:`` URL of this machine is its path), ``http(s)`` URLs (another
    scheme is skipped with a message), or mappings ``{source, name, url, timeout}``."""

    trace = TraceOption()
    """Traceability to code and tests: ``sources`` (globs of source files, relative to
    ``mkdocs.yml``), ``junit`` (globs of JUnit XML reports), ``require_verified`` (priorities
    that need a test, default ``[Must]``), ``page`` (the matrix page, default
    ``prds/traceability.md``; ``null`` for none).  Without it, PRD602/PRD603 and coverage are off."""

    def validate(self) -> tuple[ConfigErrors, ConfigWarnings]:
        def _guess(key: str) -> str:
            import difflib

            names = [name for name, _ in self._schema]
            close = difflib.get_close_matches(key, names, n=1, cutoff=0.7)
            return f"; did you mean {close[0]!r}?" if close else ""

        failed, warnings = super().validate()
        # An unknown option is a typo that would silently do nothing: make it an error.
        keep: ConfigWarnings = []
        for key, message in warnings:
            if message.startswith("Unrecognised configuration name"):
                unknown = f"Unknown option {key!r} of the prd plugin{_guess(key)}"
                failed.append((key, ValidationError(unknown)))
            else:
                keep.append((key, message))
        if not failed and not [s for s in self.statuses if str(s).strip()]:
            # Every status would be unknown, and PRD102 would offer "one of" nothing.
            failed.append(("statuses", ValidationError("statuses must name at least one status")))
        if not failed:
            problem = status_list_problem(self.statuses)
            if problem is not None:
                failed.append(("statuses", ValidationError(problem)))
        if not failed:
            statuses = {str(s).casefold() for s in self.statuses}
            for alias, status in self.status_aliases.items():
                if status.casefold() not in statuses:
                    message = f"Status alias {alias!r} names {status!r}, which is not one of the statuses"
                    failed.append(("status_aliases", ValidationError(message)))
            approved = self.approved_status
            if approved is not None and approved.casefold() not in statuses:
                message = f"approved_status {approved!r} is not one of the statuses"
                failed.append(("approved_status", ValidationError(message)))
        return failed, keep


def status_list_problem(statuses: Sequence[str]) -> str | None:
    """What is wrong with a ``statuses`` list whose statuses no page could be given, or None.

    Statuses are matched case-insensitively, so one written twice (``Draft``, ``draft``) is
    one status listed twice; an empty status, one with blanks around it (``"Approved "``) or
    with a control character (an ESC, a bidi override) is never written on a page, so every
    PRD got a PRD102 listing it among the statuses, shown escaped or as ``(, Draft)``.
    """
    from mkdocs_prd.core.safe import strip_controls

    seen: dict[str, str] = {}
    for status in statuses:
        if not status.strip():
            return "an empty status; remove it"
        if status != status.strip():
            return f"{status!r} has blanks at its start or end; write {status.strip()!r}"
        if strip_controls(status) != status:
            return f"{status!r} holds a control character; write the status as text"
        first = seen.get(status.casefold())
        if first is not None:
            return f"{status!r} repeats {first!r} (statuses are matched case-insensitively); list it once"
        seen[status.casefold()] = status
    return None


def extension_names(extensions: object) -> tuple[str, ...]:
    """The names in a ``markdown_extensions`` value (a list of names, one-key mappings or objects)."""
    items = list(extensions.items()) if isinstance(extensions, dict) else extensions
    if not isinstance(items, list):
        return ()
    names: list[str] = []
    for item in items:
        if isinstance(item, tuple) and item:
            item = item[0]
        if isinstance(item, dict):
            names.extend(str(k) for k in item)
        elif isinstance(item, str):
            names.append(item)
        else:
            names.append(type(item).__module__)
    return tuple(names)


def to_settings(
    cfg: PrdConfig,
    extensions: tuple[str, ...] | None = None,
    translations: Translations | None = None,
    templating: Templating | None = None,
) -> Settings:
    """The MkDocs-free view of a validated ``PrdConfig``; ``extensions`` as :func:`extension_names`,
    ``translations`` as :func:`translations_of`, ``templating`` as :func:`templating_of`."""
    trace: TraceSettings | None = None
    if cfg.trace is not None:
        trace = TraceSettings(
            base_dir=os.path.dirname(os.path.abspath(cfg.config_file_path or "mkdocs.yml")),
            sources=tuple(cfg.trace["sources"]),
            junit=tuple(cfg.trace["junit"]),
            require_verified=tuple(cfg.trace["require_verified"]),
            page=cfg.trace["page"],
        )
    return Settings(
        paths=tuple(cfg.paths),
        statuses=tuple(cfg.statuses),
        status_aliases=dict(cfg.status_aliases),
        approved_status=cfg.approved_status,
        required_sections=tuple(cfg.required_sections),
        severities=dict(cfg.rules),
        iosm_threshold=float(cfg.iosm_threshold),
        labels=dict(cfg.labels),
        trace=trace,
        markdown_extensions=extensions,
        translations=translations,
        templating=templating,
    )


def index_settings(
    cfg: PrdConfig, settings: Settings, base_dir: str, site_name: str | None = None
) -> IndexSettings:
    """The index options of a validated ``PrdConfig``; ``base_dir`` is the folder of ``mkdocs.yml``,
    ``site_name`` the site's (named in the Site column of its own PRDs in a merged index)."""
    return IndexSettings(
        IndexOptions(
            columns=tuple(cfg.index_columns) or None,
            sort_by=cfg.sort_by,
            reverse=cfg.reverse,
            group_by=None if cfg.group_by == "none" else cfg.group_by,
            statuses=settings.statuses,
            threshold=settings.iosm_threshold,
            site_name=site_name,
        ),
        include=tuple(cfg.include_indexes),
        base_dir=base_dir,
        index_page=cfg.index_page,
        title=cfg.index_title,
    )


def translations_of(cfg: Any) -> Translations | None:
    """The languages of mkdocs-static-i18n when the loaded MkDocs config ``cfg`` uses it.

    A page and its translations are one PRD; None when the site is not translated.
    """
    plugin = cfg["plugins"].get("i18n")
    plugin_config = getattr(plugin, "config", None)
    if plugin_config is None:
        return None
    try:
        structure = str(plugin_config["docs_structure"])
        locales = tuple(str(lang["locale"]) for lang in plugin_config["languages"])
        default = next((str(lang["locale"]) for lang in plugin_config["languages"] if lang["default"]), None)
    except (KeyError, TypeError):
        return None
    if not locales:
        return None
    return Translations(structure=structure, locales=locales, default=default or locales[0])


def templating_of(cfg: Any) -> Templating | None:
    """How the site renders its pages' Markdown as templates, from the loaded config ``cfg``;
    None when no plugin does.

    mkdocs-macros and mkdocs-markdownextradata render any Jinja syntax (macros with its
    configured delimiters, ``render_by_default`` and ``force_render_paths``);
    git-revision-date-localized fills in its own ``{{ git_..._date_localized }}`` variables.
    """
    names: list[str] = []
    for plugin in cfg["plugins"].values():
        module = type(plugin).__module__
        options = getattr(plugin, "config", None) or {}
        if module.startswith("mkdocs_macros"):
            return _macros(options)
        if module.startswith("markdownextradata"):
            return _extradata(options)
        if module.startswith("mkdocs_git_revision_date_localized_plugin"):
            names += GIT_DATE_VARIABLES
    return Templating(names=tuple(names)) if names else None


def templating_of_missing(plugins: Sequence[tuple[str, Any]]) -> Templating | None:
    """The templating of the site's plugins configured but not installed where the command
    runs (a pre-commit hook's environment), from their ``(name, options)`` as written in the
    config (see :func:`plugin_entries`): macros' ``render_by_default``, ``force_render_paths``
    and delimiters are read as the installed plugin's are; ``enabled: false`` renders nothing."""
    names: list[str] = []
    for name, raw in plugins:
        options = raw if isinstance(raw, Mapping) else {}
        if options.get("enabled", True) is False:
            continue
        if name == "macros":
            return _macros(options)
        if name == "markdownextradata":
            return _extradata(options)
        if name == "git-revision-date-localized":
            names += GIT_DATE_VARIABLES
    return Templating(names=tuple(names)) if names else None


def _extradata(options: Mapping[str, Any]) -> Templating:
    """mkdocs-markdownextradata's templating: every page, with its ``jinja_options``' delimiters."""
    jinja = options.get("jinja_options")
    jinja = jinja if isinstance(jinja, Mapping) else {}
    return Templating(starts=_starts(lambda kind: jinja.get(f"{kind}_start_string")))


def _starts(option: Callable[[str], object]) -> tuple[str, ...]:
    """The openings of the variable, block and comment syntax; Jinja's own where not set."""
    defaults = (("variable", "{{"), ("block", "{%"), ("comment", "{#"))
    return tuple(str(option(kind) or default) for kind, default in defaults)


def _macros(options: Mapping[str, Any]) -> Templating:
    """mkdocs-macros' templating from its options (installed: its validated config; not
    installed here: the options as written)."""
    starts = _starts(lambda kind: options.get(f"j2_{kind}_start_string"))
    paths = (line.strip() for line in str(options.get("force_render_paths") or "").splitlines())
    return Templating(
        starts=starts,
        by_default=options.get("render_by_default", True) is not False,
        paths=tuple(p for p in paths if p and not p.startswith("#")),
    )


GIT_DATE_VARIABLES = (
    "git_revision_date_localized",
    "git_creation_date_localized",
    "git_site_revision_date_localized",
)
"""The ``{{ … }}`` variables git-revision-date-localized replaces in a page's Markdown."""


def load_site_config(config_file: str) -> Any:
    """The site's config as ``mkdocs build`` loads it (kept here for the callers that import
    it from this module): see :func:`mkdocs_prd.adapters.mkdocs.site.load_site_config`."""
    from mkdocs_prd.adapters.mkdocs.site import load_site_config as load

    return load(config_file)


def check_size(config_file: str) -> None:
    """Raise ``ConfigurationError`` when the YAML aliases of ``config_file``, or of a file it
    names with ``INHERIT`` (MkDocs reads that one first), expand past
    :data:`~mkdocs_prd.core.yaml_size.MAX_VALUES` values (a "billion laughs"): MkDocs, or
    whatever walks the values read, would not finish.  A file that cannot be read passes
    (its reader says why)."""
    seen: set[str] = set()
    path: str | None = config_file
    while path is not None and os.path.realpath(path) not in seen and len(seen) < 20:
        seen.add(os.path.realpath(path))
        try:
            with open(path, "rb") as fd:
                data = fd.read(MAX_CONFIG_BYTES + 1)
        except OSError:
            return  # MkDocs says why it cannot read it
        size = expanded_size(data)
        if size is not None and size > MAX_VALUES:
            named = "" if path == config_file else f" (INHERIT: {path})"
            raise ConfigurationError(
                f"{config_file}{named}: its YAML aliases expand to {size:,} values, more than "
                f'{MAX_VALUES:,} (a "billion laughs"); MkDocs would not finish reading it'
            )
        parent = top_level_scalar(data, "INHERIT")
        path = os.path.normpath(os.path.join(os.path.dirname(path), parent)) if parent else None


MAX_CONFIG_BYTES = 32 * 1024 * 1024
"""The part of a config file whose aliases are counted (a config is a few kilobytes)."""


def read_raw_config(config_file: str) -> dict[str, Any]:
    """``config_file`` as plain YAML (MkDocs' loader: ``!ENV``, ``!relative``), not validated.

    Raises ``ConfigurationError`` when it cannot be read or is not a mapping.  A Python
    tag whose module is not installed here is read as a placeholder
    (:class:`~mkdocs_prd.adapters.mkdocs.python_tags.PythonTag`).
    """
    check_size(config_file)
    try:
        with open(config_file, "rb") as fd, python_tags_as_placeholders():
            raw = yaml_load(fd)
    except OSError as exc:
        raise ConfigurationError(f"{config_file}: {exc.strerror or exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigurationError(f"{config_file}: expected a mapping at the top level")
    return raw


def validate_options(options: dict[str, Any], config_file: str | None, where: str) -> PrdConfig:
    """``options`` validated as the plugin's; ``where`` names them in the error
    (``plugin 'prd'``).  Raises ``ConfigurationError`` naming the option."""
    cfg = PrdConfig(config_file_path=config_file)
    cfg.load_dict(options)
    failed, _warnings = cfg.validate()
    if failed:
        key, err = failed[0]
        raise ConfigurationError(f"{config_file or 'config'}: {where}, option '{key}': {err}")
    return cfg


def plugin_entries(plugins: object) -> list[tuple[str, Any]]:
    """The entries of a ``plugins:`` list or mapping as written: ``(name, options)``, options
    None for a bare name (``- search``) and as written otherwise (not checked)."""
    entries: list[tuple[str, Any]] = []
    if isinstance(plugins, dict):
        entries = [(str(k), v) for k, v in plugins.items()]
    elif isinstance(plugins, list):
        for item in plugins:
            if isinstance(item, str):
                entries.append((item, None))
            elif isinstance(item, dict):
                entries.extend((str(k), v) for k, v in item.items())
    return entries


def plugin_options(plugins: object) -> tuple[dict[str, Any], bool]:
    """The ``prd`` entry of a ``plugins:`` list or mapping, as (options, present).

    Raises ``ConfigurationError`` when the entry's options are not a mapping.
    """
    for name, options in plugin_entries(plugins):
        if name in ("prd", "mkdocs-prd/prd"):
            if options is None:
                return {}, True
            if not isinstance(options, dict):
                raise ConfigurationError("plugin 'prd': expected a mapping of options")
            return dict(options), True
    return {}, False
