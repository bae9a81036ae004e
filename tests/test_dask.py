"""The Dask path on a dask.distributed LocalCluster: the same functions a cluster would run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEEDS, require_module

require_module("dask.bag", "dask")  # skips the module without the extra; fails under CI
from dask.distributed import Client, LocalCluster  # noqa: E402

import bulletins.dask as bd  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as c,
    ):
        yield c


def test_documents_and_bulletins_on_a_local_cluster(client: Client) -> None:
    documents = bd.documents(str(SEEDS / "*.txt")).compute()
    assert sorted(len(d.bulletins) for d in documents) == [1, 4, 5, 17, 21]
    pairs = bd.bulletins(str(SEEDS / "*.txt")).compute()
    assert len(pairs) == 48 and {name for name, _ in pairs} == {p.name for p in SEEDS.glob("*.txt")}


def test_partitions_are_written_as_jsonl_and_tei(client: Client, tmp_path: Path) -> None:
    paths = bd.to_jsonl(bd.documents(str(SEEDS / "*.txt"), npartitions=2), str(tmp_path / "part-*.jsonl"))
    assert len(paths) == 2
    records = [json.loads(line) for path in paths for line in Path(path).read_text(encoding="utf-8").splitlines()]
    assert sum("bulletin" in r for r in records) == 48
    written = bd.to_files(bd.documents(str(SEEDS / "00[01]*.txt")), str(tmp_path / "tei"), "tei")
    assert sorted(Path(p).name for p in written) == ["000_2d494656d95ed764.tei.xml", "001_cb1989d8750bc7f6.tei.xml"]


def test_bad_files_do_not_stop_the_batch(client: Client, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes((SEEDS / "003_eb6abe27dfbda830.txt").read_bytes())
    (tmp_path / "bad.txt").write_bytes(bytes(range(256)) * 8)
    outcome = sorted(bd.results(str(tmp_path / "*.txt")).compute())
    assert [(Path(p).name, d is not None, e is None) for p, d, e in outcome] == [
        ("bad.txt", False, False),
        ("good.txt", True, True),
    ]
