# Markdown content: links and table rows are long lines that cannot be wrapped.
# ruff: noqa: E501
from articles.demo_guide.base import DemoArticle, DemoChapter

CHAPTER = DemoChapter(
    slug="product-backlog",
    title="Product Backlog",
    summary="The ordered list of work for a product: what belongs in it, how to keep it "
    "healthy, and how to decide what comes first.",
    intro="""\
The [product backlog](/glossary/product-backlog/) is the single, ordered list of everything a
team might do to improve a product. It is where the roadmap turns into buildable work, and the
place where priorities become concrete.

This chapter explains what a good backlog looks like and how teams refine and prioritise it.
""",
    days_ago=175,
    articles=(
        DemoArticle(
            slug="what-is-a-product-backlog",
            title="What Is a Product Backlog?",
            summary="What goes into a product backlog, who owns it, and the qualities that "
            "separate a useful backlog from a wish list.",
            author="daniel-okafor",
            tags=("agile", "planning"),
            days_ago=98,
            body="""\
A product backlog is an ordered list of the work a team could do on a product: new features,
improvements, bug fixes, technical work and experiments. The top of the list is what the team
will do next; the bottom is what it might do one day.

## What goes into a backlog

Backlog items come in several shapes:

- **[User stories](/glossary/user-story/)** describe a need from a user's point of view.
- **[Epics](/glossary/epic/)** are large pieces of work that will be split into stories.
- **Bugs** describe behaviour that does not match what was intended.
- **Technical items** cover infrastructure, upgrades and
  [technical debt](/glossary/technical-debt/).
- **Spikes** are time-boxed investigations that answer a question before the team commits.

## Who owns it

In Scrum, the [product owner](/guide/product-owner/what-is-a-product-owner/) owns the backlog.
Anyone may suggest items, but one person decides the order. This is what makes the backlog a
decision rather than a list of opinions.

## Backlog and roadmap

The [roadmap](/guide/product-management-roadmap/how-to-build-a-product-roadmap/) says which
problems the team will tackle over the coming months; the backlog holds the specific work to
tackle them. Roadmap items usually appear in the backlog as epics, and are broken down as they
approach the top.

## Qualities of a healthy backlog

A useful shorthand is that a good backlog is **DEEP**:

1. **Detailed appropriately.** Items at the top are small and clear enough to start tomorrow;
   items at the bottom can be a single line.
2. **Estimated.** The team has a rough sense of size for the items near the top.
3. **Emergent.** Items are added, changed and removed as the team learns.
4. **Prioritised.** The order reflects value, risk and dependencies, not the order requests
   arrived in.

## Warning signs

- The backlog has hundreds of items nobody has looked at in a year.
- Items at the top lack [acceptance criteria](/glossary/acceptance-criteria/).
- Stakeholders maintain their own lists outside the backlog.
- The team regularly starts sprints with items it does not understand.

The remedy for all of these is regular [backlog refinement](/glossary/backlog-refinement/),
described in
[Backlog Refinement and Prioritisation](/guide/product-backlog/backlog-refinement-and-prioritisation/).
""",
        ),
        DemoArticle(
            slug="backlog-refinement-and-prioritisation",
            title="Backlog Refinement and Prioritisation",
            summary="How to run backlog refinement, and how RICE, MoSCoW and other frameworks "
            "help decide what comes first.",
            author="daniel-okafor",
            tags=("agile", "planning"),
            days_ago=92,
            body="""\
A backlog stays useful only if someone tends it. Refinement keeps items clear and sized;
prioritisation keeps them in the right order. Both are ongoing work, not a quarterly clean-up.

## Backlog refinement

Backlog refinement (once called grooming) is a regular session where the product owner, designer
and developers look at upcoming items together. Most teams spend about an hour a week on it.

### What happens in refinement

- **Clarify.** The product owner explains the need; the team asks questions until it is clear.
- **Split.** Large items are broken into pieces that fit comfortably in a sprint.
- **Define done.** Each item gets [acceptance criteria](/glossary/acceptance-criteria/).
- **Estimate.** The team sizes items so that the product owner can weigh cost against value.
- **Prune.** Items that are no longer relevant are removed. Deleting is a feature.

## Prioritisation frameworks

Frameworks do not make decisions for you, but they make the reasoning visible and comparable.

### RICE

[RICE](/glossary/rice/) scores each item on four factors:

| Factor | Question | Example |
|---|---|---|
| Reach | How many customers will this affect in a period? | 2,000 accounts per quarter |
| Impact | How much will it affect each one? | 2 on a scale of 0.25 to 3 |
| Confidence | How sure are we about the estimates? | 80% |
| Effort | How much work will it take? | 4 person-weeks |

The score is *Reach × Impact × Confidence ÷ Effort*; here 2,000 × 2 × 0.8 ÷ 4 = 800. Higher
scores come first. RICE works well for comparing many items of different kinds.

### MoSCoW

The [MoSCoW method](/glossary/moscow/) sorts items into four groups for a release or time box:
**Must have**, **Should have**, **Could have** and **Won't have (this time)**. It is quick and
easy to explain, and particularly useful when negotiating scope for a fixed date.

### Other approaches

- **Value versus effort** plots items on a two-by-two grid to find quick wins.
- **Cost of delay** asks what waiting costs per week, useful when timing matters.
- **Kano model** separates basic expectations from features that delight.

## Putting it together

1. Keep the top of the backlog refined two sprints ahead.
2. Score new items when they arrive, roughly, and re-score when you learn more.
3. Review the order with stakeholders regularly, and explain changes.
4. Let the framework inform your judgement, not replace it: strategic bets and dependencies rarely
   fit a formula.

Prioritisation is the same skill at every level. The roadmap applies it to problems over months,
the backlog to items over weeks; see
[How to Build a Product Roadmap](/guide/product-management-roadmap/how-to-build-a-product-roadmap/).
""",
        ),
        DemoArticle(
            slug="writing-user-stories",
            title="Writing User Stories Developers Can Build From",
            summary="Draft: the anatomy of a good user story, common mistakes and how to split "
            "large stories.",
            author="tomas-ribeiro",
            tags=("agile", "documentation"),
            days_ago=None,
            body="""\
*Draft: examples still to be added after review with the platform team.*

A [user story](/glossary/user-story/) describes a need from the point of view of the person who
has it. The familiar form is: *As a [role], I want [capability] so that [benefit].*

## What makes a story buildable

- It names a real user and a real benefit.
- It is small enough to finish in a few days.
- It has [acceptance criteria](/glossary/acceptance-criteria/) the team agreed on.

## Splitting large stories

Split by workflow step, by business rule, by data variation or by interface, never by technical
layer. Each slice should still deliver something a user can see.

## To do

- [ ] Add three before-and-after examples.
- [ ] Link to the template once it is published.
""",
        ),
    ),
)
