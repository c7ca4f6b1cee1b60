"""Initial schema: municipalities, place names, meldpunten and activities.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-27 23:20:24.619086
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this migration."""
    op.create_table(
        "municipalities",
        sa.Column("cbs_code", sa.String(length=6), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("province", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("cbs_code"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("organiser", sa.String(length=120), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("neighbourhood", sa.String(length=80), nullable=False),
        sa.Column("address", sa.String(length=160), nullable=False),
        sa.Column("cost_cents", sa.Integer(), nullable=False),
        sa.Column("wheelchair_access", sa.Boolean(), nullable=False),
        sa.Column("contact_phone", sa.String(length=40), nullable=False),
        sa.Column("contact_email", sa.String(length=120), nullable=False),
        sa.Column("contact_website", sa.String(length=200), nullable=False),
        sa.Column("updated", sa.Date(), nullable=False),
        sa.Column("is_example", sa.Boolean(), nullable=False),
        sa.CheckConstraint("cost_cents >= 0", name="ck_activities_cost"),
        sa.ForeignKeyConstraint(["municipality_code"], ["municipalities.cbs_code"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_id"),
    )
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.create_index(
            "ix_activities_municipality_cost", ["municipality_code", "cost_cents"], unique=False
        )

    op.create_table(
        "meldpunten",
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=120), nullable=False),
        sa.Column("website", sa.String(length=200), nullable=False),
        sa.Column("opening_hours", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(["municipality_code"], ["municipalities.cbs_code"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("municipality_code"),
    )
    op.create_table(
        "municipality_neighbours",
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.Column("neighbour_code", sa.String(length=6), nullable=False),
        sa.ForeignKeyConstraint(["municipality_code"], ["municipalities.cbs_code"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["neighbour_code"], ["municipalities.cbs_code"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("municipality_code", "neighbour_code"),
    )
    op.create_table(
        "place_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("municipality_code", sa.String(length=6), nullable=False),
        sa.CheckConstraint("kind IN ('municipality', 'alias', 'place')", name="ck_place_names_kind"),
        sa.ForeignKeyConstraint(["municipality_code"], ["municipalities.cbs_code"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key", "municipality_code", "kind", name="uq_place_names_key_municipality_kind"),
    )
    with op.batch_alter_table("place_names", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_place_names_key"), ["key"], unique=False)

    op.create_table(
        "activity_audiences",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("audience", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activities.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("activity_id", "audience"),
    )
    op.create_table(
        "activity_interests",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("interest", sa.String(length=40), nullable=False),
        sa.Column("position", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activities.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("activity_id", "interest"),
    )
    with op.batch_alter_table("activity_interests", schema=None) as batch_op:
        batch_op.create_index("ix_activity_interests_interest", ["interest", "activity_id"], unique=False)

    op.create_table(
        "activity_sessions",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.SmallInteger(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.CheckConstraint("day BETWEEN 0 AND 6", name="ck_activity_sessions_day"),
        sa.ForeignKeyConstraint(["activity_id"], ["activities.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("activity_id", "day"),
    )
    with op.batch_alter_table("activity_sessions", schema=None) as batch_op:
        batch_op.create_index("ix_activity_sessions_day", ["day", "activity_id"], unique=False)


def downgrade() -> None:
    """Undo this migration."""
    with op.batch_alter_table("activity_sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_activity_sessions_day")

    op.drop_table("activity_sessions")
    with op.batch_alter_table("activity_interests", schema=None) as batch_op:
        batch_op.drop_index("ix_activity_interests_interest")

    op.drop_table("activity_interests")
    op.drop_table("activity_audiences")
    with op.batch_alter_table("place_names", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_place_names_key"))

    op.drop_table("place_names")
    op.drop_table("municipality_neighbours")
    op.drop_table("meldpunten")
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_index("ix_activities_municipality_cost")

    op.drop_table("activities")
    op.drop_table("municipalities")
