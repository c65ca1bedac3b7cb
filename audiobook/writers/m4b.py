"""``<slug>.m4b``: the book as an audiobook file, AAC-LC in MP4 with chapters and tags.

What audiobook apps expect: Apple Books and BookPlayer read the QuickTime chapter track,
Android players (Smart AudioBook Player, Voice) and VLC the Nero ``chpl`` list, and ffmpeg's
``ipod`` muxer writes both. The chapter MP3s are decoded and encoded to AAC once, by ffmpeg,
as one continuous stream, so every chapter mark (given to ffmpeg in samples) lands on the
same audio as in the MP3. The AAC encoder's priming is hidden by the edit list ffmpeg
writes; the movie time scale is the sample rate, so the declared length is exact.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from ..errors import EncodeError
from ..fsutil import atomic_file, copy_range, output_error
from ..id3 import GENRE, artist, iso639_2
from ..model import Edition
from .cues import one_line
from .mp3 import check_untagged_mp3

FFMPEG = "ffmpeg"
STDIN = "pipe:0"  # ffmpeg's name for its standard input, which the chapter frames are fed to
AAC_BITRATE = "64k"  # mono speech at 22.05 kHz: as clear as the 64 kbit/s MP3, the same size
AAC_CODER = "fast"  # ffmpeg's docs: better than twoloop at 64 kbit/s and up, and 3x faster
AUDIOBOOK_MEDIA_KIND = 2  # iTunes "stik" 2: the file is an audiobook, not music
BRAND = "M4B "  # the major brand iTunes gives audiobooks (ffmpeg's ipod muxer says "M4A ")
MESSAGE_CHARS = 200  # ffmpeg's last error line is cut to this, keeping the message one line
_METADATA_SPECIAL = str.maketrans({c: "\\" + c for c in "=;#\\"})


def ffmetadata_value(text: str) -> str:
    """One line, with the characters ffmpeg's metadata files read as syntax escaped."""
    return one_line(text).translate(_METADATA_SPECIAL)


def tags(edition: Edition) -> dict[str, str]:
    """ffmpeg's names for the MP4 tags; the album is the book's own title.

    Audiobook apps file every file of one album as one book, so the publication, which the
    MP3 uses as its album, would merge every article from one site into a single book.
    """
    info = edition.info
    values = {
        "title": info.title,
        "album": info.title,
        "artist": artist(info),
        "album_artist": info.source,
        "date": info.date,
        "genre": GENRE,
        "comment": info.url,
        "media_type": str(AUDIOBOOK_MEDIA_KIND),
    }
    return {key: value for key, value in values.items() if value and one_line(value)}


def ffmetadata(edition: Edition) -> str:
    """The tags and chapters as an ffmpeg metadata file, chapter times in samples."""
    lines = [";FFMETADATA1"]
    lines += [f"{key}={ffmetadata_value(value)}" for key, value in tags(edition).items()]
    for chapter in edition.chapters:
        lines += ["[CHAPTER]", f"TIMEBASE=1/{edition.sample_rate}",
                  f"START={chapter.book.start}", f"END={chapter.book.end}",
                  f"title={ffmetadata_value(chapter.title)}"]
    return "\n".join(lines) + "\n"


def ffmpeg_command(edition: Edition, metadata: Path, output: Path) -> list[str]:
    """Decode MP3 from stdin, encode mono AAC-LC, mux with tags and chapters (no shell)."""
    return [
        FFMPEG, "-hide_banner", "-nostats", "-loglevel", "error", "-y",
        "-f", "mp3", "-i", STDIN,
        "-f", "ffmetadata", "-i", str(metadata),
        "-map", "0:a", "-map_metadata", "1", "-map_chapters", "1",
        "-c:a", "aac", "-aac_coder", AAC_CODER, "-b:a", AAC_BITRATE,
        "-ac", "1", "-ar", str(edition.sample_rate),
        "-metadata:s:a:0", f"language={iso639_2(edition.info.language)}",
        "-fflags", "+bitexact", "-flags:a", "+bitexact",  # same bytes from the same audio
        "-movie_timescale", str(edition.sample_rate), "-brand", BRAND,
        "-movflags", "+faststart",  # index first: apps can play while downloading
        "-f", "ipod", str(output),
    ]


def _last_line(path: Path) -> str:
    try:
        lines = path.read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return "no message"
    last = next((line.strip() for line in reversed(lines) if line.strip()), "no message")
    return last.replace(STDIN, "the chapter audio")[:MESSAGE_CHARS]


def encode(edition: Edition, scratch: Path, output: Path) -> None:
    """Run ffmpeg once, feeding it every chapter's MP3 frames in order; EncodeError on failure."""
    metadata, errors = scratch / "metadata.txt", scratch / "ffmpeg.log"
    try:
        metadata.write_text(ffmetadata(edition), "utf-8")
        log = open(errors, "wb")
    except OSError as exc:
        raise output_error(scratch, exc) from exc
    with log:
        try:
            process = subprocess.Popen(ffmpeg_command(edition, metadata, output),
                                       stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                       stderr=log)
        except OSError as exc:
            raise EncodeError(f"{FFMPEG} is needed to write {output.name} but cannot be started "
                              f"({exc.strerror}); install ffmpeg (scripts/setup.sh does)") from exc
        try:
            _feed(edition, process)
        except BaseException:
            process.kill()
            process.wait()
            raise
        status = process.wait()
    if status != 0:
        raise EncodeError(f"{FFMPEG}: could not encode {output.name} ({_last_line(errors)}); "
                          "rebuild the edition, and check that 'ffmpeg -encoders' lists aac")


def _feed(edition: Edition, process: subprocess.Popen) -> None:
    """Every chapter's frames down ffmpeg's stdin, copied by the kernel, then end of input."""
    sink = process.stdin
    assert sink is not None
    try:
        for chapter in edition.chapters:
            try:
                source = open(chapter.audio_path, "rb")
            except OSError as exc:
                raise EncodeError(f"{chapter.audio_path}: chapter audio is unreadable "
                                  f"({exc.strerror}); rebuild the edition") from exc
            with source:
                copy_range(source.fileno(), sink.fileno(), 0, os.fstat(source.fileno()).st_size)
    except BrokenPipeError:
        pass  # ffmpeg stopped reading: its exit status and message say why
    finally:
        try:
            sink.close()
        except BrokenPipeError:
            pass


def write(edition: Edition, directory: Path) -> Path:
    """Write ``<slug>.m4b`` into ``directory`` and return its path."""
    for chapter in edition.chapters:
        check_untagged_mp3(Path(chapter.audio_path))
    path = directory / f"{directory.name}.m4b"
    try:
        scratch_dir = tempfile.TemporaryDirectory(prefix=".m4b-", dir=directory)
    except OSError as exc:
        raise output_error(directory, exc) from exc
    with scratch_dir as scratch:
        encoded = Path(scratch) / path.name
        encode(edition, Path(scratch), encoded)
        with atomic_file(path) as out:
            out.copy_from(encoded)
    return path
