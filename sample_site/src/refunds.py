"""Refund automation for support agents (PRD payments-refund-automation).

Implements payments-refund-automation:FR-1 (issue a refund from the order page) and
payments-refund-automation:FR-2 (refundable amounts from the order).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Order:
    id: str
    paid_cents: int
    refunded_cents: int = 0
    cancelled: bool = False


def refundable_cents(order: Order) -> int:
    """What can still be refunded (payments-refund-automation:FR-2): never more than was paid."""
    return max(order.paid_cents - order.refunded_cents, 0)


def issue_refund(order: Order, cents: int | None = None) -> dict[str, object]:
    """Issue a full or partial refund (payments-refund-automation:FR-1)."""
    amount = refundable_cents(order) if cents is None else cents
    if amount <= 0 or amount > refundable_cents(order):
        raise ValueError("nothing to refund")
    # payments-refund-automation:FR-3: the state starts as "pending"
    return {"order": order.id, "amount_cents": amount, "state": "pending"}
