"""MS-OVBA 2.4.1 compression: the spec's worked examples, round trips, and an independent reader."""

from __future__ import annotations

import importlib.util
import math
import random
import struct
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oletools.olevba import decompress_stream

from kpixl.addin.ovba import compress, decompress

# MS-OVBA 3.2.1 to 3.2.3: text and the compressed bytes published for it.
SPEC_EXAMPLES = [
    (
        b"abcdefghijklmnopqrstuv.",
        "01 19 B0 00 61 62 63 64 65 66 67 68 00 69 6A 6B 6C 6D 6E 6F 70 00 71 72 73 74 75 76 2E",
    ),
    (
        b"#aaabcdefaaaaghijaaaaaklaaamnopqaaaaaaaaaaaarstuvwxyzaaa",
        "01 2F B0 00 23 61 61 61 62 63 64 65 82 66 00 70 61 67 68 69 6A 01 38 08 61 6B 6C 00 20 "
        "6D 6E 6F 70 06 71 02 70 04 00 72 73 74 75 76 10 77 78 79 7A 00 2C",
    ),
    (b"a" * 73, "01 03 B0 02 61 45 00"),
]


def spec_compress(data: bytes) -> bytes:
    """The pseudocode of MS-OVBA 2.4.1.3.6 to 2.4.1.3.19.4, step by step (slow: tries every
    earlier position). The compressor under test must give the same bytes."""
    out = bytearray([0x01])
    current = 0
    while current < len(data):
        chunk_header_at = len(out)
        chunk_start = current
        compressed_end = chunk_header_at + 4098
        out += b"\x00\x00"
        chunk_end = min(chunk_start + 4096, len(data))
        full = False
        while current < chunk_end and not full:
            flag_at = len(out)
            out.append(0)
            flags = 0
            for index in range(8):
                if current >= chunk_end or len(out) >= compressed_end:
                    break
                best_length, best_candidate = 0, 0
                candidate = current - 1
                while candidate >= chunk_start:
                    c, d, length = candidate, current, 0
                    while d < chunk_end and data[d] == data[c]:
                        length, c, d = length + 1, c + 1, d + 1
                    if length > best_length:
                        best_length, best_candidate = length, candidate
                    candidate -= 1
                if best_length >= 3:
                    bit_count = max(math.ceil(math.log2(current - chunk_start)), 4)
                    length = min(best_length, (0xFFFF >> bit_count) + 3)
                    offset = current - best_candidate
                    if len(out) + 1 < compressed_end:
                        out += struct.pack("<H", ((offset - 1) << (16 - bit_count)) | (length - 3))
                        flags |= 1 << index
                        current += length
                    else:
                        full = True
                        break
                else:
                    out.append(data[current])
                    current += 1
            out[flag_at] = flags
            if len(out) >= compressed_end:
                full = True
        if current < chunk_end:  # did not fit: a raw chunk, zero-padded to 4096 bytes
            del out[chunk_header_at + 2 :]
            out += data[chunk_start:chunk_end].ljust(4096, b"\x00")
            current = chunk_end
            header = 0x3FFF
        else:
            header = 0xB000 | (len(out) - chunk_header_at - 3)
        out[chunk_header_at : chunk_header_at + 2] = struct.pack("<H", header)
    return bytes(out)


def vba_source() -> bytes:
    """Real VBA: the module xlwings ships for custom add-ins (45 KB, 12 chunks)."""
    spec = importlib.util.find_spec("xlwings")
    assert spec is not None and spec.submodule_search_locations
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / "xlwings_custom_addin.bas").read_bytes()


def text_like(size: int, seed: int) -> bytes:
    rng = random.Random(seed)
    words = [b"Dim ", b"As ", b"String", b"\r\n", b"    ", b"End If", b"x", b"= ", b"'", b"()"]
    out = bytearray()
    while len(out) < size:
        out += rng.choice(words)
    return bytes(out[:size])


@pytest.mark.parametrize(("text", "hex_bytes"), SPEC_EXAMPLES)
def test_spec_examples_compress_to_the_published_bytes(text: bytes, hex_bytes: str) -> None:
    published = bytes.fromhex(hex_bytes)
    assert compress(text) == published
    assert spec_compress(text) == published  # the reference follows the spec too
    assert decompress(published) == text


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"x",
        b"ab",
        b"abcabcabcabc",
        b" " * 5000,  # long runs: offset 1 copies that overlap their own output
        text_like(700, 1),
        text_like(4095, 2),
        text_like(4096, 3),
        text_like(4097, 4),
        text_like(5000, 5),
        bytes(range(256)) * 3,
    ],
    ids=lambda d: f"{len(d)}B",
)
def test_same_bytes_as_the_spec_pseudocode(data: bytes) -> None:
    assert compress(data) == spec_compress(data)


def test_the_700_byte_module_that_breaks_ms_ovba_compression() -> None:
    # ms-ovba-compression 1.0.1 gets this one wrong from byte 590 on
    source = vba_source()[:700]
    compressed = compress(source)
    assert decompress(compressed) == source
    assert decompress_stream(compressed) == source  # olevba's own decompressor agrees


@pytest.mark.parametrize("size", [590, 600, 601, 1000, 4095, 4096, 4097, 8192, 8193, 20000])
def test_prefixes_of_real_vba_round_trip(size: int) -> None:
    source = vba_source()[:size]
    compressed = compress(source)
    assert len(compressed) < len(source)
    assert decompress(compressed) == source
    assert decompress_stream(compressed) == source


def test_a_whole_xlwings_module_over_ten_chunks() -> None:
    source = vba_source()
    assert len(source) > 10 * 4096
    compressed = compress(source)
    assert decompress(compressed) == source
    assert decompress_stream(compressed) == source


@given(st.binary(max_size=9000))
@settings(max_examples=150, deadline=None)
def test_any_bytes_round_trip(data: bytes) -> None:
    out = decompress(compress(data))
    assert out[: len(data)] == data
    # only an incompressible short last chunk is stored raw and so zero-padded (2.4.1.3.10)
    assert out[len(data) :] == b"\x00" * (len(out) - len(data))
    if len(out) != len(data):
        assert len(out) % 4096 == 0


@given(st.lists(st.sampled_from([b"a", b"b", b"If ", b"\r\n", b"End"]), max_size=3000))
@settings(max_examples=80, deadline=None)
def test_text_round_trips_exactly_through_both_readers(pieces: list[bytes]) -> None:
    data = b"".join(pieces)
    compressed = compress(data)
    assert decompress(compressed) == data
    if data:
        assert decompress_stream(compressed) == data


def test_incompressible_chunks_are_stored_raw() -> None:
    data = random.Random(7).randbytes(8192)
    compressed = compress(data)
    assert len(compressed) == 1 + 2 * (2 + 4096)
    assert compressed[1:3] == b"\xff\x3f"  # size 4095 + 3, signature 0b011, flag 0
    assert decompress(compressed) == data


@pytest.mark.parametrize(
    ("container", "message"),
    [
        (b"", "signature"),
        (b"\x02\x00\xb0", "signature"),
        (b"\x01\x00\x00", "chunk signature"),
        (b"\x01\x03\xb0\x01\x00\x00a", "before its chunk"),  # a copy token first in a chunk
        (b"\x01\x03\xb0\x02\x61", "truncated"),
    ],
)
def test_malformed_containers_are_refused(container: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        decompress(container)
