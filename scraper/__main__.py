"""``python -m scraper extract ...`` runs the same command as the ``scraper`` script."""

import sys

from scraper.cli import main

if __name__ == "__main__":
    sys.exit(main())
