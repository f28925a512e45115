# Markdown content: links and table rows are long lines that cannot be wrapped.
# ruff: noqa: E501
from articles.demo_guide.base import DemoArticle, DemoChapter

CHAPTER = DemoChapter(
    slug="product-management-templates",
    title="Practical Product Management Templates",
    summary="Copy-ready templates for a product roadmap, a product requirements document and "
    "user stories with acceptance criteria.",
    intro="""\
Templates save time and, more importantly, remind you of the questions you might otherwise skip.
The templates in this chapter are plain Markdown so they work in any documentation tool, and each
comes with notes on how to fill it in.

Adapt them freely: a template is a starting point, not a form to complete.
""",
    days_ago=140,
    articles=(
        DemoArticle(
            slug="product-roadmap-template",
            title="Product Roadmap Template",
            summary="A now-next-later roadmap template organised around outcomes, with notes on "
            "each section.",
            author="daniel-okafor",
            tags=("templates", "planning"),
            days_ago=26,
            body="""\
This template combines two of the formats described in
[Roadmap Formats](/guide/product-management-roadmap/roadmap-formats/): it is organised around
outcomes, and it sorts initiatives into now, next and later. It fits on one page, which is the
point.

## How to use it

1. Fill in the vision and goals first. If you cannot, stop and sort those out before the roadmap.
2. List initiatives as problems to solve, not features to build.
3. Keep "now" specific, "next" fairly specific and "later" deliberately broad.
4. Review it monthly and record what changed in the change log.

## The template

```markdown
# [Product name] roadmap

Last updated: [date] · Owner: [product manager]

## Vision
[One or two sentences: who the product serves and the change it makes for them.]

## Goals this half-year
1. [Outcome goal, linked to an OKR or KPI]
2. [Outcome goal]

## Now (this quarter, in progress or committed)
| Initiative (problem to solve) | Goal | Success measure | Confidence |
|---|---|---|---|
| [e.g. New teams struggle to import data] | 1 | [Setup completed within 24 hours: 35% -> 55%] | High |

## Next (next quarter, likely)
| Initiative | Goal | Open questions |
|---|---|---|
| [Problem] | 2 | [What we still need to learn] |

## Later (under consideration)
- [Broad theme or opportunity]
- [Broad theme or opportunity]

## Not planned
- [Request we decided not to pursue, and why]

## Change log
- [date]: [What changed and why]
```

## Notes on the sections

### Confidence

Say how sure you are. "High" means the team has done discovery and estimated the work; "low"
means it is still an idea. Stakeholders read dates differently when confidence is visible.

### Not planned

This is the most valuable section for stakeholders. It shows that their requests were considered,
and it stops the same debate recurring every month.

### Change log

A roadmap that changes silently loses trust. One line per change is enough.

The reasoning behind each step is in
[How to Build a Product Roadmap](/guide/product-management-roadmap/how-to-build-a-product-roadmap/).
""",
        ),
        DemoArticle(
            slug="prd-template",
            title="PRD Template",
            summary="A concise product requirements document template that puts the problem "
            "first and keeps requirements testable.",
            author="daniel-okafor",
            tags=("templates", "documentation"),
            days_ago=22,
            body="""\
This template follows the structure explained in
[How to Write a Product Requirements Document](/guide/product-requirements-documents/how-to-write-a-prd/).
It is intentionally short. If a section needs more than a page, link to a separate document
instead of letting the PRD grow.

## The template

```markdown
# [Initiative name]

Status: Draft | In review | Approved · Owner: [product manager]
Team: [designer], [engineering lead], [analyst] · Last updated: [date]

## 1. Problem
[Who has the problem, what it is, and the evidence: quotes, data, tickets.]

## 2. Why now
[Why this matters to the business at this moment. Link to the OKR it supports.]

## 3. Goals and success metrics
| Metric | Baseline | Target | How measured |
|---|---|---|---|
| [e.g. Setup completed within 24 hours] | [35%] | [55%] | [Event: setup_completed] |

Non-goals:
- [What this work deliberately does not try to do]

## 4. Users and use cases
- As a [persona], I want [capability] so that [benefit].

## 5. Requirements
| # | Requirement | Priority | Acceptance criteria |
|---|---|---|---|
| R1 | [What the solution must do] | Must | [Given / when / then] |
| R2 | [Requirement] | Should | [Criteria] |

Non-functional: [performance, accessibility, security, localisation]

## 6. Design and technical notes
[Links to designs and technical designs; constraints; decisions made.]

## 7. Open questions and risks
| Question or risk | Owner | Due |
|---|---|---|

## 8. Launch plan
[Rollout approach, feature flags, who needs to know, documentation.]

## 9. Results (after launch)
[Metrics versus targets, and what we learned.]
```

## Filling it in well

- **Write sections 1 to 3 first** and review them with the team before writing requirements.
- **Keep requirements testable.** Every "must" needs acceptance criteria; see the
  [user story template](/guide/product-management-templates/user-story-and-acceptance-criteria-template/).
- **Use section 9.** Results turn a PRD into a record of learning. Read
  [Keeping a PRD Useful After Kickoff](/guide/product-requirements-documents/keeping-a-prd-useful/)
  for how to maintain it during development.
""",
        ),
        DemoArticle(
            slug="user-story-and-acceptance-criteria-template",
            title="User Story and Acceptance Criteria Template",
            summary="A template for backlog items that developers can build and testers can "
            "verify, with a worked example.",
            author="tomas-ribeiro",
            tags=("templates", "agile", "documentation"),
            days_ago=18,
            body="""\
A good backlog item tells the team who needs something, why they need it, and how everyone will
know it is done. This template captures all three in a form that fits any issue tracker.

## The template

```markdown
## Story
As a [type of user],
I want [capability],
so that [benefit].

## Context
[Why this matters now; link to the epic, PRD or research.]

## Acceptance criteria
1. Given [starting situation], when [action], then [expected result].
2. Given [...], when [...], then [...].

## Out of scope
- [What this story deliberately does not cover]

## Notes
[Designs, edge cases, analytics events, open questions.]
```

## A worked example

> **Story.** As a team administrator, I want to invite colleagues by pasting a list of email
> addresses, so that I can set up my team in one step.
>
> **Acceptance criteria.**
>
> 1. Given I paste up to 50 valid addresses, when I click Invite, then each person receives an
>    invitation and appears as "Invited" in the member list.
> 2. Given the list contains an invalid address, when I click Invite, then the invalid address
>    is highlighted and no invitations are sent until it is fixed or removed.
> 3. Given an address belongs to an existing member, when I click Invite, then that address is
>    skipped and I see a note saying so.
>
> **Out of scope.** Importing from a file; setting roles during invitation.

## Checklist before a story enters a sprint

- [x] The user and the benefit are real, not "as a developer, I want a database".
- [x] It is small enough to finish in a few days.
- [x] Acceptance criteria are agreed with the developers and testers.
- [x] Dependencies are known and resolved.
- [ ] The analytics events needed to measure it are listed.

## Tips

- Write acceptance criteria as observable behaviour, not implementation.
- Three to six criteria is typical; many more suggests the story should be split.
- Keep the team's [definition of done](/glossary/definition-of-done/) separate: it applies to every
  story and need not be repeated.

Stories live in the [product backlog](/guide/product-backlog/what-is-a-product-backlog/), where
[refinement](/guide/product-backlog/backlog-refinement-and-prioritisation/) keeps them ready.
""",
        ),
    ),
)
