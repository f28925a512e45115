"""Fault drill: kill the Redis that kb caches in while readers are loading pages.

Starts a Redis of its own (never the machine's), a throw-away SQLite database with the demo
guide, and kb under gunicorn (DEBUG off, REDIS_URL at that Redis, page cache on); then
several threads request the article page, /search/ and /search/suggest/ for `--seconds`,
the Redis is killed a third of the way in and started again at two thirds. It prints the
requests and the errors (any status >= 500 or a failed connection) in each phase, and the
load average. Expected: 0 errors in every phase.

    .venv/bin/python bench/redis_fault.py            # --seconds 30 --threads 8
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_redis(port, workdir):
    return subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(workdir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    if not shutil.which("redis-server"):
        raise SystemExit("redis-server is not installed (apt-get install redis-server)")

    work = Path(tempfile.mkdtemp(prefix="kb-fault-"))
    redis_port, web_port = free_port(), free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{work / 'kb.sqlite3'}",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "SECRET_KEY": "kb-fault-drill",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEBUG": "",
        "SECURE_COOKIES": "0",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(work / "static"),
    }
    redis = start_redis(redis_port, work)
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env,
                   check=True, capture_output=True)  # fmt: skip
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput"], cwd=ROOT, env=env,
                   check=True, capture_output=True)  # fmt: skip
    subprocess.run([PYTHON, "manage.py", "load_demo_guide"], cwd=ROOT, env=env, check=True,
                   capture_output=True)  # fmt: skip
    server = subprocess.Popen(
        [str(Path(PYTHON).with_name("gunicorn")), "kb.wsgi", "--workers", "2",
         "--bind", f"127.0.0.1:{web_port}", "--log-level", "warning"],
        cwd=ROOT, env=env, stderr=open(work / "server.log", "w"),
    )  # fmt: skip
    base = f"http://127.0.0.1:{web_port}"
    try:
        wait_for(base + "/")
        article = "/guide/what-is-product-management/product-management-explained/"
        urls = [base + article, base + "/search/?q=roadmap", base + "/search/suggest/?q=road"]
        for url in urls:
            urllib.request.urlopen(url, timeout=10).read()
        phases = {"redis up": [0, 0], "redis killed": [0, 0], "redis back": [0, 0]}
        phase = ["redis up"]
        stop = threading.Event()

        def reader(n):
            while not stop.is_set():
                counts = phases[phase[0]]
                try:
                    with urllib.request.urlopen(urls[n % len(urls)], timeout=10) as response:
                        response.read()
                except urllib.error.HTTPError as error:
                    counts[1] += error.code >= 500
                except (urllib.error.URLError, ConnectionError):
                    counts[1] += 1
                counts[0] += 1
                n += 1

        print(f"load average at start: {os.getloadavg()}")
        threads = [threading.Thread(target=reader, args=(i,)) for i in range(args.threads)]
        for thread in threads:
            thread.start()
        time.sleep(args.seconds / 3)
        redis.kill()
        redis.wait()
        phase[0] = "redis killed"
        time.sleep(args.seconds / 3)
        redis = start_redis(redis_port, work)
        phase[0] = "redis back"
        time.sleep(args.seconds / 3)
        stop.set()
        for thread in threads:
            thread.join()
        print(f"load average at end: {os.getloadavg()}")
        for name, (requests, errors) in phases.items():
            print(f"{name:>13}: {requests:6d} requests, {errors} errors")
        logged = (work / "server.log").read_text().count("Exception ignored")
        print(f"cache failures logged by the server: {logged} line(s)")
        return 1 if any(errors for _, errors in phases.values()) else 0
    finally:
        server.terminate()
        server.wait()
        redis.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
