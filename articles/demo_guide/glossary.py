from articles.demo_guide.base import DemoTerm

# Articles the glossary points to, as (chapter slug, article slug).
PM_VS_DEVELOPMENT = ("what-is-product-management", "product-management-vs-product-development")
PM_EXPLAINED = ("what-is-product-management", "product-management-explained")
TEAM_AND_ROLES = ("what-is-product-management", "product-management-team-and-roles")
PM_DAY_TO_DAY = ("software-product-manager", "what-does-a-software-product-manager-do")
TPM_VS_PM = ("software-product-manager", "technical-product-manager-vs-product-manager")
PM_VS_ENGINEER = ("software-product-manager", "product-manager-vs-software-engineer")
WHAT_IS_PO = ("product-owner", "what-is-a-product-owner")
PO_IMPORTANCE = ("product-owner", "importance-of-the-product-owner")
PRODUCT_VS_PROJECT = ("what-is-a-software-product", "software-product-vs-software-project")
LIFE_CYCLE = ("product-management-life-cycle", "stages-of-the-product-management-life-cycle")
GROWTH_MATURITY = ("product-management-life-cycle", "managing-growth-maturity-and-decline")
BUILD_ROADMAP = ("product-management-roadmap", "how-to-build-a-product-roadmap")
ROADMAP_FORMATS = ("product-management-roadmap", "roadmap-formats")
WHAT_IS_BACKLOG = ("product-backlog", "what-is-a-product-backlog")
REFINEMENT = ("product-backlog", "backlog-refinement-and-prioritisation")
OKRS = ("product-management-okrs", "okrs-for-product-teams")
OKR_EXAMPLES = ("product-management-okrs", "examples-of-product-okrs")
WRITE_PRD = ("product-requirements-documents", "how-to-write-a-prd")
PRD_TEMPLATE = ("product-management-templates", "prd-template")
STORY_TEMPLATE = ("product-management-templates", "user-story-and-acceptance-criteria-template")
METRICS_VS_KPIS = ("product-management-metrics-and-kpis", "product-metrics-vs-kpis")
ESSENTIAL_KPIS = ("product-management-metrics-and-kpis", "essential-product-kpis")
NORTH_STAR = ("product-management-metrics-and-kpis", "choosing-a-north-star-metric")
ANALYTICS = ("product-analytics", "what-is-product-analytics")
FUNNELS_COHORTS = ("product-analytics", "funnel-and-cohort-analysis")
AB_TESTS = ("product-analytics", "running-ab-tests")
LEAN_PRINCIPLES = ("lean-product-management", "principles-of-lean-product-management")
MVP = ("lean-product-management", "building-a-minimum-viable-product")
BML = ("lean-product-management", "build-measure-learn-in-practice")
SOFTWARE_TYPES = ("what-is-a-software-product", "types-of-software-products")

GLOSSARY = (
    DemoTerm(
        slug="ab-test",
        term="A/B Test",
        aliases="A/B testing, split test, split testing",
        short_definition="An experiment that shows different versions of a product experience to "
        "randomly assigned groups of users and compares the results.",
        explanation="""\
An A/B test isolates the effect of a single change. Because users are assigned to each version at
random, other influences, such as seasonality or marketing campaigns, affect both groups equally,
so a difference in the chosen metric can be attributed to the change.

Good tests start with a hypothesis and a primary metric chosen in advance, run for full weeks and
reach a sample size large enough to detect the smallest effect worth acting on.
""",
        related_terms=("build-measure-learn", "funnel", "product-discovery"),
        related_articles=(AB_TESTS, BML),
        tags=("analytics", "lean", "metrics"),
    ),
    DemoTerm(
        slug="acceptance-criteria",
        term="Acceptance Criteria",
        short_definition="The conditions a backlog item must meet to be accepted as complete, "
        "written before work starts.",
        explanation="""\
Acceptance criteria turn a user story into something testable. They describe observable
behaviour, often in a *given, when, then* form, so that developers, testers and the product owner
agree in advance what "working" means.

They apply to one item only. Standards that apply to every item, such as code review and
automated tests, belong in the team's definition of done.
""",
        related_terms=("user-story", "definition-of-done", "product-owner"),
        related_articles=(STORY_TEMPLATE, REFINEMENT),
        tags=("agile", "documentation"),
    ),
    DemoTerm(
        slug="backlog",
        term="Backlog",
        short_definition="An ordered list of work waiting to be done; in product teams, usually "
        "the product backlog or a sprint backlog.",
        explanation="""\
"Backlog" on its own can mean any queue of pending work. In agile teams it usually refers to one
of two lists: the **product backlog**, which holds everything the team might do on the product,
and the **sprint backlog**, the subset the team has committed to in the current sprint plus its
plan for delivering it.

When someone says "put it on the backlog", ask which one they mean, and who will decide its order.
""",
        related_terms=("product-backlog", "sprint", "backlog-refinement"),
        related_articles=(WHAT_IS_BACKLOG,),
        tags=("agile", "planning"),
    ),
    DemoTerm(
        slug="backlog-refinement",
        term="Backlog Refinement",
        aliases="backlog grooming, refinement",
        short_definition="The ongoing activity of clarifying, splitting, estimating and ordering "
        "backlog items so the top of the backlog is ready to work on.",
        explanation="""\
Refinement usually happens in a regular session, often an hour a week, where the product owner
and the team look at upcoming items together. Items are clarified, split into smaller pieces,
given acceptance criteria and estimated; outdated items are removed.

A well-refined backlog means sprint planning is short and the team starts each sprint with work
it understands.
""",
        related_terms=("product-backlog", "acceptance-criteria", "rice", "moscow"),
        related_articles=(REFINEMENT,),
        tags=("agile", "planning"),
    ),
    DemoTerm(
        slug="build-measure-learn",
        term="Build-Measure-Learn Loop",
        aliases="build measure learn, BML",
        short_definition="The lean feedback loop of building something small, measuring how "
        "customers respond and learning whether an assumption holds.",
        explanation="""\
Popularised by Eric Ries in *The Lean Startup*, the loop turns product development into a series
of experiments. Each turn ends with a decision: persevere, pivot or stop.

Teams get the most from it by planning backwards: decide what to learn, then what to measure,
then the least they can build to measure it.
""",
        related_terms=("lean-product-management", "mvp", "ab-test"),
        related_articles=(BML, LEAN_PRINCIPLES),
        tags=("lean", "analytics"),
    ),
    DemoTerm(
        slug="churn",
        term="Churn Rate",
        aliases="churn, attrition rate, customer churn",
        short_definition="The share of customers or revenue lost over a period.",
        explanation="""\
Churn is usually calculated as customers lost during a period divided by customers at its start.
Revenue churn does the same with recurring revenue, and can be offset by expansion from the
customers who stay.

Churn is a lagging indicator: by the time it rises, the reasons are weeks or months old. Pair it
with leading indicators such as activation and engagement, and study it by cohort.
""",
        related_terms=("retention", "cohort-analysis", "kpi", "customer-lifetime-value"),
        related_articles=(ESSENTIAL_KPIS, GROWTH_MATURITY),
        tags=("metrics", "analytics"),
    ),
    DemoTerm(
        slug="cohort-analysis",
        term="Cohort Analysis",
        aliases="cohorts, cohort table",
        short_definition="Analysis that groups users by a shared starting point, such as sign-up "
        "month, and compares how each group behaves over time.",
        explanation="""\
The classic cohort view is a retention table: one row per sign-up month, one column per month
since sign-up, and the share of each cohort still active in each cell. It shows whether newer
users behave better than older ones, which aggregate totals hide.

Cohorts are the standard way to judge whether product changes improve retention.
""",
        related_terms=("retention", "churn", "funnel"),
        related_articles=(FUNNELS_COHORTS,),
        tags=("analytics", "metrics"),
    ),
    DemoTerm(
        slug="customer-lifetime-value",
        term="Customer Lifetime Value",
        aliases="CLV, LTV, CLTV, lifetime value",
        short_definition="The total revenue a business expects from a customer over the whole "
        "relationship.",
        explanation="""\
A simple estimate multiplies average revenue per customer per period by the average number of
periods a customer stays. More careful models use gross margin and discount future revenue.

Lifetime value is most useful compared with customer acquisition cost: if acquiring a customer
costs more than they are worth, growth destroys value.
""",
        related_terms=("churn", "retention", "kpi"),
        related_articles=(ESSENTIAL_KPIS,),
        tags=("metrics", "strategy"),
    ),
    DemoTerm(
        slug="dau-mau",
        term="DAU/MAU Ratio",
        aliases="stickiness, DAU, MAU, daily active users, monthly active users",
        short_definition="Daily active users divided by monthly active users: a measure of how "
        "habitually people use a product.",
        explanation="""\
A DAU/MAU ratio of 0.5 means the average monthly user is active on about half the days of the
month. Products used every working day, such as messaging or task tools, aim high; products used
occasionally, such as travel booking, naturally score low.

The ratio is only as meaningful as the definition of "active". Choose an action that represents
real value, not a login.
""",
        related_terms=("retention", "kpi", "north-star-metric"),
        related_articles=(ESSENTIAL_KPIS, OKR_EXAMPLES),
        tags=("metrics", "analytics"),
    ),
    DemoTerm(
        slug="definition-of-done",
        term="Definition of Done",
        aliases="DoD",
        short_definition="A shared checklist of quality standards every backlog item must meet "
        "before the team calls it done.",
        explanation="""\
The definition of done applies to all work, unlike acceptance criteria, which are specific to one
item. Typical entries: code reviewed, automated tests passing, documentation updated, deployed to
a staging environment, analytics events in place.

A clear definition of done prevents "done, except for..." and makes progress transparent.
""",
        related_terms=("acceptance-criteria", "sprint", "scrum"),
        related_articles=(STORY_TEMPLATE, WHAT_IS_PO),
        tags=("agile", "documentation"),
    ),
    DemoTerm(
        slug="epic",
        term="Epic",
        aliases="epics",
        short_definition="A large body of work that is split into smaller user stories and "
        "usually spans several sprints.",
        explanation="""\
Epics bridge the roadmap and the backlog. A roadmap initiative often becomes one or more epics,
which are broken down into stories as they approach the top of the backlog.

An epic should still describe a customer outcome, not a technical component, so that the stories
within it can be ordered by value.
""",
        related_terms=("user-story", "product-backlog", "product-roadmap"),
        related_articles=(WHAT_IS_BACKLOG,),
        tags=("agile", "planning"),
    ),
    DemoTerm(
        slug="funnel",
        term="Conversion Funnel",
        aliases="funnel, funnel analysis",
        short_definition="A sequence of steps users take toward a goal, measured by how many "
        "reach each step.",
        explanation="""\
Funnel analysis shows where users drop out of a flow such as sign-up, onboarding or checkout.
The step with the biggest drop is usually the best place to investigate.

Funnels need a sensible time window and should be segmented by platform, channel or plan, since
a blended funnel can hide problems in one segment.
""",
        related_terms=("cohort-analysis", "ab-test", "kpi"),
        related_articles=(FUNNELS_COHORTS, ANALYTICS),
        tags=("analytics", "metrics"),
    ),
    DemoTerm(
        slug="go-to-market",
        term="Go-to-Market Strategy",
        aliases="GTM, go-to-market, GTM strategy",
        short_definition="The plan for bringing a product or feature to its target customers: "
        "positioning, pricing, channels, launch and sales enablement.",
        explanation="""\
A go-to-market strategy answers who the product is for, why they should choose it over the
alternatives, how they will hear about it, and how they will buy it. Product marketing usually
leads it, with product management ensuring it matches what the product actually does.

Even small launches benefit from a short go-to-market checklist: who needs to know, what they
need to say, and how success will be measured.
""",
        related_terms=("value-proposition", "persona", "product-market-fit"),
        related_articles=(LIFE_CYCLE, TEAM_AND_ROLES),
        tags=("strategy",),
    ),
    DemoTerm(
        slug="kpi",
        term="Key Performance Indicator",
        aliases="KPI, KPIs",
        short_definition="A metric a team has chosen as an ongoing measure of whether its product "
        "is succeeding.",
        explanation="""\
Every KPI is a metric, but few metrics deserve to be KPIs. A good KPI is tied to a goal,
actionable by the team, precisely defined and one of only a handful.

KPIs mix lagging indicators, such as churn and revenue, with leading indicators, such as
activation, that move earlier and predict them. When a team sets out to improve a KPI for a
quarter, it often becomes a key result in its OKRs.
""",
        related_terms=("okr", "north-star-metric", "churn", "retention"),
        related_articles=(METRICS_VS_KPIS, ESSENTIAL_KPIS),
        tags=("metrics", "analytics"),
    ),
    DemoTerm(
        slug="lean-product-management",
        term="Lean Product Management",
        aliases="lean, lean product development",
        short_definition="An approach to product management that minimises waste by testing "
        "assumptions early and delivering value in small batches.",
        explanation="""\
Lean product management draws on lean manufacturing, lean software development and the lean
startup movement. Its central idea is that the biggest waste is building something nobody wants,
and that small experiments are the cheapest way to avoid it.

In practice it means explicit hypotheses, minimum viable products, short feedback loops and
decisions made on evidence.
""",
        related_terms=("mvp", "build-measure-learn", "product-discovery"),
        related_articles=(LEAN_PRINCIPLES, MVP, BML),
        tags=("lean", "strategy"),
    ),
    DemoTerm(
        slug="moscow",
        term="MoSCoW Method",
        aliases="MoSCoW, MoSCoW prioritisation",
        short_definition="A prioritisation technique that sorts requirements into Must have, "
        "Should have, Could have and Won't have (this time).",
        explanation="""\
MoSCoW is quick to apply and easy for stakeholders to understand, which makes it popular for
negotiating the scope of a release with a fixed date. The lower-case letters are there only to
make the acronym pronounceable.

Its weakness is that everything tends to drift into "Must". Keep musts to what the release truly
cannot ship without.
""",
        related_terms=("rice", "backlog-refinement", "prd"),
        related_articles=(REFINEMENT, WRITE_PRD),
        tags=("planning", "agile"),
    ),
    DemoTerm(
        slug="mvp",
        term="Minimum Viable Product",
        aliases="MVP, MVPs",
        short_definition="The smallest product that lets a team test its riskiest assumption with "
        "real customers.",
        explanation="""\
An MVP is a learning tool, not a first release with fewer features. It must be *viable*: good
enough that customers get real value from what it does, or the test says nothing.

Common forms include concierge MVPs (delivering the service by hand), Wizard of Oz MVPs (a
working front end with people behind it), landing-page tests and single-feature products.
""",
        related_terms=("lean-product-management", "build-measure-learn", "product-market-fit"),
        related_articles=(MVP, LIFE_CYCLE),
        tags=("lean", "strategy"),
    ),
    DemoTerm(
        slug="net-promoter-score",
        term="Net Promoter Score",
        aliases="NPS",
        short_definition="A satisfaction measure based on how likely customers say they are to "
        "recommend a product, on a scale from 0 to 10.",
        explanation="""\
Respondents scoring 9 or 10 are promoters, 7 or 8 passives and 0 to 6 detractors. The score is
the percentage of promoters minus the percentage of detractors, giving a number from -100 to 100.

NPS is most useful as a trend and for the free-text comments that come with it; as a single
number it says little about what to change.
""",
        related_terms=("kpi", "retention"),
        related_articles=(ESSENTIAL_KPIS,),
        tags=("metrics",),
    ),
    DemoTerm(
        slug="north-star-metric",
        term="North Star Metric",
        aliases="north star, NSM",
        short_definition="The single metric that best captures the value customers get from a "
        "product, used to align teams.",
        explanation="""\
A good north star counts an action that delivers customer value, within a time window, among the
right users, such as "weekly active teams completing a shared task". It should lead revenue, not
be revenue.

Teams break the north star into input metrics they can move directly, and pair it with
counter-metrics so it cannot be raised at the customer's expense.
""",
        related_terms=("kpi", "okr", "dau-mau"),
        related_articles=(NORTH_STAR,),
        tags=("metrics", "strategy"),
    ),
    DemoTerm(
        slug="okr",
        term="Objectives and Key Results",
        aliases="OKR, OKRs",
        short_definition="A goal-setting method pairing a qualitative objective with a few "
        "measurable key results that show whether it was achieved.",
        explanation="""\
OKRs originated at Intel and spread widely through the technology industry. Objectives are
inspiring and qualitative; key results are specific, measurable and time-bound, usually set for a
quarter.

In product teams the most common mistake is writing output ("launch the wizard") instead of
outcomes ("raise week-one activation from 45% to 60%") as key results.
""",
        related_terms=("kpi", "north-star-metric", "product-roadmap"),
        related_articles=(OKRS, OKR_EXAMPLES, METRICS_VS_KPIS),
        tags=("planning", "metrics", "strategy"),
    ),
    DemoTerm(
        slug="persona",
        term="User Persona",
        aliases="persona, personas, buyer persona",
        short_definition="A research-based profile of a typical user, describing their goals, "
        "context and frustrations.",
        explanation="""\
Personas help teams keep real people in mind when making decisions. Good personas are built from
interviews and data, focus on goals and behaviour rather than demographics, and are few in number.

A persona that nobody on the team refers to is decoration; one that settles arguments about who a
feature is for is doing its job.
""",
        related_terms=("product-discovery", "user-story", "value-proposition"),
        related_articles=(LIFE_CYCLE, WRITE_PRD),
        tags=("strategy", "research"),
    ),
    DemoTerm(
        slug="prd",
        term="Product Requirements Document",
        aliases="PRD, PRDs, product requirements",
        short_definition="A document describing what a product or feature must do and why, so "
        "that everyone building it shares the same understanding.",
        explanation="""\
A good PRD states the problem and its evidence before any solution, sets goals and success
metrics, lists prioritised requirements with acceptance criteria, and records open questions and
risks. It leaves the *how* to designers and engineers.

Short PRDs get read. Link to designs and technical documents rather than copying them in, and
decide whether the PRD is a living document or a snapshot once development starts.
""",
        related_terms=("user-story", "acceptance-criteria", "moscow", "product-manager"),
        related_articles=(WRITE_PRD, PRD_TEMPLATE),
        tags=("documentation", "planning"),
    ),
    DemoTerm(
        slug="product-backlog",
        term="Product Backlog",
        short_definition="The single ordered list of everything a team might do to improve a "
        "product, owned by the product owner.",
        explanation="""\
The product backlog holds user stories, epics, bugs, technical work and spikes. Items at the top
are small and clear enough to start; items lower down can be rough.

A healthy backlog is often described as DEEP: detailed appropriately, estimated, emergent and
prioritised. It is where the roadmap becomes buildable work.
""",
        related_terms=("backlog", "product-owner", "user-story", "epic", "backlog-refinement"),
        related_articles=(WHAT_IS_BACKLOG, REFINEMENT),
        tags=("agile", "planning"),
    ),
    DemoTerm(
        slug="product-discovery",
        term="Product Discovery",
        aliases="discovery, continuous discovery",
        short_definition="The work of finding out which problems are worth solving and which "
        "solutions will work, before and during development.",
        explanation="""\
Discovery combines customer interviews, data analysis, prototypes and experiments to reduce the
main risks of a product idea: that customers will not want it, cannot use it, the team cannot
build it, or the business cannot support it.

Strong teams treat discovery as continuous, with weekly customer contact, rather than as a phase
that ends when development starts.
""",
        related_terms=("persona", "mvp", "lean-product-management"),
        related_articles=(PM_DAY_TO_DAY, LEAN_PRINCIPLES),
        tags=("research", "strategy"),
    ),
    DemoTerm(
        slug="product-life-cycle",
        term="Product Life Cycle",
        aliases="PLC, product lifecycle",
        short_definition="The stages a product passes through in the market: introduction, "
        "growth, maturity and decline.",
        explanation="""\
The product life cycle is a marketing model describing a product's sales over time. It is related
to, but distinct from, the product management life cycle, which describes the team's work from
conceiving a product to retiring it.

Knowing where a product sits on the curve changes priorities: growth rewards removing friction;
maturity rewards depth and efficiency; decline calls for reinvention, harvesting or retirement.
""",
        related_terms=("product-market-fit", "go-to-market"),
        related_articles=(LIFE_CYCLE, GROWTH_MATURITY),
        tags=("strategy", "planning"),
    ),
    DemoTerm(
        slug="product-manager",
        term="Product Manager",
        aliases="PM, PMs, product management",
        short_definition="The person accountable for a product's success: deciding what it should "
        "do and why, and making sure it delivers for customers and the business.",
        explanation="""\
Product managers research customers and the market, set the product's direction, turn needs into
requirements and measure results. They lead through influence rather than authority and do not
build the product themselves.

The role differs from product development, which decides how to build the product, and overlaps
with the Scrum product owner, which some product managers also act as.
""",
        related_terms=("product-owner", "technical-product-manager", "stakeholder"),
        related_articles=(PM_EXPLAINED, PM_VS_DEVELOPMENT, PM_DAY_TO_DAY),
        tags=("roles", "career"),
    ),
    DemoTerm(
        slug="product-market-fit",
        term="Product-Market Fit",
        aliases="PMF",
        short_definition="The point at which a product satisfies a real market need well enough "
        "that customers adopt, keep using and recommend it.",
        explanation="""\
Product-market fit is easier to recognise than to measure. Signs include retention curves that
flatten at a healthy level, growth through word of mouth, and customers who would be very
disappointed to lose the product.

It is usually reached segment by segment, and it can be lost when the market moves.
""",
        related_terms=("mvp", "retention", "value-proposition", "product-life-cycle"),
        related_articles=(GROWTH_MATURITY, MVP),
        tags=("strategy", "lean"),
    ),
    DemoTerm(
        slug="product-owner",
        term="Product Owner",
        aliases="PO, POs",
        short_definition="The Scrum accountability for maximising the value of a team's work, "
        "chiefly by owning and ordering the product backlog.",
        explanation="""\
The product owner sets the product goal, creates and orders backlog items, makes sure the team
understands them and accepts finished work. One person, not a committee, holds the role so that
priorities are clear.

In some companies the product manager is also the product owner; in others the roles are split
between strategy and delivery.
""",
        related_terms=("product-manager", "product-backlog", "scrum", "stakeholder"),
        related_articles=(WHAT_IS_PO, PO_IMPORTANCE),
        tags=("roles", "agile"),
    ),
    DemoTerm(
        slug="product-roadmap",
        term="Product Roadmap",
        aliases="roadmap, roadmaps",
        short_definition="A shared view of where a product is going and why, connecting the "
        "vision to the work planned over the coming months.",
        explanation="""\
A roadmap is a communication tool, not a project plan. Good roadmaps start from goals, frame
initiatives as problems to solve, are specific about the near term and broad about the far term,
and say what is not planned.

Common formats are timeline, now-next-later and outcome-based roadmaps; many teams use more than
one view of the same plan.
""",
        related_terms=("product-backlog", "okr", "epic", "stakeholder"),
        related_articles=(BUILD_ROADMAP, ROADMAP_FORMATS),
        tags=("planning", "strategy"),
    ),
    DemoTerm(
        slug="retention",
        term="Retention Rate",
        aliases="retention, customer retention",
        short_definition="The share of customers or users who keep using a product over a given "
        "period.",
        explanation="""\
Retention is the mirror image of churn and the clearest sign that a product delivers lasting
value. It is best studied by cohort, which shows whether customers who arrived recently stay
longer than earlier ones.

A retention curve that flattens out, rather than falling towards zero, is one of the strongest
signals of product-market fit.
""",
        related_terms=("churn", "cohort-analysis", "kpi", "dau-mau"),
        related_articles=(ESSENTIAL_KPIS, FUNNELS_COHORTS),
        tags=("metrics", "analytics"),
    ),
    DemoTerm(
        slug="rice",
        term="RICE Scoring",
        aliases="RICE, RICE framework",
        short_definition="A prioritisation framework scoring items by Reach, Impact, Confidence "
        "and Effort.",
        explanation="""\
The RICE score is Reach × Impact × Confidence ÷ Effort. Reach counts customers affected per
period; impact uses a small scale; confidence discounts uncertain estimates; effort is measured in
person-weeks or months.

RICE makes trade-offs comparable across very different items, but it informs judgement rather
than replacing it: strategic bets and dependencies rarely fit a formula.
""",
        related_terms=("moscow", "backlog-refinement", "product-roadmap"),
        related_articles=(REFINEMENT, BUILD_ROADMAP),
        tags=("planning", "agile"),
    ),
    DemoTerm(
        slug="scrum",
        term="Scrum",
        short_definition="A lightweight agile framework in which a small team delivers work in "
        "fixed-length sprints, with a product owner, a Scrum Master and developers.",
        explanation="""\
Scrum defines three accountabilities (product owner, Scrum Master, developers), five events
(the sprint, sprint planning, daily scrum, sprint review and retrospective) and three artefacts
(product backlog, sprint backlog and increment).

It is a framework for delivery, not a product strategy; product management decides what is worth
delivering.
""",
        related_terms=("sprint", "product-owner", "definition-of-done"),
        related_articles=(WHAT_IS_PO,),
        tags=("agile",),
    ),
    DemoTerm(
        slug="sprint",
        term="Sprint",
        aliases="iteration, sprints",
        short_definition="A fixed period, usually one to four weeks, in which a Scrum team works "
        "toward a sprint goal and produces a usable increment.",
        explanation="""\
Each sprint begins with planning, where the team selects backlog items and agrees a sprint goal,
and ends with a review of the increment and a retrospective on how the team worked.

Keeping sprints a consistent length gives the team a steady rhythm and makes forecasting easier.
""",
        related_terms=("scrum", "backlog", "definition-of-done"),
        related_articles=(WHAT_IS_PO, REFINEMENT),
        tags=("agile", "planning"),
    ),
    DemoTerm(
        slug="stakeholder",
        term="Stakeholder",
        aliases="stakeholders",
        short_definition="Anyone with an interest in a product's direction or outcome, such as "
        "executives, sales, support, partners and customers.",
        explanation="""\
Product managers spend much of their time with stakeholders: gathering input, explaining
priorities and reporting progress. Stakeholder management is less about keeping everyone happy
than about making trade-offs visible and fair.

A simple practice is to map stakeholders by influence and interest, and agree how each group will
be kept informed.
""",
        related_terms=("product-manager", "product-roadmap", "product-owner"),
        related_articles=(BUILD_ROADMAP, PO_IMPORTANCE),
        tags=("leadership", "roles"),
    ),
    DemoTerm(
        slug="technical-debt",
        term="Technical Debt",
        aliases="tech debt",
        short_definition="The future cost of shortcuts and outdated design in a codebase, paid "
        "as slower and riskier change.",
        explanation="""\
Like financial debt, technical debt can be a sensible trade: shipping sooner in exchange for work
later. Left unpaid, its interest grows until every change takes longer and breaks more.

Product managers should keep technical debt visible on the roadmap and reserve regular capacity
for it, rather than waiting for a crisis.
""",
        related_terms=("product-backlog", "technical-product-manager"),
        related_articles=(PM_VS_ENGINEER, GROWTH_MATURITY),
        tags=("planning", "agile"),
    ),
    DemoTerm(
        slug="technical-product-manager",
        term="Technical Product Manager",
        aliases="TPM, TPMs",
        short_definition="A product manager who owns a technically complex product, such as an "
        "API, platform or infrastructure service, often for developer customers.",
        explanation="""\
Technical product managers do the same core job as any product manager, but their requirements
look like API contracts and performance targets, and their closest collaborators are architects
and platform engineers.

Many come from engineering backgrounds; all need to follow architectural discussions and explain
technical trade-offs to non-technical stakeholders.
""",
        related_terms=("product-manager", "technical-debt"),
        related_articles=(TPM_VS_PM, PM_VS_ENGINEER, SOFTWARE_TYPES),
        tags=("roles", "career"),
    ),
    DemoTerm(
        slug="user-story",
        term="User Story",
        aliases="story, stories, user stories",
        short_definition="A short description of a need from the point of view of the person who "
        "has it, used as a backlog item.",
        explanation="""\
The familiar form is *As a [role], I want [capability] so that [benefit]*. The format keeps the
user and the benefit in view, but a story is really a placeholder for a conversation between the
product owner and the team.

Good stories are small enough to finish in a few days and come with acceptance criteria.
""",
        related_terms=("epic", "acceptance-criteria", "product-backlog", "persona"),
        related_articles=(STORY_TEMPLATE, WHAT_IS_BACKLOG),
        tags=("agile", "documentation"),
    ),
    DemoTerm(
        slug="value-proposition",
        term="Value Proposition",
        aliases="UVP, unique value proposition",
        short_definition="A clear statement of the benefit a product delivers, for whom, and why "
        "it is better than the alternatives.",
        explanation="""\
A value proposition connects a customer's problem to the product's answer. It guides product
decisions (does this feature strengthen our proposition?) as much as marketing copy.

Test it with customers: if they cannot repeat it in their own words, it is not yet clear enough.
""",
        related_terms=("persona", "go-to-market", "product-market-fit"),
        related_articles=(LIFE_CYCLE,),
        tags=("strategy",),
    ),
)
