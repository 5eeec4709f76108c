# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models

from odoo.addons.social_client.report.xlsx_table import TableColumn


class SocialTrcReportXlsx(models.AbstractModel):
    """The register of complaints with their response times."""

    _name = "report.social_trc_fleet.report_xlsx"
    _description = "Complaint Register XLSX"
    _inherit = "report.social_client.xlsx_table"
    _table_order = "date_received, id"

    def _table_sheet_name(self, data):
        return self.env._("Complaints")

    def _table_columns(self, data):
        env = self.env
        return [
            TableColumn("name", env._("Number"), width=18),
            TableColumn("date_received", width=18),
            TableColumn("channel", width=16),
            TableColumn("urgency_id.name", env._("Urgency"), width=14),
            TableColumn("ppks_type_id.name", env._("PPKS Kind"), width=24),
            TableColumn("village_id.name", env._("Village"), width=20),
            TableColumn("state", width=14),
            TableColumn("date_assigned", width=18),
            TableColumn("date_first_visit", width=18),
            TableColumn("date_handled", width=18),
            TableColumn(
                "is_overdue",
                env._("Overdue"),
                type="boolean",
                value=lambda r: r.is_overdue,
            ),
        ]


class SocialTrcTripXlsx(models.AbstractModel):
    """The log book of the TRC vehicles."""

    _name = "report.social_trc_fleet.trip_xlsx"
    _description = "TRC Trip Log XLSX"
    _inherit = "report.social_client.xlsx_table"
    _table_order = "date_departure, id"

    def _table_sheet_name(self, data):
        return self.env._("Trips")

    def _table_columns(self, data):
        env = self.env
        return [
            TableColumn("name", env._("Number"), width=16),
            TableColumn("vehicle_id.license_plate", env._("Plate"), width=14),
            TableColumn("driver_id.name", env._("Driver"), width=22),
            TableColumn("date_departure", width=18),
            TableColumn("date_return", width=18),
            TableColumn("origin", width=20),
            TableColumn("destination", width=24),
            TableColumn("state", width=12),
            TableColumn("odometer_out", type="float", digits=0),
            TableColumn("odometer_in", type="float", digits=0),
            TableColumn("distance", type="float", digits=0, total=True),
            TableColumn("fuel_cost", type="monetary", total=True),
        ]
