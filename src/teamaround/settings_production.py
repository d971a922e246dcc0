"""Production settings: the base settings, hardened. Required variables fail loudly.

Set DJANGO_SETTINGS_MODULE=teamaround.settings_production with DJANGO_SECRET_KEY,
DJANGO_ALLOWED_HOSTS and DATABASE_URL in the environment.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from teamaround.settings import *  # noqa: F403
from teamaround.settings import env_bool, env_list

DEBUG = False
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("insecure"):
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a random value of 50 or more characters.")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS to the host names the service answers on.")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("Set DATABASE_URL: production runs on PostgreSQL.")

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

TEAMAROUND_DEMO_SITE = env_bool("TEAMAROUND_DEMO_SITE", False)
TEAMAROUND_ACCEPT_TEST_NHS_NUMBERS = env_bool(
    "TEAMAROUND_ACCEPT_TEST_NHS_NUMBERS", TEAMAROUND_DEMO_SITE
)
# The staff API's schema and docs are for signed-in staff only.
TEAMAROUND_API_DOCS_PUBLIC = env_bool("TEAMAROUND_API_DOCS_PUBLIC", False)

# Every staff role signs in with a TOTP app in production unless the council narrows it.
TEAMAROUND_TWO_FACTOR_REQUIRED_ROLES = env_list("TEAMAROUND_TWO_FACTOR_REQUIRED_ROLES", "all")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
