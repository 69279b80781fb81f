"""Photon Setup: takes a Particle Photon from power-on to online and owned by its customer."""

__version__ = "0.1.0"
