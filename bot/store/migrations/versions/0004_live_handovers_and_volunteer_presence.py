"""Live handovers and volunteer presence.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 00:20:46.027784
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this migration."""
    op.create_table(
        "handovers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visitor", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("share_transcript", sa.Boolean(), nullable=False),
        sa.Column("acute_risk", sa.Boolean(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("accepted_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("status IN ('waiting', 'active', 'ended', 'expired')", name="ck_handovers_status"),
        sa.ForeignKeyConstraint(["volunteer_id"], ["users.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("handovers", schema=None) as batch_op:
        batch_op.create_index("ix_handovers_status_created", ["status", "created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_handovers_visitor"), ["visitor"], unique=False)

    op.create_table(
        "volunteer_presence",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id"),
    )


def downgrade() -> None:
    """Undo this migration."""
    op.drop_table("volunteer_presence")
    with op.batch_alter_table("handovers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handovers_visitor"))
        batch_op.drop_index("ix_handovers_status_created")

    op.drop_table("handovers")
