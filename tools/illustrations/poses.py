"""Poses, in world units. Body sizes are the same in every pose."""

from __future__ import annotations

import math

from kit import Person, add, deg

TORSO = 90
UPPER_ARM = 46
FOREARM = 42
THIGH = 72
SHIN = 68
FOOT = 20
HIP = 12  # hip joint from the mid line
SHOULDER = 20
ON_FLOOR = 6  # centre height of a limb lying on the floor
TORSO_Y = 17  # centre height of a torso lying on the floor


def polar(angle_deg, length, z=0.0):
    """A vector in the x-y plane at angle_deg from +x (counter-clockwise, y up)."""
    a = deg(angle_deg)
    return (math.cos(a) * length, math.sin(a) * length, z)


def knee_for_foot(hip, ankle, thigh=THIGH, shin=SHIN, bend_up=True):
    """The knee, in the x-y plane of hip and ankle, given both ends (knee above the line)."""
    hx, hy, hz = hip
    ax, ay, az = ankle
    dx, dy = ax - hx, ay - hy
    d = math.hypot(dx, dy)
    a = (thigh**2 - shin**2 + d**2) / (2 * d)
    h = math.sqrt(max(thigh**2 - a**2, 0))
    mx, my = hx + dx * a / d, hy + dy * a / d
    # perpendicular, pointing up
    px, py = -dy / d, dx / d
    if (py < 0) == bend_up:
        px, py = -px, -py
    return (mx + px * h, my + py * h, (hz + az) / 2)


def supine(feet_apart=HIP, arms="sides", knees=True):
    """On the back, head at -x, knees bent and feet flat (or legs set later)."""
    pelvis = (0.0, TORSO_Y, 0.0)
    chest = (-TORSO, TORSO_Y, 0.0)
    p = Person(
        pelvis=pelvis, chest=chest, front=(0, 1, 0), head=(-TORSO - 32, 16, 0), face=(0, 1, 0)
    )
    j = p.joints
    for side, s in (("l", 1), ("r", -1)):
        j[f"{side}_shoulder"] = (-TORSO + 4, TORSO_Y, s * SHOULDER)
        j[f"{side}_hip"] = (0.0, TORSO_Y, s * HIP)
        if arms == "sides":
            j[f"{side}_elbow"] = (-TORSO + 4 + UPPER_ARM, ON_FLOOR + 2, s * (SHOULDER + 4))
            j[f"{side}_hand"] = (-TORSO + 4 + UPPER_ARM + FOREARM, ON_FLOOR, s * (SHOULDER + 4))
        elif arms == "out":
            j[f"{side}_elbow"] = (
                -TORSO + 4 + UPPER_ARM * 0.64,
                ON_FLOOR,
                s * (SHOULDER + UPPER_ARM * 0.77),
            )
            j[f"{side}_hand"] = (
                -TORSO + 4 + (UPPER_ARM + FOREARM) * 0.64,
                ON_FLOOR,
                s * (SHOULDER + (UPPER_ARM + FOREARM) * 0.77),
            )
        elif arms == "up":
            j[f"{side}_elbow"] = (-TORSO + 4, TORSO_Y + UPPER_ARM, s * SHOULDER)
            j[f"{side}_hand"] = (-TORSO + 4, TORSO_Y + UPPER_ARM + FOREARM, s * SHOULDER)
        if knees:
            ankle = (THIGH * 0.78, ON_FLOOR + 2, s * feet_apart)
            j[f"{side}_ankle"] = ankle
            j[f"{side}_knee"] = knee_for_foot(j[f"{side}_hip"], ankle)
            j[f"{side}_toe"] = add(ankle, (FOOT, -2, 0))
    return p


def table_top_leg(p, side):
    """Hip and knee at right angles, lower leg level."""
    j = p.joints
    hip = j[f"{side}_hip"]
    knee = add(hip, (0, THIGH, 0))
    ankle = add(knee, (SHIN, 0, 0))
    j[f"{side}_knee"], j[f"{side}_ankle"] = knee, ankle
    j[f"{side}_toe"] = add(ankle, (FOOT * 0.8, FOOT * 0.6, 0))
