# Markdown content: links and table rows are long lines that cannot be wrapped.
# ruff: noqa: E501
from articles.demo_guide.base import DemoArticle, DemoChapter

CHAPTER = DemoChapter(
    slug="product-owner",
    title="Product Owner",
    summary="The product owner's role in Scrum, how it relates to product management, and how "
    "to become one.",
    intro="""\
The product owner is the Scrum role accountable for maximising the value a development team
delivers. In practice, that means owning the [product backlog](/glossary/product-backlog/):
deciding what goes into it, in what order, and what "done" means for each item.

This chapter explains the role, why teams cannot do without it, how people move into it, and how
it differs from project roles it is often confused with.
""",
    days_ago=195,
    articles=(
        DemoArticle(
            slug="what-is-a-product-owner",
            title="What Is a Product Owner?",
            summary="The product owner in Scrum: accountabilities, daily work, and how the role "
            "relates to the product manager.",
            author="daniel-okafor",
            tags=("agile", "roles"),
            days_ago=186,
            body="""\
The product owner (PO) comes from Scrum, where it is one of three accountabilities alongside the
developers and the Scrum Master. The Scrum Guide describes the product owner as accountable for
maximising the value of the product resulting from the work of the team.[^scrum] That sentence is
short; the job behind it is not.

## What the product owner is accountable for

- **The product goal.** A clear statement of what the team is working toward.
- **The product backlog.** Creating backlog items, explaining them, and ordering them so the most
  valuable work comes first. See [What Is a Product Backlog?](/guide/product-backlog/what-is-a-product-backlog/).
- **Transparency.** Making sure everyone can see and understand the backlog and what comes next.
- **Accepting work.** Confirming that finished items meet their
  [acceptance criteria](/glossary/acceptance-criteria/) and the team's
  [definition of done](/glossary/definition-of-done/).

## A product owner's week

Product owners are with their team more than almost anyone else outside it. They join sprint
planning to agree the sprint goal, answer questions during the sprint, run backlog refinement,
and present the increment to stakeholders in the sprint review. Between those events they talk to
stakeholders and customers so that the backlog reflects real needs.

## Product owner or product manager?

The two roles overlap, and companies draw the line differently:

1. **One person, both roles.** In many teams the product manager acts as product owner. This keeps
   strategy and delivery together but can leave little time for discovery.
2. **Two people, split focus.** Larger organisations often pair an outward-facing product manager
   (market, strategy, roadmap) with an inward-facing product owner (backlog, sprints, acceptance).
3. **A proxy product owner.** Sometimes a business analyst acts on behalf of a product owner who
   is elsewhere. It works only if the proxy can actually make decisions.

Whatever the arrangement, one rule holds: the team needs a single person who can say "this comes
first" and be obeyed. A backlog ordered by committee is not ordered at all.

## Qualities of a good product owner

Good product owners are decisive without being rigid, available to the team every day, and
trusted by stakeholders to represent their interests fairly. They can explain *why* an item
matters, not just *what* it is. Read [Importance of the Product Owner](/guide/product-owner/importance-of-the-product-owner/)
for what happens when this role is missing or weak.

[^scrum]: Ken Schwaber and Jeff Sutherland, *The Scrum Guide*, 2020 edition, section "Product
    Owner".
""",
        ),
        DemoArticle(
            slug="how-to-become-a-product-owner",
            title="How to Become a Product Owner",
            summary="Backgrounds that lead to the product owner role, the skills to build, "
            "certifications, and how to get your first chance.",
            author="daniel-okafor",
            tags=("career", "agile", "roles"),
            days_ago=150,
            body="""\
There is no single degree that leads to the product owner role. Product owners come from business
analysis, software development, quality assurance, customer support, project management and the
business side of the company. What they share is a habit of asking *why* and the confidence to
decide.

## Backgrounds that translate well

- **Business analysts** already write requirements and work with stakeholders; they need to add
  ownership of priorities.
- **Developers and testers** know how work flows through a team and what makes a backlog item
  buildable; they need to add customer and business context.
- **Subject-matter experts** from operations, sales or support know the customer's world deeply;
  they need to learn agile delivery.
- **Project managers** know planning and stakeholders; they need to shift from delivering scope
  to maximising value (see [Project Manager vs Project Owner](/guide/product-owner/project-manager-vs-project-owner/)).

## Skills to build

### Backlog craft

Learn to write clear [user stories](/glossary/user-story/) with
[acceptance criteria](/glossary/acceptance-criteria/), split large items into small ones, and
order a backlog using an explicit method such as [RICE](/glossary/rice/) or
[MoSCoW](/glossary/moscow/). The
[user story template](/guide/product-management-templates/user-story-and-acceptance-criteria-template/)
in this guide is a good place to practise.

### Stakeholder management

Product owners say "not now" far more often than "yes". Practise explaining trade-offs in terms
of value and cost, and make your priorities visible so that disagreements happen in the open.

### Customer understanding

Spend time with customers. Join support calls, watch usability tests, read feedback. A product
owner who only hears requirements second-hand will order the backlog by volume, not value.

### Agile fundamentals

Know Scrum's events, artefacts and accountabilities well enough to explain them, and know Kanban
well enough to recognise when it fits better.

## Certifications

Certifications such as Certified Scrum Product Owner (CSPO) or Professional Scrum Product Owner
(PSPO) will not make you a product owner, but they give you a shared vocabulary and signal
commitment to employers. Treat them as a starting point rather than a destination.

## Getting your first chance

1. **Volunteer inside your team.** Offer to refine the backlog, write stories or run a sprint
   review.
2. **Shadow a product owner.** Ask to join their stakeholder meetings and refinement sessions.
3. **Own something small.** An internal tool or a single feature is a fine first product.
4. **Make your impact visible.** Keep a short record of decisions you made and what happened.

Once you are in the role, read [Importance of the Product Owner](/guide/product-owner/importance-of-the-product-owner/)
to understand what your team will count on you for.
""",
        ),
        DemoArticle(
            slug="project-manager-vs-project-owner",
            title="Project Manager vs Project Owner",
            summary="The project owner answers for why a project exists; the project manager "
            "answers for delivering it. How the roles divide the work, and how both differ from "
            "a product owner.",
            author="daniel-okafor",
            tags=("roles", "planning"),
            days_ago=146,
            body="""\
In organisations that run work as projects, two roles are often confused: the **project manager**
and the **project owner**. The confusion gets worse when agile teams add a *product* owner to the
mix. This article separates the three.

## The project owner

The project owner, often called the project sponsor or business owner, is the person in the
business who wants the project to happen and answers for its benefits. They:

- make the case for the project and secure its budget;
- define what success means for the business;
- make the big decisions when scope, time and cost collide;
- accept the result and make sure the organisation uses it.

The project owner is usually a senior person with their own department to run, so they are not
involved day to day.

## The project manager

The project manager answers for delivering the project: the agreed scope, on time and within
budget. They:

- build and maintain the project plan, schedule and budget;
- coordinate the people and teams doing the work;
- track risks, issues and dependencies, and escalate what they cannot resolve;
- report progress to the project owner and other stakeholders.

## Side by side

| | Project owner | Project manager |
|---|---|---|
| Answers the question | Why are we doing this, and is it worth it? | How and when will it be delivered? |
| Accountable for | Business benefits | Delivery to scope, time and budget |
| Involvement | Key decisions and milestones | Daily |
| Typical background | Business leadership | Project or programme management |

## Where the product owner fits

A product owner is neither of these. A product owner owns a *product* and its backlog over time,
with no planned end date, and is measured by the value the product delivers, not by whether a
fixed scope was delivered. The difference between projects and products is explained in
[Software Product vs. Software Project](/guide/what-is-a-software-product/software-product-vs-software-project/).

In practice, a large initiative may have all three: a project owner who sponsors the initiative,
a project manager who coordinates several teams and vendors, and product owners who decide what
each team builds within it.

## Making the roles work together

Trouble starts when the roles blur. A project manager who starts reordering a product backlog
undermines the product owner; a project owner who never shows up leaves the project manager making
business decisions they have no authority for. Write down who decides what, agree it at kickoff,
and revisit it when the project changes shape.
""",
        ),
        DemoArticle(
            slug="importance-of-the-product-owner",
            title="Importance of the Product Owner",
            summary="Why a strong product owner makes the difference between a busy team and an "
            "effective one, and what goes wrong without one.",
            author="anna-grigoryan",
            tags=("agile", "roles", "leadership"),
            days_ago=140,
            body="""\
Every development team has more requests than it can build. Someone has to decide which ones come
first, explain why, and stand by the decision. That someone is the product owner, and in my
experience no other role has a bigger effect on whether a team's effort turns into value.

## What a strong product owner gives a team

### Focus

A clearly ordered backlog with a sprint goal lets a team say no to distractions. Without it,
developers pick up whatever arrives, and the team finishes many things that do not matter.

### Fast decisions

Questions come up every day: what should happen when the import file is empty? Is this edge case
worth a day of work? A product owner who is available and empowered answers in minutes. A team
without one waits days, guesses, or builds both options.

### A link to customers

The product owner brings the customer's voice into refinement and planning. The team understands
not only what to build, but who it is for and what problem it solves, which leads to better
solutions and fewer rewrites.

### Trust with stakeholders

Stakeholders accept "not this sprint" when they trust that someone weighed their request fairly
against everything else. A visible backlog and a product owner who explains trade-offs build that
trust.

## What goes wrong without one

- **Priorities by volume.** The loudest stakeholder wins, and the backlog becomes a queue of
  favours.
- **Unclear requirements.** Stories without [acceptance criteria](/glossary/acceptance-criteria/)
  lead to rework when the result is reviewed.
- **Nobody accepts the work.** Features drift into production without anyone checking they solve
  the problem.
- **Lost learning.** Nobody checks whether shipped work changed customer behaviour.

## Signs the role is not working

1. The product owner cannot make a decision without asking a committee.
2. The backlog has hundreds of items and nobody can say which ten matter most.
3. The team rarely hears from the product owner between sprint planning and the review.
4. Stakeholders go directly to developers with requests.

Each of these has the same fix: give the product owner the authority, time and support the role
needs. It is cheaper than the alternative.

## Product owner and product manager together

Where the product manager and the product owner are different people, the partnership matters.
The product manager sets direction and the [roadmap](/guide/product-management-roadmap/how-to-build-a-product-roadmap/);
the product owner turns it into an ordered backlog and steers the team sprint by sprint. They
should speak daily and never contradict each other in front of the team. The roles are described
in [What Is a Product Owner?](/guide/product-owner/what-is-a-product-owner/), and the wider team
in [Product Management Team and Roles](/guide/what-is-product-management/product-management-team-and-roles/).
""",
        ),
    ),
)
