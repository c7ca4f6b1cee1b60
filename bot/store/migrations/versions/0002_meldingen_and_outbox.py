"""Meldingen with their history, and the delivery outbox.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 23:42:50.288600
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this migration."""
    op.create_table(
        "meldingen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("about", sa.String(length=8), nullable=False),
        sa.Column("description", sa.String(length=1000), nullable=False),
        sa.Column("person_knows", sa.Boolean(), nullable=True),
        sa.Column("contact_preference", sa.String(length=8), nullable=False),
        sa.Column("contact_value", sa.String(length=120), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("about IN ('self', 'other')", name="ck_meldingen_about"),
        sa.CheckConstraint("contact_preference IN ('phone', 'email', 'none')", name="ck_meldingen_contact"),
        sa.CheckConstraint(
            "status IN ('new', 'delivered', 'picked_up', 'closed', 'undeliverable')",
            name="ck_meldingen_status",
        ),
        sa.ForeignKeyConstraint(["municipality_code"], ["municipalities.cbs_code"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    with op.batch_alter_table("meldingen", schema=None) as batch_op:
        batch_op.create_index(
            "ix_meldingen_municipality_status", ["municipality_code", "status"], unique=False
        )

    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("melding_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=8), nullable=False),
        sa.Column("target", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.String(length=300), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("channel IN ('email', 'webhook')", name="ck_deliveries_channel"),
        sa.CheckConstraint("status IN ('pending', 'sending', 'sent', 'failed')", name="ck_deliveries_status"),
        sa.ForeignKeyConstraint(["melding_id"], ["meldingen.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("melding_id", "channel", name="uq_deliveries_melding_channel"),
    )
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.create_index("ix_deliveries_due", ["status", "next_attempt_at"], unique=False)

    op.create_table(
        "melding_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("melding_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["melding_id"], ["meldingen.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("melding_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_melding_events_melding_id"), ["melding_id"], unique=False)


def downgrade() -> None:
    """Undo this migration."""
    with op.batch_alter_table("melding_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_melding_events_melding_id"))

    op.drop_table("melding_events")
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_index("ix_deliveries_due")

    op.drop_table("deliveries")
    with op.batch_alter_table("meldingen", schema=None) as batch_op:
        batch_op.drop_index("ix_meldingen_municipality_status")

    op.drop_table("meldingen")
