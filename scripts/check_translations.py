"""Fail when the UI is not fully translated into Indonesian (id) and English (en).

1. i18ndude find-untranslated: no template text without an i18n:translate.
2. The committed .pot matches what i18ndude extracts from the code now.
3. Every message of the .pot has a non-empty, non-fuzzy translation in id and en.
"""

from babel.messages.pofile import read_po
from pathlib import Path

import subprocess
import sys
import tempfile


ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "kemenkumham" / "ham"
LOCALES = PACKAGE / "locales"
DOMAIN = "kemenkumham.ham"
LANGUAGES = ("id", "en")
BIN = Path(sys.executable).parent


def read(path, locale=None):
    with open(path, "rb") as handle:
        return read_po(handle, locale=locale, domain=DOMAIN)


def message_ids(catalog):
    return {message.id for message in catalog if message.id}


def main():
    problems = []
    untranslated = subprocess.run(
        [str(BIN / "i18ndude"), "find-untranslated", "-n", str(PACKAGE)],
        capture_output=True,
        text=True,
    )
    if untranslated.returncode != 0:
        problems.append("teks templat tanpa terjemahan / untranslated template text:")
        problems.append(untranslated.stdout + untranslated.stderr)

    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / f"{DOMAIN}.pot"
        subprocess.run(
            [str(BIN / "i18ndude"), "rebuild-pot", "--pot", str(fresh), "--create", DOMAIN]
            + [str(PACKAGE)],
            check=True,
            capture_output=True,
        )
        extracted = message_ids(read(fresh))
    committed = message_ids(read(LOCALES / f"{DOMAIN}.pot"))
    if extracted != committed:
        problems.append(
            "kemenkumham.ham.pot usang / out of date: run `make i18n` "
            f"(new: {sorted(extracted - committed)}, gone: {sorted(committed - extracted)})"
        )

    for language in LANGUAGES:
        catalog = read(LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po", locale=language)
        translated = {m.id: m for m in catalog if m.id}
        for msgid in sorted(extracted):
            message = translated.get(msgid)
            if message is None or not message.string:
                problems.append(f"{language}: belum diterjemahkan / untranslated: {msgid!r}")
            elif message.fuzzy:
                problems.append(f"{language}: fuzzy: {msgid!r}")

    for problem in problems:
        print(problem)
    print(
        f"{len(extracted)} pesan / messages, bahasa / languages {', '.join(LANGUAGES)}: "
        f"{len(problems)} masalah / problems"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
