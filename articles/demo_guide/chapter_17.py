# Markdown content: links and table rows are long lines that cannot be wrapped.
# ruff: noqa: E501
from articles.demo_guide.base import DemoArticle, DemoChapter

CHAPTER = DemoChapter(
    slug="product-management-glossary",
    title="Glossary of Product Management Terms",
    summary="Definitions of the terms used throughout this guide, and the pairs of terms people "
    "most often mix up.",
    intro="""\
Product management borrows vocabulary from agile development, lean manufacturing, marketing and
data analysis, and every company adds a few words of its own. The [glossary](/glossary/) defines
the terms used throughout this guide, each with a short definition, a longer explanation and
links to related terms and articles.

This chapter explains how to use the glossary and clears up the pairs of terms that cause the most
confusion.
""",
    days_ago=130,
    articles=(
        DemoArticle(
            slug="how-to-use-this-glossary",
            title="How to Use This Glossary",
            summary="What each glossary entry contains, how to find a term by its abbreviation, "
            "and how the glossary connects to the rest of the guide.",
            author="priya-raman",
            tags=("documentation", "roles"),
            days_ago=10,
            body="""\
The [glossary](/glossary/) is a reference for the vocabulary of product management. You can read
it from A to Z, but it is most useful when you meet an unfamiliar term in an article, a meeting or
a job description.

## What each entry contains

- **A short definition**, one or two sentences in plain language.
- **An explanation** that adds context, examples and common pitfalls.
- **Other names and abbreviations.** Product management loves acronyms: the entry for
  [Product Requirements Document](/glossary/prd/) also answers to "PRD", and
  [Objectives and Key Results](/glossary/okr/) to "OKR" and "OKRs".
- **Related terms**, so you can follow a concept through its neighbours: from
  [product backlog](/glossary/product-backlog/) to [user story](/glossary/user-story/) to
  [acceptance criteria](/glossary/acceptance-criteria/).
- **Related articles** in this guide, where the term is discussed in depth.

## Finding a term

Browse the glossary alphabetically, or search for a term or one of its abbreviations. Tags group
terms by subject, so the *metrics* tag, for example, collects [KPI](/glossary/kpi/),
[churn](/glossary/churn/), [retention](/glossary/retention/) and related entries in one place,
alongside the articles on the same subject.

## Where to start

If you are new to product management, these five entries give you the core vocabulary:

1. [Product manager](/glossary/product-manager/)
2. [Product owner](/glossary/product-owner/)
3. [Product roadmap](/glossary/product-roadmap/)
4. [Product backlog](/glossary/product-backlog/)
5. [Minimum viable product](/glossary/mvp/)

Then read [Commonly Confused Terms](/guide/product-management-glossary/commonly-confused-terms/)
for the distinctions that trip up even experienced practitioners.

## Suggest a term

Editors add terms as the guide grows. If a term you needed was missing, or a definition did not
match how your company uses the word, let us know: vocabulary varies between organisations, and
the glossary notes common variations where they exist.
""",
        ),
        DemoArticle(
            slug="commonly-confused-terms",
            title="Commonly Confused Terms",
            summary="Roadmap or backlog, KPI or OKR, product owner or product manager: the pairs "
            "of terms that cause the most confusion, side by side.",
            author="tomas-ribeiro",
            tags=("documentation", "roles", "agile"),
            days_ago=6,
            body="""\
Some product management terms come in pairs that sound alike and mean different things. Mixing
them up leads to real misunderstandings: a stakeholder who thinks the backlog is the roadmap reads
every backlog item as a promise. Here are the pairs we are asked about most.

## At a glance

| Often confused | The first one | The second one |
|---|---|---|
| Roadmap / backlog | Which problems we will tackle over months, and why | The ordered list of specific work items |
| KPI / OKR | An ongoing measure of product health | A time-boxed goal to change something |
| Product manager / product owner | Owns the product's direction and outcomes | Owns the backlog and the team's priorities in Scrum |
| Product life cycle / product management life cycle | The product's sales curve over time | The team's work from idea to retirement |
| MVP / prototype | A real product used by real customers to test an assumption | A mock-up used to explore or test a design |
| Epic / user story | A large piece of work spanning several sprints | A small need that fits in one sprint |
| Acceptance criteria / definition of done | Conditions specific to one item | Quality standards every item must meet |
| Product / project | Ongoing, measured by outcomes | Temporary, measured by delivery |

## Roadmap and backlog

The [roadmap](/glossary/product-roadmap/) is a strategic communication tool; the
[backlog](/glossary/product-backlog/) is an operational one. Roadmap items usually become
[epics](/glossary/epic/) in the backlog. See
[What Is a Product Backlog?](/guide/product-backlog/what-is-a-product-backlog/)

## KPI and OKR

A [KPI](/glossary/kpi/) is watched continuously; an [OKR](/glossary/okr/) is set for a quarter.
When a team decides to improve a KPI, it often becomes a key result.

## Product manager and product owner

One is a job title, the other a Scrum accountability. One person can hold both. See
[Importance of the Product Owner](/guide/product-owner/importance-of-the-product-owner/).

## MVP and prototype

A prototype helps you learn whether a design works; a
[minimum viable product](/glossary/mvp/) helps you learn whether customers value the product
enough to use it. Prototypes can be paper; MVPs must deliver real value.

## Acceptance criteria and definition of done

[Acceptance criteria](/glossary/acceptance-criteria/) say what *this* item must do. The
[definition of done](/glossary/definition-of-done/) says what *every* item must satisfy: code
reviewed, tests passing, documentation updated. An item is finished only when it meets both.

## Product and project

The difference shapes how teams are funded and measured; it is explained in
[Software Product vs. Software Project](/guide/what-is-a-software-product/software-product-vs-software-project/).
""",
        ),
    ),
)
