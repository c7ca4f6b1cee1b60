"""Meldingen held for review over the quota, and the quota's counted events.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

MELDING_STATUSES = "'new', 'delivered', 'picked_up', 'closed', 'undeliverable'"
DELIVERY_STATUSES = "'pending', 'sending', 'sent', 'failed'"


def _statuses(melding: str, delivery: str) -> None:
    with op.batch_alter_table("meldingen", schema=None) as batch_op:
        batch_op.drop_constraint("ck_meldingen_status", type_="check")
        batch_op.create_check_constraint("ck_meldingen_status", f"status IN ({melding})")
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_constraint("ck_deliveries_status", type_="check")
        batch_op.create_check_constraint("ck_deliveries_status", f"status IN ({delivery})")


def upgrade() -> None:
    """Apply this migration."""
    _statuses(f"'held', {MELDING_STATUSES}", f"'held', {DELIVERY_STATUSES}")
    op.create_table(
        "quota_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("sender_key", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('melding', 'code_miss')", name="ck_quota_events_kind"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("quota_events", schema=None) as batch_op:
        batch_op.create_index("ix_quota_events_kind_at", ["kind", "at"], unique=False)
        batch_op.create_index("ix_quota_events_kind_sender_at", ["kind", "sender_key", "at"], unique=False)


def downgrade() -> None:
    """Undo this migration (held meldingen become new, so that they are sent)."""
    with op.batch_alter_table("quota_events", schema=None) as batch_op:
        batch_op.drop_index("ix_quota_events_kind_sender_at")
        batch_op.drop_index("ix_quota_events_kind_at")
    op.drop_table("quota_events")
    op.execute("UPDATE meldingen SET status = 'new' WHERE status = 'held'")
    op.execute("UPDATE deliveries SET status = 'pending' WHERE status = 'held'")
    _statuses(MELDING_STATUSES, DELIVERY_STATUSES)
