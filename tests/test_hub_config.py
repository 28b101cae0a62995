"""The JupyterHub config is safe by default (issue 17): an unsafe start is refused, with
a message that says what to set, before anything listens."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from traitlets.config import PyFileConfigLoader

from casework.hub import allowed

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / "deploy" / "jupyterhub" / "jupyterhub_config.py"
_HUB_ENV = (
    "CASEWORK_HUB_AUTH",
    "CASEWORK_HUB_LOCAL_TRIAL",
    "CASEWORK_HUB_ALLOWED_USERS",
    "CASEWORK_HUB_IP",
    "CASEWORK_HUB_STATE",
    "CASEWORK_HUB_HOMES",
    "CASEWORK_HUB_SPAWNER",
    "CASEWORK_HUB_SSL_CERT",
    "CASEWORK_HUB_SSL_KEY",
    "CASEWORK_HUB_BEHIND_TLS_PROXY",
)


@pytest.fixture
def lasting_state():
    """A state folder outside /tmp, as the config demands."""
    folder = Path(tempfile.mkdtemp(prefix="casework-hub-config-", dir="/var/tmp"))
    yield folder
    subprocess.run(["rm", "-rf", str(folder)], check=False)


def _load(monkeypatch, **env: str):
    for name in _HUB_ENV:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    loader = PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent))
    return loader.load_config()


def test_starting_the_hub_with_dummy_sign_in_and_no_opt_in_is_refused(lasting_state):
    env = {k: v for k, v in os.environ.items() if k not in _HUB_ENV}
    env["CASEWORK_HUB_STATE"] = str(lasting_state)
    started = subprocess.run(
        [sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)],
        cwd=lasting_state,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert started.returncode != 0
    assert (
        "refusing to start" in started.stderr and "CASEWORK_HUB_LOCAL_TRIAL=yes" in started.stderr
    )
    assert not (lasting_state / "jupyterhub.sqlite").exists()  # nothing was set up


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"CASEWORK_HUB_LOCAL_TRIAL": "yes", "CASEWORK_HUB_IP": "0.0.0.0"}, "this machine only"),
        (
            {"CASEWORK_HUB_AUTH": "oauthenticator.GenericOAuthenticator"},
            "CASEWORK_HUB_ALLOWED_USERS",
        ),
        (
            {"CASEWORK_HUB_AUTH": "pam", "CASEWORK_HUB_ALLOWED_USERS": "ana"},
            "simple spawner runs every student's server as one system user",
        ),
        (
            {
                "CASEWORK_HUB_AUTH": "pam",
                "CASEWORK_HUB_ALLOWED_USERS": "ana",
                "CASEWORK_HUB_SPAWNER": "localprocess",
                "CASEWORK_HUB_IP": "0.0.0.0",
            },
            "needs TLS",
        ),
        (
            {"CASEWORK_HUB_LOCAL_TRIAL": "yes", "CASEWORK_HUB_STATE": "/tmp/hub-state"},
            "inside /tmp",
        ),
        (
            {"CASEWORK_HUB_LOCAL_TRIAL": "yes", "CASEWORK_HUB_HOMES": str(REPO / "homes")},
            "the repository",
        ),
    ],
)
def test_each_unsafe_start_is_refused_with_what_to_set(
    monkeypatch, capsys, lasting_state, env, says
):
    env.setdefault("CASEWORK_HUB_STATE", str(lasting_state))
    with pytest.raises(SystemExit):
        _load(monkeypatch, **env)
    assert says in capsys.readouterr().err


def test_a_local_trial_loads_voila_only_with_state_outside_tmp(monkeypatch, lasting_state):
    config = _load(
        monkeypatch, CASEWORK_HUB_LOCAL_TRIAL="yes", CASEWORK_HUB_STATE=str(lasting_state)
    )
    assert config.JupyterHub.authenticator_class == "dummy"
    assert config.JupyterHub.db_url == f"sqlite:///{lasting_state / 'jupyterhub.sqlite'}"
    assert config.Spawner.args[0].endswith("singleuser_config.py")
    single = PyFileConfigLoader("singleuser_config.py", path=str(CONFIG.parent)).load_config()
    assert single.ServerApp.jpserver_extensions["jupyterlab"] is False
    assert single.ServerApp.authorizer_class == "casework.hub.WorkbookOnlyAuthorizer"


def test_a_class_with_real_sign_in_gets_an_allowed_list_and_tls(monkeypatch, lasting_state):
    config = _load(
        monkeypatch,
        CASEWORK_HUB_AUTH="pam",
        CASEWORK_HUB_ALLOWED_USERS="ana, ben",
        CASEWORK_HUB_SPAWNER="localprocess",
        CASEWORK_HUB_IP="0.0.0.0",
        CASEWORK_HUB_SSL_CERT="/etc/ssl/hub.crt",
        CASEWORK_HUB_SSL_KEY="/etc/ssl/hub.key",
        CASEWORK_HUB_STATE=str(lasting_state),
    )
    assert config.Authenticator.allowed_users == {"ana", "ben"}
    assert config.JupyterHub.ssl_cert == "/etc/ssl/hub.crt"
    assert not any("allow_root" in arg for arg in config.Spawner.args)


@pytest.mark.parametrize(
    ("resource", "path", "ok"),
    [
        ("kernels", "/user/ana/api/kernels", False),  # the list, or starting another
        ("kernels", "/user/ana/api/kernels/3f2a9c1e-0b4d-4e7a-9d1c-2a3b4c5d6e7f", True),
        ("kernels", "/user/ana/api/kernels/3f2a9c1e-0b4d-4e7a-9d1c-2a3b4c5d6e7f/channels", True),
        ("contents", "/user/ana/api/contents", False),
        ("terminals", "/user/ana/api/terminals", False),
        ("sessions", "/user/ana/api/sessions", False),
        ("kernelspecs", "/user/ana/api/kernelspecs", True),
    ],
)
def test_a_students_server_lets_through_only_what_a_workbook_page_uses(resource, path, ok):
    assert allowed(resource, path) is ok


def test_the_hubs_voila_pages_get_what_casework_serve_gives_them():
    import tornado.web
    from voila.tornado.handler import TornadoVoilaHandler

    from casework.hub import care_for_voila_pages

    app = tornado.web.Application()
    app.add_handlers(
        ".*$",
        [(r"/voila/render/(.*)", TornadoVoilaHandler), (r"/other", tornado.web.RequestHandler)],
    )
    assert care_for_voila_pages(app) == 1
    assert care_for_voila_pages(app) == 0  # wrapped once, however often it runs
    targets = [
        rule.target
        for host in app.default_router.rules
        for rule in getattr(host.target, "rules", [])
    ]
    (cared,) = [t for t in targets if getattr(t, "casework_cared_for", False)]
    assert issubclass(cared, TornadoVoilaHandler)
