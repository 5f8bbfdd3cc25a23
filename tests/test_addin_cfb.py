"""The compound-file writer, read back with olefile in its strictest mode."""

from __future__ import annotations

import io
import random
import struct

import olefile
import pytest
from olefile import STGTY_STORAGE

from kpixl.addin.cfb import BLACK, ENDOFCHAIN, FREESECT, NOSTREAM, RED, write_compound_file


def read(data: bytes) -> olefile.OleFileIO:
    # DEFECT_INCORRECT: raise on anything olefile finds wrong, not only on fatal errors
    return olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT)


def test_streams_of_every_size_read_back() -> None:
    rng = random.Random(1)
    sizes = [0, 1, 63, 64, 65, 511, 512, 513, 4095, 4096, 4097, 20000, 70000]
    streams = {f"VBA/s{size}": rng.randbytes(size) for size in sizes}
    streams["PROJECT"] = b'ID="{x}"\r\n'
    streams["PROJECTwm"] = b"\x00\x00"
    ole = read(write_compound_file(streams))
    for path, data in streams.items():
        assert ole.openstream(path).read() == data, path
    assert ole.get_type("VBA") == olefile.STGTY_STORAGE
    # the cut-off: streams under 4096 bytes live in the mini stream
    assert ole.get_size("VBA/s4095") == 4095
    assert ole.direntries[ole._find("VBA/s4095")].size < ole.minisectorcutoff
    assert ole.direntries[ole._find("VBA/s4096")].size >= ole.minisectorcutoff


def test_enough_streams_to_need_several_fat_and_directory_sectors() -> None:
    streams = {f"VBA/Module{i}": bytes([i % 256]) * (i * 300) for i in range(150)}
    ole = read(write_compound_file(streams))
    assert len(ole.listdir()) == 150
    for path, data in streams.items():
        assert ole.openstream(path).read() == data


@pytest.mark.parametrize("count", [1, 2, 3, 4, 7, 8, 9, 15, 16, 40])
def test_siblings_form_a_valid_red_black_search_tree(count: int) -> None:
    names = [f"M{'x' * (i % 5)}{i}" for i in range(count)]
    ole = read(write_compound_file({f"VBA/{n}": b"." for n in names}))
    entries = ole.direntries
    storage = entries[ole._find("VBA")]

    def key(sid: int) -> tuple[int, str]:
        name = entries[sid].name
        return len(name), name.upper()

    def check(sid: int, low: tuple[int, str] | None, high: tuple[int, str] | None) -> int:
        """Return the black height, asserting order and the red-black rules on the way."""
        if sid == NOSTREAM:
            return 1
        entry = entries[sid]
        assert low is None or key(sid) > low
        assert high is None or key(sid) < high
        if entry.color == RED:
            for child in (entry.sid_left, entry.sid_right):
                assert child == NOSTREAM or entries[child].color == BLACK
        left = check(entry.sid_left, low, key(sid))
        right = check(entry.sid_right, key(sid), high)
        assert left == right, "every path needs the same number of black nodes"
        return left + (entry.color == BLACK)

    root = storage.sid_child
    assert entries[root].color == BLACK
    check(root, None, None)
    assert sorted(ole.listdir()) == sorted(["VBA", n] for n in names)


def test_names_longer_than_31_characters_are_refused() -> None:
    with pytest.raises(ValueError, match="31"):
        write_compound_file({"x" * 32: b""})


def test_a_stream_cannot_also_be_a_storage() -> None:
    with pytest.raises(ValueError, match="stream and a storage"):
        write_compound_file({"VBA": b"1", "VBA/dir": b"2"})


def header_field(data: bytes, offset: int) -> int:
    return struct.unpack_from("<I", data, offset)[0]


def chain(ole: olefile.OleFileIO, start: int) -> list[int]:
    sectors = []
    while start != ENDOFCHAIN:
        sectors.append(start)
        start = ole.fat[start]
    return sectors


def test_storages_start_at_sector_zero_with_size_zero() -> None:
    streams = {"PROJECT": b"x" * 10, "VBA/dir": b"y" * 5000, "VBA/Sub/deep": b"z" * 70}
    ole = read(write_compound_file(streams))
    storages = [e for e in ole.direntries if e is not None and e.entry_type == STGTY_STORAGE]
    assert sorted(e.name for e in storages) == ["Sub", "VBA"]
    # MS-CFB 2.6.3: both fields MUST be zero for a storage
    assert [(e.isectStart, e.size) for e in storages] == [(0, 0), (0, 0)]
    # the root still holds the mini stream: 10 and 70 bytes take 1 + 2 mini sectors
    assert ole.direntries[0].size == 3 * 64


@pytest.mark.parametrize("small_streams", [1, 3, 130, 300])
def test_the_mini_fat_fills_whole_sectors_with_free_markers(small_streams: int) -> None:
    # each stream takes 2 mini sectors, so 130 and 300 streams need 2 and 5 mini-FAT sectors
    streams = {f"VBA/s{i}": bytes([i % 256]) * 100 for i in range(small_streams)}
    data = write_compound_file(streams)
    ole = read(data)
    used = 2 * small_streams
    sectors = chain(ole, header_field(data, 0x3C))
    assert len(sectors) == header_field(data, 0x40) == -(-used // 128)
    raw = b"".join(data[(s + 1) * 512 : (s + 2) * 512] for s in sectors)
    entries = list(struct.unpack(f"<{len(raw) // 4}I", raw))
    assert len(entries) == 128 * len(sectors)
    assert all(e != FREESECT for e in entries[:used])
    assert entries[used:] == [FREESECT] * (len(entries) - used)
    for path, stream in streams.items():
        assert ole.openstream(path).read() == stream
