import os


# As on a real instance (zope.conf): the .po catalogues are compiled when Zope loads them.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")
# The key that encrypts complainant identity (kemenkumham.ham.complaints.crypto); a real
# instance reads its own from var/complaint.key.
os.environ.setdefault("HAM_COMPLAINT_KEY", "tGZlZbV1nHhP0m3jdmW3O0dM5yq0qk1b0c0k4d5s8Ts=")

from kemenkumham.ham.testing import HAM_FUNCTIONAL_TESTING  # noqa: E402
from kemenkumham.ham.testing import HAM_INTEGRATION_TESTING  # noqa: E402
from pytest_plone import fixtures_factory  # noqa: E402

import pytest  # noqa: E402


pytest_plugins = ["pytest_plone"]

globals().update(
    fixtures_factory(
        (
            (HAM_FUNCTIONAL_TESTING, "functional"),
            (HAM_INTEGRATION_TESTING, "integration"),
        )
    )
)


@pytest.fixture
def package_name() -> str:
    return "kemenkumham.ham"
