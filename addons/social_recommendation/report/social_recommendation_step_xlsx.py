# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class SocialRecommendationStepXlsx(models.AbstractModel):
    """SOP compliance: per step, month and person, the standard against the
    actual duration and the share of steps done within the standard.

    One grouped query for the whole selection, whatever its size."""

    _name = "report.social_recommendation.sop_compliance_xlsx"
    _description = "SOP Compliance XLSX"
    _inherit = "report.report_xlsx.abstract"

    def _compliance_rows(self, steps):
        """(step, month, person, count, standard, average, maximum, within,
        share) per group of the ended steps among ``steps``."""
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

    def generate_xlsx_report(self, workbook, data, objs):
        env = self.env
        sheet = workbook.add_worksheet(env._("SOP Compliance"))
        bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        month_format = workbook.add_format({"num_format": "mm/yyyy"})
        number = workbook.add_format({"num_format": "0.0"})
        headers = [
            (env._("SOP Step"), 30),
            (env._("Month"), 10),
            (env._("Done by"), 24),
            (env._("Steps"), 8),
            (env._("Standard (minutes)"), 12),
            (env._("Average Duration (minutes)"), 14),
            (env._("Longest Duration (minutes)"), 14),
            (env._("Share Within Standard (%)"), 14),
        ]
        for col, (header, width) in enumerate(headers):
            sheet.set_column(col, col, width)
            sheet.write_string(0, col, header, bold)
        sheet.freeze_panes(1, 0)
        rows = self._compliance_rows(objs)
        for row, values in enumerate(rows, start=1):
            sheet.write_string(row, 0, values["step"].name)
            sheet.write_datetime(row, 1, values["month"], month_format)
            sheet.write_string(row, 2, values["user"].name or "")
            sheet.write_number(row, 3, values["count"])
            sheet.write_number(row, 4, values["standard"] or 0)
            sheet.write_number(row, 5, values["average"] or 0.0, number)
            sheet.write_number(row, 6, values["maximum"] or 0.0, number)
            if values["share"] is None:
                sheet.write_string(row, 7, "")
            else:
                sheet.write_number(row, 7, values["share"], number)
        sheet.autofilter(0, 0, max(len(rows), 1), len(headers) - 1)
