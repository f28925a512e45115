# Markdown content: links and table rows are long lines that cannot be wrapped.
# ruff: noqa: E501
from articles.demo_guide.base import DemoArticle, DemoChapter

CHAPTER = DemoChapter(
    slug="software-product-manager",
    title="Software Product Manager",
    summary="The software product manager's responsibilities, the lead and specialist roles "
    "around it, and how it compares with engineering and technical product management.",
    intro="""\
The software product manager is the person accountable for a software product's success: who it
serves, what it does, and whether it works for customers and the business.

This chapter describes the role in practice, then the roles around it: the product management lead
who coaches a team of product managers, the specialists who go deep in one area, and the two
comparisons people ask about most often, product manager versus software engineer and technical
product manager versus product manager.
""",
    days_ago=200,
    articles=(
        DemoArticle(
            slug="what-does-a-software-product-manager-do",
            title="What Does a Software Product Manager Do?",
            summary="A week in the life of a software product manager, and the responsibilities "
            "behind the meetings.",
            author="daniel-okafor",
            tags=("roles", "career"),
            days_ago=188,
            body="""\
Ask ten software product managers what they did last week and you will get ten different answers.
Underneath the variety, though, the same responsibilities keep coming back.

## The responsibilities

### Understand customers and the market

Product managers spend time with customers every week: interviews, support calls, sales demos,
usage data. They also track competitors and the wider market, looking for needs nobody is meeting
well. This is [product discovery](/glossary/product-discovery/), and it never really stops.

### Set direction

From that understanding, the product manager proposes where the product should go: a vision for
the next year or two, goals for the quarter, and a
[roadmap](/guide/product-management-roadmap/how-to-build-a-product-roadmap/) that connects them.
Direction is only useful if the team and stakeholders agree with it, so much of this work is
explaining and listening.

### Define the work

Product managers turn goals into requirements the team can build from: a
[product requirements document](/guide/product-requirements-documents/how-to-write-a-prd/) for a
larger initiative, [user stories](/glossary/user-story/) with acceptance criteria for the backlog.

### Support delivery

During development, the product manager answers questions, makes trade-offs when estimates grow,
and keeps stakeholders informed. They take part in sprint planning and reviews and keep the
[backlog](/guide/product-backlog/what-is-a-product-backlog/) ordered.

### Launch and learn

A release is the start of learning, not the end of the work. Product managers work with product
marketing on the launch, then check the agreed metrics to see whether the change worked.

## A typical week

- Monday: review last week's metrics, update the team's priorities.
- Tuesday: two customer interviews and a sales call with a prospect.
- Wednesday: backlog refinement with the engineering lead and designer.
- Thursday: roadmap review with stakeholders from sales and support.
- Friday: sprint review, then time to write up the next initiative.

## What the job is not

A product manager is not the team's manager: engineers and designers usually report elsewhere. Nor
are they the person who decides everything. The best product managers make sure decisions are
made well, with the right evidence and the right people in the room, and then make sure those
decisions stick.
""",
        ),
        DemoArticle(
            slug="role-of-a-product-management-lead",
            title="Role of a Product Management Lead",
            summary="What changes when you lead product managers instead of a product: coaching, "
            "portfolio coherence and representing the product line.",
            author="anna-grigoryan",
            tags=("leadership", "roles", "career"),
            days_ago=172,
            body="""\
A product management lead (sometimes called a group product manager) manages a small team of
product managers, typically three to six, who each own part of a larger product line. It is the
first step on the product management ladder where your success depends more on other people's
decisions than on your own.

## From owning a product to owning a portfolio

As a product manager, you make decisions about one area. As a lead, your job is to make sure the
decisions across several areas add up. The lead looks for gaps (a customer journey nobody owns),
overlaps (two teams building similar features) and conflicts (roadmaps that compete for the same
engineering team), and resolves them before they reach customers.

## Core responsibilities

### Coaching product managers

The lead's most important work is helping each product manager get better. That means reviewing
their requirements and roadmaps, joining some of their customer interviews, and giving specific
feedback. Good leads resist the temptation to take over; they ask the question that helps the
product manager find the answer.

### Setting goals for the group

Leads translate company and department strategy into goals for their group, usually as
[OKRs](/guide/product-management-okrs/okrs-for-product-teams/), and then help each product
manager derive team goals from them. They make sure the goals are ambitious but compatible.

### Keeping the roadmap coherent

The lead owns the combined roadmap for the product line. They decide, with their product
managers, how work is sequenced across teams and how dependencies are handled. See
[Roadmap Formats](/guide/product-management-roadmap/roadmap-formats/) for ways to show a
multi-team roadmap clearly.

### Representing the product line

Leads speak for their group in planning with engineering, design, marketing, sales and finance.
They bring back context that individual product managers would not otherwise see, and they
protect the team from a constant stream of one-off requests.

### Hiring and growing the team

Leads interview candidates, onboard new product managers and plan careers. A lead who hires well
and grows people has a bigger effect on the product than any single feature decision.

## Skills that matter most

1. **Judgement across contexts.** Knowing which decisions matter and which can be left to the
   team.
2. **Clear communication.** Explaining priorities to executives and to new hires with equal
   clarity.
3. **Coaching.** Giving feedback people can act on, and following up.
4. **Systems thinking.** Seeing how one team's choice affects another's.

## Common pitfalls

New leads often keep doing their old job: writing the specs, running the backlog, answering every
question personally. It feels productive and it stops the team from growing. Another pitfall is
becoming a messenger between the team and leadership without adding judgement of your own.

The lead role sits between individual product managers and directors in the
[product management hierarchy](/guide/what-is-product-management/product-management-hierarchy/).
Its counterpart on the specialist track is described in
[Role of a Product Management Specialist](/guide/software-product-manager/role-of-a-product-management-specialist/).
""",
        ),
        DemoArticle(
            slug="role-of-a-product-management-specialist",
            title="Role of a Product Management Specialist",
            summary="Product analysts, product operations managers, growth and platform product "
            "managers: the specialist roles that go deep rather than broad.",
            author="priya-raman",
            tags=("roles", "career", "analytics"),
            days_ago=168,
            body="""\
Not everyone in a product organisation owns a product area. As companies grow they add
**product management specialists**: people who bring deep expertise in one part of the craft to
many teams at once. The title varies, but the idea is the same: a generalist product manager
cannot be an expert in everything, so the organisation adds experts.

## Common specialist roles

### Product analyst

Product analysts help teams measure what matters. They define events, build dashboards, design
[A/B tests](/guide/product-analytics/running-ab-tests/) and answer questions such as "which
customers use this feature, and do they retain better?" A good analyst turns opinions into
evidence and makes the whole product team more confident in its decisions.

### Product operations manager

Product operations (often shortened to product ops) looks after how product work gets done:
tooling, templates, planning calendars, customer feedback pipelines and the data product managers
need. Product ops managers free product managers to spend their time on customers rather than on
spreadsheets.

### Growth product manager

Growth specialists focus on the [funnel](/glossary/funnel/): acquisition, activation, retention,
referral and revenue. They run many small experiments and are comfortable with statistics,
pricing and onboarding design.

### Technical or platform product manager

These specialists own products whose customers are engineers: APIs, infrastructure and internal
platforms. The role is compared in detail in
[Technical Product Manager vs Product Manager](/guide/software-product-manager/technical-product-manager-vs-product-manager/).

### User researcher

Some organisations place researchers in the product function. They plan and run studies, build
[personas](/glossary/persona/), and help product managers avoid asking leading questions.

## How specialists work with product managers

Specialists usually serve several teams. A useful arrangement is to embed them with one or two
teams for a quarter at a time, long enough to learn the product, short enough to spread knowledge.
The product manager stays accountable for the product decision; the specialist is accountable for
the quality of the input to it.

## A career in its own right

The specialist track is not a waiting room for a "real" product management job. Many
organisations have senior and principal specialist levels parallel to the management ladder
described in [Product Management Hierarchy](/guide/what-is-product-management/product-management-hierarchy/).
If you love the depth of one discipline more than the breadth of owning a product, the specialist
path lets you keep growing without becoming a generalist.

## Signs your team needs a specialist

- Product managers spend more time building reports than talking to customers.
- Experiments are run but their results are argued about, not trusted.
- Every team has invented its own planning process and templates.
- Engineers keep asking for a product manager who understands the platform.
""",
        ),
        DemoArticle(
            slug="product-manager-vs-software-engineer",
            title="Product Manager vs Software Engineer",
            summary="How product managers and software engineers divide the work, where their "
            "responsibilities overlap, and how to move from one role to the other.",
            author="tomas-ribeiro",
            tags=("roles", "career", "agile"),
            days_ago=160,
            body="""\
Product managers and software engineers spend their days on the same product, often in the same
meetings, and yet their jobs are very different. I have done both, and the clearest way I know to
describe the difference is by what each role is responsible for getting right.

## Different responsibilities

A **product manager** is responsible for building the *right* thing: a solution to a real
customer problem that also serves the business. A **software engineer** is responsible for
building the thing *right*: software that works, performs, is secure, and can be changed safely
next year.

This is the same split described in
[Product Management vs. Product Development](/guide/what-is-product-management/product-management-vs-product-development/),
seen from the level of individual roles.

## What a day looks like

### The product manager's day

- Talking to customers and colleagues in sales and support.
- Reading usage data and deciding what to investigate.
- Writing and refining [user stories](/glossary/user-story/) and requirements.
- Making trade-offs when scope, time and quality pull in different directions.

### The engineer's day

- Designing and writing code, and reviewing colleagues' code.
- Estimating work and flagging technical risks.
- Testing, deploying and monitoring what is in production.
- Paying down [technical debt](/glossary/technical-debt/) before it slows the team down.

## Where the roles overlap

The boundary is not a wall. Product managers need enough technical understanding to have an
informed conversation about cost and risk. Engineers make dozens of small product decisions a
day, about error messages, edge cases and performance, that shape what customers experience.
The strongest teams make this overlap explicit: engineers join discovery, and product managers
join technical design reviews as listeners.

## Common friction, and how to avoid it

1. **Solutions instead of problems.** When a product manager hands over a finished solution,
   engineers lose the chance to propose a simpler one. Describe the problem and the constraints.
2. **Estimates treated as promises.** Estimates are forecasts. Revisit them as the team learns.
3. **Invisible technical work.** Reserve capacity for maintenance and make it visible on the
   [roadmap](/glossary/product-roadmap/).

## Moving from engineering to product

Many product managers started as engineers, and it is a good foundation. The hardest part of the
move is letting go of building: your output becomes decisions and clarity, not code. If you are
considering it, start by volunteering for customer interviews and writing the next requirements
document your team needs. You may also find that the hybrid role of
[technical product manager](/guide/software-product-manager/technical-product-manager-vs-product-manager/)
suits you best.
""",
        ),
        DemoArticle(
            slug="technical-product-manager-vs-product-manager",
            title="Technical Product Manager vs Product Manager",
            summary="What makes a product manager 'technical', which products need one, and how "
            "the day-to-day work differs.",
            author="tomas-ribeiro",
            tags=("roles", "career"),
            days_ago=154,
            body="""\
The title "technical product manager" (TPM) confuses people. Isn't every software product
manager technical? To a degree, yes. The difference lies in the product's customers and in how
much of the product's value is in its technology rather than its interface.

## The same job, a different product

A technical product manager does the same core job as any product manager: understand customers,
set direction, define the work and measure outcomes. What differs is the product:

- **Product managers** usually own products whose customers are end users or business buyers,
  and whose value shows up in workflows, interfaces and experiences.
- **Technical product managers** usually own products whose customers are developers or other
  systems: APIs, SDKs, data platforms, infrastructure, machine learning services and integrations.

## How the work differs

| | Product manager | Technical product manager |
|---|---|---|
| Typical customers | End users, business buyers | Developers, internal engineering teams, partner systems |
| Requirements look like | User stories, flows, designs | API contracts, performance targets, migration plans |
| Key risks | Nobody wants it; people cannot use it | It does not scale; it breaks existing integrations |
| Main collaborators | Designers, marketing, sales | Architects, platform engineers, security |
| Typical metrics | Adoption, retention, conversion | API usage, latency, error rates, integration count |

## Skills a TPM needs

A technical product manager needs to read a system diagram, follow an architecture discussion and
judge the cost of a technical choice. They do not need to write production code, but they must
understand enough to ask the right questions and to explain technical trade-offs to
non-technical stakeholders. Familiarity with versioning, backwards compatibility and service
reliability is part of the job.

## When a team needs a TPM

- The product is an API or platform used by other teams or companies.
- Most of the roadmap is technical: migrations, scaling, reliability.
- Engineers spend too long translating requirements into technical terms.

## Choosing between the paths

If you enjoy customer conversations about workflows and love a good design review, the general
product manager path will keep you happy. If you light up when a developer explains how they
integrate with your API, consider the technical path. Many engineers make the move this way, as
described in [Product Manager vs Software Engineer](/guide/software-product-manager/product-manager-vs-software-engineer/).

Both roles sit on the same [hierarchy](/guide/what-is-product-management/product-management-hierarchy/),
and moving between them later in a career is common.
""",
        ),
    ),
)
