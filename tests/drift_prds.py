"""Correct PRDs that drift from the template the way real teams drift (attack6).

:func:`drifted_prd` writes one PRD from a seed: every part in one of the forms docs/rules.md
says is read (header in eight forms or front matter, titles naming a PRD in other words,
section numbers in nine styles, German and Spanish titles and labels, requirements as bold
blocks, headings, list items, tables, definition lists, admonitions, goals as labels or
tables, risks with emoji and remarks, criteria as boxes, scenarios or tables, the IOSM index
in seven forms) with Google Docs / Confluence export artefacts on one page in four.  Each
page is correct: it must get no finding, and its model must hold what it states
(:class:`Drifted` ``expect``).  Deterministic: the same seed gives the same page.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

NAMES = ("Bulk Invoice Export", "Saved Filters", "SSO for Partners", "Refund Automation", "Usage Alerts")
PEOPLE = ("Ana Costa", "Bo Chen", "Marta Lopez", "Jonas Weber", "Priya Nair")
TEAMS = ("Billing", "Identity", "Growth", "Platform")
SECTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "problem": {
        "en": ("Problem", "Problem Statement", "The Problem"),
        "de": ("Problem",),
        "es": ("Problema",),
    },
    "goals": {
        "en": ("Goals / Non-goals", "Goals and Non-Goals", "Goals & Non-goals"),
        "de": ("Ziele / Nicht-Ziele",),
        "es": ("Objetivos / No objetivos",),
    },
    "users": {
        "en": ("Users & Use Cases", "Users and Use Cases", "Users & Use-cases"),
        "de": ("Nutzer und Anwendungsfälle",),
        "es": ("Usuarios y casos de uso",),
    },
    "scope": {"en": ("Scope", "Scope (MVP / Later)"), "de": ("Umfang",), "es": ("Alcance",)},
    "requirements": {"en": ("Requirements",), "de": ("Anforderungen",), "es": ("Requisitos",)},
    "ux": {
        "en": ("UX / API / Data", "UX, API & Data"),
        "de": ("UX / API / Daten",),
        "es": ("UX / API / Datos",),
    },
    "risks": {
        "en": ("Risks & Mitigations", "Risks and Mitigations", "Risks"),
        "de": ("Risiken",),
        "es": ("Riesgos",),
    },
    "acceptance": {
        "en": ("Acceptance Criteria",),
        "de": ("Abnahmekriterien",),
        "es": ("Criterios de aceptación",),
    },
    "rollout": {
        "en": ("Rollout / Migration Plan", "Rollout Plan", "Rollout & Migration"),
        "de": ("Rollout / Migrationsplan",),
        "es": ("Plan de despliegue / migración",),
    },
    "iosm": {"en": ("IOSM Targets", "IOSM"), "de": ("IOSM-Ziele",), "es": ("Objetivos IOSM",)},
    "appendix": {"en": ("Appendix", "Appendices", "Annex"), "de": ("Anhang", "Anhänge"), "es": ("Apéndice",)},
}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
FRS = (
    ("Export a month", "A clerk exports all invoices of a month as one CSV.", "The CSV opens in Excel."),
    ("Saved exports", "The last ten exports stay downloadable.", "An export of last week downloads again."),
)
NFRS = (
    ("Performance", "Latency", "P95 < 2 s for 10k invoices"),
    ("Security", "Authorization", "only finance roles"),
    ("Reliability", "Availability", "99.9%"),
    ("Scalability", "Capacity", "100k invoices per month"),
    ("Maintainability", "Observability", "export metrics in Grafana"),
)
RISKS = (("CSV too big for Excel", "split per 1M rows"), ("Ledger API latency", "cache and retry"))
ACS = ("FR-1 verified with a real month", "FR-2 verified", "P95 under 2 s in staging")
GATES = (
    ("Gate-I", "Improve", "Semantic clarity", "≥0.95"),
    ("Gate-O", "Optimize", "P95 latency", "≤2000ms"),
    ("Gate-S", "Shrink", "API surface", "≤3 endpoints"),
    ("Gate-M", "Modularize", "Change surface", "≤20%"),
)


@dataclass
class Drifted:
    """A drifted PRD: its ``text`` and what its model must hold (``expect``)."""

    text: str
    status: str
    expect: dict[str, float | int] = field(default_factory=dict)


class _Writer:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.lang = self.pick(*["en"] * 6, "de", "es")
        self.status = self.pick("Draft", "Review", "Approved", "Implemented")
        self.version = self.pick("1.0", "1.2", "2.0", "0.3", "1.2.1")
        self.name = self.pick(*NAMES)
        self.track = f"{self.name.lower().replace(' ', '-')}-{seed}"
        self.level = "##" if self.r.random() < 0.9 else "###"
        self.numbering = self.pick(
            "dot", "dot", "none", "paren", "roman", "section", "emoji", "bold", "colon"
        )
        self.expect: dict[str, float | int] = {}

    def pick(self, *options: str) -> str:
        return self.r.choice(options)

    def sub(self, title: str) -> str:
        return ("###" if self.level == "##" else "####") + " " + title

    def title(self) -> str:
        n = self.name
        forms = (
            f"# PRD: {n}",
            f"# PRD - {n}",
            f"# {n} — PRD",
            f"# [PRD] {n}",
            f"# Product Requirements: {n}",
        )
        return self.pick(*forms, f"# PRD: {n} 🚀", f"# {n} (PRD)", f"# 🚀 PRD: {n}", f"# PRD: {n} {{#top}}")

    def status_value(self) -> str:
        s = self.status
        done = s in ("Approved", "Implemented")
        return self.pick(
            s,
            f"**{s}**",
            f'<span class="status-macro">{s.upper()}</span>',
            f"{s} by the CFO" if s == "Approved" else s,
            f"✅ {s}" if done else s,
            f"{s} (since 2026-02-03)",
            s.upper(),
            f"`{s}`",
        )

    def owner(self) -> str:
        p, q, t = self.pick(*PEOPLE), self.pick(*PEOPLE), self.pick(*TEAMS)
        mail = f"[{p}](mailto:{p.split()[0].lower()}@example.com)"
        return self.pick(f"{p} / {t}", f"{p}, {q}", mail, f"{t} team", p)

    def header(self) -> tuple[str, str]:
        """``(front matter, header lines)``."""
        date = self.pick("Date", "Date", "Last updated", "Created")
        labels = {"Date": date, "Owner": self.pick("Owner", "Author", "PM", "Owner(s)")}
        labels["Status"] = self.pick("Status", "Status", "State")
        if self.lang == "de" and self.r.random() < 0.5:
            labels |= {"Date": "Datum", "Owner": "Verantwortlich"}
        if self.lang == "es" and self.r.random() < 0.5:
            labels |= {"Date": "Fecha", "Owner": "Responsable", "Status": "Estado"}
        dates = ("2026-02-03", "2026-02-03T10:30:00Z", "2026-02-03 14:00 CET", "2026-02-03 (last edit)")
        items = [
            ("Version", self.version),
            (labels["Date"], self.pick(*dates)),
            (
                "Track ID",
                self.pick(
                    self.track, f"`{self.track}`", f"{self.track} ([PAY-1](https://jira.example.com/PAY-1))"
                ),
            ),
            (labels["Owner"], self.owner()),
            (labels["Status"], self.status_value()),
        ]
        form = self.pick(
            "bold", "bold", "bold2", "under", "kv", "horiz", "bullets", "plain", "quote", "line", "front"
        )
        if form == "front":
            keys = (f'version: "{self.version}"', "date: 2026-02-03", f"track_id: {self.track}")
            more = (f"owner: {self.pick(*PEOPLE)}", f"status: {self.status}")
            return "---\n" + "\n".join((*keys, *more)) + "\n---\n", ""
        lines = {
            "bold": [f"**{k}:** {v}" for k, v in items],
            "bold2": [f"**{k}**: {v}" for k, v in items],
            "under": [f"__{k}:__ {v}" for k, v in items],
            "bullets": [f"- **{k}:** {v}" for k, v in items],
            "plain": [f"{k}: {v}  " for k, v in items],
            "quote": [f"> **{k}:** {v}" for k, v in items],
            "line": [" | ".join(f"**{k}:** {v}" for k, v in items)],
            "kv": ["| Field | Value |", "|---|---|", *(f"| {k} | {v} |" for k, v in items)],
            "horiz": [
                "| " + " | ".join(k for k, _ in items) + " |",
                "|" + "---|" * len(items),
                "| " + " | ".join(v for _, v in items) + " |",
            ],
        }[form]
        return "", "\n".join(lines)

    def heading(self, key: str, n: int) -> str:
        words = self.pick(*SECTIONS[key][self.lang])
        if key == "appendix":
            return f"{self.level} {words}"
        if self.numbering == "bold":
            return f"{self.level} **{n}. {words}**"
        styles = {"dot": f"{n}. ", "none": "", "paren": f"{n}) ", "roman": f"{ROMAN[n - 1]}. "}
        styles |= {"section": f"§{n} ", "emoji": f"📌 {n}. ", "colon": f"{n}: "}
        heading = f"{self.level} {styles[self.numbering]}{words}"
        return self.pick(
            heading,
            heading,
            heading,
            f"{heading} {{#s{n}}}",
            f'{self.level} <a name="s{n}"></a>{heading[len(self.level) + 1 :]}',
        )

    def problem(self) -> str:
        return self.pick(
            "**Current state:** clerks export invoices one by one.\n\n**Impact:** two days a month.\n\n"
            "**Why now:** the EU e-invoicing mandate starts in Q3.",
            "Clerks export invoices one by one, which costs two days a month. The mandate starts in Q3.",
            "- Clerks export invoices one by one.\n- It costs two days a month.\n- The mandate starts in Q3.",
            "Current state: manual exports.\nImpact: two days a month per clerk.\n"
            "Why now: the mandate starts in Q3.",
        )

    def goals(self) -> str:
        names = {"en": (("Goals", "Non-Goals"), ("Goals", "Out of scope")), "de": (("Ziele", "Nicht-Ziele"),)}
        names["es"] = (("Objetivos", "No objetivos"),)
        g, ng = self.r.choice(names[self.lang])
        goal, non_goal = "Cut export time to under 5 minutes.", "PDF export."
        return self.pick(
            f"{self.sub(g)}\n1. {goal}\n2. Fewer support tickets.\n\n{self.sub(ng)}\n- {non_goal}\n"
            f"- Other ledgers.",
            f"**{g}:**\n- {goal}\n\n**{ng}:**\n- {non_goal}",
            f"__{g}:__ {goal}\n\n__{ng}:__ {non_goal}",
            f"{g}: {goal}\n\n{ng}: {non_goal}",
            f"**{g}**\n\n- {goal}\n\n**{ng}**\n\n- {non_goal}",
            f"{g}: {goal} {ng}: {non_goal}",
            f"| Goal | Metric |\n|---|---|\n| Faster exports | under 5 min |\n\n| Non-goal | Why |\n"
            f"|---|---|\n"
            f"| {non_goal} | later |",
        )

    def users(self) -> str:
        personas = {"en": ("Primary Personas", "Personas", "Target audience", "Primary users")}
        personas |= {"de": ("Personas",), "es": ("Personas",)}
        cases = {
            "en": ("Use Cases", "User stories", "Scenarios"),
            "de": ("Anwendungsfälle",),
            "es": ("Casos de uso",),
        }
        p, u = self.pick(*personas[self.lang]), self.pick(*cases[self.lang])
        return self.pick(
            f"{self.sub(p)}\n1. **Finance clerk**\n   - Role: runs month-end close\n"
            f"   - Pain point: exports\n\n"
            f"{self.sub(u)}\n1. **UC-1: Export a month**\n   - Actor: clerk\n   - Outcome: one CSV",
            f"**{p}:** finance clerks; support agents\n\n**{u}:**\n"
            f"- UC-1: a clerk exports a month as one CSV.",
            f"**Persona: Finance clerk**\n- Role: runs month-end close\n\n{self.sub(u)}\n"
            "- **UC-1: Export a month** — the clerk gets one CSV.",
        )

    def scope(self) -> str:
        return self.pick(
            f"{self.sub('MVP (Must-Have)')}\n- Monthly CSV export\n\n{self.sub('Future (Could-Have)')}\n"
            f"- XLSX",
            "| MVP | Later |\n|---|---|\n| Monthly CSV export | XLSX |",
            "- MVP: monthly CSV export.\n- Later: XLSX and PDF.",
            "The MVP exports one month as CSV; XLSX comes later.",
        )

    def priority(self) -> str:
        return self.pick("Must", "Should", "Could", "Must have", "**Must**", "🔴 Must", "P0 (Must)", "MUST")

    def functional(self) -> str:
        h = "####" if self.level == "##" else "#####"
        blocks = []
        form = self.pick(
            "bold",
            "plain",
            "heading",
            "list",
            "table",
            "idless",
            "deflist",
            "admonition",
            "task",
            "code",
            "spelled",
            "boldtask",
            "setoff",
            "escaped",
            "renumbered",
        )
        for i, (t, d, a) in enumerate(FRS, 1):
            label = self.pick("Priority", "Priority", "Prio", "MoSCoW")
            bullets = f"- Description: {d}\n- Acceptance: {a}\n- {label}: {self.priority()}"
            spellings = (f"FR{i}", f"FR {i}", f"FR‑{i}", f"REQ-PAY-00{i}", f"FR-PAY-{i}")
            blocks.append(
                {
                    "bold": f"**FR-{i}: {t}**\n{bullets}",
                    "plain": f"**FR-{i}: {t}**\nDescription: {d}  \nAcceptance: {a}  \n"
                    f"Priority: {self.priority()}",
                    "heading": f"{h} FR-{i}: {t}\n\n{d}\n\n**Acceptance:** {a}\n\n"
                    f"**Priority:** {self.priority()}",
                    "list": self.pick(
                        f"- **FR-{i}: {t}** ({self.pick('Must', 'Should', 'Could')}) — {d}",
                        f"- FR-{i}: {t} {self.pick('🔴 Must', '🟡 Should', '· Could')}",
                    ),
                    "table": f"| FR-{i} | {t}: {d} | {a} | {self.priority()} |",
                    "idless": f"| FR-{i}: {t} | {a} | {self.pick('M', 'S', 'Must', 'Could')} |",
                    "deflist": f"FR-{i}: {t} ({self.pick('Must', 'Should')})\n:   {d}\n:   Acceptance: {a}",
                    "admonition": f'!!! note "FR-{i}"\n    **FR-{i}: {t}**\n\n    '
                    + bullets.replace("\n", "\n    "),
                    "task": f"- [ ] FR-{i}: {t} ({self.pick('must', 'should')})",
                    "code": f"**`FR-{i}`: {t}**\n{bullets}",
                    "spelled": f"**{self.pick(*spellings)}: {t}**\n{bullets}",
                    "boldtask": f"- [{self.pick(' ', 'x')}] **FR-{i}:** {t} — {self.pick('Must', 'Should')}",
                    "setoff": f"{i}. **FR-{i}: {t}** {self.pick('—', '-', '|')} {self.pick('Must', 'Could')}."
                    f" Acceptance: {a}",
                    "escaped": f"\\*\\*FR-{i}: {t}\\*\\*\n{bullets}",
                    "renumbered": f"**~~FR-{i + 4}~~ FR-{i}: {t}**\n{bullets}",
                }[form]
            )
        if form == "table":
            return "| ID | Requirement | Acceptance | Priority |\n|---|---|---|---|\n" + "\n".join(blocks)
        if form == "idless":
            return "| Requirement | Acceptance Criteria | MoSCoW |\n|---|---|---|\n" + "\n".join(blocks)
        return ("\n" if form in ("list", "task", "boldtask", "setoff") else "\n\n").join(blocks)

    def non_functional(self) -> str:
        form = self.pick("template", "table", "list", "short")
        self.expect["nfr"] = 0 if form == "short" else 5
        if form == "template":
            return "\n\n".join(f"**NFR-{i}: {c}**\n- {k}: {v}" for i, (c, k, v) in enumerate(NFRS, 1))
        if form == "table":
            rows = (f"| NFR-{i} | {c} | {k}: {v} |" for i, (c, k, v) in enumerate(NFRS, 1))
            return "| ID | Category | Requirement |\n|---|---|---|\n" + "\n".join(rows)
        if form == "list":
            return "\n".join(f"- **NFR-{i} {c}:** {v}" for i, (c, _, v) in enumerate(NFRS, 1))
        return "\n".join(f"- {k}: {v}" for _, k, v in NFRS)

    def requirements(self) -> str:
        titles = {
            "en": ("Functional Requirements", "Non-Functional Requirements"),
            "de": ("Funktionale Anforderungen", "Nicht-funktionale Anforderungen"),
            "es": ("Requisitos funcionales", "Requisitos no funcionales"),
        }[self.lang]
        functional, non_functional = self.functional(), self.non_functional()
        return f"{self.sub(titles[0])}\n\n{functional}\n\n{self.sub(titles[1])}\n\n{non_functional}"

    def ux(self) -> str:
        return self.pick(
            "See the [mockups](https://figma.example.com/file/abc) and `GET /api/v1/exports/{id}`"
            " [400 req/s].",
            "<details><summary>API</summary>\n\n```http\nPOST /api/v1/exports\n```\n\n</details>",
            f'{self.sub("API Design")}\n```json\n{{"month": "2026-01"}}\n```\n\n{self.sub("Data Model")}\n'
            "- Export {id, month, status}",
            "![flow](img/flow.png)\n\nThe clerk picks a month and presses **Export**.",
        )

    def level_word(self) -> str:
        if self.lang == "de" and self.r.random() < 0.5:
            return self.pick("Hoch", "Mittel", "Niedrig")
        words = ("H", "M", "L", "High", "Medium", "Low", "🔴 High", "🟢 Low", "**M**", "medium")
        return self.pick(*words, "High (revenue)", "H<br>churn", "L – rare")

    def risks(self) -> str:
        form = self.pick("template", "template", "short", "labels", "owner", "lights")
        if form == "lights":
            head = "| Risk | Impact | Probability | Mitigation |\n|---|:-:|:-:|---|\n"
            rows = [
                f"| {r} | {self.pick('🔴', '🟠', '🟢')} | {self.pick('🔴', '🟡')} | {m} |" for r, m in RISKS
            ]
            return head + "\n".join(rows)
        if form == "owner":
            head = "| # | Risk | Likelihood | Impact | Mitigation | Owner |\n|---|---|---|---|---|---|\n"
            rows = [
                f"| R{k} | {r} | {self.level_word()} | {self.level_word()} | {m} | Ana |"
                for k, (r, m) in enumerate(RISKS, 1)
            ]
            return head + "\n".join(rows)
        if form == "labels":
            rows = [f"| {r} | {self.level_word()} | {self.level_word()} |" for r, _ in RISKS]
            mitigations = "; ".join(m for _, m in RISKS)
            return (
                "| Risk | Impact | Probability |\n|---|---|---|\n"
                + "\n".join(rows)
                + f"\n\n**Mitigations:** {mitigations}"
            )
        head = {
            "template": "| Risk | Impact (H/M/L) | Probability (H/M/L) | Mitigation |\n"
            "|------|----|----|----|\n",
            "short": "| Risk | Impact | Likelihood | Mitigation |\n|---|---|---|---|\n",
        }[form]
        return head + "\n".join(
            f"| {r} | {self.level_word()} | {self.level_word()} | {m} |" for r, m in RISKS
        )

    def acceptance(self) -> str:
        done = self.status == "Implemented"
        box = "[x]" if done else self.pick("[ ]", "[x]")
        form = self.pick("boxes", "scenarios", "table", "ids", "steps", "marks", "follow-ups", "withdrawn")
        self.expect["criteria"] = {"scenarios": 2, "steps": 1, "withdrawn": 4}.get(form, 3)
        tick = " ✅" if done else ""
        boxes = "\n".join(f"- {box} {t}" for t in ACS)
        if form == "table":
            state = "Done" if done else self.pick("Done", "Open", "Pending")
            rows = (f"| AC-{i} | {t} | {state} |" for i, t in enumerate(ACS, 1))
            return "| ID | Criterion | Status |\n|---|---|---|\n" + "\n".join(rows)
        return {
            "boxes": boxes,
            "scenarios": "\n".join(
                f"- **Given** {g}, **when** the clerk exports, **then** {t}{tick}"
                for g, t in (
                    ("a month with invoices", "one CSV downloads"),
                    ("no invoices", "an empty CSV downloads"),
                )
            ),
            "ids": "\n".join(f"- {box} **AC-{i}:** {t}" for i, t in enumerate(ACS, 1)),
            "steps": f"**Scenario: month export**\n- Given a month with 3 invoices\n"
            f"- When the clerk exports\n"
            f"- Then the CSV has 3 rows{tick}",
            "marks": "\n".join(f"- {'✅' if done else self.pick('✅', '⏳')} {t}" for t in ACS),
            "follow-ups": f"{boxes}\n\n{self.sub('Follow-ups (not part of acceptance)')}\n"
            f"- [ ] Add XLSX later",
            "withdrawn": f"{boxes}\n- [ ] ~~Video walkthrough~~ (dropped)",
        }[form]

    def rollout(self) -> str:
        return self.pick(
            "1. Staging\n2. Canary 5%\n3. Everyone\n\nRollback: disable the `exports.bulk` flag.",
            "Behind the flag `exports.bulk`, 5% then 100%. Rollback by turning the flag off.",
            "| Phase | When | Who |\n|---|---|---|\n| Canary | 2026-03-01 | Billing |\n"
            "| GA | 2026-03-15 | Billing |",
        )

    def iosm(self) -> str:
        b, t = self.r.choice((0.55, 0.61, 0.7)), self.r.choice((0.82, 0.85, 0.9))
        d = f"{t - b:.2f}"
        self.expect |= {"baseline": b, "target": t}
        comma = (str(b).replace(".", ","), str(t).replace(".", ","), d.replace(".", ","))
        index = self.pick(
            f"**Current baseline:** {b}\n**Target post-implementation:** {t}\n**Delta:** +{d}",
            f"**Baseline:** {b} → **Target:** {t} (Δ +{d})",
            f"IOSM-Index: {b} → {t} (+{d})",
            f"| Baseline | {b} |\n|---|---|\n| Target | {t} |\n| Delta | +{d} |",
            f"**Baseline:** {comma[0]}\n**Target:** {comma[1]}\n**Delta:** +{comma[2]}",
            f"**Current baseline:** {b}\n**Target post-implementation:** **{t}**\n"
            f"**Delta:** +{round(float(d) * 100)} points",
            f"- Baseline: `{b}`\n- Target: `{t}`\n- Delta: `+{d}`",
        )
        form = self.pick("subsections", "lines", "table")
        if form == "subsections":
            gates = "\n\n".join(f"{self.sub(f'{g} ({w}) Targets')}\n- {m}: {v}" for g, w, m, v in GATES)
        elif form == "lines":
            gates = "\n".join(f"- **{g} ({w}):** {m}: {v}" for g, w, m, v in GATES)
        else:
            gates = "| Gate | Metric | Target |\n|---|---|---|\n" + "\n".join(
                f"| {g} | {m} | {v} |" for g, _, m, v in GATES
            )
        return f"{gates}\n\n{self.sub('Expected IOSM-Index')}\n{index}"

    def appendix(self) -> str:
        questions = self.pick(
            "- Do we need XLSX in v1?",
            "| # | Question | Status |\n|---|---|---|\n| Q1 | XLSX? | Resolved (2026-01-05) |\n"
            "| Q2 | PDF? | Open |",
            "- Partial refunds? — **Resolved:** no",
            "- None",
            "- ~~PDF?~~ Resolved: no",
        )
        rows = ["| 0.1 | 2026-01-10 | Ana | Draft |", f"| {self.version} | 2026-02-03 | Ana | Update |"]
        if self.r.random() < 0.4:
            rows.reverse()  # newest first
        log = "| Version | Date | Author | Changes |\n|---|---|---|---|\n" + "\n".join(rows)
        refs = self.pick(
            "- [Design doc](https://docs.example.com/d/1)\n- [ADR-31](../adr/31.md)", "- Jira epic PAY-1234"
        )
        title = self.pick(self.sub("{}"), self.sub("{}"), "**{}**\n", "**{}:**")
        return "\n\n".join(
            (
                f"{title.format('References')}\n{refs}",
                f"{title.format('Open Questions')}\n{questions}",
                f"{title.format('Change Log')}\n{log}",
            )
        )

    def page(self) -> str:
        front, header = self.header()
        parts = [front + self.title(), ""]
        if header:
            parts += [header, ""]
        if self.r.random() < 0.5:
            parts += ["---", ""]
        if self.r.random() < 0.15 and self.numbering == "none":
            parts += [f"{self.level} Overview", "", "A short summary of the export work.", ""]
        for n, key in enumerate(SECTIONS, 1):
            if self.r.random() < 0.1:
                parts += ["<!-- TODO(ana): reviewed by legal? -->", ""]
            if self.r.random() < 0.08:
                parts += ['!!! note "Context"', "    Written after the Q1 review.", ""]
            parts += [self.heading(key, n), "", getattr(self, key)(), ""]
            if key == "rollout" and self.r.random() < 0.2 and self.numbering == "none":
                parts += [
                    f"{self.level} Timeline",
                    "",
                    "| Milestone | Date |\n|---|---|\n| Beta | 2026-03-01 |",
                    "",
                ]
            if self.r.random() < 0.3:
                parts += ["---", ""]
        text = "\n".join(parts)
        return exported(text, self.r) if self.r.random() < 0.25 else text


def exported(text: str, r: random.Random) -> str:
    """``text`` with what a Google Docs or Confluence export writes: no-break spaces after
    label colons, zero-width spaces, character references, backslash escapes."""
    out: list[str] = []
    front = text.startswith("---\n")
    for line in text.split("\n"):
        if front:
            front = line != "---" or not out
            out.append(line)
            continue
        if r.random() < 0.15 and line and not line.startswith(("|", "---", "#", "```", "<")):
            line = (
                line.replace(": ", ":\u00a0", 1)
                if r.random() < 0.7
                else line.replace(" the ", "\u00a0the\u00a0", 1)
            )
        if r.random() < 0.05 and line.startswith("- "):
            line += "\u200b"
        out.append(line)
    text = "\n".join(out)
    for old, new, chance in (
        ("Risks & Mitigations", "Risks &amp; Mitigations", 0.5),
        ("**FR-", "**FR\\-", 0.5),
        ("≤", "&le;", 0.3),
        ("≥", "&ge;", 0.3),
    ):
        if r.random() < chance:
            text = text.replace(old, new)
    return text


def drifted_prd(seed: int) -> Drifted:
    """The correct drifted PRD of ``seed``."""
    writer = _Writer(seed)
    text = writer.page()
    return Drifted(text, writer.status, writer.expect)
