"""Entry point of the PyInstaller bundle: the same `meelezer` command the wheel installs."""

import sys

from meelezer.cli import main

if __name__ == "__main__":
    sys.exit(main())
