"""Seed many realistic articles quickly, for benchmarks and trying search at scale.

    manage.py seed_articles --articles 10000 [--terms 2000] [--tags 300]

Memory stays flat whatever the count: articles are built and written a batch at a time with
bulk_create. Markdown goes through the one pipeline (kb.markdown.render) once per distinct body
template; each article then reuses that rendering with its topic filled in (a placeholder word
that Markdown and the sanitiser leave alone). bulk_create skips save(); the search index follows
anyway, kept by database triggers (SQLite's full-text table, PostgreSQL's stored vectors), and
the glossary's "Used in" relation by the background jobs every bulk write enqueues
(glossary/linking.py): on the embedded default they finish before the command exits; with a
database queue, `manage.py db_worker` runs them.

Beyond the hand-written glossary and tags, --terms and --tags make more of each from word
lists, so a large guide has a large glossary (some of its terms mentioned in the bodies, most
in none, as in a real guide) and tags of very different sizes (a few on thousands of
articles, most on a few hundred).
"""

import itertools
import random
from datetime import timedelta
from html import escape
from itertools import islice

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Section, TaggedArticle
from authors.models import Author
from glossary.models import GlossaryTerm
from kb.markdown import render
from kb.publishing import Status
from kb.tags.models import Tag

PLACEHOLDER = "QQTOPICQQ"

CHAPTERS = [
    "Foundations", "Discovery", "Strategy", "Roadmaps", "Prioritisation", "Delivery",
    "Metrics and analytics", "Pricing", "Go-to-market", "Stakeholders", "Teams and roles",
    "Research", "Design collaboration", "Experimentation", "Growth", "Platform products",
    "B2B products", "Career", "Leadership", "Tools",
]  # fmt: skip
TOPICS = [
    "roadmap", "backlog", "user story", "persona", "customer interview", "market sizing",
    "product vision", "product strategy", "north star metric", "retention", "churn", "onboarding",
    "pricing page", "feature flag", "release plan", "sprint review", "stakeholder map",
    "competitive analysis", "value proposition", "jobs to be done", "usability test",
    "A/B test", "cohort analysis", "funnel", "activation", "product launch", "beta programme",
    "technical debt", "API design", "dependency map", "quarterly planning", "OKRs",
    "product requirements document", "minimum viable product", "prototype", "design sprint",
    "customer journey", "service blueprint", "opportunity tree", "impact mapping",
    "Kano model", "RICE scoring", "MoSCoW", "story mapping", "release notes", "changelog",
    "sales enablement", "positioning", "product-led growth", "net promoter score",
]  # fmt: skip
TITLE_PATTERNS = [
    "{Topic} basics", "How to build a {topic}", "A practical guide to the {topic}",
    "{Topic} for new product managers", "Common {topic} mistakes", "Measuring your {topic}",
    "The {topic} checklist", "When to skip the {topic}", "{Topic} in regulated industries",
    "Running a {topic} workshop", "{Topic} templates that work", "Scaling the {topic}",
    "{Topic} for platform teams", "Explaining the {topic} to executives",
    "Remote teams and the {topic}", "{Topic} anti-patterns",
]  # fmt: skip
TAGS = [
    "agile", "analytics", "b2b", "b2c", "career", "communication", "customer research",
    "data", "delivery", "design", "discovery", "experimentation", "facilitation", "growth",
    "hiring", "leadership", "marketing", "metrics", "mobile", "onboarding", "planning",
    "platform", "pricing", "prioritisation", "process", "saas", "sales", "scrum", "startups",
    "strategy", "teamwork", "templates", "tools", "ux", "writing", "enterprise", "kanban",
    "okrs", "roadmapping", "stakeholders",
]  # fmt: skip
GLOSSARY = [
    ("Product requirements document", "PRD, requirements doc", "What a feature must do, and why."),
    ("Objectives and key results", "OKR, OKRs", "An objective with measurable key results."),
    ("Minimum viable product", "MVP", "The smallest product that tests a hypothesis."),
    ("Key performance indicator", "KPI, KPIs", "A number that shows progress to a goal."),
    ("Jobs to be done", "JTBD", "A theory of why customers hire a product to make progress."),
    ("Net promoter score", "NPS", "A loyalty measure from how likely users are to recommend."),
    ("Product-led growth", "PLG", "Growth driven mainly by the product experience itself."),
    ("Total addressable market", "TAM", "The revenue available if a product won its whole market."),
    ("Annual recurring revenue", "ARR", "Yearly value of subscription revenue."),
    ("Customer acquisition cost", "CAC", "What it costs to win one new customer."),
    ("Go-to-market", "GTM", "How a product reaches and wins its customers."),
    ("User experience", "UX", "How using a product feels to the people who use it."),
]  # fmt: skip
SENTENCES = [
    "Teams that treat the {t} as a living artefact revisit it every few weeks.",
    "A good {t} starts from customer problems rather than from a list of features.",
    "Share the {t} early, and ask stakeholders what surprises them.",
    "The {t} should make trade-offs visible: what you will not do matters as much.",
    "Engineering estimates change the {t}; plan for that instead of resisting it.",
    "Measure outcomes, not output, when you judge whether the {t} worked.",
    "Interview at least five customers before you commit to a direction.",
    "Write down the assumptions behind each decision, and how you would test them.",
    "Executives want to know why now, why us, and what it costs.",
    "Keep the backlog short enough that everyone can read it in one sitting.",
    "Prioritisation frameworks help a conversation; they do not replace judgement.",
    "Retention curves tell you more than sign-ups ever will.",
    "Design, engineering and product should own discovery together.",
    "A launch is a beginning: plan the first month of learning after it.",
    "Pricing is part of the product, so test it like one.",
    "Documentation that nobody reads is a cost, not an asset.",
    "Quarterly planning works best with a short list of measurable objectives.",
    "Sales teams need the positioning before they need the feature list.",
    "Technical debt is a product decision made visible in the codebase.",
    "Onboarding is where most products lose the users they worked hardest to win.",
    "Experiment results are only as good as the hypothesis written before the test.",
    "Stakeholder maps show who decides, who advises and who must simply be told.",
    "Usability tests with five people find most of the serious problems.",
    "Cohort analysis separates real improvement from a change in who signs up.",
    "Feature flags let teams release gradually and learn from real usage.",
    "The requirements should describe the problem and the constraints, not the solution.",
    "Competitive analysis is useful when it explains why customers switch.",
    "Customer journeys reveal the moments where expectations and reality diverge.",
]  # fmt: skip
# Generated sentences give the bodies a wide vocabulary, so that, as in a real guide, most
# words appear in some articles rather than in nearly all of them.
SUBJECTS = [
    "Product managers", "Designers", "Engineering leads", "Sales teams", "Executives",
    "Customers", "Researchers", "Support staff", "Founders", "Analysts", "Marketers",
    "Data scientists", "Partners", "New hires", "Finance teams", "Operations leads",
]  # fmt: skip
VERBS = [
    "review", "question", "prioritise", "measure", "document", "present", "test", "estimate",
    "negotiate", "simplify", "challenge", "share", "map", "validate", "retire", "benchmark",
    "forecast", "audit", "localise", "automate",
]  # fmt: skip
OBJECTS = [
    "acquisition funnels", "admin consoles", "alerting rules", "annual contracts",
    "billing flows", "brand guidelines", "budget requests", "capacity plans", "checkout pages",
    "compliance reviews", "content calendars", "contract renewals", "conversion rates",
    "customer segments", "dashboards", "data pipelines", "deployment pipelines",
    "design systems", "discount policies", "email campaigns", "error budgets",
    "feature requests", "hiring plans", "incident reviews", "integration partners",
    "invoice templates", "knowledge bases", "landing pages", "launch checklists",
    "legal terms", "loyalty programmes", "migration plans", "mobile releases",
    "notification settings", "onboarding emails", "partner portals", "payment methods",
    "performance budgets", "permission models", "pilot customers", "pricing tiers",
    "privacy notices", "procurement rules", "quality gates", "referral schemes",
    "renewal forecasts", "reporting cadences", "risk registers", "search rankings",
    "security questionnaires", "service levels", "support queues", "survey results",
    "trial conversions", "upgrade paths", "usage quotas", "vendor contracts", "webinars",
    "win-loss interviews", "workflow automations",
]  # fmt: skip
QUALIFIERS = [
    "every quarter", "before the launch", "with real data", "in the weekly review",
    "after each release", "with the whole team", "during discovery", "for enterprise accounts",
    "in regulated markets", "when budgets tighten", "across time zones", "at the board meeting",
]  # fmt: skip
HEADINGS = [
    "Why it matters", "Getting started", "A worked example", "Common pitfalls",
    "Working with stakeholders", "How to measure it", "Templates and tools", "Further reading",
    "When it goes wrong", "Checklist",
]  # fmt: skip


# Made-up terms and tags beyond the lists above: "Adaptive roadmap", "analytics at scale".
TERM_WORDS = [
    "adaptive", "annual", "baseline", "blended", "centralised", "continuous", "contextual",
    "cross-functional", "customer", "delivery", "discovery", "distributed", "dual-track",
    "dynamic", "embedded", "evidence-based", "exploratory", "federated", "fixed", "flexible",
    "gated", "global", "hybrid", "incremental", "integrated", "iterative", "lean", "lightweight",
    "local", "modular", "outcome", "parallel", "portfolio", "predictive", "quarterly", "rapid",
    "regional", "rolling", "shared", "staged",
]  # fmt: skip
TERM_NOUNS = [
    "roadmap", "backlog", "review", "cadence", "scorecard", "charter", "canvas", "forecast",
    "baseline", "budget", "handoff", "playbook", "ritual", "runway", "signal", "threshold",
    "milestone", "pipeline", "tracker", "matrix", "model", "template", "workflow", "interview",
    "experiment", "estimate", "launch", "metric", "persona", "segment", "squad", "tribe",
    "guild", "contract", "audit", "brief", "memo", "retrospective", "spike", "dashboard",
    "funnel", "cohort", "release", "sprint", "plan", "map", "board", "survey", "ladder", "loop",
]  # fmt: skip
TAG_AREAS = [
    "basics", "advanced", "at scale", "tools", "for startups", "in enterprise", "case studies",
    "templates", "checklists", "research",
]  # fmt: skip


def made_up_terms(count):
    """`count` term names, none of them one of GLOSSARY's: "Adaptive roadmap", ..."""
    names = (f"{w[:1].upper()}{w[1:]} {n}" for n in TERM_NOUNS for w in TERM_WORDS)
    return list(islice(names, count))


def tag_names(count):
    """TAGS, then made-up ones ("agile at scale") up to `count`."""
    made_up = (f"{tag} {area}" for area in TAG_AREAS for tag in TAGS)
    return list(islice(itertools.chain(TAGS, made_up), count))


def sentence(rng, mentioned=()):
    if mentioned and rng.random() < 0.05:
        return f"Teams often ask about the {rng.choice(mentioned).lower()} at this point."
    if rng.random() < 0.3:
        return rng.choice(SENTENCES).format(t=PLACEHOLDER)
    subject, verb, thing = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)
    return f"{subject} {verb} the {thing} {rng.choice(QUALIFIERS)}."


def body_template(rng, mentioned=()):
    """Markdown for one body, with PLACEHOLDER where the article's topic goes, and now and
    then a mention of one of the `mentioned` term names."""
    sections = []
    for heading in rng.sample(HEADINGS, rng.randint(4, 6)):
        paragraphs = []
        for _ in range(rng.randint(2, 3)):
            words = (sentence(rng, mentioned) for _ in range(rng.randint(3, 5)))
            paragraphs.append(" ".join(words))
        if rng.random() < 0.4:
            items = rng.sample(SENTENCES, 3)
            paragraphs.append("\n".join(f"- {s.format(t=PLACEHOLDER)}" for s in items))
        sections.append(f"## {heading}\n\n" + "\n\n".join(paragraphs))
    return "\n\n".join(sections)


def batched(iterable, size):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


class Command(BaseCommand):
    help = "Create many published, draft and scheduled articles (plus chapters, tags, terms)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument("--templates", type=int, default=200, help="Distinct bodies.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--terms", type=int, default=len(GLOSSARY), help="Glossary terms in all (at least)."
        )
        parser.add_argument("--tags", type=int, default=len(TAGS), help="Tags in all (at least).")

    def handle(self, *args, articles, batch_size, templates, seed, terms, tags, **options):
        rng = random.Random(seed)
        authors = self.authors()
        chapters = self.chapters()
        tags = self.tags(tags)
        mentioned = self.glossary(terms, rng)
        sources = [body_template(rng, mentioned) for _ in range(templates)]
        rendered = [(source, render(source)) for source in sources]
        # A few tags are on many articles, most on few: the first tags are picked far more.
        tag_weights = [1 / (rank + 1) for rank in range(len(tags))]
        start = Article.objects.count()
        created = 0
        for batch in batched(range(start, start + articles), batch_size):
            with transaction.atomic():
                objects = Article.objects.bulk_create(
                    [self.article(n, rng, rendered, authors, chapters) for n in batch]
                )
                TaggedArticle.objects.bulk_create(
                    TaggedArticle(content_object_id=article.pk, tag_id=tag.pk)
                    for article in objects
                    for tag in {*rng.choices(tags, tag_weights, k=rng.randint(1, 3))}
                )
            created += len(objects)
            self.stdout.write(f"{created} articles…", ending="\r")
        if connection.vendor == "sqlite":
            # Merge the full-text index's many small insert segments into one.
            with connection.cursor() as cursor:
                cursor.execute(
                    "INSERT INTO articles_article_search(articles_article_search) "
                    "VALUES ('optimize')"
                )
        # The bulk inserts were announced (kb/changes.py): the cached lexicon goes at commit,
        # and "Used in" is filled by the background jobs they enqueued.
        self.stdout.write(self.style.SUCCESS(f"Created {created} articles."))
        self.stdout.write(
            "Glossary links: background jobs enqueued (on a database queue, "
            "`manage.py db_worker --batch` runs them)."
        )

    def article(self, n, rng, rendered, authors, chapters):
        topic = rng.choice(TOPICS)
        pattern = rng.choice(TITLE_PATTERNS)
        title = pattern.format(topic=topic, Topic=topic[:1].upper() + topic[1:])
        # The Markdown an editor (or an export) sees, and what it renders to, alike.
        source, template = rng.choice(rendered)
        roll = rng.random()
        now = timezone.now()
        if roll < 0.9:
            status, published_at = Status.PUBLISHED, now - timedelta(days=rng.randint(1, 900))
        elif roll < 0.95:
            status, published_at = Status.PUBLISHED, now + timedelta(days=rng.randint(1, 30))
        else:
            status, published_at = Status.DRAFT, None
        text = template.text.replace(PLACEHOLDER, topic)
        return Article(
            section=rng.choice(chapters),
            position=n,
            title=title,
            slug=f"{slugify(title)[:180]}-{n}",
            summary=f"What the {topic} is for, and how product teams put it to work.",
            body=source.replace(PLACEHOLDER, topic),
            body_html=template.html.replace(PLACEHOLDER, escape(topic)),
            toc=template.toc,
            body_text=text,
            word_count=len(text.split()),
            reading_time=template.reading_time,
            author=rng.choice(authors),
            status=status,
            published_at=published_at,
        )

    def authors(self):
        existing = list(Author.objects.all()[:20])
        if existing:
            return existing
        names = ["Ada Byron", "Grace Hopper", "Alan Kay", "Barbara Liskov", "Ken Thompson"]
        return [Author.objects.create(name=name, job_title="Product lead") for name in names]

    def chapters(self):
        chapters = []
        for position, title in enumerate(CHAPTERS, start=1):
            chapter = Section.objects.filter(title=title).first() or Section.objects.create(
                position=position,
                title=title,
                status=Status.PUBLISHED,
                published_at=timezone.now() - timedelta(days=1000),
            )
            chapters.append(chapter)
        return chapters

    def tags(self, count):
        return [Tag.objects.get_or_create(name=name)[0] for name in tag_names(count)]

    def glossary(self, count, rng):
        """The glossary's hand-written terms, then made-up ones up to `count` (bulk-created,
        and linked in the articles by the background jobs that bulk write enqueues). Returns
        the names that bodies may mention: the made-up ones, a tenth of them."""
        for term, aliases, definition in GLOSSARY:
            if not GlossaryTerm.objects.filter(term=term).exists():
                GlossaryTerm.objects.create(
                    term=term,
                    aliases=aliases,
                    short_definition=definition,
                    status=Status.PUBLISHED,
                    published_at=timezone.now() - timedelta(days=1000),
                )
        names = made_up_terms(max(0, count - len(GLOSSARY)))
        existing = set(GlossaryTerm.objects.filter(term__in=names).values_list("term", flat=True))
        published_at = timezone.now() - timedelta(days=1000)
        explanation = render(f"A **{PLACEHOLDER}** is one of the guide's made-up terms.")
        for batch in batched((name for name in names if name not in existing), 500):
            GlossaryTerm.objects.bulk_create(
                GlossaryTerm(
                    term=name,
                    slug=slugify(name),
                    short_definition=f"What product teams mean by a {name.lower()}.",
                    explanation=f"A **{name.lower()}** is one of the guide's made-up terms.",
                    explanation_html=explanation.html.replace(PLACEHOLDER, escape(name.lower())),
                    status=Status.PUBLISHED,
                    published_at=published_at,
                )
                for name in batch
            )
        return rng.sample(names, len(names) // 10)
