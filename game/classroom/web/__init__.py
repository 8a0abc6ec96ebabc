"""The browser game: the play pages a participant opens from the class QR code."""
