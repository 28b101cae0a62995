"""JupyterHub for a class: each student signs in, gets a server of their own that serves
the workbook and nothing else, and lands on its start page (Voilà); their case files
live in their own home folder.

    jupyterhub -f deploy/jupyterhub/jupyterhub_config.py

Safe by default: it refuses to start rather than run an open server.
- Dummy sign-in (anyone, any name, any password) starts only when
  CASEWORK_HUB_LOCAL_TRIAL=yes says this is a trial on this machine, and then only on
  the loopback address. For a class, set CASEWORK_HUB_AUTH to your institution's
  authenticator (e.g. "oauthenticator.GenericOAuthenticator", configured below) and
  CASEWORK_HUB_ALLOWED_USERS to who may sign in.
- Hub state and homes live outside /tmp and outside the repository.
- A student's server loads Voilà only: no JupyterLab, no terminals, and the contents
  API and kernel list are refused (singleuser_config.py, casework/hub.py).
- The notebooks every student's apps run from must not be writable by others.
For a class larger than one machine, use Zero to JupyterHub with `values.yaml` (README).

Settings read from the environment (defaults in brackets): CASEWORK_HUB_IP [127.0.0.1],
CASEWORK_HUB_PORT [8000], CASEWORK_HUB_API_PORT [8001], CASEWORK_HUB_INTERNAL_PORT
[8081], CASEWORK_HUB_STATE [~/.local/share/casework-hub: the hub's database and cookie
secret], CASEWORK_HUB_HOMES [<state>/homes], CASEWORK_HUB_AUTH [dummy],
CASEWORK_HUB_LOCAL_TRIAL [unset], CASEWORK_HUB_ALLOWED_USERS [unset: comma-separated
names], CASEWORK_HUB_SSL_CERT and CASEWORK_HUB_SSL_KEY [unset: TLS, or put the hub
behind a TLS proxy and set CASEWORK_HUB_BEHIND_TLS_PROXY=yes].
"""

import os
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
STATE = Path(
    os.environ.get("CASEWORK_HUB_STATE") or Path.home() / ".local" / "share" / "casework-hub"
).resolve()
HOMES = Path(os.environ.get("CASEWORK_HUB_HOMES") or STATE / "homes").resolve()
IP = os.environ.get("CASEWORK_HUB_IP", "127.0.0.1")
AUTH = os.environ.get("CASEWORK_HUB_AUTH", "dummy")
LOCAL_TRIAL = os.environ.get("CASEWORK_HUB_LOCAL_TRIAL", "").strip().lower() == "yes"
ALLOWED = {n.strip() for n in os.environ.get("CASEWORK_HUB_ALLOWED_USERS", "").split(",") if n.strip()}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def refuse(why: str) -> None:
    """Stop before anything listens: an unsafe start is refused, not warned about."""
    print(f"casework hub: refusing to start. {why}", file=sys.stderr)
    raise SystemExit(2)


if AUTH == "dummy" and not LOCAL_TRIAL:
    refuse(
        "Dummy sign-in lets anyone in under any name and any password. For a trial on this "
        "machine only, set CASEWORK_HUB_LOCAL_TRIAL=yes; for a class, set CASEWORK_HUB_AUTH "
        "to your institution's authenticator (deploy/jupyterhub/README.md)."
    )
if AUTH == "dummy" and IP not in LOOPBACK:
    refuse(f"A local trial with dummy sign-in listens on this machine only, not on {IP}.")
if AUTH != "dummy" and not ALLOWED:
    refuse("Name who may sign in: CASEWORK_HUB_ALLOWED_USERS=ana,ben,... (comma-separated).")
TLS = bool(os.environ.get("CASEWORK_HUB_SSL_CERT") and os.environ.get("CASEWORK_HUB_SSL_KEY"))
BEHIND_PROXY = os.environ.get("CASEWORK_HUB_BEHIND_TLS_PROXY", "").strip().lower() == "yes"
if IP not in LOOPBACK and not (TLS or BEHIND_PROXY):
    refuse(
        f"Listening on {IP} needs TLS: set CASEWORK_HUB_SSL_CERT and CASEWORK_HUB_SSL_KEY, "
        "or run behind a TLS proxy and set CASEWORK_HUB_BEHIND_TLS_PROXY=yes."
    )
for name, folder in (("CASEWORK_HUB_STATE", STATE), ("CASEWORK_HUB_HOMES", HOMES)):
    if folder.is_relative_to("/tmp") or folder.is_relative_to(REPO):
        refuse(
            f"{name} ({folder}) is inside /tmp or the repository: the hub's secrets and the "
            "students' case files need a lasting, private place (e.g. /var/lib/casework-hub)."
        )
_notebooks = REPO / "notebooks"
_writable = [
    p.name for p in (_notebooks, *_notebooks.glob("*.ipynb")) if p.stat().st_mode & 0o022
]
if _writable:
    refuse(
        f"The notebooks every student's apps run from are writable by others ({', '.join(_writable)}): "
        f"chmod go-w {_notebooks} {_notebooks}/*.ipynb"
    )
STATE.mkdir(parents=True, exist_ok=True, mode=0o700)

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

c.JupyterHub.authenticator_class = AUTH
if AUTH == "dummy":
    c.Authenticator.allow_all = True  # a local trial only (checked above)
else:
    c.Authenticator.allowed_users = ALLOWED
if TLS:
    c.JupyterHub.ssl_cert = os.environ["CASEWORK_HUB_SSL_CERT"]
    c.JupyterHub.ssl_key = os.environ["CASEWORK_HUB_SSL_KEY"]

# Every student's own server, in their own home: the workbook keeps case files under
# $HOME/.local/share/casework, so nobody sees anyone else's.
SPAWNER = os.environ.get("CASEWORK_HUB_SPAWNER", "simple")
if SPAWNER == "simple" and not LOCAL_TRIAL:
    refuse(
        "The simple spawner runs every student's server as one system user, who could read "
        "each other's case files. For a class, set CASEWORK_HUB_SPAWNER to a spawner that "
        "runs each student as their own user (localprocess with system accounts, "
        "systemdspawner.SystemdSpawner) or in a container (dockerspawner.DockerSpawner)."
    )
c.JupyterHub.spawner_class = SPAWNER
c.SimpleLocalProcessSpawner.home_dir_template = str(HOMES) + "/{username}"
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.notebook_dir = str(REPO / "notebooks")
c.Spawner.default_url = "/voila/render/00_start.ipynb"
# Voilà only, the same settings as `make app`; see singleuser_config.py.
c.Spawner.args = [f"--config={HERE / 'singleuser_config.py'}"]
if os.geteuid() == 0 and SPAWNER == "simple":
    # A local trial in a root container (CI) only: the simple spawner runs servers as the
    # hub's own user, and the server refuses root without this. A class never gets here
    # (refused above): its spawner runs each student as their own unprivileged user.
    c.Spawner.args.append("--ServerApp.allow_root=True")
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
