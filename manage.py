#!/usr/bin/env python
"""Django's manage.py, for developers used to it; `teamaround` is the same command."""

from teamaround.cli import main

if __name__ == "__main__":
    main()
