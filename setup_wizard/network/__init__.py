"""Joining the Photon's Wi-Fi and giving the computer its own Wi-Fi back."""
