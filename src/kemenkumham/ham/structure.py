"""The sections every site of the platform has, and who works in them.

Sections are content: installing the add-on creates the missing ones, uninstalling leaves them
(with their news and documents) in place and only takes away the local roles it gave.
"""

from dataclasses import dataclass
from dataclasses import field
from html import escape
from kemenkumham.ham import logger
from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes


# The public statistics page (browser/statistics.py): final figures with their provenance.
STATISTICS_SECTION = "statistik"
STATISTICS_LAYOUT = "ham-statistics"
# The Pengaduan section's page (complaints/views.py): links to the form and the status check.
COMPLAINTS_SECTION = "pengaduan"
COMPLAINTS_LAYOUT = "complaints-landing"

# Plone's own roles that a staff group gets on the sections it looks after.
SECTION_STAFF_ROLES = ("Contributor", "Editor", "Reviewer")


@dataclass(frozen=True)
class Group:
    id: str
    title: str
    description: str
    roles: tuple = ()  # site-wide roles


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    description: str
    staff_groups: tuple = ()
    addable_types: tuple = field(default=())
    layout: str = "listing_view"
    # A type whose items the section shows newest first (through a collection as default page).
    newest_first: str = ""


GROUPS = (
    Group("humas", "Humas", "Menulis, meninjau dan menerbitkan berita dan panduan."),
    Group(
        "bidang-ham",
        "Bidang HAM",
        "Mengelola program, indikator, periode, formulir, mitra, gugus tugas, "
        "pencanangan dan penghargaan.",
    ),
    Group(
        "verifikator",
        "Verifikator",
        "Memeriksa laporan dan data dukung yang diajukan, meminta perbaikan, memverifikasi.",
        roles=("HAMVerifier",),
    ),
    Group(
        "tim-penilai",
        "Tim Penilai",
        "Menilai laporan yang telah diverifikasi dan menetapkan hasil.",
        roles=("HAMAssessor",),
    ),
    Group(
        "petugas-pengaduan",
        "Petugas Pengaduan",
        "Menangani pengaduan dugaan pelanggaran HAM; satu-satunya yang melihat identitas pengadu.",
        roles=("ComplaintOfficer",),
    ),
)

GROUP_IDS = tuple(group.id for group in GROUPS)

SECTIONS = (
    Section(
        "berita",
        "Berita",
        "Berita dan panduan dari Bidang HAM.",
        staff_groups=("humas",),
        addable_types=("News Item", "Document", "File", "Image", "Collection"),
        layout="summary_view",
        newest_first="News Item",
    ),
    Section(
        "program",
        "Program",
        "Program pemajuan dan penegakan HAM: P2HAM, KKP HAM, Bisnis dan HAM, "
        "PRISMA, penanganan pengaduan, RANHAM.",
        staff_groups=("bidang-ham",),
        addable_types=("Programme", "Document", "File", "Image"),
    ),
    Section(
        "peraturan",
        "Peraturan",
        "Dasar hukum program HAM.",
        staff_groups=("bidang-ham",),
        addable_types=("Regulation", "Document", "File", "Collection"),
    ),
    Section(
        "formulir",
        "Formulir",
        "Formulir pengumpulan data untuk mitra.",
        staff_groups=("bidang-ham",),
        addable_types=("EasyForm", "Document"),
    ),
    Section(
        "pengaduan",
        "Pengaduan",
        "Pengaduan dugaan pelanggaran HAM dan cek status pengaduan.",
        addable_types=("Complaint", "Document"),
        layout=COMPLAINTS_LAYOUT,
    ),
    Section(
        "mitra",
        "Mitra",
        "Mitra dan unit kerja yang melaporkan capaian.",
        staff_groups=("bidang-ham",),
        addable_types=("Partner", "Document"),
    ),
    Section(
        "gugus-tugas",
        "Gugus Tugas",
        "Gugus Tugas Bisnis dan HAM.",
        staff_groups=("bidang-ham",),
        addable_types=("TaskForce", "Document", "File"),
    ),
    Section(
        "penghargaan",
        "Penghargaan",
        "Penghargaan dan predikat yang telah ditetapkan.",
        staff_groups=("bidang-ham",),
        addable_types=("Award", "Document", "File", "Collection"),
    ),
    Section(
        "statistik",
        "Statistik",
        "Statistik hasil penilaian dan pengaduan yang telah final.",
        staff_groups=("bidang-ham",),
        addable_types=("Document", "File", "Image", "Collection"),
        layout=STATISTICS_LAYOUT,
    ),
)


def ensure_groups():
    """Create the staff groups that are missing and give them their site-wide roles."""
    for group in GROUPS:
        existing = api.group.get(groupname=group.id)
        if existing is None:
            api.group.create(groupname=group.id, title=group.title, description=group.description)
            logger.info("Created group %s", group.id)
        if group.roles:
            api.group.grant_roles(groupname=group.id, roles=list(group.roles))


def remove_groups():
    for group in GROUPS:
        if api.group.get(groupname=group.id) is not None:
            api.group.delete(groupname=group.id)


def ensure_sections(portal):
    """Create the missing sections, publish them and give staff groups their local roles."""
    for position, section in enumerate(SECTIONS):
        folder = portal.get(section.id)
        if folder is None:
            folder = api.content.create(
                container=portal,
                type="Folder",
                id=section.id,
                title=section.title,
                description=section.description,
            )
            folder.setLayout(section.layout)
            constrain_section(folder, section)
            logger.info("Created section %s", section.id)
        if api.content.get_state(folder, default=None) not in (None, "published"):
            api.content.transition(obj=folder, transition="publish")
        for group_id in section.staff_groups:
            api.group.grant_roles(groupname=group_id, obj=folder, roles=list(SECTION_STAFF_ROLES))
        if section.newest_first:
            _ensure_newest_first_listing(folder, section)
        portal.moveObjectToPosition(section.id, position)
        folder.reindexObject()


def constrain_section(folder, section):
    """Allow only the section's own types in it (editors may change this later)."""
    if not section.addable_types:
        return
    constraints = ISelectableConstrainTypes(folder)
    constraints.setConstrainTypesMode(ENABLED)
    constraints.setLocallyAllowedTypes(list(section.addable_types))
    constraints.setImmediatelyAddableTypes(list(section.addable_types))


def use_section_layout(portal, section_id, layout):
    """Give a section the page it shows on new sites (for sites made before that page existed).

    Leaves the section alone when editors gave it a default page of their own.
    """
    folder = portal.get(section_id)
    if folder is None or folder.getDefaultPage():
        return False
    if folder.getLayout() != layout:
        folder.setLayout(layout)
        logger.info("Section %s shows %s", section_id, layout)
    return True


def use_statistics_layout(portal):
    """The statistics page in the Statistik section."""
    return use_section_layout(portal, STATISTICS_SECTION, STATISTICS_LAYOUT)


def use_complaints_layout(portal):
    """The complaint links in the Pengaduan section."""
    return use_section_layout(portal, COMPLAINTS_SECTION, COMPLAINTS_LAYOUT)


NEWEST_FIRST_ID = "terbaru"


def _ensure_newest_first_listing(folder, section):
    """A published collection, default page of the section, listing its items newest first."""
    if NEWEST_FIRST_ID in folder:
        return
    listing = api.content.create(
        container=folder,
        type="Collection",
        id=NEWEST_FIRST_ID,
        title=section.title,
        description=section.description,
        exclude_from_nav=True,
        query=[
            {
                "i": "portal_type",
                "o": "plone.app.querystring.operation.selection.any",
                "v": [section.newest_first],
            },
            {
                "i": "path",
                "o": "plone.app.querystring.operation.string.relativePath",
                "v": "..",
            },
        ],
        sort_on="effective",
        sort_reversed=True,
    )
    listing.setLayout("summary_view")
    if api.content.get_state(listing, default=None) not in (None, "published"):
        api.content.transition(obj=listing, transition="publish")
    folder.setDefaultPage(NEWEST_FIRST_ID)


HOME_INTRO = (
    "<p>Situs ini memuat berita dan panduan Bidang HAM, program pemajuan dan penegakan HAM, "
    "pelaporan capaian oleh mitra, hasil penilaian yang telah final, serta layanan pengaduan "
    "dugaan pelanggaran HAM.</p>"
)


def ensure_home_page(portal):
    """Give the home page (Beranda) an introduction with links to the sections, once.

    Text that editors wrote is never replaced.
    """
    text = getattr(portal, "text", None)
    if text is not None and text.raw.strip():
        return
    from plone.app.textfield.value import RichTextValue

    links = "".join(
        f'<li><a href="resolveuid/{api.content.get_uuid(portal[section.id])}">'
        f"{escape(section.title)}</a>: {escape(section.description)}</li>"
        for section in SECTIONS
        if section.id in portal
    )
    portal.text = RichTextValue(f"{HOME_INTRO}<ul>{links}</ul>", "text/html", "text/x-html-safe")


def remove_section_roles(portal):
    """Take away the local roles the add-on gave; the content itself stays."""
    for section in SECTIONS:
        folder = portal.get(section.id)
        if folder is None:
            continue
        folder.manage_delLocalRoles(list(section.staff_groups))
        folder.reindexObjectSecurity()
