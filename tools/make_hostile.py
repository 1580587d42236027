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
