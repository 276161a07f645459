"""Who may do what with a record, by the record's scope rule: the tables every walk of
the pages reads (``test_permissions.py``, ``test_url_walk.py``).

The rows are for a record of the Đắk Lắk provincial union; out of scope is 404 and
visible but not allowed is 403. A new kind is covered by the rule of its policy."""

from __future__ import annotations

from doingoai.core.scope import Everyone, SharedDirectory, ThroughParent, UnitOwned, UnitTree
from doingoai.organization.models import UserScope

USERS = ["daklak", "daklak_lead", "hanoi", "trunguong", "admin"]
Y, NO, FORBIDDEN = 200, 404, 403

EXPECT = {
    "unit": {
        "view": {"daklak": Y, "daklak_lead": Y, "hanoi": NO, "trunguong": Y, "admin": Y},
        "change": {"daklak": Y, "daklak_lead": Y, "hanoi": NO, "trunguong": FORBIDDEN, "admin": Y},
        "add": {
            "daklak": Y,
            "daklak_lead": Y,
            "hanoi": FORBIDDEN,
            "trunguong": FORBIDDEN,
            "admin": Y,
        },
        "approve": {
            "daklak": FORBIDDEN,
            "daklak_lead": Y,
            "hanoi": NO,
            "trunguong": FORBIDDEN,
            "admin": Y,
        },
    },
    "directory": {
        "view": {"daklak": Y, "daklak_lead": Y, "hanoi": Y, "trunguong": Y, "admin": Y},
        "change": {
            "daklak": Y,
            "daklak_lead": Y,
            "hanoi": FORBIDDEN,
            "trunguong": FORBIDDEN,
            "admin": Y,
        },
        "add": {
            "daklak": Y,
            "daklak_lead": Y,
            "hanoi": FORBIDDEN,
            "trunguong": FORBIDDEN,
            "admin": Y,
        },
    },
    "tree": {  # a commune unit below Đắk Lắk
        "view": {"daklak": Y, "daklak_lead": Y, "hanoi": NO, "trunguong": Y, "admin": Y},
        "change": {
            "daklak": FORBIDDEN,
            "daklak_lead": FORBIDDEN,
            "hanoi": NO,
            "trunguong": FORBIDDEN,
            "admin": Y,
        },
        "add": {
            "daklak": FORBIDDEN,
            "daklak_lead": FORBIDDEN,
            "hanoi": FORBIDDEN,
            "trunguong": FORBIDDEN,
            "admin": Y,
        },
    },
    "reference": {
        "view": {"daklak": Y, "daklak_lead": Y, "hanoi": Y, "trunguong": Y, "admin": Y},
        "change": {
            "daklak": FORBIDDEN,
            "daklak_lead": FORBIDDEN,
            "hanoi": FORBIDDEN,
            "trunguong": FORBIDDEN,
            "admin": Y,
        },
        "add": {
            "daklak": FORBIDDEN,
            "daklak_lead": FORBIDDEN,
            "hanoi": FORBIDDEN,
            "trunguong": FORBIDDEN,
            "admin": Y,
        },
    },
    "users": {  # another user of Đắk Lắk
        "view": {"daklak": NO, "daklak_lead": NO, "hanoi": NO, "trunguong": NO, "admin": Y},
        "change": {"daklak": NO, "daklak_lead": NO, "hanoi": NO, "trunguong": NO, "admin": Y},
        "add": {
            "daklak": FORBIDDEN,
            "daklak_lead": FORBIDDEN,
            "hanoi": FORBIDDEN,
            "trunguong": FORBIDDEN,
            "admin": Y,
        },
    },
}


def rule_of(model) -> str:
    policy = model.scope_policy
    if isinstance(policy, ThroughParent):
        return rule_of(model._meta.get_field(policy.parent).related_model)
    if isinstance(policy, UserScope):
        return "users"
    if isinstance(policy, UnitOwned):
        return "unit"
    if isinstance(policy, SharedDirectory):
        return "directory"
    if isinstance(policy, UnitTree):
        return "tree"
    if isinstance(policy, Everyone):
        return "reference"
    raise AssertionError(f"{model.__name__}: no expectations for {type(policy).__name__}")


def expect(rule: str, action: str, user: str, owner: str = "daklak", *, detail: bool = True) -> int:
    """The status ``user`` gets on a page needing ``action``: of a record of ``owner``'s
    union (``detail``) or of the kind's list (not about one record)."""
    if user == "anonymous":
        return 302  # to the login page
    table = EXPECT[rule]
    if not detail:
        return Y if action == "view" else table[action][user]
    if owner == "daklak":
        return table[action][user]
    # a Hà Nội record, for the Đắk Lắk users (out of their scope)
    if rule == "directory":
        return Y if action == "view" else FORBIDDEN
    if rule == "reference":
        return table[action][user]
    return NO
