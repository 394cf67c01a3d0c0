"""Drawings of the movement: pure geometry (``kinematics``) and SVG (``draw``)."""
