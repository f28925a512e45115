# Markdown content: links and table rows are long lines that cannot be wrapped.
# ruff: noqa: E501
from articles.demo_guide.base import DemoArticle, DemoChapter

CHAPTER = DemoChapter(
    slug="what-is-product-management",
    title="What Is Product Management?",
    summary="What product managers do, how the role differs from product development, and how "
    "product teams are organised.",
    intro="""\
Product management is the discipline of deciding **what** a product should be and **why**, and
then making sure the whole organisation builds, launches and improves it with that purpose in
mind. It sits between customers, the business and the people who build the product.

This chapter sets out the ground the rest of the guide builds on: what the role involves, how it
differs from product development, and how product management teams are structured as they grow.
""",
    days_ago=210,
    articles=(
        DemoArticle(
            slug="product-management-explained",
            title="Product Management Explained",
            summary="A plain-language introduction to product management: the problems it "
            "solves, the work it involves and the outcomes it is measured by.",
            author="anna-grigoryan",
            tags=("strategy", "roles"),
            days_ago=205,
            body="""\
Every software company eventually faces the same question: with more ideas than people to build
them, what should we work on next? Product management is the discipline that answers it, and
keeps answering it as customers, competitors and the business change.

## A working definition

Product management is the practice of guiding a product through its whole life: discovering what
customers need, deciding which of those needs the product should meet, and making sure the team
delivers something that meets them well enough that people choose it, pay for it and keep using
it. A product manager is accountable for the **outcome**, not for any single piece of the work.

That accountability is what makes the role unusual. Product managers rarely write the code,
design the screens or close the deals, yet they answer for whether the product succeeds. They do
it through influence: a clear vision, good evidence and decisions that others can trust.

## What product managers actually do

The day-to-day work changes with the company and the stage of the product, but most of it falls
into four areas:

- **Discovery.** Talking to customers, reading support tickets, studying usage data and watching
  the market to find problems worth solving.
- **Strategy.** Turning those problems into a product vision, goals and a
  [roadmap](/guide/product-management-roadmap/how-to-build-a-product-roadmap/) that explains what
  the team will do and, just as importantly, what it will not.
- **Delivery.** Writing requirements, ordering the
  [product backlog](/guide/product-backlog/what-is-a-product-backlog/), answering questions from
  engineers and designers, and making trade-offs when time runs short.
- **Measurement.** Checking whether shipped work changed anything, using the
  [metrics and KPIs](/guide/product-management-metrics-and-kpis/product-metrics-vs-kpis/) agreed
  before the work began.

### The questions behind the work

A useful way to remember the role is by the questions it owns. Who is the customer? What problem
do they have? Why is solving it good for the business? How will we know we succeeded? Engineers
and designers own the question of *how*; product management keeps the *what* and *why* sharp
enough that the how can be answered well.

## Why it matters

Without product management, teams tend to build whatever the loudest stakeholder asked for last.
Features pile up, the product becomes harder to use, and nobody can say which work paid off. With
it, the organisation has one place where customer needs, business goals and technical reality
are weighed against each other in the open.

## Where to go next

If you are new to the field, read
[Product Management vs. Product Development](/guide/what-is-product-management/product-management-vs-product-development/)
next: the difference between the two is the most common source of confusion about the role.
Then look at how teams are organised in
[Product Management Team and Roles](/guide/what-is-product-management/product-management-team-and-roles/).
""",
        ),
        DemoArticle(
            slug="product-management-vs-product-development",
            title="Product Management vs. Product Development",
            summary="Product management decides what to build and why; product development "
            "decides how and builds it. The two work side by side across the product life cycle.",
            author="anna-grigoryan",
            tags=("roles", "strategy", "agile"),
            days_ago=198,
            body="""\
"Product management" and "product development" sound like two names for the same thing, and in
small companies the same people often do both. They are different jobs, though, with different
questions, skills and measures of success. Knowing where one ends and the other begins makes
both work better.

## What product management covers

Product management is a **strategic role that spans the whole
[product life cycle](/guide/product-management-life-cycle/stages-of-the-product-management-life-cycle/)**:
planning the product, producing it and bringing it to market. Product managers lead the product
vision. They research the market and the customers, work out which needs are worth meeting, and
turn those needs into requirements. Then they follow those requirements all the way through, so
that what the customer asked for actually reaches the final product.

Product managers own the high-level [roadmap](/glossary/product-roadmap/) and keep it current as
the company learns. What they do **not** do is build the product themselves. Their output is
clarity: a shared understanding of the problem, the priorities and the definition of success.

### How product management teams vary

There is no single shape for a product management function. Two patterns are common:

- **One product manager guiding several teams.** In smaller organisations a single product
  manager sets direction for a few development teams, each working on a different part of the
  product.
- **A cross-functional product team.** In larger organisations product management becomes a team
  of its own, with specialists in product marketing, production, product design, product
  analytics and quality control, all working toward the same product goals.

The structure changes how the work is shared, not what the work is. You will find more on this in
[Product Management Hierarchy](/guide/what-is-product-management/product-management-hierarchy/).

## What product development covers

Product development is the process of **taking a product idea from concept to market**. It is
carried out by software developers, designers, engineers and QA testers, who turn the product
manager's requirements into a working product. Their job is to decide how each requirement is
best met, build it, test it, and make sure the result meets the quality bar the company has set.

Product development has its own planning: architecture, estimates, sprint goals, release plans.
It also feeds back into product management. Engineers know what is cheap, what is risky and what
would become [technical debt](/glossary/technical-debt/), and good product decisions depend on
hearing that early.

## Side by side

| | Product management | Product development |
|---|---|---|
| Core question | What should we build, and why? | How do we build it well? |
| Main output | Vision, requirements, roadmap, priorities | Working, tested software |
| Who does it | Product managers and the wider product team | Developers, designers, engineers, QA testers |
| Time horizon | The whole product life cycle | From concept to release, iteration by iteration |
| Success looks like | Customers adopt the product and the business goals are met | The product works as specified and meets the quality bar |

## Two halves of one effort

In short, product management is the **"what"** and product development is the **"how"**. Neither
works alone. A brilliant strategy with no one to build it is a slide deck; a brilliant engineering
team with no clear direction builds features nobody needs. The best teams keep the two side by
side: product managers in sprint reviews, engineers in customer interviews, and both looking at
the same [metrics](/guide/product-management-metrics-and-kpis/essential-product-kpis/) after
launch.

For a closer look at how the two roles divide daily work, see
[Product Manager vs Software Engineer](/guide/software-product-manager/product-manager-vs-software-engineer/).
""",
        ),
        DemoArticle(
            slug="product-management-hierarchy",
            title="Product Management Hierarchy",
            summary="From associate product manager to chief product officer: the levels of a "
            "product organisation and how responsibility grows with each one.",
            author="anna-grigoryan",
            tags=("roles", "leadership", "career"),
            days_ago=182,
            body="""\
As a company grows, one product manager becomes several, and several become an organisation with
levels, managers and career paths. Titles differ between companies, but the underlying ladder is
remarkably consistent. Understanding it helps you read job descriptions, plan a career and know
who to ask for a decision.

## The levels, from first job to the executive team

### Associate product manager

Associate product managers (APMs) are new to the role, often from university, engineering,
design or customer support. They own a well-defined slice of a product, such as one feature or
one integration, under close guidance. The focus is on learning the craft: writing clear
requirements, running a backlog, and talking to customers without leading them.

### Product manager

A product manager owns a product area end to end. They set its goals, keep its roadmap, work
daily with one or two development teams, and answer for its results. Most of the work described
in this guide happens at this level.

### Senior product manager

Senior product managers own larger or riskier areas, often spanning several teams, and are
trusted to shape strategy rather than only execute it. They mentor newer product managers and are
expected to resolve conflicts between teams without escalating them.

### Group product manager or product management lead

At this level the job shifts from managing a product to managing product managers. A
[product management lead](/guide/software-product-manager/role-of-a-product-management-lead/)
coaches a small group of product managers, keeps their roadmaps coherent, and represents the
product line in planning with other departments.

### Director and vice president of product

Directors own a product line or a major customer segment; vice presidents own the product
organisation's strategy and budget. Their tools are hiring, structure, goals and the
[OKRs](/guide/product-management-okrs/okrs-for-product-teams/) that connect company strategy to
team priorities.

### Chief product officer

The chief product officer (CPO) sits on the executive team and answers for the whole product
portfolio. The CPO decides which markets the company serves with which products, and makes sure
product, engineering, design and marketing pull in the same direction.

## Specialists alongside the ladder

Not every product role is on the management ladder. Many organisations employ
[product management specialists](/guide/software-product-manager/role-of-a-product-management-specialist/),
such as product analysts, product operations managers and
[technical product managers](/guide/software-product-manager/technical-product-manager-vs-product-manager/),
who go deep in one area instead of broad across a product.

## What changes as you climb

The higher the level, the longer the time horizon and the less direct the influence:

1. Associate product managers think in sprints and features.
2. Product managers think in quarters and outcomes.
3. Leads and directors think in years and portfolios.
4. Executives think about which bets the company makes at all.

What stays the same is the core responsibility: make sure the organisation builds the right
things for the right customers, and be able to explain why.
""",
        ),
        DemoArticle(
            slug="product-management-team-and-roles",
            title="Product Management Team and Roles",
            summary="Who is on a product team, what each role contributes, and how the roles "
            "work together from discovery to launch.",
            author="anna-grigoryan",
            tags=("roles", "leadership", "agile"),
            days_ago=176,
            body="""\
A product is never the work of one person. Even when a single product manager sets the direction,
the product succeeds or fails through a team of people with different skills. This article
describes the roles you will meet on a typical software product team and what each one brings.

## The core trio

Most modern product teams are built around three roles that share ownership of the product:

- **Product manager.** Owns the problem: who the customer is, what they need, why it matters to
  the business, and how success will be measured.
- **Product designer.** Owns the experience: how customers discover, understand and use the
  solution. Designers research, prototype and test with real users.
- **Engineering lead.** Owns the solution's feasibility and quality: architecture, estimates,
  technical risks and how the team builds.

The trio works best when all three are involved from the start of discovery, not handed work in
sequence. Engineers who hear customers describe a problem propose better solutions than engineers
who only read a ticket.

## The wider product team

Around the trio sit roles that larger organisations treat as part of the product team:

### Product owner

In teams using Scrum, the [product owner](/guide/product-owner/what-is-a-product-owner/) manages
the backlog and decides what the development team works on each sprint. In some companies the
product manager plays this role; in others it is a separate person focused on delivery while the
product manager focuses on strategy.

### Product marketing manager

Product marketing turns what the product does into why customers should care. Product marketing
managers own positioning, launch plans, sales enablement and the
[go-to-market strategy](/glossary/go-to-market/).

### Product analyst

Product analysts instrument the product, build dashboards and answer questions with data. They
are the reason a product manager can say "retention went up after the release" with confidence.
See [What Is Product Analytics?](/guide/product-analytics/what-is-product-analytics/) for what
this work involves.

### Quality assurance

QA engineers and testers protect the quality bar. They design test plans, automate regression
tests and help the team agree on [acceptance criteria](/glossary/acceptance-criteria/) before work
starts rather than after.

### Production and operations

Product operations and release managers keep the machinery running: tooling, release
calendars, documentation and the processes that let many teams ship without colliding.

## Roles are responsibilities, not headcount

A five-person startup has all of these responsibilities and perhaps none of these titles. The
founder is the product manager, an engineer doubles as QA, and marketing happens on Friday
afternoons. That is fine, as long as someone knows they own each responsibility. Problems start
when a responsibility belongs to nobody, or to two people who each think the other has it.

## Making the team work

A few habits make a product team more than a collection of roles:

1. **Share one set of goals.** Everyone should know the team's
   [OKRs](/guide/product-management-okrs/okrs-for-product-teams/) and which metric they move.
2. **Decide together, document once.** Record decisions where the whole team can find them.
3. **Review outcomes, not only output.** A sprint review that asks "did it work?" teaches more
   than one that asks "did we ship?"

To see how these roles stack into levels and careers, continue with
[Role of a Product Management Lead](/guide/software-product-manager/role-of-a-product-management-lead/).
""",
        ),
    ),
)
