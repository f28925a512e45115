# Markdown content: links and table rows are long lines that cannot be wrapped.
# ruff: noqa: E501
from articles.demo_guide.base import DemoArticle, DemoChapter

CHAPTER = DemoChapter(
    slug="product-management-life-cycle",
    title="Product Management Life Cycle",
    summary="The stages a product passes through, from idea to retirement, and what product "
    "management does at each one.",
    intro="""\
Products are born, grow, mature and eventually decline. The product management life cycle
describes the work product teams do along the way: finding an opportunity, defining and building
a solution, launching it, and then improving, growing and eventually retiring it.

This chapter walks through the stages and explains how priorities shift as a product moves from
one to the next.
""",
    days_ago=190,
    articles=(
        DemoArticle(
            slug="stages-of-the-product-management-life-cycle",
            title="The Stages of the Product Management Life Cycle",
            summary="Conceive, plan, develop, launch, grow and retire: what happens at each stage "
            "and which questions the product manager answers.",
            author="anna-grigoryan",
            tags=("strategy", "planning"),
            days_ago=134,
            body="""\
The product management life cycle is a map of the work a product team does over a product's
lifetime. Models differ in how many stages they name, but most describe the same journey. Here it
is in six stages.

## 1. Conceive

Every product starts with an opportunity: a customer problem, a market shift, a new technology.
In this stage the product manager researches the market and customers, sizes the opportunity and
forms a first [value proposition](/glossary/value-proposition/). The key question: *is this
problem worth solving, for whom, and why us?*

## 2. Plan

Planning turns the opportunity into a product concept. The team defines target
[personas](/glossary/persona/), the core use cases, success metrics and a first
[roadmap](/guide/product-management-roadmap/how-to-build-a-product-roadmap/). Requirements are
written, often in a
[product requirements document](/guide/product-requirements-documents/how-to-write-a-prd/). The key
question: *what is the smallest product that proves we are right?*

## 3. Develop

Product development builds the solution, usually iteratively. The product manager keeps the
[backlog](/guide/product-backlog/what-is-a-product-backlog/) ordered, answers questions and tests
early versions with customers. Many teams release a
[minimum viable product](/guide/lean-product-management/building-a-minimum-viable-product/) first
to learn before committing to the full scope.

## 4. Launch

Launch brings the product to market. Product marketing leads positioning, pricing and the
[go-to-market](/glossary/go-to-market/) plan; sales and support are trained; documentation is
published. The product manager makes sure the launch tells a true story about what the product
does today.

## 5. Grow and maintain

After launch, the work shifts to adoption, retention and expansion. Teams watch their
[KPIs](/guide/product-management-metrics-and-kpis/essential-product-kpis/), run experiments, fix
what is broken and add what customers need most. Most of a successful product's life is spent
here, and the stage is covered in
[Managing Growth, Maturity and Decline](/guide/product-management-life-cycle/managing-growth-maturity-and-decline/).

## 6. Retire

Eventually a product stops earning its keep: the market moves, a better replacement exists, or
maintenance costs exceed the value. Retiring a product well means a clear timeline, migration
paths for customers and honest communication.

## Life cycle or loop?

The stages are drawn in a line, but real products loop. A mature product conceives new features,
a new market triggers a second launch, and every release feeds learning back into planning. The
life cycle is best used as a checklist of questions, not as a process to follow step by step.

### The marketing view

Marketing textbooks describe a related model, the [product life cycle](/glossary/product-life-cycle/),
with four stages: introduction, growth, maturity and decline.[^plc] It describes the product's
sales over time, while the product management life cycle describes the team's work. The two fit
together: the team's work in stages 4 to 6 depends on where the product is on the sales curve.

[^plc]: The four-stage model was popularised in the 1960s by Theodore Levitt's article "Exploit
    the Product Life Cycle" in the *Harvard Business Review*.
""",
        ),
        DemoArticle(
            slug="managing-growth-maturity-and-decline",
            title="Managing Growth, Maturity and Decline",
            summary="How product priorities change after launch: growing adoption, defending a "
            "mature product, and deciding when to let go.",
            author="daniel-okafor",
            tags=("strategy", "metrics"),
            days_ago=126,
            body="""\
Launch gets the attention, but most of a product's life happens afterwards. The work of a product
manager changes as the product moves through growth, maturity and decline, and recognising which
stage you are in is half the battle.

## Growth

In the growth stage, customers are signing up faster than before and word of mouth is starting
to work. The product has found [product-market fit](/glossary/product-market-fit/) with at least
one segment.

Priorities in growth:

- **Remove friction.** Onboarding, activation and the first week of use decide who stays.
- **Scale.** Performance, reliability and support processes that worked for a hundred customers
  break at ten thousand.
- **Expand deliberately.** Add segments or use cases one at a time and measure each.

Useful metrics: activation rate, [retention](/glossary/retention/) by cohort and growth in active
users. [Funnel and Cohort Analysis](/guide/product-analytics/funnel-and-cohort-analysis/) shows
how to read them.

## Maturity

Growth slows as the market saturates. Competitors have copied the best features, and most new
revenue comes from existing customers. Maturity is not failure: mature products often generate
most of a company's profit.

Priorities in maturity:

- **Defend and deepen.** Keep the core reliable, improve workflows customers use daily, and pay
  down [technical debt](/glossary/technical-debt/).
- **Expand revenue.** Premium tiers, add-ons and integrations raise revenue per customer.
- **Watch [churn](/glossary/churn/).** A small rise in churn hurts more than a small fall in
  sign-ups.

## Decline

Usage and revenue fall steadily, because the market has moved or a better product has arrived.
The product manager's job is to decide, with evidence, between three options:

1. **Reinvent.** Invest in a significant change that could open a new growth curve.
2. **Harvest.** Keep the product running with minimal investment while it remains profitable.
3. **Retire.** Set an end-of-life date, help customers migrate, and free the team for new work.

## Reading the signals

Stages rarely announce themselves. Look at trends over several quarters rather than single
months: new customer growth, retention curves, revenue per customer and the share of engineering
time spent on maintenance. When these shift together, your strategy should shift too.
""",
        ),
        DemoArticle(
            slug="running-product-discovery-interviews",
            title="Running Product Discovery Interviews",
            summary="How to plan, run and learn from customer interviews in the conceive and plan "
            "stages, without leading the witness.",
            author="priya-raman",
            tags=("research", "planning"),
            days_ago=-9,
            body="""\
Customer interviews are the cheapest way to learn whether a problem is worth solving. They are
also easy to get wrong. This article covers the habits that make interviews useful in
[product discovery](/glossary/product-discovery/).

## Before the interview

- Write down what you want to learn, as questions about the customer's past behaviour.
- Recruit people who match the [persona](/glossary/persona/) you are testing, not whoever is
  available.
- Plan for thirty to forty-five minutes, and bring a colleague to take notes.

## During the interview

### Ask about the past, not the future

"Tell me about the last time you prepared a quarterly report" produces facts. "Would you use a
tool that automated reports?" produces polite guesses.

### Listen more than you speak

Aim for the customer to talk at least three-quarters of the time. Silence is a tool: people fill
it with the detail you need.

### Do not pitch

The moment you describe your solution, the interview becomes a sales call.

## After the interview

Write up notes the same day. Look for patterns across five to eight interviews before changing
plans, and share raw quotes with the team so that everyone hears the customer's own words.
""",
        ),
    ),
)
