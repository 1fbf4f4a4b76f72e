"""The ``whysigmoid`` command group and its entry point."""

from __future__ import annotations

import errno

import click

__all__ = ["STORAGE_ERRNOS", "cli", "main", "os_error_line"]

#: What to do about the operating system errors a command meets most.
OS_ERROR_FIXES = {
    errno.EROFS: "write somewhere writable (--media-dir)",
    errno.EACCES: "write somewhere you may write (--media-dir) or fix the permissions",
    errno.EPERM: "write somewhere you may write (--media-dir) or fix the permissions",
    errno.ENOSPC: "free space there or choose another --media-dir",
    errno.EDQUOT: "free space there or choose another --media-dir",
    errno.ENOENT: "check the path",
    errno.ENOTDIR: "check the path: a file is where a folder should be",
}
#: Errors about where files are written, never about a scene's code: a render
#: that meets one (in this process or in a worker) ends with
#: :func:`os_error_line`, not with the scene's name and line.
STORAGE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})


def os_error_line(error: OSError) -> str:
    """One line for ``error``: the path(s), the system's message and the fix.

    Parameters
    ----------
    error : OSError
        Any error from the operating system (``filename`` may be None).

    Returns
    -------
    str
        E.g. ``"error: /m/preview/index.html: Read-only file system (fix: ...)"``.
    """
    paths = [str(p) for p in (error.filename, error.filename2) if p is not None]
    message = error.strerror or str(error) or type(error).__name__
    where = " -> ".join(paths) + ": " if paths else ""
    fix = OS_ERROR_FIXES.get(error.errno)
    return f"error: {where}{message}" + (f" (fix: {fix})" if fix else "")


class Group(click.Group):
    """A click group whose commands end on an ``OSError`` with one line and exit 1."""

    def invoke(self, ctx: click.Context):
        """Run the command; an ``OSError`` becomes :func:`os_error_line` on stderr, exit 1."""
        try:
            return super().invoke(ctx)
        except OSError as error:
            if error.errno == errno.EPIPE:  # click's own handling: a closed pipe
                raise
            click.echo(os_error_line(error), err=True)
            raise SystemExit(1) from None


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="whysigmoid")
def cli() -> None:
    """Render the explainer videos of the blog post "Why so sigmoid?"."""


def main() -> None:
    """Run the command line (the `whysigmoid` command comes here through `whysigmoid.launch`).

    The commands register themselves with :data:`cli` when
    :mod:`whysigmoid.cli` is imported..
    """
    cli(prog_name="whysigmoid")
