"""Deployments: found sentence by sentence (``find``), with the rules for their senders,
places, counts, status and requests in modules of their own."""

from kg.extract.deployments.find import find_deployments

__all__ = ["find_deployments"]
