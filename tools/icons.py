"""Draws the extension's icons (www/extension/icons/*.png): a vermilion seal with a
white margin stroke, the red-ink note zhupi is named after. Standard library only;
run it once after changing the drawing: python3 tools/icons.py"""

import math
import struct
import zlib
from pathlib import Path

VERMILION = (0xC2, 0x2F, 0x1F)
PAPER = (0xFF, 0xF8, 0xEE)


def coverage(x, y, size):
    """Which colour the point (x, y) in [0, 1)^2 takes, and how opaque it is."""
    r = 0.22  # corner radius of the rounded seal
    dx = max(abs(x - 0.5) - (0.5 - r), 0)
    dy = max(abs(y - 0.5) - (0.5 - r), 0)
    if math.hypot(dx, dy) > r:
        return None
    # A slanted brush stroke and a dot: the margin note.
    sx, sy = x - 0.5, y - 0.5
    along = sx * 0.6 + sy * 0.8
    across = -sx * 0.8 + sy * 0.6
    if abs(across) < 0.075 - along * 0.05 and -0.3 < along < 0.28:
        return PAPER
    if math.hypot(x - 0.72, y - 0.3) < 0.075:
        return PAPER
    return VERMILION


def png(size):
    samples = 4
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    c = coverage((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, size)
                    if c:
                        acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            n = samples * samples
            hits = acc[3] // 255
            row += bytes([acc[0] // hits if hits else 0, acc[1] // hits if hits else 0,
                          acc[2] // hits if hits else 0, acc[3] // n])
        rows.append(bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "www" / "extension" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    for size in (16, 32, 48, 128):
        (out / f"{size}.png").write_bytes(png(size))
