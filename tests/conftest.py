from kemenkumham.ham.testing import HAM_FUNCTIONAL_TESTING
from kemenkumham.ham.testing import HAM_INTEGRATION_TESTING
from pytest_plone import fixtures_factory

import pytest


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
