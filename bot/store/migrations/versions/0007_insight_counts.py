"""Anonymous counts per municipality and ISO week, for the page /inzicht.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 14:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

KINDS = "'conversation', 'loneliness_type', 'cause', 'step', 'handover', 'melding', 'crisis'"


def upgrade() -> None:
    """Apply this migration."""
    op.create_table(
        "insight_counts",
        sa.Column("municipality", sa.String(length=8), nullable=False),
        sa.Column("week", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=60), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.CheckConstraint(f"kind IN ({KINDS})", name="ck_insight_counts_kind"),
        sa.PrimaryKeyConstraint("municipality", "week", "kind", "value"),
    )
    with op.batch_alter_table("insight_counts", schema=None) as batch_op:
        batch_op.create_index("ix_insight_counts_week", ["week"], unique=False)


def downgrade() -> None:
    """Undo this migration."""
    with op.batch_alter_table("insight_counts", schema=None) as batch_op:
        batch_op.drop_index("ix_insight_counts_week")
    op.drop_table("insight_counts")
