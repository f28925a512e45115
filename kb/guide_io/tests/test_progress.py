import io

import pytest
from django.core.management.base import OutputWrapper

from kb.guide_io.progress import Progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_log_gets_a_plain_line_at_each_tenth_and_at_the_end():
    out = io.StringIO()
    progress = Progress(OutputWrapper(out))
    for done in range(1, 1001):
        progress("articles", done, 1000)

    lines = out.getvalue().splitlines()
    assert lines[0] == "articles 100 / 1,000  10%"
    assert lines[-1] == "articles 1,000 / 1,000  100%"
    assert len(lines) == 10


def test_a_few_items_are_reported_once_they_are_all_done():
    out = io.StringIO()
    progress = Progress(OutputWrapper(out))
    for done in range(1, 4):
        progress("authors", done, 3)
    assert out.getvalue().splitlines() == [
        "authors 1 / 3  33%",
        "authors 2 / 3  66%",
        "authors 3 / 3  100%",
    ]


def test_a_terminal_gets_one_line_redrawn_in_place():
    out = Terminal()
    progress = Progress(OutputWrapper(out))
    for done in range(1, 501):
        progress("articles", done, 500)

    text = out.getvalue()
    assert text.count("\n") == 1 and text.endswith("articles 500 / 500  100%\x1b[K\n")
    assert "\rarticles 250 / 500  50%\x1b[K" in text


@pytest.mark.django_db
def test_an_export_and_an_import_report_their_progress(tmp_path):
    from django.core.management import call_command

    from articles.models import Article
    from articles.tests.factories import ArticleFactory

    ArticleFactory.create_batch(3)
    out = io.StringIO()
    call_command("export_guide", str(tmp_path / "guide"), stdout=out)
    assert "articles 3 / 3  100%" in out.getvalue()

    Article.objects.all().delete()
    out = io.StringIO()
    call_command("import_guide", str(tmp_path / "guide"), stdout=out)
    assert "articles 3 / 3  100%" in out.getvalue()
    assert Article.objects.count() == 3
