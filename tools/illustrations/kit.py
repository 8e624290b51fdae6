"""A small kit that draws the exercise figures in one style: a 3D stick-and-capsule person
posed joint by joint, seen through an orthographic camera, written out as plain SVG.

World axes: x along the floor (the body's long axis when lying), y up, z toward the viewer
of a plain side view. Floor at y = 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

INK = "#1f2d2b"
FAR = "#6b7b77"  # limbs on the far side, the floor, furniture
TEAL = "#00695c"  # the part that moves
TEAL_FAR = "#3f8a84"  # the part that moves, on the far side
ORANGE = "#a4461a"  # arrows and marks
LIMB = 12
THIN = 2
MARK = 3
FONT = 16
HEAD_R = 15


def add(a, b):
    return tuple(x + y for x, y in zip(a, b, strict=False))


def sub(a, b):
    return tuple(x - y for x, y in zip(a, b, strict=False))


def mul(a, k):
    return tuple(x * k for x in a)


def norm(a):
    n = math.sqrt(sum(x * x for x in a))
    return mul(a, 1 / n)


def cross(a, b):
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def dot(a, b):
    return sum(x * y for x, y in zip(a, b, strict=False))


def toward(p, direction, length):
    return add(p, mul(norm(direction), length))


def deg(d):
    return math.radians(d)


def rotate_about(p, a, b, angle):
    """Point p rotated by angle (radians) about the axis through a and b (Rodrigues)."""
    k = norm(sub(b, a))
    v = sub(p, a)
    c, s = math.cos(angle), math.sin(angle)
    r = add(add(mul(v, c), mul(cross(k, v), s)), mul(k, dot(k, v) * (1 - c)))
    return add(a, r)


@dataclass
class Camera:
    yaw: float = 0.0  # degrees, turning the view around the vertical axis
    pitch: float = 0.0  # degrees, looking down from above
    ox: float = 0.0  # where world (0, 0, 0) lands on the panel
    oy: float = 0.0
    scale: float = 1.0

    def view(self, p):
        x, y, z = p
        a, b = deg(self.yaw), deg(self.pitch)
        x1 = x * math.cos(a) + z * math.sin(a)
        z1 = -x * math.sin(a) + z * math.cos(a)
        y2 = y * math.cos(b) - z1 * math.sin(b)
        z2 = y * math.sin(b) + z1 * math.cos(b)
        return x1, y2, z2

    def project(self, p):
        x, y, _ = self.view(p)
        return (self.ox + x * self.scale, self.oy - y * self.scale)

    def depth(self, p):
        return self.view(p)[2]


def fmt(v):
    r = round(v, 1)
    return str(int(r)) if r == int(r) else f"{r}"


def pts(points):
    return " ".join(f"{fmt(x)} {fmt(y)}" for x, y in points)


def hull(points):
    points = sorted({(round(x, 1), round(y, 1)) for x, y in points})
    if len(points) <= 2:
        return points

    def turn(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in points:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(points):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


@dataclass
class Person:
    """Joints in world coordinates. `front` points out of the chest, `left` to the person's left."""

    pelvis: tuple
    chest: tuple  # centre between the shoulders
    front: tuple
    head: tuple
    face: tuple  # where the nose points
    joints: dict = field(default_factory=dict)  # name -> point
    moving: set = field(default_factory=set)  # limb names drawn in teal
    planted: set = field(default_factory=set)  # moving legs whose foot stays on the floor
    lower_only: set = field(default_factory=set)  # moving legs whose thigh is drawn as still
    shoulder_half: float = 20
    hip_half: float = 15
    half_depth: float = 12

    def left_dir(self):
        return norm(cross(self.front, sub(self.chest, self.pelvis)))


LIMBS = {
    "left arm": ["l_shoulder", "l_elbow", "l_hand"],
    "right arm": ["r_shoulder", "r_elbow", "r_hand"],
    "left leg": ["l_hip", "l_knee", "l_ankle", "l_toe"],
    "right leg": ["r_hip", "r_knee", "r_ankle", "r_toe"],
}
# a moving leg whose foot stays put: the foot is drawn on its own, in the body's colour
FEET = {"left leg": ["l_ankle", "l_toe"], "right leg": ["r_ankle", "r_toe"]}


def draw_person(person: Person, cam: Camera, teal_torso=False, fade=None) -> list[str]:
    """SVG elements, far to near. fade: set of limb names drawn in the far colour whatever
    their depth."""
    items = []  # (depth, svg)
    left = person.left_dir()
    # the torso: the outline around four balls, at the shoulders and the hips
    outline = []
    for centre, half in ((person.chest, person.shoulder_half), (person.pelvis, person.hip_half)):
        for side in (-1, 1):
            x, y = cam.project(add(centre, mul(left, side * half)))
            r = person.half_depth * cam.scale
            outline += [
                (x + r * math.cos(k * math.pi / 12), y + r * math.sin(k * math.pi / 12))
                for k in range(24)
            ]
    torso = hull(outline)
    torso_depth = (cam.depth(person.chest) + cam.depth(person.pelvis)) / 2
    colour = TEAL if teal_torso else INK
    torso_svg = (
        f'<path d="M{pts([cam.project(person.chest), cam.project(person.head)])}" '
        f'stroke="{INK}" stroke-width="{LIMB}"/>\n'
        f'<path d="M{pts(torso)}Z" fill="{colour}"/>'
    )
    items.append((torso_depth, torso_svg))
    # head with a nose pointing where the face looks
    hx, hy = cam.project(person.head)
    r = HEAD_R * cam.scale
    head = [f'<circle cx="{fmt(hx)}" cy="{fmt(hy)}" r="{fmt(r)}" fill="{INK}"/>']
    # the nose sits a little toward the chin, as in a profile
    chin = norm(sub(person.chest, person.head))
    nose_dir = norm(add(norm(person.face), mul(chin, 0.3)))
    tip3 = add(person.head, mul(nose_dir, HEAD_R + 5))
    tx, ty = cam.project(tip3)
    dx, dy = tx - hx, ty - hy
    shown = math.hypot(dx, dy)
    if shown > HEAD_R * cam.scale * 0.75:
        ux, uy = dx / shown, dy / shown
        px, py = -uy, ux
        base = r * 0.4
        b1 = (hx + ux * r * 0.8 + px * base, hy + uy * r * 0.7 + py * base)
        b2 = (hx + ux * r * 0.8 - px * base, hy + uy * r * 0.7 - py * base)
        head.append(f'<path d="M{pts([b1, (tx, ty), b2])}Z" fill="{INK}"/>')
    # the head sits on the neck, in front of the torso's outline in every view we use
    items.append((max(cam.depth(person.head), torso_depth) + 0.01, "\n".join(head)))
    for name, chain in LIMBS.items():
        points = [person.joints[j] for j in chain if j in person.joints]
        depth = sum(cam.depth(p) for p in points) / len(points)
        far = depth < torso_depth - 1
        if name in person.moving:
            colour = TEAL_FAR if far and fade != "none" else TEAL
        elif fade and name in fade:
            colour = FAR
        else:
            colour = FAR if far else INK
        if name in person.planted:
            points = points[:-1]
        if name in person.lower_only:
            thigh = "M" + pts([cam.project(p) for p in points[:2]])
            still = FAR if far else INK
            items.append(
                (depth - 0.001, f'<path d="{thigh}" stroke="{still}" stroke-width="{LIMB}"/>')
            )
            points = points[1:]
        d = "M" + pts([cam.project(p) for p in points])
        items.append((depth, f'<path d="{d}" stroke="{colour}" stroke-width="{LIMB}"/>'))
        if name in person.planted:
            foot = [person.joints[j] for j in FEET[name]]
            d = "M" + pts([cam.project(p) for p in foot])
            items.append(
                (
                    depth + 0.001,
                    f'<path d="{d}" stroke="{FAR if far else INK}" stroke-width="{LIMB}"/>',
                )
            )
    items.sort(key=lambda item: item[0])
    return [svg for _, svg in items]


def arrow(d: str) -> str:
    return f'<path d="{d}" stroke="{ORANGE}" stroke-width="{MARK}" marker-end="url(#a)"/>'


ARROW_DEFS = (
    '<defs>\n<marker id="a" viewBox="0 0 10 10" refX="7" refY="5" markerWidth="4" '
    'markerHeight="4" orient="auto-start-reverse">\n'
    f'<path d="M0 0 L10 5 L0 10 z" fill="{ORANGE}"/>\n</marker>\n</defs>'
)


def text(x, y, words, anchor="start", bold=False, size=FONT):
    weight = ' font-weight="700"' if bold else ""
    a = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return f'<text x="{fmt(x)}" y="{fmt(y)}"{a}{weight}>{words}</text>'


def svg(width, height, title, desc, body: list[str], texts: list[str]) -> str:
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="t d">',
        f'<title id="t">{title}</title>',
        f'<desc id="d">{desc}</desc>',
        ARROW_DEFS,
        '<g fill="none" stroke-linecap="round" stroke-linejoin="round">',
        *body,
        "</g>",
        f'<g font-family="sans-serif" font-size="{FONT}" fill="{INK}">',
        *texts,
        "</g>",
        "</svg>",
    ]
    return "\n".join(out) + "\n"


def floor(x1, x2, y) -> str:
    return f'<path d="M{fmt(x1)} {fmt(y)} H{fmt(x2)}" stroke="{FAR}" stroke-width="{THIN}"/>'


def divider(y, x1=12, x2=348) -> str:
    return (
        f'<path d="M{fmt(x1)} {fmt(y)} H{fmt(x2)}" stroke="{FAR}" stroke-width="{THIN}" '
        'stroke-dasharray="2 6"/>'
    )
