"""pending replies: when the first reply was claimed, so an abandoned claim is retried

Revision ID: 0101_pending_replies
Revises: 0100_operations
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.base

revision = "0101_pending_replies"
down_revision = "0100_operations"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("source_messages") as batch:
        batch.add_column(
            sa.Column("reply_claimed_at", storage.base.UTCDateTime(timezone=True), nullable=True)
        )
        batch.create_index(
            "ix_source_messages_pending_reply", ["reply_ts", "reply_claimed_at"], unique=False
        )
    # claims left from before: retried as if made when the message was last changed
    op.execute(
        "UPDATE source_messages SET reply_claimed_at = updated_at WHERE reply_ts = 'pending'"
    )


def downgrade() -> None:
    with op.batch_alter_table("source_messages") as batch:
        batch.drop_index("ix_source_messages_pending_reply")
        batch.drop_column("reply_claimed_at")
