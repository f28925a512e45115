# Markdown content: links and table rows are long lines that cannot be wrapped.
# ruff: noqa: E501
from articles.demo_guide.base import DemoArticle, DemoChapter

CHAPTER = DemoChapter(
    slug="what-is-a-software-product",
    title="What Is a Software Product?",
    summary="The kinds of software products, what makes something a product rather than a "
    "project, and why the distinction shapes how teams work.",
    intro="""\
A software product is software built to solve a problem for a defined group of users, and kept
alive over time: released, measured, improved and eventually retired. It has customers, a
[value proposition](/glossary/value-proposition/) and a life cycle, not just a delivery date.

This chapter looks at the main kinds of software products and at the difference between running
a product and running a project, which explains much of how product teams are organised.
""",
    days_ago=205,
    articles=(
        DemoArticle(
            slug="types-of-software-products",
            title="Types of Software Products",
            summary="SaaS, installed software, mobile apps, platforms and internal tools: how "
            "each kind of product changes the product manager's job.",
            author="daniel-okafor",
            tags=("strategy", "roles"),
            days_ago=196,
            body="""\
"Software product" covers everything from a phone game to the billing system inside a bank. The
core of product management is the same for all of them, but the kind of product changes who the
customers are, how quickly you can ship, and what you measure.

## Software as a service

SaaS products run on the vendor's servers and are used through a browser or an app, usually for
a subscription fee. Because the vendor controls every installation, teams can release several
times a day, run experiments and see exactly how customers use each feature.

For product managers, SaaS means a tight feedback loop and constant attention to
[churn](/glossary/churn/) and [retention](/glossary/retention/): a customer who stops getting value
can cancel at the end of the month.

## Installed and on-premise software

Desktop applications and software that customers run in their own data centres ship less often,
because every upgrade costs the customer effort. Product managers plan larger releases, support
several versions at once and rely more on interviews and support data than on live analytics.

## Mobile apps

Mobile apps are distributed through app stores, which review each release and control how
updates reach users. Product managers think carefully about onboarding, notifications and
performance on older devices, and they often manage a web experience alongside the app.

## Platforms and APIs

A platform is a product other developers build on: a payments API, a messaging service, an app
marketplace. Its customers are engineers, its documentation is part of the product, and breaking
changes are expensive for everyone. These products are often owned by
[technical product managers](/guide/software-product-manager/technical-product-manager-vs-product-manager/).

## Internal tools

Internal products serve colleagues rather than paying customers: an admin console, a data
pipeline, a design system. They still deserve product management. The users are just easier to
reach and harder to ignore.

## A quick comparison

| Kind of product | Typical release rhythm | Main feedback source | Who pays |
|---|---|---|---|
| SaaS | Daily to weekly | Product analytics and experiments | Subscribers |
| Installed software | Monthly to yearly | Interviews and support tickets | Licence buyers |
| Mobile app | Weekly to monthly | Store reviews and in-app analytics | Users or advertisers |
| Platform or API | Versioned releases | Developer feedback and usage | Developers' companies |
| Internal tool | Whenever needed | Colleagues, directly | The company itself |

Most real products mix these types: a SaaS product with mobile apps, public APIs and
white-labelled versions for partners. Knowing which type dominates helps you choose the right
[tools](/guide/product-management-software-and-tools/the-product-managers-tool-stack/) and the
right [metrics](/guide/product-management-metrics-and-kpis/essential-product-kpis/).
""",
        ),
        DemoArticle(
            slug="software-product-vs-software-project",
            title="Software Product vs. Software Project",
            summary="A project ends when it is delivered; a product begins when it is released. "
            "Why the difference matters for planning, funding and teams.",
            author="daniel-okafor",
            tags=("strategy", "planning"),
            days_ago=190,
            body="""\
Companies often talk about "the new billing project" and "the billing product" as if they were the
same thing. They are not, and mixing them up leads to teams that ship on time and still fail.

## Projects end, products continue

A **project** is a temporary effort with a defined scope, budget and end date. It succeeds when it
delivers the agreed scope on time and within budget. A **product** has no planned end. It
succeeds when it keeps delivering value to customers and to the business, release after release.

A product usually contains many projects: a redesign, a migration, a launch in a new market. But
the product outlives each of them.

## Different questions, different roles

Project work asks: *are we delivering what we agreed?* It is the home of project managers, who
manage scope, schedule, budget and risk. Product work asks: *are we building the right thing, and
is it working?* It is the home of product managers and
[product owners](/guide/product-owner/what-is-a-product-owner/).

| | Project | Product |
|---|---|---|
| Lifespan | Fixed, with an end date | Ongoing, until the product is retired |
| Success measure | Scope, time and budget met | Customer and business outcomes achieved |
| Planning tool | Project plan and milestones | Roadmap and backlog |
| Team | Assembled for the project, then disbanded | Stable, long-lived product team |

The roles are compared in more depth in
[Project Manager vs Project Owner](/guide/product-owner/project-manager-vs-project-owner/).

## Why the distinction matters

### Funding

Project funding pays for a scope of work. Product funding pays for a team that keeps improving
a product. When products are funded like projects, the team is dissolved after launch and nobody
is left to act on what customers say.

### Success

A project can be a success while the product fails: the feature shipped on schedule, and nobody
uses it. Product teams measure [outcomes](/guide/product-management-metrics-and-kpis/product-metrics-vs-kpis/),
not only delivery.

### Learning

Long-lived product teams accumulate knowledge about their customers and their code. That
knowledge is the team's most valuable asset, and project-style staffing throws it away.

## Using both well

Project management still matters inside product teams: a data migration needs a plan and a
deadline. The point is to use projects as tools in service of the product, and to keep someone
accountable for the product long after each project is closed.
""",
        ),
    ),
)
