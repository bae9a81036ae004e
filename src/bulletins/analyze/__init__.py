"""In-line analysers used by :mod:`bulletins.build`: dates, datelines, markers, headlines, genres."""
