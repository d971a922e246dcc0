"""Two-factor sign-in with a TOTP app (django-otp): who must use it, setting it up, checking it.

A user must verify a code after their password when their role is one the council requires
it for (settings.TEAMAROUND_TWO_FACTOR_REQUIRED_ROLES; "all" means every staff role), or when
they have set up an authenticator app themselves.
"""

from __future__ import annotations

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from teamaround.core.audit import audit_record
from teamaround.core.errors import DomainError
from teamaround.core.models import AuditAction


def role_requires_two_factor(user) -> bool:
    required = set(settings.TEAMAROUND_TWO_FACTOR_REQUIRED_ROLES)
    if not required:
        return False
    return "all" in required or bool(required & set(user.role_set))


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def must_verify(user) -> bool:
    return role_requires_two_factor(user) or confirmed_device(user) is not None


def pending_device(user) -> TOTPDevice:
    """The unconfirmed device being set up, made on first visit and kept until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def qr_code_svg(device: TOTPDevice) -> str:
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode("utf-8")


def secret_for_typing(device: TOTPDevice) -> str:
    """The key in base32, grouped in fours, for apps where the QR code cannot be scanned."""
    key = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@transaction.atomic
def two_factor_confirm(*, request, code: str) -> TOTPDevice:
    user = request.user
    device = pending_device(user)
    if not device.verify_token(_clean(code)):
        raise DomainError(
            "The code is not right. Enter the 6 digits your app shows now.", field="code"
        )
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    audit_record(
        action=AuditAction.TWO_FACTOR, actor=user, obj=user, summary="Set up an authenticator app"
    )
    return device


def two_factor_verify(*, request, code: str) -> None:
    device = confirmed_device(request.user)
    if device is None or not device.verify_token(_clean(code)):
        audit_record(
            action=AuditAction.REFUSED,
            actor=request.user,
            obj=request.user,
            summary="Wrong two-factor code",
        )
        raise DomainError(
            "The code is not right. Enter the 6 digits your app shows now.", field="code"
        )
    otp_login(request, device)
    audit_record(
        action=AuditAction.TWO_FACTOR,
        actor=request.user,
        obj=request.user,
        summary="Verified a two-factor code",
    )


def _clean(code: str) -> str:
    return "".join(ch for ch in (code or "") if ch.isdigit())
