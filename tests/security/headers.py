"""What every application response must carry (tests/security/test_headers.py and the
earlyhelp pages' header test use it)."""

import re

REQUIRED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def csp_directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in header.split(";") if part.strip()
    )


def assert_security_headers(response):
    directives = csp_directives(response)
    for name, value in REQUIRED_CSP.items():
        assert directives.get(name) == value, (name, directives.get(name))
    assert "unsafe-inline" not in directives.get("style-src", "")
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]
    assert not re.search(r"max-age=[1-9]", response["Cache-Control"])
