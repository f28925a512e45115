# Markdown content: links and table rows are long lines that cannot be wrapped.
# ruff: noqa: E501
from articles.demo_guide.base import DemoArticle, DemoChapter

CHAPTER = DemoChapter(
    slug="faq",
    title="FAQ",
    summary="Short answers to the questions people ask most about product management, with "
    "links to the chapters that go deeper.",
    intro="""\
These are the questions we hear most often from people new to product management, from
engineers and designers working with product managers, and from managers setting up a product
function.

Each answer is short and links to the part of the guide that covers the subject in depth.
""",
    days_ago=135,
    articles=(
        DemoArticle(
            slug="product-management-faq",
            title="Product Management FAQ",
            summary="Quick answers about the product manager role, the product owner, roadmaps, "
            "metrics and getting into product management.",
            author="daniel-okafor",
            tags=("roles", "career", "agile"),
            days_ago=14,
            body="""\
## About the role

### What does a product manager do, in one sentence?

A product manager decides what a product should do and why, and makes sure the team builds it and
that it works for customers and the business. The long answer is in
[Product Management Explained](/guide/what-is-product-management/product-management-explained/).

### Is a product manager the boss of the engineers?

No. In most companies engineers report to engineering managers. Product managers lead through
clarity and trust rather than authority, as described in
[Product Manager vs Software Engineer](/guide/software-product-manager/product-manager-vs-software-engineer/).

### What is the difference between product management and product development?

Product management is the "what" and "why"; product development is the "how". See
[Product Management vs. Product Development](/guide/what-is-product-management/product-management-vs-product-development/).

### Do product managers need to know how to code?

Not usually, but they need to understand how software is built well enough to discuss cost,
risk and trade-offs. Products with developer customers often call for a
[technical product manager](/guide/software-product-manager/technical-product-manager-vs-product-manager/).

## Product owners and agile

### Is a product owner the same as a product manager?

They overlap. The product owner is a Scrum accountability focused on the backlog and the team's
delivery; the product manager role is broader and includes market and strategy work. Many people
do both. See [What Is a Product Owner?](/guide/product-owner/what-is-a-product-owner/)

### How is a product owner different from a project manager?

A product owner maximises the value of a product over time; a project manager delivers an agreed
scope on time and within budget. See
[Project Manager vs Project Owner](/guide/product-owner/project-manager-vs-project-owner/).

### Do we need Scrum to do product management?

No. Product management works with Scrum, Kanban or any other delivery method. What it needs is a
clear owner for priorities and a short feedback loop with customers.

## Planning

### How far ahead should a roadmap go?

Most teams plan specifically for one quarter and broadly for two or three more. Beyond that,
themes are more honest than features. See
[Roadmap Formats](/guide/product-management-roadmap/roadmap-formats/).

### Should a roadmap have dates?

Only where a date is real: a regulatory deadline, a contract, an event. Elsewhere, order and
confidence communicate more truthfully than dates.

### How do I say no to stakeholders?

Make priorities visible and explain them in terms of goals and evidence. A transparent
[prioritisation method](/guide/product-backlog/backlog-refinement-and-prioritisation/) turns "no"
into "not before these more valuable things".

## Measuring success

### What is the difference between a KPI and an OKR?

A KPI is an ongoing measure of health; an OKR is a time-boxed goal to change something. See
[Product Metrics vs. KPIs](/guide/product-management-metrics-and-kpis/product-metrics-vs-kpis/).

### How many metrics should a team track?

A handful of KPIs and one [north star metric](/glossary/north-star-metric/) for the whole product
is plenty. Everything else is diagnosis.

## Getting into product management

### How do I become a product manager?

Most product managers move in from a neighbouring role: engineering, design, analysis, support or
sales. Start by taking on product work in your current job: talk to customers, write requirements,
analyse usage. The path to product ownership is described in
[How to Become a Product Owner](/guide/product-owner/how-to-become-a-product-owner/).

### What should I read first?

Start with *Inspired* by Marty Cagan, then pick from our
[reading list](/guide/product-management-resources/books-every-product-manager-should-read/).
""",
        ),
    ),
)
