"""Convert Word's other files (.doc, .wps, .rtf, .odt) to .docx with LibreOffice, as untrusted input.

The bytes are someone else's file, so the converter runs boxed in:

* a time limit (``timeout``); a conversion still running then is killed with its whole process
  group, and that file gets one error — the next file is not held up;
* a throwaway profile (``-env:UserInstallation`` in a fresh temporary folder, removed after),
  so no state is shared between files or with the user's own LibreOffice;
* macros off: LibreOffice's headless conversion does not run document macros by default
  (macro security ``High`` runs only signed macros from trusted locations, and a fresh profile
  trusts none); the profile is written before the run with macro security ``Very high``
  (``MacroSecurityLevel`` 3) and ``DisableMacrosExecution`` set, so that stays true whatever
  the installation's defaults;
* ``--norestore --nolockcheck --nodefault --headless --invisible``: no recovery dialogue, no lock
  files beside the input, no start centre; stdin is closed.

A crashed conversion (non-zero exit, or no output file) is that file's error, quoting the last
line LibreOffice printed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..errors import ReadError

PACKAGE = "libreoffice-writer-nogui"
"""Debian/Ubuntu package that provides a headless ``soffice`` with the Writer filters."""

DEFAULT_TIMEOUT = 120.0
"""Seconds a conversion may take (a cold start with a fresh profile takes 2–5 s)."""

_SCRIPTING = "/org.openoffice.Office.Common/Security/Scripting"
_SETTINGS = (
    (_SCRIPTING, "MacroSecurityLevel", "3"),  # Very high: only macros from trusted locations, and there are none
    (_SCRIPTING, "DisableMacrosExecution", "true"),
    (_SCRIPTING, "BlockUntrustedRefererLinks", "true"),
    ("/org.openoffice.Office.Common/Misc", "FirstRun", "false"),
)
_PROFILE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry"'
    ' xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
    + "".join(
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop></item>\n'
        for path, name, value in _SETTINGS
    )
    + "</oor:items>\n"
)


def soffice() -> str | None:
    """Return the path of LibreOffice's ``soffice`` (or ``libreoffice``) on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def missing_message(what: str) -> str:
    """The one-line error for a file that needs LibreOffice where none is installed."""
    return (
        f"{what} needs LibreOffice to be read: soffice is not on PATH"
        f" (Debian/Ubuntu: apt-get install {PACKAGE}; or save the file as .docx)"
    )


def to_docx(data: bytes, suffix: str, *, source: str | None, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """Convert *data* (a file whose format *suffix* names, e.g. ``.doc``) to .docx bytes.

    Args:
        data: The file's bytes.
        suffix: Its format's suffix with the dot; LibreOffice detects the format by content,
            the suffix only helps it choose.
        source: The input's name, for messages.
        timeout: Seconds before the conversion is killed.

    Raises:
        ReadError: LibreOffice is not installed, timed out, crashed, or wrote no .docx.
    """
    exe = soffice()
    if exe is None:
        raise ReadError(missing_message(f"a {suffix} file"), source=source)
    with tempfile.TemporaryDirectory(prefix="bulletins-soffice-") as tmp:
        root = Path(tmp)
        profile = root / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
        given = root / f"input{suffix}"
        given.write_bytes(data)
        out = root / "out"
        command = [
            exe,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            "--nologo",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(given),
        ]
        env = {**os.environ, "HOME": str(root), "TMPDIR": str(root)}
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            start_new_session=True,  # its own process group, so a hung conversion dies whole
        )
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(process)
            raise ReadError(
                f"LibreOffice did not convert the {suffix} file within {timeout:g} s and was stopped"
                " (reader option timeout raises the limit)",
                source=source,
            ) from None
        converted = out / "input.docx"
        if process.returncode != 0 or not converted.is_file():
            said = (stderr or stdout).decode("utf-8", "replace").strip().splitlines()
            last = said[-1] if said else "no message"
            raise ReadError(
                f"LibreOffice could not convert the {suffix} file (exit status {process.returncode}: {last})",
                source=source,
            )
        return converted.read_bytes()


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Kill a conversion and everything it started (soffice forks oosplash → soffice.bin)."""
    with contextlib.suppress(ProcessLookupError):  # it may end between the timeout and the kill
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()
