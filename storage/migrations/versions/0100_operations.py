"""operations: the scheduler's heartbeat

Revision ID: 0100_operations
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.base

revision = "0100_operations"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "heartbeats",
        sa.Column("process", sa.String(length=200), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("started_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("beat_at", storage.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("stopped_at", storage.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_pass", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("process", name=op.f("pk_heartbeats")),
    )


def downgrade() -> None:
    op.drop_table("heartbeats")
