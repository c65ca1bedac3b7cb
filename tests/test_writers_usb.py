"""usb/: names every FAT32 and exFAT stick accepts, and a folder per article of tagged MP3s."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, strategies as st
from mutagen.id3 import ID3
from writers_support import edition_of, make_article, make_book

from audiobook.writers import FORMATS, usb

FAT_FORBIDDEN = set('"*/:<>?\\|') | {chr(c) for c in range(32)}


@given(st.text(max_size=400))
def test_fat_names_are_safe(title):
    name = usb.fat_name(title)
    assert name and not (set(name) & FAT_FORBIDDEN)
    assert usb.utf16_units(name) <= usb.MAX_NAME_UNITS
    assert not name.endswith((" ", ".")) and not name.startswith(" ")


def test_fat_names_count_utf16_units():
    assert usb.fat_name("Tea: 10 < 11? \"yes\" | no...") == "Tea 10 11 yes no"
    long = usb.fat_name("𝄞" * 80)  # two UTF-16 units each
    assert usb.utf16_units(long) == 100 and len(long) == 50
    assert usb.numbered(3, 2, "CON") == "03 CON-Untitled"


def test_single_article_is_one_folder_of_tagged_sections(tmp_path: Path):
    titles = ["Harbour lights", "A town effort", "What comes next?"]
    book = make_book(tmp_path, titles, [0.2, 0.2, 0.2])
    edition = edition_of(make_article(titles, title="Harbour lights"), titles, book)
    out = tmp_path / "e"
    out.mkdir()
    root = usb.write(edition, out)
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.mp3"))
    assert files == ["01 Harbour lights/01 Harbour lights.mp3", "01 Harbour lights/02 A town effort.mp3",
                     "01 Harbour lights/03 What comes next.mp3"]
    tags = ID3(root / files[2])
    assert (str(tags["TIT2"]), str(tags["TALB"]), str(tags["TRCK"]), str(tags["TPE1"])) == (
        "What comes next?", "Harbour lights", "3/3", "Ada Writer")
    audio = (root / files[2]).read_bytes()
    assert audio.endswith(Path(book.chapters[2].mp3_path).read_bytes())
    assert usb.folder_bytes(root) == sum((root / f).stat().st_size for f in files)
    assert FORMATS["usb"] == (usb,)
