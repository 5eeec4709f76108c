# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models

from odoo.addons.social_client.report.xlsx_table import TableColumn


class SocialRehabCaseXlsx(models.AbstractModel):
    """The case register: one row per case, on the suite's XLSX table base."""

    _name = "report.social_rehab_case.case_xlsx"
    _description = "Rehabilitation Case Register XLSX"
    _inherit = "report.social_client.xlsx_table"
    _table_order = "date_open, id"

    def _table_sheet_name(self, data):
        return self.env._("Cases")

    def _table_columns(self, data):
        env = self.env
        return [
            TableColumn("name", env._("Case Number"), width=16),
            TableColumn("client_id.name", env._("Client"), width=26),
            TableColumn("user_id.name", env._("Social Worker"), width=22),
            TableColumn("supervisor_id.name", env._("Supervising Kasi"), width=22),
            TableColumn("cluster_id.name", env._("ATENSI Cluster"), width=24),
            TableColumn("basis", env._("Basis"), width=18),
            TableColumn("intake_source", env._("Intake Source"), width=20),
            TableColumn("stage_id.name", env._("Stage"), width=20),
            TableColumn("priority", env._("Priority"), width=10),
            TableColumn("risk_level", env._("Risk Level"), width=10),
            TableColumn("date_open", env._("Opening Date"), width=12),
            TableColumn("date_target", env._("Target Date"), width=12),
            TableColumn("date_closed", env._("Closing Date"), width=12),
            TableColumn("stage_date_deadline", env._("Stage Deadline"), width=18),
            TableColumn("termination_reason", env._("Termination Reason"), width=22),
        ]
