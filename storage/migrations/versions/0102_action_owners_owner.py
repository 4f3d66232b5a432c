"""an index answering "is this action the person's?" from the index alone

It starts with `record_id`, so it replaces `ix_action_owners_record_id` (an action's owners).

Revision ID: 0102_action_owners_owner
Revises: 0101_pending_replies
"""

from __future__ import annotations

from alembic import op

revision = "0102_action_owners_owner"
down_revision = "0101_pending_replies"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("action_owners", schema=None) as batch_op:
        batch_op.create_index(
            "ix_action_owners_owner", ["record_id", "user_id", "name_key"], unique=False
        )
        batch_op.drop_index("ix_action_owners_record_id")


def downgrade() -> None:
    with op.batch_alter_table("action_owners", schema=None) as batch_op:
        batch_op.create_index("ix_action_owners_record_id", ["record_id"], unique=False)
        batch_op.drop_index("ix_action_owners_owner")
