# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models

from odoo.addons.social_client.report.xlsx_table import TableColumn


class SocialRecommendationStepXlsx(models.AbstractModel):
    """SOP compliance: per step, month and person, the standard against the
    actual duration and the share of steps done within the standard.

    One grouped query for the whole selection, whatever its size: the rows of
    this table are groups, not records."""

    _name = "report.social_recommendation.sop_compliance_xlsx"
    _description = "SOP Compliance XLSX"
    _inherit = "report.social_client.xlsx_table"

    def _compliance_rows(self, steps):
        """(step, month, person, count, standard, average, maximum, share)
        per group of the ended steps among ``steps``."""
        groups = self.env["social.recommendation.step"]._read_group(
            [("id", "in", steps.ids), ("date_end", "!=", False)],
            groupby=["sop_step_id", "date_end:month", "user_id"],
            aggregates=[
                "__count",
                "standard_minutes:max",
                "duration_minutes:avg",
                "duration_minutes:max",
                "within_standard_rate:avg",
            ],
            order="sop_step_id, date_end:month, user_id",
        )
        rows = []
        for step, month, user, count, standard, avg, maximum, share in groups:
            rows.append(
                {
                    "step": step,
                    "month": month,
                    "user": user,
                    "count": count,
                    "standard": standard,
                    "average": avg,
                    "maximum": maximum,
                    "share": share if standard else None,
                }
            )
        return rows

    def _table_sheet_name(self, data):
        return self.env._("SOP Compliance")

    def _table_batches(self, data, objs):
        yield self._compliance_rows(objs)

    def _table_columns(self, data):
        env = self.env
        return [
            TableColumn(
                "step", env._("SOP Step"), width=30, value=lambda r: r["step"].name
            ),
            TableColumn(
                "month",
                env._("Month"),
                type="date",
                width=10,
                num_format="mm/yyyy",
                value=lambda r: r["month"],
            ),
            TableColumn(
                "user",
                env._("Done by"),
                width=24,
                value=lambda r: r["user"].name or "",
            ),
            TableColumn(
                "count",
                env._("Steps"),
                type="integer",
                width=8,
                value=lambda r: r["count"],
            ),
            TableColumn(
                "standard",
                env._("Standard (minutes)"),
                type="integer",
                width=12,
                value=lambda r: r["standard"] or 0,
            ),
            TableColumn(
                "average",
                env._("Average Duration (minutes)"),
                type="float",
                digits=1,
                width=14,
                value=lambda r: r["average"] or 0.0,
            ),
            TableColumn(
                "maximum",
                env._("Longest Duration (minutes)"),
                type="float",
                digits=1,
                width=14,
                value=lambda r: r["maximum"] or 0.0,
            ),
            TableColumn(
                "share",
                env._("Share Within Standard (%)"),
                type="float",
                digits=1,
                width=14,
                value=lambda r: r["share"],
            ),
        ]
