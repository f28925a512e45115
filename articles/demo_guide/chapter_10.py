# Markdown content: links and table rows are long lines that cannot be wrapped.
# ruff: noqa: E501
from articles.demo_guide.base import DemoArticle, DemoChapter

CHAPTER = DemoChapter(
    slug="product-requirements-documents",
    title="Product Requirements Documents",
    summary="What a product requirements document is for, what to put in one, and how to keep "
    "it useful once development starts.",
    intro="""\
A [product requirements document](/glossary/prd/) (PRD) describes what a product or feature must
do and why, so that everyone building it shares the same understanding. A good PRD is short,
states the problem before the solution, and leaves the *how* to the people who build it.

This chapter shows how to write one and how to keep it alive during development.
""",
    days_ago=165,
    articles=(
        DemoArticle(
            slug="how-to-write-a-prd",
            title="How to Write a Product Requirements Document",
            summary="The sections of a PRD, what belongs in each, and the habits that make a PRD "
            "something engineers actually read.",
            author="daniel-okafor",
            tags=("documentation", "planning"),
            days_ago=80,
            body="""\
The product requirements document has a mixed reputation. Done badly, it is a fifty-page
specification nobody reads, out of date before it is finished. Done well, it is the clearest two
pages in the company: why we are building something, for whom, and how we will know it worked.

## What a PRD is for

A PRD creates shared understanding before work begins. It lets designers, engineers, QA, product
marketing and support read one document and come away with the same picture. It is also a record
of decisions: six months later, someone will ask why the feature works the way it does.

## The sections

### 1. Problem and context

Describe the customer problem in plain language, with evidence: interview quotes, support data,
usage numbers. Say why solving it now matters to the business.

### 2. Goals and success metrics

State what success looks like and how you will measure it. Link to the team's
[OKRs](/guide/product-management-okrs/okrs-for-product-teams/) where they apply. Include a
non-goals list: what this work deliberately does not try to do.

### 3. Users and use cases

Name the [personas](/glossary/persona/) affected and the main scenarios, written as
[user stories](/glossary/user-story/) or short narratives.

### 4. Requirements

List what the solution must do, ordered by priority. Use the [MoSCoW](/glossary/moscow/) labels
if it helps. Give each requirement [acceptance criteria](/glossary/acceptance-criteria/). Include
non-functional requirements: performance, accessibility, security, localisation.

### 5. Design and technical notes

Link to designs and technical designs rather than repeating them. Record constraints and
decisions already made.

### 6. Open questions and risks

List what you do not know yet and who will find out. This section is a sign of honesty, not
weakness.

### 7. Launch plan

Summarise rollout, [go-to-market](/glossary/go-to-market/) activities and who needs to be told.

## Habits that make PRDs work

- **Write the problem first** and share it before you write any requirements.
- **Keep it short.** If a section grows beyond a page, link to a separate document.
- **Write with the team.** Draft with the designer and engineering lead, not for them.
- **Say what would change your mind.** It invites the challenges you need.

A fill-in version of this structure is in the
[PRD Template](/guide/product-management-templates/prd-template/). Once development starts, read
[Keeping a PRD Useful After Kickoff](/guide/product-requirements-documents/keeping-a-prd-useful/).
""",
        ),
        DemoArticle(
            slug="keeping-a-prd-useful",
            title="Keeping a PRD Useful After Kickoff",
            summary="How to stop a PRD going stale once development starts: ownership, change "
            "logs and the link to the backlog.",
            author="tomas-ribeiro",
            tags=("documentation", "agile"),
            days_ago=74,
            body="""\
Most PRDs are accurate on the day of kickoff and wrong a month later. The team learns things
during development, requirements change in conversation, and the document stays where it was.
The result is worse than no document: new team members trust it and build the wrong thing.

## Decide what the PRD is for after kickoff

A PRD can play one of two roles once development starts, and it helps to choose explicitly:

1. **A living source of truth.** The PRD is updated as decisions change, and everyone is told to
   read it first.
2. **A snapshot of intent.** The PRD records what was agreed at kickoff; the backlog becomes the
   source of truth for detailed requirements.

Both are valid. The damage comes from a PRD that looks like the first but behaves like the second.

## If the PRD stays alive

- **One owner.** The product manager updates it; others comment.
- **A change log.** Add a dated line at the top for every significant change: what changed and
  why.
- **Decisions, not discussions.** Record outcomes of conversations, and link to the thread if
  needed.
- **A review in refinement.** When backlog items are refined, check that the PRD still agrees.

## If the PRD is a snapshot

- Mark it clearly: "Snapshot at kickoff on [date]. The backlog is the source of truth."
- Link each requirement to the [epic](/glossary/epic/) or stories that implement it.
- Keep the problem, goals and success metrics sections current anyway; they change rarely and
  matter most.

## Keep the link to the backlog

Whichever role the PRD plays, the connection to the
[product backlog](/guide/product-backlog/what-is-a-product-backlog/) is what keeps it honest.
Every must-have requirement should map to backlog items, and every epic should link back to the
PRD that justifies it. Many [issue trackers](/guide/product-management-software-and-tools/the-product-managers-tool-stack/)
can do this automatically.

## After launch

Close the loop: add a short results section comparing the success metrics you set with what
happened. It takes half an hour and turns the PRD into the most useful kind of document a product
team can have, a record of what it expected and what it learned.
""",
        ),
    ),
)
