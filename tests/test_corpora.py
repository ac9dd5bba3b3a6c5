"""The real corpora beside the project load completely (skipped when absent).

Inputs in = manifest rows out, counted independently of the loader.
"""

import json
import tarfile
import zipfile

import polars as pl
import pytest

from analysis import config
from analysis.corpus import load_corpus

ANT = config.SHARED_CORPORA / "ant-2.1"
SAUDI = config.SHARED_CORPORA / "saudinewsnet"

pytestmark = pytest.mark.corpora


@pytest.fixture(scope="module")
def ant():
    if not ANT.exists():
        pytest.skip(f"ANT corpus not present at {ANT}")
    return load_corpus(ANT, progress=False)


@pytest.fixture(scope="module")
def saudi():
    if not SAUDI.exists():
        pytest.skip(f"SaudiNewsNet not present at {SAUDI}")
    return load_corpus(SAUDI, progress=False)


def test_ant_every_file_accounted_for(ant):
    documents, manifest = ant
    members = 0
    for archive in ANT.glob("*.tar.gz"):
        with tarfile.open(archive) as tar:
            members += sum(1 for m in tar.getmembers() if m.isfile())
    assert manifest.height == members
    assert manifest.filter(pl.col("status") == "loaded").height == documents.height
    # ANT repeats some articles under several categories: those are duplicates, not losses
    rejected = manifest.filter(pl.col("status") == "rejected")
    assert rejected.height <= 0.001 * members, rejected
    assert documents.height >= 0.9 * members
    assert set(documents["format"]) == {"trec"}
    assert documents["published"].null_count() == 0, "every ANT article has its <TIME>"
    assert documents["published_basis"].unique().to_list() == ["source"]
    assert documents["outlet"].n_unique() == 5


def test_saudinewsnet_every_record_accounted_for(saudi):
    documents, manifest = saudi
    records = 0
    for archive in SAUDI.glob("*.zip"):
        with zipfile.ZipFile(archive) as z:
            for name in z.namelist():
                if name.endswith(".json"):
                    records += len(json.loads(z.read(name)))
    assert manifest.height == records
    assert manifest.filter(pl.col("status") == "loaded").height == documents.height
    assert documents.height >= 0.85 * records
    problems = manifest.filter(pl.col("status") != "loaded")
    assert problems["reason"].is_not_null().all()
    assert manifest.filter(pl.col("status") == "rejected").height <= 0.03 * records
    assert documents["published_basis"].unique().to_list() == ["source"]  # date_extracted: crawl time
