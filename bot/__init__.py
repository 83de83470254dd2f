"""Wiring: settings, the Application, and the `python -m bot` entry point."""
