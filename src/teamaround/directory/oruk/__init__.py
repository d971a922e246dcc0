"""Open Referral UK (HSDS 3.0, UK profile): publishing the Directory and importing feeds."""

ORUK_VERSION = "3.0"
ORUK_PROFILE = "https://github.com/openreferral/uk-profile"
