"""``python -m game`` is the same as the ``agen`` command."""

from game.cli import main

if __name__ == "__main__":
    main()
