# Markdown content: links and table rows are long lines that cannot be wrapped.
# ruff: noqa: E501
from articles.demo_guide.base import DemoArticle, DemoChapter

CHAPTER = DemoChapter(
    slug="product-management-metrics-and-kpis",
    title="Product Management Metrics and KPIs Explained",
    summary="The difference between metrics and KPIs, the KPIs most software products track, "
    "and how to choose a north star metric.",
    intro="""\
Product teams can measure almost anything, which is exactly the problem. Metrics describe what is
happening; [key performance indicators](/glossary/kpi/) are the few metrics a team agrees to
watch because they show whether the product is succeeding.

This chapter explains the difference, lists the KPIs most software products rely on, and shows
how to choose a single north star metric.
""",
    days_ago=160,
    articles=(
        DemoArticle(
            slug="product-metrics-vs-kpis",
            title="Product Metrics vs. KPIs",
            summary="Every KPI is a metric, but few metrics deserve to be KPIs. How to tell them "
            "apart and pick the right ones.",
            author="priya-raman",
            tags=("metrics", "analytics"),
            days_ago=70,
            body="""\
"Metric" and "KPI" are often used interchangeably, and the confusion leads to dashboards with
forty charts and no decisions. The distinction is simple and worth keeping.

## Metrics

A **metric** is any quantity you measure: page views, sign-ups, clicks on a button, time spent in
a report, number of support tickets. Products generate thousands of them. Metrics are useful for
diagnosis: when something changes, you dig into metrics to find out why.

## KPIs

A **key performance indicator** is a metric the team has chosen as a measure of success. A good
KPI is:

- **Tied to a goal.** It tells you whether the product is achieving something that matters.
- **Actionable.** The team can influence it through its work.
- **Understood.** Everyone knows how it is defined and calculated.
- **Few in number.** A team typically tracks three to seven KPIs.

## Leading and lagging indicators

Some KPIs tell you about the past: revenue, [churn](/glossary/churn/), renewals. These are
**lagging indicators**; by the time they move, it is too late to change the quarter. **Leading
indicators** move earlier and predict the lagging ones: activation rate predicts retention, and
feature adoption predicts renewal.

A healthy set of KPIs mixes both. Lagging indicators keep you honest; leading indicators let you
act in time.

## Vanity metrics

A vanity metric looks good and means little. Total registered users only ever goes up; page views
can rise because people cannot find what they need. Ask of every candidate KPI: *if this number
doubled, would we know what to do differently?* If not, it is a metric, not a KPI.

## From KPIs to OKRs

KPIs are ongoing: you watch them every week, for years. [OKRs](/glossary/okr/) are time-boxed
goals to change something. When a team decides to improve a KPI this quarter, that KPI becomes a
key result. [OKRs for Product Teams](/guide/product-management-okrs/okrs-for-product-teams/)
explains how.

## Where to start

List the outcomes your product exists to deliver. For each, choose one metric that best shows
whether it is happening, and one leading indicator that predicts it. That is your first KPI set.
[Essential Product KPIs](/guide/product-management-metrics-and-kpis/essential-product-kpis/) lists
common candidates, and
[Choosing a North Star Metric](/guide/product-management-metrics-and-kpis/choosing-a-north-star-metric/)
shows how to pick the one that matters most.
""",
        ),
        DemoArticle(
            slug="essential-product-kpis",
            title="Essential Product KPIs",
            summary="The KPIs most software products track, with definitions, formulas and notes "
            "on when each is useful.",
            author="priya-raman",
            tags=("metrics", "analytics"),
            days_ago=66,
            body="""\
There is no universal set of product KPIs, but the same handful turn up in almost every software
business. This article gives definitions you can agree on with your team, because a KPI without a
shared definition produces arguments instead of decisions.

## Acquisition and activation

### Sign-up conversion rate

The share of visitors who create an account. Useful for marketing and onboarding teams, but only
meaningful per channel: a blended rate hides everything interesting.

### Activation rate

The share of new users who reach the moment where they first get value, such as creating a first
project or inviting a colleague. Define the activation event with data: it should predict
[retention](/glossary/retention/).

## Engagement

### Active users

Daily, weekly or monthly active users (DAU, WAU, MAU): people who did something meaningful in the
period. Define "meaningful" carefully; logging in is rarely enough.

### Stickiness

The [DAU/MAU ratio](/glossary/dau-mau/) shows how many monthly users come back daily. A ratio of
0.5 means the average user is active about half the days of the month.

## Retention and revenue

### Retention rate and churn rate

Retention is the share of customers still active after a period; [churn](/glossary/churn/) is the
share who left. Track both by cohort, as described in
[Funnel and Cohort Analysis](/guide/product-analytics/funnel-and-cohort-analysis/).

### Customer lifetime value

The total revenue you expect from a customer over the relationship. Compare it with acquisition
cost to judge whether growth is healthy.

### Net revenue retention

Revenue from a cohort of customers this period compared with the same cohort a year ago,
including expansion, contraction and churn. Above 100% means existing customers grow faster than
they leave.

## Satisfaction

### Net Promoter Score

NPS asks how likely customers are to recommend the product, on a scale from 0 to 10. It is useful
as a trend and for the comments it collects, less so as a single number.

## Summary table

| KPI | Formula | Type |
|---|---|---|
| Activation rate | Activated new users ÷ new users | Leading |
| DAU/MAU | Daily active users ÷ monthly active users | Leading |
| Retention rate | Customers active at end of period ÷ customers at start | Lagging |
| Churn rate | Customers lost in period ÷ customers at start | Lagging |
| Net revenue retention | Revenue from cohort now ÷ revenue from cohort a year ago | Lagging |
| Customer lifetime value | Average revenue per customer × average lifetime | Lagging |

Pick the few that fit your product's stage and model, and explain in
[Product Metrics vs. KPIs](/guide/product-management-metrics-and-kpis/product-metrics-vs-kpis/)
terms why each one is on the list.
""",
        ),
        DemoArticle(
            slug="choosing-a-north-star-metric",
            title="Choosing a North Star Metric",
            summary="One metric that captures the value customers get from the product: how to "
            "choose it, test it and use it without gaming it.",
            author="priya-raman",
            tags=("metrics", "strategy"),
            days_ago=62,
            body="""\
A [north star metric](/glossary/north-star-metric/) is the single measure that best captures the
value customers get from your product. When it grows, the business grows with it, because
customers are getting more of what they came for.

## Why one metric

Teams with many KPIs can always find one that went up. A north star forces a shared answer to
"are we winning?" and helps teams across the company see how their work connects. Growth, core
product and platform teams can all ask the same question: how does this move the north star?

## What makes a good north star

- **It reflects customer value**, not only revenue. Revenue follows value; the reverse is not
  guaranteed.
- **It leads revenue.** When it rises, revenue should rise later.
- **It is measurable and understandable.** Everyone can say what it means.
- **Teams can influence it.** It breaks down into inputs individual teams can work on.

## Examples

| Kind of product | Possible north star |
|---|---|
| Collaboration tool | Weekly active teams completing a shared task |
| Marketplace | Transactions completed per week |
| Media app | Time spent with content by subscribers |
| Developer platform | Monthly API calls by active integrations |

Notice that each counts an action that delivers value, within a time window, among the right
users.

## Input metrics

A north star is a lagging measure for most teams. Break it down into **input metrics** that
teams can move directly. For a collaboration tool, inputs might be new teams activated, tasks
created per active team, and teams with three or more members. Each team owns one or two inputs,
and their [OKRs](/guide/product-management-okrs/okrs-for-product-teams/) aim to move them.

## How to choose

1. List the moments when customers get value from the product.
2. Draft candidate metrics that count those moments.
3. Check each against historical data: does it correlate with retention and revenue?
4. Pressure-test it: could a team raise it while making the product worse?
5. Choose one, define it precisely, and revisit it yearly.

## Guarding against gaming

Any single metric can be gamed. Pair the north star with a few counter-metrics, such as support
tickets, [churn](/glossary/churn/) or satisfaction, that would reveal growth bought at the
customer's expense.
""",
        ),
    ),
)
