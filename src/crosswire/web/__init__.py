"""The web UI and JSON API (``crosswire serve``); needs the ``web`` extra (FastAPI, uvicorn)."""
