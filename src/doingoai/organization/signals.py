"""Signals of the organization's tree."""

from django.dispatch import Signal

#: a unit (and its subtree) moved in the tree: merged into a successor or re-parented.
#: Arguments: ``unit`` (with its new path) and ``old_path``.
unit_moved = Signal()
