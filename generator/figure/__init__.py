"""Drawings of the movement: pure geometry (``kinematics``: angles in, joint positions
out) and the drawing data the SVG templates fill in (``draw``: strips, animations,
comparisons; ``draw.Figures`` draws one build's figures, each once)."""
