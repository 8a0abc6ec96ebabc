"""Agen Perubahan: a leadership simulation for PKA civil-servant leadership training.

Packages, dependencies pointing one way: ``scenario`` <- ``engine`` <- ``results``,
``authoring`` <- ``ui``, ``cli``. Only ``ui`` imports pygame.
"""

from game import i18n  # noqa: F401  (installs the words every Message is said with)

__version__ = "0.1.0"

__all__ = ["__version__"]
