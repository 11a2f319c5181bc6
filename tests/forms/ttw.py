"""An editor building an easyform through the web, as in the browser (zope.testbrowser)."""

from plone.testing.zope import Browser

import re


PASSWORD = "rahasia-formulir-1"


def browser_for(functional, username=None):
    browser = Browser(functional["app"])
    browser.handleErrors = False
    # A refused submission answers 400 with the form and its messages: read it, do not raise.
    browser.raiseHttpErrors = False
    if username:
        login(browser, functional["portal"], username)
    return browser


def login(browser, portal, username):
    """Log in through Plone's login form, as a person does."""
    browser.open(f"{portal.absolute_url()}/login")
    browser.getControl(name="__ac_name").value = username
    browser.getControl(name="__ac_password").value = PASSWORD
    browser.getControl(name="buttons.login").click()
    assert "__ac" in browser.cookies, f"{username} could not log in"


def add_easyform(browser, container_url, title):
    browser.open(f"{container_url}/++add++EasyForm")
    browser.getControl(name="form.widgets.IDublinCore.title").value = title
    browser.getControl(name="form.buttons.save").click()
    return browser.url.removesuffix("/view")


def delete_fields(browser, form_url, section="fields"):
    """Delete what the field (or action) editor lists, with its own links."""
    browser.open(f"{form_url}/{section}")
    for url in re.findall(r'href="([^"]+/@@delete\?_authenticator=[^"]+)"', browser.contents):
        browser.open(url)


def add_field(browser, form_url, name, title, factory, required=False):
    browser.open(f"{form_url}/fields/@@add-field")
    browser.getControl(name="form.widgets.title").value = title
    browser.getControl(name="form.widgets.__name__").value = name
    browser.getControl(name="form.widgets.factory:list").value = [factory]
    browser.getControl(name="form.widgets.required:list").value = ["selected"] if required else []
    browser.getControl(name="form.buttons.add").click()
    browser.open(f"{form_url}/fields")
    assert f'name="form.widgets.{name}' in browser.contents, f"field {name} was not added"


def add_action(browser, form_url, name, title, factory):
    browser.open(f"{form_url}/actions/@@add-action")
    browser.getControl(name="form.widgets.title").value = title
    browser.getControl(name="form.widgets.__name__").value = name
    browser.getControl(name="form.widgets.factory:list").value = [factory]
    # The action editor opens this form in a modal; the page it redirects to after adding
    # (the fields' "@@add-field") does not exist for actions, so stay on the response.
    browser.followRedirects = False
    try:
        browser.getControl(name="form.buttons.add").click()
    finally:
        browser.followRedirects = True
    browser.open(f"{form_url}/actions")


def edit_action(browser, form_url, name, **values):
    """Set the action's settings in easyform's action editor; return the page after saving."""
    browser.open(f"{form_url}/actions/{name}")
    for field, value in values.items():
        control = browser.getControl(name=f"form.widgets.{field}:list")
        control.value = value
    browser.getControl(name="form.buttons.save").click()
    return browser.contents
