# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from collections import Counter

from odoo import api, models


class ReportSocialOutreachRecap(models.AbstractModel):
    _name = "report.social_outreach.report_event_recap"
    _description = "Outreach Day Recap"

    @api.model
    def _recap(self, event):
        """The figures of one day, in a few grouped queries."""
        Participant = self.env["social.outreach.participant"]
        domain = [("event_id", "=", event.id), ("state", "!=", "invited")]
        categories = dict(
            Participant._fields["category"]._description_selection(self.env)
        )
        by_category = [
            (categories[cat], count)
            for cat, count in Participant._read_group(domain, ["category"], ["__count"])
        ]
        by_village = [
            (village.display_name if village else "-", count)
            for village, count in Participant._read_group(
                domain, ["village_id"], ["__count"], order="__count desc"
            )
        ]
        participants = Participant.search(domain)
        disability = Counter()
        for client in participants.client_id:
            for dtype in client.disability_type_ids:
                disability[dtype.name] += 1
        Visit = self.env["social.outreach.visit"]
        visit_groups = Visit._read_group(
            [("event_id", "=", event.id), ("state", "in", ("done", "transferred"))],
            ["station_id"],
            ["__count", "waiting_minutes:avg", "duration_minutes:avg"],
        )
        stations = [
            {
                "name": station.name,
                "count": count,
                "wait": wait or 0.0,
                "service": service or 0.0,
            }
            for station, count, wait, service in sorted(
                visit_groups, key=lambda g: g[0].sequence
            )
        ]
        Followup = self.env["social.outreach.followup"]
        kinds = dict(Followup._fields["kind"]._description_selection(self.env))
        followups = [
            (kinds[kind], count)
            for kind, count in Followup._read_group(
                [("event_id", "=", event.id)], ["kind"], ["__count"]
            )
        ]
        return {
            "registered": event.participant_count,
            "checked_in": len(participants),
            "by_category": by_category,
            "by_village": by_village,
            "by_disability": sorted(disability.items(), key=lambda i: -i[1]),
            "stations": stations,
            "followups": followups,
        }

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["social.outreach.event"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "social.outreach.event",
            "docs": docs,
            "recaps": {doc.id: self._recap(doc) for doc in docs},
            "verifications": docs._social_verification_report_values(),
        }
