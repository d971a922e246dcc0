"""A password check beside Django's own (length, common passwords, similarity to the user,
all digits): one character or a short run repeated to length is refused, so that
`aaaaaaaaaaaa` or `abcabcabcabc` does not pass for a 12-character password."""

from django.core.exceptions import ValidationError

MIN_DIFFERENT = 5


class RepetitionValidator:
    def validate(self, password, user=None):
        if len(set(password.lower())) < MIN_DIFFERENT:
            raise ValidationError(
                f"This password repeats too few characters. Use at least {MIN_DIFFERENT} "
                "different characters: a few unrelated words make a good password.",
                code="password_repetitive",
            )

    def get_help_text(self):
        return f"Your password must use at least {MIN_DIFFERENT} different characters."
