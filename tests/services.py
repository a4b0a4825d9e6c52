"""Private PostgreSQL and Redis servers, the served app and its worker, as subprocesses.

The fault tests and the load run kill and restart these; they never touch the machine's
shared PostgreSQL or Redis. Each server listens on a free loopback port and keeps its files
in a temporary folder removed on stop. A missing binary is an error that says what to install.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent


class ServiceUnavailable(RuntimeError):
    """A server binary is missing or a server would not start."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(check, timeout: float, what: str, every: float = 0.05):
    """Poll `check()` until it returns something truthy; raise after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = check()
            if result:
                return result
        except Exception:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up waiting for {what} after {timeout:.0f} s")
        time.sleep(every)


class PrivateRedis:
    """`redis-server` without persistence on a free port: a restart forgets every queued job."""

    def __init__(self) -> None:
        self.binary = shutil.which("redis-server")
        if not self.binary:
            raise ServiceUnavailable(
                "redis-server not found: the fault tests start a private Redis (Debian: apt-get install redis-server)")
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="enlace-redis-")
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> PrivateRedis:
        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--daemonize", "no", "--dir", self.dir, "--loglevel", "warning"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(self.ping, 10, "the private Redis to start")
        return self

    def ping(self) -> bool:
        from redis import Redis

        with Redis.from_url(self.url, socket_timeout=1, socket_connect_timeout=1) as r:
            return bool(r.ping())

    def kill(self) -> None:
        """SIGKILL: everything in it is lost, as when a Redis without persistence crashes."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def restart(self) -> None:
        self.kill()
        self.start()

    def stop(self) -> None:
        self.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def postgres_bindir() -> str:
    candidates = []
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=False).stdout.strip()
        candidates.append(out)
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for path in candidates:
        if path and os.path.exists(os.path.join(path, "initdb")) and os.path.exists(os.path.join(path, "pg_ctl")):
            return path
    raise ServiceUnavailable(
        "PostgreSQL server binaries (initdb, pg_ctl) not found: the fault tests start a private PostgreSQL "
        "(Debian: apt-get install postgresql)")


class PrivatePostgres:
    """A throwaway PostgreSQL cluster (initdb, trust auth) that a test may stop and restart.

    PostgreSQL refuses to run as root; when we are root the server runs as `postgres`.
    Durability is off (fsync, synchronous_commit): a restart here is about connections, not disks.
    """

    def __init__(self) -> None:
        self.bindir = postgres_bindir()
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="enlace-pg-")
        self.data = os.path.join(self.dir, "data")
        self._as = []
        if os.geteuid() == 0:
            runuser = shutil.which("runuser")
            if not runuser:
                raise ServiceUnavailable("running as root without runuser: cannot start PostgreSQL as postgres")
            self._as = [runuser, "-u", "postgres", "--"]
            shutil.chown(self.dir, user="postgres")
        self._initdb()

    def _run(self, tool: str, *args: str) -> None:
        result = subprocess.run([*self._as, os.path.join(self.bindir, tool), *args], capture_output=True, text=True,
                                check=False)
        if result.returncode != 0:
            raise ServiceUnavailable(f"{tool} failed: {result.stderr.strip() or result.stdout.strip()}")

    def _initdb(self) -> None:
        self._run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-N", "-E", "UTF8",
                  "--locale=C.UTF-8")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> PrivatePostgres:
        options = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "-D", self.data, "-l", os.path.join(self.dir, "log"), "-o", options, "-w", "-t", "60",
                  "start")
        return self

    def stop(self, mode: str = "fast") -> None:
        """'fast' ends every session at once (a restart); 'immediate' is a crash."""
        self._run("pg_ctl", "-D", self.data, "-m", mode, "-w", "-t", "60", "stop")

    def is_running(self) -> bool:
        return os.path.exists(os.path.join(self.data, "postmaster.pid"))

    def sql(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn:
            conn.execute(statement)

    def destroy(self) -> None:
        if self.is_running():
            self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


def app_environment(database_url: str, redis_url: str | None, fake=None, public_url: str | None = None,
                    **extra: str) -> dict[str, str]:
    """Environment for a served app or a worker: the given services, the fake Twilio, no quiet hours."""
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "reliability-tests", "QUIET_HOURS": "off",
           "LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1"}
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    if fake is not None:
        env.update(TWILIO_ACCOUNT_SID=fake.account_sid, TWILIO_AUTH_TOKEN=fake.auth_token,
                   TWILIO_API_BASE_URL=fake.url, TWILIO_SMS_FROM=fake.sender)
    if public_url:
        env["PUBLIC_URL"] = public_url
    env.update(extra)
    return env


class _Process:
    log: str | None

    def _spawn(self, cmd: list[str], env: dict[str, str]) -> subprocess.Popen:
        """Start `cmd`; its output goes to the log file (appended across restarts), or nowhere."""
        if not self.log:
            return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(self.log, "ab") as out:  # the child keeps its own copy of the descriptor
            return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


class Served(_Process):
    """The real app under gunicorn on a free loopback port."""

    def __init__(self, env: dict[str, str], workers: int = 2, threads: int = 4, log: str | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**env, "PUBLIC_URL": env.get("PUBLIC_URL") or self.url}
        self.cmd = [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--threads", str(threads),
                    "--worker-class", "gthread", "--bind", f"127.0.0.1:{self.port}", "--graceful-timeout", "5",
                    "--log-level", "warning", "app:create_app()"]
        self.log = log
        self.proc: subprocess.Popen | None = None

    def start(self) -> Served:
        self.proc = self._spawn(self.cmd, self.env)
        wait_until(lambda: self.proc.poll() is None and requests.get(self.url + "/healthz", timeout=2).status_code
                   in (200, 503), 60, "gunicorn to serve the app")
        return self

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


class Worker(_Process):
    """`flask --app app worker` (RQ with its scheduler and the sweeper) as a subprocess."""

    def __init__(self, env: dict[str, str], sweep_every: float = 10.0, log: str | None = None) -> None:
        self.env, self.log = env, log
        self.cmd = [sys.executable, "-m", "flask", "--app", "app", "worker", "--sweep-every", str(sweep_every)]
        self.proc: subprocess.Popen | None = None

    def start(self) -> Worker:
        self.proc = self._spawn(self.cmd, self.env)
        return self

    def kill(self) -> None:
        """SIGKILL: no clean-up, no chance to finish the job in hand."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # RQ finishes the job in hand, then exits
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()
