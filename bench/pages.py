"""Benchmark: kb's pages as ratios of Django's floor, under the production server recipe.

    .venv/bin/python bench/pages.py [--seconds 3] [--rounds 2] [--pages article home ...]
    DATABASE_URL=postgres://127.0.0.1/kb_bench REDIS_URL=redis://127.0.0.1:6379/9 \\
        .venv/bin/python bench/pages.py

Seconds on a shared machine say more about the neighbours than about kb, so each page is
reported as a ratio: its requests per second divided by those of the floor (bench/floor_app.py:
one view returning a constant 20 KB page, no middleware, no database), both served by gunicorn
with the same settings (gunicorn.conf.py: WEB_CONCURRENCY workers, access log on) and loaded
with wrk (16 connections) in the same run, interleaved floor, kb, floor, kb... so that a
change in the machine's load hits both. Three servers run side by side: the floor, kb with the
page cache (anonymous hits) and kb with PAGE_CACHE_SECONDS=0 (every request rendered).

kb is started by bin/serve (what `make serve` runs: migrate, collectstatic, gunicorn) over the
demo guide, in a throw-away SQLite database and local memory unless DATABASE_URL / REDIS_URL are
set (that database is migrated and loaded with the demo guide: never point it at real data).
A page that answers anything but 200 (304 for the revalidation) stops the run.

Instruction counts, which do not depend on the load at all, are bench/instructions.py's.
"""

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from instructions import PAGES  # noqa: E402  (the same pages as the instruction counts)

PAGES = {name: path for name, path in PAGES.items() if name != "floor"}
PAGES["304"] = PAGES["article"]
CONNECTIONS = 16


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(port, process, path="/healthz"):
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server on port {port} exited with {process.returncode}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server on port {port} did not answer {path}")


def start(command, env, log):
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)


def etag_of(url):
    with urllib.request.urlopen(urllib.request.Request(url, headers=GZIP)) as response:
        return response.headers["ETag"]


GZIP = {"Accept-Encoding": "gzip"}


def requests_per_second(url, seconds, headers, expect="200"):
    command = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", url]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    wrong = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if wrong or "Socket errors" in out and "timeout" in out:
        raise SystemExit(f"{url} answered errors under load:\n{out}")
    if expect == "304":
        status = urllib.request.Request(url, headers=headers)
        try:
            urllib.request.urlopen(status)
            raise SystemExit(f"{url} answered 200 to a revalidation, not 304")
        except urllib.error.HTTPError as error:
            if error.code != 304:
                raise
    return float(re.search(r"Requests/sec:\s*([\d.]+)", out).group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--pages", nargs="+", default=list(PAGES), choices=PAGES)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("bench/pages.py needs wrk (apt-get install -y wrk)")
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as folder:
        database = os.environ.get("DATABASE_URL") or f"sqlite:///{folder}/bench.sqlite3"
        env = dict(
            os.environ,
            DATABASE_URL=database,
            SECRET_KEY="bench-pages-not-secret",
            ALLOWED_HOSTS="127.0.0.1,localhost",
            STATIC_ROOT=f"{folder}/static",
            MEDIA_ROOT=f"{folder}/media",
            HOST="127.0.0.1",
            BIN=str(bin_dir),
            SECURE_SSL_REDIRECT="0",
            SECURE_HSTS_SECONDS="0",
            SECURE_COOKIES="0",
        )
        env.pop("DEBUG", None)
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
        subprocess.run([*manage, "load_demo_guide"], env=env, check=True, stdout=subprocess.DEVNULL)
        ports = {"floor": free_port(), "cached": free_port(), "uncached": free_port()}
        log = open(Path(folder) / "servers.log", "w")
        floor_env = dict(env, PORT=str(ports["floor"]))
        servers = [
            start(
                [
                    str(bin_dir / "gunicorn"),
                    "-c",
                    str(ROOT / "gunicorn.conf.py"),
                    "--chdir",
                    str(ROOT / "bench"),
                    "floor_app:application",
                ],
                floor_env,
                log,
            )
        ]
        try:
            wait_until_up(ports["floor"], servers[0], "/floor/")
            # One after the other: each runs migrate and collectstatic before gunicorn.
            for name, seconds in (("cached", "600"), ("uncached", "0")):
                server_env = dict(env, PORT=str(ports[name]), PAGE_CACHE_SECONDS=seconds)
                servers.append(start([str(ROOT / "bin" / "serve")], server_env, log))
                wait_until_up(ports[name], servers[-1])
            report(args, ports, database)
        finally:
            for server in servers:
                server.terminate()
            for server in servers:
                server.wait(timeout=30)
            log.close()


def report(args, ports, database):
    load = os.getloadavg()
    backend = "PostgreSQL" if database.startswith("postgres") else "SQLite"
    cache = "Redis" if os.environ.get("REDIS_URL") else "local memory"
    print(
        f"{backend} + {cache}; {CONNECTIONS} connections, {args.rounds} rounds of "
        f"{args.seconds} s, load average before {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    floor_url = f"http://127.0.0.1:{ports['floor']}/floor/"
    print(f"{'page':10} {'cached':>8} {'uncached':>9}   (kb requests/s / floor requests/s)")
    for name in args.pages:
        ratios = {}
        for mode in ("cached", "uncached"):
            url = f"http://127.0.0.1:{ports[mode]}{PAGES[name]}"
            headers, expect = dict(GZIP), "200"
            if name == "304":
                if mode == "uncached":
                    continue
                headers["If-None-Match"] = etag_of(url)
                expect = "304"
            else:
                urllib.request.urlopen(urllib.request.Request(url, headers=GZIP))  # warm
            floor, page = [], []
            for _ in range(args.rounds):
                floor.append(requests_per_second(floor_url, args.seconds, GZIP))
                page.append(requests_per_second(url, args.seconds, headers, expect))
            ratios[mode] = statistics.median(page) / statistics.median(floor)
        cached = f"{ratios['cached']:.3f}"
        uncached = f"{ratios['uncached']:.3f}" if "uncached" in ratios else "-"
        print(f"{name:10} {cached:>8} {uncached:>9}", flush=True)
    load = os.getloadavg()
    print(f"load average after {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
