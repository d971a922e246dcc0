"""Project wiring. Everything that differs between machines comes from environment variables.

SQLite is the embedded default so that `make demo` needs nothing installed; production sets
DATABASE_URL to PostgreSQL. `settings_production` tightens this file for a real deployment.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable; anything but 1/true/yes/on is false."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


# Off unless a developer asks for it (DJANGO_DEBUG=1): the demo's errors then look like the
# service, and Django's debug page (which lists every route) is never shown to a visitor.
DEBUG = env_bool("DJANGO_DEBUG", False)
# The development key is public on purpose: production settings refuse to start without their own.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-development-key-not-for-production")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "corsheaders",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django_ratelimit",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "django_tasks_db",
    "teamaround.core",
    "teamaround.accounts",
    "teamaround.people",
    "teamaround.governance",
    "teamaround.directory",
    "teamaround.frontdoor",
    "teamaround.earlyhelp",
    "teamaround.panels",
    "teamaround.commissioning",
    "teamaround.socialcare",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "teamaround.core.headers.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "teamaround.core.input_guard.RefuseNulMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "teamaround.core.middleware.RequestContextMiddleware",
    "teamaround.core.errors_middleware.DomainErrorMiddleware",
    "teamaround.accounts.middleware.TwoFactorRequiredMiddleware",
    "axes.middleware.AxesMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
]

# Cross-origin reads of the Open Referral UK feed, and only of it: any site may read the
# public directory (ORUK's compliance rules), no cookies go with it, nothing else is opened.
CORS_URLS_REGEX = r"^/services/oruk(/.*)?$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

# Headers on every response (core.headers): a strict Content-Security-Policy (django-csp; all
# scripts and styles are files of our own, a page's own <style> carries the request's nonce),
# Permissions-Policy, Referrer-Policy and Cache-Control: no-store.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_REFERRER_POLICY = "same-origin"

ROOT_URLCONF = "teamaround.urls"
WSGI_APPLICATION = "teamaround.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "teamaround.core.context_processors.service",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{PROJECT_DIR / 'teamaround.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the demo server read while a seed or import writes. Every transaction takes
    # the write lock when it begins (IMMEDIATE), and waits up to `timeout` seconds for it: two
    # saves at once queue, and the second gets the conflict page (core.updates), never
    # "database is locked" from a read lock that cannot be upgraded.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": int(os.environ.get("SQLITE_TIMEOUT_SECONDS", "20")),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "teamaround.accounts.passwords.RepetitionValidator"},
]
# Forgotten passwords are reset by a link e-mailed to the user (valid for an hour). The demo
# prints the e-mail on the console; production sets the SMTP server.
EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "teamaround@localhost")
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_TIMEOUT", str(60 * 60)))
# The staff API's OpenAPI schema and Swagger docs: open on a demo site, signed-in staff only in
# production (core.api_docs). The ORUK API's own document is always open.
TEAMAROUND_API_DOCS_PUBLIC = env_bool("TEAMAROUND_API_DOCS_PUBLIC", True)
# Break-glass access (people): which roles may take it (the casework roles by default: not
# commissioners, analysts, panel chairs or partner practitioners such as a school's lead), how
# long it lasts, and who reviews it when the user's team has no manager (a username; else the
# longest-serving administrator).
TEAMAROUND_BREAK_GLASS_ROLES = env_list(
    "TEAMAROUND_BREAK_GLASS_ROLES",
    "hub_screener,hub_social_worker,family_worker,social_worker,team_manager",
)
TEAMAROUND_BREAK_GLASS_HOURS = int(os.environ.get("TEAMAROUND_BREAK_GLASS_HOURS", "24"))
TEAMAROUND_BREAK_GLASS_REVIEWER = os.environ.get("TEAMAROUND_BREAK_GLASS_REVIEWER", "")
# The largest file any upload page takes (core.uploads).
TEAMAROUND_UPLOAD_MAX_BYTES = int(os.environ.get("TEAMAROUND_UPLOAD_MAX_BYTES", str(50 * 2**20)))
# API tokens last this many days at most (accounts.tokens).
TEAMAROUND_API_TOKEN_DAYS = int(os.environ.get("TEAMAROUND_API_TOKEN_DAYS", "90"))
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:sign-in"
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Repeated failed sign-ins lock the account out (django-axes).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
# Lock a username from the address it is being guessed from, so that nobody elsewhere can lock
# a colleague out of their account by typing wrong passwords on purpose.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Rate limits (core.ratelimits): N requests per s(econd), m(inute), h(our) or d(ay). Pages count
# per address or per user, the staff API per token, the public APIs per address.
# TEAMAROUND_RATE_LIMITS="sign_in=20/m,api_staff=1200/m" overrides any of them.
TEAMAROUND_RATE_LIMITS = {
    "sign_in": "10/m",  # POSTs to the sign-in page, per address (lock-out is django-axes)
    "two_factor": "10/m",  # codes entered, per user
    "password_reset": "5/h",  # reset e-mails asked for, per address
    "public_form": "30/h",  # saves and submits of the public "ask for help" form, per address
    "directory": "120/m",  # public directory pages, per address
    "public_api": "120/m",  # the Open Referral UK API, per address
    "api_staff": "600/m",  # the staff API, per token (or per signed-in session)
}
TEAMAROUND_RATE_LIMITS |= dict(
    item.split("=", 1) for item in env_list("TEAMAROUND_RATE_LIMITS") if "=" in item
)
# How many proxies in front add X-Forwarded-For (0: REMOTE_ADDR is the caller).
TEAMAROUND_TRUSTED_PROXIES = int(os.environ.get("TEAMAROUND_TRUSTED_PROXIES", "0"))
RATELIMIT_IP_META_KEY = "teamaround.core.ratelimits.client_address"
RATELIMIT_VIEW = "teamaround.core.views.errors.rate_limited"
# The counts' cache: in-process in the demo (one server process); a Redis URL in production
# (redis://host:6379/0) so that every worker counts together.
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if (CACHE_URL := os.environ.get("DJANGO_CACHE_URL"))
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# django-ratelimit asks for memcached or django-redis: Django's own Redis backend is atomic,
# and the in-process cache is right for the single demo process.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# Two-factor sign-in: which roles must use a TOTP app. "all" means every staff role.
TEAMAROUND_TWO_FACTOR_REQUIRED_ROLES = env_list("TEAMAROUND_TWO_FACTOR_REQUIRED_ROLES", "")
OTP_TOTP_ISSUER = "TeamAround"

TEAMAROUND_SERVICE_NAME = os.environ.get("TEAMAROUND_SERVICE_NAME", "TeamAround")
TEAMAROUND_COUNCIL_NAME = os.environ.get("TEAMAROUND_COUNCIL_NAME", "Essex County Council")
TEAMAROUND_PHASE = os.environ.get("TEAMAROUND_PHASE", "Alpha")
# A demo site holds synthetic data only and may be emptied and re-seeded at will.
TEAMAROUND_DEMO_SITE = env_bool("TEAMAROUND_DEMO_SITE", True)
# NHS England's test range (999 000 0000 up) is what synthetic people carry: accepted on a demo
# site, refused in production (people.validators).
TEAMAROUND_ACCEPT_TEST_NHS_NUMBERS = env_bool(
    "TEAMAROUND_ACCEPT_TEST_NHS_NUMBERS", TEAMAROUND_DEMO_SITE
)

# A directory service past its review date is flagged at once and hidden from the public
# after this many days.
# A provider editor's change to a public field of a service waits for an administrator's
# approval, shown field by field; a council that trusts its providers turns it off.
TEAMAROUND_DIRECTORY_APPROVAL = env_bool("TEAMAROUND_DIRECTORY_APPROVAL", True)
TEAMAROUND_DIRECTORY_REVIEW_GRACE_DAYS = int(
    os.environ.get("TEAMAROUND_DIRECTORY_REVIEW_GRACE_DAYS", "30")
)

# Early help reviews (TAF meetings) fall due this many weeks apart unless an episode says.
# Reading more records about people than this within the window raises an alert for the
# information governance lead (core.alerts); 0 turns the alert off.
TEAMAROUND_BULK_READ_THRESHOLD = int(os.environ.get("TEAMAROUND_BULK_READ_THRESHOLD", "500"))
TEAMAROUND_BULK_READ_WINDOW_MINUTES = int(
    os.environ.get("TEAMAROUND_BULK_READ_WINDOW_MINUTES", "60")
)

TEAMAROUND_EARLYHELP_REVIEW_WEEKS = int(os.environ.get("TEAMAROUND_EARLYHELP_REVIEW_WEEKS", "6"))

# Each app adds its part of the synthetic county, in this order (see `teamaround seed`).
TEAMAROUND_SEEDERS = [
    "teamaround.core.seeding.seed_reference_data",
    "teamaround.core.seeding.seed_geography",
    "teamaround.accounts.seeding.seed_agencies",
    "teamaround.accounts.seeding.seed_users",
    "teamaround.directory.seeding.seed",
    "teamaround.people.seeding.seed",
    "teamaround.governance.seeding.seed",
    "teamaround.frontdoor.seeding.seed",
    "teamaround.earlyhelp.seeding.seed",
    "teamaround.panels.seeding.seed",
    "teamaround.commissioning.seeding.seed",
    "teamaround.socialcare.seeding.seed",
]
# Functions returning lines printed at the end of `teamaround seed` (e.g. demo sign-ins).
TEAMAROUND_SEED_SUMMARIES = ["teamaround.accounts.seeding.demo_sign_in_lines"]

# Background work (imports, linkage, exports) goes through Django's tasks API (the django-tasks
# package on Django 5.2) with a database queue worked by `teamaround db_worker`.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first, so an unauthenticated call gets 401 with a WWW-Authenticate header.
        "teamaround.accounts.tokens.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "teamaround.core.api.exception_handler",
    # JSON with a size limit, no NaN/Infinity, no NUL, and too-deep nesting a 400 (core.parsers).
    "DEFAULT_PARSER_CLASSES": [
        "teamaround.core.parsers.StrictJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    # The rate is TEAMAROUND_RATE_LIMITS["api_staff"], per token. (A call without valid
    # credentials is refused with 401 before any throttle; tokens are 160 random bits.)
    "DEFAULT_THROTTLE_CLASSES": ["teamaround.core.ratelimits.StaffApiThrottle"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "TeamAround API",
    "DESCRIPTION": "Multi-agency early help and children's services. Every read of a record "
    "about a person is audited; every list is filtered to what the caller may see.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI from the installed sidecar package, not a CDN: works on a closed network.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Every operation's 400/401/403/404/429 answers, after the enums (core.api_schema).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "teamaround.core.api_schema.document_errors",
    ],
    "ENUM_NAME_OVERRIDES": {
        "AgencyKindEnum": "teamaround.accounts.models.AgencyKind",
        "DistrictKindEnum": "teamaround.core.models.DistrictKind",
        "NameKindEnum": "teamaround.people.models.choices.NameKind",
        "RelationshipKindEnum": "teamaround.people.models.choices.RelationshipKind",
        "FamilyEventKindEnum": "teamaround.people.models.chronology.FamilyEventKind",
        "DecisionRouteEnum": "teamaround.frontdoor.models.DecisionRoute",
        "MissingRouteEnum": "teamaround.frontdoor.models.MissingRoute",
        "RequestStatusEnum": "teamaround.frontdoor.models.RequestStatus",
        "ServiceStatusEnum": "teamaround.directory.models.services.ServiceStatus",
        "BasisKindEnum": "teamaround.governance.models.choices.BasisKind",
        "SharingScopeEnum": "teamaround.governance.models.choices.Scope",
        "PanelScopeEnum": "teamaround.panels.models.choices.PanelScope",
    },
}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]

STATIC_URL = "/static/"
# The demo and development serve static files straight from the apps (no collectstatic step),
# with DEBUG off too; production serves the collected, hashed files (settings_production).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or PROJECT_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Request logs carry URLs, which can name records: keep them at warning level.
    "loggers": {"django.server": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}
