"""Upgrade steps: one sub-package per step (``v1001/``), each registered in configure.zcml.

A step's ``configure.zcml`` registers ``genericsetup:upgradeSteps`` from the previous profile
version to its own, and its handlers live beside it.
"""
