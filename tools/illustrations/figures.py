"""Each exercise figure as a function returning SVG text, in the site's one drawing style
(kit.py: the figure, camera, palette and line widths; poses.py: body proportions and poses).

    cd tools/illustrations && python figures.py ../../docs/assets/images/illustrations [name ...]

writes the named figures (all when none is named); standard library only. It reproduces the
committed drawings byte for byte, so a new exercise can be drawn to match them. The
piriformis diagram is drawn by hand. tests/test_illustrations.py checks whatever it writes."""

from __future__ import annotations

import math
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kit import (
    FAR,
    MARK,
    ORANGE,
    TEAL,
    THIN,
    Camera,
    Person,
    add,
    arrow,
    cross,
    deg,
    dot,
    draw_person,
    fmt,
    mul,
    norm,
    pts,
    rotate_about,
    sub,
    svg,
    text,
)
from poses import (
    FOOT,
    FOREARM,
    HIP,
    ON_FLOOR,
    SHIN,
    THIGH,
    TORSO,
    TORSO_Y,
    UPPER_ARM,
    supine,
    table_top_leg,
)

W = 360
TITLE_H = 34  # room for the panel's title line


def title(x, y, head, rest="", anchor="start"):
    a = f' text-anchor="{anchor}"' if anchor != "start" else ""
    tail = f" {rest}" if rest else ""
    return (
        f'<text x="{fmt(x)}" y="{fmt(y)}"{a}><tspan font-weight="700">{head}</tspan>{tail}</text>'
    )


def line(points, colour=FAR, width=THIN, extra=""):
    return f'<path d="M{pts(points)}" stroke="{colour}" stroke-width="{width}"{extra}/>'


@dataclass
class Panel:
    head: str
    rest: str
    people: list
    extras: object = None  # function(cam) -> (body svg list, text svg list)
    floor: bool = True
    floor_z: float = 0.0  # the floor line is drawn through this depth
    mat: tuple | None = None  # (x0, x1, z0, z1) of a mat on the floor, for angled views
    bounds_extra: list = field(default_factory=list)  # world points to keep in view


def extent(cam, people, extra_points):
    xs, ys = [], []
    for p in people:
        points = [*list(p.joints.values()), p.chest, p.pelvis]
        for q in points:
            x, y = cam.project(q)
            xs += [x - 8, x + 8]
            ys += [y - 8, y + 8]
        x, y = cam.project(p.head)
        xs += [x - 20, x + 20]
        ys += [y - 22, y + 20]
    for q in extra_points:
        x, y = cam.project(q)
        xs.append(x)
        ys.append(y)
    return min(xs), max(xs), min(ys), max(ys)


def mat_corners(mat):
    if not mat:
        return []
    a, b, c, d = mat
    return [(a, 0, c), (b, 0, c), (b, 0, d), (a, 0, d)]


@dataclass
class Row:
    panels: list
    camera: tuple = (0, 0)
    scale: float = 1.0
    heading: str = ""  # a line across the row, above its panels


LINE = 20  # line height of the panel titles


def title_lines(pn, cell_width):
    """The title in one line if it fits the cell, else the rest on a second line."""
    if not pn.rest:
        return [(pn.head, "")]
    if len(pn.head) + len(pn.rest) + 1 <= cell_width / 8.6:
        return [(pn.head, pn.rest)]
    return [(pn.head, ""), ("", pn.rest)]


def row_boxes(row):
    cam0 = Camera(yaw=row.camera[0], pitch=row.camera[1], ox=0, oy=0, scale=row.scale)
    return [extent(cam0, pn.people, pn.bounds_extra + mat_corners(pn.mat)) for pn in row.panels]


def layout(rows, name_title, desc, gap=22, width=W, shared_x=False):
    """Rows of panels; in a row the panels share the camera, the scale and the floor line.
    Each panel has its title above the drawing. shared_x: every row places the body at the
    same x (rows with the same camera and scale)."""
    body, texts = [], []
    top = 0.0
    every = [b for row in rows for b in row_boxes(row)]
    for r, row in enumerate(rows):
        n = len(row.panels)
        cell = width / n
        boxes = row_boxes(row)
        x0 = min(b[0] for b in (every if shared_x else boxes))
        x1 = max(b[1] for b in (every if shared_x else boxes))
        y0 = min(b[2] for b in boxes)
        y1 = max(b[3] for b in boxes)
        heads = [title_lines(pn, cell) for pn in row.panels]
        title_h = 14 + LINE * max(len(h) for h in heads)
        if r:
            body.append(
                line(
                    [(12, top - gap / 2 + 2), (width - 12, top - gap / 2 + 2)],
                    extra=' stroke-dasharray="2 6"',
                )
            )
        if row.heading:
            texts.append(text(12, top + 22, row.heading))
            top += LINE
        for i, (pn, lines_) in enumerate(zip(row.panels, heads, strict=False)):
            left = i * cell
            body.append(f"<!-- {(pn.head + ' ' + pn.rest).strip()} -->")
            if i:
                body.append(
                    line(
                        [(left, top + 4), (left, top + title_h + y1 - y0)],
                        extra=' stroke-dasharray="2 6"',
                    )
                )
            ox = left + (cell - (x1 - x0)) / 2 - x0
            oy = top + title_h - y0
            cam = Camera(yaw=row.camera[0], pitch=row.camera[1], ox=ox, oy=oy, scale=row.scale)
            if pn.mat:
                body.append(
                    f'<path d="M{pts([cam.project(q) for q in mat_corners(pn.mat)])}Z" stroke="{FAR}" stroke-width="{THIN}"/>'
                )
            elif pn.floor:
                fy = cam.project((0, 0, pn.floor_z))[1]
                body.append(line([(left + 12, fy), (left + cell - 12, fy)]))
            before, after, words = pn.extras(cam) if pn.extras else ([], [], [])
            body += before
            for person in pn.people:
                body.append("<g>")
                body += draw_person(person, cam, **getattr(person, "draw_options", {}))
                body.append("</g>")
            body += after
            for k, (head, rest) in enumerate(lines_):
                y = top + 22 + k * LINE
                if head:
                    texts.append(title(left + 12, y, head, rest))
                else:
                    texts.append(text(left + 12, y, rest))
            texts += words
        top += title_h + (y1 - y0) + gap
    height = math.ceil(top - gap + 6)
    return svg(width, height, name_title, desc, body, texts)


def stacked(panels, camera, scale, name_title, desc):
    return layout([Row([pn], camera, scale) for pn in panels], name_title, desc, shared_x=True)


# --- lying on the back, seen from the side -------------------------------------------------------


def dead_bug():
    start = supine(arms="up")
    table_top_leg(start, "r")
    table_top_leg(start, "l")
    start.moving = {"left leg"}
    end = supine(arms="up")
    table_top_leg(end, "r")
    end.moving = {"left leg"}

    def taps(cam):
        a = cam.project(add(start.joints["l_toe"], (10, 4, 0)))
        b = cam.project(add(end.joints["l_toe"], (16, 10, 0)))
        c = (b[0] + 22, (a[1] + b[1]) / 2)
        return (
            [],
            [arrow(f"M{fmt(a[0])} {fmt(a[1])} Q{fmt(c[0])} {fmt(c[1])} {fmt(b[0])} {fmt(b[1])}")],
            [],
        )

    return stacked(
        [
            Panel("Start:", "arms up, legs like a table top", [start]),
            Panel("End:", "lower one foot to tap the floor", [end], extras=taps),
        ],
        (0, 0),
        1.1,
        "Dead bug, beginner version",
        "Two pictures, seen from the side. Start: a person lies on their back with both arms "
        "pointing to the ceiling and both legs lifted, hips and knees bent at right angles like a "
        "table top. End: one leg has lowered slowly so its foot taps the floor, knee still bent. "
        "The other leg and the arms stay where they were.",
    )


def bridge_pose(lift):
    """On the back, knees bent; lift 0 is hips on the floor, 1 is a straight line from the
    shoulders to the knees."""
    p = supine()
    if lift == 0:
        return p
    chest = p.chest
    ankle = p.joints["l_ankle"]
    # shoulders, hips and knees in line: knee = chest + (TORSO + THIGH) u, |knee - ankle| = SHIN
    best = None
    for tenth in range(900):
        a = math.radians(tenth / 10)
        u = (math.cos(a), math.sin(a), 0)
        knee = add(chest, mul(u, TORSO + THIGH))
        d = math.dist(knee[:2], ankle[:2])
        if best is None or abs(d - SHIN) < best[0]:
            best = (abs(d - SHIN), u)
    u = best[1]
    pelvis = add(chest, mul(u, TORSO))
    p.pelvis = pelvis
    p.front = (-u[1], u[0], 0)
    for side, s in (("l", 1), ("r", -1)):
        p.joints[f"{side}_hip"] = (pelvis[0], pelvis[1], s * HIP)
        p.joints[f"{side}_knee"] = (*add(chest, mul(u, TORSO + THIGH))[:2], s * HIP)
    return p


def glute_bridge():
    start, end = bridge_pose(0), bridge_pose(1)
    for p in (start, end):
        p.draw_options = {"teal_torso": True}

    def lift(cam):
        low = cam.project((end.pelvis[0], 4, 0))
        high = cam.project(add(end.pelvis, (0, -18, 0)))
        return [], [arrow(f"M{fmt(low[0])} {fmt(low[1])} V{fmt(high[1])}")], []

    return stacked(
        [
            Panel("Start:", "lie on your back, knees bent", [start]),
            Panel("End:", "lift your hips", [end], extras=lift),
        ],
        (0, 0),
        1.15,
        "Glute bridge",
        "Two pictures, seen from the side. Start: a person lies on their back with knees bent "
        "and feet flat on the floor, arms by their sides. End: the hips are lifted so the "
        "shoulders, hips and knees make a straight line. The shoulders and feet stay on the floor.",
    )


def breathing_pose(breath_in):
    return supine()


def belly_breathing():
    out_pose, in_pose = breathing_pose(False), breathing_pose(True)

    def belly(rise):
        def draw(cam):
            a = cam.project((-58, TORSO_Y + 8, 0))
            b = cam.project((-2, TORSO_Y + 8, 0))
            top = cam.project((-30, TORSO_Y + 14 + rise * 2.4, 0))
            shape = f'<path d="M{fmt(a[0])} {fmt(a[1])} Q{fmt(top[0])} {fmt(top[1])} {fmt(b[0])} {fmt(b[1])}Z" fill="{TEAL}"/>'
            extra = []
            if rise:
                for x in (-46, -14):
                    s = cam.project((x, TORSO_Y + 32, 0))
                    e = cam.project((x, TORSO_Y + 54, 0))
                    extra.append(arrow(f"M{fmt(s[0])} {fmt(s[1])} V{fmt(e[1])}"))
            return [], [shape, *extra], []

        return draw

    # the hand is drawn after the belly so it rests on it
    return stacked(
        [
            Panel("Breathe out:", "your belly settles", [out_pose], extras=belly(0)),
            Panel(
                "Breathe in:",
                "your belly rises",
                [in_pose],
                extras=belly(10),
                bounds_extra=[(-30, TORSO_Y + 56, 0)],
            ),
        ],
        (0, 0),
        1.15,
        "Belly breathing, lying on your back",
        "Two pictures, seen from the side, of a person lying on their back with knees bent and "
        "feet flat. Breathe out: the belly is low. Breathe in: the belly rises. Arrows point up.",
    )


# --- hands and knees -----------------------------------------------------------------------------


def all_fours():
    knee_y, hip_y, shoulder_y = ON_FLOOR, ON_FLOOR + 72, ON_FLOOR + 74
    pelvis = (0.0, hip_y, 0.0)
    chest = (-TORSO, shoulder_y, 0.0)
    p = Person(
        pelvis=pelvis,
        chest=chest,
        front=(0, -1, 0),
        head=(-TORSO - 27, shoulder_y - 11, 0),
        face=(-0.5, -1, 0),
    )
    j = p.joints
    for side, s in (("l", 1), ("r", -1)):
        j[f"{side}_shoulder"] = (-TORSO, shoulder_y, s * 18)
        j[f"{side}_elbow"] = (-TORSO + 6, shoulder_y - UPPER_ARM + 3, s * 18)
        j[f"{side}_hand"] = (-TORSO + 2, ON_FLOOR, s * 18)
        j[f"{side}_hip"] = (0.0, hip_y, s * HIP)
        j[f"{side}_knee"] = (2.0, knee_y, s * HIP)
        j[f"{side}_ankle"] = (2.0 + SHIN, knee_y, s * HIP)
        j[f"{side}_toe"] = (2.0 + SHIN + FOOT * 0.8, knee_y, s * HIP)
    return p


def bird_dog():
    start = all_fours()
    start.moving = {"left arm", "right leg"}
    end = all_fours()
    end.moving = {"left arm", "right leg"}
    sy = end.chest[1]
    j = end.joints
    j["l_elbow"] = (-TORSO - UPPER_ARM, sy + 4, 18)
    j["l_hand"] = (-TORSO - UPPER_ARM - FOREARM, sy + 6, 18)
    hy = end.pelvis[1]
    j["r_knee"] = (THIGH, hy + 1, -HIP)
    j["r_ankle"] = (THIGH + SHIN, hy + 2, -HIP)
    j["r_toe"] = (THIGH + SHIN + 6, hy + 2 - FOOT * 0.7, -HIP)

    def reach(cam):
        hand0 = cam.project(start.joints["l_hand"])
        hand1 = cam.project(end.joints["l_hand"])
        foot0 = cam.project(start.joints["r_ankle"])
        foot1 = cam.project(end.joints["r_ankle"])
        a1 = arrow(
            f"M{fmt(hand0[0] - 14)} {fmt(hand0[1] - 8)} Q{fmt(hand1[0] + 4)} {fmt(hand0[1] - 10)} {fmt(hand1[0] + 8)} {fmt(hand1[1] + 16)}"
        )
        a2 = arrow(
            f"M{fmt(foot0[0] + 14)} {fmt(foot0[1] - 14)} Q{fmt(foot1[0] - 4)} {fmt(foot0[1] - 12)} {fmt(foot1[0] - 10)} {fmt(foot1[1] + 16)}"
        )
        return [], [a1, a2], []

    return stacked(
        [
            Panel("Start:", "on hands and knees, back flat", [start]),
            Panel(
                "End:",
                "reach one arm and the other leg",
                [end],
                extras=reach,
                bounds_extra=[start.joints["l_hand"], start.joints["r_toe"]],
            ),
        ],
        (0, 0),
        1.0,
        "Bird dog, on hands and knees",
        "Two pictures, seen from the side. Start: a person on hands and knees, hands under the "
        "shoulders, knees under the hips, back flat, looking at the floor. End: one arm reaches "
        "straight forward and the opposite leg reaches straight back, both level with the back.",
    )


# --- lying down, seen from the feet at an angle --------------------------------------------------

ANGLED = tuple(float(v) for v in os.environ.get("ANGLED", "-15,50").split(","))


def windshield_pose(tip):
    p = supine(feet_apart=22, arms="out")
    for side in ("l", "r"):
        j = p.joints
        if tip:
            hip, ankle = j[f"{side}_hip"], j[f"{side}_ankle"]
            j[f"{side}_knee"] = rotate_about(j[f"{side}_knee"], hip, ankle, tip)
    return p


FROM_FEET = tuple(float(v) for v in os.environ.get("FEET", "-90,16").split(","))


def windshield_wipers():
    start, end = windshield_pose(0), windshield_pose(deg(float(os.environ.get("TIP", "40"))))
    side = windshield_pose(0)
    start.moving = end.moving = {"left leg", "right leg"}
    start.planted = end.planted = {"left leg", "right leg"}
    return layout(
        [
            Row([Panel("Lie on your back:", "knees bent, feet flat", [side])], (0, 0), 1.05),
            Row(
                [Panel("Start:", "knees up", [start]), Panel("End:", "knees tip over", [end])],
                FROM_FEET,
                0.82,
                heading="Seen from your feet:",
            ),
        ],
        "Windshield wipers, lying on your back",
        "Three pictures. First, seen from the side: a person lies on their back with knees bent "
        "and feet flat on the floor. Then two pictures seen from their feet. Start: both knees "
        "point up, feet flat and a little wider apart than the hips, arms resting out to the "
        "sides. End: both knees have tipped together to one side while the feet stay flat on "
        "the floor.",
    )


def prone_pose(fall):
    pelvis = (0.0, TORSO_Y, 0.0)
    chest = (-TORSO, TORSO_Y, 0.0)
    p = Person(
        pelvis=pelvis, chest=chest, front=(0, -1, 0), head=(-TORSO - 32, 18, 0), face=(0, -1, 0)
    )
    j = p.joints
    for side, s in (("l", 1), ("r", -1)):
        j[f"{side}_shoulder"] = (-TORSO + 4, TORSO_Y, s * 20)
        j[f"{side}_elbow"] = (-TORSO + 4 + UPPER_ARM, ON_FLOOR + 2, s * (20 + 6))
        j[f"{side}_hand"] = (-TORSO + 4 + UPPER_ARM + FOREARM, ON_FLOOR, s * (20 + 8))
        hip = (0.0, TORSO_Y, s * HIP)
        knee = (THIGH, ON_FLOOR, s * HIP)
        ankle = (THIGH, ON_FLOOR + SHIN, s * HIP)
        toe = add(ankle, (-6, FOOT, 0))
        axis = add(knee, (1, 0, 0))
        j[f"{side}_hip"], j[f"{side}_knee"] = hip, knee
        j[f"{side}_ankle"] = rotate_about(ankle, knee, axis, s * fall)
        j[f"{side}_toe"] = rotate_about(toe, knee, axis, s * fall)
    return p


def prone_hip_rotation():
    start, end = prone_pose(0), prone_pose(deg(38))
    side = prone_pose(0)
    start.moving = end.moving = {"left leg", "right leg"}
    start.lower_only = end.lower_only = {"left leg", "right leg"}
    return layout(
        [
            Row([Panel("Lie face down:", "knees bent, lower legs up", [side])], (0, 0), 1.05),
            Row(
                [Panel("Start:", "feet up", [start]), Panel("End:", "feet fall out", [end])],
                FROM_FEET,
                1.05,
                heading="Seen from your feet:",
            ),
        ],
        "Lying face-down hip turn",
        "Three pictures. First, seen from the side: a person lies face down with both knees bent "
        "so the lower legs point up to the ceiling. Then two pictures seen from their feet. "
        "Start: both lower legs point straight up. End: the knees stay on the floor and the feet "
        "fall out to the sides, which turns the thighs inward at the hips.",
    )


# --- sitting, seen from the front ----------------------------------------------------------------

SEAT = 70


def seated_pose(swing):
    pelvis = (0.0, SEAT + 14, 0.0)
    chest = (0.0, SEAT + 14 + TORSO, -4.0)
    p = Person(
        pelvis=pelvis,
        chest=chest,
        front=(0, 0, 1),
        head=(0.0, SEAT + 14 + TORSO + 32, -4.0),
        face=(0, 0, 1),
    )
    j = p.joints
    for side, s in (("l", -1), ("r", 1)):
        j[f"{side}_shoulder"] = (s * 20, chest[1] - 4, -4)
        j[f"{side}_elbow"] = (s * 34, chest[1] - 4 - UPPER_ARM + 4, 0)
        j[f"{side}_hand"] = (s * 42, SEAT + 6, 12)
        hip = (s * 13, SEAT + 10, 4)
        knee = (s * 15, SEAT + 6, 4 + THIGH)
        ankle = (s * 15, ON_FLOOR + 2, 4 + THIGH + 2)
        toe = add(ankle, (0, -3, FOOT))
        j[f"{side}_hip"], j[f"{side}_knee"] = hip, knee
        if side == "r" and swing:
            ankle = rotate_about(ankle, hip, knee, swing)
            toe = rotate_about(toe, hip, knee, swing)
        j[f"{side}_ankle"], j[f"{side}_toe"] = ankle, toe
    p.moving = {"right leg"}
    return p


def chair(cam):
    """A plain chair, in thin lines: its back shows behind the person."""
    x, z0, z1 = 50, -26, 30
    back = [
        (-x + 6, SEAT, z0 + 4),
        (-x + 6, SEAT + 104, z0),
        (x - 6, SEAT + 104, z0),
        (x - 6, SEAT, z0 + 4),
    ]
    rail = [(-x + 6, SEAT + 84, z0 + 1), (x - 6, SEAT + 84, z0 + 1)]
    top = [(-x, SEAT, z0), (x, SEAT, z0), (x, SEAT, z1), (-x, SEAT, z1)]
    out = [
        line([cam.project(q) for q in back]),
        line([cam.project(q) for q in rail]),
        f'<path d="M{pts([cam.project(q) for q in top])}Z" stroke="{FAR}" stroke-width="{THIN}"/>',
    ]
    for lx, lz in ((-x + 6, z0 + 6), (x - 6, z0 + 6), (-x + 6, z1 - 6), (x - 6, z1 - 6)):
        out.append(line([cam.project((lx, SEAT, lz)), cam.project((lx * 1.08, 0, lz))]))
    return out


def knee_ring(cam, p):
    x, y = cam.project(p.joints["r_knee"])
    return f'<circle cx="{fmt(x)}" cy="{fmt(y)}" r="{fmt(13)}" stroke="{ORANGE}" stroke-width="{MARK}"/>'


def seated_hip_turn():
    start, end = seated_pose(0), seated_pose(deg(40))

    def marks(p, with_arrow):
        def draw(cam):
            after = [knee_ring(cam, p)]
            if with_arrow:
                a = cam.project(add(start.joints["r_ankle"], (8, 10, 0)))
                b = cam.project(add(end.joints["r_ankle"], (6, 16, 0)))
                after.append(
                    arrow(
                        f"M{fmt(a[0])} {fmt(a[1])} Q{fmt((a[0] + b[0]) / 2 + 2)} {fmt(max(a[1], b[1]) + 10)} {fmt(b[0])} {fmt(b[1])}"
                    )
                )
            return chair(cam), after, []

        return draw

    floor_pts = [(-60, 0, 30), (70, 0, 100)]
    return layout(
        [
            Row(
                [
                    Panel(
                        "Start:",
                        "sit tall, feet flat",
                        [start],
                        extras=marks(start, False),
                        bounds_extra=floor_pts,
                        floor_z=THIGH + 4,
                    ),
                    Panel(
                        "End:",
                        "knee still, foot out",
                        [end],
                        extras=marks(end, True),
                        bounds_extra=floor_pts,
                        floor_z=THIGH + 4,
                    ),
                ],
                (0, 18),
                0.9,
            )
        ],
        "Seated hip turn",
        "Two pictures of a person sitting tall on a chair, seen from the front. Start: both knees "
        "bent, feet flat on the floor, knees pointing straight ahead. End: one knee stays in the "
        "same place while that lower leg swings out to the side, so the thigh turns inward at "
        "the hip. A ring marks the knee that stays still; an arrow shows the foot moving out.",
    )


# --- helpers for the poses below -----------------------------------------------------------------


def bend(a, c, first, second, hint):
    """The middle joint of a two-part limb from a to c (a knee, an elbow), bent toward the
    direction hint."""
    d = math.dist(a, c)
    d = min(d, first + second - 0.01)
    u = norm(sub(c, a))
    along = (first**2 - second**2 + d**2) / (2 * d)
    h = math.sqrt(max(first**2 - along**2, 0))
    # hint, less its part along the limb
    side = sub(hint, mul(u, dot(hint, u)))
    return add(add(a, mul(u, along)), mul(norm(side), h))


# --- lying on the back: the figure 4 stretch ------------------------------------------------------


def figure_four(pull):
    """On the back, knees bent; the near (left) ankle crossed over the far knee. pull: the far
    thigh drawn toward the chest, held by both hands."""
    p = supine()
    j = p.joints
    if pull:
        a = deg(112)
        hip = j["r_hip"]
        knee = add(hip, (math.cos(a) * THIGH, math.sin(a) * THIGH, 0))
        ankle = add(knee, (SHIN * 0.8, SHIN * 0.6, 0))
        j["r_knee"], j["r_ankle"] = knee, ankle
        j["r_toe"] = add(ankle, (FOOT * 0.85, FOOT * 0.5, 0))
        held = add(add(hip, mul(sub(knee, hip), 0.72)), (9, 0, 0))
        for side, s in (("l", 1), ("r", -1)):
            shoulder = j[f"{side}_shoulder"]
            hand = (held[0], held[1], s * 4)
            j[f"{side}_hand"] = hand
            j[f"{side}_elbow"] = bend(shoulder, hand, UPPER_ARM, FOREARM, (0, -0.3, s))
    # the near ankle rests across the far thigh, just above the knee
    knee = j["r_knee"]
    toward_hip = norm(sub(j["r_hip"], knee))
    ankle = add(add(knee, mul(toward_hip, 10)), (0, 0, 2))
    ankle = add(ankle, mul(norm(cross(toward_hip, (0, 0, 1))), -10))
    j["l_ankle"] = ankle
    j["l_knee"] = bend(j["l_hip"], ankle, THIGH, SHIN, (0.8, 0, 1))  # knee out to the side
    j["l_toe"] = add(ankle, (0, 0, -FOOT))
    p.moving = {"left leg"}
    return p


def piriformis_stretch():
    start, end = figure_four(False), figure_four(True)

    def draw_in(cam):
        knee = end.joints["r_knee"]
        a = cam.project(add(knee, (4, 22, 0)))
        b = cam.project(add(knee, (-40, -8, 0)))
        c = (b[0] + 4, a[1] - 2)
        return (
            [],
            [arrow(f"M{fmt(a[0])} {fmt(a[1])} Q{fmt(c[0])} {fmt(c[1])} {fmt(b[0])} {fmt(b[1])}")],
            [],
        )

    return stacked(
        [
            Panel("Start:", "cross one ankle over the other knee", [start]),
            Panel(
                "End:",
                "pull the uncrossed leg toward your chest",
                [end],
                extras=draw_in,
                bounds_extra=[add(end.joints["r_knee"], (-4, 30, 0))],
            ),
        ],
        (0, 0),
        1.1,
        "Piriformis stretch, lying on your back",
        "Two pictures, seen from the side. Start: a person lies on their back with knees bent and "
        "one foot flat on the floor; the other ankle rests across that knee, its knee pointing out "
        "to the side, like a figure 4. End: both hands hold behind the thigh of the uncrossed leg "
        "and draw it toward the chest, the ankle still crossed over it. The head and shoulders "
        "stay on the floor.",
    )


# --- lying on one side ---------------------------------------------------------------------------


def side_lying(lift):
    """On the left side, head at -x resting on the lower arm, front toward +z; hips bent 55
    degrees and knees bent about 90, feet together. lift: how far (radians) the top knee turns
    up about the line from the top hip to the feet."""
    chest_y, pelvis_y = 33.0, 28.0
    pelvis = (0.0, pelvis_y, 0.0)
    chest = (-TORSO, chest_y, 0.0)
    p = Person(
        pelvis=pelvis, chest=chest, front=(0, 0, 1), head=(-TORSO - 33, 32, 2), face=(0, 0, 1)
    )
    j = p.joints
    # the lower arm reaches along the floor past the head, which rests on it
    j["l_shoulder"] = (-TORSO + 4, chest_y - 20, 0)
    j["l_elbow"] = (-TORSO + 4 - UPPER_ARM, ON_FLOOR, 4)
    j["l_hand"] = (-TORSO + 4 - UPPER_ARM - FOREARM, ON_FLOOR, 8)
    # the top hand rests on the floor in front of the chest
    j["r_shoulder"] = (-TORSO + 4, chest_y + 20, 0)
    j["r_elbow"] = (-TORSO + 18, ON_FLOOR + 14, 44)
    j["r_hand"] = (-TORSO + 58, ON_FLOOR, 50)
    flex, bend = deg(55), deg(95)
    thigh = (math.cos(flex), 0, math.sin(flex))
    shin = (math.cos(flex + bend), 0, math.sin(flex + bend))
    for side, y in (("l", ON_FLOOR), ("r", ON_FLOOR + 12)):
        hip = (0.0, pelvis_y - 12 if side == "l" else pelvis_y + 12, 0.0)
        knee = add((hip[0], y, 0), mul(thigh, THIGH))
        ankle = add(knee, mul(shin, SHIN))
        toe = add(ankle, (FOOT * 0.9, 0, -FOOT * 0.3))
        j[f"{side}_hip"], j[f"{side}_knee"], j[f"{side}_ankle"], j[f"{side}_toe"] = (
            hip,
            knee,
            ankle,
            toe,
        )
    if lift:
        j["r_knee"] = rotate_about(j["r_knee"], j["r_hip"], j["r_ankle"], lift)
    p.moving = {"right leg"}
    p.planted = {"right leg"}
    return p


SIDE_VIEW = (0, 25)  # from the front, a little above


SIDE_MAT = (-190, 130, -30, 90)


def clamshell():
    start, end = side_lying(0), side_lying(deg(40))

    def lift(cam):
        a = cam.project(add(start.joints["r_knee"], (0, 14, 0)))
        b = cam.project(add(end.joints["r_knee"], (0, 14, 0)))
        return [], [arrow(f"M{fmt(a[0] + 14)} {fmt(a[1] + 4)} L{fmt(b[0] + 14)} {fmt(b[1])}")], []

    return stacked(
        [
            Panel("Start:", "lie on your side, knees together", [start], mat=SIDE_MAT),
            Panel("End:", "lift the top knee, feet together", [end], extras=lift, mat=SIDE_MAT),
        ],
        SIDE_VIEW,
        1.1,
        "Clamshell, lying on your side",
        "Two pictures of a person lying on their side, head resting on the lower arm, hips and "
        "knees bent and feet together. Start: the knees are together. End: the top knee has "
        "lifted up, like a clamshell opening, while the feet stay together.",
    )


# --- lying face down: the press-up ----------------------------------------------------------------


def press_up_pose(lift):
    """Face down, head at -x, legs straight, hands flat on the floor under the shoulders. lift:
    the angle (degrees) the chest rises about the hips, on straightening arms."""
    a = deg(lift)
    pelvis = (0.0, TORSO_Y, 0.0)
    u = (-math.cos(a), math.sin(a), 0)  # hips to chest
    chest = add(pelvis, mul(u, TORSO))
    look = deg(lift * 0.6)
    head = add(chest, mul((-math.cos(a + deg(8)), math.sin(a + deg(8)), 0), 32))
    if not lift:
        head = (-TORSO - 32, 18, 0)
    p = Person(
        pelvis=pelvis,
        chest=chest,
        front=(-math.sin(a), -math.cos(a), 0),
        head=head,
        face=(-math.sin(look) - 0.15, -math.cos(look), 0),
    )
    j = p.joints
    for side, s in (("l", 1), ("r", -1)):
        shoulder = add(chest, (4 * math.cos(a), -4 * math.sin(a), s * 20))
        hand = (-TORSO + 10, ON_FLOOR, s * 24)
        j[f"{side}_shoulder"], j[f"{side}_hand"] = shoulder, hand
        j[f"{side}_elbow"] = bend(shoulder, hand, UPPER_ARM, FOREARM, (0.8, 0.6, s * 0.6))
        j[f"{side}_hip"] = (0.0, TORSO_Y, s * HIP)
        j[f"{side}_knee"] = (THIGH, ON_FLOOR + 4, s * HIP)
        j[f"{side}_ankle"] = (THIGH + SHIN, ON_FLOOR + 1, s * HIP)
        j[f"{side}_toe"] = (THIGH + SHIN + FOOT, ON_FLOOR - 2, s * HIP)
    # the chest is what rises: teal; the arms stay in ink so they show against it
    p.draw_options = {"teal_torso": True}
    return p


def prone_press_up():
    start, end = press_up_pose(0), press_up_pose(54)

    def lift(cam):
        x = end.pelvis[0] - 48
        low = cam.project((x, 6, 0))
        high = cam.project((x, TORSO_Y + 48 * math.tan(deg(54)) - 24, 0))
        return [], [arrow(f"M{fmt(low[0])} {fmt(low[1])} V{fmt(high[1])}")], []

    return stacked(
        [
            Panel("Start:", "lie face down, hands under shoulders", [start]),
            Panel("End:", "straighten your arms, hips down", [end], extras=lift),
        ],
        (0, 0),
        1.05,
        "Press-up, lying face down",
        "Two pictures, seen from the side. Start: a person lies face down, legs straight, with "
        "the hands flat on the floor under the shoulders and the elbows bent. End: the arms "
        "straighten to lift the chest and head, while the hips and legs stay on the floor.",
    )


# --- sitting, seen from the side -----------------------------------------------------------------


def sitting_side(glide):
    """Sitting tall on a chair, facing +x. glide 0: knee bent, foot flat, chin down; 1: the near
    knee straight, toes up, head tipped back to look up."""
    pelvis = (0.0, SEAT + 14, 0.0)
    chest = (-2.0, SEAT + 14 + TORSO, 0.0)
    if glide:
        head, face = add(chest, (-7, 31, 0)), (0.5, 0.9, 0)
    else:
        head, face = add(chest, (11, 29, 0)), (0.6, -0.8, 0)
    p = Person(pelvis=pelvis, chest=chest, front=(1, 0, 0), head=head, face=face)
    j = p.joints
    for side, s in (("l", 1), ("r", -1)):
        shoulder = (chest[0], chest[1] - 4, s * 20)
        hand = (44, SEAT + 18, s * 16)  # resting on the thigh
        j[f"{side}_shoulder"], j[f"{side}_hand"] = shoulder, hand
        j[f"{side}_elbow"] = bend(shoulder, hand, UPPER_ARM, FOREARM, (-0.3, -1, s * 0.3))
        hip = (2.0, SEAT + 8, s * HIP)
        knee = (2.0 + THIGH, SEAT + 6, s * HIP)
        ankle = (knee[0] + 4, ON_FLOOR + 2, s * HIP)
        toe = add(ankle, (FOOT, -2, 0))
        if side == "l" and glide:
            ankle = add(knee, (SHIN * math.cos(deg(-12)), SHIN * math.sin(deg(-12)), 0))
            toe = add(ankle, (FOOT * 0.3, FOOT * 0.95, 0))
        j[f"{side}_hip"], j[f"{side}_knee"], j[f"{side}_ankle"], j[f"{side}_toe"] = (
            hip,
            knee,
            ankle,
            toe,
        )
    p.moving = {"left leg"}
    p.lower_only = {"left leg"}
    return p


def side_chair(cam):
    """A plain chair seen from the side, in thin lines, its back behind the person."""
    front, back = 44, -26
    seat = [(back, SEAT, 0), (front, SEAT, 0)]
    rest = [(back, SEAT, 0), (back - 6, SEAT + 96, 0)]
    legs = [[(front - 3, SEAT, 0), (front, 0, 0)], [(back + 2, SEAT, 0), (back - 2, 0, 0)]]
    return [line([cam.project(q) for q in part]) for part in (rest, seat, *legs)]


def sciatic_nerve_glide():
    start, end = sitting_side(0), sitting_side(1)

    def swing(cam):
        a = cam.project(add(start.joints["l_ankle"], (18, 10, 0)))
        b = cam.project(add(end.joints["l_ankle"], (6, -16, 0)))
        c = (b[0] - 2, a[1] - 4)
        return (
            side_chair(cam),
            [arrow(f"M{fmt(a[0])} {fmt(a[1])} Q{fmt(c[0])} {fmt(c[1])} {fmt(b[0])} {fmt(b[1])}")],
            [],
        )

    def plain(cam):
        return side_chair(cam), [], []

    extra = [(-34, SEAT + 96, 0), add(end.joints["l_toe"], (4, 0, 0))]
    return layout(
        [
            Row(
                [
                    Panel(
                        "Start:", "knee bent, chin down", [start], extras=plain, bounds_extra=extra
                    ),
                    Panel("End:", "straighten, look up", [end], extras=swing, bounds_extra=extra),
                ],
                (0, 0),
                0.74,
            )
        ],
        "Sciatic nerve glide, sitting",
        "Two pictures of a person sitting tall on a chair, seen from the side. Start: the knee is "
        "bent with the foot flat on the floor, and the chin is tipped down. End: that knee "
        "straightens so the lower leg reaches out in front with the toes pointing up, while the "
        "head tips back to look up. An arrow shows the lower leg swinging up.",
    )


# --- half kneeling, seen from the side -----------------------------------------------------------

CUSHION = 12  # height of the cushion under the back knee


def half_kneeling(shift):
    """Half kneeling, facing +x: the near (left) knee down on a cushion, the far foot flat in
    front. shift: the back thigh's lean forward from upright (degrees) as the hips move ahead."""
    knee = (0.0, CUSHION + ON_FLOOR, HIP)
    a = deg(shift)
    hip_x, hip_y = THIGH * math.sin(a), knee[1] + THIGH * math.cos(a)
    pelvis = (hip_x, hip_y + 4, 0.0)
    chest = add(pelvis, (0, TORSO, 0))
    p = Person(
        pelvis=pelvis, chest=chest, front=(1, 0, 0), head=add(chest, (2, 32, 0)), face=(1, 0, 0)
    )
    j = p.joints
    # the back leg: knee on the cushion, the shin and the foot along the floor behind
    j["l_hip"], j["l_knee"] = (hip_x, hip_y, HIP), knee
    j["l_ankle"] = (knee[0] - SHIN + 2, ON_FLOOR, HIP)
    j["l_toe"] = add(j["l_ankle"], (-FOOT * 0.9, -2, 0))
    # the front leg: foot flat, the shin upright at the start
    ankle = (math.sqrt(THIGH**2 - (knee[1] + THIGH - SHIN - ON_FLOOR - 2) ** 2), ON_FLOOR + 2, -HIP)
    j["r_hip"], j["r_ankle"] = (hip_x, hip_y, -HIP), ankle
    j["r_knee"] = bend(j["r_hip"], ankle, THIGH, SHIN, (1, 0.2, 0))
    j["r_toe"] = add(ankle, (FOOT, -2, 0))
    # hands on the hips, elbows out to the sides
    for side, s in (("l", 1), ("r", -1)):
        shoulder = add(chest, (0, -4, s * 20))
        hand = add(pelvis, (4, 8, s * 18))
        j[f"{side}_shoulder"], j[f"{side}_hand"] = shoulder, hand
        j[f"{side}_elbow"] = bend(shoulder, hand, UPPER_ARM, FOREARM, (-0.7, 0, s))
    p.moving = {"left leg"}
    return p


def cushion(cam):
    corners = [(-26, 0, HIP), (-24, CUSHION, HIP), (24, CUSHION, HIP), (26, 0, HIP)]
    return [line([cam.project(q) for q in corners])]


def hip_flexor_stretch():
    start, end = half_kneeling(0), half_kneeling(20)

    def plain(cam):
        return cushion(cam), [], []

    def forward(cam):
        y = end.pelvis[1] - 4
        a = cam.project((end.pelvis[0] - 52, y, 0))
        b = cam.project((end.pelvis[0] - 18, y, 0))
        return cushion(cam), [arrow(f"M{fmt(a[0])} {fmt(a[1])} H{fmt(b[0])}")], []

    extra = [(end.pelvis[0] - 56, 90, 0)]
    return layout(
        [
            Row(
                [
                    Panel(
                        "Start:",
                        "kneel on one knee",
                        [start],
                        extras=plain,
                        bounds_extra=extra,
                    ),
                    Panel("End:", "ease hips forward", [end], extras=forward, bounds_extra=extra),
                ],
                (0, 0),
                0.72,
            )
        ],
        "Hip flexor stretch, half kneeling",
        "Two pictures, seen from the side. Start: a person kneels on one knee on a small cushion, "
        "the other foot flat on the floor in front with that knee bent at a right angle, trunk "
        "upright and hands on the hips. End: the hips have moved gently forward, so the thigh of "
        "the kneeling leg slants back and the front of that hip is stretched. The trunk stays "
        "upright.",
    )


# --- lying on the back, lower legs on a chair ------------------------------------------------------


def legs_on_chair_pose():
    p = supine()
    for side in ("l", "r"):
        table_top_leg(p, side)
        ankle = p.joints[f"{side}_ankle"]
        p.joints[f"{side}_toe"] = add(ankle, (FOOT * 0.35, FOOT * 0.9, 0))
    return p


def chair_under_legs(cam):
    """A plain chair seen from the side, its seat under the lower legs and its back beyond
    the feet, in thin lines."""
    seat_y = ON_FLOOR + 17 + THIGH - ON_FLOOR - 6  # under the lower legs
    front, back = 12, 84
    parts = [
        [(front, seat_y, 0), (back, seat_y, 0)],
        [(back, seat_y, 0), (back + 3, seat_y + 62, 0)],
        [(front + 3, seat_y, 0), (front, 0, 0)],
        [(back - 3, seat_y, 0), (back, 0, 0)],
    ]
    return [line([cam.project(q) for q in part]) for part in parts], [], []


def legs_on_a_chair():
    rest = legs_on_chair_pose()
    return stacked(
        [
            Panel(
                "Resting position:",
                "lower legs on a chair seat",
                [rest],
                extras=chair_under_legs,
                bounds_extra=[(88, TORSO_Y + THIGH + 56, 0)],
            )
        ],
        (0, 0),
        1.1,
        "Resting on your back with your legs on a chair",
        "One picture, seen from the side. A person lies on their back on the floor with the "
        "lower legs resting on the seat of a chair, so the hips and knees are bent at right "
        "angles. The arms rest on the floor by the sides.",
    )


# --- walking ---------------------------------------------------------------------------------------


def swing(start, first, second, angle1, angle2):
    """The two joints of a limb hanging from start, each part at its angle (degrees) from
    straight down, forward (+x) positive."""
    a, b = deg(angle1), deg(angle2)
    mid = add(start, (first * math.sin(a), -first * math.cos(a), 0))
    return mid, add(mid, (second * math.sin(b), -second * math.cos(b), 0))


def walking_pose():
    """Mid-stride, facing +x: the near (left) heel just down in front, the far foot pushing
    off behind; the arms swing the other way to the legs."""
    hip_y = 140.0
    pelvis = (0.0, hip_y + 4, 0.0)
    chest = (3.0, hip_y + 4 + TORSO, 0.0)
    p = Person(
        pelvis=pelvis, chest=chest, front=(1, 0, 0), head=add(chest, (4, 32, 0)), face=(1, 0, 0)
    )
    j = p.joints
    for side, s, thigh_a, shin_a in (("l", 1, 22, 17), ("r", -1, -12, -40)):
        hip = (0.0, hip_y, s * HIP)
        knee, ankle = swing(hip, THIGH, SHIN, thigh_a, shin_a)
        j[f"{side}_hip"], j[f"{side}_knee"], j[f"{side}_ankle"] = hip, knee, ankle
    j["l_toe"] = add(j["l_ankle"], (FOOT * 0.9, FOOT * 0.4, 0))  # heel down, toes up
    j["r_toe"] = add(j["r_ankle"], (FOOT * 0.85, -FOOT * 0.5, 0))  # pushing off the toes
    for side, s, upper_a, fore_a in (("l", 1, -24, -8), ("r", -1, 22, 48)):
        shoulder = add(chest, (0, -4, s * 20))
        elbow, hand = swing(shoulder, UPPER_ARM, FOREARM, upper_a, fore_a)
        j[f"{side}_shoulder"], j[f"{side}_elbow"], j[f"{side}_hand"] = shoulder, elbow, hand
    p.moving = {"left leg", "right leg"}
    return p


def walking():
    return stacked(
        [Panel("Walking:", "upright, arms swinging freely", [walking_pose()])],
        (0, 0),
        0.9,
        "Walking",
        "One picture, seen from the side, of a person walking upright in mid-stride: the front "
        "heel is just touching the floor, the back foot pushes off from the toes, and each arm "
        "swings opposite to its leg.",
    )


FIGURES = {
    "seated-hip-internal-rotation": seated_hip_turn,
    "windshield-wipers": windshield_wipers,
    "prone-hip-rotation": prone_hip_rotation,
    "dead-bug": dead_bug,
    "glute-bridge": glute_bridge,
    "diaphragmatic-breathing": belly_breathing,
    "bird-dog": bird_dog,
    "clamshell": clamshell,
    "piriformis-stretch": piriformis_stretch,
    "sciatic-nerve-glide": sciatic_nerve_glide,
    "prone-press-up": prone_press_up,
    "hip-flexor-stretch": hip_flexor_stretch,
    "legs-on-a-chair": legs_on_a_chair,
    "walking": walking,
}

if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name, make in FIGURES.items():
        if len(sys.argv) > 2 and name not in sys.argv[2:]:
            continue
        text_ = make()
        (out / f"{name}.svg").write_text(text_)
        print(name, len(text_.encode()))
