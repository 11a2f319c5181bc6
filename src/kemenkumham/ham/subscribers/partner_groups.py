"""Each Partner has a group mitra-<id>; its members work on that partner's items only.

Access is given through local roles (PartnerMember) on the partner and on the items that belong
to it (reports, pledges): no code path looks at individual users.
"""

from kemenkumham.ham import logger
from kemenkumham.ham.content.partner import PARTNER_GROUP_PREFIX
from plone import api
from plone.app.uuid.utils import uuidToObject


PARTNER_ROLE = "PartnerMember"


def group_id_of(partner):
    return getattr(partner, "partner_group", None) or f"{PARTNER_GROUP_PREFIX}{partner.getId()}"


def group_title(partner):
    return f"Mitra: {partner.Title()}"


def partner_added(partner, event):
    """Create the partner's group and let it work on the partner."""
    group_id = group_id_of(partner)
    partner.partner_group = group_id  # kept when the partner is renamed
    if api.group.get(groupname=group_id) is None:
        api.group.create(
            groupname=group_id,
            title=group_title(partner),
            description=f"Anggota {partner.Title()} / members of {partner.Title()}",
        )
        logger.info("Created group %s for partner %s", group_id, partner.absolute_url_path())
    partner.manage_setLocalRoles(group_id, [PARTNER_ROLE])
    partner.reindexObjectSecurity()


def partner_modified(partner, event):
    group = api.group.get(groupname=group_id_of(partner))
    if group is not None and group.getProperty("title") != group_title(partner):
        group.setGroupProperties({"title": group_title(partner)})


def partner_removed(partner, event):
    group_id = group_id_of(partner)
    if api.group.get(groupname=group_id) is not None:
        api.group.delete(groupname=group_id)
        logger.info("Removed group %s with its partner", group_id)


def grant_partner_role(obj, partner_uid):
    """Give the group of the partner behind partner_uid the PartnerMember role on obj."""
    for principal, roles in obj.get_local_roles():
        if PARTNER_ROLE in roles and principal.startswith(PARTNER_GROUP_PREFIX):
            remaining = [role for role in roles if role != PARTNER_ROLE]
            if remaining:
                obj.manage_setLocalRoles(principal, remaining)
            else:
                obj.manage_delLocalRoles([principal])
    # Unrestricted: a partner member may not see a partner that is not published yet.
    partner = uuidToObject(partner_uid, unrestricted=True) if partner_uid else None
    if partner is not None:
        obj.manage_setLocalRoles(group_id_of(partner), [PARTNER_ROLE])
    obj.reindexObjectSecurity()


def report_changed(report, event):
    grant_partner_role(report, report.partner_uid)


def pledge_changed(pledge, event):
    relation = getattr(pledge, "partner", None)
    grant_partner_role(
        pledge, relation.to_object.UID() if relation and relation.to_object else None
    )
