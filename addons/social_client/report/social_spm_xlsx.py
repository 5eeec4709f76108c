# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models

from ..models.social_ppks_type import SPM_SERVICES
from .xlsx_table import TableColumn


class SocialSpmXlsx(models.AbstractModel):
    """The SPM achievement per year and service: people assessed as needing the
    service, people served, the share. One grouped query: its rows are groups."""

    _name = "report.social_client.spm_xlsx"
    _description = "SPM Achievement XLSX"
    _inherit = "report.social_client.xlsx_table"

    def _table_sheet_name(self, data):
        return self.env._("SPM Achievement")

    def _table_batches(self, data, objs):
        domain = data.get("domain")
        if domain is None:
            domain = [("id", "in", objs.ids)]
        groups = self.env["social.spm.report"]._read_group(
            domain,
            groupby=["year", "service_type"],
            aggregates=["needing_count:sum", "served_count:sum"],
            order="year desc, service_type",
        )
        yield [
            {
                "year": year,
                "service": service,
                "needing": needing,
                "served": served,
                "share": 100.0 * served / needing if needing else None,
            }
            for year, service, needing, served in groups
        ]

    def _table_columns(self, data):
        env = self.env
        labels = dict(
            self.env["social.spm.report"]
            ._fields["service_type"]
            ._description_selection(env)
        )
        labels = {key: labels.get(key, label) for key, label in SPM_SERVICES}
        return [
            TableColumn(
                "year",
                env._("Year"),
                type="integer",
                width=8,
                value=lambda r: r["year"],
            ),
            TableColumn(
                "service",
                env._("SPM Service"),
                width=40,
                value=lambda r: labels.get(r["service"], r["service"] or ""),
            ),
            TableColumn(
                "needing",
                env._("Assessed as Needing"),
                type="integer",
                width=14,
                total=True,
                value=lambda r: r["needing"],
            ),
            TableColumn(
                "served",
                env._("Served"),
                type="integer",
                width=12,
                total=True,
                value=lambda r: r["served"],
            ),
            TableColumn(
                "share",
                env._("Served (%)"),
                type="float",
                digits=1,
                width=12,
                value=lambda r: r["share"],
            ),
        ]
