import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from casework.scenarios import load_catalogue
from casework.store import CaseStore

REPO = Path(__file__).resolve().parent.parent
_SESSION_HOME = tempfile.mkdtemp(prefix="casework-test-home-")

# Properties are about behaviour, not speed: no per-example deadline on a busy CI machine.
settings.register_profile("casework", deadline=None)
settings.load_profile("casework")


def pytest_configure(config: pytest.Config) -> None:
    # Never touch a real user's case files: nbval kernels and Voilà inherit this.
    os.environ["CASEWORK_HOME"] = _SESSION_HOME


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_SESSION_HOME, ignore_errors=True)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CASEWORK_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def store(home: Path) -> CaseStore:
    return CaseStore()


@pytest.fixture(scope="session")
def catalogue():
    loaded = load_catalogue()
    assert not loaded.errors, [str(e) for e in loaded.errors]
    return loaded


@pytest.fixture
def eviction(catalogue):
    return catalogue.scenarios["eviction-family"]
