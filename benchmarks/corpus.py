#!/usr/bin/env python3
"""Generate a large, realistic MkDocs site full of PRDs, for benchmarks and load tests.

    python benchmarks/corpus.py OUTDIR --prds 1000 [--other 200] [--seed 7]
                                [--theme material|mkdocs] [--no-plugin]

or, from Python, ``write_corpus(outdir, prds=1000)``, which returns the path of the
generated ``mkdocs.yml``.

OUTDIR receives ``mkdocs.yml``, ``docs/index.md``, PRDs under ``docs/prds/<team>/``
(and one in ten as ``docs/tracks/<track-id>/PRD.md``), ordinary pages under
``docs/guides/`` (some of which talk about PRDs without being one), and
``defects.json``, which maps each deliberately broken PRD to the kind of defect it
carries.  The PRDs vary the way real ones do: header lines or YAML front matter,
IOSM targets as per-gate lists or as the gate table, ``**FR-n**`` blocks or numbered
requirement lists, template headings or drifted ones ("Users & Use-cases",
"Scope (MVP / Later)", "Appendix: Related Links", ``**Created:**``).  About one PRD
in eight carries one defect of a known kind (see ``DEFECTS``).  The output depends
only on the arguments: the same seed gives the same bytes.

With ``--no-plugin`` (``plugin=False``) the ``prd`` plugin is left out of
``mkdocs.yml``, which gives the baseline build of the very same pages.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

TEAMS = ("checkout", "catalog", "accounts", "insights", "infra", "android", "ios", "support", "ledger")
OWNERS = (
    "Maya Lindqvist",
    "Tomás Ferreira",
    "Aiko Tanaka",
    "Noah Adeyemi",
    "Elif Demir",
    "Ravi Menon",
    "Clara Dubois",
    "Mateo Silva",
    "Hannah Weiss",
    "Yusuf Karim",
    "Zoë Novak",
)
SUBJECTS = (
    "saved carts",
    "gift cards",
    "password-less login",
    "usage-based billing",
    "order tracking",
    "CSV exports",
    "tenant isolation",
    "image uploads",
    "inventory sync",
    "support macros",
    "multi-currency prices",
    "session replay",
    "quota alerts",
    "partner webhooks",
    "data residency",
    "schema migrations",
)
ACTIONS = (
    "Introduce",
    "Rebuild",
    "Speed up",
    "Consolidate",
    "Self-serve",
    "Internationalise",
    "Retire legacy",
)
VOCAB = [
    "customers",
    "operators",
    "merchants",
    "admins",
    "requests",
    "pages",
    "queries",
    "jobs",
    "retries",
    "dashboards",
    "alerts",
    "tenants",
    "invoices",
    "payloads",
    "events",
    "queues",
    "caches",
    "replicas",
    "budgets",
    "releases",
    "incidents",
    "tickets",
    "reduce",
    "improve",
    "measure",
    "track",
    "expose",
    "validate",
    "migrate",
    "batch",
    "stream",
    "archive",
    "notify",
    "audit",
    "slow",
    "manual",
    "brittle",
    "costly",
    "noisy",
    "opaque",
    "duplicated",
    "flaky",
    "stale",
    "inconsistent",
    "during",
    "after",
    "before",
    "across",
    "without",
    "within",
    "per",
    "every",
    "most",
    "several",
    "few",
]
STATUSES = ("Draft", "Review", "Approved", "Implemented")
DRIFT_STATUSES = ("In Progress", "Implementation")

DEFECTS = (
    "missing_section",
    "bad_status",
    "placeholder",
    "bad_date",
    "iosm_delta",
    "duplicate_track",
    "unchecked_implemented",
    "bad_priority",
    "missing_field",
    "broken_yaml",
)
"""The kinds of deliberate defect; ``defects.json`` says which PRD carries which."""


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(VOCAB) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, rng.randint(7, 16)) for _ in range(sentences))


def _bullets(rng: random.Random, count: int, words: int, ordered: bool = False) -> str:
    return "".join(
        f"{k}. {_sentence(rng, words)}\n" if ordered else f"- {_sentence(rng, words)}\n"
        for k in range(1, count + 1)
    )


class _Prd:
    """One generated PRD: its choices and the text built from them."""

    def __init__(self, rng: random.Random, number: int, defect: str | None, tracks: list[str]) -> None:
        self.rng = rng
        self.defect = defect
        team = rng.choice(TEAMS)
        self.team = team
        self.track = f"{team}-{number:05d}"
        if defect == "duplicate_track" and tracks:
            self.track = rng.choice(tracks)
        tracks.append(self.track)
        self.title = f"{rng.choice(ACTIONS)} {rng.choice(SUBJECTS)}"
        self.drift = rng.random() < 0.2  # headings and fields as real PRDs drift from the template
        self.front_matter = defect == "broken_yaml" or rng.random() < 0.25
        self.iosm_table = rng.random() < 0.35
        self.list_requirements = self.drift and rng.random() < 0.6
        status = rng.choice(STATUSES)
        if self.drift and rng.random() < 0.5:
            status = rng.choice(DRIFT_STATUSES)
        if defect == "bad_status":
            status = rng.choice(("Done", "WIP", "approved?", "Draft | Review"))
        if defect == "unchecked_implemented":
            status = "Implemented"
        self.status = status
        day = dt.date(2025, 3, 1) + dt.timedelta(days=rng.randint(0, 600))
        self.date = day.isoformat()
        if defect == "bad_date":
            self.date = rng.choice(("2026-02-30", "next sprint", "[YYYY-MM-DD]", "03/04/2026"))
        self.version = f"{rng.randint(0, 2)}.{rng.randint(0, 12)}"
        self.owner = f"{rng.choice(OWNERS)} ({team})"
        self.baseline = round(rng.uniform(0.45, 0.78), 2)
        self.target = round(min(0.97, self.baseline + rng.uniform(0.06, 0.22)), 2)
        delta = round(self.target - self.baseline, 2)
        self.delta = round(delta + rng.choice((0.1, -0.05)), 2) if defect == "iosm_delta" else delta
        self.checked = status == "Implemented" and defect != "unchecked_implemented"

    # -- the parts ---------------------------------------------------------------

    def head(self) -> str:
        rng = self.rng
        title = "[Feature Name]" if self.defect == "placeholder" else self.title
        date_key = "Created" if self.drift else "Date"
        fields = [
            ("version", "Version", self.version),
            ("date", date_key, self.date),
            ("track_id", "Track ID", self.track),
            ("owner", "Owner", self.owner),
            ("status", "Status", self.status),
        ]
        if self.defect == "missing_field":
            fields.pop(rng.choice((0, 2, 3)))
        if self.front_matter:
            lines = ["---"]
            for key, _label, value in fields:
                fm_key = "created" if key == "date" and self.drift else key
                lines.append(f"{fm_key}: {value}")
            lines.append(f"tags: [{self.team}, prd]")
            if self.defect == "broken_yaml":
                lines.append("reviewers: [unclosed, list")
            lines.append("---")
            return "\n".join(lines) + f"\n\n# PRD: {title}\n\n"
        header = "".join(f"**{label}:** {value}\n" for _key, label, value in fields)
        return f"# PRD: {title}\n\n{header}\n---\n\n"

    def problem(self) -> str:
        rng = self.rng
        return (
            f"**Current state:**\n{_paragraph(rng, 3)}\n\n**Impact:**\n{_paragraph(rng, 2)}\n\n"
            f"**Why now:**\n{_paragraph(rng, 2)}\n"
        )

    def goals(self) -> str:
        rng = self.rng
        return (
            "### Goals\n"
            + _bullets(rng, rng.randint(2, 4), 9, ordered=True)
            + "\n### Non-Goals (explicitly out of scope for MVP)\n"
            + _bullets(rng, rng.randint(1, 3), 7)
        )

    def users(self) -> str:
        rng = self.rng
        personas = "".join(
            f"{k}. **{name}**\n   - Role: {_sentence(rng, 6)}\n   - Pain point: {_sentence(rng, 9)}\n"
            f"   - Value: {_sentence(rng, 6)}\n\n"
            for k, name in enumerate(
                rng.sample(("Store Manager", "Finance Analyst", "Support Agent", "API Client"), 2), 1
            )
        )
        cases = "".join(
            f"{k}. **UC-{k}: {rng.choice(SUBJECTS).capitalize()}**\n   - Actor: {rng.choice(OWNERS)}\n"
            f"   - Trigger: {_sentence(rng, 5)}\n   - Flow: {_sentence(rng, 14)}\n"
            f"   - Outcome: {_sentence(rng, 6)}\n\n"
            for k in range(1, rng.randint(2, 4))
        )
        return f"### Primary Personas\n{personas}### Use Cases\n{cases}"

    def scope(self) -> str:
        rng = self.rng
        if self.drift:
            return "### MVP\n" + _bullets(rng, 3, 6) + "\n### Later\n" + _bullets(rng, 2, 6)
        return (
            "### MVP (Must-Have)\n"
            + _bullets(rng, rng.randint(2, 4), 6)
            + "\n### V1.1 (Should-Have)\n"
            + _bullets(rng, 2, 6)
            + "\n### Future (Could-Have)\n"
            + _bullets(rng, 1, 6)
        )

    def requirements(self) -> str:
        rng = self.rng
        count = rng.randint(3, 8)
        bad = rng.randrange(count) if self.defect == "bad_priority" else -1

        def priority(k: int) -> str:
            return (
                rng.choice(("Urgent", "P0", "Must / Should / Could"))
                if k == bad
                else rng.choice(("Must", "Should", "Could"))
            )

        if self.list_requirements:
            functional = "".join(f"{k + 1}. {_sentence(rng, 10)} ({priority(k)})\n" for k in range(count))
            nfr = _bullets(rng, 3, 8, ordered=True)
            return f"### Functional\n{functional}\n### Non-functional\n{nfr}"
        blocks = "\n".join(
            f"**FR-{k + 1}: {rng.choice(ACTIONS)} {rng.choice(SUBJECTS)}**\n"
            f"- Description: {_sentence(rng, 12)}\n"
            f"- Acceptance: {_sentence(rng, 10)}\n- Priority: {priority(k)}\n"
            for k in range(count)
        )
        nfrs = (
            f"**NFR-1: Performance**\n- Latency: P95 < {rng.choice((120, 250, 400))}ms\n"
            f"- Throughput: {rng.choice((300, 1200, 4000))} req/s sustained\n\n"
            "**NFR-2: Security**\n- Authentication: OIDC with short-lived tokens\n"
            "- Authorization: role based\n"
            "- Data protection: encrypted at rest and in transit\n\n"
            f"**NFR-3: Reliability**\n- Availability: {rng.choice(('99.9%', '99.95%', '99.5%'))}\n"
            "- Disaster recovery: RPO 15 min, RTO 1 h\n"
        )
        return f"### Functional Requirements\n\n{blocks}\n### Non-Functional Requirements\n\n{nfrs}"

    def ux(self) -> str:
        rng = self.rng
        resource = self.team
        return (
            "### API Design\n**Endpoints:**\n```\n"
            f"GET /v2/{resource}\nPOST /v2/{resource}\nGET /v2/{resource}/{{id}}\n```\n\n"
            "**Errors:**\n- 400: invalid input\n- 403: not allowed\n- 409: conflict\n\n"
            "### Data Model\n```\n"
            f"{resource.capitalize()}Record {{\n  id: UUID (PK)\n  state: Enum\n"
            "  updated_at: Timestamp\n}\n```\n\n"
            f"{_paragraph(rng, 2)}\n"
        )

    def risks(self) -> str:
        rng = self.rng
        levels = ("High", "Medium", "Low") if self.drift else ("H", "M", "L")
        head = (
            "| Risk | Impact | Probability | Mitigation |"
            if self.drift
            else ("| Risk | Impact (H/M/L) | Probability (H/M/L) | Mitigation |")
        )
        rows = "".join(
            f"| {_sentence(rng, 6)} | {rng.choice(levels)} | {rng.choice(levels)} | {_sentence(rng, 8)} |\n"
            for _ in range(rng.randint(2, 5))
        )
        return f"{head}\n|------|--------|-------------|------------|\n{rows}"

    def acceptance(self) -> str:
        rng = self.rng

        def box() -> str:
            return "[x]" if self.checked or rng.random() < 0.25 else "[ ]"

        groups = (
            ("Functional Acceptance", 4),
            ("Non-Functional Acceptance", 3),
            ("Documentation Acceptance", 2),
        )
        return "\n".join(
            f"### {name}\n" + "".join(f"- {box()} {_sentence(rng, 7)}\n" for _ in range(count))
            for name, count in groups
        )

    def rollout(self) -> str:
        rng = self.rng
        return (
            f"### Deployment Strategy\n- **Approach:** {rng.choice(('Canary', 'Blue-green', 'Rolling'))}\n"
            "- **Phases:**\n  1. Internal tenants\n  2. 10% of production traffic\n  3. Everyone\n\n"
            f"### Feature Flags\n- `{self.team}.{self.track}.enabled` (default: false)\n\n"
            f"### Rollback Plan\n- **Trigger:** error rate above {rng.choice((1, 2, 5))}%\n"
            "- **Steps:**\n  1. Turn the flag off\n  2. Redeploy the previous build\n"
        )

    def iosm(self) -> str:
        rng = self.rng
        if self.iosm_table:
            rows = []
            for gate in ("I", "O", "S", "M"):
                if rng.random() < 0.15:
                    # Real tables hold qualitative cells too.
                    rows.append(
                        f"| **Gate-{gate}** | {rng.choice(('2 tests failing', 'N/A'))} | All pass | — |"
                    )
                    continue
                base = round(rng.uniform(0.5, 0.8), 2)
                tgt = round(min(0.98, base + rng.uniform(0.05, 0.2)), 2)
                rows.append(f"| **Gate-{gate}** | {base} | ≥{tgt} | +{round(tgt - base, 2)} |")
            return (
                "| Gate | Baseline | Target | Expected Δ |\n|------|----------|--------|------------|\n"
                + "\n".join(rows)
                + f"\n\n**Current baseline:** {self.baseline}\n**IOSM-Index target:** ≥{self.target}\n"
                f"**Delta:** +{self.delta}\n"
            )
        return (
            "### Gate-I (Improve) Targets\n- Semantic clarity: ≥0.95\n- Code duplication: ≤5%\n"
            "- Invariants documented: 100% of public APIs\n- TODOs tracked: All TODOs in issue tracker\n\n"
            f"### Gate-O (Optimize) Targets\n- P50 latency: ≤{rng.choice((15, 40, 90))}ms\n"
            f"- P95 latency: ≤{rng.choice((120, 250, 400))}ms\n- Error budget: 0.1% error rate\n"
            "- Chaos tests: Withstand single instance failure\n\n"
            f"### Gate-S (Shrink) Targets\n- API surface: ≤{rng.randint(3, 14)} endpoints\n"
            f"- Dependency count: Stable or reduced by {rng.randint(0, 25)}%\n"
            f"- Onboarding time: ≤{rng.choice((10, 15, 30))} min for new contributor\n\n"
            "### Gate-M (Modularize) Targets\n- Module contracts: 100% defined and documented\n"
            f"- Change surface: ≤{rng.choice((15, 20, 30))}%\n- Coupling: Low\n- Cohesion: High\n\n"
            f"### Expected IOSM-Index\n**Current baseline:** {self.baseline}\n"
            f"**Target post-implementation:** {self.target}\n**Delta:** +{self.delta}\n"
        )

    def appendix(self) -> str:
        rng = self.rng
        questions = _bullets(rng, rng.randint(0, 3), 9)
        log = (
            "| Version | Date | Author | Changes |\n|---------|------|--------|---------|\n"
            f"| {self.version} | {self.date} | {self.owner} "
            f"| {rng.choice(('Initial draft', 'Scope cut', 'Review notes'))} |\n"
        )
        return (
            f"### References\n- [Design notes](https://example.com/{self.track})\n\n"
            f"### Open Questions\n{questions}\n### Change Log\n{log}"
        )

    def text(self) -> str:
        drift = self.drift
        sections = [
            ("1. Problem", self.problem()),
            ("2. Goals / Non-goals", self.goals()),
            ("3. Users & Use-cases" if drift else "3. Users & Use Cases", self.users()),
            ("4. Scope (MVP / Later)" if drift else "4. Scope", self.scope()),
            ("5. Requirements", self.requirements()),
            ("6. UX / API / Data", self.ux()),
            ("7. Risks & Mitigations", self.risks()),
            ("8. Acceptance Criteria", self.acceptance()),
            ("9. Rollout / Migration plan" if drift else "9. Rollout / Migration Plan", self.rollout()),
            ("10. IOSM Targets", self.iosm()),
            ("Appendix: Related Links" if drift else "Appendix", self.appendix()),
        ]
        if self.defect == "missing_section":
            drop = self.rng.choice((3, 6, 7, 9))
            sections.pop(drop)
        body = "\n---\n\n".join(f"## {title}\n\n{text}" for title, text in sections)
        return self.head() + body


def _guide(rng: random.Random, number: int) -> str:
    if number % 7 == 3:
        # A page about PRDs (with an example in a code block) must not be detected as one.
        return (
            f"# Writing a good PRD ({number})\n\nA PRD: the product requirement document a team writes "
            f"before building.\n\n```markdown\n# PRD: Example feature\n\n**Status:** Draft\n```\n\n"
            f"{_paragraph(rng, 3)}\n"
        )
    parts = [f"# Guide {number}: {rng.choice(SUBJECTS).capitalize()}\n"]
    for step in range(1, rng.randint(3, 6)):
        parts.append(f"## Step {step}\n\n{_paragraph(rng, 3)}\n\n{_bullets(rng, 2, 6)}")
    return "\n".join(parts)


def write_corpus(
    outdir: Path,
    prds: int,
    other: int | None = None,
    seed: int = 7,
    theme: str = "material",
    plugin: bool = True,
) -> Path:
    """Write the site into ``outdir``; return the path of its ``mkdocs.yml``.

    ``other`` ordinary pages (default ``prds // 5``); ``plugin=False`` leaves the
    ``prd`` plugin out of ``mkdocs.yml``.  Deterministic for a given ``seed``.
    """
    outdir = Path(outdir)
    rng = random.Random(seed)
    docs = outdir / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    tracks: list[str] = []
    defects: dict[str, str] = {}
    for number in range(prds):
        defect = rng.choice(DEFECTS) if rng.random() < 0.125 else None
        prd = _Prd(rng, number, defect, tracks)
        text = prd.text()
        if number % 10 == 9:
            rel = f"tracks/{prd.track}-t{number:05d}/PRD.md"
        else:
            rel = f"prds/{prd.team}/{prd.track}.md"
        if (docs / rel).exists():
            rel = rel.replace(".md", f"-{number:05d}.md")
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if defect is not None:
            defects[rel] = defect
    guides = docs / "guides"
    guides.mkdir(exist_ok=True)
    for number in range(other if other is not None else prds // 5):
        (guides / f"guide-{number:05d}.md").write_text(_guide(rng, number), encoding="utf-8")
    (docs / "index.md").write_text(
        "# Product requirements\n\nA generated site for the mkdocs-prd benchmarks.\n", encoding="utf-8"
    )
    plugins = ["search", "prd"] if plugin else ["search"]
    config = outdir / "mkdocs.yml"
    config.write_text(
        "site_name: PRD corpus\n"
        f"theme:\n  name: {theme}\n"
        "plugins:\n" + "".join(f"  - {name}\n" for name in plugins),
        encoding="utf-8",
    )
    (outdir / "defects.json").write_text(
        json.dumps(defects, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return config


def main(argv: list[str] | None = None) -> int:
    """Command line: ``corpus.py OUTDIR --prds N [--other M] [--seed S] [--theme T] [--no-plugin]``."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--prds", type=int, default=1000)
    ap.add_argument("--other", type=int, default=None, help="ordinary pages (default: prds // 5)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--theme", choices=("material", "mkdocs"), default="material")
    ap.add_argument("--no-plugin", action="store_true", help="leave the prd plugin out of mkdocs.yml")
    args = ap.parse_args(argv)
    config = write_corpus(args.outdir, args.prds, args.other, args.seed, args.theme, not args.no_plugin)
    print(config)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
