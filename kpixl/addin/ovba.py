"""MS-OVBA 2.4.1 compression, the LZ77 variant that VBA uses for source code and the dir stream.

Written from the specification because the PyPI compressor (ms-ovba-compression 1.0.1)
corrupts modules longer than about 600 bytes.

>>> compress(b"abcdefghijklmnopqrstuv.").hex(" ")[:23]
'01 19 b0 00 61 62 63 64'
>>> decompress(compress(b"Attribute VB_Name = 'x'" * 300)) == b"Attribute VB_Name = 'x'" * 300
True
"""

from __future__ import annotations

import struct

CHUNK = 4096  # a DecompressedChunk holds at most 4096 bytes (2.4.1.1.3)


def _copy_token_help(difference: int) -> tuple[int, int]:
    """CopyToken Help (2.4.1.3.19.1): bits for the offset grow with the position in the chunk.

    `difference` is DecompressedCurrent - DecompressedChunkStart. Returns (bit_count,
    maximum_length); the length field takes the remaining 16 - bit_count bits.
    """
    bit_count = max((difference - 1).bit_length(), 4)  # ceil(log2(difference)), at least 4
    return bit_count, (0xFFFF >> bit_count) + 3


def _match_length(data: bytes, candidate: int, current: int, limit: int) -> int:
    """Count equal bytes at `candidate` and `current`; a match may overlap what it produces."""
    n = 0
    while (
        n + 16 <= limit
        and data[candidate + n : candidate + n + 16] == data[current + n : current + n + 16]
    ):
        n += 16
    while n < limit and data[candidate + n] == data[current + n]:
        n += 1
    return n


def _compress_chunk(data: bytes, start: int, end: int) -> bytes:
    """Compress data[start:end] into TokenSequences (2.4.1.3.7 to 2.4.1.3.9), header excluded.

    Matching (2.4.1.3.19.4) takes the longest match, the nearest one on a tie. The spec tries
    every earlier position in the chunk; only positions that share the next 3 bytes can give
    a match of the minimum length 3, so a chain per 3-byte prefix finds the same match.
    """
    out = bytearray()
    chains: dict[bytes, list[int]] = {}
    current = start
    while current < end:
        flag_index = len(out)
        out.append(0)
        flags = 0
        for bit in range(8):
            if current >= end:
                break
            best_length, best_candidate = 0, -1
            limit = end - current
            if limit >= 3:
                for candidate in reversed(chains.get(data[current : current + 3], ())):
                    length = _match_length(data, candidate, current, limit)
                    if length > best_length:
                        best_length, best_candidate = length, candidate
                        if length == limit:
                            break  # nothing farther can be longer
            if best_length >= 3:
                bit_count, maximum_length = _copy_token_help(current - start)
                length = min(best_length, maximum_length)
                offset = current - best_candidate
                out += struct.pack("<H", ((offset - 1) << (16 - bit_count)) | (length - 3))
                flags |= 1 << bit
            else:
                length = 1
                out.append(data[current])
            for position in range(current, current + length):
                if position + 3 <= end:
                    chains.setdefault(data[position : position + 3], []).append(position)
            current += length
        out[flag_index] = flags
    return bytes(out)


def compress(data: bytes) -> bytes:
    """Compress `data` into a CompressedContainer (2.4.1.3.6).

    A chunk whose tokens would exceed 4096 bytes is stored raw; a raw chunk always holds 4096
    bytes, so a short last chunk is padded with zeros, as the spec's RawChunk requires.
    """
    out = bytearray(b"\x01")  # SignatureByte
    for start in range(0, len(data), CHUNK):
        end = min(start + CHUNK, len(data))
        body = _compress_chunk(data, start, end)
        if len(body) <= CHUNK:
            # header: size - 3 in 12 bits, signature 0b011, flag 1 (compressed)
            out += struct.pack("<H", 0xB000 | (len(body) + 2 - 3)) + body
        else:
            out += struct.pack("<H", 0x3FFF) + data[start:end].ljust(CHUNK, b"\x00")
    return bytes(out)


def decompress(container: bytes) -> bytes:
    """Decompress a CompressedContainer (2.4.1.3.1); raise ValueError if it is malformed."""
    if not container or container[0] != 0x01:
        raise ValueError("not a compressed container: signature byte must be 0x01")
    out = bytearray()
    pos = 1
    while pos < len(container):
        if pos + 2 > len(container):
            raise ValueError(f"truncated chunk header at byte {pos}")
        (header,) = struct.unpack_from("<H", container, pos)
        if (header >> 12) & 0b111 != 0b011:
            raise ValueError(f"bad chunk signature at byte {pos}")
        chunk_end = pos + (header & 0x0FFF) + 3
        if chunk_end > len(container) and header & 0x8000:
            raise ValueError(f"truncated chunk at byte {pos}")
        chunk_start = len(out)
        pos += 2
        if not header & 0x8000:  # raw chunk
            if pos + CHUNK > len(container):
                raise ValueError(f"truncated raw chunk at byte {pos - 2}")
            out += container[pos : pos + CHUNK]
            pos += CHUNK
            continue
        while pos < chunk_end:
            flags = container[pos]
            pos += 1
            for bit in range(8):
                if pos >= chunk_end:
                    break
                if not (flags >> bit) & 1:
                    out.append(container[pos])
                    pos += 1
                    continue
                if pos + 2 > chunk_end:
                    raise ValueError(f"truncated copy token at byte {pos}")
                (token,) = struct.unpack_from("<H", container, pos)
                pos += 2
                bit_count, _ = _copy_token_help(len(out) - chunk_start)
                length = (token & (0xFFFF >> bit_count)) + 3
                offset = (token >> (16 - bit_count)) + 1
                source = len(out) - offset
                if source < chunk_start:
                    raise ValueError(f"copy token reaches before its chunk at byte {pos - 2}")
                for i in range(length):  # byte by byte: the copy may overlap its own output
                    out.append(out[source + i])
    return bytes(out)
