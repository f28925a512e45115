# Markdown content: links and table rows are long lines that cannot be wrapped.
# ruff: noqa: E501
from articles.demo_guide.base import DemoArticle, DemoChapter

CHAPTER = DemoChapter(
    slug="product-management-roadmap",
    title="Product Management Roadmap",
    summary="What a product roadmap is for, how to build one that survives contact with "
    "reality, and which format suits which audience.",
    intro="""\
A product roadmap is a shared view of where a product is going and why. It connects the product
vision to the work teams will do over the coming months, and it gives stakeholders a reliable
picture of priorities without promising dates the team cannot keep.

This chapter explains how to build a roadmap step by step and compares the formats teams use to
present one.
""",
    days_ago=185,
    articles=(
        DemoArticle(
            slug="how-to-build-a-product-roadmap",
            title="How to Build a Product Roadmap",
            summary="A step-by-step approach to a roadmap that starts from goals, stays honest "
            "about uncertainty and earns stakeholder trust.",
            author="daniel-okafor",
            tags=("planning", "strategy"),
            days_ago=120,
            body="""\
A roadmap is not a list of features with dates attached. It is an argument: given our vision and
what we know today, this is the order in which we will tackle problems, and this is why. Built
that way, a roadmap survives changes in plans, because the reasoning behind it is visible.

## Step 1: Start from the vision and goals

Write down the product vision in a sentence or two, then the goals for the next few quarters. If
your company uses [OKRs](/guide/product-management-okrs/okrs-for-product-teams/), the roadmap
should show how the team intends to move its key results. Every item on the roadmap should trace
back to a goal; items that do not are candidates for removal.

## Step 2: Gather inputs

Collect what you know about customer problems and opportunities:

- customer interviews and support themes;
- usage data and [product analytics](/guide/product-analytics/what-is-product-analytics/);
- requests from sales, support and partners;
- technical needs from engineering, including [technical debt](/glossary/technical-debt/);
- the competitive landscape.

## Step 3: Frame problems, not features

Group the inputs into problems worth solving, such as "new customers take two weeks to import
their data", rather than solutions like "CSV importer v2". Problems leave the team room to find
the best solution, and they stay valid when the solution changes.

## Step 4: Prioritise

Compare problems by value and effort using an explicit method. [RICE](/glossary/rice/) scoring
and the [MoSCoW method](/glossary/moscow/) are both covered in
[Backlog Refinement and Prioritisation](/guide/product-backlog/backlog-refinement-and-prioritisation/).
The method matters less than doing it openly, so stakeholders can see why their request sits
where it does.

## Step 5: Choose a format and a horizon

Pick a format that matches your certainty. Near-term work can be specific; work six months out
should be broad themes. [Roadmap Formats](/guide/product-management-roadmap/roadmap-formats/)
compares timeline, now-next-later and outcome-based roadmaps.

## Step 6: Review with the team and stakeholders

Walk engineering and design through the draft first: they will spot dependencies and risks you
missed. Then review with stakeholders, explaining what is *not* on the roadmap and why. Expect to
revise it.

## Step 7: Keep it alive

A roadmap is out of date the day after you publish it. Review it monthly, update it when
priorities change, and say what changed and why. A roadmap that is honestly maintained earns more
trust than one that is never wrong because it is never updated.

### Common mistakes

1. Promising exact dates for work that has not been discovered yet.
2. Listing every request so that nobody is disappointed.
3. Keeping separate roadmaps for executives and for the team that tell different stories.

A ready-to-copy structure is in the [Product Roadmap Template](/guide/product-management-templates/product-roadmap-template/).
""",
        ),
        DemoArticle(
            slug="roadmap-formats",
            title="Roadmap Formats: Timeline, Now-Next-Later and Outcome-Based",
            summary="Three common ways to present a roadmap, what each communicates well, and how "
            "to choose for your audience.",
            author="daniel-okafor",
            tags=("planning", "templates"),
            days_ago=112,
            body="""\
The same plan can be shown in several ways, and the format you choose shapes how people read it.
A format that implies certainty you do not have will cause trouble later; one that is too vague
will not help anyone plan. Here are the three formats most product teams use.

## Timeline roadmaps

A timeline roadmap places initiatives on a calendar, usually by month or quarter, often as bars
in swimlanes for each team or theme.

**Good for:** products with fixed external dates (regulatory deadlines, trade shows, contractual
commitments), and organisations where sales and marketing need to plan campaigns.

**Watch out for:** dates read as promises. Keep the far end of the timeline coarse (quarters, not
weeks), and label confidence where you can.

## Now-next-later roadmaps

A now-next-later roadmap sorts work into three columns: what the team is working on now, what
comes next, and what is planned later. There are no dates.

**Good for:** teams working in short iterations whose plans change as they learn, and audiences
who need to know priorities rather than delivery dates.

**Watch out for:** stakeholders who need a date. Be ready to give a forecast for items in "now"
and "next" when asked.

## Outcome-based roadmaps

An outcome-based roadmap is organised around the results the team wants to achieve, such as
"reduce time to first value for new teams to under a day", with candidate initiatives listed
beneath each outcome.

**Good for:** teams that use [OKRs](/guide/product-management-okrs/okrs-for-product-teams/) and
leaders who want to see how work connects to goals.

**Watch out for:** outcomes so vague that anything fits under them. Pair each outcome with a
measurable [KPI](/glossary/kpi/).

## Choosing a format

| Format | Shows | Best audience | Handles change |
|---|---|---|---|
| Timeline | When work is expected | Sales, marketing, executives with date commitments | Poorly: every slip is visible as a broken promise |
| Now-next-later | Order of priorities | Product team, engineering, most stakeholders | Well: items move between columns |
| Outcome-based | Why the work matters | Leadership, teams using OKRs | Well: initiatives change, outcomes stay |

Many teams combine them: an outcome-based roadmap for leadership, a now-next-later view for the
wider company, and a short timeline only for the few items with fixed dates. The important thing
is that all views come from the same source and tell the same story.

For the steps that come before choosing a format, see
[How to Build a Product Roadmap](/guide/product-management-roadmap/how-to-build-a-product-roadmap/).
""",
        ),
    ),
)
