"""A minimal writer for MS-CFB compound files (version 3, 512-byte sectors).

vbaProject.bin is such a file. olefile only reads them, so kpixl writes its own: streams
under 4096 bytes go to the mini stream (64-byte sectors), larger ones to regular sectors.

>>> data = write_compound_file({"PROJECT": b"ID=...", "VBA/dir": b"\\x01"})
>>> data[:8].hex()
'd0cf11e0a1b11ae1'
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass, field

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
FREESECT, ENDOFCHAIN, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF
STORAGE, STREAM, ROOT = 1, 2, 5
RED, BLACK = 0, 1


@dataclass
class _Entry:
    name: str
    kind: int
    data: bytes = b""
    children: dict[str, _Entry] = field(default_factory=dict)
    sid: int = 0
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    color: int = BLACK
    start: int = ENDOFCHAIN
    size: int = 0


def _sort_key(name: str) -> tuple[int, str]:
    # 2.6.4: shorter names first, then a case-insensitive compare of the UTF-16 code units
    return len(name.encode("utf-16-le")) // 2, name.upper()


def _build_tree(nodes: list[_Entry], depth: int, tree_depth: int) -> int:
    """Link sorted siblings into a balanced binary search tree; return the root's id.

    Splitting at the middle fills every level but the last, so colouring the last level red
    and the rest black gives every path the same number of black nodes: a valid red-black tree.
    """
    if not nodes:
        return NOSTREAM
    middle = (len(nodes) - 1) // 2
    node = nodes[middle]
    node.color = RED if depth == tree_depth and depth > 0 else BLACK
    node.left = _build_tree(nodes[:middle], depth + 1, tree_depth)
    node.right = _build_tree(nodes[middle + 1 :], depth + 1, tree_depth)
    return node.sid


def _depth(count: int) -> int:
    """Depth of the deepest node of a middle-split tree of `count` nodes (root is 0)."""
    return count.bit_length() - 1


def _full_levels_are_full(count: int) -> bool:
    # the deepest level of a middle-split tree is full only for 2**k - 1 nodes
    return (count + 1) & count == 0


def _sectors(length: int, size: int) -> int:
    return (length + size - 1) // size


def _entry_bytes(entry: _Entry | None) -> bytes:
    if entry is None:  # unused slot
        return (
            b"\x00" * 64
            + struct.pack("<HBB3I", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM)
            + (b"\x00" * 16 + struct.pack("<I", 0) + b"\x00" * 16 + struct.pack("<IQ", 0, 0))
        )
    name = entry.name.encode("utf-16-le")
    if len(name) > 62:
        raise ValueError(f"compound file names hold at most 31 characters: {entry.name!r}")
    return (
        (name + b"\x00\x00").ljust(64, b"\x00")
        + struct.pack(
            "<HBB3I", len(name) + 2, entry.kind, entry.color, entry.left, entry.right, entry.child
        )
        + b"\x00" * 16  # CLSID
        + struct.pack("<I", 0)  # state bits
        + b"\x00" * 16  # creation and modified times: zero keeps builds reproducible
        + struct.pack("<IQ", entry.start, entry.size)
    )


def write_compound_file(streams: Mapping[str, bytes]) -> bytes:
    """Return a compound file holding `streams`, keyed by '/'-separated paths.

    Storages are created for every folder in a path. Example:
    ``write_compound_file({"PROJECT": b"...", "VBA/dir": b"..."})``.
    """
    root = _Entry("Root Entry", ROOT)
    for path, data in streams.items():
        *folders, leaf = path.split("/")
        parent = root
        for folder in folders:
            # 2.6.3: a storage's starting sector and size MUST be all zeroes
            parent = parent.children.setdefault(folder, _Entry(folder, STORAGE, start=0))
            if parent.kind != STORAGE:
                raise ValueError(f"{folder!r} is both a stream and a storage")
        if leaf in parent.children:
            raise ValueError(f"duplicate stream {path!r}")
        parent.children[leaf] = _Entry(leaf, STREAM, bytes(data))

    entries: list[_Entry] = []

    def number(entry: _Entry) -> None:
        entry.sid = len(entries)
        entries.append(entry)
        for child in sorted(entry.children.values(), key=lambda e: _sort_key(e.name)):
            number(child)

    number(root)
    for entry in entries:
        siblings = sorted(entry.children.values(), key=lambda e: _sort_key(e.name))
        if siblings:
            depth = _depth(len(siblings))
            red_level = depth if not _full_levels_are_full(len(siblings)) else -1
            entry.child = _build_tree(siblings, 0, red_level)

    # Lay out: big streams, then the mini stream, the directory, the mini FAT, the FAT.
    fat: list[int] = []
    body = bytearray()

    def place(data: bytes) -> int:
        count = _sectors(len(data), SECTOR)
        if count == 0:
            return ENDOFCHAIN
        first = len(fat)
        fat.extend(range(first + 1, first + count))
        fat.append(ENDOFCHAIN)
        body.extend(data.ljust(count * SECTOR, b"\x00"))
        return first

    mini_stream = bytearray()
    minifat: list[int] = []
    for entry in entries:
        if entry.kind != STREAM:
            continue
        entry.size = len(entry.data)
        if entry.size >= MINI_CUTOFF:
            entry.start = place(entry.data)
        elif entry.size:
            count = _sectors(entry.size, MINI_SECTOR)
            entry.start = len(minifat)
            minifat.extend(range(entry.start + 1, entry.start + count))
            minifat.append(ENDOFCHAIN)
            mini_stream.extend(entry.data.ljust(count * MINI_SECTOR, b"\x00"))
        else:
            entry.start = ENDOFCHAIN
    root.size = len(mini_stream)
    root.start = place(bytes(mini_stream)) if mini_stream else ENDOFCHAIN

    per_sector = SECTOR // 128
    slots: list[_Entry | None] = [*entries]
    slots += [None] * (-len(slots) % per_sector)
    directory_start = place(b"".join(_entry_bytes(e) for e in slots))  # starts are all known

    # Unused mini-FAT entries are free sectors, as Excel writes them, not zeroes (which would
    # read as chains into mini sector 0).
    minifat.extend([FREESECT] * (-len(minifat) % (SECTOR // 4)))
    minifat_bytes = b"".join(struct.pack("<I", n) for n in minifat)
    minifat_start = place(minifat_bytes) if minifat else ENDOFCHAIN
    minifat_count = _sectors(len(minifat_bytes), SECTOR)

    # The FAT describes itself too: grow it until its own sectors are covered.
    per_fat = SECTOR // 4
    fat_count = 1
    while _sectors(len(fat) + fat_count, per_fat) > fat_count:
        fat_count += 1
    if fat_count > 109:
        raise ValueError("compound file too large for a header-only DIFAT")
    fat_start = len(fat)
    fat.extend([FATSECT] * fat_count)
    fat.extend([FREESECT] * (fat_count * per_fat - len(fat)))
    body.extend(b"".join(struct.pack("<I", n) for n in fat))

    difat = list(range(fat_start, fat_start + fat_count)) + [FREESECT] * (109 - fat_count)
    header = (
        bytes.fromhex("d0cf11e0a1b11ae1")
        + b"\x00" * 16  # CLSID
        + struct.pack("<HHHHH", 0x003E, 0x0003, 0xFFFE, 9, 6)  # v3, little-endian, 2^9, 2^6
        + b"\x00" * 6
        + struct.pack("<III", 0, fat_count, directory_start)
        + struct.pack("<III", 0, MINI_CUTOFF, minifat_start)
        + struct.pack("<III", minifat_count, ENDOFCHAIN, 0)
        + b"".join(struct.pack("<I", n) for n in difat)
    )
    assert len(header) == SECTOR
    return header + bytes(body)
