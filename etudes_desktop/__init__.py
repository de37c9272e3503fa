"""Études terrain: encrypted field survey collection for the insurer's studies."""

APP_NAME = "Études terrain"
APP_ID = "etudes_desktop"
APP_AUTHOR = "EtudesTerrain"
__version__ = "0.1.0"
