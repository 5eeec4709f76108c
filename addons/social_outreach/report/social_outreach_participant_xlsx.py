# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models

from odoo.addons.social_client.report.xlsx_table import TableColumn

HEALTH = "social_client.group_social_health"


class SocialOutreachParticipantXlsx(models.AbstractModel):
    """The participant list of outreach days, on the suite's XLSX table
    base; disability types and health notes only for the health role."""

    _name = "report.social_outreach.participant_xlsx"
    _description = "Outreach Participants XLSX"
    _inherit = "report.social_client.xlsx_table"
    _table_order = "event_id, day_id, queue_number, id"

    def _table_sheet_name(self, data):
        return self.env._("Participants")

    def _table_columns(self, data):
        env = self.env
        return [
            TableColumn("event_id.number", env._("Event"), width=16),
            TableColumn("day_id.date", env._("Day"), type="date", width=12),
            TableColumn(
                "queue_number",
                env._("Queue Number"),
                type="integer",
                width=10,
                value=lambda participant: participant.queue_number or None,
            ),
            TableColumn(
                "client_id.registration_number", env._("Registration Number"), width=18
            ),
            TableColumn("client_id.name", env._("Name"), width=28),
            TableColumn("category", width=26),
            TableColumn("village_id.name", env._("Village"), width=20),
            TableColumn("source", width=22),
            TableColumn("ktp_checked", type="boolean", width=10),
            TableColumn("kk_checked", type="boolean", width=10),
            TableColumn("check_in_date", type="datetime", width=18),
            TableColumn("state", width=14),
            TableColumn(
                "followups",
                env._("Follow-ups"),
                type="integer",
                width=10,
                batch=self._followup_counts,
            ),
            TableColumn(
                "client_id.disability_type_ids",
                env._("Disability Types"),
                width=30,
                groups=HEALTH,
            ),
            TableColumn(
                "health",
                env._("Health Notes"),
                width=40,
                batch=self._health_notes,
                groups=HEALTH,
            ),
        ]

    def _followup_counts(self, participants):
        counts = dict(
            self.env["social.outreach.followup"]._read_group(
                [("participant_id", "in", participants.ids)],
                ["participant_id"],
                ["__count"],
            )
        )
        return [counts.get(p, 0) for p in participants]

    def _health_notes(self, participants):
        """The health station's anamnesis, diagnosis and notes (read as the
        user: the fields carry the health group)."""
        visits = self.env["social.outreach.visit"].search(
            [("participant_id", "in", participants.ids)], order="id"
        )
        notes = {}
        for visit in visits:
            parts = [
                text
                for text in (visit.anamnesis, visit.diagnosis, visit.health_note)
                if text
            ]
            if parts:
                notes.setdefault(visit.participant_id.id, []).append(
                    f"{visit.station_id.name}: " + "; ".join(parts)
                )
        return ["\n".join(notes.get(p.id, [])) or None for p in participants]
