"""The game in the browser: a class's participants play from a phone at ``/p/CODE``.

The server plays each browser seat's game (:mod:`.seat_play`), rebuilt from the store on
every request; pages are server-rendered (``templates/play/``, :mod:`.render`).
"""
