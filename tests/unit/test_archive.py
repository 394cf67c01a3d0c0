"""The offline copy's zip: the same files give the same bytes, and it unpacks to them."""

import io
import os
import stat
import zipfile

from generator.archive import zip_folder
from tests.conftest import run_generator


def make_tree(root, when):
    (root / "drills" / "a").mkdir(parents=True)
    (root / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    (root / "drills" / "a" / "index.html").write_text("<h1>A</h1>", encoding="utf-8")
    (root / "assets.bin").write_bytes(bytes(range(256)))
    for path in root.rglob("*"):
        os.utime(path, (when, when))
    return root


def test_same_files_give_the_same_archive_whatever_their_dates(tmp_path):
    first = zip_folder(make_tree(tmp_path / "one", 1_000_000_000))
    second = zip_folder(make_tree(tmp_path / "two", 1_700_000_000))
    assert first == second


def test_archive_holds_every_file_under_its_prefix(tmp_path):
    data = zip_folder(make_tree(tmp_path / "site", 1_000_000_000), prefix="drill-handbook/")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == ["drill-handbook/assets.bin", "drill-handbook/drills/a/index.html",
                                      "drill-handbook/index.html"]
        assert archive.read("drill-handbook/assets.bin") == bytes(range(256))
        assert archive.testzip() is None


def test_zip_command_writes_a_readable_archive(tmp_path):
    site = make_tree(tmp_path / "site-offline", 1_000_000_000)
    target = tmp_path / "site" / "downloads" / "handbook-offline.zip"
    result = run_generator("zip", str(site), str(target))
    assert result.returncode == 0, result.stderr
    assert zipfile.is_zipfile(target)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600: a web server serves it


def test_zip_command_refuses_a_folder_without_a_site(tmp_path):
    result = run_generator("zip", str(tmp_path), str(tmp_path / "out.zip"))
    assert result.returncode == 1
    assert "build the site first" in result.stderr
    assert not (tmp_path / "out.zip").exists()
