"""A student's single-user server on JupyterHub: the workbook and nothing else.

The hub starts each student's server with `--config` pointing here. Only Voilà is
loaded (no JupyterLab, no classic notebook, no terminals), and `WorkbookOnlyAuthorizer`
refuses the contents, sessions and terminals APIs and the kernel list: a student gets the
workbook's pages and the one kernel each page runs.
"""

c = get_config()  # noqa: F821  (Jupyter provides it when it reads this file)

c.ServerApp.jpserver_extensions = {
    "voila": True,
    "jupyterlab": False,
    "notebook": False,
    "nbclassic": False,
    "notebook_shim": False,
    "jupyter_lsp": False,
    "jupyter_server_terminals": False,
    "jupyterlab_server": False,
    # the lost-text guard, the kernel cap and the instructor's pages withheld, as with
    # `casework serve` (casework/hub.py)
    "casework.hub": True,
}
c.ServerApp.terminals_enabled = False
c.ServerApp.authorizer_class = "casework.hub.WorkbookOnlyAuthorizer"
# The same Voilà settings as `make app` (voila.json): no code, no tracebacks, patient
# kernels, a closed page's kernel freed; the server stops after an hour without use.
c.VoilaConfiguration.show_tracebacks = False
c.VoilaConfiguration.strip_sources = True
c.VoilaExecutor.iopub_timeout = 120
c.VoilaExecutor.startup_timeout = 180
c.MappingKernelManager.cull_idle_timeout = 60
c.MappingKernelManager.cull_interval = 15
c.MappingKernelManager.cull_connected = False
c.ServerApp.shutdown_no_activity_timeout = 3600
