# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import fields, models


class SocialRecommendationRegisterXlsx(models.AbstractModel):
    """The register (buku agenda) of incoming requests and issued letters."""

    _name = "report.social_recommendation.register_xlsx"
    _description = "Recommendation Register XLSX"
    _inherit = "report.report_xlsx.abstract"

    def _register_columns(self):
        env = self.env
        states = dict(
            env["social.recommendation"]._fields["state"]._description_selection(env)
        )
        return [
            (env._("Agenda Number"), 18, lambda r: r.name),
            (env._("Received on"), 18, lambda r: r.date_received),
            (env._("Requested by (Office)"), 28, lambda r: r.request_from or ""),
            (
                env._("Requesting Village"),
                22,
                lambda r: r.request_village_id.name or "",
            ),
            (
                env._("Request Letter Number"),
                22,
                lambda r: r.request_letter_number or "",
            ),
            (env._("Request Letter Date"), 14, lambda r: r.request_letter_date or ""),
            (env._("Client"), 26, lambda r: r.client_id.name),
            (env._("Recommendation Type"), 26, lambda r: r.type_id.name),
            (
                env._("Destination Institution"),
                28,
                lambda r: r.institution_id.name or "",
            ),
            (env._("Social Worker"), 22, lambda r: r.social_worker_id.name or ""),
            (env._("Step"), 18, lambda r: states.get(r.state, "")),
            (env._("Letter Number"), 24, lambda r: r.letter_number or ""),
            (env._("Letter Date"), 14, lambda r: r.letter_date or ""),
            (env._("Delivered on"), 18, lambda r: r.delivery_date or ""),
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        columns = self._register_columns()
        sheet = workbook.add_worksheet(self.env._("Register"))
        bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
        datetime_format = workbook.add_format({"num_format": "dd/mm/yyyy hh:mm"})
        for col, (header, width, _getter) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write_string(0, col, header, bold)
        sheet.freeze_panes(1, 0)
        records = objs.sorted(lambda r: (r.date_received, r.id))
        for row, rec in enumerate(records, start=1):
            for col, (_header, _width, getter) in enumerate(columns):
                value = getter(rec)
                if value in ("", False, None):
                    continue
                if hasattr(value, "hour"):
                    # stored in UTC: the register shows the user's local time
                    value = fields.Datetime.context_timestamp(rec, value).replace(
                        tzinfo=None
                    )
                    sheet.write_datetime(row, col, value, datetime_format)
                elif hasattr(value, "isoformat"):
                    sheet.write_datetime(row, col, value, date_format)
                else:
                    sheet.write_string(row, col, str(value))
        sheet.autofilter(0, 0, max(len(records), 1), len(columns) - 1)
