"""JupyterHub for a class: each student signs in, gets a server of their own, and lands on
the workbook's start page (Voilà); their case files live in their own home folder.

    jupyterhub -f deploy/jupyterhub/jupyterhub_config.py

As shipped it is a single machine, for a pilot or a test: the dummy authenticator lets
anyone in under any name (set CASEWORK_HUB_AUTH to your institution's authenticator,
e.g. "oauthenticator.GenericOAuthenticator", and configure it below), and the simple
local-process spawner runs every student's server as this user, with the home folder
CASEWORK_HUB_HOMES/<name>. For a class larger than one machine, use Zero to JupyterHub
on Kubernetes with `values.yaml` beside this file (see README.md here).

Settings read from the environment (defaults in brackets): CASEWORK_HUB_IP [127.0.0.1],
CASEWORK_HUB_PORT [8000], CASEWORK_HUB_API_PORT [8001], CASEWORK_HUB_INTERNAL_PORT
[8081], CASEWORK_HUB_HOMES [/tmp/casework-hub-homes], CASEWORK_HUB_STATE [the current
folder: the hub's database and cookie secret], CASEWORK_HUB_AUTH [dummy].
"""

import os
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
STATE = Path(os.environ.get("CASEWORK_HUB_STATE", "."))
IP = os.environ.get("CASEWORK_HUB_IP", "127.0.0.1")

c = get_config()  # noqa: F821  (JupyterHub provides it when it reads this file)

c.JupyterHub.ip = IP
c.JupyterHub.port = int(os.environ.get("CASEWORK_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = IP
c.JupyterHub.hub_port = int(os.environ.get("CASEWORK_HUB_INTERNAL_PORT", "8081"))
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")

# The proxy: configurable-http-proxy from npm, the copy `make test` installs if there is
# no system one.
c.ConfigurableHTTPProxy.api_url = f"http://{IP}:{os.environ.get('CASEWORK_HUB_API_PORT', '8001')}"
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
_local_proxy = REPO / "tests" / "browser" / "node_modules" / ".bin" / "configurable-http-proxy"
if not shutil.which("configurable-http-proxy") and _local_proxy.exists():
    c.ConfigurableHTTPProxy.command = [str(_local_proxy)]

c.JupyterHub.authenticator_class = os.environ.get("CASEWORK_HUB_AUTH", "dummy")
if c.JupyterHub.authenticator_class == "dummy":
    c.Authenticator.allow_all = True

# Every student's own server, in their own home: the workbook keeps case files under
# $HOME/.local/share/casework, so nobody sees anyone else's.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = (
    os.environ.get("CASEWORK_HUB_HOMES", "/tmp/casework-hub-homes") + "/{username}"
)
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.notebook_dir = str(REPO / "notebooks")
c.Spawner.default_url = "/voila/render/00_start.ipynb"
# The same Voilà settings as `make app` (voila.json): no code, no tracebacks, patient
# kernels; a student's server stops after an hour without use.
c.Spawner.args = [
    "--VoilaConfiguration.show_tracebacks=False",
    "--VoilaConfiguration.strip_sources=True",
    "--VoilaExecutor.iopub_timeout=120",
    "--VoilaExecutor.startup_timeout=180",
    "--ServerApp.shutdown_no_activity_timeout=3600",
]
if os.geteuid() == 0:
    # The simple spawner runs servers as the hub's own user; in a root container (CI) the
    # server refuses to start without this. Production spawners run each student as
    # their own unprivileged user.
    c.Spawner.args.append("--ServerApp.allow_root=True")
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
