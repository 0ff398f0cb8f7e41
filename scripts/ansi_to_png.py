#!/usr/bin/env python3
"""Render a terminal capture with colours (`tmux capture-pane -e -p`) to PNG.

    python3 scripts/ansi_to_png.py CAPTURE.txt OUT.png [--cols 100] [--rows 30]

Understands the SGR sequences tmux writes (bold, dim, italic, underline,
reverse, the 16 colours, 256 colours, RGB). Needs Pillow
(`pip install pillow`) and the Liberation Mono font (Debian's
fonts-liberation2): it has every Vietnamese letter precomposed, where
DejaVu Sans Mono lacks those with two marks (ố, ề, ể). Symbols Liberation
Mono lacks (★) are drawn with DejaVu Sans Mono (fonts-dejavu-core).
"""

import argparse
import re
import sys

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/liberation2/"
FONTS = {
    (False, False): "LiberationMono-Regular.ttf",
    (True, False): "LiberationMono-Bold.ttf",
    (False, True): "LiberationMono-Italic.ttf",
    (True, True): "LiberationMono-BoldItalic.ttf",
}
FALLBACK_DIR = "/usr/share/fonts/truetype/dejavu/"
FALLBACK = {False: "DejaVuSansMono.ttf", True: "DejaVuSansMono-Bold.ttf"}
SIZE = 16

# A dark theme's 16 colours (xterm-like, a little softened).
ANSI = [
    (0x1d, 0x1f, 0x21), (0xcc, 0x33, 0x33), (0x5f, 0xa8, 0x4a), (0xd7, 0xa6, 0x2a),
    (0x3f, 0x7f, 0xd0), (0xb0, 0x5f, 0xc0), (0x2f, 0xa8, 0xb0), (0xc5, 0xc8, 0xc6),
    (0x70, 0x74, 0x78), (0xee, 0x55, 0x55), (0x8c, 0xd0, 0x6c), (0xf0, 0xc6, 0x4a),
    (0x6c, 0xa0, 0xf0), (0xd0, 0x8c, 0xe0), (0x5f, 0xd0, 0xd8), (0xf2, 0xf2, 0xf2),
]
DEFAULT_FG = (0xd8, 0xda, 0xd8)
DEFAULT_BG = (0x16, 0x18, 0x1b)


def colour_256(n):
    if n < 16:
        return ANSI[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    level = 8 + (n - 232) * 10
    return (level, level, level)


class Style:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = self.dim = self.italic = self.underline = self.reverse = False

    def apply(self, params):
        codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                self.reset()
            elif c == 1:
                self.bold = True
            elif c == 2:
                self.dim = True
            elif c == 3:
                self.italic = True
            elif c == 4:
                self.underline = True
            elif c == 7:
                self.reverse = True
            elif c == 22:
                self.bold = self.dim = False
            elif c == 23:
                self.italic = False
            elif c == 24:
                self.underline = False
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37:
                self.fg = ANSI[c - 30]
            elif 90 <= c <= 97:
                self.fg = ANSI[c - 90 + 8]
            elif 40 <= c <= 47:
                self.bg = ANSI[c - 40]
            elif 100 <= c <= 107:
                self.bg = ANSI[c - 100 + 8]
            elif c == 39:
                self.fg = None
            elif c == 49:
                self.bg = None
            elif c in (38, 48) and i + 1 < len(codes):
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    colour = colour_256(codes[i + 2])
                    i += 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    colour = tuple(codes[i + 2:i + 5])
                    i += 4
                else:
                    colour = None
                if c == 38:
                    self.fg = colour
                else:
                    self.bg = colour
            i += 1

    def colours(self):
        fg = self.fg or DEFAULT_FG
        bg = self.bg or DEFAULT_BG
        if self.reverse:
            fg, bg = bg, fg
        if self.dim:
            fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
        return fg, bg


SGR = re.compile(r"\x1b\[([0-9;]*)m")


def glyph_test(font):
    """A function telling whether `font` has a glyph for a character: a
    missing one is drawn as the font's .notdef box, like an unassigned
    code point."""
    def drawn(ch):
        img = Image.new("L", (2 * SIZE, 2 * SIZE))
        ImageDraw.Draw(img).text((0, 0), ch, font=font, fill=255)
        return img.tobytes()

    missing = drawn("\U0010fffd")
    known = {}

    def has(ch):
        if ch not in known:
            known[ch] = drawn(ch) != missing
        return known[ch]

    return has


def render(lines, cols, rows, out):
    fonts = {k: ImageFont.truetype(FONT_DIR + v, SIZE) for k, v in FONTS.items()}
    fallback = {b: ImageFont.truetype(FALLBACK_DIR + v, SIZE) for b, v in FALLBACK.items()}
    has_glyph = {k: glyph_test(f) for k, f in fonts.items()}
    regular = fonts[(False, False)]
    cell_w = round(regular.getlength("M"))
    ascent, descent = regular.getmetrics()
    cell_h = ascent + descent + 4
    pad = 12
    img = Image.new("RGB", (cols * cell_w + 2 * pad, rows * cell_h + 2 * pad), DEFAULT_BG)
    draw = ImageDraw.Draw(img)
    style = Style()
    for y, line in enumerate(lines[:rows]):
        x = 0
        pos = 0
        for m in list(SGR.finditer(line)) + [None]:
            text = line[pos:m.start()] if m else line[pos:]
            for ch in text:
                if x >= cols:
                    break
                fg, bg = style.colours()
                px, py = pad + x * cell_w, pad + y * cell_h
                draw.rectangle([px, py, px + cell_w - 1, py + cell_h - 1], fill=bg)
                if ch != " ":
                    key = (style.bold, style.italic)
                    font = fonts[key] if has_glyph[key](ch) else fallback[style.bold]
                    draw.text((px, py + 1), ch, font=font, fill=fg)
                if style.underline:
                    draw.line([px, py + cell_h - 2, px + cell_w - 1, py + cell_h - 2], fill=fg)
                x += 1
            if m:
                style.apply(m.group(1))
                pos = m.end()
        style.reset()
    img.save(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("capture")
    parser.add_argument("out")
    parser.add_argument("--cols", type=int, default=100)
    parser.add_argument("--rows", type=int, default=30)
    args = parser.parse_args()
    with open(args.capture, encoding="utf-8") as f:
        lines = f.read().split("\n")
    # Other escape sequences than SGR have no place in a capture.
    lines = [re.sub(r"\x1b\[[0-9;?]*[A-Za-ln-z]", "", l) for l in lines]
    render(lines, args.cols, args.rows, args.out)


if __name__ == "__main__":
    sys.exit(main())
