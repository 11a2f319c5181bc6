"""Editors manage the members of a partner (its group mitra-<id>) from the partner's page."""

from kemenkumham.ham import _
from kemenkumham.ham.subscribers.partner_groups import group_id_of
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.statusmessages.interfaces import IStatusMessage


class PartnerMembersView(BrowserView):
    def __call__(self):
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            self._apply(self.request.form)
            self.request.response.redirect(f"{self.context.absolute_url()}/@@partner-members")
            return ""
        return self.index()

    @property
    def group_id(self):
        return group_id_of(self.context)

    def members(self):
        group = api.group.get(groupname=self.group_id)
        if group is None:
            return []
        users = [api.user.get(userid=user_id) for user_id in group.getGroupMemberIds()]
        return sorted(
            (
                {
                    "id": user.getId(),
                    "fullname": user.getProperty("fullname") or user.getId(),
                    "email": user.getProperty("email"),
                }
                for user in users
                if user is not None
            ),
            key=lambda member: member["fullname"].lower(),
        )

    def _find_user(self, login):
        user = api.user.get(username=login)
        if user is None and "@" in login:
            matches = [u for u in api.user.get_users() if u.getProperty("email") == login]
            user = matches[0] if len(matches) == 1 else None
        return user

    def _apply(self, form):
        messages = IStatusMessage(self.request)
        login = (form.get("add") or "").strip()
        if login:
            user = self._find_user(login)
            if user is None:
                messages.add(
                    _(
                        "error_user_not_found",
                        default="No user '${login}': create the account first "
                        "(Site Administrator, or ham-admin users).",
                        mapping={"login": login},
                    ),
                    type="error",
                )
                return
            api.group.add_user(groupname=self.group_id, user=user)
            messages.add(
                _(
                    "info_member_added",
                    default="${name} is now a member of ${partner}.",
                    mapping={
                        "name": user.getProperty("fullname") or user.getId(),
                        "partner": self.context.Title(),
                    },
                )
            )
        removed = form.get("remove")
        if removed:
            api.group.remove_user(groupname=self.group_id, username=removed)
            messages.add(
                _(
                    "info_member_removed",
                    default="${user} no longer works for ${partner}.",
                    mapping={"user": removed, "partner": self.context.Title()},
                )
            )
