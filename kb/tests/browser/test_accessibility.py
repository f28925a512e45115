"""axe-core on every public page type and on the admin's article form: no WCAG 2.1 A or AA
violations, in the light and the dark colour scheme (contrast differs between them)."""

import pytest

from kb.tests.browser.pages import PAGE_IDS, PUBLIC_PAGES

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, axe_script, exclude=()):
    page.add_script_tag(path=str(axe_script))
    return page.evaluate(
        """([tags, exclude]) => axe.run(
            {include: [document], exclude: exclude.map((selector) => [selector])},
            {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]},
        ).then((results) => results.violations.map((violation) => ({
            id: violation.id,
            impact: violation.impact,
            help: violation.help,
            targets: violation.nodes.map((node) => node.target.join(" ")),
        })))""",
        [WCAG_21_AA, list(exclude)],
    )


def report(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {target}" for target in violation["targets"])
    return "\n".join(lines)


@pytest.mark.parametrize(("name", "path", "status"), PUBLIC_PAGES, ids=PAGE_IDS)
def test_public_page_has_no_wcag_violations(new_page, demo_guide, axe_script, name, path, status):
    failures = []
    for scheme in ("light", "dark"):
        # axe-core is injected as an inline script, which the site's policy rightly refuses.
        page = new_page(color_scheme=scheme, bypass_csp=True)
        response = page.goto(path)
        assert response.status == status, f"{name}: {path} answered {response.status}"

        if violations := axe_violations(page, axe_script):
            failures.append(f"{name} ({scheme}) {path}:\n{report(violations)}")

    assert failures == [], "\n".join(failures)


# Third-party markup on the admin form that kb cannot label, excluded by exact selector:
ADMIN_EXCLUSIONS = [
    # Select2 4.0.13, vendored in Django's admin for autocomplete_fields, renders the inline
    # search box of a multiple select as an <input> with no label (role=searchbox, no name);
    # the select it stands for is labelled. The rest of the widget is still checked.
    "#id_glossary_exclusions + .select2-container .select2-search__field",
]


def test_admin_article_form_has_no_wcag_violations(new_page, demo_guide, editor_login, axe_script):
    failures = []
    for scheme in ("light", "dark"):
        # axe-core is injected as an inline script, which the site's policy rightly refuses.
        page = new_page(color_scheme=scheme, bypass_csp=True)
        editor_login(page)
        response = page.goto("/admin/articles/article/add/")
        assert response.status == 200
        page.wait_for_selector(".markdownx-editor")

        if violations := axe_violations(page, axe_script, exclude=ADMIN_EXCLUSIONS):
            failures.append(f"admin article form ({scheme}):\n{report(violations)}")

    assert failures == [], "\n".join(failures)
