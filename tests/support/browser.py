"""What the browser tests share besides their fixtures."""

from __future__ import annotations

# Where "Snel weg" goes; answered by the test itself (page.route), so no internet is needed.
EXIT_URL = "https://www.google.nl/"
