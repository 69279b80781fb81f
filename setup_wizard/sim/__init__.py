"""Simulated Particle Cloud, Photons and Wi-Fi, on 127.0.0.1 only.

Written from ``shared/reference/``, never from the client packages: nothing here may
import ``setup_wizard.device``, ``setup_wizard.cloud``, ``setup_wizard.network`` or
``setup_wizard.flow``, so that a misreading on one side is caught by the other.
"""
