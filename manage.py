#!/usr/bin/env python
import os
import secrets
import sys

# Commands that only read the models and write or compare migration files: they never sign,
# hash or serve anything, so they run without a SECRET_KEY (the settings refuse to load
# without one unless DEBUG is on). Each run gets a throwaway random key; every other command,
# the server above all, still refuses.
KEYLESS_COMMANDS = {"makemigrations", "showmigrations", "sqlmigrate"}


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kb.settings")
    if len(sys.argv) > 1 and sys.argv[1] in KEYLESS_COMMANDS:
        os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
        os.environ.setdefault("ALLOWED_HOSTS", "localhost")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
