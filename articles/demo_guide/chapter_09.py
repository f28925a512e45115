# Markdown content: links and table rows are long lines that cannot be wrapped.
# ruff: noqa: E501
from articles.demo_guide.base import DemoArticle, DemoChapter

CHAPTER = DemoChapter(
    slug="product-management-okrs",
    title="Product Management OKRs",
    summary="How product teams use objectives and key results to connect company strategy to "
    "the work on their roadmap.",
    intro="""\
[OKRs](/glossary/okr/), objectives and key results, are a goal-setting method: an objective
says what you want to achieve, and a handful of key results say how you will know you achieved
it. For product teams, OKRs are the link between company strategy and the roadmap.

This chapter explains how to write product OKRs that focus on outcomes, and shows worked examples.
""",
    days_ago=170,
    articles=(
        DemoArticle(
            slug="okrs-for-product-teams",
            title="OKRs for Product Teams",
            summary="Writing objectives and key results that measure outcomes rather than output, "
            "and running the quarterly OKR cycle in a product team.",
            author="daniel-okafor",
            tags=("planning", "metrics", "strategy"),
            days_ago=88,
            body="""\
OKRs were developed at Intel in the 1970s and spread through the technology industry from there.
The idea is simple: an **objective** is a qualitative, inspiring description of what you want to
achieve; **key results** are two to five measurable statements that tell you whether you got
there.

## Why product teams use OKRs

Product teams face endless requests and must choose. OKRs give them a shared answer to "what
matters most this quarter?" that comes from company strategy rather than from whoever asked last.
They also shift the conversation from *what we shipped* to *what changed because we shipped it*.

## Writing a good objective

A good objective is:

- **Qualitative and memorable.** "Make onboarding effortless for new teams."
- **Ambitious but achievable.** Stretching the team without being fantasy.
- **Connected.** Clearly supporting a company or department objective.

## Writing good key results

Key results are where most product OKRs go wrong. The most common mistake is writing **output**
instead of **outcome**:

| Output (avoid) | Outcome (prefer) |
|---|---|
| Launch the new onboarding wizard | Raise the share of new teams active in week one from 45% to 60% |
| Ship three integrations | Increase accounts using at least one integration from 20% to 30% |
| Redesign the billing page | Reduce billing-related support tickets by 40% |

Output tells you the team was busy; outcome tells you it mattered. The launch of the onboarding
wizard belongs on the [roadmap](/guide/product-management-roadmap/how-to-build-a-product-roadmap/)
as one of the bets the team makes to move the key result.

Good key results have a baseline and a target, a clear data source, and can be measured during
the quarter, not only at its end. Agree the [KPIs](/glossary/kpi/) and their definitions with
your analysts before the quarter starts.

## The quarterly cycle

1. **Draft.** Leadership shares company OKRs; teams draft their own in response.
2. **Align.** Teams review drafts with each other to find dependencies and conflicts.
3. **Commit.** Teams finalise OKRs and plan the initiatives that will move them.
4. **Check in.** Every week or two, teams update progress and confidence.
5. **Grade and reflect.** At the end of the quarter, score each key result and discuss what you
   learned.

## OKRs and KPIs

OKRs and KPIs are easily confused. KPIs are the ongoing health measures of a product; OKRs are
time-boxed goals to change something. A KPI often becomes a key result when the team decides to
improve it this quarter. See
[Product Metrics vs. KPIs](/guide/product-management-metrics-and-kpis/product-metrics-vs-kpis/)
for the distinction in detail, and
[Examples of Product OKRs](/guide/product-management-okrs/examples-of-product-okrs/) for OKRs you
can adapt.
""",
        ),
        DemoArticle(
            slug="examples-of-product-okrs",
            title="Examples of Product OKRs",
            summary="Worked OKR examples for growth, engagement, quality and platform teams, with "
            "notes on what makes each key result useful.",
            author="daniel-okafor",
            tags=("planning", "metrics", "templates"),
            days_ago=84,
            body="""\
Examples are the fastest way to learn to write OKRs. The ones below come from different kinds of
product teams. Adapt the numbers to your own baselines; the structure is what matters.

## Growth team

**Objective: Make it easy for new customers to see value in their first week.**

- Increase the share of new accounts that complete setup within 24 hours from 35% to 55%.
- Raise week-one [retention](/glossary/retention/) from 48% to 60%.
- Reduce median time to first shared project from 3 days to 1 day.

*Why it works:* every key result measures customer behaviour, and together they describe
activation from three angles.

## Engagement team

**Objective: Become part of our customers' daily routine.**

- Raise the [DAU/MAU ratio](/glossary/dau-mau/) from 0.28 to 0.35.
- Increase the share of weekly active users who use mobile from 22% to 30%.
- Grow the number of teams with an active automation from 1,200 to 2,000.

*Why it works:* the first key result measures habit directly; the others measure behaviours the
team believes drive that habit.

## Quality team

**Objective: Customers trust the product with their most important work.**

- Cut crash-free session failures on mobile from 1.2% to 0.5%.
- Reduce P1 incidents from four per quarter to one.
- Raise the support satisfaction score for bug reports from 72% to 85%.

## Platform team

**Objective: Partners can build integrations without talking to us.**

- Increase the share of new integrations built without support tickets from 40% to 75%.
- Reduce median time from API key creation to first successful call from 2 days to 2 hours.
- Grow monthly active API partners from 150 to 220.

## Patterns to copy

1. Start each key result with a verb: increase, reduce, raise, grow.
2. Give a baseline and a target.
3. Keep to three key results per objective where you can.
4. Put the features you plan to build on the roadmap, not in the key results.

For the thinking behind these examples, read
[OKRs for Product Teams](/guide/product-management-okrs/okrs-for-product-teams/). To track them,
pick a few stable [KPIs](/guide/product-management-metrics-and-kpis/essential-product-kpis/) as
your baseline measures.
""",
        ),
    ),
)
