# Markdown content: links and table rows are long lines that cannot be wrapped.
# ruff: noqa: E501
from articles.demo_guide.base import DemoArticle, DemoChapter

CHAPTER = DemoChapter(
    slug="lean-product-management",
    title="Comprehensive Guide to Lean Product Management",
    summary="Lean thinking applied to software products: eliminate waste, test assumptions "
    "early and learn faster than the competition.",
    intro="""\
[Lean product management](/glossary/lean-product-management/) applies ideas from lean
manufacturing and the lean startup movement to building software products. Its core belief is
that the biggest waste in product development is building something nobody wants, and that the
cure is to test assumptions early and cheaply.

This chapter covers the principles, the minimum viable product, and the build-measure-learn loop
that ties them together.
""",
    days_ago=150,
    articles=(
        DemoArticle(
            slug="principles-of-lean-product-management",
            title="Principles of Lean Product Management",
            summary="The principles behind lean product management, from eliminating waste to "
            "validated learning, and what they mean for a product team day to day.",
            author="anna-grigoryan",
            tags=("lean", "strategy", "agile"),
            days_ago=46,
            body="""\
Lean thinking began on the factory floor, most famously in the Toyota Production System, where
the goal was to deliver value to the customer with as little waste as possible. Software teams
adopted the ideas in lean software development, and Eric Ries brought them to new products in
*The Lean Startup*. Lean product management draws on all three.

## The principles

### 1. Define value from the customer's point of view

Value is whatever the customer is willing to pay for, in money, time or attention. Everything
else is either necessary support or waste. Start every initiative by naming the customer and the
value they will get.

### 2. Eliminate waste

In product development, waste takes familiar forms:

- features nobody uses;
- work started but not finished;
- handovers where context is lost;
- waiting for decisions, reviews or environments;
- defects that must be found and fixed later;
- documents nobody reads.

The largest waste of all is building the wrong product well.

### 3. Learn through experiments

Every plan rests on assumptions: customers have this problem, they will pay for this solution,
this channel will reach them. Lean teams make those assumptions explicit and test the riskiest
first, often with a [minimum viable product](/guide/lean-product-management/building-a-minimum-viable-product/).

### 4. Work in small batches

Small releases reach customers sooner, are easier to test, and are cheaper to undo. They also
shorten the feedback loop, so teams learn more per month.

### 5. Make flow visible

Visual boards, work-in-progress limits and cycle-time measures show where work gets stuck. Teams
then fix the system instead of pushing individuals harder.

### 6. Improve continuously

Regular retrospectives and small process changes, tested like product changes, compound over
time.

## Lean and agile

Lean and agile share roots and values: small batches, fast feedback, people over process. Agile
frameworks such as Scrum describe how a team delivers; lean thinking adds a sharper focus on
whether what is delivered creates value. Most modern product teams use both without drawing a
line between them.

## In practice

A lean product team asks, before starting any sizeable piece of work: *What must be true for this
to succeed? What is the cheapest way to find out?* The answers often replace a quarter of
development with a week of research. For the loop that puts this into practice, see
[Build-Measure-Learn in Practice](/guide/lean-product-management/build-measure-learn-in-practice/).
""",
        ),
        DemoArticle(
            slug="building-a-minimum-viable-product",
            title="Building a Minimum Viable Product",
            summary="What an MVP is and is not, the main types of MVP, and how to decide what to "
            "leave out.",
            author="daniel-okafor",
            tags=("lean", "agile", "strategy"),
            days_ago=42,
            body="""\
A [minimum viable product](/glossary/mvp/) (MVP) is the smallest thing you can build to test
whether your most important assumption about a product is true. It is a tool for learning, not a
first release with fewer features, and confusing the two is the most common way MVPs go wrong.

## What an MVP is for

Every new product rests on a leap of faith: customers have this problem, and they will choose
this solution. An MVP exposes that assumption to real customers as early and cheaply as possible.
If the assumption holds, you build further with confidence. If it fails, you have saved months.

## What an MVP is not

- **Not a buggy version one.** "Viable" means it works well enough for the customer to get real
  value from what it does.
- **Not a cut-down roadmap.** Removing every third feature from a full plan does not test anything.
- **Not permanent.** Expect to change or throw away much of it.

## Types of MVP

### Concierge MVP

You deliver the service by hand to a few customers. A reporting tool might start with an analyst
building reports manually each week. It tests whether customers value the outcome before you
automate it.

### Wizard of Oz MVP

The customer sees what looks like a working product, but people are doing the work behind the
scenes. It tests the experience without building the engine.

### Landing page or fake door

You describe the product, or show a button for a feature, and measure how many people sign up or
click. It tests demand, though not whether the product delivers.

### Single-feature MVP

You build one core capability properly and nothing else. It tests whether that capability alone
is valuable enough to use.

## Deciding what to leave out

1. Write down the assumption you are testing.
2. List everything you think the product needs.
3. For each item, ask: *does the test fail without it?* If not, leave it out.
4. Decide in advance what result would count as success, using a metric and a threshold.

## After the MVP

Measure, learn and decide: persevere, pivot or stop. This is the
[build-measure-learn loop](/guide/lean-product-management/build-measure-learn-in-practice/).
Successful MVPs often lead to [product-market fit](/glossary/product-market-fit/) only after
several rounds.
""",
        ),
        DemoArticle(
            slug="build-measure-learn-in-practice",
            title="Build-Measure-Learn in Practice",
            summary="Running the lean feedback loop in an established product team: hypotheses, "
            "small bets and decisions made on evidence.",
            author="priya-raman",
            tags=("lean", "analytics"),
            days_ago=38,
            body="""\
The [build-measure-learn](/glossary/build-measure-learn/) loop is the engine of lean product
management: build something small, measure how customers respond, learn whether your assumption
was right, and decide what to do next. It is easy to draw and surprisingly hard to run well
inside an established product team.

## Plan the loop backwards

Although the loop is named build first, it is best planned in reverse:

1. **Learn.** What do we need to find out? Write it as a hypothesis.
2. **Measure.** What evidence would confirm or refute it? Choose the metric and the threshold.
3. **Build.** What is the least we can build to produce that evidence?

Planning backwards stops teams building things that cannot produce a clear answer.

## A worked example

A team believes that new customers churn because they never connect their calendar.

- **Hypothesis:** if new users connect a calendar during onboarding, more of them will be active in
  week four.
- **Measure:** week-four retention for users who see a calendar step versus those who do not, via
  an [A/B test](/guide/product-analytics/running-ab-tests/). Success means at least five
  percentage points higher.
- **Build:** a single optional onboarding step using an existing integration, with no new
  settings screens.

Two weeks later: connection rates are high, but week-four retention is unchanged. The team learns
that calendar connection is a symptom of engaged users, not a cause. It saved a quarter that would
have gone on a full calendar feature.

## Making it a habit

### Keep an assumptions log

List the assumptions behind each roadmap item, rate each by risk and by how much you know, and
test the risky unknowns first.

### Shorten the loop

The faster the loop, the more you learn. Use feature flags, small releases and existing
[analytics](/guide/product-analytics/what-is-product-analytics/) so that each cycle takes days,
not months.

### Decide explicitly

Every loop ends with a decision: persevere, pivot or stop. Write it down with the evidence. Loops
that end in "interesting, let's keep watching" teach nothing.

## Common traps

- Measuring what is easy instead of what answers the question.
- Declaring success with a metric chosen after the results came in.
- Treating every release as an experiment without a hypothesis.

Used with discipline, the loop turns a roadmap from a list of bets into a sequence of questions
the team answers one by one. See the
[principles of lean product management](/guide/lean-product-management/principles-of-lean-product-management/)
for the thinking behind it.
""",
        ),
    ),
)
