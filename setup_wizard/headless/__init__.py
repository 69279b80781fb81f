"""``setup-wizard onboard``: the bench's device loop from a script, without a window (Qt-free).

The same flow as the wizard's bench mode (``setup_wizard.runtime`` with ``staff=True``):
the staff session, the ledger, the device steps. Only the choices are the options', and
the pages are lines on stderr.
"""
