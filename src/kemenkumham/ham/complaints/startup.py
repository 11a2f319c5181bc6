"""At startup: one clear warning when no complaint key is configured.

The site still starts (everything but complaint identities works); storing an identity then
fails with crypto.KeyMissing, which the intake answers with a 503 message.
"""

from kemenkumham.ham.complaints import crypto

import logging


logger = logging.getLogger("kemenkumham.ham.complaints")

WARNING = (
    "No complaint key: complainant identities can be neither stored nor read. Set "
    f"{crypto.KEY_ENV} or {crypto.KEY_FILE_ENV} (ham-admin write-config makes var/complaint.key). "
    "See README, 'Complainant identity key'. Detail: %s"
)


def check_complaint_key(event=None):
    """Subscriber of IProcessStarting; returns whether a key is configured."""
    try:
        crypto._fernet()
    except crypto.KeyMissing as error:
        logger.warning(WARNING, error)
        return False
    return True
