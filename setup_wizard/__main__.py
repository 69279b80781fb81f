from setup_wizard.app import main

raise SystemExit(main())
