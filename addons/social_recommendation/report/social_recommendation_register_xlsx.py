# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models

from odoo.addons.social_client.report.xlsx_table import TableColumn


class SocialRecommendationRegisterXlsx(models.AbstractModel):
    """The register (buku agenda) of incoming requests and issued letters."""

    _name = "report.social_recommendation.register_xlsx"
    _description = "Recommendation Register XLSX"
    _inherit = "report.social_client.xlsx_table"
    _table_order = "date_received, id"

    def _table_sheet_name(self, data):
        return self.env._("Register")

    def _table_columns(self, data):
        env = self.env
        return [
            TableColumn("name", env._("Agenda Number"), width=18),
            TableColumn("date_received", env._("Received on"), width=18),
            TableColumn("request_from", env._("Requested by (Office)"), width=28),
            TableColumn(
                "request_village_id.name", env._("Requesting Village"), width=22
            ),
            TableColumn(
                "request_letter_number", env._("Request Letter Number"), width=22
            ),
            TableColumn("request_letter_date", env._("Request Letter Date"), width=14),
            TableColumn("client_id.name", env._("Client"), width=26),
            TableColumn("type_id.name", env._("Recommendation Type"), width=26),
            TableColumn(
                "institution_id.name", env._("Destination Institution"), width=28
            ),
            TableColumn("social_worker_id.name", env._("Social Worker"), width=22),
            TableColumn("state", env._("Step"), width=18),
            TableColumn("letter_number", env._("Letter Number"), width=24),
            TableColumn("letter_date", env._("Letter Date"), width=14),
            TableColumn("delivery_date", env._("Delivered on"), width=18),
        ]
