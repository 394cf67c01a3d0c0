"""A folder as a zip archive, byte for byte the same for the same files.

Entries are sorted, dated 1980-01-01 and given fixed permissions, so two builds
of the same handbook give the same ``handbook-offline.zip`` whatever the clock
or the umask said."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

_EPOCH = (1980, 1, 1, 0, 0, 0)


def zip_folder(folder: Path, prefix: str = "") -> bytes:
    """Every file under ``folder``, as a deflated zip; entry names start with ``prefix``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(prefix + path.relative_to(folder).as_posix(), date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return buffer.getvalue()
