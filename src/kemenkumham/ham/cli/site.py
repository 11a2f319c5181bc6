"""Create the Plone site of the platform, with its Zope administrator."""

from kemenkumham.ham.cli.zopeapp import ADMIN_USER
from kemenkumham.ham.cli.zopeapp import login_as_admin
from kemenkumham.ham.clock import TIMEZONE

import secrets
import transaction


SITE_ID = "Plone"
SITE_TITLE = "Bidang HAM Kantor Wilayah"
DEFAULT_LANGUAGE = "id"
LANGUAGES = ["id", "en"]


def ensure_admin(app, instance, say):
    """Create the Zope administrator with a generated password; write it down after commit."""
    if app.acl_users.getUserById(ADMIN_USER) is not None:
        say(
            f"Pengguna {ADMIN_USER} sudah ada / user {ADMIN_USER} exists "
            f"(kata sandi / password: {instance.admin_password_file})"
        )
        return
    password = secrets.token_urlsafe(18)
    app.acl_users._doAddUser(ADMIN_USER, password, ["Manager"], [])
    transaction.commit()
    # Only after the commit: a retried or failed transaction must not leave a stale password.
    instance.admin_password_file.parent.mkdir(parents=True, exist_ok=True)
    instance.admin_password_file.touch(mode=0o600)
    instance.admin_password_file.write_text(f"{ADMIN_USER}:{password}\n")
    say(f"Pengguna / user: {ADMIN_USER}")
    say(f"Kata sandi / password: {password}")
    say(f"(tersimpan di / stored in {instance.admin_password_file}, mode 600)")


def create_site(app, site_id=SITE_ID, title=SITE_TITLE, say=print):
    """Create the Classic UI site with the add-on installed; return it, or None if it exists."""
    if site_id in app.objectIds():
        return None
    from kemenkumham.ham import PACKAGE_NAME
    from plone.base.utils import get_installer
    from plone.distribution.api.site import create
    from plone.registry.interfaces import IRegistry
    from zope.component import getUtility
    from zope.component.hooks import setSite

    login_as_admin(app)
    say(f"Membuat situs / creating site {site_id} ...")
    site = create(
        app,
        "classic",
        {
            "site_id": site_id,
            "title": title,
            "description": "Platform Bidang HAM: berita, program, pelaporan mitra, hasil "
            "penilaian dan pengaduan.",
            "setup_content": False,
            "default_language": DEFAULT_LANGUAGE,
            "portal_timezone": TIMEZONE,
        },
    )
    setSite(site)
    registry = getUtility(IRegistry)
    registry["plone.available_languages"] = LANGUAGES
    say(f"Memasang / installing {PACKAGE_NAME} ...")
    get_installer(site).install_product(PACKAGE_NAME)
    transaction.commit()
    return site
