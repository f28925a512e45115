from articles.demo_guide.base import DemoAuthor

AUTHORS = (
    DemoAuthor(
        slug="anna-grigoryan",
        name="Anna Grigoryan",
        job_title="Director of Product Management",
        organisation="Wrike",
        career_started=2009,
        bio="""\
Anna has spent more than fifteen years in the tech industry, most of them turning customer
problems into software people rely on every day. She has led several engineering teams and
delivered products with mobile and web experiences, integrations with other platforms, and
white-labelled solutions sold under partners' brands.

She writes about how product teams are organised, how product managers and engineers share the
work, and how to keep a roadmap honest.
""",
    ),
    DemoAuthor(
        slug="daniel-okafor",
        name="Daniel Okafor",
        job_title="Senior Product Manager",
        organisation="Brightlane",
        career_started=2014,
        bio="""\
Daniel manages a B2B workflow product used by operations teams in logistics and retail. Before
moving into product he worked as a business analyst, which is why he still enjoys a well-written
requirements document more than most people admit to.

His articles cover roadmaps, backlogs, OKRs and the templates he keeps reusing.
""",
    ),
    DemoAuthor(
        slug="priya-raman",
        name="Priya Raman",
        job_title="Product Analytics Lead",
        organisation="Harbor Metrics",
        career_started=2012,
        bio="""\
Priya leads a team of analysts embedded in product squads. She started as a data engineer,
moved into experimentation, and now spends her time helping product managers pick metrics that
predict something useful.

She writes about KPIs, funnels, cohorts, A/B tests and lean experimentation.
""",
    ),
    DemoAuthor(
        slug="tomas-ribeiro",
        name="Tomás Ribeiro",
        job_title="Technical Product Manager",
        organisation="Cloudmesh",
        career_started=2015,
        bio="""\
Tomás was a backend engineer for six years before becoming a technical product manager for a
developer platform. He owns APIs, SDKs and the internal services other teams build on.

He writes about the seam between product and engineering: technical debt, tooling, and how to
make requirements that engineers can actually build from.
""",
    ),
)
