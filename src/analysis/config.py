"""Paths and defaults, in one place."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# In a source checkout (src layout) the project root is two levels up.
PROJECT_ROOT = PACKAGE_DIR.parents[1]

SEEDS_DIR = PROJECT_ROOT / "seeds"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
FIGURES_DIR = PROJECT_ROOT / "figures"
REPORTS_DIR = PROJECT_ROOT / "reports"
DEFAULT_OUT_DIR = PROJECT_ROOT / "out" / "seeds"
SHARED_CORPORA = PROJECT_ROOT.parent / "shared" / "corpora"

# Candidate column / field names for records (JSON, CSV, Parquet); the first
# present wins unless the user names one.
TEXT_FIELDS = ("text", "content", "body", "article", "article_text")
ID_FIELDS = ("doc_id", "id", "docno", "DOCNO")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link")
OUTLET_FIELDS = ("outlet", "source", "src", "newspaper")
TIME_FIELDS = ("published", "date", "time", "date_published", "date_extracted")

# A text needs this many Arabic letters to count as Arabic.
MIN_ARABIC_LETTERS = 20
