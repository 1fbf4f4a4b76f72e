"""A one-node Slurm cluster for the tests: munged, slurmctld and slurmd, all in one folder.

Debian's ``slurm-wlm`` and ``munge`` (installed by ``scripts/install-system-packages.sh``,
which ``make setup`` and ``make test`` run). The daemons run as root in the
foreground, as children of the test, with their configuration, state, logs
and pid files in the given folder, their sockets (munge's, slurmstepd's in
the spool dir) in a short temporary one (a Unix socket's path has at most
107 bytes, and pytest's folders are longer) and their ports free ones of this
machine; :func:`one_node_cluster` stops them by their pids when it ends,
whatever happened. ``proctrack/linuxproc`` and ``task/none``: no cgroups, so
it runs in a container too.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

#: The programs the cluster needs, and the Debian package of each.
PROGRAMS = {
    "munged": "munge",
    "slurmctld": "slurmctld (slurm-wlm)",
    "slurmd": "slurmd (slurm-wlm)",
    "sbatch": "slurm-client (slurm-wlm)",
    "squeue": "slurm-client (slurm-wlm)",
    "sinfo": "slurm-client (slurm-wlm)",
    "scontrol": "slurm-client (slurm-wlm)",
}
#: The longest wait for a daemon to come up or a job to end (generous: the machine is shared).
START_TIMEOUT = 60.0
POLL = 0.2
NODE = "whysigmoid-node"
#: A Unix socket's path is at most this long (``sun_path`` is 108 bytes with its NUL).
MAX_SOCKET_PATH = 107
#: The longest socket name slurmd's steps make in the spool dir: ``<node>_<job>.<step>``.
STEP_SOCKET = f"/{NODE}_{2**32 - 1}.{2**32 - 1}"
#: Queue reasons and node states that mean a job will not run without help.
STUCK = ("launch failed", "held", "drain", "down", "fail")
CONF = """\
ClusterName=whysigmoid-test
SlurmctldHost={host}(127.0.0.1)
SlurmctldPort={ctld_port}
SlurmdPort={slurmd_port}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket={munge_socket}
StateSaveLocation={root}/state
SlurmdSpoolDir={spool}
SlurmctldPidFile={root}/slurmctld.pid
SlurmdPidFile={root}/slurmd.pid
SlurmctldLogFile={root}/slurmctld.log
SlurmdLogFile={root}/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
SchedulerType=sched/backfill
PlugStackConfig={root}/plugstack.conf
NodeName={node} NodeHostname={host} NodeAddr=127.0.0.1 CPUs={cpus} State=UNKNOWN
PartitionName=test Nodes={node} Default=YES MaxTime=INFINITE State=UP
"""


class ClusterError(RuntimeError):
    """The cluster could not be started, or a job did not end in time."""


def missing_programs() -> list[str]:
    """The programs of :data:`PROGRAMS` not on the PATH (with their packages)."""
    return [f"{p} ({pkg})" for p, pkg in PROGRAMS.items() if shutil.which(p) is None]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(what: str, done, logs: list[Path], timeout: float = START_TIMEOUT):
    """Poll ``done()`` until it is truthy (its value) or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = done()
        if value:
            return value
        time.sleep(POLL)
    raise ClusterError(f"{what} not within {timeout:.0f} s\n{_tails(logs)}")


def _tails(logs: list[Path]) -> str:
    """The last lines of each log that exists."""
    return "\n".join(
        f"--- {log}:\n{log.read_text(errors='replace')[-2000:]}" for log in logs if log.exists()
    )


class Cluster:
    """A running one-node cluster: its environment for the Slurm commands, and helpers."""

    def __init__(self, root: Path, env: dict[str, str]):
        self.root = root
        self.env = env
        self.logs = [root / "munged.log", root / "slurmctld.log", root / "slurmd.log"]

    def command(self, *args: str, cwd: Path | None = None) -> str:
        """Run a Slurm command; its stdout (raises with its stderr if it fails)."""
        done = subprocess.run(
            args, env=self.env, cwd=cwd, capture_output=True, text=True, timeout=START_TIMEOUT
        )
        if done.returncode != 0:
            raise ClusterError(f"{' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def wait_for_jobs(self, job_ids: list[str], timeout: float) -> dict[str, str]:
        """Wait until the jobs (arrays: every task) left the queue; their tasks' states.

        Returns ``{JobID: State}`` from ``sacct``-less bookkeeping: ``scontrol show job``
        (kept by slurmctld for ``MinJobAge``, 300 s by default).
        """

        def finished():
            queued = self.command(
                "squeue", "--noheader", "--jobs", ",".join(job_ids), "--format", "%i %T %r"
            )
            node = self.command("sinfo", "--noheader", "--nodes", NODE, "--format", "%T %E")
            for line in [*queued.splitlines(), node.strip()]:
                if any(word in line.lower() for word in STUCK):
                    raise ClusterError(f"stuck: {line}\n{_tails(self.logs)}")
            return not queued.strip()

        _wait(f"jobs {job_ids} to finish", finished, self.logs, timeout)
        states = {}
        for job in job_ids:
            for record in self.command("scontrol", "--oneliner", "show", "job", job).splitlines():
                fields = dict(field.split("=", 1) for field in record.split() if "=" in field)
                task = fields.get("ArrayTaskId")
                name = f"{job}_{task}" if task else job
                states[name] = f"{fields.get('JobState')} exit {fields.get('ExitCode')}"
        return states


def _stop(process: subprocess.Popen, timeout: float = 20.0) -> None:
    """SIGTERM the daemon by its pid, then SIGKILL if it lingers; reap it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)


@contextlib.contextmanager
def one_node_cluster(root: Path, cpus: int = 2) -> Iterator[Cluster]:
    """Start munged, slurmctld and slurmd with their files in ``root``; stop them at the end.

    Parameters
    ----------
    root : Path
        A folder (made if missing, without ``state`` and ``munge`` in it) for the
        configuration, munge's key, the state, logs and pid files; the sockets
        and the spool dir go to a short temporary folder, removed at the end.
    cpus : int
        The node's CPUs (at most this machine's).

    Raises
    ------
    ClusterError
        A program is missing, this process is not root, the temporary folder's
        path is too long for a socket, or a daemon did not come up within
        :data:`START_TIMEOUT` (the daemons' logs are in the message).
    """
    missing = missing_programs()
    if missing:
        raise ClusterError(f"not installed: {', '.join(missing)} (run make setup)")
    if os.geteuid() != 0:
        raise ClusterError("the Slurm daemons must run as root (this process is not)")
    root.mkdir(parents=True, exist_ok=True)
    for folder in ("state", "munge"):
        (root / folder).mkdir()
    (root / "plugstack.conf").write_text("")
    key = root / "munge" / "munge.key"
    key.write_bytes(os.urandom(1024))
    key.chmod(0o400)
    conf = root / "slurm.conf"
    env = {**os.environ, "SLURM_CONF": str(conf)}
    cluster = Cluster(root, env)
    started: list[subprocess.Popen] = []

    def start(*args: str) -> None:
        with open(root / f"{Path(args[0]).name}.out", "wb") as log:
            started.append(subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT))

    sockets = Path(tempfile.mkdtemp(prefix="slurm-"))
    try:
        spool = sockets / "spool"
        spool.mkdir()
        munge_socket = sockets / "munge.socket"
        if len(os.fsencode(f"{spool}{STEP_SOCKET}")) > MAX_SOCKET_PATH:
            raise ClusterError(f"the temporary folder's path is too long for sockets: {sockets}")
        conf.write_text(
            CONF.format(
                host=socket.gethostname(),
                root=root,
                spool=spool,
                node=NODE,
                cpus=cpus,
                munge_socket=munge_socket,
                ctld_port=_free_port(),
                slurmd_port=_free_port(),
            )
        )
        start(
            "munged",
            "--foreground",
            "--force",
            f"--socket={munge_socket}",
            f"--key-file={key}",
            f"--pid-file={root / 'munge' / 'munged.pid'}",
            f"--log-file={root / 'munged.log'}",
            f"--seed-file={root / 'munge' / 'munged.seed'}",
        )
        _wait("munged's socket", munge_socket.exists, cluster.logs)
        start("slurmctld", "-D", "-i", "-f", str(conf))
        _wait("slurmctld to answer", lambda: _answers(cluster, "scontrol", "ping"), cluster.logs)
        start("slurmd", "-D", "-N", NODE, "-f", str(conf))
        _wait("the node to be idle", lambda: _node_idle(cluster), cluster.logs)
        yield cluster
    finally:
        for process in reversed(started):
            _stop(process)
        shutil.rmtree(sockets, ignore_errors=True)


def _answers(cluster: Cluster, *args: str) -> bool:
    try:
        return "UP" in cluster.command(*args)
    except ClusterError:
        return False


def _node_idle(cluster: Cluster) -> bool:
    try:
        state = cluster.command("sinfo", "--noheader", "--nodes", NODE, "--format", "%t")
    except ClusterError:
        return False
    return state.strip() == "idle"
