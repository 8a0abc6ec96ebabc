"""The screens of the game, one per module; each handles an event and returns the next."""
