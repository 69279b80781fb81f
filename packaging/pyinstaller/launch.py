"""The bundle's entry script: the same commands as ``setup-wizard``, through ``gui_main``,
which also copes with the missing console of a windowed executable on Windows."""

from setup_wizard.app import gui_main

raise SystemExit(gui_main())
