#!/usr/bin/env python3
"""Writes the hostile PDF fixtures (see docs/hostile.md) into a directory.

    tools/make_hostile.py corpus/hostile   # regenerates the committed fixtures (each < 0.5 MB)

Each fixture is built by hand (no qpdf needed) so that its hostile part is exactly what its name
says. Deterministic: the same bytes on every run.
"""
import os
import sys
import zlib


def pdf(objects, root=1):
    """A PDF from a list of object bodies (bytes); object i+1 is objects[i]."""
    out = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref)
    return out


def stream(data, extra=b""):
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Total score 92.5) Tj ET"


def simple(content, mediabox=b"0 0 595 842", page_extra=b"", more=()):
    """Catalog 1, Pages 2, Page 3, Font 4, Contents 5, then `more` as objects 6, 7, ..."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [" + mediabox +
        b"] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R " + page_extra + b">>",
        FONT,
        content if content.startswith(b"<<") else stream(content),
    ] + list(more))


def many_pages(n):
    """n pages sharing one content stream: fails fast on --max-pages (default 2000)."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(n))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 3 0 R >> >> >>" % n,
        FONT,
        stream(TEXT),
    ]
    objs += [b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>"] * n
    return pdf(objs)


def deep_arrays(depth):
    """An array nested `depth` deep on the page (Poppler's parser has a recursion limit)."""
    return simple(TEXT, page_extra=b"/Deep " + b"[" * depth + b"]" * depth + b" ")


def deep_dicts(depth):
    return simple(TEXT, page_extra=b"/Deep " + b"<< /A " * depth + b"1" + b" >>" * depth + b" ")


def deep_content(depth):
    """Nested arrays inside the content stream itself."""
    return simple(TEXT + b"\n" + b"[" * depth + b"]" * depth + b"\n" + TEXT)


def flate_bomb(megabytes):
    """A content stream compressed twice with Flate that inflates to `megabytes` MB of spaces
    with a line of text at each end."""
    raw = TEXT + b"\n" + b" " * (megabytes * 1000 * 1000) + b"\n" + TEXT
    once = zlib.compress(raw, 9)
    twice = zlib.compress(once, 9)
    return simple(stream(twice, b"/Filter [/FlateDecode /FlateDecode]"))


# An endless Flate bomb: data of a terabyte described as prefix + pattern * count + suffix, deflated
# level by level without ever materializing it (a periodic input deflates to a periodic output).

ADLER_BASE = 65521


def adler_combine(a1, a2, len2):
    """zlib's adler32_combine: the checksum of A + B from those of A and B."""
    rem = len2 % ADLER_BASE
    s1 = a1 & 0xffff
    s2 = (rem * s1) % ADLER_BASE
    s1 += (a2 & 0xffff) + ADLER_BASE - 1
    s2 += (a1 >> 16) + (a2 >> 16) + ADLER_BASE - rem
    s1 %= ADLER_BASE
    s2 %= ADLER_BASE
    return s1 | (s2 << 16)


def adler_repeat(pattern, count):
    """adler32 of pattern * count, by doubling."""
    result = 1
    block, blen = zlib.adler32(pattern), len(pattern)
    while count:
        if count & 1:
            result = adler_combine(result, block, blen)
        block = adler_combine(block, block, blen)
        blen *= 2
        count >>= 1
    return result


DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
             1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]


def huff(bits, code, n):
    bits.extend((code >> (n - 1 - i)) & 1 for i in range(n))


def literal(bits, v):
    if v < 144:
        huff(bits, 0x30 + v, 8)
    elif v < 256:
        huff(bits, 0x190 + v - 144, 9)
    elif v < 280:
        huff(bits, v - 256, 7)
    else:
        huff(bits, 0xC0 + v - 280, 8)


def match258(d):
    """The bits of one fixed-Huffman match: length 258 (code 285), distance d."""
    bits = []
    literal(bits, 285)
    code = max(i for i, b in enumerate(DIST_BASE) if b <= d)
    huff(bits, code, 5)
    extra = max(0, code // 2 - 1)
    bits.extend(((d - DIST_BASE[code]) >> i) & 1 for i in range(extra))
    return bits


def size(p):
    return len(p[0]) + len(p[1]) * p[2] + len(p[3])


def materialize(p):
    return p[0] + p[1] * p[2] + p[3]


def adler(p):
    a = zlib.adler32(p[0])
    a = adler_combine(a, adler_repeat(p[1], p[2]), len(p[1]) * p[2])
    return adler_combine(a, zlib.adler32(p[3]), len(p[3]))


def deflate(p):
    """zlib stream of prefix + pattern * count + suffix, as (prefix, pattern, count, suffix) again:
    one fixed-Huffman block: the prefix and one pattern as literals, then matches of 258 bytes at
    the pattern's distance, whose bits repeat with the match's bit length."""
    prefix, pattern, count, suffix = p
    d = len(pattern)
    assert 1 <= d <= 32768 and count >= 1
    a_bits = [1, 1, 0]  # BFINAL, BTYPE 01 (fixed Huffman), LSB first
    for v in prefix + pattern:
        literal(a_bits, v)
    region = (count - 1) * d
    q, rem = divmod(region, 258)
    r_bits = match258(d)
    t_bits = []
    for i in range(rem):
        literal(t_bits, pattern[(q * 258 + i) % d])
    for v in suffix:
        literal(t_bits, v)
    literal(t_bits, 256)
    a, r, t = len(a_bits), len(r_bits), len(t_bits)
    n = a + q * r + t

    def byte(k):
        out = 0
        for i in range(8):
            pos = 8 * k + i
            if pos < a:
                b = a_bits[pos]
            elif pos < a + q * r:
                b = r_bits[(pos - a) % r]
            elif pos < n:
                b = t_bits[pos - a - q * r]
            else:
                b = 0
            out |= b << i
        return out

    k0 = (a + 7) // 8
    kend = (a + q * r) // 8
    c = (kend - k0) // r if kend > k0 else 0
    total = (n + 7) // 8
    head = bytes(byte(k) for k in range(min(k0, total)))
    if c < 2:
        body, c = b"", 0
        tail = bytes(byte(k) for k in range(len(head), total))
    else:
        body = bytes(byte(k) for k in range(k0, k0 + r))
        tail = bytes(byte(k) for k in range(k0 + c * r, total))
    return (b"\x78\x01" + head, body, c, tail + adler(p).to_bytes(4, "big"))


def endless_flate_bomb(spaces=10**12):
    """A content stream that inflates to a terabyte of spaces between two lines of text, Flate
    compressed four times (1 TB -> 6.3 GB -> 46 MB -> 333 KB -> under 1 KB). Poppler inflates a few
    hundred MB a second, so reading it takes hours on any machine: every time bound is exceeded by
    orders of magnitude, however fast the machine. Memory stays flat (the spaces are skipped, not
    kept)."""
    p, levels = (TEXT + b"\n", b" ", spaces, b"\n" + TEXT), 1
    while size(p) > 1 << 20:
        p, levels = deflate(p), levels + 1
    data = zlib.compress(materialize(p), 9)
    return simple(stream(data, b"/Filter [" + b" ".join([b"/FlateDecode"] * levels) + b"]"))


def huge_page():
    """A 200000 x 200000 point page (Poppler clamps nothing for text) with text in the far corner."""
    return simple(b"BT /F1 12 Tf 199000 199000 Td (Total score 92.5) Tj ET 0 0 Td "
                  b"BT /F1 12 Tf 72 720 Td (near the origin) Tj ET",
                  mediabox=b"0 0 200000 200000")


def many_text_objects(n):
    """One page with n tiny text objects (one glyph each) on a grid: stresses layout."""
    parts = []
    for i in range(n):
        x = 10 + (i % 500) * 1.1
        y = 10 + (i // 500) * 4
        parts.append(b"BT /F1 2 Tf %.1f %.1f Td (%s) Tj ET" % (x, y, bytes([48 + i % 10])))
    data = zlib.compress(b"\n".join(parts), 9)
    return simple(stream(data, b"/Filter /FlateDecode"), mediabox=b"0 0 600 800")


def many_words(rows, per_row):
    """One page of rows x per_row one-letter words ("A A A ..."). Poppler's text extraction keeps
    an object of about 1 KB per word, so reading 2 000 000 of them needs over 2 GB (pdftotext:
    2.2 GB peak RSS, reached in ~3 s) from a 5 KB file: a memory bomb for --max-memory. The glyphs
    are 6 pt and inside the page: Poppler drops glyphs off the page, and "tiny" ones (under 3 pt)
    beyond the first 50 000."""
    width, height = per_row * 6 + 40, rows * 7 + 100
    row = b"(" + b"A " * per_row + b") Tj T*"
    content = (b"BT /F1 6 Tf 7 TL 20 %d Td\n" % (height - 50) + b"\n".join([row] * rows) +
               b"\nET")
    return simple(stream(zlib.compress(content, 9), b"/Filter /FlateDecode"),
                  mediabox=b"0 0 %d %d" % (width, height))


def page_tree_cycle():
    """The page tree's Kids point back at the root Pages node."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        FONT,
        stream(TEXT),
    ])


def form_recursion():
    """A form XObject that draws itself."""
    return simple(TEXT + b" /X1 Do", page_extra=b"",
                  more=[stream(b"/X1 Do " + TEXT,
                               b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                               b"/Resources << /XObject << /X1 6 0 R >> /Font << /F1 4 0 R >> >>")]
                  ).replace(b"/Resources << /Font << /F1 4 0 R >> >>",
                            b"/Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >>", 1)


def huge_count():
    """A page tree that claims 2^31-1 pages but holds one."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        FONT,
        stream(TEXT),
    ])


FIXTURES = {
    "deep-arrays.pdf": lambda: deep_arrays(20000),
    "deep-dicts.pdf": lambda: deep_dicts(10000),
    "deep-content.pdf": lambda: deep_content(20000),
    "endless-flate.pdf": endless_flate_bomb,
    "flate-bomb.pdf": lambda: flate_bomb(300),
    "huge-page.pdf": huge_page,
    "page-tree-cycle.pdf": page_tree_cycle,
    "form-recursion.pdf": form_recursion,
    "huge-count.pdf": huge_count,
    "many-pages.pdf": lambda: many_pages(2500),
    "many-text-objects.pdf": lambda: many_text_objects(100000),
    "many-words.pdf": lambda: many_words(400, 5000),
}


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, make in sorted(FIXTURES.items()):
        with open(os.path.join(out, name), "wb") as f:
            f.write(make())


if __name__ == "__main__":
    main()
