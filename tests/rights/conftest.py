from tests.rights.engine import rights_engine  # noqa: F401 — the session's engine process
