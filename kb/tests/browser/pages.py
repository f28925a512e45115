"""The window sizes readers use, and one page of every public page type in the demo guide
(`load_demo_guide`).

Each entry is (name, path, expected status): the accessibility and screenshot tests check the
status first, so a renamed demo slug fails loudly instead of quietly testing the 404 page.
"""

PUBLIC_PAGES = [
    ("home", "/", 200),
    ("chapter", "/guide/product-backlog/", 200),
    ("article", "/guide/product-backlog/what-is-a-product-backlog/", 200),
    ("authors", "/authors/", 200),
    ("author", "/authors/anna-grigoryan/", 200),
    ("glossary", "/glossary/", 200),
    ("term", "/glossary/backlog/", 200),
    ("tags", "/tags/", 200),
    ("tag", "/tags/agile/", 200),
    ("tag-narrowed", "/tags/agile/?and=planning", 200),
    ("search", "/search/?q=roadmap", 200),
    ("not-found", "/no-such-page/", 404),
]

PAGE_IDS = [name for name, _, _ in PUBLIC_PAGES]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
