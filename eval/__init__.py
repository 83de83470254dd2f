"""Evaluation of free-text answers: a question set run through the real handlers."""
