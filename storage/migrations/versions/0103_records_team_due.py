"""open actions of a whole workspace by deadline (App Home: the person's, in their channels)

Walked in deadline order, the first page and its bounded count stop after a few
thousand index entries, where `ix_records_due` (one channel at a time) made the
database gather and sort every open action of every channel the person is in.

Revision ID: 0103_records_team_due
Revises: 0102_action_owners_owner
"""

from __future__ import annotations

from alembic import op

revision = "0103_records_team_due"
down_revision = "0102_action_owners_owner"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.create_index(
            "ix_records_team_due", ["team_id", "kind", "status", "due", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.drop_index("ix_records_team_due")
