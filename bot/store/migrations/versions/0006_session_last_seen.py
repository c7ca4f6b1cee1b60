"""The last request of each staff session, for the idle timeout.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 11:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this migration (open sessions count as seen when they started)."""
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_seen", sa.DateTime(), nullable=True))
    op.execute("UPDATE web_sessions SET last_seen = created_at")
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.alter_column("last_seen", existing_type=sa.DateTime(), nullable=False)


def downgrade() -> None:
    """Undo this migration."""
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.drop_column("last_seen")
