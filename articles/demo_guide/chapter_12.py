# Markdown content: links and table rows are long lines that cannot be wrapped.
# ruff: noqa: E501
from articles.demo_guide.base import DemoArticle, DemoChapter

CHAPTER = DemoChapter(
    slug="product-analytics",
    title="Product Analytics",
    summary="How product teams collect and read behavioural data: funnels, cohorts and "
    "experiments that turn opinions into evidence.",
    intro="""\
Product analytics is the practice of measuring how people use a product, and using what you
learn to make better product decisions. It answers questions surveys cannot: what customers
actually do, where they get stuck, and which changes made a difference.

This chapter introduces the discipline and its three workhorses: funnels, cohorts and A/B tests.
""",
    days_ago=155,
    articles=(
        DemoArticle(
            slug="what-is-product-analytics",
            title="What Is Product Analytics?",
            summary="What product analytics measures, how the data is collected, and the questions "
            "it can and cannot answer.",
            author="priya-raman",
            tags=("analytics", "metrics"),
            days_ago=58,
            body="""\
Product analytics is the collection and analysis of data about how people use a product. Where
business intelligence looks at revenue, sales and operations, product analytics looks at
behaviour: which features people use, in what order, how often, and what happens next.

## How the data is collected

Most product analytics is built on **events**: records that a user did something, such as
"project created" or "report exported", with properties like the plan, the platform and the time.
Events are sent from the product to an analytics tool or data warehouse, where they can be
counted, filtered and joined.

### Instrumentation is a product decision

Deciding what to track is as important as tracking it. A short, well-named tracking plan beats
thousands of automatically captured clicks. For each event, write down what it means, when it
fires and which question it helps answer.

## The questions it answers

- **Adoption.** How many customers use a feature, and which ones?
- **Conversion.** Where do people drop out of a key flow? See
  [Funnel and Cohort Analysis](/guide/product-analytics/funnel-and-cohort-analysis/).
- **Retention.** Do customers who signed up this month come back as often as last month's?
- **Impact.** Did a change cause the improvement we see? See
  [Running A/B Tests](/guide/product-analytics/running-ab-tests/).
- **Segmentation.** Do small teams behave differently from large ones?

## What it cannot tell you

Analytics shows *what* people do, not *why*. A drop in a funnel tells you where to look; a
customer interview tells you what went wrong. The strongest product teams pair quantitative data
with qualitative research and treat each as a check on the other.

## Who does the work

Product managers should be able to answer everyday questions themselves with self-serve tools.
Harder questions, such as causal analysis, forecasting or data modelling, belong with
[product analysts](/guide/software-product-manager/role-of-a-product-management-specialist/),
who also keep definitions consistent so that "active user" means the same thing on every
dashboard.

## Getting started

1. Agree your [KPIs](/guide/product-management-metrics-and-kpis/essential-product-kpis/) and
   define each one precisely.
2. Write a tracking plan for the events those KPIs need.
3. Build one dashboard per team, with the KPIs at the top.
4. Review it weekly and write down one question it raises each time.

Respect your users throughout: collect what you need, tell people what you collect, and follow
the privacy rules that apply to your market.
""",
        ),
        DemoArticle(
            slug="funnel-and-cohort-analysis",
            title="Funnel and Cohort Analysis",
            summary="Two core techniques of product analytics: finding where users drop off, and "
            "seeing whether newer users behave better than older ones.",
            author="priya-raman",
            tags=("analytics", "metrics"),
            days_ago=54,
            body="""\
Two techniques answer most of the everyday questions in product analytics. **Funnels** show where
users drop out of a sequence of steps. **Cohorts** show how groups of users behave over time.
Used together, they tell you where the problem is and whether your fixes are working.

## Funnel analysis

A [funnel](/glossary/funnel/) is a sequence of steps users take toward a goal, such as signing up,
creating a first project, inviting a colleague and completing a task. A funnel report shows how
many users reach each step and the conversion rate between steps.

### Reading a funnel

| Step | Users | Conversion from previous step |
|---|---|---|
| Signed up | 10,000 | |
| Created first project | 6,200 | 62% |
| Invited a colleague | 2,100 | 34% |
| Completed a shared task | 1,500 | 71% |

The biggest drop here is between creating a project and inviting a colleague. That is where to
look first, by watching session recordings, interviewing users who stalled, and comparing those
who invited with those who did not.

### Funnel pitfalls

- **Wrong time window.** A step that usually takes three days will look broken in a one-day
  funnel.
- **Mixed segments.** Blend mobile and desktop users and you may hide a problem in one of them.
- **Optimising one step.** Pushing people through a step they are not ready for can hurt later
  steps.

## Cohort analysis

[Cohort analysis](/glossary/cohort-analysis/) groups users by when they started (or by another
shared trait) and follows each group over time. The classic view is a retention table: each row
is a sign-up month, each column the months since sign-up, each cell the share still active.

Cohorts answer a question aggregate numbers cannot: *are we getting better?* Total active users
can rise simply because more people sign up, even while each new cohort retains worse. A cohort
table makes that visible.

### What to look for

1. **The shape of the curve.** Healthy products flatten out: after an early drop, a steady share
   of each cohort keeps using the product.
2. **Newer cohorts above older ones.** Evidence that product changes improve retention.
3. **Sudden shifts.** A cohort that behaves very differently usually points to a release, a
   campaign or a pricing change.

## Together

Use funnels to find the step that loses people, change it, and use cohorts to see whether people
who arrived after the change stay longer. To prove the change caused the improvement, run an
experiment: see [Running A/B Tests](/guide/product-analytics/running-ab-tests/).
""",
        ),
        DemoArticle(
            slug="running-ab-tests",
            title="Running A/B Tests",
            summary="How to design, run and read an A/B test, and the mistakes that make results "
            "look better than they are.",
            author="priya-raman",
            tags=("analytics", "lean", "metrics"),
            days_ago=50,
            body="""\
An [A/B test](/glossary/ab-test/) shows two or more versions of a product experience to randomly
assigned groups of users and compares the results. Because assignment is random, a difference in
outcomes can be attributed to the change itself, not to the season, a marketing campaign or luck
(within known limits).

## Before you start

### Write a hypothesis

"If we show new users a checklist of setup steps, more of them will complete setup in their first
day, because they will know what to do next." A hypothesis names the change, the expected effect
and the reason.

### Choose one primary metric

Decide in advance which metric decides the test, and add a few guardrail metrics that must not
get worse, such as [churn](/glossary/churn/), support contacts or page load time.

### Size the test

Estimate how many users you need to detect the smallest effect worth acting on. Small effects
need large samples. If you cannot reach the sample size in a reasonable time, test a bolder change
or use a different method.

## While it runs

- **Do not peek and stop early.** Checking daily and stopping when the result looks good inflates
  false positives dramatically.
- **Run full weeks.** Behaviour differs between weekdays and weekends.
- **Check the split.** If the groups are not the size you expected, something is wrong with
  assignment.

## Reading the result

A result is statistically significant when a difference that large would be unlikely if the
change had no effect. Significance is not importance: a significant 0.1% lift may not be worth
the extra complexity. Look at the size of the effect and its confidence interval, and check the
guardrails.

When a test is flat, that is a result too. You learned that this change does not matter much,
which frees you to try something else.

## Common mistakes

1. Testing many metrics and reporting whichever moved.
2. Testing tiny changes on small products that will never reach significance.
3. Forgetting novelty effects: users click new things because they are new.
4. Shipping the winner without recording what you learned.

## Where A/B tests fit

A/B tests are the most rigorous step in the
[build-measure-learn](/guide/lean-product-management/build-measure-learn-in-practice/) loop, but
not the only one. Early ideas are better tested with interviews and prototypes; A/B tests shine
once you have enough traffic and a specific change to evaluate.
""",
        ),
    ),
)
