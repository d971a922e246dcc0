"""Backups that restore: `teamaround backup` and `teamaround restore` (see the README's
recovery procedure). `sealed` is the encrypted container, `tables` the manifest's row
counts and checksums, `engines` the SQLite and PostgreSQL specifics."""
