"""The deployment as documented: collectstatic with the production storage's manifest (which
follows every url() and sourceMappingURL in the files it collects) succeeds. `.ci/deploy-smoke`
then serves the result under gunicorn with the production settings."""

from django.core.management import call_command


def test_collectstatic_with_the_manifest_storage_finds_every_file_it_references(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "vendor/moj/moj-frontend.css" in manifest
    assert "vendor/govuk/govuk-frontend.min.js" in manifest
