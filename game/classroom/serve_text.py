"""What ``agen class serve`` refuses before a class opens: codes whose text is in the catalogs."""

from __future__ import annotations

from game.errors import Codes


class ServeText(Codes):
    """A class that cannot be served as asked (the error's one line)."""

    CODE_SHAPE = "class.serve.code_shape"
    MINUTES = "class.serve.minutes"
    TAKEN = "class.serve.taken"
    SERVED = "class.serve.served"
