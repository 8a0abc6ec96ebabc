"""Class mode's server: the live class server (FastAPI on uvicorn), its pages, its store.
Stores through and verifies through :mod:`game.results`; nothing here imports pygame.

The game's side of class mode (the HTTP client, the outbox, ``agen simulate --join``) is
:mod:`game.classlink`; the two packages never import each other and meet only over HTTP.
The server modules import FastAPI, and are imported only by ``agen class serve``, the
results CLI (a class's stored scenario) and the tests.
"""
