from articles.demo_guide.base import DemoTopic

TOPICS = (
    DemoTopic(
        slug="product-management-team-and-roles",
        title="Product Management Team and Roles",
        description="Who does what in a product organisation: the levels of the product "
        "management ladder, the specialist roles beside it, and how product managers, engineers "
        "and product owners share the work.",
        is_featured=True,
        articles=(
            ("what-is-product-management", "product-management-hierarchy"),
            ("what-is-product-management", "product-management-team-and-roles"),
            ("software-product-manager", "role-of-a-product-management-lead"),
            ("software-product-manager", "role-of-a-product-management-specialist"),
            ("software-product-manager", "product-manager-vs-software-engineer"),
            ("software-product-manager", "technical-product-manager-vs-product-manager"),
            ("product-owner", "how-to-become-a-product-owner"),
            ("product-owner", "project-manager-vs-project-owner"),
            ("product-owner", "importance-of-the-product-owner"),
        ),
    ),
    DemoTopic(
        slug="planning-and-prioritisation",
        title="Planning and Prioritisation",
        description="From goals to a roadmap to an ordered backlog: how product teams decide what "
        "to work on next and explain why.",
        is_featured=True,
        articles=(
            ("product-management-okrs", "okrs-for-product-teams"),
            ("product-management-roadmap", "how-to-build-a-product-roadmap"),
            ("product-management-roadmap", "roadmap-formats"),
            ("product-backlog", "what-is-a-product-backlog"),
            ("product-backlog", "backlog-refinement-and-prioritisation"),
            ("product-requirements-documents", "how-to-write-a-prd"),
        ),
    ),
    DemoTopic(
        slug="measuring-product-success",
        title="Measuring Product Success",
        description="Choosing the metrics that matter, and the analytics techniques that show "
        "whether a product change worked.",
        is_featured=False,
        articles=(
            ("product-management-metrics-and-kpis", "product-metrics-vs-kpis"),
            ("product-management-metrics-and-kpis", "essential-product-kpis"),
            ("product-management-metrics-and-kpis", "choosing-a-north-star-metric"),
            ("product-analytics", "what-is-product-analytics"),
            ("product-analytics", "funnel-and-cohort-analysis"),
            ("product-analytics", "running-ab-tests"),
            ("lean-product-management", "build-measure-learn-in-practice"),
        ),
    ),
)
