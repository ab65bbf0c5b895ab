"""CSS colours for badges: parsing, WCAG contrast, and a readable text colour.

MkDocs-free.  A site gives badge *background* colours (``status_colors``); the text
colour is chosen here so that every badge meets WCAG AA (4.5:1) whatever the site
picked: the better of black and white always reaches at least 4.58:1.
"""

from __future__ import annotations

import re

RGB = tuple[float, float, float]

_HEX = re.compile(r"#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_RGB_FUNC = re.compile(r"rgba?\(([^()]*)\)")

WHITE: RGB = (255.0, 255.0, 255.0)
BLACK: RGB = (0.0, 0.0, 0.0)


def parse_color(text: str) -> RGB | None:
    """``#rgb``, ``#rrggbb`` (with optional alpha) or ``rgb()``/``rgba()`` as 0-255 floats.

    Returns None for anything else (named colours, ``hsl()``, ``var()``), so callers
    can report it instead of emitting CSS they cannot check.
    """
    text = text.strip()
    m = _HEX.fullmatch(text)
    if m:
        digits = m.group(1)
        if len(digits) in (3, 4):
            digits = "".join(ch * 2 for ch in digits)
        return (float(int(digits[0:2], 16)), float(int(digits[2:4], 16)), float(int(digits[4:6], 16)))
    m = _RGB_FUNC.fullmatch(text)
    if m:
        parts = [p for p in re.split(r"[\s,/]+", m.group(1).strip()) if p]
        if len(parts) not in (3, 4):
            return None
        channels: list[float] = []
        for part in parts[:3]:
            try:
                value = float(part[:-1]) * 2.55 if part.endswith("%") else float(part)
            except ValueError:
                return None
            channels.append(min(255.0, max(0.0, value)))
        return (channels[0], channels[1], channels[2])
    return None


def relative_luminance(rgb: RGB) -> float:
    """WCAG 2.x relative luminance of an sRGB colour given as 0-255 channels."""

    def linear(channel: float) -> float:
        c = channel / 255.0
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: RGB, b: RGB) -> float:
    """WCAG contrast ratio between two opaque colours, from 1.0 to 21.0."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_color_for(background: RGB) -> str:
    """``#fff`` or ``#000``, whichever contrasts more with ``background``."""
    return "#fff" if contrast_ratio(background, WHITE) >= contrast_ratio(background, BLACK) else "#000"
