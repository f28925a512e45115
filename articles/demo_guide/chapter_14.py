# Markdown content: links and table rows are long lines that cannot be wrapped.
# ruff: noqa: E501
from articles.demo_guide.base import DemoArticle, DemoChapter

CHAPTER = DemoChapter(
    slug="product-management-resources",
    title="Best Product Management Resources for Product Managers",
    summary="Books worth reading and a practical plan for learning product management on the job.",
    intro="""\
Product management is learned mostly by doing, but the right reading speeds it up considerably.
The field has a small canon of books that practitioners keep recommending, and a few habits that
turn everyday work into deliberate practice.

This chapter collects both: a reading list with notes on who each book is for, and a plan for
learning on the job.
""",
    days_ago=145,
    articles=(
        DemoArticle(
            slug="books-every-product-manager-should-read",
            title="Books Every Product Manager Should Read",
            summary="A short, opinionated reading list covering product discovery, strategy, "
            "lean methods, metrics and customer research.",
            author="anna-grigoryan",
            tags=("career", "strategy", "lean"),
            days_ago=34,
            body="""\
There are hundreds of books about product management. These are the ones I recommend most often
to product managers on my teams, grouped by the question they help answer. You do not need to
read them in order; start with the group that matches your biggest gap.

## How do great product teams work?

### *Inspired* by Marty Cagan

The most widely recommended book on modern product management. Cagan describes how strong
product teams discover and deliver products customers love, and why the product manager's job is
to find a solution that is valuable, usable, feasible and viable. Read it first if you are new to
the role.

### *Escaping the Build Trap* by Melissa Perri

A sharp account of what happens when companies measure success by features shipped instead of
outcomes achieved, and how product management can pull them out. Especially useful for product
managers in larger organisations. It pairs well with
[OKRs for Product Teams](/guide/product-management-okrs/okrs-for-product-teams/).

## How do we find out what customers need?

### *Continuous Discovery Habits* by Teresa Torres

A practical system for weekly customer contact and for connecting what you learn to the outcomes
you are trying to move. Its opportunity solution tree is one of the most useful tools in the
field.

### *The Mom Test* by Rob Fitzpatrick

A short book on asking customer questions that even people who love you cannot lie about. Read it
before your next round of interviews.

## How do we reduce the risk of building the wrong thing?

### *The Lean Startup* by Eric Ries

The book that popularised the [minimum viable product](/glossary/mvp/) and the
[build-measure-learn](/glossary/build-measure-learn/) loop. Written for startups, but its ideas
apply to any new product. See also
[Principles of Lean Product Management](/guide/lean-product-management/principles-of-lean-product-management/).

### *User Story Mapping* by Jeff Patton

How to organise a backlog around the customer's journey so that the team can see the whole
product and slice releases sensibly.

## How do we know if it is working?

### *Lean Analytics* by Alistair Croll and Benjamin Yoskovitz

Which metrics matter at each stage of a product, with benchmarks and case studies. A good
companion to [Essential Product KPIs](/guide/product-management-metrics-and-kpis/essential-product-kpis/).

### *Measure What Matters* by John Doerr

The story of OKRs, from Intel to Google and beyond, told through case studies. Read it for the
spirit of the method rather than the mechanics.

## How do we win a market?

### *Crossing the Chasm* by Geoffrey Moore

Why products that excite early adopters often stall before reaching the mainstream, and how to
focus on one segment at a time to get across. Essential for anyone working on
[go-to-market](/glossary/go-to-market/) strategy.

## Reading well

Reading one book properly beats skimming ten. After each book, write down two ideas you will try
in the next month, try them, and note what happened. That is the habit described in
[Learning Product Management on the Job](/guide/product-management-resources/learning-product-management-on-the-job/).
""",
        ),
        DemoArticle(
            slug="learning-product-management-on-the-job",
            title="Learning Product Management on the Job",
            summary="A practical plan for getting better at product management through the work "
            "you already do: feedback, reflection and deliberate practice.",
            author="anna-grigoryan",
            tags=("career", "leadership"),
            days_ago=30,
            body="""\
Most product managers never had formal training for the job. We learned by doing, by watching
colleagues and by making mistakes in public. That path works, but it is slow when left to chance.
A little structure makes everyday work a much better teacher.

## Pick one skill per quarter

Product management covers too much to improve everything at once. Each quarter, choose one skill
to focus on, for example:

- running customer interviews;
- writing shorter, clearer [PRDs](/guide/product-requirements-documents/how-to-write-a-prd/);
- presenting the [roadmap](/guide/product-management-roadmap/how-to-build-a-product-roadmap/) to
  executives;
- reading [cohort tables](/guide/product-analytics/funnel-and-cohort-analysis/) without help.

Tell your manager which skill you chose. It makes feedback more specific and more frequent.

## Ask for feedback on specific work

"Any feedback?" gets polite silence. "What would have made this PRD easier to build from?" gets
useful answers. Ask engineers, designers and stakeholders about a specific piece of work, soon
after it happened.

## Keep a decision journal

For significant decisions, write down what you decided, what you expected to happen and why.
Revisit the entries after a few months. Few habits teach judgement faster, because they show you
where your instincts are reliable and where they are not.

## Learn from other product managers

- Read other teams' PRDs and roadmaps, and ask their authors why they made the choices they did.
- Sit in on another product manager's customer interviews.
- Find a mentor one or two levels ahead of you in the
  [product management hierarchy](/guide/what-is-product-management/product-management-hierarchy/).

## Build a small library

Read one book a quarter from the
[reading list](/guide/product-management-resources/books-every-product-manager-should-read/), and
apply one idea from it to your work before starting the next.

## Review the quarter

At the end of each quarter, spend an hour on three questions: what did I get better at, what
evidence do I have, and what will I focus on next? Share the answers with your manager. Over a
few years this adds up to a deliberate career rather than an accidental one.
""",
        ),
    ),
)
