"""Tests of src/refunds.py; each records the requirements it verifies.

Run with a JUnit report for the site's traceability matrix:
    pytest sample_site/tests --junitxml=sample_site/reports/pytest.xml -o junit_family=xunit1
"""

import pytest

from refunds import Order, issue_refund, refundable_cents


def test_full_refund_of_a_cancelled_order(record_property):
    record_property("requirements", "payments-refund-automation:FR-1, payments-refund-automation:UC-1")
    refund = issue_refund(Order("A-1", 4200, cancelled=True))
    assert refund["amount_cents"] == 4200


def test_partial_refund(record_property):
    record_property("requirements", "payments-refund-automation:FR-1, payments-refund-automation:UC-2")
    assert issue_refund(Order("A-2", 4200), 1000)["amount_cents"] == 1000


def test_refundable_amount_never_exceeds_payment(record_property):
    record_property("requirements", "payments-refund-automation:FR-2")
    assert refundable_cents(Order("A-3", 4200, refunded_cents=5000)) == 0


def test_refund_starts_pending(record_property):
    record_property("requirements", "payments-refund-automation:FR-3")
    assert issue_refund(Order("A-4", 100))["state"] == "pending"


@pytest.mark.skip(reason="bulk refunds are not built yet")
@pytest.mark.parametrize("requirement", ["payments-refund-automation:FR-4"])
def test_bulk_refunds(requirement):
    """Skipped tests never run record_property: the id is in the test's name instead."""
