"""Benchmark: the worst Markdown inputs known to us, rendered at the length cap.

    .venv/bin/python bench/markdown_worst.py [--chars N] [--only NAME ...] [--scaling]

Each input repeats one hostile pattern up to --chars characters (default: the larger of
kb.markdown.MAX_SOURCE_CHARS and settings.KB_MARKDOWN_PREVIEW_MAX_CHARS, the longest source
any request can make kb render). Each is put through kb.markdown.render() and the time of each
stage is printed, in CPU seconds (time.process_time): parse and render (markdown-it-py and
kb's rules), sanitise (nh3 and the external-link pass), plain text, table of contents.
With --scaling each input is also rendered at half the length: a ratio near 2 is linear,
near 4 quadratic.

kb/tests/test_markdown_limits.py holds the same inputs to a one-second budget each.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings")
os.environ.setdefault("DEBUG", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from kb import markdown  # noqa: E402
from kb.tests.worst_markdown import WORST_INPUTS  # noqa: E402


def stages(source):
    """CPU seconds of each stage of kb.markdown.render(source)."""
    times = {}
    start = time.process_time()
    unsafe, tokens = markdown.render_unsanitised(source)
    times["parse"] = time.process_time() - start
    start = time.process_time()
    safe = markdown.sanitise(unsafe)
    times["sanitise"] = time.process_time() - start
    start = time.process_time()
    markdown.plain_text(safe)
    times["text"] = time.process_time() - start
    start = time.process_time()
    markdown._table_of_contents(tokens)
    times["toc"] = time.process_time() - start
    times["total"] = sum(times.values())
    return times


def main():
    cap = max(markdown.MAX_SOURCE_CHARS, settings.KB_MARKDOWN_PREVIEW_MAX_CHARS)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=cap)
    parser.add_argument("--only", nargs="*", help="names of the inputs to run")
    parser.add_argument("--scaling", action="store_true", help="also time half the length")
    args = parser.parse_args()
    print(
        f"{args.chars:,} characters per input (caps: source {markdown.MAX_SOURCE_CHARS:,}, "
        f"preview {settings.KB_MARKDOWN_PREVIEW_MAX_CHARS:,}); CPU seconds"
    )
    header = f"{'input':<24} {'parse':>7} {'sanit.':>7} {'text':>7} {'toc':>7} {'total':>7}"
    print(header + ("  x(half->full)" if args.scaling else ""))
    worst = ("", 0.0)
    for name, make in WORST_INPUTS.items():
        if args.only and name not in args.only:
            continue
        times = stages(make(args.chars))
        line = f"{name:<24} " + " ".join(
            f"{times[key]:7.3f}" for key in ("parse", "sanitise", "text", "toc", "total")
        )
        if args.scaling:
            half = stages(make(args.chars // 2))["total"]
            line += f"  {times['total'] / half:5.1f}" if half > 0.001 else "      -"
        print(line, flush=True)
        worst = max(worst, (name, times["total"]), key=lambda item: item[1])
    print(f"worst: {worst[0]} {worst[1]:.3f} s")


if __name__ == "__main__":
    main()
