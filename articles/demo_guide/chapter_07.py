# Markdown content: links and table rows are long lines that cannot be wrapped.
# ruff: noqa: E501
from articles.demo_guide.base import DemoArticle, DemoChapter

CHAPTER = DemoChapter(
    slug="product-management-software-and-tools",
    title="Product Management Software and Tools",
    summary="The categories of tools product teams use, and how to choose software that "
    "supports your process instead of dictating it.",
    intro="""\
Product managers juggle roadmaps, backlogs, customer feedback, documents, analytics and
experiments, and there is a tool category for each. The right tools save hours every week; the
wrong ones create a second job of keeping them up to date.

This chapter maps the tool landscape and offers a practical way to choose.
""",
    days_ago=180,
    articles=(
        DemoArticle(
            slug="choosing-product-management-software",
            title="Choosing Product Management Software",
            summary="A practical checklist for evaluating product management software, from "
            "the problems you need solved to the cost of switching later.",
            author="tomas-ribeiro",
            tags=("tools", "planning"),
            days_ago=108,
            body="""\
Product management tools promise to bring roadmaps, feedback and delivery together. Some do, for
some teams. Before you compare feature lists, decide what problem you are solving: most tool
purchases that disappoint were answers to a question nobody asked.

## Start with the problem

Write down, in a sentence each, the two or three things that are painful today. For example:

- "We cannot see which customer requests relate to which roadmap items."
- "Stakeholders ask for roadmap updates every week because they cannot find them."
- "Backlog items lose their context between discovery and development."

These sentences become your evaluation criteria.

## Evaluation checklist

### Fit with how you work

Does the tool support your planning rhythm and your roadmap format? Can it show a now-next-later
view as well as a timeline? Does it force a process on you, or adapt to yours?

### Integrations

Product tools sit between customer-facing systems (support desk, CRM) and delivery tools (issue
tracker, source control). Check that the integrations you need exist, work in both directions,
and will not need constant repair.

### Collaboration and access

Who needs to read it, and who needs to edit it? Per-seat pricing for every stakeholder who only
reads a roadmap gets expensive quickly.

### Data ownership

Can you export everything, including history and links between items? A tool you cannot leave is
a risk.

### Adoption cost

The best tool is the one your team actually keeps current. Run a short trial with real work, not
demo data, and ask the people who will use it daily.

## Run a proper trial

1. Pick one team and one planning cycle.
2. Move real roadmap items, backlog items and feedback into the tool.
3. Agree up front how you will judge success: time saved, fewer status questions, better
   traceability.
4. Decide at the end of the cycle, and write down why.

## When not to buy anything

Small teams often do well with a shared document, a spreadsheet and an issue tracker. If your
process is not settled yet, a dedicated tool will freeze a process you are still discovering.
Revisit the decision when the pain is real. For a map of the tool categories, see
[The Product Manager's Tool Stack](/guide/product-management-software-and-tools/the-product-managers-tool-stack/).
""",
        ),
        DemoArticle(
            slug="the-product-managers-tool-stack",
            title="The Product Manager's Tool Stack",
            summary="The categories of software a product manager uses, what each is for, and how "
            "they fit together.",
            author="tomas-ribeiro",
            tags=("tools", "analytics", "documentation"),
            days_ago=102,
            body="""\
No single tool covers all of product management. Most teams assemble a stack from a handful of
categories. Knowing the categories helps you spot gaps and avoid paying twice for the same job.

## The categories

| Category | What it is for | Typical outputs |
|---|---|---|
| Roadmapping | Planning and sharing direction | Roadmaps, release plans |
| Issue tracking | Managing the backlog and sprints | User stories, bugs, sprint boards |
| Documentation | Writing and sharing decisions | PRDs, specs, meeting notes |
| Product analytics | Understanding behaviour | Funnels, cohorts, dashboards |
| Experimentation | Testing changes safely | A/B tests, feature flags |
| Feedback management | Collecting customer input | Tagged requests, themes |
| Design and prototyping | Exploring solutions | Wireframes, prototypes |
| Work management | Coordinating across teams | Projects, timelines, workloads |

## How they fit together

The stack works when information flows in one direction without retyping:

1. **Feedback** from support, sales and research is tagged and grouped into themes.
2. Themes inform the **roadmap**, which links to the goals they serve.
3. Roadmap items are broken into **backlog** items in the issue tracker, each linking back to its
   roadmap item and its [PRD](/guide/product-requirements-documents/how-to-write-a-prd/).
4. Shipped work is measured in **analytics** and, where it matters, tested through
   **experiments**.
5. Results flow back into the roadmap discussion.

Links between tools matter more than features within them. A roadmap item that links to its
backlog items and its results is worth ten beautiful roadmaps that link to nothing.

## Choosing what to add next

Look for the step in the flow above where information gets lost or retyped. That is where a tool,
or an integration between tools you already have, will help most. If everything flows well, do
not add anything.

## Keeping the stack small

Each new tool adds a login, a place to look and something to keep current. A team of five rarely
needs more than an issue tracker, a documentation space and an analytics tool. The evaluation
approach in
[Choosing Product Management Software](/guide/product-management-software-and-tools/choosing-product-management-software/)
helps you decide when to add more.

## Templates travel between tools

Whatever your stack, the thinking is the same. The
[templates in this guide](/guide/product-management-templates/prd-template/) are plain Markdown
so that they work in any documentation tool.
""",
        ),
    ),
)
