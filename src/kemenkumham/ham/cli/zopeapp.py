"""Open the Zope application of an instance from a command line, as zconsole does."""

from contextlib import contextmanager
from kemenkumham.ham.cli.instance import AdminError
from kemenkumham.ham.cli.instance import check_database

import sys


ADMIN_USER = "admin"


class DatabaseInUse(AdminError):
    """A running instance holds the FileStorage: only that process may open it."""


@contextmanager
def zope_app(instance):
    """Yield the Zope root with a request and the system user; close the database after."""
    check_database(instance)
    # Always from the current environment: a changed HAM_DB must not leave the old storage in use.
    instance.write_config()
    instance.use_complaint_key()

    from AccessControl.SecurityManagement import newSecurityManager
    from AccessControl.SecurityManagement import noSecurityManager
    from Testing.makerequest import makerequest
    from zope.globalrequest import clearRequest
    from zope.globalrequest import setRequest
    from Zope2.Startup.run import make_wsgi_app

    import zc.lockfile
    import Zope2

    try:
        make_wsgi_app({}, str(instance.zope_conf))
    except zc.lockfile.LockError:
        raise DatabaseInUse(
            "Basis data sedang dipakai instance yang berjalan; hentikan dulu / the database is "
            "in use by a running instance: stop it first (FileStorage allows one process)"
        ) from None
    app = makerequest(Zope2.app(), stdout=sys.stdout)
    app.REQUEST["PARENTS"] = [app]
    setRequest(app.REQUEST)
    user = app.acl_users.getUserById(ADMIN_USER)
    if user is not None:
        newSecurityManager(None, user.__of__(app.acl_users))
    else:
        from AccessControl.users import system

        newSecurityManager(None, system)
    try:
        yield app
    finally:
        import transaction

        transaction.abort()
        noSecurityManager()
        clearRequest()
        app._p_jar.close()
        Zope2.DB.close()


def login_as_admin(app):
    from AccessControl.SecurityManagement import newSecurityManager

    user = app.acl_users.getUserById(ADMIN_USER)
    newSecurityManager(None, user.__of__(app.acl_users))


def use_public_url(site, url):
    """Make absolute_url() give the site's public address (e-mails link to it), as a virtual
    host would: https://ham.example.go.id for the site Plone."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.rstrip("/"))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AdminError(f"--url {url}: tulis / write https://host[/path]")
    request = site.REQUEST
    port = parts.port or {"http": 80, "https": 443}[parts.scheme]
    request.setServerURL(protocol=parts.scheme, hostname=parts.hostname, port=port)
    request.setVirtualRoot([part for part in parts.path.split("/") if part])
    request.other["VirtualRootPhysicalPath"] = site.getPhysicalPath()
