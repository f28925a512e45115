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
        page = new_page(color_scheme=scheme)
        response = page.goto(path)
        assert response.status == status, f"{name}: {path} answered {response.status}"

        if violations := axe_violations(page, axe_script):
            failures.append(f"{name} ({scheme}) {path}:\n{report(violations)}")

    assert failures == [], "\n".join(failures)


def test_admin_article_form_has_no_wcag_violations(page, demo_guide, editor_login, axe_script):
    editor_login(page)
    response = page.goto("/admin/articles/article/add/")
    assert response.status == 200
    page.wait_for_selector(".markdownx-editor")

    violations = axe_violations(page, axe_script)

    assert violations == [], f"admin article form:\n{report(violations)}"
